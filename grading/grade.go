// Package grading scores a typed answer against the key points and
// misconceptions of a card, offline and deterministically (the LLM's
// feedback is package llm's).
//
// # Verdicts
//
// Each key point of a card is covered (the answer asserts it), listed
// (named in a bare list of terms: 30% of its weight), contradicted (the
// answer says its opposite: it earns nothing and costs half its weight), or
// missed. Each misconception of the card (Card.Misconceptions) is asserted
// or not (an answer that reads as a bare list of terms asserts none); an
// asserted one is flagged wrong and costs 1.5 times its weight
// (misconceptionPenalty); an answer asserting two or more keeps only half
// the credit of the points it covers (severalWrongCredit). The score
// is the weighted share of the points, less the penalties, 0–100 (ScoreOf),
// blended with the coverage of the whole reference answer (refBlend, 20%)
// when the answer scores above 0 and asserts no misconception, so that the
// words a paraphrase shares with the reference count a little where the
// phrasings did not foresee them.
// A card without curated key points is scored by coverage of its whole
// reference answer instead (refcover.go), with key points derived from the
// reference for feedback.
//
// Told the other cards of the card's topic (GradeAmong), the grader checks
// whether the answer reads as an answer to one of them (neighbours.go): a
// good answer to a neighbouring card then covers none of the points it names
// only through that card's words, and the Result names the card.
//
// # Matching
//
// Answer and phrasings are normalised alike: Unicode NFKC and case folding,
// punctuation dropped, British spellings made US (neighbour, normalise,
// modelling), words stemmed (Snowball English), comparatives read as their
// adjective (higher, high), Greek letters and symbols spelled out (ε, eps
// and epsilon are one word; ᾱ, alpha_bar, alpha bar, alphabar and
// \bar{\alpha} are alpha bar; √ is sqrt), abbreviations and their
// expansions interchangeable (GCN, graph convolutional network), and the
// synonyms of the shared domain thesaurus (thesaurus.txt: vertex, node;
// gather, aggregate; nbrs, neighbour; adjacent node, neighbour) folded
// together, so a key point needs only a few phrasings.
// Words written apart or hyphenated match the joined word (over smoothing,
// over-smoothing, oversmoothing; x_0, x0), and a long word may carry typing
// errors (one edit for 5–8 letters, two beyond) unless it is itself an
// ordinary word or a known name (GraphSAGE is no typo of "graph size"). The
// words of a phrasing, less its function words, may come in any order in one
// sentence of the answer, with at most 2n−1 other words between n of them,
// except that some keep their place: a phrasing with a single content word
// among function words ("sum of", "bit by bit") matches only as written,
// since the bare word is too common to show anything; a compound with a
// short first part (co-training, k-hop, RT-1, over-smoothing) stays one
// word; a number comes before what it counts ("1000 steps", not "steps one
// by one"); an abbreviation spelled out ("large language model") stays
// together; a tight symbol keeps even its function words (a_1); and a
// phrasing with an order-bearing word (minus, than, before, after, from … to,
// an arrow or a spaced minus sign) matches only with its two sides in that
// order, the word itself not needed ("remote - neighbour" is not "neighbour
// minus remote"), or for before/after the other way round with the inverse
// word between ("the sum before the MLP" says "MLP after the sum"). The
// terms of a formula ("h + r ≈ t", "1 − beta") keep their order and match
// only with no other operation between them ("h * r = t" and "h - r" are no
// translation; "head plus relation" is).
//
// # Consistency
//
// A point named by its words is not covered where the clause naming it says
// something the card contradicts (consistency.go): a number the card never
// gives, for a point whose label states one ("the speed-up is about 2×"
// against "DDIM 10–50× faster"); a name the card writes in capitals read as
// an ordinary word ("FAST goes further" is no "trains faster"), or an
// ordinary word read as a name a phrasing gives ("rotation" is no RotatE);
// a limitation called easy, fine, a strength or told apart ("regular graphs
// are the easy case" contradicts "Fails on regular graphs"); a direction
// the other way round ("away from the conditional, towards the
// unconditional" against "toward the conditional"); a comparison of the
// reference turned round ("regression is the stable option" where the
// reference says classification is more stable than regression); a
// positive point's words taken away by a verb of removal ("it removed the
// wrist camera"); a point named by its label's words in a clause that gives
// it a sibling point's role ("the wrist camera gives the scene context"
// against "Wrist camera for fine manipulation" and "Third-person camera for
// scene context").
//
// # Claims: negation, denial, dismissal, antonyms
//
// A key point is covered only by a clause that asserts it (claims.go). A
// word is negated when a negation ("not", "no", "never", "without",
// "neither", "nor", "lacks", any "n't" form, "instead of", "rather than",
// "nothing to do with", the prefix "non-") stands at most four words before
// it in the same clause ("no" and "without" at most three; each "or"
// between them reaches three words further; beyond that, a negated verb
// reaches its object and the phrases attached to it, a negative
// determiner its noun phrase, up to a contrast, a subordinate clause or a
// new predicate: negation.go), or when the phrase is
// followed, across auxiliaries, by a negation or a denial ("mode collapse is
// not an issue", "the neighbours are ignored"). Clauses end at punctuation,
// line breaks and linking words (and, but, however, because, ...); "not
// only" does not negate.
//
// An answer may take a claim back without negating it. Each class of
// wording is read by one rule:
//
//   - a denial frame (denial.go), before or after the claim: "it is a myth
//     that X", "contrary to X", "X, which is false", "X does not hold",
//     "supposedly X", "Not true: X", "few still believe X"; a sentence that
//     is only a verdict, or opens with one and goes on, denies the sentence
//     before ("X? Hardly.", "X. That isn't how it works: Y");
//   - a report corrected (reports.go): what people say, insist on or explain,
//     or how things seem, then corrected ("people often say X, but ...",
//     "in theory X, but in practice ...");
//   - a rejection (dismissal.go): a predicate that rejects its subject ("X
//     is overstated", "X doesn't really hold up", "X is, in my view,
//     marketing"), the speaker's own ("I'd push back on X", "I'm not
//     convinced that X"), or either said of a subject that refers back
//     ("Honestly, that framing doesn't hold up");
//   - a dismissal: a predicate that says its subject is not needed or does
//     not matter ("X is unnecessary", "X is optional", "X is a minor
//     detail", "it is not about X").
//
// A denied claim has its polarity turned round; an overstated, dismissed
// or rejected-as-minor one is only not asserted. These readings stop at a
// contrast word ("X is overstated, but Y matters" asserts Y). A point said
// and then taken back elsewhere (two or more of its words inside a denial
// or dismissal) is missed rather than covered.
//
// A point about an absence ("no mode collapse", "non-Markovian", "no
// teacher") is covered only when the answer negates it too, or says it
// with "avoids", "prevents", "-free", a verb of removal ("skips / drops /
// does away with the teacher"), a removed need ("bypasses the need for a
// teacher"), a predicate of absence ("the teacher is optional") or a plain
// denial ("it is a myth that it needs a teacher"; not a denial spanning
// several clauses). A point whose label states a limitation ("Fails on
// one-to-many relations") or opens with an absence ("No new motor skills
// from web data") is asserted by a negated capability ("it cannot model
// one-to-many relations") and contradicted by the capability said ("it can
// learn new physical skills"), by a lacking capability denied ("it is a
// myth that VLAs cannot learn new motor skills") or by the case called easy
// or a strength.
//
// A point is contradicted when its only matches are negated or denied, when
// a phrasing matches with one word swapped for its antonym in the thesaurus
// (deterministic/stochastic, faster/slower, same/different,
// reuses/retrained: "DDIM is stochastic"), when, in a comparison, it is said
// of the other method, or when the clause says the opposite effect of a
// remedy ("residual connections and DropEdge, but each makes it worse").
// Its Evidence holds the words.
//
// A point whose only evidence lies in the clause of an asserted
// misconception is not covered; nor, in an answer that asserts one, is a
// point named only by bare names in clauses whose other words the
// reference does not use (support.go), or by names listed as the subject
// of the wrong claim ("the perception, planning and control modules are
// all kept"). A misconception of identity qualified by "up to", "except"
// or "modulo" is not asserted, nor is one matched across a word of
// comparison ("FiLM is cheaper than cross-attention") or over two compared
// subjects ("GCN normalises by degree and GAT learns attention") unless it
// is itself a comparison.
//
// # Explained or listed
//
// An answer that lists terms without explaining them names key points but
// does not cover them. Each clause is read for a predicate relating its
// terms (structure.go): a verb said of something, a telegraphic note
// ("keeps VLM knowledge, avoids forgetting"), with clipped words read as
// the words they clip ("enc img to tokens", "agg nbr msgs"), a comparison
// with "than", an arrow or formula ("A → B", "512×512×3 → 64×64×4"), a list
// item under a heading, a note written as labelled fields ("Fwd: add noise
// per beta_t. Rev: learned denoiser.", "pros: multimodal; cons: slow"),
// and opposite properties set against each other across "vs" ("stochastic,
// 1000 steps (DDPM) vs deterministic, 50 steps (DDIM)"). Bare terms, terms
// joined by commas, names alone across "vs" and terms padded with empty
// frames ("it is the X and it is the Y", "there is the X", "we have X")
// relate nothing. When most of the answer's words relate nothing (see
// dumpDegree), each key point it names is Listed, not Covered, and counts
// for 30% of its weight, so a bare list naming every point scores 30 while
// a real answer covering them scores 100. On a card without key points a
// short answer (fewer than 8 content words) is never a list.
//
// # Compared subjects
//
// In a comparison question whose key points are labelled by subject ("RT-1:
// trained on robot data", or a name in capitals leading the label: "DDIM
// 10–50× faster"), a match covers the point only when the subject named
// nearest to it is the label's; said of another subject it contradicts the
// point. A subject named after "unlike", "than", "vs", "instead of" or "the
// same ... as" is the one compared against, and a contrast naming the other
// subject states its property ("50 steps instead of DDPM's 1000"). "The
// former" and "the latter" name the first and the second of the last two
// subjects named before them. A
// sentence that names no subject is about the one the sentence before is
// about (named first there). A subject is named by its word, one-word
// synonyms or its abbreviation's expansion, not by a thesaurus phrase for
// what it does ("fixed graph" names no transductive setting), and the words
// of a compound name ("edge-level") are no evidence for its points. Naming a subject is no evidence
// for its points: "GraphSAGE" does not cover "GraphSAGE: sample and
// aggregate", though it abbreviates those words. Cards without key points
// take their subjects from the names in the question ("DDPM vs DDIM") and
// hold the reference's words to the subject they are said of.
package grading

import (
	"math"
	"sort"

	"grill/decks"
)

// Span is a half-open byte range [Start, End) of the answer text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// PointResult is the verdict on one key point. Exactly one of Covered,
// Listed, Contradicted holds, or none (missed).
type PointResult struct {
	Label   string  `json:"label"`
	Weight  float64 `json:"weight"`
	Covered bool    `json:"covered"`
	Listed  bool    `json:"listed,omitempty"` // named only in a keyword list: partly counted
	// Contradicted: the answer says the opposite of the point (negates or
	// denies it, swaps a word for its antonym, says it of the other method
	// of a comparison, or says a remedy makes things worse). It earns
	// nothing and costs contradictedPenalty of its weight. Evidence holds
	// the words that contradict it.
	Contradicted bool `json:"contradicted,omitempty"`
	// Negated is set with Contradicted when the contradiction is a negation
	// or denial of the point's own words ("DDIM is not deterministic"); kept
	// for readers of the earlier format, where it meant "stated negated".
	Negated  bool   `json:"negated,omitempty"`
	Spans    []Span `json:"spans,omitempty"`    // where in the answer it matched (for a contradicted point, the evidence)
	Evidence []Span `json:"evidence,omitempty"` // for a contradicted point: the contradicting words
}

// MisconceptionResult is the verdict on one of a card's common wrong claims
// (Card.Misconceptions).
type MisconceptionResult struct {
	Label  string  `json:"label"`
	Weight float64 `json:"weight"`
	// Asserted: the answer states the wrong claim (not denied, of the
	// subject it is about). It is shown as "✗ wrong" and costs
	// misconceptionPenalty of its weight against the key points' total.
	Asserted bool   `json:"asserted"`
	Spans    []Span `json:"spans,omitempty"` // the words that state it
}

// Result is the grader's verdict on one answer.
type Result struct {
	// Score is 0–100. With curated key points: the weighted share of points
	// covered (listed ones at listedCredit), less the penalties of
	// contradicted points and asserted misconceptions, clamped at 0
	// (ScoreOf), blended with the reference coverage (refBlend). Without: the coverage of the whole reference (see
	// refcover.go), and Points are derived for feedback only.
	Score  int           `json:"score"`
	Points []PointResult `json:"points"`
	// Misconceptions has one entry per misconception of the card, in order.
	Misconceptions []MisconceptionResult `json:"misconceptions,omitempty"`

	// Coverage is the weighted share of key points the answer names,
	// covered or listed, 0–100; Score is close to it (refBlend aside) for
	// an answer in prose without contradictions.
	Coverage int `json:"coverage"`
	// KeywordDump is set when the answer reads as a bare list of terms: its
	// matched points are Listed rather than Covered.
	KeywordDump bool `json:"keyword_dump,omitempty"`
	// ReadsLike is the id of the neighbouring card the answer reads as an
	// answer to (GradeAmong), or ""; ReadsLikeQuestion is its question.
	ReadsLike         string `json:"reads_like,omitempty"`
	ReadsLikeQuestion string `json:"reads_like_question,omitempty"`
}

// Penalties: the share of its weight a contradicted point, and an asserted
// misconception, takes off the score's numerator.
const (
	contradictedPenalty  = 0.5
	misconceptionPenalty = 1.5
)

// severalWrongCredit is the share of its covered weight an answer keeps when
// it asserts two or more of the card's misconceptions.
const severalWrongCredit = 0.5

// Grade scores an answer against a card's key points (curated, or derived by
// KeyPoints when the card has none). For each key point it says whether the
// answer covers, lists, contradicts or misses it, with the byte spans of the
// answer that matched; for each misconception of the card whether the
// answer asserts it. See the package documentation for the rules.
// Grade is deterministic, safe for concurrent use, and never panics.
func Grade(card *decks.Card, answer string) Result {
	return gradeAmong(card, nil, answer)
}

// GradeAmong is Grade told the card's neighbours (the other cards of its
// topic, Neighbours): an answer that reads as an answer to one of them
// covers a point only with words of the card's own that the neighbour does
// not use, and Result.ReadsLike names that card (neighbours.go). With no
// neighbours it is Grade.
func GradeAmong(card *decks.Card, neighbours []*decks.Card, answer string) Result {
	return gradeAmong(card, neighbours, answer)
}

func gradeAmong(card *decks.Card, neighbours []*decks.Card, answer string) Result {
	m := matcherFor(card)
	a := m.analyzePooled(answer)
	defer a.release()
	r := Result{Points: make([]PointResult, len(m.points))}

	for i := range m.points {
		pm := &m.points[i]
		v := a.matchPoint(pm)
		r.Points[i] = PointResult{Label: pm.label, Weight: pm.weight, Covered: v.covered,
			Contradicted: v.contradicted, Negated: v.contradicted && v.negated, Spans: v.spans, Evidence: v.evidence}
		if v.antonymOnly {
			r.Points[i].Evidence = nil // checked below
			r.Points[i].Spans = v.evidence
		}
	}
	// Antonym evidence that is the very words of another covered point
	// ("more layers" causes over-smoothing) contradicts nothing.
	for i := range r.Points {
		p := &r.Points[i]
		if !p.Contradicted || p.Evidence != nil {
			continue
		}
		var kept []Span
		for _, sp := range p.Spans {
			if !coveredElsewhere(r.Points, i, sp) {
				kept = append(kept, sp)
			}
		}
		if len(kept) == 0 {
			p.Contradicted, p.Spans = false, nil
		} else {
			p.Spans, p.Evidence = kept, kept
		}
	}
	checkConsistency(m, a, answer, r.Points)
	for i := range m.miscs {
		v := a.matchPoint(&m.miscs[i])
		if v.covered && (qualifiedAll(a.toks, v.spans) ||
			(comparedAll(a.toks, v.spans) || a.twoSubjectsAll(v.spans)) && !m.comparesItself(card.Misconceptions[i]) &&
				!m.assertedBeside(answer, a, &m.miscs[i], v.spans)) {
			v.covered = false // "the same objective up to a weighting", "FiLM is cheaper than cross-attention"
		}
		mr := MisconceptionResult{Label: m.miscs[i].label, Weight: m.miscs[i].weight, Asserted: v.covered}
		if v.covered {
			mr.Spans = v.spans
		}
		r.Misconceptions = append(r.Misconceptions, mr)
	}
	dump := isDump(answer, a.toks) && (len(m.refs) == 0 || contentWords(a.toks) >= minDumpWords)
	if dump {
		// A bare list of terms claims nothing, right or wrong: "node
		// classification, link prediction, graph classification, readout"
		// does not say node tasks need a readout.
		for i := range r.Misconceptions {
			r.Misconceptions[i].Asserted, r.Misconceptions[i].Spans = false, nil
		}
	}
	dropMisconceivedCover(r.Points, r.Misconceptions, a.toks, len(m.refs) == 0)
	if anyAsserted(r.Misconceptions) {
		dropUnsupportedNames(m, a, r.Points)
		if len(m.refs) == 0 {
			dropOutnumberedNames(a.toks, r.Points, r.Misconceptions)
		}
	}
	if dump {
		// Terms named in a bare list are mentioned, not explained.
		r.KeywordDump = true
		for i := range r.Points {
			if r.Points[i].Covered {
				r.Points[i].Covered, r.Points[i].Listed = false, true
			}
		}
	}
	if len(neighbours) > 0 && len(m.refs) == 0 && weightedShare(r.Points, 1) > 0 {
		if nb, other := readsLike(card, m, neighbours, a.toks); nb != nil {
			r.ReadsLike, r.ReadsLikeQuestion = nb.ID, nb.Question
			dropNeighbourCover(a.toks, r.Points, signature(card, m), other)
		}
	}
	r.Score = ScoreOf(r.Points, r.Misconceptions)
	if len(m.blend) > 0 && r.Score > 0 && !anyAsserted(r.Misconceptions) {
		// Words of the reference the key points' phrasings did not foresee
		// ("compact codes" for "compressed latent") count for refBlend.
		if share, total := a.refShareOf(m, m.blend); total >= minBlendRef {
			if r.KeywordDump {
				share *= listedCredit
			}
			r.Score = roundHalfUp((1-refBlend)*float64(r.Score) + refBlend*float64(scoreOfShare(share, total)))
		}
	}
	if len(m.refs) > 0 {
		// No curated key points: the whole reference decides the score.
		share, total := a.refShare(m)
		alignDerivedPoints(m, a, r.Points) // with the reading refShare made of the first reference
		if r.KeywordDump {
			share *= listedCredit
		}
		r.Score = scoreOfShare(share, total)
		for _, mc := range r.Misconceptions {
			if mc.Asserted {
				r.Score = max(0, r.Score-roundHalfUp(100*misconceptionPenalty*weightOf(mc.Weight)/float64(max(3, len(r.Points)))))
			}
		}
	}
	r.Coverage = roundHalfUp(100 * weightedShare(r.Points, 1))
	return r
}

// refBlend is the weight of the whole reference's coverage (the score a
// card without key points would get, refcover.go) in the score of a card
// with curated key points, for an answer that scores above 0 and asserts no
// misconception. Picked on the tune split (r 0.915 → 0.917, flat between
// 0.15 and 0.2).
const refBlend = 0.2

// minBlendRef is the least term weight of a reference answer blended in: a
// placeholder reference ("See the key points.") says nothing.
const minBlendRef = 10

// anyAsserted reports whether an answer asserts a misconception.
func anyAsserted(miscs []MisconceptionResult) bool {
	for _, mc := range miscs {
		if mc.Asserted {
			return true
		}
	}
	return false
}

// minDumpWords is how many content words an answer to a card without key
// points needs before it can read as a keyword list: a short answer is terse,
// not a list.
const minDumpWords = 8

// contentWords counts the distinct content words of an answer.
func contentWords(toks []token) int {
	n := 0
	for i := range toks {
		if !toks[i].fn && !toks[i].number && len(toks[i].word) > 1 {
			n++
		}
	}
	return n
}

// dropMisconceivedCover takes back the cover of a point whose only
// asserting words share words, or a clause, with those that state an
// asserted misconception, or are a bare name (at most two content words) in
// its sentence with no coordinator between them. "Min-SNR changes the
// prediction target" is wrong, and says nothing right about Min-SNR; "the
// copy is joined through zero convolutions, which are ordinary 3×3
// convolutions with zero padding" names zero convolutions only to say
// something wrong of them. The point may still be covered by another
// clause. Evidence of three or more words, or a claim joined by "and",
// "but", ... ("DDIM is slower, and it reuses the same trained model"), is
// kept: raters credit the right half of a sentence that also says something
// wrong. A bare name in a list of names that is the subject of the wrong
// claim ("so the perception, planning and control modules are all kept")
// is linked to it across the list's "and" (listedIntoWrong). Derived
// points, short by nature, are dropped only by shared words or clause.
func dropMisconceivedCover(points []PointResult, miscs []MisconceptionResult, toks []token, curated bool) {
	var wrong []Span
	clauses := map[int32]bool{}
	for _, mc := range miscs {
		if mc.Asserted {
			wrong = append(wrong, mc.Spans...)
			for _, sp := range mc.Spans {
				if c := clauseAt(toks, sp.Start); c >= 0 {
					clauses[c] = true
				}
			}
		}
	}
	if len(wrong) == 0 {
		return
	}
	for i := range points {
		p := &points[i]
		if !p.Covered {
			continue
		}
		kept := p.Spans[:0:0]
		for _, sp := range p.Spans {
			if !overlapsAny(sp, wrong) && !clauses[clauseAt(toks, sp.Start)] && !(curated && bareSpan(toks, sp) && (linkedToWrong(toks, sp, wrong) || listedIntoWrong(toks, sp, wrong))) {
				kept = append(kept, sp)
			}
		}
		if len(kept) == 0 {
			p.Covered, p.Spans = false, nil
		} else {
			p.Spans = kept
		}
	}
}

// clauseAt returns the clause of the token starting at byte offset off, or
// -1.
func clauseAt(toks []token, off int) int32 {
	for i := range toks {
		if toks[i].start >= off {
			return toks[i].clause
		}
	}
	return -1
}

// overlapsAny reports whether sp shares a byte with one of spans.
func overlapsAny(sp Span, spans []Span) bool {
	for _, q := range spans {
		if q.Start < sp.End && sp.Start < q.End {
			return true
		}
	}
	return false
}

// coveredElsewhere reports whether span sp overlaps a span of a covered
// point other than point i.
func coveredElsewhere(points []PointResult, i int, sp Span) bool {
	for j, p := range points {
		if j == i || !p.Covered {
			continue
		}
		for _, q := range p.Spans {
			if q.Start < sp.End && sp.Start < q.End {
				return true
			}
		}
	}
	return false
}

// Rescore returns the score of a list of verdicts, such as the grader's
// after the candidate overrode some of them: ScoreOf the points with no
// misconception asserted.
func Rescore(points []PointResult) int {
	return ScoreOf(points, nil)
}

// ScoreOf returns the score of a list of verdicts: the weighted share of
// points covered, a point only listed in a keyword dump counting for
// listedCredit of its weight, less contradictedPenalty of the weight of each
// contradicted point that is not covered and misconceptionPenalty of the
// weight of each asserted misconception; 0–100 rounded half up, clamped at
// 0. Grade's score for a card with curated key points is ScoreOf its
// points and misconceptions, blended with the reference coverage
// (refBlend).
func ScoreOf(points []PointResult, miscs []MisconceptionResult) int {
	var total float64
	for _, p := range points {
		total += weightOf(p.Weight)
	}
	if total == 0 {
		return 0
	}
	share := weightedShare(points, listedCredit)
	var minus float64
	for _, p := range points {
		if p.Contradicted && !p.Covered {
			minus += contradictedPenalty * weightOf(p.Weight)
		}
	}
	wrong := 0
	for _, mc := range miscs {
		if mc.Asserted {
			minus += misconceptionPenalty * weightOf(mc.Weight)
			wrong++
		}
	}
	if wrong >= 2 {
		// Two wrong claims are no slip: what the answer gets right shows
		// less understanding, and counts for half.
		share *= severalWrongCredit
	}
	return roundHalfUp(100 * max(0, share-minus/total))
}

// weightOf returns a usable weight: one that is not a positive finite
// number counts as 1.
func weightOf(w float64) float64 {
	if !(w > 0) || math.IsInf(w, 0) {
		return 1
	}
	return w
}

// weightedShare returns the weighted share of points covered, in 0..1,
// counting listed points for listed of their weight.
func weightedShare(points []PointResult, listed float64) float64 {
	var total, covered float64
	for _, p := range points {
		w := weightOf(p.Weight)
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

// coordinators join two claims of a sentence: what follows one is said
// apart from what precedes it.
var coordinators = setOf(`and but while whereas so because since although though yet however also plus`)

// linkedToWrong reports whether the evidence sp stands in the sentence of
// one of the wrong spans with no coordinator between them: the wrong claim
// is said of what sp names ("zero convolutions, which are ordinary
// convolutions with zero padding"), not beside it ("DDIM is slower, and it
// reuses the same trained model").
func linkedToWrong(toks []token, sp Span, wrong []Span) bool {
	for _, q := range wrong {
		lo, hi := sp.End, q.Start
		if q.End <= sp.Start {
			lo, hi = q.End, sp.Start
		}
		linked, sameSent := true, false
		var sent int32 = -1
		for i := range toks {
			t := &toks[i]
			if t.start >= sp.Start && t.start < sp.End {
				sent = t.sent
			}
		}
		for i := range toks {
			t := &toks[i]
			if t.start >= q.Start && t.start < q.End && t.sent == sent {
				sameSent = true
			}
			if t.start >= lo && t.end <= hi && coordinators[t.word] {
				linked = false
			}
		}
		if sameSent && linked {
			return true
		}
	}
	return false
}

// qualifiedAll reports whether every span is followed in its clause by a
// qualifier that takes an identity back to a likeness: "the same objective
// up to a per-timestep weighting", "identical except for the weighting",
// "equivalent modulo a scale". A misconception stated so is not asserted.
func qualifiedAll(toks []token, spans []Span) bool {
	if len(spans) == 0 {
		return false
	}
	for _, sp := range spans {
		if !qualifiedAfter(toks, sp) {
			return false
		}
	}
	return true
}

// comparedAll reports whether every span has a word of comparison between
// its words, or opens right after "unlike" (and an article): "FiLM is cheaper than
// cross-attention" compares FiLM with cross-attention and does not say that
// FiLM is cross-attention ("rather than" and "other than" set nothing side
// by side); "unlike system identification, domain randomization randomises
// textures" says nothing of system identification randomising.
func comparedAll(toks []token, spans []Span) bool {
	if len(spans) == 0 {
		return false
	}
	for _, sp := range spans {
		found := false
		k := firstTokenFrom(toks, sp.Start)
		for k > 0 && (toks[k-1].word == "a" || toks[k-1].word == "an" || toks[k-1].word == "the") {
			k--
		}
		if k > 0 && toks[k-1].word == "unlike" {
			found = true // "unlike system identification, domain randomization ... randomises"
		}
		for i := range toks {
			if toks[i].start > sp.Start && toks[i].end < sp.End && comparisonWords[toks[i].word] &&
				!(toks[i].word == "than" && i > 0 && (toks[i-1].word == "rather" || toks[i-1].word == "other")) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// twoSubjectsAll reports whether every span names two different compared
// subjects: "GCN normalises by degree and GAT learns attention" says
// nothing of GCN learning attention.
func (a *analysis) twoSubjectsAll(spans []Span) bool {
	if len(spans) == 0 || len(a.mentions) == 0 {
		return false
	}
	for _, sp := range spans {
		first := -1
		two := false
		for _, mn := range a.mentions {
			if a.toks[mn.first].start < sp.Start || a.toks[mn.last].end > sp.End {
				continue
			}
			if first < 0 {
				first = mn.subject
			} else if mn.subject != first {
				two = true
			}
		}
		if !two {
			return false
		}
	}
	return true
}

// comparesItself reports whether a misconception is itself a comparison:
// one of its phrasings has a word of comparison or names two compared
// subjects ("GANs are more diverse than diffusion"). Such a misconception
// is asserted across a comparison.
func (m *cardMatcher) comparesItself(kp decks.KeyPoint) bool {
	for _, ph := range kp.Phrasings {
		a := m.analyzePooled(ph)
		subj := -1
		for i := range a.toks {
			if comparisonWords[a.toks[i].word] {
				a.release()
				return true
			}
		}
		for _, mn := range a.mentions {
			if subj >= 0 && mn.subject != subj {
				a.release()
				return true
			}
			subj = mn.subject
		}
		a.release()
	}
	return false
}

// clauseContrastWords join two claims set against each other ("X needs no
// teacher, while Y uses one"): each side is a claim of its own.
var clauseContrastWords = setOf(`while whereas`)

// assertedBeside reports whether a misconception whose match spans a word
// of contrast (clauseContrastWords) is stated by one side of that contrast alone:
// "consistency distillation needs no teacher, while consistency training
// uses a pre-trained diffusion model" states both wrong claims, though each
// match, taken over the whole sentence, crosses "while". Each side (the
// sentence up to the word, and from it to the sentence's end) is matched on
// its own, under the same rules of comparison, subjects and qualifiers,
// and counts only where the words it matches hold a predicate.
func (m *cardMatcher) assertedBeside(answer string, a *analysis, pm *pointMatcher, spans []Span) bool {
	toks := a.toks
	for _, sp := range spans {
		for k := firstTokenFrom(toks, sp.Start); k < len(toks) && toks[k].end < sp.End; k++ {
			if !clauseContrastWords[toks[k].word] || toks[k].end > len(answer) {
				continue
			}
			s, e := k, k
			for s > 0 && toks[s-1].sent == toks[k].sent {
				s--
			}
			for e+1 < len(toks) && toks[e+1].sent == toks[k].sent {
				e++
			}
			for _, part := range [2]string{answer[toks[s].start:toks[k].start], answer[toks[k].end:toks[e].end]} {
				b := m.analyzePooled(part)
				v := b.matchPoint(pm)
				ok := v.covered && !qualifiedAll(b.toks, v.spans) && !comparedAll(b.toks, v.spans) && !b.twoSubjectsAll(v.spans) &&
					b.predicateIn(v.spans)
				b.release()
				if ok {
					return true
				}
			}
		}
	}
	return false
}

// predicateIn reports whether one of spans holds a predicate of its own
// (clauseHasPredicate): "consistency training uses a pre-trained model"
// is a claim, "more demos in the same environment" only names a thing,
// which the rest of its clause may say anything of ("... saturates").
func (a *analysis) predicateIn(spans []Span) bool {
	for _, sp := range spans {
		if lo, hi := a.spanTokens(sp); lo >= 0 && clauseHasPredicate(a.toks[lo:hi+1]) {
			return true
		}
	}
	return false
}

// comparisonWords set two things side by side.
var comparisonWords = setOf(`than unlike versus vs compared whereas while`)

// qualifiedAfter reports whether the clause of the span's last word goes on
// with "up to", "except", "apart from" or "modulo".
func qualifiedAfter(toks []token, sp Span) bool {
	last := -1
	for i := range toks {
		if toks[i].start < sp.End {
			last = i
		}
	}
	if last < 0 {
		return false
	}
	// The qualifier may open the next clause ("identical, except for ...").
	for q := last + 1; q < len(toks) && q-last <= 4; q++ {
		if c := toks[q].clause; c != toks[last].clause && (last+1 >= len(toks) || c != toks[last+1].clause) {
			break
		}
		switch toks[q].word {
		case "except", "modulo":
			return true
		case "up", "apart":
			if q+1 < len(toks) && (toks[q+1].word == "to" && toks[q].word == "up" || toks[q+1].word == "from" && toks[q].word == "apart") {
				return true
			}
		}
	}
	return false
}

// bareSpan reports whether the evidence sp is a bare name: at most two
// content words, a hyphenated compound counting as one ("zero
// convolutions", "adaLN-Zero").
func bareSpan(toks []token, sp Span) bool {
	n := 0
	for k := firstTokenFrom(toks, sp.Start); k < len(toks) && toks[k].start <= sp.End; k++ {
		if t := &toks[k]; t.end <= sp.End && !t.stop && !t.wordPrev {
			n++
		}
	}
	return n <= 2
}

// firstTokenFrom returns the index of the first token of toks (in text
// order) that starts at or after byte start, or len(toks).
func firstTokenFrom(toks []token, start int) int {
	return sort.Search(len(toks), func(k int) bool { return toks[k].start >= start })
}
