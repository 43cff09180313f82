package grading

import (
	"testing"

	"grill/decks"
)

// scratchCard is a derived-path card whose reference claims who scratches
// whom by their hardness.
func scratchCard() *decks.Card {
	return &decks.Card{ID: "t/scratch-roles", Question: "How can a scratch test tell which of two minerals is harder?",
		Answer: "The harder mineral will scratch the softer one."}
}

// The same roles said in the passive, through the patient or a relative
// clause, or through the one not scratched, agree with the reference;
// roles turned round contradict it.
func TestRoleClaims(t *testing.T) {
	c := scratchCard()
	for _, tc := range []struct {
		answer string
		agree  bool
	}{
		{"The softer mineral is scratched by the harder one.", true},
		{"Whichever one gets scratched is the softest.", true},
		{"The one that got a scratch is not hard.", true},
		{"The one with a scratch is not the hardest.", true},
		{"The mineral with no scratch is the hardest.", true},
		{"The one that is not scratched is the hardest.", true},
		{"The one that scratches the other is harder.", true},
		{"The softer mineral will scratch the harder one.", false},
		{"The harder mineral is scratched by the softer one.", false},
		{"Whichever one gets scratched is the hardest.", false},
		{"The one that scratches the other is softer.", false},
		{"The mineral with no scratch is the softest.", false},
	} {
		s := Grade(c, tc.answer).Score
		if tc.agree && s < 80 || !tc.agree && s > 20 {
			t.Errorf("%q: score %d, want it to %s the reference", tc.answer, s, map[bool]string{true: "agree with", false: "contradict"}[tc.agree])
		}
	}
}

// A party named only as "the other" is a party: "the harder coin will
// scratch the other" claims the roles, and an answer describing the other
// as the softer one says the whole claim.
func TestRoleClaimOther(t *testing.T) {
	c := &decks.Card{ID: "t/scratch-other", Question: "Carrie did a scratch test on a penny and a nickel. How would it tell her which is harder?",
		Answer: "The harder coin will scratch the other."}
	if s := Grade(c, "The one that is harder will scratch the less harder one.").Score; s < 80 {
		t.Errorf("roles said with both parties described: score %d, want ≥ 80", s)
	}
	if s := Grade(c, "Whichever one gets scratched is the softest.").Score; s < 80 {
		t.Errorf("roles said through the patient: score %d, want ≥ 80", s)
	}
}

// A clause with a graded word on one party only, or on a rival after
// "than", or a plain word that is mostly a noun ("the light"), or a graded
// word before "to" ("hard to tell"), claims no roles.
func TestRoleClaimNeedsBothParties(t *testing.T) {
	for _, ref := range []string{
		"Darker colors absorb more heat than lighter colors.",
		"The tree blocks the light from the Sun.",
		"It is hard to tell which one will scratch the other.",
	} {
		c := &decks.Card{ID: "t/roles-none/" + ref, Question: "Why?", Answer: ref}
		m := matcherFor(c)
		for _, b := range m.refs {
			if len(b.roles) > 0 {
				t.Errorf("%q: role claims %+v, want none", ref, b.roles)
			}
		}
	}
	c := &decks.Card{ID: "t/roles-some", Question: "Why?", Answer: "The hard mineral scratches the soft one."}
	if m := matcherFor(c); len(m.refs) != 1 || len(m.refs[0].roles) != 1 {
		t.Errorf("plain graded words before a noun: want one role claim")
	}
}

// An answer that only names a party by the role verb ("The one with a
// scratch.") names the party the question asks for ("which one is
// harder?"): the patient for the harder one contradicts, the one not
// scratched agrees.
func TestRoleAskedParty(t *testing.T) {
	c := &decks.Card{ID: "t/scratch-asked", Question: "Georgia found two minerals. How will she know which one is harder?",
		Answer: "The harder mineral will leave a scratch on the less hard mineral."}
	for _, tc := range []struct {
		answer string
		agree  bool
	}{
		{"The one that does not have a scratch.", true},
		{"The one that scratches the other.", true},
		{"The one with a scratch.", false},
		{"Whichever one got scratched.", false},
		{"Whichever one got scratch.", false},
		{"Which one makes a deeper scratch.", true},
		{"Which had less scratches.", true},
		{"Which had more scratches.", false},
	} {
		s := Grade(c, tc.answer).Score
		if tc.agree && s < 80 || !tc.agree && s > 20 {
			t.Errorf("%q: score %d, want it to %s the reference", tc.answer, s, map[bool]string{true: "agree with", false: "contradict"}[tc.agree])
		}
	}
}

// A condition naming a party by the role verb runs on into the predicate
// after it: of the other party when another is named ("the nickel is
// harder"), of the same one when it is named again or by a pronoun.
func TestRoleCondition(t *testing.T) {
	c := scratchCard()
	for _, tc := range []struct {
		answer string
		agree  bool
	}{
		{"If the penny gets scratched the nickel is harder.", true},
		{"If the penny gets scratched, it is softer.", true},
		{"When the penny is scratched by the nickel, the nickel must be harder.", true},
		{"If the penny gets scratched, the penny is harder.", false},
		{"If the penny gets scratched, the nickel is softer.", false},
	} {
		s := Grade(c, tc.answer).Score
		if tc.agree && s < 80 || !tc.agree && s > 20 {
			t.Errorf("%q: score %d, want it to %s the reference", tc.answer, s, map[bool]string{true: "agree with", false: "contradict"}[tc.agree])
		}
	}
}
