package interview

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// PointHistory is how each key point of each card went in past sessions:
// covered or missed (after self-grading), counted over the whole history,
// with the latest HistoryWindow outcomes. Follow-ups count under their own
// card ids. The zero value is not ready; use NewPointHistory.
type PointHistory struct {
	cards map[string]*cardPoints
}

type cardPoints struct {
	question string
	topic    string
	labels   []string               // as first written, in order of first appearance
	points   map[string]*PointTally // normalised label → tally
}

// PointTally is how one key point of one card went over the history: what
// a PointHistory keeps of it.
type PointTally struct {
	Label      string    // as first written
	Asked      int       // answers that had the point
	Missed     int       // of which missed
	LastMissed time.Time // zero when never missed
	// Recent holds the latest HistoryWindow outcomes, oldest first.
	Recent []PointOutcome
}

// add counts one more outcome, newer than those counted.
func (t *PointTally) add(o PointOutcome) {
	t.Asked++
	if !o.Covered {
		t.Missed++
		t.LastMissed = o.Time
	}
	if len(t.Recent) == HistoryWindow {
		copy(t.Recent, t.Recent[1:])
		t.Recent = t.Recent[:HistoryWindow-1]
	}
	t.Recent = append(t.Recent, o)
}

// CardPoints is the per-point history of one card: what a store keeps of
// it beside its records.
type CardPoints struct {
	CardID   string
	Question string // as last asked
	Topic    string
	Points   []PointTally // in order of first appearance
}

// Cards returns the history of every card, by card id.
func (h *PointHistory) Cards() []CardPoints {
	out := make([]CardPoints, 0, len(h.cards))
	for id, cp := range h.cards {
		c := CardPoints{CardID: id, Question: cp.question, Topic: cp.topic, Points: make([]PointTally, len(cp.labels))}
		for i, l := range cp.labels {
			t := *cp.points[normLabel(l)]
			t.Recent = slices.Clone(t.Recent)
			c.Points[i] = t
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b CardPoints) int { return cmp.Compare(a.CardID, b.CardID) })
	return out
}

// SetCard sets the history of card c.CardID, as Cards returned it.
func (h *PointHistory) SetCard(c CardPoints) {
	cp := &cardPoints{question: c.Question, topic: c.Topic, points: make(map[string]*PointTally, len(c.Points))}
	for _, t := range c.Points {
		t.Recent = slices.Clone(t.Recent)
		cp.labels = append(cp.labels, t.Label)
		cp.points[normLabel(t.Label)] = &t
	}
	h.cards[c.CardID] = cp
}

// PointOutcome is one answer's verdict on a key point.
type PointOutcome struct {
	SessionID string
	Time      time.Time
	Covered   bool
}

// NewPointHistory returns an empty history.
func NewPointHistory() *PointHistory { return &PointHistory{cards: map[string]*cardPoints{}} }

// Add adds the answered questions and follow-ups of rec. Records should be
// added oldest first.
func (h *PointHistory) Add(rec *Record) {
	for i := range rec.Questions {
		q := &rec.Questions[i]
		h.addQuestion(rec, q)
		for k := range q.FollowUps {
			h.addQuestion(rec, &q.FollowUps[k])
		}
	}
}

func (h *PointHistory) addQuestion(rec *Record, q *QuestionRecord) {
	if q.Outcome == Pending || q.CardID == "" {
		return
	}
	t := q.EndedAt
	if t.IsZero() {
		t = rec.Started
	}
	cp := h.cards[q.CardID]
	if cp == nil {
		cp = &cardPoints{points: map[string]*PointTally{}}
		h.cards[q.CardID] = cp
	}
	cp.question, cp.topic = q.Question, q.Topic
	for j, p := range q.Grade.Points {
		l := normLabel(p.Label)
		tl := cp.points[l]
		if tl == nil {
			cp.labels = append(cp.labels, p.Label)
			tl = &PointTally{Label: p.Label}
			cp.points[l] = tl
		}
		tl.add(PointOutcome{SessionID: rec.ID, Time: t, Covered: q.Covered(j)})
	}
}

// tally returns the tally of key point label of card, nil when never asked.
func (h *PointHistory) tally(cardID, label string) *PointTally {
	if h == nil {
		return nil
	}
	cp := h.cards[cardID]
	if cp == nil {
		return nil
	}
	return cp.points[normLabel(label)]
}

// Missed returns how many of the last n outcomes (all when n ≤ 0; at most
// HistoryWindow otherwise) of key point label of card were misses, and how
// many outcomes that is.
func (h *PointHistory) Missed(cardID, label string, n int) (missed, of int) {
	t := h.tally(cardID, label)
	if t == nil {
		return 0, 0
	}
	if n <= 0 {
		return t.Missed, t.Asked
	}
	os := t.Recent
	if len(os) > n {
		os = os[len(os)-n:]
	}
	for _, o := range os {
		if !o.Covered {
			missed++
		}
	}
	return missed, len(os)
}

// HistoryWindow is how many past answers the review's per-point history
// looks back over.
const HistoryWindow = 4

// Text says how key point label of card went in its last HistoryWindow
// answers: "missed 3 of the last 4 times", "covered the last 2 times",
// "missed last time", "new" when never asked before.
func (h *PointHistory) Text(cardID, label string) string {
	missed, of := h.Missed(cardID, label, HistoryWindow)
	switch {
	case of == 0:
		return "new"
	case of == 1 && missed == 1:
		return "missed last time"
	case of == 1:
		return "covered last time"
	case missed == 0:
		return fmt.Sprintf("covered the last %d times", of)
	case missed == of:
		return fmt.Sprintf("missed the last %d times", of)
	}
	return fmt.Sprintf("missed %d of the last %d times", missed, of)
}

// PointStat is one key point of one card over the whole history.
type PointStat struct {
	CardID     string    `json:"card_id"`
	Topic      string    `json:"topic"`
	Question   string    `json:"question"`
	Label      string    `json:"label"`
	Asked      int       `json:"asked"`
	Missed     int       `json:"missed"`
	LastMissed time.Time `json:"last_missed,omitzero"`
	Recent     string    `json:"recent"` // as Text says it
}

// MostMissed returns the key points missed at least once, most misses
// first (then the higher share missed, then the most recent miss, then
// card and label), at most n of them (all when n ≤ 0).
func (h *PointHistory) MostMissed(n int) []PointStat {
	var out []PointStat
	for id, cp := range h.cards {
		for _, label := range cp.labels {
			t := cp.points[normLabel(label)]
			st := PointStat{CardID: id, Topic: cp.topic, Question: cp.question, Label: label, Asked: t.Asked,
				Missed: t.Missed, LastMissed: t.LastMissed}
			if st.Missed == 0 {
				continue
			}
			st.Recent = h.Text(id, label)
			out = append(out, st)
		}
	}
	slices.SortFunc(out, func(a, b PointStat) int {
		return cmp.Or(
			cmp.Compare(b.Missed, a.Missed),
			cmp.Compare(b.Missed*a.Asked, a.Missed*b.Asked),
			b.LastMissed.Compare(a.LastMissed),
			cmp.Compare(a.CardID, b.CardID),
			cmp.Compare(a.Label, b.Label),
		)
	})
	if n > 0 && len(out) > n {
		out = out[:n]
	}
	return out
}

// CardStat is how one card went over the whole history: the history
// screen's per-card view.
type CardStat struct {
	CardID   string
	Topic    string
	Question string
	Asked    int       // answers given, follow-ups not counted
	Average  float64   // mean self-adjusted score
	Last     int       // the latest score
	LastTime time.Time // when it was last answered
	Missed   []string  // key points missed in the latest answer
}

// CardStats returns per-card statistics of reviews (oldest first, as in
// History), with the key points the latest answer missed from h (which may
// be nil), weakest average first.
func CardStats(reviews []Review, h *PointHistory) []CardStat {
	idx := map[string]int{}
	var out []CardStat
	totals := map[string]int{}
	for _, r := range reviews {
		i, ok := idx[r.CardID]
		if !ok {
			i = len(out)
			idx[r.CardID] = i
			out = append(out, CardStat{CardID: r.CardID, Topic: r.Topic})
		}
		c := &out[i]
		c.Asked++
		totals[r.CardID] += r.Score
		c.Average = float64(totals[r.CardID]) / float64(c.Asked)
		c.Last, c.LastTime = r.Score, r.Time
	}
	for i := range out {
		c := &out[i]
		if h == nil {
			continue
		}
		if cp := h.cards[c.CardID]; cp != nil {
			c.Question = cp.question
			for _, l := range cp.labels {
				os := cp.points[normLabel(l)].Recent
				if len(os) > 0 && !os[len(os)-1].Covered {
					c.Missed = append(c.Missed, l)
				}
			}
		}
	}
	slices.SortStableFunc(out, func(a, b CardStat) int {
		return cmp.Or(cmp.Compare(a.Average, b.Average), cmp.Compare(a.CardID, b.CardID))
	})
	return out
}

// Labels returns the key point labels seen for card, in order of first
// appearance.
func (h *PointHistory) Labels(cardID string) []string {
	if h == nil || h.cards[cardID] == nil {
		return nil
	}
	return slices.Clone(h.cards[cardID].labels)
}
