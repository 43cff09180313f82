package interview

// SuggestRating proposes the 1–4 self rating of an answer from its score
// after self-grading and the time it took, by the same score bands as the
// schedules' Review.Grade, with time deciding between neighbours:
//
//   - Again: skipped, or scored below 40.
//   - Hard: scored 40–59; or 60–84 when the time ran out.
//   - Good: scored 60–84 in time; or 85 and above using more than half the time.
//   - Easy: scored 85 and above within half the time.
//
// The review proposes it (Enter accepts) and the record keeps it beside
// the rating chosen. An unanswered question gets NoRating.
func SuggestRating(q *QuestionRecord) Rating {
	score := q.Adjusted
	switch {
	case q.Outcome == Pending:
		return NoRating
	case q.Outcome == Skipped || score < 40:
		return Again
	case score < 60:
		return Hard
	case score < 85:
		if q.Outcome == TimedOut {
			return Hard
		}
		return Good
	case q.Outcome == TimedOut || q.TimeLimit <= 0 || 2*q.TimeUsed > q.TimeLimit:
		return Good
	}
	return Easy
}
