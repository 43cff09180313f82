package grading

// lexClass marks the word lists that the negation, denial, report,
// dismissal, removal and matching rules ask about per token in their inner
// loops, so that a token answers
// them with a bit test filled once when its word is normalised (infoRaw)
// rather than a map look-up per question. It is a function of the
// normalised word only: lexOf(t.word) == t.lex for every token.
type lexClass uint64

const (
	lexAdverbNeg       lexClass = 1 << iota // adverbNegations
	lexSubjectQuant                         // subjectQuantifiers
	lexContracted                           // contracted
	lexDismiss                              // dismissWords
	lexParticle                             // particles
	lexCommon                               // commonWords
	lexAbbrev                               // abbreviations
	lexDenial                               // denials
	lexPronounSubj                          // pronounSubjects
	lexBackRef                              // backRefs
	lexBeliefAdj                            // beliefAdjectives
	lexBeliefNoun                           // beliefNouns
	lexClaimNoun                            // claimNouns
	lexWrongly                              // wronglyWords
	lexFalse                                // falseWords
	lexBeliefFalsity                        // beliefFalsity
	lexIngReport                            // ingReports
	lexReportVerb                           // reportVerbs
	lexGenericSubj                          // genericSubjects
	lexHedge                                // hedges
	lexArticle                              // articles
	lexAnaphor                              // anaphors
	lexClause                               // clauseWords
	lexLittleVerb                           // littleVerbs
	lexEmptySubj                            // emptySubjects
	lexCopula                               // copulas
	lexScopeStop                            // scopeStops
	lexSubjectStart                         // subjectStarts
	lexEmptyHead                            // emptyHeads
	lexUnsureVerb                           // unsureVerbs
	lexVariationVerb                        // variationVerbs
	lexSpeaker                              // speakerWords
	lexDiscourse                            // discourseWords
	lexContrastStop                         // contrastStops
	lexReportAdverb                         // reportAdverbs
	lexTrailer                              // trailers
	lexReason                               // reasonWords
	lexAside                                // asideWords
	lexDegree                               // degreeWords
	lexRemovalVerb                          // removalVerbs
	lexNeedNoun                             // needNouns
	lexRemovalCompound                      // removalCompounds
	lexAbsent                               // absentWords
	lexSayer                                // sayers
	lexOver                                 // overWords
	lexClaimFalse                           // claimFalseWords
	lexDismissNoun                          // dismissNouns
	lexSubjectFiller                        // subjectFillers
	lexProblemNoun                          // problemNouns
)

// lexOf returns the lexClass bits of a normalised word.
func lexOf(w string) lexClass {
	var c lexClass
	for _, x := range []struct {
		set map[string]bool
		c   lexClass
	}{{adverbNegations, lexAdverbNeg}, {subjectQuantifiers, lexSubjectQuant}, {contracted, lexContracted},
		{dismissWords, lexDismiss}, {particles, lexParticle}, {commonWords, lexCommon}, {denials, lexDenial},
		{pronounSubjects, lexPronounSubj}, {backRefs, lexBackRef}, {beliefAdjectives, lexBeliefAdj},
		{beliefNouns, lexBeliefNoun}, {claimNouns, lexClaimNoun}, {wronglyWords, lexWrongly}, {falseWords, lexFalse},
		{beliefFalsity, lexBeliefFalsity}, {ingReports, lexIngReport}, {reportVerbs, lexReportVerb},
		{genericSubjects, lexGenericSubj}, {hedges, lexHedge}, {articles, lexArticle},
		{anaphors, lexAnaphor}, {clauseWords, lexClause}, {littleVerbs, lexLittleVerb}, {emptySubjects, lexEmptySubj},
		{copulas, lexCopula}, {scopeStops, lexScopeStop}, {subjectStarts, lexSubjectStart}, {emptyHeads, lexEmptyHead},
		{unsureVerbs, lexUnsureVerb}, {variationVerbs, lexVariationVerb}, {speakerWords, lexSpeaker}, {discourseWords, lexDiscourse}, {contrastStops, lexContrastStop}, {reportAdverbs, lexReportAdverb}, {trailers, lexTrailer}, {reasonWords, lexReason}, {asideWords, lexAside}, {degreeWords, lexDegree}, {removalVerbs, lexRemovalVerb}, {needNouns, lexNeedNoun}, {removalCompounds, lexRemovalCompound}, {absentWords, lexAbsent}, {sayers, lexSayer}, {overWords, lexOver}, {claimFalseWords, lexClaimFalse}, {dismissNouns, lexDismissNoun}, {subjectFillers, lexSubjectFiller}, {problemNouns, lexProblemNoun}} {
		if x.set[w] {
			c |= x.c
		}
	}
	if _, ok := abbreviations[w]; ok {
		c |= lexAbbrev
	}
	return c
}

// lexAt returns the lexClass bits of token i, or none outside the tokens
// read (as at returns "").
func (s *sentWords) lexAt(i int) lexClass {
	if i < s.s0 || i >= s.s1 {
		return 0
	}
	return s.toks[i].lex
}
