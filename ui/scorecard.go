package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/interview"
	"grill/tex"
)

// scorecardScreen shows an interview's scorecard when its round is over:
// per topic a verdict with the key points behind it, how the time went,
// the questions not reached and what to study next. Enter goes on to the
// reviews of every answer.
type scorecardScreen struct {
	a     *app
	root  *tview.Flex
	body  *tview.TextView
	enter func() // what Enter does
}

// showScorecard shows the scorecard of the interview in progress.
func (a *app) showScorecard() {
	a.scorecardSeen = true
	s := a.sess.Load()
	m := newScorecard(a, s.Scorecard(), "review the answers", a.showReview)
	a.show(m, m.root, m.body)
}

// newScorecard makes the screen of sc; Enter (described by enterText)
// calls enter.
func newScorecard(a *app, sc *interview.Scorecard, enterText string, enter func()) *scorecardScreen {
	th := a.th
	m := &scorecardScreen{a: a, enter: enter}
	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	header.SetText(" " + th.strong("Interview over") + th.dim(" · scorecard"))
	m.body = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	m.body.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(m.body.Box, "Scorecard")
	m.body.SetText(scorecardText(th, sc))
	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	keys.SetText(" " + th.keys("Enter", enterText, "↑↓", "scroll", "Ctrl+Q", "quit"))
	m.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(m.body, 0, 1, true).
		AddItem(keys, 1, 0, false)
	return m
}

// verdictText is a topic's verdict, coloured.
func verdictText(th theme, v string) string {
	switch v {
	case interview.VerdictStrong:
		return th.paint(colGood, th.bold(v))
	case interview.VerdictGap:
		return th.paint(colBad, th.bold(v))
	}
	return th.paint(colAmber, th.bold(v))
}

// scorecardText renders sc for the screen.
func scorecardText(th theme, sc *interview.Scorecard) string {
	if sc == nil {
		return th.dim("No scorecard.")
	}
	var b strings.Builder
	b.WriteString(th.strong("Topics") + "\n")
	for _, t := range sc.Topics {
		fmt.Fprintf(&b, "%s %s %s\n", tview.Escape(t.Topic), verdictText(th, t.Verdict),
			th.dim(fmt.Sprintf("%.0f%% of the key points, %d question(s)", 100*t.Share, t.Answered)))
		if len(t.Covered) > 0 {
			b.WriteString("  " + th.paint(colGood, "✓ ") + tview.Escape(pointLabels(t.Covered)) + "\n")
		}
		if len(t.Missed) > 0 {
			b.WriteString("  " + th.paint(colBad, "✗ ") + tview.Escape(pointLabels(t.Missed)) + "\n")
		}
	}
	b.WriteString("\n" + th.strong("Time") + th.dim(fmt.Sprintf(" · %s of %s used", clock(sc.RoundUsed.Round(time.Second)), clock(sc.RoundLimit))) + "\n")
	for _, t := range sc.Timing {
		first := th.dim("no key point")
		if t.Reached {
			first = "first key point at " + clock(t.FirstKeyPoint)
		}
		prefix := ""
		if t.FollowUp {
			prefix = th.dim("  ↳ ")
		}
		fmt.Fprintf(&b, "%s%s %s · %s/%s · %s\n", prefix, tview.Escape(truncate(tex.RenderMath(t.Question), 48)), th.dim(string(t.Outcome)),
			clock(t.TimeUsed.Round(time.Second)), clock(t.TimeLimit), first)
	}
	if len(sc.NotReached) > 0 {
		fmt.Fprintf(&b, "%s\n", th.paint(colAmber, fmt.Sprintf("Not reached: %d question(s)", len(sc.NotReached))))
		for _, n := range sc.NotReached {
			b.WriteString("  " + tview.Escape(n.CardID) + "\n")
		}
	}
	b.WriteString("\n" + th.strong("Study next") + "\n")
	if len(sc.StudyNext) == 0 {
		b.WriteString(th.dim("nothing missed") + "\n")
	}
	for i, s := range sc.StudyNext {
		before := ""
		if s.AskedBefore > 0 {
			before = th.dim(fmt.Sprintf(" · missed %d of %d before", s.MissedBefore, s.AskedBefore))
		}
		fmt.Fprintf(&b, "%d. %s %s%s\n", i+1, tview.Escape(s.Label), th.dim(fmt.Sprintf("×%g · %s", s.Weight, s.CardID)), before)
	}
	return strings.TrimRight(b.String(), "\n")
}

// pointLabels joins the labels of points.
func pointLabels(ps []interview.PointRef) string {
	ls := make([]string, len(ps))
	for i, p := range ps {
		ls[i] = p.Label
	}
	return strings.Join(ls, "; ")
}

func (m *scorecardScreen) beforeDraw(width, height int) {}

func (m *scorecardScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
	case tcell.KeyEnter:
		m.enter()
		return nil
	case tcell.KeyCtrlQ:
		m.a.confirmQuit(m.body)
		return nil
	}
	return ev
}
