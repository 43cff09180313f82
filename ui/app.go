// Package ui is grill's terminal interface: the home screen, the timed
// question screen, the review with self-grading and the session summary.
// It shows the state of an interview.Session and never computes it.
package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/interview"
	"grill/llm"
	"grill/report"
	"grill/store"
)

// Options configure Run.
type Options struct {
	// Library holds the decks to draw questions from.
	Library *decks.Library
	// Config prefills the home screen and, with SkipHome, is the session.
	Config interview.Config
	// Clock is the time source; nil means the system clock.
	Clock interview.Clock
	// SkipHome starts the session at once, as "grill start" does.
	SkipHome bool
	// Screen is where to draw; nil means the terminal. Tests pass a
	// tcell simulation screen.
	Screen tcell.Screen
	// NoColor turns colour off (set it when NO_COLOR is set): only bold,
	// underline and reverse are used.
	NoColor bool
	// Ranker gives the orders "weakest" and "due" their history; nil means
	// none, and they fall back to "mixed".
	Ranker interview.Ranker
	// OnChange is called with a copy of the session record after every
	// change of state, and while a question is asked with the draft and the
	// time used: once typing pauses for SavePause, and every SaveEvery.
	// It runs on the UI goroutine: keep it short.
	OnChange func(interview.Record)
	// Report is called once when a session ends, with the final record. It
	// returns where the session's report is (or will be) written, which the
	// summary shows; an error is shown there instead.
	Report func(interview.Record) (path string, err error)
	// Tick is how often the countdown checks the clock; 0 means 250 ms.
	// The screen is redrawn only when the shown time changes.
	Tick time.Duration
	// SaveEvery is how often, while a question is asked, the draft and the
	// time used are passed to OnChange, typing or not; 0 means 500 ms.
	// With the default Tick, a process killed at any moment loses at most
	// the last 750 ms of typing and of time used, plus the time a save
	// takes.
	SaveEvery time.Duration
	// SavePause is how long typing must pause before the draft is passed
	// to OnChange, once per pause; 0 means 250 ms.
	SavePause time.Duration
	// Store keeps the sessions. With it, a session is saved after every
	// change (on a goroutine of its own, the last save finished before Run
	// returns) and its report written when it ends; an interrupted session
	// is offered for resuming at start; the home screen leads to the
	// history; and, unless Ranker is set, the orders "weakest" and "due"
	// rank by the stored sessions. nil means nothing is saved or read.
	Store *store.Store
	// Stdout receives the report after the interface has closed when the
	// candidate asks for it to be printed (the data directory could not
	// be written); nil means os.Stdout.
	Stdout io.Writer
	// LLM, when set, is asked for feedback on every answer submitted or
	// timed out. The feedback streams into the review, lands in the record
	// even after the candidate moved on, and never changes a score. Nil
	// means no LLM feedback.
	LLM *llm.Client
	// Round, when positive, makes the session an interview (grill
	// interview) with one clock of this length for the whole round:
	// questions easier first, no review until the round is over, then a
	// scorecard and the reviews.
	Round time.Duration
	// Retry, when set, asks these cards again (grill start --retry), in
	// this order, instead of selecting questions.
	Retry *Retry
	// OnStart, when set, is called with the settings of every session
	// started (grill remembers them for the next home screen).
	OnStart func(interview.Settings)
}

// Retry is a session that asks again the weak questions of an earlier one.
type Retry struct {
	Of    string        // the earlier session's id
	Below int           // the score its questions were below
	Cards []*decks.Card // the cards to ask
}

// Run shows grill's screens until the candidate quits or ctx is done, as
// when grill gets SIGHUP (its terminal closed), SIGTERM or SIGINT: the
// session in progress is then saved with its draft and the time used, to be
// offered for resuming at the next start. With SkipHome it starts the
// session first and returns its error (an unknown topic, say) before
// touching the terminal.
func Run(ctx context.Context, opts Options) error {
	a, err := newApp(opts)
	if err != nil {
		return err
	}
	return a.runContext(ctx)
}

// screen is one of the app's screens.
type screen interface {
	// capture sees every key before the focused widget; it returns nil for
	// keys it handled.
	capture(ev *tcell.EventKey) *tcell.EventKey
	// beforeDraw updates what is computed lazily (word count, layout for
	// the screen's width) right before the screen is drawn.
	beforeDraw(width, height int)
}

// app is a running grill interface. Its fields other than sess are used
// only on the event loop goroutine.
type app struct {
	opts  Options
	th    theme
	clock interview.Clock
	tv    *tview.Application
	pages *tview.Pages
	cur   screen

	sess atomic.Pointer[interview.Session] // read by the countdown goroutine

	ctx      context.Context
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	stopOnce sync.Once
	stopping bool

	llmJobs feedbackJobs // LLM requests running in the background

	points        *interview.PointHistory // past sessions' key points; nil until loaded
	sessID        string                  // the id of the session started or resumed last
	pointsOnce    sync.Once               // loads points
	scorecardSeen bool                    // the interview's scorecard was shown

	finished   bool // the end-of-session hook has run
	reportPath string
	reportErr  error

	saver       *saver    // writes to opts.Store; nil without one
	lastSave    time.Time // when autosave last passed the question's state on
	notice      string    // shown on the home screen, such as a failed resume
	exported    string    // where the report was written after a failed save
	printReport bool      // print the report once the interface has closed

	helpBack tview.Primitive // focused before the help overlay opened
	reports  []string        // the reports written, printed when grill exits
}

func newApp(opts Options) (*app, error) {
	if opts.Library == nil {
		return nil, errors.New("no decks loaded")
	}
	if opts.Clock == nil {
		opts.Clock = interview.RealClock{}
	}
	if opts.Tick <= 0 {
		opts.Tick = 250 * time.Millisecond
	}
	if opts.SaveEvery <= 0 {
		opts.SaveEvery = 500 * time.Millisecond
	}
	if opts.SavePause <= 0 {
		opts.SavePause = 250 * time.Millisecond
	}
	a := &app{opts: opts, th: newTheme(!opts.NoColor), clock: opts.Clock}
	a.ctx, a.cancel = context.WithCancel(context.Background())
	a.th.install()
	a.tv = tview.NewApplication().EnablePaste(true)
	if opts.Screen != nil {
		a.tv.SetScreen(opts.Screen)
	}
	a.pages = tview.NewPages()
	a.tv.SetRoot(a.pages, true)
	a.tv.SetInputCapture(a.capture)
	a.tv.SetBeforeDrawFunc(func(s tcell.Screen) bool {
		if a.cur != nil {
			w, h := s.Size()
			a.cur.beforeDraw(w, h)
		}
		return false
	})
	var offer *interview.Record
	if opts.Store != nil {
		a.saver = newSaver(opts.Store.Save)
		rec, err := opts.Store.Resumable()
		if err != nil {
			a.notice = "Could not look for an interrupted session: " + err.Error()
		}
		offer = rec
	}
	switch {
	case opts.SkipHome && offer == nil:
		if err := a.start(opts.Config.Settings()); err != nil {
			a.closeSaver()
			return nil, err
		}
	case opts.SkipHome:
		// The settings are checked before the terminal is touched; the
		// session starts unless the candidate resumes the other one.
		if _, err := interview.Select(opts.Library, opts.Config.Settings(), nil); err != nil {
			opts.Store.Release(offer.ID)
			a.closeSaver()
			return nil, err
		}
		a.pages.AddAndSwitchToPage("main", tview.NewBox(), true)
		a.offerResume(offer, func() {
			if err := a.start(a.opts.Config.Settings()); err != nil {
				a.showHome(err.Error())
			}
		})
	default:
		a.showHome(a.notice)
		if offer != nil {
			a.offerResume(offer, func() {})
		}
	}
	return a, nil
}

// closeSaver stops the saver, if any, after its last write.
func (a *app) closeSaver() {
	if a.saver != nil {
		a.saver.close()
	}
}

// showHome shows the home screen, with msg (an error) in its status line
// when not empty.
func (a *app) showHome(msg string) {
	h := newHome(a)
	if msg != "" {
		h.setError(msg)
	}
	a.show(h, h.root, h.form)
}

// run runs the event loop and the countdown until the app stops.
func (a *app) run() error { return a.runContext(context.Background()) }

// runContext runs the event loop and the countdown until the app stops or
// ctx is done. A session left in progress is checkpointed (draft and time
// used), and every save has finished when it returns.
//
// When the terminal goes away (ctx is done on SIGHUP, or tcell reports that
// its input ended) the session is saved like on any other exit, and
// runContext returns nil once that save succeeded: a closed terminal after
// a clean save is no failure. A failed save is returned.
func (a *app) runContext(ctx context.Context) error {
	ticker := a.clock.NewTicker(a.opts.Tick)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer ticker.Stop()
		a.countdown(a.ctx, ticker.C())
	}()
	go func() {
		select {
		case <-ctx.Done():
			a.stop()
		case <-a.ctx.Done():
		}
	}()
	err := a.tv.Run()
	var inputErr *tcell.EventError
	hungUp := ctx.Err() != nil || errors.As(err, &inputErr)
	a.llmJobs.loopDone()
	// Stopped through a.stop, the countdown has already ended. Stopped by
	// tview itself (the terminal went away), it may be blocked handing an
	// update to the finished event loop: cancel it and do not wait.
	a.cancel()
	if s := a.sess.Load(); s != nil {
		s.Checkpoint() // in progress: keep the time used, to resume with what was left
	}
	var saveErr error
	if a.saver != nil {
		saveErr = a.saver.close()
	}
	if hungUp {
		if saveErr != nil {
			return fmt.Errorf("the terminal closed and the session could not be saved: %w", saveErr)
		}
		return nil // nothing left to show the report on
	}
	out := a.opts.Stdout
	if out == nil {
		out = os.Stdout
	}
	// Where each session's report is, once the screen is the shell's again.
	for _, p := range a.reports {
		fmt.Fprintf(out, "Report: %s\n", p)
	}
	if a.printReport {
		rec := a.sess.Load().Record()
		if _, perr := fmt.Fprint(out, report.Markdown(&rec, a.opts.Library)); perr != nil && err == nil {
			err = perr
		}
	}
	return err
}

// stop ends the countdown, then the event loop. It must be called from
// outside the event loop; key handlers call it with go.
func (a *app) stop() {
	a.stopOnce.Do(func() {
		a.cancel()
		a.wg.Wait()
		a.llmJobs.closeAndWait()
		a.tv.Stop()
	})
}

// quit stops the app from inside the event loop.
func (a *app) quit() {
	a.stopping = true
	go a.stop()
}

// show makes s the current screen.
func (a *app) show(s screen, root tview.Primitive, focus tview.Primitive) {
	a.cur = s
	a.pages.RemovePage("confirm")
	a.pages.RemovePage("help")
	a.helpBack = nil
	a.pages.AddAndSwitchToPage("main", root, true)
	a.tv.SetFocus(focus)
}

func (a *app) capture(ev *tcell.EventKey) *tcell.EventKey {
	if a.stopping {
		return nil
	}
	if ev.Key() == tcell.KeyCtrlC {
		// An interrupt leaves the session as it is, so that it can be
		// resumed: runContext saves the draft and the time used on exit.
		if q, ok := a.cur.(*questionScreen); ok {
			q.syncDraft()
		}
		a.quit()
		return nil
	}
	if a.pages.HasPage("help") {
		a.closeHelp()
		return nil
	}
	if a.pages.HasPage("confirm") {
		return ev
	}
	if a.isHelpKey(ev) {
		a.showHelp()
		return nil
	}
	if a.cur != nil {
		return a.cur.capture(ev)
	}
	return ev
}

// start begins a session with settings s and shows its first question.
func (a *app) start(s interview.Settings) error {
	if a.opts.LLM != nil {
		s.LLMModel, s.LLMHost = a.opts.LLM.Model(), a.opts.LLM.Host()
	}
	ranker := a.opts.Ranker
	if ranker == nil && a.opts.Store != nil && (s.Order == interview.OrderWeakest || s.Order == interview.OrderDue) {
		ranker = a.opts.Store.Ranker(a.clock.Now()) // unreadable records are left out
	}
	var cards []*decks.Card
	if r := a.opts.Retry; r != nil {
		s.RetryOf, s.RetryBelow, cards = r.Of, r.Below, r.Cards
		s.Count = len(cards)
	}
	if a.opts.Round > 0 {
		s.Mode, s.RoundLimit = interview.ModeInterview, a.opts.Round
	}
	sess, err := interview.New(a.opts.Library, s, interview.Options{
		Clock:    a.clock,
		Ranker:   ranker,
		OnChange: a.onChange,
		Cards:    cards,
		// The point history is read when first needed (the first review or
		// the scorecard), not before the first question.
		PointsFunc: a.pointHistory,
	})
	if err != nil {
		return err
	}
	a.sessID = sess.Record().ID
	a.sess.Store(sess)
	a.finished, a.reportPath, a.reportErr, a.exported = false, "", nil, ""
	if a.opts.OnStart != nil {
		a.opts.OnStart(s)
	}
	a.showQuestion()
	return nil
}

// onChange receives every new state of the session: it goes to the saver
// and to Options.OnChange.
func (a *app) onChange(rec interview.Record) {
	if a.saver != nil {
		a.saver.put(rec)
	}
	if a.opts.OnChange != nil {
		a.opts.OnChange(rec)
	}
}

// report runs when the session ends: Options.Report, or with a Store,
// waiting for the final save and returning where its Markdown report is.
func (a *app) report(rec interview.Record) (string, error) {
	if a.opts.Report != nil {
		return a.opts.Report(rec)
	}
	if a.saver == nil {
		return "", nil
	}
	id, err := a.saver.flush()
	if err != nil {
		return "", err
	}
	return a.opts.Store.MarkdownPath(id), nil
}

// pointHistory returns how each key point went in the stored sessions,
// read once; without a Store, an empty history.
func (a *app) pointHistory() *interview.PointHistory {
	a.pointsOnce.Do(func() {
		a.points = interview.NewPointHistory()
		if a.opts.Store != nil {
			// Before this session: its own answers, saved as it goes, are
			// not its history. Unreadable records are left out.
			// (The id is kept by the app: this runs inside the session's
			// own calls, which hold its lock.)
			a.points, _ = a.opts.Store.PointHistoryExcept(a.sessID)
		}
	})
	return a.points
}

// showNext shows what the session asks for now: a question (or follow-up)
// to answer, an answer to review (in an interview's debrief, the
// scorecard first), or the summary.
func (a *app) showNext() {
	s := a.sess.Load()
	switch s.Phase() {
	case interview.Asking:
		a.showQuestion()
	case interview.Reviewing:
		if s.Debriefing() && !a.scorecardSeen {
			a.showScorecard()
			return
		}
		a.showReview()
	default:
		a.showSummary()
	}
}

func (a *app) showQuestion() {
	q := newQuestion(a, a.sess.Load())
	a.show(q, q.root, q.answer)
}

func (a *app) showReview() {
	r := newReview(a, a.sess.Load())
	a.show(r, r.root, r.points)
	a.startFeedback(r)
}

// showSummary ends the session if needed, runs the end-of-session hook
// once, and shows the summary.
func (a *app) showSummary() {
	s := a.sess.Load()
	s.Finish()
	if !a.finished {
		a.finished = true
		a.reportPath, a.reportErr = a.report(s.Record())
		if a.reportPath != "" {
			a.reports = append(a.reports, a.reportPath)
		}
	}
	m := newSummary(a, s.Record())
	a.show(m, m.root, m.table)
}

// confirmQuit asks whether to end the session; back is focused again if not.
func (a *app) confirmQuit(back tview.Primitive) {
	modal := tview.NewModal().
		SetText("End this session?\n\nAnswers so far are kept and the summary is shown.").
		AddButtons([]string{"Quit", "Keep going"}).
		SetButtonStyle(a.th.button).
		SetButtonActivatedStyle(a.th.active)
	modal.SetDoneFunc(func(i int, label string) {
		a.pages.RemovePage("confirm")
		if label == "Quit" {
			if q, ok := a.cur.(*questionScreen); ok {
				q.syncDraft()
			}
			a.showSummary()
			return
		}
		a.tv.SetFocus(back)
	})
	a.pages.AddPage("confirm", modal, true, true)
	a.tv.SetFocus(modal)
}

// countdown runs on its own goroutine for the life of the app. On each tick
// it reads the session's remaining time and, only when the shown time or its
// colour changes, or the time is out, hands an update to the event loop.
// While a question is asked, each tick also hands the event loop autosave.
func (a *app) countdown(ctx context.Context, tick <-chan time.Time) {
	var shown string
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick:
		}
		s := a.sess.Load()
		if s == nil || s.Phase() != interview.Asking {
			shown = ""
			continue
		}
		// Saved before the countdown is redrawn (QueueUpdate waits), so
		// that the time the screen shows has been saved by then.
		a.tv.QueueUpdate(a.autosave)
		_, q := s.Current()
		rem := s.Remaining()
		label := timerText(a.th, rem, q.TimeLimit) + q.CardID
		if label != shown || rem <= 0 {
			shown = label
			a.tv.QueueUpdateDraw(a.onTick)
		}
	}
}

// autosave runs on the event loop, on every tick while a question is asked.
// It passes the draft and the time used to OnChange (so to the store) when
// SaveEvery has passed since it last did, typing or not, so that a session
// resumed after a crash neither loses more than the last moments of typing
// nor gives back the time spent thinking; and, in between, once typing has
// paused for SavePause, once per pause.
func (a *app) autosave() {
	q, ok := a.cur.(*questionScreen)
	if !ok || a.stopping || q.sess.Phase() != interview.Asking {
		return
	}
	now := a.clock.Now()
	q.syncDraft()
	switch {
	case now.Sub(a.lastSave) >= a.opts.SaveEvery:
		q.sess.CheckpointAt(now)
		a.lastSave = now
	case now.Sub(q.typedAt) >= a.opts.SavePause:
		if q.sess.FlushDraft() {
			a.lastSave = now
		}
	}
}

// onTick runs on the event loop: it refreshes the countdown and ends the
// question when its time is out.
func (a *app) onTick() {
	q, ok := a.cur.(*questionScreen)
	if !ok || a.stopping {
		return
	}
	q.updateTimer()
	if q.sess.Phase() == interview.Asking && q.sess.Index() == q.index && q.sess.Remaining() <= 0 {
		q.end(q.sess.TimeOut)
	}
}
