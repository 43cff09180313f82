package grading

import "slices"

// Hedged alternatives: an answer that offers a word together with its
// opposite as alternatives ("it would make the pitch higher or lower",
// "the magnet will stick or not", "it may or may not dissolve") asserts
// neither. Such an occurrence is no evidence for the reference's claim nor
// against it, unless the reference itself says the word both ways
// (refTerm.either: "if it sticks it is iron, if not it is aluminium"). An
// alternative inside an embedded question ("see if it sticks or not",
// "whether it is steep or not") is a test to make, not a claim, and is read
// as before; so is a pair of conditions ("if it is iron it sticks, if it is
// aluminium it does not"), which is a definite claim about each case.

// modalHedges may stand on both sides of "or" before a negation: "may or
// may not".
var modalHedges = setOf(`may might could can will would`)

// hedged reports whether token i stands in a polar disjunction: "X or
// not", "X or not X", "X or Y" with Y an antonym of X (either side), or
// after "may or may not".
func (a *analysis) hedged(i int) bool {
	toks := a.toks
	near := false
	for q := max(0, i-4); q < len(toks) && q <= i+1; q++ {
		near = near || toks[q].word == "or"
	}
	if !near || a.embeddedQuestion(i) {
		return false
	}
	cl := toks[i].clause
	in := func(q int) bool { return q >= 0 && q < len(toks) && toks[q].sent == toks[i].sent }
	// "X or not (X)", "X or Y" with Y opposite X.
	if q := i + 1; in(q) && toks[q].word == "or" {
		r := q + 1
		if in(r) && (toks[r].word == "not" || toks[r].word == "no") {
			// "or not." and "or not hard", not "little or no vitamin C"
			n := r + 1
			for in(n) && toks[n].stop && toks[n].clause == toks[r].clause {
				n++
			}
			if !in(n) || toks[n].clause != toks[r].clause || toks[n].term == toks[i].term {
				return true
			}
		}
		if in(r) && opposite(toks[i].term, toks[r].term) {
			return true
		}
	}
	// "(not) X or Y", "X or not Y": the second member.
	q := i - 1
	if in(q) && (toks[q].word == "not" || toks[q].word == "no") {
		q--
	}
	if in(q) && toks[q].word == "or" && in(q-1) {
		if p := q - 1; toks[p].term == toks[i].term && q < i-1 || opposite(toks[p].term, toks[i].term) {
			return true
		}
	}
	// "may or may not X".
	for q := i - 1; q >= 3 && toks[q].clause == cl && i-q <= 4; q-- {
		if toks[q].word == "not" && modalHedges[toks[q-1].word] && toks[q-2].word == "or" && modalHedges[toks[q-3].word] {
			return true
		}
	}
	return false
}

// opposite reports whether two terms are antonyms in the thesaurus.
func opposite(x, y string) bool {
	return slices.ContainsFunc(antonymsOf(x), func(seq []string) bool { return len(seq) == 1 && seq[0] == y })
}

// embeddedQuestion reports whether token i stands in an embedded yes-no
// question: after "if" or "whether" in its clause ("see if it sticks or
// not").
func (a *analysis) embeddedQuestion(i int) bool {
	toks := a.toks
	for q := i - 1; q >= 0 && toks[q].sent == toks[i].sent; q-- {
		switch toks[q].word {
		case "if", "whether":
			return true
		}
		if toks[q].clause != toks[i].clause && toks[q].word != "or" {
			break
		}
	}
	return false
}
