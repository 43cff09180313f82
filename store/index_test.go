package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"grill/interview"
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
	timeUp := v2Record() // an interview whose round clock ran out
	timeUp.Started, timeUp.ID = t0.Add(-time.Hour), ""
	if err := s.Save(timeUp); err != nil {
		t.Fatal(err)
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
	if len(ix.entries) != 4 {
		t.Fatalf("index has %d entries", len(ix.entries))
	}
	if d := ix.entries[timeUp.ID].rec; d == nil || d.Planned != 4 || !d.Debrief {
		t.Errorf("index has the interview out of time as %+v, want 4 planned and its round over", d)
	}
	if s := fromIndex.Sessions[3]; s.CompletionText() != "time up after 3 of 4" {
		t.Errorf("index has the interview out of time %q", s.CompletionText())
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
	if h, _ := s.History(); len(h.Sessions) != 1 || h.Sessions[0].Answered != 2 {
		t.Errorf("with a damaged index: History = %+v, want one session of 2 answers", h.Sessions)
	}
	if _, err := s.readIndex(); err != nil {
		t.Errorf("the damaged index was not rewritten: %v", err)
	}
	if err := os.WriteFile(s.summariesPath(), []byte(summariesMagic+"\ns\tnot a line\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if got := answered(); !slices.Equal(got, []int{2}) {
		t.Errorf("with damaged summaries: answered = %v, want [2]", got)
	}
	if _, err := s.readSummaries(); err != nil {
		t.Errorf("the damaged summaries were not rewritten: %v", err)
	}
}

// TestIndexOfAnOlderVersionIsRebuilt: an index written by an older grill
// (version 4, without the planned question count) is read no more, but
// rebuilt from the records.
func TestIndexOfAnOlderVersionIsRebuilt(t *testing.T) {
	s := newTestStore(t)
	quit := sampleRecord(t0)
	quit.Plan = append(quit.Plan, "gnn/over-smoothing", "gnn/gat")
	if err := s.Save(quit); err != nil {
		t.Fatal(err)
	}
	m, err := s.dirMtime()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.JSONPath(quit.ID))
	if err != nil {
		t.Fatal(err)
	}
	// What grill-index 4 said of it: no plan, so three questions of three.
	old := fmt.Sprintf("grill-index 4\ns\t%s\t%d\t%d\t%d\t%d\tfalse\tgnn,diffusion\t3\t\t\n", quit.ID, fi.Size(), fi.ModTime().UnixNano(),
		quit.Started.UnixNano(), quit.Ended.UnixNano())
	for _, q := range quit.Digest().Questions {
		old += fmt.Sprintf("q\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%d\n", q.CardID, q.Topic, q.TimeUsed, q.Outcome, q.Time.UnixNano(), q.Score, q.Adjusted, q.Rating)
	}
	old += fmt.Sprintf("dir\t%d\n", m)
	if err := os.WriteFile(s.indexPath(), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	sums, errs := s.List()
	if len(errs) != 0 || len(sums) != 1 || sums[0].Planned != 5 || sums[0].CompletionText() != "quit after 3 of 5" {
		t.Fatalf("List over a version 4 index = %+v, %v; want the session quit after 3 of 5", sums, errs)
	}
	data, err := os.ReadFile(s.indexPath())
	if err != nil || !strings.HasPrefix(string(data), indexMagic+"\n") {
		t.Errorf("index not rewritten as %q: %.40q, %v", indexMagic, data, err)
	}
}

// TestFilesOfAnOlderVersionCountFollowUps: the index (version 5) and the
// summaries (version 1) that an older grill wrote left the time used on
// follow-ups out of the time answering; they are read no more, but rebuilt
// from the records, and history and List count the follow-ups.
func TestFilesOfAnOlderVersionCountFollowUps(t *testing.T) {
	s := newTestStore(t)
	rec := withFollowUps()
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	m, err := s.dirMtime()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(s.JSONPath(rec.ID))
	if err != nil {
		t.Fatal(err)
	}
	const old, want = 333 * time.Second, 405250 * time.Millisecond // 333 s of questions, 72.25 s of follow-ups
	// What grill-index 5 said of it: no follow-up time on the "q" lines.
	index := fmt.Sprintf("grill-index 5\ns\t%s\t%d\t%d\t%d\t%d\tfalse\tgnn,diffusion\t3\t\t\t3\tfalse\n", rec.ID, fi.Size(), fi.ModTime().UnixNano(),
		rec.Started.UnixNano(), rec.Ended.UnixNano())
	for _, q := range rec.Digest().Questions {
		index += fmt.Sprintf("q\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%d\n", q.CardID, q.Topic, q.TimeUsed, q.Outcome, q.Time.UnixNano(), q.Score, q.Adjusted, q.Rating)
	}
	index += fmt.Sprintf("dir\t%d\n", m)
	// What grill-summaries 1 said: the same line, 333 s answering.
	sum := interview.Summarize(rec.Digest())
	sum.Duration = old
	var sums bytes.Buffer
	sums.WriteString("grill-summaries 1\n")
	writeSummary(&sums, &sum, "")
	fmt.Fprintf(&sums, "dir\t%d\n", m)
	if err := os.WriteFile(s.indexPath(), []byte(index), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(s.summariesPath(), sums.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if old, err := parseIndex([]byte(strings.Replace(index, "grill-index 5", indexMagic, 1))); err == nil {
		t.Errorf("an index of version 5 parses as the current version: %+v", old.entries[rec.ID].rec)
	}
	h, errs := s.History() // reads the index
	if len(errs) != 0 || len(h.Sessions) != 1 || h.Sessions[0].Duration != want {
		t.Errorf("History over a version 5 index = %+v, %v; want %v answering", h.Sessions, errs, want)
	}
	if data, err := os.ReadFile(s.indexPath()); err != nil || !strings.HasPrefix(string(data), indexMagic+"\n") {
		t.Errorf("index not rewritten as %q: %.40q, %v", indexMagic, data, err)
	}
	list, errs := s.List() // reads the summaries
	if len(errs) != 0 || len(list) != 1 || list[0].Duration != want {
		t.Errorf("List over version 1 summaries = %+v, %v; want %v answering", list, errs, want)
	}
	if data, err := os.ReadFile(s.summariesPath()); err != nil || !strings.HasPrefix(string(data), summariesMagic+"\n") {
		t.Errorf("summaries not rewritten as %q: %.40q, %v", summariesMagic, data, err)
	}
	// Read again from the files just written, and after another save.
	if list, errs := s.List(); len(errs) != 0 || len(list) != 1 || list[0].Duration != want {
		t.Errorf("List from the rewritten summaries = %+v, %v; want %v answering", list, errs, want)
	}
	rec.Questions[2].FollowUps = []interview.QuestionRecord{{CardID: "gnn/readout/follow-up-1", Topic: "gnn", TimeUsed: 5 * time.Second, Outcome: interview.Skipped}}
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	if list, errs := s.List(); len(errs) != 0 || len(list) != 1 || list[0].Duration != want+5*time.Second {
		t.Errorf("List after a save that added a 5 s follow-up = %+v, %v; want %v answering", list, errs, want+5*time.Second)
	}
	if h, errs := s.History(); len(errs) != 0 || len(h.Sessions) != 1 || h.Sessions[0].Duration != want+5*time.Second {
		t.Errorf("History after a save that added a 5 s follow-up = %+v, %v; want %v answering", h.Sessions, errs, want+5*time.Second)
	}
}
