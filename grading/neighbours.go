package grading

import (
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"grill/decks"
)

// Answers to another card of the deck.
//
// A good answer to a neighbouring card ("what does the model predict?"
// answered with the forward process) shares many words with the card asked,
// and some of them are the words of its key points. GradeAmong is told the
// card's neighbours (the other cards of its topic) and compares how much of
// each card's vocabulary the answer uses: the distinct content terms of its
// reference answers, Also accepted alternatives, key point phrasings and
// question (cardSig), each weighted by how rare it is among the cards
// compared (idf) and the total divided by the square root of the card's
// vocabulary size, so a long reference is not favoured. When a neighbour's
// affinity is readsLikeRatio times the asked card's or more, and at least
// readsLikeMin (a short answer's ratio says little), the answer
// reads as an answer to that neighbour (Result.ReadsLike): each point it
// covers with fewer than ownWords words of the asked card's vocabulary that
// the neighbour's lacks is not covered. Words of neither card ("large",
// "factor") tell nothing.
//
// The neighbours' affinities are computed only when the answer covers or
// lists a point of the asked card, from the tokens already analysed; each
// card's vocabulary is built once per compiled matcher.

// Tuned on the tune split of the labeled set (eval_test.go, graded with
// the built-in cards of the asked card's topic as neighbours).
var (
	readsLikeRatio = 1.6 // a neighbour's affinity over the asked card's, from which the answer reads like it
	readsLikeMin   = 2.0 // the least affinity (idf-weighted terms over the root of the vocabulary size) that reads like anything
)

// sigTerm is one term of a card's vocabulary: its global id and weight.
type sigTerm struct {
	id int32
	w  float64
}

// cardSig is a card's vocabulary, sorted by id.
type cardSig struct {
	terms []sigTerm
}

// sigVocab interns matching terms across cards.
var (
	sigMu    sync.RWMutex
	sigIDs   = map[string]int32{}
	sigCache sync.Map // *cardMatcher -> *cardSig
	sigCount atomic.Int64
)

// sigID returns the global id of a term, adding it when add is set; -1
// when unknown.
func sigID(term string, add bool) int32 {
	sigMu.RLock()
	id, ok := sigIDs[term]
	sigMu.RUnlock()
	if ok || !add {
		if !ok {
			return -1
		}
		return id
	}
	sigMu.Lock()
	defer sigMu.Unlock()
	if id, ok := sigIDs[term]; ok {
		return id
	}
	id = int32(len(sigIDs))
	sigIDs[term] = id
	return id
}

// signature returns the vocabulary of a card, building it once per matcher.
func signature(card *decks.Card, m *cardMatcher) *cardSig {
	if s, ok := sigCache.Load(m); ok {
		return s.(*cardSig)
	}
	w := map[string]float64{}
	put := func(term string, weight float64) {
		if weight > w[term] {
			w[term] = weight
		}
	}
	for _, bags := range [][]refBag{m.blend, m.refs} {
		for _, b := range bags {
			for _, rt := range b.terms {
				put(m.terms[rt.id], 1)
			}
		}
	}
	for _, pm := range m.points {
		for _, v := range pm.variants {
			for _, sl := range v.slots {
				for _, alt := range sl.alts {
					if len(alt) == 1 {
						put(m.terms[alt[0]], 1)
					}
				}
			}
		}
	}
	for _, t := range tokenize(card.Question) {
		if !t.fn && !t.stop && (len(t.word) > 1 || t.number) {
			put(t.term, 1)
		}
	}
	s := &cardSig{terms: make([]sigTerm, 0, len(w))}
	for term, x := range w {
		s.terms = append(s.terms, sigTerm{sigID(term, true), x})
	}
	sortSig(s)
	if sigCount.Add(1) > maxMatcherCache {
		sigCache.Clear() // as the matcher cache is
		sigCount.Store(0)
	}
	sigCache.Store(m, s)
	return s
}

// sortSig sorts a signature's terms by id.
func sortSig(s *cardSig) {
	slices.SortFunc(s.terms, func(a, b sigTerm) int { return int(a.id - b.id) })
}

// answerSigTerms returns the sorted distinct global ids of the answer's
// content terms.
func answerSigTerms(toks []token) []int32 {
	var out []int32
	sigMu.RLock()
	for i := range toks {
		t := &toks[i]
		if t.fn || t.stop || len(t.word) < 2 && !t.number {
			continue
		}
		if id, ok := sigIDs[t.term]; ok {
			out = append(out, id)
		}
	}
	sigMu.RUnlock()
	slices.Sort(out)
	return slices.Compact(out)
}

// affinities returns, for each signature, the idf-weighted mass of the
// answer's terms it holds over the root of its size.
func affinities(ans []int32, sigs []*cardSig) []float64 {
	df := make([]int, len(ans))
	for _, s := range sigs {
		intersect(ans, s.terms, func(k int, _ sigTerm) { df[k]++ })
	}
	n := float64(len(sigs))
	out := make([]float64, len(sigs))
	for c, s := range sigs {
		var mass float64
		intersect(ans, s.terms, func(k int, st sigTerm) {
			mass += st.w * math.Log((n+1)/float64(df[k]))
		})
		out[c] = mass / math.Sqrt(math.Max(1, float64(len(s.terms))))
	}
	return out
}

// intersect calls f for each answer term (by index k) the signature holds.
func intersect(ans []int32, terms []sigTerm, f func(k int, st sigTerm)) {
	i, j := 0, 0
	for i < len(ans) && j < len(terms) {
		switch {
		case ans[i] < terms[j].id:
			i++
		case ans[i] > terms[j].id:
			j++
		default:
			f(i, terms[j])
			i++
			j++
		}
	}
}

// has reports whether a signature holds a global term id.
func (s *cardSig) has(id int32) bool {
	_, ok := slices.BinarySearchFunc(s.terms, id, func(st sigTerm, id int32) int { return int(st.id - id) })
	return ok
}

// readsLike finds the neighbour the answer reads like, or nil. It is asked
// only when the verdict on the card itself gives the answer something.
func readsLike(card *decks.Card, m *cardMatcher, neighbours []*decks.Card, toks []token) (*decks.Card, *cardSig) {
	sigs := make([]*cardSig, 0, len(neighbours)+1)
	cards := make([]*decks.Card, 0, len(neighbours)+1)
	sigs = append(sigs, signature(card, m))
	cards = append(cards, card)
	for _, nb := range neighbours {
		if nb == nil || nb == card || nb.ID != "" && nb.ID == card.ID {
			continue
		}
		sigs = append(sigs, signature(nb, matcherFor(nb)))
		cards = append(cards, nb)
	}
	ans := answerSigTerms(toks) // after every signature is interned
	aff := affinities(ans, sigs)
	best := 0
	for c := 1; c < len(aff); c++ {
		if aff[c] > aff[best] {
			best = c
		}
	}
	if best == 0 || aff[best] < readsLikeMin || aff[best] < readsLikeRatio*aff[0] {
		return nil, nil
	}
	return cards[best], sigs[best]
}

// dropNeighbourCover takes back each covered point whose spans hold fewer
// than ownWords distinct content words of the asked card's vocabulary
// (own) that the neighbour's (nb) lacks: words of neither card ("large",
// "factor") say nothing about which question was answered.
func dropNeighbourCover(toks []token, points []PointResult, own, nb *cardSig) {
	for i := range points {
		p := &points[i]
		if !p.Covered {
			continue
		}
		var found []int32
		for _, sp := range p.Spans {
			for k := range toks {
				t := &toks[k]
				if t.start < sp.Start || t.end > sp.End || t.fn || t.stop || len(t.word) < 2 && !t.number {
					continue
				}
				if id := sigID(t.term, false); id >= 0 && own.has(id) && !nb.has(id) && !slices.Contains(found, id) {
					found = append(found, id)
				}
			}
		}
		if len(found) < ownWords {
			p.Covered, p.Spans = false, nil
		}
	}
}

// ownWords is how many words of its own card a point's evidence needs to
// stay covered in an answer that reads like a neighbour's.
var ownWords = 2

// Neighbours returns the cards a card's answers are told apart from: the
// other cards of its topic in lib (GradeAmong skips the card itself). A
// follow-up has none: it asks about its parent's material. nil lib, or a
// card whose topic is not in lib, gives none.
func Neighbours(lib *decks.Library, card *decks.Card) []*decks.Card {
	if lib == nil || card == nil || card.Parent != "" {
		return nil
	}
	if tp, ok := lib.Topic(card.Topic); ok {
		return tp.Cards
	}
	return nil
}
