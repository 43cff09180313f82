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
		got := 0
		for _, r := range matcherFor(c).refs[0].rels {
			if !r.cmp { // comparisons of two subjects: TestParallelComparison
				got++
			}
		}
		if got != want {
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

const (
	heatQ   = "Will a black box heat up faster than a white box in the sun?"
	heatRef = "Black absorbs more heat than white."
)

// A comparison of two subjects said the other way round ("white absorbs
// less heat than black") is the reference's claim; its graded word said of
// the other subject ("white absorbs more heat") contradicts it.
func TestComparisonTurnedRound(t *testing.T) {
	c := derivedCard(heatQ, heatRef)
	same := Grade(c, "Black absorbs more heat than white.").Score
	for _, ans := range []string{"White absorbs less heat than black.", "White absorbs less heat."} {
		if got := Grade(c, ans).Score; got < same-5 {
			t.Errorf("%q scores %d, the reference's way %d; want as high", ans, got, same)
		}
	}
	m := matcherFor(c)
	bag := &m.refs[0]
	for _, ans := range []string{"White absorbs more heat than black.", "White absorbs more heat.", "Black absorbs less heat than white."} {
		st := m.analyzeText(ans, true).relationStatus(bag, nil)
		contra := false
		for k := range bag.terms {
			contra = contra || st[k] == relationContra
			if st[k] == termAgree {
				t.Errorf("%q: term %q agrees", ans, m.terms[bag.terms[k].id])
			}
		}
		if !contra {
			t.Errorf("%q: no term contradicted", ans)
		}
	}
}

// A comparison in a clause opened by "and" is said of its sentence's
// subject: "dry soil ... and cools off more quickly than water".
func TestComparisonCoordinated(t *testing.T) {
	c := derivedCard("Which container had the dry soil?", "Dry soil heats more quickly and cools off more quickly than water.")
	m := matcherFor(c)
	bag := &m.refs[0]
	for ans, want := range map[string]bool{
		"Water cools off more slowly than dry soil.":  true,
		"Water cools off more quickly than dry soil.": false,
	} {
		st := m.analyzeText(ans, true).relationStatus(bag, nil)
		for _, r := range bag.rels {
			if r.cmp && (st[r.a] == termAgree) != want {
				t.Errorf("%q: %v, want agreement %v", ans, st[r.a], want)
			}
		}
	}
}

// A reference comparison needs a subject on each side of "than", in the
// comparative's clause (or its sentence's, after "and"); "no more than"
// and "more than pays" compare no subjects.
func TestRefComparisons(t *testing.T) {
	for ref, want := range map[string]int{
		heatRef: 1,
		"Dry soil heats more quickly and cools off more quickly than water.":                                    1,
		"Solar water heaters with blue collectors heat up faster than solar water heaters with red collectors.": 1,
		"The whole procedure costs no more than training the original model.":                                   0,
		"Heun's error is O(h^2) rather than Euler's O(h), which more than pays for the second evaluation.":      0,
		"The ball weighs more than 30 grams.":                                                                   0,
	} {
		n := 0
		for _, r := range matcherFor(derivedCard("q", ref)).refs[0].rels {
			if r.cmp {
				n++
			}
		}
		if n != want {
			t.Errorf("%q: %d comparisons, want %d", ref, n, want)
		}
	}
}

// An amount said as a comparative stands for a level or a size in a
// relation ("the less drops, the more vitamin C" for "fewer drops ... a
// higher concentration"), read only when no pair of the relation's own
// scales is said, and not as a plain "many".
func TestRelationAmountForLevel(t *testing.T) {
	c := derivedCard("Which juice has a higher concentration of vitamin C?",
		"The juice that takes fewer drops to change color has a higher concentration of vitamin C.")
	m := matcherFor(c)
	bag := &m.refs[0]
	for ans, want := range map[string]termSaid{
		"The less drops, the more vitamin C.":   termAgree,
		"The more drops, the more vitamin C.":   relationContra,
		"Fewer drops mean a lower vitamin C.":   relationContra,
		"Many drops, and much vitamin C there.": termNone,
	} {
		st := m.analyzeText(ans, true).relationStatus(bag, nil)
		for _, r := range bag.rels {
			if got := st[r.a]; got != want {
				t.Errorf("%q: %v, want %v", ans, got, want)
			}
		}
	}
	// The relation's own scales first: "more room" does not hide "long ... low".
	p := derivedCard(pitchQ, "When the string is shorter, the pitch is higher.")
	if got := Grade(p, "A long string has more room to vibrate so it makes a lower pitch.").Score; got < 50 {
		t.Errorf("long ... more room ... lower scores %d; want at least 50", got)
	}
}

// A graded word written as one word with the next names a kind, not a
// degree: "higher-order neighbourhoods ... more homophilous" holds no
// relation.
func TestRelationCompound(t *testing.T) {
	c := derivedCard("q", "Higher-order neighbourhoods are often more homophilous.")
	if got := len(matcherFor(c).refs[0].rels); got != 0 {
		t.Errorf("%d relations, want 0", got)
	}
}

// A comparative of effort, weight, length or distance is an amount in a
// relation: "easier to lift" for "less effort", "more string" for a
// "longer string", "goes further" for "more distance"; a compound
// ("long-range") or a plain word ("long") is not.
func TestRelationAmountScales(t *testing.T) {
	for _, tc := range []struct {
		q, ref string
		said   map[string]termSaid
	}{
		{"How does the effort needed change with its distance from the fulcrum?", "If the effort is applied farther from the fulcrum, less effort will lift the load.", map[string]termSaid{
			"The farther away the effort is from the fulcrum, the easier it is to lift the load.": termAgree,
			"The farther the effort is from the fulcrum, the harder it is to lift.":               relationContra,
		}},
		{"How does the pitch change when the string is shortened?", "When the string was shorter, the pitch was higher.", map[string]termSaid{
			"Whichever side has more string has a lower pitch.":  termAgree,
			"Whichever side has more string has a higher pitch.": relationContra,
		}},
		{"What is the relationship between blocks and distance?", "The more blocks the truck carries, the less distance it travels.", map[string]termSaid{
			"If the truck has less blocks it goes further.": termAgree,
			"If the truck has more blocks it goes further.": relationContra,
		}},
		{"Which food has the most sugar?", "The bag with the most gas contains the food with the most sugar.", map[string]termSaid{
			"Too much sugar cannot capture longer-range gas.": termNone,
			"Too much sugar cannot capture a long gas.":       termNone,
		}},
	} {
		m := matcherFor(derivedCard(tc.q, tc.ref))
		bag := &m.refs[0]
		if len(bag.rels) == 0 {
			t.Fatalf("%q: no relation", tc.ref)
		}
		for ans, want := range tc.said {
			st := m.analyzeText(ans, true).relationStatus(bag, nil)
			if got := st[bag.rels[0].a]; got != want {
				t.Errorf("%q: %v, want %v", ans, got, want)
			}
		}
	}
}

const (
	filterQ   = "Why did the salt go through the filter while the sand got caught?"
	filterRef = "The dissolved salt particles are small enough to go through the holes in the filter paper, but the sand particles are too large."
)

// Two subjects each said at one end of a scale in a clause of its own are
// one comparison: "the sand is bigger than the salt" says both ends; one
// end said of the other subject ("the salt was too big") contradicts both.
// An intensifier ("too large") names no subject.
func TestParallelComparison(t *testing.T) {
	c := derivedCard(filterQ, filterRef)
	m := matcherFor(c)
	bag := &m.refs[0]
	n := 0
	for _, r := range bag.rels {
		if r.cmp && r.b >= 0 {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d comparisons said of each subject, want 1", n)
	}
	small, large := -1, -1
	for k := range bag.terms {
		switch m.terms[bag.terms[k].id] {
		case infoFor("small").term:
			small = k
		case infoFor("large").term:
			large = k
		}
	}
	for ans, want := range map[string][2]termSaid{
		"Because the sand is bigger than the salt.":         {termAgree, termAgree},
		"The grains of salt must be smaller than the sand.": {termAgree, termAgree},
		"Because the salt was too small to be caught.":      {termAgree, termNone},
		"Because the salt was too big.":                     {relationContra, relationContra},
		"The salt is bigger than the sand.":                 {relationContra, relationContra},
	} {
		st := m.analyzeText(ans, true).relationStatus(bag, nil)
		if got := [2]termSaid{st[small], st[large]}; got != want {
			t.Errorf("%q: small, large %v, want %v", ans, got, want)
		}
	}
}

// "A little" is a degree, not a size: "the salt dissolved a little" says
// nothing of the salt's size.
func TestRelationALittle(t *testing.T) {
	if got := len(gradedIn(analyzeForTest("the salt dissolved a little"), nil)); got != 0 {
		t.Errorf("%d graded words, want 0", got)
	}
}

// "Rises" is an increase: "the water rises and goes fast" says "more water
// ... flows faster".
func TestRelationRise(t *testing.T) {
	c := derivedCard("How does the water flow in a creek during a flood?", "During a flood there is more water in the creek and the water flows faster.")
	m := matcherFor(c)
	bag := &m.refs[0]
	if len(bag.rels) == 0 {
		t.Fatal("no relation")
	}
	for ans, want := range map[string]termSaid{
		"The flood water rises and goes really fast.": termAgree,
		"The flood water rises and goes slower.":      relationContra,
	} {
		if got := m.analyzeText(ans, true).relationStatus(bag, nil)[bag.rels[0].a]; got != want {
			t.Errorf("%q: %v, want %v", ans, got, want)
		}
	}
	if !change(analyzeForTest("the water rises"), 2) {
		t.Error(`"rises" is not a change`)
	}
}
