package interview

import (
	"slices"
	"testing"
	"time"

	"grill/decks"
)

// verdictLibrary has one comparison card with a misconception.
func verdictLibrary() *decks.Library {
	return &decks.Library{Topics: []*decks.Topic{{ID: "s", Title: "Samplers", TimeLimit: time.Minute,
		Cards: []*decks.Card{{
			ID: "s/ddpm-vs-ddim", Topic: "s", Question: "DDPM vs DDIM sampling: what differs?",
			Answer: "DDPM samples stochastically over many steps; DDIM is deterministic and reuses the trained DDPM.",
			KeyPoints: []decks.KeyPoint{
				{Label: "DDPM: stochastic sampling", Phrasings: []string{"stochastic", "adds noise at each step"}, Weight: 1},
				{Label: "DDIM: deterministic sampling", Phrasings: []string{"deterministic", "no added noise"}, Weight: 1},
				{Label: "Same trained model", Phrasings: []string{"same trained model", "no retraining"}, Weight: 1},
			},
			Misconceptions: []decks.KeyPoint{{Label: "DDIM is slower than DDPM", Phrasings: []string{"DDIM is slower"}, Weight: 1}},
		}},
	}}}
}

// TestContradictedPointIsMissedAndWrongClaimKeepsItsPenalty: a point the
// answer contradicts counts as missed (summary, follow-ups, scorecard); an
// override does not drop the penalty of an asserted misconception, and
// removing it restores the grader's score.
func TestContradictedPointIsMissedAndWrongClaimKeepsItsPenalty(t *testing.T) {
	sess, err := New(verdictLibrary(), Settings{Topics: []string{"s"}, Count: 1, TimeLimit: time.Minute, TimeChosen: true, Seed: 1},
		Options{Clock: NewFakeClock(epoch)})
	if err != nil {
		t.Fatal(err)
	}
	sess.SetDraft("DDPM adds noise at each step. DDIM is stochastic too. DDIM is slower than DDPM, and it reuses the same trained model.")
	if err := sess.Submit(); err != nil {
		t.Fatal(err)
	}
	_, q := sess.Current()
	if !q.Grade.Points[1].Contradicted || len(q.Grade.Misconceptions) != 1 || !q.Grade.Misconceptions[0].Asserted {
		t.Fatalf("grade %+v", q.Grade)
	}
	if q.Covered(1) || !q.missedLabels()[normLabel("DDIM: deterministic sampling")] {
		t.Error("the contradicted point counts as covered")
	}
	rec := sess.Record()
	sc := BuildScorecard(&rec, nil)
	var missed []string
	for _, tv := range sc.Topics {
		for _, p := range tv.Missed {
			missed = append(missed, p.Label)
		}
	}
	if !slices.Contains(missed, "DDIM: deterministic sampling") {
		t.Errorf("scorecard missed points %v lack the contradicted one", missed)
	}

	before := q.Grade.Score
	if err := sess.Toggle(1); err != nil {
		t.Fatal(err)
	}
	_, q = sess.Current()
	// All three points covered, less 1.5 of 3 for the wrong claim: 50.
	if q.Adjusted != 50 {
		t.Errorf("adjusted %d after overriding the contradicted point, want 50 (the wrong claim keeps its penalty)", q.Adjusted)
	}
	sess.Toggle(1)
	_, q = sess.Current()
	if q.Overrides != nil || q.Adjusted != before {
		t.Errorf("toggled back: overrides %v adjusted %d, want the grader's %d", q.Overrides, q.Adjusted, before)
	}
}
