package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"grill/interview"
)

func TestCountdownTicksAndExpires(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("1/2", "00:20 left", "Your answer")
	h.clock.Advance(time.Second)
	h.waitFor("00:19 left")
	h.typeText("alpha only")
	h.waitFor("alpha only", "2 words")
	h.clock.Advance(4 * time.Second)
	h.waitFor("00:15 left")
	h.clock.Advance(15 * time.Second)
	h.waitFor("Key points", "timed out")
	r := h.waitRecord(func(r interview.Record) bool { return r.Questions[0].Outcome != interview.Pending })
	q := r.Questions[0]
	if q.Outcome != interview.TimedOut || q.Answer != "alpha only" || q.TimeUsed != 20*time.Second {
		t.Fatalf("timed-out question recorded as %q, answer %q, time %v", q.Outcome, q.Answer, q.TimeUsed)
	}
}

func TestCountdownChangesColourAsTimeRunsLow(t *testing.T) {
	var c interview.Config = config(1)
	c.Session.TimeLimit = time.Minute
	h := start(t, Options{Config: c, SkipHome: true}, 100, 30)
	colourOf := func(label string) tcell.Color {
		var fg tcell.Color
		h.waitFor(label)
		h.a.tv.QueueUpdate(func() {
			cells, w, _ := h.sim.GetContents()
			row := ""
			for x := 0; x < w; x++ {
				if len(cells[x].Runes) > 0 {
					row += string(cells[x].Runes)
				} else {
					row += " "
				}
			}
			i := strings.Index(row, label)
			fg, _, _ = cells[i].Style.Decompose()
		})
		return fg
	}
	calm := colourOf("01:00 left")
	h.clock.Advance(43 * time.Second) // 17 s left: below 30%
	amber := colourOf("00:17 left")
	h.clock.Advance(3 * time.Second) // 14 s left: last 15 s
	red := colourOf("00:14 left")
	if calm == amber || amber == red || calm == red {
		t.Fatalf("countdown colours calm %v, amber %v, red %v: want three different", calm, amber, red)
	}
	if red != tcell.ColorRed {
		t.Fatalf("last seconds shown in %v, want red", red)
	}
}

func TestTypingAndSubmitShowsTheReview(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("Ctrl+S submit")
	h.typeText("Alpha sets the rate and beta scales the output.")
	h.waitFor("scales the output.", "9 words")
	h.clock.Advance(3 * time.Second)
	h.ctrl(tcell.KeyCtrlS)
	screen := h.waitFor("Key points", "✓ Alpha", "✓ Beta", "score 100", "Reference answer", "reference", "Note", "A reviewer's correction.")
	if !strings.Contains(screen, "submitted 0:03/0:20") {
		t.Fatalf("review does not say the answer was submitted after 3 s:\n%s", screen)
	}
	q := h.record().Questions[0]
	if q.Outcome != interview.Submitted || q.Answer != "Alpha sets the rate and beta scales the output." || q.TimeUsed != 3*time.Second {
		t.Fatalf("recorded %+v", q)
	}
}

func TestSpaceTogglesAKeyPointAndTheScoreChanges(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("Ctrl+S submit")
	h.typeText("alpha")
	h.waitFor("1 word")
	h.ctrl(tcell.KeyCtrlS)
	before := h.waitFor("✓ Alpha", "✗ Beta")
	if strings.Contains(before, "adjusted") {
		t.Fatal("adjusted score shown before any override")
	}
	h.key(tcell.KeyDown) // select Beta
	h.press(' ')
	h.waitFor("✓ (you) Beta ×2", "adjusted 100")
	q := h.record().Questions[0]
	if !q.Overrides[1] || q.Adjusted != 100 {
		t.Fatalf("override not recorded: overrides %v adjusted %d", q.Overrides, q.Adjusted)
	}
	h.press(' ')
	h.waitFor("✗ Beta")
	h.waitGone("adjusted")
}

func TestRatingGoesToTheNextQuestion(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("1/2")
	h.submitEmpty()
	h.waitFor("Key points")
	h.clock.Advance(2 * time.Second)
	h.press('3')
	h.waitFor("2/2", "Your answer", "00:20 left", "0 words")
	r := h.record()
	if r.Questions[0].Rating != interview.Good || len(r.Questions) != 2 || r.Current != 1 {
		t.Fatalf("after rating 3: %+v", r)
	}
}

func TestSkipShowsTheReview(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("1/2")
	h.typeText("alpha")
	h.waitFor("1 word")
	h.ctrl(tcell.KeyCtrlK)
	h.waitFor("Skip this question?")
	h.key(tcell.KeyEnter)
	h.waitFor("skipped", "score 0", "✗ Alpha")
	if q := h.record().Questions[0]; q.Outcome != interview.Skipped || q.Answer != "alpha" {
		t.Fatalf("skip recorded as %+v", q)
	}
}

func TestSummaryListsEveryQuestion(t *testing.T) {
	h := start(t, Options{Config: config(3), SkipHome: true,
		Report: func(r interview.Record) (string, error) { return "/data/grill/sessions/" + r.ID + ".md", nil }}, 100, 30)
	h.waitFor("1/3")
	h.typeText("alpha beta")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('4')
	h.waitFor("2/3")
	h.clock.Advance(20 * time.Second)
	h.waitFor("timed out", "Key points")
	h.press('1')
	h.waitFor("3/3")
	h.ctrl(tcell.KeyCtrlK)
	h.waitFor("skipped")
	h.press('2')
	screen := h.waitFor("Summary", "session complete", "report: /data/grill/sessions/20261125T090000Z.md", "q quit")
	r := h.record()
	if r.Ended.IsZero() || len(r.Questions) != 3 {
		t.Fatalf("session not ended with 3 questions: %+v", r)
	}
	for i, q := range r.Questions {
		if !strings.Contains(screen, strings.TrimSuffix(q.Question[:20], " ")) {
			t.Errorf("summary does not list question %d %q:\n%s", i+1, q.Question, screen)
		}
	}
	for _, w := range []string{"submitted", "timed out", "skipped", "Easy", "Again", "Hard", "0:20/0:20"} {
		if !strings.Contains(screen, w) {
			t.Errorf("summary lacks %q:\n%s", w, screen)
		}
	}
	// q quits: Run returns.
	h.press('q')
	h.waitExit(5*time.Second, "q did not quit")
}

func TestCtrlQAsksBeforeQuitting(t *testing.T) {
	h := start(t, Options{Config: config(3), SkipHome: true}, 100, 30)
	h.waitFor("1/3")
	h.typeText("alpha")
	h.waitFor("1 word")
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?", "Quit", "Keep going")
	h.key(tcell.KeyEscape)
	h.waitGone("End this session?")
	h.typeText(" beta")
	h.waitFor("alpha beta")
	if r := h.record(); !r.Ended.IsZero() {
		t.Fatal("session ended though the candidate kept going")
	}
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?")
	h.key(tcell.KeyEnter) // "Quit" has the focus
	h.waitFor("Summary", "ended early · quit after 0 of 3", "not answered")
	r := h.record()
	if r.Ended.IsZero() || len(r.Questions) != 1 || r.Questions[0].Answer != "alpha beta" {
		t.Fatalf("session not kept on quitting: %+v", r)
	}
}

func TestLayoutFits80x24(t *testing.T) {
	h := start(t, Options{Config: config(2)}, 80, 24)
	h.waitFor("New session", "Start")
	if l := h.lastLine(); !strings.Contains(l, "Ctrl+S start") || !strings.Contains(l, "Ctrl+Q quit") {
		t.Fatalf("home footer %q", l)
	}
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("1/2", "00:20 left")
	if l := h.lastLine(); !strings.Contains(l, "Ctrl+S submit · Ctrl+K skip · Ctrl+Q quit") || !strings.Contains(l, "0 words") {
		t.Fatalf("question footer %q", l)
	}
	h.typeText(strings.Repeat("alpha beta\n", 30)) // more lines than the box holds
	h.waitFor("60 words")
	if l := h.lastLine(); !strings.Contains(l, "Ctrl+S submit") {
		t.Fatalf("footer pushed off by a long answer: %q", l)
	}
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points", "Reference answer")
	if l := h.lastLine(); !strings.Contains(l, "1 Again") || !strings.Contains(l, "4 Easy") {
		t.Fatalf("review footer %q", l)
	}
	for _, l := range h.lines() {
		if len([]rune(l)) > 80 {
			t.Fatalf("line wider than the screen: %q", l)
		}
	}
	h.press('3')
	h.waitFor("2/2")
	h.submitEmpty()
	h.waitFor("Key points")
	h.press('3')
	h.waitFor("Summary", "rating", "missed", "Good", "Beta")
	if l := h.lastLine(); !strings.Contains(l, "q quit") {
		t.Fatalf("summary footer %q", l)
	}
}

func TestResizeRedraws(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 80, 24)
	h.waitFor("Ctrl+S submit")
	h.sim.SetSize(120, 40)
	h.post(tcell.NewEventResize(120, 40))
	deadline := time.Now().Add(5 * time.Second)
	for {
		ls := h.lines()
		if len(ls) == 40 && strings.Contains(ls[39], "Ctrl+S submit") && strings.Contains(ls[0], "00:20 left") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("not redrawn at 120×40:\n%s", strings.Join(ls, "\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestUnicodeAnswers(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("Ctrl+S submit")
	answer := "Über café: 日本語 alpha 🚀 done"
	h.typeText(answer)
	h.waitFor("Über café: 日本語 alpha 🚀 done", "8 words")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points", "Über café: 日本語 alpha 🚀 done")
	if got := h.record().Questions[0].Answer; got != answer {
		t.Fatalf("answer recorded as %q", got)
	}
}

func TestHomeStartsTheSessionChosen(t *testing.T) {
	c := config(2)
	c.Session.Topics = []string{"b"}
	h := start(t, Options{Config: c}, 100, 30)
	screen := h.waitFor("New session", "Topics", "Questions", "Time per question", "Order", "mixed", "Start")
	if !strings.Contains(screen, "[ ] a") || !strings.Contains(screen, "[x] b") || !strings.Contains(screen, "20s") {
		t.Fatalf("home not prefilled from the configuration:\n%s", screen)
	}
	// Uncheck b: nothing chosen, the session cannot start.
	h.key(tcell.KeyTab)
	h.press(' ')
	h.waitFor("[ ] b")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("choose at least one topic")
	// Check a instead and start.
	h.key(tcell.KeyBacktab)
	h.press(' ')
	h.waitFor("[x] a")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("a · 1/2", "00:20 left")
	if r := h.record(); len(r.Settings.Topics) != 1 || r.Settings.Topics[0] != "a" {
		t.Fatalf("session topics %v, want [a]", r.Settings.Topics)
	}
}

func TestNoColor(t *testing.T) {
	h := start(t, Options{Config: config(2), NoColor: true}, 80, 24)
	assertNoColor := func(what string) {
		t.Helper()
		h.a.tv.QueueUpdate(func() {
			cells, _, _ := h.sim.GetContents()
			for i, c := range cells {
				fg, bg, _ := c.Style.Decompose()
				if fg != tcell.ColorDefault || bg != tcell.ColorDefault {
					t.Fatalf("%s: cell %d (%q) has colours %v on %v", what, i, string(c.Runes), fg, bg)
				}
			}
		})
	}
	h.waitFor("New session")
	assertNoColor("home")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("00:20 left")
	h.typeText("alpha")
	h.clock.Advance(18 * time.Second)
	h.waitFor("00:02 left")
	assertNoColor("question with little time left")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("✓ Alpha")
	assertNoColor("review")
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?")
	assertNoColor("confirmation")
	h.key(tcell.KeyEnter)
	h.waitFor("Summary")
	assertNoColor("summary")
}

func TestColourIsUsedWithoutNoColor(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 80, 24)
	h.waitFor("Ctrl+S submit")
	coloured := false
	h.a.tv.QueueUpdate(func() {
		cells, _, _ := h.sim.GetContents()
		for _, c := range cells {
			if fg, bg, _ := c.Style.Decompose(); fg != tcell.ColorDefault || bg != tcell.ColorDefault {
				coloured = true
			}
		}
	})
	if !coloured {
		t.Fatal("no colour anywhere with colour on")
	}
}

func TestPastedLongAnswerArrivesWhole(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 80, 24)
	h.waitFor("Ctrl+S submit")
	words := strings.Repeat("neighbour aggregation ", 2500) // 5,000 words
	h.post(tcell.NewEventPaste(true))
	h.typeText(words)
	h.post(tcell.NewEventPaste(false))
	h.waitFor("5000 words")
	h.typeText(" and alpha")
	h.waitFor("5002 words")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points", "submitted")
	if got := h.record().Questions[0].Answer; got != words+" and alpha" {
		t.Fatalf("answer of %d bytes recorded, want %d", len(got), len(words)+10)
	}
}

func TestTimeRunsOutWhileTheQuitDialogIsOpen(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("1/2")
	h.typeText("alpha")
	h.waitFor("1 word")
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?")
	h.clock.Advance(20 * time.Second)
	h.waitFor("timed out", "Key points")
	h.waitGone("End this session?")
	if q := h.record().Questions[0]; q.Outcome != interview.TimedOut || q.Answer != "alpha" {
		t.Fatalf("recorded %+v", q)
	}
}

func TestTabMovesBetweenReviewPanes(t *testing.T) {
	h := start(t, Options{Config: config(2), SkipHome: true}, 100, 30)
	h.waitFor("1/2")
	h.submitEmpty()
	// The focused pane has a double border.
	h.waitFor("╔ Key points", "┌ Your answer", "┌ Reference answer")
	h.key(tcell.KeyTab)
	h.waitFor("┌ Key points", "╔ Your answer")
	h.key(tcell.KeyTab)
	h.waitFor("╔ Reference answer", "┌ Your answer")
	h.key(tcell.KeyBacktab)
	h.waitFor("╔ Your answer", "┌ Reference answer")
	// Space still toggles the selected key point from another pane.
	h.press(' ')
	h.waitFor("adjusted")
}

// TestAnswerIsCappedAtMaxAnswerBytes: a paste past the answer limit keeps
// what fits, says the answer is full and how much was not kept, and the
// record holds no more.
func TestAnswerIsCappedAtMaxAnswerBytes(t *testing.T) {
	h := start(t, Options{Config: config(1), SkipHome: true}, 80, 24)
	h.waitFor("Ctrl+S submit")
	word := "aggregation "
	text := strings.Repeat(word, interview.MaxAnswerBytes/len(word)+100)
	h.post(tcell.NewEventPaste(true))
	h.typeText(text)
	h.post(tcell.NewEventPaste(false))
	h.waitFor("answer full: 1.2 KiB not kept") // 263,340 bytes pasted, 262,144 kept
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points", "submitted")
	if got := h.record().Questions[0].Answer; len(got) != interview.MaxAnswerBytes || got != text[:interview.MaxAnswerBytes] {
		t.Fatalf("answer of %d bytes recorded, want the first %d", len(got), interview.MaxAnswerBytes)
	}
}

// TestHomeRefusesATimeOverTheCap: the home screen checks the settings as
// the configuration file and the flags do (interview.Settings.Validate).
func TestHomeRefusesATimeOverTheCap(t *testing.T) {
	h := start(t, Options{Config: config(2)}, 80, 24)
	h.waitFor("New session")
	for range 3 { // topics a and b, questions, time per question
		h.key(tcell.KeyTab)
	}
	for range 5 {
		h.key(tcell.KeyBackspace2)
	}
	h.typeText("1000h")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("time per question: must be from 5s to 1h")
}
