package decks

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestLint starts from a sourced card that keeps every rule, breaks one
// rule at a time, and checks the file:line message of each.
func TestLint(t *testing.T) {
	name := filepath.Join(goodDir, "sourced.md")
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	good := string(b)
	cut := func(from, to string) func(string) string {
		return func(s string) string {
			i := strings.Index(s, from)
			j := strings.Index(s[i:], to)
			if i < 0 || j < 0 {
				t.Fatalf("fixture lacks %q … %q", from, to)
			}
			return s[:i] + s[i+j:]
		}
	}
	replace := func(old, new string) func(string) string {
		return func(s string) string {
			if !strings.Contains(s, old) {
				t.Fatalf("fixture lacks %q", old)
			}
			return strings.ReplaceAll(s, old, new)
		}
	}
	const q = `sourced question "How does Adam adapt the step size of each parameter?"`
	tests := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"good", func(s string) string { return s }, ""},
		{"derived id", replace("<!-- id: optimisers/adam -->\n", ""), "9: " + q + " has no <!-- id: … --> comment"},
		{"topic difficulty only", replace("<!-- difficulty: 2 -->\n", ""), "9: " + q + " has no <!-- difficulty: N --> comment"},
		{"short answer", cut("The update is", "**Key points**"), "9: " + q + ": reference answer has 68 words, want 150–300"},
		{"long answer", replace("which makes the learning rate", strings.Repeat("very ", 100)+"which makes the learning rate"),
			"9: " + q + ": reference answer has 332 words, want 150–300"},
		{"too few key points", cut("- **Second moment", "- **Bias correction**"), "9: " + q + " has 3 key points, want 4–7"},
		{"unweighted", replace(" (weight 2)", ""), "9: " + q + ": every key point weighs 1; give the main ones a (weight N)"},
		{"too many phrasings", replace("`bias correction`,", "`a`, `b`, `c`, `d`, `e`, `f`, `bias correction`,"),
			`39: key point "Bias correction" has 9 phrasings, want at most 8`},
		{"one misconception", cut("- **Adam decays weights", "\n**Also accepted**"), "9: " + q + " has 1 misconceptions, want 2–4"},
		{"no follow-ups", cut("### Follow-up: Why", "## What does a learning-rate"), "9: " + q + " has 0 follow-ups, want 1–2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			topics, problems := Parse(name, []byte(tc.edit(good)))
			if len(problems) > 0 {
				t.Fatalf("parse: %v", problemLines(problems))
			}
			var got []string
			for _, tp := range topics {
				for _, c := range tp.Cards {
					got = append(got, problemLines(Lint(c))...)
				}
			}
			var want []string
			if tc.want != "" {
				want = []string{name + ":" + tc.want}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
		})
	}
}

// TestBuiltinLint holds the built-in cards that declare Sources (the
// curated ones) to the rules of Lint.
func TestBuiltinLint(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range lib.Cards() {
		for _, p := range Lint(c) {
			t.Error(p)
		}
	}
}
