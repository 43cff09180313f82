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

// tmuxSession drives the built grill binary in a detached tmux session on
// a private tmux server.
type tmuxSession struct {
	t      *testing.T
	socket string
}

func (s *tmuxSession) tmux(args ...string) string {
	s.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, args...)...).CombinedOutput()
	if err != nil {
		s.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (s *tmuxSession) capture() string { return s.tmux("capture-pane", "-p", "-t", "grill") }

// waitFor polls the pane until every want shows, within d.
func (s *tmuxSession) waitFor(d time.Duration, want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(d)
	for {
		screen := s.capture()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(screen, w)
		}
		if ok {
			return screen
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("pane never showed %q; it shows:\n%s", want, screen)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestEndToEndInTmux runs a two-question session of the real binary: an
// answer typed and submitted, rated 3, the second question left to time
// out, and the summary listing both.
func TestEndToEndInTmux(t *testing.T) {
	needTmux(t)
	dir := t.TempDir()
	bin := buildGrill(t, dir)
	for _, d := range []string{"data", "config"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	s := &tmuxSession{t: t, socket: fmt.Sprintf("grill-e2e-%d", os.Getpid())}
	cmd := fmt.Sprintf("env XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color %s start --topics gnn,diffusion --count 2 --time 20s --seed 1; echo grill exited $?; sleep 60",
		filepath.Join(dir, "data"), filepath.Join(dir, "config"), bin)
	s.tmux("new-session", "-d", "-s", "grill", "-x", "100", "-y", "30", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })

	question := s.waitFor(10*time.Second, "1/2", "left", "Ctrl+S submit")
	t.Logf("question screen:\n%s", question)
	answer := "Nodes aggregate information from their neighbours and update their own features; we gradually add Gaussian noise."
	s.tmux("send-keys", "-t", "grill", "-l", answer)
	s.waitFor(5*time.Second, "Gaussian noise.", "words")
	s.tmux("send-keys", "-t", "grill", "C-s")
	review := s.waitFor(5*time.Second, "review", "submitted", "Key points", "score", "Reference answer", "3 Good")
	t.Logf("review screen:\n%s", review)
	if !strings.Contains(review, "✓") && !strings.Contains(review, "✗") {
		t.Fatalf("review shows no key point marks:\n%s", review)
	}
	s.tmux("send-keys", "-t", "grill", "3")
	s.waitFor(5*time.Second, "2/2", "Ctrl+S submit")
	// Leave the second question alone until its 20 s run out.
	timedOut := s.waitFor(30*time.Second, "2/2", "review", "timed out", "Key points")
	t.Logf("review after time-out:\n%s", timedOut)
	s.tmux("send-keys", "-t", "grill", "3")
	summary := s.waitFor(5*time.Second, "Summary", "session complete", "q quit")
	t.Logf("summary screen:\n%s", summary)
	for _, w := range []string{"gnn", "diffusion", "submitted", "timed out", "0:20/0:20", "Good"} {
		if !strings.Contains(summary, w) {
			t.Errorf("summary lacks %q", w)
		}
	}
	if rows := strings.Count(summary, "/0:20"); rows != 2 {
		t.Errorf("summary lists %d questions, want 2:\n%s", rows, summary)
	}
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")
}
