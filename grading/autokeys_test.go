package grading

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"grill/decks"
)

func TestDerivedKeyPoints(t *testing.T) {
	c := &decks.Card{ID: "t/mp", Question: "What is message passing in GNNs?", Answer: `**Core paradigm**: Update node representations by **aggregating information from neighbors**.

**Framework**:
$$h_v^{(k+1)} = \text{UPDATE}(h_v^{(k)}, \text{AGGREGATE}(\{h_u^{(k)} : u \in \mathcal{N}(v)\}))$$

**Three steps per layer**:
1. **Message**: Each neighbor sends its representation
2. **Aggregate**: Combine neighbor messages (sum, mean, max, attention)
3. **Update**: Combine aggregated message with own features

**Example** (social network):
- Layer 1: Learn from direct friends
- Layer 2: Learn from friends-of-friends`}
	kps := KeyPoints(c)
	if len(kps) < 3 || len(kps) > 7 {
		t.Fatalf("%d key points, want 3–7: %+v", len(kps), kps)
	}
	var labels []string
	for _, kp := range kps {
		labels = append(labels, kp.Label)
		if kp.Weight != 1 || kp.Line != 0 || len(kp.Phrasings) == 0 {
			t.Errorf("key point %+v", kp)
		}
		if utf8.RuneCountInString(kp.Label) > maxLabelLen+1 || strings.ContainsAny(kp.Label, "*$`") {
			t.Errorf("label %q is not readable", kp.Label)
		}
		for _, p := range kp.Phrasings {
			for _, tok := range tokenize(p) {
				if tok.term == stem("messag") || tok.word == "passing" || tok.word == "gnn" {
					t.Errorf("phrasing %q of %q repeats the question", p, kp.Label)
				}
			}
		}
	}
	all := strings.Join(labels, " | ")
	for _, want := range []string{"Aggregating information from neighbors", "Update"} {
		if !strings.Contains(all, want) {
			t.Errorf("labels %q lack %q", all, want)
		}
	}
	for _, section := range []string{"Core paradigm", "Framework", "Example", "Message"} {
		for _, l := range labels {
			if l == section {
				t.Errorf("section label %q became a key point", section)
			}
		}
	}
	// Words that merely repeat the question are worth little.
	if r := Grade(c, "Message passing is message passing in GNNs, a message passing neural network."); r.Score > 10 {
		t.Errorf("repeating the question scores %d", r.Score)
	}
	good := "Each node aggregates information from its neighbors, then does an update that combines the aggregated message with its own features."
	if r := Grade(c, good); r.Score < 50 {
		t.Errorf("a good answer scores %d on derived key points %q", r.Score, all)
	}
}

func TestDerivedKeyPointsOnBuiltinDecks(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range lib.Cards() {
		if len(c.KeyPoints) == 0 {
			t.Errorf("%s: built-in card without curated key points", c.ID)
		}
		bare := *c
		bare.KeyPoints = nil
		kps := KeyPoints(&bare)
		if len(kps) < 3 || len(kps) > 7 {
			t.Errorf("%s: %d derived key points", c.ID, len(kps))
		}
		// The reference answer itself covers most of what is derived from it.
		if r := Grade(&bare, c.Answer); r.Coverage < 60 {
			t.Errorf("%s: reference answer covers %d%% of its derived key points", c.ID, r.Coverage)
		}
	}
}

func TestDerivedKeyPointsShortAnswers(t *testing.T) {
	for _, answer := range []string{"", "Yes.", "**Bold**", "$x$", "- a\n- b", "Gradient descent on the loss."} {
		c := &decks.Card{ID: "t/x", Question: "Q?", Answer: answer}
		for _, kp := range KeyPoints(c) {
			if kp.Label == "" || len(kp.Phrasings) == 0 {
				t.Errorf("answer %q: key point %+v", answer, kp)
			}
		}
		Grade(c, "anything at all")
	}
}

// seedCard returns a card of the seed Q&A file imported as it is, without
// key points.
func seedCard(t *testing.T, question string) *decks.Card {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "decks", "testdata", "seed.md"))
	if err != nil {
		t.Fatal(err)
	}
	topics, problems := decks.Parse("seed.md", src)
	if len(problems) > 0 {
		t.Fatalf("seed.md: %v", problems)
	}
	for _, tp := range topics {
		for _, c := range tp.Cards {
			if c.Question == question {
				if len(c.KeyPoints) > 0 {
					t.Fatalf("seed card %q has key points", question)
				}
				return c
			}
		}
	}
	t.Fatalf("no seed card %q", question)
	return nil
}

// TestSeedImportScoresLikeBuiltin: a strong answer to message passing scores
// on the card imported from the seed file (no key points: the whole
// reference decides) about as it does on the built-in card; its derived
// points are clauses of the reference, and a comparison card gets a point
// for each compared method.
func TestSeedImportScoresLikeBuiltin(t *testing.T) {
	builtin := builtinCard(t, "gnn/message-passing")
	seed := seedCard(t, builtin.Question)
	b, s := Grade(builtin, answer150), Grade(seed, answer150)
	if s.Score < b.Score-15 {
		t.Errorf("strong answer: seed card %d, built-in %d", s.Score, b.Score)
	}
	if w := Grade(seed, "Message passing is when the GNN passes messages."); w.Score > 30 {
		t.Errorf("a one-line echo of the question scores %d on the seed card", w.Score)
	}
	cmp := seedCard(t, "Explain GCN, GraphSAGE, and GAT - key differences?")
	var labels []string
	for _, kp := range KeyPoints(cmp) {
		labels = append(labels, kp.Label)
	}
	all := strings.Join(labels, " | ")
	for _, name := range []string{"GCN:", "GraphSAGE:", "GAT:"} {
		if !strings.Contains(all, name) {
			t.Errorf("comparison card's derived points %q have none for %s", all, name)
		}
	}
	swapped := Grade(cmp, "GAT uses fixed degree weights and samples neighbours, so GAT is inductive. GCN learns attention weights so different neighbours get different importance.")
	right := Grade(cmp, "GCN uses fixed degree weights. GraphSAGE samples neighbours, so it is inductive. GAT learns attention weights so different neighbours get different importance.")
	if swapped.Score >= right.Score {
		t.Errorf("swapped subjects score %d, right ones %d", swapped.Score, right.Score)
	}
}

// TestDerivedKeyPointsKeepNegation: "a node that has no children" keeps its
// "no".
func TestDerivedKeyPointsKeepNegation(t *testing.T) {
	c := &decks.Card{ID: "t/leaf", Question: "What is a leaf?", Answer: "- **Leaf**: a node that has no children\n- **Root**: the node with no parent\n- **Depth**: distance from the root"}
	found := false
	for _, kp := range KeyPoints(c) {
		for _, p := range kp.Phrasings {
			if strings.Contains(p, "no children") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("derived phrasings drop the negation: %+v", KeyPoints(c))
	}
	if r := Grade(c, "A leaf is a node that has children."); r.Score >= Grade(c, "A leaf is a node that has no children.").Score {
		t.Errorf("the negation of the reference is not kept")
	}
}

// TestDerivedKeyPointsNeverNone: a card whose short reference yields no
// candidate still gets a key point from its first sentence.
func TestDerivedKeyPointsNeverNone(t *testing.T) {
	for _, answer := range []string{"The bulb will light.", "Gradient descent on the loss.", "Because the circuit is closed"} {
		c := &decks.Card{ID: "t/x", Question: "Will the bulb light? Explain.", Answer: answer}
		if kps := KeyPoints(c); len(kps) == 0 {
			t.Errorf("reference %q: no derived key point", answer)
		}
	}
}
