package interview

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"grill/decks"
)

// TestCardRankerRanksAsHistoryRanker: ranking from per-card histories
// gives the order ranking from every answer gives, for both orders, on
// random histories with ties in time and unrated answers.
func TestCardRankerRanksAsHistoryRanker(t *testing.T) {
	var cards []*decks.Card
	for i := range 12 {
		cards = append(cards, &decks.Card{ID: fmt.Sprintf("t/c%02d", i)})
	}
	for seed := range 50 {
		rng := rand.New(rand.NewPCG(uint64(seed), 1))
		var reviews []Review
		at := epoch
		for range rng.IntN(200) {
			at = at.Add(time.Duration(rng.IntN(4)) * time.Duration(rng.IntN(72)+1) * time.Hour)
			reviews = append(reviews, Review{CardID: cards[rng.IntN(10)].ID, Time: at, Outcome: Submitted,
				Score: rng.IntN(101), Rating: Rating(rng.IntN(5))})
		}
		byCard := map[string]*CardHistory{}
		for _, r := range reviews {
			if byCard[r.CardID] == nil {
				byCard[r.CardID] = &CardHistory{}
			}
			byCard[r.CardID].Add(r)
		}
		now := at.Add(time.Duration(rng.IntN(500)) * time.Hour)
		for _, order := range []string{OrderWeakest, OrderDue} {
			want, wok := HistoryRanker{Reviews: reviews, Now: now}.Rank(order, cards)
			got, gok := CardRanker{Cards: byCard, Now: now}.Rank(order, cards)
			if wok != gok || !slices.Equal(want, got) {
				t.Fatalf("seed %d, %s: CardRanker %v %v, HistoryRanker %v %v", seed, order, ids(got), gok, ids(want), wok)
			}
		}
	}
}
