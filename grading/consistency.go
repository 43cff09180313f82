package grading

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"grill/decks"
)

// Consistency of a named point with what the answer says of it.
//
// A fluent wrong answer names the right things and says something else of
// them. Matching finds the name; these checks read what the clause around
// it says, and take the cover back where it disagrees with the card:
//
//   - A wrong quantity. A point whose label states a number ("DDIM 10–50×
//     faster", "256 bins per dimension") is not covered by a clause that
//     gives a number of its own, written in digits, that the card nowhere
//     gives and that lies outside the label's range: "the speed-up is about
//     2×" names the speed-up and gets its size wrong.
//   - A name read as a word. A word the card writes in capitals as a name
//     ("FAST" tokenization) is not the ordinary word of a point's phrasing
//     ("trains faster"): an answer's "FAST goes further: it trains" says
//     nothing of training speed.
//   - A word read as a name. A one-word phrasing written as a name
//     ("RotatE") is not matched by an ordinary word that shares its stem
//     ("a rotation-free scaling").
//   - A limitation said to be no limitation. A point that states a failure
//     ("Fails on regular graphs", "Reflections: blind to chirality") is
//     contradicted when each clause naming it calls the case easy or fine
//     ("regular graphs are actually the easy case", "one-to-many relations
//     are fine"), a strength ("its strength is symmetric relations"), or
//     says the model tells it apart ("it tells mirror-image molecules
//     apart").
//   - The other direction. A point whose phrasings move toward something
//     ("toward the conditional") or away from it ("away from
//     unconditional") is not covered by a clause that moves the other way
//     ("away from the conditional output towards the unconditional one").
//   - A comparison turned round. Where the reference compares ("classification
//     is more stable than regression"), a point that uses the comparison's
//     adjective is not covered in a sentence that says the adjective of
//     the loser ("continuous regression is the stable option, the one that
//     captures multimodal action distributions").
//   - A point taken away. A verb of removal before or after a positive
//     point's words ("it removed the wrist camera and proprioception", "the
//     wrist camera was dropped") says the method does without it; only a
//     point about an absence ("no teacher") is covered so (removal.go).
//   - Roles swapped between sibling points. A point named only by words
//     of its own label ("wrist camera" for "Wrist camera for fine
//     manipulation") is not covered by a clause that says two or more
//     words of a sibling point's label (one sharing a word with it: "Third-
//     person camera for scene context") and none of its own: "the wrist
//     camera gives the scene context".
//
// Each check only takes evidence away; a point keeps its cover when another
// of its spans is not in question.

// cardFacts is what the consistency checks need of a card, compiled with
// its matcher.
type cardFacts struct {
	numbers []float64       // every number the card's reference answers, labels and phrasings give
	names   map[string]bool // words the card writes in capitals as names ("fast" for FAST), lower case
	// per key point: the numbers of its label (a quantity point has some),
	// and whether its label or phrasings write a name in capitals.
	labelNums [][]float64
	capsIn    []map[string]bool
	limit     []bool // the point states a limitation (isLimitation)
	// nameOnly: per key point, the terms of its one-word phrasings written
	// as a name with a capital inside ("RotatE"), mapped to the name in
	// lower case, that no other one-word phrasing of it gives.
	nameOnly []map[string]string
	// toward, away: per key point, the terms its phrasings move toward
	// ("toward the conditional") and away from ("away from unconditional").
	toward, away []map[string]bool
	// comparisons the reference makes ("classification more stable than
	// regression"), and per key point whether its label or phrasings use
	// each one's adjective.
	comps   []comparison
	compUse [][]bool
	// labelOwn, labelAll: per key point, the content terms of its label
	// that no other label uses, and all of them; sibling: the points whose
	// label shares a term with it and has terms of its own (roleSwapped)
	labelOwn, labelAll []map[string]bool
	sibling            [][]int
}

// comparison is "winner <adjective>-er than loser", by terms.
type comparison struct {
	adj, winner, loser string
}

// compileFacts gathers a card's numbers and capitalised names.
func compileFacts(card *decks.Card) *cardFacts {
	f := &cardFacts{names: map[string]bool{}}
	texts := []string{plain(card.Answer), card.Question}
	for _, alt := range card.AlsoAccepted {
		texts = append(texts, plain(alt))
	}
	for _, kp := range card.KeyPoints {
		texts = append(texts, kp.Label)
		texts = append(texts, kp.Phrasings...)
	}
	for _, t := range texts {
		f.numbers = append(f.numbers, numberValues(t, tokenize(t), false)...)
	}
	for _, t := range []string{card.Question, plain(card.Answer)} {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
			if lw := strings.ToLower(w); capsName(w) && commonWords[lw] && abbreviations[lw] == nil {
				f.names[lw] = true // FAST, not MLP
			}
		}
	}
	for _, alt := range append([]string{plain(card.Answer)}, card.AlsoAccepted...) {
		f.comps = append(f.comps, comparisonsIn(tokenize(plain(alt)))...)
	}
	f.labelOwn, f.labelAll = labelTerms(card.KeyPoints)
	f.sibling = make([][]int, len(card.KeyPoints))
	for i := range f.sibling {
		for j := range f.sibling {
			if j != i && len(f.labelOwn[j]) > 0 && siblings(f.labelAll[i], f.labelAll[j]) {
				f.sibling[i] = append(f.sibling[i], j)
			}
		}
	}
	for _, kp := range card.KeyPoints {
		f.labelNums = append(f.labelNums, numberValues(kp.Label, tokenize(kp.Label), true))
		caps := map[string]bool{}
		for _, t := range append([]string{kp.Label}, kp.Phrasings...) {
			for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }) {
				if capsName(w) {
					caps[strings.ToLower(w)] = true
				}
			}
		}
		f.capsIn = append(f.capsIn, caps)
		f.limit = append(f.limit, isLimitation(kp.Label))
		f.nameOnly = append(f.nameOnly, namePhrasings(kp.Phrasings))
		to, from := directions(append([]string{kp.Label}, kp.Phrasings...))
		f.toward, f.away = append(f.toward, to), append(f.away, from)
		use := make([]bool, len(f.comps))
		for _, t := range append([]string{kp.Label}, kp.Phrasings...) {
			for _, tk := range tokenize(t) {
				for c := range f.comps {
					if tk.term == f.comps[c].adj {
						use[c] = true
					}
				}
			}
		}
		f.compUse = append(f.compUse, use)
	}
	return f
}

// capsName reports whether a written word is a name in capitals: three or
// more letters, all upper case ("FAST", not "GNNs").
func capsName(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// numberValues returns the values of the numbers of text (tokenized as
// toks): a run of number tokens joined tightly is one decimal ("0.02"), a
// trailing "x" of a factor is dropped ("2×"), and "3x3" gives 3 and 3. With
// digits set, only numbers written in digits count ("one" does not), and not
// those written tight against a word (the 1 of x_{t-1}).
func numberValues(text string, toks []token, digits bool) []float64 {
	var out []float64
	for i := 0; i < len(toks); i++ {
		if !toks[i].number {
			continue
		}
		j := i
		w := toks[i].word
		for j+1 < len(toks) && toks[j+1].number && toks[j+1].tightPrev {
			j++
			w += "." + toks[j].word
		}
		first := i
		i = j
		if digits && (toks[first].start >= len(text) || text[toks[first].start] < '0' || text[toks[first].start] > '9' ||
			first > 0 && !toks[first-1].number && attached(text, toks[first-1], toks[first])) {
			continue // "x_{t-1}", "T−1": an index, not a quantity
		}
		for _, p := range strings.Split(strings.TrimSuffix(w, "x"), "x") {
			if v, err := strconv.ParseFloat(p, 64); err == nil {
				out = append(out, v)
			}
		}
	}
	return out
}

// attached reports whether token b follows token a with no space between
// them.
func attached(text string, a, b token) bool {
	if a.end > b.start || b.start > len(text) {
		return true
	}
	return !strings.ContainsAny(text[a.end:b.start], " \t\n")
}

// checkConsistency takes back the covers the checks above dispute. It is
// called on a card with curated key points, after matching.
func checkConsistency(m *cardMatcher, a *analysis, answer string, points []PointResult) {
	f := m.facts
	if f == nil {
		return
	}
	for i := range points {
		p := &points[i]
		if !p.Covered || len(p.Spans) == 0 || i >= len(f.labelNums) {
			continue
		}
		disputed := func(sp Span) bool {
			return len(f.labelNums[i]) > 0 && a.wrongQuantity(answer, sp, f.labelNums[i], f.numbers) ||
				a.nameAsWord(answer, sp, f.names, f.capsIn[i]) ||
				len(f.nameOnly[i]) > 0 && a.wordForName(answer, sp, f.nameOnly[i]) ||
				(len(f.toward[i]) > 0 || len(f.away[i]) > 0) && a.otherDirection(sp, f.toward[i], f.away[i]) ||
				len(f.comps) > 0 && a.reversedComparison(sp, f.comps, f.compUse[i]) ||
				!m.aboutAbsence(i) && a.removedSpan(sp) ||
				len(f.sibling[i]) > 0 && a.roleSwapped(sp, i, f.sibling[i], f.labelOwn, f.labelAll)
		}
		if slices.ContainsFunc(p.Spans, disputed) {
			kept := p.Spans[:0:0]
			for _, sp := range p.Spans {
				if !disputed(sp) {
					kept = append(kept, sp)
				}
			}
			if len(kept) == 0 {
				p.Covered, p.Spans = false, nil
				continue
			}
			p.Spans = kept
		}
		if f.limit[i] && a.limitationEasyAll(p.Spans) {
			p.Covered, p.Contradicted, p.Evidence = false, true, p.Spans
		}
	}
}

// spanTokens returns the first and last token of span sp, or -1, -1.
func (a *analysis) spanTokens(sp Span) (int, int) {
	// Tokens are in text order: the first at or after sp.Start, then on
	// while they end inside the span.
	k := firstTokenFrom(a.toks, sp.Start)
	lo, hi := -1, -1
	for ; k < len(a.toks) && a.toks[k].start < sp.End; k++ {
		if a.toks[k].end <= sp.End {
			if lo < 0 {
				lo = k
			}
			hi = k
		}
	}
	return lo, hi
}

// wrongQuantity reports whether the clause of span sp gives a number in
// digits that the card does not give and that lies outside the range of
// the point's label numbers.
func (a *analysis) wrongQuantity(answer string, sp Span, label, card []float64) bool {
	lo, hi := a.spanTokens(sp)
	if lo < 0 {
		return false
	}
	s, e := lo, hi
	for s > 0 && a.toks[s-1].clause == a.toks[lo].clause {
		s--
	}
	for e+1 < len(a.toks) && a.toks[e+1].clause == a.toks[hi].clause {
		e++
	}
	minL, maxL := label[0], label[0]
	for _, v := range label {
		minL, maxL = min(minL, v), max(maxL, v)
	}
	for _, v := range numberValues(answer, a.toks[s:e+1], true) {
		if v >= minL && v <= maxL {
			continue
		}
		known := false
		for _, c := range card {
			if c == v {
				known = true
				break
			}
		}
		if !known {
			return true
		}
	}
	return false
}

// nameAsWord reports whether span sp holds a word written in capitals that
// the card uses as a name, when the point's own label and phrasings never
// write it so: the name is read as the ordinary word.
func (a *analysis) nameAsWord(answer string, sp Span, names, caps map[string]bool) bool {
	if len(names) == 0 {
		return false
	}
	for k := range a.toks {
		t := &a.toks[k]
		if t.start < sp.Start || t.end > sp.End || t.end > len(answer) {
			continue
		}
		w := answer[t.start:t.end]
		if capsName(w) && names[strings.ToLower(w)] && !caps[strings.ToLower(w)] && !a.wordAlso(answer, sp, k) {
			return true
		}
	}
	return false
}

// wordAlso reports whether span sp holds, besides the name at token k, the
// same term written as a word: "FAST trained 5x faster" says "faster".
func (a *analysis) wordAlso(answer string, sp Span, k int) bool {
	for j := range a.toks {
		t := &a.toks[j]
		if j != k && t.start >= sp.Start && t.end <= sp.End && t.term == a.toks[k].term && !capsName(answer[t.start:t.end]) {
			return true
		}
	}
	return false
}

// strengthWords, at most four words from the name of a limitation in its
// clause, say it is no limitation but easy or a strength: "regular graphs
// are the easy case", "its strength is symmetric relations", "long-horizon
// tasks work well". "fine" says so only as a predicate ("one-to-many
// relations are fine", not "fine manipulation").
var strengthWords = setOf(`strength strengths strong strongest good great excellent excels excel well natural naturally
ideal suited easy easier easiest easily trivial trivially straightforward unproblematic`)

// strengthAdverbs, in the predicate of a limitation's name, say it is
// handled without fault: "symmetric relations are modelled perfectly".
var strengthAdverbs = setOf(`perfectly flawlessly effortlessly seamlessly`)

// tellWords before the name, with "apart" after it, say the model tells
// the cases apart ("it tells mirror images apart"); distinguishWords say so
// alone ("it distinguishes enantiomers").
var (
	tellWords        = setOf(`tells tell told`)
	distinguishWords = setOf(`distinguishes distinguish distinguished`)
)

// limitationEasyAll reports whether every span of a limitation point is in
// a clause that calls it easy or says it is told apart, not negated.
func (a *analysis) limitationEasyAll(spans []Span) bool {
	for _, sp := range spans {
		lo, hi := a.spanTokens(sp)
		if lo < 0 || !a.limitationEasy(lo, hi) {
			return false
		}
	}
	return true
}

// limitationEasy reports whether the match on tokens lo..hi is said to be
// easy or a strength (a strength word at most four words from it in its
// clause) or told apart (a telling verb at most three words before it,
// "apart" after it), with no negation, denial, weakness or limitation word
// in the clause.
func (a *analysis) limitationEasy(lo, hi int) bool {
	toks := a.toks
	c := toks[lo].clause
	s, e := lo, hi
	for s > 0 && toks[s-1].clause == c {
		s--
	}
	for e+1 < len(toks) && toks[e+1].clause == toks[hi].clause {
		e++
	}
	for q := s; q <= e; q++ {
		if toks[q].neg != negNone || a.deny[q] != 0 || weakWords[toks[q].word] || limitationWords[toks[q].word] {
			return false
		}
	}
	for q := hi + 1; q <= e; q++ {
		if q <= hi+4 && (strengthWords[toks[q].word] || toks[q].word == "fine" && predicative(toks, q, hi)) {
			return true
		}
		// "symmetric relations such as married_to are modelled
		// perfectly": the predicate of the clause the name is subject of.
		if (strengthWords[toks[q].word] || strengthAdverbs[toks[q].word]) && predicative(toks, q, hi) {
			return true
		}
	}
	for q := lo - 1; q >= s && q >= lo-4; q-- {
		if strengthWords[toks[q].word] {
			return true
		}
	}
	told := false
	for q := lo - 1; q >= s && q >= lo-3; q-- {
		if distinguishWords[toks[q].word] {
			return true
		}
		if tellWords[toks[q].word] {
			told = true
		}
	}
	if told {
		for q := hi + 1; q <= e; q++ {
			if toks[q].word == "apart" {
				return true
			}
		}
	}
	return false
}

// listedIntoWrong reports whether the evidence sp stands in a list of
// terms that is the subject of an asserted wrong claim: its clause, and
// every clause after it up to the one where the wrong span starts, in one
// sentence, relate nothing ("So the perception, planning and control
// modules are all kept": the "and" joins names, not claims).
func listedIntoWrong(toks []token, sp Span, wrong []Span) bool {
	lo := -1
	for k := range toks {
		if toks[k].start >= sp.Start && toks[k].end <= sp.End {
			lo = k
			break
		}
	}
	if lo < 0 {
		return false
	}
	for _, q := range wrong {
		if q.Start < sp.End {
			continue
		}
		w := -1
		for k := lo; k < len(toks); k++ {
			if toks[k].start >= q.Start {
				w = k
				break
			}
		}
		if w < 0 || toks[w].sent != toks[lo].sent || toks[w].clause == toks[lo].clause {
			continue
		}
		ok := true
		for s := lo; s < len(toks) && toks[s].clause < toks[w].clause && ok; {
			b := s
			for b > 0 && toks[b-1].clause == toks[s].clause {
				b--
			}
			e := s
			for e < len(toks) && toks[e].clause == toks[s].clause {
				e++
			}
			if clauseHasPredicate(toks[b:e]) {
				ok = false
			}
			s = e
		}
		if ok {
			return true
		}
	}
	return false
}

// namePhrasings returns, for the one-word phrasings written as a name with
// a capital inside ("RotatE", "DistMult"), their term mapped to the name in
// lower case, unless another one-word phrasing gives the same term.
func namePhrasings(phrasings []string) map[string]string {
	var out map[string]string
	plain := map[string]bool{}
	for _, p := range phrasings {
		toks := tokenize(p)
		if len(toks) != 1 || strings.ContainsAny(p, " -_") {
			continue
		}
		if innerCapital(p) {
			if out == nil {
				out = map[string]string{}
			}
			out[toks[0].term] = strings.ToLower(p)
		} else {
			plain[toks[0].term] = true
		}
	}
	for t := range out {
		if plain[t] {
			delete(out, t)
		}
	}
	return out
}

// innerCapital reports whether a word has a capital letter after a lower
// case one ("RotatE", "DistMult", "GraphSAGE"), as a name does.
func innerCapital(w string) bool {
	lower := false
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			lower = true
		case unicode.IsUpper(r) && lower:
			return true
		}
	}
	return false
}

// wordForName reports whether span sp is one word that shares its term with
// a name the point gives ("rotation" for RotatE) without being that name.
func (a *analysis) wordForName(answer string, sp Span, names map[string]string) bool {
	lo, hi := a.spanTokens(sp)
	if lo < 0 || hi != lo {
		return false
	}
	t := &a.toks[lo]
	name, ok := names[t.term]
	return ok && t.end <= len(answer) && strings.ToLower(answer[t.start:t.end]) != name
}

// predicative reports whether the word at q follows a copula, with at most
// one word between, after token from: "one-to-many relations are fine",
// "they are perfectly fine", not "fine manipulation".
func predicative(toks []token, q, from int) bool {
	for k := q - 1; k > from && k >= q-2; k-- {
		switch toks[k].word {
		case "is", "are", "was", "were", "be", "s", "remain", "remains":
			return true
		}
	}
	return false
}

// directedTerm returns the first content term after token k within its
// clause ("toward the conditional" gives conditional), or "".
func directedTerm(toks []token, k int) string {
	for q := k; q < len(toks) && q <= k+3 && toks[q].clause == toks[k-1].clause; q++ {
		if !toks[q].stop && !toks[q].fn {
			return toks[q].term
		}
	}
	return ""
}

// directionAt reports the direction word at token k: +1 for "toward(s)",
// -1 for "away from", with the index of the word after it.
func directionAt(toks []token, k int) (int, int) {
	switch {
	case toks[k].word == "toward" || toks[k].word == "towards":
		return 1, k + 1
	case toks[k].word == "away" && k+1 < len(toks) && toks[k+1].word == "from":
		return -1, k + 2
	}
	return 0, k
}

// directions returns the terms texts move toward and away from.
func directions(texts []string) (toward, away map[string]bool) {
	for _, t := range texts {
		toks := tokenize(t)
		for k := range toks {
			d, n := directionAt(toks, k)
			if d == 0 || n >= len(toks) {
				continue
			}
			term := directedTerm(toks, n)
			if term == "" {
				continue
			}
			if d > 0 {
				if toward == nil {
					toward = map[string]bool{}
				}
				toward[term] = true
			} else {
				if away == nil {
					away = map[string]bool{}
				}
				away[term] = true
			}
		}
	}
	return toward, away
}

// otherDirection reports whether the clause of span sp moves toward what
// the point moves away from, or away from what it moves toward: "push the
// prediction away from the conditional output towards the unconditional
// one" against "toward the conditional, away from unconditional".
func (a *analysis) otherDirection(sp Span, toward, away map[string]bool) bool {
	lo, hi := a.spanTokens(sp)
	if lo < 0 {
		return false
	}
	toks := a.toks
	s, e := lo, hi
	for s > 0 && toks[s-1].clause == toks[lo].clause {
		s--
	}
	for e+1 < len(toks) && toks[e+1].clause == toks[hi].clause {
		e++
	}
	for k := s; k <= e; k++ {
		d, n := directionAt(toks, k)
		if d == 0 || n > e || a.negatedBefore(k) != negNone {
			continue
		}
		term := directedTerm(toks, n)
		if d > 0 && away[term] && !toward[term] || d < 0 && toward[term] && !away[term] {
			return true
		}
	}
	return false
}

// lessWords turn a comparison round: "less stable", "fewer modes".
var lessWords = setOf(`less fewer`)

// comparativeAt returns the adjective term of a comparison at token k
// ("more stable", "faster", "less stable": the adjective, and whether the
// comparison is turned round by less or fewer), or "".
func comparativeAt(toks []token, k int) (string, bool) {
	t := &toks[k]
	if (t.word == "more" || lessWords[t.word]) && k+1 < len(toks) && !toks[k+1].stop && !toks[k+1].fn && toks[k+1].clause == t.clause {
		return toks[k+1].term, lessWords[t.word]
	}
	if t.cls&clsComparative != 0 && t.word != "more" && !lessWords[t.word] && !t.fn {
		return t.term, false
	}
	return "", false
}

// contentBefore returns the nearest content term before token k in its
// clause, or "".
func contentBefore(toks []token, k int) string {
	for q := k - 1; q >= 0 && toks[q].clause == toks[k].clause; q-- {
		if !toks[q].stop && !toks[q].fn && !toks[q].aux && toks[q].cls&clsComparative == 0 {
			return toks[q].term
		}
	}
	return ""
}

// comparisonsIn returns the comparisons of a reference: an adjective of
// comparison, "than" at most two words after it, the content word before it
// in its clause (the winner) and the first content word after "than" (the
// loser).
func comparisonsIn(toks []token) []comparison {
	var out []comparison
	for k := range toks {
		adj, less := comparativeAt(toks, k)
		if adj == "" || less {
			continue
		}
		for q := k + 1; q < len(toks) && q <= k+3 && toks[q].clause == toks[k].clause; q++ {
			if toks[q].word != "than" {
				continue
			}
			win := contentBefore(toks, k)
			lose := ""
			for r := q + 1; r < len(toks) && r <= q+3; r++ {
				if !toks[r].stop && !toks[r].fn {
					lose = toks[r].term
					break
				}
			}
			if win != "" && lose != "" && win != lose && win != adj {
				out = append(out, comparison{adj, win, lose})
			}
			break
		}
	}
	return out
}

// reversedComparison reports whether the sentence of span sp says of the
// loser of a comparison the reference makes what the reference says of the
// winner ("continuous regression is the stable option" against
// "classification more stable than regression"), for a point whose label or
// phrasings use the comparison's adjective: the loser named first in a
// clause, the adjective after it, no winner between, not negated; "less" or
// "fewer" turns it round.
func (a *analysis) reversedComparison(sp Span, comps []comparison, use []bool) bool {
	lo, _ := a.spanTokens(sp)
	if lo < 0 {
		return false
	}
	toks := a.toks
	sent := toks[lo].sent
	s := lo
	for s > 0 && toks[s-1].sent == sent {
		s--
	}
	for c, cmpn := range comps {
		if c >= len(use) || !use[c] {
			continue
		}
		loser := -1
		for k := s; k < len(toks) && toks[k].sent == sent; k++ {
			switch {
			case toks[k].term == cmpn.loser && (k == 0 || toks[k-1].word != "than"):
				if loser < 0 || toks[loser].clause != toks[k].clause {
					loser = k
				}
			case toks[k].term == cmpn.winner && loser >= 0 && toks[k].clause == toks[loser].clause:
				loser = -1 // both named: a comparison of its own
			case toks[k].term == cmpn.adj && loser >= 0 && toks[k].clause == toks[loser].clause:
				less := k > 0 && lessWords[toks[k-1].word]
				if !less && a.negatedBefore(k) == negNone && a.deny[k] == 0 {
					return true
				}
			}
		}
	}
	return false
}

// aboutAbsence reports whether key point i has a phrasing about an absence
// ("no teacher"), which a verb of removal covers (removal.go).
func (m *cardMatcher) aboutAbsence(i int) bool {
	for _, v := range m.points[i].variants {
		if v.neg {
			return true
		}
	}
	return m.points[i].anyPolarity
}

// removedSpan reports whether a verb of removal takes away the words of
// span sp, before them ("leaves out the node's own embedding", "removed
// the wrist camera") or after them ("the wrist camera is dropped").
func (a *analysis) removedSpan(sp Span) bool {
	lo, hi := a.spanTokens(sp)
	return lo >= 0 && (a.removedBefore(lo) || a.removedAfter(hi))
}

// labelTerms returns, per key point, the content terms of its label that
// no other label of the card uses, and all its content terms.
func labelTerms(kps []decks.KeyPoint) (own, all []map[string]bool) {
	own = make([]map[string]bool, len(kps))
	all = make([]map[string]bool, len(kps))
	count := map[string]int{}
	for i, kp := range kps {
		own[i], all[i] = map[string]bool{}, map[string]bool{}
		for _, t := range tokenize(kp.Label) {
			if t.fn || t.stop || t.number || len(t.word) < 3 {
				continue
			}
			c := canonTerm(t.term)
			if !all[i][c] {
				all[i][c], own[i][c] = true, true
				count[c]++
			}
		}
	}
	for i := range own {
		for c := range own[i] {
			if count[c] > 1 {
				delete(own[i], c)
			}
		}
	}
	return own, all
}

// roleSwapped reports whether span sp names point i by words of its own
// label only ("wrist camera" for "Wrist camera for fine manipulation") in
// a clause that gives it two or more words of the label of a sibling point
// (one whose label shares a word with point i's: "Third-person camera for
// scene context") and none of its own: "the wrist camera gives the scene
// context" swaps the two cameras' roles.
func (a *analysis) roleSwapped(sp Span, i int, sibling []int, own, all []map[string]bool) bool {
	if i >= len(own) {
		return false
	}
	lo, hi := a.spanTokens(sp)
	if lo < 0 {
		return false
	}
	named := false
	for k := lo; k <= hi; k++ {
		t := &a.toks[k]
		if t.number {
			return false // "4 hops" is a quantity, not a name
		}
		if t.fn || t.stop {
			continue
		}
		if !all[i][canonTerm(t.term)] {
			return false
		}
		named = true
	}
	if !named || !bareSpan(a.toks, sp) {
		return false
	}
	c := a.toks[lo].clause
	first := lo
	for first > 0 && a.toks[first-1].clause == c {
		first--
	}
	last := hi
	for last+1 < len(a.toks) && a.toks[last+1].clause == c {
		last++
	}
	for k := first; k <= last; k++ {
		if t := &a.toks[k]; !t.fn && !t.stop && (k < lo || k > hi) && own[i][canonTerm(t.term)] {
			return false
		}
	}
	for _, j := range sibling {
		var hit [2]string // distinct terms of point j's label in the clause
		n := 0
		for k := first; k <= last && n < 2; k++ {
			t := &a.toks[k]
			if t.fn || t.stop || k >= lo && k <= hi {
				continue
			}
			if term := canonTerm(t.term); own[j][term] && (n == 0 || hit[0] != term) {
				hit[n] = term
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// siblings reports whether two labels share a content term.
func siblings(x, y map[string]bool) bool {
	for t := range x {
		if y[t] {
			return true
		}
	}
	return false
}
