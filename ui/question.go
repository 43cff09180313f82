package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/interview"
	"grill/tex"
)

// questionScreen asks one question: its topic and number, the question, a
// countdown, the answer box with a live word count, and the keys.
type questionScreen struct {
	a     *app
	sess  *interview.Session
	index int
	card  *decks.Card
	limit time.Duration

	root     *tview.Flex
	header   *tview.TextView
	timer    *tview.TextView
	question *tview.TextView
	answer   *tview.TextArea
	words    *tview.TextView
	keys     *tview.TextView
	bottom   *tview.Flex
	width    int // screen width the footer was fitted to

	text      string    // question as rendered, without tags
	textWidth int       // width the question's height was computed for
	dirty     bool      // answer changed since the draft was last synced
	typedAt   time.Time // when the answer last changed
	count     int       // words in the answer
	full      bool      // the answer was cut to interview.MaxAnswerBytes
	dropped   int       // bytes of the last paste past the limit that were not kept
	timerText string
	unsaved   bool   // the header says the last save failed
	follow    int    // 0, or k while follow-up k of the question is asked
	roundText string // an interview's round clock as shown in the header
}

func newQuestion(a *app, s *interview.Session) *questionScreen {
	card, rec := s.Current()
	q := &questionScreen{a: a, sess: s, index: s.Index(), follow: s.FollowUp(), card: card, limit: rec.TimeLimit, textWidth: -1}
	th := a.th

	q.header = tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	q.setHeader()
	q.timer = tview.NewTextView().SetDynamicColors(true).SetTextAlign(tview.AlignRight).SetWrap(false)

	q.text = tex.RenderMath(card.Question)
	q.question = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	q.question.SetText(th.bold(tview.Escape(q.text)))
	q.question.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(q.question.Box, "Question")

	q.answer = tview.NewTextArea().SetWordWrap(true).SetPlaceholder("Type your answer…")
	q.answer.SetText(rec.Answer, true)
	q.answer.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(q.answer.Box, "Your answer")
	if !th.color {
		q.answer.SetPlaceholderStyle(tcell.StyleDefault.Dim(true))
		q.answer.SetSelectedStyle(tcell.StyleDefault.Reverse(true))
	}
	q.answer.SetChangedFunc(func() { q.dirty, q.typedAt = true, a.clock.Now() })
	q.count = countWords(rec.Answer)

	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	q.keys = keys
	keys.SetText(" " + th.keys(questionKeys[0]...))
	q.words = tview.NewTextView().SetDynamicColors(true).SetTextAlign(tview.AlignRight).SetWrap(false)
	q.setWords()

	top := tview.NewFlex().AddItem(q.header, 0, 1, false).AddItem(q.timer, 16, 0, false)
	bottom := tview.NewFlex().AddItem(keys, 0, 1, false).AddItem(q.words, 14, 0, false)
	q.bottom = bottom
	q.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(top, 1, 0, false).
		AddItem(q.question, 3, 0, false).
		AddItem(q.answer, 0, 1, true).
		AddItem(bottom, 1, 0, false)
	q.updateTimer()
	return q
}

// beforeDraw sizes the question box to its wrapped text and refreshes the
// word count when the answer changed: one pass over the answer per redraw
// at most, never per character of it.
// questionKeys are the question screen's footers, widest first.
var questionKeys = [][]string{
	{"Ctrl+S", "submit", "Ctrl+K", "skip", "Ctrl+Q", "quit", "F1", "keys"},
	{"Ctrl+S", "submit", "F1", "keys"},
	{"F1", "keys"},
}

func (q *questionScreen) beforeDraw(width, height int) {
	if width != q.width {
		q.width = width
		q.fitFooter()
	}
	if width != q.textWidth {
		q.textWidth = width
		lines := 0
		for _, para := range strings.Split(q.text, "\n") {
			lines += max(1, len(tview.WordWrap(para, max(width-4, 1))))
		}
		maxLines := max(1, (height-8)/2)
		q.root.ResizeItem(q.question, min(lines, maxLines)+2, 0)
	}
	q.syncDraft()
}

// syncDraft hands the answer to the session if it changed, and recounts its
// words.
func (q *questionScreen) syncDraft() {
	if !q.dirty {
		return
	}
	q.dirty = false
	typed := q.answer.GetText()
	text, cut := interview.TruncateAnswer(typed)
	if cut {
		// A paste past the limit: keep what fits and say how much was not.
		q.answer.SetText(text, true)
		q.dirty = false
		q.dropped = len(typed) - len(text)
	}
	q.sess.SetDraft(text)
	if n := countWords(text); n != q.count || cut != q.full || cut {
		q.count, q.full = n, cut
		q.setWords()
	}
}

func (q *questionScreen) setWords() {
	if q.full {
		q.words.SetText(q.a.th.paint(colBad, fmt.Sprintf("answer full: %s not kept ", byteSize(q.dropped))))
		q.fitFooter()
		return
	}
	unit := "words"
	if q.count == 1 {
		unit = "word"
	}
	text := fmt.Sprintf("%d %s ", q.count, unit)
	q.words.SetText(q.a.th.dim(text))
	q.fitFooter()
}

// byteSize says n bytes the way a person reads it: 900 bytes, 12.5 KiB,
// 3.1 MiB.
func byteSize(n int) string {
	switch {
	case n < 1024:
		return fmt.Sprintf("%d bytes", n)
	case n < 1024*1024:
		return fmt.Sprintf("%.1f KiB", float64(n)/1024)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1024*1024))
}

// fitFooter shares the last line between the keys and the word count, so
// that neither cuts the other on a narrow screen.
func (q *questionScreen) fitFooter() {
	if q.bottom == nil {
		return
	}
	words := tview.TaggedStringWidth(q.words.GetText(false))
	q.bottom.ResizeItem(q.words, words, 0)
	if q.width > 0 {
		q.keys.SetText(q.a.th.fitKeys(q.width-words-1, questionKeys...))
	}
}

// setHeader shows the topic, the question's number and, when the last
// save failed, that the answer is not being saved.
func (q *questionScreen) setHeader() {
	th := q.a.th
	t := " " + th.strong(tview.Escape(q.card.Topic)) + th.dim(" · ") + fmt.Sprintf("%d/%d", q.index+1, q.sess.Len())
	if q.follow > 0 {
		t += th.dim(" · ") + th.paint(colAmber, th.bold("follow-up"))
	}
	if q.roundText != "" {
		t += th.dim(" · ") + q.roundText
	}
	if q.unsaved {
		t += th.dim(" · ") + th.paint(colBad, "not saved (see the summary)")
	}
	q.header.SetText(t)
}

// updateTimer shows the time left, and whether saving fails.
func (q *questionScreen) updateTimer() {
	t := timerText(q.a.th, q.sess.Remaining(), q.limit) + " "
	if t != q.timerText {
		q.timerText = t
		q.timer.SetText(t)
	}
	if left, ok := q.sess.RoundRemaining(); ok {
		if r := "interview " + clock(left) + " left"; r != q.roundText {
			q.roundText = r
			q.setHeader()
		}
	}
	if q.a.saver != nil {
		if unsaved := q.a.saver.lastErr() != nil; unsaved != q.unsaved {
			q.unsaved = unsaved
			q.setHeader()
		}
	}
}

// urgency is 0 while there is time, 1 (amber) below 30% of the limit, 2
// (red) below 10% of it or in the last 15 seconds.
func urgency(rem, limit time.Duration) int {
	switch {
	case rem*10 < limit || rem < 15*time.Second:
		return 2
	case rem*10 < limit*3:
		return 1
	}
	return 0
}

// timerText is the countdown as shown, with its colour (or, without
// colour, bold then reverse video as time runs low).
func timerText(th theme, rem, limit time.Duration) string {
	s := clock(rem) + " left"
	u := urgency(rem, limit)
	if !th.color {
		switch u {
		case 1:
			return "[::b]" + s + "[::-]"
		case 2:
			return "[::rb]" + s + "[::-]"
		}
		return s
	}
	switch u {
	case 1:
		return fmt.Sprintf("[%s::b]%s[-::-]", colAmber, s)
	case 2:
		return fmt.Sprintf("[%s::b]%s[-::-]", colBad, s)
	}
	return th.bold(s)
}

func (q *questionScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
	case tcell.KeyCtrlS:
		// An empty answer is more often a slip than a choice.
		if strings.TrimSpace(q.answer.GetText()) == "" {
			q.a.ask("Submit an empty answer?\n\nIt is graded as it stands: nothing covered.", "Submit", "Keep writing",
				func() { q.end(q.sess.Submit) }, q.answer)
			return nil
		}
		q.end(q.sess.Submit)
		return nil
	case tcell.KeyCtrlK:
		// Ctrl+K deletes a line in most text fields: with an answer typed,
		// skipping (which grades nothing) asks first.
		if strings.TrimSpace(q.answer.GetText()) != "" {
			q.a.ask("Skip this question?\n\nWhat you typed is kept in the report but not graded.", "Skip", "Keep writing",
				func() { q.end(q.sess.Skip) }, q.answer)
			return nil
		}
		q.end(q.sess.Skip)
		return nil
	case tcell.KeyCtrlQ:
		q.a.confirmQuit(q.answer)
		return nil
	}
	return ev
}

// end closes the question with f (Submit, Skip or TimeOut) and shows the
// review.
func (q *questionScreen) end(f func() error) {
	q.syncDraft()
	if err := f(); err != nil {
		return
	}
	q.a.showNext()
}

func (q *questionScreen) helpKeys() []string {
	return []string{
		"Ctrl+S", "submit (asks first when empty)",
		"Ctrl+K", "skip, not graded (asks first if you typed)",
		"Ctrl+Q", "end the session (asks first)",
		"arrows, Home, End", "move in the answer; Ctrl+Z undoes",
	}
}
