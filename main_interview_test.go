package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"grill/grading"
	"grill/interview"
	"grill/store"
)

func TestInterviewAndRetryFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"interview", "--minutes", "0"}, "--minutes must be between 1 and 600"},
		{[]string{"interview", "--topics", "nope"}, `unknown topic "nope"`},
		{[]string{"start", "--follow-ups", "sometimes"}, `--follow-ups "sometimes" is not one of missed, always, off`},
		{[]string{"--retry", "latest"}, "--retry and --below go with grill start"},
		{[]string{"start", "--below", "50"}, "--below goes with --retry"},
		{[]string{"start", "--retry", "latest", "--below", "0"}, "--below must be between 1 and 100"},
	} {
		_, stderr, code := grill(t, "", tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("grill %v: exit %d, stderr %q; want 2 and %q", tc.args, code, stderr, tc.want)
		}
	}
	// No session to retry: exit 1, saying why.
	if _, stderr, code := grill(t, "", "start", "--retry", "latest"); code != 1 || !strings.Contains(stderr, "session") {
		t.Errorf("retry without sessions: exit %d, %q", code, stderr)
	}
}

func TestReportPoints(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_DATA_HOME", dir)
	st := store.NewStore(filepath.Join(dir, "grill"))
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for i, covered := range []bool{false, false, true} {
		s := start.Add(time.Duration(i) * 24 * time.Hour)
		rec := &interview.Record{
			SchemaVersion: interview.SchemaVersion, ID: s.Format("20060102T150405Z"), Started: s, Ended: s.Add(time.Minute),
			Plan: []string{"gnn/over-smoothing"},
			Questions: []interview.QuestionRecord{{
				CardID: "gnn/over-smoothing", Topic: "gnn", Question: "What's the over-smoothing problem?",
				Outcome: interview.Submitted, EndedAt: s.Add(time.Minute),
				Grade: grading.Result{Points: []grading.PointResult{{Label: "Fix: fewer layers", Weight: 1, Covered: covered}, {Label: "Loses local structure", Weight: 1, Covered: true}}},
			}},
		}
		if err := st.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	var out, errb bytes.Buffer
	if code := run([]string{"report", "points"}, nil, &out, &errb); code != 0 ||
		!strings.Contains(out.String(), "2 of 3") || !strings.Contains(out.String(), "Fix: fewer layers") ||
		!strings.Contains(out.String(), "gnn/over-smoothing") || strings.Contains(out.String(), "Loses local structure") {
		t.Fatalf("report points: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := run([]string{"report", "points", "--json"}, nil, &out, &errb); code != 0 {
		t.Fatalf("report points --json: exit %d: %s", code, errb.String())
	}
	var pts []interview.PointStat
	if err := json.Unmarshal(out.Bytes(), &pts); err != nil || len(pts) != 1 || pts[0].Missed != 2 || pts[0].Asked != 3 ||
		pts[0].Recent != "missed 2 of the last 3 times" {
		t.Fatalf("report points --json: %v %+v", err, pts)
	}
}
