package grading

import (
	"cmp"
	"slices"
	"strings"
)

// item is one occurrence of one slot of a variant in the answer.
type item struct {
	first, last int32
	slot        int32
}

// maxSpans bounds the spans reported for one key point.
const maxSpans = 16

// matchVariant finds every window of one sentence in which all slots of v
// occur within v.span tokens, in any order, and reports each with whether
// its polarity is right: a positive phrasing must not be negated, a
// phrasing about an absence ("no mode collapse") must be. report returns
// false to stop.
func (a *analysis) matchVariant(v *variant, report func(sp Span, lo, hi int32, ok bool) bool) {
	n := len(v.slots)
	items := a.items[:0]
	for s := range v.slots {
		for _, alt := range v.slots[s].alts {
			if len(alt) == 1 {
				for _, o := range a.occ[alt[0]] {
					items = append(items, item{o.first, o.last, int32(s)})
				}
				continue
			}
			items = a.appendSequences(items, alt, int32(s))
		}
	}
	a.items = items
	if len(items) < n {
		return
	}
	slices.SortFunc(items, compareItems)
	full := uint64(1)<<uint(n) - 1
	if n == 64 {
		full = ^uint64(0)
	}
	if cap(a.chosen) < n {
		a.chosen = make([]int32, n)
	}
	chosen := a.chosen[:n]
	toks := a.toks
	wpre := a.wpre
	limit := gapUnit*int32(v.gap) + 1 // weighted tokens a match may leave between its words
	for i := range items {
		lo, hi := items[i].first, items[i].last
		sent := toks[lo].sent
		used := wpre[hi+1] - wpre[lo] // weight of the tokens covered by the chosen items
		mask := uint64(1) << uint(items[i].slot)
		chosen[items[i].slot] = int32(i)
		for j := i + 1; j < len(items) && mask != full; j++ {
			it := items[j]
			if it.first-hi > limit+1 {
				break
			}
			bit := uint64(1) << uint(it.slot)
			if mask&bit != 0 || toks[it.first].sent != sent || toks[it.last].sent != sent {
				continue
			}
			newHi := max(hi, it.last)
			newUsed := used + wpre[it.last+1] - wpre[it.first]
			if it.first <= hi {
				newUsed = used + wpre[max(hi, it.last)+1] - wpre[hi+1]
			}
			if wpre[newHi+1]-wpre[lo]-newUsed+(toks[newHi].clause-toks[lo].clause) > limit {
				continue
			}
			mask |= bit
			chosen[it.slot] = int32(j)
			hi, used = newHi, newUsed
		}
		if mask == full && a.inOrder(v, items, chosen) && !(v.keyPoint && a.reasonBreak(lo, hi)) {
			sp := Span{toks[lo].start, toks[hi].end}
			ok := a.polarityOK(v, items, chosen, int(hi))
			if !ok && v.assertOnly {
				continue // "nodes it has seen" does not deny "unseen nodes"
			}
			if !report(sp, lo, hi, ok) {
				return
			}
		}
	}
}

// reasonOpeners open, after a comma, a clause that gives a reason, a
// concession or a contrast: "..., since an ODE has no randomness", "...,
// although ...", "..., while the encoder is shared".
var reasonOpeners = setOf(`since because whereas although though while`)

// reasonBreak reports whether tokens lo..hi run from a clause into the
// reason, concession or contrast clause that follows it after a comma,
// semicolon, colon or dash. Such a clause makes a claim of its own, and a
// phrasing's words, one claim, are not gathered from both: "you can
// integrate it in a single step with the right solver, since an ODE has no
// randomness" does not say "fast ODE solvers".
func (a *analysis) reasonBreak(lo, hi int32) bool {
	toks := a.toks
	for k := lo + 1; k <= hi; k++ {
		if reasonOpeners[toks[k].word] && toks[k-1].end <= toks[k].start &&
			strings.ContainsAny(a.text[toks[k-1].end:toks[k].start], ",;:—–") {
			return true
		}
	}
	return false
}

// inOrder checks the order constraints of a match: a number stands before
// the word it counts.
func (a *analysis) inOrder(v *variant, items []item, chosen []int32) bool {
	for s := range v.slots {
		if k := v.slots[s].after; k >= 0 && (items[chosen[s]].first <= items[chosen[k]].last ||
			v.slots[s].near && !a.adjacent(items[chosen[k]].last, items[chosen[s]].first) ||
			v.slots[s].close && !a.closeBy(items[chosen[k]].last, items[chosen[s]].first) ||
			v.slots[s].cmp && !a.compared(items[chosen[k]].last, items[chosen[s]].first) ||
			v.slots[s].product && a.numberBetween(items[chosen[k]].last, items[chosen[s]].first) ||
			v.slots[s].op != 0 && a.otherOperation(items[chosen[k]].last, items[chosen[s]].first, v.slots[s].op)) {
			return false
		}
	}
	if v.split <= 0 {
		return true
	}
	// Ordered phrasings: the left side before the right ("conditional minus
	// unconditional"), or the other way round with the inverse word between
	// ("the sum before the MLP" for "MLP after the sum").
	leftLast, rightFirst := int32(-1), int32(1<<30)
	leftFirst, rightLast := int32(1<<30), int32(-1)
	for s := range v.slots {
		it := items[chosen[s]]
		if s < v.split {
			leftLast, leftFirst = max(leftLast, it.last), min(leftFirst, it.first)
		} else {
			rightFirst, rightLast = min(rightFirst, it.first), max(rightLast, it.last)
		}
	}
	if leftLast < rightFirst {
		return true
	}
	if v.inverse == "" || rightLast >= leftFirst {
		return false
	}
	for q := rightLast + 1; q < leftFirst; q++ {
		if a.toks[q].word == v.inverse {
			return true
		}
	}
	return false
}

// adjacent reports whether tokens a < b stand next to each other, or with
// one function word or operator word between ("1 plus epsilon", "1 minus
// beta").
func (a *analysis) adjacent(x, y int32) bool {
	switch y - x {
	case 1:
		return true
	case 2:
		return a.toks[x+1].fn || a.toks[x+1].stop || operation(a.toks[x+1].word) != 0
	}
	return false
}

// numberBetween reports whether a number stands between tokens x < y
// ("T^2 ε": an exponent between two symbols of a product).
func (a *analysis) numberBetween(x, y int32) bool {
	for q := x + 1; q < y; q++ {
		if a.toks[q].number {
			return true
		}
	}
	return false
}

// compared reports whether tokens x < y stand in one clause with a
// comparison between them and at most one other word ("w > 1", "s of
// about 7 > 1" is not; "a scale w above 1").
func (a *analysis) compared(x, y int32) bool {
	if y-x > 2 || a.toks[x].clause != a.toks[y].clause {
		return false
	}
	for q := x; q < y; q++ {
		if q > x && isComparison(a.toks[q].word) {
			return true
		}
		if a.toks[q].end <= a.toks[q+1].start && a.toks[q+1].start <= len(a.text) &&
			strings.ContainsAny(a.text[a.toks[q].end:a.toks[q+1].start], "<>≥≤") {
			return true
		}
	}
	return false
}

// closeBy reports whether tokens x < y stand in one clause with at most two
// words between them.
func (a *analysis) closeBy(x, y int32) bool {
	return y-x <= 3 && a.toks[x].clause == a.toks[y].clause
}

// otherOperation reports whether the answer writes an arithmetic operation
// other than op between tokens x < y, and not op itself: "h * r" and "h -
// r" are no "h + r", while "h_v^{(k-1)} + sum" and "head plus relation"
// are. A hyphen between words ("k-1", "one-to-many") is no minus.
func (a *analysis) otherOperation(x, y int32, op byte) bool {
	other := false
	for q := x; q < y; q++ {
		if q > x {
			switch operation(a.toks[q].word) {
			case op:
				return false
			case 0:
			default:
				other = true
			}
		}
		if a.toks[q].end > a.toks[q+1].start || a.toks[q+1].start > len(a.text) {
			continue
		}
		sep := a.text[a.toks[q].end:a.toks[q+1].start]
		hyphen := !strings.ContainsAny(sep, " \t\n")
		for _, r := range sep {
			if r == '-' && hyphen {
				continue
			}
			switch operation(string(r)) {
			case op:
				return false
			case 0:
			default:
				other = true
			}
		}
	}
	return other
}

// appendSequences appends the places where the terms of alt occur one after
// the other (a function word may stand between two of them: "degrees of
// freedom").
func (a *analysis) appendSequences(items []item, alt []int32, s int32) []item {
	for _, o := range a.occ[alt[0]] {
		cur := o.last
		ok := true
		for e, id := range alt[1:] {
			next := int32(-1)
			list := a.occ[id] // sorted by first
			reach := cur + 2
			if e == len(alt)-2 && len(list) > 0 && a.toks[list[0].first].lex&lexParticle != 0 {
				reach = cur + 4 // "add the vectors up", "tell the graphs apart"
			}
			k, _ := slices.BinarySearchFunc(list, cur+1, func(o occ, p int32) int { return cmp.Compare(o.first, p) })
			for ; k < len(list) && list[k].first <= reach; k++ {
				if list[k].first == cur+1 || list[k].first == cur+2 && a.toks[cur+1].stop ||
					reach > cur+2 && a.toks[list[k].first].clause == a.toks[cur].clause {
					next = list[k].last
					break
				}
			}
			if next < 0 {
				ok = false
				break
			}
			cur = next
		}
		if ok {
			items = append(items, item{o.first, cur, s})
		}
	}
	return items
}

// compareItems orders matchVariant's items by first token, then last
// token, then slot.
func compareItems(x, y item) int {
	switch {
	case x.first != y.first:
		return int(x.first) - int(y.first)
	case x.last != y.last:
		return int(x.last) - int(y.last)
	}
	return int(x.slot) - int(y.slot)
}

// polarityOK checks the negation of one match. For a positive phrasing no
// matched word may be negated; for a phrasing about an absence the words
// after its negation must be negated in the answer too (before them, or by
// "is not ..." after the phrase; "avoids" and "-free" count here). A match
// inside a denial frame ("it is a myth that ...") has its polarity turned
// round.
func (a *analysis) polarityOK(v *variant, items []item, chosen []int32, hi int) bool {
	denied := false
	for _, j := range chosen {
		if a.deny[items[j].first]&denyScope != 0 {
			denied = true
		}
	}
	if a.freeAfter(hi) {
		for _, j := range chosen {
			if int(items[j].last) == hi && a.negationRightBefore(int(items[j].first)) {
				// "not training-free", "neither cheap nor training-free":
				// the negation denies the absence, so the words are said.
				return !v.neg != denied
			}
		}
	}
	if !v.neg {
		before := false
		for _, j := range chosen {
			if a.negatedBefore(int(items[j].first)) == negStrong {
				before = true
			}
		}
		return before == (denied || a.negatedAfter(hi) == negStrong)
	}
	needAfter := false
	ok := true
	for s, j := range chosen {
		k := a.negatedBefore(int(items[j].first))
		if k == negNone && v.slots[s].negated && a.removedBefore(int(items[j].first)) {
			k = negWeak // "skips the teacher" (removal.go)
		}
		if k == negNone && v.slots[s].negated && difficultBefore(a.toks, int(items[j].first)) {
			k = negWeak // "hard to tell apart" says "can't tell apart"
		}
		if k == negNone && v.slots[s].negated && negatedByReference(a.toks, int(items[j].last)) {
			k = negStrong // "one big graph with no edges between them"
		}
		if v.slots[s].negated {
			if k == negNone {
				needAfter = true
			}
		} else if k == negStrong {
			ok = false
		}
	}
	ok = ok && (!needAfter || a.negatedAfter(hi) != negNone || a.removedAfter(hi))
	return ok != denied
}

// difficultyWords, before "to" and a verb, say the verb can hardly be
// done: "hard to tell apart", "impossible to distinguish".
var difficultyWords = setOf(`hard harder hardest difficult impossible infeasible`)

// difficultBefore reports whether the word at token p is the verb of "hard
// to", "difficult to" or "impossible to": a phrasing about what cannot be
// done ("can't tell apart") is said by it.
func difficultBefore(toks []token, p int) bool {
	return p >= 2 && toks[p-1].word == "to" && difficultyWords[toks[p-2].word] &&
		toks[p-2].clause == toks[p].clause
}

// referenceWords, in a negated phrase, name what the clause named before:
// "graphs with no edges between them".
var referenceWords = setOf(`them it each one another`)

// negatedByReference reports whether the word at token p is taken up,
// later in its clause, by a reference inside a negated phrase: "one big
// graph with no edges between them" says there are no edges between
// graphs. The negation must follow p within four words, and the reference
// the negation within four.
func negatedByReference(toks []token, p int) bool {
	for q := p + 1; q < len(toks) && q <= p+4 && toks[q].clause == toks[p].clause; q++ {
		if negOf(&toks[q]) != negStrong {
			continue
		}
		for r := q + 1; r < len(toks) && r <= q+4 && toks[r].clause == toks[q].clause; r++ {
			if referenceWords[toks[r].word] {
				return true
			}
		}
		return false
	}
	return false
}

// freeAfter reports whether the phrase ending at token hi is joined by a
// hyphen to "free" after it ("training-free"), which says it is absent.
func (a *analysis) freeAfter(hi int) bool {
	toks := a.toks
	return hi+1 < len(toks) && toks[hi+1].word == "free" && toks[hi].end < toks[hi+1].start &&
		a.text[toks[hi].end:toks[hi+1].start] == "-"
}

// negationRightBefore reports whether a strong negation stands right
// before token p, or one word before it, in its clause: "not training-free",
// "nor training-free", "isn't really training-free".
func (a *analysis) negationRightBefore(p int) bool {
	toks := a.toks
	for q := p - 1; q >= 0 && q >= p-2 && toks[q].clause == toks[p].clause; q-- {
		if negOf(&toks[q]) == negStrong {
			return true
		}
	}
	return false
}

// gapUnit is the gap weight of a content word between the words of a
// match; a function word, and a clause break inside the match, weigh 1.
// A match may leave gapUnit·gap + 1 between its words: "predicts at each
// step the noise" matches "predict the noise" (two content words and
// three function words would too), while "predicts x_0, and the noise" is
// too far.
const gapUnit = 2

// gapWeight is the weight one answer token adds to the gap of a match that
// spans it.
func gapWeight(t *token) int32 {
	if t.stop {
		return 1
	}
	return gapUnit
}

// particles end phrasal verbs, whose object may stand between the verb
// and the particle.
var particles = setOf(`up apart out away down off back over`)

// mergeSpans sorts spans and merges overlapping ones, keeping at most
// maxSpans.
func mergeSpans(spans []Span) []Span {
	slices.SortFunc(spans, func(x, y Span) int {
		return cmp.Or(cmp.Compare(x.Start, y.Start), cmp.Compare(x.End, y.End))
	})
	out := spans[:0]
	for _, sp := range spans {
		if len(out) > 0 && sp.Start < out[len(out)-1].End {
			out[len(out)-1].End = max(out[len(out)-1].End, sp.End)
			continue
		}
		out = append(out, sp)
	}
	if len(out) > maxSpans {
		out = out[:maxSpans]
	}
	return slices.Clip(out)
}
