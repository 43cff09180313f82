// Package ui is grill's terminal interface: the home screen, the timed
// question screen, the review with self-grading and the session summary.
// It shows the state of an interview.Session and never computes it.
package ui

import (
	"context"
	"errors"
	"net/url"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/rivo/tview"

	"grill/decks"
	"grill/grading"
	"grill/interview"
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
	// change of state, and with the draft while typing (at most every
	// SaveEvery, only when it changed). It runs on the UI goroutine: keep
	// it short.
	OnChange func(interview.Record)
	// Report is called once when a session ends, with the final record. It
	// returns where the session's report is (or will be) written, which the
	// summary shows; an error is shown there instead.
	Report func(interview.Record) (path string, err error)
	// Tick is how often the countdown checks the clock; 0 means 250 ms.
	// The screen is redrawn only when the shown time changes.
	Tick time.Duration
	// SaveEvery is how often a changed draft is passed to OnChange; 0
	// means 5 s.
	SaveEvery time.Duration
	// LLM, when set, is asked for feedback on every answer submitted or
	// timed out. The feedback streams into the review, lands in the record
	// even after the candidate moved on, and never changes a score. Nil
	// means no LLM feedback.
	LLM *grading.LLM
}

// Run shows grill's screens until the candidate quits. With SkipHome it
// starts the session first and returns its error (an unknown topic, say)
// before touching the terminal.
func Run(opts Options) error {
	a, err := newApp(opts)
	if err != nil {
		return err
	}
	return a.run()
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

	finished   bool // the end-of-session hook has run
	reportPath string
	reportErr  error
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
		opts.SaveEvery = 5 * time.Second
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
	if opts.SkipHome {
		if err := a.start(settingsOf(opts.Config)); err != nil {
			return nil, err
		}
	} else {
		h := newHome(a)
		a.show(h, h.root, h.form)
	}
	return a, nil
}

// run runs the event loop and the countdown until the app stops.
func (a *app) run() error {
	ticker := a.clock.NewTicker(a.opts.Tick)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		defer ticker.Stop()
		a.countdown(a.ctx, ticker.C())
	}()
	err := a.tv.Run()
	a.llmJobs.loopDone()
	// Stopped through a.stop, the countdown has already ended. Stopped by
	// tview itself (the terminal went away), it may be blocked handing an
	// update to the finished event loop: cancel it and do not wait.
	a.cancel()
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
	a.pages.AddAndSwitchToPage("main", root, true)
	a.tv.SetFocus(focus)
}

func (a *app) capture(ev *tcell.EventKey) *tcell.EventKey {
	if a.stopping {
		return nil
	}
	if ev.Key() == tcell.KeyCtrlC {
		// An interrupt leaves the session as it is, draft saved, so that it
		// can be resumed.
		if q, ok := a.cur.(*questionScreen); ok {
			q.syncDraft()
			q.sess.FlushDraft()
		}
		a.quit()
		return nil
	}
	if a.pages.HasPage("confirm") {
		return ev
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
	sess, err := interview.New(a.opts.Library, s, interview.Options{
		Clock:    a.clock,
		Ranker:   a.opts.Ranker,
		OnChange: a.opts.OnChange,
	})
	if err != nil {
		return err
	}
	a.sess.Store(sess)
	a.showQuestion()
	return nil
}

// settingsOf turns the configuration into session settings.
func settingsOf(c interview.Config) interview.Settings {
	s := interview.Settings{
		Topics:    append([]string(nil), c.Session.Topics...),
		Count:     c.Session.Count,
		TimeLimit: c.Session.TimeLimit,
		Order:     c.Session.Order,
		Seed:      c.Session.Seed,
	}
	if c.LLM.Enabled {
		s.LLMModel = c.LLM.Model
		if u, err := url.Parse(c.LLM.BaseURL); err == nil {
			s.LLMHost = u.Host
		}
	}
	return s
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
		if a.opts.Report != nil {
			a.reportPath, a.reportErr = a.opts.Report(s.Record())
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
// colour changes, or the time is out, hands an update to the event loop. It
// also passes a changed draft to the store every SaveEvery.
func (a *app) countdown(ctx context.Context, tick <-chan time.Time) {
	var shown string
	lastSave := a.clock.Now()
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
		_, q := s.Current()
		rem := s.Remaining()
		label := timerText(a.th, rem, q.TimeLimit) + q.CardID
		if label != shown || rem <= 0 {
			shown = label
			a.tv.QueueUpdateDraw(a.onTick)
		}
		if now := a.clock.Now(); now.Sub(lastSave) >= a.opts.SaveEvery {
			lastSave = now
			a.tv.QueueUpdate(func() {
				if q, ok := a.cur.(*questionScreen); ok {
					q.syncDraft()
					q.sess.FlushDraft()
				}
			})
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
