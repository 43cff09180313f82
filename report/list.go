package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

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
	rows := make([][8]string, 0, len(sessions)+1)
	rows = append(rows, [8]string{"ID", "DATE", "KIND", "TOPICS", "QUESTIONS", "AVERAGE", "DURATION", "STATUS"})
	for _, s := range sessions {
		rows = append(rows, [8]string{s.ID, s.Started.Local().Format("2006-01-02 15:04"), s.Kind,
			s.TopicsText(","), s.QuestionsText(), s.AverageText(), interview.DurationText(s.Duration), s.CompletionText()})
	}
	return writeTable(w, rows)
}

// writeTable writes rows as text/tabwriter does with padding 2 and spaces
// (each column as wide as its widest cell, in runes, plus two spaces; the
// last column not padded), without holding every cell a second time: a
// history of ten thousand sessions is listed in one pass over them.
func writeTable(w io.Writer, rows [][8]string) error {
	var width [8]int
	for _, r := range rows {
		for c := range len(r) - 1 {
			width[c] = max(width[c], utf8.RuneCountInString(r[c]))
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	pad := strings.Repeat(" ", slices.Max(width[:])+2)
	for _, r := range rows {
		for c := range len(r) - 1 {
			bw.WriteString(r[c])
			bw.WriteString(pad[:width[c]+2-utf8.RuneCountInString(r[c])])
		}
		bw.WriteString(r[len(r)-1])
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// round1 rounds x to one decimal.
func round1(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}
