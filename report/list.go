package report

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"grill/interview"
)

// listEntry is one element of `grill report list --json`.
type listEntry struct {
	ID              string           `json:"id"`
	Started         time.Time        `json:"started"`
	Topics          []string         `json:"topics"`
	Questions       int              `json:"questions"`
	Answered        int              `json:"answered"`
	Planned         int              `json:"planned"`       // questions the session was to ask
	AverageScore    *float64         `json:"average_score"` // null when nothing was answered
	DurationSeconds float64          `json:"duration_seconds"`
	Status          interview.Status `json:"status"`
	Completion      string           `json:"completion"` // "complete", "quit after 1 of 5"…: Summary.CompletionText
	Kind            string           `json:"kind"`       // practice, interview or retry
}

// WriteList prints sessions (newest first, as from List) for `grill report
// list`: a table with id, local date and time, topics, questions (answered
// of asked when they differ), kind (practice, interview, retry), average self-adjusted score, time spent
// answering and how far it got (Summary.CompletionText: complete, quit
// after 1 of 5…); or, with asJSON, a JSON array of objects with the fields
// id, started, topics, questions, answered, planned, average_score (null
// when nothing was answered), duration_seconds, status (ended, in_progress,
// abandoned), completion (as in the table) and kind.
func WriteList(w io.Writer, sessions []interview.Summary, asJSON bool) error {
	if asJSON {
		out := make([]listEntry, len(sessions))
		for i, s := range sessions {
			out[i] = listEntry{
				ID: s.ID, Started: s.Started, Topics: s.Topics, Questions: s.Questions,
				Answered: s.Answered, Planned: s.Planned, DurationSeconds: s.Duration.Seconds(), Status: s.Status,
				Completion: s.CompletionText(), Kind: s.Kind,
			}
			if out[i].Topics == nil {
				out[i].Topics = []string{}
			}
			if s.Answered > 0 {
				avg := round1(s.Average)
				out[i].AverageScore = &avg
			}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(sessions) == 0 {
		_, err := fmt.Fprintln(w, "No sessions yet.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tKIND\tTOPICS\tQUESTIONS\tAVERAGE\tDURATION\tSTATUS")
	for _, s := range sessions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Started.Local().Format("2006-01-02 15:04"), s.Kind,
			s.TopicsText(","), s.QuestionsText(), s.AverageText(), interview.DurationText(s.Duration), s.CompletionText())
	}
	return tw.Flush()
}

// round1 rounds x to one decimal.
func round1(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}
