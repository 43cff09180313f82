package decks

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to Parse: it must not panic (Parse turns
// a panic into an "internal error" problem), every problem must point at a
// line of the input, and every card must have an id and a question.
func FuzzParse(f *testing.F) {
	// Seeds stay small (the corpus in testdata/fuzz/FuzzParse holds the
	// deck fixtures and a seed excerpt): minimising a large input that
	// finds new coverage takes the fuzzer minutes.
	for _, s := range []string{
		"",
		"+++",
		"+++\n+++\n",
		"+++\ntopic = \"t\"\n+++\n## Q\n<!-- id: x -->\na\n",
		"## Part 1: A\n### Q\na\n# B\n",
		"<details><summary>Q</summary>a</details>",
		"<details>\n<summary>Q\n\n## H\n",
		"## Q\n**Key points**\n\n- **L** (weight x) — `a`\n",
		"> **Note:**",
		"Q\n===\n\n    code\n",
		"+++\ndifficulty = 2\n+++\n## Q\n<!-- difficulty: 3 -->\na\n\n**Misconceptions**\n\n- **M** — `m`\n\n**Also accepted**\n\n- alt\n\n**Sources**\n\n- S\n",
		"## Q\na\n**Key points**\n- **K** — `k`\n### Follow-up: F?\n<!-- probes: k -->\nf\n### Follow-up:\n#### Follow-up: G\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		topics, problems := Parse("f.md", src)
		lines := bytes.Count(src, []byte("\n"))
		if len(src) > 0 && src[len(src)-1] != '\n' {
			lines++
		}
		for _, p := range problems {
			if strings.HasPrefix(p.Msg, "internal error") {
				t.Fatalf("panic: %s", p)
			}
			if p.File != "f.md" || p.Line < 1 || p.Line > lines {
				t.Errorf("problem %q outside the file's %d lines", p, lines)
			}
		}
		for _, tp := range topics {
			if tp.ID == "" || len(tp.Cards) == 0 {
				t.Errorf("topic %q with %d cards", tp.ID, len(tp.Cards))
			}
			for _, c := range tp.Cards {
				if c.ID == "" || c.Question == "" || c.Topic != tp.ID {
					t.Errorf("card id %q question %q topic %q", c.ID, c.Question, c.Topic)
				}
				checkCard(t, c, lines)
				for _, f := range c.FollowUps {
					if f.Parent != c.ID || f.Topic != c.Topic || len(f.FollowUps) > 0 {
						t.Errorf("follow-up %q of %q: parent %q topic %q", f.ID, c.ID, f.Parent, f.Topic)
					}
					checkCard(t, f, lines)
				}
			}
		}
		again, _ := Parse("f.md", src)
		if !reflect.DeepEqual(summary(topics), summary(again)) {
			t.Errorf("Parse is not deterministic")
		}
	})
}

// checkCard checks what every parsed card or follow-up must hold.
func checkCard(t *testing.T, c *Card, lines int) {
	t.Helper()
	if c.ID == "" || c.Question == "" || c.Difficulty < 1 || c.Difficulty > 3 {
		t.Errorf("card id %q question %q difficulty %d", c.ID, c.Question, c.Difficulty)
	}
	if c.Line < 1 || c.Line > lines {
		t.Errorf("card %q on line %d of %d", c.ID, c.Line, lines)
	}
	for _, kp := range append(slices.Clone(c.KeyPoints), c.Misconceptions...) {
		if kp.Label == "" || kp.Weight <= 0 || kp.Line < 1 || kp.Line > lines {
			t.Errorf("card %q key point %+v", c.ID, kp)
		}
	}
	for _, s := range append(slices.Clone(c.AlsoAccepted), c.Sources...) {
		if strings.TrimSpace(s) == "" {
			t.Errorf("card %q has an empty Also accepted or Sources item", c.ID)
		}
	}
}
