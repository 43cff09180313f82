package report

import (
	"strings"
	"testing"
	"time"

	"grill/grading"
	"grill/internal/fixture/textcheck"
	"grill/interview"
)

func TestMarkdownFollowUpsAndScorecard(t *testing.T) {
	q := interview.QuestionRecord{
		CardID: "gnn/x", Topic: "gnn", Question: "What is X?", Outcome: interview.Submitted,
		TimeLimit: 3 * time.Minute, TimeUsed: time.Minute, Answer: "alpha", Rating: interview.Good, Suggested: interview.Hard,
		Grade: grading.Result{Score: 33, Points: []grading.PointResult{{Label: "Alpha", Weight: 1, Covered: true}, {Label: "Beta", Weight: 2}}},
	}
	q.Adjusted = 33
	q.FollowUps = []interview.QuestionRecord{{
		CardID: "gnn/x/follow-up-1", Topic: "gnn", Question: "Why beta?", Outcome: interview.Submitted,
		TimeLimit: 90 * time.Second, TimeUsed: 30 * time.Second, Answer: "gamma", Probes: "Beta", Origin: interview.OriginDeck,
		Grade: grading.Result{Score: 100, Points: []grading.PointResult{{Label: "Gamma", Weight: 1, Covered: true}}}, Adjusted: 100,
	}}
	rec := &interview.Record{ID: "20261125T090000Z", Started: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC),
		Settings:  interview.Settings{Mode: interview.ModeInterview, RoundLimit: 45 * time.Minute},
		Plan:      []string{"gnn/x", "gnn/y"},
		Questions: []interview.QuestionRecord{q}}
	rec.Scorecard = interview.BuildScorecard(rec, nil)
	md := Markdown(rec, nil)
	textcheck.Contains(t, "report", md,
		"**Kind:** interview", "| 1.1 | ↳ | Follow-up: Why beta?", "#### 1.1. Follow-up: Why beta?",
		"probes “Beta”", "rated Good (suggested Hard)", "## Scorecard", "| gnn | **mixed** |",
		"**Not reached:** 1 question(s): `gnn/y`", "Nothing missed.", // Beta was made up in its follow-up,
	)
	if t.Failed() {
		t.Log(md)
	}
}

func TestWritePoints(t *testing.T) {
	var b strings.Builder
	err := WritePoints(&b, []interview.PointStat{{CardID: "gnn/x", Label: "Beta", Asked: 4, Missed: 3, Recent: "missed 3 of the last 4 times"}}, false)
	if err != nil || !strings.Contains(b.String(), "3 of 4") || !strings.Contains(b.String(), "gnn/x") {
		t.Fatalf("%v\n%s", err, b.String())
	}
	b.Reset()
	if err := WritePoints(&b, nil, true); err != nil || strings.TrimSpace(b.String()) != "[]" {
		t.Fatalf("json of none: %v %q", err, b.String())
	}
}
