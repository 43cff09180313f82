package interview

import (
	"slices"
	"strings"
	"time"

	"grill/decks"
)

// The kinds of session (Settings.Mode).
const (
	ModePractice  = ""          // a practice round: a review after every answer
	ModeInterview = "interview" // grill interview: one clock, no review until the end, a scorecard
)

// What comes after an answer is decided here, in one place for both kinds
// of session. In a practice round an answer is reviewed and rated; rating
// it asks its next follow-up (NextFollowUp), else the next question, else
// ends the session. In an interview an answer is not reviewed: submitting
// it goes straight on the same way, until the questions run out or the
// round's clock does; then the debrief reviews every answer, one after
// another, and rating the last one ends the session.

// cur returns the record of what is asked or reviewed now: question
// Current, or its follow-up. The caller holds the lock.
func (s *Session) cur() *QuestionRecord {
	q := &s.rec.Questions[s.rec.Current]
	if k := s.rec.FollowUp; k > 0 && k <= len(q.FollowUps) {
		return &q.FollowUps[k-1]
	}
	return q
}

// at returns the record of follow-up k (1-based) of question i, or of the
// question itself when k is 0 or out of range. The caller holds the lock.
func (s *Session) at(i, k int) *QuestionRecord {
	q := &s.rec.Questions[i]
	if k > 0 && k <= len(q.FollowUps) {
		return &q.FollowUps[k-1]
	}
	return q
}

// cardAt returns the card of follow-up k of question i (of question i
// itself when k is 0). The caller holds the lock.
func (s *Session) cardAt(i, k int) *decks.Card {
	if k <= 0 || k > len(s.rec.Questions[i].FollowUps) {
		return s.cards[i]
	}
	if i == s.rec.Current && k == s.rec.FollowUp && s.fcard != nil {
		return s.fcard
	}
	if c, err := followUpCardOf(s.cards[i], &s.rec.Questions[i].FollowUps[k-1]); err == nil {
		return c
	}
	return s.cards[i]
}

// curCard returns the card of what is asked or reviewed now.
func (s *Session) curCard() *decks.Card {
	if s.rec.FollowUp > 0 && s.fcard != nil {
		return s.fcard
	}
	return s.cards[s.rec.Current]
}

// interviewing reports whether an interview's round is running (answers
// are not reviewed). The caller holds the lock.
func (s *Session) interviewing() bool {
	return s.rec.Settings.Mode == ModeInterview && !s.rec.Debrief && s.rec.Ended.IsZero()
}

// roundUsed returns the time used so far on every question and follow-up
// of the session, with the one being asked counted up to now.
func (s *Session) roundUsed(now time.Time) time.Duration {
	var total time.Duration
	for i := range s.rec.Questions {
		q := &s.rec.Questions[i]
		total += q.TimeUsed
		for _, f := range q.FollowUps {
			total += f.TimeUsed
		}
	}
	if !s.rec.Questions[s.rec.Current].AskedAt.IsZero() && s.phase() == Asking {
		total += s.used(now) - s.cur().TimeUsed
	}
	return total
}

// roundLeft returns the time left on an interview's round clock, never
// below zero, from the time recorded as used (not counting the question
// being asked since it was last recorded).
func (s *Session) roundLeft() time.Duration {
	var total time.Duration
	for i := range s.rec.Questions {
		q := &s.rec.Questions[i]
		total += q.TimeUsed
		for _, f := range q.FollowUps {
			total += f.TimeUsed
		}
	}
	return max(s.rec.Settings.RoundLimit-total, 0)
}

// capToRound limits the time for a new question to what is left of the
// round, in an interview.
func (s *Session) capToRound(limit time.Duration) time.Duration {
	if s.rec.Settings.Mode == ModeInterview && s.rec.Settings.RoundLimit > 0 {
		return min(limit, s.roundLeft())
	}
	return limit
}

// roundOver reports whether an interview's round clock has run out.
func (s *Session) roundOver() bool {
	return s.rec.Settings.Mode == ModeInterview && s.rec.Settings.RoundLimit > 0 && s.roundLeft() <= 0
}

// RoundRemaining returns the time left on an interview's round clock, and
// false for a practice round.
func (s *Session) RoundRemaining() (time.Duration, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.rec.Settings
	if st.Mode != ModeInterview || st.RoundLimit <= 0 {
		return 0, false
	}
	if s.phase() == Finished || s.rec.Debrief {
		return s.roundLeft(), true
	}
	return max(st.RoundLimit-s.roundUsed(s.clock.Now()), 0), true
}

// IsInterview reports whether the session is an interview.
func (s *Session) IsInterview() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.Settings.Mode == ModeInterview
}

// Debriefing reports whether an interview's round is over and its answers
// are under review.
func (s *Session) Debriefing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.Debrief && s.rec.Ended.IsZero()
}

// FollowUp returns 0 while a question itself is asked or reviewed, and k
// while its k-th follow-up is.
func (s *Session) FollowUp() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.FollowUp
}

// Scorecard returns a copy of the interview's scorecard, nil before its
// round ended or for a practice round.
func (s *Session) Scorecard() *Scorecard {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.Scorecard.clone()
}

// advance goes on after the current answer was rated (or, in an
// interview's round, submitted). The caller holds the lock.
func (s *Session) advance(now time.Time) {
	if s.rec.Debrief {
		s.nextReview(now)
		return
	}
	if !s.roundOver() {
		parent := &s.rec.Questions[s.rec.Current]
		if fu := NextFollowUp(s.cards[s.rec.Current], parent, s.rec.Settings.FollowUps); fu != nil {
			s.askFollowUp(fu, now)
			return
		}
		if len(s.rec.Questions) < len(s.cards) {
			s.ask(now)
			return
		}
	}
	if s.rec.Settings.Mode == ModeInterview {
		s.startDebrief(now)
		return
	}
	s.finish(now)
}

// askFollowUp starts follow-up c of question Current.
func (s *Session) askFollowUp(c *decks.Card, now time.Time) {
	q := &s.rec.Questions[s.rec.Current]
	origin := OriginDeck
	if strings.HasSuffix(c.ID, "/llm-follow-up") && c.Line == 0 {
		origin = OriginLLM
	}
	q.FollowUps = append(q.FollowUps, QuestionRecord{
		CardID:    c.ID,
		Topic:     c.Topic,
		Question:  c.Question,
		TimeLimit: s.capToRound(followUpLimit(c)),
		AskedAt:   now,
		Probes:    c.Probes,
		Origin:    origin,
	})
	s.rec.FollowUp = len(q.FollowUps)
	s.fcard = c
	s.segStart = now
	s.usedBefore = 0
	s.dirty = false
}

// reviewOrder lists, in the order asked, every answered question and
// follow-up as (question, follow-up) positions.
func (s *Session) reviewOrder() [][2]int {
	var out [][2]int
	for i, q := range s.rec.Questions {
		if q.Outcome != Pending {
			out = append(out, [2]int{i, 0})
		}
		for k, f := range q.FollowUps {
			if f.Outcome != Pending {
				out = append(out, [2]int{i, k + 1})
			}
		}
	}
	return out
}

// startDebrief ends an interview's round: the scorecard is made and the
// first answer comes up for review.
func (s *Session) startDebrief(now time.Time) {
	s.rec.Debrief = true
	s.rec.Scorecard = BuildScorecard(&s.rec, s.pointHistory())
	order := s.reviewOrder()
	if len(order) == 0 {
		s.finish(now)
		return
	}
	s.moveTo(order[0])
}

// nextReview moves the debrief to the answer after the current one, or
// ends the session after the last.
func (s *Session) nextReview(now time.Time) {
	order := s.reviewOrder()
	at := slices.Index(order, [2]int{s.rec.Current, s.rec.FollowUp})
	if at < 0 || at+1 >= len(order) {
		s.finish(now)
		return
	}
	s.moveTo(order[at+1])
}

// moveTo makes the answer at pos the current one.
func (s *Session) moveTo(pos [2]int) {
	s.rec.Current, s.rec.FollowUp = pos[0], pos[1]
	s.fcard = nil
	if pos[1] > 0 {
		q := &s.rec.Questions[pos[0]]
		if c, err := followUpCardOf(s.cards[pos[0]], &q.FollowUps[pos[1]-1]); err == nil {
			s.fcard = c
		}
	}
	if s.fcard == nil && pos[1] > 0 {
		// Cannot happen for a follow-up asked in this process; a resumed
		// one whose card went away is reviewed against its parent.
		s.fcard = s.cards[pos[0]]
	}
}

// finish ends the session; an interview gets its final scorecard, after
// the candidate's own corrections.
func (s *Session) finish(now time.Time) {
	s.rec.Ended = now
	if s.rec.Settings.Mode == ModeInterview {
		s.rec.Scorecard = BuildScorecard(&s.rec, s.pointHistory())
	}
}

// markDraft records that the draft of q was n bytes long at time used.
// Only growth is recorded, at most one mark a second: the marks say when
// the answer first reached each length.
func markDraft(q *QuestionRecord, used time.Duration, n int) {
	at := used.Truncate(time.Second)
	last := len(q.Drafting) - 1
	if last >= 0 && n <= q.Drafting[last].Chars {
		return
	}
	if last >= 0 && q.Drafting[last].At == at {
		q.Drafting[last].Chars = n
		return
	}
	if len(q.Drafting) < maxDraftMarks {
		q.Drafting = append(q.Drafting, DraftMark{At: at, Chars: n})
	}
}

// maxDraftMarks bounds the drafting marks kept per question.
const maxDraftMarks = 1800

// ReachedAt returns when the draft of q first reached n bytes, from its
// drafting marks; false when it never did (or was not recorded).
func (q *QuestionRecord) ReachedAt(n int) (time.Duration, bool) {
	for _, m := range q.Drafting {
		if m.Chars >= n {
			return m.At, true
		}
	}
	return 0, false
}

// EasierFirst returns cards ordered by difficulty, easier first, keeping
// the given order among cards of the same difficulty.
func EasierFirst(cards []*decks.Card) []*decks.Card {
	out := slices.Clone(cards)
	slices.SortStableFunc(out, func(a, b *decks.Card) int { return difficulty(a) - difficulty(b) })
	return out
}

func difficulty(c *decks.Card) int {
	if c.Difficulty == 0 {
		return 2
	}
	return c.Difficulty
}
