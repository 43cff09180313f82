package report

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"

	"grill/interview"
)

// WritePoints prints the key points missed most across sessions (as from
// PointHistory.MostMissed) for `grill report points`: a table with how
// often each was missed of how often asked, the last answers, the label and
// its card; or, with asJSON, a JSON array of objects with the fields
// card_id, topic, question, label, asked, missed, last_missed and recent.
func WritePoints(w io.Writer, points []interview.PointStat, asJSON bool) error {
	if asJSON {
		if points == nil {
			points = []interview.PointStat{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(points)
	}
	if len(points) == 0 {
		_, err := fmt.Fprintln(w, "No key point missed yet.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "MISSED\tLAST ANSWERS\tKEY POINT\tCARD")
	for _, p := range points {
		fmt.Fprintf(tw, "%d of %d\t%s\t%s\t%s\n", p.Missed, p.Asked, p.Recent, flatLine(p.Label), p.CardID)
	}
	return tw.Flush()
}
