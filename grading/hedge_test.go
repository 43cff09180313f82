package grading

import "testing"

func TestHedged(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"It would either make the pitch higher or lower.", "higher", true},
		{"It would either make the pitch higher or lower.", "lower", true},
		{"The magnet will stick or not.", "stick", true},
		{"I know it is hard or not hard.", "hard", true},
		{"It may or may not dissolve.", "dissolve", true},
		{"Put the key on the magnet and see if it sticks or not.", "sticks", false},
		{"Whether it is steep or not.", "steep", false},
		{"It has little or no vitamin C.", "little", false},
		{"The pitch would get higher.", "higher", false},
		{"If it is iron it sticks, if it is aluminum it does not stick.", "sticks", false},
	} {
		a := analyzeForTest(tc.text)
		i := -1
		for k, tk := range a.toks {
			if tk.word == infoFor(tc.word).word {
				i = k
				break
			}
		}
		if i < 0 {
			t.Fatalf("%q: no %q", tc.text, tc.word)
		}
		if got := a.hedged(i); got != tc.want {
			t.Errorf("hedged(%q in %q) = %v, want %v", tc.word, tc.text, got, tc.want)
		}
	}
}

// A word offered together with its opposite is not said: "higher or lower"
// scores no more than an answer silent on the direction. A reference that
// offers both itself accepts the pair.
func TestDerivedHedgedAlternatives(t *testing.T) {
	c := derivedCard("How was the sound different when the string was tightened?",
		"When the string was tighter, the pitch was higher.")
	hedge := Grade(c, "It would make the pitch higher or lower.").Score
	silent := Grade(c, "It would change the pitch.").Score
	if hedge > silent {
		t.Errorf("'higher or lower' scores %d, above an answer silent on the direction (%d)", hedge, silent)
	}
	if sure := Grade(c, "It would make the pitch higher.").Score; sure <= hedge {
		t.Errorf("'higher' scores %d, not above 'higher or lower' (%d)", sure, hedge)
	}
	both := derivedCard("What is the factor on the node's own feature?",
		"A factor eps, learned or fixed, weighs the node's own feature.")
	if got := Grade(both, "The own feature is weighed by eps, learned or fixed.").Score; got < 80 {
		t.Errorf("a pair the reference offers itself scores %d, want ≥ 80", got)
	}
}
