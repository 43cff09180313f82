package ui

import (
	"errors"
	"sync"
	"testing"

	"grill/interview"
)

// slowStore records what it is asked to save; each save waits for a value
// on release.
type slowStore struct {
	release chan error
	mu      sync.Mutex
	saved   []string // Current of each record saved
	started chan struct{}
}

func (s *slowStore) save(r *interview.Record) error {
	s.started <- struct{}{}
	err := <-s.release
	s.mu.Lock()
	defer s.mu.Unlock()
	s.saved = append(s.saved, r.Questions[0].Answer)
	r.ID += "-2" // as Save does when the id is taken
	return err
}

func rec(answer string) interview.Record {
	return interview.Record{ID: "20261125T090000Z", Questions: []interview.QuestionRecord{{Answer: answer}}}
}

func TestSaverKeepsOnlyTheNewestWaitingRecord(t *testing.T) {
	st := &slowStore{release: make(chan error), started: make(chan struct{}, 10)}
	s := newSaver(st.save)
	s.put(rec("one"))
	<-st.started // "one" is being written; the next ones wait
	s.put(rec("two"))
	s.put(rec("three"))
	done := make(chan struct{})
	var id string
	var err error
	go func() { id, err = s.flush(); close(done) }()
	st.release <- nil // "one" written
	<-st.started
	st.release <- errors.New("disk full") // "three" fails
	<-done
	if err == nil || err.Error() != "disk full" {
		t.Fatalf("flush returned %v, want the error of the last save", err)
	}
	if id != "20261125T090000Z-2" {
		t.Fatalf("flush returned id %q, want the one the last successful save used", id)
	}
	if s.lastErr() == nil {
		t.Fatal("lastErr forgot the failure")
	}
	s.put(rec("four"))
	go func() { <-st.started; st.release <- nil }()
	if err := s.close(); err != nil {
		t.Fatalf("close: %v", err)
	}
	if want := []string{"one", "three", "four"}; len(st.saved) != 3 || st.saved[0] != want[0] || st.saved[1] != want[1] || st.saved[2] != want[2] {
		t.Fatalf("saved %v, want %v (two replaced by three while one was written)", st.saved, want)
	}
	s.put(rec("after close")) // ignored
}

func TestSaverFlushWithNothingPut(t *testing.T) {
	s := newSaver(func(*interview.Record) error { t.Fatal("nothing to save"); return nil })
	if id, err := s.flush(); id != "" || err != nil {
		t.Fatalf("flush = %q, %v", id, err)
	}
	if err := s.close(); err != nil {
		t.Fatal(err)
	}
}
