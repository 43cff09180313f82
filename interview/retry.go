package interview

import (
	"fmt"

	"grill/decks"
)

// DefaultRetryBelow is the score below which grill start --retry asks a
// question again.
const DefaultRetryBelow = 60

// RetryCards returns the cards of the questions of rec that were answered
// with a self-adjusted score below below (skipped and timed-out ones
// included; questions never answered are not), in the order they were
// asked, looked up in lib. It fails, naming the session, when there are
// none or a card is no longer in the decks.
func RetryCards(rec *Record, lib *decks.Library, below int) ([]*decks.Card, error) {
	var cards []*decks.Card
	seen := map[string]bool{}
	for _, q := range rec.Questions {
		if q.Outcome == Pending || q.Adjusted >= below || seen[q.CardID] {
			continue
		}
		seen[q.CardID] = true
		c, ok := lib.Card(q.CardID)
		if !ok || c.ID != q.CardID {
			return nil, fmt.Errorf("session %s: card %s is no longer in the decks", rec.ID, q.CardID)
		}
		cards = append(cards, c)
	}
	if len(cards) == 0 {
		return nil, fmt.Errorf("session %s: no question scored below %d", rec.ID, below)
	}
	return cards, nil
}
