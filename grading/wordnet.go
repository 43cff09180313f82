package grading

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// WordNet relations (wordnet.txt, embedded): other words that may say a
// reference's word on the derived path (refcover.go), for partial credit.
//
// The file is derived from WordNet 3.0 by TestGenerateWordNet and keeps
// only primary senses (its header says how), so that a word is related to
// what it usually means and not to a rare sense ("lighter" is no
// brighter). It is parsed on first use; each lemma becomes its matching
// term (stemmed, thesaurus applied), and a relation between two lemmas a
// relation between their terms.
//
// Only on the derived path (cards without curated key points), a reference
// word the answer does not say (or says only as a shared prefix) is said,
// at reduced credit (wnCredit, a share of the word's weight), by a related
// word of a kind that earns credit: "bigger" says "size", "tiny" says
// "small". Never for a word that only repeats the question, nor by a word
// of the question or of the reference itself, nor by an opposite of a word
// of the reference (an antonym in the file or in the thesaurus: "little"
// says nothing of "size" in a reference that says "big"), nor by a word
// within typing errors of it (the typo matching gives that one full
// credit). A related word said with the other polarity counts for nothing.

//go:embed wordnet.txt
var wordNetText string

// wnKindNames are the relation kinds of wordnet.txt, one letter each, in
// the order the file lists them. Each line relates its first lemma (a
// reference's word) to the others (words an answer may say it with).
const wnKindNames = "smcdhotpvea"

// The kinds (see the file's header).
const (
	wnSyn     = 's' // a synonym in the lemma's primary sense
	wnSimilar = 'm' // an adjective similar to it (small, tiny; big, colossal)
	wnCluster = 'c' // another satellite of its head adjective
	wnDeriv   = 'd' // a derivationally related form
	wnHyper   = 'h' // a noun's hypernym, one level
	wnHypo    = 'o' // a noun's hyponym, one level
	wnAttr    = 't' // attribute: a property noun and the adjectives that are its values
	wnPert    = 'p' // pertainym
	wnAlso    = 'v' // also-see and verb group
	wnEntail  = 'e' // entailment and cause
	wnAnt     = 'a' // antonym
)

// wnCredit is the credit of an answer word related to a reference word, as
// a share of the reference word's weight, by relation kind; 0 gives none,
// and an antonym never gives credit. The partial credit of a word sharing a
// long prefix (partialCredit), for a word that says about as much.
//
// Measured kind by kind on the SemEval-2013 training answers
// (TestWordNetTune, each kind alone at 0.5, primary senses), as
// SciEntsBank answers moved toward their label / against it: a value for
// its property ("bigger" for "size") 12/6 (pooled AUC +0.0010; the property
// for a value, "size" for "bigger", added 0/2 more and was left out),
// similar size and degree adjectives 6/4 (+0.0003), the two 18/10
// (+0.0013). Left out: synonyms
// 5/16 ("supply" for "provide", "stuff" for "material": the thesaurus holds
// the synonyms that help), hypernyms 8/11, hyponyms 6/3 over all nouns but
// mostly abstract ones ("sample" for "example", which lowered the labeled
// set's derived r) and 2/2 over nouns of physical things, similar
// adjectives outside size and degree (each, all; normal, mean), other
// satellites of the same head 4/3 (nothing over the two kept), antonyms as
// evidence against 4/3, and derivational forms, pertainyms, also-see, verb
// groups and entailments 0/0 (the stemmer and the typo matching already
// join those words).
var wnCredit = map[byte]float64{wnAttr: 0.5, wnSimilar: 0.5}

// wnLink is one related term.
type wnLink struct {
	term string
	kind byte
}

// wordNetData is the parsed file: the related terms of each term.
type wordNetData struct {
	links map[string][]wnLink
}

// wordNet parses wordnet.txt once; the embedded file is checked by the
// tests, so a parse error is a build defect.
var wordNet = sync.OnceValue(func() *wordNetData {
	wn, err := parseWordNet(wordNetText)
	if err != nil {
		panic("grading: " + err.Error())
	}
	return wn
})

// parseWordNet reads the relations file; an error names wordnet.txt, the
// line and the cause.
func parseWordNet(text string) (*wordNetData, error) {
	wn := &wordNetData{links: map[string][]wnLink{}}
	terms := map[string]string{} // lemma -> term, "" for a lemma the grader cannot use
	termOf := func(lemma string) string {
		t, ok := terms[lemma]
		if !ok {
			t = wnTerm(lemma)
			terms[lemma] = t
		}
		return t
	}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f[0]) != 1 || !strings.Contains(wnKindNames, f[0]) {
			return nil, fmt.Errorf("wordnet.txt:%d: unknown relation kind %q (want one of %s)", n+1, f[0], wnKindNames)
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("wordnet.txt:%d: relation %q needs a lemma and at least one related lemma", n+1, f[0])
		}
		for _, w := range f[1:] {
			if !wnWord(w) {
				return nil, fmt.Errorf("wordnet.txt:%d: %q is not a lower-case word of three letters or more", n+1, w)
			}
		}
		a := termOf(f[1])
		if a == "" {
			continue
		}
		for _, w := range f[2:] {
			if b := termOf(w); b != "" && b != a {
				wn.links[a] = append(wn.links[a], wnLink{term: b, kind: f[0][0]})
			}
		}
	}
	return wn, nil
}

// wnWord reports whether a lemma is one lower-case word of letters, three
// or more: the lemmas the grader's word-by-word matching can use.
func wnWord(lemma string) bool {
	if len(lemma) < 3 {
		return false
	}
	for i := 0; i < len(lemma); i++ {
		if lemma[i] < 'a' || lemma[i] > 'z' {
			return false
		}
	}
	return true
}

// wnTerm returns the matching term of a lemma, or "" for one the grader
// cannot use (a function word, a negation, a number).
func wnTerm(lemma string) string {
	info := infoFor(lemma)
	if info.stop || info.fn || info.number || info.neg != negNone || len(info.term) < 2 {
		return ""
	}
	return info.term
}

// wordNetLinks returns the related terms of a matching term.
func wordNetLinks(term string) []wnLink {
	return wordNet().links[term]
}

// wnRef is an answer term that may say a reference word, with its credit.
type wnRef struct {
	id     int32
	kind   byte
	credit float64
}

// addWordNet gives a reference word the card ids of its related terms that
// earn credit, less the words of the question (an answer that repeats the
// question's "magnet" says nothing of the reference's "attract"). A word
// that only repeats the question gets none.
func (m *cardMatcher) addWordNet(rt *refTerm, term string, question map[string]bool) {
	if rt.echo || m.blending {
		return
	}
	for _, l := range wordNetLinks(term) {
		c := wnCredit[l.kind]
		if c <= 0 || question[l.term] {
			continue
		}
		if k := maxEdits(min(len(term), len(l.term))); k > 0 && editDistance(term, l.term, k) <= k {
			continue // "further" for "farther": a typo of it, which earns full credit
		}
		id := m.internTerm(l.term)
		if id == rt.id {
			continue
		}
		if k := slices.IndexFunc(rt.wn, func(r wnRef) bool { return r.id == id }); k >= 0 {
			if c > rt.wn[k].credit {
				rt.wn[k].credit, rt.wn[k].kind = c, l.kind
			}
			continue
		}
		rt.wn = append(rt.wn, wnRef{id: id, kind: l.kind, credit: c})
	}
}

// pruneWordNet drops, from each word of a reference, the related terms the
// reference says itself (such a word earns its own credit, not twice) and
// those that are opposites of any word of it.
func (m *cardMatcher) pruneWordNet(bag *refBag) {
	var drop map[int32]bool
	for _, rt := range bag.terms {
		if drop == nil {
			drop = map[int32]bool{}
		}
		drop[rt.id] = true
		for _, id := range rt.alts {
			drop[id] = true
		}
		for _, id := range rt.anti {
			drop[id] = true
		}
		for _, l := range wordNetLinks(m.terms[rt.id]) {
			if l.kind == wnAnt {
				if id, ok := m.ids[l.term]; ok {
					drop[id] = true
				}
			}
		}
	}
	for k := range bag.terms {
		rt := &bag.terms[k]
		if rt.wn == nil {
			continue
		}
		rt.wn = slices.DeleteFunc(rt.wn, func(r wnRef) bool { return drop[r.id] })
		if len(rt.wn) == 0 {
			rt.wn = nil
		}
	}
}

// wordNetCredit returns the best credit of a related word the answer says
// with the reference word's polarity.
func (a *analysis) wordNetCredit(rt *refTerm) float64 {
	credit := 0.0
	for _, r := range rt.wn {
		if r.credit <= credit {
			continue
		}
		for _, o := range a.occ[r.id] {
			if a.saidNegated(int(o.first)) == rt.negated || rt.either {
				credit = r.credit
				break
			}
		}
	}
	return credit
}
