package ui

import (
	"net/http"
	"strings"
	"testing"

	"github.com/gdamore/tcell/v2"

	"grill/internal/fakellm"
	"grill/interview"
)

// With the LLM on and no follow-up written in the deck, the LLM's
// follow-up question is asked after the review of an answer that missed a
// point, and graded offline against that point.
func TestLLMFollowUpAskedForAMissedPoint(t *testing.T) {
	srv := newFakeLLM(t, func(w http.ResponseWriter, r *http.Request, n int, answer string) {
		streamReply(w, verdictJSON("covered", "alpha", "missing", "", nil, 40,
			"Alpha is there; beta is not.", "What role does beta play?"))
	})
	h := start(t, Options{Config: config(2), SkipHome: true, LLM: testLLM(t, srv.URL)}, 100, 30)
	h.waitFor("1/2", "Ctrl+S submit")
	h.typeText("It is all about alpha, which drives it.")
	h.ctrl(tcell.KeyCtrlS)
	// "(grader" is only in the verdict, not in the reply streaming in: the
	// follow-up is asked once the session holds the verdict.
	h.waitFor("review", "(grader", "Follow-up: What role does beta play?")
	h.press('2')
	h.waitFor("1/2", "follow-up", "What role does beta play?", "01:30 left")
	h.typeText("beta weighs the neighbours, so it matters")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("follow-up review", "Beta")
	h.press('3')
	h.waitFor("2/2", "Ctrl+S submit")
	f := h.record().Questions[0].FollowUps
	if len(f) != 1 || f[0].Origin != interview.OriginLLM || f[0].Probes != "Beta" || f[0].Grade.Score != 100 {
		t.Fatalf("LLM follow-up record: %+v", f)
	}
}

// stalledVerdict returns a fake LLM whose verdict (alpha covered, beta
// missing, a follow-up question on beta) is sent only once release is
// closed.
func stalledVerdict(t *testing.T, release <-chan struct{}) *fakellm.Server {
	var srv *fakellm.Server
	ready := make(chan struct{})
	srv = newFakeLLM(t, func(w http.ResponseWriter, r *http.Request, n int, answer string) {
		<-ready // srv is set
		select {
		case <-release:
		case <-srv.Stop:
			return
		}
		streamReply(w, verdictJSON("covered", "alpha", "missing", "", nil, 40,
			"Alpha is there; beta is not.", "What role does beta play?"))
	})
	close(ready)
	return srv
}

// rateBeforeTheVerdict answers the first question missing the point Beta
// and rates it Hard while the LLM's verdict is held back until release is
// closed.
func rateBeforeTheVerdict(t *testing.T) (*harness, chan struct{}) {
	release := make(chan struct{})
	srv := stalledVerdict(t, release)
	h := start(t, Options{Config: config(2), SkipHome: true, LLM: testLLM(t, srv.URL)}, 100, 30)
	h.waitFor("1/2", "Ctrl+S submit")
	h.typeText("It is all about alpha, which drives it.")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("review", "Asking test-model")
	h.press('2')
	return h, release
}

// A candidate who rates before the LLM's verdict has come still gets the
// LLM's follow-up question: the review says it waits for it, and the
// follow-up is asked when the verdict arrives.
func TestRatingBeforeTheVerdictStillBringsTheLLMFollowUp(t *testing.T) {
	h, release := rateBeforeTheVerdict(t)
	h.waitFor("Rated Hard", "waiting for the LLM's follow-up question", "Esc go on without it")
	if rec := h.record(); rec.Questions[0].Rating != interview.Hard || len(rec.Questions) != 1 {
		t.Fatalf("rating not recorded while waiting, or the session moved on: %+v", rec.Questions)
	}
	close(release)
	// "01:30 left" is the follow-up question's own clock: the review,
	// whose footer also says "follow-up", has gone.
	h.waitFor("1/2", "What role does beta play?", "01:30 left")
	f := h.record().Questions[0].FollowUps
	if len(f) != 1 || f[0].Origin != interview.OriginLLM || f[0].Probes != "Beta" {
		t.Fatalf("LLM follow-up record: %+v", f)
	}
}

// Esc goes on without the LLM's follow-up; the verdict is still recorded
// when it comes, and no follow-up is asked for it afterwards.
func TestGoingOnWithoutTheLLMFollowUp(t *testing.T) {
	h, release := rateBeforeTheVerdict(t)
	h.waitFor("waiting for the LLM's follow-up question")
	h.key(tcell.KeyEscape)
	h.waitFor("2/2", "Ctrl+S submit")
	close(release)
	rec, l := h.llmOf(0)
	if l.Verdict == nil || len(rec.Questions[0].FollowUps) != 0 || rec.Questions[0].Rating != interview.Hard {
		t.Fatalf("after going on: verdict %+v, follow-ups %+v", l.Verdict, rec.Questions[0].FollowUps)
	}
	h.waitFor("2/2", "Ctrl+S submit")
}

// An answer that missed nothing has no follow-up to wait for: rating goes
// on at once while the LLM is still busy.
func TestRatingGoesOnAtOnceWhenNothingWasMissed(t *testing.T) {
	release := make(chan struct{})
	srv := stalledVerdict(t, release)
	h := start(t, Options{Config: config(2), SkipHome: true, LLM: testLLM(t, srv.URL)}, 100, 30)
	h.waitFor("1/2", "Ctrl+S submit")
	h.typeText("Alpha drives beta, which weighs it.")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("review", "Asking test-model")
	h.press('3')
	screen := h.waitFor("2/2", "Ctrl+S submit")
	if strings.Contains(screen, "waiting for the LLM") {
		t.Fatalf("waited with nothing missed:\n%s", screen)
	}
	close(release)
}
