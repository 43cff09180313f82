package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"grill/decks"
	"grill/internal/fixture/textcheck"
	"grill/interview"
)

// grill runs one command in-process with an empty environment of its own
// (config and data under a temporary folder) and returns stdout, stderr and
// the exit status.
func grill(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// seedQuestions returns the "### " headings of the source Q&A document.
func seedQuestions(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("decks/testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if q, ok := strings.CutPrefix(sc.Text(), "### "); ok {
			qs = append(qs, q)
		}
	}
	return qs
}

func decodeDecks(t *testing.T, out string) []decks.TopicJSON {
	t.Helper()
	var topics []decks.TopicJSON
	if err := json.Unmarshal([]byte(out), &topics); err != nil {
		t.Fatalf("decks --json output is not a JSON array: %v\n%s", err, out)
	}
	return topics
}

func TestDecksJSONBuiltin(t *testing.T) {
	out, errs, code := grill(t, "", "decks", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	topics := decodeDecks(t, out)
	var questions []string
	for _, tp := range topics {
		if got := len(tp.Cards); got < 30 {
			t.Errorf("topic %q has %d cards, want at least 30", tp.Topic, got)
		}
		if tp.Source != "built-in" || tp.Title == "" {
			t.Errorf("topic %q: title %q source %q", tp.Topic, tp.Title, tp.Source)
		}
		for _, c := range tp.Cards {
			if !strings.HasPrefix(c.ID, tp.Topic+"/") {
				t.Errorf("card id %q not under topic %q", c.ID, tp.Topic)
			}
			if len(c.KeyPoints) < 3 || len(c.KeyPoints) > 7 {
				t.Errorf("%s has %d key points, want 3–7", c.ID, len(c.KeyPoints))
			}
			if c.TimeLimit != "3m0s" {
				t.Errorf("%s time_limit %q", c.ID, c.TimeLimit)
			}
			questions = append(questions, c.Question)
		}
	}
	if len(topics) != 3 {
		t.Errorf("%d topics, want 3", len(topics))
	}
	// The seed's questions are all there, verbatim and in order; the cards
	// written for grill come after them within each topic.
	seed := seedQuestions(t)
	inSeed := map[string]bool{}
	for _, q := range seed {
		inSeed[q] = true
	}
	var fromSeed []string
	for _, q := range questions {
		if inSeed[q] {
			fromSeed = append(fromSeed, q)
		}
	}
	if strings.Join(fromSeed, "\n") != strings.Join(seed, "\n") {
		t.Errorf("seed questions differ from the seed's headings:\n got %q\nwant %q", fromSeed, seed)
	}
}

func TestDecksTable(t *testing.T) {
	out, _, code := grill(t, "", "decks")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	textcheck.Contains(t, "decks table", out, "TOPIC", "gnn", "Graph Neural Networks", "diffusion", "vla", "built-in", builtinCountText(t)+" card(s)")
}

func TestSeedImportUnchanged(t *testing.T) {
	out, errs, code := grill(t, "", "decks", "--deck", "decks/testdata/seed.md", "--only-decks", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	topics := decodeDecks(t, out)
	var ids, questions []string
	for _, tp := range topics {
		ids = append(ids, tp.Topic)
		for _, c := range tp.Cards {
			questions = append(questions, c.Question)
			if len(c.KeyPoints) == 0 {
				t.Errorf("%s: no derived key points", c.ID)
			}
		}
	}
	if got := strings.Join(ids, ","); got != "graph-neural-networks,diffusion-models,vision-language-action-models" {
		t.Errorf("topic ids = %s", got)
	}
	if strings.Join(questions, "\n") != strings.Join(seedQuestions(t), "\n") {
		t.Errorf("imported questions differ from the seed")
	}
}

func TestDecksCheck(t *testing.T) {
	out, _, code := grill(t, "", "decks", "check", "decks/gnn.md", "decks/diffusion.md", "decks/vla.md")
	if code != 0 || !strings.Contains(out, builtinCountText(t)+" card(s): no problems") {
		t.Errorf("built-in decks: exit %d\n%s", code, out)
	}
	out, errs, code := grill(t, "", "decks", "check", "testdata/decks/broken")
	if code != 1 {
		t.Errorf("broken decks: exit %d, want 1", code)
	}
	textcheck.Contains(t, "check output", out,
		"testdata/decks/broken/duplicate-id.md:11: duplicate card id",
		"testdata/decks/broken/no-phrasing.md:8: key point \"Generalises matrices\" has no phrasing",
		"testdata/decks/broken/empty-answer.md:7: question \"What is a scalar?\" has no answer",
		"testdata/decks/broken/front-matter-unknown-key.md:4: front matter: unknown key",
		"testdata/decks/broken/heading-mix.md:9: heading \"Summary\"",
	)
	if !strings.Contains(errs, "problem(s)") {
		t.Errorf("stderr lacks a summary: %q", errs)
	}
	if _, _, code := grill(t, "", "decks", "check"); code != 2 {
		t.Errorf("decks check with no path: exit %d, want 2", code)
	}
}

func TestUsageAndVersion(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		out  string // in stdout
		err  string // in stderr
	}{
		{[]string{"version"}, 0, "grill ", ""},
		{[]string{"--help"}, 0, "usage:", ""},
		{[]string{"help"}, 0, "grill decks check PATH", ""},
		{[]string{"frobnicate"}, 2, "", `unknown command "frobnicate"`},
		{[]string{"decks", "--frob"}, 2, "", "flag provided but not defined: -frob"},
		{[]string{"start", "--count", "0"}, 2, "", "--count must be from 1 to 200, got 0"},
		{[]string{"start", "--time", "-1m"}, 2, "", "--time must be from 5s to 1h, got -1m0s"},
		{[]string{"start", "--time", "1000h"}, 2, "", "--time must be from 5s to 1h, got 1000h0m0s"},
		{[]string{"start", "--topics", "gnn,quantum"}, 2, "", `unknown topic "quantum"`},
		{[]string{"start", "--order", "random"}, 2, "", `--order "random" is not one of mixed, weakest, due`},
		{[]string{"start", "--config", "/nonexistent/grill.toml"}, 2, "", "/nonexistent/grill.toml: cannot read the configuration"},
		{[]string{"report"}, 2, "", "usage:"},
	} {
		out, errs, code := grill(t, "", tc.args...)
		if code != tc.code || !strings.Contains(out, tc.out) || !strings.Contains(errs, tc.err) {
			t.Errorf("grill %s: exit %d (want %d)\nstdout: %s\nstderr: %s", strings.Join(tc.args, " "), code, tc.code, out, errs)
		}
	}
}

func TestConfigErrorsBeforeAnything(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(p, []byte("[session]\ncount = 0\nshuffle = true\n\n[llm]\ntimeout = \"soon\"\n"), 0o600)
	_, errs, code := grill(t, "", "start", "--config", p)
	if code != 2 || !strings.Contains(errs, p+":6: llm.timeout:") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	os.WriteFile(p, []byte("[session]\ncount = 0\nshuffle = true\n"), 0o600)
	_, errs, code = grill(t, "", "decks", "--config", p)
	for _, want := range []string{p + ":3: session.shuffle: unknown key", p + ":2: session.count: must be from 1 to 200"} {
		if code != 2 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr %q lacks %q", code, errs, want)
		}
	}
	// A number where a duration is expected.
	os.WriteFile(p, []byte("[session]\ntime_per_question = 5\n"), 0o600)
	_, errs, code = grill(t, "", "start", "--config", p)
	if want := p + `:2: session.time_per_question: a duration such as "3m" or "90s", got 5`; code != 2 || strings.TrimSpace(errs) != want {
		t.Errorf("exit %d, stderr %q, want %q", code, errs, want)
	}
	// The user's file is found through XDG_CONFIG_HOME.
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "grill"), 0o700)
	os.WriteFile(filepath.Join(dir, "grill", "config.toml"), []byte("[session]\ntopics = [\"quantum\"]\n"), 0o600)
	var out, eb bytes.Buffer
	t.Setenv("XDG_CONFIG_HOME", dir)
	if code := run([]string{"decks"}, nil, &out, &eb); code != 2 || !strings.Contains(eb.String(), `config.toml:2: session.topics: unknown topic "quantum"`) {
		t.Errorf("XDG config: exit %d, stderr %q", code, eb.String())
	}
}

func TestGradeText(t *testing.T) {
	out, errs, code := grill(t, "message passing aggregates neighbour features then updates",
		"grade", "--question", "What is message passing in GNNs?")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	textcheck.Contains(t, "output", out, "gnn/message-passing", "Score: ", "✓ Aggregate information from neighbours", "✗ ")
	if _, errs, code := grill(t, "x", "grade", "--question", "What is love?"); code != 1 || !strings.Contains(errs, "no card") {
		t.Errorf("unknown question: exit %d, %q", code, errs)
	}
	if _, _, code := grill(t, "x", "grade"); code != 2 {
		t.Errorf("grade without --question or --batch: exit %d, want 2", code)
	}
}

// An answer to another card of the topic is graded among the topic's
// cards: grill grade names the question it reads like, in text and JSON.
func TestGradeReadsLike(t *testing.T) {
	const cfg = "Classifier-free guidance trains a single network both with the text condition and with an empty condition, dropping the prompt for roughly one example in ten. When sampling, each step evaluates the model twice, conditioned and unconditional, and moves from the unconditional prediction towards the conditional one by a guidance scale w of about 7.5. Larger w follows the prompt more closely but costs diversity."
	out, errs, code := grill(t, cfg, "grade", "--question", "diffusion/negative-prompts")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	textcheck.Contains(t, "output", out, "reads like an answer to: Explain classifier-free guidance", "✗ Replaces the unconditional branch of CFG")
	js, _, _ := grill(t, cfg, "grade", "--question", "diffusion/negative-prompts", "--json")
	if !strings.Contains(js, `"reads_like":"diffusion/classifier-free-guidance"`) {
		t.Errorf("JSON: %s", js)
	}
}

func TestGradeJSONFromFileIsDeterministic(t *testing.T) {
	p := filepath.Join(t.TempDir(), "answer.txt")
	os.WriteFile(p, []byte("We add Gaussian noise over T steps with a schedule beta_t; closed form x_t = sqrt(alpha_bar) x_0 + sqrt(1 - alpha_bar) eps."), 0o600)
	first, _, code := grill(t, "", "grade", "--question", "diffusion/forward-process", "--answer-file", p, "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		QuestionID string           `json:"question_id"`
		Score      int              `json:"score"`
		Covered    []string         `json:"covered"`
		Missed     []string         `json:"missed"`
		Spans      map[string][]any `json:"spans"`
	}
	if err := json.Unmarshal([]byte(first), &got); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, first)
	}
	if got.QuestionID != "diffusion/forward-process" || got.Score <= 0 || got.Score > 100 || len(got.Covered) == 0 || len(got.Spans) == 0 {
		t.Errorf("verdict = %+v", got)
	}
	for i := 0; i < 3; i++ {
		again, _, _ := grill(t, "", "grade", "--question", "diffusion/forward-process", "--answer-file", p, "--json")
		if again != first {
			t.Fatalf("output differs between runs:\n%s\n%s", first, again)
		}
	}
}

func TestGradeBatch(t *testing.T) {
	in := strings.Join([]string{
		`{"id": "a", "question": "gnn/over-smoothing", "answer": "after many layers node representations converge and become indistinguishable; use residual connections"}`,
		`{"id": "b", "question": "no/such-card", "answer": "x"}`,
		`not json`,
		``,
		`{"id": "c", "question": "What's FiLM conditioning?", "answer": "gamma times h plus beta, affine modulation from the language embedding"}`,
	}, "\n")
	p := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(p, []byte(in), 0o600)
	out, errs, code := grill(t, "", "grade", "--batch", p)
	if code != 1 || !strings.Contains(errs, "2 line(s)") {
		t.Errorf("exit %d (want 1), stderr %q", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d output lines, want 4:\n%s", len(lines), out)
	}
	var rows []map[string]any
	for _, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("bad output line %q", l)
		}
		rows = append(rows, m)
	}
	if rows[0]["id"] != "a" || rows[0]["question_id"] != "gnn/over-smoothing" || rows[0]["score"].(float64) < 40 {
		t.Errorf("line 1 = %v", rows[0])
	}
	if rows[1]["id"] != "b" || rows[1]["error"] == nil || rows[2]["error"] == nil {
		t.Errorf("bad lines must carry an error: %v %v", rows[1], rows[2])
	}
	if rows[3]["id"] != "c" || rows[3]["question_id"] != "vla/film" {
		t.Errorf("line 4 = %v", rows[3])
	}
}

func TestGradeLLMDownStillGrades(t *testing.T) {
	const key = "sk-grill-test-DISTINCTIVE-0000"
	t.Setenv("GRILL_TEST_KEY", key)
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("[llm]\nenabled = true\nbase_url = \"http://127.0.0.1:1/v1\"\napi_key_env = \"GRILL_TEST_KEY\"\nmax_retries = 0\n"), 0o600)
	out, errs, code := grill(t, "aggregate neighbour features and update", "grade", "--config", cfg,
		"--question", "gnn/message-passing", "--json", "--llm")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Score int `json:"score"`
		LLM   struct {
			Error string `json:"error"`
		} `json:"llm"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Score == 0 || got.LLM.Error == "" || strings.Contains(got.LLM.Error, "\n") {
		t.Errorf("offline result with one-line llm error expected: %s (%v)", out, err)
	}
	if strings.Contains(out+errs, key) {
		t.Errorf("the API key leaked into the output")
	}
}

func TestReportListAndShow(t *testing.T) {
	dir := t.TempDir()
	rec := saveSession(t, dir)
	sessions := filepath.Join(dir, "grill", "sessions")
	os.WriteFile(filepath.Join(sessions, "20261121T090000Z.json"), []byte(`{"schema_version": 1, "id": "2026`), 0o600)

	var out, errb bytes.Buffer
	code := run([]string{"report", "list", "--json"}, nil, &out, &errb)
	var list []map[string]any
	if err := json.Unmarshal(out.Bytes(), &list); err != nil || len(list) != 1 || list[0]["id"] != rec.ID {
		t.Errorf("report list --json = %s (%v), exit %d", out.String(), err, code)
	}
	if !strings.Contains(errb.String(), "20261121T090000Z.json") {
		t.Errorf("the corrupt file is not named: %q", errb.String())
	}

	for _, args := range [][]string{{"report", "show", "latest", "--format", "json"}, {"report", "show", "--format", "json", rec.ID}} {
		out.Reset()
		errb.Reset()
		if code := run(args, nil, &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		var got interview.Record
		if err := json.Unmarshal(out.Bytes(), &got); err != nil || got.Questions[0].Answer != rec.Questions[0].Answer {
			t.Errorf("%v: %v\n%s", args, err, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"report", "show", rec.ID}, nil, &out, &errb); code != 0 || !strings.Contains(out.String(), rec.Questions[0].Answer) || !strings.Contains(out.String(), "| # |") {
		t.Errorf("markdown report: exit %d\n%s", code, out.String())
	}
	errb.Reset()
	if code := run([]string{"report", "show", "20261121T090000Z"}, nil, &out, &errb); code != 1 || !strings.Contains(errb.String(), "20261121T090000Z.json") {
		t.Errorf("corrupt report: exit %d, %q", code, errb.String())
	}
	if code := run([]string{"report", "show", "latest", "--format", "pdf"}, nil, &out, &errb); code != 2 {
		t.Errorf("--format pdf: exit %d, want 2", code)
	}
}

// builtinCountText is the number of built-in cards, as the CLI prints it.
func builtinCountText(t *testing.T) string {
	t.Helper()
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(len(lib.Cards()))
}

// TestReportListUnreadableSessionsDir: a sessions directory that cannot be
// listed is reported and exits 1, not shown as an empty history.
func TestReportListUnreadableSessionsDir(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(dir, "data"))
	sessions := filepath.Join(dir, "data", "grill", "sessions")
	os.MkdirAll(filepath.Dir(sessions), 0o700)
	// A file where the directory should be fails for root too.
	if err := os.WriteFile(sessions, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	check := func(why string) {
		t.Helper()
		for _, args := range [][]string{{"report", "list"}, {"report", "list", "--json"}} {
			var out, errb bytes.Buffer
			code := run(args, nil, &out, &errb)
			if code != 1 || out.Len() != 0 || !strings.Contains(errb.String(), "grill: cannot list the sessions in "+sessions+": ") {
				t.Errorf("%s: grill %s: exit %d\nstdout: %s\nstderr: %s", why, strings.Join(args, " "), code, out.String(), errb.String())
			}
		}
	}
	check("a file")
	if os.Geteuid() == 0 {
		t.Log("running as root: the chmod 000 case is not tried")
		return
	}
	os.Remove(sessions)
	if err := os.Mkdir(sessions, 0o000); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(sessions, 0o700) })
	check("chmod 000")
}

// TestGradeRefusesAnOverlongAnswer: an answer past interview.MaxAnswerBytes
// is refused without reading all of it; one at the limit is graded.
func TestGradeRefusesAnOverlongAnswer(t *testing.T) {
	long := strings.Repeat("nodes aggregate messages ", interview.MaxAnswerBytes/25+1)
	_, errs, code := grill(t, long, "grade", "--question", "gnn/message-passing")
	if code != 1 || !strings.Contains(errs, "standard input: the answer is longer than the 262144 bytes (256 KiB) an answer may hold") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	out, errs, code := grill(t, long[:interview.MaxAnswerBytes], "grade", "--question", "gnn/message-passing", "--json")
	if code != 0 || !strings.Contains(out, `"score"`) {
		t.Errorf("an answer at the limit: exit %d, stderr %q", code, errs)
	}
}

// TestGradeLLMDoesNotSendAnEmptyAnswer: with --llm and a blank answer, the
// LLM is not asked (the server here would refuse the connection); the
// output says why there is no LLM feedback.
func TestGradeLLMDoesNotSendAnEmptyAnswer(t *testing.T) {
	t.Setenv("GRILL_TEST_KEY", "sk-unused")
	cfg := filepath.Join(t.TempDir(), "config.toml")
	os.WriteFile(cfg, []byte("[llm]\nenabled = true\nbase_url = \"http://127.0.0.1:1/v1\"\napi_key_env = \"GRILL_TEST_KEY\"\nmax_retries = 0\n"), 0o600)
	out, errs, code := grill(t, "  \n", "grade", "--config", cfg, "--question", "gnn/message-passing", "--llm")
	if code != 0 || !strings.Contains(out, "LLM feedback unavailable: there is no answer to send") {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s", code, out, errs)
	}
	out, _, _ = grill(t, "", "grade", "--config", cfg, "--question", "gnn/message-passing", "--llm", "--json")
	if !strings.Contains(out, `"llm":{"error":"there is no answer to send"}`) {
		t.Errorf("--json: %s", out)
	}
}
