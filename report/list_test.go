package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"grill/internal/fixture/textcheck"
	"grill/interview"
)

func TestWriteList(t *testing.T) {
	sums := []interview.Summary{
		{ID: "20261125T171849Z", Started: t0, Status: interview.StatusEnded, Topics: []string{"gnn", "diffusion"},
			Questions: 3, Answered: 3, Planned: 3, Average: 46.666, Duration: 333 * time.Second},
		{ID: "20261124T090000Z", Started: t0.Add(-32 * time.Hour), Status: interview.StatusInProgress, Questions: 2, Planned: 5},
		{ID: "20261123T090000Z", Started: t0.Add(-56 * time.Hour), Status: interview.StatusEnded, Topics: []string{"vla"},
			Questions: 2, Answered: 1, Planned: 5, Average: 80, Duration: 90 * time.Second},
	}
	var buf bytes.Buffer
	if err := WriteList(&buf, sums, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") {
		t.Fatalf("text list:\n%s", buf.String())
	}
	textcheck.Contains(t, "row 1", lines[1], "20261125T171849Z", t0.Local().Format("2006-01-02 15:04"), "gnn,diffusion", " 3 ", "47", "5:33", "complete")
	textcheck.Contains(t, "row 2", lines[2], "0 of 2", "–", "in progress")
	if !strings.HasSuffix(lines[3], "quit after 1 of 5") {
		t.Errorf("row %q of a session quit early does not end in %q", lines[3], "quit after 1 of 5")
	}

	buf.Reset()
	if err := WriteList(&buf, sums, true); err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, buf.String())
	}
	if len(got) != 3 {
		t.Fatalf("--json: %d entries, want 3", len(got))
	}
	for _, key := range []string{"id", "started", "topics", "questions", "answered", "planned", "average_score", "duration_seconds", "status", "completion", "kind"} {
		if _, ok := got[0][key]; !ok {
			t.Errorf("--json entry lacks %q: %v", key, got[0])
		}
	}
	if got[0]["id"] != "20261125T171849Z" || got[0]["average_score"] != 46.7 || got[0]["duration_seconds"] != 333.0 || got[0]["status"] != "ended" || got[0]["started"] != "2026-11-25T17:18:49Z" ||
		got[0]["completion"] != "complete" || got[0]["planned"] != 3.0 {
		t.Errorf("--json entry = %v", got[0])
	}
	if got[1]["average_score"] != nil || fmt.Sprint(got[1]["topics"]) != "[]" {
		t.Errorf("--json entry with nothing answered = %v, want average_score null and topics []", got[1])
	}
	if got[2]["status"] != "ended" || got[2]["completion"] != "quit after 1 of 5" || got[2]["answered"] != 1.0 || got[2]["planned"] != 5.0 {
		t.Errorf("--json entry of a session quit early = %v", got[2])
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
