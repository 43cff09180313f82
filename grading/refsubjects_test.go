package grading

import (
	"testing"

	"grill/decks"
)

// refSubjectsCard compares two methods whose key point labels name neither:
// the subjects come from the question and the sentences of the reference.
func refSubjectsCard(question string) *decks.Card {
	return &decks.Card{ID: "t/guidance", Question: question,
		Answer: "Classifier guidance adds the gradient of a separate classifier, trained on noisy images, to the score. " +
			"Classifier-free guidance trains one network with the condition dropped, an implicit classifier, and its cost is two forward passes per step.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Classifier trained on noisy images", Phrasings: []string{"trained on noisy images", "noisy classifier"}, Weight: 2},
			{Label: "Two forward passes", Phrasings: []string{"two forward passes"}, Weight: 1},
			{Label: "Condition dropout", Phrasings: []string{"condition dropped", "drop the condition"}, Weight: 1},
			{Label: "Implicit classifier", Phrasings: []string{"implicit classifier"}, Weight: 1},
		}}
}

// A point the reference says of one compared method is not covered by an
// answer that says it of the other.
func TestReferenceSubjects(t *testing.T) {
	const q = "How does classifier guidance work, and why did classifier-free guidance replace it?"
	for _, tc := range []struct {
		question, answer, label string
		covered                 bool
	}{
		{q, "Classifier-free guidance needs a separate classifier trained on noisy images.", "Classifier trained on noisy images", false},
		{q, "Classifier guidance needs a separate classifier trained on noisy images.", "Classifier trained on noisy images", true},
		{q, "Classifier guidance gets the same effect with the condition dropped in training, and it costs two forward passes.", "Two forward passes", false},
		{q, "Classifier-free guidance drops the condition in training and costs two forward passes.", "Two forward passes", true},
		// A sentence that names neither method is said of neither.
		{q, "Classifier guidance came first. It needs a classifier trained on noisy images.", "Classifier trained on noisy images", true},
		{q, "You need a classifier trained on noisy images for the first one.", "Classifier trained on noisy images", true},
		// A method named after the words is not what they are said of.
		{q, "A classifier trained on noisy images is used, which classifier-free guidance avoids.", "Classifier trained on noisy images", true},
		// A match that takes a word from the other method's name is said of it.
		{q, "Classifier guidance instead gets an implicit classifier from one model.", "Implicit classifier", false},
		{q, "Classifier-free guidance gets an implicit classifier from one model.", "Implicit classifier", true},
		// A question that compares nothing has no subjects.
		{"How does classifier guidance work, and where is classifier-free guidance used?",
			"Classifier-free guidance needs a separate classifier trained on noisy images.", "Classifier trained on noisy images", true},
	} {
		if p := point(t, Grade(refSubjectsCard(tc.question), tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q / %q: %q covered %v, want %v (%+v)", tc.question, tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}

// The question joining two names with "and" compares them, and a name
// whose words all stand inside a longer name of another subject
// ("classifier-free guidance") does not name its own.
func TestReferenceSubjectsJoinedNames(t *testing.T) {
	c := &decks.Card{ID: "t/sim", Question: "What causes the sim-to-real gap, and how do domain randomization and system identification address it?",
		Answer: "Domain randomization trains over many simulators, so the real world looks like one more variation. " +
			"System identification measures the real parameters and fits the simulator to them.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Reality as one more variation", Phrasings: []string{"one more variation"}, Weight: 1},
			{Label: "Measure parameters", Phrasings: []string{"measure the parameters", "fit the simulator"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"System identification randomises everything so the real world is one more variation.", "Reality as one more variation", false},
		{"Domain randomization randomises everything so the real world is one more variation.", "Reality as one more variation", true},
		{"Domain randomization measures the parameters and fits the simulator.", "Measure parameters", false},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}

// A point no label names, in a card whose labels name the compared
// subjects, is the subject's the reference names before it in the same
// sentence; a label naming two subjects is neither's; a sentence said of
// both ("Both use ...") attributes its words to either.
func TestReferenceSubjectsBesideLabels(t *testing.T) {
	c := &decks.Card{ID: "t/pool", Question: "Compare DiffPool with top-k pooling methods such as gPool.",
		Answer: "DiffPool learns a dense soft assignment and needs auxiliary losses.\n\n" +
			"Top-k pooling scores the nodes and keeps the best k. Both coarsen the graph layer by layer.\n\n" +
			"In practice all of this is memory hungry.",
		KeyPoints: []decks.KeyPoint{
			{Label: "DiffPool: soft cluster assignment", Phrasings: []string{"soft assignment"}, Weight: 1},
			{Label: "Top-k: keep the best nodes", Phrasings: []string{"keeps the best k"}, Weight: 1},
			{Label: "Auxiliary losses", Phrasings: []string{"auxiliary losses"}, Weight: 1},
			{Label: "Coarsen layer by layer", Phrasings: []string{"coarsen the graph"}, Weight: 1},
			{Label: "top-k and DiffPool both coarsen the graph", Phrasings: []string{"coarsen the graph"}, Weight: 1},
			{Label: "Memory hungry", Phrasings: []string{"memory hungry"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"Top-k pooling needs auxiliary losses to train.", "Auxiliary losses", false},
		{"DiffPool needs auxiliary losses to train.", "Auxiliary losses", true},
		{"Top-k pooling is cheap. Both need auxiliary losses.", "Auxiliary losses", true},
		{"Top-k pooling is cheap. It needs auxiliary losses.", "Auxiliary losses", false},
		{"DiffPool coarsens the graph.", "top-k and DiffPool both coarsen the graph", true},
		// A sentence of the reference that names no subject gives none.
		{"DiffPool is memory hungry.", "Memory hungry", true},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}

// A paragraph of the reference that opens with a subject's name speaks of
// it: its sentences that name none give their points to that subject.
func TestReferenceParagraphTopic(t *testing.T) {
	c := &decks.Card{ID: "t/backbones", Question: "Compare U-Net and DiT backbones.",
		Answer: "**U-Net**: a convolutional encoder-decoder with skip connections.\n\n" +
			"**DiT** (Peebles and Xie): a plain transformer on latent patches. Conditioning works best with adaLN-Zero.\n\n" +
			"Why the move: transformers like DiT scale. Attention cost grows with the token count.",
		KeyPoints: []decks.KeyPoint{
			{Label: "U-Net: encoder-decoder with skips", Phrasings: []string{"skip connections"}, Weight: 1},
			{Label: "DiT: transformer on patches", Phrasings: []string{"latent patches"}, Weight: 1},
			{Label: "adaLN-Zero conditioning", Phrasings: []string{"adaLN-Zero"}, Weight: 1},
			{Label: "Attention cost", Phrasings: []string{"attention cost"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"The U-Net conditions on the timestep with adaLN-Zero.", "adaLN-Zero conditioning", false},
		{"DiT conditions on the timestep with adaLN-Zero.", "adaLN-Zero conditioning", true},
		// A paragraph that opens with other words has no topic.
		{"The U-Net pays an attention cost too.", "Attention cost", true},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}

// "Unlike X, Y ...": the contrast word puts aside the name of its own
// clause, not the subject of the next one.
func TestUnlikeOpensSentence(t *testing.T) {
	c := &decks.Card{ID: "t/samplers", Question: "DDPM vs DDIM sampling?",
		Answer: "DDPM samples stochastically. DDIM is deterministic and skips steps.",
		KeyPoints: []decks.KeyPoint{
			{Label: "DDPM: stochastic sampling", Phrasings: []string{"stochastic"}, Weight: 1},
			{Label: "DDIM: skips steps", Phrasings: []string{"skips steps"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"Unlike DDIM, DDPM is fast and skips steps.", "DDIM: skips steps", false},
		{"Unlike DDPM, DDIM is fast and skips steps.", "DDIM: skips steps", true},
		{"DDIM, unlike DDPM, skips steps.", "DDIM: skips steps", true},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v (%+v)", tc.answer, tc.label, p.Covered, tc.covered, p)
		}
	}
}
