package interview

import (
	"testing"
	"time"
)

// TestCompletionText: how far a session got, from its digest, as every
// screen and report says it.
func TestCompletionText(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 17, 0, 0, 0, time.UTC)
	answered := func(n, pending int) []QuestionDigest {
		qs := make([]QuestionDigest, n+pending)
		for i := range n {
			qs[i].Outcome = Submitted
		}
		return qs
	}
	for _, tc := range []struct {
		name string
		d    Digest
		want string
	}{
		{"every question answered", Digest{Ended: t0, Planned: 5, Questions: answered(5, 0)}, "complete"},
		{"quit on the second question", Digest{Ended: t0, Planned: 5, Questions: answered(1, 1)}, "quit after 1 of 5"},
		{"quit while reviewing the first", Digest{Ended: t0, Planned: 5, Questions: answered(1, 0)}, "quit after 1 of 5"},
		{"quit at once", Digest{Ended: t0, Planned: 3, Questions: answered(0, 1)}, "quit after 0 of 3"},
		{"no plan recorded", Digest{Ended: t0, Questions: answered(2, 1)}, "quit after 2 of 3"},
		{"interview out of time", Digest{Ended: t0, Planned: 5, Mode: ModeInterview, Debrief: true, Questions: answered(3, 0)}, "time up after 3 of 5"},
		{"interview quit during the round", Digest{Ended: t0, Planned: 5, Mode: ModeInterview, Questions: answered(3, 1)}, "quit after 3 of 5"},
		{"interview with every answer", Digest{Ended: t0, Planned: 2, Mode: ModeInterview, Debrief: true, Questions: answered(2, 0)}, "complete"},
		{"abandoned", Digest{Abandoned: true, Planned: 5, Questions: answered(1, 1)}, "abandoned"},
		{"in progress", Digest{Planned: 5, Questions: answered(1, 1)}, "in progress"},
	} {
		if got := Summarize(&tc.d).CompletionText(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestDigestCarriesThePlan: the digest of a record counts its planned
// questions and knows an interview's round is over.
func TestDigestCarriesThePlan(t *testing.T) {
	rec := &Record{Plan: []string{"a/1", "a/2", "a/3"}, Debrief: true, Settings: Settings{Mode: ModeInterview},
		Questions: []QuestionRecord{{CardID: "a/1", Outcome: Submitted}}}
	d := rec.Digest()
	if d.Planned != 3 || !d.Debrief {
		t.Errorf("digest has %d planned, debrief %t; want 3, true", d.Planned, d.Debrief)
	}
	if s := Summarize(d); s.Planned != 3 || !s.RoundOver || s.Answered != 1 {
		t.Errorf("summary has %d planned, round over %t, %d answered; want 3, true, 1", s.Planned, s.RoundOver, s.Answered)
	}
}
