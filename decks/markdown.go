package decks

import (
	"bytes"
	"cmp"
	"html"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdown is a CommonMark parser; it is safe for concurrent use.
var markdown = goldmark.DefaultParser()

// markdownFormat reads grill's own deck format, a Markdown file.
//
// Optional TOML front matter between "+++" lines; an optional
// level-1 document title; questions as headings (or as
// <details><summary>Question</summary> answer </details> blocks) with the
// Markdown below them as the reference answer; "Part N: Title" headings
// splitting a file into topics; <!-- id: … -->, <!-- time: … --> and
// <!-- difficulty: N --> comments after a question; a "> **Note:** …"
// blockquote; the blocks "**Key points**" and "**Misconceptions**" (lists
// of "**Label** (weight N) — `phrasing`, `phrasing`" items), "**Also
// accepted**" (one alternative answer per item) and "**Sources**" (one
// citation per item), none of them part of the answer; and follow-ups:
// headings one level below the question, "Follow-up: <question>", each
// with its own answer, blocks and <!-- probes: key point label -->.
type markdownFormat struct{}

func (markdownFormat) name() string { return "Markdown" }

// match accepts any file: Markdown is the format of last resort.
func (markdownFormat) match(string, []byte) bool { return true }

func (markdownFormat) read(name string, src []byte, pl *problemList) []*draftTopic {
	p := &parser{problemList: pl}
	p.setSource(src)

	fmText, bodyStart, found, closed := splitFrontMatter(src)
	if found && !closed {
		p.problem(1, `front matter opened by "+++" is not closed by a "+++" line`)
		return nil
	}
	if found {
		p.fm = p.decodeFrontMatter(fmText)
		// Blank the front matter so that offsets and lines stay those of
		// the file while Markdown sees only blank lines there.
		body := bytes.Clone(src)
		for i := 0; i < bodyStart; i++ {
			if body[i] != '\n' {
				body[i] = ' '
			}
		}
		p.src = body
	}

	doc := markdown.Parse(text.NewReader(p.src))
	items := p.group(p.split(p.blocks(doc)))
	return p.finish(p.structure(items))
}

// parser holds the state of one read of a Markdown deck.
type parser struct {
	*problemList
	src        []byte
	lineStarts []int // byte offset of the start of each line
	fm         frontMatter
}

func (p *parser) setSource(src []byte) {
	p.src = src
	p.lineStarts = append(p.lineStarts[:0], 0)
	for i, b := range src {
		if b == '\n' && i+1 < len(src) {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
}

// line returns the 1-based line holding byte offset off.
func (p *parser) line(off int) int {
	return sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > off })
}

// lineStart returns the offset of the start of the line holding off.
func (p *parser) lineStart(off int) int {
	if off <= 0 {
		return 0
	}
	return p.lineStarts[p.line(off)-1]
}

// chunkKind says what a chunk of the document is.
type chunkKind uint8

const (
	chunkBlock   chunkKind = iota // a top-level Markdown block other than a heading
	chunkHeading                  // a top-level heading
	chunkRaw                      // part of a block split around <details>/<summary> tags
	chunkTag                      // a <details>, </details>, <summary> or </summary> tag
	chunkDetails                  // a whole <details> block with its summary and body
)

// chunk is a byte range [start, end) of the document. Top-level blocks own
// the lines from their first line up to the next block, so consecutive
// chunks tile the document.
type chunk struct {
	kind       chunkKind
	start, end int
	node       ast.Node // chunkBlock, chunkHeading
	level      int      // chunkHeading
	text       string   // heading text; summary text of chunkDetails
	line       int      // line of the heading, or of the <summary>
	tag        string   // chunkTag: "details" or "summary"
	closing    bool     // chunkTag: </…>
	body       []chunk  // chunkDetails: the chunks between </summary> and </details>
	bodyStart  int      // chunkDetails
	noQuestion bool     // chunkDetails: summary missing or broken, already reported
}

// blocks returns the top-level blocks of doc as chunks.
func (p *parser) blocks(doc ast.Node) []chunk {
	out := make([]chunk, 0, doc.ChildCount())
	prev := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		start := prev
		if pos := nodePos(n); pos >= 0 {
			start = max(p.lineStart(min(pos, len(p.src))), prev)
		}
		c := chunk{kind: chunkBlock, start: start, node: n}
		if h, ok := n.(*ast.Heading); ok {
			c.kind, c.level, c.text, c.line = chunkHeading, h.Level, headingText(h, p.src), p.line(start)
		}
		out = append(out, c)
		prev = start
	}
	for i := range out {
		if i+1 < len(out) {
			out[i].end = out[i+1].start
		} else {
			out[i].end = len(p.src)
		}
	}
	return out
}

// nodePos returns the byte offset where n starts, or -1.
func nodePos(n ast.Node) int {
	if pos := n.Pos(); pos >= 0 {
		return pos
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if pos := nodePos(c); pos >= 0 {
			return pos
		}
	}
	return -1
}

// headingText returns the heading's text as written, closing #s removed.
func headingText(h *ast.Heading, src []byte) string {
	var parts []string
	for i := 0; i < h.Lines().Len(); i++ {
		seg := h.Lines().At(i)
		if s := strings.TrimSpace(string(seg.Value(src))); s != "" {
			parts = append(parts, s)
		}
	}
	// A lone '\r' ends a line for CommonMark but not for goldmark's
	// heading segments: keep the question on one line.
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, strings.Join(parts, " "))
}

var (
	tagRe     = regexp.MustCompile(`(?i)<(/?)(details|summary)(?:\s[^<>]*)?>`)
	commentRe = regexp.MustCompile(`<!--[\s\S]*?-->`)
	anyTagRe  = regexp.MustCompile(`<[^<>]*>`)
)

// split cuts HTML blocks and paragraphs that hold <details>/<summary> tags
// into raw chunks and tag chunks.
func (p *parser) split(blocks []chunk) []chunk {
	out := make([]chunk, 0, len(blocks))
	for _, b := range blocks {
		tags := p.tagsIn(b)
		if len(tags) == 0 {
			out = append(out, b)
			continue
		}
		cur := b.start
		for _, t := range tags {
			if t.start > cur {
				out = append(out, chunk{kind: chunkRaw, start: cur, end: t.start})
			}
			out = append(out, t)
			cur = t.end
		}
		if cur < b.end {
			out = append(out, chunk{kind: chunkRaw, start: cur, end: b.end})
		}
	}
	return out
}

// tagsIn returns the <details>/<summary> tags of an HTML block (outside its
// comments) or those written as inline HTML in a paragraph.
func (p *parser) tagsIn(b chunk) []chunk {
	var tags []chunk
	add := func(text []byte, off int, comments [][]int) {
		for _, m := range tagRe.FindAllSubmatchIndex(text, -1) {
			inComment := false
			for _, c := range comments {
				if m[0] >= c[0] && m[0] < c[1] {
					inComment = true
				}
			}
			start, end := off+m[0], off+m[1]
			if inComment || start < b.start || end > b.end || (len(tags) > 0 && start < tags[len(tags)-1].end) {
				continue
			}
			tags = append(tags, chunk{
				kind: chunkTag, start: start, end: end,
				tag:     strings.ToLower(string(text[m[4]:m[5]])),
				closing: m[3] > m[2],
			})
		}
	}
	switch n := b.node.(type) {
	case *ast.HTMLBlock:
		text := p.src[b.start:b.end]
		add(text, b.start, commentRe.FindAllIndex(text, -1))
	case *ast.Paragraph:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			raw, ok := c.(*ast.RawHTML)
			if !ok {
				continue
			}
			for i := 0; i < raw.Segments.Len(); i++ {
				seg := raw.Segments.At(i)
				add(seg.Value(p.src), seg.Start, nil)
			}
		}
	}
	return tags
}

// group gathers each top-level <details> … </details> into one chunk.
// Tags that open nothing stay in the document as raw text.
func (p *parser) group(pieces []chunk) []chunk {
	out := make([]chunk, 0, len(pieces))
	for i := 0; i < len(pieces); {
		c := pieces[i]
		if c.kind == chunkTag && c.tag == "details" && !c.closing {
			var d chunk
			d, i = p.details(pieces, i)
			out = append(out, d)
			continue
		}
		if c.kind == chunkTag {
			c.kind = chunkRaw
		}
		out = append(out, c)
		i++
	}
	return out
}

// details reads the <details> block opened by pieces[i] and returns it
// with the index of the first piece after it. An unclosed <details> is a
// problem; it then ends before the next heading.
func (p *parser) details(pieces []chunk, i int) (chunk, int) {
	open := pieces[i]
	openLine := p.line(open.start)
	d := chunk{kind: chunkDetails, start: open.start, line: openLine, bodyStart: open.end}
	const (
		wantSummary = iota
		inSummary
		inBody
	)
	state, depth, sumStart, sumLine := wantSummary, 1, 0, 0
	for j := i + 1; j < len(pieces); j++ {
		c := pieces[j]
		if c.kind == chunkTag {
			switch {
			case c.tag == "details" && !c.closing:
				depth++
			case c.tag == "details" && c.closing:
				depth--
				if depth > 0 {
					break
				}
				switch state {
				case wantSummary:
					p.problem(openLine, "<details> has no <summary> with the question")
					d.noQuestion = true
				case inSummary:
					p.problem(sumLine, "<summary> is not closed by </summary>")
					d.noQuestion = true
					d.bodyStart = c.start
				}
				d.end = c.end
				return d, j + 1
			case c.tag == "summary" && depth == 1 && !c.closing && state == wantSummary:
				state, sumStart, sumLine = inSummary, c.end, p.line(c.start)
				d.line = sumLine
				continue
			case c.tag == "summary" && depth == 1 && c.closing && state == inSummary:
				d.text = summaryText(p.src[sumStart:c.start])
				d.bodyStart = c.end
				state = inBody
				continue
			}
		}
		switch state {
		case wantSummary:
			if c.kind != chunkTag && len(bytes.TrimSpace(p.src[c.start:c.end])) == 0 {
				continue
			}
			p.problem(openLine, "<details> has no <summary> with the question")
			d.noQuestion = true
			d.bodyStart = c.start
			state = inBody
		case inSummary:
			continue
		}
		if c.kind == chunkTag {
			c.kind = chunkRaw
		}
		d.body = append(d.body, c)
	}

	// Not closed: end the block before the first heading after it.
	p.problem(openLine, "<details> is not closed by </details>")
	next := len(pieces)
	for j := i + 1; j < len(pieces); j++ {
		if pieces[j].kind == chunkHeading {
			next = j
			break
		}
	}
	d.end = len(p.src)
	if next < len(pieces) {
		d.end = pieces[next].start
	}
	if state == inSummary {
		p.problem(sumLine, "<summary> is not closed by </summary>")
		d.noQuestion = true
	}
	if state != inBody {
		d.noQuestion = true
		d.body = nil
	}
	for k, c := range d.body {
		if c.start >= d.end {
			d.body = d.body[:k]
			break
		}
	}
	return d, next
}

// summaryText returns the text of a <summary>: tags removed, entities
// decoded, white space collapsed.
func summaryText(b []byte) string {
	s := anyTagRe.ReplaceAllString(string(b), "")
	return strings.Join(strings.Fields(html.UnescapeString(s)), " ")
}

// partRe matches "Part 1: Title", "Part II - Title", "Part 3. Title".
var partRe = regexp.MustCompile(`(?i)^part\s+([0-9]+|[ivxlcdm]+)\s*(?:[:.\x{2013}\x{2014}]|-)\s*(.*)$`)

// topicBuilder collects one topic while the file is read.
type topicBuilder struct {
	title       string
	num         string // Part number, "" for a whole-file topic
	isPart      bool
	line        int
	cards       []*cardBuilder
	idComment   string
	idLine      int
	time        time.Duration
	timeSet     bool // time holds a limit (from a comment, or the file's for a Part)
	timeComment bool // the topic's own time comment was seen
	difficulty  int  // the topic's own difficulty comment, 0 when none
}

// cardBuilder is a card whose id is not known yet: what a deck format
// hands to assignIDs.
type cardBuilder struct {
	card       *Card
	explicitID string
	idLine     int
	timeSet    bool
	difficulty int // the card's own <!-- difficulty: N -->, 0 when none
	diffLine   int
	probesLine int            // line of <!-- probes: … -->, 0 when none
	followUp   bool           // a "Follow-up:" sub-card
	followUps  []*cardBuilder // the card's follow-ups, in order
}

// structure decides which headings are document title, Parts and
// questions, and builds the topics.
func (p *parser) structure(items []chunk) []*topicBuilder {
	var heads []int
	h1, hasDetails := 0, false
	for i, c := range items {
		switch c.kind {
		case chunkHeading:
			heads = append(heads, i)
			if c.level == 1 {
				h1++
			}
		case chunkDetails:
			hasDetails = true
		}
	}
	title := -1
	if len(heads) > 0 && items[heads[0]].level == 1 && h1 == 1 && (len(heads) > 1 || hasDetails) &&
		!partRe.MatchString(items[heads[0]].text) {
		title = heads[0]
	}

	partLevel := 0
	for _, i := range heads {
		if i != title && partRe.MatchString(items[i].text) && (partLevel == 0 || items[i].level < partLevel) {
			partLevel = items[i].level
		}
	}

	if partLevel == 0 {
		t := &topicBuilder{line: 1}
		if title >= 0 {
			t.title = items[title].text
		}
		q := 0
		for _, i := range heads {
			if i != title && (q == 0 || items[i].level < q) {
				q = items[i].level
			}
		}
		p.scope(t, items, q, 0, title)
		return []*topicBuilder{t}
	}

	var parts []int
	for _, i := range heads {
		if items[i].level == partLevel && partRe.MatchString(items[i].text) {
			parts = append(parts, i)
		}
	}
	file := &topicBuilder{line: 1}
	for _, c := range items[:parts[0]] {
		switch c.kind {
		case chunkHeading:
			if c.level > partLevel {
				p.problem(c.line, "heading %q is before the first Part heading", c.text)
			}
		case chunkDetails:
			p.problem(c.line, "<details> question is before the first Part heading")
		default:
			p.looseDirectives(file, c, false, true)
		}
	}
	var topics []*topicBuilder
	for k, i := range parts {
		end := len(items)
		if k+1 < len(parts) {
			end = parts[k+1]
		}
		m := partRe.FindStringSubmatch(items[i].text)
		t := &topicBuilder{title: strings.TrimSpace(m[2]), num: m[1], isPart: true, line: items[i].line}
		if t.title == "" {
			p.problem(t.line, "Part heading %q has no title", items[i].text)
		}
		if file.timeSet {
			t.time, t.timeSet = file.time, true
		}
		p.scope(t, items[i+1:end], partLevel+1, partLevel, -1)
		topics = append(topics, t)
	}
	return topics
}

// scope reads the items of one topic: the whole file, or one Part section.
// q is the question heading level (0: none), partLevel the level of Part
// headings (0: no Parts), skip the index of the document title (-1: none).
func (p *parser) scope(t *topicBuilder, items []chunk, q, partLevel, skip int) {
	details := p.detailsLayout(items, q, skip)
	var head *chunk // the open question: its answer runs from items[from] up to the next question
	from := 0
	seen, limbo := false, false
	flush := func(end int) {
		if head != nil {
			p.card(t, head.text, head.line, items[from:end], head.level)
		}
		head = nil
	}
	for i := range items {
		c := &items[i]
		if i == skip {
			continue
		}
		switch c.kind {
		case chunkHeading:
			if partLevel > 0 && c.level <= partLevel {
				if c.level < partLevel {
					p.problem(c.line, "heading %q (level %d) is above the Part headings (level %d)", c.text, c.level, partLevel)
				} else {
					p.problem(c.line, `heading %q is at the level of the Part headings but is not a "Part N: Title" heading`, c.text)
				}
				flush(i)
				limbo = true
				continue
			}
			switch {
			case details:
				// In the <details> layout headings only label sections.
			case c.level == q:
				flush(i)
				if c.text == "" {
					p.problem(c.line, "question heading has no text")
					limbo = true
					continue
				}
				head, from, seen, limbo = c, i+1, true, false
			case c.level < q:
				flush(i)
				limbo = true
			case head != nil:
				// A sub-heading of the answer.
			case !limbo:
				p.problem(c.line, "heading %q is not under a question", c.text)
			}
		case chunkDetails:
			if !details {
				// A <details> inside a question's answer stays part of it.
				continue
			}
			seen = true
			switch {
			case c.noQuestion:
			case c.text == "":
				p.problem(c.line, "<summary> has no question text")
			default:
				p.card(t, c.text, c.line, c.body, 0)
			}
		default:
			if head == nil {
				p.looseDirectives(t, *c, seen, false)
			}
		}
	}
	flush(len(items))
}

// detailsLayout reports whether the questions of a scope are
// <details><summary> blocks rather than headings: it is so when some
// <details> block is not part of a question's answer, that is when it comes
// before any heading, or right under a heading (nothing but comments or
// other <details> between them) of question level or above.
func (p *parser) detailsLayout(items []chunk, q, skip int) bool {
	if !slices.ContainsFunc(items, func(c chunk) bool { return c.kind == chunkDetails }) {
		return false
	}
	var last *chunk
	substantive := false
	for i := range items {
		c := &items[i]
		switch {
		case i == skip:
		case c.kind == chunkHeading:
			last, substantive = c, false
		case c.kind == chunkDetails && last != nil && revealSummary(c.text):
			// A folded answer under a question heading, not a question.
			substantive = true
		case c.kind == chunkDetails:
			if last == nil || last.level < q || (last.level == q && !substantive) {
				return true
			}
		case p.substantive(*c):
			substantive = true
		}
	}
	return false
}

// revealWords are the summaries that fold an answer away rather than ask a
// question: "Answer", "Show answer", "Click to expand", "Solution".
var revealWords = map[string]bool{
	"answer": true, "answers": true, "show": true, "reveal": true, "hide": true, "click": true,
	"to": true, "expand": true, "see": true, "the": true, "solution": true, "here": true,
	"view": true, "toggle": true, "details": true, "more": true, "spoiler": true, "open": true,
}

// revealSummary reports whether a <summary> text only says "open me"
// (Answer, Show answer, Click to expand, …) instead of asking a question.
func revealSummary(text string) bool {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !revealWords[w] {
			return false
		}
	}
	return true
}

// substantive reports whether a chunk shows anything when rendered
// (comments, rules and blank text do not).
func (p *parser) substantive(c chunk) bool {
	switch c.node.(type) {
	case *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		return false
	}
	return len(bytes.TrimSpace(commentRe.ReplaceAll(p.src[c.start:c.end], nil))) > 0
}

// directive is an <!-- key: value --> comment grill understands.
type directive struct {
	key, value string
	line       int
}

var directiveRe = regexp.MustCompile(`^\s*(?i:(id|time|topic|difficulty|probes))\s*:\s*(.*?)\s*$`)

// comments finds the directives in the HTML chunk c. It returns the chunk's
// text with the directive comments removed, or nil when nothing but
// comments and white space is left.
func (p *parser) comments(c chunk) ([]byte, []directive) {
	src := p.src[c.start:c.end]
	var dirs []directive
	var rest []byte
	last := 0
	for _, m := range commentRe.FindAllIndex(src, -1) {
		d := directiveRe.FindSubmatch(src[m[0]+4 : m[1]-3])
		if d == nil {
			continue
		}
		dirs = append(dirs, directive{key: strings.ToLower(string(d[1])), value: string(d[2]), line: p.line(c.start + m[0])})
		rest = append(rest, src[last:m[0]]...)
		last = m[1]
	}
	rest = append(rest, src[last:]...)
	if len(bytes.TrimSpace(commentRe.ReplaceAll(rest, nil))) == 0 {
		return nil, dirs
	}
	return rest, dirs
}

// isHTML reports whether a chunk is raw HTML, where comments can hold
// directives.
func isHTML(c chunk) bool {
	if c.kind == chunkRaw {
		return true
	}
	_, ok := c.node.(*ast.HTMLBlock)
	return c.kind == chunkBlock && ok
}

// looseDirectives handles directives outside any question: in a topic's
// preamble (before its first question) "topic" and "time" set the topic's
// id and time limit; anywhere else they are misplaced. fileLevel marks the
// preamble of a file split into Parts, where only "time" is allowed.
func (p *parser) looseDirectives(t *topicBuilder, c chunk, afterQuestion, fileLevel bool) {
	if !isHTML(c) {
		return
	}
	_, dirs := p.comments(c)
	for _, d := range dirs {
		switch {
		case d.key == "id" || d.key == "probes":
			p.problem(d.line, "%s comment is not under a question", d.key)
		case afterQuestion:
			p.problem(d.line, "%s comment is not under a question; put it before the first question", d.key)
		case d.key == "topic" && fileLevel:
			p.problem(d.line, "topic comment in a file with Part sections belongs under a Part heading")
		case d.key == "topic":
			switch {
			case t.idComment != "":
				p.problem(d.line, "second topic comment")
			case !validTopicID(d.value):
				p.problem(d.line, "bad topic id %q (no spaces or '/')", d.value)
			default:
				t.idComment, t.idLine = d.value, d.line
			}
		case d.key == "time":
			if t.timeComment {
				p.problem(d.line, "second time comment")
			} else if dur, ok := p.timeValue(d); ok {
				t.time, t.timeSet, t.timeComment = dur, true, true
			}
		case d.key == "difficulty":
			if t.difficulty != 0 {
				p.problem(d.line, "second difficulty comment")
			} else if n, ok := p.difficultyValue(d); ok {
				t.difficulty = n
			}
		}
	}
}

// difficultyValue reads the value of a difficulty comment: 1, 2 or 3.
func (p *parser) difficultyValue(d directive) (int, bool) {
	n, ok := parseDifficulty(d.value)
	if !ok {
		p.problem(d.line, "bad difficulty %q (want 1, 2 or 3)", d.value)
	}
	return n, ok
}

// parseDifficulty parses a difficulty: 1 (easier), 2 or 3 (harder).
func parseDifficulty(s string) (int, bool) {
	switch strings.TrimSpace(s) {
	case "1":
		return 1, true
	case "2":
		return 2, true
	case "3":
		return 3, true
	}
	return 0, false
}

func (p *parser) timeValue(d directive) (time.Duration, bool) {
	dur, ok := parseTime(d.value)
	if !ok {
		p.problem(d.line, `bad time %q (want a duration such as "3m" or "90s")`, d.value)
	}
	return dur, ok
}

// card builds one card from its question and the chunks of its body, with
// the follow-ups found there. level is the level of the question heading,
// 0 for a <details> question.
func (p *parser) card(t *topicBuilder, question string, line int, body []chunk, level int) {
	own, followUps := p.splitFollowUps(question, body, level)
	cb := p.buildCard(question, line, own, level > 0, false)
	for _, f := range followUps {
		fb := p.buildCard(f.question, f.line, f.body, true, true)
		p.checkProbes(cb, fb)
		cb.followUps = append(cb.followUps, fb)
	}
	t.cards = append(t.cards, cb)
}

// followUpSection is the heading and body of one "Follow-up:" sub-card.
type followUpSection struct {
	question string
	line     int
	body     []chunk
}

// followUpRe matches the text of a follow-up heading.
var followUpRe = regexp.MustCompile(`(?i)^follow-up\s*:\s*(.*)$`)

// splitFollowUps cuts a card's body at its "Follow-up: …" headings, which
// sit exactly one level below the question heading. It returns the card's
// own chunks and each follow-up's section. A follow-up heading at another
// level, or in a card without a question heading, is a problem and stays
// part of the answer it is in.
func (p *parser) splitFollowUps(question string, body []chunk, level int) ([]chunk, []followUpSection) {
	var sections []followUpSection
	var starts []int // index in body of each section's heading
	for i, c := range body {
		if c.kind != chunkHeading {
			continue
		}
		m := followUpRe.FindStringSubmatch(c.text)
		switch {
		case m == nil:
			if len(starts) > 0 && c.level == level+1 {
				p.problem(c.line, "heading %q comes after a follow-up of %q; put the card's own sections before its follow-ups", c.text, question)
			}
			continue
		case level == 0:
			p.problem(c.line, "follow-up %q is not under a question heading", strings.TrimSpace(m[1]))
			continue
		case c.level != level+1:
			p.problem(c.line, "follow-up heading is level %d; a follow-up is one level below its question (level %d)", c.level, level+1)
			continue
		}
		starts = append(starts, i)
		sections = append(sections, followUpSection{question: strings.TrimSpace(m[1]), line: c.line})
	}
	if len(starts) == 0 {
		return body, nil
	}
	kept := sections[:0]
	for k, s := range sections {
		end := len(body)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		s.body = body[starts[k]+1 : end]
		if s.question == "" {
			p.problem(s.line, "follow-up heading has no question")
			continue
		}
		kept = append(kept, s)
	}
	return body[:starts[0]], kept
}

// checkProbes resolves a follow-up's probes label against the key points of
// its parent card.
func (p *parser) checkProbes(parent, fu *cardBuilder) {
	if fu.probesLine == 0 {
		return
	}
	want := strings.Join(strings.Fields(fu.card.Probes), " ")
	var labels []string
	for _, kp := range parent.card.KeyPoints {
		if strings.EqualFold(kp.Label, want) {
			fu.card.Probes = kp.Label
			return
		}
		labels = append(labels, strconv.Quote(kp.Label))
	}
	fu.card.Probes = ""
	if len(labels) == 0 {
		p.problem(fu.probesLine, "probes %q, but question %q has no key points", want, parent.card.Question)
		return
	}
	p.problem(fu.probesLine, "probes %q, which is not a key point of question %q (its key points: %s)", want, parent.card.Question, strings.Join(labels, ", "))
}

// buildCard builds a card or a follow-up from its question and the chunks
// of its body. headingLayout enables the check that a question heading is
// not just a section of deeper headings.
func (p *parser) buildCard(question string, line int, body []chunk, headingLayout, followUp bool) *cardBuilder {
	cb := &cardBuilder{card: &Card{Question: question, Source: p.name, Line: line}, followUp: followUp}
	what := "question"
	if followUp {
		what = "follow-up"
	}
	type piece struct {
		text    []byte
		rule    bool
		heading *chunk
	}
	pieces := make([]piece, 0, len(body))
	var notes []string
	for i := 0; i < len(body); i++ {
		c := body[i]
		if headingLayout && c.kind == chunkDetails && revealSummary(c.text) {
			// "### Question" then <details><summary>Answer</summary>…:
			// the folded body is the answer.
			body = slices.Concat(body[:i], c.body, body[i+1:])
			i--
			continue
		}
		pc := piece{text: p.src[c.start:c.end]}
		if c.kind == chunkHeading {
			pc.heading = &body[i]
		}
		if isHTML(c) {
			var dirs []directive
			pc.text, dirs = p.comments(c)
			p.cardDirectives(cb, dirs)
		}
		switch n := c.node.(type) {
		case *ast.ThematicBreak:
			pc.rule = true
		case *ast.Blockquote:
			if note, ok := p.note(n, c); ok {
				if note != "" {
					notes = append(notes, note)
				}
				pc.text = nil
			}
		case *ast.Paragraph, *ast.Heading:
			if c.kind == chunkRaw {
				break
			}
			kind := blockIntro(n, p.src)
			if kind == blockNone {
				break
			}
			pc.text, pc.heading = nil, nil
			var list *ast.List
			if i+1 < len(body) && body[i+1].kind == chunkBlock {
				list, _ = body[i+1].node.(*ast.List)
			}
			if list == nil {
				p.problem(p.line(c.start), "%q is not followed by a list of %s", strings.TrimSpace(plainText(n, p.src)), blockItems[kind])
				break
			}
			i++
			card := cb.card
			switch kind {
			case blockKeyPoints:
				card.KeyPoints = append(card.KeyPoints, p.keyPoints(list, card.KeyPoints, "key point")...)
			case blockMisconceptions:
				card.Misconceptions = append(card.Misconceptions, p.keyPoints(list, card.Misconceptions, "misconception")...)
			case blockAlsoAccepted:
				card.AlsoAccepted = append(card.AlsoAccepted, p.listItems(list, "Also accepted")...)
			case blockSources:
				card.Sources = append(card.Sources, p.listItems(list, "Sources")...)
			}
		}
		pieces = append(pieces, pc)
	}

	blank := func(pc piece) bool { return pc.rule || len(bytes.TrimSpace(pc.text)) == 0 }
	first, last := 0, len(pieces)
	for first < last && blank(pieces[first]) {
		first++
	}
	for last > first && blank(pieces[last-1]) {
		last--
	}
	if headingLayout && first < last && pieces[first].heading != nil {
		p.problem(line, "%s %q has no answer of its own, only sub-headings (%q)", what, question, pieces[first].heading.text)
	}
	var answer []byte
	for _, pc := range pieces[first:last] {
		answer = append(answer, pc.text...)
	}
	cb.card.Answer = trimAnswer(answer)
	cb.card.Note = strings.Join(notes, "\n\n")
	if cb.card.Answer == "" {
		p.problem(line, "%s %q has no answer", what, question)
	}
	return cb
}

// trimAnswer drops leading blank lines and trailing white space.
func trimAnswer(b []byte) string {
	for len(b) > 0 {
		line, next := lineAt(b, 0)
		if len(bytes.TrimSpace(line)) > 0 {
			break
		}
		b = b[next:]
	}
	return string(bytes.TrimRight(b, " \t\r\n"))
}

// cardDirectives applies the id and time comments of a card.
func (p *parser) cardDirectives(cb *cardBuilder, dirs []directive) {
	for _, d := range dirs {
		switch d.key {
		case "id":
			switch {
			case cb.explicitID != "":
				p.problem(d.line, "second id comment for question %q", cb.card.Question)
			case !validCardID(d.value):
				p.problem(d.line, "bad card id %q (want topic/slug, no spaces)", d.value)
			default:
				cb.explicitID, cb.idLine = d.value, d.line
			}
		case "time":
			if cb.timeSet {
				p.problem(d.line, "second time comment for question %q", cb.card.Question)
				continue
			}
			if dur, ok := p.timeValue(d); ok {
				cb.card.TimeLimit, cb.timeSet = dur, true
			}
		case "topic":
			p.problem(d.line, "topic comment must come before the first question")
		case "difficulty":
			if cb.difficulty != 0 {
				p.problem(d.line, "second difficulty comment for question %q", cb.card.Question)
			} else if n, ok := p.difficultyValue(d); ok {
				cb.difficulty, cb.diffLine = n, d.line
			}
		case "probes":
			switch {
			case !cb.followUp:
				p.problem(d.line, "probes comment belongs under a Follow-up heading, not under question %q", cb.card.Question)
			case cb.probesLine != 0:
				p.problem(d.line, "second probes comment for follow-up %q", cb.card.Question)
			case strings.TrimSpace(d.value) == "":
				p.problem(d.line, "probes comment names no key point")
			default:
				cb.card.Probes, cb.probesLine = d.value, d.line
			}
		}
	}
}

// note returns the text of a "> **Note:** …" blockquote, without the quote
// markers and without the bold "Note:" label. ok is false when the
// blockquote is not a note.
func (p *parser) note(bq *ast.Blockquote, c chunk) (string, bool) {
	para, ok := bq.FirstChild().(*ast.Paragraph)
	if !ok {
		return "", false
	}
	em, ok := para.FirstChild().(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return "", false
	}
	label := strings.ToLower(strings.TrimSpace(plainText(em, p.src)))
	if !strings.HasPrefix(label, "note") {
		return "", false
	}
	start := em.Pos()
	if label == "note" || label == "note:" {
		if end := textEnd(em); end >= 0 {
			start = end
			for k := 0; k < 2 && start < len(p.src) && (p.src[start] == '*' || p.src[start] == '_'); k++ {
				start++
			}
			for start < len(p.src) && (p.src[start] == ':' || p.src[start] == ' ' || p.src[start] == '\t') {
				start++
			}
		}
	}
	if start < c.start || start > c.end {
		return "", false
	}
	lines := strings.Split(string(p.src[start:c.end]), "\n")
	for i := 1; i < len(lines); i++ {
		s := lines[i]
		trimmed := strings.TrimLeft(s, " ")
		if len(s)-len(trimmed) <= 3 && strings.HasPrefix(trimmed, ">") {
			s = strings.TrimPrefix(trimmed[1:], " ")
		}
		lines[i] = s
	}
	return strings.TrimSpace(strings.Join(lines, "\n")), true
}

// textEnd returns the offset just after the last text inside n, or -1.
func textEnd(n ast.Node) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			end = max(end, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return end
}

// finish settles topic ids, titles, time limits and default difficulties.
func (p *parser) finish(builders []*topicBuilder) []*draftTopic {
	base := strings.TrimSuffix(filepath.Base(p.name), filepath.Ext(p.name))
	parts := 0
	for _, t := range builders {
		if t.isPart {
			parts++
		}
	}
	if parts > 1 && p.fm.Topic != "" {
		p.problem(p.fm.TopicLine, "front matter: topic does not apply to a file with %d Part sections; put <!-- topic: id --> under each Part heading", parts)
	}

	var drafts []*draftTopic
	for _, t := range builders {
		topic := &Topic{Source: p.name, Line: t.line, TimeLimit: t.time}
		if t.isPart {
			topic.ID = firstNonEmpty(t.idComment, onlyIf(parts == 1, p.fm.Topic), Slug(t.title), "part-"+strings.ToLower(t.num))
			topic.Title = firstNonEmpty(t.title, onlyIf(parts == 1, p.fm.Title), "Part "+t.num)
			if !t.timeSet && p.fm.TimeLimit > 0 {
				topic.TimeLimit = p.fm.TimeLimit
			}
			topic.Difficulty = cmp.Or(t.difficulty, p.fm.Difficulty)
		} else {
			topic.ID = firstNonEmpty(p.fm.Topic, t.idComment, Slug(p.fm.Title), Slug(base), "deck")
			topic.Title = firstNonEmpty(p.fm.Title, t.title, base)
			if p.fm.TimeLimit > 0 {
				topic.TimeLimit = p.fm.TimeLimit
			}
			topic.Difficulty = cmp.Or(p.fm.Difficulty, t.difficulty)
		}
		if len(t.cards) == 0 {
			if t.isPart {
				p.problem(t.line, "Part %q has no questions", topic.Title)
			}
			continue
		}
		drafts = append(drafts, &draftTopic{topic: topic, cards: t.cards})
	}
	return drafts
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func onlyIf(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}
