package interview

import (
	"errors"
	"testing"
	"time"

	"grill/grading"
)

func newTestSession(t *testing.T, s Settings) (*Session, *FakeClock, *[]Record) {
	t.Helper()
	clock := NewFakeClock(epoch)
	var saved []Record
	sess, err := New(sessionLibrary(), s, Options{Clock: clock, OnChange: func(r Record) { saved = append(saved, r) }})
	if err != nil {
		t.Fatal(err)
	}
	return sess, clock, &saved
}

func TestSessionAsksTheFirstQuestionAtOnce(t *testing.T) {
	sess, _, saved := newTestSession(t, Settings{Topics: []string{"a", "b"}, Count: 3, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	if sess.Len() != 3 || sess.Index() != 0 || sess.Phase() != Asking {
		t.Fatalf("Len %d Index %d Phase %v", sess.Len(), sess.Index(), sess.Phase())
	}
	rec := sess.Record()
	if rec.SchemaVersion != SchemaVersion || rec.ID != "20261125T090000Z" || !rec.Started.Equal(epoch) {
		t.Fatalf("record header: %+v", rec)
	}
	if len(rec.Plan) != 3 || len(rec.Questions) != 1 || rec.Questions[0].CardID != rec.Plan[0] {
		t.Fatalf("plan %v, questions %d", rec.Plan, len(rec.Questions))
	}
	if !rec.Questions[0].AskedAt.Equal(epoch) || rec.Questions[0].TimeLimit != time.Minute {
		t.Fatalf("first question: %+v", rec.Questions[0])
	}
	if len(*saved) != 1 {
		t.Fatalf("OnChange called %d times on start, want 1", len(*saved))
	}
	if rec.Settings.Count != 3 || rec.Settings.Seed != 1 || rec.Settings.Order != OrderMixed ||
		len(rec.Settings.Topics) != 2 || len(rec.DeckSources) != 1 || rec.DeckSources[0] != "built-in" {
		t.Fatalf("settings %+v, sources %v", rec.Settings, rec.DeckSources)
	}
}

func TestSessionZeroSeedIsReplacedAndRecorded(t *testing.T) {
	sess, _, _ := newTestSession(t, Settings{Count: 2})
	if sess.Record().Settings.Seed == 0 {
		t.Fatal("seed 0 kept; the session could not be replayed")
	}
}

func TestSessionRemainingFollowsTheClock(t *testing.T) {
	sess, clock, _ := newTestSession(t, Settings{Count: 2, TimeLimit: 20 * time.Second, TimeChosen: true, Seed: 1})
	if got := sess.Remaining(); got != 20*time.Second {
		t.Fatalf("Remaining = %v at start", got)
	}
	clock.Advance(7 * time.Second)
	if got := sess.Remaining(); got != 13*time.Second {
		t.Fatalf("Remaining = %v after 7s", got)
	}
	clock.Advance(time.Minute)
	if got := sess.Remaining(); got != 0 {
		t.Fatalf("Remaining = %v past the limit", got)
	}
}

func TestSessionSubmitGradesAndRecordsTime(t *testing.T) {
	sess, clock, saved := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha and beta")
	clock.Advance(12 * time.Second)
	if err := sess.Submit(); err != nil {
		t.Fatal(err)
	}
	if sess.Phase() != Reviewing {
		t.Fatalf("phase %v after Submit", sess.Phase())
	}
	card, q := sess.Current()
	want := grading.Grade(card, "alpha and beta")
	if q.Outcome != Submitted || q.Answer != "alpha and beta" || q.TimeUsed != 12*time.Second ||
		!q.EndedAt.Equal(epoch.Add(12*time.Second)) || q.Grade.Score != want.Score || q.Adjusted != want.Score {
		t.Fatalf("after Submit: %+v", q)
	}
	if len(q.Grade.Points) != 2 {
		t.Fatalf("graded %d key points, want 2", len(q.Grade.Points))
	}
	if err := sess.Submit(); !errors.Is(err, ErrPhase) {
		t.Fatalf("second Submit: err = %v, want ErrPhase", err)
	}
	if last := (*saved)[len(*saved)-1]; last.Questions[0].Outcome != Submitted {
		t.Fatalf("OnChange not told of the submission: %+v", last.Questions[0])
	}
}

func TestSessionTimeOutSubmitsTheDraftAsTyped(t *testing.T) {
	sess, clock, _ := newTestSession(t, Settings{Count: 2, TimeLimit: 20 * time.Second, TimeChosen: true, Seed: 1})
	sess.SetDraft("beta, half done")
	clock.Advance(21 * time.Second)
	if err := sess.TimeOut(); err != nil {
		t.Fatal(err)
	}
	card, q := sess.Current()
	if q.Outcome != TimedOut || q.Answer != "beta, half done" || q.TimeUsed != 20*time.Second {
		t.Fatalf("after TimeOut: outcome %q answer %q used %v", q.Outcome, q.Answer, q.TimeUsed)
	}
	if q.Grade.Score != grading.Grade(card, "beta, half done").Score {
		t.Fatalf("timed-out answer not graded as typed: %+v", q.Grade)
	}
}

func TestSessionSkipKeepsTheDraftButScoresNothing(t *testing.T) {
	sess, clock, _ := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha beta")
	clock.Advance(3 * time.Second)
	if err := sess.Skip(); err != nil {
		t.Fatal(err)
	}
	_, q := sess.Current()
	if q.Outcome != Skipped || q.Answer != "alpha beta" || q.Grade.Score != 0 || q.TimeUsed != 3*time.Second {
		t.Fatalf("after Skip: %+v", q)
	}
}

func TestSessionToggleOverridesTheGrader(t *testing.T) {
	sess, _, _ := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	if err := sess.Toggle(0); !errors.Is(err, ErrPhase) {
		t.Fatalf("Toggle while asking: err = %v", err)
	}
	sess.SetDraft("nothing relevant")
	sess.Submit()
	_, q := sess.Current()
	before := q.Adjusted
	if q.Covered(1) {
		t.Fatalf("grader found beta in %q", q.Answer)
	}
	if err := sess.Toggle(1); err != nil {
		t.Fatal(err)
	}
	_, q = sess.Current()
	if !q.Covered(1) || q.Overrides[1] != true || q.Adjusted <= before {
		t.Fatalf("after toggling beta on: covered %v overrides %v adjusted %d (was %d)", q.Covered(1), q.Overrides, q.Adjusted, before)
	}
	if q.Adjusted != grading.ScoreOf(q.EffectivePoints(), q.Grade.Misconceptions) {
		t.Fatalf("adjusted %d is not ScoreOf the effective points", q.Adjusted)
	}
	if q.Grade.Score != before {
		t.Fatal("toggling changed the grader's own score")
	}
	sess.Toggle(1)
	_, q = sess.Current()
	if q.Covered(1) || q.Overrides != nil || q.Adjusted != before {
		t.Fatalf("toggling back: covered %v overrides %v adjusted %d", q.Covered(1), q.Overrides, q.Adjusted)
	}
	if err := sess.Toggle(5); err == nil {
		t.Fatal("Toggle of a key point that does not exist")
	}
}

func TestSessionRateAdvancesAndEnds(t *testing.T) {
	sess, clock, _ := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	if err := sess.Rate(Good); !errors.Is(err, ErrPhase) {
		t.Fatalf("Rate while asking: err = %v", err)
	}
	sess.Submit()
	if err := sess.Rate(7); err == nil {
		t.Fatal("rating 7 accepted")
	}
	clock.Advance(2 * time.Second)
	if err := sess.Rate(Good); err != nil {
		t.Fatal(err)
	}
	if sess.Index() != 1 || sess.Phase() != Asking || sess.Done() {
		t.Fatalf("after rating the first: index %d phase %v", sess.Index(), sess.Phase())
	}
	rec := sess.Record()
	if rec.Questions[0].Rating != Good || !rec.Questions[0].RatedAt.Equal(epoch.Add(2*time.Second)) ||
		!rec.Questions[1].AskedAt.Equal(epoch.Add(2*time.Second)) {
		t.Fatalf("rating and next question not timestamped: %+v", rec.Questions)
	}
	if sess.Remaining() != time.Minute {
		t.Fatalf("next question starts with %v left", sess.Remaining())
	}
	clock.Advance(5 * time.Second)
	sess.Skip()
	sess.Rate(Again)
	if !sess.Done() {
		t.Fatal("not done after the last rating")
	}
	rec = sess.Record()
	if !rec.Ended.Equal(epoch.Add(7*time.Second)) || len(rec.Questions) != 2 {
		t.Fatalf("ended %v with %d questions", rec.Ended, len(rec.Questions))
	}
}

func TestSessionFinishKeepsTheQuestionInProgress(t *testing.T) {
	sess, clock, _ := newTestSession(t, Settings{Count: 3, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha")
	sess.Submit()
	sess.Rate(Hard)
	sess.SetDraft("half an answer")
	clock.Advance(9 * time.Second)
	sess.Finish()
	if !sess.Done() {
		t.Fatal("not done after Finish")
	}
	rec := sess.Record()
	if len(rec.Questions) != 2 {
		t.Fatalf("%d questions kept, want 2", len(rec.Questions))
	}
	q := rec.Questions[1]
	if q.Outcome != Pending || q.Answer != "half an answer" || q.TimeUsed != 9*time.Second || rec.Ended.IsZero() {
		t.Fatalf("question in progress after Finish: %+v", q)
	}
	if rec.Questions[0].Rating != Hard {
		t.Fatal("the rated question lost its rating")
	}
	sess.Finish() // a second Finish changes nothing
	if got := sess.Record().Ended; !got.Equal(rec.Ended) {
		t.Fatalf("second Finish moved the end to %v", got)
	}
}

func TestSessionFlushDraftOnlyWhenChanged(t *testing.T) {
	sess, clock, saved := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	n := len(*saved)
	if sess.FlushDraft() {
		t.Fatal("flushed an unchanged draft")
	}
	sess.SetDraft("first words")
	clock.Advance(4 * time.Second)
	if !sess.FlushDraft() || len(*saved) != n+1 {
		t.Fatal("changed draft not flushed")
	}
	last := (*saved)[len(*saved)-1].Questions[0]
	if last.Answer != "first words" || last.TimeUsed != 4*time.Second || last.Outcome != Pending {
		t.Fatalf("flushed draft: %+v", last)
	}
	if sess.FlushDraft() {
		t.Fatal("flushed the same draft twice")
	}
}

func TestSessionRecordIsACopy(t *testing.T) {
	sess, _, saved := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.Submit()
	sess.Toggle(0)
	snap := (*saved)[len(*saved)-1]
	sess.Toggle(0)
	if len(snap.Questions[0].Overrides) != 1 {
		t.Fatal("a record handed to OnChange changed afterwards")
	}
	r := sess.Record()
	r.Questions[0].Grade.Points[0].Label = "changed"
	if _, q := sess.Current(); q.Grade.Points[0].Label == "changed" {
		t.Fatal("Record shares state with the session")
	}
}

func TestTimeLimitPrecedence(t *testing.T) {
	lib := sessionLibrary()
	card := lib.Topics[0].Cards[0] // its deck sets 3m
	if got := TimeLimit(lib, card, Settings{TimeLimit: 20 * time.Second, TimeChosen: true}); got != 20*time.Second {
		t.Fatalf("a chosen session limit overrides the deck: %v", got)
	}
	if got := TimeLimit(lib, card, Settings{TimeLimit: 20 * time.Second}); got != 3*time.Minute {
		t.Fatalf("the deck's default beats the built-in session default: %v", got)
	}
	if got := TimeLimit(lib, card, Settings{}); got != 3*time.Minute {
		t.Fatalf("deck limit: %v", got)
	}
	card.TimeLimit = 4 * time.Minute
	if got := TimeLimit(lib, card, Settings{TimeLimit: 20 * time.Second, TimeChosen: true}); got != 4*time.Minute {
		t.Fatalf("card limit: %v", got)
	}
	lib.Topics[0].TimeLimit = 0
	card.TimeLimit = 0
	if got := TimeLimit(lib, card, Settings{TimeLimit: 20 * time.Second}); got != 20*time.Second {
		t.Fatalf("session limit without a deck limit: %v", got)
	}
	if got := TimeLimit(lib, card, Settings{}); got != DefaultTimeLimit {
		t.Fatalf("default limit: %v", got)
	}
}
