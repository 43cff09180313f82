package ui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"grill/interview"
)

// TestEndToEndInterviewRunsToAScorecard runs `grill interview --minutes 2
// --topics gnn` in tmux: one question fits the round at the default 3
// minutes a question; a thin answer brings a follow-up from the deck; the
// round ends on the scorecard, then the reviews; `grill report show latest
// --format json` holds the scorecard and the follow-up under its question,
// and report list says it was an interview.
func TestEndToEndInterviewRunsToAScorecard(t *testing.T) {
	bin, dir := grillEnv(t)
	s := newTmux(t, "interview", 100, 30, grillCommand(bin, dir, "interview --minutes 2 --topics gnn --seed 3"))
	s.waitFor(10*time.Second, "1/1", "interview 02:00 left", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "Honestly I am not sure about this one.")
	s.waitFor(5*time.Second, "this one.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	// Every probed point was missed: the first follow-up comes, no review.
	s.waitFor(5*time.Second, "follow-up", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "I would have to look that up.")
	s.waitFor(5*time.Second, "look that up.")
	for i := 0; i < 3; i++ { // at most one more follow-up, then the scorecard
		s.tmux("send-keys", "-t", "grill", "C-s")
		screen := s.waitFor(5*time.Second, "")
		if strings.Contains(screen, "Interview over") {
			break
		}
		time.Sleep(300 * time.Millisecond)
	}
	card := s.waitFor(5*time.Second, "Interview over", "Scorecard", "Topics", "gnn", "gap", "Study next")
	t.Logf("scorecard:\n%s", card)
	s.tmux("send-keys", "-t", "grill", "Enter")
	s.waitFor(5*time.Second, "1/1", "review", "Key points")
	for i := 0; i < 3; i++ {
		before := s.waitFor(5*time.Second, "")
		s.tmux("send-keys", "-t", "grill", "Enter") // accept the suggested rating
		// Wait for the Enter to be handled (the screen changes) before
		// deciding: a second Enter on the summary would open a review.
		screen := before
		for deadline := time.Now().Add(3 * time.Second); screen == before && time.Now().Before(deadline); {
			time.Sleep(100 * time.Millisecond)
			screen = s.waitFor(5*time.Second, "")
		}
		if strings.Contains(screen, "Summary") {
			break
		}
	}
	s.waitFor(5*time.Second, "Summary", "interview over", "s scorecard")
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")

	var rec struct {
		Settings struct {
			Mode string `json:"mode"`
		} `json:"settings"`
		Scorecard *struct {
			Topics []struct {
				Topic   string `json:"topic"`
				Verdict string `json:"verdict"`
			} `json:"topics"`
			StudyNext []struct {
				Label string `json:"label"`
			} `json:"study_next"`
		} `json:"scorecard"`
		Questions []struct {
			Rating    int `json:"rating"`
			Suggested int `json:"suggested_rating"`
			FollowUps []struct {
				CardID string `json:"card_id"`
				Probes string `json:"probes"`
				Answer string `json:"answer"`
			} `json:"follow_ups"`
		} `json:"questions"`
	}
	out := grillCLI(t, bin, dir, "report", "show", "latest", "--format", "json")
	if err := json.Unmarshal(out, &rec); err != nil {
		t.Fatalf("report show latest --format json: %v\n%s", err, out)
	}
	if rec.Settings.Mode != "interview" || rec.Scorecard == nil || len(rec.Scorecard.Topics) != 1 ||
		rec.Scorecard.Topics[0].Topic != "gnn" || len(rec.Scorecard.StudyNext) == 0 {
		t.Fatalf("record: mode %q scorecard %+v", rec.Settings.Mode, rec.Scorecard)
	}
	if len(rec.Questions) != 1 || len(rec.Questions[0].FollowUps) == 0 || rec.Questions[0].FollowUps[0].Probes == "" ||
		!strings.Contains(rec.Questions[0].FollowUps[0].CardID, "/follow-up-") {
		t.Fatalf("questions %+v", rec.Questions)
	}
	if q := rec.Questions[0]; q.Rating == 0 || q.Rating != q.Suggested {
		t.Fatalf("rating %d, suggested %d: Enter should accept the suggestion", q.Rating, q.Suggested)
	}
	if !strings.Contains(string(out), `"scorecard"`) || !strings.Contains(string(out), `"follow_ups"`) {
		t.Fatal(`record lacks "scorecard" or "follow_ups"`)
	}
	list := string(grillCLI(t, bin, dir, "report", "list"))
	if !strings.Contains(list, "interview") {
		t.Fatalf("report list does not tell the interview apart:\n%s", list)
	}
	md := string(grillCLI(t, bin, dir, "report", "show", "latest"))
	for _, want := range []string{"## Scorecard", "Follow-up:", "**Kind:** interview"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown report lacks %q", want)
		}
	}
}

// TestEndToEndRetryAsksOnlyTheWeakQuestions runs a practice round of two
// gnn questions, the first self-graded to 100 and the second skipped, then
// `grill start --retry latest`, which asks only the second.
func TestEndToEndRetryAsksOnlyTheWeakQuestions(t *testing.T) {
	bin, dir := grillEnv(t)
	s := newTmux(t, "retry1", 100, 30, grillCommand(bin, dir, "start --topics gnn --count 2 --time 2m --seed 5 --follow-ups off"))
	s.waitFor(10*time.Second, "1/2", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "Something vague.")
	s.waitFor(5*time.Second, "vague.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	s.waitFor(5*time.Second, "1/2", "review", "Key points")
	// Mark every key point covered: the adjusted score becomes 100.
	first := latestRecord(t, bin, dir)
	for range first.Questions[0].Grade.Points {
		s.tmux("send-keys", "-t", "grill", "Space", "j")
	}
	s.waitFor(5*time.Second, "adjusted 100")
	s.tmux("send-keys", "-t", "grill", "4")
	s.waitFor(5*time.Second, "2/2", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "C-k")
	s.waitFor(5*time.Second, "2/2", "review", "skipped")
	s.tmux("send-keys", "-t", "grill", "1")
	s.waitFor(5*time.Second, "Summary")
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")
	first = latestRecord(t, bin, dir)
	if len(first.Questions) != 2 || first.Questions[0].Adjusted != 100 || first.Questions[1].Outcome != "skipped" {
		t.Fatalf("first session: %+v", first.Questions)
	}

	r := newTmux(t, "retry2", 100, 30, grillCommand(bin, dir, "start --retry latest"))
	r.waitFor(10*time.Second, "1/1", "Ctrl+S submit")
	r.tmux("send-keys", "-t", "grill", "C-q")
	r.waitFor(5*time.Second, "End this session?")
	r.tmux("send-keys", "-t", "grill", "Enter")
	r.waitFor(5*time.Second, "Summary")
	r.tmux("send-keys", "-t", "grill", "q")
	r.waitFor(5*time.Second, "grill exited 0")
	retry := latestRecord(t, bin, dir)
	if retry.ID == first.ID || len(retry.Plan) != 1 || retry.Plan[0] != first.Questions[1].CardID ||
		retry.Settings.RetryOf != first.ID || retry.Settings.RetryBelow != 60 {
		t.Fatalf("retry session: plan %v, settings %+v; first session %s asked %s then %s",
			retry.Plan, retry.Settings, first.ID, first.Questions[0].CardID, first.Questions[1].CardID)
	}
	if list := string(grillCLI(t, bin, dir, "report", "list")); !strings.Contains(list, "retry") {
		t.Fatalf("report list does not tell the retry apart:\n%s", list)
	}
}

// latestRecord reads the newest session record with grill report show.
func latestRecord(t *testing.T, bin, dir string) interview.Record {
	t.Helper()
	var rec interview.Record
	out := grillCLI(t, bin, dir, "report", "show", "latest", "--format", "json")
	if err := json.Unmarshal(out, &rec); err != nil {
		t.Fatalf("report show latest --format json: %v\n%s", err, out)
	}
	return rec
}
