package grading

import (
	"maps"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// negKind says whether a word negates what follows it.
type negKind uint8

const (
	negNone   negKind = iota
	negStrong         // not, no, never, without, doesn't, ...
	negWeak           // avoids, prevents, free, ...
	negPrefix         // "non" in "non-Markovian": negates only the next word
)

// token is one word of a text, normalised for matching, with the byte range
// of the original text it came from. One written word can give several
// tokens with the same range ("ᾱ" gives "alpha" and "bar").
type token struct {
	start, end int    // byte range in the original text
	word       string // normalised word: folded, US spelling, notation spelled out
	term       string // matching term: word stemmed
	stop       bool   // ignored inside phrasings
	fn         bool   // function word, for the keyword-dump rule
	neg        negKind
	aux        bool // auxiliary that may stand between a phrase and "not"
	number     bool
	math       bool      // a word of notation (mathWords)
	verb       verbKind  // verb form (structure.go)
	denyStart  bool      // may start a denial frame (denial.go)
	cls        wordClass // word lists of structure.go
	lex        lexClass  // word lists of the negation and denial rules (lexclass.go)
	sent       int32     // sentence index
	clause     int32     // clause index (negation scope)
	tightPrev  bool      // joined to the previous token by nothing or _ ^ { } \ (x_0, ᾱ)
	joinPrev   bool      // joined to the previous token by a hyphen or spaces only
	wordPrev   bool      // written as one word with the previous token: no space between (over-smoothing, x_0)
}

// wordInfo is the cached normalisation of one written word part.
type wordInfo struct {
	word, term string
	stop       bool
	fn         bool
	neg        negKind
	aux        bool
	clauseWord bool
	number     bool
	math       bool      // a word of notation (mathWords)
	verb       verbKind  // as a verb form of the claim-structure lexicon
	denyStart  bool      // may start a denial frame
	cls        wordClass // word lists of the claim-structure rules
	lex        lexClass  // lexOf(word)
}

var (
	wordCacheMu sync.Mutex
	wordCache   = map[string][]wordInfo{} // raw written word -> its parts; guarded by wordCacheMu
	// wordSnap is a read-only copy of wordCache as last published, read
	// without a lock; wordLate counts the words added since and the look-ups
	// that had to take the lock to find one, and decides when to publish.
	wordSnap atomic.Pointer[map[string][]wordInfo]
	wordLate int // guarded by wordCacheMu
	folder   = cases.Fold()
)

// maxWordCache bounds the normalisation cache; beyond it words are
// normalised afresh each time.
const maxWordCache = 200000

// tokenize splits text into normalised tokens. It never fails: every byte of
// the text is either inside a token's range or a separator.
func tokenize(text string) []token {
	return tokenizeInto(make([]token, 0, len(text)/5+4), text)
}

// tokenizeInto is tokenize appending to toks.
func tokenizeInto(toks []token, text string) []token {
	var sent, clause int32
	sepStart := 0 // start of the separator run before the next token
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if w, ok := symbolWord(r); ok {
			toks = appendParts(toks, text[sepStart:i], &sent, &clause, i, i+size, []wordInfo{infoFor(w)})
			i += size
			sepStart = i
			continue
		}
		if isGreek(r) {
			j := i + size
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.Is(unicode.Mn, r2) {
					break
				}
				j += s2
			}
			toks = appendParts(toks, text[sepStart:i], &sent, &clause, i, j, normalizeWord(text[i:j]))
			i = j
			sepStart = i
			continue
		}
		if isDigitByte(text[i]) && (i == 0 || !isWordByte(text[i-1]) && text[i-1] != '.') {
			num, n := sciNumber(text[i:])
			if n == 0 {
				num, n = timesNumber(text[i:])
			}
			if n > 0 {
				// 1e-4, 2.5 × 10^-3, 10⁻⁴: the number as a decimal, 0.0001.
				toks = appendParts(toks, text[sepStart:i], &sent, &clause, i, i+n, normalizeWord(num))
				i += n
				sepStart = i
				continue
			}
		}
		if w, n := slashShorthand(text, i); n > 0 {
			toks = appendParts(toks, text[sepStart:i], &sent, &clause, i, i+n, normalizeWord(w))
			i += n
			sepStart = i
			continue
		}
		if isWordRune(r) {
			j := i + size
			for j < len(text) {
				if isASCIIAlnum(text[j]) {
					j++ // an ASCII letter or digit: the common case
					continue
				}
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if isWordRune(r2) && !isGreek(r2) {
					if _, sym := symbolWord(r2); !sym {
						j += s2
						continue
					}
				}
				if r2 >= utf8.RuneSelf && (unicode.Is(unicode.Mn, r2) || unicode.Is(unicode.Me, r2)) {
					j += s2
					continue
				}
				// An apostrophe inside a word (doesn't, neighbour's) or a
				// decimal point or comma between digits (0.02, 10,000).
				if (r2 == '\'' || r2 == '’') && j+s2 < len(text) {
					r3, _ := utf8.DecodeRuneInString(text[j+s2:])
					if unicode.IsLetter(r3) && !isGreek(r3) {
						j += s2
						continue
					}
				}
				if (r2 == '.' || r2 == ',') && j+1 < len(text) && isDigitByte(text[j-1]) && isDigitByte(text[j+1]) {
					j++
					continue
				}
				break
			}
			toks = appendParts(toks, text[sepStart:i], &sent, &clause, i, j, normalizeWord(text[i:j]))
			toks = joinTimes(toks)
			noLonger(toks, text[i:j])
			i = j
			sepStart = i
			continue
		}
		i += size
	}
	return toks
}

// noLonger reads the "longer" of "no longer" as part of the negation, not
// as the comparative of "long": "B and C are no longer in a closed path"
// negates the closed path as "not" would, and says nothing of length.
func noLonger(toks []token, raw string) {
	n := len(toks)
	if n < 2 || !strings.EqualFold(raw, "longer") || toks[n-2].word != "no" || toks[n-2].clause != toks[n-1].clause {
		return
	}
	t := &toks[n-1]
	t.word, t.term, t.stop, t.fn, t.neg, t.verb, t.cls, t.lex = "longer", "longer", true, true, negStrong, verbNone, 0, lexOf("longer")
}

// joinTimes reads "26 times" and "26-fold" as written 26x: when the last
// token is "times" or "fold" after a number of the same clause, the number
// takes the x and the word is dropped.
func joinTimes(toks []token) []token {
	n := len(toks)
	if n < 2 || toks[n-1].word != "times" && toks[n-1].word != "fold" {
		return toks
	}
	t, p := &toks[n-1], &toks[n-2]
	if !p.number || p.clause != t.clause || strings.HasSuffix(p.word, "x") {
		return toks
	}
	parts := normalizeWord(p.word + "x")
	if len(parts) != 1 {
		return toks
	}
	p.word, p.term, p.lex = parts[0].word, parts[0].term, parts[0].lex
	p.end = t.end
	return toks[:n-1]
}

// symbolWord returns the word a maths symbol stands for; all are non-ASCII.
func symbolWord(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		return "", false
	}
	w, ok := symbolWords[r]
	return w, ok
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// isASCIIAlnum reports whether b is an ASCII letter or digit: a word byte
// that is a whole rune.
func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isWordByte(b byte) bool {
	return isDigitByte(b) || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= utf8.RuneSelf
}

// slashShorthand reads the note-taking shorthands w/o, w/out, w/ and b/c at byte
// i of text and returns the word they stand for (without, with, because)
// with the bytes they take, or 0 bytes.
func slashShorthand(text string, i int) (string, int) {
	if i+2 > len(text) || text[i+1] != '/' || i > 0 && isWordByte(text[i-1]) {
		return "", 0
	}
	end := func(k int) bool { return k >= len(text) || !isWordByte(text[k]) }
	switch text[i] | 0x20 {
	case 'w':
		if i+3 <= len(text) && text[i+2]|0x20 == 'o' && end(i+3) {
			return "without", 3
		}
		if i+5 <= len(text) && strings.EqualFold(text[i+2:i+5], "out") && end(i+5) {
			return "without", 5
		}
		if i+2 == len(text) || text[i+2] == ' ' {
			return "with", 2
		}
	case 'b':
		if i+3 <= len(text) && text[i+2]|0x20 == 'c' && end(i+3) {
			return "because", 3
		}
	}
	return "", 0
}

// sciNumber reads a number in scientific notation at the start of s
// ("1e-4", "2.5E3", "1 × 10^-4", "3*10^{-2}", "10^-4", "10⁻⁴") and returns
// it written as a decimal ("0.0001") with the bytes it took, or 0 bytes
// when s does not start with one. Plain numbers are left to the tokenizer.
func sciNumber(s string) (string, int) {
	i := 0
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	mant := s[:i]
	if i+1 < len(s) && s[i] == '.' && isDigitByte(s[i+1]) {
		i++
		for i < len(s) && isDigitByte(s[i]) {
			i++
		}
		mant = s[:i]
	}
	var exp string
	var n int
	switch {
	case i < len(s) && (s[i] == 'e' || s[i] == 'E'):
		exp, n = signedDigits(s[i+1:], false)
		if n == 0 {
			return "", 0
		}
		n += i + 1
	case mant == "10":
		exp, n = powerOfTen(s[i:])
		if n == 0 {
			return "", 0
		}
		mant, n = "1", n+i
	default:
		j := i
		for j < len(s) && s[j] == ' ' {
			j++
		}
		times := 0
		switch {
		case strings.HasPrefix(s[j:], "×"):
			times = len("×")
		case strings.HasPrefix(s[j:], "·"):
			times = len("·")
		case j < len(s) && (s[j] == 'x' || s[j] == '*'):
			times = 1
		}
		if times == 0 {
			return "", 0
		}
		j += times
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if !strings.HasPrefix(s[j:], "10") {
			return "", 0
		}
		exp, n = powerOfTen(s[j+2:])
		if n == 0 {
			return "", 0
		}
		n += j + 2
	}
	if n < len(s) && isWordByte(s[n]) {
		return "", 0 // "1e4x" is a name
	}
	e, err := strconv.Atoi(exp)
	if err != nil || e < -15 || e > 15 {
		return "", 0
	}
	v, err := strconv.ParseFloat(mant+"e"+strconv.Itoa(e), 64)
	if err != nil {
		return "", 0
	}
	return strconv.FormatFloat(v, 'f', -1, 64), n
}

// timesNumber reads a factor or a size written with the multiplication
// sign at the start of s ("26×", "64×64", "1×1") and returns it written
// with x, as typed ("26x", "64x64"), with the bytes it took, or 0 bytes.
func timesNumber(s string) (string, int) {
	var b strings.Builder
	i, times := 0, false
	for {
		start := i
		for i < len(s) && (isDigitByte(s[i]) || s[i] == '.' && i > start && i+1 < len(s) && isDigitByte(s[i+1])) {
			i++
		}
		if i == start && (i == 0 || !times) {
			return "", 0
		}
		b.WriteString(s[start:i])
		switch {
		case strings.HasPrefix(s[i:], "×"):
			times = true
			i += len("×")
		case i < len(s) && s[i] == 'x' && i+1 < len(s) && isDigitByte(s[i+1]):
			i++
		default:
			if !times || i < len(s) && isWordByte(s[i]) {
				return "", 0
			}
			return b.String(), i
		}
		b.WriteByte('x')
	}
}

// powerOfTen reads the exponent after a "10": "^-4", "^{-4}", "⁻⁴".
func powerOfTen(s string) (string, int) {
	if strings.HasPrefix(s, "^{") {
		exp, n := signedDigits(s[2:], false)
		if n == 0 || 2+n >= len(s) || s[2+n] != '}' {
			return "", 0
		}
		return exp, n + 3
	}
	if strings.HasPrefix(s, "^") {
		exp, n := signedDigits(s[1:], false)
		if n == 0 {
			return "", 0
		}
		return exp, n + 1
	}
	return signedDigits(s, true)
}

// signedDigits reads an optionally signed integer, in superscript digits
// when super is set, and returns it in ASCII with the bytes it took.
func signedDigits(s string, super bool) (string, int) {
	var b strings.Builder
	i := 0
	if super {
		if strings.HasPrefix(s, "⁻") {
			b.WriteByte('-')
			i += len("⁻")
		} else if strings.HasPrefix(s, "⁺") {
			i += len("⁺")
		}
		start := i
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			d := superscriptDigit(r)
			if d < 0 {
				break
			}
			b.WriteByte(byte('0' + d))
			i += size
		}
		if i == start {
			return "", 0
		}
		return b.String(), i
	}
	switch {
	case strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+"):
		b.WriteByte(s[0])
		i = 1
	case strings.HasPrefix(s, "−"):
		b.WriteByte('-')
		i = len("−")
	}
	start := i
	for i < len(s) && isDigitByte(s[i]) {
		b.WriteByte(s[i])
		i++
	}
	if i == start {
		return "", 0
	}
	return b.String(), i
}

// superscriptDigit returns the value of a superscript digit, or -1.
func superscriptDigit(r rune) int {
	switch r {
	case '⁰':
		return 0
	case '¹':
		return 1
	case '²':
		return 2
	case '³':
		return 3
	}
	if r >= '⁴' && r <= '⁹' {
		return int(r-'⁴') + 4
	}
	return -1
}

// isGreek reports whether r is a Greek letter; each one is a token of its
// own, since Greek letters are maths variables (εθ is ε and θ).
func isGreek(r rune) bool {
	return r >= 0x370 && unicode.Is(unicode.Greek, r) && unicode.IsLetter(r)
}

// isWordRune reports whether r can be part of a word: letters, digits,
// other numbers (subscripts ₀, superscripts ¹) and combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.Mn, r)
}

// appendParts appends the tokens of one written word, after reading the
// separator run sep that precedes it for sentence and clause breaks.
func appendParts(toks []token, sep string, sent, clause *int32, start, end int, parts []wordInfo) []token {
	if len(parts) == 0 {
		return toks
	}
	tight, join, nospace := false, false, false
	if len(toks) > 0 {
		nospace = len(sep) <= 2 && !strings.ContainsAny(sep, " \t\n\r") && (sep == "" || strings.Trim(sep, "-_^{}\\") == "")
		sb, cb := separatorBreaks(sep)
		if sb && abbreviationPeriod(sep) && periodAbbreviations[toks[len(toks)-1].word] {
			sb, cb = false, true // "e.g. GINE", "Xu et al. show": no sentence ends
		}
		if sb {
			*sent++
		}
		if sb || cb {
			*clause++
		}
		tight = isTightSep(sep)
		join = !sb && !cb && isJoinSep(sep)
	}
	if parts[0].clauseWord && len(toks) > 0 && (toks[len(toks)-1].neg != negStrong || toks[len(toks)-1].word == "no") {
		// "not because of X" keeps X in the negation's scope; a bare "no"
		// answers the question and negates nothing after it ("No because
		// the circuit is open").
		*clause++
	}
	for k, p := range parts {
		t := token{
			start: start, end: end,
			word: p.word, term: p.term, stop: p.stop, fn: p.fn, neg: p.neg, aux: p.aux, number: p.number, math: p.math,
			verb: p.verb, denyStart: p.denyStart, cls: p.cls, lex: p.lex,
			sent: *sent, clause: *clause,
		}
		if k == 0 {
			t.tightPrev, t.joinPrev, t.wordPrev = tight, join || tight, nospace
		} else {
			t.tightPrev, t.joinPrev, t.wordPrev = true, true, true
		}
		toks = append(toks, t)
	}
	return toks
}

// separatorBreaks reports whether a separator run ends a sentence (. ! ? ;
// or a line break) or a clause (, : ( ) dashes, arrows).
func separatorBreaks(sep string) (sentence, clause bool) {
	for i, r := range sep {
		switch r {
		case '.', '!', '?', ';', '\n', '\r', '•':
			sentence = true
		case ',', ':', '(', ')', '[', ']', '—', '–', '→', '⇒', '"', '“', '”', '|':
			clause = true
		case '-':
			// A spaced hyphen is a dash: "layers - too many".
			if i > 0 && sep[i-1] == ' ' {
				clause = true
			}
		}
	}
	return
}

// periodAbbreviations are the words written with a period that does not
// end the sentence: e.g., i.e., et al., vs., cf., and the shorthands of
// notes (incl., esp., viz., det. for deterministic).
var periodAbbreviations = setOf(`e g i al vs cf approx resp eq eqs fig sec incl esp det viz`)

// abbreviationPeriod reports whether a separator's only sentence break is
// one period, which an abbreviation may own.
func abbreviationPeriod(sep string) bool {
	return strings.Count(sep, ".") == 1 && !strings.ContainsAny(sep, "!?;\n\r•")
}

// isTightSep reports whether two tokens separated by sep belong to one
// written symbol: x_0, h_v, \bar{\alpha}.
func isTightSep(sep string) bool {
	for i := 0; i < len(sep); i++ {
		switch sep[i] {
		case '_', '^', '{', '}', '\\':
		default:
			return false
		}
	}
	return true
}

// isJoinSep reports whether two words separated by sep may be one word
// written apart: "over smoothing", "over-smoothing", "x_0".
func isJoinSep(sep string) bool {
	if len(sep) == 0 || len(sep) > 3 {
		return len(sep) == 0
	}
	for i := 0; i < len(sep); i++ {
		switch sep[i] {
		case ' ', '-', '_', '\t':
		default:
			return false
		}
	}
	return true
}

// normalizeWord normalises one written word into one or more parts. The
// result is cached; callers must not modify it.
func normalizeWord(raw string) []wordInfo {
	if snap := wordSnap.Load(); snap != nil {
		if v, ok := (*snap)[raw]; ok {
			return v
		}
	}
	wordCacheMu.Lock()
	v, ok := wordCache[raw]
	if ok {
		wordLate++
		publishWordsLocked()
	}
	wordCacheMu.Unlock()
	if ok {
		return v
	}
	parts := normalizeWordUncached(raw)
	if len(raw) <= 48 {
		wordCacheMu.Lock()
		if len(wordCache) < maxWordCache {
			wordCache[strings.Clone(raw)] = parts
			wordLate++
			publishWordsLocked()
		}
		wordCacheMu.Unlock()
	}
	return parts
}

// normalizeJoined is normalizeWord(x + y), the two words joined in buf
// (returned for reuse), without building the joined string when the
// published snapshot holds it.
func normalizeJoined(buf []byte, x, y string) ([]wordInfo, []byte) {
	buf = append(append(buf[:0], x...), y...)
	if snap := wordSnap.Load(); snap != nil {
		if v, ok := (*snap)[string(buf)]; ok {
			return v, buf
		}
	}
	return normalizeWord(string(buf)), buf
}

// publishWordsLocked copies wordCache to wordSnap once the words and
// look-ups that missed the snapshot reach a quarter of the cache (and at
// least 16), so that each copy is paid for by as many misses; wordCacheMu
// is held.
func publishWordsLocked() {
	if wordLate < 16 || wordLate < len(wordCache)/4 {
		return
	}
	snap := maps.Clone(wordCache)
	wordSnap.Store(&snap)
	wordLate = 0
}

func normalizeWordUncached(raw string) []wordInfo {
	s := foldText(raw)
	if n, ok := plainNumber(s); ok {
		return []wordInfo{infoFor(n)}
	}
	words := splitFolded(s)
	out := make([]wordInfo, 0, len(words))
	for _, w := range words {
		out = append(out, infoFor(w))
	}
	return out
}

// plainNumber writes a count with thousands separators or a k or m
// suffix as plain digits: "1,000" is 1000, "100k" 100000, "1.5m" 1500000,
// so that "1,000 steps" matches "1000 steps". Other words are not numbers.
func plainNumber(s string) (string, bool) {
	if len(s) < 2 || !isDigitByte(s[0]) {
		return "", false
	}
	if strings.IndexByte(s, ',') > 0 {
		// Groups of three digits after the first: 1,000 and 970,000, not 1,5.
		groups := strings.Split(s, ",")
		if len(groups[0]) > 3 {
			return "", false
		}
		for i, g := range groups {
			if g == "" || len(g) != 3 && i > 0 || strings.Trim(g, "0123456789") != "" {
				return "", false
			}
		}
		return strings.Join(groups, ""), true
	}
	mult := 0.0
	switch s[len(s)-1] {
	case 'k':
		mult = 1e3
	case 'm':
		mult = 1e6
	default:
		return "", false
	}
	digits := s[:len(s)-1]
	if strings.Trim(digits, "0123456789.") != "" || strings.Count(digits, ".") > 1 || digits[len(digits)-1] == '.' {
		return "", false
	}
	v, err := strconv.ParseFloat(digits, 64)
	if err != nil || v*mult >= 1e15 {
		return "", false
	}
	return strconv.FormatFloat(v*mult, 'f', -1, 64), true
}

// foldText applies NFKC and Unicode case folding; ASCII takes a fast path.
func foldText(raw string) string {
	ascii := true
	for i := 0; i < len(raw); i++ {
		if raw[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(raw)
	}
	return folder.String(norm.NFKC.String(raw))
}

// splitFolded splits a folded word into parts: Greek letters become their
// names, a macron or overline becomes "bar" (ᾱ is alpha bar), other accents
// are dropped, apostrophes and possessive 's removed, and compounds such as
// "alphabar" split.
func splitFolded(s string) []string {
	var parts []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			parts = append(parts, cur.String())
			cur.Reset()
		}
	}
	d := norm.NFD.String(s)
	for _, r := range d {
		switch {
		case r == 0x304 || r == 0x305: // combining macron, overline
			flush()
			parts = append(parts, "bar")
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r):
		case r == '\'' || r == '’':
			cur.WriteByte('\'')
		case isGreek(r):
			flush()
			if name, ok := greekNames[r]; ok {
				parts = append(parts, name)
			} else if name, ok := greekNames[unicode.ToLower(r)]; ok {
				parts = append(parts, name)
			}
		case unicode.IsLetter(r) || unicode.IsNumber(r):
			if r >= utf8.RuneSelf && unicode.IsNumber(r) && !unicode.IsDigit(r) {
				// Superscripts and fractions NFKC left alone: keep digits only.
				if v := digitValue(r); v >= 0 {
					cur.WriteByte(byte('0' + v))
				}
				continue
			}
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	out := parts[:0]
	for _, p := range parts {
		if strings.Contains(p, "'") {
			p = strings.TrimSuffix(p, "'s")
			p = strings.ReplaceAll(p, "'", "")
		}
		if p == "" {
			continue
		}
		out = append(out, splitCompound(p)...)
	}
	return out
}

func digitValue(r rune) int {
	if unicode.IsDigit(r) {
		return int(r - '0')
	}
	return -1
}

// splitCompound splits ASCII maths written as one word: "alphabar" is
// "alpha bar", "epshat" is "epsilon hat".
func splitCompound(w string) []string {
	if w == "abar" {
		return []string{"alpha", "bar"} // sqrt(abar_t), as DDPM code writes it
	}
	for _, suf := range []string{"bar", "hat", "tilde"} {
		if len(w) > len(suf) && strings.HasSuffix(w, suf) {
			head := w[:len(w)-len(suf)]
			if isGreekName(head) || head == "eps" {
				return []string{head, suf}
			}
		}
	}
	return []string{w}
}

func isGreekName(s string) bool {
	for _, n := range greekNames {
		if n == s {
			return true
		}
	}
	return false
}

// infoFor computes the matching form of one word part, one-word synonyms
// of the shared thesaurus folded together.
func infoFor(w string) wordInfo {
	info := infoRaw(w)
	if !info.number {
		info.term = canonTerm(info.term)
	}
	return info
}

// infoRaw is infoFor without the thesaurus.
func infoRaw(w string) wordInfo {
	info := wordInfo{
		stop:       stopWords[w],
		fn:         functionWords[w],
		aux:        auxWords[w],
		clauseWord: clauseWords[w],
		denyStart:  denyStarters()[w],
		cls:        classOf(w),
	}
	switch {
	case strongNegations[w]:
		info.neg = negStrong
	case weakNegations[w]:
		info.neg = negWeak
	case w == "non":
		info.neg = negPrefix
	}
	if d, ok := numberWords[w]; ok {
		w = d
	}
	if syn, ok := wordSynonyms[w]; ok && syn != "" {
		w = syn
	}
	w = britishToUS(w)
	if base, ok := comparativeBases()[w]; ok {
		w = base // "higher pitch" says "high pitch"
	}
	if len(w) > 3 && w[len(w)-1] == 's' {
		if _, ok := abbreviations[w[:len(w)-1]]; ok {
			w = w[:len(w)-1] // GCNs, VLMs
		}
	}
	info.word = w
	info.lex = lexOf(w)
	info.math = mathWords[w]
	info.verb = verbForms()[w] // after US spelling: "generalise" is "generalize"
	if w != "" && isDigitByte(w[0]) {
		info.number = true
		info.term = w
		return info
	}
	if w == "means" {
		// "X means Y" is not the mean of the values.
		info.term = w
		return info
	}
	if own, ok := ownStems[w]; ok {
		info.term = own
		return info
	}
	if base, ok := irregularForms[w]; ok {
		w = base // "lost" is matched as "lose", "seen" as "see"; the word keeps its form
	}
	info.term = stem(w)
	return info
}

// ownStems gives the matching term of words whose Snowball stem is that of
// another word with another meaning: "probably" is no probability,
// "relative" no relation, "meaning" no mean, "definitely" no definition,
// "largely" nothing large, "determines" nothing deterministic, "injective"
// nothing injected.
var ownStems = map[string]string{
	"probably": "probably", "relative": "relative", "relatively": "relative",
	"meaning": "meaning", "meanings": "meaning", "definitely": "definitely", "largely": "largely",
	"determine": "determine", "determines": "determine", "determined": "determine", "determining": "determine",
	"injective": "injective", "injectivity": "injective", // not "inject"
	// Snowball undoubles the dd of "stuffed" ("stuf"). "added" and
	// "adding" stay "ad", apart from "add": "the added noise" the network
	// predicts is not the forward process that "adds noise", nor is
	// "adding more inputs" a residual that adds the input.
	"stuffed": "stuff", "stuffing": "stuff",
}

// stem returns the Snowball (Porter2) English stem of a word.
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	return english.Stem(w, true)
}

// britishToUS rewrites British spellings to US ones: neighbour → neighbor,
// normalise → normalize, normalisation → normalization, analyse → analyze,
// centre → center. Snowball already maps modelling and modeling together.
func britishToUS(w string) string {
	if us, ok := spellingWords[w]; ok {
		return us
	}
	// the plural or third person of a listed word: analogues → analogs
	if base, ok := strings.CutSuffix(w, "s"); ok && !strings.HasSuffix(base, "s") {
		if us, ok := spellingWords[base]; ok && !strings.HasSuffix(us, "s") {
			return us + "s"
		}
	}
	for _, root := range ourRoots {
		if strings.HasPrefix(w, root) {
			return root[:len(root)-3] + "or" + w[len(root):]
		}
	}
	if i := strings.Index(w, "isation"); i > 2 {
		return w[:i] + "ization" + w[i+len("isation"):]
	}
	for _, suf := range [...]string{"ise", "ised", "ises", "ising", "iser", "isers"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 {
			base := w[:len(w)-len(suf)] + "ise"
			if iseExceptions[base] || strings.HasSuffix(base, "wise") {
				return w
			}
			return w[:len(w)-len(suf)] + "iz" + suf[2:] // normalising → normalizing
		}
	}
	for _, suf := range [...]string{"yse", "ysed", "yses", "ysing"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 3 && w != "yses" {
			return w[:len(w)-len(suf)] + "yz" + suf[2:] // analysing → analyzing
		}
	}
	if rest, ok := strings.CutPrefix(w, "sulph"); ok {
		return "sulf" + rest // sulphur, sulphate, sulphuric → sulfur, sulfate, sulfuric
	}
	switch w {
	case "centre", "fibre", "litre", "theatre", "spectre", "calibre", "meagre", "sombre":
		return w[:len(w)-2] + "er"
	case "centres", "fibres", "litres", "theatres":
		return w[:len(w)-3] + "ers"
	case "centred":
		return "centered"
	}
	return w
}
