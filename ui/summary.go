package ui

import (
	"fmt"
	"os"
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/interview"
	"grill/tex"
)

// summaryScreen ends a session: one row per question, the selected
// question in full with its missed points, per-topic averages, total time
// and where the report went. When the report could not be saved, e writes
// it to another directory and p prints it once grill has exited. q quits.
type summaryScreen struct {
	a       *app
	rec     interview.Record
	items   []interview.QuestionRecord // the table's rows: questions, each followed by its follow-ups
	numbers []string                   // their numbers: "1", "1.1"
	root    *tview.Flex
	table   *tview.Table
	detail  *tview.TextView
	stats   *tview.TextView
	keys    *tview.TextView
	width   int // screen width the columns were fitted to
	height  int

	keyVariants [][]string // the footers, widest first
	lastWidth   int        // the screen's width at the last draw

	statsText  string // the statistics as set, with their tags
	statsLines int    // their height, wrapped to the screen
}

func newSummary(a *app, rec interview.Record) *summaryScreen {
	m := &summaryScreen{a: a, rec: rec}
	th := a.th

	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	// How far the session got is the history's and the reports' own
	// figure (Summary.CompletionText), so the three never disagree.
	noun := "session"
	if rec.Settings.Mode == interview.ModeInterview {
		noun = "interview"
	}
	title := noun + " complete"
	if done := interview.Summarize(rec.Digest()).CompletionText(); done != "complete" {
		title = noun + " ended early · " + done
	}
	if rec.Settings.Mode == interview.ModeInterview && rec.Debrief {
		title = fmt.Sprintf("interview over · %d of %d questions reached", len(rec.Questions), len(rec.Plan))
	}
	header.SetText(" " + th.strong("Summary") + th.dim(" · ") + title)

	m.table = tview.NewTable().SetFixed(1, 0).SetSelectable(true, false).SetSelectedStyle(th.selected)
	m.table.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(m.table.Box, "Questions")
	for c, h := range []string{"#", "topic", "question", "time", "result", "score", "adj", "rating", "missed"} {
		cell := tview.NewTableCell(th.bold(h)).SetSelectable(false)
		if c >= 5 && c <= 6 {
			cell.SetAlign(tview.AlignRight)
		}
		m.table.SetCell(0, c, cell)
	}
	// Follow-ups come under their question, numbered 1.1, 1.2.
	for i, q := range rec.Questions {
		m.items = append(m.items, q)
		m.numbers = append(m.numbers, fmt.Sprint(i+1))
		for k, f := range q.FollowUps {
			f.Question = "↳ " + f.Question
			m.items = append(m.items, f)
			m.numbers = append(m.numbers, fmt.Sprintf("%d.%d", i+1, k+1))
		}
	}
	for i, q := range m.items {
		row := i + 1
		score, adj := "—", "—"
		if q.Outcome != interview.Pending {
			score = fmt.Sprint(q.Grade.Score)
			adj = fmt.Sprint(q.Adjusted)
		}
		rating := q.Rating.Text()
		cells := []*tview.TableCell{
			tview.NewTableCell(m.numbers[i]).SetAlign(tview.AlignRight),
			tview.NewTableCell(tview.Escape(q.Topic)),
			tview.NewTableCell(tview.Escape(oneLine(tex.RenderMath(q.Question)))).SetMaxWidth(28).SetExpansion(2),
			tview.NewTableCell(interview.DurationText(q.TimeUsed) + "/" + interview.DurationText(q.TimeLimit)),
			tview.NewTableCell(resultText(th, q.Outcome)),
			tview.NewTableCell(score).SetAlign(tview.AlignRight),
			tview.NewTableCell(adj).SetAlign(tview.AlignRight),
			tview.NewTableCell(rating),
			tview.NewTableCell(tview.Escape(strings.Join(missed(q), "; "))).SetMaxWidth(30).SetExpansion(1),
		}
		for c, cell := range cells {
			m.table.SetCell(row, c, cell)
		}
	}
	m.width = -1
	m.detail = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetScrollable(true)
	m.detail.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(m.detail.Box, "Selected question")
	m.table.SetSelectionChangedFunc(func(row, _ int) { m.showDetail(row - 1) })

	m.stats = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	m.keys = tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	m.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(m.table, len(m.items)+3, 0, true).
		AddItem(m.detail, 5, 0, false).
		AddItem(m.stats, 1, 0, false).
		AddItem(tview.NewBox(), 0, 1, false).
		AddItem(m.keys, 1, 0, false)
	m.refreshStats()
	if len(m.items) > 0 {
		m.table.Select(1, 0)
		m.showDetail(0)
	}
	return m
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// resultText is how the question ended (interview.Outcome.Text), in the
// colour of its kind.
func resultText(th theme, o interview.Outcome) string {
	switch o {
	case interview.Submitted:
		return o.Text()
	case interview.TimedOut:
		return th.paint(colBad, o.Text())
	case interview.Skipped:
		return th.paint(colAmber, o.Text())
	}
	return th.dim(o.Text())
}

// missed lists the labels of the key points not covered after self-grading.
func missed(q interview.QuestionRecord) []string {
	if q.Outcome == interview.Pending {
		return nil
	}
	var out []string
	for i, p := range q.Grade.Points {
		if !q.Covered(i) {
			out = append(out, p.Label)
		}
	}
	return out
}

func (m *summaryScreen) showDetail(i int) {
	if i < 0 || i >= len(m.items) {
		return
	}
	th := m.a.th
	q := m.items[i]
	var b strings.Builder
	b.WriteString(th.bold(tview.Escape(oneLine(tex.RenderMath(q.Question)))) + "\n")
	if ms := missed(q); len(ms) > 0 {
		b.WriteString(th.paint(colBad, "missed: ") + tview.Escape(strings.Join(ms, "; ")))
	} else if q.Outcome != interview.Pending {
		b.WriteString(th.paint(colGood, "every key point covered"))
	} else {
		b.WriteString(th.dim("not answered"))
	}
	m.detail.SetText(b.String())
}

// refreshStats shows the statistics and where the report went, and the
// keys that apply.
func (m *summaryScreen) refreshStats() {
	a := m.a
	text := statsText(a.th, m.rec, a.reportPath, a.reportErr)
	switch {
	case a.exported != "":
		text += "\n " + a.th.bold("report written to:") + " " + tview.Escape(a.exported)
	case a.printReport:
		text += "\n " + a.th.bold("report:") + " printed when grill exits"
	}
	m.stats.SetText(text)
	m.statsText = text
	m.width = -1 // beforeDraw sizes the statistics to their wrapped lines
	pairs := []string{"Enter", "review", "n", "new", "h", "history", "Esc", "home"}
	compact := []string{"Enter", "review", "Esc", "home", "?", "keys"}
	switch {
	case a.reportErr != nil && a.exported == "":
		// The way out of a failed save comes first; ? lists the rest.
		pairs = []string{"e", "write report elsewhere", "p", "print it on exit"}
		compact = []string{"e", "write elsewhere", "p", "print", "?", "keys"}
	case a.opts.Store == nil:
		pairs = []string{"Enter", "review", "n", "new", "Esc", "home"}
	}
	if m.rec.Scorecard != nil && (a.reportErr == nil || a.exported != "") {
		pairs = append(pairs, "s", "scorecard")
	}
	m.keyVariants = [][]string{append(pairs, "q", "quit", "?", "keys"), compact}
	m.keys.SetText(a.th.fitKeys(m.screenW(), m.keyVariants...))
}

// promptExport asks for a directory to write the report to, the current
// one by default, and writes it there (the record as JSON and the Markdown
// report). A failure is shown in the prompt, which stays open; Esc closes
// it.
func (m *summaryScreen) promptExport() {
	a := m.a
	dir, err := os.Getwd()
	if err != nil {
		dir = os.TempDir()
	}
	msg := tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	msg.SetText(a.th.dim("Enter writes <id>.json and <id>.md there; Esc cancels."))
	input := tview.NewInputField().SetLabel("Directory ").SetText(dir).SetFieldStyle(a.th.field)
	inner := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(input, 1, 0, true).
		AddItem(msg, 0, 1, false)
	// A Frame clears what is under it; a Flex does not.
	box := tview.NewFrame(inner).SetBorders(1, 0, 0, 0, 1, 1)
	a.th.styleBox(box.Box, "Write the report to")
	input.SetDoneFunc(func(key tcell.Key) {
		switch key {
		case tcell.KeyEscape:
			a.pages.RemovePage("confirm")
			a.tv.SetFocus(m.table)
		case tcell.KeyEnter:
			rec := m.rec
			path, err := a.opts.Store.Export(strings.TrimSpace(input.GetText()), &rec)
			if err != nil {
				msg.SetText(a.th.paint(colBad, tview.Escape(err.Error())))
				return
			}
			a.exported = path
			a.pages.RemovePage("confirm")
			a.tv.SetFocus(m.table)
			m.refreshStats()
		}
	})
	a.pages.AddPage("confirm", centered(box, 76, 7), true, true)
	a.tv.SetFocus(input)
}

// centered places p in the middle of the screen, at most w×h.
func centered(p tview.Primitive, w, h int) tview.Primitive {
	column := tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(nil, 0, 1, false).
		AddItem(p, h, 0, true).
		AddItem(nil, 0, 1, false)
	return tview.NewFlex().
		AddItem(nil, 0, 1, false).
		AddItem(column, w, 0, true).
		AddItem(nil, 0, 1, false)
}

// statsText is the per-topic averages, the total time and the report line.
func statsText(th theme, rec interview.Record, reportPath string, reportErr error) string {
	sum := interview.Summarize(rec.Digest())
	var b strings.Builder
	for _, t := range sum.ByTopic {
		if t.Answered == 0 {
			continue
		}
		unit := "questions"
		if t.Answered == 1 {
			unit = "question"
		}
		fmt.Fprintf(&b, " %-12s %s  score %3s  adjusted %3s\n", tview.Escape(t.Topic),
			th.dim(fmt.Sprintf("%2d %-9s", t.Answered, unit)), interview.MeanText(t.Score, t.Answered), interview.MeanText(t.Average, t.Answered))
	}
	fmt.Fprintf(&b, " %s %s answering", th.bold("time"), interview.DurationText(sum.Duration))
	if !rec.Ended.IsZero() && rec.Ended.After(rec.Started) {
		fmt.Fprintf(&b, ", %s in all", interview.DurationText(rec.Ended.Sub(rec.Started)))
	}
	b.WriteString("\n")
	switch {
	case reportErr != nil:
		b.WriteString(" " + th.paint(colBad, "report not written: ") + tview.Escape(reportErr.Error()))
	case reportPath != "":
		b.WriteString(" " + th.bold("report:") + " " + tview.Escape(reportPath))
	default:
		b.WriteString(" " + th.dim("report: not written"))
	}
	return b.String()
}

// Columns of the table whose width follows the screen's.
const (
	colQuestion = 2
	colMissed   = 8
)

// beforeDraw shares the width left by the fixed columns between the
// question and the missed points, so that every column stays visible down
// to 80 columns; the selected row is shown in full below the table.
func (m *summaryScreen) beforeDraw(width, height int) {
	if width == m.width && height == m.height {
		return
	}
	m.width, m.height, m.lastWidth = width, height, width
	m.keys.SetText(m.a.th.fitKeys(width, m.keyVariants...))
	m.statsLines = 0
	for _, line := range strings.Split(m.statsText, "\n") {
		m.statsLines += max(len(tview.WordWrap(line, width)), 1)
	}
	m.root.ResizeItem(m.stats, m.statsLines, 0)
	// The table takes what the other parts leave, scrolling if need be.
	m.root.ResizeItem(m.table, max(min(len(m.items)+3, height-8-m.statsLines), 4), 0)
	fixed := 0
	for c := 0; c < m.table.GetColumnCount(); c++ {
		if c == colQuestion || c == colMissed {
			continue
		}
		w := 0
		for r := 0; r < m.table.GetRowCount(); r++ {
			w = max(w, tview.TaggedStringWidth(m.table.GetCell(r, c).Text))
		}
		fixed += w + 1
	}
	avail := max(width-4-fixed-1, 16) // borders, padding, the last separator
	q := max(avail*3/5, 8)
	for r := 1; r < m.table.GetRowCount(); r++ {
		m.table.GetCell(r, colQuestion).SetMaxWidth(q)
		m.table.GetCell(r, colMissed).SetMaxWidth(max(avail-q, 8))
	}
}

func (m *summaryScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch {
	case ev.Key() == tcell.KeyCtrlQ, ev.Key() == tcell.KeyRune && (ev.Rune() == 'q' || ev.Rune() == 'Q'):
		m.a.quit()
		return nil
	case ev.Key() == tcell.KeyRune && ev.Rune() == 's' && m.rec.Scorecard != nil:
		sc := newScorecard(m.a, m.rec.Scorecard, "back to the summary", func() { m.a.show(m, m.root, m.table) })
		m.a.show(sc, sc.root, sc.body)
		return nil
	case ev.Key() == tcell.KeyEscape:
		m.a.showHome("")
		return nil
	case ev.Key() == tcell.KeyEnter:
		if row, _ := m.table.GetSelection(); row >= 1 && row <= len(m.items) {
			r := newReadOnlyReview(m.a, m, row-1)
			m.a.show(r, r.root, r.points)
		}
		return nil
	case ev.Key() == tcell.KeyRune && ev.Rune() == 'n':
		s := m.rec.Settings
		s.Seed = m.a.clock.Now().UnixNano() // other questions than this session's
		if err := m.a.start(s); err != nil {
			m.a.showHome(err.Error())
		}
		return nil
	case ev.Key() == tcell.KeyRune && ev.Rune() == 'h' && m.a.opts.Store != nil:
		m.a.showHistory()
		return nil
	case ev.Key() == tcell.KeyRune && m.a.reportErr != nil && m.a.exported == "":
		switch ev.Rune() {
		case 'e':
			m.promptExport()
			return nil
		case 'p':
			m.a.printReport = true
			m.refreshStats()
			return nil
		}
	}
	return ev
}

func (m *summaryScreen) helpKeys() []string {
	keys := []string{
		"↑↓", "select a question",
		"Enter", "reopen its review (read-only)",
		"n", "new session with the same settings",
	}
	if m.a.opts.Store != nil {
		keys = append(keys, "h", "history of past sessions")
	}
	keys = append(keys, "Esc", "home screen", "q, Ctrl+Q", "quit grill (the report's path is printed)")
	if m.a.reportErr != nil && m.a.exported == "" {
		keys = append(keys, "e", "write the report to another directory", "p", "print the report when grill exits")
	}
	return keys
}

// screenW is the screen's width at the last draw, or a wide one before the
// first.
func (m *summaryScreen) screenW() int {
	if m.lastWidth > 0 {
		return m.lastWidth
	}
	return 1 << 10
}
