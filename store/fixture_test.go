package store

import (
	"fmt"
	"time"

	"grill/grading"
	"grill/internal/fixture"
	"grill/internal/fixture/decklib"
	"grill/interview"
)

// The shared sample sessions and library (see packages fixture and decklib).
var (
	t0             = fixture.T0
	sampleRecord   = fixture.SampleRecord
	inProgress     = fixture.InProgress
	sessionLibrary = decklib.Sessions
)

// v2Record is the session of testdata/v2-20261125T171849Z.json, written by
// grill with schema version 2: the sample session as an interview that
// ran out of round time, with a follow-up, drafting marks, fractional
// seconds and a scorecard, so that every duration the record holds is in
// it.
func v2Record() *interview.Record {
	rec := sampleRecord(t0)
	rec.SchemaVersion = 2
	rec.Settings.Mode = interview.ModeInterview
	rec.Settings.RoundLimit = 6 * time.Minute
	rec.Settings.FollowUps = interview.FollowUpsAlways
	rec.Debrief = true
	rec.Plan = append(rec.Plan, "gnn/over-smoothing")
	q := &rec.Questions[0]
	q.TimeUsed = 132*time.Second + 500*time.Millisecond
	q.Drafting = []interview.DraftMark{{At: 4 * time.Second, Chars: 12}, {At: 61 * time.Second, Chars: 80}}
	q.FollowUps = []interview.QuestionRecord{{
		CardID: "gnn/message-passing/follow-up-1", Topic: "gnn", Question: "Why stack layers?",
		TimeLimit: 90 * time.Second, TimeUsed: 1500 * time.Millisecond, Outcome: interview.Skipped,
		AskedAt: t0.Add(133 * time.Second), EndedAt: t0.Add(134*time.Second + 500*time.Millisecond),
		Grade:  grading.Result{Points: []grading.PointResult{{Label: "k-hop neighbourhood", Weight: 1}}},
		Probes: "Stack layers for k-hop", Origin: interview.OriginDeck,
	}}
	rec.Scorecard = &interview.Scorecard{
		Topics: []interview.TopicVerdict{{Topic: "gnn", Verdict: interview.VerdictMixed, Share: 0.6, Answered: 2,
			Covered: []interview.PointRef{}, Missed: []interview.PointRef{}}},
		Timing: []interview.AnswerTiming{{CardID: "gnn/message-passing", Question: "What is message passing in GNNs?",
			Outcome: interview.Submitted, TimeUsed: q.TimeUsed, TimeLimit: 3 * time.Minute, FirstKeyPoint: 61 * time.Second, Reached: true}},
		NotReached: []interview.CardRef{{CardID: "gnn/over-smoothing", Question: "What is over-smoothing?"}},
		StudyNext:  []interview.StudyItem{},
		RoundLimit: 6 * time.Minute,
		RoundUsed:  5*time.Minute + 54*time.Second,
	}
	return rec
}

// withFollowUps is the sample session as a practice round that asked
// follow-ups: two after the first question (20 s and 7.25 s) and one after
// the second (timed out at 45 s), 72.25 s in all beside the 333 s of the
// questions.
func withFollowUps() *interview.Record {
	rec := sampleRecord(t0)
	rec.Settings.FollowUps = interview.FollowUpsAlways
	followUp := func(q *interview.QuestionRecord, used, limit time.Duration, outcome interview.Outcome, at time.Duration) {
		q.FollowUps = append(q.FollowUps, interview.QuestionRecord{
			CardID: fmt.Sprintf("%s/follow-up-%d", q.CardID, len(q.FollowUps)+1), Topic: q.Topic, Question: "And then?", Answer: "Then more.",
			TimeLimit: limit, TimeUsed: used, Outcome: outcome, AskedAt: t0.Add(at), EndedAt: t0.Add(at + used),
			Grade: grading.Result{Score: 50, Points: []grading.PointResult{{Label: "More", Weight: 1, Covered: true}}}, Adjusted: 50,
			Origin: interview.OriginDeck,
		})
	}
	followUp(&rec.Questions[0], 20*time.Second, 90*time.Second, interview.Submitted, 151*time.Second)
	followUp(&rec.Questions[0], 7250*time.Millisecond, 90*time.Second, interview.Skipped, 172*time.Second)
	followUp(&rec.Questions[1], 45*time.Second, 45*time.Second, interview.TimedOut, 6*time.Minute+11*time.Second)
	return rec
}
