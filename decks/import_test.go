package decks

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const importDir = "../testdata/decks/import"

// TestImport reads one file per imported format and checks which format
// read it, the topics, ids, lines, questions and answers.
func TestImport(t *testing.T) {
	tests := []struct {
		file    string
		format  string
		want    []string
		answers []string
	}{
		{
			file:   "anki-export.txt",
			format: "Anki text",
			want: []string{
				`topic machine-learning-optimisation "Machine Learning / Optimisation" 0s line 4`,
				`card machine-learning-optimisation/what-does-momentum-add-to-sgd:6 "What does momentum add to SGD?"`,
				`card machine-learning-optimisation/why-clip-gradients:7 "Why clip gradients?"`,
				`card machine-learning-optimisation/what-is-a-learning-rate-why:10 "What is a learning rate & why tune it?"`,
			},
			answers: []string{
				"A running average of past gradients, so the step keeps its direction\nand damps oscillation across steep valleys.",
				"It bounds the update when a gradient explodes; the direction is kept:\n\ng ← g · min(1, c/‖g‖)",
				"The step size; too large diverges, too small crawls.",
			},
		},
		{
			file:   "anki-plain.csv",
			format: "Anki text",
			want: []string{
				`topic anki-plain "anki-plain" 0s line 1`,
				`card anki-plain/what-is-weight-decay:1 "What is weight decay?"`,
				`card anki-plain/what-is-early-stopping:2 "What is early stopping?"`,
			},
			answers: []string{
				`A penalty that shrinks every weight towards zero at each step, as in "AdamW".`,
				"Stopping training when the validation loss stops improving.",
			},
		},
		{
			file:   "qa-hashcards.md",
			format: "Q:/A: Markdown",
			want: []string{
				`topic qa-hashcards "qa-hashcards" 0s line 1`,
				`card qa-hashcards/what-does-a-softmax-output:1 "What does a softmax output?"`,
				`card qa-hashcards/list-three-activation-functions:4 "List three activation functions."`,
			},
			answers: []string{
				"A probability distribution: non-negative values that sum to one.",
				"- ReLU\n- GELU\n- tanh",
			},
		},
		{
			file:   "qa-repeater.md",
			format: "Q:/A: Markdown",
			want: []string{
				`topic qa-repeater "Attention notes" 0s line 1`,
				`card qa-repeater/why-scale-dot-product-attention-by:5 "Why scale dot-product attention by the square root of the key dimension?"`,
				`card qa-repeater/what-does-multi-head-attention-add:18 "What does multi-head attention add?"`,
				`card qa-repeater/what-is-a-causal-mask:20 "What is a causal mask?"`,
			},
			answers: []string{
				"Without it the dot products grow with the dimension and push the softmax\ninto regions with tiny gradients.",
				"Several attention maps in parallel, each in its own subspace.",
				"It hides future positions, so each token attends only to earlier ones.",
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			name := filepath.Join(importDir, tc.file)
			src, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if f := formatOf(name, src); f.name() != tc.format {
				t.Errorf("format %s, want %s", f.name(), tc.format)
			}
			topics, problems := Parse(name, src)
			if len(problems) > 0 {
				t.Fatalf("problems:\n%s", strings.Join(problemLines(problems), "\n"))
			}
			if got := summary(topics); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			var answers []string
			for _, tp := range topics {
				for _, c := range tp.Cards {
					answers = append(answers, c.Answer)
				}
			}
			if !reflect.DeepEqual(answers, tc.answers) {
				t.Errorf("answers\n%q\nwant\n%q", answers, tc.answers)
			}
		})
	}
}

// TestImportProblems checks the file:line problems of broken imports.
func TestImportProblems(t *testing.T) {
	tests := map[string][]string{
		"anki-bad-headers.txt": {
			`1: #separator: "Banana" is not Comma, Semicolon, Tab, Space, Pipe, Colon or one character`,
			`2: #html: "maybe" is not true or false`,
			`3: #tags column: "x" is not a column number (1, 2, 3, …)`,
		},
		"anki-empty-fields.tsv": {
			`1: question "What is a tensor?" has no answer (column 2 is empty)`,
			"2: row has no question (column 1 is empty)",
		},
		"qa-broken.md": {
			"5: A: without a Q: before it",
			`7: question "What is a scalar?" has no answer (no A: line after it)`,
			"11: Q: has no question text",
			`14: question "What is a vector?" has no answer`,
		},
	}
	dir := filepath.Join(importDir, "broken")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != len(tests) {
		t.Errorf("%d fixtures, %d expectations", len(files), len(tests))
	}
	for base, want := range tests {
		name := filepath.Join(dir, base)
		for i := range want {
			want[i] = name + ":" + want[i]
		}
		if got := problemLines(Check([]string{name})); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", base, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// TestFormatChoice checks that the extension and the content choose the
// format.
func TestFormatChoice(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"a.md", "## Q\nA\n", "Markdown"},
		{"a.md", "Q: q\nA: a\n", "Q:/A: Markdown"},
		{"a.md", "## Q\n<!-- id: x -->\nQ: q\nA: a\n", "Markdown"},
		{"a.md", "## Q\nx\n\n**Key points**\n\n- **K** — `k`\n\nQ: q\nA: a\n", "Markdown"},
		{"a.md", "```\nQ: q\nA: a\n```\n", "Markdown"},
		{"a.markdown", "Q: q\nA: a\n", "Q:/A: Markdown"},
		{"a.txt", "Q: q\nA: a\n", "Q:/A: Markdown"},
		{"a.txt", "q\ta\n", "Anki text"},
		{"a.txt", "#separator:tab\nQ: q\tA: a\n", "Anki text"},
		{"a.TSV", "Q: q\nA: a\n", "Anki text"},
		{"a.csv", "q,a\n", "Anki text"},
		{"deck", "## Q\na\n", "Markdown"},
	}
	for _, tc := range tests {
		if got := formatOf(tc.name, []byte(tc.src)).name(); got != tc.want {
			t.Errorf("%s %q: %s, want %s", tc.name, tc.src, got, tc.want)
		}
	}
}

// TestAnkiColumns checks the column headers: special columns are skipped
// when finding the question and answer, a deck column makes one topic per
// deck, cloze notes are skipped, and a file of cloze notes only says so.
func TestAnkiColumns(t *testing.T) {
	src := "#separator:Pipe\n#html:false\n#guid column:1\n#notetype column:2\n#deck column:3\n" +
		"g1|Basic|ML::A|What is A?|<b>A</b> is a letter.\n" +
		"g2|Cloze|ML::A|{{c1::B}} is a letter|\n" +
		"g3|Basic|ML::B|What is C?|C is a letter.\n"
	topics, problems := Parse("x.txt", []byte(src))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	want := []string{
		`topic ml-a "ML / A" 0s line 6`, `card ml-a/what-is-a:6 "What is A?"`,
		`topic ml-b "ML / B" 0s line 8`, `card ml-b/what-is-c:8 "What is C?"`,
	}
	if got := summary(topics); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a := topics[0].Cards[0].Answer; a != "<b>A</b> is a letter." {
		t.Errorf("html:false answer %q", a)
	}

	_, problems = Parse("c.csv", []byte("#notetype:Cloze\n{{c1::Paris}} is in France,\n"))
	if got := problemLines(problems); !reflect.DeepEqual(got, []string{"c.csv: no questions found: the file's 1 note(s) are cloze deletions, which grill cannot ask"}) {
		t.Errorf("cloze only: %q", got)
	}
}
