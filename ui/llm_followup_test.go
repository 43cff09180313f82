package ui

import (
	"net/http"
	"testing"

	"github.com/gdamore/tcell/v2"

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
