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
	`more most much many increase increases increased increasing <> less least fewer fewest few decrease decreases decreased decreasing`,
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
	return strings.HasPrefix(w, "increas") || strings.HasPrefix(w, "decreas")
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
					if p.tok != first || g.tok != second || !p.comp || !g.comp || p.scale == g.scale && !oneScaleRelation(&p, &g) {
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
	return out
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
		agree, contra := false, false
		pending := -1
		for i := range gs {
			g := &gs[i]
			if g.scale != r.scaleA && g.scale != r.scaleB {
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
