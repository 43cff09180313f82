package decks

import (
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

// summary renders topics and cards as one line each, for comparison.
func summary(topics []*Topic) []string {
	var out []string
	for _, t := range topics {
		out = append(out, fmt.Sprintf("topic %s %q %s line %d", t.ID, t.Title, t.TimeLimit, t.Line))
		for _, c := range t.Cards {
			s := fmt.Sprintf("card %s:%d %q", c.ID, c.Line, c.Question)
			if c.TimeLimit != 0 {
				s += " " + c.TimeLimit.String()
			}
			out = append(out, s)
			for _, f := range c.FollowUps {
				out = append(out, fmt.Sprintf("  follow-up %s:%d %q", f.ID, f.Line, f.Question))
			}
		}
	}
	return out
}

func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestParseStructure(t *testing.T) {
	tests := []struct {
		name string
		file string
		src  string
		want []string
	}{
		{
			name: "single topic: id from the file name, title from the level-1 heading",
			file: "decks/ml-basics.md",
			src:  "# Deck Title\n\n## What is A?\nA.\n\n## What is B?\nB.\n",
			want: []string{
				`topic ml-basics "Deck Title" 0s line 1`,
				`card ml-basics/what-is-a:3 "What is A?"`,
				`card ml-basics/what-is-b:6 "What is B?"`,
			},
		},
		{
			name: "front matter sets topic id, title and time limit",
			file: "x.md",
			src:  "+++\ntopic = \"t\"\ntitle = \"Tee\"\ntime_limit = \"90s\"\n+++\n\n# Ignored Title\n\n## Q one\nans\n",
			want: []string{
				`topic t "Tee" 1m30s line 1`,
				`card t/q-one:9 "Q one"`,
			},
		},
		{
			name: "front matter title gives the topic id when there is no topic key",
			file: "x.md",
			src:  "+++\ntitle = \"Graph Neural Networks\"\n+++\n## Q\nans\n",
			want: []string{
				`topic graph-neural-networks "Graph Neural Networks" 0s line 1`,
				`card graph-neural-networks/q:4 "Q"`,
			},
		},
		{
			name: "UTF-8 byte order mark before the front matter",
			file: "x.md",
			src:  "\uFEFF+++\ntopic = \"bom\"\n+++\n## Q\nans\n",
			want: []string{`topic bom "x" 0s line 1`, `card bom/q:4 "Q"`},
		},
		{
			name: "explicit ids, with or without the topic, and time comments",
			file: "t.md",
			src:  "## A?\n<!-- id: t/alpha -->\n<!-- time: 4m -->\n\nans\n\n## B?\n<!-- id: beta -->\nans\n",
			want: []string{
				`topic t "t" 0s line 1`,
				`card t/alpha:1 "A?" 4m0s`,
				`card t/beta:7 "B?"`,
			},
		},
		{
			name: "derived ids are de-duplicated and step around explicit ones",
			file: "t.md",
			src:  "## What is X?\na\n## What is X?\nb\n## Another\n<!-- id: t/what-is-x -->\nc\n",
			want: []string{
				`topic t "t" 0s line 1`,
				`card t/what-is-x-2:1 "What is X?"`,
				`card t/what-is-x-3:3 "What is X?"`,
				`card t/what-is-x:5 "Another"`,
			},
		},
		{
			name: "derived ids keep at most six words",
			file: "t.md",
			src:  "## What's the difference between node-level, edge-level, and graph-level tasks?\nans\n",
			want: []string{
				`topic t "t" 0s line 1`,
				`card t/whats-the-difference-between-node-level:1 "What's the difference between node-level, edge-level, and graph-level tasks?"`,
			},
		},
		{
			name: "Part headings make topics; topic and time comments after them",
			file: "multi.md",
			src: "# Title\n\nIntro text.\n\n## Part 1: Graph Neural Networks\n\n### Q1\na\n\n" +
				"## Part II - Diffusion\n<!-- topic: diff -->\n<!-- time: 2m -->\n\n### Q2\nb\n\n" +
				"## Part 3. Vision-Language-Action Models\n### Q3\nc\n#### Sub\nd\n",
			want: []string{
				`topic graph-neural-networks "Graph Neural Networks" 0s line 5`,
				`card graph-neural-networks/q1:7 "Q1"`,
				`topic diff "Diffusion" 2m0s line 10`,
				`card diff/q2:14 "Q2"`,
				`topic vision-language-action-models "Vision-Language-Action Models" 0s line 17`,
				`card vision-language-action-models/q3:18 "Q3"`,
			},
		},
		{
			name: "front matter time limit applies to every Part",
			file: "multi.md",
			src:  "+++\ntime_limit = \"5m\"\n+++\n# Part 1: A\n## Q\na\n# Part 2: B\n<!-- time: 1m -->\n## Q\nb\n",
			want: []string{
				`topic a "A" 5m0s line 4`,
				`card a/q:5 "Q"`,
				`topic b "B" 1m0s line 7`,
				`card b/q:9 "Q"`,
			},
		},
		{
			name: "front matter topic and title apply to a single Part",
			file: "one.md",
			src:  "+++\ntopic = \"one\"\n+++\n## Part 1: First\n### Q\na\n",
			want: []string{`topic one "First" 0s line 4`, `card one/q:5 "Q"`},
		},
		{
			name: "a single level-1 Part heading is a Part, not the document title",
			file: "one.md",
			src:  "# Part 1: Only\n## Q\na\n",
			want: []string{`topic only "Only" 0s line 1`, `card only/q:2 "Q"`},
		},
		{
			name: "a single level-1 heading alone is a question, not a title",
			file: "t.md",
			src:  "# Only question?\n\nanswer\n",
			want: []string{`topic t "t" 0s line 1`, `card t/only-question:1 "Only question?"`},
		},
		{
			name: "several level-1 headings are all questions",
			file: "t.md",
			src:  "# A\nx\n# B\ny\n",
			want: []string{`topic t "t" 0s line 1`, `card t/a:1 "A"`, `card t/b:3 "B"`},
		},
		{
			name: "deeper headings belong to the answer",
			file: "t.md",
			src:  "## Q1\ntext\n### Detail\nmore\n#### Deeper\nx\n## Q2\ny\n",
			want: []string{`topic t "t" 0s line 1`, `card t/q1:1 "Q1"`, `card t/q2:7 "Q2"`},
		},
		{
			name: "setext headings",
			file: "t.md",
			src:  "Q one\n=====\n\nanswer\n\nSub\n---\n\nmore\n\nQ two\n=====\nans2\n",
			want: []string{`topic t "t" 0s line 1`, `card t/q-one:1 "Q one"`, `card t/q-two:11 "Q two"`},
		},
		{
			name: "question text is kept exactly, closing hashes dropped",
			file: "t.md",
			src:  "## What does `x_0` mean, and *why*? ##\nans\n",
			want: []string{`topic t "t" 0s line 1`, "card t/what-does-x-0-mean-and:1 \"What does `x_0` mean, and *why*?\""},
		},
		{
			name: "details layout: summary is the question",
			file: "d.md",
			src: "# Deck\n\n<details>\n<summary>What is A?</summary>\n\nA.\n\n</details>\n\n" +
				"<details><summary>B &amp; C?</summary>\n<!-- id: bc -->\nInline answer\n</details>\n",
			want: []string{`topic d "Deck" 0s line 1`, `card d/what-is-a:4 "What is A?"`, `card d/bc:10 "B & C?"`},
		},
		{
			name: "details under section headings: the headings only label sections",
			file: "d.md",
			src:  "# Deck\n## Section A\n<details><summary>Q1</summary>\n\nans1\n</details>\n\n## Section B\n\n<details><summary>Q2</summary>\n\nans2\n\n</details>\n",
			want: []string{`topic d "Deck" 0s line 1`, `card d/q1:3 "Q1"`, `card d/q2:10 "Q2"`},
		},
		{
			name: "details in Part sections",
			file: "d.md",
			src:  "## Part 1: Alpha\n<details><summary>Q1</summary>\n\nans1\n</details>\n\n## Part 2: Beta\n<details><summary>Q2</summary>\n\nans2\n</details>\n",
			want: []string{`topic alpha "Alpha" 0s line 1`, `card alpha/q1:2 "Q1"`, `topic beta "Beta" 0s line 7`, `card beta/q2:8 "Q2"`},
		},
		{
			name: "a details block inside a heading question's answer stays in the answer",
			file: "e.md",
			src:  "## Q1\nText.\n\n<details><summary>Derivation</summary>\n\nmath\n</details>\n\n## Q2\nMore.\n",
			want: []string{`topic e "e" 0s line 1`, `card e/q1:1 "Q1"`, `card e/q2:9 "Q2"`},
		},
		{
			name: "a file without questions gives no topic",
			file: "readme.md",
			src:  "Just some text.\n\n- a list\n",
			want: nil,
		},
		{
			name: "empty file",
			file: "empty.md",
			src:  "",
			want: nil,
		},
		{
			name: "CRLF line endings",
			file: "crlf.md",
			src:  "+++\r\ntopic = \"w\"\r\ntime_limit = \"1m\"\r\n+++\r\n\r\n## Q1\r\n<!-- id: one -->\r\n<!-- time: 90s -->\r\n\r\nAnswer\r\n",
			want: []string{`topic w "crlf" 1m0s line 1`, `card w/one:6 "Q1" 1m30s`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topics, problems := Parse(tt.file, []byte(tt.src))
			if len(problems) > 0 {
				t.Errorf("unexpected problems:\n%s", strings.Join(problemLines(problems), "\n"))
			}
			if got := summary(topics); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			for _, tp := range topics {
				for _, c := range tp.Cards {
					if c.Topic != tp.ID || c.Source != tt.file || c.Answer == "" {
						t.Errorf("card %s: Topic %q Source %q Answer %q", c.ID, c.Topic, c.Source, c.Answer)
					}
				}
			}
		})
	}
}

func TestParseProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "probes outside a follow-up, twice, or empty; a follow-up with no key points to probe",
			src: "## Q\n<!-- probes: x -->\na\n### Follow-up: F?\n<!-- probes: x -->\n<!-- probes: y -->\nf\n" +
				"### Follow-up: G?\n<!-- probes: -->\ng\n",
			want: []string{
				`f.md:2: probes comment belongs under a Follow-up heading, not under question "Q"`,
				`f.md:5: probes "x", but question "Q" has no key points`,
				`f.md:6: second probes comment for follow-up "F?"`,
				"f.md:9: probes comment names no key point",
			},
		},
		{
			name: "follow-ups: no question, sections after them, under a <details> question",
			src:  "## Q\na\n### Follow-up:\nx\n### Follow-up: F?\nf\n### Notes\nn\n",
			want: []string{
				"f.md:3: follow-up heading has no question",
				`f.md:7: heading "Notes" comes after a follow-up of "Q"; put the card's own sections before its follow-ups`,
			},
		},
		{
			name: "a follow-up inside a <details> question",
			src:  "<details><summary>D?</summary>\n\nd\n\n### Follow-up: E?\n\ne\n</details>\n",
			want: []string{`f.md:5: follow-up "E?" is not under a question heading`},
		},
		{
			name: "empty question heading",
			src:  "## Q\na\n##\nb\n",
			want: []string{"f.md:3: question heading has no text"},
		},
		{
			name: "empty answer; note and key points alone are no answer",
			src:  "## Q1\n\n## Q2\n> **Note:** n\n\n**Key points**\n\n- **L** — `l`\n## Q3\na\n",
			want: []string{`f.md:1: question "Q1" has no answer`, `f.md:3: question "Q2" has no answer`},
		},
		{
			name: "duplicate explicit id, reported where the second is set",
			src:  "## A\n<!-- id: f/x -->\na\n## B\nb\n<!-- id: x -->\n",
			want: []string{`f.md:6: duplicate card id "f/x", first used at line 2`},
		},
		{
			name: "duplicate topic id from two Parts with one title",
			src:  "## Part 1: Same\n### Q\na\n## Part 2: Same\n### R\nb\n",
			want: []string{`f.md:4: duplicate topic id "same", first used at line 1`},
		},
		{
			name: "key point problems",
			src: "## Q\na\n\n**Key points**\n\n- **Good** — `g`\n- **No phrasing** — none here\n- plain item without label `x`\n" +
				"- **Heavy** (weight -1) — `h`\n- **Good** — `again`\n",
			want: []string{
				`f.md:7: key point "No phrasing" has no phrasing`,
				"f.md:8: key point has no bold label (want **Label** — `phrasing`, …)",
				`f.md:9: key point "Heavy" has bad weight "-1" (want a positive number)`,
				`f.md:10: duplicate key point "Good"`,
			},
		},
		{
			name: "key points heading without a list",
			src:  "## Q\na\n\n**Key points:**\n\nsome text\n",
			want: []string{`f.md:4: "Key points:" is not followed by a list of key points`},
		},
		{
			name: "bad and repeated comments",
			src:  "<!-- id: early -->\n## Q\n<!-- time: soon -->\n<!-- id: a b -->\n<!-- id: ok -->\n<!-- id: again -->\n<!-- topic: late -->\na\n",
			want: []string{
				"f.md:1: id comment is not under a question",
				`f.md:3: bad time "soon" (want a duration such as "3m" or "90s")`,
				`f.md:4: bad card id "a b" (want topic/slug, no spaces)`,
				`f.md:6: second id comment for question "Q"`,
				"f.md:7: topic comment must come before the first question",
			},
		},
		{
			name: "heading above the Part level",
			src:  "## Part 1: A\n### Q\na\n# Appendix\n### R\nb\n",
			want: []string{`f.md:4: heading "Appendix" (level 1) is above the Part headings (level 2)`},
		},
		{
			name: "heading before the first Part and heading outside any question",
			src:  "### Stray\n\n## Part 1: A\n#### Orphan\n### Q\na\n",
			want: []string{
				`f.md:1: heading "Stray" is before the first Part heading`,
				`f.md:4: heading "Orphan" is not under a question`,
			},
		},
		{
			name: "Part without questions or title",
			src:  "## Part 1: A\n### Q\na\n## Part 2: Empty\ntext only\n## Part 3:\n### R\nb\n",
			want: []string{`f.md:4: Part "Empty" has no questions`, `f.md:6: Part heading "Part 3:" has no title`},
		},
		{
			name: "front matter topic with several Parts",
			src:  "+++\ntopic = \"x\"\n+++\n## Part 1: A\n### Q\na\n## Part 2: B\n### R\nb\n",
			want: []string{`f.md:2: front matter: topic does not apply to a file with 2 Part sections; put <!-- topic: id --> under each Part heading`},
		},
		{
			name: "front matter: every kind of bad value with its line",
			src:  "+++\ntitle = \"ok\"\ntopic = \"a b\"\n\"time_limit\" = 90\n[extra]\nkey = 1\n+++\n## Q\na\n",
			want: []string{
				`f.md:3: front matter: bad topic id "a b" (no spaces or '/')`,
				`f.md:4: front matter: time_limit must be a duration string such as "3m" or "90s"`,
				`f.md:5: front matter: unknown key "extra"`,
			},
		},
		{
			name: "front matter: negative time and duplicate key",
			src:  "+++\ntime_limit = \"-3m\"\n+++\n## Q\na\n",
			want: []string{`f.md:2: front matter: bad time_limit "-3m" (want a duration such as "3m" or "90s")`},
		},
		{
			name: "front matter syntax error",
			src:  "+++\ntopic = \"a\"\ntopic = \"b\"\n+++\n## Q\na\n",
			want: []string{`f.md:3: front matter: Key 'topic' has already been defined.`},
		},
		{
			name: "details: no summary, empty summary, unclosed summary",
			src: "<details>\n\nno summary\n\n</details>\n\n<details><summary> </summary>\n\nx\n</details>\n\n" +
				"<details><summary>Never closed\n\ny\n</details>\n",
			want: []string{
				"f.md:1: <details> has no <summary> with the question",
				"f.md:7: <summary> has no question text",
				"f.md:12: <summary> is not closed by </summary>",
			},
		},
		{
			name: "unclosed details ends before the next heading",
			src:  "# Deck\n\n<details><summary>Q1</summary>\n\nans\n\n## Next\n\n<details><summary>Q2</summary>\n\nb\n</details>\n",
			want: []string{"f.md:3: <details> is not closed by </details>"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			topics, problems := Parse("f.md", []byte(tt.src))
			if got := problemLines(problems); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%s\nwant\n%s\ntopics:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), strings.Join(summary(topics), "\n"))
			}
		})
	}
}

func TestParseAnswerNoteKeyPoints(t *testing.T) {
	src := "+++\ntopic = \"diff\"\n+++\n\n# Diffusion\n\n" +
		"## Explain the forward process\n<!-- id: diff/forward -->\n\n" +
		"**Forward**: add noise.\n\n$$x_t = \\sqrt{\\bar{\\alpha}_t} x_0 + \\sqrt{1-\\bar{\\alpha}_t} \\epsilon$$\n\n" +
		"> **Note:** the schedule is\n> *learned* in some models.\n\n" +
		"- list item\n\n" +
		"**Key points**\n\n" +
		"- **Closed form** (weight 2) — `sqrt(alpha_bar)`, `ᾱ`, `x_0`\n" +
		"- **Noise** : `*`, `` a`b ``\n  `continued`\n\n" +
		"Trailing paragraph.\n\n---\n\n## Next\nn\n"
	topics, problems := Parse("d.md", []byte(src))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	c := topics[0].Cards[0]
	wantAnswer := "**Forward**: add noise.\n\n$$x_t = \\sqrt{\\bar{\\alpha}_t} x_0 + \\sqrt{1-\\bar{\\alpha}_t} \\epsilon$$\n\n" +
		"- list item\n\nTrailing paragraph."
	if c.Answer != wantAnswer {
		t.Errorf("answer\n%q\nwant\n%q", c.Answer, wantAnswer)
	}
	if want := "the schedule is\n*learned* in some models."; c.Note != want {
		t.Errorf("note %q, want %q", c.Note, want)
	}
	wantKP := []KeyPoint{
		{Label: "Closed form", Phrasings: []string{"sqrt(alpha_bar)", "ᾱ", "x_0"}, Weight: 2, Line: 21},
		{Label: "Noise", Phrasings: []string{"*", "a`b", "continued"}, Weight: 1, Line: 22},
	}
	if !reflect.DeepEqual(c.KeyPoints, wantKP) {
		t.Errorf("key points\n%+v\nwant\n%+v", c.KeyPoints, wantKP)
	}
	if len(topics[0].Cards[1].KeyPoints) != 0 {
		t.Errorf("card without key points got %v", topics[0].Cards[1].KeyPoints)
	}
}

func TestParseKeyPointsHeading(t *testing.T) {
	src := "## Q\nAnswer.\n\n### Key points:\n\n- **One** — `1`\n\n## R\nr\n"
	topics, problems := Parse("k.md", []byte(src))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	c := topics[0].Cards[0]
	if c.Answer != "Answer." || len(c.KeyPoints) != 1 || c.KeyPoints[0].Label != "One" || c.KeyPoints[0].Line != 6 {
		t.Errorf("answer %q key points %+v", c.Answer, c.KeyPoints)
	}
}

func TestParseNoteLabelVariants(t *testing.T) {
	tests := []struct{ src, note, answer string }{
		{"## Q\na\n\n> **Note**: plain\n", "plain", "a"},
		{"## Q\na\n\n> **NOTE:**\n> next line\n", "next line", "a"},
		{"## Q\na\n\n> **Note on VAEs:** ELBO\n", "**Note on VAEs:** ELBO", "a"},
		{"## Q\na\n\n> A quote, not a note.\n", "", "a\n\n> A quote, not a note."},
		{"## Q\na\n\n> **Note:** one\n\n> **Note:** two\n", "one\n\ntwo", "a"},
	}
	for _, tt := range tests {
		topics, problems := Parse("n.md", []byte(tt.src))
		if len(problems) > 0 || len(topics) != 1 {
			t.Fatalf("%q: problems %v", tt.src, problems)
		}
		c := topics[0].Cards[0]
		if c.Note != tt.note || c.Answer != tt.answer {
			t.Errorf("%q: note %q answer %q, want %q %q", tt.src, c.Note, c.Answer, tt.note, tt.answer)
		}
	}
}

func TestParseDetailsAnswer(t *testing.T) {
	src := "<details>\n<summary>What is <b>A</b>?</summary>\n<!-- id: a -->\n<!-- time: 2m -->\n\nA is **a**.\n\n" +
		"**Key points**\n\n- **Alpha** — `a`\n\n</details>\n\n<details><summary>B?</summary>Inline answer</details>\n"
	topics, problems := Parse("d.md", []byte(src))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	got := summary(topics)
	want := []string{`topic d "d" 0s line 1`, `card d/a:2 "What is A?" 2m0s`, `card d/b:14 "B?"`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	a, b := topics[0].Cards[0], topics[0].Cards[1]
	if a.Answer != "A is **a**." || len(a.KeyPoints) != 1 || a.KeyPoints[0].Label != "Alpha" {
		t.Errorf("card a: answer %q key points %+v", a.Answer, a.KeyPoints)
	}
	if b.Answer != "Inline answer" {
		t.Errorf("card b: answer %q", b.Answer)
	}
}

func TestParseFoldedAnswerUnderHeading(t *testing.T) {
	src, err := os.ReadFile("testdata/folded.md")
	if err != nil {
		t.Fatal(err)
	}
	topics, problems := Parse("folded.md", src)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	got := summary(topics)
	want := []string{`topic folded "Statistics questions" 0s line 1`, `card folded/what-is-a-p-value:3 "What is a p-value?"`,
		`card folded/what-is-the-bias-variance-trade:13 "What is the bias-variance trade-off?"`}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	a := topics[0].Cards[0].Answer
	if !strings.HasPrefix(a, "The probability, under the **null hypothesis**") || strings.Contains(a, "<summary>") || strings.Contains(a, "</details>") {
		t.Errorf("answer %q", a)
	}
	for _, s := range []string{"Answer", "Show answer", "Click to expand", "Solution"} {
		if !revealSummary(s) {
			t.Errorf("%q should fold an answer", s)
		}
	}
	if revealSummary("What is the answer?") || revealSummary("") {
		t.Errorf("a real question must stay a question")
	}
}

func TestProblemString(t *testing.T) {
	if got := (Problem{File: "decks/gnn.md", Line: 42, Msg: `key point "readout" has no phrasing`}).String(); got != `decks/gnn.md:42: key point "readout" has no phrasing` {
		t.Errorf("got %q", got)
	}
	if got := (Problem{File: "x.md", Msg: "no questions found"}).String(); got != "x.md: no questions found" {
		t.Errorf("got %q", got)
	}
}
