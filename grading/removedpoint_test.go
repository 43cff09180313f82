package grading

import (
	"testing"

	"grill/decks"
)

// A verb of removal said of a positive point's words takes its cover back;
// a point about an absence is still covered by one.
func TestRemovedPointNotCovered(t *testing.T) {
	c := &decks.Card{ID: "t/oft", Question: "What did the fine-tuning recipe change?",
		Answer: "It adds a wrist camera and proprioception as inputs, and it trains without a teacher model.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Wrist camera and proprioception", Phrasings: []string{"wrist camera", "proprioception"}, Weight: 1},
			{Label: "No teacher", Phrasings: []string{"no teacher", "without a teacher"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"It removed the wrist camera to avoid causal confusion.", "Wrist camera and proprioception", false},
		{"The wrist camera was dropped to avoid causal confusion.", "Wrist camera and proprioception", false},
		{"It added a wrist camera to avoid causal confusion.", "Wrist camera and proprioception", true},
		{"It skips the teacher entirely.", "No teacher", true},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}
