package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"grill/decks"
	"grill/interview"
)

// verdictLibrary has one comparison card (topic "s") with a misconception
// whose label is too long for the key points pane at 80 columns.
func verdictLibrary() *decks.Library {
	return &decks.Library{Topics: []*decks.Topic{{ID: "s", Title: "Samplers", Source: "built-in", TimeLimit: 3 * time.Minute,
		Cards: []*decks.Card{{
			ID: "s/ddpm-vs-ddim", Topic: "s", Question: "DDPM vs DDIM sampling: what differs?",
			Answer: "DDPM samples stochastically over many steps; DDIM is deterministic and reuses the trained DDPM.",
			KeyPoints: []decks.KeyPoint{
				{Label: "DDPM: stochastic sampling", Phrasings: []string{"stochastic", "adds noise at each step"}, Weight: 1},
				{Label: "DDIM: deterministic sampling", Phrasings: []string{"deterministic", "no added noise"}, Weight: 1},
				{Label: "Same trained model", Phrasings: []string{"same trained model", "no retraining"}, Weight: 1},
			},
			Misconceptions: []decks.KeyPoint{
				{Label: "DDIM is slower than DDPM because it takes more denoising steps", Phrasings: []string{"DDIM is slower", "DDIM takes more steps"}, Weight: 1},
			},
		}},
	}}}
}

// verdictAnswer covers the DDPM point and the shared model, says DDIM is
// stochastic (said of DDIM: contradicts its point) and asserts the
// misconception.
const verdictAnswer = "DDPM adds noise at each step. DDIM is stochastic too. DDIM is slower than DDPM, and it reuses the same trained model."

// cellAt returns the style of the first cell of the first occurrence of
// word on the screen at or right of column x0 (the answer pane), read
// inside the event loop.
func (h *harness) cellAt(word string, x0 int) (tcell.Style, bool) {
	var st tcell.Style
	found := false
	h.a.tv.QueueUpdate(func() {
		cells, w, ht := h.sim.GetContents()
		for y := 0; y < ht && !found; y++ {
			var runes []rune
			var xs []int
			for x := x0; x < w; x++ {
				c := cells[y*w+x]
				r := ' '
				if len(c.Runes) > 0 {
					r = c.Runes[0]
				}
				runes, xs = append(runes, r), append(xs, x)
			}
			if i := strings.Index(string(runes), word); i >= 0 {
				st = cells[y*w+xs[len([]rune(string(runes)[:i]))]].Style
				found = true
			}
		}
	})
	return st, found
}

func verdictConfig() interview.Config {
	c := config(1)
	c.Session.Topics = []string{"s"}
	return c
}

// TestReviewShowsContradictedAndWrong: an answer that contradicts one key
// point of a comparison card and asserts its misconception shows
// "✗ … (contradicted)" and "✗ wrong: …" (the long label cut, its state
// kept, at 80 columns), their evidence marked in red apart from the yellow
// of covered points, the selected wrong claim's words marked strongly; the
// score is the record's, a wrong claim is not self-graded, and the record
// keeps both verdicts.
func TestReviewShowsContradictedAndWrong(t *testing.T) {
	h := start(t, Options{Library: verdictLibrary(), Config: verdictConfig(), SkipHome: true}, 80, 24)
	h.waitFor("1/1")
	h.typeText(verdictAnswer)
	h.waitFor("trained model.")
	h.ctrl(tcell.KeyCtrlS)
	screen := h.waitFor("Key points", "✓ DDPM: stochastic sampling", "(contradicted)", "✗ wrong: DDIM is slower", "…", "✓ Same trained model", "score 0")
	for _, l := range strings.Split(screen, "\n") {
		if strings.Contains(l, "✗ wrong:") && !strings.Contains(l, "…") {
			t.Errorf("the long wrong claim is not cut to fit: %q", l)
		}
		if strings.Contains(l, "(contradicted)") && !strings.Contains(l, "✗ DDIM: deterministic") {
			t.Errorf("contradicted line %q", l)
		}
	}
	q := h.record().Questions[0]
	if q.Grade.Score != 0 || q.Adjusted != 0 || !q.Grade.Points[1].Contradicted || q.Grade.Points[1].Covered ||
		len(q.Grade.Misconceptions) != 1 || !q.Grade.Misconceptions[0].Asserted {
		t.Fatalf("recorded grade %+v", q.Grade)
	}
	js, err := json.Marshal(q)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"contradicted":true`, `"evidence":[`, `"misconceptions":[{"label":"DDIM is slower than DDPM`, `"asserted":true`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("JSON record lacks %s: %s", want, js)
		}
	}

	// The answer pane (right of column 44) marks each piece of evidence.
	const pane = 44
	style := func(word string) (fg, bg tcell.Color) {
		t.Helper()
		st, ok := h.cellAt(word, pane)
		if !ok {
			t.Fatalf("answer pane lacks %q:\n%s", word, h.text())
		}
		fg, bg, _ = st.Decompose()
		return fg, bg
	}
	waitStyle := func(word string, ok func(fg, bg tcell.Color) bool, what string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for {
			fg, bg := style(word)
			if ok(fg, bg) {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%q: %s; it is %v on %v", word, what, fg, bg)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	// The first point is selected: its words reversed in yellow.
	waitStyle("adds", func(fg, bg tcell.Color) bool { return bg == tcell.ColorYellow }, "the selected point's evidence is not marked strongly")
	waitStyle("stochastic", func(fg, bg tcell.Color) bool { return fg == tcell.ColorRed }, "contradicting words not in red")
	waitStyle("slower", func(fg, bg tcell.Color) bool { return fg == tcell.ColorRed }, "wrong claim not in red")
	waitStyle("reuses", func(fg, bg tcell.Color) bool { return fg == tcell.ColorYellow }, "covered evidence not in yellow")

	// Select the wrong claim: its words marked strongly; Space does nothing.
	for range 3 {
		h.key(tcell.KeyDown)
	}
	waitStyle("slower", func(fg, bg tcell.Color) bool { return bg == tcell.ColorRed }, "the selected wrong claim's words are not marked strongly")
	waitStyle("adds", func(fg, bg tcell.Color) bool { return fg == tcell.ColorYellow && bg != tcell.ColorYellow }, "the first point still marked as selected")
	h.press(' ')
	h.key(tcell.KeyUp) // keys handled after Space: the screen has seen it
	waitStyle("reuses", func(fg, bg tcell.Color) bool { return bg == tcell.ColorYellow }, "the covered point's words are not marked strongly once selected")
	h.key(tcell.KeyUp)
	waitStyle("stochastic", func(fg, bg tcell.Color) bool { return bg == tcell.ColorRed }, "the contradicted point's words are not marked strongly once selected")
	if q := h.record().Questions[0]; q.Overrides != nil || q.Adjusted != 0 {
		t.Fatalf("Space on a wrong claim changed the verdicts: overrides %v adjusted %d", q.Overrides, q.Adjusted)
	}
	if strings.Contains(h.text(), "(you)") {
		t.Fatalf("a line shows a self-graded mark:\n%s", h.text())
	}
}

// TestReviewVerdictsWithoutColour: with NO_COLOR the contradicting words
// and the wrong claim are bold and struck through, the covered evidence
// only underlined, and no cell has a colour.
func TestReviewVerdictsWithoutColour(t *testing.T) {
	h := start(t, Options{Library: verdictLibrary(), Config: verdictConfig(), SkipHome: true, NoColor: true}, 80, 24)
	h.waitFor("1/1")
	h.typeText(verdictAnswer)
	h.waitFor("trained model.")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("(contradicted)", "✗ wrong:")
	attrs := func(word string) (tcell.AttrMask, bool) {
		t.Helper()
		st, ok := h.cellAt(word, 44)
		if !ok {
			t.Fatalf("answer pane lacks %q:\n%s", word, h.text())
		}
		fg, bg, at := st.Decompose()
		if fg != tcell.ColorDefault || bg != tcell.ColorDefault {
			t.Errorf("%q has colours %v on %v with NO_COLOR", word, fg, bg)
		}
		return at, st.GetUnderlineStyle() != tcell.UnderlineStyleNone
	}
	bad := tcell.AttrBold | tcell.AttrStrikeThrough
	for _, w := range []string{"stochastic", "slower"} {
		if at, u := attrs(w); at&bad != bad || !u {
			t.Errorf("%q has attributes %v (underlined %v), want bold, underline and strike-through", w, at, u)
		}
	}
	if at, u := attrs("reuses"); !u || at&bad != 0 {
		t.Errorf("covered evidence has attributes %v (underlined %v), want underline only", at, u)
	}
}

// TestReviewSaysWhichQuestionTheAnswerReadsLike: an answer to another card
// of the topic (its reference answer, typed to the asked card) scores
// nothing, and the review says which question it reads like.
func TestReviewSaysWhichQuestionTheAnswerReadsLike(t *testing.T) {
	builtin, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	mp, ok1 := builtin.Card("gnn/message-passing")
	gat, ok2 := builtin.Card("gnn/gcn-graphsage-gat")
	if !ok1 || !ok2 {
		t.Fatal("built-in gnn cards missing")
	}
	lib := &decks.Library{Topics: []*decks.Topic{{ID: "gnn", Title: "GNN", Source: "built-in", TimeLimit: 3 * time.Minute,
		Cards: []*decks.Card{mp, gat}}}}
	cfg := config(1)
	cfg.Session.Topics = []string{"gnn"}
	h := start(t, Options{Library: lib, Config: cfg, SkipHome: true}, 120, 40)
	h.waitFor("1/1", "Ctrl+S submit")
	asked, other := mp, gat
	if h.record().Questions[0].CardID == gat.ID {
		asked, other = gat, mp
	}
	h.typeText(strings.Join(strings.Fields(other.Answer), " "))
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("review", "reads like an answer to:")
	q := h.record().Questions[0]
	if q.CardID != asked.ID || q.Grade.ReadsLike != other.ID || q.Grade.Score != 0 {
		t.Fatalf("graded %s: reads like %q, score %d; want %s, 0", q.CardID, q.Grade.ReadsLike, q.Grade.Score, other.ID)
	}
}
