package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"grill/decks"
	"grill/interview"
	"grill/store"
)

// pastSession stores an ended session of planned cards of topic (one per
// answer when planned is 0), started at start: each answer submitted, then
// rated Good; with answers left, the candidate quits on the next question.
func pastSession(t *testing.T, st *store.Store, start time.Time, topic string, planned int, answers ...string) {
	t.Helper()
	lib := testLibrary()
	tp, _ := lib.Topic(topic)
	clock := interview.NewFakeClock(start)
	var saveErr error
	sess, err := interview.New(&decks.Library{Topics: []*decks.Topic{tp}},
		interview.Settings{Count: max(planned, len(answers)), TimeLimit: time.Minute, TimeChosen: true, Seed: 1},
		interview.Options{Clock: clock, OnChange: func(r interview.Record) {
			if err := st.Save(&r); err != nil && saveErr == nil {
				saveErr = err
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range answers {
		sess.SetDraft(a)
		clock.Advance(30 * time.Second)
		sess.Submit()
		sess.Rate(interview.Good)
	}
	if !sess.Done() {
		sess.Finish()
	}
	if saveErr != nil {
		t.Fatal(saveErr)
	}
}

// historyStore holds four past sessions, oldest first: topic a scoring 33
// (quit after the first of two questions), 67 then 100 ("alpha" weighs 1,
// "beta" 2), and one of topic b, abandoned after its first answer.
func historyStore(t *testing.T) *store.Store {
	t.Helper()
	dir := t.TempDir()
	st := newStore(t, dir)
	day := 24 * time.Hour
	pastSession(t, st, t0.Add(-4*day), "a", 2, "alpha")
	pastSession(t, st, t0.Add(-3*day), "a", 0, "beta", "beta")
	pastSession(t, st, t0.Add(-2*day), "a", 0, "alpha and beta")

	// Topic b: answered once, then interrupted and abandoned.
	clock := interview.NewFakeClock(t0.Add(-day))
	lib := testLibrary()
	tb, _ := lib.Topic("b")
	sess, err := interview.New(&decks.Library{Topics: []*decks.Topic{tb}},
		interview.Settings{Count: 2, TimeLimit: time.Minute, TimeChosen: true, Seed: 1},
		interview.Options{Clock: clock, OnChange: func(r interview.Record) { st.Save(&r) }})
	if err != nil {
		t.Fatal(err)
	}
	sess.SetDraft("alpha and a distinctive b answer")
	clock.Advance(45 * time.Second)
	sess.Submit()
	sess.Rate(interview.Hard)
	id := sess.Record().ID
	if err := st.Abandon(id); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestHistoryListsSessionsAndTrends(t *testing.T) {
	st := historyStore(t)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("New session", "h history")
	h.press('h')
	screen := h.waitFor("History", "4 sessions", "newest first", "Sessions", "Average score per topic")
	t.Logf("history screen:\n%s", screen)
	lines := strings.Split(screen, "\n")
	// Newest first: the abandoned b session, then the a sessions.
	var rows []string
	for _, l := range lines {
		if strings.Contains(l, "2026-11-2") {
			rows = append(rows, l)
		}
	}
	if len(rows) != 4 {
		t.Fatalf("history lists %d sessions, want 4:\n%s", len(rows), screen)
	}
	local := func(d time.Duration) string { return t0.Add(d).Local().Format("2006-01-02 15:04") }
	wantRows := [][]string{
		{local(-24 * time.Hour), "b", "1 of 2", "33", "0:45", "abandoned"},
		{local(-48 * time.Hour), "a", "1", "100", "0:30", "complete"},
		{local(-72 * time.Hour), "a", "2", "67", "1:00", "complete"},
		{local(-96 * time.Hour), "a", "1 of 2", "33", "0:30", "quit after 1 of 2"},
	}
	for i, want := range wantRows {
		fields := strings.Fields(strings.Trim(rows[i], "│║ "))
		got := strings.Join(fields, " ")
		for _, w := range want {
			if !strings.Contains(" "+got+" ", " "+w+" ") {
				t.Errorf("row %d %q lacks %q", i+1, got, w)
			}
		}
	}
	// The trend of a: 33, 67, 100 oldest first.
	var trendA string
	for _, l := range lines {
		if strings.Contains(l, "▂") || strings.Contains(l, "█") {
			if f := strings.Fields(strings.Trim(l, "│ ")); len(f) > 0 && f[0] == "a" {
				trendA = l
			}
		}
	}
	if !strings.Contains(trendA, "▃▆█") || !strings.Contains(trendA, "100") || !strings.Contains(trendA, "↑ +67 over 3 sessions") {
		t.Errorf("trend of topic a = %q, want the sparkline ▃▆█, 100 last, ↑ +67 over 3 sessions", trendA)
	}
	if !strings.Contains(screen, "1 session") {
		t.Errorf("trend of topic b does not say it has one session:\n%s", screen)
	}
	for _, l := range lines {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
	// Esc goes back home, the form as it was.
	h.key(tcell.KeyEscape)
	h.waitFor("New session", "Time per question")
	h.waitGone("Average score per topic")
}

func TestHistoryOpensAReport(t *testing.T) {
	st := historyStore(t)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("New session")
	h.press('h')
	h.waitFor("abandoned")
	h.key(tcell.KeyEnter) // the newest: the abandoned b session
	report := h.waitFor("Report", "grill session", "Summary", "Esc back")
	t.Logf("report screen:\n%s", report)
	if strings.Contains(report, "**") || strings.Contains(report, "|---") {
		t.Errorf("report shown as raw Markdown:\n%s", report)
	}
	// The table keeps its columns; the rest is wrapped to the screen.
	for _, l := range strings.Split(report, "\n") {
		if len([]rune(l)) > 80 {
			t.Errorf("line wider than 80 columns: %q", l)
		}
	}
	// Scroll down to the answer and the reference answer, maths rendered.
	for range 40 {
		h.key(tcell.KeyDown)
	}
	h.waitFor("alpha and a distinctive b answer")
	for range 40 {
		h.key(tcell.KeyDown)
	}
	h.waitFor("Reference answer")
	h.key(tcell.KeyEscape)
	h.waitFor("History", "4 sessions")
	// The second row: an ended session of topic a.
	h.key(tcell.KeyDown)
	h.key(tcell.KeyEnter)
	h.waitFor("Report", "20261123T090000Z", "of a, with α?")
	for range 40 {
		h.key(tcell.KeyDown)
	}
	h.waitFor("│ alpha and beta", "✓ Beta (weight 2)")
}

func TestHistoryKeyIsTypedInTextFields(t *testing.T) {
	st := historyStore(t)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("New session")
	h.key(tcell.KeyTab) // topic b
	h.key(tcell.KeyTab) // questions
	h.key(tcell.KeyTab) // time per question
	h.press('h')
	h.waitFor("20sh")
	if strings.Contains(h.text(), "Average score per topic") {
		t.Fatal("h typed in a field opened the history")
	}
}

func TestHistoryButtonAndEmptyHistory(t *testing.T) {
	st := newStore(t, t.TempDir())
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("Start", "History")
	for range 9 { // topics a and b, questions, time, order, follow-ups, mode, round, Start
		h.key(tcell.KeyTab)
	}
	h.key(tcell.KeyEnter)
	h.waitFor("0 sessions", "No sessions yet.", "No answers yet")
	h.key(tcell.KeyEnter) // nothing to open
	h.waitFor("No sessions yet.")
}

func TestHistoryReportsUnreadableRecords(t *testing.T) {
	st := historyStore(t)
	if err := os.WriteFile(st.JSONPath("20261101T000000Z"), []byte(`{"schema_version": 1, "questions": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("New session")
	h.press('h')
	h.waitFor("4 sessions", "1 unreadable", "20261101T000000Z.json")
}

func TestHistoryScreenWithoutStore(t *testing.T) {
	h := start(t, Options{Config: config(2)}, 80, 24)
	h.waitFor("New session", "Start")
	h.press('h')
	time.Sleep(50 * time.Millisecond)
	if s := h.text(); strings.Contains(s, "History") || strings.Contains(s, "h history") {
		t.Fatalf("history offered without a store:\n%s", s)
	}
}

func TestWrapReportKeepsTablesAndIndents(t *testing.T) {
	text := strings.Join([]string{
		"a │ b │ c",
		"──┼───┼──",
		"│ " + strings.Repeat("quoted words ", 10),
		"• " + strings.Repeat("listed words ", 10),
		"12. " + strings.Repeat("numbered ", 10),
		"[::b]" + strings.Repeat("bold words ", 10) + "[::-]",
	}, "\n")
	got := strings.Split(wrapReport(text, 40), "\n")
	if got[0] != "a │ b │ c" || got[1] != "──┼───┼──" {
		t.Errorf("table rows changed: %q", got[:2])
	}
	prefixOf := map[string]string{"quoted": "│ ", "listed": "  ", "numbered": "    ", "bold": ""}
	seen := map[string]int{}
	for _, l := range got[2:] {
		if w := tview_width(l); w > 40 {
			t.Errorf("line %q is %d wide", l, w)
		}
		for word, prefix := range prefixOf {
			if strings.Contains(l, word) {
				seen[word]++
				if seen[word] > 1 && !strings.HasPrefix(l, prefix) {
					t.Errorf("continuation %q does not start with %q", l, prefix)
				}
			}
		}
	}
	for word := range prefixOf {
		if seen[word] < 2 {
			t.Errorf("%s line not wrapped: %q", word, got)
		}
	}
}

func tview_width(s string) int { return len([]rune(plain(s))) }

func TestHistoryPerCardView(t *testing.T) {
	st := historyStore(t)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("New session", "h history")
	h.press('h')
	h.waitFor("History", "practice", "c per card")
	h.press('c')
	// Weakest first: b/q1 (33, Beta missed), then a/q1 asked three times.
	h.waitFor("Cards", "weakest first", "Key points of the selected card", "✗ Beta · missed last time")
	h.key(tcell.KeyDown)
	h.waitFor("What is question 1 of a", "the last 3 times")
	h.key(tcell.KeyEscape)
	h.waitFor("Sessions", "Average score per topic")
}

func TestReviewShowsHowEachPointWentBefore(t *testing.T) {
	st := historyStore(t)
	cfg := config(1)
	cfg.Session.Topics = []string{"b"}
	h := start(t, Options{Config: cfg, Store: st, SkipHome: true}, 100, 30)
	h.waitFor("1/1", "Ctrl+S submit")
	if _, q := h.a.sess.Load().Current(); q.CardID != "b/q1" {
		t.Fatalf("seed 1 asked %s, not b/q1, the card with a history", q.CardID)
	}
	h.typeText("alpha is what matters here")
	h.ctrl(tcell.KeyCtrlS)
	// b/q1 was answered once before: Alpha covered, Beta missed.
	h.waitFor("review", "Alpha · covered last time", "Beta ×2 · missed last time")
}
