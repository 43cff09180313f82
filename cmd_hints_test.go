package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCommandLinePapercuts(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "c.toml")
	if err := os.WriteFile(cfg, []byte("[session]\ncount = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		args    []string
		stdin   string
		code    int
		out     string // in stdout
		errWant string // in stderr
		errNot  string // not in stderr
	}{
		{"common flags before the command", []string{"--config", cfg, "decks"}, "", 0, "gnn", "", ""},
		{"--only-decks before the command", []string{"--only-decks", "--deck", "decks/testdata/seed.md", "decks", "--questions"}, "", 0, "What is message passing in GNNs?", "", ""},
		{"one grill: prefix", []string{"--topic", "gnn"}, "", 2, "", "grill: flag provided but not defined: -topic (did you mean --topics?)", "grill: grill:"},
		{"unknown flag of a command", []string{"decks", "--jsn"}, "", 2, "", "did you mean --json?", ""},
		{"bare number of minutes", []string{"start", "--time", "3"}, "", 2, "", "--time 3m", ""},
		{"unknown command", []string{"raport"}, "", 2, "", `did you mean "report"?`, ""},
		{"topics in any case", []string{"start", "--topics", "GNN,Diffusion", "--count", "0"}, "", 2, "", "--count", "topic"},
		{"unknown topic", []string{"start", "--topics", "gnn,difusion"}, "", 2, "", `unknown topic "difusion": did you mean "diffusion"?`, ""},
		{"unknown question id", []string{"grade", "--question", "gnn/oversmoothing"}, "x", 1, "", "did you mean gnn/over-smoothing?", ""},
		{"decks --questions", []string{"decks", "--questions"}, "", 0, "gnn/over-smoothing", "", ""},
		{"--batch -", []string{"grade", "--batch", "-"}, `{"id":"a","question":"gnn/over-smoothing","answer":"x"}` + "\n\n" + `{"id":"b","question":"gnn/over-smoothing","answer":"y"}`, 0, `{"id":"b"`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, errOut, code := grill(t, tc.stdin, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %q", code, tc.code, errOut)
			}
			if !strings.Contains(out, tc.out) {
				t.Errorf("stdout lacks %q:\n%s", tc.out, out)
			}
			if !strings.Contains(errOut, tc.errWant) {
				t.Errorf("stderr lacks %q:\n%s", tc.errWant, errOut)
			}
			if tc.errNot != "" && strings.Contains(errOut, tc.errNot) {
				t.Errorf("stderr has %q:\n%s", tc.errNot, errOut)
			}
		})
	}
	// A blank line of a batch is skipped: two answers, two output lines.
	out, _, _ := grill(t, "{\"id\":\"a\",\"question\":\"gnn/over-smoothing\",\"answer\":\"x\"}\n\n{\"id\":\"b\",\"question\":\"gnn/over-smoothing\",\"answer\":\"y\"}\n", "grade", "--batch", "-")
	if n := strings.Count(out, "\n"); n != 2 {
		t.Errorf("batch with a blank line: %d output lines, want 2:\n%s", n, out)
	}
}

func TestClosest(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"topic", "topics"}, {"difusion", "diffusion"}, {"GNN", "gnnx-long"}, {"ab", ""}, {"zzz", ""}, {"vla", "vla"},
	} {
		if got := closest(tc.word, []string{"topics", "diffusion", "vla", "gnnx-long"}); got != tc.want {
			t.Errorf("closest(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}
