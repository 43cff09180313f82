package grading

import "testing"

// TestBritishSpellingTerms checks that British -ise, -ised, -ising, -iser
// and -yse forms get the matching term of their US spelling.
func TestBritishSpellingTerms(t *testing.T) {
	for _, pair := range [][2]string{
		{"normalising", "normalizing"}, {"normalised", "normalized"}, {"normalise", "normalize"},
		{"normaliser", "normalizer"}, {"randomising", "randomizing"}, {"discretising", "discretizing"},
		{"analysing", "analyzing"}, {"analysed", "analyzed"}, {"neighbour", "neighbor"},
	} {
		if gb, us := infoFor(pair[0]).term, infoFor(pair[1]).term; gb != us {
			t.Errorf("term of %q = %q, of %q = %q: want the same", pair[0], gb, pair[1], us)
		}
	}
	for _, w := range []string{"exercising", "precise", "noising", "otherwise"} {
		if got := britishToUS(w); got != w {
			t.Errorf("britishToUS(%q) = %q, want it unchanged", w, got)
		}
	}
}

// A linking word after a bare "no" starts a new clause, so the "no" negates
// nothing after it; after "not" it keeps the clause ("not because of X").
func TestBareNoClause(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		same       bool
	}{
		{"no because the circuit is open", "circuit", false},
		{"i chose no since the circuit is open", "circuit", false},
		{"it is not because of depth", "depth", true},
	} {
		toks := tokenize(tc.text)
		var neg, w *token
		for i := range toks {
			if toks[i].neg == negStrong && neg == nil {
				neg = &toks[i]
			}
			if toks[i].word == tc.word {
				w = &toks[i]
			}
		}
		if neg == nil || w == nil {
			t.Fatalf("%q: no negation or no %q", tc.text, tc.word)
		}
		if got := neg.clause == w.clause; got != tc.same {
			t.Errorf("%q: %s in the negation's clause = %v, want %v", tc.text, tc.word, got, tc.same)
		}
	}
}

// A group whose first member an earlier group holds joins that group, and
// a member that is another group's key stays with it: no chain or cycle of
// keys forms.
func TestThesaurusGroupsMerge(t *testing.T) {
	th := parseThesaurus("[synonyms]\nfaster, quicker\nquick, fast, rapid\ncost, price\nexpensive, costly\n")
	for _, tc := range []struct{ term, want string }{
		{"quick", "fast"}, {"rapid", "fast"}, {"fast", "fast"},
		{"cost", "cost"}, {"price", "cost"}, {"expens", "expens"},
	} {
		if got := th.canonOf(tc.term); got != tc.want {
			t.Errorf("%s: canonical %q, want %q", tc.term, got, tc.want)
		}
	}
	for k, v := range th.canon {
		if _, ok := th.canon[v]; ok {
			t.Errorf("chain %s -> %s -> %s", k, v, th.canon[v])
		}
	}
}

// "No longer" negates like "not", and its "longer" is no comparative of
// "long".
func TestNoLonger(t *testing.T) {
	a := analyzeForTest("B and C are no longer in a closed path with the battery")
	for i, tk := range a.toks {
		switch tk.word {
		case "long":
			t.Errorf("'no longer' read as the comparative of long (token %d)", i)
		case "closed", "path":
			if !a.saidNegated(i) {
				t.Errorf("%q after 'no longer in a' read as asserted", tk.word)
			}
		}
	}
	c := derivedCard("Why did bulbs B and C go out?", "B and C are no longer in a closed path with the battery.")
	right := Grade(c, "There is no closed path with the battery for B and C.").Score
	wrong := Grade(c, "B and C are in a closed path with the battery.").Score
	if right <= wrong {
		t.Errorf("'no closed path' scores %d, 'in a closed path' %d; want higher", right, wrong)
	}
}
