package ui

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/uniseg"

	"grill/decks"
	"grill/interview"
)

var t0 = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// testLibrary has topics "a" (2 cards) and "b" (2 cards). Every card has
// the key points Alpha (matched by "alpha") and Beta (weight 2, "beta").
func testLibrary() *decks.Library {
	lib := &decks.Library{}
	for _, id := range []string{"a", "b"} {
		t := &decks.Topic{ID: id, Title: "Topic " + strings.ToUpper(id), Source: "built-in", TimeLimit: 3 * time.Minute}
		for i := 1; i <= 2; i++ {
			t.Cards = append(t.Cards, &decks.Card{
				ID:       fmt.Sprintf("%s/q%d", id, i),
				Topic:    id,
				Question: fmt.Sprintf("What is question %d of %s, with $\\alpha$?", i, id),
				Answer:   "The **reference** answer.",
				Note:     "A reviewer's correction.",
				KeyPoints: []decks.KeyPoint{
					{Label: "Alpha", Phrasings: []string{"alpha"}, Weight: 1},
					{Label: "Beta", Phrasings: []string{"beta"}, Weight: 2},
				},
			})
		}
		lib.Topics = append(lib.Topics, t)
	}
	return lib
}

// harness runs the app on a simulation screen with a fake clock.
type harness struct {
	t     *testing.T
	a     *app
	sim   tcell.SimulationScreen
	clock *interview.FakeClock
	done  chan error

	mu    sync.Mutex
	saved []interview.Record
}

// config is a session of n questions of 20 s over both topics, seed 1.
func config(n int) interview.Config {
	var c interview.Config
	c.Session = interview.SessionConfig{Topics: []string{"a", "b"}, Count: n, TimeLimit: 20 * time.Second, TimeChosen: true, Order: "mixed", Seed: 1}
	return c
}

func start(t *testing.T, opts Options, w, h int) *harness {
	t.Helper()
	hs := &harness{t: t, sim: tcell.NewSimulationScreen("UTF-8"), clock: interview.NewFakeClock(t0), done: make(chan error, 1)}
	if opts.Library == nil {
		opts.Library = testLibrary()
	}
	opts.Clock = hs.clock
	opts.Screen = hs.sim
	opts.OnChange = func(r interview.Record) {
		hs.mu.Lock()
		hs.saved = append(hs.saved, r)
		hs.mu.Unlock()
	}
	a, err := newApp(opts)
	if err != nil {
		t.Fatal(err)
	}
	hs.a = a
	hs.sim.SetSize(w, h) // after SetScreen, which resets the size
	go func() { hs.done <- a.run() }()
	t.Cleanup(func() {
		a.stop()
		select {
		case <-hs.done:
		case <-time.After(5 * time.Second):
			t.Error("app did not stop")
		}
	})
	// The countdown's ticker exists once run has started.
	deadline := time.Now().Add(15 * time.Second)
	for hs.clock.Tickers() == 0 {
		if time.Now().After(deadline) {
			t.Fatal("countdown never started")
		}
		time.Sleep(time.Millisecond)
	}
	return hs
}

// lines returns the screen's rows, read inside the event loop.
func (h *harness) lines() []string {
	var rows []string
	h.a.tv.QueueUpdate(func() {
		cells, w, ht := h.sim.GetContents()
		for y := 0; y < ht; y++ {
			var b strings.Builder
			for x := 0; x < w; x++ {
				c := cells[y*w+x]
				if len(c.Runes) == 0 {
					b.WriteByte(' ')
					continue
				}
				s := string(c.Runes)
				b.WriteString(s)
				if uniseg.StringWidth(s) == 2 {
					x++ // the continuation cell of a wide character
				}
			}
			rows = append(rows, strings.TrimRight(b.String(), " "))
		}
	})
	return rows
}

func (h *harness) text() string { return strings.Join(h.lines(), "\n") }

// waitFor polls the screen until every want appears, or fails the test.
func (h *harness) waitFor(want ...string) string {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		text := h.text()
		missing := ""
		for _, w := range want {
			if !strings.Contains(text, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return text
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("screen never showed %q; it shows:\n%s", missing, text)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitGone polls until s is no longer on the screen.
func (h *harness) waitGone(s string) {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for strings.Contains(h.text(), s) {
		if time.Now().After(deadline) {
			h.t.Fatalf("screen still shows %q:\n%s", s, h.text())
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitExit waits up to within for Run to return, fails with the message
// unless it returns nil, and leaves the result for the cleanup.
func (h *harness) waitExit(within time.Duration, message string) {
	h.t.Helper()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Fatal(err)
		}
		h.done <- nil // for the cleanup
	case <-time.After(within):
		h.t.Fatal(message)
	}
}

func (h *harness) typeText(s string) {
	for _, r := range s {
		if r == '\n' {
			h.sim.InjectKey(tcell.KeyEnter, 0, tcell.ModNone)
			continue
		}
		h.sim.InjectKey(tcell.KeyRune, r, tcell.ModNone)
	}
}

// post queues an event that has no Inject method, waiting while the
// screen's event queue is full (PostEvent does not wait).
func (h *harness) post(ev tcell.Event) {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for h.sim.PostEvent(ev) != nil {
		if time.Now().After(deadline) {
			h.t.Fatal("event queue stays full")
		}
		time.Sleep(time.Millisecond)
	}
}

func (h *harness) key(k tcell.Key) { h.sim.InjectKey(k, 0, tcell.ModNone) }

func (h *harness) ctrl(k tcell.Key) { h.sim.InjectKey(k, 0, tcell.ModCtrl) }

func (h *harness) press(r rune) { h.sim.InjectKey(tcell.KeyRune, r, tcell.ModNone) }

// record returns the last record handed to OnChange.
func (h *harness) record() interview.Record {
	h.mu.Lock()
	defer h.mu.Unlock()
	if len(h.saved) == 0 {
		h.t.Fatal("OnChange never called")
	}
	return h.saved[len(h.saved)-1]
}

// waitRecord polls the saved records until ok accepts the last one.
func (h *harness) waitRecord(ok func(interview.Record) bool) interview.Record {
	h.t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		r := h.record()
		if ok(r) {
			return r
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("record never reached the expected state: %+v", r)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// lastLine returns the bottom row of the screen.
func (h *harness) lastLine() string {
	ls := h.lines()
	return ls[len(ls)-1]
}

// submitEmpty submits an empty answer: Ctrl+S, then Enter on the
// question whether to submit it.
func (h *harness) submitEmpty() {
	h.t.Helper()
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Submit an empty answer?")
	h.key(tcell.KeyEnter)
}
