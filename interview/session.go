package interview

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"grill/decks"
	"grill/grading"
)

// DefaultTimeLimit is the time per question when neither the card, the
// session settings nor the deck give one.
const DefaultTimeLimit = 3 * time.Minute

// Phase is where a session stands.
type Phase int

// The phases of a session. A question is asked, then reviewed (after it was
// submitted, timed out or skipped), then rated, which asks the next one.
const (
	Asking Phase = iota
	Reviewing
	Finished
)

// String returns "asking", "reviewing" or "finished".
func (p Phase) String() string {
	switch p {
	case Asking:
		return "asking"
	case Reviewing:
		return "reviewing"
	default:
		return "finished"
	}
}

// ErrPhase is returned by a Session method called in a phase where it does
// not apply, such as Rate while a question is still being asked.
var ErrPhase = errors.New("not possible at this point of the session")

// Options are what a Session needs besides its cards and settings.
type Options struct {
	// Clock is the time source; nil means RealClock.
	Clock Clock
	// Ranker ranks cards for the orders "weakest" and "due"; nil means no
	// history, and those orders fall back to "mixed".
	Ranker Ranker
	// OnChange is called after every change of state (a question asked,
	// answered, re-graded, rated, the session ended) and by FlushDraft, with
	// a copy of the record that the callee may keep. It is called on the
	// goroutine that made the change, after the session's lock is released,
	// one call at a time and in the order of the changes (the LLM feedback
	// lands from another goroutine than the UI's), so the last call always
	// has the newest record. It must not call back into the Session.
	OnChange func(Record)
	// Cards, when set, are the questions to ask, in this order, instead of
	// the ones Select would pick (grill start --retry).
	Cards []*decks.Card
	// Points is the per-key-point history of past sessions; an interview's
	// scorecard ranks what to study next by it. Nil means no history.
	Points *PointHistory
	// PointsFunc, when Points is nil, gives the per-key-point history when
	// the scorecard first needs it, so that a long history is not read
	// before the first question. It must be safe to call from any
	// goroutine.
	PointsFunc func() *PointHistory
}

// Session is one timed interview: a fixed list of cards asked one at a time.
// Its whole state lives in a Record. All methods are safe for concurrent
// use; the UI calls the mutating ones from its event loop and reads
// Remaining from its countdown goroutine.
type Session struct {
	mu       sync.Mutex
	notifyMu sync.Mutex // held while OnChange runs; taken before mu is released
	clock    Clock
	onChange func(Record)
	lib      *decks.Library
	cards    []*decks.Card
	rec      Record
	points   *PointHistory
	pointsFn func() *PointHistory // loads points when nil (Options.PointsFunc)
	fcard    *decks.Card          // the card of the follow-up being asked or reviewed

	// asking holds the (question, follow-up) positions whose LLM feedback
	// is being asked for (AskFeedbackAt); waiting is set while a rated
	// answer waits for its LLM verdict before moving on (AwaitingLLM).
	asking  map[[2]int]bool
	waiting bool

	segStart   time.Time     // when the current question was (re)started
	usedBefore time.Duration // time used on it before segStart
	dirty      bool          // draft changed since the last OnChange
}

// New selects the cards of a session from lib with settings s and asks the
// first one. A zero s.Seed is replaced by one drawn from the clock, and the
// record keeps the seed used, so that any session can be replayed.
func New(lib *decks.Library, s Settings, opt Options) (*Session, error) {
	clock := opt.Clock
	if clock == nil {
		clock = RealClock{}
	}
	now := clock.Now()
	if s.Seed == 0 {
		s.Seed = now.UnixNano()
	}
	if s.Order == "" {
		s.Order = OrderMixed
	}
	if !ValidFollowUps(s.FollowUps) {
		return nil, fmt.Errorf("follow-ups %q is not one of %s", s.FollowUps, strings.Join(FollowUpPolicies, ", "))
	}
	cards := opt.Cards
	if len(cards) == 0 {
		var err error
		if cards, err = Select(lib, s, opt.Ranker); err != nil {
			return nil, err
		}
	}
	if s.Mode == ModeInterview {
		cards = EasierFirst(cards)
	}
	topics, _ := chooseTopics(lib, s.Topics)
	s.Topics = nil
	var sources []string
	for _, t := range topics {
		s.Topics = append(s.Topics, t.ID)
		if t.Source != "" && !slices.Contains(sources, t.Source) {
			sources = append(sources, t.Source)
		}
	}
	s.Count = len(cards)
	plan := make([]string, len(cards))
	for i, c := range cards {
		plan[i] = c.ID
	}
	ss := &Session{
		clock:    clock,
		onChange: opt.OnChange,
		lib:      lib,
		cards:    cards,
		points:   opt.Points,
		pointsFn: opt.PointsFunc,
		rec: Record{
			SchemaVersion: SchemaVersion,
			ID:            now.UTC().Format("20060102T150405Z"),
			Started:       now,
			Settings:      s,
			DeckSources:   sources,
			Plan:          plan,
		},
	}
	ss.mu.Lock()
	ss.ask(now)
	ss.unlockAndNotify()
	return ss, nil
}

// Resume continues a session that was interrupted (the program was killed,
// its terminal closed, or the candidate pressed Ctrl+C), from its last saved
// record rec, as from Store.Resumable. The cards are looked up in lib from
// rec.Plan; the session keeps rec's id and start time, so that later saves
// go to the same file, and every answer given so far. A question being
// asked gets its draft back and the time that was left when the record was
// saved: its clock restarts now, at TimeLimit − TimeUsed. A question that
// had been answered but not yet rated is under review again.
//
// Resume reports the resumed state to OnChange. It fails, naming the
// session, when the record has ended, or when a card of its plan is no
// longer in the decks, the record does not follow its plan, or an answer
// is longer than MaxAnswerBytes.
func Resume(lib *decks.Library, rec Record, opt Options) (*Session, error) {
	clock := opt.Clock
	if clock == nil {
		clock = RealClock{}
	}
	if !rec.Ended.IsZero() {
		return nil, fmt.Errorf("session %s has already ended", rec.ID)
	}
	if len(rec.Plan) == 0 {
		return nil, fmt.Errorf("session %s has no questions", rec.ID)
	}
	if len(rec.Questions) > len(rec.Plan) {
		return nil, fmt.Errorf("session %s: %d questions asked of a plan of %d", rec.ID, len(rec.Questions), len(rec.Plan))
	}
	cards := make([]*decks.Card, len(rec.Plan))
	for i, id := range rec.Plan {
		c, ok := lib.Card(id)
		if !ok || c.ID != id {
			return nil, fmt.Errorf("session %s: card %s is no longer in the decks", rec.ID, id)
		}
		cards[i] = c
	}
	for i, q := range rec.Questions {
		if q.CardID != rec.Plan[i] {
			return nil, fmt.Errorf("session %s: question %d is %s, but the plan says %s", rec.ID, i+1, q.CardID, rec.Plan[i])
		}
		if len(q.Answer) > MaxAnswerBytes {
			return nil, fmt.Errorf("session %s: the answer to question %d is %d bytes, more than the %d an answer may hold", rec.ID, i+1, len(q.Answer), MaxAnswerBytes)
		}
	}
	rec = rec.clone()
	rec.Abandoned = false
	rec.SchemaVersion = SchemaVersion
	now := clock.Now()
	ss := &Session{clock: clock, onChange: opt.OnChange, lib: lib, cards: cards, rec: rec, points: opt.Points, pointsFn: opt.PointsFunc}
	n := len(ss.rec.Questions)
	if n > 0 {
		if !ss.rec.Debrief || ss.rec.Current < 0 || ss.rec.Current >= n {
			ss.rec.Current = n - 1
		}
		q := &ss.rec.Questions[ss.rec.Current]
		if ss.rec.FollowUp < 0 || ss.rec.FollowUp > len(q.FollowUps) {
			ss.rec.FollowUp = len(q.FollowUps)
		}
		if k := ss.rec.FollowUp; k > 0 {
			c, err := followUpCardOf(cards[ss.rec.Current], &q.FollowUps[k-1])
			if err != nil {
				return nil, fmt.Errorf("session %s: %w", rec.ID, err)
			}
			ss.fcard = c
		}
	}
	ss.mu.Lock()
	switch {
	case n == 0:
		ss.ask(now)
	case ss.cur().Outcome != Pending && (ss.cur().Rating != NoRating || ss.interviewing()):
		// Rated (or, in an interview's round, answered), and what comes
		// next not yet recorded.
		ss.advance(now)
	case ss.cur().Outcome == Pending:
		q := ss.cur()
		q.TimeUsed = min(max(q.TimeUsed, 0), q.TimeLimit)
		ss.segStart = now
		ss.usedBefore = q.TimeUsed
	}
	ss.unlockAndNotify()
	return ss, nil
}

// TimeLimit returns the time allowed for card in a session with settings s:
// the card's own limit; else the session's when the candidate chose it;
// else the deck's default; else the session's; else DefaultTimeLimit.
func TimeLimit(lib *decks.Library, card *decks.Card, s Settings) time.Duration {
	if card.TimeLimit > 0 {
		return card.TimeLimit
	}
	if s.TimeChosen && s.TimeLimit > 0 {
		return s.TimeLimit
	}
	if lib != nil {
		if t, ok := lib.Topic(card.Topic); ok && t.TimeLimit > 0 {
			return t.TimeLimit
		}
	}
	if s.TimeLimit > 0 {
		return s.TimeLimit
	}
	return DefaultTimeLimit
}

// ask starts question len(Questions). The caller holds the lock.
func (s *Session) ask(now time.Time) {
	i := len(s.rec.Questions)
	c := s.cards[i]
	s.rec.Questions = append(s.rec.Questions, QuestionRecord{
		CardID:    c.ID,
		Topic:     c.Topic,
		Question:  c.Question,
		TimeLimit: s.capToRound(TimeLimit(s.lib, c, s.rec.Settings)),
		AskedAt:   now,
	})
	s.rec.Current = i
	s.rec.FollowUp = 0
	s.fcard = nil
	s.segStart = now
	s.usedBefore = 0
	s.dirty = false
}

// unlockAndNotify releases the lock and reports the new state to OnChange.
func (s *Session) unlockAndNotify() {
	f := s.onChange
	if f == nil {
		s.mu.Unlock()
		return
	}
	snap := s.rec.clone()
	s.notifyMu.Lock() // before mu is released: calls go out in the order of the changes
	s.mu.Unlock()
	defer s.notifyMu.Unlock()
	f(snap)
}

// Record returns a copy of the session's record.
func (s *Session) Record() Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.clone()
}

// Len returns the number of questions in the session.
func (s *Session) Len() int { return len(s.cards) }

// Index returns the 0-based index of the current question.
func (s *Session) Index() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.rec.Current
}

// Card returns the card of question i (0-based).
func (s *Session) Card(i int) *decks.Card { return s.cards[i] }

// Current returns the current question's card and a copy of its record.
func (s *Session) Current() (*decks.Card, QuestionRecord) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.curCard(), s.cur().clone()
}

// Phase returns where the session stands.
func (s *Session) Phase() Phase {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.phase()
}

func (s *Session) phase() Phase {
	if !s.rec.Ended.IsZero() {
		return Finished
	}
	if s.cur().Outcome == Pending {
		return Asking
	}
	return Reviewing
}

// Done reports whether the session is over: every question rated, or
// ended early with Finish.
func (s *Session) Done() bool { return s.Phase() == Finished }

// used returns the time used on the current question. The caller holds the
// lock.
func (s *Session) used(now time.Time) time.Duration {
	u := s.usedBefore + now.Sub(s.segStart)
	if u < 0 {
		u = 0
	}
	return u
}

// Remaining returns the time left to answer the current question, never
// below zero. Outside the Asking phase it is the time that was left when the
// question ended.
func (s *Session) Remaining() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.cur()
	used := q.TimeUsed
	if s.phase() == Asking {
		used = s.used(s.clock.Now())
	}
	return max(q.TimeLimit-used, 0)
}

// SetDraft records the answer as typed so far, cut to MaxAnswerBytes. It
// does not call OnChange; FlushDraft does, when the draft changed.
func (s *Session) SetDraft(text string) {
	text, _ = TruncateAnswer(text)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.phase() != Asking {
		return
	}
	q := s.cur()
	if q.Answer != text {
		q.Answer = text
		s.dirty = true
		markDraft(q, s.used(s.clock.Now()), len(text))
	}
}

// FlushDraft calls OnChange if the draft changed since the state was last
// reported, so that a store can save work in progress. It reports whether
// it did.
func (s *Session) FlushDraft() bool {
	s.mu.Lock()
	if !s.dirty || s.phase() != Asking {
		s.mu.Unlock()
		return false
	}
	s.dirty = false
	s.cur().TimeUsed = s.used(s.clock.Now())
	s.unlockAndNotify()
	return true
}

// Checkpoint records the time used so far on the question being asked and
// reports the state to OnChange, whether or not the draft changed, as when
// grill is interrupted and the session is to be resumed later with the time
// that was left. Outside the Asking phase it does nothing.
func (s *Session) Checkpoint() { s.CheckpointAt(s.clock.Now()) }

// CheckpointAt is Checkpoint with the time used counted up to now rather
// than to the clock's current time: a countdown that decides on a tick to
// checkpoint, and has the event loop do it a moment later, records the
// time of its tick.
func (s *Session) CheckpointAt(now time.Time) {
	s.mu.Lock()
	if s.phase() != Asking {
		s.mu.Unlock()
		return
	}
	s.dirty = false
	q := s.cur()
	q.TimeUsed = min(s.used(now), q.TimeLimit)
	s.unlockAndNotify()
}

// Submit ends the current question with the draft as the answer and grades it.
func (s *Session) Submit() error { return s.end(Submitted) }

// Skip ends the current question unanswered: the draft is kept in the
// record, but the question scores zero.
func (s *Session) Skip() error { return s.end(Skipped) }

// TimeOut ends the current question because its time ran out: the draft
// is submitted as it stands and graded.
func (s *Session) TimeOut() error { return s.end(TimedOut) }

func (s *Session) end(o Outcome) error {
	s.mu.Lock()
	if s.phase() != Asking {
		s.mu.Unlock()
		return ErrPhase
	}
	now := s.clock.Now()
	q := s.cur()
	used := min(s.used(now), q.TimeLimit)
	if o == TimedOut {
		used = q.TimeLimit
	}
	q.TimeUsed = used
	q.EndedAt = now
	q.Outcome = o
	answer := q.Answer
	if o == Skipped {
		answer = ""
	}
	q.Grade = grading.GradeAmong(s.curCard(), grading.Neighbours(s.lib, s.curCard()), answer)
	q.Overrides = nil
	q.Adjusted = q.Grade.Score
	q.Suggested = SuggestRating(q)
	s.dirty = false
	if s.interviewing() {
		// No review between the questions of an interview.
		s.advance(now)
	}
	s.unlockAndNotify()
	return nil
}

// Toggle flips the verdict on key point i of the question under review:
// the candidate overrides the grader. Toggling it back removes the
// override. The adjusted score is grading.ScoreOf the effective points and
// the grader's misconceptions (a wrong claim is not self-graded and keeps
// its penalty), or the grader's own score once no override is left.
func (s *Session) Toggle(i int) error {
	s.mu.Lock()
	if s.phase() != Reviewing {
		s.mu.Unlock()
		return ErrPhase
	}
	q := s.cur()
	if i < 0 || i >= len(q.Grade.Points) {
		s.mu.Unlock()
		return fmt.Errorf("no key point %d", i+1)
	}
	covered := !q.Covered(i)
	if covered == q.Grade.Points[i].Covered {
		delete(q.Overrides, i)
		if len(q.Overrides) == 0 {
			q.Overrides = nil
		}
	} else {
		if q.Overrides == nil {
			q.Overrides = map[int]bool{}
		}
		q.Overrides[i] = covered
	}
	q.Adjusted = q.Grade.Score
	if q.Overrides != nil {
		q.Adjusted = grading.ScoreOf(q.EffectivePoints(), q.Grade.Misconceptions)
	}
	q.Suggested = SuggestRating(q)
	s.unlockAndNotify()
	return nil
}

// Rate records the candidate's rating of the question under review and
// asks the next question, or ends the session after the last one.
func (s *Session) Rate(r Rating) error {
	if r < Again || r > Easy {
		return fmt.Errorf("rating %d out of range 1–4", r)
	}
	s.mu.Lock()
	if s.phase() != Reviewing {
		s.mu.Unlock()
		return ErrPhase
	}
	now := s.clock.Now()
	q := s.cur()
	q.Rating = r
	q.RatedAt = now
	if !s.waiting && s.asking[s.pos()] && s.llmFollowUpPossible() {
		// Rated before the LLM's verdict came: the verdict may bring the
		// follow-up question, so the session moves on when it arrives
		// (SetLLMAt) or when the candidate goes on without it (GoOn).
		s.waiting = true
		s.unlockAndNotify()
		return nil
	}
	s.waiting = false
	s.advance(now)
	s.unlockAndNotify()
	return nil
}

// Finish ends the session early, as when the candidate quits. The question
// being asked keeps its draft and the time used, with no outcome; nothing
// already answered is lost. Finish on a finished session does nothing.
func (s *Session) Finish() {
	s.mu.Lock()
	if s.phase() == Finished {
		s.mu.Unlock()
		return
	}
	now := s.clock.Now()
	if s.phase() == Asking {
		q := s.cur()
		q.TimeUsed = min(s.used(now), q.TimeLimit)
		q.EndedAt = now
	}
	s.finish(now)
	s.dirty = false
	s.unlockAndNotify()
}

// SetLLM attaches LLM feedback to question i (0-based), replacing any it
// had, and calls OnChange. The question must have been answered; it may
// since have been rated and the session may have ended, because feedback
// often arrives after the candidate moved on. The offline grade, the
// self-graded score and the rating stay as they are: whatever the LLM
// said, it never changes the recorded score. rec is copied.
func (s *Session) SetLLM(i int, rec *LLMRecord) error { return s.SetLLMAt(i, 0, rec) }

// SetLLMAt is SetLLM for follow-up k (1-based) of question i, or for the
// question itself when k is 0.
func (s *Session) SetLLMAt(i, k int, rec *LLMRecord) error {
	s.mu.Lock()
	if i < 0 || i >= len(s.rec.Questions) || k < 0 || k > len(s.rec.Questions[i].FollowUps) {
		s.mu.Unlock()
		return fmt.Errorf("no question %d", i+1)
	}
	q := &s.rec.Questions[i]
	if k > 0 {
		q = &q.FollowUps[k-1]
	}
	if q.Outcome == Pending {
		s.mu.Unlock()
		return ErrPhase
	}
	if rec != nil {
		l := *rec
		rec = &l
	}
	q.LLM = rec
	delete(s.asking, [2]int{i, k})
	if s.waiting && s.pos() == [2]int{i, k} && s.phase() == Reviewing {
		s.waiting = false
		s.advance(s.clock.Now())
	}
	s.unlockAndNotify()
	return nil
}

// Covered reports whether key point i counts as covered, after the
// candidate's overrides.
func (q *QuestionRecord) Covered(i int) bool {
	if v, ok := q.Overrides[i]; ok {
		return v
	}
	return q.Grade.Points[i].Covered
}

// EffectivePoints returns the grader's key point verdicts with the
// candidate's overrides applied.
func (q *QuestionRecord) EffectivePoints() []grading.PointResult {
	pts := append([]grading.PointResult(nil), q.Grade.Points...)
	for i, v := range q.Overrides {
		if i >= 0 && i < len(pts) {
			pts[i].Covered = v
			if v {
				pts[i].Negated = false
			}
		}
	}
	return pts
}

// clone returns a copy of q that shares no mutable state with it.
func (q QuestionRecord) clone() QuestionRecord {
	q.Grade.Points = append([]grading.PointResult(nil), q.Grade.Points...)
	if q.Overrides != nil {
		q.Overrides = maps.Clone(q.Overrides)
	}
	if q.LLM != nil {
		l := *q.LLM // the verdict is never changed once recorded: copies share it
		q.LLM = &l
	}
	q.Drafting = append([]DraftMark(nil), q.Drafting...)
	if q.FollowUps != nil {
		fs := make([]QuestionRecord, len(q.FollowUps))
		for i, f := range q.FollowUps {
			fs[i] = f.clone()
		}
		q.FollowUps = fs
	}
	return q
}

// clone returns a copy of r that shares no mutable state with it.
func (r Record) clone() Record {
	r.Settings.Topics = append([]string(nil), r.Settings.Topics...)
	r.DeckSources = append([]string(nil), r.DeckSources...)
	r.Plan = append([]string(nil), r.Plan...)
	qs := make([]QuestionRecord, len(r.Questions))
	for i, q := range r.Questions {
		qs[i] = q.clone()
	}
	r.Questions = qs
	if r.Scorecard != nil {
		r.Scorecard = r.Scorecard.clone()
	}
	return r
}

// pointHistory returns the per-key-point history, loading it through
// Options.PointsFunc the first time. Called with s.mu held.
func (s *Session) pointHistory() *PointHistory {
	if s.points == nil && s.pointsFn != nil {
		s.points, s.pointsFn = s.pointsFn(), nil
	}
	return s.points
}
