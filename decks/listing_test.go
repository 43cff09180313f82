package decks

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestWriteJSON checks the fields "grill decks --json" prints per card.
func TestWriteJSON(t *testing.T) {
	lib, err := Load([]string{filepath.Join(goodDir, "sourced.md")}, true)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	curated := func(c *Card) []KeyPoint { return c.KeyPoints }
	if err := WriteJSON(&buf, lib, curated, 3*time.Minute); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	cards := got[0]["cards"].([]any)
	adam := cards[0].(map[string]any)
	want := map[string]any{
		"id":         "optimisers/adam",
		"question":   "How does Adam adapt the step size of each parameter?",
		"key_points": []any{"First moment of the gradient", "Second moment scales the step", "Bias correction", "Step bounded by the learning rate"},
		"time_limit": "3m0s",
		"difficulty": 2.0,
		"sources": []any{
			`Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1 and §2.1.`,
			`Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019, §2.`,
		},
		"misconceptions": []any{"Adam needs no learning rate", "Adam decays weights like SGD"},
		"follow_ups":     []any{"Why does Adam need bias correction?", "What does AdamW change?"},
	}
	if !reflect.DeepEqual(adam, want) {
		t.Errorf("got  %v\nwant %v", adam, want)
	}
	warm := cards[1].(map[string]any)
	for _, k := range []string{"sources", "misconceptions", "follow_ups", "key_points"} {
		if l, ok := warm[k].([]any); !ok || len(l) != 0 {
			t.Errorf("%s = %#v, want []", k, warm[k])
		}
	}
	if warm["difficulty"] != 1.0 {
		t.Errorf("difficulty %v, want the topic's 1", warm["difficulty"])
	}
}

func TestEffectiveTimeLimit(t *testing.T) {
	topic := &Topic{TimeLimit: 4 * time.Minute}
	tests := []struct {
		card  Card
		topic *Topic
		want  time.Duration
	}{
		{Card{TimeLimit: time.Minute}, topic, time.Minute},
		{Card{}, topic, 4 * time.Minute},
		{Card{}, nil, 3 * time.Minute},
		{Card{Parent: "t/q"}, topic, FollowUpTimeLimit},
		{Card{Parent: "t/q", TimeLimit: time.Minute}, topic, time.Minute},
	}
	for _, tc := range tests {
		if got := EffectiveTimeLimit(&tc.card, tc.topic, 3*time.Minute); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.card, got, tc.want)
		}
	}
}
