package grading

// Removal verbs and phrasings about an absence.
//
// A key point about an absence ("no teacher", "without retraining") is
// covered when the answer negates its words, or says it avoids or is free
// of them (weakNegations). A verb of removal says the same of its object:
// "consistency training skips the teacher", "drop the discriminator",
// "does away with retraining", "the teacher is dropped". It counts only
// for such phrasings: "skips the teacher" does not deny a positive point
// about the teacher.

// removalVerbs take away what follows them as their object.
var removalVerbs = setOf(`skip skips skipped skipping drop drops dropped dropping bypass bypasses bypassed bypassing
forgo forgoes forgoing forwent forgone ditch ditches ditched ditching omit omits omitted omitting remove removes removed removing
discard discards discarded discarding scrap scraps scrapped scrapping`)

// removalPhrases end with a particle and take away what follows: "do away
// with", "dispense with", "leave out", "cut out", "throw away".
var removalPhrases = [][2]string{{"away", "with"}, {"dispense", "with"}, {"dispenses", "with"}, {"dispensed", "with"},
	{"dispensing", "with"}, {"leave", "out"}, {"leaves", "out"}, {"leaving", "out"}, {"left", "out"}, {"cut", "out"},
	{"cuts", "out"}, {"cutting", "out"}, {"throw", "away"}, {"throws", "away"}, {"throwing", "away"}, {"threw", "away"}}

// needNouns name a need that a verb of removal takes away: "drops the need
// for a teacher".
var needNouns = setOf(`need needs requirement requirements necessity`)

// absentWords, as the predicate after a phrase, say it is not needed: "a
// teacher is optional", "the teacher becomes unnecessary".
var absentWords = setOf(`optional unnecessary unneeded superfluous dispensable redundant obsolete`)

// removalCompounds are nouns that a removal verb before them names rather
// than takes away: "skip connections", "drop path".
var removalCompounds = setOf(`connection connections gram grams path paths layer layers`)

// removedBefore reports whether a verb of removal takes away the word at
// token p: at most three words before it in its clause, across articles,
// determiners and modifiers ("skips the teacher", "drop the pretrained
// teacher", "does away with any retraining").
func (a *analysis) removedBefore(p int) bool {
	toks := a.toks
	reach := 3
	for q := p - 1; q >= 0 && p-q <= reach && toks[q].clause == toks[p].clause; q-- {
		w := toks[q].word
		if toks[q].lex&lexRemovalVerb != 0 {
			return !(q == p-1 && toks[p].lex&lexRemovalCompound != 0)
		}
		if (w == "for" || w == "of") && q > 0 && toks[q-1].lex&lexNeedNoun != 0 {
			reach = p - q + 4 // "drops the need for a teacher"
			q--
			continue
		}
		if q > 0 && toks[q-1].clause == toks[q].clause {
			for _, ph := range removalPhrases {
				if toks[q-1].word == ph[0] && w == ph[1] {
					return true
				}
			}
		}
		if toks[q].neg != negNone || toks[q].verb == verbFinite || toks[q].lex&lexClause != 0 {
			return false
		}
	}
	return false
}

// removedAfter reports whether the phrase ending at token last is said to
// be removed: "the teacher is dropped", "retraining can be skipped", "the
// EMA gets discarded".
func (a *analysis) removedAfter(last int) bool {
	toks := a.toks
	q := last + 1
	for n := 0; n < 3 && q < len(toks) && toks[q].clause == toks[last].clause &&
		(toks[q].aux || toks[q].word == "get" || toks[q].word == "gets" || toks[q].word == "got" || toks[q].word == "simply" ||
			toks[q].word == "becomes" || toks[q].word == "become" || toks[q].word == "became" ||
			toks[q].word == "completely" || toks[q].word == "purely" ||
			toks[q].word == "just" || toks[q].word == "entirely"); n++ {
		q++
	}
	if q == last+1 || q >= len(toks) || toks[q].clause != toks[last].clause {
		return false
	}
	w := toks[q].word
	if toks[q].lex&lexRemovalVerb != 0 && (toks[q].verb == verbPast || w == "forgone" || w == "cut") || toks[q].lex&lexAbsent != 0 {
		return true
	}
	return q+1 < len(toks) && toks[q+1].clause == toks[q].clause && (w == "done" && toks[q+1].word == "away" ||
		(w == "left" || w == "cut") && toks[q+1].word == "out" || w == "dispensed" && toks[q+1].word == "with")
}
