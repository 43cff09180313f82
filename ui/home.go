package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/interview"
)

// homeScreen sets up a session: the topics to include, how many questions,
// the time per question and the order, prefilled from the configuration
// (and so from the flags).
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
	h.form.AddFormItem(h.count).AddFormItem(h.limit).AddFormItem(h.order)
	h.form.AddButton("Start", h.submit)
	if a.opts.Store != nil {
		h.form.AddButton("History", a.showHistory)
	}
	h.form.SetCancelFunc(a.quit)

	h.status = tview.NewTextView().SetDynamicColors(true).SetWordWrap(true)
	h.status.SetBorderPadding(1, 0, 1, 1)
	h.status.SetText(th.dim(`Cards with a time of their own keep it. "weakest" and "due" use past sessions; without history they ask in mixed order.`))

	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	header.SetText(" " + th.strong("grill") + th.dim(" · timed mock interviews"))
	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	pairs := []string{"Tab", "next", "Space", "toggle", "Ctrl+S", "start"}
	if a.opts.Store != nil {
		pairs = append(pairs, "h", "history")
	}
	keys.SetText(" " + th.keys(append(pairs, "Ctrl+Q", "quit")...))

	h.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(h.form, len(h.topics)+8, 0, true).
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
	if ps := s.Validate(); len(ps) > 0 {
		return s, fmt.Errorf("%s %s", homeFields[ps[0].Field], ps[0].Msg)
	}
	return s, nil
}

// homeFields names the settings as the form labels them.
var homeFields = map[string]string{
	"topics": "topics:", "count": "questions:", "time_per_question": "time per question:", "order": "order:",
}

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
	h.root.ResizeItem(h.form, max(min(len(h.topics)+8, height-5), 3), 0)
}

func (h *homeScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch ev.Key() {
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
