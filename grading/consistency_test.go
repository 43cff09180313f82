package grading

import (
	"testing"

	"grill/decks"
)

func TestConsistencyWrongQuantity(t *testing.T) {
	c := &decks.Card{ID: "t/ddim", Question: "How does DDIM differ from DDPM?",
		Answer: "DDIM skips steps and is 10–50× faster than DDPM's 1000 steps, with 20 to 50 steps.",
		KeyPoints: []decks.KeyPoint{
			{Label: "DDIM 10–50× faster", Phrasings: []string{"speed-up", "faster sampling"}, Weight: 1},
			{Label: "Skips steps", Phrasings: []string{"skips steps"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"DDIM skips steps, and the speed-up is about 2× over DDPM.", false},             // a number the card never gives
		{"DDIM skips steps, and the speed-up is about 20× over DDPM.", true},             // inside the label's range
		{"DDIM skips steps, and the speed-up is large: 50 steps instead of 1000.", true}, // numbers the card gives
		{"DDIM skips steps, and the speed-up comes from x_{t-1} being skipped.", true},   // an index, not a quantity
		{"DDIM skips steps, and the speed-up is considerable.", true},
	} {
		if got := point(t, Grade(c, tc.answer), "DDIM 10–50× faster").Covered; got != tc.want {
			t.Errorf("%q: covered = %v, want %v", tc.answer, got, tc.want)
		}
	}
	// A point whose label states no number is not held to one.
	if !point(t, Grade(c, "DDIM skips steps, 3 of them at a time, so it is quick."), "Skips steps").Covered {
		t.Error("a number beside a point without one took its cover back")
	}
}

func TestConsistencyNameAsWord(t *testing.T) {
	c := &decks.Card{ID: "t/fast", Question: "How does FAST tokenize action chunks?",
		Answer: "FAST applies a DCT to each action dimension and compresses with BPE; π0-FAST trains up to 5x faster.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Faster training", Phrasings: []string{"trains faster", "5x faster training"}, Weight: 1},
			{Label: "DCT along time", Phrasings: []string{"DCT"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"The DCT is applied along time, but FAST goes further: it trains a small codebook.", false},
		{"The DCT is applied along time, and a model using FAST trains about five times faster.", true},
		{"The DCT is applied along time; FAST trained about 5x faster than the diffusion model.", true},
	} {
		if got := point(t, Grade(c, tc.answer), "Faster training").Covered; got != tc.want {
			t.Errorf("%q: covered = %v, want %v", tc.answer, got, tc.want)
		}
	}
	// A name the point itself writes in capitals is a name there too.
	c2 := &decks.Card{ID: "t/fast2", Question: "What does FAST do?",
		Answer:    "FAST compresses action chunks.",
		KeyPoints: []decks.KeyPoint{{Label: "FAST compresses chunks", Phrasings: []string{"FAST compresses"}, Weight: 1}}}
	if !point(t, Grade(c2, "In short, FAST compresses the action chunks a lot."), "FAST compresses chunks").Covered {
		t.Error("a name the point writes in capitals was read as the ordinary word")
	}
}

func TestConsistencyLimitationEasy(t *testing.T) {
	c := &decks.Card{ID: "t/wl", Question: "How expressive are message-passing GNNs?",
		Answer: "They are at most as powerful as 1-WL, and 1-WL fails on regular graphs. Reflections make them blind to chirality.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Fails on regular graphs", Phrasings: []string{"regular graphs"}, Weight: 1},
			{Label: "Reflections: blind to chirality", Phrasings: []string{"mirror images", "chirality"}, Weight: 1},
		}}
	for _, tc := range []struct {
		label, answer  string
		covered, contr bool
	}{
		{"Fails on regular graphs", "Message passing is strong. Regular graphs are actually the easy case for it.", false, true},
		{"Fails on regular graphs", "Message passing is weak here: regular graphs are a hard case for it.", true, false},
		{"Fails on regular graphs", "Message passing cannot separate regular graphs, which all look alike.", true, false},
		{"Reflections: blind to chirality", "The model uses distances, so it also tells mirror images apart.", false, true},
		{"Reflections: blind to chirality", "The model uses distances, so it cannot tell mirror images apart.", true, false},
	} {
		p := point(t, Grade(c, tc.answer), tc.label)
		if p.Covered != tc.covered || p.Contradicted != tc.contr {
			t.Errorf("%q: covered %v contradicted %v, want %v %v", tc.answer, p.Covered, p.Contradicted, tc.covered, tc.contr)
		}
	}
}

func TestListedIntoWrong(t *testing.T) {
	c := &decks.Card{ID: "t/vla", Question: "What is the key innovation of VLA models?",
		Answer: "VLAs map images and instructions to actions end to end, replacing the modular perception, planning and control pipeline.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Replaces modular pipeline", Phrasings: []string{"perception, planning", "modular"}, Weight: 1},
			{Label: "End to end", Phrasings: []string{"end-to-end"}, Weight: 1},
		},
		Misconceptions: []decks.KeyPoint{
			{Label: "Classical modules execute the plan", Phrasings: []string{"modules are all kept"}, Weight: 1},
		}}
	// The list of module names is the subject of the wrong claim.
	if point(t, Grade(c, "A language model writes the plan. So the perception, planning and control modules are all kept."), "Replaces modular pipeline").Covered {
		t.Error("names listed as the subject of a wrong claim covered the point")
	}
	// A claim of its own before the "and" stands apart from the wrong one.
	if !point(t, Grade(c, "It learns end to end and drops perception, planning, and the modules are all kept as a fallback."), "Replaces modular pipeline").Covered {
		t.Error("a claim joined by 'and' lost its cover to the wrong claim beside it")
	}
}

func TestConsistencyWordForName(t *testing.T) {
	c := &decks.Card{ID: "t/kg", Question: "Which relations can TransE not model?",
		Answer: "Successors such as RotatE and DistMult address its gaps.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Successors: RotatE, DistMult", Phrasings: []string{"RotatE", "DistMult"}, Weight: 1},
			{Label: "Symmetric relations fail", Phrasings: []string{"symmetric relations"}, Weight: 1},
		}}
	if point(t, Grade(c, "TransE is a rotation-free scaling of the head vector."), "Successors: RotatE, DistMult").Covered {
		t.Error("the word 'rotation' was read as the name RotatE")
	}
	if !point(t, Grade(c, "TransE was followed by RotatE, which rotates in the complex plane."), "Successors: RotatE, DistMult").Covered {
		t.Error("the name RotatE did not cover its point")
	}
}

// TestLimitationStrengthAsserted: what a limitation point fails on, said to
// be a strength ("one-to-many relations are fine", "its strength is
// symmetric relations", "regular graphs are the easy case"), contradicts
// the point; said with a word of weakness in its clause, or with the
// strength in another clause, it does not (consistency.go: strengthWords).
func TestLimitationStrengthAsserted(t *testing.T) {
	c := &decks.Card{ID: "t/lim3", Question: "What are TransE's limits?", KeyPoints: []decks.KeyPoint{
		{Label: "Fails on one-to-many relations", Phrasings: []string{"one-to-many"}, Weight: 1},
		{Label: "Fails on symmetric relations", Phrasings: []string{"symmetric relations"}, Weight: 1},
	}}
	for _, tc := range []struct {
		answer, label    string
		covered, against bool
	}{
		{"One-to-many relations are fine, since tails can use other dimensions.", "Fails on one-to-many relations", false, true},
		{"Its strength is symmetric relations like sibling_of.", "Fails on symmetric relations", false, true},
		{"Symmetric relations are the easy case.", "Fails on symmetric relations", false, true},
		{"TransE is well suited to symmetric relations.", "Fails on symmetric relations", false, true},
		{"Symmetric relations are straightforward for it.", "Fails on symmetric relations", false, true},
		{"It is good at chains but weak on one-to-many relations.", "Fails on one-to-many relations", true, false},
		{"It trains well, but one-to-many relations collapse the tails.", "Fails on one-to-many relations", true, false},
		{"Translations are simple. One-to-many relations are fine, since tails can differ.", "Fails on one-to-many relations", false, true},
		{"Translations are simple. Its strength is symmetric relations like sibling_of.", "Fails on symmetric relations", false, true},
		{"Translations are simple, but one-to-many relations collapse the tails.", "Fails on one-to-many relations", true, false},
	} {
		p := point(t, Grade(c, tc.answer), tc.label)
		if p.Covered != tc.covered || p.Contradicted != tc.against {
			t.Errorf("%q: %+v, want covered %v contradicted %v", tc.answer, p, tc.covered, tc.against)
		}
	}
	// "fine" names a limitation's absence only as a predicate: "256 bins
	// limit precision for fine manipulation" says the limitation.
	c2 := &decks.Card{ID: "t/vla", Question: "What are the limitations of VLAs?", Answer: "Discretisation limits precision.",
		KeyPoints: []decks.KeyPoint{{Label: "Discretisation limits precision", Phrasings: []string{"256 bins", "precision"}, Weight: 1}}}
	if p := point(t, Grade(c2, "Its 256 bins per dimension cap the precision for fine manipulation."), "Discretisation limits precision"); !p.Covered {
		t.Error("'fine manipulation' took back a limitation")
	}
}

// TestCompoundNameInPhrasing checks that a phrasing which writes a compared
// subject's compound name ("cluster-gcn is unbiased") is matched by that
// name, while a word of the name alone is still no evidence.
func TestCompoundNameInPhrasing(t *testing.T) {
	c := &decks.Card{ID: "t/scale", Question: "How do Cluster-GCN and GraphSAINT scale GNN training?",
		Answer: "Cluster-GCN partitions the graph with METIS; GraphSAINT samples subgraphs and normalises.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Cluster-GCN: METIS partitions as batches", Phrasings: []string{"METIS", "partitions as batches"}, Weight: 1},
			{Label: "GraphSAINT: subgraph sampling", Phrasings: []string{"subgraph sampling", "samples subgraphs"}, Weight: 1},
		},
		Misconceptions: []decks.KeyPoint{{Label: "Cluster-GCN is unbiased", Phrasings: []string{"cluster-gcn is unbiased"}, Weight: 1}}}
	r := Grade(c, "Cluster-GCN uses METIS partitions as batches. Cluster-GCN goes further and is exactly unbiased. GraphSAINT samples subgraphs.")
	if !r.Misconceptions[0].Asserted {
		t.Error("a misconception naming the compound subject was not asserted by its name")
	}
	if !r.Points[0].Covered || !r.Points[1].Covered {
		t.Errorf("points lost: %+v", r.Points)
	}
}

func TestConsistencyDirection(t *testing.T) {
	c := &decks.Card{ID: "t/cfg", Question: "Explain classifier-free guidance.",
		Answer: "CFG extrapolates from the unconditional prediction toward the conditional one.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Extrapolate conditional minus unconditional", Phrasings: []string{"conditional and unconditional", "away from unconditional", "toward the conditional"}, Weight: 1},
			{Label: "Two forward passes", Phrasings: []string{"two forward passes"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"It needs two forward passes and pushes the prediction away from the unconditional output towards the conditional one.", true},
		{"It needs two forward passes and pushes the prediction away from the conditional output towards the unconditional one.", false},
		{"It needs two forward passes, conditional and unconditional, and does not move towards the unconditional one.", true},
	} {
		if got := point(t, Grade(c, tc.answer), "Extrapolate conditional minus unconditional").Covered; got != tc.want {
			t.Errorf("%q: covered = %v, want %v", tc.answer, got, tc.want)
		}
	}
}

func TestConsistencyReversedComparison(t *testing.T) {
	c := &decks.Card{ID: "t/act", Question: "How are robot actions represented for a transformer?",
		Answer: "Actions are binned into 256 values per dimension. Why discretize: classification is more stable than regression, and it captures multimodal action distributions.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Why: multimodal, stable", Phrasings: []string{"multimodal action distributions", "more stable than regression"}, Weight: 1},
			{Label: "256 bins", Phrasings: []string{"256 bins"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"Actions use 256 bins. Classification is the stable option and the one that captures multimodal action distributions.", true},
		{"Actions use 256 bins. Continuous regression is the stable option and the one that captures multimodal action distributions.", false},
		{"Actions use 256 bins. Regression is less stable, while classification captures multimodal action distributions.", true},
		{"Actions use 256 bins. Classification is more stable than regression and captures multimodal action distributions.", true},
	} {
		if got := point(t, Grade(c, tc.answer), "Why: multimodal, stable").Covered; got != tc.want {
			t.Errorf("%q: covered = %v, want %v", tc.answer, got, tc.want)
		}
	}
}

// TestAbsenceLabelIsLimitation checks that a point stating an absence ("No
// new motor skills from web data") is contradicted by an answer that says
// the capability is there, and covered by one that says it is lacking.
func TestAbsenceLabelIsLimitation(t *testing.T) {
	c := &decks.Card{ID: "t/lim", Question: "What are the limitations of VLAs?",
		Answer: "VLAs need a lot of robot data, and web data adds no new motor skills.",
		KeyPoints: []decks.KeyPoint{
			{Label: "No new motor skills from web data", Phrasings: []string{"no new motor skills", "physical skills"}, Weight: 1},
			{Label: "Data hungry", Phrasings: []string{"lot of robot data"}, Weight: 1},
		}}
	if p := point(t, Grade(c, "They need a lot of robot data. VLAs can learn new physical skills from web data."), "No new motor skills from web data"); p.Covered || !p.Contradicted {
		t.Errorf("a capability asserted covered the absence: %+v", p)
	}
	if p := point(t, Grade(c, "They need a lot of robot data, and web data cannot teach them new physical skills."), "No new motor skills from web data"); !p.Covered {
		t.Errorf("a lacking capability did not cover the absence: %+v", p)
	}
}
