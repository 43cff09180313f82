package grading

import "testing"

// The derived key points say what the score says: a relation stated from
// its other end covers them, one side turned round contradicts them, and a
// state said in other words covers its point though no phrasing matched.
func TestDerivedPointsAgreeWithTheScore(t *testing.T) {
	pitch := derivedCard("Darla tightened a guitar string. How did the pitch change?",
		"When the string was tighter, the pitch was higher.")
	bulbs := derivedCard("What will happen to the other 2 bulbs if the middle bulb burns out?",
		"If the middle bulb burns out the other 2 bulbs will stay lit.")
	for _, tc := range []struct {
		name   string
		r      Result
		covers bool // every point covered (else: every point of a word the answer says contradicted)
	}{
		{"looser, lower", Grade(pitch, "When the string is looser the pitch is lower."), true},
		{"tighter, higher", Grade(pitch, "The string got tighter and the pitch went higher."), true},
		{"tighter, lower", Grade(pitch, "The tighter string makes a lower sound."), false},
	} {
		for _, p := range tc.r.Points {
			if tc.covers && (!p.Covered || p.Contradicted) || !tc.covers && (p.Covered || !p.Contradicted) {
				t.Errorf("%s (score %d): %+v", tc.name, tc.r.Score, p)
			}
		}
	}
	const stayLit = "If the middle bulb burns out the other 2 bulbs will stay lit"
	r := Grade(bulbs, "They will not go out because it is a parallel circuit.")
	if p := point(t, r, stayLit); !p.Covered || r.Score < 50 {
		t.Errorf("stay lit said as \"will not go out\": %+v, score %d", p, r.Score)
	}
	r = Grade(bulbs, "The other bulbs will go out too.")
	if p := point(t, r, stayLit); p.Covered {
		t.Errorf("\"will go out\" covers stay lit: %+v", p)
	}
}

// A point is covered by the score's reading only when every one of its
// words agrees: an answer about GCN, GraphSAGE and GAT that says
// "aggregates", "neighbour" and "learns" covers none of the imported
// message-passing card's points.
func TestDerivedPointsNeedEveryWord(t *testing.T) {
	c := seedCard(t, "What is message passing in GNNs?")
	r := Grade(c, "GCN aggregates normalized neighbour features; GraphSAGE samples neighbours and concatenates; GAT learns attention weights.")
	for _, p := range r.Points {
		if p.Covered {
			t.Errorf("%q covered by an answer to another question", p.Label)
		}
	}
}
