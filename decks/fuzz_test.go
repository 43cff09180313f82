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
	fuzzParse(f, markdownFormat{}, "f.md",
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
	)
}

// FuzzParseAnki feeds arbitrary bytes to the Anki text reader.
func FuzzParseAnki(f *testing.F) {
	fuzzParse(f, ankiFormat{}, "f.txt",
		"",
		"q\ta\n",
		"#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#deck:A::B\n#tags column:3\n\"q\n1\",\"a<br>b\",t\n",
		"tags:x\n#separator:Pipe\n#guid column:1\n#notetype column:2\n#deck column:3\ng|Cloze|D|{{c1::x}}|\ng|Basic|D|q|a\n",
		"#separator:\"\n\"unclosed\tx\n",
		"#html:true\n<div>q</div>\t&lt;b&gt;&amp;<br/>\n",
	)
}

// FuzzParseQA feeds arbitrary bytes to the Q:/A: Markdown reader.
func FuzzParseQA(f *testing.F) {
	fuzzParse(f, qaFormat{}, "f.md",
		"",
		"Q: q\nA: a\n",
		"# T\nnote\nQ: q\nmore q\nA:\n\n- a\n---\nnote\nC: [x]\nA: stray\nQ:\n",
		"+++\ntopic = \"t\"\n+++\nQ: q\nA: a\n```\nQ: in code\n```\n",
		"+++\nQ: q\n",
	)
}

// fuzzParse seeds f and checks every input with checkParse, read in format
// fm from a file called name.
func fuzzParse(f *testing.F, fm format, name string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkParse(t, fm, name, src)
	})
}

// checkParse reads src in format f and checks what must hold for any
// input: no panic (Parse turns one into an "internal error" problem),
// every problem on a line of the input, every topic with cards, every card
// with an id, a question and lines in the file, and the same result twice.
func checkParse(t *testing.T, f format, name string, src []byte) {
	t.Helper()
	topics, problems := parseAs(f, name, src)
	lines := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		lines++
	}
	for _, p := range problems {
		if strings.HasPrefix(p.Msg, "internal error") {
			t.Fatalf("panic: %s", p)
		}
		if p.File != name || p.Line < 0 || p.Line > lines || (p.Line == 0 && len(topics) > 0) {
			t.Errorf("problem %q outside the file's %d lines", p, lines)
		}
	}
	for _, tp := range topics {
		if tp.ID == "" || len(tp.Cards) == 0 {
			t.Errorf("topic %q with %d cards", tp.ID, len(tp.Cards))
		}
		for _, c := range tp.Cards {
			if c.Topic != tp.ID || strings.ContainsAny(c.Question, "\n\r") {
				t.Errorf("card %q topic %q question %q", c.ID, c.Topic, c.Question)
			}
			checkCard(t, c, lines)
			for _, fu := range c.FollowUps {
				if fu.Parent != c.ID || fu.Topic != c.Topic || len(fu.FollowUps) > 0 {
					t.Errorf("follow-up %q of %q: parent %q topic %q", fu.ID, c.ID, fu.Parent, fu.Topic)
				}
				checkCard(t, fu, lines)
			}
		}
	}
	again, _ := parseAs(f, name, src)
	if !reflect.DeepEqual(summary(topics), summary(again)) {
		t.Errorf("Parse is not deterministic")
	}
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
