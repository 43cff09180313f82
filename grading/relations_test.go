package grading

import "testing"

const (
	pitchQ   = "Darla tightened a guitar string. How did the pitch change?"
	pitchRef = "When the string was tighter, the pitch was higher."
)

// A relation said from its other end agrees: "looser ... lower" for
// "tighter ... higher" scores as the reference's own wording does, not as
// two contradictions.
func TestRelationBothFlippedAgrees(t *testing.T) {
	c := derivedCard(pitchQ, pitchRef)
	same := Grade(c, "When the string is tighter, the pitch is higher.").Score
	flipped := Grade(c, "When the string is looser, the pitch is lower.").Score
	if flipped < same-5 || flipped < 80 {
		t.Errorf("relation from the other end scores %d, the reference's way %d; want as high", flipped, same)
	}
}

// A relation with one side turned round contradicts it: both its words
// count against the answer.
func TestRelationOneFlippedContradicts(t *testing.T) {
	c := derivedCard(pitchQ, pitchRef)
	for _, ans := range []string{"When the string is tighter, the pitch is lower.", "When the string is looser, the pitch is higher."} {
		if got := Grade(c, ans).Score; got > 10 {
			t.Errorf("%q scores %d; want at most 10", ans, got)
		}
	}
	bag := &matcherFor(c).refs[0]
	a := analyzeForTest("When the string is tighter, the pitch is lower.")
	st := a.relationStatus(bag, nil)
	for k := range bag.terms {
		if st[k] == termAgree {
			t.Errorf("term %d agrees in a contradicted relation", k)
		}
	}
}

// A relation between two words of one scale ("the more blocks ..., the
// less distance") is contradicted by an answer that says both at one end.
func TestRelationOneScale(t *testing.T) {
	c := derivedCard("What is the relationship between the number of blocks and the distance the truck travels?",
		"The more blocks the truck carries, the less distance the truck travels in 10 seconds.")
	agree := Grade(c, "The fewer blocks, the more distance it travels.").Score
	for _, ans := range []string{"The more blocks, the more distance it travels.", "The less blocks the less distance."} {
		if got := Grade(c, ans).Score; got > 10 || agree < 50 {
			t.Errorf("%q scores %d, the relation from the other end %d; want at most 10", ans, got, agree)
		}
	}
}

// "More" or "less" before a graded word is its degree: "less quickly" is
// "more slowly", and "much" before one only intensifies it.
func TestRelationDegreeWords(t *testing.T) {
	c := derivedCard("How does the temperature of the water change how fast sugar dissolves?",
		"When the water is hotter, the sugar dissolves faster.")
	slowly := Grade(c, "When the water is colder, the sugar dissolves more slowly.").Score
	lessQuickly := Grade(c, "When the water is colder, the sugar dissolves less quickly.").Score
	if lessQuickly < slowly-5 || slowly < 80 {
		t.Errorf(`"less quickly" scores %d, "more slowly" %d; want both high`, lessQuickly, slowly)
	}
	for text, want := range map[string]int{
		"it flows much faster":                    1,
		"it does not matter how much you give it": 0,
		"less than 3 scoops":                      0,
	} {
		if got := len(gradedIn(analyzeForTest(text), nil)); got != want {
			t.Errorf("%q: %d graded words, want %d", text, got, want)
		}
	}
}

// A graded word in a comparison's baseline ("than when ...") is the other
// end: "higher than when it was not tight" says tighter and higher.
func TestRelationBaseline(t *testing.T) {
	c := derivedCard(pitchQ, pitchRef)
	if got := Grade(c, "The pitch was higher than when the string was not tight.").Score; got < 80 {
		t.Errorf("baseline answer scores %d; want at least 80", got)
	}
}

// Only two comparatives close together in a sentence of the reference make
// a relation: two words of one scale said of two subjects ("small enough
// ..., but ... too large", "the harder mineral ... the less hard mineral")
// do not, unless correlative ("the more ..., the less ...", "the most gas
// ... the most sugar") or two changes ("as time increases, the rings
// increase"); nor a comparative beside a plain adjective ("easier to scale
// to large models"), nor a bound ("at least one"), nor two comparatives far
// apart, nor a sentence with three.
func TestRefRelations(t *testing.T) {
	for ref, want := range map[string]int{
		pitchRef: 1,
		"The dissolved salt particles are small enough to go through the holes in the filter paper, but the sand particles are too large.": 0,
		"The salt particles are smaller and the sand particles are larger.":                                                                0,
		"The more blocks the truck carries, the less distance the truck travels.":                                                          1,
		"Diffusion models are easier to scale to large models and datasets.":                                                               0,
		"The string was tighter because she turned the peg on the top of the guitar twice and then plucked it, and the pitch was higher.":  0,
		"Topaz is the hardest because at least one tool could scratch each of the others.":                                                 0,
		"The harder mineral will leave a scratch on the less hard mineral.":                                                                0,
		"As time increases, the number of tree rings also increases.":                                                                      1,
		"The bag with the most gas contains the food with the most sugar.":                                                                 1,
		"A bigger hole makes the water flow faster and moves more earth.":                                                                  0,
	} {
		c := derivedCard("q", ref)
		if got := len(matcherFor(c).refs[0].rels); got != want {
			t.Errorf("%q: %d relations, want %d", ref, got, want)
		}
	}
}

// Two graded words joined by "or" are options, not a relation.
func TestRelationAlternatives(t *testing.T) {
	c := derivedCard(pitchQ, pitchRef)
	bag := &matcherFor(c).refs[0]
	st := analyzeForTest("The string could be tighter or the pitch lower.").relationStatus(bag, nil)
	for k := range bag.terms {
		if st[k] != termNone {
			t.Errorf("term %d decided by two options", k)
		}
	}
}

// Two graded words of an answer far apart in a long sentence say two
// things: no relation is read from them.
func TestRelationGap(t *testing.T) {
	c := derivedCard(pitchQ, pitchRef)
	bag := &matcherFor(c).refs[0]
	st := analyzeForTest("The string was tighter because she turned the peg on the top of the guitar twice and then plucked it, and the pitch was lower.").relationStatus(bag, nil)
	for k := range bag.terms {
		if st[k] != termNone {
			t.Errorf("term %d decided by two words far apart", k)
		}
	}
}
