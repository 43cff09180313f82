package interview

import (
	"strings"
	"testing"
	"time"
)

// interrupted runs a session of three one-minute questions: the first is
// answered and rated, the second has a draft typed for 25 s, saved with
// FlushDraft, and then the process "dies". It returns the last record
// handed to OnChange, as the store would have it.
func interrupted(t *testing.T) Record {
	t.Helper()
	sess, clock, saved := newTestSession(t, Settings{Count: 3, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha")
	clock.Advance(10 * time.Second)
	if err := sess.Submit(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Rate(Good); err != nil {
		t.Fatal(err)
	}
	clock.Advance(25 * time.Second)
	sess.SetDraft("beta is half of what I meant")
	if !sess.FlushDraft() {
		t.Fatal("FlushDraft did not report the changed draft")
	}
	clock.Advance(3 * time.Second) // typing after the last save is lost
	sess.SetDraft("beta is half of what I meant, and more")
	return (*saved)[len(*saved)-1]
}

func TestResumeRestoresDraftAndTimeLeft(t *testing.T) {
	rec := interrupted(t)
	clock := NewFakeClock(epoch.Add(time.Hour))
	var saved []Record
	sess, err := Resume(sessionLibrary(), rec, Options{Clock: clock, OnChange: func(r Record) { saved = append(saved, r) }})
	if err != nil {
		t.Fatal(err)
	}
	if sess.Len() != 3 || sess.Index() != 1 || sess.Phase() != Asking {
		t.Fatalf("resumed at question %d of %d, phase %v; want question 2 of 3 being asked", sess.Index()+1, sess.Len(), sess.Phase())
	}
	card, q := sess.Current()
	if card.ID != rec.Plan[1] || q.Answer != "beta is half of what I meant" {
		t.Fatalf("resumed question %s with draft %q", card.ID, q.Answer)
	}
	if got := sess.Remaining(); got != 35*time.Second {
		t.Fatalf("Remaining = %v on resume, want the 35 s left at the last save", got)
	}
	clock.Advance(5 * time.Second)
	if got := sess.Remaining(); got != 30*time.Second {
		t.Fatalf("Remaining = %v 5 s after resuming, want 30 s", got)
	}
	if len(saved) != 1 {
		t.Fatalf("OnChange called %d times by Resume, want once", len(saved))
	}
	got := sess.Record()
	if got.ID != rec.ID || !got.Started.Equal(rec.Started) || got.Questions[0].Rating != Good || got.Questions[0].Answer != "alpha" {
		t.Fatalf("resumed record lost its identity or the first answer: %+v", got)
	}

	// The session goes on as any other: the draft is completed, submitted
	// with the time used before and after the interruption, and the last
	// question follows.
	sess.SetDraft("beta and alpha")
	if err := sess.Submit(); err != nil {
		t.Fatal(err)
	}
	_, q = sess.Current()
	if q.Outcome != Submitted || q.TimeUsed != 30*time.Second || q.Grade.Score != 100 {
		t.Fatalf("submitted after resuming: outcome %q, time %v, score %d", q.Outcome, q.TimeUsed, q.Grade.Score)
	}
	if err := sess.Rate(Easy); err != nil {
		t.Fatal(err)
	}
	if sess.Index() != 2 || sess.Phase() != Asking || sess.Remaining() != time.Minute {
		t.Fatalf("third question: index %d phase %v remaining %v", sess.Index(), sess.Phase(), sess.Remaining())
	}
}

func TestResumeUnderReview(t *testing.T) {
	sess, _, saved := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha")
	sess.Submit()
	sess.Toggle(1)
	rec := (*saved)[len(*saved)-1]
	r, err := Resume(sessionLibrary(), rec, Options{Clock: NewFakeClock(epoch.Add(time.Hour))})
	if err != nil {
		t.Fatal(err)
	}
	if r.Phase() != Reviewing || r.Index() != 0 {
		t.Fatalf("phase %v at question %d, want the review of question 1", r.Phase(), r.Index()+1)
	}
	_, q := r.Current()
	if !q.Covered(1) || q.Adjusted != 100 {
		t.Fatalf("self-grading lost on resume: %+v", q)
	}
	if err := r.Rate(Hard); err != nil {
		t.Fatal(err)
	}
	if r.Index() != 1 || r.Phase() != Asking {
		t.Fatalf("after rating: question %d, phase %v", r.Index()+1, r.Phase())
	}
}

func TestResumeWithTimeAlreadyOut(t *testing.T) {
	sess, clock, saved := newTestSession(t, Settings{Count: 2, TimeLimit: 20 * time.Second, TimeChosen: true, Seed: 1})
	sess.SetDraft("alpha")
	clock.Advance(25 * time.Second)
	sess.FlushDraft()
	r, err := Resume(sessionLibrary(), (*saved)[len(*saved)-1], Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	if r.Remaining() != 0 || r.Phase() != Asking {
		t.Fatalf("remaining %v, phase %v", r.Remaining(), r.Phase())
	}
	if err := r.TimeOut(); err != nil {
		t.Fatal(err)
	}
	if _, q := r.Current(); q.Outcome != TimedOut || q.Answer != "alpha" || q.TimeUsed != 20*time.Second {
		t.Fatalf("timed out on resume: %+v", q)
	}
}

func TestResumeClearsAbandoned(t *testing.T) {
	rec := interrupted(t)
	rec.Abandoned = true
	r, err := Resume(sessionLibrary(), rec, Options{Clock: NewFakeClock(epoch)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Record().Abandoned {
		t.Fatal("a resumed session is still marked abandoned")
	}
}

func TestResumeRefusesRecordsItCannotFollow(t *testing.T) {
	base := interrupted(t)
	cases := []struct {
		name string
		edit func(*Record)
		want string
	}{
		{"ended", func(r *Record) { r.Ended = epoch }, "already ended"},
		{"no plan", func(r *Record) { r.Plan = nil }, "no questions"},
		{"card gone", func(r *Record) { r.Plan[2] = "a/removed" }, "card a/removed is no longer in the decks"},
		{"off plan", func(r *Record) { r.Questions[1].CardID = "c/q2" }, "question 2 is c/q2"},
		{"too many", func(r *Record) { r.Plan = r.Plan[:1] }, "2 questions asked of a plan of 1"},
		{"answer too long", func(r *Record) { r.Questions[1].Answer = strings.Repeat("x", MaxAnswerBytes+1) }, "the answer to question 2 is 262145 bytes, more than the 262144"},
	}
	for _, tc := range cases {
		rec := base.clone()
		tc.edit(&rec)
		_, err := Resume(sessionLibrary(), rec, Options{Clock: NewFakeClock(epoch)})
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), rec.ID) {
			t.Errorf("%s: err = %v, want one naming the session and saying %q", tc.name, err, tc.want)
		}
	}
}

func TestCheckpointRecordsTimeWithoutADraftChange(t *testing.T) {
	sess, clock, saved := newTestSession(t, Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	clock.Advance(40 * time.Second)
	if sess.FlushDraft() {
		t.Fatal("FlushDraft reported an unchanged draft")
	}
	n := len(*saved)
	sess.Checkpoint()
	if len(*saved) != n+1 {
		t.Fatal("Checkpoint did not call OnChange")
	}
	rec := (*saved)[len(*saved)-1]
	if rec.Questions[0].TimeUsed != 40*time.Second || rec.Questions[0].Outcome != Pending || !rec.Ended.IsZero() {
		t.Fatalf("checkpointed question: %+v", rec.Questions[0])
	}
	r, err := Resume(sessionLibrary(), rec, Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	if r.Remaining() != 20*time.Second {
		t.Fatalf("Remaining after resuming a checkpoint = %v, want 20 s", r.Remaining())
	}
	// Under review there is nothing to checkpoint.
	sess.Submit()
	n = len(*saved)
	sess.Checkpoint()
	if len(*saved) != n {
		t.Fatal("Checkpoint under review called OnChange")
	}
}
