package store

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"reflect"
	"slices"
	"testing"
	"time"

	"grill/decks"
	"grill/interview"
)

// variedRecord is the sample session started at start with scores, point
// verdicts and ratings drawn from rng.
func variedRecord(start time.Time, rng *rand.Rand) *interview.Record {
	rec := sampleRecord(start)
	for i := range rec.Questions {
		q := &rec.Questions[i]
		if q.Outcome == interview.Pending {
			continue
		}
		q.Adjusted = rng.IntN(101)
		q.Rating = interview.Rating(rng.IntN(5))
		q.Overrides = nil
		for j := range q.Grade.Points {
			q.Grade.Points[j].Covered = rng.IntN(2) == 0
		}
	}
	return rec
}

// referencePoints is the per-point history read from every record in
// full, oldest session first.
func referencePoints(t *testing.T, s *Store) *interview.PointHistory {
	t.Helper()
	ids, err := s.ids()
	if err != nil {
		t.Fatal(err)
	}
	h := interview.NewPointHistory()
	for i := len(ids) - 1; i >= 0; i-- {
		if rec, err := s.load(ids[i]); err == nil {
			h.Add(rec)
		}
	}
	return h
}

// checkCards checks that the per-point history and both orders from the
// cards file agree with those from every record and every answer.
func checkCards(t *testing.T, s *Store, when string, now time.Time) {
	t.Helper()
	got, _ := s.PointHistory()
	want := referencePoints(t, s)
	if !reflect.DeepEqual(got.Cards(), want.Cards()) {
		t.Errorf("%s: point history\n%+v\nwant\n%+v", when, got.Cards(), want.Cards())
	}
	if !reflect.DeepEqual(got.MostMissed(0), want.MostMissed(0)) {
		t.Errorf("%s: MostMissed differs", when)
	}
	reviews, _ := s.Reviews()
	var cards []*decks.Card
	for _, id := range []string{"gnn/message-passing", "diffusion/forward-process", "gnn/readout", "vla/never"} {
		cards = append(cards, &decks.Card{ID: id})
	}
	r := s.Ranker(now)
	if _, ok := r.(interview.CardRanker); !ok {
		t.Errorf("%s: Ranker is %T, want a CardRanker", when, r)
	}
	for _, order := range []string{interview.OrderWeakest, interview.OrderDue} {
		w, wok := interview.HistoryRanker{Reviews: reviews, Now: now}.Rank(order, cards)
		g, gok := r.Rank(order, cards)
		if wok != gok || !slices.Equal(w, g) {
			t.Errorf("%s, %s: ranked %v, want %v", when, order, g, w)
		}
	}
}

// TestCardsFollowSavesAndChanges: the cards file gives what reading every
// record gives, after saves, with a session in progress, after changes
// behind its back and when damaged.
func TestCardsFollowSavesAndChanges(t *testing.T) {
	s := newTestStore(t)
	rng := rand.New(rand.NewPCG(1, 2))
	at := func(i int) time.Time { return t0.Add(time.Duration(i) * time.Hour) }
	for i := range 6 {
		if err := s.Save(variedRecord(at(i), rng)); err != nil {
			t.Fatal(err)
		}
	}
	now := at(100)
	if _, err := s.readCards(); err == nil {
		t.Fatal("a cards file before any reader built it")
	}
	checkCards(t, s, "built", now) // PointHistory builds the file
	if _, err := s.readCards(); err != nil {
		t.Fatalf("no cards file after PointHistory: %v", err)
	}
	live := variedRecord(at(6), rng)
	live.Ended = time.Time{}
	for range 2 {
		if err := s.Save(live); err != nil {
			t.Fatal(err)
		}
		live.Questions[0].Adjusted = rng.IntN(101)
	}
	if err := s.Save(variedRecord(at(7), rng)); err != nil {
		t.Fatal(err)
	}
	ag, err := s.readCards()
	m, _ := s.dirMtime()
	if err != nil || ag.dirMtime != m || len(ag.pending) != 2 || ag.folded != 6 {
		t.Fatalf("cards file after saves: %+v, %v; want up to date with 2 pending", ag, err)
	}
	checkCards(t, s, "with a session in progress", now)
	live.Ended = live.Started.Add(time.Minute)
	if err := s.Save(live); err != nil {
		t.Fatal(err)
	}
	checkCards(t, s, "after it ended", now)
	if ag, _ := s.readCards(); ag == nil || ag.folded != 8 || len(ag.pending) != 0 {
		t.Errorf("the ended sessions were not folded: %+v", ag)
	}
	// A session added and one removed behind its back.
	extra := variedRecord(at(8), rng)
	extra.ID = extra.Started.Format(IDFormat)
	data, _ := json.Marshal(extra)
	if err := WriteFileAtomic(s.JSONPath(extra.ID), data, 0o600); err != nil {
		t.Fatal(err)
	}
	checkCards(t, s, "after a session was added behind its back", now)
	if err := os.Remove(s.JSONPath(extra.ID)); err != nil {
		t.Fatal(err)
	}
	checkCards(t, s, "after it was removed", now)
	// An old session rewritten behind its back: the file is rebuilt.
	old := variedRecord(at(1), rng)
	old.ID = old.Started.Format(IDFormat)
	data, _ = json.Marshal(old)
	if err := WriteFileAtomic(s.JSONPath(old.ID), data, 0o600); err != nil {
		t.Fatal(err)
	}
	checkCards(t, s, "after an old session changed", now)
	if err := os.WriteFile(s.cardsPath(), []byte(cardsMagic+"\nc\tbroken\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	checkCards(t, s, "after the file was damaged", now)
	// Answers after now: the orders rank from every answer.
	if r := s.Ranker(at(3)); reflect.TypeOf(r) != reflect.TypeOf(interview.HistoryRanker{}) {
		t.Errorf("Ranker before the latest answer is %T, want a HistoryRanker", r)
	}
}

// TestCardsOfAnEmptyStore: with no sessions there is no history, and
// nothing is written.
func TestCardsOfAnEmptyStore(t *testing.T) {
	dir := t.TempDir()
	s := NewStore(dir)
	if h, errs := s.PointHistory(); len(errs) != 0 || len(h.Cards()) != 0 {
		t.Errorf("PointHistory = %+v, %v", h.Cards(), errs)
	}
	if r, ok := s.Ranker(t0).(interview.HistoryRanker); !ok || len(r.Reviews) != 0 {
		t.Errorf("Ranker = %+v", r)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("an empty store wrote %v", entries)
	}
}

// TestAppendCutShort: a save's append cut short by a crash leaves files
// that readers do not trust: they are rebuilt, and what they give is what
// the records say.
func TestAppendCutShort(t *testing.T) {
	s := newTestStore(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 3 {
		if err := s.Save(variedRecord(t0.Add(time.Duration(i)*time.Hour), rng)); err != nil {
			t.Fatal(err)
		}
	}
	s.List()
	s.PointHistory()
	want, _ := s.List()
	for _, path := range []string{s.summariesPath(), s.cardsPath()} {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("pending\t20261125T2")
		f.Close()
	}
	if got, errs := s.List(); len(errs) != 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("List after a cut append = %+v, %v; want %+v", got, errs, want)
	}
	checkCards(t, s, "after a cut append", t0.Add(100*time.Hour))
}

// TestFilesBesideTheIndexWithTwoWriters: two Stores on one directory (as
// two grill processes) saving at the same time leave summaries and a cards
// file that agree with the records.
func TestFilesBesideTheIndexWithTwoWriters(t *testing.T) {
	dir := t.TempDir()
	a, b := NewStore(dir), NewStore(dir)
	if err := a.Save(sampleRecord(t0)); err != nil {
		t.Fatal(err)
	}
	a.List()
	a.PointHistory()
	done := make(chan error, 2)
	for k, s := range []*Store{a, b} {
		go func() {
			rng := rand.New(rand.NewPCG(uint64(k), 9))
			for i := range 8 {
				rec := variedRecord(t0.Add(time.Duration(1+2*i+k)*time.Hour), rng)
				if err := s.Save(rec); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for range 2 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	got, errs := b.List()
	os.Remove(b.summariesPath())
	os.Remove(b.indexPath())
	want, _ := b.List()
	if len(errs) != 0 || len(got) != 17 || !reflect.DeepEqual(got, want) {
		t.Errorf("List after two writers: %d sessions, %v; differs from the records: %t", len(got), errs, !reflect.DeepEqual(got, want))
	}
	checkCards(t, a, "after two writers", t0.Add(100*time.Hour))
}
