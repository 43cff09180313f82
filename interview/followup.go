package interview

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"grill/decks"
	"grill/grading"
	"grill/llm"
)

// DefaultFollowUpTime is the time allowed for a follow-up question that
// does not set its own.
const DefaultFollowUpTime = 90 * time.Second

// When follow-up questions are asked (Settings.FollowUps,
// session.follow_ups, --follow-ups).
const (
	FollowUpsMissed = "missed" // a follow-up whose probed key point was missed
	FollowUpsAlways = "always" // every follow-up of the card
	FollowUpsOff    = "off"    // none
)

// FollowUpPolicies lists the valid values of Settings.FollowUps, the default first.
var FollowUpPolicies = []string{FollowUpsMissed, FollowUpsAlways, FollowUpsOff}

// Where a follow-up question came from (QuestionRecord.Origin).
const (
	OriginDeck = "deck" // written in the deck, a "Follow-up:" sub-card
	OriginLLM  = "llm"  // the LLM's follow-up question, graded against a missed point
)

// ValidFollowUps reports whether p is a valid follow-up policy ("" is the default).
func ValidFollowUps(p string) bool { return p == "" || slices.Contains(FollowUpPolicies, p) }

// followUpLimit is the time allowed for follow-up card c.
func followUpLimit(c *decks.Card) time.Duration {
	if c.TimeLimit > 0 {
		return c.TimeLimit
	}
	return DefaultFollowUpTime
}

// NextFollowUp returns the follow-up to ask after question q of card, or
// nil: with policy "always", the card's next written follow-up; with
// "missed" (or ""), the next written one whose probed key point q missed
// (after the candidate's own overrides; a follow-up that probes no point in
// particular is asked when the score is below 60); then, when no written
// follow-up probes a point q missed and the LLM's verdict on q asked a
// follow-up question, that question, graded against the weightiest such
// point. A skipped question, a follow-up itself, and policy "off" get none;
// a follow-up is never asked twice.
func NextFollowUp(card *decks.Card, q *QuestionRecord, policy string) *decks.Card {
	if policy == FollowUpsOff || q.Outcome == Pending || q.Outcome == Skipped || card.Parent != "" {
		return nil
	}
	asked := map[string]bool{}
	for _, f := range q.FollowUps {
		asked[f.CardID] = true
	}
	missed := q.missedLabels()
	for _, f := range card.FollowUps {
		if asked[f.ID] {
			continue
		}
		switch {
		case policy == FollowUpsAlways:
			return f
		case f.Probes == "" && q.Adjusted < 60:
			return f
		case f.Probes != "" && missed[normLabel(f.Probes)]:
			return f
		}
	}
	if policy == FollowUpsAlways && len(q.FollowUps) > 0 {
		// The written follow-ups were asked; the LLM's comes only instead.
		return nil
	}
	return llmFollowUp(card, q, missed, asked)
}

// llmFollowUp is the LLM's follow-up question on q as a card of its own,
// graded against the weightiest key point q missed that no written
// follow-up probes; nil when there is none.
func llmFollowUp(card *decks.Card, q *QuestionRecord, missed map[string]bool, asked map[string]bool) *decks.Card {
	question := verdictFollowUp(q.LLM)
	id := card.ID + "/llm-follow-up"
	if question == "" || asked[id] {
		return nil
	}
	probed := map[string]bool{}
	for _, f := range card.FollowUps {
		probed[normLabel(f.Probes)] = true
	}
	var best *decks.KeyPoint
	kps := grading.KeyPoints(card)
	for i := range kps {
		k := &kps[i]
		l := normLabel(k.Label)
		if missed[l] && !probed[l] && (best == nil || k.Weight > best.Weight) {
			best = k
		}
	}
	if best == nil {
		return nil
	}
	kp := *best
	kp.Weight = 1
	return &decks.Card{
		ID:         id,
		Topic:      card.Topic,
		Question:   question,
		Answer:     card.Answer,
		KeyPoints:  []decks.KeyPoint{kp},
		Source:     card.Source,
		Difficulty: card.Difficulty,
		Probes:     best.Label,
		Parent:     card.ID,
	}
}

// followUpCardOf finds the card of follow-up record f of card, for a
// resumed session: the written sub-card with its id, or the LLM's question
// rebuilt from the record.
func followUpCardOf(card *decks.Card, f *QuestionRecord) (*decks.Card, error) {
	for _, c := range card.FollowUps {
		if c.ID == f.CardID {
			return c, nil
		}
	}
	if f.Origin == OriginLLM {
		for _, k := range grading.KeyPoints(card) {
			if normLabel(k.Label) == normLabel(f.Probes) {
				k.Weight = 1
				return &decks.Card{
					ID: f.CardID, Topic: card.Topic, Question: f.Question, Answer: card.Answer,
					KeyPoints: []decks.KeyPoint{k}, Source: card.Source, Difficulty: card.Difficulty,
					Probes: k.Label, Parent: card.ID,
				}, nil
			}
		}
	}
	return nil, fmt.Errorf("follow-up %s of card %s is no longer in the decks", f.CardID, card.ID)
}

// missedLabels returns the normalised labels of the key points q counts as
// missed, after the candidate's overrides.
func (q *QuestionRecord) missedLabels() map[string]bool {
	m := map[string]bool{}
	for i, p := range q.Grade.Points {
		if !q.Covered(i) {
			m[normLabel(p.Label)] = true
		}
	}
	return m
}

// normLabel is a key point label as probes compare it: case and spacing do
// not matter.
func normLabel(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// verdictFollowUp is the follow-up question of a valid LLM verdict kept in
// l, or "".
func verdictFollowUp(l *LLMRecord) string {
	if l == nil || l.Verdict == nil || l.Error != "" {
		return ""
	}
	if v := l.Verdict; v.Valid && !v.Untrusted {
		return strings.TrimSpace(v.FollowUp)
	}
	return ""
}

// AwaitingLLM reports whether the answer under review has been rated and
// waits for its LLM verdict, which may bring a follow-up question, before
// the session moves on. GoOn moves on without it.
func (s *Session) AwaitingLLM() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.waiting && s.phase() == Reviewing
}

// GoOn moves on from a rated answer that waits for its LLM verdict (see
// AwaitingLLM), without the LLM's follow-up question; the verdict is still
// recorded when it comes. It does nothing when no answer waits.
func (s *Session) GoOn() {
	s.mu.Lock()
	if !s.waiting || s.phase() != Reviewing {
		s.mu.Unlock()
		return
	}
	s.waiting = false
	s.advance(s.clock.Now())
	s.unlockAndNotify()
}

// pos is the (question, follow-up) position of the current answer. The
// caller holds the lock.
func (s *Session) pos() [2]int { return [2]int{s.rec.Current, s.rec.FollowUp} }

// llmFollowUpPossible reports whether the LLM's verdict on the current
// answer, not yet in, could bring the next follow-up question: no written
// follow-up is due, and a point the answer missed has none probing it. The
// caller holds the lock.
func (s *Session) llmFollowUpPossible() bool {
	if s.rec.Debrief || s.rec.FollowUp > 0 || s.roundOver() {
		return false
	}
	q := &s.rec.Questions[s.rec.Current]
	card, policy := s.cards[s.rec.Current], s.rec.Settings.FollowUps
	if q.LLM != nil || NextFollowUp(card, q, policy) != nil {
		return false
	}
	probe := *q
	probe.LLM = &LLMRecord{Verdict: &llm.Verdict{Valid: true, FollowUp: "?"}}
	return NextFollowUp(card, &probe, policy) != nil
}
