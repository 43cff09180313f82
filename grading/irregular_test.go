package grading

import "testing"

// Irregular plurals and a few more irregular verb forms are matched as the
// singular and the verb.
func TestIrregularPluralsAndVerbs(t *testing.T) {
	for _, c := range [][2]string{
		{"children", "child"}, {"feet", "foot"}, {"teeth", "tooth"}, {"matrices", "matrix"}, {"indices", "index"},
		{"halves", "half"}, {"nuclei", "nucleus"}, {"criteria", "criterion"}, {"mice", "mouse"},
		{"drank", "drink"}, {"arose", "arise"}, {"withdrawn", "withdraw"},
	} {
		a, b := tokenize(c[0]), tokenize(c[1])
		if len(a) != 1 || len(b) != 1 || a[0].term != b[0].term {
			t.Errorf("%q and %q are not one term", c[0], c[1])
		}
	}
	c := derivedCard("Why can a sloth hang from a branch?", "Its feet have long claws.")
	if s, b := Grade(c, "Its foot has long claws."), Grade(c, "It has long claws."); s.Score <= b.Score {
		t.Errorf("'foot' for 'feet': %d, not above %d", s.Score, b.Score)
	}
}
