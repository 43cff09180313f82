package grading

import "testing"

// TestVocabularyParaphrases checks shared-thesaurus groups that let a
// paraphrased answer match a curated phrasing (each group holds in every
// deck), and the near misses they must not open.
func TestVocabularyParaphrases(t *testing.T) {
	tests := []struct {
		phrasing, answer string
		want             bool
	}{
		{"human pauses", "it handles human quirks like hesitating for a moment", true},
		{"human intervention", "have a human who can take over during early deployment", true},
		{"human intervention", "human takeovers during rollouts", true},
		{"multiple random splits", "you need several random splits and seeds", true},
		{"multiple modes", "a softmax can represent several modes", true},
	}
	for _, tt := range tests {
		if got := covers(t, tt.phrasing, tt.answer); got != tt.want {
			t.Errorf("phrasing %q, answer %q: covered = %v, want %v", tt.phrasing, tt.answer, got, tt.want)
		}
	}
}
