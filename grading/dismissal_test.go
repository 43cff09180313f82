package grading

import "testing"

// TestRejectingPredicates: a predicate that calls its subject ritual,
// marketing, a myth, overhyped, or says it doesn't hold up takes the
// subject back, across an aside ("in my view"), an appositive ("the usual
// explanation, that X, ...") or a reference back that opens the next
// sentence ("Honestly, that picture doesn't hold up").
func TestRejectingPredicates(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, label, false,
		"The claim that "+x+" is mostly ritual.",
		"The claim that "+x+" is, in my view, marketing.",
		"The idea that "+x+" is more of a theoretical myth than a fact.",
		"The story that "+x+" is little more than folklore.",
		"The usual explanation, that "+x+", doesn't really hold up.",
		"The picture where "+x+" does not hold water.",
		"Textbooks draw message passing as a loop where "+x+". Honestly, that picture doesn't hold up.",
		"The aggregation of information from neighbours is an overhyped story.",
		"Aggregating information from neighbours is a theoretical myth.",
		"The aggregation of information from neighbours is something I'd push back on.",
		"The claim that "+x+" is wishful thinking.",
		"The claim that "+x+" is mostly theoretical.",
		"The claim that "+x+" is old news.",
		"The claim that "+x+" is not supported by the evidence.",
		"The idea that "+x+" falls apart on inspection.",
		"The argument that "+x+" misses the point.",
		x+"? That's a fairy tale.",
		x+". I'd call that a myth.",
		x+" - or so people like to think.",
		"Aggregating information from neighbours has been shown to be a myth.",
		"Aggregating information from neighbours turns out to be a myth.",
		"The notion that "+x+" has long been abandoned.",
		"The view that "+x+" is no longer held.",
		"The idea that "+x+" was abandoned years ago.",
		"The story that "+x+" is a half-truth at best.",
		"Aggregating information from neighbours is a popular but mistaken idea.",
		x+" — a claim that does not survive scrutiny.",
		x+", an idea which has been debunked.",
	)
	wantCovered(t, c, label, true,
		"The claim that message passing needs many layers is overstated, but "+x+".",
		"Deep stacks are mostly ritual; "+x+".",
		"Deep stacks are a theoretical myth, but "+x+".",
		"Each node aggregates information from its neighbours, which is a theoretical result about expressivity.",
		"Each node aggregates information from its neighbours, so the reported accuracy is inflated by leakage.",
		"The accuracy breaks down for deep stacks, since "+x+".",
		x+", and the gain is mostly theoretical for small graphs.",
		"I'd call it message passing: "+x+".",
		x+"; the EMA has been dropped in newer models.",
		x+", and the model has been shown to be robust.",
		x+", a process that does not need labels.",
		x+" — an idea that works well in practice.",
	)
}

// TestNoLongerAProblem: "X is no longer a limitation" and "X is a
// theoretical worst case" reject a limitation point.
func TestNoLongerAProblem(t *testing.T) {
	c := builtinCard(t, "vla/limitations")
	const label = "Heavy compute, slow inference"
	wantCovered(t, c, label, false,
		"VLAs need lots of data. The latency of big models is no longer a bottleneck.",
		"VLAs need lots of data. Latency from large models is a theoretical concern.",
		"VLAs need lots of data. Latency from large models? That's a theoretical worst case.",
	)
	if p := point(t, Grade(c, "VLAs need lots of data, and latency from large models remains a real limitation."), label); !p.Covered {
		t.Errorf("a limitation kept: %+v, want covered", p)
	}
}

// TestSpeakerRejection: "I'd push back on X", "I'd dismiss X", "we dispute
// X", "I'm skeptical of X" deny X; the rejection reaches to the end of its
// clause, or of the sentence when its object is a reported claim.
func TestSpeakerRejection(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, label, false,
		"I'd push back on the idea that "+x+".",
		"Message passing is a loop. I'd also dismiss the aggregation of information from neighbours.",
		"We dispute the claim that "+x+".",
		"I'm skeptical of the view that "+x+".",
		"I would strongly question the notion that "+x+".",
		"I'd argue against the idea that "+x+".",
		"I'm not convinced that "+x+".",
	)
	if p := point(t, Grade(c, "I'd push back on deep stacks: "+x+"."), label); !p.Covered {
		t.Errorf("a claim after the rejected one: %+v, want covered", p)
	}
}

// TestDismissedWithNoun: "X is unnecessary caution", "X is a nice-to-have
// rather than a requirement", "X is optional" dismiss X as "X is
// unnecessary" does; "X is no problem" rejects a limitation.
func TestDismissedWithNoun(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	wantCovered(t, c, "Aggregate information from neighbours", false,
		"Aggregating information from neighbours is unnecessary overhead.",
		"Aggregating information from neighbours is a nice-to-have rather than a requirement.",
		"Aggregating information from neighbours is optional.",
	)
	if p := point(t, Grade(c, "Each node aggregates information from its neighbours. Attention is optional."), "Aggregate information from neighbours"); !p.Covered {
		t.Errorf("something else optional: %+v, want covered", p)
	}
	fast := card([]string{"Faster sampling", "faster sampling"})
	if p := point(t, Grade(fast, "DDIM skips steps, and the faster sampling is a welcome bonus."), "Faster sampling"); !p.Covered {
		t.Errorf("a bonus is no dismissal: %+v, want covered", p)
	}
	lim := builtinCard(t, "gnn/transe-kg-embeddings")
	r := Grade(lim, "TransE represents each relation as a vector r so that h + r ≈ t. One-to-many relations are no problem either, since several tails can all be close to h + r.")
	if p := point(t, r, "Fails on one-to-many relations"); p.Covered {
		t.Errorf("a limitation said to be no problem: %+v, want not covered", p)
	}
}

// TestRelativeClauseIsNoDenial: "a scheme that doesn't assume a node
// order" says what the scheme does not do; it denies nothing after it, as
// "don't assume that X" does.
func TestRelativeClauseIsNoDenial(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, label, true,
		"Message passing is a scheme that doesn't assume a node order: "+x+".",
		"Message passing, which does not consider edge types, means "+x+".",
	)
	if p := point(t, Grade(c, "Don't assume that "+x+"."), label); p.Covered {
		t.Errorf("denied: %+v, want not covered", p)
	}
}

// TestInsteadOfStaysInDenial: "instead of" and "rather than" inside a
// reported claim stay in its denial; "instead" as an adverb ends it.
func TestInsteadOfStaysInDenial(t *testing.T) {
	c := card([]string{"No min-max", "no min-max"})
	r := Grade(c, "Some say diffusion wins because its loss is a plain regression instead of a min-max game, but GAN instability is a solved problem nowadays.")
	if p := point(t, r, "No min-max"); p.Covered {
		t.Errorf("reported and corrected: %+v, want not covered", p)
	}
	r = Grade(c, "Some say diffusion wins by scale, but it wins because its loss is a plain regression instead of a min-max game.")
	if p := point(t, r, "No min-max"); !p.Covered {
		t.Errorf("the correction: %+v, want covered", p)
	}
}

// TestNotAbout: "it is not (really) about X" denies X as what matters, to
// the end of its clause; "not only about" adds.
func TestNotAbout(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, label, false,
		"It is not really about the fact that "+x+".",
		"Honestly, it's not about how "+x+"; it comes from depth.",
	)
	wantCovered(t, c, label, true,
		"It's not about depth - "+x+".",
		"It is not only about the fact that "+x+".",
		x+". It is not about attention, it is about the update.",
	)
}

// TestOverstatedIsNoOpposite: "X is overstated" says X is made more of
// than it is, not that its opposite holds: it takes back X without
// asserting "no X".
func TestOverstatedIsNoOpposite(t *testing.T) {
	neg := card([]string{"No mode collapse", "no mode collapse"})
	pos := card([]string{"Mode collapse", "mode collapse"})
	for _, answer := range []string{
		"GANs are unstable. Mode collapse is overstated as a GAN weakness.",
		"GANs are unstable. The mode collapse is an overstated problem.",
	} {
		if p := point(t, Grade(neg, answer), "No mode collapse"); p.Covered {
			t.Errorf("%q: %+v, want 'no mode collapse' not covered", answer, p)
		}
		if p := point(t, Grade(pos, answer), "Mode collapse"); p.Covered {
			t.Errorf("%q: %+v, want 'mode collapse' not covered", answer, p)
		}
	}
	if p := point(t, Grade(neg, "GANs are unstable. It is a myth that diffusion suffers mode collapse."), "No mode collapse"); !p.Covered {
		t.Errorf("a myth: %+v, want 'no mode collapse' covered", p)
	}
}
