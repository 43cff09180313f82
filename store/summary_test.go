package store

import (
	"os"
	"reflect"
	"testing"
	"time"

	"grill/interview"
)

// TestSummariesFollowSaves: the summaries a save appends are what a
// rebuild from the records gives, and the file stays up to date through
// saves of new sessions and repeated saves of one in progress.
func TestSummariesFollowSaves(t *testing.T) {
	s := newTestStore(t)
	if err := s.Save(sampleRecord(t0)); err != nil {
		t.Fatal(err)
	}
	if _, errs := s.List(); len(errs) != 0 { // writes the summaries
		t.Fatal(errs)
	}
	live := inProgress(t0.Add(time.Hour))
	live.Settings.Topics = append(live.Settings.Topics, "a,b c\tx:y")
	for range 2 {
		if err := s.Save(live); err != nil {
			t.Fatal(err)
		}
		live.Questions = append(live.Questions, live.Questions[0])
	}
	timeUp := v2Record()
	timeUp.Started, timeUp.ID = t0.Add(2*time.Hour), ""
	if err := s.Save(timeUp); err != nil {
		t.Fatal(err)
	}
	sm, err := s.readSummaries()
	m, _ := s.dirMtime()
	if err != nil || sm.dirMtime != m || sm.replaced != 1 {
		t.Fatalf("summaries after the saves: %+v, %v; want up to date (dir %d) with one line replaced", sm, err, m)
	}
	appended, errs := s.List()
	if len(errs) != 0 || len(appended) != 3 {
		t.Fatal(appended, errs)
	}
	os.Remove(s.summariesPath())
	os.Remove(s.indexPath())
	rebuilt, errs := s.List()
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if !reflect.DeepEqual(appended, rebuilt) {
		t.Errorf("appended:\n%+v\nrebuilt:\n%+v", appended, rebuilt)
	}
	h, _ := s.History()
	if !reflect.DeepEqual(h.Sessions, rebuilt) {
		t.Errorf("List:\n%+v\nHistory:\n%+v", rebuilt, h.Sessions)
	}
	if rebuilt[1].Status != interview.StatusInProgress {
		t.Errorf("status %q", rebuilt[1].Status)
	}
}
