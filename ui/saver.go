package ui

import (
	"sync"

	"grill/interview"
)

// saver writes session records on a goroutine of its own, so that a slow
// disk (every save is synced) never holds up the event loop. Only the
// newest record waiting to be written is kept: each record holds the whole
// session, so an older one that was never written loses nothing.
type saver struct {
	save func(*interview.Record) error

	mu      sync.Mutex
	cond    *sync.Cond
	next    *interview.Record // waiting to be written
	queued  uint64            // records handed to put
	written uint64            // number of the last record written (or failed)
	closed  bool
	id      string // id of the last record written: Save may add a suffix
	err     error  // error of the last save, nil after a success
	done    chan struct{}
}

// newSaver starts a saver that writes with save (Store.Save).
func newSaver(save func(*interview.Record) error) *saver {
	s := &saver{save: save, done: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// put hands rec to the saver and returns at once, replacing any record
// still waiting.
func (s *saver) put(rec interview.Record) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.next = &rec
	s.queued++
	s.cond.Broadcast()
}

func (s *saver) loop() {
	defer close(s.done)
	s.mu.Lock()
	defer s.mu.Unlock()
	for {
		for s.next == nil && !s.closed {
			s.cond.Wait()
		}
		if s.next == nil {
			return
		}
		rec, n := s.next, s.queued
		s.next = nil
		s.mu.Unlock()
		err := s.save(rec)
		s.mu.Lock()
		s.written = n
		s.err = err
		if err == nil {
			s.id = rec.ID
		}
		s.cond.Broadcast()
	}
}

// flush waits until every record put so far is written, and returns the id
// the last one was saved under and the error of that save.
func (s *saver) flush() (id string, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for target := s.queued; s.written < target; {
		s.cond.Wait()
	}
	return s.id, s.err
}

// lastErr returns the error of the latest save, nil when it succeeded or
// nothing was saved yet. It does not wait.
func (s *saver) lastErr() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// close writes what is waiting and stops the saver. put does nothing after
// close.
func (s *saver) close() error {
	s.mu.Lock()
	if !s.closed {
		s.closed = true
		s.cond.Broadcast()
	}
	s.mu.Unlock()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}
