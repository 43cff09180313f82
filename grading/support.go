package grading

// Reference support of a named point.
//
// An answer that asserts a misconception is known to say wrong things, and
// in it a key point named by a bare name (at most two content words) shows
// little: "Offset noise fixes this by offsetting the timestep index" names
// offset noise only to say something wrong of it. In such an answer a
// point whose every piece of evidence is a bare name in a clause of at
// least supportMinOther other content words, fewer than supportShare of
// which the card's reference answers or key-point phrasings use, is not
// covered. A name in a short clause, or in a clause that speaks the
// reference's language, keeps its cover.

// supportMinOther and supportShare: picked on the tune split, where they
// take 10 of 86 false covers back and no true one.
const (
	supportMinOther = 4
	supportShare    = 0.5
)

// supportSet marks the term ids the card's reference answers and key-point
// phrasings use. It is built only for answers that assert a misconception.
func (m *cardMatcher) supportSet() []bool {
	s := make([]bool, len(m.terms))
	mark := func(id int32) {
		if id >= 0 && int(id) < len(s) {
			s[id] = true
		}
	}
	for _, b := range m.blend {
		for _, rt := range b.terms {
			mark(rt.id)
		}
	}
	for i := range m.points {
		for _, v := range m.points[i].variants {
			for _, sl := range v.slots {
				for _, alt := range sl.alts {
					for _, id := range alt {
						mark(id)
					}
				}
			}
		}
	}
	return s
}

// dropUnsupportedNames takes back the cover of each point whose every span
// is a bare name in a clause the reference does not support (see above).
// Cards without a reference (m.blend empty) are left alone.
func dropUnsupportedNames(m *cardMatcher, a *analysis, points []PointResult) {
	if len(m.blend) == 0 {
		return
	}
	var sup []bool
	for i := range points {
		p := &points[i]
		if !p.Covered || len(p.Spans) == 0 {
			continue
		}
		if sup == nil {
			sup = m.supportSet()
		}
		unsupported := true
		for _, sp := range p.Spans {
			if !bareSpan(a.toks, sp) || a.clauseSupported(sp, sup) {
				unsupported = false
				break
			}
		}
		if unsupported {
			p.Covered, p.Spans = false, nil
		}
	}
}

// clauseSupported reports whether the clause of span sp has fewer than
// supportMinOther content words besides the span's, or at least
// supportShare of them in sup.
func (a *analysis) clauseSupported(sp Span, sup []bool) bool {
	toks := a.toks
	c := clauseAt(toks, sp.Start)
	other, supported := 0, 0
	for k := range toks {
		t := &toks[k]
		if t.clause != c || t.start >= sp.Start && t.end <= sp.End {
			continue
		}
		if t.fn || t.stop || t.number || t.aux || len(t.word) < 2 {
			continue
		}
		other++
		if id := a.tid[k]; id >= 0 && int(id) < len(sup) && sup[id] {
			supported++
		}
	}
	return other < supportMinOther || float64(supported) >= supportShare*float64(other)
}
