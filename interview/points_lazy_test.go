package interview

import (
	"reflect"
	"testing"
	"time"
)

// TestPointsFuncLoadsForTheScorecardOnly checks that an interview given
// PointsFunc instead of Points reads the history only when the round ends,
// once, and makes the same scorecard.
func TestPointsFuncLoadsForTheScorecardOnly(t *testing.T) {
	hist := NewPointHistory()
	for _, id := range []string{"b/q1", "b/q2", "b/q3", "c/q1", "c/q2"} {
		past := Record{ID: "past", Questions: []QuestionRecord{{CardID: id, Question: "Q", Outcome: Submitted}}}
		past.Questions[0].Grade.Points = []gradingPoint{{Label: "Beta", Weight: 2}}
		hist.Add(&past)
	}
	settings := Settings{Topics: []string{"c", "b"}, Count: 3, Seed: 2, Mode: ModeInterview, RoundLimit: 5 * time.Minute}
	run := func(opt Options, calls *int) *Scorecard {
		sess, clock := newFollowUpSession(t, settings, opt)
		clock.Advance(30 * time.Second)
		answer(t, sess, "alpha")
		if *calls != 0 {
			t.Fatalf("history read %d times before the round ended", *calls)
		}
		for i := 0; i < 10 && !sess.Debriefing(); i++ {
			clock.Advance(5 * time.Minute)
			_ = sess.TimeOut()
		}
		if !sess.Debriefing() {
			t.Fatal("the round did not end")
		}
		return sess.Scorecard()
	}
	none := 0
	want := run(Options{Points: hist}, &none)
	calls := 0
	got := run(Options{PointsFunc: func() *PointHistory { calls++; return hist }}, &calls)
	if calls != 1 {
		t.Errorf("history read %d times, want once", calls)
	}
	if len(want.StudyNext) == 0 || want.StudyNext[0].MissedBefore == 0 {
		t.Fatalf("the history plays no part in the scorecard: %+v", want.StudyNext)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("scorecard with PointsFunc\n%+v\nwant\n%+v", got, want)
	}
}
