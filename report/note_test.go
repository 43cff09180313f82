package report

import "testing"

func TestPlaceNote(t *testing.T) {
	answer := "Message passing has three steps.\n\nThe residual formula is $h = h + h$.\n\n- fewer layers\n- skip connections"
	before, after := PlaceNote(answer, "The residual formula is garbled: it adds h to itself.")
	if before != "Message passing has three steps.\n\nThe residual formula is $h = h + h$.\n\n" || after != "- fewer layers\n- skip connections" {
		t.Errorf("split as %q | %q", before, after)
	}
	if before+after != answer {
		t.Error("the answer is not kept whole")
	}
	if before, after := PlaceNote(answer, "Unrelated."); before != answer || after != "" {
		t.Errorf("no word in common: %q | %q", before, after)
	}
	fenced := "Intro text.\n\n```\ncode about residual formula\n\nmore residual formula\n```\n\nEnd."
	if before, _ := PlaceNote(fenced, "residual formula"); before != "Intro text.\n\n" && before != fenced[:len(fenced)-4] {
		t.Errorf("note placed inside a code block: %q", before)
	}
}
