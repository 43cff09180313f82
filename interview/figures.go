package interview

import (
	"fmt"
	"math"
	"time"
)

// The figures derived from a session are computed here, once, for every
// screen and report: the summary screen, the Markdown report and `grill
// report list` show the same numbers for the same session.

// RoundScore rounds a mean score to the whole number shown everywhere:
// halves round up, so 30.5 is 31 (fmt's %.0f would give 30).
func RoundScore(x float64) int { return int(math.Floor(x + 0.5)) }

// MeanText is a mean score as shown: RoundScore of avg, or "–" when no
// question was answered (n is 0).
func MeanText(avg float64, n int) string {
	if n == 0 {
		return "–"
	}
	return fmt.Sprint(RoundScore(avg))
}

// DurationText formats a time used or a session's length as m:ss, or
// h:mm:ss from an hour, to the nearest second. (The countdown of a question
// in progress rounds up instead, so that 0:00 shows only when time is out.)
func DurationText(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	secs := int64((d + time.Second/2) / time.Second)
	if secs >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// CompletionText says how far a session got, as the history screen, `grill
// report list` and the reports show it: "complete" when it ended with
// every planned question answered (submitted, timed out or skipped); "quit
// after 1 of 5" when the candidate ended it before (1 answered of 5
// planned); "time up after 3 of 5" for an interview whose round clock ran
// out first; "abandoned" when it was interrupted and not resumed; "in
// progress" while it runs or can be resumed.
func (s Summary) CompletionText() string {
	switch {
	case s.Status == StatusAbandoned:
		return "abandoned"
	case s.Status != StatusEnded:
		return "in progress"
	case s.Answered >= s.Planned:
		return "complete"
	case s.RoundOver:
		return fmt.Sprintf("time up after %d of %d", s.Answered, s.Planned)
	}
	return fmt.Sprintf("quit after %d of %d", s.Answered, s.Planned)
}

// Text is how an outcome is shown: "submitted", "timed out", "skipped", or
// "not answered" for a question still pending.
func (o Outcome) Text() string {
	switch o {
	case Submitted:
		return "submitted"
	case TimedOut:
		return "timed out"
	case Skipped:
		return "skipped"
	case Pending:
		return "not answered"
	}
	return string(o)
}

// Text is how a rating is shown: "Again", "Hard", "Good", "Easy", or "–"
// when the answer was not rated.
func (r Rating) Text() string {
	switch r {
	case Again:
		return "Again"
	case Hard:
		return "Hard"
	case Good:
		return "Good"
	case Easy:
		return "Easy"
	}
	return "–"
}
