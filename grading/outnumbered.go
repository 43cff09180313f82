package grading

// Bare names in a mostly wrong answer.
//
// An answer that asserts more misconceptions than it covers key points is
// mostly wrong, and a bare name in it (at most two content words, bareSpan)
// shows no more than that the speaker heard the name: "DGL instead uses
// SDDMM for everything, because SpMM cannot handle sparse inputs". There a
// point whose every piece of evidence is a bare name is not covered. So is
// one named once only, by one bare name, in an answer that asserts at least
// two misconceptions and covers no more points than that ("kinesthetic
// teaching" and "the follower arms" beside scripted, perfectly consistent
// demos). An answer with one misconception and one name keeps it.

// dropOutnumberedNames takes back the cover of each point whose every span
// is a bare name, when the asserted misconceptions outnumber the covered
// points, or match them, at least two, and the name is said once.
func dropOutnumberedNames(toks []token, points []PointResult, miscs []MisconceptionResult) {
	wrong, covered := 0, 0
	for _, mc := range miscs {
		if mc.Asserted {
			wrong++
		}
	}
	for _, p := range points {
		if p.Covered {
			covered++
		}
	}
	if wrong < covered || wrong < 2 && wrong == covered {
		return
	}
	for i := range points {
		p := &points[i]
		if !p.Covered || len(p.Spans) == 0 {
			continue
		}
		if wrong == covered && len(p.Spans) > 1 {
			continue // as many right as wrong: a name said once only is dropped
		}
		bare := true
		for _, sp := range p.Spans {
			if !bareSpan(toks, sp) {
				bare = false
				break
			}
		}
		if bare {
			p.Covered, p.Spans = false, nil
		}
	}
}
