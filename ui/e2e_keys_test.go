package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestEndToEndKeysInTmux drives the built binary through the keys a new
// user trips over: ? and F1 for the help on each screen, Ctrl+K on a typed
// answer (asks; "Keep writing" keeps it), the summary's Enter (read-only
// review), n (new session), h (history) and Esc (home), and the reports'
// paths printed on exit.
func TestEndToEndKeysInTmux(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	bin := buildGrill(t, dir)
	for _, d := range []string{"data", "config", "state"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("grill-e2e-keys-%d", os.Getpid())}
	cmd := fmt.Sprintf("env XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s XDG_STATE_HOME=%s TERM=xterm-256color %s start --topics gnn --count 2 --time 5m --seed 1 --follow-ups off; echo grill exited $?; sleep 60",
		filepath.Join(dir, "data"), filepath.Join(dir, "config"), filepath.Join(dir, "state"), bin)
	s.tmux("new-session", "-d", "-s", "grill", "-x", "80", "-y", "24", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	keys := func(k ...string) { s.tmux(append([]string{"send-keys", "-t", "grill"}, k...)...) }
	text := func(t string) { s.tmux("send-keys", "-t", "grill", "-l", t) }
	waitGone := func(what string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for strings.Contains(s.capture(), what) {
			if time.Now().After(deadline) {
				t.Fatalf("%q never went away:\n%s", what, s.capture())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	s.waitFor(10*time.Second, "1/2", "F1 keys")
	// In the answer box ? is a character; F1 opens the help.
	text("?")
	s.waitFor(5*time.Second, "1 word")
	keys("F1")
	help := s.waitFor(5*time.Second, "Keys", "Ctrl+K", "skip, not graded", "any key closes")
	t.Logf("help on the question screen:\n%s", help)
	keys("x") // closes the help, types nothing
	waitGone("any key closes")
	s.waitFor(5*time.Second, "1 word", "F1 keys")

	// Ctrl+K on a typed answer asks; Keep writing keeps the answer.
	text(" nodes aggregate their neighbours")
	s.waitFor(5*time.Second, "5 words")
	keys("C-k")
	s.waitFor(5*time.Second, "Skip this question?", "Keep writing")
	keys("Tab")
	keys("Enter")
	waitGone("Skip this question?")
	s.waitFor(5*time.Second, "1/2", "5 words")
	keys("C-s")
	s.waitFor(5*time.Second, "review", "Key points", "3 Good")
	text("?")
	s.waitFor(5*time.Second, "rate the answer Again, Hard, Good or Easy")
	keys("Escape")
	waitGone("any key closes")
	time.Sleep(700 * time.Millisecond) // let tmux pass the Escape alone
	text("3")
	s.waitFor(5*time.Second, "2/2")
	// Ctrl+K on a typed answer, confirmed: skipped.
	text("no idea")
	s.waitFor(5*time.Second, "2 words")
	keys("C-k")
	s.waitFor(5*time.Second, "Skip this question?")
	keys("Enter")
	s.waitFor(5*time.Second, "review", "skipped")
	text("1")

	summary := s.waitFor(5*time.Second, "Summary", "session complete", "Enter review", "Esc home")
	t.Logf("summary:\n%s", summary)
	text("?")
	s.waitFor(5*time.Second, "reopen its review (read-only)", "history of past sessions")
	text("x")
	waitGone("any key closes")
	keys("Enter")
	s.waitFor(5*time.Second, "1/2 · review", "read-only")
	keys("Escape")
	s.waitFor(5*time.Second, "Summary", "session complete")
	// n: a new session with the same settings; ended at once, its summary.
	text("n")
	s.waitFor(5*time.Second, "1/2", "F1 keys", "05:00 left")
	keys("C-q")
	s.waitFor(5*time.Second, "End this session?")
	keys("Enter")
	s.waitFor(5*time.Second, "Summary", "ended early")
	text("h")
	s.waitFor(5*time.Second, "2 sessions")
	keys("Escape")
	s.waitFor(5*time.Second, "New session", "Start")
	time.Sleep(700 * time.Millisecond)
	keys("C-q")
	out := s.waitFor(5*time.Second, "grill exited 0")
	if n := strings.Count(strings.Join(strings.Fields(out), ""), "Report:"+filepath.Join(dir, "data")); n != 2 {
		t.Errorf("grill named %d reports on exit, want 2:\n%s", n, out)
	}
}
