package grading

// Keyword dumps.
//
// An answer that lists the right terms without explaining them ("message
// passing, aggregation, neighbours, update, GCN") names key points but does
// not cover them. The grader measures how much of the answer is connected
// prose: the words of the answer (maths such as x_0 or ε left out) are split
// into clauses at punctuation, line breaks and linking words; a clause with
// no function word at all ("the", "of", "is", "by", "and", ...) is a bare
// list of terms. From the share of words in bare clauses and the share of
// function words overall it computes a dump degree
//
//	d = max( (bare share − 0.45) / 0.35 , (0.18 − function-word share) / 0.12 ), clamped to 0..1
//
// and an answer with d ≥ 0.5 is a keyword dump: each key point it names is
// marked Listed instead of Covered, and counts for listedCredit (30%) of its
// weight. A bare list naming every point therefore scores 30, far below the
// 100 of a real answer covering the same points, while a terse but connected
// sentence ("message passing aggregates neighbour features then updates")
// is not affected. Result.Coverage keeps the share of points named.

const (
	bareLow, bareHigh = 0.45, 0.80 // bare-clause share where the dump degree starts and is full
	funcHigh, funcLow = 0.18, 0.06 // function-word share where the dump degree starts and is full
)

// dumpThreshold is the dump degree from which an answer is a keyword dump,
// and listedCredit the share of its weight a point named only in one keeps.
const (
	dumpThreshold = 0.5
	listedCredit  = 0.30
)

// isDump reports whether an answer is a bare list of terms.
func isDump(toks []token) bool { return dumpDegree(toks) >= dumpThreshold }

// mathWords are notation spelled out: they say nothing about whether an
// answer is prose.
var mathWords = setOf(`sqrt bar hat tilde grad elementwise empty sum product infinity partial integral approx sim norm
log exp max min argmax argmin softmax mathcal mathbb text frac cdot times left right
alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega`)

// dumpDegree returns d in 0..1: how much the answer is a bare list of terms.
func dumpDegree(toks []token) float64 {
	words, stops, bare := 0, 0, 0
	clauseWords, clauseStops := 0, 0
	clause := int32(-1)
	flush := func() {
		if clauseStops == 0 {
			bare += clauseWords
		}
		clauseWords, clauseStops = 0, 0
	}
	for i := range toks {
		t := &toks[i]
		if t.number || len(t.word) < 2 || mathWords[t.word] {
			continue
		}
		if t.clause != clause {
			flush()
			clause = t.clause
		}
		words++
		clauseWords++
		if t.fn {
			stops++
			clauseStops++
		}
	}
	flush()
	if words == 0 {
		return 0
	}
	bareShare := float64(bare) / float64(words)
	funcShare := float64(stops) / float64(words)
	d := max(ramp(bareShare, bareLow, bareHigh), ramp(funcHigh-funcShare, 0, funcHigh-funcLow))
	return d
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
