package grading

import "strings"

// Claims.
//
// A key point is covered only by a clause that asserts it. The evidence
// against a point makes it contradicted (see pointVerdict):
//
//   - a phrasing matched but negated or denied ("DDIM is not deterministic",
//     "it is a myth that message passing aggregates neighbours");
//   - a phrasing matched with one word swapped for its antonym in the
//     shared thesaurus ("DDIM is stochastic" against "deterministic", "a
//     different model" against "same model"), unless those words cover
//     another point of the card;
//   - in a comparison card, a point's phrasing said of another compared
//     subject ("DDPM is deterministic" against "DDIM: deterministic");
//   - a clause that matches the point but says the opposite effect: a fix
//     said to make things worse ("residual connections, DropEdge: each makes
//     it worse"), or not to help;
//   - for a limitation ("Fails on one-to-many relations"), what it fails on
//     said to be handled ("it handles long tasks"); said to be easy or a
//     strength, see consistency.go.
//
// A point with both asserting and contradicting evidence is covered: the
// answer said it. But when the contradicting evidence is a phrasing of two
// or more words inside a denial frame or a dismissal ("the usual claim that
// X is a myth", "X is unnecessary"), the answer took back what it said, and
// the point is missed (neither covered nor contradicted). A single word
// inside a denial is too weak to take anything back: the denial may be
// about something else.

// limitationWords in a key point's label say it is a limitation ("Fails on
// one-to-many relations", "Weak on long-horizon tasks").
var limitationWords = setOf(`fail fails weak limited limits lose loses lost cannot blind struggle struggles poor unable`)

// capabilityWords, between a negation and the words of a limitation point,
// make the negation a lacking capability: "it can't model one-to-many",
// "does not handle long-horizon tasks" (but not "one-to-many is no problem").
var capabilityWords = setOf(`can cannot could unable able fail fails failed handle handles model models capture captures
represent represents express expresses distinguish distinguishes tell solve solves deal cope generalize generalise
generalizes generalises scale scales transfer transfers work works`)

// isLimitation reports whether a key point's label states a failure or
// limit ("Fails on one-to-many relations", "CLIP score weak on composition"),
// or opens with an absence ("No new motor skills from web data"): "it can
// learn new physical skills" says the opposite.
func isLimitation(label string) bool {
	_, rest, ok := strings.Cut(label, ":")
	if !ok {
		rest = label
	}
	for i, t := range tokenize(rest) {
		if limitationWords[t.word] || i == 0 && t.word == "no" {
			return true // "No new motor skills from web data": an absence is a limit
		}
	}
	return false
}

// limitationPhrasing reports whether a phrasing of a limitation point names
// only the thing it fails on: at most two content words (a hyphenated
// compound counting as one), none a limitation word or a negation
// ("one-to-many", "long-range dependencies", not "cannot model
// one-to-many").
func limitationPhrasing(p string) bool {
	n := 0
	for _, t := range tokenize(p) {
		if limitationWords[t.word] || t.neg != negNone {
			return false
		}
		if !t.stop && !t.wordPrev {
			n++
		}
	}
	return n <= 2
}

// capabilityNegated reports whether a negated match on tokens lo..hi is a
// lacking capability: not denied, with a capability word in the four words
// before it in its clause, or further back within the phrase of the
// negation that governs it ("doesn't transfer well to the robots of a
// different embodiment").
func (a *analysis) capabilityNegated(lo, hi int32) bool {
	toks := a.toks
	for q := int(lo) - 1; q >= 0 && q >= int(lo)-scopeMax && toks[q].clause == toks[lo].clause; q-- {
		if capabilityWords[toks[q].word] {
			return true
		}
		if q < int(lo)-4 && negOf(&toks[q]) == negStrong {
			return false // the negation governing the match: no capability word between
		}
	}
	return false
}

// weakWords, in the clause of a capability, say it is lacking: "handles
// long tasks poorly".
var weakWords = setOf(`poorly badly struggle struggles struggling barely hardly rarely limited`)

// lackingWords say a capability is lacking by themselves: "cannot learn",
// "is unable to", "fails to".
var lackingWords = setOf(`cannot cant couldnt unable fail fails failed`)

// capabilityAsserted reports whether a match on tokens lo..hi of what a
// limitation point fails on is said to be handled: a capability word in the
// four words before it in its clause, not negated, with no word of weakness
// in the clause ("chain-of-thought handles arbitrarily long tasks").
func (a *analysis) capabilityAsserted(lo, hi int32) bool {
	toks := a.toks
	found := false
	// Inside a denial, a negated capability is asserted: "it is a myth that
	// VLAs cannot learn new motor skills" says they can.
	denied := a.deny[lo]&denyScope != 0
	for q := int(lo) - 1; q >= 0 && q >= int(lo)-4 && toks[q].clause == toks[lo].clause; q-- {
		inDenial := denied && a.deny[q]&denyScope != 0
		lacking := lackingWords[toks[q].word]
		switch {
		case lacking && inDenial:
			found = true // "it is a myth that VLAs cannot learn new motor skills"
			continue
		case capabilityWords[toks[q].word] && !lacking:
			if (a.negatedBefore(q) != negNone) != inDenial || a.deny[q]&denyPred != 0 {
				return false
			}
			found = true
		}
		if toks[q].neg != negNone && !inDenial {
			return false
		}
	}
	if !found {
		return false
	}
	for q := int(lo) - 1; q >= 0 && toks[q].clause == toks[lo].clause; q-- {
		if (weakWords[toks[q].word] || limitationWords[toks[q].word]) && !(denied && a.deny[q]&denyScope != 0) {
			return false
		}
	}
	for q := int(hi) + 1; q < len(toks) && toks[q].clause == toks[hi].clause; q++ {
		if weakWords[toks[q].word] || limitationWords[toks[q].word] || toks[q].neg != negNone {
			return false
		}
	}
	return true
}

// denied reports whether a word of tokens lo..hi is inside a denial frame.
func (a *analysis) denied(lo, hi int32) bool {
	for q := lo; q <= hi; q++ {
		if a.deny[q]&denyScope != 0 {
			return true
		}
	}
	return false
}

// negatedIn reports whether a word of tokens lo..hi is negated.
func (a *analysis) negatedIn(lo, hi int32) bool {
	for q := lo; q <= hi; q++ {
		if a.negatedBefore(int(q)) != negNone {
			return true
		}
	}
	return false
}

// wideDenial reports whether the denied stretch around token lo spans more
// than two clauses.
func (a *analysis) wideDenial(lo int32) bool {
	toks := a.toks
	first, last := int(lo), int(lo)
	for first > 0 && a.deny[first-1]&denyScope != 0 && toks[first-1].sent == toks[lo].sent {
		first--
	}
	for last+1 < len(toks) && a.deny[last+1]&denyScope != 0 && toks[last+1].sent == toks[lo].sent {
		last++
	}
	return toks[last].clause-toks[first].clause >= 2
}

// dismissed reports whether a word of tokens lo..hi is the subject of a
// predicate that dismisses it ("X is unnecessary", "X is no longer needed"),
// unless the match holds the dismissing word itself: a phrasing that says
// it ("redundant pixels" for "neighbouring pixels are redundant") is
// asserted by it.
func (a *analysis) dismissed(lo, hi int32) bool {
	found := false
	for q := lo; q <= hi; q++ {
		if a.toks[q].lex&lexDismiss != 0 {
			return false
		}
		if a.deny[q]&denyPred != 0 {
			found = true
		}
	}
	return found
}

// contrastedSubject reports whether a match starting at token lo is
// negated only by a contrast that names subject s right before it: "50
// steps instead of DDPM's 1000", "rather than GCN's fixed weights". The
// contrast negates the other subject's property for the sentence's subject,
// and so states it for s.
func (a *analysis) contrastedSubject(s int, lo int32) bool {
	toks := a.toks
	for q := int(lo) - 1; q >= 1 && q >= int(lo)-5 && toks[q].clause == toks[lo].clause; q-- {
		w := toks[q].word
		if w == "of" && toks[q-1].word == "instead" || w == "than" && toks[q-1].word == "rather" || w == "unlike" {
			for _, mn := range a.mentions {
				if int(mn.first) > q && mn.last < lo && mn.subject == s {
					return true
				}
			}
			return false
		}
		if toks[q].neg == negStrong {
			return false // "not", "no": a negation of its own
		}
	}
	return false
}

// nameAsEvidence reports whether a word of the match being reported (the
// first n chosen items of matchVariant's scratch) is part of a compound
// that names a compared subject: the name "edge-level" is no evidence for
// "Edge-level: link prediction" through its word "edge". (An expansion
// written out, "sample and aggregate" for GraphSAGE, says what the subject
// does and stays evidence.) It is called from matchVariant's report, while
// a.items and a.chosen hold the match reported.
func (a *analysis) nameAsEvidence(n int) bool {
	if n > len(a.chosen) {
		return false
	}
	for _, j := range a.chosen[:n] {
		it := a.items[j]
		for _, mn := range a.mentions {
			if mn.first <= it.first && it.last <= mn.last && mn.last > mn.first && a.toks[mn.last].wordPrev &&
				!a.namesWhole(n, mn) {
				return true
			}
		}
	}
	return false
}

// namesWhole reports whether the items of the match being reported cover
// every token of the compound name mn: a phrasing that writes the name
// itself ("cluster-gcn is unbiased") names the subject, and its words are
// evidence.
func (a *analysis) namesWhole(n int, mn mention) bool {
	for q := mn.first; q <= mn.last; q++ {
		covered := false
		for _, j := range a.chosen[:n] {
			if it := a.items[j]; it.first <= q && q <= it.last {
				covered = true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// pointVerdict is the outcome of matching one key point.
type pointVerdict struct {
	covered      bool
	contradicted bool
	negated      bool // the contradiction is a negation or denial of the point
	antonymOnly  bool // every piece of evidence is an antonym swap
	spans        []Span
	evidence     []Span
}

// maxAntonymVariants bounds the antonym variants compiled for one point.
const maxAntonymVariants = 12

// helpLabels open the label of a point that is a remedy ("Fix: fewer
// layers"): the answer must say it helps.
var helpLabels = setOf(`fix fixes remedy remedies mitigation mitigations solution solutions cure`)

// absenceLabels open the label of a point that says something is absent
// or replaced.
var absenceLabels = setOf(`replaces replace removes remove eliminates`)

// anaphors open a clause that is about what the clause before named:
// "residual connections and DropEdge, but each makes it worse".
var anaphors = setOf(`each they these those it this which all both either`)

// compileClaims adds to a point what the contradiction checks need: its
// antonym variants and the terms whose presence in its clause says the
// opposite.
func (m *cardMatcher) compileClaims(pm *pointMatcher, label string, phrasings []string) {
	// "Replaces modular robotics pipeline", "No safety guarantees": the
	// point is itself an absence, so its words may come negated ("instead of
	// the perception -> planning pipeline").
	_, rest, ok := strings.Cut(label, ":")
	if !ok {
		rest = label
	}
	if first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(rest)), " "); absenceLabels[first] {
		pm.anyPolarity = true
	}
	expect := map[string]bool{}
	for _, text := range append([]string{label}, phrasings...) {
		for _, t := range tokenize(text) {
			if !t.stop {
				expect[t.term] = true
			}
		}
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(label)), ":")
	help := canonTerm(stem("help"))
	if helpLabels[strings.TrimSpace(first)] || expect[help] {
		pm.help = true
		expect[help] = true
		m.helpID = m.internTerm(help)
	}
	// Opposite terms: single-term antonyms of what the point says.
	for term := range expect {
		for _, seq := range antonymsOf(term) {
			if len(seq) == 1 && !expect[seq[0]] {
				pm.opposite = append(pm.opposite, m.internTerm(seq[0]))
			}
		}
	}
	sortIDs(pm.opposite)
	// Antonym variants: one slot swapped for its opposite.
	for _, v := range pm.variants {
		if v.neg {
			continue
		}
		for s := range v.slots {
			var anti [][]int32
			for _, alt := range v.slots[s].alts {
				if len(alt) != 1 {
					continue
				}
				for _, seq := range antonymsOf(m.terms[alt[0]]) {
					if len(seq) == 1 && expect[seq[0]] {
						continue // the point names both: "same or different"
					}
					ids := make([]int32, len(seq))
					for k, t := range seq {
						ids[k] = m.internTerm(t)
					}
					anti = append(anti, ids)
				}
			}
			if len(anti) == 0 || len(pm.antis) >= maxAntonymVariants {
				continue
			}
			av := v
			av.slots = append([]slot(nil), v.slots...)
			av.slots[s].alts = anti
			pm.antis = append(pm.antis, av)
		}
	}
}

// internTerm returns the id of a matching term, adding it to the
// vocabulary without making it a typo target.
func (m *cardMatcher) internTerm(term string) int32 {
	id, ok := m.ids[term]
	if !ok {
		id = int32(len(m.terms))
		m.ids[term] = id
		m.terms = append(m.terms, term)
	}
	return id
}

func sortIDs(ids []int32) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && ids[j] < ids[j-1]; j-- {
			ids[j], ids[j-1] = ids[j-1], ids[j]
		}
	}
}

// matchPoint decides one key point: covered when some variant of some
// phrasing is asserted of the right subject; contradicted when the only
// matches deny it, swap a word for its antonym, are said of another
// compared subject, or say the opposite effect.
func (a *analysis) matchPoint(pm *pointMatcher) pointVerdict {
	var good, bad, anti, taken []Span
	negated := false
	for i := range pm.variants {
		a.matchVariant(&pm.variants[i], func(sp Span, lo, hi int32, ok bool) bool {
			if len(a.mentions) > 0 && a.nameAsEvidence(len(pm.variants[i].slots)) {
				return true // "edge-level tasks predict ..." is no link prediction
			}
			if ok && pm.variants[i].neg && a.denied(lo, hi) && !a.negatedIn(lo, hi) && a.wideDenial(lo) {
				// "People distinguish X, which uses a teacher, from Y,
				// which needs none; that distinction is false": a denial
				// over several clauses does not say "no teacher" of each
				// word in them.
				return true
			}
			if ok && !pm.variants[i].neg && a.dismissed(lo, hi) {
				ok = false // "aggregating over neighbours is unnecessary"
			}
			if ok && pm.variants[i].limitation && a.capabilityAsserted(lo, hi) {
				if len(bad) < 4*maxSpans {
					bad = append(bad, sp) // "it handles arbitrarily long tasks", "one-to-many relations are fine"
				}
				return true
			}
			if !ok && pm.subject >= 0 && a.contrastedSubject(pm.subject, lo) {
				ok = true // "50 steps instead of DDPM's 1000" says DDPM takes 1000
			}
			if pm.subject >= 0 && !a.attributed(pm.subject, lo, hi) {
				if ok && len(bad) < 4*maxSpans {
					bad = append(bad, sp) // said of another compared subject
				}
				return true
			}
			anyOK := false
			if pm.anyPolarity {
				// An absence is said by its words whatever their polarity,
				// and denied by a denial frame or a negated replacement
				// (absence.go); both together assert it again.
				anyOK = a.denied(lo, hi) == a.replacementNegated(lo, hi)
				ok = ok && anyOK
			}
			if ok || anyOK || pm.variants[i].limitation && a.capabilityNegated(lo, hi) && !a.denied(lo, hi) {
				if ev, against := a.oppositeEffect(pm, lo, hi); against {
					bad = append(bad, ev)
					return true
				}
				good = append(good, sp)
			} else if pm.variants[i].neg && a.afterThan(lo) {
				// "far better than autoregressive discrete tokens" names
				// discrete tokens as the worse choice: no evidence either way.
			} else if len(bad) < 4*maxSpans {
				bad = append(bad, sp)
				negated = true
				if len(pm.variants[i].slots) >= 2 && (a.denied(lo, hi) || a.dismissed(lo, hi)) {
					taken = append(taken, sp)
				}
			}
			return len(good) < 4*maxSpans
		})
	}
	if len(good) > 0 {
		if takenBack(taken, good) {
			// Said, and taken back elsewhere: "co-fine-tuning mixes robot
			// and web data ... so mixing robot and web data is unnecessary".
			return pointVerdict{}
		}
		return pointVerdict{covered: true, spans: mergeSpans(good)}
	}
	for i := range pm.antis {
		a.matchVariant(&pm.antis[i], func(sp Span, lo, hi int32, ok bool) bool {
			if ok && (pm.subject < 0 || a.attributed(pm.subject, lo, hi)) {
				anti = append(anti, sp)
			}
			return len(anti) < maxSpans
		})
	}
	if len(bad)+len(anti) == 0 {
		return pointVerdict{}
	}
	ev := mergeSpans(append(bad, anti...))
	return pointVerdict{contradicted: true, negated: negated, antonymOnly: len(bad) == 0, evidence: ev, spans: ev}
}

// takenBack reports whether some denied or dismissed match lies apart from
// every asserting match: a window that overlaps an asserting one is the
// same words read two ways, not a retraction.
func takenBack(taken, good []Span) bool {
	for _, t := range taken {
		apart := true
		for _, g := range good {
			if t.Start < g.End && g.Start < t.End {
				apart = false
				break
			}
		}
		if apart {
			return true
		}
	}
	return false
}

// afterThan reports whether "than" stands at most three words before token
// lo in its clause: the words are the other side of a comparison.
func (a *analysis) afterThan(lo int32) bool {
	for q := lo - 1; q >= 0 && q >= lo-3 && a.toks[q].clause == a.toks[lo].clause; q-- {
		if a.toks[q].word == "than" {
			return true
		}
	}
	return false
}

// oppositeEffect reports whether the clause of a match on tokens lo..hi, or
// a clause after it in the sentence that refers back to it ("each makes it
// worse"), says the opposite of the point: one of its opposite terms
// asserted, or, for a remedy, "help" negated. It returns the clause as
// evidence.
func (a *analysis) oppositeEffect(pm *pointMatcher, lo, hi int32) (Span, bool) {
	if len(pm.opposite) == 0 && !pm.help {
		return Span{}, false
	}
	toks := a.toks
	sent := toks[lo].sent
	start := int(lo)
	for start > 0 && toks[start-1].clause == toks[lo].clause {
		start--
	}
	helpID := int32(-1)
	if pm.help {
		helpID = a.helpID
	}
	endClause := toks[hi].clause
	skip := int32(-1) // a later clause that does not refer back
	for q := start; q < len(toks) && toks[q].sent == sent; q++ {
		if toks[q].clause > endClause {
			// A later clause counts when it refers back: "but each makes it worse".
			if toks[q].clause != toks[q-1].clause {
				if toks[q].lex&lexAnaphor != 0 || toks[q].lex&lexClause != 0 && q+1 < len(toks) &&
					toks[q+1].clause == toks[q].clause && toks[q+1].lex&lexAnaphor != 0 {
					endClause = toks[q].clause
				} else {
					skip = toks[q].clause
				}
			}
			if toks[q].clause == skip {
				continue
			}
		}
		if q >= int(lo) && q <= int(hi) {
			continue
		}
		id := a.tid[q]
		if id < 0 {
			continue
		}
		neg := a.negatedBefore(q) == negStrong || a.deny[q]&denyScope != 0
		if containsID(pm.opposite, id) && !neg || id == helpID && neg {
			e := q
			for e+1 < len(toks) && toks[e+1].clause == toks[q].clause {
				e++
			}
			return Span{toks[lo].start, toks[e].end}, true
		}
	}
	return Span{}, false
}

func containsID(ids []int32, id int32) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
