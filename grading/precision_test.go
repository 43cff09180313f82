package grading

import "testing"

// TestReasonClauseBreaksPhrasing: a key point's phrasing is not gathered
// from a clause and the reason, concession or contrast clause that follows
// it after a comma ("..., since ...", "..., while ..."): "the right solver,
// since an ODE has no randomness" does not say "ODE solver". Either clause
// alone still covers it, and a temporal "while" or "since" without a comma
// does not break a match.
func TestReasonClauseBreaksPhrasing(t *testing.T) {
	c := builtinCard(t, "diffusion/probability-flow-ode")
	const label = "Fast ODE solvers"
	wantCovered(t, c, label, false,
		"You can integrate it in a single step with the right solver, since an ODE has no randomness to average out.",
		"You can integrate it in a single step with the right solver; although an ODE has no randomness, the likelihoods are bounds.",
		"It needs the right solver, while an ODE has no randomness to average out.",
	)
	wantCovered(t, c, label, true,
		"You can use an off-the-shelf ODE solver, since the trajectory is deterministic.",
		"Since the trajectory is deterministic, you can use an adaptive ODE solver.",
	)
}

// TestNegatedFreeIsSaid: "X-free" says X is absent, and a negation right
// before it denies the absence: "it is not training-free" and "neither
// cheap nor training-free" say training is needed, so they contradict "no
// training"; "training-free" alone, and a negation further back ("no ODE
// is solved during training, so it is simulation-free"), keep their cover.
func TestNegatedFreeIsSaid(t *testing.T) {
	c := builtinCard(t, "diffusion/negative-prompts")
	const label = "Sampling time only"
	wantContradicted(t, c, label,
		"It is not training-free.",
		"So it's neither cheap nor training-free.",
	)
	if p := point(t, Grade(c, "It is training-free."), label); !p.Covered {
		t.Errorf("training-free: %+v, want covered", p)
	}
	fm := builtinCard(t, "diffusion/flow-matching")
	const answer = "No ODE is solved during training, so it is simulation-free."
	if p := point(t, Grade(fm, answer), "Simulation-free training"); !p.Covered {
		t.Errorf("%q: %+v, want covered", answer, p)
	}
}

// TestDeniedReplacement: a point that is itself a replacement ("Replaces
// the unconditional branch of CFG") is said by its words whatever their
// polarity, and turned round by a negation of the replacement ("is not used
// instead of", "does not replace", "never takes the place of", "rather
// than replacing") or by a
// denial frame around it ("it is a myth that ... instead of ..."); a denial
// of the negated replacement asserts it again.
func TestDeniedReplacement(t *testing.T) {
	c := builtinCard(t, "diffusion/negative-prompts")
	const label = "Replaces the unconditional branch of CFG"
	wantContradicted(t, c, label,
		"It is a myth that the negative prompt is used instead of the empty prompt.",
		"The negative prompt is not used instead of the empty prompt.",
		"The negative prompt does not replace the unconditional prediction.",
		"The negative prompt never takes the place of the empty prompt.",
	)
	vla := builtinCard(t, "vla/key-innovation")
	const rather = "Rather than replacing the separate modules, a VLA adds a language interface."
	if p := point(t, Grade(vla, rather), "Replaces modular robotics pipeline"); p.Covered || !p.Contradicted {
		t.Errorf("%q: %+v, want contradicted", rather, p)
	}
	const instead = "Instead of keeping the separate modules, a VLA maps pixels to actions."
	if p := point(t, Grade(vla, instead), "Replaces modular robotics pipeline"); !p.Covered {
		t.Errorf("%q: %+v, want covered", instead, p)
	}
	wantCovered(t, c, label, true,
		"The negative prompt is used instead of the empty prompt.",
		"The negative prompt takes the place of the empty prompt.",
		"It is a myth that the negative prompt does not replace the unconditional prediction.",
		"The empty prompt is not used; the negative prompt's prediction is used in its place.",
	)
}

// TestSpuriousResult: a result called an artefact ("the 3x improvement is
// an artefact of how they evaluated") is denied like "the 3x improvement is
// a myth"; a result called real keeps its cover.
func TestSpuriousResult(t *testing.T) {
	c := builtinCard(t, "vla/rt2-emergent")
	const label = "≈3× on emergent skills"
	wantContradicted(t, c, label,
		"The roughly 3x improvement on those tests is an artefact of how they evaluated.",
		"The roughly 3x improvement is mostly an artifact of the benchmark.",
	)
	if p := point(t, Grade(c, "The 3x improvement on emergent skills is real."), label); !p.Covered {
		t.Errorf("real: %+v, want covered", p)
	}
}

// TestHypedAnswerCorrected: a subject called the advertised, touted or
// so-called fix, then corrected ("..., but it wrecks the inductive bias";
// "However, ..."), is what others sell, not what the answer says; called
// the usual fix, it keeps its cover.
func TestHypedAnswerCorrected(t *testing.T) {
	c := builtinCard(t, "gnn/over-squashing")
	const label = "Rewiring and other fixes"
	wantCovered(t, c, label, false,
		"Rewiring the graph to add shortcuts is the usual advertised fix, but it mostly wrecks the inductive bias; I'd rather stack more layers.",
		"Rewiring the graph is the so-called fix. However, it wrecks the inductive bias.",
	)
	const usual = "Rewiring the graph to add shortcuts is the usual fix, but it changes the graph."
	if p := point(t, Grade(c, usual), label); !p.Covered {
		t.Errorf("%q: %+v, want covered", usual, p)
	}
}

// TestLimitationHandledPerfectly: the name of a limitation as the subject
// of a clause whose predicate says it is handled without fault ("symmetric
// relations such as married_to are modelled perfectly") contradicts the
// limitation, however far the predicate stands from the name; a negated
// predicate keeps it.
func TestLimitationHandledPerfectly(t *testing.T) {
	c := builtinCard(t, "gnn/transe-kg-embeddings")
	const label = "Fails on symmetric relations"
	wantContradicted(t, c, label,
		"Symmetric relations such as married_to are modelled perfectly.",
		"Symmetric relations are modelled perfectly.",
	)
	if p := point(t, Grade(c, "TransE fails on symmetric relations."), label); !p.Covered {
		t.Errorf("fails: %+v, want covered", p)
	}
}

// TestOutnumberedNames: in an answer that asserts more misconceptions than
// it covers points, a point named only by a bare name ("SDDMM") is not
// covered; where the answer gets as many points right as wrong, the name
// keeps its cover.
func TestOutnumberedNames(t *testing.T) {
	c := builtinCard(t, "gnn/sparse-message-passing")
	const label = "DGL: g-SpMM and SDDMM"
	const wrong = "PyG stores the graph as an N×N boolean mask. DGL uses SDDMM for everything. Messages are computed per node rather than per edge."
	if p := point(t, Grade(c, wrong), label); p.Covered {
		t.Errorf("%q: %+v, want not covered", wrong, p)
	}
	const mixed = "PyG stores the graph as an N×N boolean mask. DGL uses SDDMM for everything. Messages are computed per edge and scattered with scatter_add into the target nodes."
	if p := point(t, Grade(c, mixed), label); !p.Covered {
		t.Errorf("%q: %+v, want covered", mixed, p)
	}
}

// TestHardToSaysCannot: "hard to", "difficult to" or "impossible to" before
// a verb says it can hardly be done, as a phrasing about what cannot be
// done has it: "nodes become hard to tell apart" says they are
// indistinguishable; "easy to tell apart" still contradicts it.
func TestHardToSaysCannot(t *testing.T) {
	c := builtinCard(t, "gnn/over-smoothing")
	const label = "Representations converge, indistinguishable"
	wantCovered(t, c, label, true,
		"After many layers the nodes become hard to tell apart.",
		"After many layers the nodes are impossible to tell apart.",
	)
	const easy = "After many layers the nodes become easy to tell apart."
	if p := point(t, Grade(c, easy), label); p.Covered || !p.Contradicted {
		t.Errorf("%q: %+v, want contradicted", easy, p)
	}
}

// TestNegatedReference: a word taken up by a reference inside a negated
// phrase later in its clause is negated with it: "one big graph with no
// edges between them" says there are no edges between graphs, and covers
// "no edges between graphs" instead of contradicting it.
func TestNegatedReference(t *testing.T) {
	c := builtinCard(t, "gnn/graph-batching")
	const label = "No messages across graphs"
	const answer = "All graphs of a batch go into one big graph with no edges between them."
	if p := point(t, Grade(c, answer), label); !p.Covered {
		t.Errorf("%q: %+v, want covered", answer, p)
	}
	const edges = "All graphs of a batch go into one big graph with edges between them."
	if p := point(t, Grade(c, edges), label); p.Covered {
		t.Errorf("%q: %+v, want not covered", edges, p)
	}
}

// TestOutnumberedNamesTie: with at least two misconceptions asserted and no
// more points covered than that, a point named once by a bare name is not
// covered ("kinesthetic", "follower arms" beside scripted, perfectly
// consistent demos); with one misconception and one name the name keeps
// its cover.
func TestOutnumberedNamesTie(t *testing.T) {
	c := builtinCard(t, "vla/teleoperation-aloha")
	const two = "ALOHA records demonstrations by kinesthetic teaching: the operator pushes the follower arms by hand. The demos are scripted and replayed, so they are perfectly consistent demonstrations."
	for _, label := range []string{"Kinesthetic teaching", "Leader–follower joint mapping"} {
		if p := point(t, Grade(c, two), label); p.Covered {
			t.Errorf("%s: %+v, want not covered", label, p)
		}
	}
	const one = "ALOHA records demonstrations by kinesthetic teaching. The demos are scripted and replayed."
	if p := point(t, Grade(c, one), "Kinesthetic teaching"); !p.Covered {
		t.Errorf("%q: %+v, want covered", one, p)
	}
}
