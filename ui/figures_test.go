package ui

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"grill/interview"
	"grill/report"
)

// TestSummaryScreenAndReportsAgree: the same session shows the same
// per-topic averages and times on the summary screen, in the Markdown
// report and in `grill report list`. vla averages 30.67 and gnn 30.5: both
// show as 31 everywhere (the screen used to truncate to 30).
func TestSummaryScreenAndReportsAgree(t *testing.T) {
	start := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	rec := interview.Record{ID: "20261125T090000Z", Started: start, Ended: start.Add(10*time.Minute + 400*time.Millisecond)}
	for i, q := range []struct {
		topic string
		score int
	}{{"vla", 30}, {"vla", 31}, {"vla", 31}, {"gnn", 30}, {"gnn", 31}} {
		rec.Questions = append(rec.Questions, interview.QuestionRecord{
			CardID: q.topic + "/q", Topic: q.topic, Question: "Q?", TimeLimit: 3 * time.Minute,
			TimeUsed: time.Duration(61+i)*time.Second + 500*time.Millisecond, Outcome: interview.Submitted, Adjusted: q.score,
		})
	}
	screen := statsText(newTheme(false), rec, "", nil)
	md := report.Markdown(&rec, nil)
	var list bytes.Buffer
	if err := report.WriteList(&list, []interview.Summary{interview.Summarize(&rec)}, false); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		what, text, pattern string
	}{
		{"screen vla", screen, `vla .*adjusted\s+31\b`},
		{"screen gnn", screen, `gnn .*adjusted\s+31\b`},
		{"report vla", md, `\| vla \| 3 \| 0 \| 31 \|`},
		{"report gnn", md, `\| gnn \| 2 \| 0 \| 31 \|`},
		{"report all", md, `\| \*\*All\*\* \| \*\*5\*\* \| \*\*0\*\* \| \*\*31\*\* \|`},
		{"list", list.String(), `20261125T090000Z .* 31 +5:18 `},
		{"screen time", screen, `time(\[::-\])? 5:18 answering, 10:00 in all`},
		{"report time", md, `\*\*Time answering:\*\* 5:18 · \*\*Session length:\*\* 10:00`},
	} {
		if !regexp.MustCompile(tc.pattern).MatchString(tc.text) {
			t.Errorf("%s: no match for %s in\n%s", tc.what, tc.pattern, strings.TrimSpace(tc.text))
		}
	}
}
