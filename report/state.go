package report

import (
	"grill/grading"
	"grill/interview"
)

// PointState is what became of one key point (or misconception) of an
// answer, as every rendering of a record shows it.
type PointState string

// The states of a key point. Wrong is a misconception the answer asserts;
// the others are key points of the card.
const (
	StateCovered      PointState = "covered"      // explained in the answer
	StateListed       PointState = "listed"       // named in a bare list of terms, partly counted
	StateContradicted PointState = "contradicted" // the answer says the opposite
	StateWrong        PointState = "wrong"        // a misconception the answer asserts
	StateMissed       PointState = "missed"       // not in the answer
)

// States lists every state, in the order a legend shows them.
var States = []PointState{StateCovered, StateListed, StateContradicted, StateWrong, StateMissed}

// Mark is the one-character mark of a state, as in the review screen.
func (s PointState) Mark() string {
	switch s {
	case StateCovered:
		return "✓"
	case StateListed:
		return "~"
	}
	return "✗" // contradicted, wrong and missed; the text tells them apart
}

// Text is how a report words a state.
func (s PointState) Text() string {
	switch s {
	case StateListed:
		return "listed, not explained"
	case StateWrong:
		return "wrong claim"
	}
	return string(s)
}

// PointRow is one line of the key points of an answer: a key point's
// verdict after self-grading.
type PointRow struct {
	Label  string
	Weight float64
	State  PointState
	// SelfGraded is set when the candidate's override changed the
	// grader's verdict; Grader is then what the grader said.
	SelfGraded bool
	Grader     PointState
	Spans      []grading.Span // where the answer matched it (its evidence)
}

// PointRows returns the key points of q with their states, in card order,
// then the misconceptions the answer asserts (StateWrong); none for a
// question not answered yet. A self-graded point is covered or missed as
// the candidate said; a misconception is not self-graded.
func PointRows(q *interview.QuestionRecord) []PointRow {
	if q.Outcome == interview.Pending {
		return nil
	}
	rows := make([]PointRow, 0, len(q.Grade.Points)+len(q.Grade.Misconceptions))
	for j, p := range q.Grade.Points {
		row := PointRow{Label: p.Label, Weight: p.Weight, State: graderState(p), Spans: Evidence(p)}
		if v, ok := q.Overrides[j]; ok && v != p.Covered {
			row.SelfGraded, row.Grader = true, row.State
			row.State = StateMissed
			if v {
				row.State = StateCovered
			}
		}
		rows = append(rows, row)
	}
	for _, m := range q.Grade.Misconceptions {
		if m.Asserted {
			rows = append(rows, PointRow{Label: m.Label, Weight: m.Weight, State: StateWrong, Spans: m.Spans})
		}
	}
	return rows
}

// Evidence returns the spans of the answer that show a point's verdict:
// for a contradicted point the words that contradict it, otherwise where
// the point matched.
func Evidence(p grading.PointResult) []grading.Span {
	if p.Contradicted && len(p.Evidence) > 0 {
		return p.Evidence
	}
	return p.Spans
}

// graderState is the state the offline grader gave a point. A record of
// the earlier format has no Contradicted: Negated alone meant the point was
// stated negated, which is a contradiction.
func graderState(p grading.PointResult) PointState {
	switch {
	case p.Covered:
		return StateCovered
	case p.Contradicted, p.Negated:
		return StateContradicted
	case p.Listed:
		return StateListed
	}
	return StateMissed
}
