package report

import (
	"bytes"
	"strings"
	"testing"
	"text/tabwriter"
)

// TestWriteTableIsTabwriter: the list's table is laid out as text/tabwriter
// lays it out (padding 2, spaces), wide characters counted as runes.
func TestWriteTableIsTabwriter(t *testing.T) {
	rows := [][8]string{
		{"ID", "DATE", "KIND", "TOPICS", "QUESTIONS", "AVERAGE", "DURATION", "STATUS"},
		{"20261125T171849Z", "2026-11-25 18:18", "practice", "gnn,diffusion", "3 of 5", "–", "1m 05s", "quit after 3 of 5"},
		{"20261125T171849Z-2", "2026-11-25 18:19", "retry", "–", "10", "100", "", "complete"},
		{"x", "", "interview", "vla,é", "1", "7", "59m 59s", ""},
	}
	var want bytes.Buffer
	tw := tabwriter.NewWriter(&want, 0, 0, 2, ' ', 0)
	for _, r := range rows {
		tw.Write([]byte(strings.Join(r[:], "\t") + "\n"))
	}
	tw.Flush()
	var got bytes.Buffer
	if err := writeTable(&got, rows); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("got:\n%s\nwant:\n%s", got.String(), want.String())
	}
}
