package interview

import (
	"context"
	"net/http"
	"testing"
	"time"

	"grill/internal/fakellm"
	"grill/llm"
)

// stalledLLM is a client whose one verdict (alpha covered, beta missing,
// a follow-up question) is sent once release is closed; received is closed
// when the request has arrived.
func stalledLLM(t *testing.T, received, release chan struct{}) *llm.Client {
	t.Helper()
	srv := fakellm.New(t, func(w http.ResponseWriter, r *http.Request, n int, req fakellm.Request) {
		close(received)
		<-release
		fakellm.Stream(w, `{"key_points":[{"label":"Alpha","status":"covered","evidence":"alpha"},`+
			`{"label":"Beta","status":"missing","evidence":""}],"wrong_claims":[],"score":40,`+
			`"feedback":"Say more.","follow_up":"What does beta do?"}`, 16)
	})
	c, err := llm.New(llm.Config{Enabled: true, BaseURL: srv.URL + "/v1", Model: "m", Timeout: 30 * time.Second},
		func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// A rating given while the LLM's verdict is still coming, on an answer
// that missed a point no written follow-up probes, waits for the verdict,
// which brings the LLM's follow-up question; GoOn moves on without it.
func TestRatingWaitsForTheLLMFollowUp(t *testing.T) {
	for _, goOn := range []bool{false, true} {
		received, release := make(chan struct{}), make(chan struct{})
		client := stalledLLM(t, received, release)
		sess, err := New(sessionLibrary(), Settings{Topics: []string{"a"}, Count: 2, Seed: 1}, Options{Clock: NewFakeClock(epoch)})
		if err != nil {
			t.Fatal(err)
		}
		answer(t, sess, "alpha only")
		done := make(chan *LLMRecord)
		go func() { done <- sess.AskFeedbackAt(context.Background(), client, 0, 0, nil) }()
		<-received
		if err := sess.Rate(Hard); err != nil {
			t.Fatal(err)
		}
		if !sess.AwaitingLLM() || sess.Phase() != Reviewing || sess.Index() != 0 {
			t.Fatalf("rated before the verdict: awaiting %v, phase %v, index %d", sess.AwaitingLLM(), sess.Phase(), sess.Index())
		}
		if goOn {
			sess.GoOn()
			if sess.AwaitingLLM() || sess.Index() != 1 || sess.Phase() != Asking {
				t.Fatalf("GoOn: index %d, phase %v", sess.Index(), sess.Phase())
			}
		}
		close(release)
		if rec := <-done; rec.Verdict == nil {
			t.Fatalf("no verdict: %+v", rec)
		}
		card, q := sess.Current()
		if goOn {
			if sess.Index() != 1 || len(sess.Record().Questions[0].FollowUps) != 0 || sess.Record().Questions[0].LLM == nil {
				t.Fatalf("after GoOn the verdict moved the session: index %d, %+v", sess.Index(), sess.Record().Questions[0])
			}
			continue
		}
		if sess.AwaitingLLM() || sess.FollowUp() != 1 || q.Origin != OriginLLM || card.Question != "What does beta do?" {
			t.Fatalf("after the verdict: follow-up %d, %q, %+v", sess.FollowUp(), card.Question, q)
		}
		if sess.Record().Questions[0].Rating != Hard {
			t.Fatal("the rating given while waiting was lost")
		}
	}
}

// Nothing to wait for: a full answer, or follow-ups off, goes on at once.
func TestRatingGoesOnWhenNoLLMFollowUpCanCome(t *testing.T) {
	for _, tc := range []struct {
		policy, text string
	}{{FollowUpsMissed, "alpha and beta"}, {FollowUpsOff, "alpha only"}} {
		received, release := make(chan struct{}), make(chan struct{})
		client := stalledLLM(t, received, release)
		sess, err := New(sessionLibrary(), Settings{Topics: []string{"a"}, Count: 2, Seed: 1, FollowUps: tc.policy}, Options{Clock: NewFakeClock(epoch)})
		if err != nil {
			t.Fatal(err)
		}
		answer(t, sess, tc.text)
		done := make(chan struct{})
		go func() { sess.AskFeedbackAt(context.Background(), client, 0, 0, nil); close(done) }()
		<-received
		_ = sess.Rate(Good)
		if sess.AwaitingLLM() || sess.Index() != 1 {
			t.Fatalf("%s %q: waited (index %d)", tc.policy, tc.text, sess.Index())
		}
		close(release)
		<-done
	}
}
