package grading

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteTextAndJSON(t *testing.T) {
	c := card([]string{"Aggregate from neighbours", "aggregate from neighbours"},
		[]string{"Uses attention", "attention"}, []string{"Update", "update"})
	c.ID, c.Question = "gnn/mp", "What is message passing?"
	answer := "Each node aggregates messages from its neighbours, but it does not use attention."
	r := Grade(c, answer)
	var b strings.Builder
	if err := WriteText(&b, c, answer, r); err != nil {
		t.Fatal(err)
	}
	want := `gnn/mp  What is message passing?
Score: 17/100
✓ Aggregate from neighbours — "aggregates messages from its neighbours"
✗ contradicted: Uses attention — "attention"
✗ Update
`
	if b.String() != want {
		t.Errorf("text:\n%s\nwant:\n%s", b.String(), want)
	}
	js, err := json.Marshal(ResultJSON(c, r))
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `{"question_id":"gnn/mp","score":17,"covered":["Aggregate from neighbours"],"missed":["Uses attention","Update"],"negated":["Uses attention"],"contradicted":["Uses attention"],"misconceptions":[],"spans":{"Aggregate from neighbours":[[10,49]],"Uses attention":[[71,80]]}}`
	if string(js) != wantJSON {
		t.Errorf("json:\n%s\nwant:\n%s", js, wantJSON)
	}
}

func TestWriteTextKeywordDump(t *testing.T) {
	c := card([]string{"Aggregate", "aggregation"}, []string{"Update", "update"})
	answer := "aggregation, update"
	r := Grade(c, answer)
	var b strings.Builder
	WriteText(&b, c, answer, r)
	if !strings.Contains(b.String(), "reads as a list of terms") || !strings.Contains(b.String(), "~ Aggregate — listed, not explained") {
		t.Errorf("text:\n%s", b.String())
	}
}
