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
