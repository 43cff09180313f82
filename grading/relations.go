package grading

import (
	"slices"
	"strings"
	"sync"
)

// Relations between two graded words, read as one claim.
//
// Science references often state how one graded quantity goes with another:
// "When the string was tighter, the pitch was higher", "The more blocks the
// truck carries, the less distance it travels", "If the effort is applied
// farther from the fulcrum, less effort will lift the load". Judged word by
// word, an answer that states the same relation from the other end ("when
// the string is looser the pitch is lower", "the fewer blocks, the more
// distance") says two antonyms and counts as contradicting twice, while one
// that turns only one side round ("tighter, lower": a real contradiction)
// counts as agreeing once and contradicting once.
//
// A reference sentence with exactly two graded words (gradedPairs, on two
// scales, or on one in a correlative "the more ..., the less ..."), both
// written as comparatives, superlatives or changes ("tighter", "fewest",
// "increases"; not "large"), at most relationGap tokens apart, holds a
// relation between them; two ends of one scale otherwise compare two
// subjects ("small enough ..., but ... too large"). "More"/"less" before a
// graded word is that word's degree ("less quickly" is "more slowly"),
// "much" before one only intensifies it, "less than 3" is a bound, and a
// word in a comparison's baseline ("higher than when it was not tight") is
// turned round, as by a negation ("no farther").
//
// In each answer sentence, the graded words of the relation's scales are
// paired in order (a word near the last of its own scale replacing it;
// words relationGap apart or joined by "or" are not paired) and each pair
// read against the relation: both said the reference's way, or both turned
// round, agrees with it, and both its terms count as said; exactly one
// turned round contradicts it, and both count against the answer
// (relationContra). A relation agreed with anywhere agrees. An answer that
// pairs no words of a relation is judged word by word, as before.

// gradedPairs are the graded words: each line one scale, its upper and
// lower ends separated by "<>", as written (not stems, which would make
// "heat" a "hotter"). "Greater" is left out: it grades whatever follows it
// ("greater advantage", "greater mass"), mostly not the reference's
// quantity.
var gradedPairs = []string{
	`more most much many increase increases increased increasing rise rises rising <> less least fewer fewest few decrease decreases decreased decreasing`,
	`high higher highest <> low lower lowest`,
	`tight tighter tightest tighten tightens tightened <> loose looser loosest loosen loosens loosened slack`,
	`long longer longest <> short shorter shortest`,
	`fast faster fastest quick quicker quickly <> slow slower slowest slowly`,
	`far farther farthest further furthest <> close closer closest near nearer nearest`,
	`dark darker darkest <> light lighter lightest pale paler`,
	`hot hotter hottest warm warmer warmest <> cold colder coldest cool cooler coolest`,
	`heavy heavier heaviest <> light lighter lightest`,
	`big bigger biggest large larger largest <> small smaller smallest little`,
	`thick thicker thickest <> thin thinner thinnest`,
	`strong stronger strongest <> weak weaker weakest`,
	`loud louder loudest <> quiet quieter quietest soft softer softest`,
	`hard harder hardest <> easy easier easiest`,
	`steep steeper steepest <> gentle gentler flat flatter`,
	`deep deeper deepest <> shallow shallower shallowest`,
	`wide wider widest <> narrow narrower narrowest`,
}

// gradedSide is one end of a scale.
type gradedSide struct {
	scale int
	lower bool
}

// gradedWords maps a normalised word (comparatives and superlatives are
// mostly their base: "tighter" is "tight", "greatest" "great") to its
// ends; a word may stand on two scales: "light" is neither dark nor heavy.
var gradedWords = sync.OnceValue(func() map[string][]gradedSide {
	out := map[string][]gradedSide{}
	for s, line := range gradedPairs {
		up, down, _ := strings.Cut(line, "<>")
		for side, words := range []string{up, down} {
			for _, w := range strings.Fields(words) {
				f, g := infoFor(w).word, gradedSide{scale: s, lower: side == 1}
				if !slices.Contains(out[f], g) {
					out[f] = append(out[f], g)
				}
			}
		}
	}
	return out
})

// degreeOf says the degree (lower: true) of the graded word after them.
var degreeOf = map[string]bool{"more": false, "less": true, "fewer": true}

// quantityWord are the graded words of amount that also intensify a
// comparative ("much faster") or ask ("how much").
var quantityWord = map[string]bool{"much": true, "many": true, "few": true}

// baselineOpen and baselineNext open a comparison's baseline: "than when",
// "from when", "as if", "than before".
var (
	baselineOpen = map[string]bool{"than": true, "from": true, "as": true}
	baselineNext = map[string]bool{"when": true, "if": true, "before": true}
)

// relation is one relation of a reference between two graded words: the
// reference terms (indices in refBag.terms), their scales, and whether the
// reference says each at its lower end (or negated).
type relation struct {
	a, b           int
	scaleA, scaleB int
	lowA, lowB     bool
	// A comparison of two subjects ("black absorbs more heat than white")
	// has subjects: xs, said before its graded word a, and ys after its
	// "than" (matcher term ids); b is -1. Said of each subject in its own
	// clause ("the salt particles are small ..., but the sand particles
	// are too large"), b is the other subject's graded word.
	cmp    bool
	xs, ys []int32
}

// relationGap is the most tokens from one word of a relation to the other:
// a relation is said in a few words, and two graded words far apart in a
// long sentence say two things.
const relationGap = 15

// relationContra is how a term of a contradicted relation counts.
var relationContra = termDisagree

// gradedAt is a graded word of a text: its token, scale and end (negation
// applied).
type gradedAt struct {
	tok    int
	scale  int
	low    bool
	the    bool // "the" stands before it (or before its degree word): "the more ..., the less ..."
	opens  bool // that "the" opens its clause: "..., the less distance"
	change bool // a verb of change: "increases", "decreased"
	comp   bool // a comparative or superlative ("tighter", "more", "fewest", "more quickly") or a change ("increases")
}

// gradedIn lists the graded words of a text, in order, sentence by
// sentence: "more"/"less" before a graded word of the same clause is that
// word's degree ("less quickly": slowly).
func gradedIn(a *analysis, out []gradedAt) []gradedAt {
	toks := a.toks
	base := int32(-1) // the clause of a comparison's baseline ("higher than when it was loose"), from its "than"
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && baselineOpen[toks[i].word] && baselineNext[toks[i+1].word] {
			base = toks[i].clause
		} else if toks[i].clause != base {
			base = -1
		}
		sides := gradedWords()[toks[i].word]
		if len(sides) == 0 {
			continue
		}
		if i+2 < len(toks) && toks[i+1].word == "than" && toks[i+2].number || i > 0 && toks[i-1].word == "at" {
			continue // a bound, not a degree: "less than 3 scoops", "at least one tool"
		}
		if toks[i].word == "little" && i > 0 && toks[i-1].word == "a" {
			continue // a degree, not a size: "dissolved a little", "a little bit"
		}
		if quantityWord[toks[i].word] && (i > 0 && toks[i-1].word == "how" ||
			i+1 < len(toks) && toks[i+1].clause == toks[i].clause && len(gradedWords()[toks[i+1].word]) > 0) {
			continue // "how much", and an intensifier: "much faster"
		}
		the := i > 0 && toks[i-1].word == "the"
		opens := the && (i == 1 || toks[i-2].clause != toks[i-1].clause)
		flip := base >= 0 // the baseline is the other end: "higher than when it was not tight" says tight and higher
		low, deg := degreeOf[toks[i].word]
		if deg && i+1 < len(toks) && toks[i+1].clause == toks[i].clause {
			if next := gradedWords()[toks[i+1].word]; len(next) > 0 && next[0].scale != sides[0].scale {
				for _, s := range next {
					out = append(out, gradedAt{tok: i + 1, scale: s.scale, low: s.lower != low != a.saidNegated(i+1) != flip, the: the, opens: opens, comp: true})
				}
				i++
				continue
			}
		}
		for _, s := range sides {
			out = append(out, gradedAt{tok: i, scale: s.scale, low: s.lower != a.saidNegated(i) != flip, the: the, opens: opens, comp: comparative(a, i), change: change(a, i)})
		}
	}
	return out
}

// comparative reports whether graded word i is written as a comparative or
// superlative, or as a change: "tighter", "fewest", "more", "farther",
// "increases", not "tight" or "large".
func comparative(a *analysis, i int) bool {
	t := &a.toks[i]
	w := strings.ToLower(a.text[t.start:t.end])
	if _, ok := degreeOf[t.word]; ok {
		return true
	}
	switch {
	case t.word == "most" || t.word == "least" || t.word == "fewest":
		return true
	case change(a, i):
		return true
	}
	return len(w) > 4 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "est"))
}

// change reports whether graded word i is a verb of change.
func change(a *analysis, i int) bool {
	w := strings.ToLower(a.text[a.toks[i].start:a.toks[i].end])
	return strings.HasPrefix(w, "increas") || strings.HasPrefix(w, "decreas") || strings.HasPrefix(w, "rise") || strings.HasPrefix(w, "rising")
}

// oneScaleRelation reports whether two graded words of one scale in a
// reference sentence are a relation: two changes ("as time increases, the
// rings increase"), or both after "the", the second opening its clause
// when they stand at opposite ends ("the more blocks ..., the less
// distance"; "the most gas ... the most sugar"). Otherwise they compare two
// subjects ("the harder mineral ... the less hard mineral", "small enough
// ..., but ... too large").
func oneScaleRelation(p, g *gradedAt) bool {
	return p.change && g.change || p.the && g.the && (p.low == g.low || g.opens)
}

// refRelations finds the relations of a reference (analysed as ra) whose
// terms are in bag: a sentence with exactly two graded words, both
// comparatives, close together, on two scales or correlative (a word on two
// scales, "lighter", gives a relation for each).
func (m *cardMatcher) refRelations(ra *analysis, bag *refBag) []relation {
	gs := gradedIn(ra, nil)
	var out []relation
	termOf := func(tok int) int {
		id, ok := m.ids[ra.toks[tok].term]
		if !ok {
			return -1
		}
		for k := range bag.terms {
			if bag.terms[k].id == id {
				return k
			}
		}
		return -1
	}
	for lo := 0; lo < len(gs); {
		sent := ra.toks[gs[lo].tok].sent
		hi := lo
		for hi < len(gs) && ra.toks[gs[hi].tok].sent == sent {
			hi++
		}
		first, second := gs[lo].tok, gs[hi-1].tok
		if first != second && countTokens(gs[lo:hi]) == 2 && second-first <= relationGap {
			for _, p := range gs[lo:hi] {
				for _, g := range gs[lo:hi] {
					if p.tok != first || g.tok != second || !p.comp || !g.comp || p.scale == g.scale && !oneScaleRelation(&p, &g) || compound(ra, p.tok) || compound(ra, g.tok) {
						continue
					}
					if ka, kb := termOf(p.tok), termOf(g.tok); ka >= 0 && kb >= 0 {
						out = append(out, relation{a: ka, b: kb, scaleA: p.scale, scaleB: g.scale, lowA: p.low, lowB: g.low})
					}
				}
			}
		}
		lo = hi
	}
	return append(out, m.refComparisons(ra, gs, termOf)...)
}

// compound reports whether graded word i is written as one word with the
// next, naming a kind rather than a degree: "higher-order neighbourhoods",
// "low-rank".
func compound(a *analysis, i int) bool {
	return i+1 < len(a.toks) && a.toks[i+1].wordPrev
}

// alternatives reports whether an "or" stands between tokens i and j.
func alternatives(a *analysis, i, j int) bool {
	for q := i + 1; q < j; q++ {
		if a.toks[q].word == "or" {
			return true
		}
	}
	return false
}

// countTokens counts the distinct tokens of graded words in order.
func countTokens(gs []gradedAt) int {
	n := 0
	for i := range gs {
		if i == 0 || gs[i].tok != gs[i-1].tok {
			n++
		}
	}
	return n
}

// relationStatus reads how the answer says each relation of a reference
// bag, into st (by term index; termNone where no relation decides): a
// term of a relation the answer agrees with somewhere is termAgree, one of
// a relation it only contradicts relationContra.
func (a *analysis) relationStatus(bag *refBag, st []termSaid) []termSaid {
	if len(bag.rels) == 0 {
		return nil
	}
	st = resize(st, len(bag.terms))
	gs := gradedIn(a, nil)
	for _, r := range bag.rels {
		if r.cmp {
			agree, contra := a.comparisonSaid(&r, gs)
			for side, k := range []int{r.a, r.b} {
				switch {
				case k < 0:
				case agree[side]:
					st[k] = termAgree
				case contra[side] && st[k] == termNone:
					st[k] = relationContra
				}
			}
			continue
		}
		agree, contra := a.relationSaid(&r, gs, false)
		if !agree && !contra {
			agree, contra = a.relationSaid(&r, gs, true) // an amount for a level or size
		}
		switch {
		case agree:
			st[r.a], st[r.b] = termAgree, termAgree
		case contra:
			for _, k := range []int{r.a, r.b} {
				if st[k] == termNone {
					st[k] = relationContra
				}
			}
		}
	}
	return st
}

// relationSaid reads how an answer (its graded words gs) says relation r:
// its graded words of the relation's scales paired in order, each pair
// agreeing or contradicting. Loose, an amount also stands for a level or
// size (sameScale): read only when no pair is on the scales themselves, so
// "more room ... low sound" does not hide "long ... low".
func (a *analysis) relationSaid(r *relation, gs []gradedAt, loose bool) (agree, contra bool) {
	stands := func(g *gradedAt, s int) bool { // only as a comparative, not in a compound: "more", not "many" or "long-range"
		return g.scale == s || loose && g.comp && !compound(a, g.tok) && sameScale(g.scale, s)
	}
	pending := -1
	for i := range gs {
		g := &gs[i]
		if !stands(g, r.scaleA) && !stands(g, r.scaleB) {
			continue
		}
		if pending >= 0 && (a.toks[gs[pending].tok].sent != a.toks[g.tok].sent || g.tok-gs[pending].tok > relationGap || gs[pending].tok == g.tok) {
			if gs[pending].tok == g.tok {
				continue
			}
			pending = -1
		}
		if pending < 0 {
			pending = i
			continue
		}
		p := &gs[pending]
		if alternatives(a, p.tok, g.tok) {
			pending = i // "bigger models or more tokens": two options, not a relation
			continue
		}
		var x, y *gradedAt
		switch {
		case r.scaleA == r.scaleB, p.scale == r.scaleA && g.scale == r.scaleB:
			x, y = p, g
		case p.scale == r.scaleB && g.scale == r.scaleA:
			x, y = g, p
		case stands(p, r.scaleA) && stands(g, r.scaleB):
			x, y = p, g // "the less drops, the more vitamin C" for "fewer drops ... higher concentration"
		case stands(p, r.scaleB) && stands(g, r.scaleA):
			x, y = g, p
		default:
			pending = i // the same scale twice: the nearer stands
			continue
		}
		if (x.low != r.lowA) == (y.low != r.lowB) {
			agree = true
		} else {
			contra = true
		}
		pending = -1
	}
	return agree, contra
}

// Comparisons of two subjects.
//
// "Black absorbs more heat than white" compares two subjects on one scale:
// said the other way round ("white absorbs less heat than black") it is the
// same claim, while the reference's graded word said of the other subject
// ("white absorbs more heat than black", "white absorbs more") contradicts
// it, and so does the other end said of its own subject ("black absorbs
// less"). Judged word by word, the first reads as a contradiction
// ("less" for "more") and the second as agreement.
//
// A reference comparison is a comparative followed, within thanGap tokens
// of its clause, by "than" and a subject (not "than when", a relation's
// baseline, nor "than 30" or "no more than", bounds): its subjects are the
// first term of its clause (of its sentence, in a clause opened by "and")
// before the comparative not said after "than", and the first term after
// "than" not said before it. Two subjects may also be compared each in a
// clause of its own ("the salt particles are small ..., but the sand
// particles are too large"; parallelComparisons). In an answer, a graded
// word on the comparison's scale is said of the nearest subject of the
// comparison before it in its sentence (passing over one said after
// another "than"), else of the one after its own "than" as the baseline.

// coordinator opens a clause that shares its sentence's subject.
var coordinator = map[string]bool{"and": true, "but": true, "or": true}

// thanGap is the most tokens from a comparative to its "than": "absorbs
// more heat (energy) than".
const thanGap = 4

// thanAfter returns the token of the "than" that follows graded word i in
// its clause, or -1.
func thanAfter(a *analysis, i int) int {
	toks := a.toks
	for j := i + 1; j < len(toks) && j <= i+thanGap && toks[j].clause == toks[i].clause; j++ {
		if toks[j].word == "than" {
			return j
		}
	}
	return -1
}

// afterThan reports whether token j stands within thanGap tokens after a
// "than" of its clause: the baseline of a comparison.
func afterThan(a *analysis, j int) bool {
	for q := j - 1; q >= 0 && q >= j-thanGap && a.toks[q].clause == a.toks[j].clause; q-- {
		if a.toks[q].word == "than" {
			return true
		}
	}
	return false
}

// subjectTerm reports whether token i of a text can name a compared
// subject: a content word, not a number, a graded word or an intensifier.
func subjectTerm(a *analysis, i int) bool {
	t := &a.toks[i]
	return !t.fn && !t.stop && !t.number && len(t.word) >= 2 && len(gradedWords()[t.word]) == 0 && !intensifier[t.word]
}

// intensifier are words of degree, which name no subject: "too large",
// "small enough", "very slowly".
var intensifier = setOf(`too very so enough quite really rather pretty extremely`)

// refComparisons finds the comparisons of two subjects of a reference (its
// graded words gs, termOf mapping a token to its term in the bag).
func (m *cardMatcher) refComparisons(ra *analysis, gs []gradedAt, termOf func(int) int) []relation {
	toks := ra.toks
	var out []relation
	for _, g := range gs {
		th := thanAfter(ra, g.tok)
		if !g.comp || th < 0 || th+1 >= len(toks) || baselineNext[toks[th+1].word] || toks[th+1].number {
			continue
		}
		if g.tok > 0 && toks[g.tok-1].word == "no" {
			continue // a bound: "costs no more than training"
		}
		k := termOf(g.tok)
		if k < 0 {
			continue
		}
		before, after := map[string]bool{}, map[string]bool{}
		start := g.tok
		for start > 0 && toks[start-1].clause == toks[g.tok].clause {
			start--
		}
		if coordinator[toks[start].word] {
			for start > 0 && toks[start-1].sent == toks[g.tok].sent {
				start-- // "... and cools off more quickly than water": the sentence's subject
			}
		}
		for j := start; j < g.tok; j++ {
			if subjectTerm(ra, j) {
				before[toks[j].term] = true
			}
		}
		end := th + 1
		for end < len(toks) && toks[end].clause == toks[th].clause {
			if subjectTerm(ra, end) {
				after[toks[end].term] = true
			}
			end++
		}
		x, y := int32(-1), int32(-1)
		for j := start; j < g.tok && x < 0; j++ {
			if subjectTerm(ra, j) && !after[toks[j].term] {
				if id, ok := m.ids[toks[j].term]; ok {
					x = id
				}
			}
		}
		for j := th + 1; j < end && y < 0; j++ {
			if subjectTerm(ra, j) && !before[toks[j].term] {
				if id, ok := m.ids[toks[j].term]; ok {
					y = id
				}
			}
		}
		if x >= 0 && y >= 0 {
			out = append(out, relation{a: k, b: -1, scaleA: g.scale, scaleB: g.scale, lowA: g.low, cmp: true, xs: []int32{x}, ys: []int32{y}})
		}
	}
	return append(out, m.parallelComparisons(ra, gs, termOf, out)...)
}

// parallelComparisons finds the comparisons of a reference said of each
// subject in its own clause: the only two graded words of a scale in the
// reference, at its two ends, in two clauses, neither before "than" nor in
// a relation, each after a subject the other's clause does not name before
// its word ("the sand particles are larger ... the flour particles are
// smaller").
func (m *cardMatcher) parallelComparisons(ra *analysis, gs []gradedAt, termOf func(int) int, rels []relation) []relation {
	toks := ra.toks
	var out []relation
	subjects := func(g *gradedAt) map[string]bool {
		set := map[string]bool{}
		for j := g.tok - 1; j >= 0 && toks[j].clause == toks[g.tok].clause; j-- {
			if subjectTerm(ra, j) {
				set[toks[j].term] = true
			}
		}
		return set
	}
	ids := func(set, other map[string]bool) []int32 {
		var out []int32
		for t := range set {
			if id, ok := m.ids[t]; ok && !other[t] {
				out = append(out, id)
			}
		}
		slices.Sort(out)
		return out
	}
	for s := range gradedPairs {
		var on []int
		for i := range gs {
			if gs[i].scale == s && (len(on) == 0 || gs[on[len(on)-1]].tok != gs[i].tok) {
				on = append(on, i)
			}
		}
		if len(on) != 2 {
			continue
		}
		g1, g2 := &gs[on[0]], &gs[on[1]]
		if g1.low == g2.low || toks[g1.tok].clause == toks[g2.tok].clause || thanAfter(ra, g1.tok) >= 0 || thanAfter(ra, g2.tok) >= 0 {
			continue
		}
		k1, k2 := termOf(g1.tok), termOf(g2.tok)
		if k1 < 0 || k2 < 0 || k1 == k2 || slices.ContainsFunc(rels, func(r relation) bool {
			return r.a == k1 || r.b == k1 || r.a == k2 || r.b == k2
		}) {
			continue
		}
		s1, s2 := subjects(g1), subjects(g2)
		xs, ys := ids(s1, s2), ids(s2, s1)
		if len(xs) > 0 && len(ys) > 0 {
			out = append(out, relation{a: k1, b: k2, scaleA: s, scaleB: s, lowA: g1.low, lowB: g2.low, cmp: true, xs: xs, ys: ys})
		}
	}
	return out
}

// comparisonSaid reads how an answer (its graded words gs) says comparison
// r, for its terms a and b: a graded word of its scale said of one subject
// at that subject's end agrees (and, compared with the other subject after
// "than", agrees for the other too); at the other end, or of the other
// subject at this one's, it contradicts both.
func (a *analysis) comparisonSaid(r *relation, gs []gradedAt) (agree, contra [2]bool) {
	toks := a.toks
	in := func(j int, set []int32) bool { return slices.Contains(set, a.tid[j]) }
	for i := range gs {
		g := &gs[i]
		if g.scale != r.scaleA {
			continue
		}
		p := -1
		for j := g.tok - 1; j >= 0 && toks[j].sent == toks[g.tok].sent; j-- {
			if (in(j, r.xs) || in(j, r.ys)) && !afterThan(a, j) {
				p = j
				break
			}
		}
		q := -1
		if th := thanAfter(a, g.tok); th >= 0 {
			for j := th + 1; j < len(toks) && toks[j].clause == toks[th].clause; j++ {
				if in(j, r.xs) || in(j, r.ys) {
					q = j
					break
				}
			}
		}
		var first bool // said of the first subject
		switch {
		case p >= 0 && q >= 0 && in(p, r.xs) == in(q, r.xs):
			continue // "blue heats faster than blue"
		case p >= 0:
			first = in(p, r.xs)
		case q >= 0:
			first = in(q, r.ys)
		default:
			continue
		}
		end := r.lowA
		if !first && r.b >= 0 {
			end = r.lowB
		} else if !first {
			end = !r.lowA // the baseline is at the other end
		}
		side := 0
		if !first && r.b >= 0 {
			side = 1
		}
		if g.low == end {
			agree[side] = true
			if q >= 0 {
				agree[1-side] = true
			}
		} else {
			contra[0], contra[1] = true, true
		}
	}
	return agree, contra
}

// amountScale is the scale of "more" and "less", which also say the ends
// of the scales in amountLike, as comparatives in a relation: "more vitamin
// C" is a "higher concentration", "more grease" a "larger grease spot",
// "harder to lift" "more effort", "heavier" "more mass", "more string" a
// "longer string", "goes further" "more distance". Not "faster" or
// "stronger": "more force" and "more water" are not speed or strength.
const amountScale = 0

// amountLike are the scales (by their upper end) an amount stands for.
var amountLike = map[string]bool{"high": true, "big": true, "hard": true, "heavy": true, "long": true, "far": true}

// sameScale reports whether an answer's graded word on scale s says a
// reference's on scale r: the same scale, or an amount for a level or size.
func sameScale(s, r int) bool {
	if s == r {
		return true
	}
	if s != amountScale && r != amountScale {
		return false
	}
	other := max(s, r)
	up, _, _ := strings.Cut(gradedPairs[other], " ")
	return amountLike[up]
}
