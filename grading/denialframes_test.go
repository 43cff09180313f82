package grading

import (
	"testing"

	"grill/decks"
)

// TestDisputeFrames checks denial frames of disputing, insisting and
// hedged falsity: each sentence denies the point, so it is not covered.
func TestDisputeFrames(t *testing.T) {
	c := denialTestCard()
	for _, s := range []string{
		"People like to insist a node aggregates information from its neighbours, but in practice that's overstated.",
		"The claim that a node aggregates information from its neighbours is also something I'd push back on.",
		"The notion that a node aggregates information from its neighbours is something I disagree with.",
		"The idea that a node aggregates information from its neighbours is more of a theoretical myth than anything.",
		"That a node aggregates information from its neighbours is a bit of a myth.",
		"I'd push back on the idea that a node aggregates information from its neighbours.",
		"I disagree with the claim that a node aggregates information from its neighbours.",
		"I would dispute the idea that a node aggregates information from its neighbours.",
		"I doubt that a node aggregates information from its neighbours.",
		"Don't fall for the claim that a node aggregates information from its neighbours.",
		"The old claim that a node aggregates information from its neighbours has been abandoned.",
		"The usual claim, that a node aggregates information from its neighbours, doesn't really hold up.",
		"That a node aggregates information from its neighbours does not quite hold.",
		"The claim that a node aggregates information from its neighbours is usually misunderstood.",
		"The idea that a node aggregates information from its neighbours is overhyped.",
		"A node aggregating information from its neighbours is no longer considered accurate.",
		"Few experts still believe a node aggregates information from its neighbours.",
		"I'd also dismiss the \"aggregates information from its neighbours\" argument: a node does something else.",
		"A common explanation is that a node aggregates information from its neighbours. That isn't how it works: it copies one neighbour.",
		"There's a lot of talk about how a node aggregates information from its neighbours. Honestly that framing doesn't hold up: it copies one neighbour.",
		"A node aggregates information from its neighbours. That isn't how it works: it copies one neighbour.",
		"A node aggregates information from its neighbours. Honestly, that framing doesn't hold up: it copies one neighbour.",
		"A node aggregates information from its neighbours. But that's not true: it copies one neighbour.",
		"A node aggregates information from its neighbours. That is wrong: it copies one neighbour.",
		"People explain message passing as a node that aggregates information from its neighbours, but that's a theoretical picture.",
		"Message passing is sometimes equated with a node that aggregates information from its neighbours, but they aren't the same.",
		"The claim that a node aggregates information from its neighbours is, in my view, marketing.",
		"A node aggregates information from its neighbours, supposedly.",
		"A node aggregates information from its neighbours - at least that is the myth.",
		"Everyone repeats that a node aggregates information from its neighbours, but it simply isn't so.",
		"The standard account says a node aggregates information from its neighbours, but the account is wrong.",
		"Another misconception: a node aggregates information from its neighbours.",
		"Not true: a node aggregates information from its neighbours.",
		"Nor is it true that a node aggregates information from its neighbours.",
		"Despite the common claim that a node aggregates information from its neighbours, this does not happen.",
	} {
		r := Grade(c, s+" Each node then updates its state with an MLP.")
		if r.Points[0].Covered {
			t.Errorf("%q covers the point it denies", s)
		}
		if !r.Points[1].Covered {
			t.Errorf("%q: the sentence after the denial lost its point", s)
		}
	}
	// Disputing something else denies nothing of the point.
	for _, s := range []string{
		"A node aggregates information from its neighbours; I'd push back on using max there.",
		"A node aggregates information from its neighbours, and people insist on sum for that.",
		"A node aggregates information from its neighbours. That isn't how max pooling works: it keeps one value.",
		"A node aggregates information from its neighbours. That is how it works: it sums them.",
		"A node aggregates information from its neighbours. That framing holds up: it sums them.",
		"A node aggregates information from its neighbours, despite the common claim that max pooling is enough.",
	} {
		if !Grade(c, s).Points[0].Covered {
			t.Errorf("%q: a dispute of something else took the point back", s)
		}
	}
}

// TestDismissalPredicates checks predicates that dismiss what their clause
// names: it is not covered.
func TestDismissalPredicates(t *testing.T) {
	c := &decks.Card{ID: "t/mp2", Question: "What is message passing in GNNs?", Answer: "Each node aggregates information from its neighbours and updates its state.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Aggregate from neighbours", Phrasings: []string{"aggregating information from its neighbours"}, Weight: 1},
			{Label: "Update", Phrasings: []string{"updates its state"}, Weight: 1},
		}}
	for _, s := range []string{
		"A node aggregating information from its neighbours is a minor detail.",
		"A node aggregating information from its neighbours is beside the point.",
		"A node aggregating information from its neighbours is rarely needed.",
		"A node aggregating information from its neighbours is mostly ritual.",
		"A node aggregating information from its neighbours is a theoretical curiosity.",
		"A node aggregating information from its neighbours is just a sampling detail.",
		"Nobody relies on a node aggregating information from its neighbours anymore.",
		"A node aggregating information from its neighbours is a mere footnote.",
	} {
		r := Grade(c, s+" Each node then updates its state with an MLP.")
		if r.Points[0].Covered {
			t.Errorf("%q covers the point it dismisses", s)
		}
	}
	for _, s := range []string{
		"A node aggregating information from its neighbours is an important detail.",
		"A node aggregating information from its neighbours is often needed.",
	} {
		if !Grade(c, s).Points[0].Covered {
			t.Errorf("%q: no dismissal, yet the point is not covered", s)
		}
	}
}

// denialTestCard is a message-passing card with two points, for the denial
// tests: "Aggregate from neighbours" and "Update".
func denialTestCard() *decks.Card {
	return &decks.Card{ID: "t/mp", Question: "What is message passing in GNNs?", Answer: "Each node aggregates information from its neighbours and updates its state.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Aggregate from neighbours", Phrasings: []string{"aggregates information from its neighbours"}, Weight: 1},
			{Label: "Update", Phrasings: []string{"updates its state"}, Weight: 1},
		}}
}
