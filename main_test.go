package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"grill/decks"
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
	wantCounts := map[string]int{"gnn": 8, "diffusion": 9, "vla": 8}
	var questions []string
	for _, tp := range topics {
		if got := len(tp.Cards); got != wantCounts[tp.Topic] {
			t.Errorf("topic %q has %d cards, want %d", tp.Topic, got, wantCounts[tp.Topic])
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
	seed := seedQuestions(t)
	if strings.Join(questions, "\n") != strings.Join(seed, "\n") {
		t.Errorf("questions differ from the seed's headings:\n got %q\nwant %q", questions, seed)
	}
}

func TestDecksTable(t *testing.T) {
	out, _, code := grill(t, "", "decks")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"TOPIC", "gnn", "Graph Neural Networks", "diffusion", "vla", "built-in", "25 card(s)"} {
		if !strings.Contains(out, want) {
			t.Errorf("decks table lacks %q:\n%s", want, out)
		}
	}
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
	if code != 0 || !strings.Contains(out, "25 card(s): no problems") {
		t.Errorf("built-in decks: exit %d\n%s", code, out)
	}
	out, errs, code := grill(t, "", "decks", "check", "testdata/decks/broken")
	if code != 1 {
		t.Errorf("broken decks: exit %d, want 1", code)
	}
	for _, want := range []string{
		"testdata/decks/broken/duplicate-id.md:11: duplicate card id",
		"testdata/decks/broken/no-phrasing.md:8: key point \"Generalises matrices\" has no phrasing",
		"testdata/decks/broken/empty-answer.md:7: question \"What is a scalar?\" has no answer",
		"testdata/decks/broken/front-matter-unknown-key.md:4: front matter: unknown key",
		"testdata/decks/broken/heading-mix.md:9: heading \"Summary\"",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %q:\n%s", want, out)
		}
	}
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
		{[]string{"start", "--count", "0"}, 2, "", "--count must be at least 1"},
		{[]string{"start", "--time", "-1m"}, 2, "", "--time must be positive"},
		{[]string{"start", "--topics", "gnn,quantum"}, 2, "", `unknown topic "quantum"`},
		{[]string{"start", "--order", "random"}, 2, "", `--order "random" is not one of mixed, weakest, due`},
		{[]string{"start", "--config", "/nonexistent/grill.toml"}, 1, "", "/nonexistent/grill.toml"},
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
	for _, want := range []string{p + ":3: session.shuffle: unknown key", p + ":2: session.count: must be at least 1"} {
		if code != 2 || !strings.Contains(errs, want) {
			t.Errorf("exit %d, stderr %q lacks %q", code, errs, want)
		}
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
