package report

import (
	"time"

	"grill/grading"
	"grill/interview"
)

// t0 is the start of the sample session: 25 November 2026, 17:18:49 UTC.
var t0 = time.Date(2026, 11, 25, 17, 18, 49, 0, time.UTC)

// sampleRecord returns an ended session of three questions started at
// start: one submitted and self-graded, one timed out, one skipped.
func sampleRecord(start time.Time) *interview.Record {
	return &interview.Record{
		SchemaVersion: interview.SchemaVersion,
		ID:            start.UTC().Format("20060102T150405Z"),
		Started:       start,
		Ended:         start.Add(9 * time.Minute),
		Settings:      interview.Settings{Topics: []string{"gnn", "diffusion"}, Count: 3, TimeLimit: 3 * time.Minute, Order: interview.OrderMixed, Seed: 7},
		DeckSources:   []string{"built-in"},
		Plan:          []string{"gnn/message-passing", "diffusion/forward-process", "gnn/readout"},
		Current:       2,
		Questions: []interview.QuestionRecord{
			{
				CardID: "gnn/message-passing", Topic: "gnn", Question: "What is message passing in GNNs?",
				TimeLimit: 3 * time.Minute, TimeUsed: 133 * time.Second, Outcome: interview.Submitted,
				Answer:  "Each node aggregates messages from its neighbours, then updates its own features.",
				AskedAt: start, EndedAt: start.Add(133 * time.Second),
				Grade: grading.Result{Score: 60, Points: []grading.PointResult{
					{Label: "Aggregate from neighbours", Weight: 1, Covered: true, Spans: []grading.Span{{Start: 10, End: 20}}},
					{Label: "Update with own features", Weight: 2, Covered: true},
					{Label: "Stack layers for k-hop", Weight: 2, Covered: false},
				}},
				Overrides: map[int]bool{2: true},
				Adjusted:  100, Rating: interview.Good, RatedAt: start.Add(150 * time.Second),
				LLM: &interview.LLMRecord{Model: "llama3", Host: "localhost:11434", PromptVersion: "1", Latency: 1200 * time.Millisecond,
					Verdict: map[string]any{"score": 70.0, "feedback": "Good, but *mention* depth.", "follow_up": "What is over-smoothing?"}},
			},
			{
				CardID: "diffusion/forward-process", Topic: "diffusion", Question: "What is the forward process?",
				TimeLimit: 3 * time.Minute, TimeUsed: 3 * time.Minute, Outcome: interview.TimedOut,
				Answer:  "It adds Gaussian noise step by step.",
				AskedAt: start.Add(3 * time.Minute), EndedAt: start.Add(6 * time.Minute),
				Grade: grading.Result{Score: 40, Points: []grading.PointResult{
					{Label: "Adds Gaussian noise", Weight: 1, Covered: true},
					{Label: "Fixed variance schedule", Weight: 1, Covered: false, Negated: true},
				}},
				Adjusted: 40, Rating: interview.Hard, RatedAt: start.Add(6*time.Minute + 10*time.Second),
			},
			{
				CardID: "gnn/readout", Topic: "gnn", Question: "What is a readout function?",
				TimeLimit: 3 * time.Minute, TimeUsed: 20 * time.Second, Outcome: interview.Skipped,
				AskedAt: start.Add(7 * time.Minute), EndedAt: start.Add(7*time.Minute + 20*time.Second),
				Grade:  grading.Result{Score: 0, Points: []grading.PointResult{{Label: "Pools node embeddings", Weight: 1}}},
				Rating: interview.Again, RatedAt: start.Add(8 * time.Minute),
			},
		},
	}
}

// inProgress returns the sample session, still being asked its second
// question.
func inProgress(start time.Time) *interview.Record {
	rec := sampleRecord(start)
	rec.Ended = time.Time{}
	rec.Current = 1
	rec.Questions = rec.Questions[:2]
	q := &rec.Questions[1]
	q.Outcome, q.EndedAt, q.Grade, q.Adjusted, q.Rating, q.RatedAt = interview.Pending, time.Time{}, grading.Result{}, 0, interview.NoRating, time.Time{}
	q.Answer, q.TimeUsed = "It adds Gaussian no", 42*time.Second
	return rec
}
