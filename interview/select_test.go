package interview

import (
	"slices"
	"strings"
	"testing"

	"grill/decks"
)

func cardIDs(cards []*decks.Card) []string {
	out := make([]string, len(cards))
	for i, c := range cards {
		out[i] = c.ID
	}
	return out
}

func TestSelectMixedAlternatesTopicsWithoutRepeats(t *testing.T) {
	lib := sessionLibrary()
	for seed := int64(1); seed <= 50; seed++ {
		cards, err := Select(lib, Settings{Order: OrderMixed, Seed: seed}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(cards) != 9 {
			t.Fatalf("seed %d: %d cards, want all 9", seed, len(cards))
		}
		seen := map[string]bool{}
		left := map[string]int{"a": 4, "b": 3, "c": 2}
		for i, c := range cards {
			if seen[c.ID] {
				t.Fatalf("seed %d: %s asked twice: %v", seed, c.ID, cardIDs(cards))
			}
			seen[c.ID] = true
			if i > 0 && cards[i-1].Topic == c.Topic {
				// Allowed only when no other topic had cards left.
				others := 0
				for topic, n := range left {
					if topic != c.Topic {
						others += n
					}
				}
				if others > 0 {
					t.Fatalf("seed %d: topic %s twice in a row while others had cards: %v", seed, c.Topic, cardIDs(cards))
				}
			}
			left[c.Topic]--
		}
	}
}

func TestSelectIsReproducibleWithTheSeed(t *testing.T) {
	lib := sessionLibrary()
	s := Settings{Topics: []string{"a", "b"}, Count: 5, Seed: 7}
	first, err := Select(lib, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Select(lib, s, nil)
	if !slices.Equal(cardIDs(first), cardIDs(again)) {
		t.Fatalf("same seed, different questions: %v vs %v", cardIDs(first), cardIDs(again))
	}
	differs := false
	for seed := int64(8); seed < 20 && !differs; seed++ {
		s.Seed = seed
		other, _ := Select(lib, s, nil)
		differs = !slices.Equal(cardIDs(first), cardIDs(other))
	}
	if !differs {
		t.Fatal("every seed gives the same questions")
	}
}

func TestSelectTopicsAndCount(t *testing.T) {
	lib := sessionLibrary()
	cards, err := Select(lib, Settings{Topics: []string{"c", "b"}, Count: 4, Seed: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(cards) != 4 {
		t.Fatalf("%d cards, want 4", len(cards))
	}
	for _, c := range cards {
		if c.Topic == "a" {
			t.Fatalf("card %s from a topic not chosen", c.ID)
		}
	}
	// More than there are: every card of the topics, once.
	cards, _ = Select(lib, Settings{Topics: []string{"c"}, Count: 10, Seed: 3}, nil)
	if len(cards) != 2 {
		t.Fatalf("%d cards from a 2-card topic", len(cards))
	}
}

func TestSelectErrors(t *testing.T) {
	lib := sessionLibrary()
	_, err := Select(lib, Settings{Topics: []string{"a", "nope"}}, nil)
	if err == nil || !strings.Contains(err.Error(), `unknown topic "nope"`) || !strings.Contains(err.Error(), "a, b, c") {
		t.Fatalf("unknown topic: err = %v", err)
	}
	_, err = Select(lib, Settings{Order: "random"}, nil)
	if err == nil || !strings.Contains(err.Error(), `unknown order "random"`) {
		t.Fatalf("unknown order: err = %v", err)
	}
	empty := &decks.Library{Topics: []*decks.Topic{{ID: "e"}}}
	if _, err := Select(empty, Settings{}, nil); err == nil {
		t.Fatal("no error for a topic without cards")
	}
}

type fakeRanker struct {
	ok    bool
	order string
}

func (r *fakeRanker) Rank(order string, cards []*decks.Card) ([]*decks.Card, bool) {
	r.order = order
	if !r.ok {
		return nil, false
	}
	out := slices.Clone(cards)
	slices.Reverse(out)
	return out, true
}

func TestSelectHistoryOrdersFallBackToMixed(t *testing.T) {
	lib := sessionLibrary()
	mixed, _ := Select(lib, Settings{Order: OrderMixed, Seed: 5, Count: 4}, nil)
	for _, order := range []string{OrderWeakest, OrderDue} {
		got, err := Select(lib, Settings{Order: order, Seed: 5, Count: 4}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(cardIDs(got), cardIDs(mixed)) {
			t.Fatalf("%s without history: %v, want the mixed order %v", order, cardIDs(got), cardIDs(mixed))
		}
		r := &fakeRanker{}
		got, _ = Select(lib, Settings{Order: order, Seed: 5, Count: 4}, r)
		if r.order != order || !slices.Equal(cardIDs(got), cardIDs(mixed)) {
			t.Fatalf("%s with empty history: %v (ranker asked for %q)", order, cardIDs(got), r.order)
		}
	}
}

func TestSelectUsesTheRankerWhenItHasHistory(t *testing.T) {
	lib := sessionLibrary()
	got, err := Select(lib, Settings{Order: OrderWeakest, Count: 3}, &fakeRanker{ok: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"c/q2", "c/q1", "b/q3"}; !slices.Equal(cardIDs(got), want) {
		t.Fatalf("ranked = %v, want %v", cardIDs(got), want)
	}
}
