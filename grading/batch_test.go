package grading

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"grill/decks"
)

func TestGradeBatch(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	input := strings.Join([]string{
		`{"id": "a", "question": "gnn/message-passing", "answer": "Each node aggregates information from its neighbours and then updates its own representation."}`,
		``,
		`{"id": "b", "question": "What is message passing in GNNs?", "answer": "No idea."}`,
		`{"id": "c", "question": "gnn/nope", "answer": "x"}`,
		`not json`,
		`{"id": 7, "question": "gnn/readout"}`,
		`{"id": "e", "answer": "x"}`,
		`{"id": "f", "question": "vla/film", "answer": ""}`,
	}, "\n")
	var out bytes.Buffer
	failed, err := GradeBatch(lib, strings.NewReader(input), &out, BatchOptions{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	if failed != 4 {
		t.Errorf("failed = %d, want 4", failed)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	want := []string{
		`{"id":"a","question_id":"gnn/message-passing","score":58,"covered":["Aggregate information from neighbours","Update with own features"],"missed":["Neighbours send messages","Sum, mean, max or attention","k layers see k hops"],"contradicted":[],"misconceptions":[]}`,
		`{"id":"b","question_id":"gnn/message-passing","score":0,"covered":[],"missed":["Aggregate information from neighbours","Neighbours send messages","Update with own features","Sum, mean, max or attention","k layers see k hops"],"contradicted":[],"misconceptions":[]}`,
		`{"id":"c","error":"line 4: unknown question \"gnn/nope\""}`,
		`{"id":null,"error":"line 5: invalid JSON: invalid character 'o' in literal null (expecting 'u')"}`,
		`{"id":7,"error":"line 6: missing \"answer\""}`,
		`{"id":"e","error":"line 7: missing \"question\""}`,
		`{"id":"f","question_id":"vla/film","score":0,"covered":[],"missed":["Affine scale and shift","γ, β predicted from language","Per channel, shared over positions","Modulates visual features","Applied at multiple layers","Identity init keeps pretrained weights","Efficient fusion"],"contradicted":[],"misconceptions":[]}`,
	}
	if len(lines) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, lines[i], want[i])
		}
	}
}

func TestGradeBatchDeterministic(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	input := batchInput(lib, 300)
	var first []byte
	for _, workers := range []int{1, 2, 7} {
		var out bytes.Buffer
		if _, err := GradeBatch(lib, bytes.NewReader(input), &out, BatchOptions{Workers: workers}); err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = out.Bytes()
			if n := bytes.Count(first, []byte("\n")); n != 300 {
				t.Fatalf("%d output lines, want 300", n)
			}
			continue
		}
		if !bytes.Equal(first, out.Bytes()) {
			t.Fatalf("output with %d workers differs", workers)
		}
	}
}

func TestGradeBatchLLMHook(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	hook := func(c *decks.Card, answer string) json.Marshaler {
		data, _ := json.Marshal(map[string]string{"card": c.ID, "answer": answer})
		return json.RawMessage(data)
	}
	var out bytes.Buffer
	_, err = GradeBatch(lib, strings.NewReader(`{"id":"x","question":"vla/film","answer":"hi"}`), &out, BatchOptions{LLM: hook})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		LLM map[string]string `json:"llm"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.LLM["card"] != "vla/film" || got.LLM["answer"] != "hi" {
		t.Errorf("llm field = %v (%v) in %s", got.LLM, err, out.String())
	}
}

// TestGradeBatchAnswerCap: a line whose answer is past MaxAnswerBytes gets
// an error line naming the sizes; the lines around it are graded.
func TestGradeBatchAnswerCap(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("a", 101)
	in := `{"id":1,"question":"gnn/message-passing","answer":"nodes aggregate neighbour messages"}` + "\n" +
		`{"id":2,"question":"gnn/message-passing","answer":"` + long + `"}` + "\n" +
		`{"id":3,"question":"gnn/message-passing","answer":"` + long[:100] + `"}` + "\n"
	var out bytes.Buffer
	failed, err := GradeBatch(lib, strings.NewReader(in), &out, BatchOptions{MaxAnswerBytes: 100})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if err != nil || failed != 1 || len(lines) != 3 {
		t.Fatalf("failed %d, err %v, %d lines:\n%s", failed, err, len(lines), out.String())
	}
	if want := `{"id":2,"error":"line 2: the answer is 101 bytes, longer than the 100 an answer may hold"}`; lines[1] != want {
		t.Errorf("line 2 = %s, want %s", lines[1], want)
	}
	if strings.Contains(lines[0], "error") || strings.Contains(lines[2], "error") {
		t.Errorf("lines around it not graded:\n%s", out.String())
	}
}
