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
		{"hand-coded", "a detector and a planner, each one made by hand", true},
		{"hand-engineered", "the features were designed by hand", true},
		{"hand-coded", "the grasp is made by a robot hand", false},
		{"reordering the nodes", "it must give the same answer if you relabel the vertices", true},
		{"outputs permute with the nodes", "relabelling the input should relabel the outputs with the nodes", true},
		{"permutation invariant", "the readout is invariant to renumbering the nodes", true},
	}
	for _, tt := range tests {
		if got := covers(t, tt.phrasing, tt.answer); got != tt.want {
			t.Errorf("phrasing %q, answer %q: covered = %v, want %v", tt.phrasing, tt.answer, got, tt.want)
		}
	}
}

// TestAddSubtractOpposite: subtracting a term from a quantity is not adding
// it ("subtract its gradient from the score" does not cover "add the
// classifier's gradient to the score"); an answer that adds it, and also
// subtracts something else, still covers it.
func TestAddSubtractOpposite(t *testing.T) {
	point := []string{"Add the classifier's gradient to the score", "add to the score", "classifier gradient"}
	if p := Grade(card(point), "You subtract the gradient of the classifier from the score.").Points[0]; p.Covered {
		t.Error("'subtract the gradient of the classifier from the score' covers 'add the classifier's gradient to the score'")
	}
	if p := Grade(card(point), "You add the gradient of the classifier to the score and subtract the mean.").Points[0]; !p.Covered || p.Contradicted {
		t.Errorf("adding it: covered = %v, contradicted = %v, want covered", p.Covered, p.Contradicted)
	}
}

// TestBritishPlurals: the plural of a word the spelling table lists is
// rewritten like the word ("analogues" is "analogs", as "analogue" is
// "analog"), and the sulph- family is spelled sulf-.
func TestBritishPlurals(t *testing.T) {
	tests := []struct {
		phrasing, answer string
		want             bool
	}{
		{"analogues in train and test", "similar analogs land in train and test", true},
		{"close analogues", "close analogs of the training molecules", true},
		{"catalogues", "the product catalogs", true},
		{"sulfur dioxide", "sulphur dioxide is released", true},
		{"sulfuric acid", "we add sulphuric acid to the water", true},
	}
	for _, tt := range tests {
		if got := covers(t, tt.phrasing, tt.answer); got != tt.want {
			t.Errorf("phrasing %q, answer %q: covered = %v, want %v", tt.phrasing, tt.answer, got, tt.want)
		}
	}
	for w, want := range map[string]string{"analogues": "analogs", "dialogues": "dialogs", "licences": "licenses", "towards": "toward", "focus": "focus", "sulphates": "sulfates"} {
		if got := britishToUS(w); got != want {
			t.Errorf("britishToUS(%q) = %q, want %q", w, got, want)
		}
	}
}
