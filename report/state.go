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
	case StateContradicted:
		return "✗"
	case StateWrong:
		return "⚠"
	}
	return "✗"
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

// PointRows returns the key points of q with their states, in card order;
// none for a question not answered yet. A self-graded point is covered or
// missed as the candidate said.
func PointRows(q *interview.QuestionRecord) []PointRow {
	if q.Outcome == interview.Pending {
		return nil
	}
	rows := make([]PointRow, 0, len(q.Grade.Points))
	for j, p := range q.Grade.Points {
		row := PointRow{Label: p.Label, Weight: p.Weight, State: graderState(p), Spans: p.Spans}
		if v, ok := q.Overrides[j]; ok && v != p.Covered {
			row.SelfGraded, row.Grader = true, row.State
			row.State = StateMissed
			if v {
				row.State = StateCovered
			}
		}
		rows = append(rows, row)
	}
	return rows
}

// graderState is the state the offline grader gave a point.
func graderState(p grading.PointResult) PointState {
	switch {
	case p.Covered:
		return StateCovered
	case p.Negated:
		return StateContradicted
	case p.Listed:
		return StateListed
	}
	return StateMissed
}
