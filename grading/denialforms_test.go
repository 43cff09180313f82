package grading

import (
	"testing"

	"grill/decks"
)

// TestUnparsedDenialForms checks denial wordings beyond denialframes_test.go:
// bare disagreements ("Far from it.", "Actually, no."), verdicts that open
// the next clause or sentence ("they are wrong", "That is a misreading: Y",
// "The truth is Y"), inverted verdicts ("Equally wrong is the claim that
// X"), concessive reports ("Although many say X, Y"), "holds that",
// "neither is it true that", "despite claims that", "which is out of
// date", "which stopped being true", "both are myths" (plural verdicts), "X - a misreading", "X? A
// common misreading.", "..., but the paper says otherwise", "The reality is
// different", "In the paper, though, Y", "X is a leftover from
// ...", "billed as X, but", "another myth concerns X". Each sentence denies
// the point; the sentence after it keeps its own point; and the same claim
// said plainly still covers.
func TestUnparsedDenialForms(t *testing.T) {
	c := denialTestCard()
	const claim = "a node aggregates information from its neighbours"
	for _, s := range []string{
		"Some say " + claim + ". Far from it.",
		"Some say " + claim + ". Quite the opposite.",
		"Some say " + claim + ". Absolutely not.",
		"It is often said that " + claim + ". Of course not.",
		"Supposedly " + claim + "? No way.",
		"Does " + claim + "? Not quite.",
		"Many claim " + claim + ". Nothing could be further from the truth.",
		"A textbook will tell you " + claim + ". Actually, no.",
		"Tutorials claim " + claim + "; they are wrong, it copies one neighbour.",
		"Most people assume " + claim + ". That is a misreading: it copies one neighbour.",
		"Most people assume " + claim + ". In truth, it copies one neighbour.",
		"Most people assume " + claim + ". The truth is that it copies one neighbour.",
		"Most people assume " + claim + ", when in truth it copies one neighbour.",
		"It is commonly said that " + claim + "; the opposite is true.",
		"Equally wrong is the claim that " + claim + ".",
		"Similarly mistaken is the view that " + claim + ".",
		"Also wrong: " + claim + ".",
		"Although many say " + claim + ", it copies one neighbour.",
		"While some claim " + claim + ", it copies one neighbour.",
		"A popular misconception holds that " + claim + ".",
		"Legend has it that " + claim + ".",
		"Neither is it true that " + claim + ".",
		"Despite claims that " + claim + ", it copies one neighbour.",
		"Another myth concerns how " + claim + ".",
		"The claim that " + claim + " is apocryphal.",
		"Textbooks say " + claim + ", which is out of date.",
		"The textbook story is that " + claim + "; that story is out of date.",
		"It is said that " + claim + ", which stopped being true with GATv2.",
		"It is widely taught that " + claim + ". This stopped being true with GATv2.",
		claim + " and that it needs a lot of training - both are myths.",
		claim + ". These are misconceptions.",
		claim + " - a misreading of the paper. It copies one neighbour.",
		claim + ", a common misreading; it copies one neighbour.",
		claim + "? A common misreading. It copies one neighbour.",
		"Many say " + claim + ", but the paper says otherwise.",
		"Many say " + claim + ". The reality is different: it copies one neighbour.",
		"It is usually said that " + claim + ". In the paper, though, it copies one neighbour.",
		"That " + claim + " is largely illusory.",
	} {
		r := Grade(c, s+" Each node then updates its state with an MLP.")
		if r.Points[0].Covered {
			t.Errorf("%q covers the point it denies", s)
		}
		if !r.Points[1].Covered {
			t.Errorf("%q: the sentence after the denial lost its point", s)
		}
	}
	// The same words, said plainly or as a concession of something else,
	// still cover.
	for _, s := range []string{
		"Far from it: " + claim + ".",
		"Although many say it is slow, " + claim + ".",
		"While the graph is large, " + claim + ".",
		"Equally important is the fact that " + claim + ".",
		"Also true: " + claim + ".",
		"Despite claims that it is slow, " + claim + ".",
		"The truth is that " + claim + ".",
		"People think it is slow. In truth, " + claim + ".",
		"Message passing is simple. " + claim + ".",
		claim + ", and its features are never out of date.",
		claim + ", a common choice; it copies nothing.",
		"Many say " + claim + ". Those people are right, though.",
	} {
		r := Grade(c, s+" Each node then updates its state with an MLP.")
		if !r.Points[0].Covered {
			t.Errorf("%q lost the point it asserts", s)
		}
	}
}

// TestDismissedLeftover checks that "X is a leftover from ..." dismisses
// X like "X is a relic" does.
func TestDismissedLeftover(t *testing.T) {
	c := &decks.Card{ID: "t/ro", Question: "How do you read out a graph?", Answer: "Sum, mean or max pooling over the nodes.",
		KeyPoints: []decks.KeyPoint{{Label: "Pooling", Phrasings: []string{"sum, mean or max pooling"}, Weight: 1}}}
	for _, s := range []string{
		"Sum, mean or max pooling is a leftover from the early papers.",
		"Sum, mean or max pooling is a relic of the early papers.",
		"Sum, mean or max pooling is a vestige of the early papers.",
	} {
		if Grade(c, s).Points[0].Covered {
			t.Errorf("%q covers the point it dismisses", s)
		}
	}
	if !Grade(c, "Sum, mean or max pooling over the nodes gives the graph embedding.").Points[0].Covered {
		t.Error("plain pooling lost its point")
	}
}
