package grading

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"grill/decks"
)

// answer150 is a realistic 150-word answer to "What is message passing in
// GNNs?".
const answer150 = `Message passing is the framework behind most GNNs. In every layer, each node
collects messages from its neighbours: usually their current embeddings, sometimes passed through a
small MLP that also sees the edge features. The messages are aggregated with a permutation-invariant
function such as a sum, a mean, a max or an attention-weighted sum, because neighbours have no natural
order. Then the node updates its own representation by combining the aggregated message with its
previous embedding, for example h_v' = UPDATE(h_v, AGG({h_u : u in N(v)})), typically a linear layer
followed by a nonlinearity or a GRU cell. Stacking k layers means that a node's final embedding depends
on its k-hop neighbourhood, so layer one sees direct friends and layer two sees friends of friends. The
weights are shared across all nodes, which is why the same model works on graphs of any size and
shape, and why it generalises to new nodes.`

func builtinCard(b testing.TB, id string) *decks.Card {
	lib, err := decks.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c, ok := lib.Card(id)
	if !ok {
		b.Fatalf("no card %s", id)
	}
	return c
}

// BenchmarkGrade150Words grades one 150-word answer against one built-in
// card, after the card's matcher is compiled.
func BenchmarkGrade150Words(b *testing.B) {
	c := builtinCard(b, "gnn/message-passing")
	if n := len(strings.Fields(answer150)); n < 140 || n > 160 {
		b.Fatalf("answer has %d words", n)
	}
	Grade(c, answer150)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		Grade(c, answer150)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e3, "cpu-µs/op")
}

// BenchmarkGradeAmong150Words grades the same answer told the 30 cards of
// its topic as neighbours, as grill does (the answer covers points, so the
// neighbours' vocabularies are compared), after every matcher is compiled.
func BenchmarkGradeAmong150Words(b *testing.B) {
	lib, err := decks.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	c, _ := lib.Card("gnn/message-passing")
	nbs := Neighbours(lib, c)
	if len(nbs) != 30 {
		b.Fatalf("%d neighbours", len(nbs))
	}
	GradeAmong(c, nbs, answer150)
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		GradeAmong(c, nbs, answer150)
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N)/1e3, "cpu-µs/op")
}

// BenchmarkGradeColdCard includes compiling the card's matcher.
func BenchmarkGradeColdCard(b *testing.B) {
	c := builtinCard(b, "gnn/message-passing")
	i := 0
	for b.Loop() {
		i++
		cc := *c
		cc.Question += fmt.Sprint(" ", i) // a new fingerprint: compiled afresh
		Grade(&cc, answer150)
	}
}

// BenchmarkBatch2000 grades 2,000 answers across all built-in cards, as
// `grill grade --batch` does.
func BenchmarkBatch2000(b *testing.B) {
	lib, err := decks.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	input := batchInput(lib, 2000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := GradeBatch(lib, bytes.NewReader(input), io.Discard, BatchOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// batchInput builds n batch lines cycling over the library's cards, with
// answers made of the reference answers' sentences in varying order.
func batchInput(lib *decks.Library, n int) []byte {
	cards := lib.Cards()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i := range n {
		c := cards[i%len(cards)]
		sentences := strings.Split(c.Answer, "\n")
		var parts []string
		for j := range sentences {
			parts = append(parts, sentences[(j*7+i)%len(sentences)])
		}
		enc.Encode(map[string]string{"id": fmt.Sprint("a", i), "question": c.ID, "answer": strings.Join(parts, " ")})
	}
	return buf.Bytes()
}
