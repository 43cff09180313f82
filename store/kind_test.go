package store

import (
	"path/filepath"
	"testing"
	"time"

	"grill/interview"
)

// The kind of a session (practice, interview, retry) survives the fast
// reader and the index.
func TestListKeepsTheKindOfSession(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "grill")
	st := NewStore(dir)
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for i, set := range []interview.Settings{
		{},
		{Mode: interview.ModeInterview, RoundLimit: time.Hour},
		{RetryOf: "20261120T090000Z", RetryBelow: 60},
	} {
		s := start.Add(time.Duration(i) * time.Hour)
		rec := &interview.Record{SchemaVersion: interview.SchemaVersion, ID: s.Format("20060102T150405Z"), Started: s, Ended: s.Add(time.Minute), Settings: set}
		if err := st.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	for pass := 0; pass < 2; pass++ { // the second pass reads the index
		st := NewStore(dir)
		sums, errs := st.List()
		st.Close()
		if len(errs) > 0 || len(sums) != 3 {
			t.Fatalf("pass %d: %d sessions, errors %v", pass, len(sums), errs)
		}
		for i, want := range []string{interview.KindRetry, interview.KindInterview, interview.KindPractice} {
			if sums[i].Kind != want {
				t.Errorf("pass %d: session %s is %q, want %q", pass, sums[i].ID, sums[i].Kind, want)
			}
		}
	}
}
