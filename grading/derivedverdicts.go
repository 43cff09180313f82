package grading

import "grill/decks"

// Derived key points read as the score reads the reference.
//
// On a card without curated key points the score comes from how the answer
// says each word of the reference (refShareOf): through its state in other
// words, a relation of two graded words, who does what to whom. The derived
// key points, shown as feedback, are matched by their phrasings, which know
// none of that: "when the string is looser the pitch is lower" would score
// 100 beside "✗ Tight", and "the tighter string makes a lower sound" 0
// beside "✓ Tight". alignDerivedPoints sets each derived point's verdict
// from the same reading of its words as the score used, so the points and
// the score never disagree.

// alignDerivedPoints sets the verdict of each derived point from how the
// answer says the point's words in the card's first reference answer (the
// one the points come from): a point whose words the answer contradicts and
// never agrees with is contradicted; one whose every word the answer says
// as the reference does is covered even where no phrasing matched.
func alignDerivedPoints(m *cardMatcher, a *analysis, points []PointResult) {
	keys := m.derivedKeys
	if len(m.refs) == 0 || len(points) != len(keys) || len(a.reading) != len(m.refs[0].terms) {
		return
	}
	for i := range points {
		p := &points[i]
		agree, disagree, known := 0, 0, 0
		for _, k := range keys[i].terms {
			st := a.reading[k]
			known++
			switch st {
			case termAgree:
				agree++
			case termDisagree:
				disagree++
			}
		}
		switch {
		case known == 0:
		case disagree > 0 && agree == 0:
			p.Covered, p.Listed, p.Contradicted = false, false, true
		case agree == known && !p.Covered:
			// Said in other words, or from the other end of a relation
			// whose phrasing read it as an antonym.
			if p.Contradicted {
				p.Spans, p.Evidence = nil, nil
			}
			p.Covered, p.Listed, p.Contradicted, p.Negated = true, false, false, false
		}
	}
}

// pointKey is what alignDerivedPoints needs of a derived point: the
// indices, among the terms of the card's first reference, of its
// phrasings' content words.
type pointKey struct {
	terms []int32
}

// derivedPointKeys returns, for each derived point, the terms of the first
// reference its phrasings say (compileCard, after compileRefs).
func derivedPointKeys(m *cardMatcher, points []decks.KeyPoint) []pointKey {
	keys := make([]pointKey, len(points))
	if len(m.refs) == 0 {
		return keys
	}
	index := map[int32]int32{} // term id -> index in the first reference
	for k, rt := range m.refs[0].terms {
		index[rt.id] = int32(k)
	}
	for i, kp := range points {
		seen := map[int32]bool{}
		for _, ph := range kp.Phrasings {
			for _, t := range tokenize(ph) {
				if t.fn || t.stop || t.neg != negNone {
					continue
				}
				id, ok := m.ids[t.term]
				if !ok {
					continue
				}
				if k, ok := index[id]; ok && !seen[k] {
					seen[k] = true
					keys[i].terms = append(keys[i].terms, k)
				}
			}
		}
	}
	return keys
}

// readTerm is how the answer says term k of a bag: its termStatus, unless
// a relation (rel) or a role (role) reads it as part of a larger claim.
func (a *analysis) readTerm(m *cardMatcher, bag *refBag, k int, rel, role []termSaid) termSaid {
	st := a.termStatus(m, &bag.terms[k])
	if rel != nil && rel[k] != termNone {
		st = rel[k] // a relation between two graded words, read as one claim
	}
	if role != nil && role[k] != termNone {
		st = role[k] // who does what to whom
	}
	return st
}
