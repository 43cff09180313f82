package grading

import (
	"maps"
	"strings"
	"sync"
	"unicode/utf8"
)

// Claim structure: does a clause relate its terms by a predicate?
//
// Without a part-of-speech tagger (too slow for the hot path, and taggers
// read note-style verbs such as "keeps" as nouns), a clause is explained
// when it has a predicate:
//
//   - a finite verb from the verb lexicon below: a third-person or past form
//     ("aggregates", "keeps", "learned to"), a base form after a subject, a
//     modal or "to" ("nodes aggregate", "can skip", "to predict"), an -ing
//     form after an auxiliary ("is predicting");
//   - a participle closing a note ("whole model adapted") or followed by a
//     preposition ("trained on web data");
//   - a copula or "has" after a content word ("the score is the gradient"),
//     or after a pronoun when what follows is not just a noun phrase
//     ("it is trained", not "it is the aggregation");
//   - an arrow or equals sign between it and the clause before (A → B).
//
// "There is/are", and "it is/we have" followed by a determiner and a noun
// phrase, are empty frames: they relate nothing.

// verbBases are base forms of verbs an answer uses to relate terms. Their
// inflections (-s, -ed, -ing) are generated.
const verbBases = `
accept access account achieve act adapt add adjust affect aggregate align allow alternate amplify apply approximate
assign assume attend augment average avoid become begin blur break build calculate call capture cause change
choose classify collapse collect combine compare compensate compute concatenate condition connect consider
constrain contain control converge convert correct cost couple cover create cut decay decode decrease define
degrade denoise depend derive describe destroy detect determine differ diffuse discard discretize distinguish drop
embed emit enable encode encourage end enforce ensure estimate evaluate exceed exist expand explain exploit express
extend extract fail fall fine-tune fit flatten focus follow forget form freeze fuse gain gather generalize generate
give grow guide handle help hide hold hurt ignore improve include increase inject interpolate introduce invert
involve iterate jump keep lack lead learn leverage limit lose lower make map mask match matter mean merge miss mix
model modulate move multiply need normalize obtain operate optimize output outperform overfit pass perform permute
pick plan pool predict preserve prevent produce project propagate provide push quantize reach read reason receive
reconstruct recover reduce refine reflect regress regularize relate rely remain remove repeat replace represent
require rescale reset retain retrain return reuse reverse run sample satisfy scale scan see select send separate
share shift shrink show shuffle simplify skip slow smooth solve speed split spread stack start stay steer stop store
subtract suffer sum supervise support suppress take teach tend tie tokenize train transfer transform translate
treat turn underfit underperform update use vary weigh weight work worsen write yield zero
compress penalize peak squeeze cluster coarsen feed label score go come fix rank sort belong outperform beat let
note consist count drive explode saturate vanish ground tune broadcast attach assume behave imply train
inherit double triple halve follow pick choose ask answer place put execute
say think know believe guess feel find tell try want look mean seem appear happen
`

// irregularVerbs are inflected forms the generator misses.
var irregularVerbs = setOf(`made makes took taken takes gave given gives kept keeps led leads lost loses learnt
sees saw seen ran runs shown shows grew grown grows brought brings held holds fell falls left chose chosen
became becomes began begun broke broken forgot forgotten froze frozen hid hidden spread fed feeds meant means
sent sends split cut set sets put puts got gets does did done goes went gone comes came`)

// nounLike are verb bases whose -s form is more often a plural noun
// ("weights", "updates", "samples"): as verbs they need a subject and an
// object opened by a function word ("nodes update their state").
var nounLike = setOf(`weight model output sample update pool sum mean cost scale map form work end start control plan need
change limit mask match split cut set turn run show return reason support move condition fall break spread drop jump
share shift stack store train transfer zero hold lead lack miss mix guide handle pass attend embed focus step layer
call cover test act account access fit score label count note ground rank sort feed fix`)

// modals make the next word a verb.
var modals = setOf(`can could will would should must may might cannot shall to`)

// copulas relate the words around them.
var copulas = setOf(`is are was were be been being has have had isnt arent wasnt werent hasnt havent s`)

// emptySubjects open empty frames: "it is the X", "there is X", "we have X".
var emptySubjects = setOf(`it there this that these those we you they i its theres thats`)

// pronounCopulas are a pronoun and a copula written as one: "they're".
var pronounCopulas = setOf(`theyre youre thats whats were its`)

// thirdSubjects make a following -s word a verb.
var thirdSubjects = setOf(`it which that this he she who`)

// comparatives relate what they follow to something else.
var comparatives = setOf(`more less fewer better worse faster slower cheaper larger smaller higher lower same different`)

// complementRelates reports whether what follows a pronoun and a copula
// says something about it ("it is trained", "it is cheaper than", "it is
// not learned") rather than naming a thing ("it is the aggregation").
func complementRelates(rest []token) bool {
	if len(rest) == 0 || rest[0].cls&clsDeterminer != 0 {
		return false
	}
	for _, t := range rest {
		if t.fn && t.cls&clsDeterminer == 0 || t.cls&clsComparative != 0 || t.neg != negNone {
			return true
		}
		if t.verb == verbPast || t.verb == verbIng {
			return true
		}
	}
	return false
}

// determiners open a noun phrase.
var determiners = setOf(`the a an some any its their his her our your this that these those each every all both`)

// wordClass marks the word lists the claim-structure rules ask about, so
// that a token answers them without a map look-up.
type wordClass uint8

const (
	clsCopula wordClass = 1 << iota
	clsModal
	clsDeterminer
	clsPronCopula
	clsThird
	clsComparative
	clsNounLike // a nounLike verb base
	clsClause
)

// classOf returns the classes of a normalised word.
func classOf(w string) wordClass {
	var c wordClass
	for _, x := range []struct {
		set map[string]bool
		c   wordClass
	}{{copulas, clsCopula}, {modals, clsModal}, {determiners, clsDeterminer}, {pronounCopulas, clsPronCopula},
		{thirdSubjects, clsThird}, {comparatives, clsComparative}, {nounLike, clsNounLike}, {clauseWords, clsClause}} {
		if x.set[w] {
			c |= x.c
		}
	}
	return c
}

// verbForms is the set of inflected forms of verbBases.
var verbForms = sync.OnceValue(func() map[string]verbKind {
	m := map[string]verbKind{}
	for _, b := range strings.Fields(verbBases) {
		b = strings.ReplaceAll(b, "-", "")
		m[b] = verbBase
		if nounLike[b] {
			m[thirdPerson(b)] = verbNounLike
		} else {
			m[thirdPerson(b)] = verbFinite
		}
		m[pastForm(b)] = verbPast
		m[ingForm(b)] = verbIng
		if n := len(b); n >= 3 && !strings.ContainsRune("aeiouwxy", rune(b[n-1])) && strings.ContainsRune("aeiou", rune(b[n-2])) &&
			!strings.ContainsRune("aeiou", rune(b[n-3])) {
			m[b+b[n-1:]+"ed"] = verbPast // stopped, dropped
			m[b+b[n-1:]+"ing"] = verbIng
		}
	}
	for w := range irregularVerbs {
		if _, ok := m[w]; !ok {
			m[w] = verbFinite
		}
	}
	// "replan", "renoise", "reweighted": a verb with "re-" is a verb.
	for w, k := range maps.Clone(m) {
		if len(w) >= 4 && !strings.HasPrefix(w, "re") && (!nounLike[w] && k != verbNounLike || k == verbPast || k == verbIng) {
			if _, ok := m["re"+w]; !ok {
				m["re"+w] = k
			}
		}
	}
	for w := range abbreviatedVerbs {
		if _, ok := m[w]; !ok {
			m[w] = verbBase
		}
	}
	return m
})

// abbreviatedVerbs are verbs clipped in notes typed against the clock:
// "cond on obs", "exec first Ta", "pred noise -> subtract", "enc img ->
// tokens". Like a base form, one relates the words after it.
var abbreviatedVerbs = setOf(`cond exec pred enc concat agg upd init proj recon calc interp regr denoi tokenise`)

type verbKind uint8

const (
	verbNone verbKind = iota
	verbBase
	verbFinite   // third person or irregular finite form
	verbNounLike // third person of a nounLike base
	verbPast     // past tense or participle
	verbIng
)

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z") ||
		strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh"):
		return b + "es"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func pastForm(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case strings.HasSuffix(b, "y") && len(b) > 1 && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func ingForm(b string) string {
	if strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") && len(b) > 2 {
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

// mayRelate reports whether a separator may hold an arrow or a comparison
// sign: one of = < > or a byte outside ASCII. Most separators are a space,
// and this spares them the rune-by-rune search.
func mayRelate(sep string) bool {
	for i := 0; i < len(sep); i++ {
		if c := sep[i]; c == '=' || c == '<' || c == '>' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// explainedClauses reports, by clause index, whether each clause of an
// answer relates its terms by a predicate.
func explainedClauses(text string, toks []token) []bool {
	if len(toks) == 0 {
		return nil
	}
	out := make([]bool, toks[len(toks)-1].clause+1)
	formula := make([]bool, toks[len(toks)-1].sent+1)
	for s := 0; s < len(toks); {
		e := s
		for e < len(toks) && toks[e].clause == toks[s].clause {
			e++
		}
		c := toks[s].clause
		if clauseHasPredicate(toks[s:e]) {
			out[c] = true
		}
		// An arrow or equals sign between two clauses relates them, and a
		// formula explains the sentence it stands in.
		for k := max(s, 1); k < e; k++ {
			if toks[k-1].end > toks[k].start || toks[k].start > len(text) {
				continue
			}
			sep := text[toks[k-1].end:toks[k].start]
			if mayRelate(sep) && (strings.ContainsAny(sep, "→⇒=<>≈↦") || strings.Contains(sep, "->")) {
				out[c] = true
				out[toks[k-1].clause] = true
				if strings.Contains(sep, "=") {
					formula[toks[k].sent] = true
				}
			}
		}
		s = e
	}
	for i := range toks {
		if formula[toks[i].sent] {
			out[toks[i].clause] = true
		}
	}
	markStructuredLines(text, toks, out)
	markLabelledNotes(text, toks, out)
	markContrastedNotes(toks, out)
	return out
}

// markContrastedNotes marks as explained the clauses of a sentence that
// sets opposite properties against each other across "vs" or "versus":
// "stochastic, 1000 steps (DDPM) vs deterministic, 50 steps (DDIM)", "fixed
// weights (GCN) vs learned attention (GAT)". A pair of antonyms of the
// shared thesaurus, one on each side, each side with two content words or
// more, is what relates them; names alone ("GCN vs GAT") or a bare pair
// ("stochastic vs deterministic, DDPM, DDIM") relate nothing.
func markContrastedNotes(toks []token, out []bool) {
	for s0 := 0; s0 < len(toks); {
		s1 := s0
		for s1 < len(toks) && toks[s1].sent == toks[s0].sent {
			s1++
		}
		for j := s0 + 1; j < s1-1; j++ {
			if toks[j].word != "vs" && toks[j].word != "versus" {
				continue
			}
			if antonymAcross(toks[s0:j], toks[j+1:s1]) && contentWords(toks[s0:j]) >= 2 && contentWords(toks[j+1:s1]) >= 2 {
				for k := s0; k < s1; k++ {
					out[toks[k].clause] = true
				}
			}
			break
		}
		s0 = s1
	}
}

// antonymAcross reports whether a word of left has a one-word antonym in
// right.
func antonymAcross(left, right []token) bool {
	for _, l := range left {
		if l.fn || l.number {
			continue
		}
		for _, seq := range antonymsOf(l.term) {
			if len(seq) != 1 {
				continue
			}
			for _, r := range right {
				if r.term == seq[0] {
					return true
				}
			}
		}
	}
	return false
}

// metaLabels head a list of terms rather than a note about a subject:
// "Key terms: ...".
var metaLabels = setOf(`term terms keyword keywords word words concept concepts topic topics buzzword buzzwords tag tags
idea ideas`)

// markLabelledNotes marks as explained the notes of an answer written as
// labelled fields, each sentence a short label, a colon or a dash, and
// what it says of the label: "Fwd: add noise per beta_t. Rev: learned
// denoiser. Obj: MSE on eps.", "GCN - fixed degree weights. GAT - learned
// attention per edge.", "pros: multimodal, stable; cons: slow sampling".
// The label relates the words after it; it takes two labelled fields with
// at least two content words each, so that one heading over a bare list
// ("Key terms: a, b, c") stays a list.
func markLabelledNotes(text string, toks []token, out []bool) {
	if !strings.ContainsAny(text, ":-") && !strings.Contains(text, "—") && !strings.Contains(text, "–") {
		return // (an ASCII set is searched byte by byte; the dashes as substrings)
	}
	type field struct{ from, to int }
	var fields []field
	for s0 := 0; s0 < len(toks); {
		s1 := s0
		for s1 < len(toks) && toks[s1].sent == toks[s0].sent {
			s1++
		}
		for j := s0 + 1; j < s1 && j <= s0+3; j++ {
			if toks[j].clause == toks[j-1].clause {
				continue
			}
			if toks[j-1].end > toks[j].start || toks[j].start > len(text) || metaLabels[toks[j-1].word] {
				break
			}
			sep := text[toks[j-1].end:toks[j].start]
			if !strings.Contains(sep, ":") && !strings.ContainsAny(sep, "—–") && !strings.Contains(sep, " - ") {
				break
			}
			content := 0
			for k := j; k < s1; k++ {
				if !toks[k].fn && !toks[k].number && len(toks[k].word) > 1 {
					content++
				}
			}
			if content >= 2 {
				fields = append(fields, field{j, s1})
			}
			break
		}
		s0 = s1
	}
	if len(fields) < 2 {
		return
	}
	for _, f := range fields {
		for k := f.from; k < f.to; k++ {
			out[toks[k].clause] = true
		}
	}
}

// markStructuredLines marks as explained the clauses of Markdown list items
// and table rows of at least two content words: an item under a heading
// ("**DDPM**:" then "- Stochastic sampling (adds noise at each step)") or a
// row says its words of the subject it stands under. A bare one-term item
// stays a list.
func markStructuredLines(text string, toks []token, out []bool) {
	if !strings.ContainsAny(text, "\n|") {
		return
	}
	for i := 0; i < len(toks); {
		ls := strings.LastIndexByte(text[:toks[i].start], '\n') + 1
		le := strings.IndexByte(text[toks[i].start:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += toks[i].start
		}
		j := i
		content := 0
		for j < len(toks) && toks[j].start < le {
			if !toks[j].fn && !toks[j].number && len(toks[j].word) > 1 {
				content++
			}
			j++
		}
		line := strings.TrimSpace(text[ls:le])
		if content >= 2 && (listLine(line) && (underHeading(text[:ls]) || labelledItem(line)) || strings.Count(line, "|") >= 2) {
			for k := i; k < j; k++ {
				out[toks[k].clause] = true
			}
		}
		i = max(j, i+1)
	}
}

// underHeading reports whether the last line before a list that is not one
// of its items heads it: ends with a colon, or is bold or a heading
// ("**DDPM** (Denoising Diffusion Probabilistic Models):").
func underHeading(before string) bool {
	lines := strings.Split(strings.TrimRight(before, "\n "), "\n")
	for k := len(lines) - 1; k >= 0; k-- {
		l := strings.TrimSpace(lines[k])
		if l == "" || listLine(l) {
			continue
		}
		return strings.HasSuffix(l, ":") || strings.HasPrefix(l, "**") || strings.HasPrefix(l, "#")
	}
	return false
}

// labelledItem reports whether a list item has a bold lead and a colon:
// "1. **Sample efficiency**: still need 100K+ episodes".
func labelledItem(line string) bool {
	i := strings.Index(line, "**")
	if i < 0 {
		return false
	}
	j := strings.Index(line[i+2:], "**")
	return j > 0 && strings.HasPrefix(strings.TrimSpace(line[i+2+j+2:]), ":")
}

// listLine reports whether a line is a Markdown list item.
func listLine(line string) bool {
	if len(line) > 2 && strings.ContainsRune("-*+•", rune(line[0])) && line[1] == ' ' {
		return true
	}
	k := 0
	for k < len(line) && k < 3 && line[k] >= '0' && line[k] <= '9' {
		k++
	}
	return k > 0 && k+1 < len(line) && (line[k] == '.' || line[k] == ')') && line[k+1] == ' '
}

// clauseHasPredicate reports whether the tokens of one clause relate their
// terms (see the rules above).
func clauseHasPredicate(cl []token) bool {
	contentBefore := false
	has := func(i int, c wordClass) bool { return i >= 0 && i < len(cl) && cl[i].cls&c != 0 }
	for i := range cl {
		t := &cl[i]
		w := t.word
		prev, next := "", ""
		if i > 0 {
			prev = cl[i-1].word
		}
		nextContent := false
		if i+1 < len(cl) {
			next = cl[i+1].word
			nextContent = !cl[i+1].fn && !cl[i+1].number
		}
		pron := prev == "we" || prev == "you" || prev == "they" || prev == "i"
		prevContent := i > 0 && !cl[i-1].fn && !cl[i-1].number
		switch {
		case t.cls&clsPronCopula != 0:
			if complementRelates(cl[i+1:]) {
				return true // "they're equivalent up to reparametrization"
			}
		case t.cls&clsCopula != 0 || t.aux && (w == "do" || w == "does" || w == "did"):
			if i+1 >= len(cl) {
				break
			}
			if w == "s" && prev != "it" && prev != "that" && prev != "what" && prev != "there" {
				break // a possessive left over
			}
			if prev == "there" || prev == "theres" {
				break // "there is X"
			}
			if contentBefore || has(i-1, clsClause) {
				return true // "the score is the gradient", "and is parallel"
			}
			if (w == "has" || w == "have" || w == "had") && !has(i+1, clsDeterminer) {
				return true // "it has fewer weights"
			}
			if complementRelates(cl[i+1:]) {
				return true // "it is trained", "it is cheaper than"
			}
		case t.cls&clsModal != 0:
			if i+1 < len(cl) && (cl[i+1].verb != verbNone || has(i+1, clsCopula) || next == "not" ||
				w != "to" && !cl[i+1].fn && !cl[i+1].number) { // "would say", "can skip"
				return true
			}
		default:
			switch t.verb {
			case verbFinite:
				if !has(i-1, clsDeterminer) {
					return true // "keeps", "aggregates"
				}
			case verbNounLike:
				if contentBefore && (i+1 < len(cl) || !prevContent) || i+1 < len(cl) && !prevContent && !has(i-1, clsDeterminer) {
					return true // "nodes update their state", "and then drops"
				}
			case verbPast:
				if !has(i-1, clsDeterminer) && i > 0 && (!nextContent || cl[i+1].fn) {
					return true // "whole model adapted", "trained on web data"
				}
				if i == 0 && i+1 < len(cl) && cl[i+1].fn && !has(i+1, clsDeterminer) {
					return true // "mitigated by DDIM"
				}
			case verbIng:
				if i+1 < len(cl) && (has(i+1, clsDeterminer) || cl[i+1].fn && !cl[i+1].stop) {
					return true // "picking up the animal", "moving an object"
				}
			case verbNone:
				if has(i-1, clsThird) && len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") {
					return true // "it inherits", "which penalizes": a verb the lexicon lacks
				}
			case verbBase:
				switch {
				case pron:
					return true
				case has(i-1, clsDeterminer):
				case t.cls&clsNounLike == 0:
					if i+1 < len(cl) || contentBefore {
						return true // "regress epsilon", "embeddings converge"
					}
				case i+1 < len(cl) && (cl[i+1].fn || cl[i+1].number) && (contentBefore || !prevContent):
					return true // "hops already cover a chunk", "average them"
				}
			}
		}
		if t.cls&clsComparative != 0 && i+1 < len(cl) && (next == "than" || i+2 < len(cl) && cl[i+2].word == "than") {
			return true // "CE more stable than L2"
		}
		if !t.fn && !t.number {
			contentBefore = true
		}
	}
	return false
}
