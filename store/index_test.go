package store

import (
	"encoding/json"
	"grill/interview"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"
)

// TestIndexRoundTrip: what List reads from the index is what it read from
// the records.
func TestIndexRoundTrip(t *testing.T) {
	s := newTestStore(t)
	for _, r := range []*interview.Record{sampleRecord(t0), inProgress(t0.Add(time.Hour))} {
		r.Settings.Topics = append(r.Settings.Topics, "a,b c\tx")
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	// A session saved as it goes appends to the index; the last save wins.
	running := inProgress(t0.Add(2 * time.Hour))
	for _, answer := range []string{"It adds", "It adds Gaussian noise"} {
		running.Questions[1].Answer = answer
		running.Questions[1].TimeUsed += 10 * time.Second
		if err := s.Save(running); err != nil {
			t.Fatal(err)
		}
	}
	fi, _ := os.Stat(s.indexPath())
	running.Questions[1].TimeUsed += 10 * time.Second
	if err := s.Save(running); err != nil {
		t.Fatal(err)
	}
	if fi2, _ := os.Stat(s.indexPath()); fi2.Size() <= fi.Size() || fi2.Size() > fi.Size()+1000 {
		t.Errorf("a save took the index from %d to %d bytes, want a few hundred more", fi.Size(), fi2.Size())
	}
	fromIndex, errs := s.History()
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if d := fromIndex.Sessions[0].Duration; d != running.Questions[0].TimeUsed+running.Questions[1].TimeUsed {
		t.Errorf("index has the session in progress at %v answering", d)
	}
	ix, err := s.readIndex()
	if err != nil {
		t.Fatalf("index unreadable: %v", err)
	}
	if len(ix.entries) != 3 {
		t.Fatalf("index has %d entries", len(ix.entries))
	}
	os.Remove(s.indexPath())
	fromFiles, errs := s.History()
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if !reflect.DeepEqual(fromIndex, fromFiles) {
		t.Errorf("from the index:\n%+v\nfrom the files:\n%+v", fromIndex, fromFiles)
	}
}

// TestIndexFollowsChangesBehindItsBack: a record changed, added or removed
// by something other than a Store, and a damaged index, are all noticed.
func TestIndexFollowsChangesBehindItsBack(t *testing.T) {
	s := newTestStore(t)
	first, second := sampleRecord(t0), sampleRecord(t0.Add(time.Hour))
	for _, r := range []*interview.Record{first, second} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	answered := func() []int {
		sums, _ := s.List()
		var n []int
		for _, x := range sums {
			n = append(n, x.Answered)
		}
		return n
	}
	if got := answered(); !slices.Equal(got, []int{3, 3}) {
		t.Fatalf("answered = %v", got)
	}
	// Another program replaces the older record (as editors and grill do,
	// by a rename) with one question less.
	short := sampleRecord(t0)
	short.Questions = short.Questions[:2]
	data, _ := json.Marshal(short)
	if err := WriteFileAtomic(s.JSONPath(first.ID), data, 0o600); err != nil {
		t.Fatal(err)
	}
	if got := answered(); !slices.Equal(got, []int{3, 2}) {
		t.Errorf("after a record changed: answered = %v, want [3 2]", got)
	}
	if err := os.Remove(s.JSONPath(second.ID)); err != nil {
		t.Fatal(err)
	}
	if got := answered(); !slices.Equal(got, []int{2}) {
		t.Errorf("after a record was removed: answered = %v, want [2]", got)
	}
	if err := os.WriteFile(s.indexPath(), []byte("grill-index 2\ns\tnot a line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := answered(); !slices.Equal(got, []int{2}) {
		t.Errorf("with a damaged index: answered = %v, want [2]", got)
	}
	if _, err := s.readIndex(); err != nil {
		t.Errorf("the damaged index was not rewritten: %v", err)
	}
}
