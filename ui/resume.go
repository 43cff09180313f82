package ui

import (
	"fmt"

	"github.com/rivo/tview"

	"grill/interview"
)

// The buttons of the resume offer.
const (
	btnResume  = "Resume"
	btnDiscard = "Discard"
	btnLater   = "Later"
)

// offerResume asks, in a dialog over the current screen, whether to go on
// with the interrupted session rec, whose lock the Store holds. Resume
// continues it where it stopped; Discard keeps it in the history as
// abandoned; Later (or Esc) leaves it to be offered at the next start.
// After Discard or Later, then runs.
func (a *app) offerResume(rec *interview.Record, then func()) {
	modal := tview.NewModal().
		SetText(resumeText(rec)).
		AddButtons([]string{btnResume, btnDiscard, btnLater}).
		SetButtonStyle(a.th.button).
		SetButtonActivatedStyle(a.th.active)
	modal.SetDoneFunc(func(_ int, label string) {
		a.pages.RemovePage("confirm")
		switch label {
		case btnResume:
			a.resume(rec)
			return
		case btnDiscard:
			if err := a.opts.Store.Abandon(rec.ID); err != nil {
				a.notice = err.Error()
			}
		default:
			a.opts.Store.Release(rec.ID)
		}
		then()
		if h, ok := a.cur.(*homeScreen); ok {
			if a.notice != "" {
				h.setError(a.notice)
			}
			a.tv.SetFocus(h.form)
		}
	})
	a.pages.AddPage("confirm", modal, true, true)
	a.tv.SetFocus(modal)
}

// resumeText is the question of the resume offer: when the session
// started, where it stopped and the time that was left.
func resumeText(rec *interview.Record) string {
	at := fmt.Sprintf("%d/%d", rec.Current+1, len(rec.Plan))
	if rec.Current >= 0 && rec.Current < len(rec.Questions) {
		q := rec.Questions[rec.Current]
		switch {
		case q.Outcome == interview.Pending:
			at += ", " + interview.DurationText(max(q.TimeLimit-q.TimeUsed, 0)) + " left"
		case q.Rating == interview.NoRating:
			at += ", answer under review"
		}
	}
	return fmt.Sprintf("An interrupted session was found.\n\nResume the session of %s (%s)?",
		rec.Started.Local().Format("Mon 2 Jan 15:04"), at)
}

// resume continues the interrupted session rec on the screen where it
// stopped: the question with its draft and the time that was left, or the
// review of an answer not yet rated. A session that cannot be resumed (a
// card of it was removed from the decks) stays in progress, and the home
// screen says why.
func (a *app) resume(rec *interview.Record) {
	sess, err := interview.Resume(a.opts.Library, *rec, interview.Options{Clock: a.clock, OnChange: a.onChange, PointsFunc: a.pointHistory})
	if err != nil {
		a.opts.Store.Release(rec.ID)
		a.showHome("Cannot resume: " + err.Error())
		return
	}
	a.sessID = rec.ID
	a.sess.Store(sess)
	a.showNext()
}
