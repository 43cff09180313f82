package interview

import (
	"cmp"
	"slices"
	"time"
)

// Scorecard is an interview's verdict: per topic how it went and the key
// points behind it, how the time was managed, and what to study next. It is
// computed by BuildScorecard from the record alone (and the history of
// past sessions), kept in the record as "scorecard" and rendered by the
// reports and the scorecard screen.
type Scorecard struct {
	Topics     []TopicVerdict `json:"topics"`
	Timing     []AnswerTiming `json:"timing"`
	NotReached []CardRef      `json:"not_reached"`
	StudyNext  []StudyItem    `json:"study_next"`
	RoundLimit time.Duration  `json:"-"` // "round_limit_s"
	RoundUsed  time.Duration  `json:"-"` // "round_used_s"
}

// The per-topic verdicts of a scorecard.
const (
	VerdictStrong = "strong" // at least StrongShare of the key points' weight covered
	VerdictMixed  = "mixed"
	VerdictGap    = "gap" // below GapShare of it
)

// The shares of key point weight covered that make a topic strong or a gap.
const (
	StrongShare = 0.75
	GapShare    = 0.45
)

// TopicVerdict is one topic of a scorecard: the weighted share of the key
// points of its questions and follow-ups that the answers covered (after
// self-grading), the verdict it makes, and the points themselves.
type TopicVerdict struct {
	Topic    string     `json:"topic"`
	Verdict  string     `json:"verdict"`
	Share    float64    `json:"covered_share"` // 0–1
	Answered int        `json:"answered"`      // questions answered, follow-ups not counted
	Covered  []PointRef `json:"covered"`
	Missed   []PointRef `json:"missed"`
}

// PointRef names a key point of a card.
type PointRef struct {
	CardID string  `json:"card_id"`
	Label  string  `json:"label"`
	Weight float64 `json:"weight"`
}

// CardRef names a question.
type CardRef struct {
	CardID   string `json:"card_id"`
	Question string `json:"question"`
}

// AnswerTiming is how the time went on one answer. FirstKeyPoint is the
// time from the question to the first key point of the answer: when the
// draft first reached the end of the earliest-ending evidence span of a
// covered point (from the drafting marks; a pasted answer reaches it at
// once). Reached is false when no key point was covered or the draft's
// growth was not recorded.
type AnswerTiming struct {
	CardID        string        `json:"card_id"`
	Question      string        `json:"question"`
	FollowUp      bool          `json:"follow_up,omitempty"`
	Outcome       Outcome       `json:"outcome"`
	TimeUsed      time.Duration `json:"-"` // "time_used_s"
	TimeLimit     time.Duration `json:"-"` // "time_limit_s"
	FirstKeyPoint time.Duration `json:"-"` // "first_key_point_s"
	Reached       bool          `json:"reached_key_point"`
}

// StudyItem is a key point to study next: missed in this interview (and
// not made up in a follow-up), with how often it was missed before.
type StudyItem struct {
	CardID       string  `json:"card_id"`
	Question     string  `json:"question"`
	Label        string  `json:"label"`
	Weight       float64 `json:"weight"`
	MissedBefore int     `json:"missed_before"`
	AskedBefore  int     `json:"asked_before"`
	Priority     float64 `json:"priority"` // Weight × (1 + MissedBefore)
}

// MaxStudyItems bounds the scorecard's list of what to study next.
const MaxStudyItems = 10

// BuildScorecard makes the scorecard of an interview record. history (nil
// for none) says how often each missed point was missed before; it should
// not already hold rec.
func BuildScorecard(rec *Record, history *PointHistory) *Scorecard {
	sc := &Scorecard{RoundLimit: rec.Settings.RoundLimit, Timing: []AnswerTiming{}, NotReached: []CardRef{}, StudyNext: []StudyItem{}, Topics: []TopicVerdict{}}
	type tally struct{ covered, total float64 }
	tallies := map[string]*tally{}
	topicAt := map[string]int{}
	topic := func(name string) (*TopicVerdict, *tally) {
		i, ok := topicAt[name]
		if !ok {
			i = len(sc.Topics)
			topicAt[name] = i
			sc.Topics = append(sc.Topics, TopicVerdict{Topic: name, Covered: []PointRef{}, Missed: []PointRef{}})
			tallies[name] = &tally{}
		}
		return &sc.Topics[i], tallies[name]
	}
	for i := range rec.Questions {
		q := &rec.Questions[i]
		sc.RoundUsed += q.TimeUsed
		for _, f := range q.FollowUps {
			sc.RoundUsed += f.TimeUsed
		}
		if q.Outcome == Pending {
			sc.NotReached = append(sc.NotReached, CardRef{CardID: q.CardID, Question: q.Question})
			continue
		}
		tv, t := topic(q.Topic)
		tv.Answered++
		recovered := map[string]bool{}
		for _, f := range append([]QuestionRecord{*q}, q.FollowUps...) {
			if f.Outcome == Pending {
				continue
			}
			sc.Timing = append(sc.Timing, timing(&f))
			for j, p := range f.Grade.Points {
				ref := PointRef{CardID: f.CardID, Label: p.Label, Weight: p.Weight}
				t.total += p.Weight
				if f.Covered(j) {
					t.covered += p.Weight
					tv.Covered = append(tv.Covered, ref)
				} else {
					tv.Missed = append(tv.Missed, ref)
				}
			}
			if f.Probes != "" && f.Grade.Score >= 60 && f.Adjusted >= 60 {
				recovered[normLabel(f.Probes)] = true
			}
		}
		for _, f := range append([]QuestionRecord{*q}, q.FollowUps...) {
			if f.Outcome == Pending {
				continue
			}
			for j, p := range f.Grade.Points {
				if f.Covered(j) || (f.CardID == q.CardID && recovered[normLabel(p.Label)]) {
					continue
				}
				missed, asked := history.Missed(f.CardID, p.Label, 0)
				sc.StudyNext = append(sc.StudyNext, StudyItem{
					CardID: f.CardID, Question: f.Question, Label: p.Label, Weight: p.Weight,
					MissedBefore: missed, AskedBefore: asked, Priority: p.Weight * float64(1+missed),
				})
			}
		}
	}
	for _, id := range rec.Plan[min(len(rec.Questions), len(rec.Plan)):] {
		sc.NotReached = append(sc.NotReached, CardRef{CardID: id})
	}
	for i := range sc.Topics {
		tv := &sc.Topics[i]
		t := tallies[tv.Topic]
		if t.total > 0 {
			tv.Share = t.covered / t.total
		}
		switch {
		case tv.Share >= StrongShare:
			tv.Verdict = VerdictStrong
		case tv.Share < GapShare:
			tv.Verdict = VerdictGap
		default:
			tv.Verdict = VerdictMixed
		}
	}
	slices.SortStableFunc(sc.StudyNext, func(a, b StudyItem) int {
		return cmp.Or(cmp.Compare(b.Priority, a.Priority), cmp.Compare(b.Weight, a.Weight), cmp.Compare(b.MissedBefore, a.MissedBefore))
	})
	if len(sc.StudyNext) > MaxStudyItems {
		sc.StudyNext = sc.StudyNext[:MaxStudyItems]
	}
	return sc
}

// timing is how the time went on answer q.
func timing(q *QuestionRecord) AnswerTiming {
	t := AnswerTiming{
		CardID: q.CardID, Question: q.Question, FollowUp: q.Origin != "",
		Outcome: q.Outcome, TimeUsed: q.TimeUsed, TimeLimit: q.TimeLimit,
	}
	first := -1
	for j, p := range q.Grade.Points {
		if !q.Covered(j) || len(p.Spans) == 0 {
			continue
		}
		end := p.Spans[0].End
		for _, s := range p.Spans {
			end = min(end, s.End)
		}
		if first < 0 || end < first {
			first = end
		}
	}
	if first >= 0 {
		t.FirstKeyPoint, t.Reached = q.ReachedAt(first)
	}
	return t
}

// clone returns a copy of sc that shares no mutable state with it.
func (sc *Scorecard) clone() *Scorecard {
	if sc == nil {
		return nil
	}
	c := *sc
	c.Topics = slices.Clone(sc.Topics)
	for i := range c.Topics {
		c.Topics[i].Covered = slices.Clone(c.Topics[i].Covered)
		c.Topics[i].Missed = slices.Clone(c.Topics[i].Missed)
	}
	c.Timing = slices.Clone(sc.Timing)
	c.NotReached = slices.Clone(sc.NotReached)
	c.StudyNext = slices.Clone(sc.StudyNext)
	return &c
}
