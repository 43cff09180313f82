// Package grading scores a typed answer against the key points of a card,
// offline and deterministically, and asks an optional LLM for feedback.
//
// # Matching
//
// Answer and phrasings are normalised alike: Unicode NFKC and case folding,
// punctuation dropped, British spellings made US (neighbour, normalise,
// modelling), words stemmed (Snowball English), Greek letters and symbols
// spelled out (ε, eps and epsilon are one word; ᾱ, alpha_bar, alpha bar,
// alphabar and \bar{\alpha} are alpha bar; √ is sqrt), abbreviations and
// their expansions interchangeable (GCN, graph convolutional network),
// "every" read as "each".
// Words written apart or hyphenated match the joined word (over smoothing,
// over-smoothing, oversmoothing; x_0, x0), and a long word may carry typing
// errors (one edit for 5–8 letters, two beyond) unless it is itself an
// ordinary word or a known name (GraphSAGE is no typo of "graph size"). The
// words of a phrasing, less its function words, may come in any order in one
// sentence of the answer, with at most 2n−1 other words between n of them,
// except that some keep their place: a phrasing with a single content word
// among function words ("sum of", "bit by bit") matches only as written,
// since the bare word is too common to show anything; a compound with a
// short first part (co-training, k-hop, RT-1) stays one word; a number
// comes before what it counts ("1000 steps", not "steps one by one"); an
// abbreviation spelled out ("large language model") stays together; and a
// tight symbol keeps even its function words (a_1).
//
// # Negation
//
// A phrase stated negated does not cover a key point. A word is negated when
// a negation ("not", "no", "never", "without", "neither", "nor", "lacks",
// any "n't" form, "instead of", "rather than", "nothing to do with", the
// prefix "non-") stands at most four words before it in the same clause
// ("no" and "without" at most three; each "or" between them reaches three
// words further: "never predicts the noise or the clean image"), or when the
// phrase is followed, across auxiliaries, by a negation or a denial ("mode
// collapse is not an issue", "attention isn't used", "the neighbours are
// ignored", "own features play no role", "over-smoothing is a myth").
// Clauses end at punctuation, line breaks and linking words (and, but,
// however, because, ...), so "does not learn weights but uses attention"
// still covers "attention"; "not only" and "not just" do not negate. A key
// point whose phrasing is itself negative ("no mode collapse",
// "non-Markovian") is covered only when the answer negates it too, here also
// by "avoids", "prevents" or "-free"; so is one written "instead of X"
// ("latents instead of pixels"). A point found only negated is reported
// Negated.
//
// # Keyword dumps
//
// An answer that lists terms without explaining them names key points but
// does not cover them: when most of its words stand in clauses with no
// function word, or it has almost no function words at all (see
// dumpDegree), each key point it names is Listed, not Covered, and counts
// for 30% of its weight, so a bare list naming every point scores 30 while
// a real answer covering them scores 100.
//
// # Compared subjects
//
// In a comparison question whose key points are labelled by subject ("RT-1:
// trained on robot data"), a match covers the point only when the subject
// named nearest to it is the label's, so swapped attributes earn nothing;
// a subject named after "unlike", "than", "vs" or "the same ... as" is the
// one compared against. Naming a subject is no evidence for its points:
// "GraphSAGE" does not cover "GraphSAGE: sample and aggregate", though it
// abbreviates those words.
package grading

import (
	"math"

	"grill/decks"
)

// Span is a half-open byte range [Start, End) of the answer text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// PointResult is the verdict on one key point.
type PointResult struct {
	Label   string  `json:"label"`
	Weight  float64 `json:"weight"`
	Covered bool    `json:"covered"`
	Negated bool    `json:"negated,omitempty"` // matched, but stated negated: not counted
	Listed  bool    `json:"listed,omitempty"`  // named only in a keyword dump: partly counted
	Spans   []Span  `json:"spans,omitempty"`   // where in the answer it matched
}

// Result is the grader's verdict on one answer.
type Result struct {
	Score  int           `json:"score"` // 0–100, weighted share of key points covered
	Points []PointResult `json:"points"`

	// Coverage is the weighted share of key points the answer names,
	// covered or listed, 0–100; Score equals it for an answer in prose.
	Coverage int `json:"coverage"`
	// KeywordDump is set when the answer reads as a bare list of terms: its
	// matched points are Listed rather than Covered.
	KeywordDump bool `json:"keyword_dump,omitempty"`
}

// Grade scores an answer against a card's key points (curated, or derived by
// KeyPoints when the card has none). For each key point it says whether the
// answer covers it, with the byte spans of the answer that matched. The
// score is the weighted share of key points covered, 0–100 rounded half up
// (Rescore of the points); in a keyword dump the points are Listed and count
// for listedCredit of their weight.
// Grade is deterministic, safe for concurrent use, and never panics.
func Grade(card *decks.Card, answer string) Result {
	m := matcherFor(card)
	a := m.analyze(answer)
	r := Result{Points: make([]PointResult, len(m.points))}

	for i := range m.points {
		pm := &m.points[i]
		covered, negated, spans := a.matchPoint(pm)
		r.Points[i] = PointResult{Label: pm.label, Weight: pm.weight, Covered: covered, Negated: negated, Spans: spans}
	}
	if isDump(a.toks) {
		// Terms named in a bare list are mentioned, not explained.
		r.KeywordDump = true
		for i := range r.Points {
			if r.Points[i].Covered {
				r.Points[i].Covered, r.Points[i].Listed = false, true
			}
		}
	}
	r.Coverage = roundHalfUp(100 * weightedShare(r.Points, 1))
	r.Score = Rescore(r.Points)
	return r
}

// Rescore returns the score of a list of verdicts, such as the grader's
// after the candidate overrode some of them: the weighted share of points
// covered, 0–100 rounded half up, where a point only listed in a keyword
// dump counts for listedCredit of its weight. Grade's score is Rescore of
// its points.
func Rescore(points []PointResult) int {
	return roundHalfUp(100 * weightedShare(points, listedCredit))
}

// weightedShare returns the weighted share of points covered, in 0..1,
// counting listed points for listed of their weight. A weight that is not a
// positive finite number counts as 1.
func weightedShare(points []PointResult, listed float64) float64 {
	var total, covered float64
	for _, p := range points {
		w := p.Weight
		if !(w > 0) || math.IsInf(w, 0) {
			w = 1
		}
		total += w
		switch {
		case p.Covered:
			covered += w
		case p.Listed:
			covered += w * listed
		}
	}
	if total == 0 {
		return 0
	}
	return covered / total
}

// roundHalfUp rounds x (0..100) to the nearest integer, halves upwards,
// tolerating floating-point error (2/8 of 100 is 25, 1/8 is 13).
func roundHalfUp(x float64) int {
	n := int(math.Floor(x + 0.5 + 1e-9))
	return min(max(n, 0), 100)
}
