package grading

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"grill/decks"
)

func TestDbgOracle(t *testing.T) {
	lib, _ := decks.Builtin()
	for _, gamma := range []float64{1, 0.8, 0.6} {
		var xs, hs, gs []float64
		for _, l := range loadLabeled(t) {
			if l.Split != "tune" {
				continue
			}
			c, _ := lib.Card(l.Question)
			var tot, cov float64
			stale := false
			for _, cv := range l.Covered {
				found := false
				for _, kp := range c.KeyPoints {
					if kp.Label == cv {
						found = true
					}
				}
				if !found {
					stale = true
				}
			}
			if stale {
				continue
			}
			for _, kp := range c.KeyPoints {
				tot += kp.Weight
				if slices.Contains(l.Covered, kp.Label) {
					cov += kp.Weight
				}
			}
			sh := cov / tot
			if l.Kind == "keyword_stuffed" || l.Kind == "padded" {
				sh = 0.3 * sh
			}
			xs = append(xs, math.Pow(sh, gamma))
			hs = append(hs, l.HumanScore)
			gs = append(gs, float64(Grade(c, l.Answer).Score))
		}
		fmt.Println("gamma", gamma, "oracle r", pearson(xs, hs), "grader r (same answers)", pearson(gs, hs), len(xs))
	}
}

func TestDbgFN(t *testing.T) {
	lib, _ := decks.Builtin()
	for _, l := range loadLabeled(t) {
		if l.Split != "tune" {
			continue
		}
		c, _ := lib.Card(l.Question)
		r := Grade(c, l.Answer)
		for i, p := range r.Points {
			if slices.Contains(l.Covered, p.Label) && !p.Covered && !p.Listed {
				fmt.Printf("%s | %s %q contra=%v\n   %s\n", l.ID, p.Label, c.KeyPoints[i].Phrasings, p.Contradicted, l.Answer)
			}
		}
	}
}
