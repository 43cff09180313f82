package grading

// Bare names in a mostly wrong answer.
//
// An answer that asserts more misconceptions than it covers key points is
// mostly wrong, and a bare name in it (at most two content words, bareSpan)
// shows no more than that the speaker heard the name: "DGL instead uses
// SDDMM for everything, because SpMM cannot handle sparse inputs". There a
// point whose every piece of evidence is a bare name is not covered. An
// answer that covers as many points as it gets wrong keeps its names.

// dropOutnumberedNames takes back the cover of each point whose every span
// is a bare name, when the asserted misconceptions outnumber the covered
// points.
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
	if wrong <= covered {
		return
	}
	for i := range points {
		p := &points[i]
		if !p.Covered || len(p.Spans) == 0 {
			continue
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
