package ui

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"grill/internal/fakellm"
)

// e2eKey is a distinctive fake API key. grill sends it to the server, and
// must never write it anywhere.
const e2eKey = "sk-grill-LEAKCHECK-5f3a9c1e7b2d4086-DO-NOT-WRITE"

// rubricLabel matches a key point of the rubric in grill's system prompt:
// `1. "Aggregate from neighbours" (weight 2) — typical wording: …`.
var rubricLabel = regexp.MustCompile(`(?m)^\d+\. ("(?:[^"\\]|\\.)*")`)

// e2eVerdict is the fake model's verdict on any question: the first key
// point covered, quoting the answer's first words, the others partly (so
// that its score of 52 agrees with its statuses on any card).
func e2eVerdict(system, answer string) string {
	words := strings.Fields(answer)
	quote := strings.Join(words[:min(4, len(words))], " ")
	var points []string
	for i, m := range rubricLabel.FindAllStringSubmatch(system, -1) {
		label, err := strconv.Unquote(m[1])
		if err != nil {
			continue
		}
		status, evidence := "partly", quote
		if i == 0 {
			status = "covered"
		}
		points = append(points, fmt.Sprintf(`{"label":%q,"status":%q,"evidence":%q}`, label, status, evidence))
	}
	return `{"key_points":[` + strings.Join(points, ",") + `],"wrong_claims":[],"score":52,` +
		`"feedback":"A fair start on the first point. Say how the node's own state is combined with the messages.",` +
		`"follow_up":"Why must the aggregation be permutation invariant?"}`
}

// e2eLLMServer starts an in-process fake LLM for the grill binary. Requests
// listed in fail401 (0-based) are refused with 401 and a body that echoes
// the key, as some proxies do; the others get e2eVerdict, streamed.
func e2eLLMServer(t *testing.T, fail401 map[int]bool) *fakellm.Server {
	t.Helper()
	var f *fakellm.Server
	f = newFakeLLM(t, func(w http.ResponseWriter, r *http.Request, n int, answer string) {
		system := f.Requests()[n].System
		if fail401[n] {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprintf(w, `{"error":{"message":"Incorrect API key provided: %s","type":"invalid_request_error","code":"invalid_api_key"}}`, e2eKey)
			return
		}
		streamReply(w, e2eVerdict(system, answer))
	})
	return f
}

// e2eEnv prepares a home for the grill binary under dir: the binary, XDG
// directories, and a config file enabling the LLM at base. It returns the
// binary's path and the environment to run it with.
func e2eEnv(t *testing.T, dir, base string) (bin string, env []string) {
	t.Helper()
	bin = buildGrill(t, dir)
	for _, d := range []string{"home", "data", "config/grill", "state", "cache", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	cfg := fmt.Sprintf("[llm]\nenabled = true\nbase_url = %q\nmodel = \"test-model\"\napi_key_env = \"GRILL_TEST_KEY\"\ntimeout = \"20s\"\nmax_retries = 0\n", base+"/v1")
	if err := os.WriteFile(filepath.Join(dir, "config/grill/config.toml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	env = []string{
		"HOME=" + filepath.Join(dir, "home"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"TMPDIR=" + filepath.Join(dir, "tmp"),
		"TERM=xterm-256color",
		"GRILL_TEST_KEY=" + e2eKey,
	}
	return bin, env
}

// startTmux runs the grill binary with args in a detached 100×30 tmux
// session on a private tmux server.
func startTmux(t *testing.T, name, bin string, env []string, args string) *tmuxSession {
	t.Helper()
	s := &tmuxSession{t: t, socket: fmt.Sprintf("grill-%s-%d", name, os.Getpid())}
	cmd := fmt.Sprintf("env -u OPENAI_API_KEY -u OPENAI_BASE_URL %s %s %s; echo grill exited $?; sleep 60",
		strings.Join(env, " "), bin, args)
	s.tmux("new-session", "-d", "-s", "grill", "-x", "100", "-y", "30", cmd)
	t.Cleanup(func() { exec.Command("tmux", "-L", s.socket, "kill-server").Run() })
	return s
}

// TestEndToEndLLMFeedbackInTmux runs the real binary with [llm] enabled
// against a fake server in this process: the feedback streams into the
// review screen beside the grader's score.
func TestEndToEndLLMFeedbackInTmux(t *testing.T) {
	needTmux(t)
	srv := e2eLLMServer(t, nil)
	dir := t.TempDir()
	bin, env := e2eEnv(t, dir, srv.URL)
	s := startTmux(t, "llm", bin, env, "start --topics gnn --count 1 --time 5m --seed 1 --follow-ups off")

	s.waitFor(10*time.Second, "1/1", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "Each node aggregates messages from its neighbours and then updates its own features.")
	s.waitFor(5*time.Second, "own features.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	review := s.waitFor(10*time.Second, "review", "Key points", "· LLM 52",
		"LLM feedback · test-model", "LLM score 52/100", "✓ ", "covered: “Each node aggregates messages”",
		"A fair start on the first point.", "Follow-up: Why must the aggregation be permutation invariant?")
	t.Logf("review screen with LLM feedback:\n%s", review)
	if n := len(srv.Requests()); n != 1 {
		t.Fatalf("grill sent %d requests for one answer", n)
	}
	if got := srv.Requests()[0].Header.Get("Authorization"); got != "Bearer "+e2eKey {
		t.Fatalf("request carried Authorization %q, want the key from $GRILL_TEST_KEY", got)
	}
	if got := srv.Requests()[0].Answer; !strings.Contains(got, "aggregates messages from its neighbours") {
		t.Fatalf("server received the answer %q", got)
	}
	s.tmux("send-keys", "-t", "grill", "3")
	s.waitFor(5*time.Second, "Summary")
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")
}

// TestEndToEndLLMKeyIsNeverWritten runs a session whose first answer gets
// feedback and whose second is refused with 401 by a server that echoes
// the key, then reads every file grill wrote: none holds the key.
func TestEndToEndLLMKeyIsNeverWritten(t *testing.T) {
	needTmux(t)
	srv := e2eLLMServer(t, map[int]bool{1: true})
	dir := t.TempDir()
	bin, env := e2eEnv(t, dir, srv.URL)
	s := startTmux(t, "leak", bin, env, "start --topics gnn --count 2 --time 5m --seed 1 --follow-ups off")

	s.waitFor(10*time.Second, "1/2", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "Nodes aggregate their neighbours' messages.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	s.waitFor(10*time.Second, "LLM score 52/100")
	s.tmux("send-keys", "-t", "grill", "3")
	s.waitFor(5*time.Second, "2/2", "Ctrl+S submit")
	s.tmux("send-keys", "-t", "grill", "-l", "Stacking layers widens the receptive field.")
	s.tmux("send-keys", "-t", "grill", "C-s")
	review := s.waitFor(10*time.Second, "LLM feedback unavailable:", "rejected the API key in", "GRILL_TEST_KEY")
	t.Logf("review after a 401:\n%s", review)
	s.tmux("send-keys", "-t", "grill", "3")
	summary := s.waitFor(5*time.Second, "Summary")
	s.tmux("send-keys", "-t", "grill", "q")
	s.waitFor(5*time.Second, "grill exited 0")

	for _, screen := range []string{review, summary} {
		if strings.Contains(screen, e2eKey) || strings.Contains(screen, "LEAKCHECK") {
			t.Fatalf("the key is on the screen:\n%s", screen)
		}
	}
	var written []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path == bin {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		written = append(written, rel)
		if bytes.Contains(data, []byte(e2eKey)) || bytes.Contains(data, []byte("LEAKCHECK")) {
			t.Errorf("%s contains the API key", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("files checked: %s", strings.Join(written, ", "))
	var reports int
	for _, f := range written {
		if strings.HasPrefix(f, "data"+string(filepath.Separator)) {
			reports++
		}
	}
	if reports == 0 {
		t.Fatalf("grill wrote nothing under its data directory, so nothing was checked: %v", written)
	}

	// The record and the report keep the feedback and the failure.
	md, _ := filepath.Glob(filepath.Join(dir, "data", "grill", "sessions", "*.md"))
	js, _ := filepath.Glob(filepath.Join(dir, "data", "grill", "sessions", "*.json"))
	if len(md) != 1 || len(js) != 1 {
		t.Fatalf("want one record and one report, found %v and %v", js, md)
	}
	for path, want := range map[string][]string{
		js[0]: {`"llm": {`, `"model": "test-model"`, `"host": "` + strings.TrimPrefix(srv.URL, "http://"), `"prompt_version": "grill-feedback-1"`,
			`"latency_s": `, `"score": 52`, "rejected the API key in $GRILL_TEST_KEY"},
		md[0]: {"LLM feedback", "test-model", "Why must the aggregation be permutation invariant?", "Feedback unavailable: LLM server"},
	} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %q", filepath.Base(path), w)
			}
		}
	}
}

// TestLLMConfigErrorExitsBeforeTheScreen checks that an [llm] setting the
// client cannot use (here a base URL from $OPENAI_BASE_URL that is not
// http) ends grill with status 2 and a one-line message, without opening
// the screen.
func TestLLMConfigErrorExitsBeforeTheScreen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin, env := e2eEnv(t, dir, "")
	cfg := "[llm]\nenabled = true\nmodel = \"test-model\"\n"
	if err := os.WriteFile(filepath.Join(dir, "config/grill/config.toml"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "start", "--count", "1")
	cmd.Env = append(env, "OPENAI_BASE_URL=ftp://example.org/v1", "PATH="+os.Getenv("PATH"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 2 {
		t.Fatalf("grill start with a bad LLM base URL: %v, want exit status 2\nstderr: %s", err, stderr.String())
	}
	msg := stderr.String()
	if !strings.Contains(msg, "$OPENAI_BASE_URL") || !strings.Contains(msg, "ftp://example.org/v1") || strings.Count(msg, "\n") != 1 {
		t.Fatalf("stderr %q, want one line naming $OPENAI_BASE_URL and its value", msg)
	}
	if stdout.Len() != 0 {
		t.Fatalf("the screen was drawn: %q", stdout.String())
	}
}
