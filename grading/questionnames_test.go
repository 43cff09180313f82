package grading

import (
	"testing"

	"grill/decks"
)

// A name the question sets beside a labelled subject is a compared subject
// too: a point labelled "node2vec: ..." is not covered by the same words
// said of DeepWalk, which no label names.
func TestQuestionNameBesideLabelledSubject(t *testing.T) {
	card := func(q string) *decks.Card {
		return &decks.Card{ID: "t/walks", Question: q,
			Answer: "Both run random walks and train skip-gram on them. node2vec biases its walks with a return parameter p and an in-out parameter q.",
			KeyPoints: []decks.KeyPoint{
				{Label: "Random walks as sentences, skip-gram", Phrasings: []string{"random walks", "skip-gram"}, Weight: 1},
				{Label: "node2vec: biased walks with p and q", Phrasings: []string{"biased walk", "return parameter p", "in-out parameter q"}, Weight: 1},
			}}
	}
	const label = "node2vec: biased walks with p and q"
	for _, tc := range []struct {
		question, answer string
		covered          bool
	}{
		{"How do DeepWalk and node2vec learn node embeddings?",
			"DeepWalk is the one with biased walks, set by a return parameter p and an in-out parameter q.", false},
		{"How do DeepWalk and node2vec learn node embeddings?",
			"node2vec is the one with biased walks, set by a return parameter p and an in-out parameter q.", true},
		{"How do DeepWalk and node2vec learn node embeddings?",
			"Unlike DeepWalk, node2vec uses biased walks with a return parameter p and an in-out parameter q.", true},
		// An example of the labelled subject's kind is no other subject.
		{"How do walk methods such as node2vec and DeepWalk learn embeddings?",
			"DeepWalk is the one with biased walks, set by a return parameter p and an in-out parameter q.", true},
		// Nor is a name the question does not set beside it.
		{"How does node2vec learn node embeddings, and when beat a GNN?",
			"A GNN is the one with biased walks, set by a return parameter p and an in-out parameter q.", true},
	} {
		p := point(t, Grade(card(tc.question), tc.answer), label)
		if p.Covered != tc.covered {
			t.Errorf("%q / %q: covered %v, want %v (%+v)", tc.question, tc.answer, p.Covered, tc.covered, p)
		}
	}
}
