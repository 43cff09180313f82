package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"grill/decks"
	"grill/interview"
)

// TestHelpOverlayOnEveryScreen opens the help with ? (F1 while typing) on
// the home, question, review and summary screens: it lists the screen's
// own keys, and any key closes it without acting.
func TestHelpOverlayOnEveryScreen(t *testing.T) {
	h := start(t, Options{Config: config(1)}, 80, 24)
	h.waitFor("New session")
	h.press('?')
	h.waitFor("Keys", "Ctrl+S", "start the session", "any key closes")
	h.press('x')
	h.waitGone("any key closes")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("1/1")
	// In the answer box ? is typed; F1 opens the help.
	h.press('?')
	h.waitFor("1 word")
	h.key(tcell.KeyF1)
	h.waitFor("skip, not graded", "asks first if you typed")
	h.key(tcell.KeyEnter) // closes the help; does not submit
	h.waitGone("any key closes")
	h.typeText(" alpha")
	h.waitFor("2 words")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('?')
	h.waitFor("rate the answer Again, Hard, Good or Easy")
	h.press('1') // closes the help; does not rate
	h.waitGone("any key closes")
	if r := h.record(); r.Questions[0].Rating != interview.NoRating {
		t.Fatalf("the key that closed the help rated the answer: %v", r.Questions[0].Rating)
	}
	h.press('3')
	h.waitFor("Summary")
	h.press('?')
	h.waitFor("reopen its review (read-only)", "new session with the same settings", "home screen")
	h.key(tcell.KeyEscape)
	h.waitGone("any key closes")
	h.waitFor("Summary")
}

// TestCtrlKAsksBeforeSkippingAnAnswer: Ctrl+K with text typed asks, and
// "Keep writing" goes back to the answer as it was; on an empty answer it
// skips at once.
func TestCtrlKAsksBeforeSkippingAnAnswer(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 80, 24)
	h.waitFor("1/2")
	h.typeText("alpha beta")
	h.waitFor("2 words")
	h.ctrl(tcell.KeyCtrlK)
	h.waitFor("Skip this question?", "Keep writing")
	h.key(tcell.KeyTab) // to "Keep writing"
	h.key(tcell.KeyEnter)
	h.waitGone("Skip this question?")
	h.typeText(" gamma")
	h.waitFor("alpha beta gamma", "3 words")
	if q := h.record().Questions[0]; q.Outcome != interview.Pending {
		t.Fatalf("question ended as %q", q.Outcome)
	}
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('3')
	h.waitFor("2/2")
	h.ctrl(tcell.KeyCtrlK)
	h.waitFor("skipped", "Key points")
}

// TestSummaryKeys: Enter reopens the selected question's review read-only,
// Esc goes back to the summary then home, n starts a new session.
func TestSummaryKeys(t *testing.T) {
	var out bytes.Buffer
	h := start(t, Options{Config: config(2), SkipHome: true, Stdout: &out,
		Report: func(r interview.Record) (string, error) { return "/reports/" + r.ID + ".md", nil }}, 80, 24)
	h.waitFor("1/2")
	h.typeText("alpha")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('3')
	h.waitFor("2/2")
	h.typeText("beta")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('4')
	h.waitFor("Summary", "Enter review", "n new", "Esc home")
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	h.waitFor("2/2 · review", "read-only", "Esc back to the summary")
	h.press(' ') // no self-grading here
	h.press('1') // no rating
	r := h.record()
	if len(r.Questions[1].Overrides) != 0 || r.Questions[1].Rating != interview.Easy {
		t.Fatalf("the read-only review changed the record: %+v", r.Questions[1])
	}
	h.key(tcell.KeyEscape)
	h.waitFor("Summary", "session complete")
	h.press('n')
	h.waitFor("1/2", "00:20 left")
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?")
	h.key(tcell.KeyEnter)
	h.waitFor("Summary", "ended early")
	h.key(tcell.KeyEscape)
	h.waitFor("New session", "Start")
	h.a.stop()
	<-h.done
	h.done <- nil // for the cleanup
	if n := strings.Count(out.String(), "Report: /reports/"); n != 2 {
		t.Errorf("on exit grill printed %q, want the two reports' paths", out.String())
	}
}

// TestHomeArrowsMoveBetweenFields: ↓ and ↑ move the focus, which a marker
// shows before the field's label.
func TestHomeArrowsMoveBetweenFields(t *testing.T) {
	h := start(t, Options{Config: config(1)}, 80, 24)
	h.waitFor("▸ Topics")
	h.key(tcell.KeyDown)
	h.key(tcell.KeyDown)
	h.waitFor("▸ Questions")
	h.key(tcell.KeyDown)
	h.waitFor("▸ Time per question")
	h.key(tcell.KeyUp)
	h.waitFor("▸ Questions")
	if strings.Contains(h.text(), "▸ Topics") {
		t.Error("two fields marked")
	}
}

// TestHomeSaysQuestionsWereMerged: a question in two loaded decks is asked
// once, and the home screen says so.
func TestHomeSaysQuestionsWereMerged(t *testing.T) {
	lib := testLibrary()
	kept := lib.Topics[0].Cards[0]
	kept.Source = "decks/a.md"
	lib.Merged = []decks.Merge{{Kept: kept, Dropped: &decks.Card{ID: "seed/q1", Question: kept.Question, Source: "seed.md"}}}
	h := start(t, Options{Library: lib, Config: config(1)}, 100, 30)
	h.waitFor("1 question was in two loaded decks and is asked once", "seed.md")
}

// TestErratumNextToItsPassage: the review shows a reference answer's note
// right after the paragraph it corrects, not below the whole answer.
func TestErratumNextToItsPassage(t *testing.T) {
	card := &decks.Card{
		Answer: "The residual formula is h = h + h.\n\nA second paragraph on depth.\n\nA third on pooling readouts.",
		Note:   "The residual formula is garbled.",
	}
	text := referenceText(newTheme(false), card)
	iNote, iSecond := strings.Index(text, "garbled"), strings.Index(text, "second paragraph")
	if iNote < 0 || iSecond < 0 || iNote > iSecond {
		t.Errorf("note not between the first and second paragraphs:\n%s", text)
	}
}

// TestReviewScrollsToEvidenceAndKeepsStatesVisible: at 80×24 a long key
// point label ends in "…" with its state still shown, and selecting a
// point scrolls the answer to the words that covered it.
func TestReviewScrollsToEvidenceAndKeepsStatesVisible(t *testing.T) {
	lib := testLibrary()
	for _, tp := range lib.Topics {
		for _, c := range tp.Cards {
			c.KeyPoints[0].Label = "Alpha is the first point of every card, with a label far too long for the pane"
		}
	}
	h := start(t, Options{Library: lib, Config: config(1), SkipHome: true}, 80, 24)
	h.waitFor("1/1")
	h.typeText("There is no alpha here.\n" + strings.Repeat("Filler words about nothing.\n", 30) + "Last, beta at the very end.")
	h.waitFor("words")
	h.ctrl(tcell.KeyCtrlS)
	screen := h.waitFor("Key points", "…", "(contradicted)")
	if strings.Contains(screen, "beta at the very end") {
		t.Fatalf("the end of the answer shows before its point is selected:\n%s", screen)
	}
	h.key(tcell.KeyDown) // select Beta
	h.waitFor("beta at the very end")
}

// TestTinyScreenHeaderAndFooter: at 40×12 the header and the footer of
// each screen fit: no key cut in the middle, no text run into another.
func TestTinyScreenHeaderAndFooter(t *testing.T) {
	h := start(t, Options{Config: config(1), SkipHome: true}, 40, 12)
	h.waitFor("1/1", "00:20 left")
	if l := h.lastLine(); !strings.Contains(l, "Ctrl+S submit · F1 keys") || !strings.Contains(l, "0 words") {
		t.Errorf("question footer %q", l)
	}
	h.typeText("alpha")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("review")
	lines := h.lines()
	if !strings.Contains(lines[0], "  score 33") {
		t.Errorf("review header runs into the score: %q", lines[0])
	}
	if l := h.lastLine(); !strings.Contains(l, "1-4 rate · ? keys") || strings.Contains(l, "2 H") {
		t.Errorf("review footer %q", l)
	}
	h.press('3')
	h.waitFor("Summary")
	if l := h.lastLine(); !strings.Contains(l, "Enter review · Esc home · ? keys") {
		t.Errorf("summary footer %q", l)
	}
}
