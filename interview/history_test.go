package interview

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
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

func TestTopicStatsAndTrends(t *testing.T) {
	var sums []Summary
	var reviews []Review
	// Five sessions, newest first: gnn improves from 20 to 100, diffusion
	// only in the two oldest.
	for i := range 5 {
		start := t0.Add(time.Duration(4-i) * 24 * time.Hour)
		gnn := 100 - 20*i
		sum := Summary{ID: start.Format("20060102T150405Z"), Started: start, ByTopic: []TopicScore{{"gnn", 1, float64(gnn)}}}
		if i >= 3 {
			sum.ByTopic = append(sum.ByTopic, TopicScore{"diffusion", 2, 50})
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

	for i, score := range []int{10, 20, 90, 100} {
		reviews = append(reviews, Review{CardID: fmt.Sprintf("gnn/c%d", i%2), Topic: "gnn", Score: score, Time: t0.Add(time.Duration(i) * time.Hour)})
	}
	stats := TopicStats(reviews, 2)
	if len(stats) != 1 {
		t.Fatalf("stats = %+v", stats)
	}
	st := stats[0]
	if st.Answered != 4 || st.Cards != 2 || st.Average != 55 || st.Recent != 95 || !st.Last.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("gnn stats = %+v, want 4 answered, 2 cards, average 55, recent 95", st)
	}
}

func TestWriteList(t *testing.T) {
	sums := []Summary{
		{ID: "20261125T171849Z", Started: t0, Status: StatusEnded, Topics: []string{"gnn", "diffusion"},
			Questions: 3, Answered: 3, Average: 46.666, Duration: 333 * time.Second},
		{ID: "20261124T090000Z", Started: t0.Add(-32 * time.Hour), Status: StatusInProgress, Questions: 2},
	}
	var buf bytes.Buffer
	if err := WriteList(&buf, sums, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("text list:\n%s", buf.String())
	}
	for _, want := range []string{"20261125T171849Z", t0.Local().Format("2006-01-02 15:04"), "gnn,diffusion", " 3 ", "47", "5:33", "ended"} {
		if !strings.Contains(lines[1], want) {
			t.Errorf("row %q lacks %q", lines[1], want)
		}
	}
	for _, want := range []string{"0 of 2", "–", "in progress"} {
		if !strings.Contains(lines[2], want) {
			t.Errorf("row %q lacks %q", lines[2], want)
		}
	}

	buf.Reset()
	if err := WriteList(&buf, sums, true); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, buf.String())
	}
	if len(got) != 2 {
		t.Fatalf("--json: %d entries, want 2", len(got))
	}
	for _, key := range []string{"id", "started", "topics", "questions", "average_score", "duration_seconds", "status"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("--json entry lacks %q: %v", key, got[0])
		}
	}
	if got[0]["id"] != "20261125T171849Z" || got[0]["average_score"] != 46.7 || got[0]["duration_seconds"] != 333.0 || got[0]["status"] != "ended" || got[0]["started"] != "2026-11-25T17:18:49Z" {
		t.Errorf("--json entry = %v", got[0])
	}
	if got[1]["average_score"] != nil || fmt.Sprint(got[1]["topics"]) != "[]" {
		t.Errorf("--json entry with nothing answered = %v, want average_score null and topics []", got[1])
	}

	buf.Reset()
	if err := WriteList(&buf, nil, true); err != nil || strings.TrimSpace(buf.String()) != "[]" {
		t.Errorf("--json of no sessions = %q, %v; want []", buf.String(), err)
	}
	buf.Reset()
	if err := WriteList(&buf, nil, false); err != nil || !strings.Contains(buf.String(), "No sessions") {
		t.Errorf("list of no sessions = %q, %v", buf.String(), err)
	}
}
