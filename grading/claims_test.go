package grading

import (
	"slices"
	"strings"
	"testing"

	"grill/decks"
)

// wantCovered grades each answer against card c and checks that the point
// label is covered (want) or not.
func wantCovered(t *testing.T, c *decks.Card, label string, want bool, answers ...string) {
	t.Helper()
	for _, answer := range answers {
		if p := point(t, Grade(c, answer), label); p.Covered != want {
			t.Errorf("%q: %+v, want covered %v", answer, p, want)
		}
	}
}

// wantContradicted checks that each answer contradicts the point labelled
// label of c, and does not cover it.
func wantContradicted(t *testing.T, c *decks.Card, label string, answers ...string) {
	t.Helper()
	for _, answer := range answers {
		if p := point(t, Grade(c, answer), label); p.Covered || !p.Contradicted {
			t.Errorf("%q: %+v, want contradicted", answer, p)
		}
	}
}

// point returns the verdict on the key point labelled label.
func point(t *testing.T, r Result, label string) PointResult {
	t.Helper()
	for _, p := range r.Points {
		if p.Label == label {
			return p
		}
	}
	t.Fatalf("no key point %q in %+v", label, r.Points)
	return PointResult{}
}

// The reproductions of the grader issue: swapped comparisons, remedies said
// to hurt, padded keywords, denials worded without "not", terse notes.
func TestClaimsReproductions(t *testing.T) {
	t.Run("swapped DDIM/DDPM", func(t *testing.T) {
		c := builtinCard(t, "diffusion/ddpm-vs-ddim")
		r := Grade(c, "DDIM is the stochastic sampler: it adds fresh noise at every step and must be retrained with its own objective. "+
			"DDPM is the fast deterministic one: it is non-Markovian, skips steps and needs only 50 steps, 10-100x faster.")
		if r.Score > 15 {
			t.Errorf("score %d, want ≤ 15: %+v", r.Score, r.Points)
		}
		for _, l := range []string{"DDIM: deterministic sampling", "Same marginals, same trained model"} {
			if p := point(t, r, l); !p.Contradicted || len(p.Evidence) == 0 {
				t.Errorf("%q: %+v, want contradicted with evidence", l, p)
			}
		}
	})
	t.Run("each makes it worse", func(t *testing.T) {
		c := builtinCard(t, "gnn/over-smoothing")
		good := Grade(c, "The usual fixes are residual connections, jumping knowledge and DropEdge, and each helps.")
		bad := Grade(c, "The usual fixes are residual connections, jumping knowledge and DropEdge, but each makes it worse.")
		for _, l := range []string{"Fix: residual or skip connections", "Fix: jumping knowledge, DropEdge"} {
			if p := point(t, good, l); !p.Covered {
				t.Errorf("said to help, %q: %+v, want covered", l, p)
			}
			if p := point(t, bad, l); !p.Contradicted {
				t.Errorf("said to make it worse, %q: %+v, want contradicted", l, p)
			}
		}
		if bad.Score >= good.Score {
			t.Errorf("worse scores %d, helps %d", bad.Score, good.Score)
		}
	})
	t.Run("padded keywords", func(t *testing.T) {
		c := builtinCard(t, "gnn/message-passing")
		padded := Grade(c, "It is the aggregation and it is the message function and it is the update step with own features and it is the sum, mean, max and it is k hops.")
		list := Grade(c, "aggregation, message function, update step with own features, sum, mean, max, k hops")
		if !padded.KeywordDump || padded.Score > list.Score {
			t.Errorf("padded: dump %v score %d; list scores %d", padded.KeywordDump, padded.Score, list.Score)
		}
	})
	t.Run("denials", func(t *testing.T) {
		mp := builtinCard(t, "gnn/message-passing")
		dd := builtinCard(t, "diffusion/ddpm-vs-ddim")
		for _, tc := range []struct {
			card   *decks.Card
			label  string
			answer string
		}{
			{mp, "Aggregate information from neighbours", "It is a myth that message passing aggregates information from neighbours."},
			{mp, "Aggregate information from neighbours", "Message passing aggregates information from neighbours, which is false."},
			{mp, "Aggregate information from neighbours", "Each node aggregates information from its neighbours. That is a myth."},
			{mp, "Aggregate information from neighbours", "Contrary to what it seems, nodes never aggregate information from neighbours."},
			{dd, "DDIM: deterministic sampling", "People wrongly claim DDIM is deterministic."},
			{dd, "DDIM: deterministic sampling", "That DDIM is deterministic does not hold."},
		} {
			r := Grade(tc.card, tc.answer)
			if p := point(t, r, tc.label); !p.Contradicted || p.Covered {
				t.Errorf("%q: %+v, want contradicted", tc.answer, p)
			}
		}
		// A denied negation is an assertion.
		r := Grade(dd, "It is a myth that DDIM is not deterministic.")
		if p := point(t, r, "DDIM: deterministic sampling"); !p.Covered {
			t.Errorf("denied negation: %+v, want covered", p)
		}
	})
	t.Run("terse co-fine-tuning note", func(t *testing.T) {
		c := builtinCard(t, "vla/co-fine-tuning")
		r := Grade(c, "Co-fine-tune on web + robot data: keeps VLM semantic knowledge, avoids catastrophic forgetting, learns robot control. "+
			"Frozen VLM + action head underperforms; whole model adapted.")
		if r.KeywordDump || r.Score < 60 {
			t.Errorf("score %d, dump %v, want ≥ 60 and explained", r.Score, r.KeywordDump)
		}
	})
}

// TestMisconceptions: an asserted misconception is flagged and costs points;
// a denied one is fine.
func TestMisconceptions(t *testing.T) {
	c := card([]string{"Reuses the trained model", "same trained model", "no retraining"},
		[]string{"Deterministic", "deterministic"})
	c.Misconceptions = []decks.KeyPoint{{Label: "DDIM needs a retrained model", Phrasings: []string{"ddim must be retrained", "retrain the model for ddim"}, Weight: 1}}
	plain := Grade(c, "DDIM is deterministic.")
	wrong := Grade(c, "DDIM is deterministic, but DDIM must be retrained from scratch.")
	denied := Grade(c, "DDIM is deterministic, and it is a myth that DDIM must be retrained.")
	if len(wrong.Misconceptions) != 1 || !wrong.Misconceptions[0].Asserted || len(wrong.Misconceptions[0].Spans) == 0 {
		t.Fatalf("asserted misconception not flagged: %+v", wrong.Misconceptions)
	}
	if wrong.Score >= plain.Score {
		t.Errorf("misconception scores %d, without it %d", wrong.Score, plain.Score)
	}
	if denied.Misconceptions[0].Asserted {
		t.Errorf("denied misconception flagged: %+v", denied.Misconceptions)
	}
	var b strings.Builder
	WriteText(&b, c, "DDIM is deterministic, but DDIM must be retrained from scratch.", wrong)
	if !strings.Contains(b.String(), "✗ wrong: DDIM needs a retrained model") {
		t.Errorf("text:\n%s", b.String())
	}
	js := ResultJSON(c, wrong)
	if !slices.Equal(js.Misconceptions, []string{"DDIM needs a retrained model"}) || js.Contradicted == nil {
		t.Errorf("json: misconceptions %q, contradicted %q", js.Misconceptions, js.Contradicted)
	}
}

// TestReferenceAnswersScoreHigh: every built-in reference answer, pasted as
// the answer to its own card, reads as an explanation, not a list; with its
// erratum note (the corrected reference: some key points come from the
// notes) it scores at least 80, counting misconceptions only where the
// reference itself states one of the card's (it is then rightly flagged,
// and its key points alone must still reach 80).
func TestReferenceAnswersScoreHigh(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range lib.Cards() {
		if r := Grade(c, c.Answer); r.KeywordDump {
			t.Errorf("%s: reference answer reads as a list of terms", c.ID)
		}
		r := Grade(c, c.Answer+"\n\n"+c.Note)
		if r.Score >= 80 {
			continue
		}
		var wrong []string
		for _, m := range r.Misconceptions {
			if m.Asserted {
				wrong = append(wrong, m.Label)
			}
		}
		if len(wrong) == 0 || Rescore(r.Points) < 80 {
			t.Errorf("%s: reference answer with its note scores %d (points alone %d, misconceptions stated %q)",
				c.ID, r.Score, Rescore(r.Points), wrong)
		}
	}
}

// TestReportedBeliefCorrected: a belief reported of others and then
// corrected is denied; a reported belief left standing is not.
func TestReportedBeliefCorrected(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	wantContradicted(t, c, "Aggregate information from neighbours",
		"People often say that each node aggregates information from its neighbours, but in practice nodes only keep their own features.",
		"It is often claimed that message passing aggregates information from neighbours. In fact each node only keeps its own state.",
	)
	if p := point(t, Grade(c, "People often say that each node aggregates information from its neighbours, and they are right."), "Aggregate information from neighbours"); !p.Covered {
		t.Errorf("a reported belief left standing: %+v, want covered", p)
	}
}

// TestEditedCardRegraded: a card edited in place after grading is graded on
// its new content.
func TestEditedCardRegraded(t *testing.T) {
	c := card([]string{"Aggregate", "aggregate"}, []string{"Update", "update"})
	answer := "Each node aggregates its neighbours and then uses attention."
	if r := Grade(c, answer); r.Score != 50 {
		t.Fatalf("score %d, want 50", r.Score)
	}
	c.KeyPoints[1].Phrasings[0] = "attention"
	if r := Grade(c, answer); r.Score != 100 {
		t.Errorf("after editing a phrasing in place: score %d, want 100", r.Score)
	}
	c.Answer = "changed"
	c.KeyPoints = c.KeyPoints[:1]
	if r := Grade(c, answer); len(r.Points) != 1 {
		t.Errorf("after dropping a key point: %d points", len(r.Points))
	}
}

// TestMoreDenialFrames: denials without "not" that the first frames missed.
func TestMoreDenialFrames(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	wantContradicted(t, c, "Aggregate information from neighbours",
		"That message passing aggregates information from neighbours has been debunked.",
		"Message passing aggregating information from neighbours turned out to be false.",
		"Message passing aggregates information from neighbours, which is no longer true.",
		"The idea that nodes aggregate information from neighbours is far from true.",
	)
	if p := point(t, Grade(c, "Each node has been shown to aggregate information from its neighbours."), "Aggregate information from neighbours"); !p.Covered {
		t.Errorf("\"has been shown to\" is no denial: %+v", p)
	}
}

// TestOrderedPhrasings: a phrasing with an order-bearing word (minus, than,
// before, after, from … to, an arrow) matches only in its order, or, for
// before/after, the other way round with the inverse word.
func TestOrderedPhrasings(t *testing.T) {
	c := &decks.Card{ID: "t/order", Question: "How is the guided prediction formed?", KeyPoints: []decks.KeyPoint{
		{Label: "Remote minus neighbour", Phrasings: []string{"remote minus neighbour"}, Weight: 1},
		{Label: "MLP after the sum", Phrasings: []string{"MLP after the sum"}, Weight: 1},
		{Label: "Noise to data", Phrasings: []string{"from noise to data"}, Weight: 1},
	}}
	for _, tc := range []struct {
		answer, label string
		covered       bool
	}{
		{"We take the remote features minus the neighbour features.", "Remote minus neighbour", true},
		{"We take the neighbour features minus the remote features.", "Remote minus neighbour", false},
		{"The MLP is applied after the sum of the messages.", "MLP after the sum", true},
		{"The sum comes before the MLP.", "MLP after the sum", true},
		{"The sum comes after the MLP.", "MLP after the sum", false},
		{"The ODE runs from noise to data.", "Noise to data", true},
		{"The ODE runs from data to noise.", "Noise to data", false},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered != tc.covered {
			t.Errorf("%q: %q covered %v, want %v", tc.answer, tc.label, p.Covered, tc.covered)
		}
	}
}

// TestLimitationNegatedCapability: a limitation point is asserted by a
// negated capability, and contradicted by a denial of the limitation.
func TestLimitationNegatedCapability(t *testing.T) {
	c := &decks.Card{ID: "t/lim", Question: "What are the limits of TransE?", KeyPoints: []decks.KeyPoint{
		{Label: "Fails on one-to-many relations", Phrasings: []string{"one-to-many", "cannot model one-to-many"}, Weight: 1},
		{Label: "Translation in embedding space", Phrasings: []string{"h + r = t", "translation"}, Weight: 1},
	}}
	for _, tc := range []struct {
		answer           string
		covered, against bool
	}{
		{"TransE models a relation as a translation, so it can't represent one-to-many relations well.", true, false},
		{"A translation does not handle one-to-many relations: all tails collapse.", true, false},
		{"One-to-many relations are not a problem for TransE.", false, false},
		{"It is a myth that TransE fails on one-to-many relations.", false, true},
	} {
		p := point(t, Grade(c, tc.answer), "Fails on one-to-many relations")
		if p.Covered != tc.covered || tc.against && !p.Contradicted {
			t.Errorf("%q: %+v, want covered %v", tc.answer, p, tc.covered)
		}
	}
}

// TestDeniedAbsenceAndBackReference: an absence point ("Replaces ...") is
// not asserted inside a denial, and a denial of "them" denies what they name.
func TestDeniedAbsenceAndBackReference(t *testing.T) {
	c := &decks.Card{ID: "t/deny", Question: "What is new?", KeyPoints: []decks.KeyPoint{
		{Label: "Replaces modular pipeline", Phrasings: []string{"replace the modular pipeline"}, Weight: 1},
		{Label: "Sum or mean pooling", Phrasings: []string{"sum pooling", "mean pooling"}, Weight: 1},
	}}
	r := Grade(c, "It's often claimed that they replace the modular pipeline, but that's a myth.")
	if p := point(t, r, "Replaces modular pipeline"); p.Covered {
		t.Errorf("denied absence covered: %+v", p)
	}
	r = Grade(c, "Sum pooling and mean pooling are a leftover from early papers, and it is a myth that anyone still uses them.")
	if p := point(t, r, "Sum or mean pooling"); p.Covered {
		t.Errorf("pooling denied by back reference covered: %+v", p)
	}
	r = Grade(c, "Sum pooling is what we use, and it is a myth that attention beats it.")
	if p := point(t, r, "Sum or mean pooling"); !p.Covered {
		t.Errorf("pooling asserted before an unrelated denial not covered: %+v", p)
	}
}

// TestNegatedReportFrames: "do not believe that X", "no evidence that X",
// "nobody claims X", "X is unfounded", "X? Not really."
func TestNegatedReportFrames(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	if r := Grade(c, "DDIM needs a model retrained with its own objective for sampling."); !r.Misconceptions[0].Asserted {
		t.Fatalf("the bare claim is not asserted: %+v", r.Misconceptions)
	}
	for _, answer := range []string{
		"Don't believe that DDIM needs a model retrained with its own objective for sampling.",
		"There is no evidence that DDIM needs a model retrained with its own objective for sampling.",
		"Nobody seriously claims that DDIM needs a model retrained with its own objective for sampling.",
		"That DDIM needs a model retrained with its own objective for sampling is unfounded.",
		"DDIM needs a model retrained with its own objective for sampling? Not really.",
	} {
		r := Grade(c, answer)
		for _, m := range r.Misconceptions {
			if m.Asserted {
				t.Errorf("%q asserts %q", answer, m.Label)
			}
		}
	}
}

// TestSentenceLevelDenials: a belief reported to be corrected ("it's a
// common belief that X, but ..."), a claim denied by a frame naming it
// ("that description is outdated"), and a predicate that dismisses its
// subject ("X is unnecessary", "X is no longer needed") contradict X; a
// belief about something else, or a plain statement, does not.
func TestSentenceLevelDenials(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	wantContradicted(t, c, label,
		"It's a common belief that each node aggregates information from its neighbours, but that distinction no longer holds.",
		"Message passing is often described as aggregating information from neighbours, but that description is outdated.",
		"The usual story is that nodes aggregate information from neighbours, but this picture is outdated.",
		"Aggregating information from neighbours is unnecessary.",
		"Aggregating information from neighbours in each layer is not needed.",
		"Aggregating information from neighbours has become obsolete in modern GNNs.",
		"The importance of aggregating information from neighbours is overrated.",
		"Textbooks say nodes aggregate information from neighbours; in practice nothing is exchanged.",
		"Many think nodes aggregate information from their neighbours. In practice nothing is exchanged between nodes.",
		"You might think each node aggregates information from its neighbours, but it doesn't.",
		"Many tutorials present message passing as aggregating information from neighbours, which is a simplification that no longer applies.",
	)
	wantCovered(t, c, label, true,
		"Each node aggregates information from its neighbours, but this is expensive on large graphs.",
		"It's a common belief that message passing is slow, but each node simply aggregates information from its neighbours.",
		"Each node aggregates information from its neighbours, so a separate global pooling step is unnecessary.",
		"Each node aggregates information from its neighbours; the ordering of neighbours is irrelevant.",
	)
	dd := builtinCard(t, "diffusion/ddpm-vs-ddim")
	if p := point(t, Grade(dd, "DDIM reuses the DDPM-trained model: retraining is unnecessary."), "Same marginals, same trained model"); !p.Covered {
		t.Errorf("\"retraining is unnecessary\" said of DDIM: %+v, want covered", p)
	}
}

// TestDismissedByReferenceAndCounterClaims: a dismissal whose subject
// refers back ("..., but in practice they are unnecessary", "In practice
// that advice is overrated"), a subject listed over several clauses, and a
// counter-claim ("solutions to a problem that does not exist") take the
// point back; an unrelated predicate after a pronoun does not.
func TestDismissedByReferenceAndCounterClaims(t *testing.T) {
	c := builtinCard(t, "gnn/over-smoothing")
	const label = "Fix: jumping knowledge, DropEdge"
	wantContradicted(t, c, label,
		"Jumping knowledge and DropEdge are often cited as fixes, but in practice they are unnecessary.",
		"Jumping knowledge and DropEdge help. In practice that advice is overrated.",
		"Jumping knowledge and DropEdge are solutions to a problem that in practice does not exist.",
		"Jumping knowledge and DropEdge are all solutions to a problem that does not exist.",
	)
	wantCovered(t, c, label, true,
		"Jumping knowledge and DropEdge help; they are cheap.",
		"Jumping knowledge and DropEdge help, and tuning them is unnecessary.",
	)
}

// TestLimitationCapabilityAsserted: what a limitation point fails on, said
// to be handled, contradicts the point; said to be handled poorly, asserts it.
func TestLimitationCapabilityAsserted(t *testing.T) {
	c := &decks.Card{ID: "t/lim2", Question: "What are the limits of VLAs?", KeyPoints: []decks.KeyPoint{
		{Label: "Weak on long-horizon tasks", Phrasings: []string{"long-horizon", "long tasks"}, Weight: 1},
		{Label: "Slow inference", Phrasings: []string{"slow inference"}, Weight: 1},
	}}
	for _, tc := range []struct {
		answer           string
		covered, against bool
	}{
		{"Chain-of-thought handles arbitrarily long tasks.", false, true},
		{"They still handle long-horizon tasks poorly.", true, false},
		{"They cannot handle long-horizon tasks.", true, false},
		{"Long-horizon tasks remain hard.", true, false},
	} {
		p := point(t, Grade(c, tc.answer), "Weak on long-horizon tasks")
		if p.Covered != tc.covered || p.Contradicted != tc.against {
			t.Errorf("%q: %+v, want covered %v contradicted %v", tc.answer, p, tc.covered, tc.against)
		}
	}
}

// TestDoubtedAndDismissedClaims: "supposedly X", "the supposed X", "the
// so-called X", "X is often repeated but overrated", "the gain from X is
// negligible" do not assert X; a negligible cost said of something else
// does not touch it.
func TestDoubtedAndDismissedClaims(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	wantContradicted(t, c, label,
		"Message passing supposedly aggregates information from neighbours; in reality nothing is exchanged.",
		"The supposed aggregation of information from neighbours is a side effect.",
		"The so-called aggregation of information from neighbours, which textbooks describe, is a side effect.",
		"The aggregation of information from neighbours is often repeated but overrated.",
		"The gain from aggregating information from neighbours is negligible.",
	)
	wantCovered(t, c, label, true,
		"Each node aggregates information from neighbours, so the extra cost is negligible.",
		"Each node aggregates information from its neighbours, so it is not supposed to see the whole graph.",
	)
}

// TestPassiveReportsAndNamedClaims: "X is often read as Y, but ..." reports
// Y as others' view; "that ordering no longer holds for larger models"
// denies what it names; "X is unnecessary now that ..." dismisses X.
func TestPassiveReportsAndNamedClaims(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	wantContradicted(t, c, label,
		"Message passing is often described as aggregating information from neighbours, but in practice each node is processed alone.",
		"Each node aggregates information from its neighbours; that finding no longer holds for larger graphs.",
		"Aggregating information from neighbours is unnecessary now that transformers exist.",
	)
	wantCovered(t, c, label, true,
		"Each node aggregates information from its neighbours, which is often described as message passing.",
		"Message passing is often described as aggregating information from neighbours, and that is right.",
	)
}

// TestTakenBack: a point said and then taken back by a denial or a
// dismissal of two or more of its words is missed; a single word of it
// inside a denial of something else takes nothing back.
func TestTakenBack(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	r := Grade(c, "Each node aggregates information from its neighbours. But aggregating information from neighbours is unnecessary in practice.")
	if p := point(t, r, label); p.Covered || p.Contradicted {
		t.Errorf("taken back: %+v, want missed", p)
	}
	r = Grade(c, "Each node aggregates information from its neighbours. It is a myth that the order of the neighbours matters.")
	if p := point(t, r, label); !p.Covered {
		t.Errorf("a denial of something else: %+v, want covered", p)
	}
}

// TestShortCorrections: a report corrected by a bare negated clause ("many
// believe X; it isn't", "X is often said; it doesn't"), a standalone "No.",
// "calling X Y is a mistake" and "a common mistake is to think X" deny X.
func TestShortCorrections(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	for _, tc := range []struct{ label, answer string }{
		{"DDIM: deterministic sampling", "Many believe DDIM is deterministic; it isn't."},
		{"DDIM: deterministic sampling", "Some sources claim DDIM is deterministic. It is not."},
		{"DDIM: deterministic sampling", "DDIM is deterministic? No."},
		{"DDIM: deterministic sampling", "Calling DDIM deterministic is a mistake."},
		{"DDIM: deterministic sampling", "A common mistake is to think DDIM is deterministic."},
		{"DDIM: non-Markovian, skips steps", "DDIM is often said to skip timesteps; it doesn't."},
	} {
		if p := point(t, Grade(c, tc.answer), tc.label); p.Covered || !p.Contradicted {
			t.Errorf("%q: %+v, want contradicted", tc.answer, p)
		}
	}
	if p := point(t, Grade(c, "Many believe DDIM is deterministic; it is."), "DDIM: deterministic sampling"); !p.Covered {
		t.Errorf("a belief confirmed: %+v, want covered", p)
	}
}

// TestSubjectPhraseIsNoName: a thesaurus phrase for a compared subject
// ("fixed graph" for transductive) is what the subject does, not its name:
// said in a sentence about the other subject, it contradicts the point.
func TestSubjectPhraseIsNoName(t *testing.T) {
	c := builtinCard(t, "gnn/transductive-inductive")
	r := Grade(c, "In the inductive setting the whole graph, including test nodes, is seen during training and the model only predicts labels on that same fixed graph.")
	if p := point(t, r, "Transductive: same fixed graph"); p.Covered || !p.Contradicted {
		t.Errorf("said of inductive learning: %+v, want contradicted", p)
	}
	r = Grade(c, "In the transductive setting the model only predicts labels on the same fixed graph it was trained on.")
	if p := point(t, r, "Transductive: same fixed graph"); !p.Covered {
		t.Errorf("said of transductive learning: %+v, want covered", p)
	}
}

// TestCompoundSubjectNameIsNoEvidence: the word "edge" of the subject name
// "edge-level" does not make "edge-level tasks predict ..." a link
// prediction; saying what edge-level tasks do still covers the point.
func TestCompoundSubjectNameIsNoEvidence(t *testing.T) {
	c := builtinCard(t, "gnn/task-levels")
	const label = "Edge-level: link prediction"
	if p := point(t, Grade(c, "Edge-level tasks predict the weight of each node."), label); p.Covered {
		t.Errorf("named only: %+v, want not covered", p)
	}
	if p := point(t, Grade(c, "Edge-level tasks predict whether an edge exists between two nodes."), label); !p.Covered {
		t.Errorf("said: %+v, want covered", p)
	}
}

// TestContrastNamesTheOtherSubject: "instead of DDPM's 1000" states DDPM's
// 1000 steps; "instead of 1000 steps" said of DDIM alone does not.
func TestContrastNamesTheOtherSubject(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	const label = "DDPM: ~1000 slow steps"
	if p := point(t, Grade(c, "DDIM needs around 50 steps instead of DDPM's 1000 steps."), label); !p.Covered {
		t.Errorf("contrast naming DDPM: %+v, want covered", p)
	}
	if p := point(t, Grade(c, "DDPM does not need 1000 steps."), label); p.Covered {
		t.Errorf("negated: %+v, want not covered", p)
	}
}

// TestPronounRefersToTopic: a pronoun opening a sentence refers to the
// subject the sentence before is about (named first there), not to the one
// it names last.
func TestPronounRefersToTopic(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	r := Grade(c, "DDIM keeps the model trained with the DDPM objective. It skips timesteps and is much faster.")
	if p := point(t, r, "DDIM: non-Markovian, skips steps"); !p.Covered {
		t.Errorf("\"it\" after a sentence about DDIM: %+v, want covered", p)
	}
}

// TestMisconceivedWordsCoverNothing: a point whose only evidence shares
// words or a clause with an asserted misconception is not covered; stated
// apart from it, the point is.
func TestMisconceivedWordsCoverNothing(t *testing.T) {
	c := card([]string{"Temporal ensembling", "temporal ensembling"}, []string{"Deterministic", "deterministic"})
	c.Misconceptions = []decks.KeyPoint{{Label: "Ensembling trains several models", Phrasings: []string{"ensembling trains several models"}, Weight: 1}}
	r := Grade(c, "Temporal ensembling trains several models and averages them.")
	if !r.Misconceptions[0].Asserted {
		t.Fatalf("misconception not asserted: %+v", r.Misconceptions)
	}
	if p := point(t, r, "Temporal ensembling"); p.Covered {
		t.Errorf("evidence shared with the wrong claim: %+v, want not covered", p)
	}
	c.Misconceptions[0].Phrasings = append(c.Misconceptions[0].Phrasings, "trains several models")
	r = Grade(c, "Temporal ensembling in ACT trains several models.")
	if p := point(t, r, "Temporal ensembling"); p.Covered {
		t.Errorf("evidence in the wrong claim's clause: %+v, want not covered", p)
	}
	r = Grade(c, "Temporal ensembling averages overlapping chunks. Ensembling trains several models, some say.")
	if p := point(t, r, "Temporal ensembling"); !p.Covered {
		t.Errorf("stated apart: %+v, want covered", p)
	}
}

// TestMoreDenialForms: bare disagreements ("Hardly.", "I disagree."), a
// closing "in practice they don't", verdicts on a reported idea ("the idea
// that X is misguided"), "X doesn't matter", "X was true but not anymore",
// "forget the idea that X", "it's not that X", "that is not what happens",
// "X, or so the story goes", "I used to think X, but ...", "X does little",
// "X adds nothing" deny X; a negated clause about something else does not.
func TestMoreDenialForms(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	wantContradicted(t, c, label,
		"Each node aggregates information from its neighbours? Hardly.",
		"Some argue that each node aggregates information from its neighbours. I disagree.",
		"Nodes aggregate information from neighbours only in theory; in practice they don't.",
		"The idea that each node aggregates information from its neighbours is misguided.",
		"Whether each node aggregates information from its neighbours doesn't matter.",
		"Each node aggregating information from its neighbours was true for early GNNs but not anymore.",
		"Forget the idea that nodes aggregate information from neighbours.",
		"It's not that each node aggregates information from its neighbours; rather, each node is processed alone.",
		"One often reads that nodes aggregate information from neighbours. That is not what happens.",
		"Each node aggregates information from its neighbours, or so the story goes.",
		"I used to think each node aggregates information from its neighbours, but that's wrong.",
		"Aggregating information from neighbours does little: each node is processed alone.",
		"Aggregating information from neighbours adds nothing in practice.",
	)
	wantCovered(t, c, label, true,
		"Each node aggregates information from its neighbours; the order of the neighbours doesn't matter.",
		"Each node aggregates information from its neighbours, but a plain MLP doesn't.",
		"It's not that simple: each node aggregates information from its neighbours in every layer.",
		"Each node aggregates information from its neighbours, and the order adds nothing.",
	)
}

// TestLimitationCompoundPhrasing: a limitation's phrasing with a hyphenated
// compound ("long-range dependencies") names what it fails on, so a negated
// capability asserts the point.
func TestLimitationCompoundPhrasing(t *testing.T) {
	c := builtinCard(t, "gnn/over-squashing")
	if p := point(t, Grade(c, "Information is squeezed, so the GNN can't capture long-range dependencies."), "Long-range dependencies lost"); !p.Covered {
		t.Errorf("negated capability: %+v, want covered", p)
	}
}

// TestBareNameInMisconceivedSentence: a point whose only evidence is a
// bare name in a sentence that asserts a misconception is not covered;
// longer evidence in that sentence, or the name in another sentence, is.
func TestBareNameInMisconceivedSentence(t *testing.T) {
	c := card([]string{"Zero convolutions", "zero convolutions"}, []string{"Trainable copy", "trainable copy of the encoder"})
	c.Misconceptions = []decks.KeyPoint{{Label: "Zero convolutions are zero-padded", Phrasings: []string{"convolutions with zero padding"}, Weight: 1}}
	r := Grade(c, "The copy is joined through zero convolutions, which are ordinary 3x3 convolutions with zero padding.")
	if !r.Misconceptions[0].Asserted {
		t.Fatalf("misconception not asserted: %+v", r.Misconceptions)
	}
	if p := point(t, r, "Zero convolutions"); p.Covered {
		t.Errorf("bare name in the wrong sentence: %+v, want not covered", p)
	}
	r = Grade(c, "The copy is joined through zero convolutions. Some think they are 3x3 convolutions with zero padding.")
	if p := point(t, r, "Zero convolutions"); !p.Covered {
		t.Errorf("named in another sentence: %+v, want covered", p)
	}
	r = Grade(c, "Some use convolutions with zero padding, but ControlNet joins the copy through zero convolutions.")
	if p := point(t, r, "Zero convolutions"); !p.Covered {
		t.Errorf("said apart, after a coordinator: %+v, want covered", p)
	}
}

// TestHardlyNegates: "hardly" and "scarcely" negate like "not", and a "not"
// right before a reporting aside ("as often claimed") reaches across it.
func TestHardlyNegates(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	wantContradicted(t, c, "DDIM: deterministic sampling",
		"DDIM is hardly deterministic.",
		"DDIM is scarcely deterministic.",
		"DDIM is not, as often claimed, deterministic.",
		"DDIM is not, as many believe, deterministic.",
	)
	for _, answer := range []string{"DDIM is deterministic.", "DDIM is, as often claimed, deterministic.", "DDIM is not slow, as claimed, but deterministic."} {
		if p := point(t, Grade(c, answer), "DDIM: deterministic sampling"); !p.Covered {
			t.Errorf("%q: %+v, want covered", answer, p)
		}
	}
}

// TestQualifiedIdentityIsNoMisconception: an identity taken back to a
// likeness by "up to", "except" or "apart from" does not assert that the
// targets give identical training.
func TestQualifiedIdentityIsNoMisconception(t *testing.T) {
	asserted := func(answer string) bool {
		return misconceptionAsserted(t, "diffusion/prediction-target", "The targets give identical training", answer)
	}
	for _, answer := range []string{
		"Any one target determines the others, so they are the same objective up to a per-timestep weighting.",
		"The targets give the same objective except for the weighting over timesteps.",
	} {
		if asserted(answer) {
			t.Errorf("%q: misconception asserted", answer)
		}
	}
	if !asserted("All the targets give the same objective.") {
		t.Error("an unqualified identity: misconception not asserted")
	}
}

// TestUnsupportedNameInWrongAnswer: in an answer that asserts a
// misconception, a point named only by a bare name in a clause the
// reference does not support is not covered; without the misconception, or
// in a clause that speaks the reference's language, it is.
func TestUnsupportedNameInWrongAnswer(t *testing.T) {
	c := card([]string{"Offset noise", "offset noise"})
	c.Answer = "Offset noise adds a small per-channel constant to the training noise, so the model can shift the mean brightness of an image."
	c.Misconceptions = []decks.KeyPoint{{Label: "Offset noise shifts the timestep", Phrasings: []string{"offsetting the timestep index"}, Weight: 1}}
	const wrong = "Offsetting the timestep index is what fixes dark images."
	const named = "Offset noise works by shuffling the pixel order across video frames randomly."
	r := Grade(c, named+" "+wrong)
	if !r.Misconceptions[0].Asserted {
		t.Fatalf("misconception not asserted: %+v", r.Misconceptions)
	}
	if p := point(t, r, "Offset noise"); p.Covered {
		t.Errorf("unsupported name in a wrong answer: %+v, want not covered", p)
	}
	if p := point(t, Grade(c, named+" It helps with dark images."), "Offset noise"); !p.Covered {
		t.Errorf("no misconception asserted: %+v, want covered", p)
	}
	supported := "Offset noise adds a per-channel constant to the training noise so the mean brightness can shift."
	if p := point(t, Grade(c, supported+" "+wrong), "Offset noise"); !p.Covered {
		t.Errorf("clause in the reference's words: %+v, want covered", p)
	}
}

// TestRemovesTheNeedNegates: "removes the need for X" says X is not used.
func TestRemovesTheNeedNegates(t *testing.T) {
	c := builtinCard(t, "vla/world-models")
	if p := point(t, Grade(c, "The map removes the need for video pretraining."), "Representation pretraining"); p.Covered {
		t.Errorf("need removed: %+v, want not covered", p)
	}
	if p := point(t, Grade(c, "A VLA still needs video pretraining for its representations."), "Representation pretraining"); !p.Covered {
		t.Errorf("need kept: %+v, want covered", p)
	}
}

// TestClosingDenialForms: denials worded with a dropped "'s" ("that's a
// myth"), a hedge before "not the case", a back reference ("They are
// mistaken."), "Don't believe it.", "I don't buy that X", "no truth to the
// idea that X", "folklore", "Myth: X", "one might expect X, but", "it is
// tempting to say X, but", "..., incorrectly.", "a common mistake is
// assuming X", "They're wrong." and "which it is not" deny the claim; a negated claim followed by
// "that's a common misconception" keeps its negation.
func TestClosingDenialForms(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	const label = "DDIM: deterministic sampling"
	wantContradicted(t, c, label,
		"DDIM is deterministic. That's a myth.",
		"DDIM is deterministic, but that's wrong.",
		"DDIM is deterministic - that is simply not the case.",
		"Some argue DDIM is deterministic. They are mistaken.",
		"You will read that DDIM is deterministic. Don't believe it.",
		"I don't buy that DDIM is deterministic.",
		"There is no truth to the idea that DDIM is deterministic.",
		"The notion that DDIM is deterministic is just folklore.",
		"DDIM is not deterministic - that's a common misconception.",
		"Myth: DDIM is deterministic.",
		"A popular myth: DDIM is deterministic.",
		"One might expect that DDIM is deterministic, but it samples with noise.",
		"It is tempting to say DDIM is deterministic, but it samples with noise.",
		"DDIM is sometimes claimed to be deterministic, incorrectly.",
		"A common mistake is assuming DDIM is deterministic.",
		"DDIM is deterministic, people say. They're wrong.",
		"Blogs claim DDIM is deterministic, which it is not.",
	)
	wantCovered(t, c, label, true,
		"DDIM is deterministic. They are faster too.",
		"DDIM is deterministic. That's why inversion works.",
		"DDIM is deterministic, and it is not a myth.",
		"DDIM is deterministic. What's wrong with DDPM is its speed.",
	)
}

// TestComparisonIsNoIdentity: a sentence that compares two things ("FiLM is
// cheaper than cross-attention") does not assert that one is the other.
func TestComparisonIsNoIdentity(t *testing.T) {
	asserted := func(answer string) bool {
		return misconceptionAsserted(t, "vla/film", "FiLM is cross-attention", answer)
	}
	for _, answer := range []string{"FiLM is cheaper than cross-attention.", "FiLM, unlike cross-attention, only scales and shifts channels."} {
		if asserted(answer) {
			t.Errorf("%q: misconception asserted", answer)
		}
	}
	if !asserted("FiLM is basically cross-attention over the instruction.") {
		t.Error("an identity: misconception not asserted")
	}
}

// misconceptionAsserted grades answer against built-in card id and reports
// whether it asserts the misconception labelled label, failing the test
// when the card has no such misconception.
func misconceptionAsserted(t *testing.T, id, label, answer string) bool {
	t.Helper()
	for _, mc := range Grade(builtinCard(t, id), answer).Misconceptions {
		if mc.Label == label {
			return mc.Asserted
		}
	}
	t.Fatalf("%s: no misconception %q", id, label)
	return false
}

// TestOrderedMisconceptions: misconceptions that swap two roles are written
// as ordered phrasings, so a correct answer that names the roles the other
// way round does not assert them.
func TestOrderedMisconceptions(t *testing.T) {
	for _, tc := range []struct {
		card, label, answer string
		want                bool
	}{
		{"diffusion/cross-attention-conditioning", "The text provides the queries", "Keys and values come from the text, queries from the image latents.", false},
		{"diffusion/cross-attention-conditioning", "The text provides the queries", "The text provides the queries and the image gives the keys and values.", true},
		{"diffusion/classifier-free-guidance", "Higher guidance increases diversity", "Less guidance gives more diversity, more guidance gives sharper prompt adherence.", false},
		{"diffusion/classifier-free-guidance", "Higher guidance increases diversity", "More guidance gives more diversity.", true},
		{"gnn/gcn-graphsage-gat", "GAT weights are set by node degree", "GCN weights come from the degrees, while GAT learns attention weights.", false},
		{"gnn/gcn-graphsage-gat", "GAT weights are set by node degree", "GAT weights come from the node degrees.", true},
		{"vla/film", "FiLM is cross-attention", "Cross-attention attends to the words, whereas FiLM only scales and shifts channels.", false},
		{"vla/film", "FiLM is cross-attention", "FiLM attends to the words of the instruction.", true},
	} {
		if got := misconceptionAsserted(t, tc.card, tc.label, tc.answer); got != tc.want {
			t.Errorf("%s: %q: asserted %v, want %v", tc.card, tc.answer, got, tc.want)
		}
	}
}

// TestTwoSubjectsAreNoMisconception: a misconception matched over words said
// of two compared subjects ("GCN normalises by degree and GAT learns
// attention") is not asserted, unless the misconception itself compares
// them ("GANs are more diverse than diffusion").
func TestTwoSubjectsAreNoMisconception(t *testing.T) {
	for _, tc := range []struct {
		card, label, answer string
		want                bool
	}{
		{"gnn/gcn-graphsage-gat", "GCN learns a weight per neighbour", "GCN normalises by degree and GAT learns attention.", false},
		{"gnn/gcn-graphsage-gat", "GCN learns a weight per neighbour", "GCN learns attention.", true},
		{"diffusion/diffusion-vs-gan-vae", "GANs cover modes better than diffusion", "GANs are more diverse than diffusion.", true},
		{"diffusion/diffusion-vs-gan-vae", "Diffusion samples in one step", "GANs generate in a single forward pass, while diffusion needs many steps.", false},
		{"diffusion/diffusion-vs-gan-vae", "Diffusion samples in one step", "GANs are faster than diffusion.", false},
		{"diffusion/diffusion-vs-gan-vae", "Diffusion samples in one step", "Diffusion is as fast as a GAN.", true},
	} {
		if got := misconceptionAsserted(t, tc.card, tc.label, tc.answer); got != tc.want {
			t.Errorf("%s: %q: asserted %v, want %v", tc.card, tc.answer, got, tc.want)
		}
	}
}

// TestOtherSideOfComparison: a negative point's word on the far side of
// "than" ("far better than autoregressive discrete tokens") does not
// contradict it.
func TestOtherSideOfComparison(t *testing.T) {
	c := card([]string{"Continuous actions", "no discretization"})
	if p := point(t, Grade(c, "Continuous chunks suit dexterous control far better than discrete tokens."), "Continuous actions"); p.Contradicted {
		t.Errorf("discrete as the worse choice: %+v, want not contradicted", p)
	}
	if p := point(t, Grade(c, "The actions are discrete tokens."), "Continuous actions"); !p.Contradicted {
		t.Errorf("discrete actions: %+v, want contradicted", p)
	}
}

// TestShortNetworkName: "the attention network" names GAT (graph attention
// network) in a comparison of GCN, GraphSAGE and GAT.
func TestShortNetworkName(t *testing.T) {
	c := builtinCard(t, "gnn/gcn-graphsage-gat")
	answer := "In a graph convolutional network the coefficients are fixed by the degrees. The attention network scores every edge with a learned function and normalises with softmax."
	if p := point(t, Grade(c, answer), "GAT: attention per edge × heads"); !p.Covered {
		t.Errorf("attention network: %+v, want covered", p)
	}
}

// TestCountVariableCounts: "k hops" is the variable right before what it
// counts; "2^k hops" counts neither k nor two hops.
func TestCountVariableCounts(t *testing.T) {
	c := card([]string{"k hops", "k hops"}, []string{"Two hops", "two hops"})
	r := Grade(c, "Every layer doubles the distance, so k layers reach 2^k hops.")
	for _, p := range r.Points {
		if p.Covered {
			t.Errorf("%q covered by 2^k hops", p.Label)
		}
	}
	r = Grade(c, "After k layers a node sees k hops; two layers see two hops.")
	for _, p := range r.Points {
		if !p.Covered {
			t.Errorf("%q not covered", p.Label)
		}
	}
}

// TestFormulaSymbolsStandTogether: "O(T epsilon)" is a product of two
// symbols; "O(T^2 ε)" puts an exponent between them and is another bound.
func TestFormulaSymbolsStandTogether(t *testing.T) {
	c := card([]string{"Linear bound", "O(T epsilon)"}, []string{"Quadratic", "O(T^2 epsilon)"})
	r := Grade(c, "Behaviour cloning compounds errors: the cost grows as O(T^2 ε) with horizon T.")
	wantCovered(t, c, "Linear bound", false, "Behaviour cloning compounds errors: the cost grows as O(T^2 ε) with horizon T.")
	if p := point(t, r, "Quadratic"); !p.Covered {
		t.Errorf("quadratic bound: %+v, want covered", p)
	}
	wantCovered(t, c, "Linear bound", true, "DAgger brings the cost down to O(T ε).", "With DAgger it is O(T epsilon).")
}

// TestNearWordsAreNoTypos: an ordinary word close to a domain word is not
// read as its typo, while a misspelling still is.
func TestNearWordsAreNoTypos(t *testing.T) {
	c := card([]string{"Latent", "latent"}, []string{"Sequences", "sequences"}, []string{"Prediction", "prediction"})
	r := Grade(c, "Latency matters in production, and the sentences are long.")
	for _, p := range r.Points {
		if p.Covered {
			t.Errorf("%q covered by an ordinary word", p.Label)
		}
	}
	if p := point(t, Grade(c, "It works in the latnet space."), "Latent"); !p.Covered {
		t.Errorf("a misspelling of latent: %+v, want covered", p)
	}
}

// TestNonPrefixJoined: "non-edges" written as one word keeps its second
// part; a bare "sampling" is no "sample non-edges".
func TestNonPrefixJoined(t *testing.T) {
	c := card([]string{"Negatives", "sample non-edges"})
	if p := point(t, Grade(c, "We train with neighbour sampling on mini-batches."), "Negatives"); p.Covered {
		t.Errorf("bare sampling: %+v, want not covered", p)
	}
	for _, answer := range []string{"We sample non-edges as negatives.", "We sample nonedges as negatives."} {
		if p := point(t, Grade(c, answer), "Negatives"); !p.Covered {
			t.Errorf("%q: %+v, want covered", answer, p)
		}
	}
}

// TestFormulaStaysTogether: "1 + epsilon" is a formula, not a count of
// noise (ε reads as noise): "1 layer, noise" is no match.
func TestFormulaStaysTogether(t *testing.T) {
	c := card([]string{"Self weight", "1 + epsilon"})
	if p := point(t, Grade(c, "With 1 layer, noise dominates."), "Self weight"); p.Covered {
		t.Errorf("1 ... noise: %+v, want not covered", p)
	}
	for _, answer := range []string{"GIN scales the centre by 1 + ε.", "GIN multiplies the node by 1 plus epsilon."} {
		if p := point(t, Grade(c, answer), "Self weight"); !p.Covered {
			t.Errorf("%q: %+v, want covered", answer, p)
		}
	}
}

// TestDumpAssertsNoMisconception: a bare list of terms claims nothing, so
// the misconception its words happen to match is not asserted; the same
// words in a sentence are.
func TestDumpAssertsNoMisconception(t *testing.T) {
	c := card([]string{"Readout", "graph readout"}, []string{"Link prediction", "link prediction"})
	c.Misconceptions = []decks.KeyPoint{{Label: "Node tasks need a readout", Weight: 1, Phrasings: []string{"node tasks readout"}}}
	dump := Grade(c, "Node tasks, readout, link prediction, graph classification, pooling, embeddings, MLP, softmax.")
	if !dump.KeywordDump {
		t.Fatalf("not read as a list: %+v", dump)
	}
	if dump.Misconceptions[0].Asserted {
		t.Errorf("a list of terms asserts %q", dump.Misconceptions[0].Label)
	}
	if r := Grade(c, "Node tasks always need a graph readout before the classifier."); !r.Misconceptions[0].Asserted {
		t.Errorf("a sentence does not assert %q", r.Misconceptions[0].Label)
	}
}

// TestDismissWordInPhrasing: a phrasing that holds the dismissing word is
// asserted by it; other phrasings are still taken back by it.
func TestDismissWordInPhrasing(t *testing.T) {
	c := card([]string{"Resolution", "redundant pixels"}, []string{"Attention", "attention layers"})
	r := Grade(c, "At higher resolution neighbouring pixels are redundant, so the same schedule leaves more signal.")
	if p := point(t, r, "Resolution"); !p.Covered {
		t.Errorf("redundant pixels: %+v, want covered", p)
	}
	r = Grade(c, "The attention layers are redundant.")
	if p := point(t, r, "Attention"); p.Covered {
		t.Errorf("attention layers dismissed: %+v, want not covered", p)
	}
}

// TestHeadingAndAppositiveDenials: a falsity word heading the sentence
// ("Wrong: X") or in apposition after it ("X — a widespread
// misconception") denies X; a frame followed by its reason still denies
// what came before it.
func TestHeadingAndAppositiveDenials(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, "Aggregate information from neighbours", false,
		"Wrong: "+x+".",
		"It's a myth: "+x+".",
		"A common error is believing "+x+".",
		"Incorrectly, some papers state that "+x+".",
		"Naively, "+x+", but that is not how it works.",
		"Each node aggregates information from its neighbours — a widespread misconception.",
		"Each node aggregates information from its neighbours: a common misunderstanding.",
		"The notion that "+x+" has been disproven.",
	)
	if p := point(t, Grade(c, "A widespread misconception is that nodes ignore their neighbours; in fact "+x+"."), "Aggregate information from neighbours"); !p.Covered {
		t.Errorf("the corrected claim: %+v, want covered", p)
	}
}

// TestFormerLatter: "the former" and "the latter" name the first and the
// second of the two subjects named before them.
func TestFormerLatter(t *testing.T) {
	c := builtinCard(t, "diffusion/ddpm-vs-ddim")
	r := Grade(c, "Compare DDPM and DDIM. The former is deterministic and needs only 50 steps; the latter adds noise at every step and needs 1000.")
	for _, p := range r.Points {
		if p.Covered {
			t.Errorf("swapped by former/latter, yet %q covered", p.Label)
		}
	}
	r = Grade(c, "Compare DDPM and DDIM. The former adds noise at every step and needs about 1000 steps.")
	if p := point(t, r, "DDPM: ~1000 slow steps"); !p.Covered {
		t.Errorf("the former is DDPM: %+v, want covered", p)
	}
}

// TestWideDenialNoAbsence: a denial over several clauses does not turn
// each plain word in them into the absence a negative phrasing states; a
// denial of one claim still does.
func TestWideDenialNoAbsence(t *testing.T) {
	c := card([]string{"No teacher", "no teacher"})
	wide := "People distinguish consistency distillation, which takes one solver step with a pretrained model as teacher, from consistency training, which supposedly needs no teacher; that distinction is false."
	if p := point(t, Grade(c, wide), "No teacher"); p.Covered {
		t.Errorf("wide denial: %+v, want not covered", p)
	}
	if p := point(t, Grade(c, "It is a myth that consistency training needs a teacher."), "No teacher"); !p.Covered {
		t.Errorf("denied need of a teacher: %+v, want covered", p)
	}
}

// TestMisconceptionBesideContrast: a wrong claim on one side of "while" or
// "whereas" is asserted, though its match over the whole sentence crosses
// the word; a contrast that sets a right claim against another is not, nor
// is a side whose match holds no predicate.
func TestMisconceptionBesideContrast(t *testing.T) {
	for _, tc := range []struct {
		label, answer string
		want          bool
	}{
		{"Consistency distillation needs no teacher", "Consistency distillation needs no teacher, while consistency training uses a pre-trained diffusion model.", true},
		{"Consistency training needs a pre-trained diffusion model", "Consistency distillation needs no teacher, whereas consistency training uses a pre-trained diffusion model.", true},
		{"Consistency training needs a pre-trained diffusion model", "Consistency distillation uses a pre-trained diffusion model, while consistency training needs no teacher.", false},
		{"Consistency distillation needs no teacher", "Consistency distillation uses a pre-trained diffusion model, while consistency training needs no teacher.", false},
	} {
		if got := misconceptionAsserted(t, "diffusion/consistency-models", tc.label, tc.answer); got != tc.want {
			t.Errorf("%q: %q asserted %v, want %v", tc.answer, tc.label, got, tc.want)
		}
	}
	// A side that only names the thing ("more demos in the same
	// environment") and says something else of it states no claim.
	answer := "Success follows a power law in the number of environments, while more demos in the same environment saturate quickly."
	if misconceptionAsserted(t, "vla/data-scaling-laws", "Performance scales mainly with the number of demonstrations", answer) {
		t.Errorf("%q: misconception asserted by a bare name beside the contrast", answer)
	}
}

// TestMisconceptionAfterUnlike: a wrong claim matched from a name right
// after "unlike" is said of the other thing and not asserted.
func TestMisconceptionAfterUnlike(t *testing.T) {
	const label = "System identification randomises the simulator"
	if a := "Unlike system identification, domain randomization does not fit parameters: it randomises textures."; misconceptionAsserted(t, "vla/sim-to-real", label, a) {
		t.Errorf("%q: misconception asserted", a)
	}
	if a := "System identification randomises textures and lighting over wide ranges."; !misconceptionAsserted(t, "vla/sim-to-real", label, a) {
		t.Errorf("%q: misconception not asserted", a)
	}
	const ik = "ALOHA maps the operator's hand pose through inverse kinematics"
	if a := "Unlike a VR headset setup, ALOHA maps leader joints to follower joints directly."; misconceptionAsserted(t, "vla/teleoperation-aloha", ik, a) {
		t.Errorf("%q: misconception asserted across an article after 'unlike'", a)
	}
	if a := "ALOHA collects its data with a VR headset."; !misconceptionAsserted(t, "vla/teleoperation-aloha", ik, a) {
		t.Errorf("%q: misconception not asserted", a)
	}
}
