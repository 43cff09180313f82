package interview

import (
	"math"
	"slices"
	"time"
)

// FSRS is the FSRS-4.5 spaced-repetition scheduler (Free Spaced Repetition
// Scheduler, by Jarrett Ye and the open-spaced-repetition project), as
// published in "The Algorithm" page of the open-spaced-repetition/fsrs4anki
// wiki, section FSRS-4.5, with its published default parameters
// (DefaultFSRS). Each card has a memory state: stability S (days for the
// probability of recall to fall from 100% to 90%) and difficulty D (1–10).
// With grades G = 1 Again, 2 Hard, 3 Good, 4 Easy, elapsed days t and the
// parameters w0…w16:
//
//	retrievability     R(t,S) = (1 + FACTOR·t/S)^DECAY,  DECAY = −0.5, FACTOR = 19/81
//	interval           I(r,S) = S/FACTOR · (r^(1/DECAY) − 1)            (= S for r = 0.9)
//	first review       S0(G) = w[G−1]
//	                   D0(G) = w4 − (G−3)·w5                            clamped to [1, 10]
//	difficulty         D'(D,G) = w7·D0(3) + (1−w7)·(D − w6·(G−3))       clamped to [1, 10]
//	recall (G ≥ 2)     S'r = S·(e^w8·(11−D)·S^−w9·(e^(w10·(1−R)) − 1)·w15[G=2]·w16[G=4] + 1)
//	lapse (G = 1)      S'f = w11·D^−w12·((S+1)^w13 − 1)·e^(w14·(1−R))
//
// As in the reference implementations (fsrs4anki, py-fsrs, ts-fsrs), the
// stability update uses the difficulty before the review, and the next
// review is due after I(RequestRetention, S) days, rounded to whole days
// and kept within 1…MaximumInterval.
//
// grill's reviews are whole answers in timed sessions, not flash cards:
// there are no learning steps, every answer is a review, and t is measured
// in fractional days (a second session on the same day sees R just under
// 1, as the formula gives).
type FSRS struct {
	W                [17]float64
	RequestRetention float64 // the probability of recall the intervals aim at
	MaximumInterval  float64 // days
}

// DefaultFSRS is FSRS-4.5 with its published default parameters, a
// requested retention of 90% and a maximum interval of 36,500 days.
var DefaultFSRS = FSRS{
	W: [17]float64{
		0.4872, 1.4003, 3.7145, 13.8206, // w0–w3: initial stability per first grade
		5.1618, 1.2298, // w4, w5: initial difficulty
		0.8975, 0.031, // w6, w7: difficulty step, mean reversion
		1.6474, 0.1367, 1.0461, // w8–w10: stability after recall
		2.1072, 0.0793, 0.3246, 1.587, // w11–w14: stability after a lapse
		0.2272, 2.8755, // w15: Hard penalty, w16: Easy bonus
	},
	RequestRetention: 0.9,
	MaximumInterval:  36500,
}

const (
	fsrsDecay  = -0.5
	fsrsFactor = 19.0 / 81.0 // 0.9^(1/DECAY) − 1, so that R(S, S) = 0.9
	fsrsDay    = 24 * time.Hour
)

// Retrievability returns the probability of recall R(t,S) after t days with
// stability s.
func Retrievability(t, s float64) float64 {
	if s <= 0 {
		return 0
	}
	return math.Pow(1+fsrsFactor*max(t, 0)/s, fsrsDecay)
}

// interval returns the days until the next review for stability s: I(r,S)
// rounded and clamped to 1…MaximumInterval.
func (p FSRS) interval(s float64) float64 {
	r := p.RequestRetention
	if r <= 0 || r >= 1 {
		r = 0.9
	}
	i := s / fsrsFactor * (math.Pow(r, 1/fsrsDecay) - 1)
	return min(max(math.Round(i), 1), p.MaximumInterval)
}

func (p FSRS) initStability(g Rating) float64 { return max(p.W[g-1], 0.1) }

func (p FSRS) initDifficulty(g Rating) float64 {
	return clampDifficulty(p.W[4] - float64(g-3)*p.W[5])
}

func (p FSRS) nextDifficulty(d float64, g Rating) float64 {
	next := d - p.W[6]*float64(g-3)
	return clampDifficulty(p.W[7]*p.initDifficulty(Good) + (1-p.W[7])*next)
}

func (p FSRS) recallStability(d, s, r float64, g Rating) float64 {
	mod := 1.0
	switch g {
	case Hard:
		mod = p.W[15]
	case Easy:
		mod = p.W[16]
	}
	return s * (math.Exp(p.W[8])*(11-d)*math.Pow(s, -p.W[9])*(math.Exp(p.W[10]*(1-r))-1)*mod + 1)
}

func (p FSRS) forgetStability(d, s, r float64) float64 {
	return p.W[11] * math.Pow(d, -p.W[12]) * (math.Pow(s+1, p.W[13]) - 1) * math.Exp(p.W[14]*(1-r))
}

func clampDifficulty(d float64) float64 { return min(max(d, 1), 10) }

// CardSchedule is the memory state of one card after its reviews, and when
// it is next due.
type CardSchedule struct {
	CardID     string
	Reviews    int       // answers given
	Lapses     int       // answers graded Again after the first
	Last       time.Time // the last review
	Stability  float64   // days
	Difficulty float64   // 1–10
	Interval   float64   // days from Last to Due
	Due        time.Time
}

// Retrievability returns the card's probability of recall at now.
func (c CardSchedule) Retrievability(now time.Time) float64 {
	return Retrievability(now.Sub(c.Last).Hours()/24, c.Stability)
}

// Schedule replays the reviews of one card (in any order; they are taken
// oldest first) and returns its memory state and due time. The grade of a
// review is Review.Grade: the self rating, or one derived from the score.
// A card with no reviews has a zero schedule (Reviews 0): it is due.
func (p FSRS) Schedule(cardID string, reviews []Review) CardSchedule {
	rs := slices.Clone(reviews)
	slices.SortStableFunc(rs, func(a, b Review) int { return a.Time.Compare(b.Time) })
	c := CardSchedule{CardID: cardID}
	for _, r := range rs {
		c = p.Review(c, r)
	}
	return c
}

// Review returns the schedule c after one more review r, given after every
// review c holds (Schedule replays a card's reviews this way).
func (p FSRS) Review(c CardSchedule, r Review) CardSchedule {
	g := r.Grade()
	if c.Reviews == 0 {
		c.Stability, c.Difficulty = p.initStability(g), p.initDifficulty(g)
	} else {
		t := max(r.Time.Sub(c.Last).Hours()/24, 0)
		ret := Retrievability(t, c.Stability)
		if g == Again {
			c.Stability = p.forgetStability(c.Difficulty, c.Stability, ret)
			c.Lapses++
		} else {
			c.Stability = p.recallStability(c.Difficulty, c.Stability, ret, g)
		}
		c.Stability = max(c.Stability, 0.01)
		c.Difficulty = p.nextDifficulty(c.Difficulty, g)
	}
	c.Reviews++
	if r.Time.After(c.Last) {
		c.Last = r.Time
	}
	c.Interval = p.interval(c.Stability)
	c.Due = c.Last.Add(time.Duration(c.Interval * float64(fsrsDay)))
	return c
}

// ScheduleAll returns the schedule of every card reviewed in history, by
// card id. Cards not in the map have never been answered.
func (p FSRS) ScheduleAll(history []Review) map[string]CardSchedule {
	byCard := map[string][]Review{}
	for _, r := range history {
		byCard[r.CardID] = append(byCard[r.CardID], r)
	}
	out := make(map[string]CardSchedule, len(byCard))
	for id, rs := range byCard {
		out[id] = p.Schedule(id, rs)
	}
	return out
}
