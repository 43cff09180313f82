package grading

import "strings"

// Keyword dumps: explained or listed, by claim structure.
//
// An answer that lists the right terms without explaining them ("message
// passing, aggregation, neighbours, update, GCN") names key points but does
// not cover them. The grader splits the answer into clauses (at punctuation,
// line breaks and linking words) and asks of each whether it relates its
// terms by a predicate (structure.go): a verb said of something ("nodes
// aggregate", "is trained on web data", "can skip steps"), a telegraphic
// note ("keeps VLM knowledge, avoids forgetting", "whole model adapted"), or
// an arrow or equals sign between two clauses ("A → B", "512×512×3 →
// 64×64×4"). Bare terms, terms joined only by commas, and terms padded
// with empty frames ("it is the X and it is the Y", "there is the X", "we
// have X") relate nothing. From the share of the answer's words in clauses
// that relate nothing it computes a dump degree
//
//	d = (unexplained share − 0.45) / 0.35, clamped to 0..1
//
// and an answer with d ≥ 0.5 is a keyword dump: each key point it names is
// marked Listed instead of Covered, and counts for listedCredit (30%) of its
// weight. A bare list naming every point therefore scores 30, far below the
// 100 of a real answer covering the same points. Result.Coverage keeps the
// share of points named.

const (
	bareLow, bareHigh = 0.45, 0.80 // unexplained share where the dump degree starts and is full
	funcHigh, funcLow = 0.18, 0.06 // function-word share under which an answer stops reading as prose
	emptyShare        = 0.30       // share of words in padded clauses that makes prose a list
)

// dumpThreshold is the dump degree from which an answer is a keyword dump,
// and listedCredit the share of its weight a point named only in one keeps.
const (
	dumpThreshold = 0.5
	listedCredit  = 0.30
)

// isDump reports whether an answer is a bare list of terms.
func isDump(text string, toks []token) bool { return dumpDegree(text, toks) >= dumpThreshold }

// mathWords are notation spelled out: they say nothing about whether an
// answer is prose.
var mathWords = setOf(`sqrt bar hat tilde grad elementwise empty sum product infinity partial integral approx sim norm
log exp max min argmax argmin softmax mathcal mathbb text frac cdot times left right
alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega`)

// dumpDegree returns d in 0..1: how much the answer is a bare list of
// terms. It is the share of words in clauses that relate nothing, ramped;
// an answer that is connected prose by its function words alone (more than
// funcHigh of them, few bare clauses) is not a list unless its clauses are
// empty frames ("it is the X and it is the Y").
func dumpDegree(text string, toks []token) float64 {
	explained := explainedClauses(text, toks)
	framed := emptyFramed(toks)
	words, unexplained, fnWords, bare, empty := 0, 0, 0, 0, 0
	clauseWords, clauseFn := 0, 0
	clause := int32(-1)
	flush := func() {
		if clauseFn == 0 {
			bare += clauseWords
		}
		clauseWords, clauseFn = 0, 0
	}
	for i := range toks {
		t := &toks[i]
		if t.number || len(t.word) < 2 || t.math || len(t.word) <= 3 && strings.ContainsAny(t.word, "0123456789") {
			continue
		}
		if t.clause != clause {
			flush()
			clause = t.clause
		}
		clauseWords++
		if t.fn {
			fnWords++
			clauseFn++
			continue
		}
		words++
		if !explained[t.clause] {
			unexplained++
			if framed[t.clause] {
				empty++ // in a clause padded with an empty frame
			}
		}
	}
	flush()
	if words == 0 {
		return 0
	}
	d := ramp(float64(unexplained)/float64(words), bareLow, bareHigh)
	all := float64(words + fnWords)
	prose := ramp(float64(bare)/all, bareLow, bareHigh) < dumpThreshold && ramp(funcHigh-float64(fnWords)/all, 0, funcHigh-funcLow) < dumpThreshold
	if prose && float64(empty)/float64(words) < emptyShare {
		return min(d, dumpThreshold/2)
	}
	return d
}

// emptyFramed marks the clauses that open with an empty frame: a pronoun
// or "there" and a copula or "have" ("it is the X", "there is the X", "we
// have X", "that's the X").
func emptyFramed(toks []token) []bool {
	if len(toks) == 0 {
		return nil
	}
	out := make([]bool, toks[len(toks)-1].clause+1) // by clause
	for i := range toks {
		if i > 0 && toks[i-1].clause == toks[i].clause {
			continue
		}
		j := i
		if toks[j].lex&lexClause != 0 && j+1 < len(toks) && toks[j+1].clause == toks[i].clause {
			j++ // "and it is the Y"
		}
		w := toks[j].word
		next := ""
		if j+1 < len(toks) && toks[j+1].clause == toks[i].clause {
			next = toks[j+1].word
		}
		if (toks[j].lex&lexEmptySubj != 0 || w == "there") && (next != "" && toks[j+1].lex&lexCopula != 0 || next == "get" || next == "got") ||
			w == "theres" || w == "thats" || w == "its" && next != "" && determiners[next] {
			out[toks[i].clause] = true
		}
	}
	return out
}

// ramp maps x linearly from [lo, hi] to [0, 1], clamped.
func ramp(x, lo, hi float64) float64 {
	switch {
	case x <= lo:
		return 0
	case x >= hi:
		return 1
	}
	return (x - lo) / (hi - lo)
}
