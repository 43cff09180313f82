package interview

import (
	"strings"
	"testing"
	"time"

	"grill/decks"
	"grill/llm"
)

// followUpLibrary is sessionLibrary with, on every card, a follow-up that
// probes "Beta" (key point "gamma", time 45 s) and, on the cards of topic
// b, difficulty 1, on those of c difficulty 3.
func followUpLibrary() *decks.Library {
	lib := sessionLibrary()
	for _, t := range lib.Topics {
		for _, c := range t.Cards {
			c.FollowUps = []*decks.Card{{
				ID: c.ID + "/follow-up-1", Topic: c.Topic, Question: "Why beta, in " + c.ID + "?",
				Answer: "Because gamma.", Parent: c.ID, Probes: "beta", TimeLimit: 45 * time.Second,
				KeyPoints: []decks.KeyPoint{{Label: "Gamma", Phrasings: []string{"gamma"}, Weight: 1}},
			}}
			switch t.ID {
			case "b":
				c.Difficulty = 1
			case "c":
				c.Difficulty = 3
			default:
				c.Difficulty = 2
			}
		}
	}
	return lib
}

func newFollowUpSession(t *testing.T, s Settings, opt Options) (*Session, *FakeClock) {
	t.Helper()
	clock := NewFakeClock(epoch)
	opt.Clock = clock
	sess, err := New(followUpLibrary(), s, opt)
	if err != nil {
		t.Fatal(err)
	}
	return sess, clock
}

func answer(t *testing.T, s *Session, text string) {
	t.Helper()
	s.SetDraft(text)
	if err := s.Submit(); err != nil {
		t.Fatal(err)
	}
}

func TestFollowUpAskedWhenItsProbedPointWasMissed(t *testing.T) {
	sess, clock := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 2, Seed: 1}, Options{})
	first, _ := sess.Current()
	clock.Advance(10 * time.Second)
	answer(t, sess, "alpha only")
	if err := sess.Rate(Hard); err != nil {
		t.Fatal(err)
	}
	card, q := sess.Current()
	if sess.Phase() != Asking || sess.FollowUp() != 1 || card.ID != first.ID+"/follow-up-1" {
		t.Fatalf("after rating a weak answer: phase %v follow-up %d card %s", sess.Phase(), sess.FollowUp(), card.ID)
	}
	if q.TimeLimit != 45*time.Second || q.Probes != "beta" || q.Origin != OriginDeck {
		t.Fatalf("follow-up record %+v", q)
	}
	clock.Advance(5 * time.Second)
	answer(t, sess, "because of gamma")
	_, q = sess.Current()
	if sess.Phase() != Reviewing || q.Grade.Score != 100 || q.TimeUsed != 5*time.Second {
		t.Fatalf("follow-up review: phase %v %+v", sess.Phase(), q)
	}
	if err := sess.Rate(Good); err != nil {
		t.Fatal(err)
	}
	if sess.Index() != 1 || sess.FollowUp() != 0 || sess.Phase() != Asking {
		t.Fatalf("after the follow-up: index %d follow-up %d phase %v", sess.Index(), sess.FollowUp(), sess.Phase())
	}
	rec := sess.Record()
	if len(rec.Questions[0].FollowUps) != 1 || rec.Questions[0].FollowUps[0].Rating != Good {
		t.Fatalf("parent's follow-ups %+v", rec.Questions[0].FollowUps)
	}
}

func TestNoFollowUpWhenCoveredOffOrSkipped(t *testing.T) {
	for _, tc := range []struct {
		name, policy, text string
		skip               bool
	}{
		{"covered", "", "alpha and beta", false},
		{"off", FollowUpsOff, "alpha only", false},
		{"skipped", FollowUpsAlways, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sess, _ := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 2, Seed: 1, FollowUps: tc.policy}, Options{})
			if tc.skip {
				_ = sess.Skip()
			} else {
				answer(t, sess, tc.text)
			}
			_ = sess.Rate(Good)
			if sess.FollowUp() != 0 || sess.Index() != 1 {
				t.Fatalf("follow-up %d, index %d: want the next question", sess.FollowUp(), sess.Index())
			}
		})
	}
}

func TestFollowUpAlwaysAndSelfGrading(t *testing.T) {
	sess, _ := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 1, Seed: 1, FollowUps: FollowUpsAlways}, Options{})
	answer(t, sess, "alpha and beta")
	_ = sess.Rate(Easy)
	if sess.FollowUp() != 1 {
		t.Fatal("always: follow-up not asked after a full answer")
	}
	// Missed by the grader but marked covered by the candidate: no follow-up.
	sess, _ = newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 2, Seed: 1}, Options{})
	answer(t, sess, "alpha only")
	if err := sess.Toggle(1); err != nil {
		t.Fatal(err)
	}
	_ = sess.Rate(Good)
	if sess.FollowUp() != 0 || sess.Index() != 1 {
		t.Fatal("a point the candidate marked covered still brought its follow-up")
	}
}

func TestLLMFollowUpGradedAgainstTheMissedPoint(t *testing.T) {
	lib := sessionLibrary() // no written follow-ups
	clock := NewFakeClock(epoch)
	sess, err := New(lib, Settings{Topics: []string{"a"}, Count: 1, Seed: 1}, Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	answer(t, sess, "alpha only")
	verdict := &llm.Verdict{Valid: true, Score: 40, Feedback: "Say more.", FollowUp: "What does beta do?"}
	if err := sess.SetLLM(0, &LLMRecord{Model: "m", Verdict: verdict}); err != nil {
		t.Fatal(err)
	}
	_ = sess.Rate(Hard)
	card, q := sess.Current()
	if sess.FollowUp() != 1 || card.Question != "What does beta do?" || q.Origin != OriginLLM || q.Probes != "Beta" {
		t.Fatalf("LLM follow-up: %d %q %+v", sess.FollowUp(), card.Question, q)
	}
	if len(card.KeyPoints) != 1 || card.KeyPoints[0].Label != "Beta" || q.TimeLimit != DefaultFollowUpTime {
		t.Fatalf("graded against %+v, limit %v", card.KeyPoints, q.TimeLimit)
	}
	answer(t, sess, "beta does the work")
	if _, q = sess.Current(); q.Grade.Score != 100 {
		t.Fatalf("follow-up score %d", q.Grade.Score)
	}
	// The session resumes on the LLM follow-up from its record.
	sess2, err := Resume(lib, sess.Record(), Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := sess2.Current(); c.Question != "What does beta do?" || sess2.Phase() != Reviewing {
		t.Fatalf("resumed on %q, %v", c.Question, sess2.Phase())
	}
}

func TestResumeAskingAFollowUp(t *testing.T) {
	sess, clock := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 2, Seed: 1}, Options{})
	answer(t, sess, "alpha")
	_ = sess.Rate(Again)
	clock.Advance(20 * time.Second)
	sess.SetDraft("gam")
	sess.Checkpoint()
	sess2, err := Resume(followUpLibrary(), sess.Record(), Options{Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	card, q := sess2.Current()
	if sess2.FollowUp() != 1 || !strings.HasSuffix(card.ID, "/follow-up-1") || q.Answer != "gam" || sess2.Remaining() != 25*time.Second {
		t.Fatalf("resumed: follow-up %d card %s answer %q remaining %v", sess2.FollowUp(), card.ID, q.Answer, sess2.Remaining())
	}
}

func TestInterviewRoundEasierFirstNoReviewScorecard(t *testing.T) {
	var hist = NewPointHistory()
	past := Record{ID: "past", Questions: []QuestionRecord{{CardID: "c/q1", Question: "Q", Outcome: Submitted}}}
	past.Questions[0].Grade.Points = []gradingPoint{{Label: "Beta", Weight: 2}}
	hist.Add(&past)

	sess, clock := newFollowUpSession(t, Settings{Topics: []string{"c", "b"}, Count: 3, Seed: 2, Mode: ModeInterview, RoundLimit: 5 * time.Minute}, Options{Points: hist})
	rec := sess.Record()
	var diffs []string
	for _, id := range rec.Plan {
		diffs = append(diffs, id[:1])
	}
	if got := strings.Join(diffs, ""); got != "bbc" && got != "bbb" {
		t.Fatalf("plan %v not easier first", rec.Plan)
	}
	// Each answer goes straight on: no review in the round.
	clock.Advance(30 * time.Second)
	answer(t, sess, "alpha") // misses beta: the follow-up comes
	if sess.Phase() != Asking || sess.FollowUp() != 1 {
		t.Fatalf("after the first answer: phase %v follow-up %d", sess.Phase(), sess.FollowUp())
	}
	if left, ok := sess.RoundRemaining(); !ok || left != 4*time.Minute+30*time.Second {
		t.Fatalf("round remaining %v %v", left, ok)
	}
	clock.Advance(10 * time.Second)
	answer(t, sess, "gamma")
	if sess.Index() != 1 || sess.FollowUp() != 0 || sess.Phase() != Asking {
		t.Fatalf("after the follow-up: %d %d %v", sess.Index(), sess.FollowUp(), sess.Phase())
	}
	// The round clock runs out in the middle of the second question.
	_, q := sess.Current()
	if q.TimeLimit != 3*time.Minute {
		t.Fatalf("second question's limit %v", q.TimeLimit)
	}
	clock.Advance(3 * time.Minute)
	sess.SetDraft("alpha beta")
	_ = sess.TimeOut()
	_, q = sess.Current()
	if sess.Phase() != Asking || q.TimeLimit != 80*time.Second {
		t.Fatalf("third question: phase %v limit %v (want what is left of the round)", sess.Phase(), q.TimeLimit)
	}
	clock.Advance(80 * time.Second)
	_ = sess.TimeOut()
	if !sess.Debriefing() || sess.Phase() != Reviewing || sess.Index() != 0 || sess.FollowUp() != 0 {
		t.Fatalf("after the round: debrief %v phase %v at %d/%d", sess.Debriefing(), sess.Phase(), sess.Index(), sess.FollowUp())
	}
	sc := sess.Scorecard()
	if sc == nil || len(sc.Timing) != 4 || len(sc.NotReached) != 0 || sc.RoundUsed != 5*time.Minute {
		t.Fatalf("scorecard %+v", sc)
	}
	// The reviews come one after another, then the session ends.
	for i := 0; i < 4; i++ {
		if err := sess.Rate(Good); err != nil {
			t.Fatalf("review %d: %v", i, err)
		}
	}
	if !sess.Done() {
		t.Fatal("not done after the last review")
	}
	rec = sess.Record()
	if rec.Scorecard == nil || rec.Questions[0].FollowUps[0].Rating != Good {
		t.Fatalf("final record: %+v", rec.Scorecard)
	}
}

func TestSuggestRating(t *testing.T) {
	for _, tc := range []struct {
		outcome Outcome
		score   int
		used    time.Duration
		want    Rating
	}{
		{Skipped, 100, 0, Again},
		{Submitted, 39, time.Minute, Again},
		{Submitted, 59, time.Minute, Hard},
		{TimedOut, 70, 3 * time.Minute, Hard},
		{Submitted, 70, 3 * time.Minute, Good},
		{Submitted, 90, 2 * time.Minute, Good},
		{Submitted, 90, time.Minute, Easy},
	} {
		q := &QuestionRecord{Outcome: tc.outcome, Adjusted: tc.score, TimeUsed: tc.used, TimeLimit: 3 * time.Minute}
		if got := SuggestRating(q); got != tc.want {
			t.Errorf("%s %d in %v: got %v, want %v", tc.outcome, tc.score, tc.used, got, tc.want)
		}
	}
}

func TestPointHistoryText(t *testing.T) {
	h := NewPointHistory()
	for i, covered := range []bool{true, false, false, true, false} {
		rec := Record{ID: string(rune('a' + i)), Started: epoch.Add(time.Duration(i) * time.Hour)}
		q := QuestionRecord{CardID: "a/q1", Question: "Q?", Topic: "a", Outcome: Submitted}
		q.Grade.Points = []gradingPoint{{Label: "Beta", Weight: 2, Covered: covered}, {Label: "Alpha", Weight: 1, Covered: true}}
		rec.Questions = []QuestionRecord{q}
		h.Add(&rec)
	}
	if got := h.Text("a/q1", "beta"); got != "missed 3 of the last 4 times" {
		t.Fatalf("Text = %q", got)
	}
	if got := h.Text("a/q1", "Alpha"); got != "covered the last 4 times" {
		t.Fatalf("Text = %q", got)
	}
	if got := h.Text("a/q2", "Alpha"); got != "new" {
		t.Fatalf("Text = %q", got)
	}
	most := h.MostMissed(0)
	if len(most) != 1 || most[0].Label != "Beta" || most[0].Missed != 3 || most[0].Asked != 5 {
		t.Fatalf("MostMissed = %+v", most)
	}
}

func TestDraftingMarksAndTimeToFirstKeyPoint(t *testing.T) {
	sess, clock := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 1, Seed: 1, Mode: ModeInterview, RoundLimit: time.Hour, FollowUps: FollowUpsOff}, Options{})
	clock.Advance(20 * time.Second)
	sess.SetDraft("well, ")
	clock.Advance(20 * time.Second)
	sess.SetDraft("well, beta is")
	clock.Advance(20 * time.Second)
	answer(t, sess, "well, beta is key")
	sc := sess.Scorecard()
	if sc == nil || len(sc.Timing) != 1 || !sc.Timing[0].Reached || sc.Timing[0].FirstKeyPoint != 40*time.Second {
		t.Fatalf("timing %+v", sc)
	}
}

func TestRetryCardsBelowTheThreshold(t *testing.T) {
	lib := sessionLibrary()
	rec := &Record{ID: "s1", Questions: []QuestionRecord{
		{CardID: "a/q1", Outcome: Submitted, Adjusted: 80},
		{CardID: "a/q2", Outcome: Skipped, Adjusted: 0},
		{CardID: "b/q1", Outcome: Submitted, Adjusted: 59},
		{CardID: "b/q2", Outcome: Pending},
	}}
	cards, err := RetryCards(rec, lib, 60)
	if err != nil || len(cards) != 2 || cards[0].ID != "a/q2" || cards[1].ID != "b/q1" {
		t.Fatalf("RetryCards = %v, %v", cards, err)
	}
	if _, err := RetryCards(rec, lib, 0); err == nil || !strings.Contains(err.Error(), "no question scored below 0") {
		t.Fatalf("err = %v", err)
	}
}

func TestInterviewFirstQuestionFitsTheRound(t *testing.T) {
	sess, _ := newFollowUpSession(t, Settings{Topics: []string{"a"}, Count: 2, Seed: 1, Mode: ModeInterview, RoundLimit: 2 * time.Minute}, Options{})
	if _, q := sess.Current(); q.TimeLimit != 2*time.Minute {
		t.Fatalf("first question's limit %v in a 2-minute round", q.TimeLimit)
	}
}
