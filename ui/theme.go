package ui

import (
	"fmt"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// theme holds grill's colours, or none at all when NO_COLOR is set. Text is
// marked up with tview style tags built by the methods below, so that the
// same screen code serves both modes: without colour only attributes (bold,
// underline, reverse) are used, which NO_COLOR allows.
type theme struct {
	color bool

	field    tcell.Style // input fields, checkboxes, drop-downs
	selected tcell.Style // the selected row of a list or table
	button   tcell.Style
	active   tcell.Style // focused button
}

const (
	colAccent = "darkcyan"
	colDim    = "gray"
	colGood   = "green"
	colBad    = "red"
	colAmber  = "orange"
	colMark   = "yellow"
)

func newTheme(color bool) theme {
	if !color {
		return theme{
			field:    tcell.StyleDefault.Underline(true),
			selected: tcell.StyleDefault.Reverse(true),
			button:   tcell.StyleDefault.Bold(true),
			active:   tcell.StyleDefault.Reverse(true),
		}
	}
	return theme{
		color:    true,
		field:    tcell.StyleDefault.Background(tcell.PaletteColor(236)).Foreground(tcell.ColorWhite),
		selected: tcell.StyleDefault.Background(tcell.ColorDarkCyan).Foreground(tcell.ColorBlack),
		button:   tcell.StyleDefault.Background(tcell.PaletteColor(238)).Foreground(tcell.ColorWhite),
		active:   tcell.StyleDefault.Background(tcell.ColorDarkCyan).Foreground(tcell.ColorBlack).Bold(true),
	}
}

// install sets tview's default styles, which widgets read when they are
// created. Backgrounds are the terminal's own in both modes.
func (th theme) install() {
	d := tcell.ColorDefault
	if !th.color {
		tview.Styles = tview.Theme{
			PrimitiveBackgroundColor: d, ContrastBackgroundColor: d, MoreContrastBackgroundColor: d,
			BorderColor: d, TitleColor: d, GraphicsColor: d, PrimaryTextColor: d, SecondaryTextColor: d,
			TertiaryTextColor: d, InverseTextColor: d, ContrastSecondaryTextColor: d,
		}
		return
	}
	tview.Styles = tview.Theme{
		PrimitiveBackgroundColor:    d,
		ContrastBackgroundColor:     tcell.PaletteColor(236),
		MoreContrastBackgroundColor: tcell.PaletteColor(238),
		BorderColor:                 tcell.ColorGray,
		TitleColor:                  tcell.ColorDarkCyan,
		GraphicsColor:               tcell.ColorGray,
		PrimaryTextColor:            d,
		SecondaryTextColor:          tcell.ColorDarkCyan,
		TertiaryTextColor:           tcell.ColorGray,
		InverseTextColor:            tcell.ColorBlack,
		ContrastSecondaryTextColor:  tcell.ColorGray,
	}
}

// paint wraps s (already escaped) in a colour tag, or leaves it alone without
// colour.
func (th theme) paint(color, s string) string {
	if !th.color || s == "" {
		return s
	}
	return fmt.Sprintf("[%s]%s[-]", color, s)
}

// strong is bold text in the accent colour (bold only without colour).
func (th theme) strong(s string) string {
	if !th.color {
		return "[::b]" + s + "[::-]"
	}
	return fmt.Sprintf("[%s::b]%s[-::-]", colAccent, s)
}

// bold is bold text in the current colour.
func (th theme) bold(s string) string { return "[::b]" + s + "[::-]" }

// dim is secondary text.
func (th theme) dim(s string) string { return th.paint(colDim, s) }

// mark highlights a matched span of the candidate's answer.
func (th theme) mark(s string) string {
	if !th.color {
		return "[::u]" + s + "[::-]"
	}
	return fmt.Sprintf("[%s::u]%s[-::-]", colMark, s)
}

// markStrong highlights the spans of the selected key point.
func (th theme) markStrong(s string) string {
	if !th.color {
		return "[::r]" + s + "[::-]"
	}
	return fmt.Sprintf("[black:%s]%s[-:-]", colMark, s)
}

// markBad highlights the evidence of a contradicted point or a wrong claim:
// red, or without colour bold and struck through as well as underlined.
func (th theme) markBad(s string) string {
	if !th.color {
		return "[::bus]" + s + "[::-]"
	}
	return fmt.Sprintf("[%s::u]%s[-::-]", colBad, s)
}

// markBadStrong highlights the evidence of the selected line when it is a
// contradicted point or a wrong claim.
func (th theme) markBadStrong(s string) string {
	if !th.color {
		return "[::brs]" + s + "[::-]"
	}
	return fmt.Sprintf("[white:%s:b]%s[-:-:-]", colBad, s)
}

// styleBox gives a bordered box grill's look.
func (th theme) styleBox(b *tview.Box, title string) {
	b.SetBorder(true)
	if title != "" {
		b.SetTitle(" " + title + " ").SetTitleAlign(tview.AlignLeft)
	}
}

// keys formats a footer: pairs of key and action, separated by dots.
func (th theme) keys(pairs ...string) string {
	var s string
	for i := 0; i+1 < len(pairs); i += 2 {
		if i > 0 {
			s += th.dim(" · ")
		}
		s += th.bold(pairs[i]) + " " + pairs[i+1]
	}
	return s
}

// fitKeys is the first footer of variants (pairs of key and action, as for
// keys) that fits in width cells, or the last one: a narrow screen shows
// fewer keys rather than cut ones (? lists them all).
func (th theme) fitKeys(width int, variants ...[]string) string {
	for _, v := range variants {
		if s := " " + th.keys(v...); tview.TaggedStringWidth(s) <= width {
			return s
		}
	}
	return " " + th.keys(variants[len(variants)-1]...)
}
