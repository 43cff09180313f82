package grading

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"grill/decks"
	texmath "grill/tex"
)

// KeyPoints returns the key points a card is graded on: its curated ones,
// or, when it has none, key points derived from its reference answer.
//
// Derived key points come from what a reference answer emphasises: bold
// terms, the lead phrases of list items ("**Aggregate**: combine neighbour
// messages" gives "Aggregate" and "combine neighbour messages"), formulas
// (rendered to readable Unicode for the label; their parts become
// phrasings) and, when those are too few, noun phrases the answer repeats.
// Words that merely repeat the question give no credit: they are removed
// from phrasings, and a candidate made only of them is dropped, as are
// section labels such as "Example" or "Pros". Between 3 and 7 points are
// kept (fewer only when the answer is too short to give 3), in the order
// they appear in the answer, each with weight 1.
func KeyPoints(card *decks.Card) []decks.KeyPoint {
	if len(card.KeyPoints) > 0 {
		return card.KeyPoints
	}
	return deriveKeyPoints(card.Question, card.Answer)
}

const (
	minAutoPoints = 3
	maxAutoPoints = 7
	maxLabelLen   = 60
)

// candidate is a possible derived key point.
type candidate struct {
	label     string   // readable text
	phrasings []string // what counts as covering it
	terms     []string // content terms, for de-duplication
	score     float64
	pos       int    // order of appearance
	subject   string // the compared subject heading it, if any
}

var (
	boldRe     = regexp.MustCompile(`\*\*([^*\n]+?)\*\*|__([^_\n]+?)__`)
	listRe     = regexp.MustCompile(`^\s{0,8}(?:[-*+]|\d{1,3}[.)])\s+(.*)$`)
	displayRe  = regexp.MustCompile(`(?s)\$\$(.+?)\$\$`)
	inlineRe   = regexp.MustCompile(`\$([^$\n]+?)\$`)
	linkRe     = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	markRe     = regexp.MustCompile("[*_`#>]+")
	emojiRe    = regexp.MustCompile(`[✅❌✓✗⚠️]`)
	leadSepRe  = regexp.MustCompile(`^(.{1,80}?)(?::|\s[—–-]\s)\s*(.*)$`)
	citationRe = regexp.MustCompile(`\bet al\b|^[A-Z][\pL'-]+(?:,? (?:and|&) [A-Z][\pL'-]+)?,? (?:19|20)\d\d[a-z]?$`)
	clauseSepR = regexp.MustCompile(`[,;()]|\s[—–-]\s|\.\s`)
)

// sectionWords are bold labels that name a part of an answer rather than a
// point of it.
var sectionWords = setOf(`example examples intuition framework formula formulas pros cons use uses note notes result results
evidence goal effect effects interpretation where trade off tradeoff key difference differences why how what analogy
alternative alternatives architecture components training method methods advantage advantages impact problem problems
solution solutions derivation overlap trend choice core paradigm idea summary definition answer question step steps
exception exceptions requirement requirements standard start contrast happen happens add work works
approach approaches overview context background important insight insights main output input loss
layer step stage phase level option case type version item point pitfall pitfalls caveat caveats limitation limitations`)

// deriveKeyPoints extracts key points from a reference answer.
func deriveKeyPoints(question, answer string) []decks.KeyPoint {
	qTerms := map[string]bool{}
	for _, t := range tokenize(question) {
		qTerms[t.term] = true
		for _, exp := range abbreviations[t.word] {
			for _, et := range tokenize(exp) {
				qTerms[et.term] = true
			}
		}
	}
	var cands []candidate
	pos := 0
	heading := "" // a compared subject heading the lines below: "**GraphSAGE**:"
	add := func(text string, score float64) {
		pos++
		if c, ok := makeCandidate(text, qTerms, score, pos); ok {
			if heading != "" {
				c.label = readableLabel(heading + ": " + c.label)
				c.subject = heading
			}
			cands = append(cands, c)
		}
	}
	inFence := false
	formulas := 0
	freq := termFrequencies(answer)
	for _, line := range strings.Split(answer, "\n") {
		trim := strings.TrimSpace(line)
		if strings.HasPrefix(trim, "```") || strings.HasPrefix(trim, "~~~") {
			inFence = !inFence
			continue
		}
		if inFence || trim == "" {
			continue
		}
		for _, m := range displayRe.FindAllStringSubmatch(trim, -1) {
			if formulas < 1 {
				if c, ok := formulaCandidate(m[1], qTerms, pos); ok {
					cands = append(cands, c)
					formulas++
				}
			}
		}
		item := false
		if m := listRe.FindStringSubmatch(line); m != nil {
			item = true
			trim = m[1]
		}
		// Bold text: a lead label ("**Update**: ...") or emphasis inside text.
		lead := ""
		if m := boldRe.FindStringSubmatchIndex(trim); m != nil && m[0] == 0 {
			lead = firstGroup(trim, m)
			if !item {
				heading = ""
				if subjectName(lead, qTerms) {
					heading = plain(lead)
				}
			}
			rest := strings.TrimSpace(trim[m[1]:])
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "—") || rest == "" {
				value := strings.TrimSpace(strings.TrimLeft(rest, ":—"))
				if !strings.Contains(lead, "$") && (item || value != "" && !isSectionLabel(lead, qTerms)) {
					add(lead, 2.5)
				}
				trim = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
			} else {
				lead = ""
			}
		}
		for _, m := range boldRe.FindAllStringSubmatchIndex(trim, -1) {
			add(firstGroup(trim, m), 3)
		}
		if item && lead == "" {
			if m := leadSepRe.FindStringSubmatch(trim); m != nil && len(strings.Fields(m[1])) <= 6 {
				if !strings.Contains(m[1], "$") {
					add(m[1], 2)
				}
				trim = m[2]
			}
		}
		// The text of list items and short lead values, clause by clause.
		if item || lead != "" {
			for _, part := range clauseSepR.Split(plain(inlineRe.ReplaceAllString(trim, " ")), -1) {
				if n := len(strings.Fields(part)); n >= 2 && n <= 7 {
					add(part, 1+salience(part, freq, qTerms))
				}
			}
		}
	}
	for _, m := range inlineRe.FindAllStringSubmatch(displayRe.ReplaceAllString(answer, ""), -1) {
		if formulas >= 1 {
			break
		}
		if c, ok := formulaCandidate(m[1], qTerms, pos); ok && len(c.terms) >= 3 {
			cands = append(cands, c)
			formulas++
		}
	}
	prose := len(cands) == 0 && shortProse(answer)
	if prose {
		// A short answer in plain sentences: each sentence is a point,
		// said as the reference says it ("The circuit is not complete").
		for _, sentence := range proseSentences(answer) {
			add(sentence, 2)
		}
	}
	salient := len(cands) < minAutoPoints && !prose
	if salient {
		for _, p := range salientPhrases(answer, freq, qTerms) {
			add(p, 0.5+salience(p, freq, qTerms))
		}
	}
	kps := selectCandidates(cands)
	if prose {
		kps = kps[:0] // every sentence, even where two share a word
		for _, c := range cands {
			kps = append(kps, decks.KeyPoint{Label: c.label, Phrasings: c.phrasings, Weight: 1})
		}
	}
	if len(kps) < minAutoPoints && !salient && !prose {
		// The emphasised phrases repeat each other: add what the answer repeats.
		heading = ""
		for _, p := range salientPhrases(answer, freq, qTerms) {
			add(p, 0.5+salience(p, freq, qTerms))
		}
		kps = selectCandidates(cands)
	}
	if len(kps) == 0 {
		// Never a card with none: the reference's first sentence, its own
		// words allowed even where they repeat the question.
		first := plain(answer)
		if i := strings.IndexAny(first, ".!?\n"); i > 0 {
			first = first[:i]
		}
		if c, ok := makeCandidate(first, nil, 1, 1); ok {
			kps = []decks.KeyPoint{{Label: c.label, Phrasings: c.phrasings, Weight: 1}}
		}
	}
	return kps
}

// maxProseWords is the most words a reference may have for its sentences
// to be its derived key points (shortProse).
const maxProseWords = 45

// shortProse reports whether a reference answer is a few plain sentences:
// no emphasis, list, formula or code, at most maxProseWords words and
// maxAutoPoints sentences.
func shortProse(answer string) bool {
	if strings.ContainsAny(answer, "*_`$#|\n") && (boldRe.MatchString(answer) || strings.ContainsAny(answer, "`$#|") ||
		slices.ContainsFunc(strings.Split(answer, "\n"), listRe.MatchString)) {
		return false
	}
	return len(strings.Fields(answer)) <= maxProseWords && len(proseSentences(answer)) <= maxAutoPoints
}

// proseSentences splits a plain answer into its sentences, at ". ", "! ",
// "? " and "; ".
func proseSentences(answer string) []string {
	var out []string
	for _, s := range sentenceEndRe.Split(strings.TrimSpace(answer), -1) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

var sentenceEndRe = regexp.MustCompile(`[.!?;]+(?:\s+|$)`)

// allMaths reports whether a phrase is only notation: single letters,
// numbers, Greek letters and symbols ("x_0", "β_t", "∅").
func allMaths(toks []token) bool {
	for _, t := range toks {
		if !t.number && len(t.word) > 1 && !mathWords[t.word] {
			return false
		}
	}
	return true
}

// relativeWords open a clause that only qualifies what came before.
var relativeWords = setOf(`where which whose whom`)

// subjectName reports whether a bold lead names a subject of the question
// ("**GCN**" for "Explain GCN, GraphSAGE, and GAT").
func subjectName(lead string, qTerms map[string]bool) bool {
	toks := tokenize(lead)
	if len(toks) == 0 || len(toks) > 3 || isSectionLabel(lead, nil) {
		return false // "**Pitfalls.**" heads a part of the answer, not a subject
	}
	for _, t := range toks {
		if !t.fn && !qTerms[t.term] {
			return false
		}
	}
	return true
}

func firstGroup(s string, m []int) string {
	if m[2] >= 0 {
		return s[m[2]:m[3]]
	}
	return s[m[4]:m[5]]
}

func isSectionLabel(s string, qTerms map[string]bool) bool {
	for _, t := range tokenize(s) {
		if !t.fn && !t.number && !sectionWords[t.word] && !sectionWords[t.term] && !qTerms[t.term] {
			return false
		}
	}
	return true
}

// plain strips Markdown emphasis, links and check marks and renders LaTeX.
func plain(s string) string {
	s = texmath.RenderMath(s)
	s = linkRe.ReplaceAllString(s, "$1")
	s = markRe.ReplaceAllString(s, "")
	s = emojiRe.ReplaceAllString(s, "")
	return strings.Join(strings.Fields(s), " ")
}

// makeCandidate turns a phrase into a candidate key point: its content words
// minus the question's are the phrasing.
func makeCandidate(text string, qTerms map[string]bool, score float64, pos int) (candidate, bool) {
	text = strings.Trim(plain(text), " :.,;-—")
	if text == "" || isSectionLabel(text, qTerms) {
		return candidate{}, false
	}
	if first, _, _ := strings.Cut(strings.ToLower(text), " "); relativeWords[first] {
		return candidate{}, false // "where α are attention weights": the tail of a formula
	}
	if citationRe.MatchString(text) {
		return candidate{}, false // "Hessel et al., 2021" names a source, not a point
	}
	toks := tokenize(text)
	var words, terms []string
	prevKept := -2
	lastStart := 0 // byte start of the last entry of words
	negNext := false
	for i, t := range toks {
		if t.neg == negStrong && !shortScopeFree(toks, i) {
			negNext = true // "a node that has no children": keep the "no"
			continue
		}
		if t.stop || t.neg != negNone && t.neg != negPrefix || qTerms[t.term] || t.number && len(toks) == 1 {
			continue
		}
		if len(t.word) < 2 && !t.tightPrev && !t.number {
			continue
		}
		// Keep words written as one ("end-to-end", "x_0", "ᾱ") as written.
		attached := prevKept >= 0 && len(words) > 0
		for k := prevKept + 1; attached && k <= i; k++ {
			attached = toks[k].wordPrev
		}
		if attached {
			words[len(words)-1] = text[lastStart:t.end]
		} else {
			w := text[t.start:t.end]
			if negNext {
				w = "no " + w
			}
			words = append(words, w)
			lastStart = t.start
		}
		negNext = false
		terms = append(terms, t.term)
		prevKept = i
	}
	if len(words) == 0 || allMaths(toks) {
		return candidate{}, false
	}
	c := candidate{label: readableLabel(text), terms: terms, score: score, pos: pos}
	if len(words) <= 2 {
		c.phrasings = append(c.phrasings, strings.Join(words, " "))
	} else {
		// Neighbouring pairs of its content words: any one says the point.
		for i := 0; i+1 < len(words) && i < 4; i++ {
			c.phrasings = append(c.phrasings, words[i]+" "+words[i+1])
		}
	}
	return c, true
}

// shortScopeFree reports whether the negation at token i negates nothing
// in its phrase ("not only").
func shortScopeFree(toks []token, i int) bool {
	return toks[i].word == "not" && i+1 < len(toks) && negationExemptNext[toks[i+1].word]
}

// formulaCandidate makes a key point of a formula: the label shows it in
// Unicode, the phrasings are its terms between = + − and commas.
func formulaCandidate(tex string, qTerms map[string]bool, pos int) (candidate, bool) {
	u := texmath.MathToUnicode(tex)
	var phrasings, terms []string
	depth := 0
	start := 0
	pieces := []string{}
	for i, r := range u {
		switch r {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '=', '+', '−', ',', '≈', '~', '∼':
			if depth <= 0 {
				pieces = append(pieces, u[start:i])
				start = i + utf8.RuneLen(r)
			}
		}
	}
	pieces = append(pieces, u[start:])
	for _, p := range pieces {
		var named, all int
		for _, t := range tokenize(p) {
			if t.stop {
				continue
			}
			all++
			if len(t.word) > 1 && !t.number {
				named++
				terms = append(terms, t.term)
			}
		}
		if named >= 1 && all >= 2 && all <= 6 {
			phrasings = append(phrasings, strings.TrimSpace(p))
		}
	}
	if len(phrasings) == 0 || len(terms) == 0 {
		return candidate{}, false
	}
	return candidate{label: readableLabel("Formula: " + u), phrasings: phrasings, terms: terms, score: 1.5, pos: pos}, true
}

// readableLabel trims a label to maxLabelLen at a word boundary and
// capitalises it.
func readableLabel(s string) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > maxLabelLen {
		rs := []rune(s)[:maxLabelLen]
		cut := string(rs)
		if i := strings.LastIndexByte(cut, ' '); i > maxLabelLen/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,;:") + "…"
	}
	r, n := utf8.DecodeRuneInString(s)
	if r < 'a' || r > 'z' {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// termFrequencies counts content terms of a text.
func termFrequencies(text string) map[string]int {
	f := map[string]int{}
	for _, t := range tokenize(plain(text)) {
		if !t.fn && !t.number && len(t.word) > 2 {
			f[t.term]++
		}
	}
	return f
}

// salience scores a phrase by how often the answer uses its words, ignoring
// the question's words; 0..1.
func salience(s string, freq map[string]int, qTerms map[string]bool) float64 {
	total, n := 0, 0
	for _, t := range tokenize(s) {
		if t.fn || qTerms[t.term] {
			continue
		}
		n++
		total += min(freq[t.term], 4)
	}
	if n == 0 {
		return 0
	}
	return float64(total) / float64(4*n)
}

// salientPhrases returns two- and three-word runs of content words that the
// answer uses, most frequent words first.
func salientPhrases(answer string, freq map[string]int, qTerms map[string]bool) []string {
	type phrase struct {
		text  string
		score int
		pos   int
	}
	var out []phrase
	seen := map[string]bool{}
	toks := tokenize(plain(answer))
	for i := 0; i < len(toks); i++ {
		var words []string
		score := 0
		for j := i; j < len(toks) && j < i+3; j++ {
			t := toks[j]
			if t.fn || t.number || len(t.word) < 3 || qTerms[t.term] || j > i && t.clause != toks[i].clause {
				break
			}
			words = append(words, t.word)
			score += freq[t.term]
		}
		if len(words) == 0 {
			continue
		}
		key := strings.Join(words, " ")
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, phrase{key, score, i})
	}
	slices.SortStableFunc(out, func(a, b phrase) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.pos, b.pos)) })
	var res []string
	for _, p := range out[:min(len(out), 3*maxAutoPoints)] { // more than kept: some repeat each other
		res = append(res, p.text)
	}
	return res
}

// selectCandidates keeps the best 3–7 candidates that do not repeat each
// other, in answer order.
func selectCandidates(cands []candidate) []decks.KeyPoint {
	order := slices.Clone(cands)
	slices.SortStableFunc(order, func(a, b candidate) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.pos, b.pos))
	})
	var kept []candidate
	// In a comparison, each compared subject first gets its best point.
	seenSubject := map[string]bool{}
	for _, c := range order {
		if c.subject != "" && !seenSubject[c.subject] && len(kept) < maxAutoPoints {
			seenSubject[c.subject] = true
			kept = append(kept, c)
		}
	}
	for _, c := range order {
		if slices.ContainsFunc(kept, func(k candidate) bool { return k.pos == c.pos && k.label == c.label }) {
			continue
		}
		if len(kept) == maxAutoPoints {
			break
		}
		if len(kept) >= minAutoPoints && c.score < 1.5 {
			break
		}
		dup := false
		for _, k := range kept {
			if overlap(c.terms, k.terms) >= 0.5 || strings.EqualFold(c.label, k.label) {
				dup = true
				break
			}
		}
		if !dup {
			kept = append(kept, c)
		}
	}
	slices.SortStableFunc(kept, func(a, b candidate) int { return cmp.Compare(a.pos, b.pos) })
	out := make([]decks.KeyPoint, 0, len(kept))
	for _, c := range kept {
		out = append(out, decks.KeyPoint{Label: c.label, Phrasings: c.phrasings, Weight: 1})
	}
	return out
}

// overlap is the share of the shorter term list found in the other.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for _, t := range a {
		if slices.Contains(b, t) {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
