package ui

import (
	"fmt"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/grading"
	"grill/interview"
	"grill/report"
	"grill/tex"
)

// reviewScreen shows how an answer did: the score, each key point covered,
// listed, contradicted or missed (Space overrides the grader), each
// misconception the answer asserts ("✗ wrong: …"), the answer with the
// evidence of each marked (that of contradicted points and wrong claims in
// red), the reference answer, and room for LLM feedback. Keys 1–4 rate the
// answer and go on.
//
// A wrong claim is not self-graded: it is a statement the answer makes, its
// words are marked for the candidate to check, and waving it away would
// drop the penalty for the very mistake the card lists; the record's
// overrides index key points only.
type reviewScreen struct {
	a      *app
	sess   *interview.Session
	index  int
	follow int // 0, or k when this is the review of follow-up k
	card   *decks.Card
	q      interview.QuestionRecord
	wrong  []grading.MisconceptionResult // the misconceptions the answer asserts, listed after the key points

	root      *tview.Flex
	top       *tview.Flex // header and score
	body      *tview.Flex
	header    *tview.TextView
	score     *tview.TextView
	question  *tview.TextView
	points    *tview.List
	answer    *tview.TextView
	reference *tview.TextView
	keys      *tview.TextView
	feedback  *tview.TextView // LLM feedback; shown once there is some
	fb        feedbackPanel
	panes     []tview.Primitive
	// waiting is set while the rated answer waits for the LLM's verdict,
	// which may bring a follow-up question (Session.AwaitingLLM).
	waiting bool

	qText  string
	qWidth int

	keysWidth int // the screen's width at the last draw, 0 before it
	ptsWidth  int // width a key point line may take, from the screen width
	ansWidth  int // width of the answer pane's text

	// back, when set, makes the review read-only (reopened from the
	// summary): no self-grading, no rating; Esc, Enter or q go back.
	back *summaryScreen
}

func newReview(a *app, s *interview.Session) *reviewScreen {
	card, q := s.Current()
	return buildReview(a, s, card, q, s.Index(), s.Len(), nil)
}

// newReadOnlyReview shows row i of the summary's table as its review
// did, without changing anything.
func newReadOnlyReview(a *app, m *summaryScreen, i int) *reviewScreen {
	q := m.items[i] // a question or one of its follow-ups
	card, ok := a.opts.Library.Card(q.CardID)
	if !ok {
		card = &decks.Card{ID: q.CardID, Topic: q.Topic, Question: q.Question}
	}
	r := buildReview(a, nil, card, q, i, len(m.items), m)
	if q.LLM != nil {
		r.showLLMRecord(q.LLM, nil)
	}
	return r
}

func buildReview(a *app, s *interview.Session, card *decks.Card, q interview.QuestionRecord, index, total int, back *summaryScreen) *reviewScreen {
	r := &reviewScreen{a: a, sess: s, index: index, card: card, q: q, qWidth: -1, fb: feedbackPanel{width: -1}, back: back}
	if s != nil {
		r.follow = s.FollowUp()
	}
	th := a.th

	r.header = tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	kind := " · review · "
	if r.follow > 0 {
		kind = " · follow-up review · "
	}
	r.header.SetText(" " + th.strong(tview.Escape(card.Topic)) + th.dim(" · ") +
		fmt.Sprintf("%d/%d", r.index+1, total) + th.dim(kind) + outcomeText(th, q))
	r.score = tview.NewTextView().SetDynamicColors(true).SetTextAlign(tview.AlignRight).SetWrap(false)

	r.qText = tex.RenderMath(card.Question)
	r.question = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	r.question.SetText(th.bold(tview.Escape(r.qText)))
	r.question.SetBorderPadding(0, 0, 1, 1)

	r.points = tview.NewList().ShowSecondaryText(false).SetHighlightFullLine(true).
		SetSelectedStyle(th.selected).SetSelectedFocusOnly(false).SetWrapAround(false)
	r.points.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.points.Box, "Key points")
	for _, m := range q.Grade.Misconceptions {
		if m.Asserted {
			r.wrong = append(r.wrong, m)
		}
	}
	for range len(q.Grade.Points) + len(r.wrong) {
		r.points.AddItem("", "", 0, nil)
	}
	if q.Grade.ReadsLike != "" {
		// The answer reads as an answer to another card of the topic
		// (grading.GradeAmong): said under the points it lost.
		r.points.AddItem("", "", 0, nil)
	}
	if len(q.Grade.Points)+len(r.wrong) == 0 {
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

	r.keys = tview.NewTextView().SetDynamicColors(true).SetWrap(false)

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
		AddItem(r.keys, 1, 0, false)
	r.panes = []tview.Primitive{r.points, r.answer, r.reference}

	r.refresh()
	return r
}

// outcomeText says how the question ended and how long it took.
func outcomeText(th theme, q interview.QuestionRecord) string {
	return resultText(th, q.Outcome) + " " + interview.DurationText(q.TimeUsed) + "/" + interview.DurationText(q.TimeLimit)
}

// referenceText is the card's reference answer, rendered, with the
// reviewer's note, when there is one, as a quote right after the passage it
// corrects (report.PlaceNote).
func referenceText(th theme, card *decks.Card) string {
	note := strings.TrimSpace(card.Note)
	if note == "" {
		return strings.TrimRight(RenderMarkdown(card.Answer, th.color), "\n")
	}
	before, after := report.PlaceNote(card.Answer, note)
	if !strings.HasPrefix(note, "**Note") {
		note = "**Note:** " + note
	}
	md := strings.TrimRight(before, "\n") + "\n\n> " + strings.ReplaceAll(note, "\n", "\n> ") + "\n\n" + after
	return strings.TrimRight(RenderMarkdown(md, th.color), "\n")
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
	r.top.ResizeItem(r.score, tview.TaggedStringWidth(text)+2, 0) // a blank before it
	hist := r.a.pointHistory()
	for i, p := range r.q.Grade.Points {
		before, width := "", r.ptsWidth
		if h := hist.Text(r.q.CardID, p.Label); h != "new" {
			before = th.dim(" · " + h)
			if width > 0 {
				width = max(width-tview.TaggedStringWidth(before), 1)
			}
		}
		r.points.SetItemText(i, pointText(th, p, r.q.Covered(i), r.q.Overrides, width)+before, "")
	}
	for k, m := range r.wrong {
		r.points.SetItemText(len(r.q.Grade.Points)+k, wrongText(th, m, r.ptsWidth), "")
	}
	if r.q.Grade.ReadsLike != "" {
		line := th.paint(colAmber, "⚠ reads like an answer to: ") + tview.Escape(tex.RenderMath(r.q.Grade.ReadsLikeQuestion))
		r.points.SetItemText(len(r.q.Grade.Points)+len(r.wrong), line, "")
	}
	// The suggested rating follows the score as the candidate toggles.
	r.keys.SetText(r.footer(r.keysWidth))
	r.refreshAnswer()
}

// pointText is one key point line: its mark, label and what changed it.
// A point only named in a bare list of terms is marked "~", partly counted;
// one the answer contradicts is marked "✗ … (contradicted)". A label too
// long for width cells (0: no limit) ends in "…", so that the mark and the
// state after it stay visible.
func pointText(th theme, p grading.PointResult, covered bool, overrides map[int]bool, width int) string {
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
	tail := ""
	if p.Weight != 1 && p.Weight > 0 {
		tail += th.dim(fmt.Sprintf(" ×%g", p.Weight))
	}
	switch {
	case covered != p.Covered:
	case p.Contradicted || p.Negated: // Negated alone: a record of the earlier format
		tail += th.paint(colBad, " (contradicted)")
	case p.Listed:
		tail += th.dim(" (listed only)")
	}
	label := p.Label
	if width > 0 {
		label = truncate(label, max(width-tview.TaggedStringWidth(s)-tview.TaggedStringWidth(tail), 4))
	}
	return s + tview.Escape(label) + tail
}

// wrongText is the line of a misconception the answer asserts: "✗ wrong:"
// and its label, cut to fit width cells (0: no limit).
func wrongText(th theme, m grading.MisconceptionResult, width int) string {
	s := th.paint(colBad, "✗ wrong:") + " "
	tail := ""
	if m.Weight != 1 && m.Weight > 0 {
		tail = th.dim(fmt.Sprintf(" ×%g", m.Weight))
	}
	label := m.Label
	if width > 0 {
		label = truncate(label, max(width-tview.TaggedStringWidth(s)-tview.TaggedStringWidth(tail), 4))
	}
	return s + tview.Escape(label) + tail
}

// evidence returns what the answer pane marks for each line of the key
// points list: where the grader found each point (covered, or named in a
// list) unless the candidate marked it missed; the contradicting words of a
// contradicted point unless the candidate marked it covered; the words of
// each wrong claim.
func (r *reviewScreen) evidence() []evidence {
	ev := make([]evidence, 0, len(r.q.Grade.Points)+len(r.wrong))
	for i, g := range r.q.Grade.Points {
		var e evidence
		switch {
		case (g.Covered || g.Listed) && (r.q.Covered(i) || !g.Covered):
			e.spans = g.Spans
		case (g.Contradicted || g.Negated) && !g.Covered && !r.q.Covered(i):
			e = evidence{spans: report.Evidence(g), bad: true}
		}
		ev = append(ev, e)
	}
	for _, m := range r.wrong {
		ev = append(ev, evidence{spans: m.Spans, bad: true})
	}
	if r.q.Grade.ReadsLike != "" {
		ev = append(ev, evidence{}) // the "reads like" line marks nothing
	}
	return ev
}

func (r *reviewScreen) refreshAnswer() {
	if strings.TrimSpace(r.q.Answer) == "" {
		r.answer.SetText(r.a.th.dim("(no answer)"))
		return
	}
	ev := r.evidence()
	sel := -1
	if len(ev) > 0 {
		sel = r.points.GetCurrentItem()
	}
	r.answer.SetText(highlight(r.a.th, r.q.Answer, ev, sel))
	// Scroll to the selected line's evidence, a line of context above.
	line := 0
	if sel >= 0 && sel < len(ev) && len(ev[sel].spans) > 0 && r.ansWidth > 0 {
		start := ev[sel].spans[0].Start
		for _, sp := range ev[sel].spans {
			start = min(start, sp.Start)
		}
		line = max(wrappedLine(r.q.Answer, start, r.ansWidth)-1, 0)
	}
	r.answer.ScrollTo(line, 0)
}

// wrappedLine is the line, counted from 0, on which byte offset off of text
// falls once text is word-wrapped to width cells.
func wrappedLine(text string, off, width int) int {
	if off < 0 || off > len(text) {
		return 0
	}
	paras := strings.Split(text[:off], "\n")
	line := 0
	for _, p := range paras[:len(paras)-1] {
		line += max(1, len(tview.WordWrap(p, width)))
	}
	last := paras[len(paras)-1]
	if last != "" {
		line += len(tview.WordWrap(last, width)) - 1
	}
	return line
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
	// The key points take 5/9 of the width, the answer the rest; each
	// loses 4 cells to its border and padding.
	if pw, aw := width*5/9-4, width-width*5/9-4; pw != r.ptsWidth || aw != r.ansWidth {
		r.ptsWidth, r.ansWidth = pw, aw
		r.keysWidth = width
		r.refresh()
	}
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
	if r.back != nil {
		return r.captureReadOnly(ev)
	}
	switch ev.Key() {
	case tcell.KeyCtrlQ:
		r.a.confirmQuit(r.a.tv.GetFocus())
		return nil
	case tcell.KeyTab, tcell.KeyBacktab:
		r.cycle(ev.Key() == tcell.KeyTab)
		return nil
	case tcell.KeyEnter, tcell.KeyEscape:
		if r.waiting {
			r.goOn()
			return nil
		}
		if ev.Key() == tcell.KeyEscape {
			return ev
		}
		// Enter accepts the suggested rating.
		if r.q.Suggested != interview.NoRating {
			r.rate(r.q.Suggested)
		}
		return nil
	case tcell.KeyRune:
	default:
		return ev
	}
	switch ev.Rune() {
	case ' ':
		if i := r.points.GetCurrentItem(); i < len(r.q.Grade.Points) {
			r.toggle(i) // a wrong claim is not self-graded
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
	if r.sess.AwaitingLLM() {
		// The LLM's verdict may bring a follow-up question: the screen
		// stays until it comes (runFeedback) or the candidate goes on.
		_, r.q = r.sess.Current()
		r.waiting = true
		r.keys.SetText(r.footer(r.keysWidth))
		return
	}
	r.waiting = false
	r.a.showNext()
}

// goOn leaves a rated answer that waits for the LLM's verdict, without
// its follow-up question.
func (r *reviewScreen) goOn() {
	r.waiting = false
	r.sess.GoOn()
	r.a.showNext()
}

// captureReadOnly handles the keys of a review reopened from the summary.
func (r *reviewScreen) captureReadOnly(ev *tcell.EventKey) *tcell.EventKey {
	switch {
	case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyEnter, ev.Key() == tcell.KeyRune && ev.Rune() == 'q':
		r.a.show(r.back, r.back.root, r.back.table)
		return nil
	case ev.Key() == tcell.KeyCtrlQ:
		r.a.quit()
		return nil
	case ev.Key() == tcell.KeyTab, ev.Key() == tcell.KeyBacktab:
		r.cycle(ev.Key() == tcell.KeyTab)
		return nil
	case ev.Key() == tcell.KeyRune && ev.Rune() == 'j':
		return tcell.NewEventKey(tcell.KeyDown, 0, tcell.ModNone)
	case ev.Key() == tcell.KeyRune && ev.Rune() == 'k':
		return tcell.NewEventKey(tcell.KeyUp, 0, tcell.ModNone)
	case ev.Key() == tcell.KeyRune:
		return nil // no self-grading, no rating
	}
	return ev
}

func (r *reviewScreen) helpKeys() []string {
	if r.back != nil {
		return []string{
			"↑↓ or j k", "select a key point; the answer shows its evidence",
			"Tab, Shift+Tab", "next or previous pane (scroll it with the arrows)",
			"Esc, Enter or q", "back to the summary (this review is read-only)",
			"Ctrl+Q", "quit grill",
		}
	}
	return []string{
		"↑↓ or j k", "select a key point; the answer shows its evidence",
		"Space", "mark the selected point covered or missed (self-grading; not a wrong claim)",
		"Tab, Shift+Tab", "next or previous pane (scroll it with the arrows)",
		"Enter", "accept the suggested rating and go on",
		"1 2 3 4", "rate the answer Again, Hard, Good or Easy and go on",
		"Esc", "after rating, while the LLM's verdict (and its follow-up question) is awaited: go on without it",
		"Ctrl+Q", "end the session (asks first)",
	}
}

// footer is the review's key line for width cells (0: the widest), the
// widest variant that fits: read-only when reopened from the summary,
// otherwise led by the suggested rating, which Enter accepts.
func (r *reviewScreen) footer(width int) string {
	th := r.a.th
	if width <= 0 {
		width = 1 << 20
	}
	var variants []string
	if r.back != nil {
		ro := th.dim(" · read-only")
		variants = []string{
			" " + th.keys("↑↓", "key points", "Tab", "pane", "Esc", "back to the summary") + ro,
			" " + th.keys("Esc", "back", "?", "keys") + ro,
		}
	} else if r.waiting {
		rated := " " + th.bold("Rated "+r.q.Rating.Text()) + th.dim(" · ")
		variants = []string{
			rated + "waiting for the LLM's follow-up question… " + th.keys("Esc", "go on without it", "1-4", "re-rate and go on"),
			rated + "waiting for the LLM's follow-up… " + th.keys("Esc", "go on without it"),
			rated + "waiting for the LLM… " + th.keys("Esc", "go on"),
		}
	} else {
		enter := " " + th.keys("Enter", r.q.Suggested.Text()) + th.dim(" · ")
		rates := th.bold("1") + " Again " + th.bold("2") + " Hard " + th.bold("3") + " Good " + th.bold("4") + " Easy"
		variants = []string{
			enter + rates + th.dim(" · ") + th.keys("Space", "toggle", "Tab", "pane", "^Q", "quit"),
			enter + rates + th.dim(" · ") + th.keys("Space", "toggle", "?", "keys"),
			enter + th.keys("Space", "toggle", "1-4", "rate", "?", "keys"),
			enter + th.keys("1-4", "rate", "?", "keys"),
		}
	}
	for _, v := range variants {
		if tview.TaggedStringWidth(v) <= width {
			return v
		}
	}
	return variants[len(variants)-1]
}
