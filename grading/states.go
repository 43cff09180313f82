package grading

import (
	"slices"
	"strings"
	"sync"
)

// States and outcomes: the [states] lines of thesaurus.txt.
//
// Many correct answers say the state or outcome a reference names in other
// words: through the negation of its opposite ("the bulbs will not go out"
// for "the bulbs stay lit", "the speed never changes" for "stays the
// same"), through another verb of the same outcome ("it will turn on" for
// "the motor will run") or another word of the same state ("the circuit is
// open" for "is not complete", "the switch is closed" for "a complete
// circuit"). A [states] line "A | B <> C | D" says that A and B name one
// state and C and D its opposite: a member said with a polarity says every
// member of its side with that polarity and every member of the other side
// with the other. Words are matched as written, not stemmed ("closed" is
// not "close", near; "continue" is not "continuous"), the first word of a
// member in its inflected forms ("goes out", "went out"), the others as
// written, stop words included ("on"), with up to two words between them
// ("turn it on", "let electricity through"). A member written "~run"
// counts only where the verb takes no object: "the motor runs", "it will
// work", not "runs a GCN"; "^light" only as a verb, after an auxiliary or
// an adverb ("will still light", not "the light"); "+big" only written as
// a comparative or superlative ("bigger", "the biggest"). A line without
// "<>" names one state. "A -> B" says that A, a general word, says B, a
// specific one, in part (partial credit): "+big -> +long" lets "it is the
// biggest" say "the longest tube" in part, where both compare; "the models
// are big" says nothing of "long-horizon".
//
// The lines only add agreement to a reference word that the answer does
// not otherwise say (termStatus): a state word the answer asserts of
// something else ("the earth moves" beside "the Sun stays in one place")
// is no evidence against the reference, so the opposite said with the
// same polarity counts for nothing here (the [antonyms] lines keep their
// contradictions). They serve a card with one reference answer: a card
// with Also accepted alternatives lists the wordings it accepts (Beetle's
// "closed path" and "complete circuit" are graded apart), and there they
// add nothing.

// stateWay is one way of saying a reference's state word.
type stateWay struct {
	words [][]string // per word of the member, its written forms
	flip  bool       // the member names the opposite state
	use   byte       // '~': said only without an object ("the motor runs", not "runs a GCN"); '^': only as a verb ("will light", not "the light")
	only  int8       // +1: only for a reference that asserts its word, -1: only for one that negates it
	part  bool       // says it only in part: a general word for a specific one ("biggest" for "longest")
}

// stateWays maps a written word of a reference to the other ways of saying
// its state.
var stateWays = sync.OnceValue(func() map[string][]stateWay {
	return parseStates(thesaurusText)
})

// stateMember is one member of a [states] side.
type stateMember struct {
	words [][]string // per word, its written forms
	use   byte       // written "~run": a verb whose transitive sense is another meaning; "^light": a verb that is also a noun
}

func parseStates(text string) map[string][]stateWay {
	out := map[string][]stateWay{}
	add := func(m stateMember, w stateWay) {
		if len(m.words) != 1 || stopWords[m.words[0][0]] {
			return // only a content word stands in a reference
		}
		for _, form := range m.words[0] {
			if m.use != 0 {
				form = string(m.use) + form // a reference word said without an object, or as a verb
			}
			out[form] = appendWay(out[form], w)
		}
	}
	var implied, partial [][2][]stateMember
	for section, line := range thesaurusLines(text) {
		if section != "states" {
			continue
		}
		if left, right, ok := strings.Cut(line, "->"); ok {
			partial = append(partial, [2][]stateMember{stateSide(left), stateSide(right)})
			continue
		}
		if left, right, ok := strings.Cut(line, "=>"); ok {
			implied = append(implied, [2][]stateMember{stateSide(left), stateSide(right)})
			continue
		}
		left, right, _ := strings.Cut(line, "<>") // a line without "<>" names one state
		sides := [2][]stateMember{stateSide(left), stateSide(right)}
		for s, side := range sides {
			for k, m := range side {
				for s2, other := range sides {
					for k2, o := range other {
						if s2 != s || k2 != k {
							add(m, stateWay{words: o.words, flip: s2 != s, use: o.use})
						}
					}
				}
			}
		}
	}
	// "A => B": saying A says B, and denying B denies A and says A's
	// opposites ("the ends are not touching": the circuit is not complete,
	// it is broken).
	for _, imp := range implied {
		for _, a := range imp[0] {
			for _, b := range imp[1] {
				add(b, stateWay{words: a.words, use: a.use, only: 1})
				add(a, stateWay{words: b.words, use: b.use, only: -1})
				if len(a.words) != 1 {
					continue
				}
				for _, w := range out[a.words[0][0]] {
					if w.flip && w.only == 0 && len(w.words) == 1 {
						add(stateMember{words: w.words, use: w.use}, stateWay{words: b.words, flip: true, use: b.use, only: 1})
					}
				}
			}
		}
	}
	// "A -> B": saying A says B in part, a general word for a specific one
	// ("the biggest" of "the longest and fattest"); only for a reference
	// that asserts B, and never the other way round.
	for _, p := range partial {
		for _, a := range p[0] {
			for _, b := range p[1] {
				add(b, stateWay{words: a.words, use: a.use, only: 1, part: true})
			}
		}
	}
	return out
}

// stateSide parses one side of a [states] line. The first word of a
// member is its verb or adjective and is matched in its inflected forms
// ("go out": goes, went, gone, going out); the words after it ("out", "on",
// "off") only as written. Words are matched as written, not stemmed:
// "closed" is not "close" (near), nor "continue" "continuous".
func stateSide(s string) []stateMember {
	var out []stateMember
	for _, m := range strings.Split(s, "|") {
		var mem stateMember
		m = strings.TrimSpace(m)
		if strings.HasPrefix(m, "~") || strings.HasPrefix(m, "^") || strings.HasPrefix(m, "+") {
			mem.use, m = m[0], m[1:]
		}
		for k, w := range strings.Fields(m) {
			if k == 0 && !stopWords[w] {
				mem.words = append(mem.words, inflected(w))
			} else {
				mem.words = append(mem.words, []string{w})
			}
		}
		if len(mem.words) > 0 {
			out = append(out, mem)
		}
	}
	return out
}

// inflected returns a word and its inflections, regular and irregular
// ("go": goes, gone, going, went), the word first.
func inflected(w string) []string {
	out := []string{w, pastForm(w), ingForm(w)}
	if n := len(w); (n == 3 || n == 4 && !isVowel(w[0])) && !isVowel(w[n-1]) && !strings.ContainsRune("wxy", rune(w[n-1])) && isVowel(w[n-2]) && !isVowel(w[n-3]) {
		out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing") // stopped, running
	}
	switch {
	case strings.HasSuffix(w, "s"):
	case strings.HasSuffix(w, "o") || strings.HasSuffix(w, "sh") || strings.HasSuffix(w, "ch"):
		out = append(out, w+"es")
	default:
		out = append(out, w+"s")
	}
	for _, f := range irregularOf()[w] {
		if !hasWord(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// irregularOf inverts irregularForms: a verb's irregular forms.
var irregularOf = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for form, base := range irregularForms {
		m[base] = append(m[base], form)
	}
	return m
})

func appendWay(dst []stateWay, w stateWay) []stateWay {
	for _, d := range dst {
		if d.flip == w.flip && d.only == w.only && d.part == w.part && len(d.words) == len(w.words) && d.words[0][0] == w.words[0][0] &&
			(len(d.words) == 1 || d.words[1][0] == w.words[1][0]) {
			return dst
		}
	}
	return append(dst, w)
}

// maxStateGap is the most words a member of several words may have
// between its words ("turn it on", "let electricity through").
const maxStateGap = 2

// stateAgrees reports whether the answer says a reference word's state in
// one of the given ways, with the reference's polarity (see above).
func (a *analysis) stateAgrees(ways []stateWay, negated, either bool) bool {
	return a.stateSaid(ways, negated, either) == termAgree
}

// stateSaid returns termAgree when the answer says a reference word's state
// in one of the given ways with the reference's polarity, termPartial when
// it says it so only in part (a general word for a specific one), and
// termNone otherwise.
func (a *analysis) stateSaid(ways []stateWay, negated, either bool) termSaid {
	toks := a.toks
	said := termNone
	for _, w := range ways {
		if w.part && said == termPartial {
			continue
		}
		if w.only > 0 && negated || w.only < 0 && !negated {
			continue
		}
		for i := range toks {
			if !hasWord(w.words[0], toks[i].word) {
				continue
			}
			j, k := i+1, 1
			for gap := 0; k < len(w.words) && j < len(toks) && toks[j].clause == toks[i].clause; j++ {
				switch {
				case hasWord(w.words[k], toks[j].word):
					k++
					gap = 0
				case toks[j].neg == negNone && gap < maxStateGap:
					gap++
				default:
					j = len(toks)
				}
			}
			if k < len(w.words) || w.use == '~' && hasObject(toks, j-1) || w.use == '^' && !verbUse(toks, i) || w.use == '+' && !comparative(a, i) {
				continue
			}
			if either || a.saidNegated(i) != w.flip == negated {
				if !w.part {
					return termAgree
				}
				said = termPartial
			}
		}
	}
	return said
}

// objectWords start a noun phrase: after a verb, its object.
var objectWords = setOf(`a an the this that these those its their his her our your my each every all both some any`)

// hasObject reports whether the verb at token i takes an object: the next
// token of its clause starts a noun phrase or is a content word ("runs a
// GCN", "runs DDPM"; not "the motor runs.", "it will work because ...",
// "it runs on batteries").
func hasObject(toks []token, i int) bool {
	if i+1 >= len(toks) || toks[i+1].clause != toks[i].clause {
		return false
	}
	n := &toks[i+1]
	return objectWords[n.word] || !n.stop && !n.fn && !strings.HasSuffix(n.word, "ly")
}

// verbUse reports whether the word at token i is used as a verb: right
// after an auxiliary, "to", "not" or an adverb such as "still" ("will
// light", "will still be lighting"), not after a determiner or another
// content word ("the light", "other lights").
func verbUse(toks []token, i int) bool {
	if i == 0 || toks[i-1].clause != toks[i].clause {
		return false
	}
	p := &toks[i-1]
	return (p.stop || p.aux) && !objectWords[p.word]
}

func hasWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// statesOf returns the other ways of saying the state of reference token
// i: those of its word, and those of its word said without an object when
// it is ("the motor will run", not "runs the model").
func (a *analysis) statesOf(i int) []stateWay {
	w := a.toks[i].word
	ways := stateWays()[w]
	if intr := stateWays()["~"+w]; len(intr) > 0 && !hasObject(a.toks, i) {
		ways = append(slices.Clip(ways), intr...)
	}
	if verb := stateWays()["^"+w]; len(verb) > 0 && verbUse(a.toks, i) {
		ways = append(slices.Clip(ways), verb...)
	}
	if comp := stateWays()["+"+w]; len(comp) > 0 && comparative(a, i) {
		ways = append(slices.Clip(ways), comp...)
	}
	return ways
}
