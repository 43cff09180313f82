package decks

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// blockKind names the optional blocks under a card.
type blockKind uint8

const (
	blockNone           blockKind = iota
	blockKeyPoints                // **Key points**
	blockMisconceptions           // **Misconceptions**
	blockAlsoAccepted             // **Also accepted**
	blockSources                  // **Sources**
)

// blockLabels maps the label of a block intro, lower-cased, to its kind.
var blockLabels = map[string]blockKind{
	"key points":     blockKeyPoints,
	"misconceptions": blockMisconceptions,
	"also accepted":  blockAlsoAccepted,
	"sources":        blockSources,
}

// blockItems names what the list of each block holds, for problems.
var blockItems = map[blockKind]string{
	blockKeyPoints:      "key points",
	blockMisconceptions: "misconceptions",
	blockAlsoAccepted:   "alternative answers",
	blockSources:        "sources",
}

// blockIntro reports which block n, a paragraph or a sub-heading of an
// answer, opens. A block opens with a paragraph holding nothing but its
// bold label ("**Misconceptions**", a colon allowed). "Key points" is
// also recognised without bold and as a sub-heading, as decks wrote it
// before the other blocks existed.
func blockIntro(n ast.Node, src []byte) blockKind {
	s := strings.ToLower(strings.TrimSpace(plainText(n, src)))
	s = strings.TrimSpace(strings.TrimSuffix(s, ":"))
	kind := blockLabels[s]
	if kind == blockNone || kind == blockKeyPoints {
		return kind
	}
	if _, ok := n.(*ast.Paragraph); !ok {
		return blockNone
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Emphasis:
			if t.Level == 2 {
				continue
			}
		case *ast.Text:
			if v := strings.TrimSpace(string(t.Segment.Value(src))); v == "" || v == ":" {
				continue
			}
		}
		return blockNone
	}
	return kind
}

// listItems returns the Markdown source of each item of list, one string
// per item, for the "Also accepted" and "Sources" blocks. An empty item is
// a problem named after the block.
func (p *parser) listItems(list *ast.List, block string) []string {
	var out []string
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		line := p.line(max(nodePos(item), 0))
		s := p.itemSource(item)
		if s == "" {
			p.problem(line, "empty item in %s", block)
			continue
		}
		out = append(out, s)
	}
	return out
}

// itemSource returns the Markdown source of a list item's content, without
// its marker and with its continuation lines dedented.
func (p *parser) itemSource(item ast.Node) string {
	start, end := -1, -1
	_ = ast.Walk(item, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := n.Lines()
		if lines.Len() == 0 {
			return ast.WalkContinue, nil
		}
		if start < 0 || lines.At(0).Start < start {
			start = lines.At(0).Start
		}
		end = max(end, lines.At(lines.Len()-1).Stop)
		return ast.WalkContinue, nil
	})
	if start < 0 || end <= start {
		return ""
	}
	indent := 0
	if li, ok := item.(*ast.ListItem); ok {
		indent = li.Offset
	}
	lines := strings.Split(string(p.src[start:end]), "\n")
	for i := 1; i < len(lines); i++ {
		s := lines[i]
		k := 0
		for k < len(s) && k < indent && s[k] == ' ' {
			k++
		}
		lines[i] = s[k:]
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// weightRe finds "(weight 2)" or "(weight: 0.5)" in the text of an item.
var weightRe = regexp.MustCompile(`(?i)\(\s*weight\b\s*:?\s*([^()]*?)\s*\)`)

// keyPoints reads the items of a key points list:
//
//   - **Label** (weight 2) — `phrasing`, `other phrasing`
//
// The label is the bold text that starts the item, the optional weight is
// in parentheses, and every inline code span is a phrasing. Misconceptions
// use the same syntax; what ("key point" or "misconception") names the item
// in problems. prior holds the items of the block's kind already read, for
// the duplicate-label check.
func (p *parser) keyPoints(list *ast.List, prior []KeyPoint, what string) []KeyPoint {
	seen := map[string]bool{}
	for _, kp := range prior {
		seen[strings.ToLower(kp.Label)] = true
	}
	var out []KeyPoint
	for item := list.FirstChild(); item != nil; item = item.NextSibling() {
		line := p.line(max(nodePos(item), 0))
		kp, ok := p.keyPoint(item, line, what)
		if !ok {
			continue
		}
		if key := strings.ToLower(kp.Label); seen[key] {
			p.problem(line, "duplicate %s %q", what, kp.Label)
		} else {
			seen[key] = true
		}
		out = append(out, kp)
	}
	return out
}

// keyPoint reads one list item of a key points block.
func (p *parser) keyPoint(item ast.Node, line int, what string) (KeyPoint, bool) {
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
		p.problem(line, "%s is empty", what)
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
		p.problem(line, "%s has no bold label (want **Label** — `phrasing`, …)", what)
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
			p.problem(line, "%s %q has bad weight %q (want a positive number)", what, kp.Label, m[1])
		} else {
			kp.Weight = w
		}
	}
	if len(kp.Phrasings) == 0 {
		p.problem(line, "%s %q has no phrasing", what, kp.Label)
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
