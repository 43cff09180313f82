package grading

import "testing"

// stateStatus returns how an answer says the reference word ref of a
// derived card.
func stateStatus(t *testing.T, q, reference, ref, answer string) termSaid {
	t.Helper()
	c := derivedCard(q, reference)
	m := matcherFor(c)
	a := m.analyzeText(answer, true)
	for _, b := range m.refs {
		for k := range b.terms {
			if m.terms[b.terms[k].id] == infoFor(ref).term {
				return a.termStatus(m, &b.terms[k])
			}
		}
	}
	t.Fatalf("%q is no term of %q", ref, reference)
	return termNone
}

// A state or outcome said in other words agrees with the reference: the
// negated opposite, another verb of the outcome, another word of the state.
func TestStatesAgree(t *testing.T) {
	const (
		bulbs   = "If the middle bulb burns out the other 2 bulbs will stay lit."
		motor   = "The motor will run."
		circuit = "The circuit is not complete. The electrical pathway is broken."
		speed   = "As time increases, the speed of light stays the same (remains constant)."
		sun     = "Shadows change during the day because the Earth is turning. The Sun stays in one place."
		string_ = "No, string is an insulator, so the pathway would not be completed."
		q       = "What will happen?"
	)
	for _, c := range []struct{ ref, word, answer string }{
		{bulbs, "stay", "They will not go out."},
		{bulbs, "lit", "They will not go out."},
		{bulbs, "stay", "The bulbs went out? No, they did not go out."},
		{bulbs, "stay", "The other bulbs will still light."},
		{bulbs, "lit", "The other bulbs will stay on."},
		{bulbs, "lit", "The bulbs do not burn out."},
		{motor, "run", "It will work."},
		{motor, "run", "It will turn on."},
		{motor, "run", "It will come on."},
		{motor, "run", "The motor will not stop."},
		{circuit, "complete", "The circuit is not closed."},
		{circuit, "complete", "It has an open circuit."},
		{circuit, "broken", "It is not a complete circuit."},
		{speed, "stays", "The speed never changes."},
		{speed, "constant", "The speed never changes."},
		{sun, "stays", "The sun does not move, the earth does."},
		{string_, "insulator", "Electricity does not flow through string."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got != termAgree {
			t.Errorf("%q for %q of %q: %d, want agreeing", c.answer, c.word, c.ref, got)
		}
	}
	// The same words with the other polarity, or of another state, say
	// nothing for it.
	for _, c := range []struct{ ref, word, answer string }{
		{bulbs, "stay", "They will all go out."},
		{bulbs, "lit", "They will go out."},
		{motor, "run", "It will not work."},
		{motor, "run", "It will turn off."},
		{circuit, "complete", "The switch is closed."},
		{circuit, "broken", "The circuit is closed."},
		{speed, "stays", "The speed changes."},
		{sun, "stays", "The sun moves."},
		{string_, "insulator", "Electricity flows through string."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got == termAgree {
			t.Errorf("%q for %q of %q: agreeing, want not", c.answer, c.word, c.ref)
		}
	}
}

// Scores follow: "they will not go out" ranks with "they will stay lit",
// far above "they will go out".
func TestStatesScore(t *testing.T) {
	c := derivedCard("What will happen to the other 2 bulbs if the middle bulb burns out?",
		"If the middle bulb burns out the other 2 bulbs will stay lit.")
	said := Grade(c, "They will not go out.").Score
	wrong := Grade(c, "They will go out.").Score
	if said < 50 || said <= wrong+30 {
		t.Errorf("'will not go out' %d, 'will go out' %d; want ≥ 50 and well above", said, wrong)
	}
}

// A card with several reference answers lists its accepted wordings: the
// state lines add nothing there.
func TestStatesSingleReference(t *testing.T) {
	c := derivedCard("What will happen to the motor?", "The motor will run.")
	c.AlsoAccepted = []string{"The motor will spin."}
	m := matcherFor(c)
	for _, b := range m.refs {
		for _, rt := range b.terms {
			if len(rt.states) > 0 {
				t.Errorf("%q has state ways on a card with alternatives", m.terms[rt.id])
			}
		}
	}
}

// The [states] lines parse into ways with their polarity: an inflected
// verb ("goes out", "went out") and a particle kept as written.
func TestParseStates(t *testing.T) {
	ways := parseStates("[states]\nstay | still <> go out\n")
	if len(ways[infoFor("stay").term]) != 2 {
		t.Fatalf("stay: %d ways, want 2", len(ways[infoFor("stay").term]))
	}
	if _, ok := ways["still"]; ok {
		t.Errorf("a stop word is no reference key")
	}
	a := analyzeForTest("the bulb goes out")
	if !a.stateAgrees(ways[infoFor("stay").term], true, false) {
		t.Errorf("'goes out' does not say 'not stay'")
	}
	if a.stateAgrees(ways[infoFor("stay").term], false, false) {
		t.Errorf("'goes out' says 'stay'")
	}
	if b := analyzeForTest("the bulb goes off"); b.stateAgrees(ways[infoFor("stay").term], true, false) {
		t.Errorf("'goes off' says 'go out'")
	}
}

// A verb marked "~" counts only without an object: "it runs a GCN" says
// nothing of "works", and a reference "runs the model" takes no state
// ways from it.
func TestStatesIntransitive(t *testing.T) {
	q := "What happens?"
	if got := stateStatus(t, q, "The motor will run.", "run", "It will work."); got != termAgree {
		t.Errorf("'it will work' for 'the motor will run': %d, want agreeing", got)
	}
	if got := stateStatus(t, q, "The method works on unseen graphs.", "works", "It runs a GCN on each graph."); got == termAgree {
		t.Errorf("'runs a GCN' for 'works': agreeing, want not")
	}
	if got := stateStatus(t, q, "You run the model twice.", "run", "It will work."); got == termAgree {
		t.Errorf("'it will work' for 'run the model': agreeing, want not")
	}
}

// Words are matched as written: "close to" (near) is not "closed", nor
// "continuous" "continue".
func TestStatesWritten(t *testing.T) {
	q := "What happens?"
	if got := stateStatus(t, q, "There is a complete circuit.", "complete", "The head lands close to the tail."); got == termAgree {
		t.Errorf("'close to' for 'complete': agreeing, want not")
	}
	if got := stateStatus(t, q, "The bulbs stay lit.", "stay", "It learns continuous embeddings."); got == termAgree {
		t.Errorf("'continuous' for 'stay': agreeing, want not")
	}
}

// Members of several words may have up to two words between theirs; a
// line without "<>" names one state; "nothing happens" says it stays.
func TestStatesMore(t *testing.T) {
	q := "What happens?"
	for _, c := range []struct{ ref, word, answer string }{
		{"No, string is an insulator.", "insulator", "No, it does not let electricity through."},
		{"The eggshells disappeared.", "disappeared", "The eggshells were gone."},
		{"The other 2 bulbs will stay lit.", "stay", "Nothing will happen."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got != termAgree {
			t.Errorf("%q for %q of %q: %d, want agreeing", c.answer, c.word, c.ref, got)
		}
	}
	if got := stateStatus(t, q, "The eggshells disappeared.", "disappeared", "The salt has gone through the filter."); got == termAgree {
		t.Errorf("'has gone through' for 'disappeared': agreeing, want not")
	}
}

// A quantified subject negates its verb after a linking word too:
// "because none of the tools could scratch topaz" denies the scratch.
func TestQuantifiedSubjectAfterLinkingWord(t *testing.T) {
	for _, s := range []string{
		"Topaz is the hardest because none of the tools could scratch topaz.",
		"It is hard and nothing can scratch it.",
	} {
		a := analyzeForTest(s)
		for i, tk := range a.toks {
			if tk.word == "scratch" && !a.saidNegated(i) {
				t.Errorf("%q: 'scratch' not negated", s)
			}
		}
	}
}

// "complete | closed => connect | touch": a complete circuit is a
// connected one, and ends that are not touching make it incomplete, its
// path broken; a connected wire says nothing of a complete circuit.
func TestStatesImplied(t *testing.T) {
	q := "Will the motor run? Why?"
	circuit := "The circuit is not complete. The electrical pathway is broken."
	for _, c := range []struct{ ref, word, answer string }{
		{circuit, "complete", "One of the 2 ends is not touching."},
		{circuit, "broken", "The line on the left is not hooked to anything."},
		{"There is a complete circuit connecting the bulb to the battery.", "connecting", "The switch will be closed."},
		{"The bag with the most gas contains the most sugar.", "gas", "The one that puffs up most has the most sugar."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got != termAgree {
			t.Errorf("%q for %q of %q: %d, want agreeing", c.answer, c.word, c.ref, got)
		}
	}
	for _, c := range []struct{ ref, word, answer string }{
		{"There is a complete circuit.", "complete", "The wire is connected to the battery."},
		{circuit, "broken", "The ends are touching."},
		{"The wire is not connected.", "connected", "The circuit is not complete."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got == termAgree {
			t.Errorf("%q for %q of %q: agreeing, want not", c.answer, c.word, c.ref)
		}
	}
}

// A member written "^light" counts only as a verb: "the bulbs will still
// light" says "stay lit", "the light will turn off" does not.
func TestStatesVerbUse(t *testing.T) {
	q := "What will happen to the other 2 bulbs if the middle bulb burns out?"
	ref := "If the middle bulb burns out the other 2 bulbs will stay lit."
	if got := stateStatus(t, q, ref, "lit", "The other bulbs will still light."); got != termAgree {
		t.Errorf("'will still light' for 'lit': %d, want agreeing", got)
	}
	if got := stateStatus(t, q, ref, "lit", "The light will be off."); got == termAgree {
		t.Errorf("'the light' for 'lit': agreeing, want not")
	}
	if got := stateStatus(t, "What happens?", "The bulb will light.", "light", "Everything will turn on."); got != termAgree {
		t.Errorf("'will turn on' for 'the bulb will light': %d, want agreeing", got)
	}
}

// A state said with another everyday word agrees: "see through" is clear,
// "takes in" and "traps" absorb, "feeds" gives food, "hears" notices.
func TestStatesEveryday(t *testing.T) {
	const (
		clear = "The solid dissolves (seems to disappear) and the liquid remains clear."
		sink  = "A heat sink is any material that absorbs (a lot of) heat."
		food  = "The cotyledon provides food for the plant to begin growing."
		siren = "So that people notice the sound."
		q     = "What is it?"
	)
	for _, c := range []struct{ ref, word, answer string }{
		{clear, "clear", "You can see through the mixture."},
		{clear, "clear", "The liquid is transparent."},
		{sink, "absorbs", "A material that takes in more heat."},
		{sink, "absorbs", "Something that soaks up heat."},
		{sink, "absorbs", "Something that traps heat in."},
		{food, "food", "Feeds the embryo."},
		{siren, "notice", "So everyone can hear it."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got != termAgree {
			t.Errorf("%q for %q of %q: %d, want agreeing", c.answer, c.word, c.ref, got)
		}
	}
	for _, c := range []struct{ ref, word, answer string }{
		{clear, "clear", "You cannot see through it."},
		{sink, "absorbs", "It does not take in heat."},
		{food, "food", "It does not feed the plant."},
		{siren, "notice", "Nobody can hear it."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got == termAgree {
			t.Errorf("%q for %q of %q: agreeing, want not", c.answer, c.word, c.ref)
		}
	}
}

// A general word of size says a specific dimension in part, when both are
// compared: "the biggest" of "the longest and fattest", "smaller" of
// "shorter"; not "it is big", nor "the models are big" of "long-horizon".
func TestStatesGeneralSize(t *testing.T) {
	const (
		sax     = "The saxophone has the longest and fattest tube."
		string_ = "The shorter string vibrates faster."
		q       = "Why?"
	)
	for _, c := range []struct{ ref, word, answer string }{
		{sax, "longest", "Because it is the biggest out of all the instruments."},
		{sax, "fattest", "Because it is bigger."},
		{sax, "longest", "It is the largest one."},
		{string_, "shorter", "The smaller string vibrates faster."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got != termPartial {
			t.Errorf("%q for %q of %q: %d, want partial", c.answer, c.word, c.ref, got)
		}
	}
	for _, c := range []struct{ ref, word, answer string }{
		{sax, "longest", "Because it is big."},
		{sax, "longest", "It is not the biggest."},
		{"VLAs are weak on long-horizon tasks.", "long", "They are slow because the models are big."},
		{"VLAs are weak on longer tasks.", "longer", "They are slow because the models are big."},
	} {
		if got := stateStatus(t, q, c.ref, c.word, c.answer); got == termPartial || got == termAgree {
			t.Errorf("%q for %q of %q: %d, want nothing", c.answer, c.word, c.ref, got)
		}
	}
	// Partial credit: between nothing and the word itself.
	c := derivedCard("Which instrument makes the lowest sound?", "The saxophone has the longest tube.")
	general, none, said := Grade(c, "The saxophone, because it is the biggest.").Score,
		Grade(c, "The saxophone, because it is loud.").Score, Grade(c, "The saxophone, because it is the longest.").Score
	if !(none < general && general < said) {
		t.Errorf("'biggest' %d, nothing %d, 'longest' %d: want between", general, none, said)
	}
}
