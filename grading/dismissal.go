package grading

// Rejections and dismissals (besides the frames of denial.go).
//
// An answer can take a claim back without "false" or "not": by a predicate
// that rejects its subject, by the speaker's own verb of rejection, or by
// reporting what others hold and then correcting it (reports.go). The
// classes here:
//
//   - A rejecting predicate of the subject: a copula, hedges ("mostly",
//     "more of", "little more than", "in my view"), and a noun phrase headed
//     or qualified by a word of falsity or dismissal ("X is mostly ritual",
//     "X is marketing", "X is more of a theoretical myth than anything",
//     "X is an overstated requirement", "X is a theoretical worst case", "X
//     is no longer a limitation", "X is no problem", "X is a nice-to-have",
//     "X is mostly theoretical"), "X doesn't (really) hold up / hold water /
//     stand up / add up", "X has been shown to be a myth", "X turns out to
//     be wrong", "X is not supported by the evidence", and of a claim only
//     ("the idea that X ...") "falls apart", "misses the point", "has been
//     abandoned", "is no longer held". The subject is the clause before the
//     predicate, with an appositive ("the usual justification, that Y,
//     doesn't hold up") or a subject listed over commas; a subject that
//     refers back ("that concern", "that", "this framing") takes back what
//     the sentence said before it, or the sentence before when it opens its
//     sentence ("Honestly, that framing doesn't hold up"). An appositive
//     after the claim may carry the predicate: "X - a claim that does not
//     survive scrutiny".
//   - A predicate naming the speaker's rejection: "X is something I'd push
//     back on", "X. I'd call that a myth."
//   - The speaker's verb of rejection before the claim: "I'd push back on
//     X", "I'd dismiss X", "I reject / dispute / doubt / question X", "I'm
//     skeptical of X", "I'm not convinced that X", "don't fall for X". It
//     reaches to the end of its clause, or, when its object is a reported
//     claim ("the idea that X"), to the end of the sentence or a contrast
//     word; a claim named before the noun that calls it one is rejected
//     alone ("I'd dismiss the 'iterative refinement' argument").
//   - "It is not (really) about X": X is not what matters.
//
// A claim whose rejection is of falsity ("myth", "overstated", "doesn't
// hold up") is denied (its polarity turned round); one said not to be
// needed or minor ("unnecessary caution", "optional", "a minor detail",
// "rarely needed") is dismissed, as "X is unnecessary" is. A rejection never reaches past a contrast word, so "X
// is overstated, but Y matters" still asserts Y.

// dismissNouns head a predicate that calls its subject empty show or hot
// air: "X is mostly ritual", "X is marketing".
var dismissNouns = setOf(`ritual rituals marketing hype superstition superstitions folklore fad buzzword buzzwords cliche relic
relics holdover distraction overkill nitpick theater theatre handwaving caricature strawman formality technicality sideshow
curiosity misnomer stretch leftover leftovers vestige vestiges holdovers trope tropes bunk rubbish garbage hogwash baloney cargo fairy wishful anecdotal cosmetic`)

// overWords say that a claim or a worry is made more of than it is.
var overWords = setOf(`overhyped oversold overemphasized overemphasised overplayed overdone overcautious`)

// problemNouns name a difficulty: "no longer a limitation", "a
// theoretical concern".
var problemNouns = setOf(`problem problems issue issues concern concerns worry worries limitation limitations bottleneck bottlenecks
constraint constraints obstacle obstacles barrier barriers risk risks danger dangers`)

// minorAdjectives make a problem one that does not arise in practice: "a
// theoretical concern", "a theoretical worst case".
var minorAdjectives = setOf(`theoretical academic hypothetical cosmetic minor pathological contrived artificial`)

// minorNouns call their subject a side matter, bare or after a minor
// adjective or a detailQualifier: "a detail", "a minor detail", "just a
// sampling detail", "a mere footnote" (not "an important detail").
var (
	minorNouns       = setOf(`detail details footnote footnotes`)
	detailQualifiers = setOf(`mere small sampling implementation technical`)
)

// hedgedHeads reject their subject after a hedge that limits it: "X is
// mostly theoretical", "purely academic".
var hedgedHeads = setOf(`theoretical academic hypothetical speculative`)

// limitingHedges limit what follows them: "mostly theoretical".
var limitingHedges = setOf(`mostly largely purely merely only entirely basically essentially`)

// optionalWords say their subject may be left out: "X is optional", "a
// luxury".
var optionalWords = setOf(`optional luxury`)

// abandonedWords say a claim was given up: "the view that X has been
// abandoned".
var abandonedWords = setOf(`abandoned replaced superseded overturned discarded dropped retired rejected discredited dismissed
refuted falsified`)

// supportWords, negated, say a claim lacks grounds: "is not supported by
// the evidence", "isn't borne out".
var supportWords = setOf(`supported backed borne substantiated justified warranted grounded`)

// rejectHedges may stand between a copula and a rejecting predicate: "is
// mostly ritual", "is basically marketing".
var rejectHedges = setOf(`basically essentially merely mere purely pure frankly honestly often usually somewhat rather vastly wildly
greatly hugely highly massively grossly heavily badly seriously totally entirely largely mostly mainly partly just simply
also likewise equally really actually clearly plainly all too way kinda`)

// asideWords make up a short parenthetical before a predicate: "is, in
// my view, marketing".
var asideWords = setOf(`in my our view opinion i we think would say frankly honestly at best imo arguably really practice
reality fact experience to be honest if you ask me`)

// rejectVerbs are the speaker's verbs of rejection: "I'd dismiss X".
var rejectVerbs = setOf(`dismiss reject dispute doubt question challenge discount disagree contest`)

// speakerWords open a rejection by the speaker: "I'd push back on".
var speakerWords = setOf(`i id we wed im ill`)

// discourseWords may open a sentence or a clause before a frame or a
// short denial of what came before: "Honestly, that framing doesn't hold
// up", "But really, that isn't how it works", "in practice they don't".
var discourseWords = setOf(`honestly frankly really realistically personally truthfully admittedly but and however so well yet
still in practice reality fact though actually sadly unfortunately`)

// rejectionHead reports whether the word at q heads or qualifies a
// rejecting predicate, and whether it says the subject is not needed
// (dismissal) rather than false.
func rejectionHead(w *sentWords, q int) (ok, dismissal bool) {
	x := w.at(q)
	switch {
	case w.lexAt(q)&(lexDismiss|lexDegree|lexOver) != 0:
		return true, true // "unnecessary caution", "an overstated requirement"
	case w.lexAt(q)&(lexFalse|lexClaimFalse|lexDismissNoun|lexOver) != 0:
		return true, false
	case x == "non" && w.lexAt(q+1)&lexProblemNoun != 0, x == "nonissue" || x == "nonproblem":
		return true, false
	}
	return false, false
}

// skipAside returns the first token after a short parenthetical clause
// starting at q ("in my view", "I think", "frankly"), or q when there is
// none. The parenthetical must be a clause of its own, followed by another
// clause of the same sentence.
func skipAside(w *sentWords, toks []token, q int) int {
	if q >= w.s1 || q > w.s0 && toks[q].clause == toks[q-1].clause {
		return q
	}
	e := q
	for e < w.s1 && toks[e].clause == toks[q].clause {
		if toks[e].lex&lexAside == 0 || e-q >= 4 {
			return q
		}
		e++
	}
	if e >= w.s1 {
		return q
	}
	return e
}

// rejectingPredicate returns the end of a predicate starting at token k
// that rejects the subject before it ("is mostly ritual", "doesn't really
// hold up", "is something I'd push back on"), or k when there is none;
// dismissal says the predicate calls its subject unneeded rather than
// false. With virtual set, token k is what follows a pronoun whose copula
// was dropped ("that('s) a theoretical worst case").
func rejectingPredicate(w *sentWords, toks []token, k int, virtual bool) (end int, dismissal bool) {
	q := k
	if !virtual {
		switch w.at(q) {
		case "is", "are", "was", "were", "s", "isnt", "arent", "wasnt", "seems", "seem", "sounds", "sound", "looks", "look", "remains", "remain", "feels":
			q++
			if w.at(q) == "like" && w.at(q-1) != "is" && w.at(q-1) != "are" && w.at(q-1) != "was" && w.at(q-1) != "were" {
				q++ // "sounds like marketing"
			}
		case "has", "have", "had":
			// "has been shown to be false", "has long been abandoned"
			q++
			if w.at(q) == "long" || w.at(q) == "since" || w.at(q) == "largely" || w.at(q) == "mostly" || w.at(q) == "now" {
				q++
			}
			if w.at(q) != "been" {
				return k, false
			}
			q++
			if abandonedWords[w.at(q)] && claimSubject(w, k) {
				return closesPredicate(w, toks, q+1), false
			}
			if w.at(q) == "shown" || w.at(q) == "proven" || w.at(q) == "proved" || w.at(q) == "found" || w.at(q) == "demonstrated" {
				q++
				if w.at(q) == "to" && w.at(q+1) == "be" {
					q += 2
				}
			}
		case "turns", "turned", "proves", "proved":
			// "turns out to be wrong", "proved to be a myth"
			q++
			if w.at(q) == "out" {
				q++
			}
			if w.at(q) != "to" || w.at(q+1) != "be" {
				return k, false
			}
			q += 2
		case "falls", "fall", "fell", "breaks", "break", "broke":
			// "the idea that X falls apart": only of a claim
			if (w.at(q+1) == "apart" || w.at(q+1) == "down") && claimSubject(w, q) {
				return closesPredicate(w, toks, q+2), false
			}
			return k, false
		case "misses", "miss", "missed":
			if w.at(q+1) == "the" && (w.at(q+2) == "point" || w.at(q+2) == "mark") && claimSubject(w, q) {
				return closesPredicate(w, toks, q+3), false
			}
			return k, false
		case "doesnt", "dont", "didnt":
			return holdsUp(w, toks, q+1), false
		case "does", "do", "did":
			if w.at(q+1) != "not" {
				return k, false
			}
			return holdsUp(w, toks, q+2), false
		default:
			return k, false
		}
	}
	q = skipAside(w, toks, q)
	start := q
	limited := false
	for n := 0; n < 4; n++ {
		switch x := w.at(q); {
		case rejectHedges[x] || x == "only":
			limited = limited || limitingHedges[x]
			q++
		case x == "more" && w.at(q+1) == "of":
			q += 2 // "more of a myth than"
		case (x == "little" || x == "nothing") && w.at(q+1) == "more" && w.at(q+2) == "than":
			q += 3 // "little more than marketing"
		case x == "nothing" && w.at(q+1) == "but":
			q += 2
		case (x == "kind" || x == "sort") && w.at(q+1) == "of":
			q += 2
		case x == "at" && w.at(q+1) == "best":
			q += 2
		case x == "a" && w.at(q+1) == "bit":
			q += 2 + btoi(w.at(q+2) == "of") // "a bit overstated", "a bit of a myth"
		default:
			n = 4
		}
	}
	switch {
	case limited && hedgedHeads[w.at(q)]:
		return closesPredicate(w, toks, q+1), false // "is mostly theoretical"
	case w.at(q) == "old" && w.at(q+1) == "news", w.at(q) == "beside" && w.at(q+1) == "the" && w.at(q+2) == "point":
		return closesPredicate(w, toks, q+2+btoi(w.at(q) == "beside")), false
	case w.at(q) == "rarely" && (w.at(q+1) == "needed" || w.at(q+1) == "necessary" || w.at(q+1) == "used" || w.at(q+1) == "useful"):
		return closesPredicate(w, toks, q+2), true // "X is rarely needed"
	case (w.at(q) == "not" || w.at(k) == "isnt" || w.at(k) == "arent" || w.at(k) == "wasnt") && supportWords[w.at(q+btoi(w.at(q) == "not"))]:
		// "is not supported by the evidence", "isn't borne out"
		q += 1 + btoi(w.at(q) == "not")
		if w.at(q) == "out" || w.at(q) == "up" {
			q++
		}
		if w.at(q) == "by" {
			return q, false
		}
		return closesPredicate(w, toks, q), false
	}
	if abandonedWords[w.at(q)] && w.at(k) != "has" && w.at(k) != "have" && w.at(k) != "had" && claimSubject(w, k) {
		return closesPredicate(w, toks, q+1), false // "the old view that X was abandoned"
	}
	if w.at(q) == "no" && w.at(q+1) == "longer" && (w.at(q+2) == "held" || w.at(q+2) == "accepted" || w.at(q+2) == "believed") && claimSubject(w, k) {
		return closesPredicate(w, toks, q+3), false // "the view that X is no longer held"
	}
	if w.at(q) == "no" && w.at(q+1) != "longer" {
		// "one-to-many relations are no problem (either)"
		q = skipIntensifiers(w, q+1)
		if w.lexAt(q)&lexProblemNoun == 0 {
			return k, false
		}
		return closesPredicate(w, toks, q+1), false
	}
	if w.at(q) == "no" && w.at(q+1) == "longer" {
		// "X is no longer a limitation"
		q += 2
		if w.at(q) == "a" || w.at(q) == "an" {
			q++
		}
		q = skipIntensifiers(w, q)
		if w.lexAt(q)&lexProblemNoun == 0 {
			return k, false
		}
		return closesPredicate(w, toks, q+1), false
	}
	if w.at(q) == "something" || w.at(q) == "one" && w.at(q+1) == "thing" {
		// "X is something I'd push back on"
		q += 1 + btoi(w.at(q) == "one")
		if e := speakerRejection(w, q); e > q {
			return e, false
		}
		return k, false
	}
	if w.at(q) == "a" || w.at(q) == "an" {
		q++
	}
	// A noun phrase of up to three words, one of them a word of
	// rejection, or a minor adjective before a problem noun ("a theoretical
	// worst case").
	found, dis, falsity := false, false, false
	cl := toks[min(max(start, k), w.s1-1)].clause
	for n := 0; n < 3 && q < w.s1 && toks[q].clause == cl; n++ {
		if ok, d := rejectionHead(w, q); ok {
			found, dis, falsity = true, d, w.lexAt(q)&lexFalse != 0
			q++
			if w.at(q-1) == "non" {
				q++
			}
			break
		}
		if w.at(q) == "nice" && w.at(q+1) == "to" && w.at(q+2) == "have" || optionalWords[w.at(q)] {
			// "a nice-to-have rather than a requirement", "optional"
			found, dis = true, true
			q += 1 + 2*btoi(w.at(q) == "nice")
			break
		}
		if minorNouns[w.at(q)] && (n == 0 || minorAdjectives[w.at(q-1)] || detailQualifiers[w.at(q-1)]) {
			found, dis = true, true // "a minor detail", "just a sampling detail"
			q++
			break
		}
		if w.at(q) == "half" && w.at(q+1) == "truth" {
			found, q = true, q+2 // "a half-truth"
			break
		}
		if w.at(q+1) == "but" && w.lexAt(q+2)&lexFalse != 0 && !toks[q].fn {
			q += 2 // "a popular but mistaken view"
			cl = toks[q].clause
			continue
		}
		if minorAdjectives[w.at(q)] {
			r := q + 1
			if (w.at(r) == "worst" || w.at(r) == "edge" || w.at(r) == "corner") && w.at(r+1) == "case" {
				found, q = true, r+2
				break
			}
			if w.lexAt(r)&lexProblemNoun != 0 || w.at(r) == "curiosity" || w.at(r) == "exercise" {
				found, q = true, r+1
				break
			}
		}
		if toks[q].fn || toks[q].verb == verbFinite || toks[q].neg != negNone || toks[q].lex&lexCopula != 0 {
			break
		}
		q++
	}
	if !found || q == k {
		return k, false
	}
	// The rest of the noun phrase: "an overstated requirement", "unnecessary
	// caution".
	for n := 0; n < 2 && q < w.s1 && toks[q].clause == toks[q-1].clause && !toks[q].fn && (toks[q].verb == verbNone || toks[q].verb == verbIng) &&
		toks[q].neg == negNone; n++ {
		q++
	}
	if falsity && (w.at(q) == "that" || w.at(q) == "to") {
		return k, false // "it is also a myth that X" heads its claim (prefixFrame)
	}
	return closesPredicate(w, toks, q), dis
}

// claimSubject reports whether the sentence before token k names a claim
// as its subject: "the idea that X", "this argument".
func claimSubject(w *sentWords, k int) bool {
	for q := k - 1; q >= w.s0; q-- {
		if w.lexAt(q)&(lexBeliefNoun|lexClaimNoun) != 0 && (q == w.s0 || w.lexAt(q-1)&(lexArticle|lexBeliefAdj|lexBackRef) != 0 ||
			w.at(q-1) == "that" || w.at(q-1) == "this") {
			return true
		}
	}
	return false
}

// closesPredicate returns q when the predicate ending there closes its
// clause (end of sentence, a new clause, a contrast, a comparison's "than",
// a relative clause or a qualifier follows), or -1.
func closesPredicate(w *sentWords, toks []token, q int) int {
	if q >= w.s1 || toks[q].clause != toks[q-1].clause || toks[q].lex&lexContrastStop != 0 || qualifierAt(w, q) || toks[q].lex&lexTrailer != 0 {
		return q
	}
	switch w.at(q) {
	case "than", "that", "which", "at", "given", "anyway", "compared", "these", "nowadays", "today", "on", "under", "when", "once", "upon",
		"by", "after", "long", "ago", "rather", "either":
		return q
	}
	if w.at(q+1) == "ago" {
		return q // "years ago"
	}
	if (w.at(q) == "of" || w.at(q) == "from") && pastNouns[w.at(q-1)] {
		return q // "a relic of the early papers", "a leftover from ..."
	}
	return -1
}

// pastNouns call their subject what is left of an earlier practice: "a
// relic of", "a leftover from".
var pastNouns = setOf(`relic relics holdover holdovers leftover leftovers vestige vestiges`)

// holdsUp returns the end of "hold up", "hold water", "stand up", "add
// up", "check out", "pan out", "survive scrutiny" or "hold" starting at q
// (after a negated auxiliary, across an adverb: "doesn't really hold up"),
// or -1.
func holdsUp(w *sentWords, toks []token, q int) int {
	for n := 0; n < 2 && (w.at(q) == "really" || w.at(q) == "quite" || w.at(q) == "actually" || w.at(q) == "entirely" || w.at(q) == "always" ||
		w.at(q) == "fully" || w.at(q) == "even" || w.at(q) == "necessarily"); n++ {
		q++
	}
	switch w.at(q) {
	case "hold":
		q++
		if w.at(q) == "up" || w.at(q) == "water" || w.at(q) == "true" {
			q++
		}
	case "stand", "add":
		if w.at(q+1) != "up" {
			return -1
		}
		q += 2
	case "check", "pan":
		if w.at(q+1) != "out" {
			return -1
		}
		q += 2
	case "survive":
		q++
		if w.at(q) == "scrutiny" {
			q++
		}
	default:
		return -1
	}
	if w.at(q) == "to" && w.at(q+1) == "scrutiny" {
		q += 2
	}
	return closesPredicate(w, toks, q)
}

// speakerRejection returns the end of the speaker's rejection starting at
// token i ("I'd push back on", "I'd also dismiss", "we reject", "I'm
// skeptical of", "don't fall for"), or i when there is none.
func speakerRejection(w *sentWords, i int) int {
	if (w.at(i) == "dont" || w.at(i) == "never") && w.at(i+1) == "fall" && w.at(i+2) == "for" {
		return i + 3 // "Don't fall for the claim that X"
	}
	if w.lexAt(i)&lexSpeaker == 0 {
		return i
	}
	k := i + 1
	for n := 0; n < 3 && (w.at(k) == "would" || w.at(k) == "must" || w.at(k) == "also" || w.at(k) == "strongly" || w.at(k) == "really" ||
		w.at(k) == "definitely" || w.at(k) == "certainly" || w.at(k) == "honestly" || w.at(k) == "therefore" || w.at(k) == "then" ||
		w.at(k) == "have" && w.at(k+1) == "to" || w.at(k) == "to" || w.at(k) == "am" || w.at(k) == "d" || w.at(k) == "m"); n++ {
		k++
	}
	switch x := w.at(k); {
	case rejectVerbs[x]:
		k++
		if x == "disagree" && w.at(k) == "with" {
			k++
		}
		return k
	case x == "push" && w.at(k+1) == "back":
		k += 2
		if w.at(k) == "on" || w.at(k) == "against" {
			k++
		}
		return k
	case x == "take" && w.at(k+1) == "issue" && w.at(k+2) == "with":
		return k + 3
	case x == "argue" && w.at(k+1) == "against":
		return k + 2
	case (x == "not" || x == "never") && (w.at(k+1) == "convinced" || w.at(k+1) == "persuaded" || w.at(k+1) == "sold") &&
		(w.at(k+2) == "that" || w.at(k+2) == "by" || w.at(k+2) == "of" || w.at(k+2) == "on"):
		return k + 3 // "I'm not convinced that X"
	case (x == "skeptical" || x == "sceptical" || x == "unconvinced") && (w.at(k+1) == "of" || w.at(k+1) == "about" || w.at(k+1) == "that" || w.at(k+1) == "by"):
		return k + 2
	}
	return i
}

// rejectionFrames marks the rejections starting at token i of the sentence
// s0..s1 (see the classes above) and returns their end, or i when there is
// none.
func rejectionFrames(w *sentWords, toks []token, marks []uint8, i, s0, s1 int) int {
	if e := speakerRejection(w, i); e > i && e < s1 && (i == s0 || toks[i].clause != toks[i-1].clause || w.at(i-1) == "and" || w.at(i-1) == "but") {
		for k := i; k < e; k++ {
			marks[k] |= denyFrame
		}
		whole := w.at(e) == "the" && (w.lexAt(e+1)&(lexBeliefNoun|lexClaimNoun) != 0 || w.lexAt(e+1)&lexBeliefAdj != 0)
		if !whole && w.at(e) == "the" {
			// "I'd dismiss the 'iterative refinement' argument": the claim
			// is named before the noun that calls it one.
			for n := e + 2; n < s1 && n <= e+6; n++ {
				if w.lexAt(n)&(lexBeliefNoun|lexClaimNoun) != 0 {
					for k := e + 1; k < n; k++ {
						marks[k] |= denyScope
					}
					return e
				}
			}
		}
		for k := e; k < s1 && !contrastAt(toks, k); k++ {
			if !whole && toks[k].clause != toks[e].clause && toks[k].lex&lexClause == 0 {
				break // "I'd dismiss the 'refinement' argument: ..."
			}
			marks[k] |= denyScope
		}
		return e
	}
	if w.at(i) == "so" && w.at(i-1) == "or" {
		// "X - or so people like to think"
		if e := genericReport(&sentWords{toks, i + 1, s1}, i+1); e > i+1 && (e >= s1 || toks[e].clause != toks[e-1].clause) {
			for q := i; q < e; q++ {
				marks[q] |= denyFrame
			}
			for q := i - 2; q >= s0 && !contrastAt(toks, q); q-- {
				marks[q] |= denyScope
			}
			return e
		}
	}
	if e := notAbout(w, i); e > i && (i == s0 || toks[i].clause != toks[i-1].clause || w.lexAt(i-1)&lexDiscourse != 0) {
		// "It is not really about the averaging or the depth - ..."
		for q := i; q < e; q++ {
			marks[q] |= denyFrame
		}
		for q := e; q < s1 && !contrastAt(toks, q) && (q == e || toks[q].clause == toks[q-1].clause || toks[q].lex&lexClause != 0); q++ {
			marks[q] |= denyScope
		}
		return e
	}
	if w.lexAt(i)&lexSpeaker != 0 && (i == s0 || toks[i].clause != toks[i-1].clause) {
		// "X. I'd call that a myth."
		k := i + 1
		for k < s1 && k < i+3 && (w.at(k) == "would" || w.at(k) == "d" || w.at(k) == "also" || w.at(k) == "just" || w.at(k) == "honestly") {
			k++
		}
		if (w.at(k) == "call" || w.at(k) == "consider") && (w.at(k+1) == "that" || w.at(k+1) == "this" || w.at(k+1) == "it") {
			if end, _ := rejectingPredicate(w, toks, k+2, true); end > k+2 && (end >= s1 || toks[end].clause == toks[end-1].clause || toks[end].lex&lexContrastStop != 0) {
				for q := i; q < end; q++ {
					marks[q] |= denyFrame
				}
				denyBefore(toks, marks, s0, i, denyScope)
				return end
			}
		}
	}
	if (w.at(i) == "a" || w.at(i) == "an") && i > s0 && toks[i].clause != toks[i-1].clause {
		// "X - a claim that does not survive scrutiny"
		q := i + 1
		for n := 0; n < 2 && w.lexAt(q)&lexBeliefAdj != 0; n++ {
			q++
		}
		if w.lexAt(q)&(lexBeliefNoun|lexClaimNoun) != 0 && (w.at(q+1) == "that" || w.at(q+1) == "which") {
			if end, _ := rejectingPredicate(w, toks, q+2, false); end > q+2 {
				for k := i; k < end; k++ {
					marks[k] |= denyFrame
				}
				for k := i - 1; k >= s0 && !contrastAt(toks, k); k-- {
					marks[k] |= denyScope
				}
				return end
			}
		}
		return i
	}
	// "that's a theoretical worst case", with its 's dropped.
	virtual := (w.at(i) == "that" || w.at(i) == "this" || w.at(i) == "it") &&
		(i == s0 || toks[i].clause != toks[i-1].clause || w.lexAt(i-1)&lexDiscourse != 0 || w.lexAt(i-1)&lexContrastStop != 0) &&
		i+1 < s1 && toks[i+1].clause == toks[i].clause &&
		(w.lexAt(i+1)&lexArticle != 0 || rejectHedges[w.at(i+1)] || w.at(i+1) == "more" || w.at(i+1) == "little")
	if !virtual && i == s0 {
		return i // a predicate needs a subject before it
	}
	k := i
	if virtual {
		k = i + 1
	}
	end, dis := rejectingPredicate(w, toks, k, virtual)
	if end <= k && !virtual && toks[k].lex&lexCopula != 0 && w.at(k+1) == "what" {
		// "X is what people like to claim, but ..."
		if e := genericReport(&sentWords{toks, k + 2, s1}, k+2); e > k+2 && correctedAfter(toks, w, e, s1) {
			end = e
		}
	}
	if end <= k || namesCorrectedBelief(toks, s0, i, end) {
		return i // "X does not predict the noise - that's a common misconception"
	}
	mark := denyScope
	if dis {
		mark = denyPred
	}
	// The subject: the clause before the predicate, with an appositive or a
	// subject listed over commas.
	c0 := i
	if !virtual {
		c0 = clauseStart(toks, s0, i)
		if c0 == i && i > s0 {
			c0 = clauseStart(toks, s0, i-1)
		}
		for c0 > s0 && !contrastAt(toks, c0) {
			p0 := clauseStart(toks, s0, c0-1)
			if clauseHasPredicate(toks[p0:c0]) && w.at(c0) != "that" && w.at(c0) != "which" {
				break
			}
			c0 = p0
		}
	}
	// A subject that refers back ("that", "that concern", "this framing")
	// takes back what came before it.
	b := c0
	for b < k && (w.lexAt(b)&lexDiscourse != 0 || w.lexAt(b)&lexSubjectFiller != 0) {
		b++
	}
	back := virtual || b < k && (w.lexAt(b)&lexBackRef != 0 || w.at(b) == "that" || w.at(b) == "this" || w.at(b) == "it" || w.at(b) == "such") &&
		k-b <= 2+btoi(w.lexAt(b+1)&lexBeliefAdj != 0)
	if back && (b == s0 || opensSentence(w, s0, b)) && end < s1 && toks[end].lex&lexContrastStop == 0 && toks[end].lex&lexReason == 0 && toks[end].word != "and" {
		for q := k; q < end; q++ {
			if toks[q].lex&lexFalse != 0 {
				return i // "It's a myth: X" heads what follows (prefixFrame)
			}
		}
	}
	for q := k; q < end; q++ {
		marks[q] |= denyFrame
	}
	if back {
		denyBefore(toks, marks, s0, c0, mark)
		return end
	}
	for q := c0; q < i; q++ {
		marks[q] |= mark
	}
	return end
}

// rejectionStarters are the words a rejection of this file can start with,
// besides denial.go's starters.
var rejectionStarters = func() map[string]bool {
	m := setOf(`seems seem sounds sound looks look remains remain feels falls fall fell breaks break broke misses miss missed
turns proves a an`)
	for w := range speakerWords {
		m[w] = true
	}
	return m
}()

// opensSentence reports whether only discourse words ("Honestly", "But
// really") stand before token i in its sentence.
func opensSentence(w *sentWords, s0, i int) bool {
	for k := s0; k < i; k++ {
		if w.lexAt(k)&lexDiscourse == 0 {
			return false
		}
	}
	return i-s0 <= 2
}

// denyBefore marks what a reference back at token c0 takes back: the
// sentence before it up to c0, or the sentence before when c0 opens its
// sentence.
func denyBefore(toks []token, marks []uint8, s0, c0 int, mark uint8) {
	p0, p1, ok := verdictReach(toks, s0, c0)
	if !ok {
		return
	}
	for q := p0; q < p1; q++ {
		marks[q] |= mark
	}
}

// problemIntensifiers may stand before a problem noun: "no real problem",
// "no longer a major limitation".
var problemIntensifiers = setOf(`real big major serious practical`)

// skipIntensifiers returns the index after at most two problemIntensifiers
// from q.
func skipIntensifiers(w *sentWords, q int) int {
	for n := 0; n < 2 && problemIntensifiers[w.at(q)]; n++ {
		q++
	}
	return q
}

// verdictReach returns the tokens p0..p1-1 that a verdict at token c0 of the
// sentence starting at s0 speaks of: the sentence up to c0, or, when c0
// opens its sentence, the whole sentence before (false when there is none).
func verdictReach(toks []token, s0, c0 int) (p0, p1 int, ok bool) {
	if c0 > s0 {
		return s0, c0, true
	}
	if s0 == 0 {
		return 0, 0, false
	}
	p0 = s0 - 1
	for p0 > 0 && toks[p0-1].sent == toks[s0-1].sent {
		p0--
	}
	return p0, s0, true
}

// relativeBefore reports whether a relative pronoun, across an auxiliary,
// is the subject of the negation at token i: "a scheme that doesn't assume
// a node order", "which does not consider edge types" say what a thing
// does not do, and deny nothing after them.
func relativeBefore(w *sentWords, i int) bool {
	k := i - 1
	if w.at(i) == "not" && (w.at(k) == "does" || w.at(k) == "do" || w.at(k) == "did") {
		k--
	}
	return w.at(k) == "that" || w.at(k) == "which" || w.at(k) == "who"
}

// contrastAt reports whether token k is a contrast word that ends the
// reach of a denial: "instead" and "rather" only as adverbs, not in
// "instead of" and "rather than", which stay inside the claim denied
// ("some say its objective is a regression instead of a min-max game,
// but ...").
func contrastAt(toks []token, k int) bool {
	if toks[k].lex&lexContrastStop == 0 {
		return false
	}
	if k+1 < len(toks) && toks[k+1].clause == toks[k].clause &&
		(toks[k].word == "instead" && toks[k+1].word == "of" || toks[k].word == "rather" && toks[k+1].word == "than") {
		return false
	}
	return true
}

// notAbout returns the end of "it is not (really) about" starting at token
// i, which denies that what follows is what matters ("it's not about the
// depth"), or i when there is none. "Not only about" adds rather than
// denies.
func notAbout(w *sentWords, i int) int {
	if w.at(i) != "it" && w.at(i) != "this" && w.at(i) != "that" && w.at(i) != "its" {
		return i
	}
	k := i + 1
	switch {
	case (w.at(i) == "its" || w.at(i) == "it" || w.at(i) == "that") && w.at(k) == "not":
		k++ // "it's not about", its 's dropped
	case w.at(k) == "isnt" || w.at(k) == "wasnt":
		k++
	case (w.at(k) == "is" || w.at(k) == "was" || w.at(k) == "s") && w.at(k+1) == "not":
		k += 2
	default:
		return i
	}
	if w.at(k) == "really" || w.at(k) == "actually" || w.at(k) == "primarily" || w.at(k) == "mainly" || w.at(k) == "so" || w.at(k) == "much" {
		k++
	}
	if w.at(k) != "about" || w.at(k+1) == "" {
		return i
	}
	return k + 1
}

// degreeWords say that a claim or a worry is made more of than it is,
// not that its opposite holds.
var degreeWords = setOf(`overstated exaggerated overblown overrated overhyped oversold overemphasized overplayed exaggeration
overstatement`)

// degreeFrame reports whether the frame of tokens i..end-1 says its claim
// is overstated rather than false.
func degreeFrame(toks []token, i, end int) bool {
	for k := i; k < end; k++ {
		if toks[k].lex&lexDegree != 0 {
			return true
		}
		if toks[k].lex&lexFalse != 0 {
			return false
		}
	}
	return false
}
