package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// TestScanDigestReadsFollowUpTime: the fast scanner of List reads the time
// used on each question's follow-ups, in seconds (version 3) or
// nanoseconds (the follow-up of testdata/v2-…json), into the same digest
// as decoding the whole record.
func TestScanDigestReadsFollowUpTime(t *testing.T) {
	v2, err := os.ReadFile(filepath.Join("testdata", "v2-20261125T171849Z.json"))
	if err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(withFollowUps())
	indented, _ := json.MarshalIndent(withFollowUps(), "", "  ")
	running := withFollowUps()
	running.Ended, running.Current, running.FollowUp = time.Time{}, 1, 1
	running.Questions[1].FollowUps[0].Outcome = ""
	live, _ := json.Marshal(running)
	for _, tc := range []struct {
		name      string
		data      []byte
		followUps time.Duration // of the first question
	}{
		{"version 2", v2, 1500 * time.Millisecond},
		{"compact", compact, 27250 * time.Millisecond},
		{"indented", indented, 27250 * time.Millisecond},
		{"in progress", live, 27250 * time.Millisecond},
	} {
		rec, err := DecodeRecord(tc.name, tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := rec.Digest()
		got, err := decodeDigest(tc.name, tc.data)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		got.ID = want.ID
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: scanner read\n%+v\nthe record's digest is\n%+v", tc.name, got, want)
		}
		if got.Questions[0].FollowUpTime != tc.followUps {
			t.Errorf("%s: follow-up time of the first question %v, want %v", tc.name, got.Questions[0].FollowUpTime, tc.followUps)
		}
	}
}
