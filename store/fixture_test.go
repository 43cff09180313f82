package store

import (
	"fmt"
	"time"

	"grill/decks"
	"grill/internal/fixture"
)

// sessionLibrary builds a library of three topics: a (4 cards), b (3), c (2).
// Every card has two key points, "alpha" and "beta" (weight 2), each matched
// by its own word.
func sessionLibrary() *decks.Library {
	lib := &decks.Library{}
	for _, spec := range []struct {
		id string
		n  int
	}{{"a", 4}, {"b", 3}, {"c", 2}} {
		t := &decks.Topic{ID: spec.id, Title: "Topic " + spec.id, Source: "built-in", TimeLimit: 3 * time.Minute}
		for i := 1; i <= spec.n; i++ {
			t.Cards = append(t.Cards, &decks.Card{
				ID:       fmt.Sprintf("%s/q%d", spec.id, i),
				Topic:    spec.id,
				Question: fmt.Sprintf("Question %d of %s?", i, spec.id),
				Answer:   "Reference answer.",
				KeyPoints: []decks.KeyPoint{
					{Label: "Alpha", Phrasings: []string{"alpha"}, Weight: 1},
					{Label: "Beta", Phrasings: []string{"beta"}, Weight: 2},
				},
			})
		}
		lib.Topics = append(lib.Topics, t)
	}
	return lib
}

// The shared sample sessions (see package fixture).
var (
	t0           = fixture.T0
	sampleRecord = fixture.SampleRecord
	inProgress   = fixture.InProgress
)
