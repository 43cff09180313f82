package grading

import "testing"

// verdict grades answer against a card with one key point of the given
// phrasing and names what the grader made of it.
func verdict(t *testing.T, phrasing, answer string) string {
	t.Helper()
	r := Grade(card([]string{"point", phrasing}), answer)
	switch p := r.Points[0]; {
	case p.Covered, p.Listed:
		return "covered"
	case p.Contradicted:
		return "contradicted"
	}
	return "missed"
}

// TestNegatedVerbReachesItsPhrases: a negated verb negates its object and
// the prepositional phrases attached to it, however many words they take,
// and a negative determiner its noun phrase with its prepositional phrases.
func TestNegatedVerbReachesItsPhrases(t *testing.T) {
	for _, c := range []struct{ phrasing, answer string }{
		{"inner product decoder", "A graph autoencoder does not reconstruct the edges with an inner-product decoder."},
		{"inner product decoder", "It never rebuilds the adjacency of the graph with an inner-product decoder."},
		{"upsampling half", "There is no path from the downsampling half of the network to the upsampling half."},
		{"upsampling half", "Without any path from the downsampling half of the network to the upsampling half, detail is lost."},
		{"gaussian paths", "Flow matching has no relation to the noise schedule of DDPM or to Gaussian paths."},
		{"distillation step", "It trains without a pretrained diffusion teacher model or a separate distillation step."},
	} {
		if v := verdict(t, c.phrasing, c.answer); v != "contradicted" {
			t.Errorf("%q in %q: %s, want contradicted", c.phrasing, c.answer, v)
		}
	}
}

// TestNegationScopeStops: the phrase a negation governs ends where the
// clause's grammar ends it, not after a number of words: at a clause break
// or contrast, a subordinate clause ("if", "when", "that"), a comparison,
// a new subject, a new predicate after a negated noun phrase, a gerund or
// means after it, and an adjunct of purpose or time.
func TestNegationScopeStops(t *testing.T) {
	for _, c := range []struct{ phrasing, answer string }{
		// contrast and clause breaks
		{"deterministic", "DDIM is not stochastic in its sampling steps but deterministic."},
		{"residual", "It never predicts the clean image from the noisy input, only the residual."},
		{"inner product decoder", "It does not reconstruct the node features of the graph, but the edges with an inner-product decoder."},
		{"inner product decoder", "It never reconstructs the node features of the graph; it uses an inner-product decoder."},
		{"inner product decoder", "It does not reconstruct the node features of the graph, only edges, through an inner-product decoder."},
		// a restriction inside the clause, as typed without commas
		{"sample of neighbours", "GraphSAGE does not aggregate over the full neighbourhood only a fixed-size sample of neighbours."},
		{"sample of neighbours", "GraphSAGE does not aggregate over the full neighbourhood just a fixed-size sample of neighbours."},
		// a subordinate clause
		{"inner product decoder", "Training does not converge in practice if paired with an inner-product decoder."},
		// a comparison
		{"web data", "A robot sees no demonstrations of such breadth compared with web data."},
		// a new subject in a run-on clause
		{"restart the episode", "If the token hasn't appeared after a fixed time you restart the episode from the same state."},
		// a new predicate after a negated noun phrase
		{"neighbour features", "With no attention the layer aggregates the neighbour features uniformly."},
		// a means after a negated noun phrase
		{"canonicalising every molecule", "EGNN gets there without spherical harmonics by canonicalising every molecule first."},
		// purpose and time
		{"fast sampling", "DDIM does not need any retraining of the model for fast sampling."},
		{"distil the model", "Consistency training does not need a pretrained diffusion teacher to distil the model."},
	} {
		if v := verdict(t, c.phrasing, c.answer); v != "covered" {
			t.Errorf("%q in %q: %s, want covered", c.phrasing, c.answer, v)
		}
	}
}

// TestNotSomethingThat: "X is not something that Y" denies Y of X: the
// negation reads on into the relative clause after an empty head.
func TestNotSomethingThat(t *testing.T) {
	const answer = "The noise schedule is not something that the denoising network ever learned jointly."
	if v := verdict(t, "learned jointly", answer); v != "contradicted" {
		t.Errorf("%q: %s, want contradicted", answer, v)
	}
	const relative = "The schedule is not fixed by hand, which the network then learned jointly."
	if v := verdict(t, "learned jointly", relative); v != "covered" {
		t.Errorf("%q: %s, want covered", relative, v)
	}
}

// TestUnsureIsNoDenial: what the speaker does not remember or know is not
// said to be false.
func TestUnsureIsNoDenial(t *testing.T) {
	const answer = "I don't remember the details of the inner-product decoder."
	if v := verdict(t, "inner product decoder", answer); v == "contradicted" {
		t.Errorf("%q: %s, want not contradicted", answer, v)
	}
}

// TestReferenceWordsNegatedNearOnly: the coverage of a whole reference
// compares words one by one, so the argument a negated verb reaches only
// through its phrase is not said negated there ("is not connected to the
// positive battery terminal" still speaks of the terminal), though a key
// point's match is.
func TestReferenceWordsNegatedNearOnly(t *testing.T) {
	c := card([]string{"point", "battery terminal"})
	a := matcherFor(c).analyzeText("Terminal 1 is not connected to the positive battery terminal.", true)
	found := false
	for i, tk := range a.toks {
		if tk.word != "battery" {
			continue
		}
		found = true
		if a.negatedBefore(i) != negStrong {
			t.Errorf("battery: negatedBefore %v, want negStrong", a.negatedBefore(i))
		}
		if a.saidNegated(i) {
			t.Error("battery: said negated in the reference coverage")
		}
	}
	if !found {
		t.Fatal("no token battery")
	}
}

// TestLackingCapabilityAcrossPhrase: a capability negated before a long
// phrase states the limitation the phrase ends with.
func TestLackingCapabilityAcrossPhrase(t *testing.T) {
	c := card([]string{"Fails on one-to-many relations", "one-to-many relations"})
	const answer = "TransE can't represent the many tails of a head in one-to-many relations."
	if p := Grade(c, answer).Points[0]; !p.Covered {
		t.Errorf("%q: %+v, want covered", answer, p)
	}
}

// TestNegativeSubjectNegatesPredicate: a clause whose subject is a
// negative quantifier or "no X" denies its predicate as far as a negated
// verb reaches, and says nothing of the quantifier's noun phrase; the
// coverage of a whole reference still reads that noun phrase as said.
func TestNegativeSubjectNegatesPredicate(t *testing.T) {
	for _, c := range []struct{ phrasing, answer string }{
		{"vision backbone", "Nothing in the vision backbone depends on the text."},
		{"language instruction", "No layer of the vision backbone ever depends on the language instruction at any point."},
		{"node pairs", "Nobody ever builds the full dense matrix of all the node pairs in memory."},
	} {
		if v := verdict(t, c.phrasing, c.answer); v != "contradicted" {
			t.Errorf("%q in %q: %s, want contradicted", c.phrasing, c.answer, v)
		}
	}
	for _, c := range []struct{ phrasing, answer string }{
		{"scratched the glass", "None of the tools could scratch topaz, but the nail scratched the glass."},
		{"learns from its own outputs", "No teacher is needed when the student learns from its own outputs."},
		{"image features", "No layer of the backbone depends on the language only on the image features."},
	} {
		if v := verdict(t, c.phrasing, c.answer); v != "covered" {
			t.Errorf("%q in %q: %s, want covered", c.phrasing, c.answer, v)
		}
	}
	a := matcherFor(card([]string{"point", "tools"})).analyzeText("None of the tools could scratch topaz.", true)
	for i, tk := range a.toks {
		if tk.word == "tools" && (a.negatedBefore(i) != negStrong || a.saidNegated(i)) {
			t.Errorf("tools: negatedBefore %v, saidNegated %v; want negStrong, false", a.negatedBefore(i), a.saidNegated(i))
		}
	}
}

// TestNegatedVariationStatesInvariance: "does not change under X" says X
// happens and nothing changes: X is not negated beyond the window.
func TestNegatedVariationStatesInvariance(t *testing.T) {
	for _, answer := range []string{
		"The sum does not change under a random reordering of the input nodes.",
		"The readout never depends on any particular reordering of the input nodes.",
	} {
		if v := verdict(t, "reordering of the input nodes", answer); v != "covered" {
			t.Errorf("%q: %s, want covered", answer, v)
		}
	}
}
