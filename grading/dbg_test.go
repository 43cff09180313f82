package grading

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"grill/decks"
)

func TestDbgFN(t *testing.T) {
	lib, _ := decks.Builtin()
	kinds := strings.Split(os.Getenv("KINDS"), ",")
	for _, l := range loadLabeled(t) {
		if l.Split != "tune" || !slices.Contains(kinds, l.Kind) {
			continue
		}
		c, _ := lib.Card(l.Question)
		r := Grade(c, l.Answer)
		var fn []string
		for i, p := range r.Points {
			if slices.Contains(l.Covered, p.Label) && !p.Covered {
				fn = append(fn, fmt.Sprintf("  FN %s: %q (contra=%v listed=%v)", p.Label, c.KeyPoints[i].Phrasings, p.Contradicted, p.Listed))
			}
		}
		if len(fn) == 0 {
			continue
		}
		fmt.Printf("== %s score=%d human=%.0f\n%s\n%s\n", l.ID, r.Score, l.HumanScore, l.Answer, strings.Join(fn, "\n"))
	}
}
