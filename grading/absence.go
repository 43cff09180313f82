package grading

import "strings"

// Denied replacements.
//
// A key point that is itself an absence or a replacement ("Replaces the
// unconditional branch", anyPolarity) is covered by its words whatever
// their own polarity: "instead of the empty prompt", "no modular pipeline"
// and "the empty prompt is not used" all say it. What turns such a point
// round is a negation of the replacement itself ("does not replace the
// unconditional prediction", "is not used instead of the empty prompt") or
// a denial frame around the claim ("it is a myth that the negative prompt
// is used instead of the empty prompt"); both together assert it again
// ("it is a myth that it does not replace the empty prompt").

// replaceWords say that one thing takes the place of another or takes it
// away; the removal verbs of removal.go count as well.
var replaceWords = setOf(`replace replaces replaced replacing substitute substitutes substituted substituting
supplant supplants supplanted supplanting eliminate eliminates eliminated eliminating swap swaps swapped swapping`)

// replacementNegated reports whether a word of replacement in the match
// lo..hi, or a replacement preposition ("instead of", "rather than", "in
// place of") just before it in its clause, is itself negated: "does not
// replace X", "is not used instead of X", "never takes the place of X",
// "rather than replacing X".
func (a *analysis) replacementNegated(lo, hi int32) bool {
	toks := a.toks
	first := int(lo)
	for k := int(lo) - 1; k >= 0 && int(lo)-k <= negationWindow+2 && toks[k].sent == toks[lo].sent; k-- {
		if toks[k].clause != toks[lo].clause && !(k+1 < len(toks) && replacementPrep(toks, k+1)) {
			break
		}
		first = k
	}
	for q := first; q <= int(hi); q++ {
		switch {
		case replacementPrep(toks, q):
			if a.negatedAcross(q) {
				return true
			}
		case replaceVerbAt(toks, q):
			if a.deny != nil && a.deny[q]&denyFrame != 0 {
				continue
			}
			if a.negatedBefore(q) == negStrong {
				return true
			}
		}
	}
	return false
}

// takeWords take the place of something: "takes the place of".
var takeWords = setOf(`take takes took taking taken`)

// replaceVerbAt reports whether token q is a verb of replacement or
// removal ("replaces", "drops", "takes the place of").
func replaceVerbAt(toks []token, q int) bool {
	if replaceWords[toks[q].word] || toks[q].lex&lexRemovalVerb != 0 {
		return true
	}
	return takeWords[toks[q].word] && q+2 < len(toks) && (toks[q+1].word == "the" || toks[q+1].word == "its") && toks[q+2].word == "place"
}

// replacementPrep reports whether token q opens "instead of", "rather than"
// or "in place of".
func replacementPrep(toks []token, q int) bool {
	if q+1 >= len(toks) {
		return false
	}
	w, next := toks[q].word, toks[q+1].word
	return w == "instead" && next == "of" || w == "rather" && next == "than" ||
		w == "in" && next == "place" && q+2 < len(toks) && toks[q+2].word == "of"
}

// negatedAcross reports whether a strong negation governs the verb that a
// replacement preposition at token q attaches to, which may stand in the
// clause before it: "is not used instead of", "was never chosen rather
// than". Only words of the same sentence, with no punctuation between, are
// read, at most negationWindow of them.
func (a *analysis) negatedAcross(q int) bool {
	toks := a.toks
	for k := q - 1; k >= 0 && q-k <= negationWindow && toks[k].sent == toks[q].sent; k-- {
		if strings.ContainsAny(a.text[toks[k].end:toks[k+1].start], ",;:.!?()—–") {
			return false
		}
		if clauseWords[toks[k].word] {
			return false // "and", "but": another clause's verb
		}
		if a.deny != nil && a.deny[k]&denyFrame != 0 {
			continue
		}
		if negOf(&toks[k]) == negStrong {
			return !(toks[k].word == "not" && negationExemptNext[toks[k+1].word])
		}
	}
	return false
}
