package ui

import (
	"strings"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// helper is a screen that lists its keys for the help overlay: pairs of
// key and what it does.
type helper interface {
	helpKeys() []string
}

// globalKeys work on every screen.
var globalKeys = []string{"? or F1", "this help (F1 while typing)", "Ctrl+C", "leave at once; a session is kept to resume"}

// typing reports whether the focus is in a text field, where ? is a
// character and only F1 opens the help.
func (a *app) typing() bool {
	switch a.tv.GetFocus().(type) {
	case *tview.TextArea, *tview.InputField:
		return true
	}
	return false
}

// isHelpKey reports whether ev opens the help overlay.
func (a *app) isHelpKey(ev *tcell.EventKey) bool {
	return ev.Key() == tcell.KeyF1 || ev.Key() == tcell.KeyRune && ev.Rune() == '?' && !a.typing()
}

// showHelp lays the keys of the current screen over it; any key closes
// it and goes back to where the focus was.
func (a *app) showHelp() {
	var pairs []string
	if h, ok := a.cur.(helper); ok {
		pairs = h.helpKeys()
	}
	pairs = append(pairs, globalKeys...)
	width := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		width = max(width, tview.TaggedStringWidth(pairs[i]))
	}
	var b strings.Builder
	var lines []string
	textWidth := 0
	for i := 0; i+1 < len(pairs); i += 2 {
		line := " " + a.th.bold(tview.Escape(pairs[i])) + strings.Repeat(" ", width-tview.TaggedStringWidth(pairs[i])+2) + tview.Escape(pairs[i+1])
		lines = append(lines, line)
		textWidth = max(textWidth, tview.TaggedStringWidth(line))
	}
	lines = append(lines, "", " "+a.th.dim("any key closes this help"))
	// The box fits its text, as wide as the screen allows; long lines wrap.
	_, _, screenW, screenH := a.pages.GetRect()
	boxW := min(textWidth+4, max(screenW, 20))
	height := 0
	for _, l := range lines {
		b.WriteString(l + "\n")
		height += max(1, len(tview.WordWrap(l, max(boxW-4, 1))))
	}
	view := tview.NewTextView().SetDynamicColors(true).SetWordWrap(true).SetText(b.String())
	view.SetBorderPadding(0, 0, 1, 1)
	a.th.styleBox(view.Box, "Keys")
	back := a.tv.GetFocus()
	a.helpBack = back
	a.pages.AddPage("help", centered(view, boxW, min(height+2, max(screenH, 3))), true, true)
	a.tv.SetFocus(view)
}

// closeHelp removes the help overlay.
func (a *app) closeHelp() {
	a.pages.RemovePage("help")
	if a.helpBack != nil {
		a.tv.SetFocus(a.helpBack)
		a.helpBack = nil
	}
}
