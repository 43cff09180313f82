package grading

import (
	"math"
	"slices"
	"strings"
	"sync"
)

// Decks without key points: coverage of the whole reference.
//
// A card with no curated key points is scored by how much of its reference
// answer (and of each Also accepted alternative) the answer says: the best
// one's share, blended with the mean share over all of them (refMix), so
// that an answer the alternatives agree on ranks above one that matches a
// single alternative's wording as closely. Every content word of the reference is a term with a weight:
// 1, or questionWeight for a word that only repeats the question. A term
// counts when the answer has it (after the usual normalisation: stems,
// thesaurus, its multi-word synonyms too ("light up" for "shine"),
// abbreviations, typos, a state or outcome said in other words: "will not
// go out" for "stay lit", states.go) with the reference's polarity: a word
// the reference negates ("a node that has no children") must be negated in
// the answer too, and a word the reference asserts must not be; a term
// said with the other polarity, or swapped for its antonym, counts against
// the answer (contraWeight of its weight), except a word the answer only
// mentions inside a negated verb phrase ("not a complete circuit" for "the
// circuit is open": innerNegated), and likewise an answer that asserts a
// word the reference mentions only inside a negated verb phrase ("the
// indophenol stays blue" for "does not change the colour of the
// indophenol"). A word the reference itself says with
// both polarities ("not pure sugar ... as much gas as the pure sugar") has
// none to keep: either agrees. A word the answer offers together with its
// opposite ("higher or lower", "will stick or not") is not said at all
// (hedge.go), unless the reference offers the pair itself or says the word
// both ways. An answer that opens with the opposite
// yes or no of a reference that opens with one ("Yes, ..." for "No, string
// is an insulator") loses verdictPenalty of its share, and so does one that
// opens with another option letter than a reference that opens with one
// ("B. Dry soil ..." for "A. Dry soil heats more quickly ...":
// openingChoice), or with another of the question's alternatives than a
// reference that names one in a sentence of its own ("Lead - ..." for
// "Copper. It conducts ..." to "copper or lead?": openingPick); such a bare
// "no" negates nothing after it ("No because the circuit is open":
// saidNegated).
// Two comparatives of a reference sentence that state a relation ("when the
// string was tighter, the pitch was higher") are read as one claim
// (relations.go): said from the other end ("looser ... lower") both agree,
// with one side turned round ("tighter ... lower") both count against.
// With several reference answers a word they all say weighs more than one
// only one of them says (weighShared). The found weight is divided by the
// smaller of the reference's total and a length allowance of the
// answer, lengthSlope per content word plus lengthBase, so that a concise
// answer that says only true things is not punished for what it leaves
// out, while a long answer must cover more. The share, 0..1, is mapped to
// the score by scoreOfShare.
//
// Derived key points (KeyPoints) are still matched, for feedback only.

// Tuned on the training answers of the public SemEval-2013 data and the
// tune half of the labeled set (see eval_test.go, semeval_test.go).
var (
	questionWeight = 0.3
	contraWeight   = 0.25 // flat between 0.15 and 0.5 on SemEval training; 1 lost r on the labeled tune split
	lengthSlope    = 2.0
	lengthBase     = 10.0
	fullShare      = 0.85 // the share from which the score is 100, for a short reference
	fullShareLong  = 0.45 // the same for a long one: nobody says every word of a long answer
	partialCredit  = 0.5  // a word sharing a long prefix with a reference word
	precisionBlend = 0.0  // share of the answer's own words found in the reference, blended in
	sharedBoost    = 0.8  // with several reference answers: weight for a word all of them say (weighShared)
	verdictPenalty = 0.5  // share taken off an answer whose opening yes or no is the reference's opposite (openingVerdict)
	refMix         = 0.4  // with several reference answers: share of the mean coverage over all of them, beside the best one's
)

// refTerm is one content word of a reference.
type refTerm struct {
	id      int32
	weight  float64
	negated bool // the reference says it negated
	either  bool // the reference says it with both polarities: either agrees
	hedge   bool // the reference offers it with its opposite ("learned or fixed"): an answer may too
	echo    bool // only repeats the question
	subject int  // in a comparison, the subject the reference says it of, or -1
	anti    []int32
	phrases [][]string // the thesaurus's multi-word synonyms of the word ("light up" for "shine")
	alts    []int32    // a one-word synonym of the reference phrase the word stands in ("shine" for "light up")
	possess bool       // the word is "contain": an answer's possessive "have" says it too
	inner   bool       // negated only as a word inside a negated verb phrase: asserting it is no evidence against
	possNeg bool       // the reference denies the possession ("does not contain", "contains no")
	states  []stateWay // other ways of saying the word's state or outcome ([states] of thesaurus.txt)
	wn      []wnRef    // answer words related to it through WordNet, with their credit (wordnet.go)
	clause  int32      // the reference's clause and sentence where the word first stands
	sent    int32
}

// refBag is one reference answer as weighted terms.
type refBag struct {
	terms   []refTerm
	total   float64
	verdict int8   // +1 when the reference opens with a bare "yes", -1 with "no"
	choice  byte   // the option letter the reference opens with ("A. Dry soil heats ..."), or 0
	options uint32 // the letters the question offers as options (bit 0 for a), when choice is set
	// pick holds the terms of a reference that opens by naming one of the
	// question's alternatives in a sentence of its own ("Sammy's. Different
	// materials ..."), and question the question's terms, to tell an
	// answer that opens with another ("Nathaniel - ...").
	pick     []string
	question map[string]bool
	rels     []relation  // relations between two graded words (relations.go)
	roles    []roleClaim // who does what to whom, by a graded agent or patient (roles.go)
}

// compileRefs builds the term bags of a card's reference answers.
func (m *cardMatcher) compileRefs(question string, refs []string) {
	qTerms := map[string]bool{}
	var letters uint32 // single letters of the question: its options ("A or B", "X or Y")
	for _, t := range tokenize(question) {
		qTerms[t.term] = true
		if len(t.word) == 1 && t.word[0] >= 'a' && t.word[0] <= 'z' {
			letters |= 1 << (t.word[0] - 'a')
		}
		for _, exp := range abbreviations[t.word] {
			for _, et := range tokenize(exp) {
				qTerms[et.term] = true
			}
		}
	}
	for _, text := range refs {
		ra := m.analyzeRef(plain(text))
		toks := ra.toks
		bag := refBag{verdict: openingVerdict(toks)}
		if c := openingChoice(toks); c != 0 && letters&(1<<(c-'a')) != 0 {
			bag.choice, bag.options = c, letters
		}
		if p := openingPick(toks, true); len(p) > 0 && allIn(p, qTerms) {
			bag.pick, bag.question = p, qTerms
		}
		seen := map[int32]int{}
		inPhrase := refPhrases(toks)
		for i, t := range toks {
			if t.fn || t.stop || t.neg != negNone || len(t.word) < 2 && !t.number || t.math && len(t.word) < 3 {
				continue
			}
			id := m.internRef(t)
			w := 1.0
			if qTerms[t.term] {
				w = questionWeight
			}
			neg := ra.saidNegated(i)
			subj := -1
			if len(m.subjects) > 0 && !isSubjectName(ra, i) {
				subj = ra.subjectOf(int32(i), int32(i))
			}
			if k, ok := seen[id]; ok {
				m.addPhraseAlts(&bag.terms[k], inPhrase[i])
				if bag.terms[k].negated != neg {
					bag.terms[k].either = true
				}
				bag.terms[k].hedge = bag.terms[k].hedge || ra.hedged(i)
				if bag.terms[k].weight < w {
					bag.total += w - bag.terms[k].weight
					bag.terms[k].weight = w
				}
				if bag.terms[k].subject != subj {
					bag.terms[k].subject = -1 // said of both
				}
				continue
			}
			rt := refTerm{id: id, weight: w, negated: neg, echo: qTerms[t.term], subject: subj, clause: t.clause, sent: t.sent}
			rt.inner = neg && ra.innerNegated(i)
			rt.hedge = ra.hedged(i)
			for _, seq := range antonymsOf(t.term) {
				if len(seq) == 1 {
					rt.anti = append(rt.anti, m.internTerm(seq[0]))
				}
			}
			rt.phrases = thesaurus().phrases[t.term]
			if len(refs) == 1 {
				rt.states = ra.statesOf(i)
			}
			rt.possess = t.term == containTerm() && t.verb != verbPast && t.verb != verbIng // "contains", not "contained in" or "a path containing"
			rt.possNeg = ra.possessionDenied(i)
			m.addPhraseAlts(&rt, inPhrase[i])
			m.addWordNet(&rt, t.term, qTerms)
			seen[id] = len(bag.terms)
			bag.terms = append(bag.terms, rt)
			bag.total += w
		}
		m.pruneWordNet(&bag)
		bag.rels = m.refRelations(ra, &bag)
		bag.roles = m.refRoles(ra, &bag, question)
		if len(bag.terms) > 0 {
			m.refs = append(m.refs, bag)
		}
	}
	m.weighShared()
}

// refPhrases finds the thesaurus's multi-word synonyms in a reference
// ("light up", "adjacent node"; function words between allowed, within a
// sentence) and returns, for each token, the group key of the phrase it
// stands in, or "".
func refPhrases(toks []token) []string {
	out := make([]string, len(toks))
	th := thesaurus()
	for i := range toks {
		if toks[i].stop {
			continue
		}
		for _, sp := range th.byFirst[toks[i].term] {
			idx := []int{i}
			for j, k := i+1, 1; k < len(sp.terms) && j < len(toks) && toks[j].sent == toks[i].sent; j++ {
				switch {
				case toks[j].term == sp.terms[k] && !toks[j].stop:
					idx = append(idx, j)
					k++
				case !toks[j].stop:
					j = len(toks)
				}
			}
			if len(idx) < len(sp.terms) {
				continue
			}
			for _, j := range idx {
				out[j] = sp.key
			}
			break
		}
	}
	return out
}

// addPhraseAlts lets a reference word that stands in a multi-word synonym
// be said by its group: by the group's one-word member ("shine" for "light
// up") or by another of its phrases ("connected node" for "adjacent node").
func (m *cardMatcher) addPhraseAlts(rt *refTerm, key string) {
	if key == "" {
		return
	}
	if !strings.HasPrefix(key, "#") {
		if id := m.internTerm(key); id != rt.id && !slices.Contains(rt.alts, id) {
			rt.alts = append(rt.alts, id)
		}
	}
	for _, seq := range thesaurus().phrases[key] {
		if !slices.ContainsFunc(rt.phrases, func(p []string) bool { return slices.Equal(p, seq) }) {
			rt.phrases = append(slices.Clip(rt.phrases), seq)
		}
	}
}

// weighShared weighs the terms of a card with several reference answers by
// how many of the others say them too: a word every alternative uses is
// the core of the answer (sharedBoost/2 above its weight), one that only
// one alternative uses is that alternative's own way of saying it
// (sharedBoost/2 below).
func (m *cardMatcher) weighShared() {
	if len(m.refs) < 2 || sharedBoost == 0 {
		return
	}
	in := map[int32]float64{}
	for _, b := range m.refs {
		for _, rt := range b.terms {
			in[rt.id]++
		}
	}
	for i := range m.refs {
		b := &m.refs[i]
		b.total = 0
		for k := range b.terms {
			f := (in[b.terms[k].id] - 1) / float64(len(m.refs)-1)
			b.terms[k].weight *= 1 + sharedBoost*(f-0.5)
			b.total += b.terms[k].weight
		}
	}
}

// internRef interns a reference word: as a typo target only for a card
// without curated key points, where the reference is what is graded (with
// key points it is only blended in, and its words would slow the typo
// search of every answer).
func (m *cardMatcher) internRef(t token) int32 {
	if m.blending {
		return m.internTerm(t.term)
	}
	return m.intern(t)
}

// analyzeRef prepares a reference answer like an answer, to read its
// negations, denials and subjects.
func (m *cardMatcher) analyzeRef(text string) *analysis {
	return m.analyzeText(text, false)
}

// isSubjectName reports whether token i names a compared subject.
func isSubjectName(a *analysis, i int) bool {
	for _, mn := range a.mentions {
		if int(mn.first) <= i && i <= int(mn.last) {
			return true
		}
	}
	return false
}

// refShare returns the best share of a reference the answer covers, 0..1,
// and the total weight of that reference.
func (a *analysis) refShare(m *cardMatcher) (float64, float64) {
	return a.refShareOf(m, m.refs)
}

// refShareOf is refShare over the given reference bags.
func (a *analysis) refShareOf(m *cardMatcher, refs []refBag) (float64, float64) {
	if len(refs) == 0 {
		return 0, 0
	}
	// The distinct content terms of the answer (sorted, not hashed: this is
	// on every Grade's path).
	other := a.otherTerms[:0] // terms outside the card's vocabulary
	a.seenTerms = resize(a.seenTerms, len(m.terms))
	seen := a.seenTerms
	content := 0
	for i := range a.toks {
		t := &a.toks[i]
		if t.fn || t.stop || len(t.word) < 2 && !t.number {
			continue
		}
		if id := a.tid[i]; id >= 0 && int(id) < len(seen) {
			if !seen[id] {
				seen[id] = true
				content++
			}
			continue
		}
		other = append(other, t.term)
	}
	slices.Sort(other)
	content += len(slices.Compact(other))
	a.otherTerms = other[:0]
	allow := lengthSlope*float64(content) + lengthBase
	best, bestTotal, sum := -1.0, 0.0, 0.0
	verdict, choice, pick := openingVerdict(a.toks), openingChoice(a.toks), openingPick(a.toks, false)
	first := len(m.refs) > 0 && &refs[0] == &m.refs[0] // the reference the derived points come from
	a.reading = a.reading[:0]
	for b, bag := range refs {
		var found, echoed, against float64
		rel := a.relationStatus(&bag, nil)
		role := a.roleStatus(&bag)
		for k := range bag.terms {
			rt := &bag.terms[k]
			st := a.readTerm(m, &bag, k, rel, role)
			if first && b == 0 {
				a.reading = append(a.reading, st) // for alignDerivedPoints
			}
			if (st == termNone || st == termPartial) && rt.wn != nil {
				if c := a.wordNetCredit(rt); c > 0 && (st == termNone || c > partialCredit) {
					found += c * rt.weight // "large" for "big"
					continue
				}
			}
			if st == termPartial {
				found += partialCredit * rt.weight // "insulate" for "insulator"
				continue
			}
			agree, disagree := st == termAgree, st == termDisagree
			switch {
			case agree && rt.echo:
				echoed += rt.weight
			case agree:
				found += rt.weight
			case disagree:
				against += rt.weight
			}
		}
		found += echoed
		share := (found - contraWeight*against) / math.Min(bag.total, allow)
		if bag.verdict != 0 && verdict == -bag.verdict {
			share -= verdictPenalty // "Yes, ..." to a reference that opens "No, ..."
		}
		if bag.choice != 0 && choice != 0 && choice != bag.choice && bag.options&(1<<(choice-'a')) != 0 {
			share -= verdictPenalty // "B. ..." to a reference that opens "A. ..."
		}
		if len(bag.pick) > 0 && len(pick) > 0 && allIn(pick, bag.question) && !slices.ContainsFunc(pick, func(t string) bool {
			return slices.Contains(bag.pick, t)
		}) {
			share -= verdictPenalty // "Nathaniel - ..." to a reference that opens "Sammy's."
		}
		if precisionBlend > 0 && content > 0 {
			prec := (found - contraWeight*against) / float64(content)
			share = (1-precisionBlend)*share + precisionBlend*math.Min(1, prec)
		}
		if share > best {
			best, bestTotal = share, bag.total
		}
		sum += share
	}
	if len(refs) > 1 {
		best = (1-refMix)*best + refMix*sum/float64(len(refs))
	}
	return math.Max(0, math.Min(1, best)), bestTotal
}

// termSaid is how the answer says one reference term.
type termSaid int8

const (
	termNone     termSaid = iota
	termAgree             // said with the reference's polarity
	termDisagree          // said with the other polarity, of the other subject, or as its antonym
	termPartial           // only a word sharing a long prefix with it
)

// termStatus reads how the answer says reference term rt: agreeing,
// disagreeing, only partly (a word sharing a long prefix), or not at all.
// Agreement wins over disagreement.
func (a *analysis) termStatus(m *cardMatcher, rt *refTerm) termSaid {
	agree, disagree := false, false
	for n := -1; n < len(rt.alts); n++ {
		id := rt.id
		if n >= 0 {
			id = rt.alts[n]
		}
		for _, o := range a.occ[id] {
			if !rt.either && !rt.hedge && a.hedged(int(o.first)) {
				continue // "higher or lower": neither
			}
			neg := a.saidNegated(int(o.first))
			if rt.subject >= 0 {
				if s := a.subjectOf(o.first, o.last); s >= 0 && s != rt.subject {
					disagree = true // said of the other method
					continue
				}
			}
			switch {
			case neg == rt.negated || rt.either:
				agree = true
			case rt.inner:
			case rt.negated || a.deny[o.first]&denyScope != 0 || !a.innerNegated(int(o.first)):
				disagree = true
			}
		}
	}
	for _, id := range rt.anti {
		for _, o := range a.occ[id] {
			if !rt.either && !rt.hedge && a.hedged(int(o.first)) {
				continue
			}
			neg := a.saidNegated(int(o.first))
			if neg == rt.negated {
				disagree = true
			} else {
				agree = true // "not stochastic" for "deterministic"
			}
		}
	}
	if !agree && !disagree {
		for _, seq := range rt.phrases {
			if i := a.phraseAt(seq); i >= 0 {
				if a.saidNegated(i) == rt.negated || rt.either {
					agree = true
				} else {
					disagree = true
				}
				break
			}
		}
	}
	statePart := false
	if !agree && !disagree && len(rt.states) > 0 {
		switch a.stateSaid(rt.states, rt.negated, rt.either) {
		case termAgree:
			agree = true // "will not go out" for "stay lit", "it is open" for "is not complete"
		case termPartial:
			statePart = true // "the biggest" for "the longest"
		}
	}
	if !agree && !disagree && rt.possess {
		if i := possessiveHave(a.toks); i >= 0 {
			if a.possessionDenied(i) == rt.possNeg || rt.either {
				agree = true // "did not have any vitamin C" for "contains little or no vitamin C"
			} else {
				disagree = true
			}
		}
	}
	if !agree && !disagree && (statePart || a.partialMatch(m.terms[rt.id])) {
		return termPartial // "insulate" for "insulator"
	}
	switch {
	case agree:
		return termAgree
	case disagree:
		return termDisagree
	}
	return termNone
}

// containTerm is the matching term of "contain".
var containTerm = sync.OnceValue(func() string { return infoFor("contain").term })

// possessiveHave returns the index of the first "have" of possession in
// the text ("it has vitamin C", "did not have any"), or -1: a form of
// "have" not followed by a participle, "been", "to" or "got", which make it
// an auxiliary.
func possessiveHave(toks []token) int {
	for i := range toks {
		switch toks[i].word {
		case "have", "has", "had", "having":
		default:
			continue
		}
		if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
			continue
		}
		switch n := &toks[i+1]; {
		case n.verb == verbPast || n.verb == verbIng, n.word == "been" || n.word == "to" || n.word == "got":
			continue
		case n.neg != negNone && n.word != "no":
			continue // "has not scratched": an auxiliary
		}
		return i
	}
	return -1
}

// possessionDenied reports whether the possession verb at token i is
// denied, by a negation of the verb ("did not have any") or of its object
// ("has no vitamin C", "contains little or no sugar"), not both.
func (a *analysis) possessionDenied(i int) bool {
	object := false
	for q := i + 1; q < len(a.toks) && q <= i+4 && a.toks[q].clause == a.toks[i].clause; q++ {
		w := a.toks[q].word
		if w == "no" || w == "none" {
			object = true
			break
		}
		if w != "little" && w != "or" && w != "few" && w != "very" {
			break
		}
	}
	return a.saidNegated(i) != object
}

// phraseAt returns the index of the first token of the first occurrence
// of a term sequence in the answer, function words between its terms
// allowed, or -1.
func (a *analysis) phraseAt(seq []string) int {
	toks := a.toks
	for i := range toks {
		if toks[i].term != seq[0] || toks[i].stop {
			continue
		}
		j, k := i+1, 1
		for ; k < len(seq) && j < len(toks) && toks[j].sent == toks[i].sent; j++ {
			switch {
			case toks[j].term == seq[k] && !toks[j].stop:
				k++
			case !toks[j].stop:
				j = len(toks) // another content word: no match here
			}
		}
		if k == len(seq) {
			return i
		}
	}
	return -1
}

// openingVerdict reads the bare "yes" or "no" a text opens with: +1, -1,
// or 0 when it opens otherwise. "No" counts when it stands alone in its
// clause ("No, string is an insulator", "No because ...") or before a
// pronoun or article ("no it cannot"), not when it determines a noun ("no
// electricity flows"). An opening "agree" or "disagree", with or without
// "I" and a negation before it ("Agree.", "I agree with Sarah", "I do not
// agree"), is a yes or a no too.
func openingVerdict(toks []token) int8 {
	if len(toks) == 0 {
		return 0
	}
	switch toks[0].word {
	case "yes", "yeah", "yep":
		return 1
	case "no", "nope":
		if len(toks) == 1 || toks[1].clause != toks[0].clause || verdictNext[toks[1].word] {
			return -1
		}
	}
	i, v := 0, int8(1)
	if toks[0].word == "i" {
		i++
	}
	for ; i < len(toks) && i < 4 && toks[i].clause == toks[0].clause && (toks[i].aux || toks[i].neg == negStrong); i++ {
		if toks[i].neg == negStrong {
			v = -v // "I do not agree"
		}
	}
	if i < len(toks) && toks[i].clause == toks[0].clause {
		switch toks[i].word {
		case "agree":
			return v
		case "disagree":
			return -v
		}
	}
	return 0
}

// openingChoice reads the option letter a text opens with, as an answer to
// a multiple-choice question does ("A. Dry soil heats more quickly", "C)
// because ...", "X, cup X is heavier"): a single letter that ends its
// sentence or clause. It returns the letter, or 0 when the text opens
// otherwise ("A magnet ..."). The letter counts as an option only where the
// question names it (compileRefs).
func openingChoice(toks []token) byte {
	if len(toks) < 2 || len(toks[0].word) != 1 || toks[0].word[0] < 'a' || toks[0].word[0] > 'z' ||
		toks[1].clause == toks[0].clause {
		return 0
	}
	return toks[0].word[0]
}

// maxPick is the most content words an opening pick may have.
const maxPick = 2

// openingPick returns the terms of the content words of a text's opening
// clause when it has one or two and is followed by a clause break ("Sammy's
// - because ...", "Nathaniel, because ...") or, with sentence set, by a
// sentence break ("Sammy's. Different materials ..."); otherwise nil.
func openingPick(toks []token, sentence bool) []string {
	var out []string
	for i := range toks {
		t := &toks[i]
		if t.clause != toks[0].clause || sentence && t.sent != toks[0].sent {
			if sentence && t.sent == toks[0].sent {
				return nil
			}
			return out
		}
		if t.fn || t.stop || t.neg != negNone || len(t.word) < 2 && !t.number {
			continue
		}
		if len(out) == maxPick {
			return nil
		}
		out = append(out, t.term)
	}
	return nil // the whole text: no opening
}

// allIn reports whether every term is in set.
func allIn(terms []string, set map[string]bool) bool {
	for _, t := range terms {
		if !set[t] {
			return false
		}
	}
	return true
}

// verdictNext may follow a bare "no" in the same clause.
var verdictNext = setOf(`it they he she i you we this that because the there`)

// Reference lengths (total term weight) between which the full share goes
// from fullShare to fullShareLong.
const shortRef, longRef = 12.0, 40.0

// scoreOfShare maps a reference share to a 0–100 score, for a reference of
// the given total weight.
func scoreOfShare(share, total float64) int {
	f := fullShare + (fullShareLong-fullShare)*ramp(total, shortRef, longRef)
	return roundHalfUp(100 * math.Min(1, share/f))
}

// saidNegated reports whether token i is said negated: in the scope of a
// negation or of a denial, not both. A bare "no" that answers the question
// negates nothing after it ("No because the circuit is open" asserts that
// the circuit is open): the linking word starts a new clause (appendParts).
func (a *analysis) saidNegated(i int) bool {
	return (a.negatedNear(i) == negStrong) != (a.deny[i]&denyScope != 0)
}

// innerNegated reports whether token i stands in the scope of a verb
// phrase's negation ("not", "n't", "never") after the phrase's first content
// word: "it is not a complete circuit" denies that the circuit is complete,
// not that there is a circuit, and "they did not control the type of ball"
// speaks of the type of ball. Such a word is no evidence against a
// reference that asserts it (nor for it). A noun phrase's negation ("no
// vitamin C", "without a path") covers every word of its phrase.
func (a *analysis) innerNegated(i int) bool {
	toks := a.toks
	content := false
	for q := i - 1; q >= 0 && toks[q].clause == toks[i].clause; q-- {
		if toks[q].neg == negStrong {
			return content && !shortScope[toks[q].word]
		}
		if !toks[q].fn && !toks[q].stop && !toks[q].aux {
			content = true
		}
	}
	return false
}

// partialMin is the shortest prefix partialMatch accepts.
const partialMin = 4

// partialMatch reports whether the answer has a word sharing a long prefix
// with a reference term: at least partialMin letters and three quarters of
// the shorter ("insulator" and "insulate", "evaporation" and "evaporates",
// "path" and "pathway").
func (a *analysis) partialMatch(term string) bool {
	if len(term) < partialMin {
		return false
	}
	for i := range a.toks {
		t := &a.toks[i]
		if t.fn || t.number || len(t.term) < 5 {
			continue
		}
		n := 0
		for n < len(t.term) && n < len(term) && t.term[n] == term[n] {
			n++
		}
		if n >= partialMin && 4*n >= 3*min(len(t.term), len(term)) {
			return true
		}
	}
	return false
}
