// Package grading scores a typed answer against the key points of a card,
// offline and deterministically, and asks an optional LLM for feedback.
package grading

// Span is a half-open byte range [Start, End) of the answer text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// PointResult is the verdict on one key point.
type PointResult struct {
	Label   string  `json:"label"`
	Weight  float64 `json:"weight"`
	Covered bool    `json:"covered"`
	Negated bool    `json:"negated,omitempty"` // matched, but stated negated: not counted
	Spans   []Span  `json:"spans,omitempty"`   // where in the answer it matched
}

// Result is the grader's verdict on one answer.
type Result struct {
	Score  int           `json:"score"` // 0–100, weighted share of key points covered
	Points []PointResult `json:"points"`
}
