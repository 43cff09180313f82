package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"grill/interview"
)

// grillEnv builds grill and makes a private data and configuration
// directory for it. It skips the test without tmux (fails in CI) or with
// -short.
func grillEnv(t *testing.T) (bin, dir string) {
	t.Helper()
	needTmux(t)
	dir = t.TempDir()
	bin = buildGrill(t, dir)
	for _, d := range []string{"data", "config"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return bin, dir
}

// grillCommand is the shell command that runs grill with args in dir's
// data and configuration directories, then says how it exited.
func grillCommand(bin, dir, args string) string {
	return fmt.Sprintf("env XDG_DATA_HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color %s %s; echo grill exited $?; sleep 60",
		filepath.Join(dir, "data"), filepath.Join(dir, "config"), bin, args)
}

// newTmux starts a tmux server of its own for the test (removed when the
// test ends) and runs command in its session "grill", w×h.
func newTmux(t *testing.T, name string, w, h int, command string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("grill-%s-%d", name, os.Getpid())}
	s.tmux("new-session", "-d", "-s", "grill", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h), command)
	path := strings.TrimSpace(s.tmux("display-message", "-p", "#{socket_path}"))
	t.Cleanup(func() {
		// A grill still running saves its session on the hangup: wait for
		// it, so that it does not write while the test's files go.
		pid := findGrill(s)
		exec.Command("tmux", "-L", s.socket, "kill-server").Run()
		if pid > 0 {
			waitExited(t, pid)
		}
		os.Remove(path) // the server may leave its socket behind
	})
	return s
}

// grillCLI runs a grill command (not in tmux) with dir's directories and
// returns its standard output.
func grillCLI(t *testing.T, bin, dir string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("grill %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}

// grillPID returns the process id of the grill running in the pane.
func grillPID(t *testing.T, s *tmuxSession) int {
	t.Helper()
	pid := findGrill(s)
	if pid == 0 {
		t.Fatal("no grill process in the pane")
	}
	return pid
}

// findGrill returns the process id of the grill running in the pane, 0
// when there is none.
func findGrill(s *tmuxSession) int {
	out, err := exec.Command("tmux", "-L", s.socket, "list-panes", "-t", "grill", "-F", "#{pane_pid}").Output()
	if err != nil {
		return 0
	}
	shell, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		return 0
	}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		comm, ppid, state := procStat(pid)
		if comm == "grill" && ppid == shell && state != 'Z' {
			return pid
		}
	}
	return 0
}

// procStat reads a process's command name, parent and state from /proc.
func procStat(pid int) (comm string, ppid int, state byte) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", 0, 0
	}
	s := string(data)
	open, closing := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || closing < open {
		return "", 0, 0
	}
	fields := strings.Fields(s[closing+1:])
	if len(fields) < 2 {
		return "", 0, 0
	}
	ppid, _ = strconv.Atoi(fields[1])
	return s[open+1 : closing], ppid, fields[0][0]
}

// waitExited waits until process pid has exited (gone, or a zombie).
func waitExited(t *testing.T, pid int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		comm, _, state := procStat(pid)
		if comm == "" || state == 'Z' {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("grill %d still running", pid)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

var countdownRE = regexp.MustCompile(`(\d\d):(\d\d) left`)

// countdown reads the time left shown on the question screen.
func countdown(t *testing.T, screen string) time.Duration {
	t.Helper()
	m := countdownRE.FindStringSubmatch(screen)
	if m == nil {
		t.Fatalf("no countdown on the screen:\n%s", screen)
	}
	mins, _ := strconv.Atoi(m[1])
	secs, _ := strconv.Atoi(m[2])
	return time.Duration(mins)*time.Minute + time.Duration(secs)*time.Second
}

// TestEndToEndReportFiles runs a two-question session of the real binary,
// quits at the summary, and checks what was written: `grill report list
// --json` lists the session, `grill report show latest --format json`
// holds the typed answers, the Markdown report exists, files are 0600 and
// directories 0700. The second answer contradicts a key point of its card
// (gnn/egnn) and asserts one of its misconceptions: the review, the JSON
// record and the Markdown report show both. Then the history screen at
// 80×24 lists the session and opens its report.
func TestEndToEndReportFiles(t *testing.T) {
	bin, dir := grillEnv(t)
	s := newTmux(t, "report", 100, 30, grillCommand(bin, dir, "start --topics gnn --count 2 --time 30s --seed 1 --follow-ups off"))
	first := "Zebra answer: nodes aggregate messages from their neighbours, then update their own features."
	second := "Okapi answer: messages use squared distances between nodes. EGNN uses spherical harmonics for the messages."

	s.waitFor(10*time.Second, "1/2", "left", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", first)
	s.waitFor(5*time.Second, "own features.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	s.waitFor(5*time.Second, "review", "Key points", "3 Good")
	s.tmux("send-keys", "-t", "grill", "3")
	s.waitFor(5*time.Second, "2/2", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", second)
	s.waitFor(5*time.Second, "the messages.", "15 words")
	s.tmux("send-keys", "-t", "grill", "C-s")
	review := s.waitFor(5*time.Second, "review", "Key points", "3 Good", "(contradicted)", "✗ wrong: EGNN uses spherical")
	t.Logf("review of the second answer:\n%s", review)
	s.tmux("send-keys", "-t", "grill", "4")
	summary := s.waitFor(5*time.Second, "Summary", "session complete", "report:")
	t.Logf("summary:\n%s", summary)
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")

	var list []struct {
		ID        string   `json:"id"`
		Topics    []string `json:"topics"`
		Questions int      `json:"questions"`
		Answered  int      `json:"answered"`
		Planned   int      `json:"planned"`
		Status    string   `json:"status"`
		Completed string   `json:"completion"`
	}
	out := grillCLI(t, bin, dir, "report", "list", "--json")
	if err := json.Unmarshal(out, &list); err != nil {
		t.Fatalf("report list --json: %v\n%s", err, out)
	}
	if len(list) != 1 || list[0].Questions != 2 || list[0].Answered != 2 || list[0].Status != "ended" ||
		list[0].Planned != 2 || list[0].Completed != "complete" || len(list[0].Topics) != 1 || list[0].Topics[0] != "gnn" {
		t.Fatalf("report list --json = %+v", list)
	}
	id := list[0].ID

	var rec struct {
		SchemaVersion int    `json:"schema_version"`
		ID            string `json:"id"`
		Questions     []struct {
			CardID  string   `json:"card_id"`
			Answer  string   `json:"answer"`
			Outcome string   `json:"outcome"`
			Rating  int      `json:"rating"`
			Used    *float64 `json:"time_used_s"`
			Limit   *float64 `json:"time_limit_s"`
			Grade   struct {
				Points []struct {
					Label        string `json:"label"`
					Covered      bool   `json:"covered"`
					Contradicted bool   `json:"contradicted"`
				} `json:"points"`
				Misconceptions []struct {
					Label    string `json:"label"`
					Asserted bool   `json:"asserted"`
				} `json:"misconceptions"`
			} `json:"grade"`
		} `json:"questions"`
	}
	out = grillCLI(t, bin, dir, "report", "show", "latest", "--format", "json")
	if err := json.Unmarshal(out, &rec); err != nil {
		t.Fatalf("report show latest --format json: %v\n%s", err, out)
	}
	if rec.SchemaVersion != interview.SchemaVersion || rec.ID != id || len(rec.Questions) != 2 {
		t.Fatalf("record: schema %d, id %s, %d questions", rec.SchemaVersion, rec.ID, len(rec.Questions))
	}
	for i, want := range []string{first, second} {
		q := rec.Questions[i]
		if q.Answer != want || q.Outcome != "submitted" || q.Rating != 3+i || len(q.Grade.Points) == 0 ||
			q.Limit == nil || *q.Limit != 30 || q.Used == nil || *q.Used <= 0 || *q.Used > 30 {
			t.Errorf("question %d recorded as %+v", i+1, q)
		}
	}
	contradicted, wrong := 0, 0
	for _, p := range rec.Questions[1].Grade.Points {
		if p.Contradicted {
			contradicted++
		}
	}
	for _, m := range rec.Questions[1].Grade.Misconceptions {
		if m.Asserted {
			wrong++
		}
	}
	if contradicted != 1 || wrong != 1 {
		t.Errorf("second answer recorded with %d contradicted points and %d wrong claims, want 1 and 1: %+v", contradicted, wrong, rec.Questions[1].Grade)
	}

	sessions := filepath.Join(dir, "data", "grill", "sessions")
	md, err := os.ReadFile(filepath.Join(sessions, id+".md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "Zebra answer") || !strings.Contains(string(md), "## Summary") {
		t.Errorf("Markdown report lacks the answer or the summary:\n%s", md)
	}
	if !strings.Contains(string(md), "— *contradicted* — \"spherical harmonics\"") || !strings.Contains(string(md), "- ✗ wrong: EGNN uses spherical harmonics") {
		t.Errorf("Markdown report lacks the contradicted point or the wrong claim:\n%s", md)
	}
	for _, d := range []string{filepath.Join(dir, "data", "grill"), sessions} {
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Errorf("%s: %v, mode %v, want 0700", d, err, fi.Mode().Perm())
		}
	}
	entries, err := os.ReadDir(sessions)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		fi, err := e.Info()
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v, want 0600", e.Name(), err, fi.Mode().Perm())
		}
	}
	if strings.Join(names, " ") != id+".json "+id+".md" {
		t.Errorf("session directory holds %v, want only %s.json and %s.md (no lock or temporary file)", names, id, id)
	}

	// A truncated record does not stop the list, and names its file.
	bad := filepath.Join(sessions, "20200101T000000Z.json")
	if err := os.WriteFile(bad, []byte(`{"schema_version": 1, "id": "20200101T000000Z", "questions": [{"answer": "cut o`), 0o600); err != nil {
		t.Fatal(err)
	}
	list = nil
	cmd := exec.Command(bin, "report", "list", "--json")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err = cmd.Output()
	if err != nil || json.Unmarshal(out, &list) != nil || len(list) != 1 || list[0].ID != id {
		t.Errorf("report list with a truncated record: %v, %s", err, out)
	}
	if !strings.Contains(stderr.String(), bad) || !strings.Contains(stderr.String(), "truncated") {
		t.Errorf("report list does not name the truncated file: %q", stderr.String())
	}
	cmd = exec.Command(bin, "report", "show", "20200101T000000Z")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	msg, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(string(msg), bad) || strings.Contains(string(msg), "panic") {
		t.Errorf("report show of a truncated record: %v\n%s", err, msg)
	}
	if err := os.Remove(bad); err != nil {
		t.Fatal(err)
	}

	// The history screen, in an 80×24 terminal.
	h := newTmux(t, "history", 80, 24, grillCommand(bin, dir, ""))
	h.waitFor(10*time.Second, "New session", "h history")
	h.tmux("send-keys", "-t", "grill", "h")
	history := h.waitFor(5*time.Second, "History", "1 session", "gnn", "complete", "Average score per topic", "Enter open report")
	t.Logf("history screen:\n%s", history)
	h.tmux("send-keys", "-t", "grill", "Enter")
	report := h.waitFor(5*time.Second, "Report", id, "grill session", "Summary", "Esc back")
	t.Logf("report screen:\n%s", report)
	h.tmux("send-keys", "-t", "grill", "Escape")
	// Wait for the list itself (the trend box shows under the report too),
	// so that the two Escapes are not read as one Alt+Escape.
	h.waitFor(5*time.Second, "newest first", "Enter open report")
	time.Sleep(100 * time.Millisecond)
	h.tmux("send-keys", "-t", "grill", "Escape")
	h.waitFor(5*time.Second, "New session")
	h.tmux("send-keys", "-t", "grill", "C-q")
	h.waitFor(5*time.Second, "grill exited 0")
}

// TestEndToEndResumeAfterKill types a sentence, waits 6 s, kills grill
// with SIGKILL, and starts it again: the resume offer brings the sentence
// back into the answer box, and the countdown goes on from about where it
// stopped.
func TestEndToEndResumeAfterKill(t *testing.T) {
	bin, dir := grillEnv(t)
	s := newTmux(t, "kill", 100, 30, grillCommand(bin, dir, "start --topics gnn --count 2 --time 2m --seed 1"))
	sentence := "The quick zebra passes messages along every edge of the graph."
	s.waitFor(10*time.Second, "1/2", "left", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", sentence)
	s.waitFor(5*time.Second, "every edge of the graph.")
	time.Sleep(6 * time.Second)
	before := countdown(t, s.capture())
	pid := grillPID(t, s)
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	waitExited(t, pid) // the terminal is left as it was: nothing to read there

	r := newTmux(t, "resume", 100, 30, grillCommand(bin, dir, ""))
	offer := r.waitFor(10*time.Second, "Resume the session of", "(1/2,", "Resume", "Discard")
	t.Logf("resume offer:\n%s", offer)
	r.tmux("send-keys", "-t", "grill", "Enter")
	resumed := r.waitFor(5*time.Second, "1/2", sentence, "left")
	t.Logf("resumed:\n%s", resumed)
	after := countdown(t, resumed)
	t.Logf("countdown %v when killed, %v after resuming", before, after)
	// At most the typing since the last save (every half second) is lost, and a
	// second or two passes while the new grill starts.
	if after < before-3*time.Second || after > before+6*time.Second {
		t.Errorf("countdown was %v when killed and %v after resuming: want it to go on from about where it stopped", before, after)
	}
	r.tmux("send-keys", "-t", "grill", "C-s")
	r.waitFor(5*time.Second, "review", "submitted")
	out := grillCLI(t, bin, dir, "report", "show", "latest", "--format", "json")
	if !strings.Contains(string(out), sentence) {
		t.Errorf("the resumed answer is not in the record:\n%s", out)
	}
}

// TestEndToEndResumeAfterHangup closes grill's terminal (SIGHUP) while an
// answer is being typed, with no time for a periodic save: the signal
// saves the draft and the time used, and grill exits 0 (the shell around it
// ignores the hangup, to write down grill's exit status).
func TestEndToEndResumeAfterHangup(t *testing.T) {
	bin, dir := grillEnv(t)
	status := filepath.Join(dir, "exit-status")
	command := fmt.Sprintf(`sh -c 'trap "" HUP; %s; echo $? > %s'`,
		strings.TrimSuffix(grillCommand(bin, dir, "start --topics vla --count 1 --time 90s --seed 2"), "; echo grill exited $?; sleep 60"), status)
	s := newTmux(t, "hup", 100, 30, command)
	sentence := "Hung up mid-sentence about FiLM conditioning"
	s.waitFor(10*time.Second, "1/1", "left", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", sentence)
	before := countdown(t, s.waitFor(5*time.Second, "FiLM conditioning"))
	pid := grillPID(t, s)
	s.tmux("kill-session", "-t", "grill")
	waitExited(t, pid)
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if out, err := os.ReadFile(status); err == nil && len(out) > 0 {
			if code := strings.TrimSpace(string(out)); code != "0" {
				t.Errorf("grill exited %s after its terminal closed, want 0", code)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the shell never wrote grill's exit status")
		}
	}

	r := newTmux(t, "hupresume", 100, 30, grillCommand(bin, dir, ""))
	r.waitFor(10*time.Second, "Resume the session of", "(1/1,")
	r.tmux("send-keys", "-t", "grill", "Enter")
	resumed := r.waitFor(5*time.Second, sentence, "left")
	after := countdown(t, resumed)
	t.Logf("countdown %v at the hangup, %v after resuming", before, after)
	if after < before-3*time.Second || after > before+time.Second {
		t.Errorf("countdown was %v at the hangup and %v after resuming", before, after)
	}
}
