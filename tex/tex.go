package tex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MathSpan is one LaTeX span found in Markdown or plain text by FindMath.
type MathSpan struct {
	Start, End int    // byte offsets of the whole span, dollars included
	TeX        string // the LaTeX between the dollars
	Display    bool   // $$...$$ rather than $...$
}

// FindMath returns the $...$ and $$...$$ spans of s, in order. Dollars inside
// inline code spans and fenced code blocks, escaped dollars (\$) and dollars
// that cannot open or close a span are not maths. An inline span follows the
// Pandoc rule: the opening $ is followed by a non-space character, the
// closing $ is preceded by one and not followed by a digit, and the span does
// not cross a blank line, so "$5 and $10" stays text.
func FindMath(s string) []MathSpan {
	var spans []MathSpan
	lineStart := true
	for i := 0; i < len(s); {
		if lineStart {
			lineStart = false
			if end, ok := skipFence(s, i); ok {
				i = end
				lineStart = true
				continue
			}
		}
		switch c := s[i]; c {
		case '\n':
			i++
			lineStart = true
		case '\\':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++ // a hard line break; the newline starts a line
			} else {
				i += 2
			}
		case '`':
			n := runLen(s, i, '`')
			if end := findBackticks(s, i+n, n); end >= 0 {
				i = end + n
			} else {
				i += n
			}
		case '$':
			if span, ok := mathAt(s, i); ok {
				spans = append(spans, span)
				i = span.End
			} else if strings.HasPrefix(s[i:], "$$") {
				i += 2
			} else {
				i++
			}
		default:
			i++
		}
	}
	return spans
}

// RenderMath replaces every $...$ and $$...$$ span of s (as found by
// FindMath) with MathToUnicode of its contents and leaves the rest of s as it
// is.
func RenderMath(s string) string {
	spans := FindMath(s)
	if len(spans) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(s[last:sp.Start])
		b.WriteString(MathToUnicode(sp.TeX))
		last = sp.End
	}
	b.WriteString(s[last:])
	return b.String()
}

// runLen counts the bytes equal to c from s[i].
func runLen(s string, i int, c byte) int {
	n := 0
	for i+n < len(s) && s[i+n] == c {
		n++
	}
	return n
}

// findBackticks returns the index of the next run of exactly n backticks at
// or after i, or -1.
func findBackticks(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		m := runLen(s, j, '`')
		if m == n {
			return j
		}
		i = j + m
	}
	return -1
}

// skipFence reports whether a fenced code block opens at the line starting at
// i and, if so, returns the index just past its closing fence line (or the end
// of s when it is never closed).
func skipFence(s string, i int) (int, bool) {
	j := i
	for j < len(s) && j-i < 3 && s[j] == ' ' {
		j++
	}
	if j >= len(s) || (s[j] != '`' && s[j] != '~') {
		return 0, false
	}
	fc := s[j]
	n := runLen(s, j, fc)
	if n < 3 {
		return 0, false
	}
	eol := strings.IndexByte(s[j:], '\n')
	if eol < 0 {
		return len(s), true
	}
	if fc == '`' && strings.IndexByte(s[j+n:j+eol], '`') >= 0 {
		return 0, false // an inline code span, not a fence
	}
	pos := j + eol + 1
	for pos < len(s) {
		end := strings.IndexByte(s[pos:], '\n')
		line := s[pos:]
		next := len(s)
		if end >= 0 {
			line = s[pos : pos+end]
			next = pos + end + 1
		}
		t := strings.TrimLeft(line, " ")
		if len(line)-len(t) < 4 && runLen(t, 0, fc) >= n && strings.TrimSpace(t[runLen(t, 0, fc):]) == "" {
			return next, true
		}
		pos = next
	}
	return len(s), true
}

// mathAt parses a maths span starting with the dollar at s[i].
func mathAt(s string, i int) (MathSpan, bool) {
	if strings.HasPrefix(s[i:], "$$") {
		for j := i + 2; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case '$':
				if j+1 < len(s) && s[j+1] == '$' {
					tex := s[i+2 : j]
					if strings.TrimSpace(tex) == "" {
						return MathSpan{}, false
					}
					return MathSpan{Start: i, End: j + 2, TeX: tex, Display: true}, true
				}
			}
		}
		return MathSpan{}, false
	}
	if i+1 >= len(s) || isSpaceByte(s[i+1]) {
		return MathSpan{}, false
	}
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case '\n':
			if blankLineAfter(s, j+1) {
				return MathSpan{}, false
			}
		case '$':
			if isSpaceByte(s[j-1]) || (j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
				continue
			}
			return MathSpan{Start: i, End: j + 1, TeX: s[i+1 : j]}, true
		}
	}
	return MathSpan{}, false
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// blankLineAfter reports whether the line starting at i is blank.
func blankLineAfter(s string, i int) bool {
	for ; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\r':
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// Spacing markers used while rendering. They never reach the output: soft is
// source whitespace (collapsible, dropped inside scripts), quad and qquad are
// \quad and \qquad.
const (
	softSpace  = '\uE000'
	quadSpace  = '\uE001'
	qquadSpace = '\uE002'
)

// maxDepth bounds the nesting of groups and arguments followed by the
// renderer; deeper braces are dropped rather than recursed into.
const maxDepth = 64

// MathToUnicode renders one LaTeX expression (without its dollars) as
// readable Unicode text: Greek letters and operators become their symbols
// (\epsilon → ε, \odot → ⊙), sub- and superscripts become Unicode script
// characters when every character has one (x_{t-1} → xₜ₋₁, h^{(k)} → h⁽ᵏ⁾) and
// otherwise stay readable (p_{data} → p_data, \sum_{u \in V} → ∑_(u∈V)),
// \sqrt and \frac become √ and / with parentheses around compound parts,
// accents combine (\bar{\alpha} → ᾱ), \mathcal/\mathbb/\mathfrak letters map to
// their mathematical alphabets (𝒩, ℝ, 𝔼), and \text{} keeps its words.
// Unknown commands lose their backslash. It never panics and always returns
// valid UTF-8.
func MathToUnicode(tex string) string {
	tex = strings.ToValidUTF8(tex, "\uFFFD")
	tex = strings.Map(func(r rune) rune {
		if r == softSpace || r == quadSpace || r == qquadSpace {
			return -1
		}
		return r
	}, tex)
	p := &texParser{s: tex}
	out := p.parseSeq(false)
	return norm.NFC.String(collapseSpaces(out))
}

// collapseSpaces turns each run of whitespace and spacing markers into one
// space (two for \quad, four for \qquad, a newline when the run holds one),
// drops plain runs just inside brackets and before a comma or semicolon, and
// trims the ends.
func collapseSpaces(s string) string {
	rs := []rune(s)
	var b strings.Builder
	var prev rune // last rune written
	for i := 0; i < len(rs); {
		if !isSpaceRune(rs[i]) {
			prev = rs[i]
			b.WriteRune(prev)
			i++
			continue
		}
		sep := " "
		for ; i < len(rs) && isSpaceRune(rs[i]); i++ {
			switch r := rs[i]; {
			case r == '\n':
				sep = "\n"
			case r == qquadSpace && sep != "\n":
				sep = "    "
			case r == quadSpace && sep != "\n" && sep != "    ":
				sep = "  "
			}
		}
		if prev == 0 || i == len(rs) {
			continue
		}
		if sep == " " && (strings.ContainsRune("([{⟨", prev) || strings.ContainsRune(")]}⟩,;", rs[i])) {
			continue
		}
		b.WriteString(sep)
	}
	return b.String()
}

func isSpaceRune(r rune) bool {
	return r == softSpace || r == quadSpace || r == qquadSpace || unicode.IsSpace(r)
}

// texParser renders LaTeX maths by recursive descent over the source.
type texParser struct {
	s     string
	pos   int
	depth int
	envs  []string // open \begin environments, innermost last
}

func (p *texParser) eof() bool { return p.pos >= len(p.s) }

func (p *texParser) peek() rune {
	if p.eof() {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(p.s[p.pos:])
	return r
}

func (p *texParser) next() rune {
	r, n := utf8.DecodeRuneInString(p.s[p.pos:])
	p.pos += n
	return r
}

func (p *texParser) skipSpaces() {
	for !p.eof() && unicode.IsSpace(p.peek()) {
		p.next()
	}
}

// parseSeq renders atoms until the end of input or, inside a group, the
// closing brace (which it consumes).
func (p *texParser) parseSeq(inGroup bool) string {
	var b strings.Builder
	for !p.eof() {
		r := p.peek()
		if r == '}' {
			p.next()
			if inGroup {
				return b.String()
			}
			continue
		}
		b.WriteString(p.parseAtom())
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// parseAtom renders the next token with anything it takes as arguments.
func (p *texParser) parseAtom() string {
	r := p.next()
	switch r {
	case ' ', '\t', '\n', '\r':
		return string(softSpace)
	case '{':
		return p.parseGroup()
	case '^', '_':
		return script(p.parseArg(), r == '^')
	case '\\':
		return p.command()
	case '-':
		return "−"
	case '\'':
		return "′"
	case '~':
		return " "
	case '&':
		if p.inMatrix() {
			return ", "
		}
		return string(softSpace)
	}
	return string(r)
}

// parseGroup renders a brace group whose opening brace has been read.
func (p *texParser) parseGroup() string {
	if p.depth >= maxDepth {
		return ""
	}
	p.depth++
	defer func() { p.depth-- }()
	return p.parseSeq(true)
}

// parseArg renders the argument of a command or script: a brace group, a
// command, or a single character.
func (p *texParser) parseArg() string {
	p.skipSpaces()
	if p.eof() {
		return ""
	}
	if p.peek() == '{' {
		p.next()
		return p.parseGroup()
	}
	if p.peek() == '}' {
		return ""
	}
	if p.depth >= maxDepth {
		p.next()
		return ""
	}
	p.depth++
	defer func() { p.depth-- }()
	return p.parseAtom()
}

// rawArg returns the source of a brace-group argument without rendering it
// (environment names, colours, array column specs).
func (p *texParser) rawArg() string {
	p.skipSpaces()
	if p.peek() != '{' {
		if p.eof() {
			return ""
		}
		return string(p.next())
	}
	p.next()
	start, level := p.pos, 1
	for !p.eof() {
		switch p.next() {
		case '\\':
			if !p.eof() {
				p.next()
			}
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return p.s[start : p.pos-1]
			}
		}
	}
	return p.s[start:]
}

// optArg returns the source of an optional [..] argument, if present.
func (p *texParser) optArg() (string, bool) {
	save := p.pos
	p.skipSpaces()
	if p.peek() != '[' {
		p.pos = save
		return "", false
	}
	p.next()
	end := strings.IndexByte(p.s[p.pos:], ']')
	if end < 0 {
		p.pos = save
		return "", false
	}
	arg := p.s[p.pos : p.pos+end]
	p.pos += end + 1
	return arg, true
}

func (p *texParser) inMatrix() bool {
	if len(p.envs) == 0 {
		return false
	}
	_, ok := matrixDelims[p.envs[len(p.envs)-1]]
	return ok
}

// commandName reads the name after a backslash: a run of letters, or one
// other character.
func (p *texParser) commandName() string {
	start := p.pos
	for p.pos < len(p.s) && isASCIILetter(p.s[p.pos]) {
		p.pos++
	}
	if p.pos > start {
		name := p.s[start:p.pos]
		if p.pos < len(p.s) && p.s[p.pos] == '*' && (name == "operatorname" || name == "text") {
			p.pos++
		}
		return name
	}
	if p.eof() {
		return ""
	}
	return string(p.next())
}

// command renders a control sequence whose backslash has been read.
func (p *texParser) command() string {
	name := p.commandName()
	if s, ok := texSymbols[name]; ok {
		if prefixSymbols[name] {
			p.skipSpaces() // \partial L reads ∂L
		}
		return s
	}
	if _, ok := texFunctions[name]; ok {
		return name
	}
	if mark, ok := texAccents[name]; ok {
		return accent(p.parseArg(), mark)
	}
	if font, ok := texFonts[name]; ok {
		return font(p.parseArg())
	}
	switch name {
	case "":
		return ""
	case " ", ",", ":", ";", ">", "enspace", "thinspace", "medspace", "thickspace":
		return " "
	case "!", "negthinspace", "displaystyle", "textstyle", "scriptstyle", "scriptscriptstyle",
		"limits", "nolimits", "nonumber", "notag", "big", "Big", "bigg", "Bigg",
		"bigl", "Bigl", "biggl", "Biggl", "bigr", "Bigr", "biggr", "Biggr",
		"bigm", "Bigm", "biggm", "Biggm", "left", "right", "middle":
		if name == "left" || name == "right" || name == "middle" {
			p.skipSpaces()
			if p.peek() == '.' {
				p.next()
			}
		}
		return ""
	case "quad":
		return string(quadSpace)
	case "qquad":
		return string(qquadSpace)
	case "\\", "newline", "cr":
		if len(p.envs) > 0 {
			return "; "
		}
		return "\n"
	case "text", "text*", "textrm", "textnormal", "textbf", "textit", "textsf", "texttt",
		"textup", "emph", "mbox", "hbox", "operatorname", "operatorname*", "mathrm", "mathup":
		return p.textArg()
	case "frac", "dfrac", "tfrac", "cfrac":
		num, den := p.parseArg(), p.parseArg()
		return frac(num, den)
	case "binom", "dbinom", "tbinom":
		n, k := p.parseArg(), p.parseArg()
		return "C(" + strings.TrimSpace(n) + ", " + strings.TrimSpace(k) + ")"
	case "sqrt":
		return p.sqrt()
	case "not":
		arg := p.parseArg()
		switch arg {
		case "=":
			return "≠"
		case "∈":
			return "∉"
		case "≡":
			return "≢"
		case "∼":
			return "≁"
		}
		return accent(arg, '\u0338')
	case "overset", "stackrel":
		over, base := p.parseArg(), p.parseArg()
		return base + script(over, true)
	case "underset":
		under, base := p.parseArg(), p.parseArg()
		return base + script(under, false)
	case "overbrace", "underbrace", "boxed", "mathop", "mathbin", "mathrel", "mathord",
		"mathopen", "mathclose", "mathpunct", "ensuremath", "smash", "hphantom", "vphantom",
		"displaylimits":
		return p.parseArg()
	case "phantom", "label", "color", "pagecolor":
		p.rawArg()
		return ""
	case "tag":
		return " (" + p.textArg() + ")"
	case "textcolor", "colorbox":
		p.rawArg()
		return p.parseArg()
	case "begin":
		return p.begin(p.rawArg())
	case "end":
		return p.end(p.rawArg())
	}
	// Unknown commands and escaped characters (\( \[ \/) lose the backslash.
	return name
}

// sqrt renders \sqrt[n]{x}.
func (p *texParser) sqrt() string {
	n, hasIndex := p.optArg()
	arg := p.parseArg()
	root := "√"
	if hasIndex {
		switch idx := strings.TrimSpace(MathToUnicode(n)); idx {
		case "", "2":
		case "3":
			root = "∛"
		case "4":
			root = "∜"
		default:
			root = script(idx, true) + "√"
		}
	}
	if isAtomic(arg) {
		return root + trimSoft(arg)
	}
	return root + "(" + trimSoft(arg) + ")"
}

// matrixDelims gives the delimiters drawn around matrix-like environments.
var matrixDelims = map[string][2]string{
	"matrix":      {"", ""},
	"smallmatrix": {"", ""},
	"pmatrix":     {"(", ")"},
	"bmatrix":     {"[", "]"},
	"Bmatrix":     {"{", "}"},
	"vmatrix":     {"|", "|"},
	"Vmatrix":     {"‖", "‖"},
	"cases":       {"{ ", ""},
	"array":       {"", ""},
}

func (p *texParser) begin(env string) string {
	env = strings.TrimSpace(env)
	if env == "array" {
		p.rawArg() // column specification
	}
	p.envs = append(p.envs, env)
	if d, ok := matrixDelims[env]; ok {
		return d[0]
	}
	return ""
}

func (p *texParser) end(env string) string {
	env = strings.TrimSpace(env)
	if n := len(p.envs); n > 0 {
		p.envs = p.envs[:n-1]
	}
	if d, ok := matrixDelims[env]; ok {
		return d[1]
	}
	return ""
}

// textArg renders the argument of \text and friends: words kept as written,
// spaces kept, escapes resolved, $...$ inside rendered as maths.
func (p *texParser) textArg() string {
	p.skipSpaces()
	if p.peek() != '{' {
		return p.parseArg()
	}
	p.next()
	var b strings.Builder
	level := 1
	for !p.eof() {
		r := p.next()
		switch r {
		case '{':
			level++
		case '}':
			level--
			if level == 0 {
				return b.String()
			}
		case '~':
			b.WriteByte(' ')
		case '$':
			end := strings.IndexByte(p.s[p.pos:], '$')
			if end < 0 {
				b.WriteByte('$')
				continue
			}
			b.WriteString(MathToUnicode(p.s[p.pos : p.pos+end]))
			p.pos += end + 1
		case '\\':
			name := p.commandName()
			switch {
			case name == "\\":
				b.WriteByte('\n')
			case name == "," || name == " " || name == ";" || name == ":" || name == "quad":
				b.WriteByte(' ')
			case name == "!":
			case len(name) == 1 && !isASCIILetter(name[0]):
				b.WriteString(name)
			case texSymbols[name] != "":
				b.WriteString(texSymbols[name])
			case name == "textbf" || name == "textit" || name == "emph" || name == "text" ||
				name == "textrm" || name == "texttt" || name == "mathrm":
				b.WriteString(p.textArg())
			default:
				b.WriteString(name)
			}
		default:
			if unicode.IsSpace(r) {
				r = ' '
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// frac renders a fraction as num/den, parenthesising compound parts.
func frac(num, den string) string {
	num, den = trimSoft(num), trimSoft(den)
	if !looseAtomic(num) {
		num = "(" + num + ")"
	}
	if !isAtomic(den) {
		den = "(" + den + ")"
	}
	return num + "/" + den
}

// trimSoft trims whitespace and spacing markers from both ends.
func trimSoft(s string) string {
	return strings.TrimFunc(s, isSpaceRune)
}

// accent puts the combining mark after every letter or digit of s.
func accent(s string, mark rune) string {
	s = trimSoft(s)
	if s == "" {
		return string(mark)
	}
	var b strings.Builder
	for _, r := range s {
		b.WriteRune(r)
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isScriptRune(r) {
			b.WriteRune(mark)
		}
	}
	return b.String()
}

// script renders a sub- or superscript: Unicode script characters when all
// of them exist, otherwise "_x", "_word" or "_(...)" (with ^ for superscripts).
func script(arg string, sup bool) string {
	// Source whitespace inside a script is dropped, except after a comma.
	var b strings.Builder
	prev := rune(0)
	for _, r := range arg {
		if r == softSpace {
			if prev == ',' {
				b.WriteByte(' ')
				prev = ' '
			}
			continue
		}
		b.WriteRune(r)
		prev = r
	}
	content := strings.TrimSpace(b.String())
	if content == "" {
		return ""
	}
	table, mark := subscripts, "_"
	if sup {
		table, mark = superscripts, "^"
	}
	var out strings.Builder
	ok := true
	for _, r := range content {
		m, found := table[r]
		if !found {
			ok = false
			break
		}
		out.WriteRune(m)
	}
	if ok {
		return out.String()
	}
	if isWord(content) || utf8.RuneCountInString(content) == 1 || enclosedIn(content, '(', ')') {
		return mark + content
	}
	return mark + "(" + content + ")"
}

// isWord reports whether s is made only of letters, digits and marks.
func isWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) && r != '′' {
			return false
		}
	}
	return s != ""
}

// enclosedIn reports whether s is one bracketed group from open to close.
func enclosedIn(s string, open, close rune) bool {
	rs := []rune(s)
	if len(rs) < 2 || rs[0] != open || rs[len(rs)-1] != close {
		return false
	}
	if open == close {
		return true
	}
	return matchBracket(rs, 0) == len(rs)-1
}

// matchBracket returns the index of the bracket closing rs[i], or -1.
func matchBracket(rs []rune, i int) int {
	open := rs[i]
	close := closers[open]
	level := 0
	for j := i; j < len(rs); j++ {
		switch rs[j] {
		case open:
			level++
		case close:
			level--
			if level == 0 {
				return j
			}
		}
	}
	return -1
}

var closers = map[rune]rune{'(': ')', '[': ']', '{': '}', '⟨': '⟩', '⁽': '⁾', '₍': '₎'}

// operatorRunes are the characters that make an expression compound when they
// appear outside brackets.
const operatorRunes = "+−-=<>≤≥≠≈≡∼≃∝·×÷/,;:∈∉⊂⊆⊙⊕⊗±∓→←↦⇒⇔∧∨∪∩∖∗*"

// looseAtomic reports whether s needs no parentheses as a numerator: no space
// or operator outside brackets (a leading sign is fine).
func looseAtomic(s string) bool {
	rs := []rune(trimSoft(s))
	level := 0
	for i, r := range rs {
		switch {
		case closers[r] != 0:
			level++
		case r == ')' || r == ']' || r == '}' || r == '⟩' || r == '⁾' || r == '₎':
			level--
		case level == 0 && i > 0 && (isSpaceRune(r) || strings.ContainsRune(operatorRunes, r)):
			return false
		}
	}
	return true
}

// isAtomic reports whether s reads as one unit after √ or /: a number, a
// symbol or word with its accents and scripts, an optional call such as f(x),
// or one bracketed group.
func isAtomic(s string) bool {
	rs := []rune(trimSoft(s))
	if len(rs) == 0 {
		return true
	}
	for _, pair := range [][2]rune{{'(', ')'}, {'[', ']'}, {'⟨', '⟩'}, {'|', '|'}, {'‖', '‖'}} {
		if enclosedIn(string(rs), pair[0], pair[1]) {
			return true
		}
	}
	if strings.ContainsRune("√∛∜∂∇¬", rs[0]) {
		return isAtomic(string(rs[1:]))
	}
	i := 0
	switch {
	case unicode.IsDigit(rs[0]):
		for i < len(rs) && (unicode.IsDigit(rs[i]) || rs[i] == '.') {
			i++
		}
	case unicode.IsLetter(rs[0]):
		for i < len(rs) && unicode.IsLetter(rs[i]) && !isScriptRune(rs[i]) {
			i++
		}
	case isSpaceRune(rs[0]) || strings.ContainsRune(operatorRunes, rs[0]):
		return false
	default:
		i = 1
	}
	for i < len(rs) {
		r := rs[i]
		switch {
		case unicode.IsMark(r) || isScriptRune(r) || r == '′':
			i++
		case (r == '_' || r == '^') && i+1 < len(rs):
			i++
			if rs[i] == '(' {
				j := matchBracket(rs, i)
				if j < 0 {
					return false
				}
				i = j + 1
				continue
			}
			for i < len(rs) && (unicode.IsLetter(rs[i]) || unicode.IsNumber(rs[i]) || unicode.IsMark(rs[i])) {
				i++
			}
		case r == '(' || r == '[':
			j := matchBracket(rs, i)
			if j < 0 {
				return false
			}
			i = j + 1
		default:
			return false
		}
	}
	return true
}

// Script characters. Subscript letters are limited to those of the
// Superscripts and Subscripts block (ₐₑₒₓₕₖₗₘₙₚₛₜ): the phonetic ones (ᵢ ᵣ ᵤ ᵥ ⱼ
// and Greek ᵦ ᵧ) are tiny or missing in many terminal fonts, so h_v stays h_v.
var (
	subscripts = map[rune]rune{
		'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
		'+': '₊', '-': '₋', '−': '₋', '=': '₌', '(': '₍', ')': '₎',
		'a': 'ₐ', 'e': 'ₑ', 'o': 'ₒ', 'x': 'ₓ', 'ə': 'ₔ', 'h': 'ₕ', 'k': 'ₖ', 'l': 'ₗ', 'm': 'ₘ',
		'n': 'ₙ', 'p': 'ₚ', 's': 'ₛ', 't': 'ₜ',
	}
	superscripts = map[rune]rune{
		'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
		'+': '⁺', '-': '⁻', '−': '⁻', '=': '⁼', '(': '⁽', ')': '⁾',
		'a': 'ᵃ', 'b': 'ᵇ', 'c': 'ᶜ', 'd': 'ᵈ', 'e': 'ᵉ', 'f': 'ᶠ', 'g': 'ᵍ', 'h': 'ʰ', 'i': 'ⁱ',
		'j': 'ʲ', 'k': 'ᵏ', 'l': 'ˡ', 'm': 'ᵐ', 'n': 'ⁿ', 'o': 'ᵒ', 'p': 'ᵖ', 'r': 'ʳ', 's': 'ˢ',
		't': 'ᵗ', 'u': 'ᵘ', 'v': 'ᵛ', 'w': 'ʷ', 'x': 'ˣ', 'y': 'ʸ', 'z': 'ᶻ',
		'A': 'ᴬ', 'B': 'ᴮ', 'D': 'ᴰ', 'E': 'ᴱ', 'G': 'ᴳ', 'H': 'ᴴ', 'I': 'ᴵ', 'J': 'ᴶ', 'K': 'ᴷ',
		'L': 'ᴸ', 'M': 'ᴹ', 'N': 'ᴺ', 'O': 'ᴼ', 'P': 'ᴾ', 'R': 'ᴿ', 'T': 'ᵀ', 'U': 'ᵁ', 'V': 'ⱽ',
		'W': 'ᵂ',
		'α': 'ᵅ', 'β': 'ᵝ', 'γ': 'ᵞ', 'δ': 'ᵟ', 'ε': 'ᵋ', 'θ': 'ᶿ', 'ι': 'ᶥ', 'φ': 'ᵠ', 'χ': 'ᵡ',
		'⊤': 'ᵀ', '′': '′', '″': '″', '*': '*', '∗': '*', '†': '†', '∘': '°',
	}
	scriptRunes = func() map[rune]bool {
		m := map[rune]bool{}
		for _, t := range []map[rune]rune{subscripts, superscripts} {
			for k, v := range t {
				if k != v && v != '*' && v != '†' && v != '°' {
					m[v] = true
				}
			}
		}
		return m
	}()
)

func isScriptRune(r rune) bool { return scriptRunes[r] }

// texFonts maps font commands to letter mappings.
var texFonts = map[string]func(string) string{
	"mathcal":    mapLetters(0x1D49C, 0x1D4B6, -1, scriptExceptions),
	"mathscr":    mapLetters(0x1D49C, 0x1D4B6, -1, scriptExceptions),
	"mathbb":     mapLetters(0x1D538, 0x1D552, 0x1D7D8, doubleStruckExceptions),
	"mathfrak":   mapLetters(0x1D504, 0x1D51E, -1, frakturExceptions),
	"mathbf":     plainFont,
	"boldsymbol": plainFont,
	"bm":         plainFont,
	"mathit":     plainFont,
	"mathsf":     plainFont,
	"mathtt":     plainFont,
	"mathnormal": plainFont,
	"pmb":        plainFont,
}

func plainFont(s string) string { return s }

var (
	scriptExceptions = map[rune]rune{'B': 'ℬ', 'E': 'ℰ', 'F': 'ℱ', 'H': 'ℋ', 'I': 'ℐ', 'L': 'ℒ',
		'M': 'ℳ', 'R': 'ℛ', 'e': 'ℯ', 'g': 'ℊ', 'o': 'ℴ'}
	doubleStruckExceptions = map[rune]rune{'C': 'ℂ', 'H': 'ℍ', 'N': 'ℕ', 'P': 'ℙ', 'Q': 'ℚ',
		'R': 'ℝ', 'Z': 'ℤ'}
	frakturExceptions = map[rune]rune{'C': 'ℭ', 'H': 'ℌ', 'I': 'ℑ', 'R': 'ℜ', 'Z': 'ℨ'}
)

// mapLetters returns a font mapping that moves ASCII letters (and digits when
// digits >= 0) into a mathematical alphabet starting at upper/lower/digits.
func mapLetters(upper, lower, digits rune, exceptions map[rune]rune) func(string) string {
	return func(s string) string {
		return strings.Map(func(r rune) rune {
			if e, ok := exceptions[r]; ok {
				return e
			}
			switch {
			case r >= 'A' && r <= 'Z':
				return upper + r - 'A'
			case r >= 'a' && r <= 'z':
				return lower + r - 'a'
			case r >= '0' && r <= '9' && digits >= 0:
				return digits + r - '0'
			}
			return r
		}, s)
	}
}

// texAccents maps accent commands to combining marks.
var texAccents = map[string]rune{
	"bar": '\u0304', "overline": '\u0305', "hat": '\u0302', "widehat": '\u0302',
	"tilde": '\u0303', "widetilde": '\u0303', "vec": '\u20D7', "overrightarrow": '\u20D7',
	"dot": '\u0307', "ddot": '\u0308', "check": '\u030C', "breve": '\u0306', "acute": '\u0301',
	"grave": '\u0300', "underline": '\u0332', "mathring": '\u030A',
}

// texFunctions are operator names written upright as words (\log → log).
var texFunctions = map[string]struct{}{
	"log": {}, "ln": {}, "lg": {}, "exp": {}, "sin": {}, "cos": {}, "tan": {}, "cot": {}, "sec": {},
	"csc": {}, "sinh": {}, "cosh": {}, "tanh": {}, "arcsin": {}, "arccos": {}, "arctan": {},
	"max": {}, "min": {}, "sup": {}, "inf": {}, "arg": {}, "argmax": {}, "argmin": {},
	"det": {}, "dim": {}, "ker": {}, "deg": {}, "gcd": {}, "Pr": {}, "tr": {}, "Tr": {},
	"lim": {}, "limsup": {}, "liminf": {}, "softmax": {}, "diag": {}, "rank": {}, "sgn": {}, "hom": {},
}

// prefixSymbols are symbols that bind to what follows, so the source space
// after them is dropped.
var prefixSymbols = map[string]bool{"partial": true, "nabla": true, "neg": true, "lnot": true}

// texSymbols maps commands to the text they stand for.
var texSymbols = map[string]string{
	// Greek, lower case (\epsilon is drawn as ε, the usual reading).
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"varkappa": "ϰ", "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "omicron": "ο", "pi": "π",
	"varpi": "ϖ", "rho": "ρ", "varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ",
	"upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	// Greek, upper case.
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ",
	"Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	// Big operators.
	"sum": "∑", "prod": "∏", "coprod": "∐", "int": "∫", "iint": "∬", "iiint": "∭", "oint": "∮",
	"bigcup": "⋃", "bigcap": "⋂", "bigoplus": "⨁", "bigotimes": "⨂", "bigvee": "⋁", "bigwedge": "⋀",
	// Binary operators.
	"cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "ast": "∗", "star": "⋆",
	"circ": "∘", "bullet": "∙", "odot": "⊙", "oplus": "⊕", "otimes": "⊗", "ominus": "⊖",
	"cup": "∪", "cap": "∩", "setminus": "∖", "wedge": "∧", "land": "∧", "vee": "∨", "lor": "∨",
	"dagger": "†", "ddagger": "‡", "sqcup": "⊔", "sqcap": "⊓", "uplus": "⊎", "amalg": "⨿",
	// Relations.
	"in": "∈", "notin": "∉", "ni": "∋", "sim": "∼", "simeq": "≃", "approx": "≈", "cong": "≅",
	"equiv": "≡", "propto": "∝", "le": "≤", "leq": "≤", "leqslant": "≤", "ge": "≥", "geq": "≥",
	"geqslant": "≥", "ne": "≠", "neq": "≠", "ll": "≪", "gg": "≫", "subset": "⊂", "supset": "⊃",
	"subseteq": "⊆", "supseteq": "⊇", "perp": "⊥", "parallel": "∥", "mid": "|", "nmid": "∤",
	"models": "⊨", "vdash": "⊢", "prec": "≺", "succ": "≻", "preceq": "⪯", "succeq": "⪰",
	"doteq": "≐", "asymp": "≍", "lt": "<", "gt": ">", "coloneqq": "≔", "triangleq": "≜",
	"coloneq": "≔", "sqsubseteq": "⊑",
	// Arrows.
	"to": "→", "rightarrow": "→", "leftarrow": "←", "gets": "←", "leftrightarrow": "↔",
	"Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "implies": "⟹", "impliedby": "⟸",
	"iff": "⟺", "mapsto": "↦", "longrightarrow": "⟶", "longleftarrow": "⟵", "longmapsto": "⟼",
	"Longrightarrow": "⟹", "uparrow": "↑", "downarrow": "↓", "rightleftharpoons": "⇌",
	"hookrightarrow": "↪", "leadsto": "↝",
	// Delimiters.
	"|": "‖", "{": "{", "}": "}", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
	"lvert": "|", "rvert": "|", "vert": "|", "lVert": "‖", "rVert": "‖", "Vert": "‖",
	"lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrack": "[", "rbrack": "]",
	"backslash": "∖",
	// Other symbols.
	"infty": "∞", "partial": "∂", "nabla": "∇", "forall": "∀", "exists": "∃", "nexists": "∄",
	"neg": "¬", "lnot": "¬", "emptyset": "∅", "varnothing": "∅", "ell": "ℓ", "hbar": "ℏ",
	"Re": "ℜ", "Im": "ℑ", "aleph": "ℵ", "top": "⊤", "bot": "⊥", "prime": "′", "angle": "∠",
	"triangle": "△", "square": "□", "checkmark": "✓", "dots": "…", "ldots": "…", "cdots": "⋯",
	"vdots": "⋮", "ddots": "⋱", "therefore": "∴", "because": "∵", "degree": "°", "sharp": "♯",
	"wp": "℘", "imath": "ı", "jmath": "ȷ", "surd": "√", "diamond": "⋄", "clubsuit": "♣",
	"colon": ":", "dotsc": "…", "dotsb": "⋯",
	// Escaped characters.
	"_": "_", "%": "%", "&": "&", "#": "#", "$": "$",
}
