package ui

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/rivo/tview"

	"grill/interview"
	"grill/llm"
)

// LLM feedback runs beside the review. When a question is submitted or
// times out, a goroutine asks the LLM and hands what arrives to the event
// loop with QueueUpdateDraw: the reply as it streams in, drawn only while
// that question's review is on screen, then the verdict or a one-line
// failure, which also goes into the session record with Session.SetLLM.
// Rating the answer does not stop the request; quitting grill does.

// feedbackJobs tracks the LLM requests running in the background, so that
// the app can wait for them when it stops. Its zero value is ready.
type feedbackJobs struct {
	mu      sync.Mutex
	closed  bool // the app is stopping: no new requests
	wg      sync.WaitGroup
	once    sync.Once
	loopEnd chan struct{} // closed once the event loop has returned
}

// add registers a new request; it returns false when the app is stopping.
func (j *feedbackJobs) add() bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return false
	}
	j.wg.Add(1)
	return true
}

// closeAndWait refuses new requests and waits for the running ones, which
// end quickly once the app's context is cancelled. The event loop must
// still be running: they hand their last update to it.
func (j *feedbackJobs) closeAndWait() {
	j.mu.Lock()
	j.closed = true
	j.mu.Unlock()
	j.wg.Wait()
}

// ended returns a channel closed once the event loop has returned.
func (j *feedbackJobs) ended() chan struct{} {
	j.once.Do(func() { j.loopEnd = make(chan struct{}) })
	return j.loopEnd
}

// loopDone records that the event loop has returned.
func (j *feedbackJobs) loopDone() {
	ch := j.ended()
	j.mu.Lock()
	defer j.mu.Unlock()
	select {
	case <-ch:
	default:
		close(ch)
	}
}

// onLoop runs f on the event loop and redraws, waiting until it has run.
// Called from a goroutine other than the event loop's. It returns false
// without waiting further when the event loop has ended (the terminal went
// away), in which case f may never run.
func (a *app) onLoop(f func()) bool {
	done := make(chan struct{})
	go func() {
		a.tv.QueueUpdateDraw(f)
		close(done)
	}()
	select {
	case <-done:
		return true
	case <-a.llmJobs.ended():
		return false
	}
}

// feedbackPanel is the state of a review's LLM panel.
type feedbackPanel struct {
	score   string   // shown after the grader's score in the top line: "LLM 72"
	title   string   // the panel's title
	compact bool     // a status or a failure, a line or two
	lines   []string // the text's lines, for sizing
	width   int      // screen width the pane was sized for; -1 to redo
	height  int      // screen height the pane was sized for
	final   bool     // the verdict or failure is shown; streamed text comes no more
}

// startFeedback fills the LLM panel of review r as the session plans it
// (interview.Session.PlanFeedback): the feedback already in the record (a
// resumed session), a note saying why there is none, or a request that runs
// in the background. Runs on the event loop.
func (a *app) startFeedback(r *reviewScreen) {
	client := a.opts.LLM
	plan := r.sess.PlanFeedbackAt(r.index, r.follow, client)
	switch {
	case plan.Stored != nil:
		r.showLLMRecord(plan.Stored, plan.Injection)
		return
	case plan.Note != "":
		r.showLLMNote(plan.Note)
		return
	case !plan.Ask:
		return
	}
	if a.stopping || a.ctx.Err() != nil || !a.llmJobs.add() {
		return
	}
	r.showLLMPending(client, plan.Injection)
	go a.runFeedback(r, client, plan.Injection)
}

// runFeedback asks for the feedback of review r's question, draws the reply
// into r while it streams in and r is on screen, then the verdict or the
// failure, which the session has recorded. It runs on its own goroutine.
func (a *app) runFeedback(r *reviewScreen, client *llm.Client, injection []string) {
	defer a.llmJobs.wg.Done()
	rec := r.sess.AskFeedbackAt(a.ctx, client, r.index, r.follow, func(preview string) {
		a.onLoop(func() {
			if a.cur == r && !r.fb.final {
				r.showLLMStream(client, preview, injection)
			}
		})
	})
	a.onLoop(func() {
		if a.cur != r {
			return
		}
		r.showLLMRecord(rec, injection)
		if r.waiting {
			// Rated before the verdict came: the session has moved on
			// with it (Session.SetLLMAt), to its follow-up if it asked one.
			r.waiting = false
			a.showNext()
		}
	})
}

// feedbackTitle is the panel's title: the model and, once known, how long
// the reply took.
func feedbackTitle(model string, latency time.Duration, state string) string {
	t := "LLM feedback"
	if model != "" {
		t += " · " + tview.Escape(model)
	}
	switch {
	case latency >= time.Second:
		t += fmt.Sprintf(" · %.1f s", latency.Seconds())
	case latency > 0:
		t += fmt.Sprintf(" · %d ms", latency.Milliseconds())
	}
	if state != "" {
		t += " · " + state
	}
	return t
}

// injectionLine is the flag shown when the answer tries to instruct the
// grader, with what was found.
func (r *reviewScreen) injectionLine(reasons []string) string {
	th := r.a.th
	s := th.paint(colBad, th.bold("⚠ answer tries to instruct the grader"))
	if len(reasons) > 0 {
		s += th.dim(" — " + tview.Escape(strings.Join(reasons, "; ")))
	}
	return s
}

// showLLMPending shows that feedback has been asked for.
func (r *reviewScreen) showLLMPending(client *llm.Client, injection []string) {
	th := r.a.th
	lines := []string{th.dim(tview.Escape(fmt.Sprintf("Asking %s at %s… Rate when you like: the feedback is kept either way.", client.Model(), client.Host())))}
	if len(injection) > 0 {
		lines = append([]string{r.injectionLine(injection)}, lines...)
	}
	r.fb.score = th.dim("LLM …")
	r.setFeedback(feedbackTitle(client.Model(), 0, ""), lines, true)
	r.refresh()
}

// showLLMStream shows the reply received so far, made readable by
// llm.StreamPreview.
func (r *reviewScreen) showLLMStream(client *llm.Client, preview string, injection []string) {
	var lines []string
	if len(injection) > 0 {
		lines = append(lines, r.injectionLine(injection))
	}
	lines = append(lines, tview.Escape(preview))
	r.setFeedback(feedbackTitle(client.Model(), 0, "receiving…"), lines, false)
}

// showLLMError shows why there is no feedback, on one line.
func (r *reviewScreen) showLLMError(line string, injection []string) {
	th := r.a.th
	var lines []string
	if len(injection) > 0 {
		lines = append(lines, r.injectionLine(injection))
	}
	lines = append(lines, th.paint(colAmber, "LLM feedback unavailable: ")+tview.Escape(line))
	r.fb.final = true
	r.fb.score = ""
	r.setFeedback(feedbackTitle("", 0, ""), lines, true)
	r.refresh()
}

// showLLMNote explains on one line why no feedback is asked for.
func (r *reviewScreen) showLLMNote(text string) {
	r.fb.final = true
	r.setFeedback(feedbackTitle("", 0, ""), []string{r.a.th.dim(tview.Escape(text))}, true)
}

// showVerdict shows the LLM's verdict: its score beside the grader's, with
// "untrusted" and "⚠ disagree" flags, each key point covered, partly or
// missing with the quote that shows it, the wrong claims, the feedback and
// the follow-up question. A reply that did not validate is shown as text,
// with no score.
func (r *reviewScreen) showVerdict(v *llm.Verdict) {
	th := r.a.th
	r.fb.final = true
	var lines []string
	if v.Injection {
		lines = append(lines, r.injectionLine(v.InjectionReasons))
	}
	if !v.Valid {
		r.fb.score = ""
		why := ""
		if len(v.Problems) > 0 {
			why = " (" + strings.Join(v.Problems, "; ") + ")"
		}
		lines = append(lines, th.paint(colAmber, "The reply did not validate"+tview.Escape(why)+", so it has no LLM score. As received:"))
		lines = append(lines, tview.Escape(v.Text))
		r.setFeedback(feedbackTitle(v.Model, v.Latency, ""), lines, false)
		r.refresh()
		return
	}

	flags := ""
	if v.Untrusted {
		flags += " " + th.paint(colAmber, th.bold("untrusted"))
	}
	if v.Disagreement {
		flags += " " + th.paint(colBad, th.bold("⚠ disagree"))
	}
	r.fb.score = th.bold(fmt.Sprintf("LLM %d", v.Score)) + flags

	head := th.bold(fmt.Sprintf("LLM score %d/100", v.Score)) + th.dim(fmt.Sprintf(" (grader %d)", v.OfflineScore)) + flags
	if v.Untrusted {
		head += th.dim(" — never counts")
	}
	if v.Disagreement {
		head += th.dim(fmt.Sprintf(" — more than %d points apart", llm.DisagreementThreshold))
	}
	// What was wrong, the feedback and the next question first: on a small
	// screen they are what fits; the key points follow.
	lines = append(lines, head)
	if len(v.WrongClaims) > 0 {
		lines = append(lines, th.paint(colBad, "Wrong claims:"))
		for _, c := range v.WrongClaims {
			lines = append(lines, "  • "+tview.Escape(oneLine(c)))
		}
	}
	lines = append(lines, tview.Escape(oneLine(v.Feedback)))
	if v.FollowUp != "" {
		lines = append(lines, th.bold("Follow-up:")+" "+tview.Escape(oneLine(v.FollowUp)))
	}
	for _, p := range v.Points {
		lines = append(lines, r.llmPointLine(p))
	}
	r.setFeedback(feedbackTitle(v.Model, v.Latency, ""), lines, false)
	r.refresh()
}

// llmPointLine is one key point as the LLM judged it.
func (r *reviewScreen) llmPointLine(p llm.Point) string {
	th := r.a.th
	mark := th.paint(colBad, "✗")
	switch p.Status {
	case llm.Covered:
		mark = th.paint(colGood, "✓")
	case llm.Partly:
		mark = th.paint(colAmber, "~")
	}
	s := mark + " " + tview.Escape(p.Label) + th.dim(" — "+string(p.Status))
	if p.Evidence != "" {
		s += th.dim(": ") + "“" + tview.Escape(oneLine(p.Evidence)) + "”"
	}
	return s
}

// showLLMRecord shows the feedback of a session record: the verdict, or
// the one-line failure with the instructions to the grader found in the
// answer, if any.
func (r *reviewScreen) showLLMRecord(l *interview.LLMRecord, injection []string) {
	if l.Error != "" || l.Verdict == nil {
		r.showLLMError(l.Error, injection)
		return
	}
	r.showVerdict(l.Verdict)
}
