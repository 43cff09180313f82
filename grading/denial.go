package grading

import (
	"strings"
	"sync"
)

// Denial frames.
//
// Besides a plain negation ("not", "never", "no longer"), an answer can deny
// a claim by framing it: "it is a myth that X", "it is not true that X",
// "people wrongly claim X", "contrary to X", "X, which is false", "X does
// not hold", "X. That is wrong." The words a frame governs are marked
// denied; a match on denied words has its polarity turned round, so the
// claim inside a denial is read as its opposite, and a denial of a negation
// ("it is a myth that DDIM does not need retraining") as an assertion. The
// frame's own words ("not" in "not true that") negate nothing else.
//
// A frame before the claim ("myth that", "wrongly claim") reaches to the end
// of the sentence or to a contrast word (but, however, whereas, actually,
// instead, in fact); "contrary to" only to the end of its clause. A frame
// after the claim ("which is false", "does not hold") reaches back to the
// start of the sentence or to the last contrast word. A sentence that is
// only a frame ("That is a myth.", "Not true.", "They are mistaken.", "Don't
// believe it.", "They're wrong.") denies the sentence before it; "Myth: X"
// and "A common misconception: X" deny what follows the colon; "that's" may come with its
// 's dropped. A negated claim followed by a frame that names a belief ("...
// does not predict the noise - that's a common misconception") keeps its
// negation: the frame names the belief the negation corrects. A belief reported in order to be corrected ("it's a common belief
// that X, but ...", "textbooks say X; in practice ...") is denied like
// "people say X, but ...", and a frame after the claim may name it ("that
// description is outdated", "this distinction no longer holds").
//
// Further frames: "few experts still believe X", "nobody relies on X
// anymore", "X is no longer considered accurate", "X is usually
// misunderstood", "X, supposedly", "X - at least that is the myth", "Another
// misconception: X", "Not true: X", "nor is it true that X", "despite the
// common claim that X" (to the end of its clause). A sentence that opens
// with a short denial and goes on denies the sentence before ("X. That
// isn't how it works: Y"). The speaker's disputes, rejecting predicates
// and reports corrected are read by dismissal.go and reports.go.
//
// A predicate that dismisses the subject of its clause ("X is unnecessary",
// "X is no longer needed", "X has become obsolete", "X is overrated"; see
// also dismissal.go) marks that subject dismissed: a positive phrasing
// matched there is not asserted (claims.go), while a phrasing about an absence ("no retraining") is
// unaffected, since "retraining is unnecessary" says it.

// denial marks of one token.
const (
	denyScope uint8 = 1 << iota // inside a denied claim
	denyFrame                   // part of a denial frame
	denyPred                    // subject of a clause whose predicate dismisses it ("X is unnecessary")
)

// falseWords say that what they are said of is false.
var falseWords = setOf(`false wrong incorrect untrue myth misconception nonsense fiction fallacy misleading mistaken bogus
misreading misunderstanding overstated exaggerated outdated debunked inaccurate oversimplification hype disproved refuted
backwards unfounded baseless overblown legend mistake illusion exaggeration overstatement folklore disproven misconceived
misread misunderstood misinterpreted misrepresented rumor rumour apocryphal erroneous
myths misconceptions fallacies misreadings misunderstandings exaggerations overstatements oversimplifications illusions legends
rumors rumours illusory`)

// wronglyWords are adverbs of a false report ("people wrongly claim").
var wronglyWords = setOf(`wrongly falsely mistakenly erroneously incorrectly wrongfully naively`)

// reportVerbs are verbs of saying or believing.
var reportVerbs = setOf(`claim claims claimed say says said think thinks thought believe believes believed assume assumes assumed
state states stated suggest suggests suggested argue argues argued write writes wrote call calls called assert asserts asserted
imagine imagines imagined expect expects expected list lists listed mention mentions mentioned cite cites cited
describe describes described consider considers considered`)

// contrastStops end the reach of a denial frame.
var contrastStops = setOf(`but however whereas actually instead rather although though while`)

// hedges may stand between a copula and a false word: "is also wrong",
// "is likewise a myth".
var hedges = setOf(`simply just completely plainly also likewise equally similarly largely mostly clearly actually really a an common popular`)

// trailers may follow a denial frame: "this no longer holds in practice".
var trailers = setOf(`in practice anymore today though either at all now up`)

// pronounSubjects may open a frame after a claim: "which is false".
var pronounSubjects = setOf(`which this that it what both`)

// denyStarters are the words a denial frame can start with.
var denyStarters = sync.OnceValue(func() map[string]bool {
	m := setOf(`contrary mistake not isnt is are was were s arent wasnt does do did doesnt dont didnt false wrong untrue no thats its whats
has have had turned proved proven never nobody noone become becomes became supposedly allegedly purportedly supposed alleged
so forget ignore disregard helps help adds add achieves achieve buys buy contributes contribute theyre a an error
few despite nor at although though while whereas neither rumor rumour`)
	for _, set := range []map[string]bool{falseWords, wronglyWords, pronounSubjects, dismissWords, backRefs, rejectionStarters} {
		for w := range set {
			m[w] = true
		}
	}
	return m
})

// computeDenialsInto returns the denial marks of each token of an answer,
// written into marks (zeroed, one per token).
func computeDenialsInto(marks []uint8, toks []token) []uint8 {
	n := len(toks)
	for s0 := 0; s0 < n; {
		s1 := s0
		for s1 < n && toks[s1].sent == toks[s0].sent {
			s1++
		}
		denySentence(toks, marks, s0, s1)
		s0 = s1
	}
	return marks
}

// denySentence marks the frames of one sentence, tokens s0..s1-1.
func denySentence(toks []token, marks []uint8, s0, s1 int) {
	w := &sentWords{toks, s0, s1}
	denyBeforeShortDenial(toks, marks, w, s0, s1)
	end := reportFrame(w, s0, s1)
	if end == s0 {
		end = beliefFrame(w, s0, s1)
	}
	if end == s0 {
		end = genericReport(w, s0) // "people like to insist X, but ..."
	}
	if end == s0 {
		if k := passiveReport(w, toks, s0, s1); k > s0 && correctedAfter(toks, w, k, s1) {
			// "X is often described as Y, but ...": X and Y are what others
			// say, up to the correction.
			for q := s0; q < s1 && !contrastAt(toks, q); q++ {
				marks[q] |= denyScope
			}
		}
	}
	if end > s0 && correctedAfter(toks, w, end, s1) {
		// "People often say X, but ...", "It is often claimed that X. In fact ..."
		for k := s0; k < end; k++ {
			marks[k] |= denyFrame
		}
		for k := end; k < s1 && !contrastAt(toks, k); k++ {
			marks[k] |= denyScope
		}
	}
	for i := s0; i < s1; i++ {
		if !toks[i].denyStart {
			continue
		}
		// Frames before the claim.
		end := prefixFrame(w, i)
		if end > i && w.at(i) == "not" && w.at(i+1) == "that" && (i+4 >= s1 || toks[i+4].clause != toks[i+2].clause) {
			end = i // "it's not that simple: ..."
		}
		if end > i {
			for k := i; k < end; k++ {
				marks[k] |= denyFrame
			}
			last := s1
			for k := end; k < s1; k++ {
				if contrastAt(toks, k) || toks[k].word == "fact" && w.at(k-1) == "in" {
					last = k
					break
				}
				if (w.at(i) == "contrary" || clauseFrames[w.at(i)] || concessives[w.at(i)] || w.at(i) == "even") && toks[k].clause != toks[end].clause {
					last = k
					break
				}
			}
			for k := end; k < last; k++ {
				marks[k] |= denyScope
			}
			// "X are a leftover, and it is a myth that anyone still uses
			// them": a denied claim about "them" denies what they name.
			for k := end; k < last && k < end+6; k++ {
				if toks[k].lex&lexBackRef != 0 {
					for q := i - 1; q >= s0 && !contrastAt(toks, q); q-- {
						marks[q] |= denyScope
					}
					break
				}
			}
			i = end - 1
			continue
		}
		// Frames after the claim.
		if end := postfixFrame(w, toks, i, s1); end > i && !namesCorrectedBelief(toks, s0, i, end) {
			for k := i; k < end; k++ {
				marks[k] |= denyFrame
			}
			start := s0
			for k := i - 1; k >= s0; k-- {
				if contrastAt(toks, k) && k < i-1 {
					start = k + 1
					break
				}
			}
			if opensSentence(w, s0, i) && s0 > 0 {
				// The sentence is only the frame: it denies the one before.
				p0 := s0 - 1
				for p0 > 0 && toks[p0-1].sent == toks[s0-1].sent {
					p0--
				}
				for k := p0; k < s0; k++ {
					marks[k] |= denyScope
				}
			}
			mark := denyScope
			if degreeFrame(toks, i, end) {
				mark = denyPred // "mode collapse is overstated": less than claimed, not its opposite
			}
			for k := start; k < i; k++ {
				marks[k] |= mark
			}
			i = end - 1
			continue
		}
		// A predicate that dismisses its clause's subject: "X is
		// unnecessary", "X is no longer needed".
		if end := dismissFrame(w, toks, i, s1); end > i {
			c0 := clauseStart(toks, s0, i)
			if c0 == i && i > s0 {
				c0 = clauseStart(toks, s0, i-1) // `"think step by step" does little`
			}
			// "Jumping knowledge and DropEdge are unnecessary": a subject
			// listed over clauses without a predicate of their own.
			for c0 > s0 {
				p0 := clauseStart(toks, s0, c0-1)
				if clauseHasPredicate(toks[p0:c0]) || toks[c0].lex&lexContrastStop != 0 {
					break
				}
				c0 = p0
			}
			for k := c0; k < i; k++ {
				marks[k] |= denyPred
			}
			if backSubject(w, c0, i) {
				// "DropEdge is often cited as a fix, but in practice it is
				// unnecessary", "... In practice that requirement is
				// overrated": what the subject refers to is dismissed.
				p0, p1 := s0, c0
				if c0 == s0 && s0 > 0 {
					p0, p1 = s0-1, s0
					for p0 > 0 && toks[p0-1].sent == toks[s0-1].sent {
						p0--
					}
				}
				for k := p0; k < p1; k++ {
					marks[k] |= denyPred
				}
			}
			i = end - 1
			continue
		}
		// Rejections and dismissals of dismissal.go: "X is mostly ritual",
		// "I'd push back on X", "X doesn't really hold up".
		if end := rejectionFrames(w, toks, marks, i, s0, s1); end > i {
			i = end - 1
		}
	}
}

// ingReports are report verbs in -ing form: "a common mistake is assuming X".
var ingReports = setOf(`assuming thinking believing saying claiming supposing expecting`)

// headsSentence reports whether only articles and belief adjectives come
// before token i in its sentence ("A popular myth: X", "It's a myth: X").
func headsSentence(w *sentWords, i int) bool {
	k := w.s0
	if w.at(k) == "its" || w.at(k) == "thats" {
		k++
	} else if (w.at(k) == "it" || w.at(k) == "that") && (w.at(k+1) == "is" || w.at(k+1) == "s") {
		k += 2
	} else if (w.at(k) == "it" || w.at(k) == "that") && w.lexAt(k+1)&lexArticle != 0 {
		k++ // "It's a myth:" with its 's dropped
	}
	for ; k < i; k++ {
		if w.lexAt(k)&lexArticle == 0 && w.lexAt(k)&lexBeliefAdj == 0 && w.at(k) != "another" && !invertedLeads[w.at(k)] {
			return false
		}
	}
	return true
}

// beliefFalsity are the falseWords that name a wrong belief rather than
// judge a statement.
var beliefFalsity = setOf(`myth myths misconception misconceptions legend folklore fallacy misunderstanding`)

// namesCorrectedBelief reports whether a frame after a negated claim names
// the belief the negation corrects: "the network does not predict the noise
// - that's a common misconception" says the noise belief is the
// misconception, not the negation. Such a frame is a popular belief's
// ("common", "popular", "widespread", ...) and follows a claim with a
// negation in it; so is a frame that calls something a myth or a
// misconception, which names a belief ("X does not need Y - that's a myth").
func namesCorrectedBelief(toks []token, s0, i, end int) bool {
	popular := false
	for k := i; k < end; k++ {
		if toks[k].lex&lexBeliefAdj != 0 || toks[k].lex&lexBeliefFalsity != 0 {
			popular = true
		}
	}
	if !popular {
		return false
	}
	for k := i - 1; k >= s0 && toks[k].lex&lexContrastStop == 0; k-- {
		if toks[k].neg == negStrong {
			return true
		}
	}
	return false
}

// clauseStart returns the first token of the clause of token i, not before
// s0.
func clauseStart(toks []token, s0, i int) int {
	for i > s0 && toks[i-1].clause == toks[i].clause {
		i--
	}
	return i
}

// subjectFillers may stand in a clause before its subject: "but in
// practice they are unnecessary".
var subjectFillers = setOf(`but however yet so and in practice reality fact today now all both though actually then also nowadays modern`)

// backSubject reports whether the subject of a clause, tokens c0..i-1, is a
// reference back ("they", "it", "that requirement", "these tricks"): at most
// one content word after a pronoun or demonstrative.
func backSubject(w *sentWords, c0, i int) bool {
	k := c0
	for k < i && w.lexAt(k)&lexSubjectFiller != 0 {
		k++
	}
	if k >= i || w.lexAt(k)&lexBackRef == 0 && w.at(k) != "it" && w.at(k) != "this" && w.at(k) != "that" && w.at(k) != "such" {
		return false
	}
	return i-k <= 2
}

// littleVerbs, followed by "little" or "nothing", dismiss their subject:
// "X does little", "X adds nothing".
var littleVerbs = setOf(`does do did helps help adds add achieves achieve buys buy contributes contribute`)

// dismissWords, as the predicate of a clause, say its subject is not
// needed or not worth what is claimed for it.
var dismissWords = setOf(`unnecessary unneeded needless obsolete overrated redundant superfluous dispensable unimportant
irrelevant pointless useless moot marginal negligible insignificant`)

// counterClaim reports whether the predicate starting at token k says that
// what its subject addresses is no problem: "solved problems", "a
// non-issue", "a red herring", "solutions to a problem that does not
// exist", "a thing of the past".
func counterClaim(w *sentWords, toks []token, k, s1 int) bool {
	problem := func(x string) bool {
		return x == "problem" || x == "problems" || x == "issue" || x == "issues" || x == "concern" || x == "concerns"
	}
	switch {
	case w.at(k) == "solved" && problem(w.at(k+1)):
		return true
	case w.at(k) == "non" && problem(w.at(k+1)), w.at(k) == "nonissue" || w.at(k) == "nonproblem":
		return true
	case w.at(k) == "red" && w.at(k+1) == "herring":
		return true
	case w.at(k) == "thing" && w.at(k+1) == "of" && w.at(k+2) == "the" && w.at(k+3) == "past":
		return true
	case w.at(k) == "solutions" || w.at(k) == "solution" || w.at(k) == "fixes" || w.at(k) == "fix" || w.at(k) == "remedies" || w.at(k) == "answers":
		// "... to a problem that (in practice) does not exist"
		for q := k + 1; q < s1 && q < k+12 && toks[q].clause == toks[k].clause; q++ {
			if w.at(q) == "exist" || w.at(q) == "exists" {
				return toks[q-1].neg != negNone || q >= k+2 && toks[q-2].neg != negNone
			}
			if w.at(q) == "nonexistent" || w.at(q) == "non" && w.at(q+1) == "existent" || w.at(q) == "non" && problem(w.at(q+1)) {
				return true
			}
		}
	}
	return false
}

// neededWords, negated as a predicate, dismiss its subject: "not needed",
// "no longer required".
var neededWords = setOf(`needed necessary required essential important useful relevant used`)

// dismissFrame returns the end of a predicate starting at token i (a
// copula or "become") that dismisses the subject of its clause ("is
// unnecessary", "is not needed", "has become obsolete", "is no longer
// used"), or i when there is none. The predicate must close its clause.
func dismissFrame(w *sentWords, toks []token, i, s1 int) int {
	k := i
	if w.lexAt(k)&lexLittleVerb != 0 && i > 0 && toks[i-1].sent == toks[i].sent && toks[i-1].lex&lexClause == 0 && toks[i].lex&lexClause == 0 {
		// "prompting it to think step by step does little", "adds nothing"
		q := k + 1
		if w.at(q) == "very" || w.at(q) == "next" && w.at(q+1) == "to" {
			q += 1 + btoi(w.at(q) == "next")
		}
		if w.at(q) == "little" || w.at(q) == "nothing" {
			if q+1 >= s1 || toks[q+1].clause != toks[q].clause || qualifierAt(w, q+1) {
				return q + 1
			}
		}
	}
	switch w.at(k) {
	case "is", "are", "was", "were", "s", "isnt", "arent", "wasnt", "has", "have", "had", "become", "becomes", "became":
	case "doesnt", "dont", "does", "do":
		// "whether X matters doesn't matter", "X does not matter"
		q := k + 1
		if w.at(q) == "not" {
			q++
		} else if w.at(k) == "does" || w.at(k) == "do" {
			return i
		}
		if w.at(q) == "really" {
			q++
		}
		if w.at(q) != "matter" || i == 0 || toks[i-1].clause != toks[i].clause {
			return i
		}
		if q+1 < s1 && toks[q+1].clause == toks[q].clause && !qualifierAt(w, q+1) && w.lexAt(q+1)&lexTrailer == 0 {
			return i
		}
		return q + 1
	default:
		return i
	}
	if i == 0 || toks[i-1].clause != toks[i].clause || toks[i-1].fn && !toks[i-1].stop {
		return i // needs a subject before it in its clause
	}
	neg := w.at(k) == "isnt" || w.at(k) == "arent" || w.at(k) == "wasnt"
	k++
	for n := 0; n < 3 && (w.at(k) == "been" || w.at(k) == "become" || w.at(k) == "made" || w.at(k) == "rendered" || w.lexAt(k)&lexHedge != 0 ||
		w.at(k) == "now" || w.at(k) == "often" || w.at(k) == "usually" || w.at(k) == "generally" || w.at(k) == "entirely" || w.at(k) == "totally" ||
		w.at(k) == "all" || w.at(k) == "both" || w.at(k) == "only" || w.at(k) == "merely"); n++ {
		k++
	}
	switch {
	case w.at(k) == "not":
		neg = true
		k++
	case w.at(k) == "no" && w.at(k+1) == "longer":
		neg = true
		k += 2
	}
	for w.lexAt(k)&lexHedge != 0 || w.at(k) == "really" || w.at(k) == "strictly" || w.at(k) == "even" {
		k++
	}
	if w.at(k) == "a" || w.at(k) == "an" {
		k++
	}
	switch {
	case !neg && w.lexAt(k)&lexDismiss != 0:
	case neg && neededWords[w.at(k)]:
	case !neg && counterClaim(w, toks, k, s1):
		// "those are solved problems", "a non-issue", "solutions to a
		// problem that does not exist": the rest of the clause goes with it.
		end := k + 1
		for end < s1 && toks[end].clause == toks[k].clause {
			end++
		}
		return end
	default:
		return i
	}
	end := k + 1
	for n := 0; n < 3 && end < s1 && toks[end].lex&lexTrailer != 0 && !qualifierAt(w, end) && toks[end].clause == toks[end-1].clause; n++ {
		end++ // "is unnecessary anymore"
	}
	// "is unnecessary in practice", "for GCNs", "now that ...": the rest
	// of the clause only qualifies the predicate.
	if end < s1 && toks[end].clause == toks[k].clause && toks[end].lex&lexContrastStop == 0 && !qualifierAt(w, end) {
		return i
	}
	return end
}

// clauseFrames deny only to the end of their clause: "which supposedly
// needs no teacher; ...", "the so-called price, that ...".
var clauseFrames = setOf(`supposedly allegedly purportedly supposed alleged so despite`)

// concessives open a subordinate clause whose report the main clause
// corrects: "Although many say X, Y".
var concessives = setOf(`although though while whereas`)

// backRefs in a denied claim refer to what the sentence named before the
// frame.
var backRefs = setOf(`them they these those`)

// genericSubjects report a belief without holding it: "people say",
// "many tutorials claim", "it is often said".
var genericSubjects = setOf(`people many some most everyone everybody others folks tutorials blogs textbooks one it they you`)

// reportFrame returns the end of a report of what others believe at the
// start of a sentence ("people often say that", "it is often claimed
// that"), or s0 when there is none.
func reportFrame(w *sentWords, s0, s1 int) int {
	if k := s0 + 1 + btoi(w.at(s0+1) == "is" || w.at(s0+1) == "s"); w.at(s0) == "it" && w.at(k) == "tempting" && w.at(k+1) == "to" && w.lexAt(k+2)&lexReportVerb != 0 {
		return k + 3 + btoi(w.at(k+3) == "that") // "It is tempting to say X, but ..."
	}
	k := s0
	for k < s1 && k < s0+3 && w.lexAt(k)&lexGenericSubj == 0 && !(k == s0 && w.at(k) == "1") {
		k++ // "one" is read as the number 1
	}
	if k := s0; (w.at(k) == "i" || w.at(k) == "we") && (w.at(k+1) == "used" && w.at(k+2) == "to" || w.at(k+1) == "once" || w.at(k+1) == "originally" ||
		w.at(k+1) == "initially") {
		k++ // "I used to think X, but ...": a belief given up
		if w.at(k) == "used" {
			k += 2
		} else {
			k++
		}
		if w.lexAt(k)&lexReportVerb == 0 {
			return s0
		}
		return k + 1 + btoi(w.at(k+1) == "that")
	}
	if w.lexAt(k)&lexGenericSubj == 0 && !(k == s0 && w.at(k) == "1") {
		return s0
	}
	k++
	if w.lexAt(k)&lexReportVerb == 0 && k+1 < s1 && w.lexAt(k+1)&lexReportVerb != 0 && (w.at(k-1) == "some" || w.at(k-1) == "many" || w.at(k-1) == "most") {
		k++ // "some sources claim", "many papers say"
	}
	for n := 0; n < 3 && (w.lexAt(k)&lexHedge != 0 || w.at(k) == "often" || w.at(k) == "commonly" || w.at(k) == "usually" || w.at(k) == "sometimes" ||
		w.at(k) == "is" || w.at(k) == "are" || w.at(k) == "s" || w.at(k) == "widely" || w.at(k) == "might" || w.at(k) == "may" || w.at(k) == "would" ||
		w.at(k) == "could"); n++ {
		k++
	}
	if w.lexAt(k)&lexReportVerb == 0 {
		return s0
	}
	k++
	if w.at(k) == "that" {
		k++
	}
	return k
}

// claimFalseWords say a reported claim is wrong, though said of a thing
// they would say something else ("a flawed method"): they deny only a
// reported belief ("the idea that X is misguided").
var claimFalseWords = setOf(`misguided flawed unsupported dubious questionable naive simplistic unproven speculative`)

// reportAdverbs make a passive report of others' view: "X is often
// described as Y".
var reportAdverbs = setOf(`often commonly usually widely sometimes frequently typically generally traditionally popularly`)

// passiveVerbs are participles of a passive report, besides reportVerbs.
var passiveVerbs = setOf(`recommended cited presented touted portrayed framed sold seen regarded treated viewed taught justified
explained read advertised marketed billed pitched hailed credited blamed quoted repeated equated likened conflated lumped identified compared`)

// passiveReport returns the end of a passive report in the first clause of
// a sentence ("X is often described as", "it is usually justified by"), or
// s0 when there is none: a copula, a reporting adverb and a participle of
// saying or seeing.
func passiveReport(w *sentWords, toks []token, s0, s1 int) int {
	for k := s0 + 1; k+2 < s1 && toks[k].clause == toks[s0].clause; k++ {
		if end := hypedAnswer(w, k); end > 0 {
			return end // "X is the usual advertised fix, but ..." (spurious.go)
		}
		switch w.at(k) {
		case "is", "are", "was", "were", "s", "has", "have":
		default:
			continue
		}
		q := k + 1
		if w.at(q) == "been" {
			q++
		}
		if w.lexAt(q)&lexReportAdverb == 0 {
			continue
		}
		q++
		if passiveVerbs[w.at(q)] || w.lexAt(q)&lexReportVerb != 0 && strings.HasSuffix(w.at(q), "ed") || w.at(q) == "said" || w.at(q) == "thought" {
			return q + 1
		}
	}
	return s0
}

// beliefNouns name a belief that an answer may report in order to correct
// it: "it's a common belief that X, but ...".
var beliefNouns = setOf(`belief beliefs view views assumption assumptions idea notion intuition story narrative picture wisdom
impression perception expectation claim claims explanation description account framing understanding reading interpretation
textbook`)

// claimNouns name what was said, as the subject of a frame after it: "that
// distinction no longer holds".
var claimNouns = setOf(`distinction statement characterization characterisation analogy rule argument reasoning
simplification generalization generalisation version line ordering order ranking result results finding findings conclusion
conclusions trend advice recommendation concern worry justification rationale`)

// beliefAdjectives may qualify a reported belief: "the common view".
var beliefAdjectives = setOf(`common popular widespread widely held usual standard conventional naive textbook received
traditional old older classic classical folk prevailing frequent intuitive`)

// beliefFrame returns the end of a reported belief at the start of a
// sentence ("it's a common belief that", "the usual story is that", "a
// popular view holds that"), or s0 when there is none.
func beliefFrame(w *sentWords, s0, s1 int) int {
	k := s0
	if w.at(k) == "it" || w.at(k) == "there" || w.at(k) == "its" || w.at(k) == "theres" {
		k++
		if w.at(k) == "is" || w.at(k) == "s" || w.at(k) == "was" {
			k++ // "it's" may come as "it" alone
		}
	}
	if w.at(k) == "a" || w.at(k) == "the" || w.at(k) == "an" {
		k++
	}
	adj := 0
	for n := 0; n < 3 && w.lexAt(k)&lexBeliefAdj != 0; n++ {
		k++
		adj++
	}
	if w.lexAt(k)&lexBeliefNoun == 0 || adj == 0 && k > s0 && w.at(k-1) != "the" {
		return s0
	}
	k++
	switch {
	case w.at(k) == "is" || w.at(k) == "s" || w.at(k) == "was":
		k++ // "the usual story is that"
	case w.at(k) == "holds" || w.at(k) == "says" || w.at(k) == "goes":
		k++ // "a popular view holds that"
		if w.at(k) != "that" && k < s1 && w.toks[k].clause == w.toks[k-1].clause && (w.at(k-1) == "says" || w.at(k-1) == "holds") {
			return k // "the standard account says X"
		}
	}
	if w.at(k) != "that" {
		return s0
	}
	if k+1 >= s1 {
		return s0
	}
	return k + 1
}

// correctedAfter reports whether the report ending at token end is
// corrected: by a contrast later in its sentence, or by the next sentence
// opening with one ("Actually", "In fact", "In reality", "However", "But",
// "Wrong").
func correctedAfter(toks []token, w *sentWords, end, s1 int) bool {
	// "The idea that X is misguided": a verdict on the reported claim
	// closing the sentence.
	if k := s1 - 1; k > end && (w.lexAt(k)&lexClaimFalse != 0 || w.lexAt(k)&lexFalse != 0) && (w.lexAt(k-1)&lexCopula != 0 || w.lexAt(k-1)&lexHedge != 0) {
		return true
	}
	for k := end; k < s1; k++ {
		if w.at(k) == "but" || w.at(k) == "however" || w.at(k) == "yet" ||
			w.at(k) == "in" && (w.at(k+1) == "practice" || w.at(k+1) == "reality" || w.at(k+1) == "fact") && toks[k].clause != toks[k-1].clause {
			return true
		}
		if k > end && toks[k].clause != toks[k-1].clause && (shortDenial(w, toks, k, s1) || falsityClause(w, k)) {
			return true // "many believe X; it isn't", "tutorials claim X; they are wrong"
		}
		if k > end && w.at(k) == "in" && w.at(k+1) == "truth" || truthOpens(w, k) && k > end && toks[k].clause != toks[k-1].clause {
			return true // "when in truth ...", "; the truth is that ..."
		}
		if k > end+1 && saysOtherwise(w, k) {
			return true // "..., but the paper says otherwise"
		}
	}
	if s1 >= len(toks) {
		return false
	}
	s2 := s1
	for s2 < len(toks) && toks[s2].sent == toks[s1].sent {
		s2++
	}
	if w2 := (&sentWords{toks, s1, s2}); shortDenial(w2, toks, s1, s2) || falsityClause(w2, s1) || truthOpens(w2, s1) ||
		w2.at(s1) == "in" && w2.at(s1+1) == "truth" || bareDisagreement(w2, s1, s2) {
		return true // "Some claim X. It isn't.", "... That is a misreading: Y", "... The truth is Y"
	}
	for k := s1; k < s2 && k < s1+8; k++ {
		w2 := &sentWords{toks, s1, s2}
		if saysOtherwise(w2, k) {
			return true // "Some claim X. The paper says otherwise."
		}
		if (toks[k].word == "though" || toks[k].word == "however") && k > s1 && k < s1+5 && (k+1 >= s2 || toks[k+1].clause != toks[k].clause) &&
			(toks[s1].word == "in" || toks[s1].word == "on" || toks[s1].word == "at") {
			return true // "Some claim X. In the paper, though, Y"
		}
	}
	n := toks[s1].word
	next := ""
	if s1+1 < len(toks) {
		next = toks[s1+1].word
	}
	return n == "actually" || n == "however" || n == "but" || n == "wrong" || n == "in" && (next == "fact" || next == "reality" || next == "practice") ||
		n == "not" && (next == "so" || next == "true" || next == "quite" || next == "really") || n == "thats" && (next == "wrong" || next == "false" || next == "a")
}

// falsityClause reports whether the clause starting at token k opens with
// a verdict of falsity on what came before: "that is a misreading (of the
// paper)", "they are wrong", "this is simply false", "which is a myth".
func falsityClause(w *sentWords, k int) bool {
	q := k
	for q < w.s1 && q-k < 2 && w.lexAt(q)&lexDiscourse != 0 {
		q++
	}
	switch w.at(q) {
	case "that", "this", "they", "which", "these", "those":
		q++
		if w.at(q) != "is" && w.at(q) != "are" && w.at(q) != "s" && w.at(q) != "re" && w.at(q) != "was" && w.at(q) != "were" {
			return false
		}
		q++
	case "thats", "theyre":
		q++
	default:
		return false
	}
	for n := 0; n < 3 && (w.lexAt(q)&lexHedge != 0 || w.at(q) == "all" || w.at(q) == "quite"); n++ {
		q++
	}
	return q < w.s1 && w.toks[q].clause == w.toks[k].clause && (w.lexAt(q)&lexFalse != 0 || w.lexAt(q)&lexClaimFalse != 0)
}

// saysOtherwise reports whether token k is "otherwise" or "different"
// after a verb of showing or saying: "the paper says otherwise", "the
// evidence suggests otherwise", "the reality is different".
func saysOtherwise(w *sentWords, k int) bool {
	switch w.at(k) {
	case "otherwise":
		switch w.at(k - 1) {
		case "says", "say", "said", "shows", "show", "showed", "shown", "suggests", "suggest", "suggested", "tells", "tell", "told",
			"proves", "proved", "indicates", "indicate", "demonstrates", "demonstrated":
			return true
		}
	case "different":
		return (w.at(k-1) == "is" || w.at(k-1) == "s") && (w.at(k-2) == "reality" || w.at(k-2) == "truth" || w.at(k-2) == "story")
	}
	return false
}

// truthOpens reports whether token k opens "the truth is", "the reality
// is" or "the opposite is true": what follows corrects what came before.
func truthOpens(w *sentWords, k int) bool {
	if w.at(k) != "the" {
		return false
	}
	switch w.at(k + 1) {
	case "truth", "reality":
		return w.at(k+2) == "is" || w.at(k+2) == "s"
	case "opposite", "reverse":
		return (w.at(k+2) == "is" || w.at(k+2) == "s") && w.at(k+3) == "true"
	}
	return false
}

// denyBeforeShortDenial marks denied what a bare denial closing the
// sentence answers: "nodes aggregate their neighbours; in practice they
// don't", and, when the sentence is only the denial ("Hardly.", "I
// disagree.", "It doesn't.") or opens with it and goes on ("That isn't how
// it works: Y", "Honestly, that's wrong: Y"), the sentence before.
func denyBeforeShortDenial(toks []token, marks []uint8, w *sentWords, s0, s1 int) {
	// The last clause, if it is short enough to be a bare denial.
	k := s1 - 1
	for k > s0 && k > s1-8 && toks[k].clause == toks[k-1].clause {
		k--
	}
	short := !(k > s0 && toks[k].clause == toks[k-1].clause) && (shortDenial(w, toks, k, s1) || k == s0 && bareDisagreement(w, s0, s1))
	if s0 > 0 {
		// "Actually, no.", "Honestly, far from it.": a bare disagreement
		// after discourse words is the whole sentence.
		q := s0
		for q < s1 && q-s0 < 2 && w.lexAt(q)&lexDiscourse != 0 {
			q++
		}
		if q > s0 && q < s1 && (q == k && short || bareDisagreement(w, q, s1)) {
			k, short = s0, true
		}
	}
	if !short && s0 > 0 && openingShortDenial(w, toks, s0, s1) {
		k, short = s0, true
	}
	if !short {
		return
	}
	p0, p1, ok := verdictReach(toks, s0, k)
	if !ok {
		return
	}
	for q := p1 - 1; q >= p0; q-- {
		if toks[q].lex&lexContrastStop != 0 && q < p1-1 {
			break
		}
		marks[q] |= denyScope
	}
}

// bareDisagreement reports whether a sentence only disagrees with the one
// before: "Hardly.", "I disagree.", "Not at all.", "Nope."
func bareDisagreement(w *sentWords, s0, s1 int) bool {
	// "A common misreading.", "A myth."
	if n := s1 - s0; n >= 2 && n <= 4 && w.lexAt(s0)&lexArticle != 0 && w.lexAt(s1-1)&(lexFalse|lexBeliefFalsity) != 0 {
		q := s0 + 1
		for q < s1-1 && w.lexAt(q)&lexBeliefAdj != 0 {
			q++
		}
		if q == s1-1 {
			return true
		}
	}
	switch s1 - s0 {
	case 1:
		switch w.at(s0) {
		case "hardly", "nope", "disagree", "wrong", "false", "incorrect", "untrue", "nonsense", "no":
			return true
		}
	case 2:
		a, b := w.at(s0), w.at(s0+1)
		return a == "i" && b == "disagree" ||
			(a == "absolutely" || a == "certainly" || a == "definitely" || a == "surely" || a == "nope" || a == "no") && b == "not" ||
			a == "not" && (b == "quite" || b == "exactly" || b == "really" || b == "so" || b == "true" || b == "necessarily" || b == "remotely") ||
			a == "no" && b == "way"
	case 3:
		a, b, c := w.at(s0), w.at(s0+1), w.at(s0+2)
		return a == "not" && b == "at" && c == "all" ||
			a == "dont" && b == "believe" && w.lexAt(s0+2)&lexPronounSubj != 0 || // "Don't believe it."
			a == "of" && b == "course" && c == "not" || // "Of course not."
			a == "far" && b == "from" && c == "it" || // "Far from it."
			(a == "quite" || a == "just" || a == "exactly") && b == "the" && (c == "opposite" || c == "reverse") || // "Quite the opposite."
			a == "on" && b == "the" && c == "contrary" ||
			a == "not" && b == "in" && c == "practice"
	case 4:
		a, b, c, d := w.at(s0), w.at(s0+1), w.at(s0+2), w.at(s0+3)
		return a == "do" && b == "not" && c == "believe" && w.lexAt(s0+3)&lexPronounSubj != 0 ||
			a == "the" && (b == "opposite" || b == "reverse") && (c == "is" || c == "s") && d == "true" // "The opposite is true."
	}
	// "Nothing could be further from the truth."
	return s1-s0 >= 4 && s1-s0 <= 7 && w.at(s1-3) == "from" && w.at(s1-2) == "the" && w.at(s1-1) == "truth" &&
		(w.at(s1-4) == "further" || w.at(s1-4) == "farther")
}

// sentWords reads the words of tokens s0..s1-1 of an answer, "" outside.
type sentWords struct {
	toks   []token
	s0, s1 int
}

// at returns the word of token i, or "" outside the tokens read.
func (s *sentWords) at(i int) string {
	if i < s.s0 || i >= s.s1 {
		return ""
	}
	return s.toks[i].word
}

// openingShortDenial reports whether the sentence s0..s1 opens, after at
// most two discourse words, with a short denial or a verdict of falsity on
// what came before, and goes on after it: "That isn't how it works: it
// copies one neighbour", "Honestly, that is wrong: ..." ("It's a myth: X"
// heads what follows instead).
func openingShortDenial(w *sentWords, toks []token, s0, s1 int) bool {
	q := s0
	for q < s1 && q-s0 < 2 && w.lexAt(q)&lexDiscourse != 0 {
		q++
	}
	if q >= s1 {
		return false
	}
	e := q
	for e < s1 && toks[e].clause == toks[q].clause {
		e++
	}
	if e >= s1 {
		return false // the whole sentence: denyBeforeShortDenial's last clause
	}
	v := q + 1
	if (w.at(q) == "that" || w.at(q) == "this") && (w.at(v) == "is" || w.at(v) == "s") {
		v++
	}
	if (w.at(q) == "that" || w.at(q) == "this" || w.at(q) == "thats") && v+1 == e &&
		(w.at(v) == "wrong" || w.at(v) == "false" || w.at(v) == "incorrect" || w.at(v) == "untrue") {
		return true
	}
	if (w.at(q) == "that" || w.at(q) == "this" || w.at(q) == "thats") && falsityClause(w, q) {
		return true // "X? That's a common misreading: Y"
	}
	return shortDenial(w, toks, q, s1)
}

// shortDenial reports whether the clause starting at token k is only a
// pronoun and a negated auxiliary: "it isn't", "they don't", "it does not",
// "that's not the case", "no".
func shortDenial(w *sentWords, toks []token, k, s1 int) bool {
	e := k
	for e < s1 && toks[e].clause == toks[k].clause {
		e++
	}
	q := k
	for q < e && w.lexAt(q)&lexDiscourse != 0 {
		q++
	}
	if e-q == 1 && (w.at(q) == "no" || w.at(q) == "nope") {
		return true
	}
	if w.lexAt(q)&lexPronounSubj == 0 && w.lexAt(q)&lexBackRef == 0 && w.at(q) != "thats" && w.at(q) != "its" {
		return false
	}
	rest := e - q - 1
	switch {
	case rest == 1 && w.lexAt(q+1)&lexContracted != 0:
		return true // "it isn't", "they don't"
	case rest == 2 && (w.at(q+1) == "is" || w.at(q+1) == "does" || w.at(q+1) == "do" || w.at(q+1) == "are" || w.at(q+1) == "can" || w.at(q+1) == "s") &&
		w.at(q+2) == "not":
		return true // "it does not"
	case rest == 3 && w.at(q+1) == "not" && w.at(q+2) == "the" && w.at(q+3) == "case":
		return true // "that's not the case"
	case rest == 4 && w.at(q+1) == "is" && w.at(q+2) == "not" && w.at(q+3) == "the" && w.at(q+4) == "case":
		return true
	}
	// "that isn't how it works", "this is not what happens", "that's not
	// true": a verdict on what came before.
	r := q + 1
	switch {
	case w.at(r) == "isnt" || w.at(r) == "arent":
		r++
	case (w.at(r) == "is" || w.at(r) == "s" || w.at(r) == "are") && w.at(r+1) == "not":
		r += 2
	case w.at(q) == "thats" && w.at(r) == "not":
		r++
	default:
		return false
	}
	switch {
	case r+1 == e && (w.at(r) == "true" || w.at(r) == "right" || w.at(r) == "correct" || w.at(r) == "accurate" || w.at(r) == "so"):
		return true
	case r+3 == e && w.at(r) == "how" && (w.at(r+1) == "it" || w.at(r+1) == "they") && (w.at(r+2) == "works" || w.at(r+2) == "work"):
		return true
	case r+2 == e && w.at(r) == "what" && (w.at(r+1) == "happens" || w.at(r+1) == "happened"):
		return true
	}
	return false
}

// prefixFrame returns the end (exclusive) of a denial frame that starts at
// token i and governs what follows it, or i when there is none: "myth
// that", "not true that", "wrong to say that", "wrongly claim", "contrary
// to".
func prefixFrame(w *sentWords, i int) int {
	wi, next := w.at(i), w.at(i+1)
	that := func(k int) int { // an optional "that" after the frame
		if w.at(k) == "that" {
			return k + 1
		}
		return k
	}
	switch {
	case wi == "contrary" && next == "to":
		return i + 2
	case (wi == "forget" || wi == "ignore" || wi == "disregard") && i == 0:
		k := i + 1 // "Forget the idea that X"
		if w.at(k) == "the" || w.at(k) == "any" {
			k++
		}
		for w.lexAt(k)&lexBeliefAdj != 0 {
			k++
		}
		if w.lexAt(k)&lexBeliefNoun != 0 && w.at(k+1) == "that" {
			return k + 2
		}
	case wi == "not" && next == "that" && i >= 1 && (w.at(i-1) == "it" || w.at(i-1) == "its" || w.at(i-1) == "s") && i <= 3 && w.at(i+4) != "":
		return i + 2 // "It's not that X; rather Y"
	case (wi == "supposedly" || wi == "allegedly" || wi == "purportedly") && i+1 < w.s1 && w.toks[i+1].clause == w.toks[i].clause:
		return i + 1 // "which supposedly needs no teacher"
	case (wi == "supposed" || wi == "alleged") && i > 0 && (w.at(i-1) == "the" || w.at(i-1) == "a" || w.at(i-1) == "this" || w.at(i-1) == "its"):
		return i + 1 // "the supposed need to train with ..."
	case wi == "so" && next == "called":
		return i + 2 // "the so-called price"
	case w.lexAt(i)&lexWrongly != 0:
		k := i + 1
		if w.at(k) == "be" || w.at(k) == "is" || w.at(k) == "are" {
			k++
		}
		for n := 0; n < 2 && i == w.s0 && (w.lexAt(k)&lexGenericSubj != 0 || w.at(k) == "papers" || w.at(k) == "authors"); n++ {
			k++ // "Incorrectly, some papers state that X"
		}
		if w.lexAt(k)&lexReportVerb != 0 {
			return that(k + 1)
		}
	case w.lexAt(i)&lexFalse != 0 && next == "that":
		return i + 2
	case (w.lexAt(i)&lexBeliefFalsity != 0 || wi == "mistake" || wi == "wrong" || wi == "false") && i+1 < w.s1 &&
		w.toks[i+1].clause != w.toks[i].clause && headsSentence(w, i):
		return i + 1 // "Myth: X", "A common misconception: X", "It's a myth: X", "Wrong: X"
	case (w.lexAt(i)&lexFalse != 0 || wi == "error") && (next == "is" || next == "was") && w.lexAt(i+2)&lexIngReport != 0:
		return that(i + 3) // "a common mistake is assuming X", "a common error is believing X"
	case wi == "error" && (next == "is" || next == "was") && w.at(i+2) == "to" && w.lexAt(i+3)&lexReportVerb != 0:
		return that(i + 4) // "a common error is to think X"
	case w.lexAt(i)&lexFalse != 0 && (next == "is" || next == "was") && w.at(i+2) == "that":
		return i + 3 // "a common misconception is that X"
	case w.lexAt(i)&lexFalse != 0 && (next == "is" || next == "was") && w.at(i+2) == "to" && w.lexAt(i+3)&lexReportVerb != 0:
		return that(i + 4) // "a common mistake is to think X"
	case w.lexAt(i)&lexFalse != 0 && next == "to" && w.lexAt(i+2)&lexReportVerb != 0:
		return that(i + 3)
	case wi == "mistake" && next == "to" && w.lexAt(i+2)&lexReportVerb != 0:
		return that(i + 3)
	case (wi == "dont" || wi == "not" || wi == "never" || wi == "didnt" || wi == "doesnt") && w.lexAt(i+1)&lexReportVerb != 0 &&
		next != "list" && next != "mention" && next != "cite" && !relativeBefore(w, i):
		return that(i + 2) // "do not believe that X", "never assume X"
	case (wi == "dont" || wi == "didnt") && next == "buy":
		k := i + 2 // "I don't buy (the idea) that X"
		if w.at(k) == "the" && (w.lexAt(k+1)&lexBeliefNoun != 0 || w.lexAt(k+1)&lexClaimNoun != 0) {
			k += 2
		}
		if w.at(k) == "that" {
			return k + 1
		}
	case wi == "few" && (i == w.s0 || w.at(i-1) == "very") && fewReport(w, i+1) > i:
		return that(fewReport(w, i+1)) // "few experts still believe X"
	case (wi == "nobody" || wi == "noone") && (next == "uses" || next == "needs" || next == "relies" && w.at(i+2) == "on"):
		return i + 2 + btoi(next == "relies") // "nobody relies on X anymore"
	case (wi == "nobody" || wi == "noone") && (w.lexAt(i+1)&lexReportVerb != 0 || w.at(i+2) != "list" && w.lexAt(i+2)&lexReportVerb != 0):
		if w.lexAt(i+1)&lexReportVerb != 0 {
			return that(i + 2) // "nobody thinks that X"
		}
		return that(i + 3) // "nobody seriously claims X"
	case wi == "no" && (next == "evidence" || next == "truth" || next == "reason") && (w.at(i+2) == "that" || w.at(i+2) == "to"):
		if w.at(i+2) == "to" && w.lexAt(i+3)&lexReportVerb != 0 {
			return that(i + 4) // "no reason to believe that X"
		}
		if w.at(i+2) == "to" && w.at(i+3) == "the" && (w.lexAt(i+4)&lexBeliefNoun != 0 || w.lexAt(i+4)&lexClaimNoun != 0) && w.at(i+5) == "that" {
			return i + 6 // "no truth to the idea that X"
		}
		if w.at(i+2) == "that" {
			return i + 3 // "no evidence that X"
		}
	case (wi == "not" || wi == "isnt") && (next == "true" || next == "correct") && w.at(i+2) == "that":
		return i + 3
	case wi == "not" && (next == "true" || next == "so") && i == w.s0 && i+2 < w.s1 && w.toks[i+2].clause != w.toks[i+1].clause:
		return i + 2 // "Not true: X"
	case (wi == "although" || wi == "though" || wi == "while" || wi == "whereas") && (i == w.s0 || w.at(i-1) == "even" && i-1 == w.s0):
		// "Although many say X, Y", "While some claim X, Y": a report
		// conceded and corrected by the main clause, to the end of its clause.
		if end := reportFrame(w, i+1, w.s1); end > i+1 {
			return end
		}
		if end := passiveReport(w, w.toks, i+1, w.s1); end > i+1 {
			return end // "Whereas X is often called Y, Z"
		}
	case (w.lexAt(i)&lexFalse != 0 || w.lexAt(i)&lexClaimFalse != 0) && leadsInverted(w, i) && (next == "is" || next == "are" || next == "was"):
		k := i + 2 // "Equally wrong is the claim that X", "Similarly mistaken is the view that X"
		if w.lexAt(k)&lexArticle != 0 {
			k++
		}
		for n := 0; n < 3 && w.lexAt(k)&lexBeliefAdj != 0; n++ {
			k++
		}
		if (w.lexAt(k)&lexBeliefNoun != 0 || w.lexAt(k)&lexClaimNoun != 0) && w.at(k+1) == "that" {
			return k + 2
		}
	case w.lexAt(i)&lexFalse != 0 && (next == "holds" || next == "has" && w.at(i+2) == "it") && w.at(i+2+btoi(next == "has")) == "that":
		return i + 3 + btoi(next == "has") // "a popular misconception holds that X", "legend has it that X"
	case wi == "despite" && (w.lexAt(i+1)&lexBeliefNoun != 0 || w.lexAt(i+1)&lexClaimNoun != 0) && w.at(i+2) == "that":
		return i + 3 // "despite claims that X": to the end of its clause
	case w.lexAt(i)&lexBeliefFalsity != 0 && (next == "concerns" || next == "involves" || next == "surrounds" || (next == "is" || next == "s") && w.at(i+2) == "about"):
		return i + 2 + btoi(w.at(i+2) == "about") // "another myth concerns X", "the misconception is about X"
	case wi == "neither" && next == "is" && w.at(i+2) == "it" && (w.at(i+3) == "true" || w.at(i+3) == "the") && (w.at(i+4) == "that" || w.at(i+4) == "case" && w.at(i+5) == "that"):
		return i + 5 + btoi(w.at(i+4) == "case") // "neither is it true that X"
	case wi == "nor" && next == "is" && w.at(i+2) == "it" && (w.at(i+3) == "true" || w.at(i+3) == "the") && (w.at(i+4) == "that" || w.at(i+4) == "case" && w.at(i+5) == "that"):
		return i + 5 + btoi(w.at(i+4) == "case") // "nor is it true that X"
	case wi == "despite" && (next == "the" || next == "a"):
		k := i + 2 // "despite the common claim that X": to the end of its clause
		for n := 0; n < 3 && w.lexAt(k)&lexBeliefAdj != 0; n++ {
			k++
		}
		if (w.lexAt(k)&lexBeliefNoun != 0 || w.lexAt(k)&lexClaimNoun != 0) && w.at(k+1) == "that" {
			return k + 2
		}
	case (wi == "not" || wi == "isnt") && next == "the" && w.at(i+2) == "case" && w.at(i+3) == "that":
		return i + 4
	}
	return i
}

// invertedLeads may come before a falsity word that opens an inverted
// sentence: "Equally wrong is ...", "Just as mistaken is ...", "Also wrong: X".
var invertedLeads = setOf(`also equally similarly likewise just as and but`)

// leadsInverted reports whether only invertedLeads come before token i in
// its sentence.
func leadsInverted(w *sentWords, i int) bool {
	for k := w.s0; k < i; k++ {
		if !invertedLeads[w.at(k)] {
			return false
		}
	}
	return true
}

// postfixFrame returns the end of a denial frame starting at token i that
// denies what comes before it ("which is false", "is a myth", "does not
// hold"), or i when there is none. The frame must end its sentence or be
// followed by a contrast.
func postfixFrame(w *sentWords, toks []token, i, s1 int) int {
	if w.at(i) == "which" {
		// "..., which it is not", "which they aren't"
		q := i + 1
		if w.lexAt(q)&lexPronounSubj != 0 || w.lexAt(q)&lexBackRef != 0 {
			q++
		}
		if (w.at(q) == "is" || w.at(q) == "are" || w.at(q) == "does" || w.at(q) == "do") && w.at(q+1) == "not" && q+2 == s1 {
			return q + 2
		}
		if w.lexAt(q)&lexContracted != 0 && q+1 == s1 {
			return q + 1
		}
	}
	k := i
	if w.lexAt(k)&lexPronounSubj != 0 || w.at(k) == "the" || w.lexAt(k)&lexBackRef != 0 && i == w.s0 {
		k++
		// "that distinction no longer holds", "the usual description is
		// outdated": a noun naming the claim may follow.
		for n := 0; n < 2 && w.lexAt(k)&lexBeliefAdj != 0; n++ {
			k++
		}
		if w.lexAt(k)&lexBeliefNoun != 0 || w.lexAt(k)&lexClaimNoun != 0 {
			k++
		} else if w.at(i) == "the" {
			return i
		} else {
			k = i + 1
		}
	}
	end := -1
	word := w.at(k)
	if k == i && (word == "thats" || word == "its" || word == "whats") || k > i && w.at(k) == "s" {
		word = "is" // "that's a myth"
	} else if k == i+1 && (w.at(i) == "that" || w.at(i) == "it") &&
		(articles[word] || hedges[word] || falseWords[word] || word == "not") {
		word, k = "is", i // "that's a myth" with its 's dropped
	}
	switch word {
	case "is", "are", "was", "were", "s", "isnt", "arent", "wasnt", "has", "have", "had", "turned", "proved", "proven":
		neg := w.at(k) == "isnt" || w.at(k) == "arent" || w.at(k) == "wasnt"
		cop := k
		k++
		if w.at(k) == "not" {
			neg = true
			k++
		}
		switch {
		case w.at(k) == "no" && (w.at(k+1) == "longer" || w.at(k+1) == "long"):
			neg = true // "is no longer true"
			k += 2
		case w.at(k) == "been" || w.at(k) == "proven" || w.at(k) == "shown":
			k++ // "has been debunked", "has been shown wrong"
		case w.at(k) == "out" && w.at(k+1) == "to" && w.at(k+2) == "be":
			k += 3 // "turned out to be false"
		case w.at(k) == "far" && w.at(k+1) == "from":
			neg = true // "is far from true"
			k += 2
		}
		if neg && (w.at(k) == "considered" || w.at(k) == "regarded" || w.at(k) == "deemed" || w.at(k) == "seen" || w.at(k) == "thought") {
			k++ // "is no longer considered accurate"
			if w.at(k) == "as" {
				k++
			}
		}
		if w.at(k) == "to" && w.at(k+1) == "be" {
			k += 2 // "proved to be wrong"
		}
		for w.lexAt(k)&lexHedge != 0 || w.at(k) == "the" && w.lexAt(k+1)&lexFalse != 0 {
			k++
		}
		if !neg && w.at(k) == "not" {
			neg = true // "that is simply not the case"
			k++
		}
		switch {
		case !neg && spuriousResult(w, toks, cop, k, s1) > 0:
			end = spuriousResult(w, toks, cop, k, s1) // "the 3x gain is an artefact of the benchmark" (spurious.go)
		case !neg && w.lexAt(k)&lexFalse != 0:
			end = k + 1
			if w.at(end) == "that" || w.at(end) == "to" {
				return i // "it is a myth that X": a frame before its claim
			}
			for end < s1 && toks[end].clause == toks[k].clause && toks[end].word != "but" {
				end++ // "that is a misreading of the paper"
			}
		case neg && (w.at(k) == "true" || w.at(k) == "correct" || w.at(k) == "right" || w.at(k) == "so" || w.at(k) == "accurate"):
			end = k + 1
		case neg && w.at(k) == "the" && w.at(k+1) == "case":
			end = k + 2
		case !neg && w.at(k) == "out" && w.at(k+1) == "of" && w.at(k+2) == "date":
			end = k + 3 // "that view is out of date"
		case neg && w.at(k) == "what" && (w.at(k+1) == "happens" || w.at(k+1) == "happen" || w.at(k+1) == "happened"):
			end = k + 2 // "that is not what happens"
		case neg && w.at(k) == "how" && (w.at(k+1) == "it" || w.at(k+1) == "they") && (w.at(k+2) == "works" || w.at(k+2) == "work"):
			end = k + 3 // "that is not how it works"
		}
	case "does", "do", "did":
		if w.at(k+1) == "not" && (w.at(k+2) == "hold" || w.at(k+2) == "apply") {
			end = k + 3
		}
	case "no":
		if k == i && k+1 == s1 && i > 0 && toks[i].sent != toks[i-1].sent {
			end = k + 1 // "DDIM is deterministic? No."
			break
		}
		if (w.at(k+1) == "longer" || w.at(k+1) == "long") && (w.at(k+2) == "holds" || w.at(k+2) == "hold" || w.at(k+2) == "applies" ||
			w.at(k+2) == "apply" || w.at(k+2) == "true") {
			end = k + 3 // "this no longer holds"
		}
	case "doesnt", "dont", "didnt":
		if w.at(k+1) == "hold" || w.at(k+1) == "apply" {
			end = k + 2 // "this doesn't hold (up)"
		}
	case "false", "wrong", "untrue":
		if k == i && (i == 0 || toks[i].clause != toks[i-1].clause) {
			end = k + 1 // "— false", "(wrong)"
		}
	case "stopped", "ceased":
		// "which stopped being true with GATv2"
		q := k + 1
		if w.at(q) == "being" {
			q++
		} else if w.at(q) == "to" && w.at(q+1) == "be" {
			q += 2
		} else {
			break
		}
		if w.at(q) == "true" || w.at(q) == "correct" || w.at(q) == "accurate" || w.at(q) == "the" && w.at(q+1) == "case" {
			end = q + 1 + btoi(w.at(q) == "the")
			for end < s1 && toks[end].clause == toks[k].clause && toks[end].lex&lexContrastStop == 0 {
				end++ // "with GATv2"
			}
		}
	case "theyre":
		if k == i && i == w.s0 && w.lexAt(k+1)&lexFalse != 0 {
			end = k + 2 // "They're wrong."
		}
	case "not":
		if k == i && (w.at(k+1) == "true" || w.at(k+1) == "so" || w.at(k+1) == "really") {
			end = k + 2 // "Not true.", "Not really."
		}
	default:
		if wronglyWords[word] && k == i && i+1 == s1 && i > 0 && toks[i].clause != toks[i-1].clause {
			end = k + 1 // "X is sometimes claimed, incorrectly."
		}
		if (word == "supposedly" || word == "allegedly" || word == "purportedly") && k == i && i+1 == s1 && i > 0 && toks[i].clause != toks[i-1].clause {
			end = k + 1 // "X, supposedly."
		}
		if word == "at" && w.at(k+1) == "least" && k == i && i > 0 && toks[i].clause != toks[i-1].clause {
			// "X - at least that is the myth", "at least so the story goes"
			if e := postfixFrame(w, toks, k+2, s1); e > k+2 && e == s1 {
				end = e
			}
		}
	}
	if end < 0 && k == i && i > 0 && (w.at(i-1) == "but" || w.at(i-1) == "yet") && (falseWords[word] || dismissWords[word]) {
		end = k + 1 // "X is often repeated but overrated"
	}
	if end < 0 && k == i && i > 0 && w.at(i-1) == "but" && (w.at(i) == "not" && (w.at(i+1) == "anymore" || w.at(i+1) == "now" || w.at(i+1) == "today") ||
		w.at(i) == "no" && (w.at(i+1) == "longer" || w.at(i+1) == "long")) {
		end = k + 2 // "X was true for early models but not anymore"
	}
	if end < 0 && w.at(i) == "so" && w.at(i-1) == "or" && (w.at(i+1) == "the" && w.at(i+3) == "goes" || w.at(i+2) == "say" || w.at(i+2) == "says" ||
		w.at(i+2) == "claim" || w.at(i+2) == "told" || w.at(i+1) == "it" && w.at(i+2) == "seems") {
		end = i + 3 // "X, or so the story goes"
		if w.at(i+1) == "the" {
			end = i + 4
		}
	}
	if end < 0 && i > w.s0 && toks[i].clause != toks[i-1].clause {
		// "X — a widespread misconception.", "X: a common misunderstanding."
		q := i
		if w.lexAt(q)&lexArticle != 0 {
			q++
		}
		for n := 0; n < 2 && w.lexAt(q)&lexBeliefAdj != 0; n++ {
			q++
		}
		if w.lexAt(q)&lexBeliefFalsity != 0 || q > i && w.lexAt(q)&lexFalse != 0 && w.lexAt(i)&lexArticle != 0 {
			// "X - a misreading (of the paper).", "X, a common misreading; Y"
			e := q + 1
			if w.at(e) == "of" {
				for e < s1 && toks[e].clause == toks[q].clause {
					e++
				}
			}
			if e == s1 || toks[e].clause != toks[q].clause && toks[e].lex&lexContrastStop == 0 {
				end = e
			}
		}
	}
	if end < 0 {
		return i
	}
	if headsSentence(w, i) && w.lexAt(end-1)&lexFalse != 0 && end < s1 && toks[end].clause != toks[end-1].clause &&
		toks[end].lex&lexContrastStop == 0 && toks[end].lex&lexReason == 0 && toks[end].word != "and" {
		return i // "It's a myth: X", "Wrong: X" head what follows (prefixFrame)
	}
	for n := 0; n < 2 && end < s1 && toks[end].lex&lexTrailer != 0 && toks[end].clause == toks[end-1].clause; n++ {
		end++ // "this no longer holds in practice"
	}
	// The frame must close the claim: nothing but a contrast, or a
	// qualifier of the frame ("no longer holds for larger models"), may
	// follow it in the sentence.
	if end < s1 && toks[end].lex&lexContrastStop == 0 && toks[end].clause == toks[end-1].clause && toks[end].word != "and" &&
		!qualifierAt(w, end) {
		return i
	}
	return end
}

// reasonWords open a clause that gives the reason for what came before:
// "that description is outdated, since ..." is no heading.
var reasonWords = setOf(`since because as given for so which`)

// qualifierAt reports whether the words from k on qualify the frame or
// predicate before them rather than extend the claim: "for larger models",
// "in modern GNNs", "now that renderers are photorealistic". A clause
// opened by "as", "when" or "if" may carry a claim of its own, so it does
// not count.
func qualifierAt(w *sentWords, k int) bool {
	switch w.at(k) {
	case "for", "in", "with":
		return true
	case "now":
		return w.at(k+1) == "that"
	}
	return false
}

// fewReport returns the end of "experts still believe", "people today
// think" after "few" at token k: at most two words (a noun, "still",
// "today", "now", "seriously") and a report verb; or -1.
func fewReport(w *sentWords, k int) int {
	for n := 0; n < 3; n++ {
		if w.lexAt(k)&lexReportVerb != 0 {
			return k + 1
		}
		if w.at(k) == "" {
			return -1
		}
		k++
	}
	return -1
}
