package ui

import (
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// benchmarkTyping measures one keystroke in the answer box holding words
// words already: the key handled, the word count and draft refreshed, and
// the screen drawn, as the event loop does per key.
func benchmarkTyping(b *testing.B, words int) {
	sim := tcell.NewSimulationScreen("UTF-8")
	a, err := newApp(Options{Library: testLibrary(), Config: config(2), SkipHome: true, Screen: sim})
	if err != nil {
		b.Fatal(err)
	}
	sim.SetSize(100, 30)
	q := a.cur.(*questionScreen)
	q.answer.SetText(strings.TrimSpace(strings.Repeat("message passing aggregates neighbour features ", words/5)), true)
	handler := q.answer.InputHandler()
	q.root.SetRect(0, 0, 100, 30)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		handler(tcell.NewEventKey(tcell.KeyRune, 'x', tcell.ModNone), func(tview.Primitive) {})
		q.beforeDraw(100, 30)
		q.root.Draw(sim)
		sim.Show()
	}
}

func BenchmarkTypingEmptyAnswer(b *testing.B)    { benchmarkTyping(b, 0) }
func BenchmarkTyping5000WordAnswer(b *testing.B) { benchmarkTyping(b, 5000) }
