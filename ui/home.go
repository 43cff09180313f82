package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/interview"
)

// homeScreen sets up a session: the topics to include, how many questions,
// the time per question, the order, when follow-ups are asked, and whether
// it is a practice round or an interview (with the length of its round),
// prefilled from the configuration (and so from the flags).
type homeScreen struct {
	a      *app
	root   *tview.Flex
	form   *tview.Form
	status *tview.TextView

	topics []*tview.Checkbox
	ids    []string
	count  *tview.InputField
	limit  *tview.InputField
	order  *tview.DropDown
	follow *tview.DropDown   // when follow-ups are asked
	mode   *tview.DropDown   // practice or interview
	round  *tview.InputField // an interview's round
	labels []string          // the form items' labels, without the focus marker
}

func newHome(a *app) *homeScreen {
	h := &homeScreen{a: a}
	th := a.th
	cfg := a.opts.Config.Session

	h.form = tview.NewForm().SetItemPadding(0).
		SetFieldStyle(th.field).
		SetButtonStyle(th.button).SetButtonActivatedStyle(th.active)
	h.form.SetBorderPadding(1, 0, 2, 2)
	th.styleBox(h.form.Box, "New session")

	labelWidth := 0
	for _, t := range a.opts.Library.Topics {
		labelWidth = max(labelWidth, len(t.ID))
	}
	for i, t := range a.opts.Library.Topics {
		checked := len(cfg.Topics) == 0 || slices.Contains(cfg.Topics, t.ID)
		label := "Topics"
		if i > 0 {
			label = ""
		}
		cb := tview.NewCheckbox().SetLabel(label).SetChecked(checked).
			SetCheckedString(tview.Escape("[x]")).SetUncheckedString(tview.Escape("[ ]"))
		name := fmt.Sprintf("%-*s  %s %s", labelWidth, t.ID, t.Title, th.dim(fmt.Sprintf("(%d)", len(t.Cards))))
		h.form.AddFormItem(&labelled{Checkbox: cb, after: name})
		h.topics = append(h.topics, cb)
		h.ids = append(h.ids, t.ID)
	}
	h.count = tview.NewInputField().SetLabel("Questions").SetFieldWidth(5).
		SetText(strconv.Itoa(max(cfg.Count, 1))).SetAcceptanceFunc(tview.InputFieldInteger)
	limit := cfg.TimeLimit
	if limit <= 0 {
		limit = interview.DefaultTimeLimit
	}
	h.limit = tview.NewInputField().SetLabel("Time per question").SetFieldWidth(8).SetText(short(limit))
	orderIdx := max(slices.Index(interview.Orders, cfg.Order), 0)
	h.order = tview.NewDropDown().SetLabel("Order").SetOptions(interview.Orders, nil).
		SetCurrentOption(orderIdx).SetListStyles(th.field, th.selected).SetFocusedStyle(th.active)
	followIdx := max(slices.Index(interview.FollowUpPolicies, cfg.FollowUps), 0)
	h.follow = tview.NewDropDown().SetLabel("Follow-ups").SetOptions(interview.FollowUpPolicies, nil).
		SetCurrentOption(followIdx).SetListStyles(th.field, th.selected).SetFocusedStyle(th.active)
	h.mode = tview.NewDropDown().SetLabel("Mode").SetOptions(homeModes, nil).
		SetCurrentOption(0).SetListStyles(th.field, th.selected).SetFocusedStyle(th.active)
	h.round = tview.NewInputField().SetLabel("Interview round").SetFieldWidth(8).SetText(short(interview.DefaultRound))
	h.form.AddFormItem(h.count).AddFormItem(h.limit).AddFormItem(h.order).
		AddFormItem(h.follow).AddFormItem(h.mode).AddFormItem(h.round)
	for i := 0; i < h.form.GetFormItemCount(); i++ {
		h.labels = append(h.labels, h.form.GetFormItem(i).GetLabel())
	}
	h.form.AddButton("Start", h.submit)
	if a.opts.Store != nil {
		h.form.AddButton("History", a.showHistory)
	}
	h.form.SetCancelFunc(a.quit)

	h.status = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	h.status.SetBorderPadding(1, 0, 1, 1)
	h.status.SetText(th.dim(`Cards with a time of their own keep it. "weakest" and "due" use past sessions; without history they ask in mixed order. An interview runs one clock for the round, easier questions first, and reviews nothing until its scorecard.`) + mergedText(th, a.opts.Library))

	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	header.SetText(" " + th.strong("grill") + th.dim(" · timed mock interviews"))
	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	pairs := []string{"↑↓", "field", "Space", "toggle", "Ctrl+S", "start"}
	if a.opts.Store != nil {
		pairs = append(pairs, "h", "history")
	}
	keys.SetText(" " + th.keys(append(pairs, "Ctrl+Q", "quit")...))

	h.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(h.form, len(h.topics)+homeRows, 0, true).
		AddItem(h.status, 0, 1, false).
		AddItem(keys, 1, 0, false)
	return h
}

// settings reads the form; an error names the field that is wrong.
func (h *homeScreen) settings() (interview.Settings, error) {
	s := h.a.opts.Config.Settings()
	s.Topics = nil
	for i, cb := range h.topics {
		if cb.IsChecked() {
			s.Topics = append(s.Topics, h.ids[i])
		}
	}
	if len(s.Topics) == 0 {
		return s, fmt.Errorf("choose at least one topic")
	}
	n, err := strconv.Atoi(strings.TrimSpace(h.count.GetText()))
	if err != nil {
		return s, fmt.Errorf("questions: want a number, got %q", h.count.GetText())
	}
	s.Count = n
	d, err := parseLimit(h.limit.GetText())
	if err != nil {
		return s, err
	}
	if d != s.TimeLimit {
		s.TimeLimit, s.TimeChosen = d, true // edited here: it overrides the decks' defaults
	}
	_, s.Order = h.order.GetCurrentOption()
	_, s.FollowUps = h.follow.GetCurrentOption()
	if _, mode := h.mode.GetCurrentOption(); mode == homeModes[1] {
		round, err := parseLimit(h.round.GetText())
		if err != nil || round < interview.MinRound || round > interview.MaxRound {
			return s, fmt.Errorf(`interview round: want a length from %s to %s, such as "45m", got %q`, short(interview.MinRound), short(interview.MaxRound), strings.TrimSpace(h.round.GetText()))
		}
		s.Mode, s.RoundLimit = interview.ModeInterview, round
	}
	if ps := s.Validate(); len(ps) > 0 {
		return s, fmt.Errorf("%s %s", homeFields[ps[0].Field], ps[0].Msg)
	}
	return s, nil
}

// homeFields names the settings as the form labels them.
var homeFields = map[string]string{
	"topics": "topics:", "count": "questions:", "time_per_question": "time per question:", "order": "order:",
	"follow_ups": "follow-ups:",
}

// homeModes are the kinds of session the home screen starts: a practice
// round (a review after every answer) or an interview (one clock for the
// round, no review until the scorecard), as grill interview runs it.
var homeModes = []string{"practice", "interview"}

// homeRows is the height of the form beyond one row per topic: the six
// settings, the buttons and the padding.
const homeRows = 11

// parseLimit reads a time per question: a Go duration ("90s", "3m") or a
// plain number of minutes.
func parseLimit(text string) (time.Duration, error) {
	text = strings.TrimSpace(text)
	if n, err := strconv.Atoi(text); err == nil {
		text = strconv.Itoa(n) + "m"
	}
	d, err := time.ParseDuration(text)
	if err != nil {
		return 0, fmt.Errorf(`time per question: want a duration such as "90s" or "3m", got %q`, text)
	}
	return d, nil
}

func (h *homeScreen) submit() {
	s, err := h.settings()
	if err == nil {
		err = h.a.start(s)
	}
	if err != nil {
		h.setError(err.Error())
	}
}

// setError shows msg in the status line, in the colour of errors.
func (h *homeScreen) setError(msg string) {
	h.status.SetText(h.a.th.paint(colBad, tview.Escape(msg)))
}

// beforeDraw fits the form to its items, leaving room below for the
// status line and the footer.
func (h *homeScreen) beforeDraw(width, height int) {
	h.markFocus()
	h.root.ResizeItem(h.form, max(min(len(h.topics)+homeRows, height-5), 3), 0)
}

func (h *homeScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
	case tcell.KeyDown, tcell.KeyUp:
		// The arrows move between fields, as Tab and Shift+Tab do, except
		// in an open drop-down list, where they choose.
		move := tcell.KeyTab
		if ev.Key() == tcell.KeyUp {
			move = tcell.KeyBacktab
		}
		switch f := h.a.tv.GetFocus().(type) {
		case *labelled, *tview.Checkbox, *tview.InputField, *tview.Button:
			return tcell.NewEventKey(move, 0, tcell.ModNone)
		case *tview.DropDown:
			if !f.IsOpen() && ev.Key() == tcell.KeyUp {
				return tcell.NewEventKey(move, 0, tcell.ModNone)
			}
		}
	case tcell.KeyCtrlQ:
		h.a.quit()
		return nil
	case tcell.KeyCtrlS:
		h.submit()
		return nil
	case tcell.KeyRune:
		// h opens the history, unless it is being typed into a field.
		if ev.Rune() == 'h' && h.a.opts.Store != nil {
			if _, typing := h.a.tv.GetFocus().(*tview.InputField); !typing {
				h.a.showHistory()
				return nil
			}
		}
	}
	return ev
}

// labelled is a checkbox with text after its box, such as a topic's title.
type labelled struct {
	*tview.Checkbox
	after      string
	labelWidth int
}

// SetFormAttributes records the label width the form gives the checkbox.
func (l *labelled) SetFormAttributes(labelWidth int, labelColor, bgColor, fieldTextColor, fieldBgColor tcell.Color) tview.FormItem {
	l.labelWidth = labelWidth
	l.Checkbox.SetFormAttributes(labelWidth, labelColor, bgColor, fieldTextColor, fieldBgColor)
	return l
}

// Draw draws the checkbox, then the text after it.
func (l *labelled) Draw(screen tcell.Screen) {
	l.Checkbox.Draw(screen)
	x, y, width, _ := l.GetInnerRect()
	off := l.labelWidth
	if off == 0 {
		off = tview.TaggedStringWidth(l.GetLabel())
	}
	off += 4 // "[x] "
	if width > off {
		tview.Print(screen, l.after, x+off, y, width-off, tview.AlignLeft, tcell.ColorDefault)
	}
}

// GetFieldWidth makes room for the text after the box.
func (l *labelled) GetFieldWidth() int { return 0 }

func (h *homeScreen) helpKeys() []string {
	keys := []string{
		"↑↓, Tab, Shift+Tab", "next or previous field",
		"Space", "include or leave out the selected topic",
		"Enter", "open a list (order, follow-ups, mode); press the selected button",
		"Ctrl+S", "start the session",
	}
	if h.a.opts.Store != nil {
		keys = append(keys, "h", "history of past sessions (outside a text field)")
	}
	return append(keys, "Esc, Ctrl+Q", "quit grill")
}

// markFocus puts a marker before the label of the focused field, so that
// the field being edited is plain to see without colour too.
func (h *homeScreen) markFocus() {
	for i := 0; i < h.form.GetFormItemCount(); i++ {
		item := h.form.GetFormItem(i)
		label := h.labels[i]
		mark := "  "
		if item.HasFocus() {
			mark = "▸ "
		}
		switch it := item.(type) {
		case *labelled:
			it.SetLabel(mark + label)
		case *tview.InputField:
			it.SetLabel(mark + label)
		case *tview.DropDown:
			it.SetLabel(mark + label)
		}
	}
}

// mergedText says which questions were in more than one loaded deck and
// are asked once, or "" when none were.
func mergedText(th theme, lib *decks.Library) string {
	if len(lib.Merged) == 0 {
		return ""
	}
	m := lib.Merged[0]
	text := fmt.Sprintf("%d question(s) were in two loaded decks and are asked once", len(lib.Merged))
	if len(lib.Merged) == 1 {
		text = "1 question was in two loaded decks and is asked once"
	}
	text += fmt.Sprintf(": %q from %s is kept, the copy in %s left out", m.Kept.Question, m.Kept.Source, m.Dropped.Source)
	if len(lib.Merged) > 1 {
		text += fmt.Sprintf(", and %d more", len(lib.Merged)-1)
	}
	return "\n" + th.paint(colAmber, tview.Escape(text+"."))
}
