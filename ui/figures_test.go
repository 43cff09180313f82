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
// per-topic averages and times on the summary screen, in the Markdown and
// HTML reports and in `grill report list`. vla averages 30.67 and gnn 30.5:
// both show as 31 everywhere (the screen used to truncate to 30). The time
// answering, 5:48, counts the 30 s of the first question's follow-up
// (without it, 5:18), which the averages leave out.
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
	rec.Questions[0].FollowUps = []interview.QuestionRecord{{CardID: "vla/q/follow-up-1", Topic: "vla", Question: "Why?",
		TimeLimit: 90 * time.Second, TimeUsed: 30 * time.Second, Outcome: interview.Submitted, Adjusted: 100}}
	screen := statsText(newTheme(false), rec, "", nil)
	md := report.Markdown(&rec, nil)
	html := report.HTML(&rec, nil, nil)
	var list bytes.Buffer
	if err := report.WriteList(&list, []interview.Summary{interview.Summarize(rec.Digest())}, false); err != nil {
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
		{"list", list.String(), `20261125T090000Z .* 31 +5:48 `},
		{"screen time", screen, `time(\[::-\])? 5:48 answering, 10:00 in all`},
		{"report time", md, `\*\*Time answering:\*\* 5:48 · \*\*Session length:\*\* 10:00`},
		{"html time", html, `time answering 5:48 · session length 10:00`},
	} {
		if !regexp.MustCompile(tc.pattern).MatchString(tc.text) {
			t.Errorf("%s: no match for %s in\n%s", tc.what, tc.pattern, strings.TrimSpace(tc.text))
		}
	}
}
