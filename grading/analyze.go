package grading

import (
	"slices"
	"sync"
)

// occ is one place in the answer where a vocabulary term was found: the
// tokens first..last (more than one for a joined word such as "over
// smoothing" matching "oversmoothing").
type occ struct {
	first, last int32
}

// analysis is an answer prepared for matching against one card.
type analysis struct {
	text string // the text analysed
	toks []token
	occ  [][]occ // by term id
	tid  []int32 // term id of each token, -1 when not in the card's vocabulary
	wpre []int32 // gap weights of the tokens before each index (matchVariant)
	deny []uint8 // denial marks of each token (denial.go)
	// negMemo holds negatedBefore of each token plus one, 0 until asked.
	negMemo []uint8
	helpID  int32 // the card's id of "help", or -1

	mentions []mention // where the compared subjects are named
	nearOnly bool      // subjects taken from the reference: said of one named in the sentence only (subjects.go)
	items    []item    // scratch for matchVariant
	chosen   []int32   // scratch for matchVariant

	hits   []hit  // scratch for analyzeInto
	joined []byte // scratch for analyzeInto: two written words joined

	start, next []int32 // scratch for setOccurrences
	backing     []occ   // the occurrences, by term (setOccurrences)

	otherTerms []string   // scratch for refShareOf: terms outside the card's vocabulary
	seenTerms  []bool     // scratch for refShareOf: card terms seen, by id
	reading    []termSaid // refShareOf: how the answer says each term of the card's first reference (derivedverdicts.go)
}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// maxTypoMemo bounds the per-card memo of typo look-ups.
const maxTypoMemo = 50000

// analyzeText tokenizes text and finds where each term of the card's
// vocabulary occurs: exactly (after normalisation and stemming), as two
// written words joined, or, with typos, as a typo of a long word (a
// reference answer's words are in the vocabulary as written).
func (m *cardMatcher) analyzeText(answer string, typos bool) *analysis {
	return m.analyzeInto(&analysis{}, answer, typos)
}

// analysisPool recycles the buffers of Grade's analyses: an analysis holds
// an entry per vocabulary term, and allocating it afresh for every answer
// is a good part of Grade's cost.
var analysisPool = sync.Pool{New: func() any { return new(analysis) }}

// analyzePooled is analyzeText with typos, into a recycled analysis;
// release it when done.
func (m *cardMatcher) analyzePooled(answer string) *analysis {
	return m.analyzeInto(analysisPool.Get().(*analysis), answer, true)
}

// release returns a pooled analysis; nothing may use it afterwards.
func (a *analysis) release() {
	if cap(a.occ) > 1<<16 || cap(a.toks) > 1<<14 {
		return // an outsized answer or card: let it go
	}
	analysisPool.Put(a)
}

// analyzeInto is analyzeText reusing a's buffers.
func (m *cardMatcher) analyzeInto(a *analysis, answer string, typos bool) *analysis {
	a.text = answer
	a.toks = tokenizeInto(a.toks[:0], answer)
	a.occ = resize(a.occ, len(m.ids))
	a.helpID = m.helpID
	a.mentions = a.mentions[:0]
	defer a.findMentions(m)
	toks := a.toks
	a.deny = computeDenialsInto(resize(a.deny, len(toks)), toks)
	a.negMemo = resize(a.negMemo, len(toks))
	a.tid = resize(a.tid, len(toks))
	a.wpre = resize(a.wpre, len(toks)+1)
	for i := range toks {
		a.wpre[i+1] = a.wpre[i] + gapWeight(&toks[i])
	}
	hits := a.hits[:0]
	defer func() { a.hits = hits[:0] }()
	for i := range toks {
		t := &toks[i]
		a.tid[i] = -1
		if exponent(answer, toks, i) {
			continue // "2^k hops" are not "k hops"
		}
		if id, ok := m.ids[t.term]; ok {
			a.tid[i] = id
			hits = append(hits, hit{id, occ{int32(i), int32(i)}})
			if b, ok := m.bare[id]; ok && (i+1 == len(toks) || !toks[i+1].tightPrev) {
				hits = append(hits, hit{b, occ{int32(i), int32(i)}})
			}
		} else if typos && m.typoEligible(t) {
			for _, id := range m.typoIDs(t) {
				hits = append(hits, hit{id, occ{int32(i), int32(i)}})
			}
		}
		if t.number && m.numID >= 0 {
			hits = append(hits, hit{m.numID, occ{int32(i), int32(i)}})
		}
		if i+1 < len(toks) && toks[i+1].joinPrev && !t.stop && !toks[i+1].stop && t.start != toks[i+1].start && m.prefixes[t.word] {
			var parts []wordInfo
			parts, a.joined = normalizeJoined(a.joined, t.word, toks[i+1].word)
			if len(parts) == 1 {
				if id, ok := m.ids[parts[0].term]; ok {
					hits = append(hits, hit{id, occ{int32(i), int32(i + 1)}})
				}
			}
		}
	}
	a.setOccurrences(hits)
	return a
}

// hit is one occurrence of a vocabulary term, while an answer is analysed.
type hit struct {
	id int32
	o  occ
}

// setOccurrences files the hits by term, in one backing array, keeping each
// term's occurrences in answer order.
func (a *analysis) setOccurrences(hits []hit) {
	if len(hits) == 0 {
		return
	}
	start := resize(a.start, len(a.occ)+1)
	a.start = start
	for _, h := range hits {
		start[h.id+1]++
	}
	for i := 1; i < len(start); i++ {
		start[i] += start[i-1]
	}
	backing := resize(a.backing, len(hits))
	a.backing = backing
	next := append(a.next[:0], start[:len(start)-1]...)
	a.next = next
	for _, h := range hits {
		backing[next[h.id]] = h.o
		next[h.id]++
	}
	for id := range a.occ {
		if s, e := start[id], start[id+1]; e > s {
			a.occ[id] = backing[s:e:e]
		}
	}
}

// typoEligible reports whether an unmatched answer word may be a typo: long
// enough (5+ letters), not a number or function word, and not a word of its
// own (of the card, of common English, or a known abbreviation such as
// GraphSAGE, which is no typo of "graph size").
func (m *cardMatcher) typoEligible(t *token) bool {
	if t.number || t.stop || len(t.word) < 5 || len(m.typos) == 0 {
		return false
	}
	if t.lex&lexAbbrev != 0 {
		return false
	}
	return !m.known[t.word] && t.lex&lexCommon == 0 && !commonStems()[t.term]
}

// typoIDs returns the vocabulary terms an answer word is a typo of. Results
// are memoised per card, since answers repeat their words.
func (m *cardMatcher) typoIDs(t *token) []int32 {
	if v, ok := m.typoMemo.Load(t.word); ok {
		return v.([]int32)
	}
	var ids []int32
	mask := letterMask(t.word)
	for _, e := range m.typos {
		k := maxEdits(min(len(t.word), len(e.word)))
		if k == 0 || abs(len(t.word)-len(e.word)) > k || maskDistance(mask, e.mask) > 2*k {
			continue
		}
		// A changed first letter is allowed only in long words.
		if t.word[0] != e.word[0] && len(e.word) < 9 {
			continue
		}
		if editDistance(t.word, e.word, k) <= k || (len(t.term) >= 5 && len(e.term) >= 5 &&
			editDistance(t.term, e.term, maxEdits(min(len(t.term), len(e.term)))) <= maxEdits(min(len(t.term), len(e.term)))) {
			if !slices.Contains(ids, e.id) {
				ids = append(ids, e.id)
			}
		}
	}
	m.memoMu.Lock()
	if m.memoSize < maxTypoMemo {
		m.memoSize++
		m.memoMu.Unlock()
		m.typoMemo.Store(t.word, ids)
	} else {
		m.memoMu.Unlock()
	}
	return ids
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
