package interview

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"grill/decks"
)

// The question orders a session can be asked in.
const (
	OrderMixed   = "mixed"   // across the chosen topics in turn, shuffled with the seed
	OrderWeakest = "weakest" // lowest recent self-adjusted scores first
	OrderDue     = "due"     // due for review first (spaced repetition)
)

// Orders lists the valid values of Settings.Order, the default first.
var Orders = []string{OrderMixed, OrderWeakest, OrderDue}

// Ranker ranks cards by what a candidate's history says about them. It is
// how the orders "weakest" and "due" see past sessions; the session engine
// itself knows nothing of history.
type Ranker interface {
	// Rank returns cards in the order they should be asked for order
	// (OrderWeakest or OrderDue). It returns ok false when there is no
	// history to rank by; selection then falls back to OrderMixed.
	Rank(order string, cards []*decks.Card) (ranked []*decks.Card, ok bool)
}

// Select picks the cards of a session from lib: the cards of s.Topics (all
// topics when empty), at most s.Count of them (all when Count ≤ 0), never the
// same card twice, in s.Order. The mixed order draws from the topics in turn
// so that no topic comes twice in a row while another still has cards; the
// same seed gives the same questions. ranker may be nil.
func Select(lib *decks.Library, s Settings, ranker Ranker) ([]*decks.Card, error) {
	order := s.Order
	if order == "" {
		order = OrderMixed
	}
	if !validOrder(order) {
		return nil, fmt.Errorf("unknown order %q (want %s)", order, strings.Join(Orders, ", "))
	}
	topics, err := chooseTopics(lib, s.Topics)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(uint64(s.Seed), uint64(s.Seed)^0x9e3779b97f4a7c15))

	var picked []*decks.Card
	if order != OrderMixed && ranker != nil {
		var all []*decks.Card
		for _, t := range topics {
			all = append(all, t.Cards...)
		}
		if ranked, ok := ranker.Rank(order, all); ok {
			picked = dedupe(ranked)
		}
	}
	if picked == nil {
		picked = mixed(topics, rng)
	}
	if len(picked) == 0 {
		return nil, fmt.Errorf("no questions in topics %s", topicIDs(topics))
	}
	if s.Count > 0 && s.Count < len(picked) {
		picked = picked[:s.Count]
	}
	return picked, nil
}

// chooseTopics resolves topic ids, in the order given, without duplicates.
func chooseTopics(lib *decks.Library, ids []string) ([]*decks.Topic, error) {
	if lib == nil {
		return nil, fmt.Errorf("no decks loaded")
	}
	if len(ids) == 0 {
		return lib.Topics, nil
	}
	seen := map[string]bool{}
	var out []*decks.Topic
	for _, id := range ids {
		id = strings.TrimSpace(id)
		if id == "" || seen[id] {
			continue
		}
		seen[id] = true
		t, ok := lib.Topic(id)
		if !ok {
			return nil, fmt.Errorf("unknown topic %q (have %s)", id, topicIDs(lib.Topics))
		}
		out = append(out, t)
	}
	if len(out) == 0 {
		return lib.Topics, nil
	}
	return out, nil
}

func topicIDs(ts []*decks.Topic) string {
	ids := make([]string, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return strings.Join(ids, ", ")
}

// mixed shuffles each topic's cards and the order of the topics, then deals
// one card per topic in turn, skipping topics that have run out.
func mixed(topics []*decks.Topic, rng *rand.Rand) []*decks.Card {
	piles := make([][]*decks.Card, 0, len(topics))
	for _, t := range topics {
		pile := append([]*decks.Card(nil), t.Cards...)
		rng.Shuffle(len(pile), func(i, j int) { pile[i], pile[j] = pile[j], pile[i] })
		piles = append(piles, pile)
	}
	rng.Shuffle(len(piles), func(i, j int) { piles[i], piles[j] = piles[j], piles[i] })
	seen := map[*decks.Card]bool{}
	var out []*decks.Card
	for left := true; left; {
		left = false
		for i, pile := range piles {
			for len(pile) > 0 && seen[pile[0]] {
				pile = pile[1:]
			}
			if len(pile) == 0 {
				piles[i] = pile
				continue
			}
			seen[pile[0]] = true
			out = append(out, pile[0])
			piles[i] = pile[1:]
			left = true
		}
	}
	return out
}

func dedupe(cards []*decks.Card) []*decks.Card {
	seen := map[*decks.Card]bool{}
	out := make([]*decks.Card, 0, len(cards))
	for _, c := range cards {
		if c != nil && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}
