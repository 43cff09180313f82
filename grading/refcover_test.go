package grading

import (
	"slices"
	"testing"

	"grill/decks"
)

// derivedCard is a card without key points, graded on the derived path.
func derivedCard(q, ref string) *decks.Card {
	return &decks.Card{ID: "t/" + q, Question: q, Answer: ref}
}

func TestOpeningVerdict(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int8
	}{
		{"No, string is an insulator.", -1},
		{"No because string does not conduct.", -1},
		{"no it cannot", -1},
		{"Yes. The circuit is closed.", 1},
		{"yes it will", 1},
		{"No electricity can flow through string.", 0},
		{"Agree. Vibrations are movements.", 1},
		{"I agree with Sarah because vibrations make sound.", 1},
		{"I disagree.", -1},
		{"I do not agree, because ...", -1},
		{"I don't agree", -1},
		{"Scientists agree that vibrations make sound.", 0},
		{"String is an insulator.", 0},
		{"", 0},
	} {
		if got := openingVerdict(tokenize(tc.text)); got != tc.want {
			t.Errorf("openingVerdict(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// An answer that opens with the opposite yes or no of its reference scores
// below the same answer with the reference's.
func TestDerivedOppositeVerdict(t *testing.T) {
	c := derivedCard("Can you use a piece of string to close the gap in the circuit? Why or why not?",
		"No, string is an insulator, so the pathway would not be completed.")
	right := Grade(c, "No, because string is an insulator.").Score
	wrong := Grade(c, "Yes, because string is an insulator.").Score
	if wrong >= right {
		t.Errorf("opposite verdict scores %d, same verdict %d; want lower", wrong, right)
	}
}

// A reference word the answer only names inside a negated verb phrase is no
// evidence against it: "it is not a complete circuit" agrees with "the
// circuit is not complete".
func TestDerivedInnerNegation(t *testing.T) {
	a := analyzeForTest("it is not a complete circuit")
	var circuit, complete int
	for i, tk := range a.toks {
		switch tk.word {
		case "circuit":
			circuit = i
		case "complete":
			complete = i
		}
	}
	if !a.innerNegated(circuit) {
		t.Error("circuit in 'not a complete circuit' should be inside the negated phrase")
	}
	if a.innerNegated(complete) {
		t.Error("complete in 'not a complete circuit' is the negated word itself")
	}
	if b := analyzeForTest("there is no vitamin c in it"); b.innerNegated(3) {
		t.Errorf("'no vitamin c' negates every word of its phrase (token %q)", b.toks[3].word)
	}
	c := derivedCard("Why will the bulb not light?", "The circuit is not complete.")
	if got := Grade(c, "Because it is not a complete circuit.").Score; got < 80 {
		t.Errorf("'not a complete circuit' for 'the circuit is not complete' scores %d, want ≥ 80", got)
	}
}

// analyzeForTest analyses a text against an empty card.
func analyzeForTest(text string) *analysis {
	m := matcherFor(derivedCard("q", "r"))
	return m.analyzeText(text, false)
}

// A bare "no" that answers the question negates nothing after it: "No
// because the circuit is open" asserts that the circuit is open, while "it
// is not because of depth" still denies depth.
func TestDerivedBareNo(t *testing.T) {
	for _, tc := range []struct {
		text, word string
		want       bool
	}{
		{"no because the circuit is open", "circuit", false},
		{"i chose no because the circuit is not closed", "circuit", false},
		{"it is not because of depth", "depth", true},
		{"no electricity flows", "electricity", true},
	} {
		a := analyzeForTest(tc.text)
		found := false
		for i, tk := range a.toks {
			if tk.word == tc.word {
				found = true
				if got := a.saidNegated(i); got != tc.want {
					t.Errorf("%q: %s said negated = %v, want %v", tc.text, tc.word, got, tc.want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no token %q", tc.text, tc.word)
		}
	}
}

// A word the reference says both negated and asserted keeps no polarity.
func TestDerivedEitherPolarity(t *testing.T) {
	c := derivedCard("Are the cookies pure sugar?",
		"No, the cookies are not pure sugar. The cookies did not produce as much gas as was produced by the pure sugar.")
	m := matcherFor(c)
	for _, rt := range m.refs[0].terms {
		switch m.terms[rt.id] {
		case "sugar":
			if !rt.either {
				t.Error("sugar, said both ways by the reference, should take either polarity")
			}
		case "gas":
			if rt.either {
				t.Error("gas, said one way only, should keep its polarity")
			}
		}
	}
}

// A multi-word synonym in the answer counts for the reference word of its
// group ("light up" for "shine"), with its own polarity.
func TestDerivedPhraseSynonym(t *testing.T) {
	c := derivedCard("What happens to the bulb when the switch is closed?", "The bulb will shine.")
	said := Grade(c, "The bulb will light up.").Score
	bare := Grade(c, "The bulb will do something.").Score
	denied := Grade(c, "The bulb will not light up.").Score
	if said <= bare {
		t.Errorf("'light up' for 'shine': %d, not above %d without it", said, bare)
	}
	if denied >= said {
		t.Errorf("'not light up' for 'shine': %d, not below %d", denied, said)
	}
}

// The reverse: a one-word synonym in the answer counts for the words of the
// reference's multi-word synonym ("shine" for "light up"), and another
// phrase of the group for it ("adjacent vertex" for "adjacent node").
func TestDerivedPhraseInReference(t *testing.T) {
	c := derivedCard("What happens to the bulb when the switch is closed?", "The bulb will light up.")
	said := Grade(c, "The bulb will shine.").Score
	bare := Grade(c, "The bulb will do something.").Score
	denied := Grade(c, "The bulb will not shine.").Score
	if said <= bare {
		t.Errorf("'shine' for 'light up': %d, not above %d without it", said, bare)
	}
	if denied >= said {
		t.Errorf("'not shine' for 'light up': %d, not below %d", denied, said)
	}
	g := derivedCard("Where does a node get its messages?", "From each adjacent node.")
	if s, b := Grade(g, "From every neighbour."), Grade(g, "From every other."); s.Score <= b.Score {
		t.Errorf("'neighbour' for 'adjacent node': %d, not above %d", s.Score, b.Score)
	}
}

// Phrasal synonyms of science words: "leave a mark" says "scratch", "dry up"
// says "evaporate".
func TestDerivedPhrasalSynonyms(t *testing.T) {
	for _, c := range []struct{ q, ref, said, bare string }{
		{"How does a scratch test tell which coin is harder?", "The harder coin will scratch the other.",
			"The harder coin will leave a mark on the other.", "The harder coin will do something to the other."},
		{"How did you separate the salt from the water?", "The water was evaporated, leaving the salt.",
			"The water dried up, leaving the salt.", "The water went, leaving the salt."},
	} {
		card := derivedCard(c.q, c.ref)
		if s, b := Grade(card, c.said).Score, Grade(card, c.bare).Score; s <= b {
			t.Errorf("%q for %q: %d, not above %d", c.said, c.ref, s, b)
		}
	}
}

// A negative quantifier that opens a clause as its subject negates the verb
// phrase after the subject, not the subject's noun: "none of the tools could
// scratch topaz" says topaz could not be scratched, and the tools are there.
func TestQuantifiedSubjectScope(t *testing.T) {
	for _, tc := range []struct {
		text     string
		pos, neg []string
	}{
		{"None of the tools could scratch the topaz.", []string{"tools"}, []string{"scratch", "topaz"}},
		{"Neither the nail nor the penny scratched the topaz.", []string{"nail", "penny"}, []string{"scratched"}},
		{"Nothing happened to the magnet.", nil, []string{"happened", "magnet"}},
		{"No one can see the light.", nil, []string{"see", "light"}},
	} {
		a := analyzeForTest(tc.text)
		for i, tk := range a.toks {
			if slices.Contains(tc.pos, tk.word) && a.saidNegated(i) {
				t.Errorf("%q: %q read as negated", tc.text, tk.word)
			}
			if slices.Contains(tc.neg, tk.word) && !a.saidNegated(i) {
				t.Errorf("%q: %q read as asserted", tc.text, tk.word)
			}
		}
	}
	c := derivedCard("Which tools scratched topaz?", "None of the tools could scratch topaz.")
	if got, wrong := Grade(c, "The tools could not scratch it."), Grade(c, "The tools could scratch it."); got.Score <= wrong.Score {
		t.Errorf("'could not scratch' scores %d, 'could scratch' %d; want higher", got.Score, wrong.Score)
	}
}

// A possessive "have" says what a reference's "contains" says, with the
// possession's polarity: "did not have any vitamin C" and "has no vitamin
// C" agree with "contains little or no vitamin C".
func TestDerivedPossessiveHave(t *testing.T) {
	c := derivedCard("Why did Fruitsnap not change the colour of the indophenol?",
		"Fruitsnap contains little or no vitamin C.")
	wrong := Grade(c, "It has vitamin C.").Score
	for _, ans := range []string{"It did not have any vitamin C.", "It has no vitamin C."} {
		if got := Grade(c, ans).Score; got < 70 || got <= wrong {
			t.Errorf("%q scores %d (\"It has vitamin C.\" %d); want ≥ 70 and higher", ans, got, wrong)
		}
	}
	if possessiveHave(tokenize("it has been scratched")) >= 0 {
		t.Error("'has been' is an auxiliary, not possession")
	}
}

// A word the reference mentions only inside a negated verb phrase is not
// denied: asserting it costs nothing ("the indophenol stayed blue" for
// "Fruitsnap does not change the indophenol").
func TestDerivedReferenceInnerNegation(t *testing.T) {
	c := derivedCard("What happened when Fruitsnap was added?",
		"Fruitsnap does not change the indophenol.")
	with := Grade(c, "Fruitsnap did not change it, the indophenol stayed blue.").Score
	without := Grade(c, "Fruitsnap did not change it.").Score
	if with < without {
		t.Errorf("naming the indophenol scores %d, leaving it out %d; want no lower", with, without)
	}
}

// "Does not conduct" says "is an insulator", and "conducts" denies it.
func TestDerivedInsulatorConductor(t *testing.T) {
	c := derivedCard("Can you use a piece of string to close the gap in the circuit?",
		"String is an insulator.")
	right := Grade(c, "String does not conduct electricity.").Score
	wrong := Grade(c, "String conducts electricity.").Score
	if right < 50 || wrong >= right {
		t.Errorf("'does not conduct' scores %d, 'conducts' %d; want ≥ 50 and higher", right, wrong)
	}
}

func TestOpeningChoice(t *testing.T) {
	for _, tc := range []struct {
		text string
		want byte
	}{
		{"A. Dry soil heats more quickly than water.", 'a'},
		{"C. Because there is more black in it.", 'c'},
		{"B) because line A is hotter", 'b'},
		{"A, because it is hotter than B", 'a'},
		{"A magnet sticks to iron.", 0},
		{"A", 0},
		{"X, cup X is heavier.", 'x'},
		{"I think so", 0},
	} {
		if got := openingChoice(tokenize(tc.text)); got != tc.want {
			t.Errorf("openingChoice(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// An answer that opens with another option letter than its reference
// scores below the same answer with the reference's letter.
func TestDerivedOtherChoice(t *testing.T) {
	c := derivedCard("Which container had the dry soil, A or B? Explain how the graph helped you decide.",
		"A. Dry soil heats more quickly and cools off more quickly than water.")
	right := Grade(c, "A. Dry soil heats up faster than water.").Score
	wrong := Grade(c, "B. Dry soil heats up faster than water.").Score
	if wrong >= right {
		t.Errorf("other option scores %d, same option %d; want lower", wrong, right)
	}
	// A letter the question does not offer is no option.
	if other := Grade(c, "D. Dry soil heats up faster than water.").Score; other != right {
		t.Errorf("a letter the question does not offer scores %d, the right option %d; want the same", other, right)
	}
}

func TestOpeningPick(t *testing.T) {
	for _, tc := range []struct {
		text     string
		sentence bool
		want     []string
	}{
		{"Copper. It conducts better.", true, []string{"copper"}},
		{"Copper wire. It conducts better.", true, []string{"copper", "wire"}},
		{"Copper, because it conducts better.", true, nil}, // no sentence of its own
		{"Copper, because it conducts better.", false, []string{"copper"}},
		{"Lead - it conducts better", false, []string{"lead"}},
		{"The copper wire is better because it conducts.", false, nil},
		{"Copper", false, nil},
	} {
		got := openingPick(tokenize(tc.text), tc.sentence)
		var want []string
		for _, w := range tc.want {
			want = append(want, infoFor(w).term)
		}
		if !slices.Equal(got, want) {
			t.Errorf("openingPick(%q, %v) = %q, want %q", tc.text, tc.sentence, got, want)
		}
	}
}

// An answer that opens by naming another of the question's alternatives
// than its reference does scores below the same answer naming the
// reference's.
func TestDerivedOtherPick(t *testing.T) {
	c := derivedCard("Which metal would you use for the wire, copper or lead? Why?",
		"Copper. It conducts electricity much better than lead and bends without breaking.")
	right := Grade(c, "Copper - it conducts electricity better and bends easily.").Score
	wrong := Grade(c, "Lead - it conducts electricity better and bends easily.").Score
	if wrong >= right {
		t.Errorf("other alternative scores %d, the reference's %d; want lower", wrong, right)
	}
	// A word the question does not name is no alternative.
	if other := Grade(c, "Honestly - it conducts electricity better and bends easily.").Score; other <= wrong {
		t.Errorf("an opening the question does not name scores %d, the other alternative %d; want higher", other, wrong)
	}
}

// With several reference answers, the mean share over all of them counts
// beside the best one's: an answer that says what the alternatives share
// gains on one that matches a single alternative's wording.
func TestDerivedRefMix(t *testing.T) {
	c := derivedCard("Why does the bulb light?", "The bulb sits in a closed path with the battery, so current flows through its filament.")
	c.AlsoAccepted = []string{"Current flows because the circuit through the bulb is closed and nothing breaks it.",
		"A closed circuit joins the bulb to both battery terminals, letting current flow."}
	gap := func() int {
		clearMatchers()
		return Grade(c, "Current flows, it is closed.").Score - Grade(c, "The filament sits in a path.").Score
	}
	saved := refMix
	defer func() { refMix = saved; clearMatchers() }()
	refMix = 0
	best := gap()
	refMix = saved
	if mixed := gap(); mixed <= best {
		t.Errorf("shared answer's lead over a single alternative's wording: %d with the mean share, %d with the best alone; want larger", mixed, best)
	}
}
