package grading

import (
	"slices"
	"strings"
	"sync"
)

// Who does what to whom: the roles of a transitive verb, read as a claim.
//
// A reference clause whose transitive verb has a graded agent or patient
// ("the harder coin will scratch the other", "the harder mineral will
// leave a scratch on the less hard mineral") claims which end of the scale
// the agent stands at, and so the patient at the other: the harder
// scratches, the softer is scratched. Answers say the same claim through
// the patient or a relative clause ("whichever one gets scratched is the
// softest", "the one with a scratch is not the hardest", "the mineral with
// no scratch is the hardest"), in the passive ("the softer one is
// scratched by the harder one"), or turn it round ("the softer one
// scratches the harder one"). Judged word by word, "softest" and "not the
// hardest" read against "harder", and the agreeing answer loses what the
// contradicting one keeps.
//
// roleStatements reads, for each occurrence of a role verb (roleVerbs, as a
// verb or as the noun of its result: "leave a scratch on", "has a
// scratch", "with no scratch"), the graded words said of its two parties:
// the subject's (before the verb in its clause, or, when the verb stands in
// a relative clause — "the one that", "whichever", "with a scratch" — after
// the copula that follows it), the object's (after the verb, before a
// copula) and the "by" agent's of a passive. The subject is the agent of an
// active verb and the patient of a passive one or of a possessed result;
// a negated verb ("is not scratched", "could not scratch it", "with no
// scratch") gives the subject the other role: with two parties, the one
// not scratched is the one that scratches. A graded word is turned round by
// a negation ("not the hardest") or a "less"/"least" before it.
//
// A condition that names a party by the verb ("if the penny gets
// scratched") runs on into the predicate after it: said of the other party
// when another is named ("the nickel is harder"), of the same one when it
// is named again or by a pronoun ("it is softer").
//
// An answer sentence that is only a party named by the verb ("The one with
// a scratch.", "Whichever one got scratched.") names the party the question
// asks for ("which one is harder?": askedGraded), and says that graded word
// of it.
//
// A reference clause whose statements agree on where the agent stands is a
// role claim (refRoles). An answer agreeing with it anywhere says every
// content word of the clause (the parties are named, by description); one
// that only contradicts it has them all count against it, as a
// contradicted relation does (relations.go).

// roleClaims turns the role claims on (off only to measure them).
var roleClaims = true

// roleVerbs are transitive verbs whose agent and patient are compared
// parties, as written stems of the verb and of its result noun.
var roleVerbs = setOf(`scratch scratches scratched scratching scrape scrapes scraped scraping dent dents dented denting
chip chips chipped chipping crack cracks cracked cracking cut cuts cutting pierce pierces pierced piercing
attract attracts attracted attracting repel repels repelled repelling pull pulls pulled pulling
push pushes pushed pushing block blocks blocked blocking absorb absorbs absorbed absorbing
reflect reflects reflected reflecting dissolve dissolves dissolved dissolving beat beats beaten beating`)

// roleExtraPairs are graded scales of roles beside gradedPairs: hardness
// is hard against soft (gradedPairs reads "hard" against "easy" and "soft"
// against "loud").
var roleExtraPairs = []string{
	`hard harder hardest <> soft softer softest`,
}

// roleGraded maps a normalised word to its ends on the graded scales
// (gradedWords, then roleExtraPairs numbered after gradedPairs).
var roleGraded = sync.OnceValue(func() map[string][]gradedSide {
	out := map[string][]gradedSide{}
	for w, s := range gradedWords() {
		out[w] = slices.Clone(s)
	}
	for k, line := range roleExtraPairs {
		up, down, _ := strings.Cut(line, "<>")
		for side, words := range []string{up, down} {
			for _, w := range strings.Fields(words) {
				f, g := infoFor(w).word, gradedSide{scale: len(gradedPairs) + k, lower: side == 1}
				if !slices.Contains(out[f], g) {
					out[f] = append(out[f], g)
				}
			}
		}
	}
	delete(out, "more") // amounts grade what follows them, not a party
	delete(out, "less")
	delete(out, "most")
	delete(out, "least")
	delete(out, "much")
	delete(out, "many")
	delete(out, "few")
	delete(out, "fewer")
	delete(out, "fewest")
	return out
})

// roleStatement is one graded word said of a party of a role verb: the
// party is the agent or the patient, at the lower end of scale or not.
type roleStatement struct {
	verb  string // the role verb's term
	scale int
	agent bool
	low   bool
	other bool // the statement is that the verb's object is "the other" (no scale)
	asked bool // the statement is the answer's whole sentence, a party named by the verb ("the one with a scratch"): the party the question asks for
}

// roleClaim is a role claim of a reference: the agent of verb stands at
// the lower end of scale (low) or the upper, and the terms (indices in
// refBag.terms) of its clause.
type roleClaim struct {
	verb  string
	scale []int
	low   bool
	terms []int
	// ask is the graded word of a question that asks for a party ("which
	// one is harder?"), on the claim's scale, and askLow its end.
	ask    bool
	askLow bool
}

var (
	roleCopula  = setOf(`is are was were am be been being`)
	rolePassive = setOf(`is are was were am be been being get gets got gotten getting`)
	roleGet     = setOf(`get gets got gotten getting`) // "got scratch": got scratched
	roleHave    = setOf(`with has have had having get gets got gotten getting`)
	roleLeave   = setOf(`leave leaves left leaving make makes made making put puts cause causes caused`)
	roleRel     = setOf(`that which who whichever whatever whoever`)
	roleDegree  = setOf(`less least`)
	roleFewer   = setOf(`less fewer least fewest`)
	roleSkip    = setOf(`less fewer least fewest a an the no any some more deep deeper deepest big bigger biggest small little tiny large very`)
)

// roleStatements appends the statements of the answer (or reference) a
// about the parties of its role verbs.
func roleStatements(a *analysis, out []roleStatement) []roleStatement {
	toks := a.toks
	for v := range toks {
		if !roleVerbs[toks[v].word] {
			continue
		}
		c := toks[v].clause
		cs := v
		for cs > 0 && toks[cs-1].clause == c {
			cs--
		}
		ce := v + 1
		for ce < len(toks) && toks[ce].clause == c {
			ce++
		}
		// The verb phrase's start, and how the subject stands to the verb.
		start, subjAgent := v, true
		q := v - 1
		for q >= cs && (roleSkip[toks[q].word] || toks[q].neg == negStrong) {
			q--
		}
		adjacent := true // only negations between q and the verb
		for i := q + 1; i < v; i++ {
			adjacent = adjacent && toks[i].neg == negStrong && toks[i].word != "no"
		}
		switch {
		case q >= cs && !adjacent && roleHave[toks[q].word], q >= cs && toks[q].word == "with":
			start, subjAgent = q, false // "has a scratch", "with no scratch": the subject bears it
			for i := q + 1; i < v; i++ {
				if roleFewer[toks[i].word] {
					subjAgent = true // "had less scratches": the one scratched less is the other party
				}
			}
		case q >= cs && !adjacent && roleLeave[toks[q].word]:
			start = q // "leaves a scratch on": the subject makes it
		case q >= cs && adjacent && rolePassive[toks[q].word] && (strings.HasSuffix(toks[v].word, "ed") || roleGet[toks[q].word]):
			start, subjAgent = q, false // "is scratched", "got scratched", "is not scratched"
		case !adjacent && (toks[v-1].word == "a" || toks[v-1].word == "the"):
			continue // a noun without a verb of its own
		case adjacent && v-1 > q:
			start = q + 1 // "could not scratch": from the negation
		}
		if a.saidNegated(v) {
			subjAgent = !subjAgent // "the one not scratched", "could not scratch it", "with no scratch"
		}
		for start > cs && (toks[start-1].aux || toks[start-1].neg == negStrong) && !roleRel[toks[start-1].word] {
			start--
		}
		relative := toks[start].word == "with"
		for q := cs; q < start; q++ {
			if roleRel[toks[q].word] {
				relative = true
			}
		}
		verb := toks[v].term
		// A condition ("if the penny gets scratched") runs on into the
		// clause after it ("the nickel is harder").
		cond := roleCond[toks[cs].word] || cs+1 < ce && toks[cs].lex&lexClause != 0 && roleCond[toks[cs+1].word]
		end := ce
		if cond {
			for end < len(toks) && toks[end].sent == toks[v].sent && toks[end].clause == c+1 {
				end++
			}
		}
		say := func(i, from int, agent bool) {
			if !roleAdjective(a, i, cs, end) {
				return
			}
			low := i > cs && roleDegree[toks[i-1].word] // "less hard", "least hard"
			for j := from; j < i; j++ {
				if toks[j].neg == negStrong {
					low = !low // "not the hardest", in the word's own phrase: the verb's negation turned the roles
				}
			}
			for _, s := range roleGraded()[toks[i].word] {
				out = append(out, roleStatement{verb: verb, scale: s.scale, agent: agent, low: s.lower != low})
			}
		}
		for i := cs; i < start; i++ {
			say(i, cs, subjAgent)
		}
		// After the verb: the object (a passive's "by" agent is the
		// object's party too: the one not the subject), a relative
		// clause's predicate after its copula, and after a condition the
		// predicate of the party it names ("the nickel is harder": the
		// other party; "it is softer": the subject).
		party, from, said, named := !subjAgent, v+1, len(out), false
		for i := v + 1; i < end; i++ {
			switch w := toks[i].word; {
			case w == "than":
				i = end // "absorbs more heat than lighter colors": a comparison of subjects (subjects.go), not of parties
				continue
			case (w == "other" || w == "another") && party != subjAgent:
				out = append(out, roleStatement{verb: verb, scale: -1, agent: party, other: true}) // "scratch the other"
			case roleCopula[w] && relative:
				party, from, said, end = subjAgent, i+1, -1, ce // "whichever one gets scratched is the softest"
				continue
			case roleCopula[w] && cond && !named:
				switch h := conditionHead(a, v, i); {
				case h < 0:
					i = end
				case toks[h].stop || toks[h].term == subjectHead(a, cs, start):
					party = subjAgent // "if the penny gets scratched, it is softer"
				default:
					party = !subjAgent // "if the penny gets scratched the nickel is harder"
				}
				from, named = i+1, true
				continue
			case roleCopula[w], i >= ce && !cond:
				i = end
				continue
			}
			say(i, from, party)
		}
		if relative && said >= 0 && !slices.ContainsFunc(out[said:], func(s roleStatement) bool { return !s.other }) && bareParty(a, cs, ce) {
			out = append(out, roleStatement{verb: verb, scale: -1, agent: subjAgent, asked: true}) // "the one with a scratch."
		}
	}
	return out
}

// roleCond open a condition.
var roleCond = setOf(`if when once`)

// conditionHead returns the token naming the party a predicate after a
// condition is said of: the word before the copula at token cop (past
// "will", "must", "then"), a noun or a pronoun, or -1.
func conditionHead(a *analysis, v, cop int) int {
	toks := a.toks
	for h := cop - 1; h > v; h-- {
		switch w := toks[h].word; {
		case w == "it" || w == "this" || w == "that" || w == "he" || w == "she" || w == "they":
			return h
		case toks[h].aux && !roleCopula[w] || w == "then":
			continue
		case !toks[h].fn && !toks[h].stop && len(roleGraded()[w]) == 0:
			return h
		}
		return -1
	}
	return -1
}

// subjectHead returns the term of the last noun of a verb's subject,
// tokens [cs, start): "penny" of "if the penny".
func subjectHead(a *analysis, cs, start int) string {
	for h := start - 1; h >= cs; h-- {
		if t := &a.toks[h]; !t.fn && !t.stop && len(roleGraded()[t.word]) == 0 {
			return t.term
		}
	}
	return ""
}

// bareParty reports whether clause [cs, ce) is its whole sentence and a
// noun phrase ("The one with a scratch.", "Whichever one got scratched.",
// "Which had less scratches."): an answer naming the party a question asks
// for.
func bareParty(a *analysis, cs, ce int) bool {
	toks := a.toks
	if cs > 0 && toks[cs-1].sent == toks[cs].sent || ce < len(toks) && toks[ce].sent == toks[cs].sent {
		return false
	}
	switch toks[cs].word {
	case "the", "whichever", "whatever", "which":
		return true
	}
	return false
}

// askedGraded reads the graded word a question asks for a party by
// ("which one is harder?", "which is the hardest"): its ends, or nil.
func askedGraded(question string) []gradedSide {
	toks := tokenize(question)
	for i := range toks {
		if toks[i].word != "which" {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+5 && toks[j].sent == toks[i].sent; j++ {
			if !roleCopula[toks[j].word] {
				continue
			}
			k := j + 1
			for k < len(toks) && (toks[k].word == "the" || toks[k].word == "most") {
				k++
			}
			if k < len(toks) && toks[k].sent == toks[i].sent {
				return roleGraded()[toks[k].word]
			}
			break
		}
	}
	return nil
}

// roleNounToo are graded words that are mostly nouns in their plain form
// ("the light", "a cold").
var roleNounToo = setOf(`light cold`)

// roleAdjective reports whether token i of clause [cs, ce) is a graded
// word said of a party: a comparative or superlative ("harder", "the
// softest"), one after a degree word or a copula ("less hard", "is not
// hard"), or a plain one before a noun ("a hard mineral", "the soft one");
// not one before "to" ("hard to tell").
func roleAdjective(a *analysis, i, cs, ce int) bool {
	toks := a.toks
	if len(roleGraded()[toks[i].word]) == 0 || i+1 < len(toks) && toks[i+1].word == "to" {
		return false
	}
	w := a.text[toks[i].start:toks[i].end]
	if len(w) > 4 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "est")) {
		return true
	}
	p := i - 1
	for p >= cs && (toks[p].word == "the" || toks[p].word == "very" || toks[p].word == "so" || toks[p].neg == negStrong) {
		p--
	}
	if p >= cs && (roleDegree[toks[p].word] || roleCopula[toks[p].word] || toks[p].word == "most") {
		return true
	}
	return !roleNounToo[toks[i].word] && i+1 < ce && !toks[i+1].fn && !toks[i+1].stop
}

// refRoles finds the role claims of a reference (analysed as ra) whose
// terms are in bag: a clause whose statements about a role verb agree on
// the agent's end of a scale.
func (m *cardMatcher) refRoles(ra *analysis, bag *refBag, question string) []roleClaim {
	if !roleClaims {
		return nil
	}
	sts := roleStatements(ra, nil)
	if len(sts) == 0 {
		return nil
	}
	type sides struct{ agent, patient, odd bool }
	var out []roleClaim
	var seen []sides
	for _, s := range sts {
		k := slices.IndexFunc(out, func(c roleClaim) bool { return c.verb == s.verb })
		if k < 0 {
			out, seen = append(out, roleClaim{verb: s.verb}), append(seen, sides{})
			k = len(out) - 1
		}
		if s.asked {
			continue
		}
		if s.agent {
			seen[k].agent = true
		} else {
			seen[k].patient = true
		}
		if s.other {
			continue
		}
		agentLow := s.low != !s.agent
		switch {
		case len(out[k].scale) == 0:
			out[k].low = agentLow
		case out[k].low != agentLow:
			seen[k].odd = true // statements at odds: no claim
		}
		if !slices.Contains(out[k].scale, s.scale) {
			out[k].scale = append(out[k].scale, s.scale)
		}
	}
	// A claim needs both parties: "the harder coin will scratch the other",
	// not "darker colors absorb heat".
	for k := len(out) - 1; k >= 0; k-- {
		if sd := seen[k]; sd.odd || !sd.agent || !sd.patient || len(out[k].scale) == 0 {
			out = slices.Delete(out, k, k+1)
		}
	}
	asked := askedGraded(question)
	for k := range out {
		for _, g := range asked {
			if slices.Contains(out[k].scale, g.scale) {
				out[k].ask, out[k].askLow = true, g.lower
			}
		}
		// The content words of the clauses holding the verb.
		for v := range ra.toks {
			if ra.toks[v].term != out[k].verb || !roleVerbs[ra.toks[v].word] {
				continue
			}
			for i := range ra.toks {
				t := &ra.toks[i]
				if t.clause != ra.toks[v].clause {
					continue
				}
				id, ok := m.ids[t.term]
				if !ok {
					continue
				}
				for j := range bag.terms {
					if bag.terms[j].id == id && !slices.Contains(out[k].terms, j) {
						out[k].terms = append(out[k].terms, j)
					}
				}
			}
		}
	}
	return slices.DeleteFunc(out, func(c roleClaim) bool { return len(c.terms) == 0 })
}

// roleStatus reads how the answer says each role claim of a reference bag,
// into st (by term index; termNone where no claim decides): the terms of a
// claim the answer agrees with somewhere are termAgree, those of one it
// only contradicts relationContra.
func (a *analysis) roleStatus(bag *refBag) []termSaid {
	if len(bag.roles) == 0 {
		return nil
	}
	sts := roleStatements(a, nil)
	if len(sts) == 0 {
		return nil
	}
	var st []termSaid
	for _, c := range bag.roles {
		agree, contra := false, false
		for _, s := range sts {
			if s.asked && c.ask && s.verb == c.verb {
				s.low, s.scale = c.askLow, c.scale[0] // the party the question asks for
			}
			if s.other || s.verb != c.verb || !slices.Contains(c.scale, s.scale) {
				continue
			}
			if s.low != !s.agent == c.low {
				agree = true
			} else {
				contra = true
			}
		}
		if !agree && !contra {
			continue
		}
		if st == nil {
			st = make([]termSaid, len(bag.terms))
		}
		for _, k := range c.terms {
			if agree {
				st[k] = termAgree
			} else {
				st[k] = relationContra
			}
		}
	}
	return st
}
