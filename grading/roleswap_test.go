package grading

import (
	"testing"

	"grill/decks"
)

// A point named by words of its own label in a clause that gives it the
// role of a sibling point (labels sharing a word) is not covered.
func TestSiblingRoleSwapped(t *testing.T) {
	c := &decks.Card{ID: "t/cams", Question: "Which cameras should a manipulation policy get?",
		Answer: "A wrist camera sees the gripper up close for fine manipulation; a third-person camera gives the scene context.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Wrist camera for fine manipulation", Phrasings: []string{"wrist camera", "gripper up close"}, Weight: 1},
			{Label: "Third-person camera for scene context", Phrasings: []string{"third-person camera", "scene context"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"The wrist camera is what gives the overall scene context.", "Wrist camera for fine manipulation", false},
		{"The wrist camera is what you need for fine manipulation.", "Wrist camera for fine manipulation", true},
		{"The wrist camera helps a lot.", "Wrist camera for fine manipulation", true},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}
