package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"grill/grading"
)

// TestVerdictsRoundTrip: a record whose grade has a contradicted point
// (with its evidence) and misconceptions is read back whole, its JSON names
// them "contradicted" and "misconceptions", and the fast scanner of List
// reads its scores past them.
func TestVerdictsRoundTrip(t *testing.T) {
	s := newTestStore(t)
	rec := sampleRecord(t0)
	q := &rec.Questions[1]
	q.Grade = grading.Result{Score: 17, Points: []grading.PointResult{
		{Label: "Adds Gaussian noise", Weight: 1, Covered: true, Spans: []grading.Span{{Start: 3, End: 8}}},
		{Label: "Fixed variance schedule", Weight: 1, Contradicted: true, Spans: []grading.Span{{Start: 9, End: 17}}, Evidence: []grading.Span{{Start: 18, End: 22}}},
	}, Misconceptions: []grading.MisconceptionResult{
		{Label: "Noise is uniform", Weight: 1, Asserted: true, Spans: []grading.Span{{Start: 0, End: 2}}},
		{Label: "The schedule is learned", Weight: 2},
	}}
	q.Adjusted = 17
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load(rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Questions[1].Grade, q.Grade) {
		t.Errorf("grade read back as %+v, want %+v", got.Questions[1].Grade, q.Grade)
	}
	data, _ := json.Marshal(rec)
	for _, want := range []string{`"contradicted":true`, `"evidence":[{"start":18,"end":22}]`, `"misconceptions":[{"label":"Noise is uniform","weight":1,"asserted":true`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("record JSON lacks %s", want)
		}
	}
	d, _, err := scanDigest(data)
	if err != nil {
		t.Fatal(err)
	}
	if d.Questions[1].Score != 17 || d.Questions[1].Adjusted != 17 || d.Questions[2].CardID != "gnn/readout" {
		t.Errorf("scanner read %+v", d.Questions)
	}
}
