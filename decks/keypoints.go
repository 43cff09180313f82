package decks

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// isKeyPointsIntro reports whether n, a paragraph or a sub-heading of an
// answer, opens a key points block: its text is exactly "Key points" or
// "Key points:", bold or not.
func isKeyPointsIntro(n ast.Node, src []byte) bool {
	s := strings.ToLower(strings.TrimSpace(plainText(n, src)))
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	return s == "key points"
}

// weightRe finds "(weight 2)" or "(weight: 0.5)" in the text of an item.
var weightRe = regexp.MustCompile(`(?i)\(\s*weight\b\s*:?\s*([^()]*?)\s*\)`)

// keyPoints reads the items of a key points list:
//
//   - **Label** (weight 2) — `phrasing`, `other phrasing`
//
// The label is the bold text that starts the item, the optional weight is
// in parentheses, and every inline code span is a phrasing. prior holds the
// card's key points already read, for the duplicate-label check.
func (p *parser) keyPoints(list *ast.List, prior []KeyPoint) []KeyPoint {
	seen := map[string]bool{}
	for _, kp := range prior {
		seen[strings.ToLower(kp.Label)] = true
	}
	var out []KeyPoint
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		line := p.line(max(nodePos(item), 0))
		kp, ok := p.keyPoint(item, line)
		if !ok {
			continue
		}
		if key := strings.ToLower(kp.Label); seen[key] {
			p.problem(line, "duplicate key point %q", kp.Label)
		} else {
			seen[key] = true
		}
		out = append(out, kp)
	}
	return out
}

// keyPoint reads one list item of a key points block.
func (p *parser) keyPoint(item ast.Node, line int) (KeyPoint, bool) {
	kp := KeyPoint{Weight: 1, Line: line}
	var first ast.Node
	for c := item.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.TextBlock); ok {
			first = c
			break
		}
		if _, ok := c.(*ast.Paragraph); ok {
			first = c
			break
		}
	}
	if first == nil {
		p.problem(line, "key point is empty")
		return kp, false
	}

	inl := first.FirstChild()
	for inl != nil {
		if t, ok := inl.(*ast.Text); ok && len(strings.TrimSpace(string(t.Segment.Value(p.src)))) == 0 {
			inl = inl.NextSibling()
			continue
		}
		break
	}
	em, ok := inl.(*ast.Emphasis)
	if ok && em.Level == 2 {
		kp.Label = strings.Join(strings.Fields(plainText(em, p.src)), " ")
	}
	if kp.Label == "" {
		p.problem(line, "key point has no bold label (want **Label** — `phrasing`, …)")
		return kp, false
	}

	var rest strings.Builder
	for c := em.NextSibling(); c != nil; c = c.NextSibling() {
		if cs, ok := c.(*ast.CodeSpan); ok {
			if s := strings.TrimSpace(codeSpanText(cs, p.src)); s != "" {
				kp.Phrasings = append(kp.Phrasings, s)
			}
			rest.WriteString(" ")
			continue
		}
		if t, ok := c.(*ast.Text); ok {
			rest.Write(t.Segment.Value(p.src))
			continue
		}
		rest.WriteString(plainText(c, p.src))
	}
	if m := weightRe.FindStringSubmatch(rest.String()); m != nil {
		w, err := strconv.ParseFloat(m[1], 64)
		if err != nil || w <= 0 || math.IsInf(w, 0) || math.IsNaN(w) {
			p.problem(line, "key point %q has bad weight %q (want a positive number)", kp.Label, m[1])
		} else {
			kp.Weight = w
		}
	}
	if len(kp.Phrasings) == 0 {
		p.problem(line, "key point %q has no phrasing", kp.Label)
	}
	return kp, true
}

// plainText returns the text of an inline node and its children, markup
// removed; code spans keep their content.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		switch t := n.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
			return
		case *ast.String:
			b.Write(t.Value)
			return
		case *ast.CodeSpan:
			b.WriteString(codeSpanText(t, src))
			return
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// codeSpanText returns the content of an inline code span as written.
func codeSpanText(cs *ast.CodeSpan, src []byte) string {
	var b strings.Builder
	for c := cs.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
		case *ast.String:
			b.Write(t.Value)
		}
	}
	return strings.ReplaceAll(strings.ReplaceAll(b.String(), "\r", ""), "\n", " ")
}
