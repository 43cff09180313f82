package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"grill/grading"
	"grill/interview"
	"grill/store"
)

// saveSession stores one ended gnn session under XDG_DATA_HOME=dir.
func saveSession(t *testing.T, dir string) *interview.Record {
	t.Helper()
	t.Setenv("XDG_DATA_HOME", dir)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	st := store.NewStore(filepath.Join(dir, "grill"))
	start := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	rec := &interview.Record{
		SchemaVersion: interview.SchemaVersion, ID: "20261120T090000Z", Started: start, Ended: start.Add(3 * time.Minute),
		Settings: interview.Settings{Topics: []string{"gnn"}, Count: 1, TimeLimit: 3 * time.Minute, Order: "mixed", Seed: 1},
		Plan:     []string{"gnn/over-smoothing"},
		Questions: []interview.QuestionRecord{{
			CardID: "gnn/over-smoothing", Topic: "gnn", Question: "What's the over-smoothing problem?",
			TimeLimit: 3 * time.Minute, TimeUsed: 90 * time.Second, Outcome: interview.Submitted,
			Answer: "Node representations converge after many layers.", Adjusted: 50,
			Grade: grading.Result{Score: 50, Points: []grading.PointResult{
				{Label: "Representations converge", Weight: 1, Covered: true, Spans: []grading.Span{{Start: 5, End: 29}}},
				{Label: "Grows with depth", Weight: 1},
			}},
			Rating: interview.Good,
		}},
	}
	if err := st.Save(rec); err != nil {
		t.Fatal(err)
	}
	st.Close()
	return rec
}

func TestReportShowHTMLToFile(t *testing.T) {
	dir := t.TempDir()
	saveSession(t, dir)
	outFile := filepath.Join(dir, "r.html")
	var out, errb bytes.Buffer
	if code := run([]string{"report", "show", "latest", "--format", "html", "--out", outFile}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if out.Len() != 0 {
		t.Errorf("--out also printed %q", out.String())
	}
	page, err := os.ReadFile(outFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<!DOCTYPE html>", "<svg", `<mark class="p0 covered"`, "over-smoothing"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

func TestReportOpenWithoutOpenerPrintsPath(t *testing.T) {
	dir := t.TempDir()
	rec := saveSession(t, dir)
	t.Setenv("PATH", t.TempDir()) // no xdg-open, no open
	t.Setenv("TMPDIR", dir)
	var out, errb bytes.Buffer
	if code := run([]string{"report", "open", "latest"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	path := strings.TrimSpace(out.String())
	if filepath.Base(path) != rec.ID+".html" {
		t.Fatalf("printed %q, want the path of %s.html", path, rec.ID)
	}
	if page, err := os.ReadFile(path); err != nil || !bytes.Contains(page, []byte("<svg")) {
		t.Errorf("%s: %v", path, err)
	}
}

func TestExportAnki(t *testing.T) {
	dir := t.TempDir()
	saveSession(t, dir)
	file := filepath.Join(dir, "grill.txt")
	var out, errb bytes.Buffer
	if code := run([]string{"export", "anki", "--only", "missed", "--since", "2026-11-01", "--out", file}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.Contains(errb.String(), "1 card(s) written to "+file) {
		t.Errorf("stderr %q", errb.String())
	}
	// The exported file is a deck grill reads.
	out.Reset()
	if code := run([]string{"decks", "check", file}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), "1 card(s)") {
		t.Errorf("decks check of the export: exit %d\n%s", code, out.String())
	}
	out.Reset()
	errb.Reset()
	run([]string{"export", "anki", "--since", "2026-11-21", "--out", "-"}, nil, &out, &errb)
	if strings.Count(out.String(), "\n") != 5 {
		t.Errorf("--since after the session: want only the 5 header lines, got %q", out.String())
	}
	for _, args := range [][]string{{"export", "anki"}, {"export", "anki", "--out", file, "--only", "some"}, {"export", "anki", "--out", file, "--since", "yesterday"}} {
		if code := run(args, nil, &out, &errb); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestReportListCountsFollowUps: `grill report list` counts the time used
// on follow-ups in the time answering, when a save adds a follow-up to a
// session already listed (the summaries file is appended to) and when the
// files beside the sessions are rebuilt.
func TestReportListCountsFollowUps(t *testing.T) {
	dir := t.TempDir()
	rec := saveSession(t, dir)
	list := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(append([]string{"report", "list"}, args...), nil, &out, &errb); code != 0 {
			t.Fatalf("report list %v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	if out := list("--json"); !strings.Contains(out, `"duration_seconds": 90,`) {
		t.Fatalf("report list --json of a 90 s session:\n%s", out)
	}
	rec.Questions[0].FollowUps = []interview.QuestionRecord{{CardID: "gnn/over-smoothing/follow-up-1", Topic: "gnn",
		Question: "Why does depth make it worse?", TimeLimit: 90 * time.Second, TimeUsed: 45500 * time.Millisecond, Outcome: interview.Submitted}}
	st := store.NewStore(filepath.Join(dir, "grill"))
	if err := st.Save(rec); err != nil {
		t.Fatal(err)
	}
	st.Close()
	for _, why := range []string{"after the save", "rebuilt"} {
		if why == "rebuilt" {
			for _, f := range []string{"sessions.index", "sessions.summaries"} {
				if err := os.Remove(filepath.Join(dir, "grill", f)); err != nil {
					t.Fatal(err)
				}
			}
		}
		if out := list("--json"); !strings.Contains(out, `"duration_seconds": 135.5,`) {
			t.Errorf("%s: report list --json of 90 s and a 45.5 s follow-up:\n%s", why, out)
		}
		if out := list(); !strings.Contains(out, " 2:16 ") {
			t.Errorf("%s: report list of 90 s and a 45.5 s follow-up does not say 2:16:\n%s", why, out)
		}
	}
}
