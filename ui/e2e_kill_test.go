package ui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"grill/interview"
	"grill/store"
)

// TestEndToEndKillLosesAtMostTheLastSecond types into the real binary in
// tmux and kills it with SIGKILL at a random moment, 20 times (seeded, so
// every run kills at the same offsets). After each kill the record on disk
// must hold every word typed more than a second before the kill, and the
// time used on the question must be short of the real time by at most a
// second.
func TestEndToEndKillLosesAtMostTheLastSecond(t *testing.T) {
	bin, dir := grillEnv(t)
	s := newTmux(t, "killloop", 100, 30, "sleep 600")
	s.tmux("set-option", "-t", "grill", "remain-on-exit", "on")
	rng := rand.New(rand.NewPCG(11, 2026))
	const rounds = 20
	var worstLoss, worstTime time.Duration
	for round := range rounds {
		data := filepath.Join(dir, fmt.Sprintf("round%02d", round))
		s.tmux("respawn-pane", "-k", "-t", "grill", fmt.Sprintf("env XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color %s start --topics gnn --count 1 --time 5m --seed %d",
			data, filepath.Join(dir, "config"), bin, round+1))
		pollPane(t, s, "1/1", "left", "Ctrl+S submit")
		pid := panePID(t, s)

		// Type words at a typist's pace with pauses now and then, and
		// kill at a random moment 0.2–2.2 s in.
		killAt := time.Now().Add(200*time.Millisecond + time.Duration(rng.Int64N(2000))*time.Millisecond)
		var typed strings.Builder
		var chunks []string
		var sentAt []time.Time
		for n := 0; time.Now().Before(killAt); n++ {
			chunk := fmt.Sprintf("w%d ", n)
			s.tmux("send-keys", "-t", "grill", "-l", chunk)
			typed.WriteString(chunk)
			chunks = append(chunks, chunk)
			sentAt = append(sentAt, time.Now())
			pause := 20*time.Millisecond + time.Duration(rng.Int64N(100))*time.Millisecond
			if rng.IntN(8) == 0 {
				pause = 400*time.Millisecond + time.Duration(rng.Int64N(600))*time.Millisecond
			}
			time.Sleep(min(pause, max(time.Until(killAt), 0)))
		}
		killed := time.Now()
		if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		waitExited(t, pid)

		rec := onlyRecord(t, filepath.Join(data, "grill"))
		q := rec.Questions[0]
		if !strings.HasPrefix(typed.String(), q.Answer) {
			t.Fatalf("round %d: saved answer %q is not what was typed: %q", round, q.Answer, typed.String())
		}
		// The oldest text lost is the first chunk not wholly saved.
		var loss time.Duration
		for i, n := 0, 0; i < len(chunks); i++ {
			if n += len(chunks[i]); n > len(q.Answer) {
				loss = killed.Sub(sentAt[i])
				break
			}
		}
		lag := killed.Sub(q.AskedAt) - q.TimeUsed
		t.Logf("round %2d: killed %4d ms into typing; %3d of %3d bytes saved; oldest text lost %4d ms old; time used short by %4d ms",
			round, killed.Sub(sentAt[0]).Milliseconds(), len(q.Answer), typed.Len(), loss.Milliseconds(), lag.Milliseconds())
		worstLoss, worstTime = max(worstLoss, loss), max(worstTime, lag)
		if loss > time.Second {
			t.Errorf("round %d: lost text typed %v before the kill, want at most the last second", round, loss)
		}
		if lag > time.Second || lag < -100*time.Millisecond {
			t.Errorf("round %d: time used %v saved, %v had passed: want within a second", round, q.TimeUsed, killed.Sub(q.AskedAt))
		}
	}
	t.Logf("%d kills: the oldest text lost was typed %d ms before its kill; the time used was short by at most %d ms",
		rounds, worstLoss.Milliseconds(), worstTime.Milliseconds())
}

// pollPane polls the pane every 20 ms until every want shows, within 10 s.
func pollPane(t *testing.T, s *tmuxSession, want ...string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		screen := s.capture()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(screen, w)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("pane never showed %q; it shows:\n%s", want, screen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// panePID returns the pid of the grill running in the pane: the pane's
// process itself, or a child of it.
func panePID(t *testing.T, s *tmuxSession) int {
	t.Helper()
	out, err := exec.Command("tmux", "-L", s.socket, "list-panes", "-t", "grill", "-F", "#{pane_pid}").Output()
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		t.Fatal(err)
	}
	if comm, _, _ := procStat(pid); comm == "grill" {
		return pid
	}
	return grillPID(t, s)
}

// onlyRecord reads the one session record under dataDir.
func onlyRecord(t *testing.T, dataDir string) *interview.Record {
	t.Helper()
	st := store.NewStore(dataDir)
	defer st.Close()
	rec, err := st.Load(store.Latest)
	if err != nil {
		entries, _ := os.ReadDir(st.Dir())
		t.Fatalf("no record after the kill: %v (files: %v)", err, entries)
	}
	return rec
}
