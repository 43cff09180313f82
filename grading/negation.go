package grading

// Negation scope.
//
// A word of the answer is negated when a negation ("not", "no", "never",
// "without", "neither", "nor", "lacks", any "n't" form, "instead of",
// "rather than") stands at most negationWindow words before it in the same
// clause, or when the phrase is directly followed by a negated auxiliary
// ("mode collapse is not an issue", "attention isn't used"). Clauses end at
// , : ; . ! ? ( ) dashes, line breaks and at linking words (and, but,
// however, whereas, because, ...), so "does not learn weights but uses
// attention" negates "learn weights" and not "attention". "Not only" and
// "not just" do not negate. "non-" negates only the word it is attached to.

// negationWindow is how many words before a word a negation may stand.
const negationWindow = 4

// shortScope negations govern a noun phrase, not a verb phrase: "no
// attention" but not "with no attention aggregates neighbours".
var shortScope = setOf(`no without none nor neither lack lacks lacking`)

// negatedBefore reports the strongest negation in scope before token p:
// negStrong for "not", "without", ...; negWeak for "avoids", "free of", ...
func (a *analysis) negatedBefore(p int) negKind {
	toks := a.toks
	found := negNone
	for q := p - 1; q >= 0 && p-q <= negationWindow; q-- {
		if toks[q].clause != toks[p].clause {
			break
		}
		switch toks[q].neg {
		case negStrong:
			if toks[q].word == "not" && q+1 < len(toks) && negationExemptNext[toks[q+1].word] {
				continue
			}
			if shortScope[toks[q].word] && p-q > 3 {
				continue
			}
			return negStrong
		case negPrefix:
			if q == p-1 && toks[p].joinPrev {
				return negStrong
			}
		case negWeak:
			found = negWeak
		}
		// "instead of X", "rather than X"
		if q+1 < len(toks) && (toks[q].word == "instead" && toks[q+1].word == "of" ||
			toks[q].word == "rather" && toks[q+1].word == "than") {
			return negStrong
		}
	}
	return found
}

// negatedAfter reports a negation that follows the phrase ending at token
// last, across auxiliaries only: "mode collapse is not a problem", "mode
// collapse doesn't happen", "collapse-free".
func (a *analysis) negatedAfter(last int) negKind {
	toks := a.toks
	for q := last + 1; q < len(toks) && q-last <= 3; q++ {
		if toks[q].clause != toks[last].clause {
			break
		}
		switch toks[q].neg {
		case negStrong:
			if toks[q].word == "not" && q+1 < len(toks) && negationExemptNext[toks[q+1].word] {
				return negNone
			}
			if toks[q].word == "no" || toks[q].word == "without" || toks[q].word == "nor" {
				// "attention, no ..." or "X without Y" negate what follows, not X.
				return negNone
			}
			return negStrong
		case negWeak:
			return negWeak
		}
		if !toks[q].aux {
			break
		}
	}
	return negNone
}
