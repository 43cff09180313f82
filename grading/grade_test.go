package grading

import (
	"strings"
	"testing"
	"unicode/utf8"

	"grill/decks"
)

// card builds a card with one key point per phrasing list.
func card(points ...[]string) *decks.Card {
	c := &decks.Card{ID: "t/card", Question: "What is it?", Answer: "Reference."}
	for _, p := range points {
		c.KeyPoints = append(c.KeyPoints, decks.KeyPoint{Label: p[0], Phrasings: p[1:], Weight: 1})
	}
	return c
}

// covers reports whether the answer names the card's only key point
// (short test answers read as keyword dumps, so Listed counts too).
func covers(t *testing.T, phrasing, answer string) bool {
	t.Helper()
	r := Grade(card([]string{"point", phrasing}), answer)
	return r.Points[0].Covered || r.Points[0].Listed
}

func TestMatchVariants(t *testing.T) {
	tests := []struct {
		phrasing, answer string
		want             bool
	}{
		// case, punctuation, hyphen/space/joined
		{"over-smoothing", "The OVERSMOOTHING problem.", true},
		{"over-smoothing", "over smoothing happens", true},
		{"oversmoothing", "it is over-smoothing", true},
		{"over smoothing", "node features get smoothed over", true}, // any order within the window
		// stems and plurals
		{"aggregate neighbour information", "it aggregates information from its neighbours", true},
		{"attention weights", "an attention weighting", true},
		// British/US spelling
		{"neighbor", "each neighbour", true},
		{"normalized adjacency", "the normalised adjacency matrix", true},
		{"regularization", "some regularisation", true},
		{"sequence modeling", "sequence modelling", true},
		{"tokenization", "action tokenisation", true},
		// typos scaled to length
		{"aggregation", "agregation of messages", true},
		{"indistinguishable", "they become indistinguishible", true},
		{"receives", "each node recieves", true},
		{"layer", "a single lyer", false},  // 5 letters: one edit allowed, but "lyer"... is 4 letters
		{"model", "a modal output", false}, // a real word is not a typo
		{"mode", "modes", true},
		{"GAT", "GCN", false},
		// abbreviations both ways
		{"GCN", "a graph convolutional network", true},
		{"graph convolutional network", "GCNs are simple", true},
		{"CFG", "classifier-free guidance", true},
		{"classifier-free guidance", "with CFG", true},
		{"ViT", "a vision transformer encoder", true},
		{"FiLM", "feature-wise linear modulation", true},
		{"7-DoF", "seven degrees of freedom", true},
		{"RT-2", "RT2 co-fine-tunes", true},
		{"MSE", "mean squared error loss", true},
		// Greek letters and ASCII maths
		{"epsilon", "predict ε", true},
		{"ε", "predict eps", true},
		{"eps_theta", "the network ε_θ", true},
		{"alpha_bar", "ᾱ_t goes to zero", true},
		{"alpha_bar", "alpha bar goes to zero", true},
		{"alpha_bar", "alphabar goes to zero", true},
		{"ᾱ", "\\bar{\\alpha}_t", true},
		{"sqrt(alpha_bar)", "scale by √ᾱ", true},
		{"sqrt(alpha_bar)", "the square root of alpha bar", true},
		{"beta_t", "β_t grows", true},
		{"∇ log p", "the grad log p(x)", true},
		{"x_0", "predict x0 directly", true},
		{"x_0", "predict x₀ directly", true},
		{"γ ⊙ h + β", "gamma times h elementwise plus beta", true},
		{"eps(x_t, empty)", "ε(x_t, ∅)", true},
		// stop words inside phrasings, words outside the window
		{"information from neighbours", "information of the neighbours", true},
		{"mode collapse", "the mode of the data does not matter. Collapse is rare", false},
		// a phrasing with one content word matches only as written
		{"sum of", "the sum of the node embeddings", true},
		{"sum of", "it aggregates them (sum, mean or max)", false},
		{"bit by bit", "noise is added bit by bit", true},
		{"bit by bit", "it removes a bit of noise", false},
		{"from scratch", "RT-1 was trained from scratch", true},
		// a compound with a short prefix stays one word
		{"co-training", "co-training on both datasets", true},
		{"co-training", "with cotraining", true},
		{"co-training", "co training helps", true},
		{"co-training", "co-fine-tuning means training two models", false},
		{"k-hop", "its k-hop neighbourhood", true},
		{"sim-to-real", "the sim to real gap", true},
		// a number comes before what it counts
		{"one step", "in one step", true},
		{"one step", "go through the steps one by one", false},
		{"1000 steps", "DDPM needs 1000 denoising steps", true},
		{"7-DoF", "a 7-DoF arm", true},
		// function words inside a symbol are kept
		{"a_1 * ... * a_t", "abar_t = a_1 * a_2 * ... * a_t", true},
		{"a_1 * ... * a_t", "x_t = sqrt(abar_t) * x_0 + sqrt(1 - abar_t) * eps", false},
		// names and verbs are not typos or statistics
		{"graph size", "like GraphSAGE does", false},
		{"mean of the node", "it means the test nodes", false},
		// an abbreviation spelled out stays together
		{"large language model", "a large pretrained vision-language model", false},
		{"large language model", "a large language model decoder", true},
		// each and every
		{"noise at each step", "it adds noise at every step", true},
	}
	for _, tt := range tests {
		if got := covers(t, tt.phrasing, tt.answer); got != tt.want {
			t.Errorf("phrasing %q, answer %q: covered = %v, want %v", tt.phrasing, tt.answer, got, tt.want)
		}
	}
}

func TestNegation(t *testing.T) {
	tests := []struct {
		phrasing, answer string
		covered, negated bool
	}{
		{"use attention", "GCN does not use attention.", false, true},
		{"use attention", "GCN doesn't use attention.", false, true},
		{"use attention", "GCN doesnt really use attention.", false, true},
		{"learned weights", "GCN never has learned weights", false, true},
		{"attention", "aggregation without attention", false, true},
		{"attention", "no attention at all", false, true},
		{"attention", "neither attention nor sampling", false, true},
		{"sampling", "neither attention nor sampling", false, true},
		{"attention", "attention is not used here", false, true},
		{"attention", "attention isn't used here", false, true},
		{"attention", "it is not only attention", true, false},
		{"attention", "GCN does not learn weights, but GAT uses attention", true, false},
		{"attention", "it does not learn fixed weights and uses attention", true, false},
		{"attention", "GAT uses attention. GCN does not.", true, false},
		{"attention", "GAT uses attention; GCN uses no attention", true, false}, // said positively once
		{"fixed weights", "uses attention instead of fixed weights", false, true},
		{"Markovian", "DDIM is non-Markovian", false, true},
		// a key point that is itself about an absence
		{"no mode collapse", "diffusion models have no mode collapse", true, false},
		{"no mode collapse", "diffusion doesn't suffer from mode collapse", true, false},
		{"no mode collapse", "mode collapse is not an issue for diffusion", true, false},
		{"no mode collapse", "diffusion avoids mode collapse", true, false},
		// negation across "or", denials and "no role" after the phrase
		{"clean image", "it never predicts the noise or the clean image", false, true},
		{"prompt adherence", "w has no effect on diversity or prompt adherence", false, true},
		{"neighbour features", "the neighbour features are ignored", false, true},
		{"own features", "the node's own features play no role in the update", false, true},
		{"over-smoothing", "over-smoothing has nothing to do with depth", false, true},
		{"attention-based", "attention-based readout is never used", false, true},
		{"residual", "residual connections don't help", false, true},
		{"over-smoothing", "over-smoothing is a myth", false, true},
		{"test nodes are seen", "it has nothing to do with whether test nodes are seen", false, true},
		{"attention weights", "GAT learns attention weights per edge, which are shared", true, false},
		{"instead of pixel space", "it diffuses in a small latent instead of pixel space", true, false},
		{"instead of pixels", "it diffuses in a latent space instead of pixels", true, false},
		{"instead of pixel space", "it diffuses in pixel space", false, true},
		{"no mode collapse", "GANs have mode collapse", false, true},
		{"non-Markovian", "DDIM is non-Markovian", true, false},
		{"non-Markovian", "DDIM is nonmarkovian", true, false},
		{"non-Markovian", "DDIM is not Markovian", true, false},
		{"non-Markovian", "DDPM is Markovian", false, true},
		{"can't distinguish", "you cannot distinguish the nodes", true, false},
		{"no discriminator", "there is no discriminator", true, false},
		{"not sequentially", "you don't need to go sequentially", true, false},
	}
	for _, tt := range tests {
		r := Grade(card([]string{"point", tt.phrasing}), tt.answer)
		p := r.Points[0]
		p.Covered = p.Covered || p.Listed
		if p.Covered != tt.covered || p.Negated != tt.negated {
			t.Errorf("phrasing %q, answer %q: covered=%v negated=%v, want %v %v", tt.phrasing, tt.answer, p.Covered, p.Negated, tt.covered, tt.negated)
		}
	}
}

func TestEveryWrittenFormIsATypoTarget(t *testing.T) {
	c := card([]string{"first", "arbitrary connectivity"}, []string{"second", "fully connected graph"})
	r := Grade(c, "Transformers are GNNs on a fully conected graph of tokens.")
	if !r.Points[1].Covered {
		t.Errorf("\"conected\" is not read as a typo of \"connected\" after \"connectivity\": %+v", r.Points)
	}
}

func TestSameAsIsAComparison(t *testing.T) {
	c := &decks.Card{ID: "t/ddim", Question: "DDPM vs DDIM sampling - differences?", Answer: "Reference.",
		KeyPoints: []decks.KeyPoint{
			{Label: "DDPM: stochastic", Phrasings: []string{"stochastic"}, Weight: 1},
			{Label: "DDIM: deterministic", Phrasings: []string{"deterministic"}, Weight: 1},
		}}
	r := Grade(c, "DDIM keeps the same marginals as DDPM and with eta set to zero sampling is deterministic.")
	if !r.Points[1].Covered {
		t.Errorf("a point after \"the same marginals as DDPM\" is not credited to DDIM: %+v", r.Points)
	}
}

func TestComparedSubjectNameIsNoEvidence(t *testing.T) {
	c := &decks.Card{ID: "t/cmp", Question: "Explain GCN, GraphSAGE, and GAT - key differences?", Answer: "Reference.",
		KeyPoints: []decks.KeyPoint{
			{Label: "GCN: fixed weights", Phrasings: []string{"fixed weights"}, Weight: 1},
			{Label: "GraphSAGE: sample and aggregate", Phrasings: []string{"sample and aggregate", "GraphSAGE"}, Weight: 1},
			{Label: "GAT: attention", Phrasings: []string{"attention"}, Weight: 1},
		}}
	for answer, want := range map[string]bool{
		"GraphSAGE is the one that is used for large graphs.":           false,
		"GraphSAGE uses a sample and aggregate scheme over neighbours.": true,
	} {
		if got := Grade(c, answer).Points[1].Covered; got != want {
			t.Errorf("%q: GraphSAGE point covered = %v, want %v", answer, got, want)
		}
	}
}

func TestSpansPointIntoOriginal(t *testing.T) {
	c := card([]string{"Aggregate", "aggregate from neighbours"}, []string{"Noise", "ε"}, []string{"Missed", "jumping knowledge"})
	answer := "Ｅach node ＡGGREGATES, from its Neighbours'   messages — with ε."
	r := Grade(c, answer)
	want := map[string]string{"Aggregate": "ＡGGREGATES, from its Neighbours", "Noise": "ε"}
	for _, p := range r.Points {
		var got []string
		for _, sp := range p.Spans {
			got = append(got, answer[sp.Start:sp.End])
		}
		if w, ok := want[p.Label]; ok {
			if !p.Covered || len(got) != 1 || got[0] != w {
				t.Errorf("%s: covered=%v spans %q, want %q", p.Label, p.Covered, got, w)
			}
		} else if p.Covered || len(got) != 0 {
			t.Errorf("%s: covered=%v spans %q, want missed", p.Label, p.Covered, got)
		}
	}
}

func TestScoreIsWeightedShareRoundedHalfUp(t *testing.T) {
	c := card([]string{"a", "alpha"}, []string{"b", "beta"}, []string{"c", "gamma"}, []string{"d", "delta"},
		[]string{"e", "epsilon"}, []string{"f", "zeta"}, []string{"g", "theta"}, []string{"h", "kappa"})
	c.KeyPoints[0].Weight = 1
	r := Grade(c, "The answer mentions alpha, which is the only point it covers in this sentence.")
	if r.Score != 13 { // 1/8 = 12.5 rounds up
		t.Errorf("score = %d, want 13", r.Score)
	}
	c.KeyPoints[1].Weight = 3
	r = Grade(c, "Here the answer is about beta, and it explains beta in a full sentence.")
	if r.Score != 30 { // 3/10
		t.Errorf("score = %d, want 30", r.Score)
	}
	if got := Rescore(r.Points); got != r.Score {
		t.Errorf("Rescore = %d, want %d", got, r.Score)
	}
	r.Points[0].Covered = true
	if got := Rescore(r.Points); got != 40 {
		t.Errorf("Rescore after override = %d, want 40", got)
	}
	if got := Rescore(nil); got != 0 {
		t.Errorf("Rescore(nil) = %d", got)
	}
}

func TestKeywordDumpScoresWellBelowExplanation(t *testing.T) {
	c := card(
		[]string{"Aggregate from neighbours", "aggregate neighbour information", "aggregation"},
		[]string{"Update with own features", "update", "own features"},
		[]string{"k hops", "k-hop"},
	)
	real := "Each node aggregates the information from its neighbours, then updates its own features " +
		"by combining the aggregate with them; with k layers a node sees its k-hop neighbourhood."
	for _, dump := range []string{
		"aggregation, neighbour information, update, own features, k-hop",
		"aggregation neighbour information update own features k-hop",
		"Aggregation. Update. Own features. K-hop.",
		"- aggregation\n- neighbour information\n- update own features\n- k-hop",
	} {
		rr, rd := Grade(c, real), Grade(c, dump)
		if rr.Score != 100 || rd.Coverage != 100 {
			t.Fatalf("coverage: real %d, dump %d; want both 100", rr.Coverage, rd.Coverage)
		}
		if !rd.KeywordDump || rd.Score > rr.Score-25 {
			t.Errorf("dump %q: score %d (keyword dump %v), real answer %d: want ≥ 25 below", dump, rd.Score, rd.KeywordDump, rr.Score)
		}
		for _, p := range rd.Points {
			if p.Covered || !p.Listed {
				t.Errorf("dump %q: point %q covered=%v listed=%v, want listed", dump, p.Label, p.Covered, p.Listed)
			}
		}
	}
	terse := Grade(c, "message passing aggregates neighbour features then updates")
	if terse.KeywordDump {
		t.Errorf("a terse sentence is not a keyword dump")
	}
}

func TestGradeIsDeterministicAndConcurrent(t *testing.T) {
	c := card([]string{"a", "aggregate neighbours"}, []string{"b", "update"})
	answer := "It aggregates from neighbours and then it does an update."
	want := Grade(c, answer)
	done := make(chan Result)
	for range 8 {
		go func() { done <- Grade(c, answer) }()
	}
	for range 8 {
		got := <-done
		if got.Score != want.Score || len(got.Points) != len(want.Points) {
			t.Fatalf("concurrent grade differs: %+v vs %+v", got, want)
		}
		for i := range got.Points {
			if got.Points[i].Covered != want.Points[i].Covered || len(got.Points[i].Spans) != len(want.Points[i].Spans) {
				t.Fatalf("concurrent grade differs at %d", i)
			}
		}
	}
}

func TestEditedCardIsRecompiled(t *testing.T) {
	c := card([]string{"a", "aggregate"})
	if !Grade(c, "we aggregate").Points[0].Covered {
		t.Fatal("not covered")
	}
	c.KeyPoints[0].Phrasings = []string{"update"}
	if Grade(c, "we aggregate").Points[0].Covered {
		t.Error("stale matcher: edited phrasing still matches")
	}
}

func TestTokenizeRanges(t *testing.T) {
	text := "x_t = √ᾱ_t·x₀ + sqrt(1−ᾱ) ε; GCN's neighbours don't — ﬁne"
	for _, tok := range tokenize(text) {
		if tok.start < 0 || tok.end > len(text) || tok.start >= tok.end {
			t.Fatalf("bad range %d..%d", tok.start, tok.end)
		}
		if !utf8.ValidString(text[tok.start:tok.end]) {
			t.Fatalf("range %d..%d splits a rune", tok.start, tok.end)
		}
	}
	var words []string
	for _, tok := range tokenize(text) {
		words = append(words, tok.word)
	}
	got := strings.Join(words, " ")
	want := "x t sqrt alpha bar t x0 sqrt 1 alpha bar epsilon gcn neighbors dont fine"
	if got != want {
		t.Errorf("words = %q\nwant    %q", got, want)
	}
}
