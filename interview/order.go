package interview

import (
	"cmp"
	"slices"
	"time"

	"grill/decks"
)

// RecentAnswers is how many of a card's latest answers make its recent
// score, for the order OrderWeakest (RankWeakest).
const RecentAnswers = 3

// UnseenScore is the recent score an unanswered card is ranked with by
// RankWeakest: a card never answered comes after the cards whose recent
// score is below it (known weak spots first) and before those answered at
// least this well.
const UnseenScore = 50

// RankWeakest returns cards ordered for the "weakest first" order: lowest
// recent self-adjusted score first, where a card's recent score is the mean
// of its last RecentAnswers answers in history (given before now). Cards
// never answered rank as if their recent score were UnseenScore, after the
// answered cards with that same score. Ties are broken by card id, so the
// order is deterministic. cards is not modified.
func RankWeakest(cards []*decks.Card, history []Review, now time.Time) []*decks.Card {
	// The latest RecentAnswers scores of each card asked, read from the
	// newest answer back, stopping once every card has them all: no
	// allocation per answer.
	scores := make(map[string]*recentScores, len(cards))
	for _, c := range cards {
		scores[c.ID] = &recentScores{}
	}
	missing := len(scores) // cards still short of RecentAnswers scores
	past := sortedBefore(history, now)
	for i := len(past) - 1; i >= 0 && missing > 0; i-- {
		rc := scores[past[i].CardID]
		if rc == nil || rc.n == RecentAnswers {
			continue
		}
		rc.n++
		rc.total += past[i].Score
		if rc.n == RecentAnswers {
			missing--
		}
	}
	return rankWeakest(cards, func(id string) recentScores { return *scores[id] })
}

// recentScores is the count and sum of a card's latest scores.
type recentScores struct{ n, total int }

// rankWeakest orders cards by their recent scores (see RankWeakest).
func rankWeakest(cards []*decks.Card, scores func(id string) recentScores) []*decks.Card {
	type ranked struct {
		card  *decks.Card
		score float64
		seen  bool
	}
	rs := make([]ranked, len(cards))
	for i, c := range cards {
		rs[i] = ranked{card: c, score: UnseenScore}
		if rc := scores(c.ID); rc.n > 0 {
			rs[i].score, rs[i].seen = float64(rc.total)/float64(rc.n), true
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		if c := cmp.Compare(a.score, b.score); c != 0 {
			return c
		}
		if a.seen != b.seen {
			if a.seen {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.card.ID, b.card.ID)
	})
	out := make([]*decks.Card, len(rs))
	for i, r := range rs {
		out[i] = r.card
	}
	return out
}

// RankDue returns cards ordered for the "due for review" order, scheduled
// by FSRS-4.5 with default parameters (see FSRS) from the answers in
// history given before now: most overdue first (now minus due time, largest
// first). A card never answered counts as due exactly now, so it comes
// after every overdue card and before the cards not yet due, which follow
// in the order they fall due. Ties are broken by card id. cards is not
// modified.
func RankDue(cards []*decks.Card, history []Review, now time.Time) []*decks.Card {
	sched := DefaultFSRS.ScheduleAll(sortedBefore(history, now))
	return rankDue(cards, func(id string) (CardSchedule, bool) { s, ok := sched[id]; return s, ok }, now)
}

// rankDue orders cards by how overdue their schedules are (see RankDue).
func rankDue(cards []*decks.Card, sched func(id string) (CardSchedule, bool), now time.Time) []*decks.Card {
	type ranked struct {
		card    *decks.Card
		overdue time.Duration
	}
	rs := make([]ranked, len(cards))
	for i, c := range cards {
		rs[i] = ranked{card: c}
		if s, ok := sched(c.ID); ok {
			rs[i].overdue = now.Sub(s.Due)
		}
	}
	slices.SortStableFunc(rs, func(a, b ranked) int {
		if c := cmp.Compare(b.overdue, a.overdue); c != 0 {
			return c
		}
		return cmp.Compare(a.card.ID, b.card.ID)
	})
	out := make([]*decks.Card, len(rs))
	for i, r := range rs {
		out[i] = r.card
	}
	return out
}

// sortedBefore returns the reviews given before or at now, oldest first.
// The result may share history's array: it is only read.
func sortedBefore(history []Review, now time.Time) []Review {
	byTime := func(a, b Review) int { return a.Time.Compare(b.Time) }
	if slices.IsSortedFunc(history, byTime) { // as a store returns them
		n, _ := slices.BinarySearchFunc(history, now, func(r Review, t time.Time) int {
			if r.Time.After(t) {
				return 1
			}
			return -1
		})
		return history[:n]
	}
	out := make([]Review, 0, len(history))
	for _, r := range history {
		if !r.Time.After(now) {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, byTime)
	return out
}

// HistoryRanker ranks cards for the orders "weakest" and "due" from past
// answers; it is the Ranker a Session is given.
type HistoryRanker struct {
	Reviews []Review  // every answer given, as from Store.History
	Now     time.Time // the time of ranking
}

// Rank implements Ranker: OrderWeakest ranks with RankWeakest, OrderDue with
// RankDue. It reports false (no history to rank by, so selection falls back
// to the mixed order) when none of cards has ever been answered, or for any
// other order.
func (h HistoryRanker) Rank(order string, cards []*decks.Card) ([]*decks.Card, bool) {
	asked := make(map[string]bool, len(cards))
	for _, c := range cards {
		asked[c.ID] = true
	}
	if !slices.ContainsFunc(h.Reviews, func(r Review) bool { return asked[r.CardID] }) {
		return nil, false
	}
	switch order {
	case OrderWeakest:
		return RankWeakest(cards, h.Reviews, h.Now), true
	case OrderDue:
		return RankDue(cards, h.Reviews, h.Now), true
	}
	return nil, false
}

// CardHistory is what the weakest and due orders keep of one card's
// answers, so that they rank without every past answer: the latest
// RecentAnswers scores and the FSRS schedule after all of them.
type CardHistory struct {
	Recent   []Review     // the latest RecentAnswers answers, oldest first
	Schedule CardSchedule // after every answer (DefaultFSRS)
}

// Add adds answer r, given after every answer h holds.
func (h *CardHistory) Add(r Review) {
	h.Schedule.CardID = r.CardID
	h.Schedule = DefaultFSRS.Review(h.Schedule, r)
	if len(h.Recent) == RecentAnswers {
		copy(h.Recent, h.Recent[1:])
		h.Recent = h.Recent[:RecentAnswers-1]
	}
	h.Recent = append(h.Recent, r)
}

// Latest returns when the card was last answered.
func (h *CardHistory) Latest() time.Time { return h.Schedule.Last }

// CardRanker ranks cards as HistoryRanker does, from per-card histories
// (by card id) instead of every answer. Every answer they hold must have
// been given before or at Now.
type CardRanker struct {
	Cards map[string]*CardHistory
	Now   time.Time
}

// Rank implements Ranker as HistoryRanker.Rank does.
func (h CardRanker) Rank(order string, cards []*decks.Card) ([]*decks.Card, bool) {
	if !slices.ContainsFunc(cards, func(c *decks.Card) bool { return h.Cards[c.ID] != nil }) {
		return nil, false
	}
	switch order {
	case OrderWeakest:
		return rankWeakest(cards, func(id string) recentScores {
			var rs recentScores
			if ch := h.Cards[id]; ch != nil {
				for _, r := range ch.Recent {
					rs.n++
					rs.total += r.Score
				}
			}
			return rs
		}), true
	case OrderDue:
		return rankDue(cards, func(id string) (CardSchedule, bool) {
			if ch := h.Cards[id]; ch != nil {
				return ch.Schedule, true
			}
			return CardSchedule{}, false
		}, h.Now), true
	}
	return nil, false
}
