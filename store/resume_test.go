package store

import (
	"grill/interview"
	"testing"
	"time"
)

// TestResumeFromTheStore goes through the disk: a session saved after every
// change, its process gone (the Store closed without ending it), then
// offered by Resumable in a new Store, resumed, and finished into the same
// file.
func TestResumeFromTheStore(t *testing.T) {
	dataDir := t.TempDir()
	lib := sessionLibrary()
	first := NewStore(dataDir)
	first.Render = stubReport
	var saveErr error
	clock := interview.NewFakeClock(t0)
	sess, err := interview.New(lib, interview.Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1}, interview.Options{Clock: clock, OnChange: func(r interview.Record) {
		if err := first.Save(&r); err != nil {
			saveErr = err
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	sess.SetDraft("a distinctive sentence about alpha")
	clock.Advance(15 * time.Second)
	sess.FlushDraft()
	if saveErr != nil {
		t.Fatal(saveErr)
	}
	first.Close() // as when the process dies

	second := NewStore(dataDir)
	second.Render = stubReport
	defer second.Close()
	rec, err := second.Resumable()
	if err != nil || rec == nil {
		t.Fatalf("Resumable = %v, %v", rec, err)
	}
	clock.Advance(time.Hour)
	r, err := interview.Resume(lib, *rec, interview.Options{Clock: clock, OnChange: func(r interview.Record) {
		if err := second.Save(&r); err != nil {
			saveErr = err
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, q := r.Current(); q.Answer != "a distinctive sentence about alpha" || r.Remaining() != 45*time.Second {
		t.Fatalf("resumed draft %q with %v left", q.Answer, r.Remaining())
	}
	r.Submit()
	r.Rate(interview.Good)
	r.Submit()
	r.Rate(interview.Good)
	if saveErr != nil {
		t.Fatal(saveErr)
	}
	sums, errs := second.List()
	if len(errs) != 0 || len(sums) != 1 || sums[0].ID != rec.ID || sums[0].Status != interview.StatusEnded || sums[0].Answered != 2 {
		t.Fatalf("after finishing the resumed session, List = %+v, %v", sums, errs)
	}
	if again, err := second.Resumable(); err != nil || again != nil {
		t.Fatalf("a finished session is still offered: %v, %v", again, err)
	}
}
