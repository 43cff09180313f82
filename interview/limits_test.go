package interview

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// TestAnswersAreCappedAtMaxAnswerBytes: a 5,000-word answer is far inside
// the cap; a longer draft is cut at a character boundary.
func TestAnswersAreCappedAtMaxAnswerBytes(t *testing.T) {
	fiveThousand := strings.Repeat("aggregation ", 5000)
	if len(fiveThousand)*4 > MaxAnswerBytes {
		t.Fatalf("a 5,000-word answer (%d bytes) is not far inside the cap of %d", len(fiveThousand), MaxAnswerBytes)
	}
	if got, cut := TruncateAnswer(fiveThousand); cut || got != fiveThousand {
		t.Error("a 5,000-word answer was cut")
	}
	long := strings.Repeat("é", MaxAnswerBytes) // 2 bytes each: the cut falls inside one
	got, cut := TruncateAnswer("x" + long)
	if !cut || len(got) > MaxAnswerBytes || len(got) < MaxAnswerBytes-1 || !utf8.ValidString(got) {
		t.Errorf("cut to %d bytes (valid UTF-8: %v), want at most %d", len(got), utf8.ValidString(got), MaxAnswerBytes)
	}
	sess, _, _ := newTestSession(t, Settings{Count: 1, TimeLimit: time.Minute, TimeChosen: true, Seed: 1})
	sess.SetDraft(long)
	if _, q := sess.Current(); len(q.Answer) != MaxAnswerBytes {
		t.Errorf("SetDraft kept %d bytes, want %d", len(q.Answer), MaxAnswerBytes)
	}
}
