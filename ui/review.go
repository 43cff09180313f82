package ui

import (
	"fmt"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/grading"
	"grill/interview"
	"grill/tex"
)

// reviewScreen shows how an answer did: the score, each key point covered
// or missed (Space overrides the grader), the answer with the matching
// words marked, the reference answer, and room for LLM feedback. Keys 1–4
// rate the answer and go on.
type reviewScreen struct {
	a     *app
	sess  *interview.Session
	index int
	card  *decks.Card
	q     interview.QuestionRecord

	root      *tview.Flex
	top       *tview.Flex // header and score
	body      *tview.Flex
	header    *tview.TextView
	score     *tview.TextView
	question  *tview.TextView
	points    *tview.List
	answer    *tview.TextView
	reference *tview.TextView
	feedback  *tview.TextView // LLM feedback; shown once there is some
	fb        feedbackPanel
	panes     []tview.Primitive

	qText  string
	qWidth int
}

func newReview(a *app, s *interview.Session) *reviewScreen {
	card, q := s.Current()
	r := &reviewScreen{a: a, sess: s, index: s.Index(), card: card, q: q, qWidth: -1, fb: feedbackPanel{width: -1}}
	th := a.th

	r.header = tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	r.header.SetText(" " + th.strong(tview.Escape(card.Topic)) + th.dim(" · ") +
		fmt.Sprintf("%d/%d", r.index+1, s.Len()) + th.dim(" · review · ") + outcomeText(th, q))
	r.score = tview.NewTextView().SetDynamicColors(true).SetTextAlign(tview.AlignRight).SetWrap(false)

	r.qText = tex.RenderMath(card.Question)
	r.question = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	r.question.SetText(th.bold(tview.Escape(r.qText)))
	r.question.SetBorderPadding(0, 0, 1, 1)

	r.points = tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).
		SetSelectedStyle(th.selected).SetSelectedFocusOnly(false).SetWrapAround(false)
	r.points.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.points.Box, "Key points")
	for range q.Grade.Points {
		r.points.AddItem("", "", 0, nil)
	}
	if len(q.Grade.Points) == 0 {
		r.points.AddItem(th.dim("no key points for this card"), "", 0, nil)
	}
	r.points.SetChangedFunc(func(int, string, string, rune) { r.refreshAnswer() })

	r.answer = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	r.answer.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.answer.Box, "Your answer")

	r.reference = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	r.reference.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.reference.Box, "Reference answer")
	r.reference.SetText(referenceText(th, card))

	r.feedback = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	r.feedback.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.feedback.Box, "LLM feedback")

	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	keys.SetText(" " + th.keys("Space", "toggle", "Tab", "pane", "1", "Again", "2", "Hard", "3", "Good", "4", "Easy", "Ctrl+Q", "quit"))

	r.top = tview.NewFlex().AddItem(r.header, 0, 1, false).AddItem(r.score, 0, 0, false)
	upper := tview.NewFlex().
		AddItem(r.points, 0, 5, true).
		AddItem(r.answer, 0, 4, false)
	r.body = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(upper, 0, 1, true).
		AddItem(r.reference, 0, 1, false)
	r.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(r.top, 1, 0, false).
		AddItem(r.question, 1, 0, false).
		AddItem(r.body, 0, 1, true).
		AddItem(keys, 1, 0, false)
	r.panes = []tview.Primitive{r.points, r.answer, r.reference}

	r.refresh()
	return r
}

// outcomeText says how the question ended and how long it took.
func outcomeText(th theme, q interview.QuestionRecord) string {
	return resultText(th, q.Outcome) + " " + interview.DurationText(q.TimeUsed) + "/" + interview.DurationText(q.TimeLimit)
}

// referenceText is the card's reference answer, rendered, followed by the
// reviewer's note when there is one.
func referenceText(th theme, card *decks.Card) string {
	s := strings.TrimRight(RenderMarkdown(card.Answer, th.color), "\n")
	if strings.TrimSpace(card.Note) != "" {
		s += "\n\n" + th.strong("Note") + "\n" + strings.TrimRight(RenderMarkdown(card.Note, th.color), "\n")
	}
	return s
}

// refresh shows the current verdicts: the score, the marks on the key
// points and the highlighted answer.
func (r *reviewScreen) refresh() {
	th := r.a.th
	text := fmt.Sprintf("score %d", r.q.Grade.Score)
	if len(r.q.Overrides) > 0 {
		text += th.dim(" → ") + th.bold(fmt.Sprintf("adjusted %d", r.q.Adjusted))
	}
	if r.q.Grade.KeywordDump {
		text = th.paint(colAmber, "list of terms") + th.dim(" · ") + text
	}
	if r.fb.score != "" {
		text += th.dim(" · ") + r.fb.score
	}
	r.score.SetText(text + " ")
	r.top.ResizeItem(r.score, tview.TaggedStringWidth(text)+1, 0)
	for i, p := range r.q.Grade.Points {
		r.points.SetItemText(i, pointText(th, p, r.q.Covered(i), r.q.Overrides), "")
	}
	r.refreshAnswer()
}

// pointText is one key point line: its mark, label and what changed it.
// A point only named in a bare list of terms is marked "~", partly counted.
func pointText(th theme, p grading.PointResult, covered bool, overrides map[int]bool) string {
	mark := th.paint(colBad, "✗")
	switch {
	case covered:
		mark = th.paint(colGood, "✓")
	case p.Listed && covered == p.Covered:
		mark = th.paint(colAmber, "~")
	}
	s := mark + " "
	if covered != p.Covered {
		s += th.dim("(you) ")
	}
	s += tview.Escape(p.Label)
	if p.Weight != 1 && p.Weight > 0 {
		s += th.dim(fmt.Sprintf(" ×%g", p.Weight))
	}
	switch {
	case covered != p.Covered:
	case p.Negated:
		s += th.dim(" (negated)")
	case p.Listed:
		s += th.dim(" (listed only)")
	}
	return s
}

func (r *reviewScreen) refreshAnswer() {
	if strings.TrimSpace(r.q.Answer) == "" {
		r.answer.SetText(r.a.th.dim("(no answer)"))
		return
	}
	sel := -1
	if len(r.q.Grade.Points) > 0 {
		sel = r.points.GetCurrentItem()
	}
	// Spans are where the grader found each point (covered, or named in a
	// list); a point the candidate marked missed shows none.
	pts := r.q.EffectivePoints()
	for i := range pts {
		g := r.q.Grade.Points[i]
		pts[i].Covered = (g.Covered || g.Listed) && (r.q.Covered(i) || !g.Covered)
	}
	r.answer.SetText(highlight(r.a.th, r.q.Answer, pts, sel))
}

// setFeedback shows the LLM panel below the reference answer with the
// given title and lines (already marked up), or hides it when there are
// none. The panel is sized to its text: up to four lines when compact (a
// status or a failure), up to half the screen for the feedback itself;
// what does not fit scrolls (Tab to the panel, then the arrow keys).
func (r *reviewScreen) setFeedback(title string, lines []string, compact bool) {
	shown := len(r.panes) == 4
	if len(lines) == 0 {
		if shown {
			r.body.RemoveItem(r.feedback)
			r.panes = r.panes[:3]
		}
		return
	}
	text := strings.Join(lines, "\n")
	r.feedback.SetText(text)
	if !shown {
		r.body.AddItem(r.feedback, 3, 0, false)
		r.panes = []tview.Primitive{r.points, r.answer, r.reference, r.feedback}
	}
	r.fb.title, r.fb.compact, r.fb.lines, r.fb.width = title, compact, strings.Split(text, "\n"), -1
}

// sizeFeedback fits the LLM panel to its text wrapped for a screen of
// width × height.
func (r *reviewScreen) sizeFeedback(width, height int) {
	if len(r.panes) < 4 || (r.fb.width == width && r.fb.height == height) {
		return
	}
	r.fb.width, r.fb.height = width, height
	lines := 0
	for _, l := range r.fb.lines {
		lines += max(1, len(tview.WordWrap(l, max(width-4, 1))))
	}
	limit := 4
	if !r.fb.compact {
		limit = max(3, (height-8)/2)
	}
	r.body.ResizeItem(r.feedback, min(lines, limit)+2, 0)
	title := r.fb.title
	if lines > limit {
		title += " · Tab, ↓ for more"
	}
	r.feedback.SetTitle(" " + title + " ")
}

func (r *reviewScreen) beforeDraw(width, height int) {
	r.sizeFeedback(width, height)
	if width == r.qWidth {
		return
	}
	r.qWidth = width
	lines := 0
	for _, para := range strings.Split(r.qText, "\n") {
		lines += max(1, len(tview.WordWrap(para, max(width-2, 1))))
	}
	r.root.ResizeItem(r.question, min(lines, 3), 0)
}

func (r *reviewScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
	case tcell.KeyCtrlQ:
		r.a.confirmQuit(r.a.tv.GetFocus())
		return nil
	case tcell.KeyTab, tcell.KeyBacktab:
		r.cycle(ev.Key() == tcell.KeyTab)
		return nil
	case tcell.KeyRune:
	default:
		return ev
	}
	switch ev.Rune() {
	case ' ':
		if len(r.q.Grade.Points) > 0 {
			r.toggle(r.points.GetCurrentItem())
		}
		return nil
	case '1', '2', '3', '4':
		r.rate(interview.Rating(ev.Rune() - '0'))
		return nil
	case 'j':
		return tcell.NewEventKey(tcell.KeyDown, 0, tcell.ModNone)
	case 'k':
		return tcell.NewEventKey(tcell.KeyUp, 0, tcell.ModNone)
	}
	return ev
}

// cycle moves the focus to the next (or previous) pane.
func (r *reviewScreen) cycle(forward bool) {
	focus := r.a.tv.GetFocus()
	i := 0
	for j, p := range r.panes {
		if p == focus {
			i = j
		}
	}
	if forward {
		i = (i + 1) % len(r.panes)
	} else {
		i = (i + len(r.panes) - 1) % len(r.panes)
	}
	r.a.tv.SetFocus(r.panes[i])
}

func (r *reviewScreen) toggle(i int) {
	if err := r.sess.Toggle(i); err != nil {
		return
	}
	_, r.q = r.sess.Current()
	r.refresh()
}

func (r *reviewScreen) rate(v interview.Rating) {
	if err := r.sess.Rate(v); err != nil {
		return
	}
	if r.sess.Done() {
		r.a.showSummary()
		return
	}
	r.a.showQuestion()
}
