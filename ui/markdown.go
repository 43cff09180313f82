package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/rivo/tview"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"grill/tex"
)

// RenderMarkdown renders Markdown (a reference answer, a note) as text for a
// tview TextView with dynamic colours on: headings and bold as [::b]…[::-],
// italics as [::i], inline code and code blocks in an accent colour, code
// blocks indented, bullet lists with •, numbered lists numbered, block quotes
// behind "│ ", and LaTeX maths ($…$, $$…$$) as Unicode through
// tex.RenderMath. Display maths goes on a line of its own.
//
// With color false the result carries no style tags at all, for NO_COLOR.
// In both modes square brackets of the source are escaped (tview.Escape), so
// the result is meant for a TextView with dynamic colours on, where
// "[0.1, 0.2]" then shows as written. Lines are not wrapped: the TextView
// wraps them to its width.
func RenderMarkdown(md string, color bool) string {
	src, maths := protectMath(md)
	md2 := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.TaskList))
	doc := md2.Parser().Parse(text.NewReader(src))
	r := &mdRenderer{src: src, color: color, maths: maths, w: &styledWriter{color: color}}
	r.children(doc, false)
	return strings.TrimRight(r.w.String(), "\n ")
}

// codeColor is the colour of inline code and code blocks.
const codeColor = "darkcyan"

// Math spans are replaced by placeholders before parsing, so that Markdown
// never sees their underscores, stars and backslashes: mathOpen, the span's
// index in decimal, mathClose.
const (
	mathOpen  = '\uE010'
	mathClose = '\uE011'
)

// protectMath replaces the maths spans of md with placeholders and returns
// the new source and the spans.
func protectMath(md string) ([]byte, []tex.MathSpan) {
	md = strings.Map(func(r rune) rune {
		if r == mathOpen || r == mathClose {
			return utf8.RuneError
		}
		return r
	}, md)
	spans := tex.FindMath(md)
	var b strings.Builder
	last := 0
	for i, sp := range spans {
		b.WriteString(md[last:sp.Start])
		b.WriteRune(mathOpen)
		b.WriteString(strconv.Itoa(i))
		b.WriteRune(mathClose)
		last = sp.End
	}
	b.WriteString(md[last:])
	return []byte(b.String()), spans
}

// mdRenderer walks a goldmark document and writes it to a styledWriter.
type mdRenderer struct {
	src   []byte
	color bool
	maths []tex.MathSpan
	w     *styledWriter
}

// children renders the block children of n. Unless tight, a blank line
// separates blocks that a blank line separates in the source.
func (r *mdRenderer) children(n ast.Node, tight bool) {
	first := true
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if isComment(c, r.src) {
			continue
		}
		if !first && !tight && c.HasBlankPreviousLines() {
			r.w.blankLine()
		}
		r.block(c)
		first = false
	}
}

// block renders one block node, ending at the start of a line.
func (r *mdRenderer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		r.inlines(n)
		r.w.endLine()
	case *ast.Heading:
		r.w.pushAttr('b')
		r.inlines(n)
		r.w.popAttr()
		r.w.endLine()
	case *ast.ThematicBreak:
		r.w.text(strings.Repeat("─", 24))
		r.w.endLine()
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			line := strings.TrimRight(r.restore(string(seg.Value(r.src))), "\r\n")
			r.w.lead("    ")
			r.w.fg(codeColor)
			r.w.text(line)
			r.w.fg("-")
			r.w.endLine()
		}
	case *ast.Blockquote:
		r.w.push("│ ", "│ ")
		r.children(n, false)
		r.w.pop()
	case *ast.List:
		r.list(n)
	case *ast.HTMLBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			r.w.text(strings.TrimRight(r.restore(string(seg.Value(r.src))), "\r\n"))
			r.w.endLine()
		}
		if n.HasClosure() {
			r.w.text(strings.TrimRight(r.restore(string(n.ClosureLine.Value(r.src))), "\r\n"))
			r.w.endLine()
		}
	case *east.Table:
		r.table(n)
	default:
		r.children(n, false)
	}
}

// list renders a bullet or numbered list; items of a loose list are
// separated by blank lines.
func (r *mdRenderer) list(l *ast.List) {
	num := l.Start
	first := true
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if !first && !l.IsTight {
			r.w.blankLine()
		}
		first = false
		marker := "• "
		if l.IsOrdered() {
			marker = strconv.Itoa(num) + string(l.Marker) + " "
			num++
		}
		r.w.push(marker, strings.Repeat(" ", utf8.RuneCountInString(marker)))
		if item.FirstChild() == nil {
			r.w.startLine()
			r.w.endLine()
		}
		r.children(item, l.IsTight)
		r.w.pop()
	}
}

// table renders a GFM table with padded columns and a bold header.
func (r *mdRenderer) table(t *east.Table) {
	var rows [][]string
	var header []bool
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			sub := &mdRenderer{src: r.src, maths: r.maths, w: &styledWriter{}}
			sub.inlines(cell)
			cells = append(cells, tview.Unescape(strings.TrimSpace(sub.w.String())))
		}
		rows = append(rows, cells)
		header = append(header, row.Kind() == east.KindTableHeader)
	}
	var widths []int
	for _, cells := range rows {
		for i, c := range cells {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], tview.TaggedStringWidth(tview.Escape(c)))
		}
	}
	for i, cells := range rows {
		if header[i] {
			r.w.pushAttr('b')
		}
		for j, c := range cells {
			if j > 0 {
				r.w.text(" │ ")
			}
			pad := widths[j] - tview.TaggedStringWidth(tview.Escape(c))
			if j == len(cells)-1 {
				pad = 0
			}
			r.w.text(c + strings.Repeat(" ", max(pad, 0)))
		}
		if header[i] {
			r.w.popAttr()
			r.w.endLine()
			var sep []string
			for _, wd := range widths {
				sep = append(sep, strings.Repeat("─", wd))
			}
			r.w.text(strings.Join(sep, "─┼─"))
		}
		r.w.endLine()
	}
}

// inlines renders the inline children of n.
func (r *mdRenderer) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.inline(c)
	}
}

func (r *mdRenderer) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Value(r.src)
		if !n.IsRaw() {
			v = unescapeMarkdown(v)
		}
		r.textWithMath(string(v))
		switch {
		case n.HardLineBreak():
			r.w.endLine()
		case n.SoftLineBreak():
			r.w.space()
		}
	case *ast.String:
		r.textWithMath(string(n.Value))
	case *ast.CodeSpan:
		var b strings.Builder
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Value(r.src))
			case *ast.String:
				b.Write(c.Value)
			}
		}
		r.w.fg(codeColor)
		r.w.text(r.restore(b.String()))
		r.w.fg("-")
	case *ast.Emphasis:
		attr := byte('i')
		if n.Level >= 2 {
			attr = 'b'
		}
		r.w.pushAttr(attr)
		r.inlines(n)
		r.w.popAttr()
	case *east.Strikethrough:
		r.w.pushAttr('s')
		r.inlines(n)
		r.w.popAttr()
	case *ast.Link:
		r.inlines(n)
		dest := r.restore(string(n.Destination))
		if dest != "" && dest != plainText(n, r.src) {
			r.w.text(" (" + dest + ")")
		}
	case *ast.Image:
		r.w.text("(image: ")
		r.inlines(n)
		r.w.text(")")
	case *ast.AutoLink:
		r.w.text(string(n.URL(r.src)))
	case *ast.RawHTML:
		var b strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			b.Write(seg.Value(r.src))
		}
		tag := strings.ToLower(strings.ReplaceAll(b.String(), " ", ""))
		if tag == "<br>" || tag == "<br/>" {
			r.w.endLine()
		}
	case *east.TaskCheckBox:
		if n.IsChecked {
			r.w.text("☑ ")
		} else {
			r.w.text("☐ ")
		}
	default:
		r.inlines(n)
	}
}

// textWithMath writes text in which maths placeholders stand for rendered
// maths; display maths is set on its own indented line.
func (r *mdRenderer) textWithMath(s string) {
	for s != "" {
		open := strings.IndexRune(s, mathOpen)
		if open < 0 {
			r.w.text(s)
			return
		}
		r.w.text(s[:open])
		s = s[open+utf8.RuneLen(mathOpen):]
		end := strings.IndexRune(s, mathClose)
		if end < 0 {
			return
		}
		i, err := strconv.Atoi(s[:end])
		s = s[end+utf8.RuneLen(mathClose):]
		if err != nil || i < 0 || i >= len(r.maths) {
			continue
		}
		sp := r.maths[i]
		out := tex.MathToUnicode(sp.TeX)
		if !sp.Display {
			r.w.text(out)
			continue
		}
		r.w.endLine()
		for _, line := range strings.Split(out, "\n") {
			r.w.lead("  ")
			r.w.text(line)
			r.w.endLine()
		}
	}
}

// restore puts the original source of maths spans back, for code.
func (r *mdRenderer) restore(s string) string {
	if !strings.ContainsRune(s, mathOpen) {
		return s
	}
	var b strings.Builder
	for s != "" {
		open := strings.IndexRune(s, mathOpen)
		end := strings.IndexRune(s, mathClose)
		if open < 0 || end < open {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:open])
		i, err := strconv.Atoi(s[open+utf8.RuneLen(mathOpen) : end])
		if err == nil && i >= 0 && i < len(r.maths) {
			sp := r.maths[i]
			if sp.Display {
				b.WriteString("$$" + sp.TeX + "$$")
			} else {
				b.WriteString("$" + sp.TeX + "$")
			}
		}
		s = s[end+utf8.RuneLen(mathClose):]
	}
	return b.String()
}

// unescapeMarkdown resolves backslash escapes and entity references, as a
// Markdown renderer does for text.
func unescapeMarkdown(v []byte) []byte {
	return util.UnescapePunctuations(util.ResolveNumericReferences(util.ResolveEntityNames(v)))
}

// plainText returns the text content of an inline node.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// isComment reports whether n is an HTML block holding only a comment, such
// as the <!-- id: ... --> lines of a deck.
func isComment(n ast.Node, src []byte) bool {
	h, ok := n.(*ast.HTMLBlock)
	if !ok {
		return false
	}
	var b strings.Builder
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		b.Write(seg.Value(src))
	}
	if h.HasClosure() {
		b.Write(h.ClosureLine.Value(src))
	}
	s := strings.TrimSpace(b.String())
	return strings.HasPrefix(s, "<!--") && strings.HasSuffix(s, "-->")
}

// styledWriter builds tview text line by line. It writes the prefixes of the
// enclosing blocks (list markers, quote bars) at the start of each line,
// escapes text for tview, and keeps a stack of text attributes so that nested
// styles close correctly. Without colour it writes no tags.
type styledWriter struct {
	color    bool
	out      strings.Builder
	pending  strings.Builder // text of the current run, escaped when flushed
	prefixes []linePrefix
	attrs    []byte
	lineOpen bool // something has been written on the current line
	spaceDue bool // a soft line break is waiting to become a space
}

// linePrefix is what an enclosing block writes at the start of a line: first
// on its first line (a list marker), rest on the following ones.
type linePrefix struct {
	first, rest string
	used        bool
}

func (w *styledWriter) push(first, rest string) {
	w.prefixes = append(w.prefixes, linePrefix{first: first, rest: rest})
}

func (w *styledWriter) pop() {
	w.prefixes = w.prefixes[:len(w.prefixes)-1]
}

// startLine writes the prefixes if the current line is still empty.
func (w *styledWriter) startLine() {
	if w.lineOpen {
		return
	}
	w.lineOpen = true
	for i := range w.prefixes {
		p := &w.prefixes[i]
		if p.used {
			w.out.WriteString(p.rest)
		} else {
			w.out.WriteString(p.first)
			p.used = true
		}
	}
	if len(w.attrs) > 0 && w.color {
		fmt.Fprintf(&w.out, "[::%s]", w.attrs)
	}
}

// lead writes s at the start of a line, after the prefixes: an indent.
func (w *styledWriter) lead(s string) {
	w.startLine()
	w.pending.WriteString(s)
}

// text writes plain text; newlines in it end lines, and spaces at the start
// of a line are dropped.
func (w *styledWriter) text(s string) {
	for s != "" {
		line, rest, nl := strings.Cut(s, "\n")
		if !w.lineOpen {
			line = strings.TrimLeft(line, " ")
		}
		if line != "" {
			if w.spaceDue && w.lineOpen {
				w.pending.WriteByte(' ')
			}
			w.spaceDue = false
			w.startLine()
			w.pending.WriteString(line)
		}
		if nl {
			w.endLine()
		}
		s = rest
	}
}

// space records a soft line break, written as a space before the next text
// on the same line.
func (w *styledWriter) space() { w.spaceDue = true }

func (w *styledWriter) flush() {
	if w.pending.Len() == 0 {
		return
	}
	s := w.pending.String()
	w.out.WriteString(tview.Escape(s))
	w.pending.Reset()
}

// tag writes a style tag (colour mode only) after the pending text.
func (w *styledWriter) tag(t string) {
	if !w.color {
		return
	}
	w.startLine()
	w.flush()
	w.out.WriteString(t)
}

// fg switches the foreground colour; "-" restores it.
func (w *styledWriter) fg(name string) { w.tag("[" + name + "]") }

// pushAttr turns on a text attribute (b bold, i italic, s strike-through).
func (w *styledWriter) pushAttr(a byte) {
	w.attrs = append(w.attrs, a)
	if w.lineOpen {
		w.tag("[::" + string(a) + "]")
	}
}

// popAttr turns off the innermost attribute and keeps the outer ones.
func (w *styledWriter) popAttr() {
	if len(w.attrs) == 0 {
		return
	}
	w.attrs = w.attrs[:len(w.attrs)-1]
	if !w.lineOpen {
		return
	}
	w.tag("[::-]")
	if len(w.attrs) > 0 {
		w.tag("[::" + string(w.attrs) + "]")
	}
}

// endLine ends the current line, if one is open.
func (w *styledWriter) endLine() {
	w.spaceDue = false
	if !w.lineOpen {
		return
	}
	trimmed := strings.TrimRight(w.pending.String(), " ")
	w.pending.Reset()
	w.pending.WriteString(trimmed)
	if len(w.attrs) > 0 && w.color {
		w.flush()
		w.out.WriteString("[::-]")
	}
	w.flush()
	w.out.WriteByte('\n')
	w.lineOpen = false
}

// blankLine writes an empty line (with the quote bars of enclosing block
// quotes).
func (w *styledWriter) blankLine() {
	w.endLine()
	if o := w.out.String(); o == "" || strings.HasSuffix(o, "\n\n") {
		return
	}
	var b strings.Builder
	for _, p := range w.prefixes {
		if p.first == p.rest {
			b.WriteString(p.rest)
		} else {
			b.WriteString(strings.Repeat(" ", utf8.RuneCountInString(p.rest)))
		}
	}
	w.out.WriteString(strings.TrimRight(b.String(), " "))
	w.out.WriteByte('\n')
}

func (w *styledWriter) String() string {
	w.endLine()
	return w.out.String()
}
