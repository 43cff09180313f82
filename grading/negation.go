package grading

import "strings"

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
// A negation reaches further across "or" ("never predicts the noise or the
// clean image"), and a denial such as "ignored" or "unnecessary" after a
// phrase negates it like "not" ("the neighbours are ignored"). A "not" right
// before a short reporting aside reaches across it ("DDIM is not, as often
// claimed, deterministic"), and "removes the need for X" negates X.
//
// Beyond that window a negation reaches as far as the grammar of its clause
// carries it (phraseNegated): a negated verb its object and the phrases
// attached to it ("does not reconstruct the edges with an inner-product
// decoder"), a negative determiner or "without" its noun phrase and the
// prepositional phrases attached to it ("there is no path from the
// downsampling half to the upsampling half"), up to a contrast or
// restriction ("only", "just"), a subordinate clause, a comparison, a new
// subject or predicate, and adjuncts of purpose or time ("does not need a
// teacher to distil the model"). The coverage of a whole reference
// (refcover.go) compares words one by one and reads only the window
// (negatedNear).

// negationWindow is how many words before a word a negation may stand;
// each "or" between them lets it reach orReach words further.
const (
	negationWindow = 4
	orReach        = 3
)

// denials, after a phrase and across auxiliaries, deny it as "not" does:
// "the neighbours are ignored", "permutation invariance is unnecessary".
var denials = setOf(`ignored discarded unused unnecessary unneeded irrelevant useless pointless myth misconception`)

// asideStart returns the first token of the clause ending at token q when
// that clause is a short reporting aside: "as", then at most three words,
// one of them a reporting verb ("as often claimed", "as many believe", "as
// is commonly said").
func asideStart(toks []token, q int) (int, bool) {
	s := q
	for s > 0 && toks[s-1].clause == toks[q].clause {
		s--
	}
	if toks[s].word != "as" || q-s > 4 || q == s {
		return 0, false
	}
	for k := s + 1; k <= q; k++ {
		if toks[k].lex&lexReportVerb != 0 {
			return s, true
		}
	}
	return 0, false
}

// needRemovers take away the need for what follows: "removes the need for
// video pretraining".
var needRemovers = setOf(`remove removes removed removing eliminate eliminates eliminated eliminating obviate obviates obviated avoid avoids avoided`)

// removesNeed reports whether the "need" at token q follows a remover,
// directly or across "the".
func removesNeed(toks []token, q int) bool {
	k := q - 1
	if k >= 0 && toks[k].word == "the" {
		k--
	}
	return k >= 0 && needRemovers[toks[k].word]
}

// shortScope negations govern a noun phrase, not a verb phrase: "no
// attention" but not "with no attention aggregates neighbours".
var shortScope = setOf(`no without none nor neither lack lacks lacking`)

// negatedBefore reports the strongest negation in scope before token p:
// negStrong for "not", "without", ...; negWeak for "avoids", "free of", ...
// It depends only on the tokens and their denial marks, which do not change
// after analyzeInto, so each token's answer is memoised (a.negMemo).
func (a *analysis) negatedBefore(p int) negKind {
	k, _ := a.negatedBeforePhrase(p)
	return k
}

// negatedNear is negatedBefore less the reach of phraseNegated: the
// negations of the words near the token only. The coverage of a whole
// reference (refcover.go) compares words one by one, and a word that a
// negated verb reaches only as its argument ("is not connected to the
// positive battery terminal") is no evidence against the argument.
func (a *analysis) negatedNear(p int) negKind {
	if k, phrase := a.negatedBeforePhrase(p); !phrase {
		return k
	}
	return negNone
}

// phraseMemo marks a memoised negation found by phraseNegated.
const phraseMemo = 0x10

// negatedBeforePhrase is negatedBefore, and whether the negation reaches p
// only through the phrase it governs (phraseNegated).
func (a *analysis) negatedBeforePhrase(p int) (negKind, bool) {
	if p < len(a.negMemo) {
		if m := a.negMemo[p]; m != 0 {
			return negKind(m&^phraseMemo - 1), m&phraseMemo != 0
		}
		k, phrase := a.negatedBeforeUncached(p)
		m := uint8(k) + 1
		if phrase {
			m |= phraseMemo
		}
		a.negMemo[p] = m
		return k, phrase
	}
	return a.negatedBeforeUncached(p)
}

// negatedBeforeUncached is negatedBefore without the memo.
func (a *analysis) negatedBeforeUncached(p int) (negKind, bool) {
	toks := a.toks
	if neg, ok, phrase := a.quantifiedSubject(p); ok {
		return neg, phrase
	}
	found := negNone
	extra := 0 // a negation reaches across "or": "never predicts the noise or the clean image"
	cl, aside := toks[p].clause, false
	for q := p - 1; q >= 0 && p-q <= negationWindow+extra; q-- {
		if toks[q].clause != cl {
			// "X is not, as often claimed, Y": a negation right before a
			// reporting aside reaches across it.
			s, ok := asideStart(toks, q)
			if aside || !ok || s == 0 || toks[s-1].clause == toks[q].clause || toks[s-1].neg != negStrong {
				break
			}
			aside, extra = true, extra+q-s+1
			q = s - 1
			cl = toks[q].clause
		}
		if toks[q].word == "or" {
			extra += orReach
		}
		if a.deny != nil && a.deny[q]&denyFrame != 0 {
			continue // "not" of "it is not true that" belongs to its frame
		}
		switch negOf(&toks[q]) {
		case negStrong:
			if toks[q].word == "not" && q+1 < len(toks) && negationExemptNext[toks[q+1].word] {
				continue
			}
			if shortScope[toks[q].word] && p-q > 3+extra {
				continue
			}
			return negStrong, false
		case negPrefix:
			if q == p-1 && toks[p].joinPrev {
				return negStrong, false
			}
		case negWeak:
			found = negWeak
		}
		// "removes the need for X", "obviates the need for X"
		if toks[q].word == "need" && q+1 < p && toks[q+1].word == "for" && removesNeed(toks, q) {
			return negStrong, false
		}
		// "has nothing to do with X"
		if toks[q].word == "with" && q >= 3 && toks[q-1].word == "do" && toks[q-2].word == "to" && toks[q-3].word == "nothing" {
			return negStrong, false
		}
		// "instead of X", "rather than X"
		if q+1 < len(toks) && (toks[q].word == "instead" && toks[q+1].word == "of" ||
			toks[q].word == "rather" && toks[q+1].word == "than") {
			return negStrong, false
		}
	}
	if found == negNone && a.phraseNegated(p) {
		return negStrong, true
	}
	return found, false
}

// scopeMax bounds the phrase a negation governs, in words from the
// negation: a clause typed without punctuation may run on.
const scopeMax = 14

// scopeStops end the phrase a negation governs inside its clause: a
// restriction or contrast ("does not use X, only Y"; "not X but only Y";
// "instead", "rather"), a word that opens a clause of its own (relative
// pronouns, subordinators), a comparison ("than", "as", "like").
var scopeStops = setOf(`only just merely solely simply instead rather but except also even that which who whom whose
where when whenever while if unless until whether because since so than as like unlike what how why compared`)

// subjectStarts open a clause of their own inside a run-on clause: "if the
// token hasn't appeared after a fixed time you restart the episode".
var subjectStarts = setOf(`i you we they he she there`)

// variationVerbs, negated, state an invariance: "the sum does not change
// under a random reordering of the nodes" says the reordering happens and
// the sum stays, "latency doesn't grow with the number of action values".
// Their phrase is not negated beyond the window.
var variationVerbs = setOf(`depend depends depended change changes changed vary varies varied grow grows grew differ differs
matter matters affect affects`)

// unsureVerbs, negated, say what the speaker does not know, not what is
// false: "I don't remember the details of ChebNet".
var unsureVerbs = setOf(`remember recall know knew sure certain`)

// emptyHeads stand for the claim a relative clause after them makes: "X is
// not something that the model learns" denies that the model learns X.
var emptyHeads = setOf(`something anything thing`)

// phraseNegated reports whether token p lies in the phrase a negation
// before it in its clause governs, by the grammar of the clause rather
// than by distance: a negated verb ("not", "never", any "n't" form)
// reaches its object and the phrases attached to it ("does not reconstruct
// the edges with an inner-product decoder"), a negative determiner or
// preposition ("no", "without", "none", "nor") its noun phrase and the
// prepositional phrases attached to it ("there is no path from the
// downsampling half to the upsampling half"). The phrase ends at the end
// of the clause, at a word of scopeStops, and where a new predicate
// starts: for a negated verb an auxiliary or finite verb after its object
// has begun, for a negated noun phrase any auxiliary or finite verb ("with
// no attention aggregates neighbours" negates no aggregation).
func (a *analysis) phraseNegated(p int) bool {
	toks := a.toks
	cl := toks[p].clause
	if a.scopeStop(p) {
		return false
	}
	for q := p - 1; q >= 0 && p-q <= scopeMax && toks[q].clause == cl; q-- {
		t := &toks[q]
		if a.scopeStop(q) {
			return false
		}
		if negOf(t) != negStrong {
			continue
		}
		if t.word == "not" && q+1 < len(toks) && negationExemptNext[toks[q+1].word] ||
			a.deny != nil && a.deny[q]&denyFrame != 0 {
			return false
		}
		return a.phraseFrom(q, p, !shortScope[t.word])
	}
	return false
}

// scopeStop reports whether token q ends the phrase of a negation before
// it: a word of scopeStops or subjectStarts, except "that" or "which"
// after an empty head ("X is not something that Y" reads on into Y).
func (a *analysis) scopeStop(q int) bool {
	t := &a.toks[q]
	if t.lex&(lexScopeStop|lexSubjectStart) == 0 {
		return false
	}
	return (t.word != "that" && t.word != "which") || q == 0 || a.toks[q-1].lex&lexEmptyHead == 0
}

// adjunctStarts reports whether an adjunct of purpose or time that the
// negation does not reach starts at token j: "does not need a teacher to
// distil the model" still distils the model, "does not need retraining
// for fast sampling" still samples fast, "never sees the clean image
// during sampling" still samples.
func adjunctStarts(toks []token, j int) bool {
	switch toks[j].word {
	case "for", "during":
		return true
	case "to":
		// "to distil the model": a verb, or a word the lexicon does not
		// know followed by the article of its object.
		return j+1 < len(toks) && (toks[j+1].verb == verbBase ||
			toks[j+1].verb == verbNone && !toks[j+1].fn && j+2 < len(toks) && toks[j+2].lex&lexArticle != 0)
	}
	return false
}

// phraseFrom reports whether the words after the negation at token q, up
// to token p, continue the phrase it governs: for a verbal negation the
// verb group, then its object and the phrases attached to it; for a
// nominal one the noun phrase and its prepositional phrases. A relative
// clause after an empty head ("something that") carries the negation on.
func (a *analysis) phraseFrom(q, p int, verbal bool) bool {
	toks := a.toks
	if !verbal && toks[q].word == "without" && q+1 < len(toks) && toks[q+1].verb == verbIng {
		verbal = true // "without going through the steps"
	}
	object := false // past the verb group
	for j := q + 1; j <= p; j++ {
		t := &toks[j]
		if t.lex&(lexUnsureVerb|lexVariationVerb) != 0 && !object {
			return false
		}
		predicate := t.aux || t.verb == verbFinite || t.lex&lexContracted != 0
		switch {
		case object && adjunctStarts(toks, j):
			return false
		case (t.word == "that" || t.word == "which") && toks[j-1].lex&lexEmptyHead != 0:
			object = false // the relative clause's own verb group follows
		case predicate && object:
			return false
		case !verbal && (t.word == "by" || t.verb == verbIng):
			// "without spherical harmonics by canonicalising the molecule":
			// a means or a gerund after the noun phrase is the clause's,
			// not the noun's.
			return false
		case !predicate && t.verb != verbBase && t.verb != verbPast && t.verb != verbIng && t.lex&lexAdverbNeg == 0:
			object = true
		}
	}
	return true
}

// negatedAfter reports a negation that follows the phrase ending at token
// last, across auxiliaries only: "mode collapse is not a problem", "mode
// collapse doesn't happen", "collapse-free", "own features play no role",
// "over-smoothing has nothing to do with depth". Up to two more words of the
// phrase's noun group may come first when an auxiliary follows them
// ("attention-based readout is never used").
func (a *analysis) negatedAfter(last int) negKind {
	toks := a.toks
	skipped, sawAux := 0, false
	for q := last + 1; q < len(toks) && q-last <= 3+skipped; q++ {
		t := &toks[q]
		if t.clause != toks[last].clause || a.deny != nil && a.deny[q]&denyFrame != 0 {
			break
		}
		if (negOf(t) != negNone || t.lex&lexDenial != 0) && skipped > 0 && !sawAux && t.lex&lexContracted == 0 {
			return negNone // "attention weights nobody uses": too far to tell
		}
		switch negOf(t) {
		case negStrong:
			switch t.word {
			case "not":
				if q+1 < len(toks) && negationExemptNext[toks[q+1].word] {
					return negNone
				}
			case "no":
				// "attention, no ..." negates what follows; "plays no role"
				// denies the phrase.
				if q+1 < len(toks) && noEffect[toks[q+1].word] {
					return negStrong
				}
				return negNone
			case "without", "nor":
				// "X without Y" negates Y, not X.
				return negNone
			}
			return negStrong
		case negWeak:
			return negWeak
		}
		if t.lex&lexDenial != 0 {
			return negStrong
		}
		switch {
		case t.aux:
			sawAux = true
		case sawAux && t.lex&lexArticle != 0:
			// "over-smoothing is a myth"
		case !sawAux && !t.fn && skipped < 2:
			skipped++
		default:
			return negNone
		}
	}
	return negNone
}

// adverbNegations negate like "not" though the tables do not list them
// among the negations: "the solver hardly matters", "scarcely helps".
var adverbNegations = setOf(`hardly scarcely`)

// subjectQuantifiers negate the clause they open as its subject: "none of
// the tools could scratch topaz" says the tools could not scratch it,
// "nobody saw it", "nothing happened", "neither the nail nor the penny
// scratched it".
var subjectQuantifiers = setOf(`none nobody nothing neither noone`)

// quantifiedSubject reads the scope of a negative quantifier or a "no"
// that opens the clause of token p as its subject. The negation moves to
// the verb group that follows the subject, as "not" before the verb would,
// and reaches as far as a negated verb does (phraseFrom): "nothing in the
// vision backbone depends on the text", "no layer of the backbone ever
// depends on the language instruction". The words of a quantifier's noun
// phrase ("tools" in "none of the tools", "vision backbone" in "nothing in
// the vision backbone") are said of nothing: they are negated for a key
// point's match, but phrase is set, so that the coverage of a whole
// reference, which compares words one by one, reads them as said; those of
// "no X" keep the usual rules ("no teacher is used" says no teacher). ok is
// false when the clause does not open so, or when p is beyond the verb
// group's reach (the usual rules then apply), or when the quantifier opens
// a denial frame.
func (a *analysis) quantifiedSubject(p int) (neg negKind, ok, phrase bool) {
	toks := a.toks
	cl := toks[p].clause
	s := p
	for s > 0 && toks[s-1].clause == cl && p-s < 16 {
		s--
	}
	if s > 0 && toks[s-1].clause == cl {
		return negNone, false, false
	}
	q, det := s, false
	if clauseWords[toks[q].word] && q+1 < p {
		q++ // "because none of the tools could scratch it": the linking word opens the clause
	}
	switch w := toks[q].word; {
	case toks[q].lex&lexSubjectQuant != 0:
	case w == "no" && q+1 < len(toks) && (toks[q+1].word == "one" || toks[q+1].word == "1"):
		q++
	case w == "no" && q+1 < len(toks) && toks[q+1].clause == cl && !toks[q+1].fn && toks[q+1].neg == negNone:
		det = true // "no layer of the backbone ever depends on ..."
	default:
		return negNone, false, false
	}
	if p <= q || a.deny != nil && a.deny[q]&denyFrame != 0 {
		return negNone, false, false // "nobody claims that X" is a denial frame
	}
	// The verb group starts at the first auxiliary or verb form after the
	// quantifier; "none" and "nothing" may be followed by it directly.
	k := -1
	for j := q + 1; j < len(toks) && toks[j].clause == cl; j++ {
		t := &toks[j]
		if t.aux || t.verb == verbFinite || t.verb == verbPast || t.lex&lexContracted != 0 ||
			t.verb == verbNone && !t.fn && len(t.word) > 4 && strings.HasSuffix(t.word, "ed") {
			k = j
			break
		}
	}
	switch {
	case k < 0:
		return negNone, false, false
	case p < k && det:
		return negNone, false, false // "no teacher": the usual rules
	case p < k:
		return negStrong, true, true // the quantifier's noun phrase
	case p-k < negationWindow:
		return negStrong, true, false
	case a.phraseFrom(k-1, p, true) && !a.stopBetween(k, p):
		return negStrong, true, true
	}
	return negNone, false, false
}

// stopBetween reports whether a token after k, up to p, ends the phrase
// of a negation (scopeStop).
func (a *analysis) stopBetween(k, p int) bool {
	for j := k + 1; j <= p; j++ {
		if a.scopeStop(j) {
			return true
		}
	}
	return false
}

// negOf is the negation a token carries, adverbNegations included.
func negOf(t *token) negKind {
	if t.neg == negNone && t.lex&lexAdverbNeg != 0 {
		return negStrong
	}
	return t.neg
}

// articles may stand between an auxiliary and a denial.
var articles = setOf(`a an the`)

// contracted negations are auxiliaries too: "residual connections don't help".
var contracted = setOf(`dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt hasnt havent hadnt aint mustnt neednt cannot`)

// noEffect are the nouns of "plays no role", "has no effect", "makes no
// difference".
var noEffect = setOf(`role effect impact influence part bearing difference use`)
