package ui

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/interview"
)

// trendSessions is how many of a topic's latest sessions its trend shows.
const trendSessions = 12

// sparks are the levels of a sparkline, lowest first.
var sparks = []rune("▁▂▃▄▅▆▇█")

// historyScreen lists the stored sessions, newest first (date, topics,
// questions, average score, time spent answering, status), and below them
// the trend of each topic: its average score in each of its last sessions
// as a sparkline. Enter opens the selected session's report; Esc goes back
// to the home screen.
type historyScreen struct {
	a        *app
	root     *tview.Flex
	table    *tview.Table
	trend    *tview.TextView
	sessions []interview.Summary
	back     *homeScreen // the home screen it was opened from

	trendLines int
	height     int
}

// showHistory reads the stored sessions and shows them.
func (a *app) showHistory() {
	sessions, errs := a.opts.Store.List()
	h := newHistory(a, sessions, errs)
	h.back, _ = a.cur.(*homeScreen)
	a.show(h, h.root, h.table)
}

func newHistory(a *app, sessions []interview.Summary, errs []error) *historyScreen {
	h := &historyScreen{a: a, sessions: sessions, height: -1}
	th := a.th

	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	count := fmt.Sprintf("%d sessions", len(sessions))
	if len(sessions) == 1 {
		count = "1 session"
	}
	header.SetText(" " + th.strong("History") + th.dim(" · "+count+" · newest first"))

	h.table = tview.NewTable().SetFixed(1, 0).SetSelectable(true, false).SetSelectedStyle(th.selected)
	h.table.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(h.table.Box, "Sessions")
	for c, name := range []string{"date", "kind", "topics", "questions", "average", "time", "status"} {
		cell := tview.NewTableCell(th.bold(name)).SetSelectable(false)
		if c >= 3 && c <= 5 {
			cell.SetAlign(tview.AlignRight)
		}
		h.table.SetCell(0, c, cell)
	}
	for i, s := range sessions {
		row := i + 1
		qs, avg, topics := s.QuestionsText(), s.AverageText(), s.TopicsText(", ")
		cells := []*tview.TableCell{
			tview.NewTableCell(s.Started.Local().Format("2006-01-02 15:04")),
			tview.NewTableCell(kindText(th, s.Kind)),
			tview.NewTableCell(tview.Escape(topics)).SetMaxWidth(30).SetExpansion(1),
			tview.NewTableCell(qs).SetAlign(tview.AlignRight),
			tview.NewTableCell(avg).SetAlign(tview.AlignRight),
			tview.NewTableCell(interview.DurationText(s.Duration)).SetAlign(tview.AlignRight),
			tview.NewTableCell(statusText(th, s)),
		}
		for c, cell := range cells {
			h.table.SetCell(row, c, cell)
		}
	}
	if len(sessions) == 0 {
		h.table.SetCell(1, 0, tview.NewTableCell(th.dim("No sessions yet.")).SetSelectable(false))
	} else {
		h.table.Select(1, 0)
	}
	h.table.SetSelectedFunc(func(row, _ int) {
		if row >= 1 && row <= len(h.sessions) {
			r := newReport(a, h, h.sessions[row-1].ID)
			a.show(r, r.root, r.view)
		}
	})

	h.trend = tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	h.trend.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(h.trend.Box, fmt.Sprintf("Average score per topic, last %d sessions", trendSessions))
	text := trendText(th, interview.TopicTrends(sessions, trendSessions))
	h.trend.SetText(text)
	h.trendLines = strings.Count(text, "\n") + 1

	problems := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	problemLines := 0
	if len(errs) > 0 {
		problemLines = 1
		// The first error, its file named relative to the session directory.
		msg := strings.ReplaceAll(errs[0].Error(), a.opts.Store.Dir()+string(filepath.Separator), "")
		problems.SetText(" " + th.paint(colBad, tview.Escape(fmt.Sprintf("%d unreadable: %s", len(errs), msg))))
	}

	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	keys.SetText(" " + th.keys("↑↓", "select", "Enter", "open report", "c", "per card", "Esc", "back"))

	h.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(h.table, 0, 1, true).
		AddItem(h.trend, h.trendLines+2, 0, false).
		AddItem(problems, problemLines, 0, false).
		AddItem(keys, 1, 0, false)
	return h
}

// statusText says how far a session got (Summary.CompletionText), as the
// history shows it: sessions in progress stand out, abandoned ones recede.
func statusText(th theme, s interview.Summary) string {
	text := s.CompletionText()
	switch s.Status {
	case interview.StatusInProgress:
		return th.paint(colAmber, text)
	case interview.StatusAbandoned:
		return th.dim(text)
	}
	return text
}

// trendText is one line per topic: its id, a sparkline of its averages
// (oldest first), its latest average and the change since the first shown.
func trendText(th theme, trends []interview.TopicTrend) string {
	if len(trends) == 0 {
		return th.dim("No answers yet: the trend of each topic shows here.")
	}
	width := 0
	for _, t := range trends {
		width = max(width, len(t.Topic))
	}
	width = min(width, 20)
	var b strings.Builder
	for i, t := range trends {
		if i > 0 {
			b.WriteByte('\n')
		}
		last := t.Points[len(t.Points)-1].Average
		fmt.Fprintf(&b, "%-*s  %s%s  %3.0f", width, tview.Escape(truncate(t.Topic, width)),
			th.paint(colAccent, sparkline(t.Points)), strings.Repeat(" ", trendSessions-len(t.Points)), last)
		n := len(t.Points)
		switch {
		case n == 1:
			b.WriteString(th.dim("  1 session"))
		default:
			delta := last - t.Points[0].Average
			arrow := "→"
			if math.Round(delta) > 0 {
				arrow = "↑"
			} else if math.Round(delta) < 0 {
				arrow = "↓"
			}
			b.WriteString(th.dim(fmt.Sprintf("  %s %+.0f over %d sessions", arrow, delta, n)))
		}
	}
	return b.String()
}

// sparkline draws averages 0–100 as one bar each, ▁ lowest to █ highest.
func sparkline(points []interview.TrendPoint) string {
	var b strings.Builder
	for _, p := range points {
		level := int(math.Round(p.Average / 100 * float64(len(sparks)-1)))
		b.WriteRune(sparks[min(max(level, 0), len(sparks)-1)])
	}
	return b.String()
}

// beforeDraw gives the trend at most half of the screen; the list takes
// the rest and scrolls.
func (h *historyScreen) beforeDraw(width, height int) {
	if height == h.height {
		return
	}
	h.height = height
	h.root.ResizeItem(h.trend, max(min(h.trendLines+2, (height-2)/2), 3), 0)
}

func (h *historyScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch {
	case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyRune && (ev.Rune() == 'q' || ev.Rune() == 'h'):
		if h.back != nil {
			h.a.show(h.back, h.back.root, h.back.form)
		} else {
			h.a.showHome("")
		}
		return nil
	case ev.Key() == tcell.KeyCtrlQ:
		h.a.quit()
		return nil
	case ev.Key() == tcell.KeyRune && ev.Rune() == 'c':
		h.a.showCards(h)
		return nil
	}
	return ev
}

// kindText names a session's kind as the history shows it: interviews and
// retries stand out from practice rounds.
func kindText(th theme, kind string) string {
	switch kind {
	case interview.KindInterview:
		return th.bold(kind)
	case interview.KindRetry:
		return th.paint(colAmber, kind)
	}
	return th.dim(kind)
}

// helpKeys lists the keys of the history screen for the help overlay.
func (h *historyScreen) helpKeys() []string {
	return []string{
		"↑↓", "select a session",
		"Enter", "open its report",
		"c", "per-card view",
		"Esc, q or h", "back",
		"Ctrl+Q", "quit grill",
	}
}
