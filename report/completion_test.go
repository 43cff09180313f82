package report

import (
	"strings"
	"testing"
)

// TestReportsSayHowFarTheSessionGot: the Markdown and HTML reports tell a
// complete session from one quit early, as the history does.
func TestReportsSayHowFarTheSessionGot(t *testing.T) {
	complete := sampleRecord(t0)
	quit := sampleRecord(t0)
	quit.Plan = append(quit.Plan, "gnn/over-smoothing", "gnn/gat")
	quit.Questions = quit.Questions[:1]
	for _, tc := range []struct {
		name, md, html string
	}{
		{"complete", Markdown(complete, nil), HTML(complete, nil, nil)},
		{"quit after 1 of 5", Markdown(quit, nil), HTML(quit, nil, nil)},
	} {
		if want := "`" + complete.ID + "` (" + tc.name + ")"; !strings.Contains(tc.md, want) {
			t.Errorf("Markdown report lacks %q:\n%s", want, tc.md)
		}
		if want := "<code>" + complete.ID + "</code> (" + tc.name + ")"; !strings.Contains(tc.html, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}
