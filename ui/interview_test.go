package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"grill/decks"
	"grill/interview"
)

// followUpLibrary is testLibrary with a follow-up on every card that
// probes Beta; the cards of topic b are easier (difficulty 1) than those
// of a (3).
func followUpLibrary() *decks.Library {
	lib := testLibrary()
	for _, t := range lib.Topics {
		for _, c := range t.Cards {
			c.Difficulty = 3
			if t.ID == "b" {
				c.Difficulty = 1
			}
			c.FollowUps = []*decks.Card{{
				ID: c.ID + "/follow-up-1", Topic: c.Topic, Question: "Why does beta matter here?",
				Answer: "Because of gamma.", Parent: c.ID, Probes: "Beta", TimeLimit: 45 * time.Second,
				KeyPoints: []decks.KeyPoint{{Label: "Gamma", Phrasings: []string{"gamma"}, Weight: 1}},
			}}
		}
	}
	return lib
}

func TestWeakAnswerBringsTheFollowUp(t *testing.T) {
	h := start(t, Options{Library: followUpLibrary(), Config: config(2), SkipHome: true}, 80, 24)
	h.waitFor("1/2", "Ctrl+S submit")
	h.typeText("alpha")
	h.clock.Advance(5 * time.Second)
	h.ctrl(tcell.KeyCtrlS)
	// The review suggests a rating from the score; Enter accepts it.
	review := h.waitFor("review", "Enter Again")
	if !strings.Contains(review, "^Q quit") {
		t.Fatalf("review keys cut at 80 columns:\n%s", review)
	}
	h.key(tcell.KeyEnter)
	screen := h.waitFor("follow-up", "Why does beta matter here?", "0:45")
	if !strings.Contains(screen, "1/2") {
		t.Fatalf("follow-up screen:\n%s", screen)
	}
	h.typeText("it is because of gamma that it works")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("follow-up review", "Gamma")
	h.press('3')
	h.waitFor("2/2", "Ctrl+S submit")
	rec := h.record()
	q := rec.Questions[0]
	if q.Rating != interview.Again || q.Suggested != interview.Again || len(q.FollowUps) != 1 {
		t.Fatalf("first question: rating %v suggested %v follow-ups %d", q.Rating, q.Suggested, len(q.FollowUps))
	}
	if f := q.FollowUps[0]; f.Grade.Score != 100 || f.Rating != interview.Good || f.Probes != "Beta" {
		t.Fatalf("follow-up record %+v", f)
	}
}

// startInterview starts a 50-second interview of three questions of
// followUpLibrary at 80×24 and waits for its first question.
func startInterview(t *testing.T) *harness {
	cfg := config(3)
	cfg.Session.TimeLimit = time.Minute
	h := start(t, Options{Library: followUpLibrary(), Config: cfg, SkipHome: true, Round: 50 * time.Second}, 80, 24)
	h.waitFor("1/3", "interview 00:50 left")
	return h
}

func TestInterviewRunsToAScorecard(t *testing.T) {
	h := startInterview(t)
	if rec := h.record(); !strings.HasPrefix(rec.Plan[0], "b/") || !strings.HasPrefix(rec.Plan[2], "a/") {
		t.Fatalf("plan %v is not easier first", rec.Plan)
	}
	h.typeText("alpha and beta")
	h.clock.Advance(10 * time.Second)
	h.ctrl(tcell.KeyCtrlS)
	// No review: the next question comes at once, with the round's clock.
	h.waitFor("2/3", "interview 00:40 left")
	h.typeText("alpha")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("2/3", "follow-up", "Why does beta matter here?")
	// The round runs out during the follow-up, whose 45 s are cut to the
	// 40 s left.
	h.typeText("no idea")
	h.waitFor("no idea")
	h.clock.Advance(2 * time.Minute)
	screen := h.waitFor("Interview over", "Scorecard", "Study next", "Not reached: 1")
	if !strings.Contains(screen, "Beta") {
		t.Fatalf("scorecard without the missed point:\n%s", screen)
	}
	h.key(tcell.KeyEnter)
	// Then every answer is reviewed, one after another.
	h.waitFor("1/3", "review")
	h.press('3')
	h.waitFor("2/3", "review")
	h.press('3')
	h.waitFor("2/3", "follow-up review")
	h.press('3')
	h.waitFor("Summary", "interview over", "s scorecard")
	rec := h.waitRecord(func(r interview.Record) bool { return !r.Ended.IsZero() })
	if rec.Scorecard == nil || len(rec.Scorecard.NotReached) != 1 || rec.Settings.Mode != interview.ModeInterview {
		t.Fatalf("record: mode %q scorecard %+v", rec.Settings.Mode, rec.Scorecard)
	}
}

// TestHomeStartsAnInterview: the home screen chooses an interview, its
// round and when follow-ups are asked, as grill interview's flags do.
func TestHomeStartsAnInterview(t *testing.T) {
	cfg := config(3)
	cfg.Session.TimeLimit = time.Minute
	h := start(t, Options{Library: followUpLibrary(), Config: cfg}, 100, 30)
	h.waitFor("Follow-ups", "missed", "Mode", "practice", "Interview round", "45m")
	for range 5 { // topics a and b, Questions, Time per question, Order
		h.key(tcell.KeyTab)
	}
	h.waitFor("▸ Follow-ups")
	h.key(tcell.KeyEnter)
	h.key(tcell.KeyDown) // always
	h.key(tcell.KeyEnter)
	h.waitFor("always")
	h.key(tcell.KeyTab)
	h.waitFor("▸ Mode")
	h.key(tcell.KeyEnter)
	h.key(tcell.KeyDown) // interview
	h.key(tcell.KeyEnter)
	h.waitFor("interview")
	h.key(tcell.KeyTab)
	h.waitFor("▸ Interview round")
	h.ctrl(tcell.KeyCtrlU)
	h.typeText("0m")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor(`interview round: want a length from 1m to 600m, such as "45m", got "0m"`)
	h.ctrl(tcell.KeyCtrlU)
	h.typeText("2m")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("1/3", "interview 02:00 left")
	rec := h.record()
	if rec.Settings.Mode != interview.ModeInterview || rec.Settings.RoundLimit != 2*time.Minute || rec.Settings.FollowUps != interview.FollowUpsAlways {
		t.Fatalf("settings from the home screen: mode %q round %v follow-ups %q", rec.Settings.Mode, rec.Settings.RoundLimit, rec.Settings.FollowUps)
	}
	if !strings.HasPrefix(rec.Plan[0], "b/") {
		t.Fatalf("plan %v is not easier first", rec.Plan)
	}
}

// TestQuittingAnInterviewSaysSo: an interview ended with Ctrl+Q reads as an
// interview cut short, and its scorecard of what was answered is one key
// away.
func TestQuittingAnInterviewSaysSo(t *testing.T) {
	h := startInterview(t)
	h.typeText("alpha and beta")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("2/3")
	h.ctrl(tcell.KeyCtrlQ)
	h.waitFor("End this session?")
	h.key(tcell.KeyEnter)
	screen := h.waitFor("Summary", "interview ended early · quit after 1 of 3", "s scorecard")
	if strings.Contains(screen, "session ended early") {
		t.Fatalf("an interview's summary reads as a practice session's:\n%s", screen)
	}
	h.press('s')
	h.waitFor("Scorecard")
	if rec := h.record(); rec.Scorecard == nil || rec.Ended.IsZero() {
		t.Fatalf("quit interview kept no scorecard: %+v", rec.Scorecard)
	}
}
