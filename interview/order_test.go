package interview

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"grill/decks"
)

func cards(ids ...string) []*decks.Card {
	cs := make([]*decks.Card, len(ids))
	for i, id := range ids {
		cs[i] = &decks.Card{ID: id, Topic: strings.Split(id, "/")[0]}
	}
	return cs
}

func ids(cs []*decks.Card) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return strings.Join(out, " ")
}

func scored(card string, hours int, score int) Review {
	return Review{CardID: card, Time: t0.Add(time.Duration(hours) * time.Hour), Score: score, Outcome: Submitted}
}

func TestRankWeakest(t *testing.T) {
	deck := cards("g/strong", "g/unseen-b", "g/weak", "g/improved", "g/fifty", "g/unseen-a", "g/middle", "g/future")
	history := []Review{
		scored("g/strong", 1, 95),
		scored("g/weak", 2, 10), scored("g/weak", 3, 30),
		// Improved: the last three answers (60, 80, 100) count, not the 0.
		scored("g/improved", 1, 0), scored("g/improved", 2, 60), scored("g/improved", 3, 80), scored("g/improved", 4, 100),
		scored("g/fifty", 1, 50),
		scored("g/middle", 1, 70),
		scored("g/future", 1000, 0), // after now: ignored
	}
	before := ids(deck)
	got := ids(RankWeakest(deck, history, t0.Add(100*time.Hour)))
	// weak 20, then fifty (50, seen) before the unseen ones (50, by id),
	// middle 70, improved 80, strong 95; future has no answer before now.
	want := "g/weak g/fifty g/future g/unseen-a g/unseen-b g/middle g/improved g/strong"
	if got != want {
		t.Errorf("RankWeakest =\n %s\nwant\n %s", got, want)
	}
	if ids(deck) != before {
		t.Error("RankWeakest modified its input")
	}
}

func TestRankDue(t *testing.T) {
	now := t0.Add(30 * 24 * time.Hour)
	deck := cards("d/new-b", "d/soon", "d/very-overdue", "d/overdue", "d/new-a", "d/later")
	day := func(d float64) time.Time { return t0.Add(time.Duration(d * float64(24*time.Hour))) }
	history := []Review{
		// Good at day 0: due at day 4, 26 days overdue.
		{CardID: "d/very-overdue", Time: day(0), Rating: Good, Outcome: Submitted},
		// Good at day 20: due at day 24, 6 days overdue.
		{CardID: "d/overdue", Time: day(20), Rating: Good, Outcome: Submitted},
		// Good at day 28: due at day 32, in 2 days.
		{CardID: "d/soon", Time: day(28), Rating: Good, Outcome: Submitted},
		// Easy at day 29: due at day 43.
		{CardID: "d/later", Time: day(29), Rating: Easy, Outcome: Submitted},
	}
	got := ids(RankDue(deck, history, now))
	want := "d/very-overdue d/overdue d/new-a d/new-b d/soon d/later"
	if got != want {
		t.Errorf("RankDue =\n %s\nwant\n %s", got, want)
	}
	// With no history every card is due now: ordered by id.
	if got := ids(RankDue(deck, nil, now)); got != "d/later d/new-a d/new-b d/overdue d/soon d/very-overdue" {
		t.Errorf("RankDue without history = %s", got)
	}
}

func TestHistoryRanker(t *testing.T) {
	deck := cards("g/a", "g/b", "g/c")
	h := HistoryRanker{Reviews: []Review{scored("g/c", 1, 10)}, Now: t0.Add(time.Hour)}
	got, ok := h.Rank(OrderWeakest, deck)
	if !ok || ids(got) != "g/c g/a g/b" {
		t.Errorf("Rank(weakest) = %s, %v", ids(got), ok)
	}
	got, ok = h.Rank(OrderDue, deck)
	if !ok || len(got) != 3 {
		t.Errorf("Rank(due) = %s, %v", ids(got), ok)
	}
	if _, ok := h.Rank(OrderMixed, deck); ok {
		t.Error("Rank(mixed) claimed to rank")
	}
	// No history for these cards: fall back to the mixed order.
	if _, ok := (HistoryRanker{Now: t0}).Rank(OrderWeakest, deck); ok {
		t.Error("Rank without history claimed to rank")
	}
	if _, ok := h.Rank(OrderDue, cards("v/x", "v/y")); ok {
		t.Error("Rank of cards never answered claimed to rank")
	}
	var _ Ranker = h
	if ids(deck) != "g/a g/b g/c" {
		t.Error("Rank modified its input")
	}
}

// TestSortedBefore: answers given after now never count, whether the
// history comes sorted (as from a store) or not.
func TestSortedBefore(t *testing.T) {
	at := func(h int) Review {
		return Review{CardID: fmt.Sprint(h), Time: epoch.Add(time.Duration(h) * time.Hour)}
	}
	now := epoch.Add(2 * time.Hour)
	for _, tc := range []struct {
		name    string
		history []Review
		want    string
	}{
		{"sorted", []Review{at(0), at(1), at(2), at(3)}, "012"},
		{"unsorted", []Review{at(3), at(1), at(0), at(2)}, "012"},
		{"all after", []Review{at(3), at(4)}, ""},
		{"empty", nil, ""},
	} {
		got := ""
		for _, r := range sortedBefore(tc.history, now) {
			got += r.CardID
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}
