package ui

import (
	"bytes"
	"grill/store"
	"regexp"
	"strings"
	"unicode"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"
)

// reportScreen shows the Markdown report of a stored session, rendered:
// headings and bold, the summary tables drawn with rules, the answers
// quoted, maths in Unicode. Prose is wrapped to the screen; tables are not,
// and ←→ scroll them. Esc goes back to the history.
type reportScreen struct {
	a    *app
	back *historyScreen
	root *tview.Flex
	view *tview.TextView

	text  string // the rendered report, lines unwrapped
	width int    // width the text was wrapped to
}

func newReport(a *app, back *historyScreen, id string) *reportScreen {
	r := &reportScreen{a: a, back: back, width: -1}
	th := a.th

	header := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	header.SetText(" " + th.strong("Report") + th.dim(" · "+id))

	var md bytes.Buffer
	if err := a.opts.Store.Show(&md, id, store.FormatMarkdown); err != nil {
		r.text = th.paint(colBad, tview.Escape(err.Error()))
	} else {
		r.text = RenderMarkdown(tableMath(md.String()), th.color)
	}
	r.view = tview.NewTextView().SetDynamicColors(true).SetWrap(false).SetScrollable(true)
	r.view.SetBorderPadding(0, 0, 1, 1)
	th.styleBox(r.view.Box, "")

	keys := tview.NewTextView().SetDynamicColors(true).SetWrap(false)
	keys.SetText(" " + th.keys("↑↓ PgUp PgDn", "scroll", "←→", "wide tables", "Esc", "back"))

	r.root = tview.NewFlex().SetDirection(tview.FlexRow).
		AddItem(header, 1, 0, false).
		AddItem(r.view, 0, 1, true).
		AddItem(keys, 1, 0, false)
	return r
}

// beforeDraw wraps the report to the width of the screen when it changed.
func (r *reportScreen) beforeDraw(width, height int) {
	if width == r.width {
		return
	}
	r.width = width
	row, _ := r.view.GetScrollOffset()
	r.view.SetText(wrapReport(r.text, max(width-4, 20)))
	r.view.ScrollTo(row, 0)
}

func (r *reportScreen) capture(ev *tcell.EventKey) *tcell.EventKey {
	switch {
	case ev.Key() == tcell.KeyEscape, ev.Key() == tcell.KeyBackspace, ev.Key() == tcell.KeyBackspace2,
		ev.Key() == tcell.KeyRune && ev.Rune() == 'q':
		r.a.show(r.back, r.back.root, r.back.table)
		return nil
	case ev.Key() == tcell.KeyCtrlQ:
		r.a.quit()
		return nil
	}
	return ev
}

// escapedMath is a maths span that a report escaped inside a table cell,
// where "$" and "\" are written "\$" and "\\".
var escapedMath = regexp.MustCompile(`\\\$([^$|]+?)\\\$`)

// tableMath unescapes the maths spans in the table rows of a Markdown
// report, so that RenderMarkdown shows them in Unicode as it does
// elsewhere.
func tableMath(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "|") && strings.Contains(l, `\$`) {
			lines[i] = escapedMath.ReplaceAllStringFunc(l, func(m string) string {
				inner := m[2 : len(m)-2]
				return "$" + strings.ReplaceAll(inner, `\\`, `\`) + "$"
			})
		}
	}
	return strings.Join(lines, "\n")
}

// wrapReport wraps the lines of a rendered report (tview tags included) to
// width, except the rows of tables, which keep their columns. A wrapped
// line's continuation is indented under its text, after its list bullet or
// number, and keeps a block quote's bar.
func wrapReport(text string, width int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if tview.TaggedStringWidth(line) <= width || isTableRow(line) {
			out = append(out, line)
			continue
		}
		out = append(out, wrapHanging(line, width)...)
	}
	return strings.Join(out, "\n")
}

// wrapHanging word-wraps one line, its continuation lines starting with
// the hanging indent of the first.
func wrapHanging(line string, width int) []string {
	indent := hangingIndent(plain(line))
	first := tview.WordWrap(line, width)
	if len(first) == 0 || !strings.HasPrefix(line, first[0]) {
		return first
	}
	lines := []string{first[0]}
	rest := strings.TrimLeft(line[len(first[0]):], " ")
	w := max(width-len([]rune(indent)), 10)
	for rest != "" {
		part := tview.WordWrap(rest, w)
		if len(part) == 0 || !strings.HasPrefix(rest, part[0]) || part[0] == "" {
			lines = append(lines, indent+rest)
			break
		}
		lines = append(lines, indent+part[0])
		rest = strings.TrimLeft(rest[len(part[0]):], " ")
	}
	return lines
}

// hangingIndent is what continues a line that starts with s (without
// tags): the block quote bars it starts with, then spaces as wide as its
// indentation, list bullet or number.
func hangingIndent(s string) string {
	var b strings.Builder
	rs := []rune(s)
	i := 0
	for i < len(rs) {
		switch {
		case rs[i] == '│':
			b.WriteRune('│')
			i++
		case rs[i] == ' ' || rs[i] == '•':
			b.WriteByte(' ')
			i++
		case unicode.IsDigit(rs[i]):
			j := i
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			if j+1 < len(rs) && rs[j] == '.' && rs[j+1] == ' ' {
				b.WriteString(strings.Repeat(" ", j-i+2))
				i = j + 2
				continue
			}
			return b.String()
		default:
			return b.String()
		}
	}
	return b.String()
}

// isTableRow reports whether a rendered line is a row or rule of a table:
// cells separated by " │ ", or a rule with "┼". A block quote's bar at the
// start of a line is not a cell separator.
func isTableRow(line string) bool {
	p := plain(line)
	if strings.Contains(p, "─┼─") {
		return true
	}
	trimmed := strings.TrimLeft(p, " │")
	return strings.Contains(trimmed, " │ ")
}

// plain removes tview style tags from s and unescapes its brackets, for
// looking at the text as shown.
func plain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '[' {
			if j := strings.IndexByte(s[i:], ']'); j > 0 {
				tag := s[i+1 : i+j]
				switch {
				case isStyleTag(tag):
					i += j + 1
					continue
				case strings.HasSuffix(tag, "["): // escaped: "[x[]" shows "[x]"
					b.WriteString(s[i : i+j-1])
					b.WriteByte(']')
					i += j + 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// isStyleTag reports whether the text between brackets is a tview style
// tag such as "red", "-", "::b", "black:yellow" or "#ff0000::u".
func isStyleTag(tag string) bool {
	if tag == "" || strings.Count(tag, ":") > 2 {
		return false
	}
	for _, r := range tag {
		if !(r == ':' || r == '-' || r == '#' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return true
}

func (r *reportScreen) helpKeys() []string {
	return []string{
		"↑↓ PgUp PgDn", "scroll",
		"←→", "scroll wide tables",
		"Esc, Backspace or q", "back to the history",
		"Ctrl+Q", "quit grill",
	}
}
