package grading

import "testing"

// TestRemovalCoversAbsence: a verb of removal before or after its object
// ("skips the teacher", "does away with the teacher", "the teacher is
// dropped") says the absence a negative phrasing states; it does not deny
// a positive phrasing, and "skip connections" is a name.
func TestRemovalCoversAbsence(t *testing.T) {
	c := card([]string{"No teacher", "no teacher"})
	wantCovered(t, c, "No teacher", true,
		"Consistency training skips the teacher and uses the same noise at both times.",
		"Consistency training drops the pretrained teacher entirely.",
		"Consistency training does away with the teacher.",
		"Consistency training dispenses with a teacher.",
		"In consistency training the teacher is simply dropped.",
		"In consistency training the teacher gets left out.",
		"Consistency training drops the need for a teacher.",
		"Consistency training bypasses the need for a pretrained teacher.",
		"In consistency training a teacher is optional.",
		"The teacher becomes unnecessary in consistency training.",
	)
	wantCovered(t, c, "No teacher", false,
		"Consistency training uses a teacher and keeps it for every step.",
		"Consistency training replaces the data with a teacher at every step.",
	)
	pos := card([]string{"Uses a teacher", "uses a teacher"})
	if p := point(t, Grade(pos, "Distillation uses a teacher; consistency training skips it, and you can skip the teacher at test time."), "Uses a teacher"); !p.Covered {
		t.Errorf("positive point: %+v, want covered", p)
	}
	res := card([]string{"No residual connections", "no residual connections"})
	if p := point(t, Grade(res, "The network has skip connections and residual connections around every block."), "No residual connections"); p.Covered {
		t.Errorf("skip connections named: %+v, want not covered", p)
	}
}
