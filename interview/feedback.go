package interview

import (
	"context"
	"strings"

	"grill/grading"
	"grill/llm"
)

// FeedbackPlan is what a review shows about LLM feedback on one answered
// question, decided by Session.PlanFeedback.
type FeedbackPlan struct {
	// Stored is feedback already in the record (a resumed session, a
	// review shown again): show it, ask nothing.
	Stored *LLMRecord
	// Note, when not empty, says on one line why no feedback is asked for.
	Note string
	// Ask is true when a request should be made with AskFeedback.
	Ask bool
	// Injection lists what the answer does to instruct the grader, if
	// anything (llm.DetectInjection), to flag before the reply arrives.
	Injection []string
}

// PlanFeedback decides what to do about LLM feedback on answered question
// i, with client the configured LLM (nil when none): show what the record
// already holds (unless it is a failure and an LLM can be asked again),
// explain why nothing is asked (a skipped question, an empty answer), or
// ask.
func (s *Session) PlanFeedback(i int, client *llm.Client) FeedbackPlan {
	return s.PlanFeedbackAt(i, 0, client)
}

// PlanFeedbackAt is PlanFeedback for follow-up k (1-based) of question i,
// or for the question itself when k is 0.
func (s *Session) PlanFeedbackAt(i, k int, client *llm.Client) FeedbackPlan {
	s.mu.Lock()
	q := s.at(i, k).clone()
	s.mu.Unlock()
	var p FeedbackPlan
	if q.LLM != nil && q.LLM.Injection {
		p.Injection = llm.DetectInjection(q.Answer)
	}
	switch {
	case q.LLM != nil && (q.LLM.Error == "" || client == nil):
		p.Stored = q.LLM
	case client == nil:
	case q.Outcome == Skipped:
		p.Note = "No LLM feedback for a skipped question."
	case strings.TrimSpace(q.Answer) == "":
		p.Note = "No LLM feedback: there is no answer to send."
	default:
		p.Ask = true
		p.Injection = llm.DetectInjection(q.Answer)
	}
	return p
}

// AskFeedback asks client for its verdict on answered question i, with the
// card's key points and the offline score to compare with, records the
// outcome in the session (SetLLM) and returns it. While the reply streams
// in, onPreview (if not nil) is called with each new readable preview of it
// (llm.StreamPreview), on the caller's goroutine. Cancelling ctx stops the
// request; the failure is recorded like any other. A UI runs AskFeedback on
// a goroutine of its own and forwards what it observes to its event loop.
func (s *Session) AskFeedback(ctx context.Context, client *llm.Client, i int, onPreview func(preview string)) *LLMRecord {
	return s.AskFeedbackAt(ctx, client, i, 0, onPreview)
}

// AskFeedbackAt is AskFeedback for follow-up k (1-based) of question i, or
// for the question itself when k is 0. A follow-up is judged against its
// own key points (the LLM's follow-up, against the missed point it probes).
func (s *Session) AskFeedbackAt(ctx context.Context, client *llm.Client, i, k int, onPreview func(preview string)) *LLMRecord {
	s.mu.Lock()
	card, q := s.cardAt(i, k), s.at(i, k).clone()
	if s.asking == nil {
		s.asking = map[[2]int]bool{}
	}
	s.asking[[2]int{i, k}] = true
	s.mu.Unlock()
	shown := ""
	onDelta := func(text string) {
		p := llm.StreamPreview(text)
		if p == "" || p == shown || ctx.Err() != nil || onPreview == nil {
			return
		}
		shown = p
		onPreview(p)
	}
	v, err := client.Feedback(ctx, card, grading.KeyPoints(card), q.Answer, q.Grade.Score, onDelta)
	rec := feedbackRecord(client, v, err, llm.DetectInjection(q.Answer))
	_ = s.SetLLMAt(i, k, rec) // i is answered: SetLLM cannot refuse it
	return rec
}

// feedbackRecord is what the session record keeps of one request: the
// model, the endpoint's host, the prompt version, the latency and the
// verdict, or the one-line failure.
func feedbackRecord(client *llm.Client, v *llm.Verdict, err error, injection []string) *LLMRecord {
	if err != nil || v == nil {
		return &LLMRecord{
			Model:         client.Model(),
			Host:          client.Host(),
			PromptVersion: llm.PromptVersion,
			Error:         llm.ErrorLine(err),
			Injection:     len(injection) > 0,
		}
	}
	return &LLMRecord{
		Model:         v.Model,
		Host:          v.Host,
		PromptVersion: v.PromptVersion,
		Latency:       v.Latency,
		Verdict:       v,
		Injection:     v.Injection,
	}
}
