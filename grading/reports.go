package grading

// Reported beliefs corrected (besides reportFrame and beliefFrame of
// denial.go).
//
// What others say, believe, insist on or worry about, and how things seem,
// when the answer goes on to correct it (a contrast such as "but", "in
// practice", or a bare denial: correctedAfter), is denied: "people like to
// insist X, but ...", "people worry about X, but that concern is
// overblown", "many explain X with Y, but ...", "everyone keeps repeating
// X, but", "you often hear X, but", "textbooks will tell you X, but",
// "common wisdom says X, but", "in theory X, but in practice ...", "on
// paper X; in practice ...", "at first glance X, but", "according to the
// textbooks, X, but", "you'd think X, but", "the usual advice is to X,
// but". Without a correction the report says nothing against X.

// insistVerbs report what others hold, besides reportVerbs: "people like
// to insist X, but ...", "people worry about X, but ...".
var insistVerbs = setOf(`insist insists insisted worry worries worried explain explains explained emphasize emphasizes emphasized
emphasise emphasises emphasised stress stresses stressed repeat repeats repeated blame blames blamed attribute attributes
attributed fret frets fretted complain complains complained warn warns warned talk talks talked point points pointed tout touts
touted obsess obsesses obsessed recommend recommends recommended justify justifies justified motivate motivates motivated
present presents presented frame frames framed`)

// genericReport returns the end of a report of what others insist on, at
// the start of a sentence ("people like to insist", "people worry about",
// "many explain"), or s0 when there is none: a generic subject, adverbs,
// "like to", "tend to", "love to", then a verb of insisting.
func genericReport(w *sentWords, s0 int) int {
	if e := appearanceFrame(w, s0); e > s0 {
		return e
	}
	k := s0
	for k < s0+3 && w.lexAt(k)&lexDiscourse != 0 {
		k++
	}
	if k > s0 { // at s0 it was tried above
		if e := appearanceFrame(w, k); e > k {
			return e
		}
	}
	if w.lexAt(k)&lexBeliefAdj != 0 && w.lexAt(k+1)&lexBeliefNoun != 0 && (w.at(k+2) == "says" || w.at(k+2) == "holds" || w.at(k+2) == "suggests") {
		return k + 3 + btoi(w.at(k+3) == "that") // "common wisdom says X"
	}
	if w.at(k) == "you" || w.at(k) == "we" || w.at(k) == "one" {
		// "you often hear that X", "you'll read that X"
		q := k + 1
		for n := 0; n < 2 && (w.lexAt(q)&lexReportAdverb != 0 || w.at(q) == "will" || w.at(q) == "ll" || w.at(q) == "may" || w.at(q) == "might" ||
			w.at(q) == "still" || w.at(q) == "always"); n++ {
			q++
		}
		if w.at(q) == "hear" || w.at(q) == "heard" || w.at(q) == "read" {
			return q + 1 + btoi(w.at(q+1) == "that")
		}
		return s0
	}
	if w.lexAt(k)&lexGenericSubj == 0 || w.at(k) == "it" || w.at(k) == "one" || w.at(k) == "they" {
		return s0
	}
	k++
	if w.at(k) == "people" || w.at(k) == "papers" || w.at(k) == "authors" || w.at(k) == "practitioners" || w.at(k) == "tutorials" {
		k++ // "many people", "some papers"
	}
	for n := 0; n < 3; n++ {
		switch x := w.at(k); {
		case w.lexAt(k)&lexReportAdverb != 0 || x == "still" || x == "always" || x == "repeatedly":
			k++
		case (x == "like" || x == "love" || x == "tend" || x == "want" || x == "seem") && w.at(k+1) == "to":
			k += 2
		case x == "will" || x == "would" || x == "might" || x == "may" || x == "keep" || x == "keeps" || x == "kept":
			k++
		default:
			n = 3
		}
	}
	switch x := w.at(k); {
	case x == "tell" || x == "told" || x == "tells":
		k++ // "textbooks will tell you that X"
		if w.at(k) == "you" || w.at(k) == "us" || w.at(k) == "me" {
			k++
		}
		return k + btoi(w.at(k) == "that")
	case (w.at(k-1) == "keep" || w.at(k-1) == "keeps" || w.at(k-1) == "kept") && (ingReports[x] || x == "repeating" || x == "insisting" || x == "stressing"):
		// "everyone keeps repeating that X"
	case !insistVerbs[x] && w.lexAt(k)&lexReportVerb == 0:
		return s0
	}
	k++
	switch w.at(k) {
	case "about", "over", "on", "that", "out", "to":
		k++
	}
	return k
}

// appearanceOpeners open a sentence with how things seem or are said to be,
// which a correction may follow: "in theory", "on paper", "at first
// glance", "according to the textbooks".
var appearanceOpeners = [][]string{{"in", "theory"}, {"in", "principle"}, {"on", "paper"}, {"at", "first", "glance"},
	{"at", "first", "sight"}, {"on", "the", "surface"}, {"superficially"}, {"naively"}}

// sayers are who an answer reports a view of with "according to": "the
// textbooks", "conventional wisdom", "the hype".
var sayers = setOf(`textbooks textbook tutorials tutorial folklore wisdom hype marketing blogs lore legend people most many`)

// recipeNouns name advice that may be reported to be corrected: "the usual
// advice is to X", "the textbook answer is that X".
var recipeNouns = setOf(`answer answers advice recipe recipes line explanation account story view claim rule`)

// appearanceFrame returns the end of an opener at token k that reports how
// things seem or are said to be ("in theory", "on paper", "at first
// glance", "according to the textbooks", "you'd think", "one would
// expect", "conventional wisdom has it that", "the usual advice is to"), or
// k when there is none. The caller requires a correction after it.
func appearanceFrame(w *sentWords, k int) int {
	for _, o := range appearanceOpeners {
		q := k
		for _, x := range o {
			if w.at(q) != x {
				q = -1
				break
			}
			q++
		}
		if q > k {
			if w.at(q) == "one" || w.at(q) == "1" || w.at(q) == "you" || w.at(q) == "we" {
				// "naively one would expect that X"
				if e := wouldThink(w, q+1); e > q+1 {
					return e
				}
			}
			return q
		}
	}
	switch {
	case w.at(k) == "according" && w.at(k+1) == "to":
		q := k + 2
		if w.lexAt(q)&lexArticle != 0 {
			q++
		}
		for n := 0; n < 2 && w.lexAt(q)&lexBeliefAdj != 0; n++ {
			q++
		}
		if w.lexAt(q)&lexSayer != 0 || w.lexAt(q)&lexBeliefNoun != 0 {
			return q + 1
		}
	case w.at(k) == "youd" || w.at(k) == "wed":
		return wouldThink(w, k+1) // "you'd think X"
	case w.at(k) == "you" || w.at(k) == "one" || w.at(k) == "1" || w.at(k) == "we":
		if w.at(k+1) == "would" || w.at(k+1) == "might" || w.at(k+1) == "could" {
			return wouldThink(w, k+2) // "one would expect that X"
		}
	case w.lexAt(k)&lexBeliefAdj != 0 && w.at(k+1) == "wisdom" && (w.at(k+2) == "has" || w.at(k+2) == "had") && w.at(k+3) == "it":
		return k + 4 + btoi(w.at(k+4) == "that") // "conventional wisdom has it that X"
	}
	q := k
	if w.at(q) == "the" {
		q++
	}
	adj := 0
	for n := 0; n < 2 && w.lexAt(q)&lexBeliefAdj != 0; n++ {
		q++
		adj++
	}
	if adj > 0 && (recipeNouns[w.at(q)] || w.lexAt(q)&lexClaimNoun != 0) && (w.at(q+1) == "is" || w.at(q+1) == "was") &&
		(w.at(q+2) == "that" || w.at(q+2) == "to") {
		return q + 3 // "the usual advice is to X", "the textbook answer is that X"
	}
	return k
}

// wouldThink returns the end of a verb of belief at token k ("think",
// "expect", "assume", "guess", "imagine") and an optional "that", or k.
func wouldThink(w *sentWords, k int) int {
	switch w.at(k) {
	case "think", "expect", "assume", "guess", "imagine", "believe", "suppose":
		return k + 1 + btoi(w.at(k+1) == "that")
	}
	return k
}
