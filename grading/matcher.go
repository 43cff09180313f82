package grading

import (
	"hash/maphash"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"

	"grill/decks"
)

// cardMatcher is the compiled form of one card's key points: every phrasing
// turned into variants of slots of interned terms, plus what the typo
// matcher needs. It is built once per card and shared by all goroutines.
type cardMatcher struct {
	points      []pointMatcher
	miscs       []pointMatcher   // the card's misconceptions, matched like points
	terms       []string         // matching term of each id
	helpID      int32            // id of "help", or -1
	refs        []refBag         // without curated key points: the reference answers as weighted terms
	derivedKeys []pointKey       // without curated key points: the reference terms of each derived point (derivedverdicts.go)
	blend       []refBag         // with curated key points: the same, for refBlend
	blending    bool             // while compiling blend
	synUsed     bool             // while compiling: a multi-word synonym was substituted
	noSyn       bool             // while compiling: substitute none
	orderAt     int              // while compiling: byte offset of the phrasing's order word, or -1
	orderInv    string           // while compiling: the word that says the order the other way round
	phrase      string           // while compiling: the phrasing its tokens index
	subjects    [][][]int32      // alternatives of each compared subject ("GCN", "RT-1")
	refSubj     bool             // the subjects come from the question and the reference (subjects.go)
	ids         map[string]int32 // matching term -> id
	bare        map[int32]int32  // term id -> id of the term with no subscript after it (bareID)
	numID       int32            // id every number also occurs as (numberID), or -1
	forms       map[string]bool  // written forms of the terms, while compiling
	prefixes    map[string]bool  // first halves of vocabulary words, for "over smoothing"
	typos       []typoEntry      // vocabulary words long enough to allow typos
	known       map[string]bool  // words of the card and common English: never typos
	facts       *cardFacts       // numbers and names of a card with key points (consistency.go)
	typoMemo    sync.Map         // answer word -> []int32, memoised typo look-ups
	memoSize    int64
	memoMu      sync.Mutex
}

// pointMatcher is one key point: any variant of any phrasing covers it.
type pointMatcher struct {
	label    string
	weight   float64
	variants []variant
	subject  int // index in cardMatcher.subjects of the label's subject, or -1

	antis    []variant // phrasings with one word swapped for its antonym
	opposite []int32   // terms that, asserted in the match's clause, say the opposite
	help     bool      // a remedy: its clause must not say it does not help

	anyPolarity bool // an absence ("Replaces the modular pipeline"): negated words cover it too
}

// variant is one way of writing a phrasing: its content words as slots,
// each of which must be found, in any order, within span tokens of one
// sentence of the answer.
type variant struct {
	slots []slot
	gap   int  // most answer tokens a match may have between its words
	neg   bool // the phrasing is about an absence ("no mode collapse")
	// split, when positive, orders the match: the slots before it come
	// before the slots from it on ("conditional minus unconditional").
	split int
	// inverse is the word that says the order the other way round ("the sum
	// before the MLP" for "MLP after the sum"), or "".
	inverse string
	// assertOnly: a reworded form of the phrasing ("nodes not seen" for
	// "unseen nodes") that may cover the point but is no evidence against
	// it: a match of the wrong polarity is not reported.
	assertOnly bool
	// limitation: the phrasing names what a limitation point is about
	// ("one-to-many" for "Fails on one-to-many relations"), so a negated
	// capability asserts it ("it cannot model one-to-many").
	limitation bool
	// keyPoint: a phrasing of a key point (not of a misconception): its
	// words are not gathered across a reason clause (reasonBreak).
	keyPoint bool
}

// slot is one content word of a phrasing. Each alternative is a sequence of
// terms that must appear contiguously: one term ("aggregation"), a tight
// symbol ("x_0" as x, 0) or an abbreviation's expansion.
type slot struct {
	alts    [][]int32
	negated bool  // the word follows the phrasing's negation ("no [mode collapse]")
	after   int32 // a slot that must come earlier in the answer (the number of "1000 steps"), or -1
	near    bool  // and at most one function word before this one ("k hops", "1 + epsilon")
	close   bool  // or at most two words of its clause ("per step": "each sampling step")
	op      byte  // the operation written between that slot and this one ("h + r": '+'), or 0
	cmp     bool  // a comparison is written between that slot and this one ("w > 1")
	product bool  // two symbols side by side ("T epsilon"): no number between them ("T^2 ε")
}

// typoEntry is a vocabulary word the typo matcher compares answer words to.
type typoEntry struct {
	word, term string
	mask       uint32 // letters present, for a fast lower bound
	id         int32
}

// matcherCache holds compiled matchers keyed by a fingerprint of what
// grading depends on, so copies of a card share one matcher and an edited
// card is recompiled.
var (
	matcherMu    sync.Mutex
	matcherCache = map[[2]uint64]*cardMatcher{}
)

// maxMatcherCache bounds the compiled-matcher cache (decks hold at most a
// few hundred cards; fuzzing creates many).
const maxMatcherCache = 4096

// byCard remembers the matcher last used for a card pointer, with a copy of
// what grading depends on: a card graded again and unchanged skips the
// fingerprint (comparing strings that share their bytes is cheap), while an
// edited one is noticed and recompiled.
var (
	byCardMu sync.RWMutex
	byCard   = map[*decks.Card]cardEntry{}
)

type cardEntry struct {
	snap decks.Card
	m    *cardMatcher
}

// snapshot copies the fields of a card grading depends on, deep enough that
// editing the card in place shows.
func snapshot(c *decks.Card) decks.Card {
	return decks.Card{Question: c.Question, Answer: c.Answer, Note: c.Note,
		KeyPoints: cloneKeyPoints(c.KeyPoints), Misconceptions: cloneKeyPoints(c.Misconceptions),
		AlsoAccepted: slices.Clone(c.AlsoAccepted)}
}

func cloneKeyPoints(kps []decks.KeyPoint) []decks.KeyPoint {
	out := slices.Clone(kps)
	for i := range out {
		out[i].Phrasings = slices.Clone(out[i].Phrasings)
	}
	return out
}

// sameCard reports whether a card still has the snapshot's content.
func sameCard(c *decks.Card, s *decks.Card) bool {
	if c.Question != s.Question || c.Answer != s.Answer || c.Note != s.Note ||
		!slices.Equal(c.AlsoAccepted, s.AlsoAccepted) {
		return false
	}
	return sameKeyPoints(c.KeyPoints, s.KeyPoints) && sameKeyPoints(c.Misconceptions, s.Misconceptions)
}

func sameKeyPoints(a, b []decks.KeyPoint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Label != b[i].Label || a[i].Weight != b[i].Weight || !slices.Equal(a[i].Phrasings, b[i].Phrasings) {
			return false
		}
	}
	return true
}

// matcherFor returns the compiled matcher of a card, building it once.
func matcherFor(card *decks.Card) *cardMatcher {
	byCardMu.RLock()
	e, ok := byCard[card]
	byCardMu.RUnlock()
	if ok && sameCard(card, &e.snap) {
		return e.m
	}
	m := matcherByContent(card)
	byCardMu.Lock()
	if len(byCard) >= maxMatcherCache {
		clear(byCard)
	}
	byCard[card] = cardEntry{snapshot(card), m}
	byCardMu.Unlock()
	return m
}

// matcherByContent returns the matcher of a card's content, shared by
// copies of the card.
func matcherByContent(card *decks.Card) *cardMatcher {
	key := fingerprint(card)
	matcherMu.Lock()
	m := matcherCache[key]
	matcherMu.Unlock()
	if m != nil {
		return m
	}
	m = compileCard(card)
	matcherMu.Lock()
	if len(matcherCache) >= maxMatcherCache {
		clear(matcherCache)
	}
	matcherCache[key] = m
	matcherMu.Unlock()
	return m
}

// fingerprint hashes what grading depends on: the question, the reference
// answer and note, and the key points, with two independently seeded
// 64-bit hashes (hash/maphash, fast on long decks of phrasings). The seeds
// are per process, which is all an in-memory cache key needs.
func fingerprint(c *decks.Card) [2]uint64 {
	var h [2]maphash.Hash
	h[0].SetSeed(fingerprintSeeds[0])
	h[1].SetSeed(fingerprintSeeds[1])
	add := func(s string) {
		for i := range h {
			h[i].WriteString(s)
			h[i].WriteByte(0)
		}
	}
	add(c.Question)
	add(c.Answer)
	add(c.Note)
	var num [24]byte
	for _, kp := range c.KeyPoints {
		add(kp.Label)
		add(string(strconv.AppendFloat(num[:0], kp.Weight, 'g', -1, 64)))
		for _, p := range kp.Phrasings {
			add(p)
		}
		add("\x01")
	}
	add("\x02")
	for _, kp := range c.Misconceptions {
		add(kp.Label)
		add(string(strconv.AppendFloat(num[:0], kp.Weight, 'g', -1, 64)))
		for _, p := range kp.Phrasings {
			add(p)
		}
		add("\x01")
	}
	add("\x02")
	for _, alt := range c.AlsoAccepted {
		add(alt)
	}
	return [2]uint64{h[0].Sum64(), h[1].Sum64()}
}

var fingerprintSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// compileCard builds the matcher of a card from its key points.
func compileCard(card *decks.Card) *cardMatcher {
	m := &cardMatcher{
		ids:      map[string]int32{},
		forms:    map[string]bool{},
		prefixes: map[string]bool{},
		known:    map[string]bool{},
	}
	m.helpID, m.numID = -1, -1
	for _, kp := range KeyPoints(card) {
		m.points = append(m.points, m.compilePoint(kp, true))
	}
	for _, kp := range card.Misconceptions {
		m.miscs = append(m.miscs, m.compilePoint(kp, false))
	}
	m.compileSubjects(card.Question)
	if len(card.KeyPoints) == 0 {
		if len(m.subjects) == 0 {
			m.compileQuestionSubjects(card.Question)
		}
		m.compileRefs(card.Question, append([]string{card.Answer}, card.AlsoAccepted...))
		m.derivedKeys = derivedPointKeys(m, KeyPoints(card))
	} else {
		m.facts = compileFacts(card)
		// Curated key points: the reference coverage is blended in (refBlend).
		m.blending = true
		m.compileRefs(card.Question, append([]string{card.Answer}, card.AlsoAccepted...))
		m.blend, m.refs, m.blending = m.refs, nil, false
		m.compileReferenceSubjects(card.Question, card.Answer)
	}
	for i := range m.points {
		m.compileClaims(&m.points[i], m.points[i].label, KeyPoints(card)[i].Phrasings)
	}
	for _, text := range []string{card.Question, card.Answer, card.Note} {
		for _, t := range tokenize(text) {
			m.known[t.word] = true
		}
	}
	for _, e := range m.typos {
		m.known[e.word] = true
	}
	m.forms = nil
	return m
}

// compilePoint compiles the phrasings of one key point (keyPoint) or
// misconception.
func (m *cardMatcher) compilePoint(kp decks.KeyPoint, keyPoint bool) pointMatcher {
	pm := pointMatcher{label: kp.Label, weight: kp.Weight, subject: -1}
	limit := keyPoint && isLimitation(kp.Label)
	for _, p := range kp.Phrasings {
		vs := m.compilePhrasing(p)
		for i := range vs {
			vs[i].keyPoint = keyPoint
		}
		if limit && limitationPhrasing(p) {
			for i := range vs {
				vs[i].limitation = true // a negated capability asserts it (claims.go)
			}
		}
		pm.variants = append(pm.variants, vs...)
	}
	return pm
}

// intern returns the id of a term, adding it to the vocabulary.
// Each written form of a term ("connected", "connectivity") is a typo
// target and gives its prefixes, whichever came first.
func (m *cardMatcher) intern(t token) int32 {
	id := m.internTerm(t.term)
	if m.forms[t.word] {
		return id
	}
	m.forms[t.word] = true
	if !t.number && len(t.word) >= 2 {
		for i := 1; i < len(t.word); i++ {
			m.prefixes[t.word[:i]] = true
		}
	}
	if !t.number && len(t.word) >= 5 && !t.stop {
		m.typos = append(m.typos, typoEntry{word: t.word, term: t.term, mask: letterMask(t.word), id: id})
	}
	return id
}

// compilePhrasing turns one phrasing into its variants: as written, and with
// each pair of adjacent words joined ("over smoothing" also as
// "oversmoothing").
func (m *cardMatcher) compilePhrasing(p string) []variant {
	toks := tokenize(p)
	if len(toks) == 0 {
		return nil
	}
	var out []variant
	m.phrase = p
	defer func() { m.phrase = "" }()
	m.synUsed = false
	m.orderAt, m.orderInv = orderWord(p, toks)
	if v, ok := m.compileTokens(toks); ok {
		out = append(out, v)
	}
	if m.synUsed {
		// A multi-word synonym stands together ("discrete action"); the
		// phrasing's own words may also come apart ("actions are discretised").
		m.noSyn = true
		if v, ok := m.compileTokens(toks); ok {
			out = append(out, v)
		}
		m.noSyn = false
	}
	if nt := unPrefixTokens(toks); nt != nil {
		m.orderAt, m.orderInv = -1, ""
		if v, ok := m.compileTokens(nt); ok {
			v.assertOnly = true
			out = append(out, v)
		}
		m.orderAt, m.orderInv = orderWord(p, toks)
	}
	spelled := expansionTokens(toks)
	for i := 0; i+1 < len(toks) && i < 6; i++ {
		a, b := toks[i], toks[i+1]
		if !b.joinPrev || a.stop || b.stop || a.neg == negStrong || b.neg != negNone || a.start == b.start {
			continue
		}
		if spelled[i] && spelled[i+1] {
			continue // "large language model" is LLM, not "large" near "languagemodel"
		}
		parts := normalizeWord(a.word + b.word)
		if len(parts) != 1 {
			continue
		}
		j := a
		j.end = b.end
		j.word, j.term, j.number, j.lex = parts[0].word, parts[0].term, parts[0].number, parts[0].lex
		j.neg = parts[0].neg // "non" + "edges" is the word "nonedges": no negation left over
		joined := append(append(slices.Clone(toks[:i]), j), toks[i+2:]...)
		if v, ok := m.compileTokens(joined); ok {
			out = append(out, v)
		}
	}
	return out
}

// unPrefixTokens returns a phrasing with an un- word ("unseen nodes")
// written as the negated word after the others ("nodes not seen"), as an
// answer may say it ("nodes it never saw"), or nil when the phrasing has no
// such word or already holds a negation. Only words of unPrefixed qualify:
// "unconditional" or "uniform" are words of their own.
func unPrefixTokens(toks []token) []token {
	at := -1
	for i, t := range toks {
		if t.neg != negNone {
			return nil
		}
		if unWord(t.word) != "" && at < 0 && !t.tightPrev && (i+1 == len(toks) || !toks[i+1].tightPrev) {
			at = i
		}
	}
	if at < 0 || len(toks) < 2 {
		return nil
	}
	un := toks[at]
	out := make([]token, 0, len(toks)+1)
	out = append(out, toks[:at]...)
	out = append(out, toks[at+1:]...)
	for k, t := range tokenize("not " + unWord(un.word)) {
		t.start, t.end = un.start, un.end
		t.tightPrev, t.joinPrev, t.wordPrev = false, false, false
		t.sent, t.clause = un.sent, un.clause
		if k == 0 && len(out) > 0 {
			t.sent, t.clause = out[len(out)-1].sent, out[len(out)-1].clause
		}
		out = append(out, t)
	}
	return out
}

// unWord returns the word an un- or dis- word negates ("unseen": "seen"),
// or "".
func unWord(w string) string {
	if base, ok := unPrefixed[w]; ok {
		return base
	}
	return negatedWords[w]
}

// negatedWords are more un- and dis- words of graphs, training and robots
// that an answer may say with "not" ("pairs that are not connected").
var negatedWords = map[string]string{
	"unconnected": "connected", "disconnected": "connected", "unlinked": "linked", "unfrozen": "frozen",
	"unrelated": "related", "unmodified": "modified", "unsupervised": "supervised", "unrealistic": "realistic",
	"unsuccessful": "successful", "unavailable": "available", "unreachable": "reachable", "unsorted": "sorted",
	"unshared": "shared", "untied": "tied", "unsampled": "sampled", "unimportant": "important",
}

// expansionTokens marks the tokens of a phrasing that spell out an
// abbreviation ("large language model"), whose words stay together.
func expansionTokens(toks []token) []bool {
	marks := make([]bool, len(toks))
	var idx []int // positions of the content words
	for i, t := range toks {
		if !t.stop {
			idx = append(idx, i)
		}
	}
	for k := range idx {
		for _, exp := range expansionIndex()[toks[idx[k]].term] {
			n := len(exp.terms)
			if k+n > len(idx) {
				continue
			}
			ok := true
			for e, term := range exp.terms {
				if toks[idx[k+e]].term != term {
					ok = false
					break
				}
			}
			if ok {
				for i := idx[k]; i <= idx[k+n-1]; i++ {
					marks[i] = true
				}
			}
		}
	}
	return marks
}

// compileTokens builds one variant from a phrasing's tokens: stop words are
// dropped, words after a negation ("no", "without", "avoids", "non-") are
// marked as negated, tight symbols grouped, abbreviations expanded.
//
// "vs" and "versus" only set the two sides apart: "structural vs
// positional" matches "LapPE is positional, RWSE structural".
//
// Some words keep their place. A tight symbol (x_0, a_1) keeps its parts,
// function words included. A hyphenated compound whose first part is a
// short prefix (co-training, k-hop, RT-1, sim-to-real) is one word: its
// parts must stand together, in order, or be written joined. A number comes
// before the word it counts ("1000 steps", "one step": not "steps one by
// one"). A phrasing of several words with a single content word ("sum of",
// "bit by bit") matches only as written, since its content word alone is
// too common to say anything.
func (m *cardMatcher) compileTokens(toks []token) (variant, bool) {
	var v variant
	cue := -1
	for i, t := range toks {
		if t.neg == negNone || t.neg == negWeak && i > 0 && t.wordPrev {
			continue // "classifier-free" is a name, not a negation
		}
		if t.word == "not" && i+1 < len(toks) && negationExemptNext[toks[i+1].word] {
			continue
		}
		cue = i
		break
	}
	for i := 0; i+1 < len(toks) && (cue < 0 || i < cue); i++ {
		// "instead of pixels" is about an absence, as the answer will say it.
		if toks[i].word == "instead" && toks[i+1].word == "of" || toks[i].word == "rather" && toks[i+1].word == "than" {
			cue = i
			break
		}
	}
	var words []phraseWord
	group := -1
	var bound []bool // groups that are compounds, not symbols: no reordering
	for i, t := range toks {
		switch {
		case i > 0 && t.tightPrev:
		case i > 0 && boundToPrev(toks, i):
			bound[group] = true
		default:
			group++
			bound = append(bound, false)
		}
		inSymbol := i > 0 && t.tightPrev || i+1 < len(toks) && toks[i+1].tightPrev
		if (t.stop || t.word == "vs" || t.word == "versus") && !inSymbol || i == cue || t.neg == negStrong || t.start == m.orderAt && len(toks) > 2 {
			continue // the order word itself is said by the order ("a - b", "b before a")
		}
		words = append(words, phraseWord{t, cue >= 0 && i > cue, group})
	}
	if len(words) == 0 || cue < 0 && len(toks) > 1 && oneTerm(words) {
		// A phrasing of function words only ("no", "not only"), or of one
		// content word among them ("sum of"): match it as written.
		s := slot{alts: [][]int32{make([]int32, 0, len(toks))}, after: -1}
		for _, t := range toks {
			s.alts[0] = append(s.alts[0], m.intern(t))
		}
		if len(s.alts[0]) == 1 {
			s.alts = m.wordAlts(toks[0])
		}
		v.slots = []slot{s}
		v.gap = maxGap(1)
		return v, true
	}
	v.neg = cue >= 0
	var slotStarts []int // byte offset of each slot's first word in the phrasing
	for i := 0; i < len(words); {
		slotStarts = append(slotStarts, words[i].t.start)
		s := slot{negated: words[i].negated, after: -1}
		if k := len(v.slots) - 1; k >= 0 && m.operatorBetween(words[i-1].t, words[i].t) != 0 {
			// "1 + epsilon", "h + r" are formulas: their terms stand in
			// order, with no other operation between them ("h * r" is
			// another formula); a number and its term stand together
			// ("1 + epsilon", not "1 layer, noise").
			s.after, s.near, s.op = int32(k), words[i-1].t.number, m.operatorBetween(words[i-1].t, words[i].t)
		} else if k >= 0 && m.comparisonBetween(words[i-1].t, words[i].t) {
			// "w > 1": the two sides in order, the comparison between.
			s.after, s.cmp = int32(k), true
		} else if k >= 0 && words[i-1].t.number && !words[i].t.number && words[i].t.word != "per" && countsNext(toks, words[i-1].t, words[i].t) {
			s.after = int32(k) // "1000 steps": the number first; a rate ("twice per step") may turn round
		} else if k >= 0 && countVariables[words[i-1].t.word] && !words[i].t.number && countsNext(toks, words[i-1].t, words[i].t) {
			// "k hops": the variable right before what it counts, not
			// "k layers reach 2^k hops".
			s.after, s.near = int32(k), true
		} else if k >= 0 && formulaSymbol(words[i-1].t) && formulaSymbol(words[i].t) && m.juxtaposed(words[i-1].t, words[i].t) {
			// "O(T epsilon)": two symbols side by side are a product, in
			// order; "O(T^2 ε)" puts an exponent between them and is
			// another formula.
			s.after, s.product = int32(k), true
		} else if k >= 0 && words[i-1].t.word == "per" && words[i].t.term != distributive {
			// "per step" in a rate is matched by "each step" and "every
			// step" too (below), but only shortly before what it
			// distributes over ("each sampling step"): "each message …
			// relation" is no "per relation".
			s.after, s.close = int32(k), true
		}
		if n, alts := m.synonymAt(words, i); n > 0 {
			s.alts = alts
			v.slots = append(v.slots, s)
			i += n
			continue
		}
		if n, alts := m.expansionAt(words, i); n > 0 {
			s.alts = alts
			v.slots = append(v.slots, s)
			i += n
			continue
		}
		j := i + 1
		for j < len(words) && words[j].group == words[i].group && j-i < 4 {
			j++
		}
		if j-i == 1 {
			s.alts = m.wordAlts(words[i].t)
			if (words[i].t.word == "per" || words[i].t.term == distributive) && countBefore(words[:i]) {
				// A rate ("twice per step", "one task per scene", "7
				// tokens per step") is said with "per", "each" or
				// "every" alike; elsewhere the word keeps its own
				// ("per node", "noise level per step"), since "each
				// node" and "each step" are said of anything.
				other := "per"
				if words[i].t.word == "per" {
					other = distributive
				}
				s.alts = append(s.alts, []int32{m.internTerm(other)})
			}
		} else {
			seq := make([]token, 0, j-i)
			for _, w := range words[i:j] {
				seq = append(seq, w.t)
			}
			s.alts = m.groupAlts(seq, bound[words[i].group])
		}
		v.slots = append(v.slots, s)
		i = j
	}
	n := len(v.slots)
	if n == 0 || n > 64 {
		return v, false
	}
	v.gap = maxGap(n)
	if m.orderAt >= 0 {
		v.gap += 2 // room for the order word and its article
		for k, st := range slotStarts {
			if st > m.orderAt {
				if k > 0 {
					v.split, v.inverse = k, m.orderInv
				}
				break
			}
		}
	}
	return v, true
}

// orderWords say which way round a phrasing's two sides go; each maps to
// the word that says the same with the sides swapped, or "".
var orderWords = map[string]string{"minus": "", "than": "", "before": "after", "after": "before"}

// orderSymbols are the symbols that order a phrasing when set apart by spaces.
var orderSymbols = []string{" - ", " − ", " → ", " -> ", " => ", " ⇒ "}

// orderWord finds the order-bearing word of a phrasing ("conditional minus
// unconditional", "faster than GANs", "MLP after the sum", "x_0 → x_T",
// "from noise to data") and returns its byte offset and inverse word, or -1.
func orderWord(p string, toks []token) (int, string) {
	for i, t := range toks {
		if inv, ok := orderWords[t.word]; ok && i > 0 && i+1 < len(toks) {
			return t.start, inv
		}
		if t.word == "from" && i+1 < len(toks) {
			for _, u := range toks[i+2:] {
				if u.word == "to" {
					return u.start, ""
				}
			}
		}
	}
	for _, sym := range orderSymbols {
		if k := strings.Index(p, sym); k > 0 {
			return k, ""
		}
	}
	return -1, ""
}

// oneTerm reports whether the content words of a phrasing are all one term
// ("sum of", "bit by bit").
func oneTerm(words []phraseWord) bool {
	for _, w := range words[1:] {
		if w.t.term != words[0].t.term {
			return false
		}
	}
	return true
}

// boundToPrev reports whether token i of a phrasing is the second part of a
// hyphenated compound with a short first part: co-training, k-hop, RT-1,
// sim-to-real, 2-4. Abbreviations (JK-Net) and negations (non-) are not
// prefixes.
func boundToPrev(toks []token, i int) bool {
	t, p := toks[i], toks[i-1]
	if !t.wordPrev || !t.joinPrev || p.neg != negNone || t.neg != negNone {
		return false
	}
	if p.number || len(p.word) > 3 && !boundPrefixes[p.word] { // "7-DoF": the number only comes first
		return false
	}
	_, abbr := abbreviations[p.word]
	return !abbr
}

// boundPrefixes are first parts of compounds longer than three letters
// that still keep their place: "over-smoothing" is not "smoothing - over".
var boundPrefixes = setOf(`over under self multi cross semi anti post inter intra super`)

// countsNext reports whether the number n of a phrasing counts the word w
// that follows it ("1000 steps", "two hops"), rather than standing in a
// formula of its own.
func countsNext(toks []token, n, w token) bool {
	between := 0
	for _, t := range toks {
		if t.start >= n.end && t.end <= w.start {
			between++
		}
	}
	return between <= 1 && !w.tightPrev && len(w.word) > 1
}

// operatorBetween returns the arithmetic operation that alone stands
// between tokens a and b of the phrasing being compiled ("1 + epsilon",
// "h + r", "1 − beta"; not "a_1 * ... * a_t", nor the hyphen of
// "x0-prediction"), or 0.
func (m *cardMatcher) operatorBetween(a, b token) byte {
	if a.end > b.start || b.start > len(m.phrase) {
		return 0
	}
	sep := m.phrase[a.end:b.start]
	op := strings.Trim(sep, " \t\n\\{}()[]$,;")
	if op == "-" && !strings.ContainsAny(sep, " \t\n") {
		return 0 // a hyphen joins words
	}
	return operation(op)
}

// juxtaposed reports whether tokens a and b of the phrasing being compiled
// stand side by side with only spaces or grouping between ("T epsilon",
// "T\,\epsilon"): a product.
func (m *cardMatcher) juxtaposed(a, b token) bool {
	if a.end > b.start || b.start > len(m.phrase) {
		return false
	}
	return strings.Trim(m.phrase[a.end:b.start], " \t\n\\{}()$,") == ""
}

// comparisonBetween reports whether the phrasing writes a comparison (>,
// <, ≥, ≤) between tokens a and b: the answer must write one there too.
func (m *cardMatcher) comparisonBetween(a, b token) bool {
	if a.end > b.start || b.start > len(m.phrase) {
		return false
	}
	switch strings.Trim(m.phrase[a.end:b.start], " \t\n\\{}()[]$,;") {
	case ">", "<", "≥", "≤", ">=", "<=":
		return true
	}
	return false
}

// isComparison reports whether an answer's word says a comparison ("a
// scale above 1").
func isComparison(s string) bool {
	switch s {
	case "above", "below", "over", "under", "exceeds", "exceed", "beyond":
		return true
	}
	return false
}

// operation returns the arithmetic operation a written operator stands for:
// '+' for a sum, '*' for a product, '-' for a difference, '/' for a
// quotient, or 0. A minus sign is a difference only where written apart
// (the caller checks).
func operation(op string) byte {
	switch op {
	case "+", "plus":
		return '+'
	case "*", "·", "×", "⊙", "times":
		return '*'
	case "-", "−", "minus":
		return '-'
	case "/", "÷":
		return '/'
	}
	return 0
}

// maxGap is how many other tokens may stand between the words of a match of
// n slots: "predict the added noise" matches "predict noise", "predicts
// x_0, and the noise" does not.
func maxGap(n int) int {
	return 2*n - 1
}

// phraseWord is one content word of a phrasing while it is compiled.
type phraseWord struct {
	t       token
	negated bool
	group   int // index of the tight group (x_0 is one group)
}

// expansionAt reports whether the content words from i on spell out an
// abbreviation ("graph convolutional network"); if so it returns how many
// words that is and the alternatives of the abbreviation (GCN and all its
// expansions).
func (m *cardMatcher) expansionAt(words []phraseWord, i int) (int, [][]int32) {
	for _, exp := range expansionIndex()[words[i].t.term] {
		n := len(exp.terms)
		if i+n > len(words) {
			continue
		}
		ok := true
		for k, term := range exp.terms {
			w := words[i+k]
			if w.t.term != term || (k > 0 && w.group == words[i+k-1].group) {
				ok = false
				break
			}
		}
		if ok {
			return n, m.wordAlts(exp.abbr)
		}
	}
	return 0, nil
}

// synonymAt reports whether the content words from i on are a synonym of
// several words in the thesaurus ("adjacent node"); if so it returns how
// many words that is and the alternatives of its group.
func (m *cardMatcher) synonymAt(words []phraseWord, i int) (int, [][]int32) {
	if m.noSyn {
		return 0, nil
	}
	for _, sp := range thesaurus().byFirst[words[i].t.term] {
		n := len(sp.terms)
		if i+n > len(words) {
			continue
		}
		ok := true
		for k, term := range sp.terms {
			if words[i+k].t.term != term || words[i+k].negated != words[i].negated {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		m.synUsed = true
		var alts [][]int32
		if !strings.HasPrefix(sp.key, "#") {
			alts = append(alts, []int32{m.internTerm(sp.key)})
		}
		return n, append(alts, m.synonymSeqs(sp.key)...)
	}
	return 0, nil
}

// synonymSeqs returns the multi-word synonyms of a group key as term
// sequences.
func (m *cardMatcher) synonymSeqs(key string) [][]int32 {
	var out [][]int32
	for _, seq := range thesaurus().phrases[key] {
		ids := make([]int32, len(seq))
		for k, t := range seq {
			ids[k] = m.internTerm(t)
		}
		out = append(out, ids)
	}
	return out
}

// wordAlts returns the alternatives of one content word: the word itself and,
// for an abbreviation, each of its expansions.
func (m *cardMatcher) wordAlts(t token) [][]int32 {
	alts := [][]int32{{m.intern(t)}}
	alts = append(alts, m.synonymSeqs(t.term)...)
	for _, exp := range abbreviations[t.word] {
		var seq []int32
		for _, et := range tokenize(exp) {
			if !et.stop {
				seq = append(seq, m.intern(et))
			}
		}
		if len(seq) > 0 {
			alts = append(alts, seq)
		}
	}
	return alts
}

// groupAlts returns the alternatives of a tight symbol such as x_0 or
// \bar{\alpha}: its parts in order, in any order (for groups of two or
// three, unless bound: a compound such as co-training keeps its order), and
// written as one word ("x0").
func (m *cardMatcher) groupAlts(seq []token, bound bool) [][]int32 {
	ids := make([]int32, len(seq))
	var joined strings.Builder
	for i, t := range seq {
		ids[i] = m.intern(t)
		joined.WriteString(t.word)
	}
	alts := [][]int32{ids}
	if bound && len(seq) == 2 && countVariables[seq[0].word] && !seq[1].number && abbreviations[seq[1].word] == nil {
		// k-hop, L-hop: the count may be written as a number ("2-hop"); in
		// a name such as k-WL it may not (1-WL is not k-WL).
		alts = append(alts, []int32{m.numberID(), ids[1]})
	}
	switch len(ids) * btoi(!bound) {
	case 2:
		alts = append(alts, []int32{ids[1], ids[0]})
	case 3:
		for _, p := range [][3]int{{0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}} {
			alts = append(alts, []int32{ids[p[0]], ids[p[1]], ids[p[2]]})
		}
	}
	if k := len(seq) - 1; k > 0 && !bound && timeIndex[seq[k].word] && isGreekName(seq[0].word) {
		// β_t is β where the index goes without saying: "sqrt(1 - beta)",
		// "ᾱ goes to zero".
		bare := slices.Clone(ids[:k])
		bare[k-1] = m.bareID(ids[k-1])
		alts = append(alts, bare)
	}
	if parts := normalizeWord(joined.String()); len(parts) == 1 {
		j := seq[0]
		j.word, j.term, j.number, j.lex = parts[0].word, parts[0].term, parts[0].number, parts[0].lex
		alts = append(alts, []int32{m.intern(j)})
	}
	return alts
}

// bareID returns the id that stands for a term written with no subscript
// after it ("beta" in "sqrt(1 - beta)", not in "beta_1"), adding it.
func (m *cardMatcher) bareID(id int32) int32 {
	if b, ok := m.bare[id]; ok {
		return b
	}
	b := m.internTerm(m.terms[id] + "\x00bare")
	if m.bare == nil {
		m.bare = map[int32]int32{}
	}
	m.bare[id] = b
	return b
}

// exponent reports whether token i of an answer is a number raised to a
// count variable, or that variable ("2^k", "2^{L}"): neither counts
// anything by itself ("2^k hops" are not "two hops" nor "k hops").
func exponent(answer string, toks []token, i int) bool {
	t := &toks[i]
	if t.number && i+1 < len(toks) {
		return toks[i+1].tightPrev && countVariables[toks[i+1].word] && t.end < len(answer) && answer[t.end] == '^'
	}
	if i == 0 || !t.tightPrev || !toks[i-1].number || !countVariables[t.word] {
		return false
	}
	p := toks[i-1].end
	return p < len(answer) && answer[p] == '^'
}

// countVariables are the letters that stand for a count in a compound
// such as k-hop or L-hop.
var countVariables = setOf(`k l n`)

// formulaSymbol reports whether a phrasing's word is a symbol of a formula:
// a single letter that is not a function word ("T" in "O(T epsilon)"), or
// a Greek letter's name (not an operator's: "elementwise" for ⊙).
func formulaSymbol(t token) bool {
	return !t.stop && !t.number && (greekLetterNames[t.word] || len(t.word) == 1 && t.word[0] >= 'a' && t.word[0] <= 'z')
}

// greekLetterNames holds the names of the Greek letters (greekNames).
var greekLetterNames = func() map[string]bool {
	out := map[string]bool{}
	for _, name := range greekNames {
		out[name] = true
	}
	return out
}()

// numberID returns the id every number of an answer also occurs as,
// adding it.
func (m *cardMatcher) numberID() int32 {
	if m.numID < 0 {
		m.numID = m.internTerm("\x00number")
	}
	return m.numID
}

// timeIndex are the subscripts a symbol may be written without: the step
// or time index of β_t, ᾱ_s, σ_k.
var timeIndex = setOf(`t s k i`)

// expansionIndex maps the first term of each abbreviation expansion to the
// abbreviations it may start.
var expansionIndex = sync.OnceValue(func() map[string][]expansion {
	idx := map[string][]expansion{}
	keys := make([]string, 0, len(abbreviations))
	for k := range abbreviations {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, abbr := range keys {
		for _, exp := range abbreviations[abbr] {
			var terms []string
			for _, t := range tokenize(exp) {
				if !t.stop {
					terms = append(terms, t.term)
				}
			}
			if len(terms) < 2 {
				continue
			}
			abbrToks := tokenize(abbr)
			if len(abbrToks) != 1 {
				continue
			}
			idx[terms[0]] = append(idx[terms[0]], expansion{abbr: abbrToks[0], terms: terms})
		}
	}
	return idx
})

// expansion is an abbreviation's spelled-out form, as matching terms.
type expansion struct {
	abbr  token
	terms []string
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'a' && c <= 'z':
			m |= 1 << (c - 'a')
		case c >= '0' && c <= '9':
			m |= 1 << 26
		default:
			m |= 1 << 27
		}
	}
	return m
}

func maskDistance(a, b uint32) int { return bits.OnesCount32(a ^ b) }

// countBefore reports whether a phrasing's words hold a number (the count
// of a rate: "twice", "one", "7").
func countBefore(words []phraseWord) bool {
	for _, w := range words {
		if w.t.number {
			return true
		}
	}
	return false
}

// distributive is the matching term of "each" and "every"; in a rate
// ("twice per step") "per" is one with them (compileTokens).
const distributive = "each"
