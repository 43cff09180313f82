package grading

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

// The shared domain thesaurus (thesaurus.txt, embedded): synonym groups and
// antonym pairs used for every deck.
//
// A one-word synonym is folded into its group's first one-word member when
// words are normalised, so "aggregate", "accumulate" and "aggregation" are
// one matching term everywhere. A synonym of several words ("adjacent
// node") is an alternative of the group's members inside a phrasing, the way
// an abbreviation's expansion is. Antonyms give the contradiction checks
// their opposites (see claims.go).

//go:embed thesaurus.txt
var thesaurusText string

// thesaurusData is the parsed thesaurus, in matching terms (stemmed).
type thesaurusData struct {
	canon    map[string]string     // term of a one-word member -> the group's canonical term
	phrases  map[string][][]string // canonical term or group key -> multi-word members as terms
	byFirst  map[string][]synPhrase
	antonyms map[string][][]string // canonical term -> opposites, each a term sequence
}

// synPhrase is a multi-word synonym: its terms and its group's key.
type synPhrase struct {
	terms []string
	key   string
}

// thesaurus parses thesaurus.txt once.
var thesaurus = sync.OnceValue(func() *thesaurusData {
	return parseThesaurus(thesaurusText)
})

// rawTerms returns the matching terms of a phrase, function words left out,
// without applying the thesaurus (which is being built).
func rawTerms(s string) []string {
	var out []string
	for _, f := range strings.Fields(strings.NewReplacer("-", " ", "_", " ").Replace(s)) {
		for _, w := range splitFolded(foldText(f)) {
			info := infoRaw(w)
			if info.stop {
				continue
			}
			out = append(out, info.term)
		}
	}
	return out
}

// thesaurusLines yields each line of the thesaurus that holds an entry,
// trimmed, with the name of its section ("synonyms" for a line under
// "[synonyms]"): blank lines, comments and section headers are skipped.
func thesaurusLines(text string) iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		section := ""
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || strings.HasPrefix(line, "#"):
			case strings.HasPrefix(line, "["):
				section = strings.Trim(line, "[]")
			case !yield(section, line):
				return
			}
		}
	}
}

func parseThesaurus(text string) *thesaurusData {
	th := &thesaurusData{
		canon:    map[string]string{},
		phrases:  map[string][][]string{},
		byFirst:  map[string][]synPhrase{},
		antonyms: map[string][][]string{},
	}
	group := 0
	keys := map[string]bool{} // the groups' keys
	canonical := false
	for section, line := range thesaurusLines(text) {
		switch section {
		case "synonyms":
			group++
			var singles []string
			var multi [][]string
			for _, m := range strings.Split(line, ",") {
				terms := rawTerms(m)
				if len(terms) == 1 && len(strings.Fields(strings.ReplaceAll(m, "-", " "))) > 1 {
					continue // "train again" is not "train"
				}
				switch len(terms) {
				case 0:
				case 1:
					singles = append(singles, terms[0])
				default:
					multi = append(multi, terms)
				}
			}
			key := "#g" + itoa(group)
			if len(singles) > 0 {
				// A first member that an earlier group already holds
				// joins that group ("quick, fast, rapid" after "faster,
				// quicker"), so no chain or cycle of keys forms.
				// A later member that is already a member or the key of
				// another group stays there ("costly" is "cost", which
				// "cost, price" holds, so "expensive, costly" leaves it).
				key = th.canonOf(singles[0])
				keys[key] = true
				for _, s := range singles[1:] {
					if _, taken := th.canon[s]; !taken && !keys[s] {
						th.canon[s] = key
					}
				}
			}
			for _, seq := range multi {
				th.phrases[key] = append(th.phrases[key], seq)
				th.byFirst[seq[0]] = append(th.byFirst[seq[0]], synPhrase{terms: seq, key: key})
			}
		case "antonyms":
			if !canonical {
				th.canonicalizePhrases()
				canonical = true
			}
			left, right, ok := strings.Cut(line, "<>")
			if !ok {
				continue
			}
			ls, rs := th.antonymSide(left), th.antonymSide(right)
			for _, l := range ls {
				if len(l) == 1 {
					th.antonyms[l[0]] = appendSeqs(th.antonyms[l[0]], rs)
				}
			}
			for _, r := range rs {
				if len(r) == 1 {
					th.antonyms[r[0]] = appendSeqs(th.antonyms[r[0]], ls)
				}
			}
		}
	}
	if !canonical {
		th.canonicalizePhrases()
	}
	return th
}

// canonicalizePhrases folds the one-word synonyms inside multi-word ones,
// once every group is read: "robot demonstrations" is matched as the
// answer's words are, "demonstration" being a synonym of "trajectory".
func (th *thesaurusData) canonicalizePhrases() {
	for key, seqs := range th.phrases {
		for _, seq := range seqs {
			for i, t := range seq {
				seq[i] = th.canonOf(t)
			}
		}
		th.phrases[key] = seqs
	}
	byFirst := map[string][]synPhrase{}
	for _, sps := range th.byFirst {
		for _, sp := range sps {
			byFirst[sp.terms[0]] = append(byFirst[sp.terms[0]], sp)
		}
	}
	th.byFirst = byFirst
}

// antonymSide returns the members of one side of an antonym pair as
// canonical term sequences.
func (th *thesaurusData) antonymSide(s string) [][]string {
	var out [][]string
	for _, m := range strings.Split(s, "|") {
		terms := rawTerms(m)
		for i, t := range terms {
			terms[i] = th.canonOf(t)
		}
		if len(terms) > 0 {
			out = append(out, terms)
		}
	}
	return out
}

func (th *thesaurusData) canonOf(term string) string {
	for range 4 { // "repr" → "represent" → "embed"
		c, ok := th.canon[term]
		if !ok {
			break
		}
		term = c
	}
	return term
}

func appendSeqs(dst, src [][]string) [][]string {
	for _, s := range src {
		dup := false
		for _, d := range dst {
			if strings.Join(d, " ") == strings.Join(s, " ") {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// canonTerm returns the thesaurus's canonical form of a matching term.
func canonTerm(term string) string {
	return thesaurus().canonOf(term)
}

// antonymsOf returns the opposites of a matching term, as term sequences.
func antonymsOf(term string) [][]string {
	return thesaurus().antonyms[term]
}
