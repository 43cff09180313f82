package interview

import (
	"fmt"
	"testing"
	"time"
)

func TestReviewGrade(t *testing.T) {
	for _, tc := range []struct {
		r    Review
		want Rating
	}{
		{Review{Rating: Hard, Score: 100}, Hard},
		{Review{Outcome: Skipped, Score: 90}, Again},
		{Review{Outcome: Submitted, Score: 39}, Again},
		{Review{Outcome: TimedOut, Score: 40}, Hard},
		{Review{Outcome: Submitted, Score: 84}, Good},
		{Review{Outcome: Submitted, Score: 85}, Easy},
	} {
		if got := tc.r.Grade(); got != tc.want {
			t.Errorf("%+v.Grade() = %d, want %d", tc.r, got, tc.want)
		}
	}
}

func TestTopicTrends(t *testing.T) {
	var sums []Summary
	// Five sessions, newest first: gnn improves from 20 to 100, diffusion
	// only in the two oldest.
	for i := range 5 {
		start := t0.Add(time.Duration(4-i) * 24 * time.Hour)
		gnn := 100 - 20*i
		sum := Summary{ID: start.Format("20060102T150405Z"), Started: start, ByTopic: []TopicScore{{Topic: "gnn", Answered: 1, Average: float64(gnn)}}}
		if i >= 3 {
			sum.ByTopic = append(sum.ByTopic, TopicScore{Topic: "diffusion", Answered: 2, Average: 50})
		}
		sums = append(sums, sum)
	}
	trends := TopicTrends(sums, 3)
	if len(trends) != 2 || trends[0].Topic != "diffusion" || trends[1].Topic != "gnn" {
		t.Fatalf("trends = %+v", trends)
	}
	var gnn []float64
	for _, p := range trends[1].Points {
		gnn = append(gnn, p.Average)
	}
	if fmt.Sprint(gnn) != "[60 80 100]" {
		t.Errorf("gnn trend = %v, want the last three sessions oldest first [60 80 100]", gnn)
	}
	if len(trends[0].Points) != 2 || !trends[0].Points[0].Started.Before(trends[0].Points[1].Started) {
		t.Errorf("diffusion trend = %+v", trends[0].Points)
	}
}

// t0 is the start of the sample sessions: 25 November 2026, 17:18:49 UTC.
var t0 = time.Date(2026, 11, 25, 17, 18, 49, 0, time.UTC)

// TestSummarizeCountsFollowUpTime: the time answering of a session is the
// time used on its questions and on their follow-ups, whatever screen or
// report shows it (all read Summarize).
func TestSummarizeCountsFollowUpTime(t *testing.T) {
	rec := &Record{ID: "20261125T090000Z", Questions: []QuestionRecord{
		{CardID: "gnn/a", Topic: "gnn", TimeUsed: 100 * time.Second, Outcome: Submitted, FollowUps: []QuestionRecord{
			{CardID: "gnn/a/follow-up-1", Topic: "gnn", TimeUsed: 40 * time.Second, Outcome: Submitted},
			{CardID: "gnn/a/follow-up-2", Topic: "gnn", TimeUsed: 2500 * time.Millisecond, Outcome: Skipped},
		}},
		{CardID: "vla/b", Topic: "vla", TimeUsed: 30 * time.Second, Outcome: TimedOut},
	}}
	d := rec.Digest()
	if got := d.Questions[0].FollowUpTime; got != 42500*time.Millisecond {
		t.Errorf("digest of a question with two follow-ups of 40s and 2.5s: follow-up time %v", got)
	}
	sum := Summarize(d)
	if want := 172500 * time.Millisecond; sum.Duration != want {
		t.Errorf("time answering %v, want %v (100s + 30s of questions, 42.5s of follow-ups)", sum.Duration, want)
	}
	if sum.Questions != 2 || sum.Answered != 2 {
		t.Errorf("follow-ups counted as questions: %d questions, %d answered", sum.Questions, sum.Answered)
	}
}
