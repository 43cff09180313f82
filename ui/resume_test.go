package ui

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"

	"grill/decks"
	"grill/interview"
	"grill/report"
	"grill/store"
)

// newStore returns a store in dir for testLibrary, closed when the test
// ends (after the app, whose cleanup is registered later).
func newStore(t *testing.T, dir string) *store.Store {
	t.Helper()
	st := store.NewStore(dir)
	st.Render = func(r *interview.Record) string { return report.Markdown(r, testLibrary()) }
	t.Cleanup(func() { st.Close() })
	return st
}

// interruptedSession leaves in dataDir a session of two 20-second
// questions whose first question had draft typed for 8 s when its process
// died: saved, never ended, its lock released.
func interruptedSession(t *testing.T, dataDir, draft string) interview.Record {
	t.Helper()
	st := store.NewStore(dataDir)
	defer st.Close()
	clock := interview.NewFakeClock(t0.Add(-time.Hour))
	var last interview.Record
	var saveErr error
	sess, err := interview.New(testLibrary(), interview.Settings{Topics: []string{"a", "b"}, Count: 2, TimeLimit: 20 * time.Second, TimeChosen: true, Seed: 1},
		interview.Options{Clock: clock, OnChange: func(r interview.Record) {
			if err := st.Save(&r); err != nil && saveErr == nil {
				saveErr = err
			}
			last = r
		}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(8 * time.Second)
	sess.SetDraft(draft)
	sess.FlushDraft()
	if saveErr != nil {
		t.Fatal(saveErr)
	}
	return last
}

// waitStored polls the store until ok accepts the record of id.
func waitStored(t *testing.T, st *store.Store, id string, ok func(*interview.Record) bool) *interview.Record {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		rec, err := st.Load(id)
		if err == nil && ok(rec) {
			return rec
		}
		if time.Now().After(deadline) {
			t.Fatalf("stored record of %s never reached the expected state: %+v, %v", id, rec, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestResumeOfferAccepted(t *testing.T) {
	dataDir := t.TempDir()
	old := interruptedSession(t, dataDir, "a distinctive sentence about alpha")
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	offer := h.waitFor("An interrupted session was found", "Resume the session of", "(1/2, 0:12 left)", "Resume", "Discard", "Later")
	t.Logf("resume offer:\n%s", offer)
	h.key(tcell.KeyEnter) // Resume has the focus
	h.waitFor("1/2", "a distinctive sentence about alpha", "00:12 left", "5 words")
	h.clock.Advance(2 * time.Second)
	h.waitFor("00:10 left")
	h.typeText(" and beta")
	h.waitFor("alpha and beta")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points", "submitted 0:10/0:20", "score 100")
	rec := waitStored(t, st, old.ID, func(r *interview.Record) bool { return r.Questions[0].Outcome != interview.Pending })
	q := rec.Questions[0]
	if q.Answer != "a distinctive sentence about alpha and beta" || q.TimeUsed != 10*time.Second || !rec.Started.Equal(old.Started) {
		t.Fatalf("resumed answer saved as %q after %v (started %v)", q.Answer, q.TimeUsed, rec.Started)
	}
	if sums, _ := st.List(); len(sums) != 1 {
		t.Fatalf("resuming made a second session: %+v", sums)
	}
}

func TestResumeOfferDiscarded(t *testing.T) {
	dataDir := t.TempDir()
	old := interruptedSession(t, dataDir, "never to be seen again")
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("Resume the session of")
	h.key(tcell.KeyTab) // to Discard
	h.key(tcell.KeyEnter)
	h.waitFor("New session", "Start", "History")
	h.waitGone("Resume the session of")
	sums, errs := st.List()
	if len(errs) != 0 || len(sums) != 1 || sums[0].ID != old.ID || sums[0].Status != interview.StatusAbandoned {
		t.Fatalf("after Discard, List = %+v, %v; want the session kept as abandoned", sums, errs)
	}
	other := store.NewStore(dataDir)
	defer other.Close()
	if rec, err := other.Resumable(); err != nil || rec != nil {
		t.Fatalf("a discarded session is offered again: %+v, %v", rec, err)
	}
}

func TestResumeOfferLater(t *testing.T) {
	dataDir := t.TempDir()
	old := interruptedSession(t, dataDir, "kept for later")
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(2), Store: st}, 80, 24)
	h.waitFor("Resume the session of")
	h.key(tcell.KeyEscape)
	h.waitFor("New session")
	h.waitGone("Resume the session of")
	// Left as it was, and free for the next grill to resume.
	other := store.NewStore(dataDir)
	defer other.Close()
	rec, err := other.Resumable()
	if err != nil || rec == nil || rec.ID != old.ID || rec.Questions[0].Answer != "kept for later" {
		t.Fatalf("after Later, Resumable = %+v, %v", rec, err)
	}
}

func TestResumeOfferBeforeGrillStart(t *testing.T) {
	dataDir := t.TempDir()
	old := interruptedSession(t, dataDir, "the old draft")
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(2), SkipHome: true, Store: st}, 80, 24)
	h.waitFor("Resume the session of")
	h.key(tcell.KeyTab)
	h.key(tcell.KeyEnter) // Discard: the new session starts
	h.waitFor("1/2", "00:20 left", "0 words")
	if strings.Contains(h.text(), "the old draft") {
		t.Fatal("the discarded draft shows in the new session")
	}
	h.waitRecord(func(r interview.Record) bool { return r.ID != old.ID })
	deadline := time.Now().Add(15 * time.Second)
	for {
		sums, _ := st.List()
		if len(sums) == 2 && sums[1].Status == interview.StatusAbandoned && sums[0].Status == interview.StatusInProgress {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("history after Discard and a new session: %+v", sums)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestResumeFailsWhenACardIsGone(t *testing.T) {
	dataDir := t.TempDir()
	old := interruptedSession(t, dataDir, "orphan")
	lib := testLibrary()
	lib.Topics = lib.Topics[:1] // topic b removed from the decks
	st := newStore(t, dataDir)
	h := start(t, Options{Library: lib, Config: config(2), Store: st}, 80, 24)
	h.waitFor("Resume the session of")
	h.key(tcell.KeyEnter)
	h.waitFor("New session", "Cannot resume", "no longer in the decks")
	// It stays in progress, to be resumed once the deck is back.
	other := store.NewStore(dataDir)
	defer other.Close()
	if rec, err := other.Resumable(); err != nil || rec == nil || rec.ID != old.ID {
		t.Fatalf("Resumable after a failed resume = %+v, %v", rec, err)
	}
}

// TestCtrlCKeepsTheSessionResumable presses Ctrl+C while typing: grill
// exits, and the next start offers the session with the draft and the time
// that was left, to the second.
func TestCtrlCKeepsTheSessionResumable(t *testing.T) {
	dataDir := t.TempDir()
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(2), SkipHome: true, Store: st}, 80, 24)
	h.waitFor("1/2", "00:20 left")
	h.typeText("typed before the interrupt")
	h.waitFor("4 words")
	h.clock.Advance(7 * time.Second)
	h.waitFor("00:13 left")
	h.ctrl(tcell.KeyCtrlC)
	h.waitExit(5*time.Second, "Ctrl+C did not quit")
	// Run has returned: the last save is on disk.
	st.Close()
	rec, err := st.Load(store.Latest)
	if err != nil {
		t.Fatal(err)
	}
	if q := rec.Questions[0]; q.Answer != "typed before the interrupt" || q.TimeUsed != 7*time.Second || !rec.Ended.IsZero() {
		t.Fatalf("after Ctrl+C, stored %q with %v used, ended %v", q.Answer, q.TimeUsed, rec.Ended)
	}
	h2 := start(t, Options{Config: config(2), Store: newStore(t, dataDir)}, 80, 24)
	h2.waitFor("Resume the session of", "(1/2, 0:13 left)")
	h2.key(tcell.KeyEnter)
	h2.waitFor("typed before the interrupt", "00:13 left")
}

// TestContextCancelSavesTheSession stands for SIGHUP, SIGTERM and SIGINT,
// which cancel the context given to RunContext.
func TestContextCancelSavesTheSession(t *testing.T) {
	dataDir := t.TempDir()
	st := newStore(t, dataDir)
	clock := interview.NewFakeClock(t0)
	sim := tcell.NewSimulationScreen("UTF-8")
	a, err := newApp(Options{Library: testLibrary(), Config: config(2), SkipHome: true, Store: st, Clock: clock, Screen: sim})
	if err != nil {
		t.Fatal(err)
	}
	sim.SetSize(80, 24)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.runContext(ctx) }()
	for clock.Tickers() == 0 {
		time.Sleep(time.Millisecond)
	}
	for _, r := range "hangup" {
		sim.InjectKey(tcell.KeyRune, r, tcell.ModNone)
	}
	// Wait until the draft has reached the session (on the next draw).
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, q := a.sess.Load().Current()
		if q.Answer == "hangup" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("draft never reached the session: %q", q.Answer)
		}
		time.Sleep(5 * time.Millisecond)
	}
	clock.Advance(11 * time.Second)
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("RunContext did not return when its context was cancelled")
	}
	rec, err := st.Load(store.Latest)
	if err != nil {
		t.Fatal(err)
	}
	if q := rec.Questions[0]; q.Answer != "hangup" || q.TimeUsed != 11*time.Second || !rec.Ended.IsZero() {
		t.Fatalf("after the signal, stored %q with %v used, ended %v", q.Answer, q.TimeUsed, rec.Ended)
	}
}

// unwritableDataDir is a data directory that cannot be created, for root
// too: its parent is a regular file.
func unwritableDataDir(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(file, "grill")
}

// answerOne answers the single question of a session with alpha and beta,
// rates it and waits for the summary.
func answerOne(h *harness) string {
	h.t.Helper()
	h.waitFor("1/1")
	h.typeText("alpha and beta")
	h.waitFor("3 words")
	h.ctrl(tcell.KeyCtrlS)
	h.waitFor("Key points")
	h.press('3')
	return h.waitFor("Summary", "session complete")
}

func TestUnwritableDataDirReportWrittenElsewhere(t *testing.T) {
	st := newStore(t, unwritableDataDir(t))
	elsewhere := t.TempDir()
	t.Chdir(elsewhere) // the prompt offers the current directory
	h := start(t, Options{Config: config(1), SkipHome: true, Store: st}, 80, 24)
	h.waitFor("1/1")
	h.clock.Advance(time.Second)
	h.waitFor("not saved")
	summary := answerOne(h)
	for _, w := range []string{"reportnotwritten", st.Dir(), "ewritereportelsewhere", "pprintitonexit"} {
		if !strings.Contains(strings.Join(strings.Fields(summary), ""), w) {
			t.Errorf("summary lacks %q:\n%s", w, summary)
		}
	}
	h.press('e')
	prompt := h.waitFor("Write the report to", "Directory "+elsewhere[:min(len(elsewhere), 20)])
	t.Logf("export prompt:\n%s", prompt)
	h.key(tcell.KeyEnter)
	want := filepath.Join(elsewhere, "20261125T090000Z.md")
	h.waitFor("report written to:")
	h.waitGone("Write the report to")
	md, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "alpha and beta") || !strings.Contains(string(md), "reference") {
		t.Errorf("exported report lacks the answer or the reference:\n%s", md)
	}
	if fi, err := os.Stat(filepath.Join(elsewhere, "20261125T090000Z.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("exported record: %v, %v", fi, err)
	}
	h.waitGone("e write report elsewhere")
}

// TestReadOnlySessionsDirIsReportedNotMadeWritable: a sessions directory
// the user made read-only stays so; the question screen says the answer is
// not saved, the summary says the directory is not writable and offers to
// write the report elsewhere or print it.
func TestReadOnlySessionsDirIsReportedNotMadeWritable(t *testing.T) {
	dataDir := t.TempDir()
	sessions := filepath.Join(dataDir, "sessions")
	if err := os.Mkdir(sessions, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(sessions, 0o700) })
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(1), SkipHome: true, Store: st}, 100, 30)
	h.waitFor("1/1")
	h.clock.Advance(time.Second)
	h.waitFor("not saved")
	summary := strings.Join(strings.Fields(answerOne(h)), "")
	for _, w := range []string{"reportnotwritten", "isnotwritable(permissions0500", "ewritereportelsewhere", "pprintitonexit"} {
		if !strings.Contains(summary, w) {
			t.Errorf("summary lacks %q:\n%s", w, summary)
		}
	}
	if fi, _ := os.Stat(sessions); fi.Mode().Perm() != 0o500 {
		t.Errorf("sessions directory is now %v, want 0500 as the user left it", fi.Mode().Perm())
	}
}

func TestExportPromptShowsAFailureAndStaysOpen(t *testing.T) {
	st := newStore(t, unwritableDataDir(t))
	t.Chdir(t.TempDir())
	h := start(t, Options{Config: config(1), SkipHome: true, Store: st}, 80, 24)
	answerOne(h)
	h.press('e')
	h.waitFor("Directory")
	h.ctrl(tcell.KeyCtrlU) // clear the field
	h.typeText("/nonexistent/dir")
	h.waitFor("/nonexistent/dir")
	h.key(tcell.KeyEnter)
	h.waitFor("cannot write", "/nonexistent/dir", "Write the report to")
	h.key(tcell.KeyEscape)
	h.waitGone("Write the report to")
	h.waitFor("e write report elsewhere")
}

func TestUnwritableDataDirReportPrintedOnExit(t *testing.T) {
	st := newStore(t, unwritableDataDir(t))
	var out bytes.Buffer
	h := start(t, Options{Config: config(1), SkipHome: true, Store: st, Stdout: &out}, 80, 24)
	answerOne(h)
	h.press('p')
	h.waitFor("printed when grill exits")
	h.press('q')
	h.waitExit(5*time.Second, "q did not quit")
	if s := out.String(); !strings.HasPrefix(s, "# grill session") || !strings.Contains(s, "alpha and beta") {
		t.Fatalf("printed report:\n%s", s)
	}
}

func TestStoreGetsEveryStateAndTheReportPath(t *testing.T) {
	dataDir := t.TempDir()
	st := newStore(t, dataDir)
	h := start(t, Options{Config: config(1), SkipHome: true, Store: st}, 80, 24)
	h.waitFor("1/1")
	// The first question is on disk before anything is typed.
	waitStored(t, st, "20261125T090000Z", func(r *interview.Record) bool { return len(r.Questions) == 1 })
	summary := answerOne(h)
	path := filepath.Join(dataDir, "sessions", "20261125T090000Z.md")
	if !strings.Contains(strings.Join(strings.Fields(summary), ""), strings.ReplaceAll(path, " ", "")) {
		t.Errorf("summary does not name the report %s:\n%s", path, summary)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("report not written before the summary showed: %v", err)
	}
	rec := waitStored(t, st, "20261125T090000Z", func(r *interview.Record) bool { return !r.Ended.IsZero() })
	if q := rec.Questions[0]; q.Answer != "alpha and beta" || q.Rating != interview.Good || q.Grade.Score != 100 {
		t.Fatalf("stored %+v", q)
	}
}

// TestWeakestOrderUsesTheStore: with a Store and no Ranker, "weakest"
// asks first the card answered worst before.
func TestWeakestOrderUsesTheStore(t *testing.T) {
	dataDir := t.TempDir()
	st := newStore(t, dataDir)
	clock := interview.NewFakeClock(t0.Add(-48 * time.Hour))
	lib := testLibrary()
	// Answered before: a/q1 and a/q2 perfectly, b/q1 and b/q2 badly (b/q2 worst).
	for i, c := range []struct {
		id, answer string
	}{{"a/q1", "alpha beta"}, {"a/q2", "alpha beta"}, {"b/q1", "beta"}, {"b/q2", "nothing"}} {
		card, _ := lib.Card(c.id)
		sess, err := interview.New(&decks.Library{Topics: []*decks.Topic{{ID: card.Topic, Cards: []*decks.Card{card}}}},
			interview.Settings{Count: 1, TimeLimit: time.Minute, TimeChosen: true, Seed: int64(i + 1)},
			interview.Options{Clock: clock, OnChange: func(r interview.Record) { st.Save(&r) }})
		if err != nil {
			t.Fatal(err)
		}
		sess.SetDraft(c.answer)
		sess.Submit()
		sess.Rate(interview.Good)
		clock.Advance(time.Hour)
	}
	cfg := config(2)
	cfg.Session.Order = interview.OrderWeakest
	h := start(t, Options{Config: cfg, SkipHome: true, Store: st}, 80, 24)
	h.waitFor("1/2")
	if r := h.record(); r.Plan[0] != "b/q2" || r.Plan[1] != "b/q1" {
		t.Fatalf("weakest order asks %v, want b/q2 then b/q1", r.Plan)
	}
}

// TestTimeUsedIsSavedWhileThinking: with no typing, the time used still
// reaches the record every SaveEvery, so that a crash gives back no more
// than that of the time spent thinking.
func TestTimeUsedIsSavedWhileThinking(t *testing.T) {
	cfg := config(1)
	cfg.Session.TimeLimit = 2 * time.Minute
	h := start(t, Options{Config: cfg, SkipHome: true}, 80, 24)
	h.waitFor("02:00 left")
	for i := 1; i <= 7; i++ {
		h.clock.Advance(5 * time.Second)
		h.waitFor(fmt.Sprintf("01:%02d left", 60-5*i))
		want := time.Duration(5*i) * time.Second
		r := h.waitRecord(func(r interview.Record) bool { return r.Questions[0].TimeUsed == want })
		if q := r.Questions[0]; q.Outcome != interview.Pending || q.Answer != "" {
			t.Fatalf("saved while thinking: %+v, want still asking with no answer", q)
		}
	}
}

// TestDraftIsSavedOnceTypingPauses: with the timer far off, the draft
// reaches OnChange once typing has paused for SavePause, with the time
// used, once per pause however many keys were typed.
func TestDraftIsSavedOnceTypingPauses(t *testing.T) {
	h := start(t, Options{Config: config(1), SkipHome: true, SaveEvery: time.Hour, SavePause: 300 * time.Millisecond}, 80, 24)
	h.waitFor("1/1")
	h.clock.Advance(time.Second) // the first tick saves on the timer: the next is an hour away
	h.waitRecord(func(r interview.Record) bool { return r.Questions[0].TimeUsed == time.Second })
	saves := func() int { h.mu.Lock(); defer h.mu.Unlock(); return len(h.saved) }
	before := saves()
	h.typeText("alpha beta gamma")
	h.waitFor("alpha beta gamma", "3 words") // every key handled, not only three words of them
	h.clock.Advance(250 * time.Millisecond)  // a tick, typing paused 250 ms: not yet
	h.clock.Advance(250 * time.Millisecond)  // paused 500 ms: saved
	r := h.waitRecord(func(r interview.Record) bool { return r.Questions[0].Answer == "alpha beta gamma" })
	if q := r.Questions[0]; q.TimeUsed != 1500*time.Millisecond {
		t.Errorf("draft saved with %v used, want 1.5s", q.TimeUsed)
	}
	for range 8 { // two seconds of ticks with no typing: nothing new to save
		h.clock.Advance(250 * time.Millisecond)
	}
	h.typeText(" delta")
	h.waitFor("gamma delta", "4 words")
	h.clock.Advance(500 * time.Millisecond)
	h.waitRecord(func(r interview.Record) bool { return r.Questions[0].Answer == "alpha beta gamma delta" })
	if n := saves() - before; n != 2 {
		t.Errorf("%d saves for two pauses in typing, want 2", n)
	}
}

// TestClosedTerminalAfterACleanSaveIsNoError: when the terminal goes away
// (tcell reports EOF on its input), the session is saved with its draft and
// Run returns nil, so that grill exits 0; when that save fails, the error
// says so.
func TestClosedTerminalAfterACleanSaveIsNoError(t *testing.T) {
	for _, tc := range []struct {
		name    string
		dataDir func(*testing.T) string
		wantErr string
	}{
		{"saved", func(t *testing.T) string { return t.TempDir() }, ""},
		{"not saved", unwritableDataDir, "the terminal closed and the session could not be saved"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t, tc.dataDir(t))
			h := start(t, Options{Config: config(1), SkipHome: true, Store: st}, 80, 24)
			h.waitFor("1/1")
			h.typeText("closed")
			h.waitFor("1 word")
			h.post(tcell.NewEventError(io.EOF))
			var err error
			select {
			case err = <-h.done:
				h.done <- nil // for the cleanup
			case <-time.After(10 * time.Second):
				t.Fatal("Run did not return when the terminal closed")
			}
			if tc.wantErr == "" {
				if err != nil {
					t.Fatalf("Run = %v after a clean save, want nil", err)
				}
				rec, lerr := st.Load(store.Latest)
				if lerr != nil || rec.Questions[0].Answer != "closed" || !rec.Ended.IsZero() {
					t.Fatalf("stored %+v, %v; want the draft, still in progress", rec, lerr)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("Run = %v, want %q", err, tc.wantErr)
			}
		})
	}
}
