package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"grill/decks"
	"grill/tex"
)

// writeQuestions lists every card as "id  question", topic by topic, with
// its follow-ups indented under it.
func writeQuestions(w io.Writer, lib *decks.Library) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, c := range lib.Cards() {
		fmt.Fprintf(tw, "%s\t%s\n", c.ID, tex.RenderMath(c.Question))
		for _, f := range c.FollowUps {
			fmt.Fprintf(tw, "  %s\t  %s\n", f.ID, tex.RenderMath(f.Question))
		}
	}
	return tw.Flush()
}
