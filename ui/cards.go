package ui

import (
	"fmt"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/interview"
	"grill/tex"
)

// cardsScreen is the history's per-card view: every card answered, weakest
// average first, with how often it was asked, its average and latest
// score, and below, for the selected card, how each of its key points went
// ("missed 3 of the last 4 times"). Esc goes back to the sessions.
type cardsScreen struct {
	a      *app
	back   *historyScreen
	root   *tview.Flex
	table  *tview.Table
	detail *tview.TextView
	stats  []interview.CardStat
	points *interview.PointHistory
}

// showCards reads the history and shows it per card.
func (a *app) showCards(back *historyScreen) {
	h, _ := a.opts.Store.History() // unreadable records are left out
	points, _ := a.opts.Store.PointHistory()
	m := newCards(a, back, interview.CardStats(h.Reviews, points), points)
	a.show(m, m.root, m.table)
}

func newCards(a *app, back *historyScreen, stats []interview.CardStat, points *interview.PointHistory) *cardsScreen {
	th := a.th
	m := &cardsScreen{a: a, back: back, stats: stats, points: points}
	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	header.SetText(" " + th.strong("History") + th.dim(fmt.Sprintf(" · %d cards · weakest first", len(stats))))
	m.table = tview.NewTable().SetFixed(1, 0).SetSelectable(true, false).SetSelectedStyle(th.selected)
	m.table.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(m.table.Box, "Cards")
	for c, name := range []string{"card", "asked", "average", "last", "missed last time"} {
		cell := tview.NewTableCell(th.bold(name)).SetSelectable(false)
		if c >= 1 && c <= 3 {
			cell.SetAlign(tview.AlignRight)
		}
		m.table.SetCell(0, c, cell)
	}
	for i, s := range stats {
		cells := []*tview.TableCell{
			tview.NewTableCell(tview.Escape(s.CardID)).SetMaxWidth(28),
			tview.NewTableCell(fmt.Sprint(s.Asked)).SetAlign(tview.AlignRight),
			tview.NewTableCell(fmt.Sprintf("%.0f", s.Average)).SetAlign(tview.AlignRight),
			tview.NewTableCell(fmt.Sprint(s.Last)).SetAlign(tview.AlignRight),
			tview.NewTableCell(tview.Escape(strings.Join(s.Missed, "; "))).SetMaxWidth(30).SetExpansion(1),
		}
		for c, cell := range cells {
			m.table.SetCell(i+1, c, cell)
		}
	}
	m.detail = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	m.detail.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(m.detail.Box, "Key points of the selected card")
	if len(stats) == 0 {
		m.table.SetCell(1, 0, tview.NewTableCell(th.dim("No answers yet.")).SetSelectable(false))
	} else {
		m.table.Select(1, 0)
		m.showDetail(0)
	}
	m.table.SetSelectionChangedFunc(func(row, _ int) { m.showDetail(row - 1) })
	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	keys.SetText(" " + th.keys("↑↓", "select", "Esc", "sessions"))
	m.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(m.table, 0, 1, true).
		AddItem(m.detail, 9, 0, false).
		AddItem(keys, 1, 0, false)
	return m
}

// showDetail shows how each key point of card i went.
func (m *cardsScreen) showDetail(i int) {
	if i < 0 || i >= len(m.stats) {
		return
	}
	th := m.a.th
	s := m.stats[i]
	var b strings.Builder
	b.WriteString(th.bold(tview.Escape(oneLine(tex.RenderMath(s.Question)))) + "\n")
	for _, l := range m.points.Labels(s.CardID) {
		text := m.points.Text(s.CardID, l)
		mark := th.paint(colGood, "✓")
		if strings.HasPrefix(text, "missed") {
			mark = th.paint(colBad, "✗")
		}
		fmt.Fprintf(&b, "%s %s %s\n", mark, tview.Escape(l), th.dim("· "+text))
	}
	m.detail.SetText(strings.TrimRight(b.String(), "\n"))
}

func (m *cardsScreen) beforeDraw(width, height int) {}

func (m *cardsScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch {
	case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyRune && ev.Rune() == 'q':
		m.a.show(m.back, m.back.root, m.back.table)
		return nil
	case ev.Key() == tcell.KeyCtrlQ:
		m.a.quit()
		return nil
	}
	return ev
}
