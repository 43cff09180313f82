package decks

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const brokenDir = "../testdata/decks/broken"

// TestCheckBroken runs Check on each broken fixture, one per kind of
// problem, and compares the exact "file:line: message" lines.
func TestCheckBroken(t *testing.T) {
	tests := map[string][]string{
		"no-question.md":  {"7: question heading has no text"},
		"empty-answer.md": {`7: question "What is a scalar?" has no answer`},
		"duplicate-id.md": {`11: duplicate card id "linalg/tensor", first used at line 6`},
		"no-phrasing.md":  {`8: key point "Generalises matrices" has no phrasing`},
		"bad-weight.md":   {`7: key point "Multi-dimensional" has bad weight "heavy" (want a positive number)`, `8: key point "Generalises matrices" has bad weight "0" (want a positive number)`},
		"bad-time.md":     {`2: bad time "three minutes" (want a duration such as "3m" or "90s")`},
		"heading-mix.md":  {`9: heading "Summary" is at the level of the Part headings but is not a "Part N: Title" heading`},
		"only-subheadings.md": {
			`3: question "Linear Algebra" has no answer of its own, only sub-headings ("What is a tensor?")`,
			`9: question "Probability" has no answer of its own, only sub-headings ("What is a random variable?")`,
		},
		"details-unterminated.md":      {"3: <details> is not closed by </details>"},
		"front-matter-syntax.md":       {"3: front matter: strings cannot contain newlines"},
		"front-matter-unknown-key.md":  {`4: front matter: unknown key "timelimit"`},
		"front-matter-bad-value.md":    {"3: front matter: title must be a string", `4: front matter: bad time_limit "3 minutes" (want a duration such as "3m" or "90s")`},
		"front-matter-unterminated.md": {`1: front matter opened by "+++" is not closed by a "+++" line`},
		"misconception-no-phrasing.md": {`7: misconception "A tensor is always a matrix" has no phrasing`},
		"follow-up-no-phrasing.md":     {`11: key point "Number of indices" has no phrasing`},
		"bad-difficulty.md":            {"2: front matter: difficulty must be 1, 2 or 3, got 5", `6: bad difficulty "hard" (want 1, 2 or 3)`},
		"probes-unknown.md":            {`10: probes "Rank", which is not a key point of question "What is a tensor?" (its key points: "Multi-dimensional")`},
		"follow-up-empty-answer.md":    {`5: follow-up "What is its rank?" has no answer`},
		"empty-block-item.md":          {"8: empty item in Also accepted", "12: empty item in Sources"},
		"follow-up-level.md":           {"5: follow-up heading is level 4; a follow-up is one level below its question (level 3)"},
	}
	files, err := filepath.Glob(filepath.Join(brokenDir, "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("%d broken fixtures, %d expectations", len(files), len(tests))
	}
	var all []string
	for _, f := range files {
		want, ok := tests[filepath.Base(f)]
		if !ok {
			t.Errorf("no expectation for %s", f)
			continue
		}
		for i := range want {
			want[i] = f + ":" + want[i]
		}
		all = append(all, want...)
		if got := problemLines(Check([]string{f})); !reflect.DeepEqual(got, want) {
			t.Errorf("%s:\ngot\n%s\nwant\n%s", f, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}

	// The whole folder at once: the same problems, file by file.
	r := Validate([]string{brokenDir})
	if got := problemLines(r.Problems); r.Files != len(files) || !reflect.DeepEqual(got, all) {
		t.Errorf("folder: %d files:\n%s\nwant\n%s", r.Files, strings.Join(got, "\n"), strings.Join(all, "\n"))
	}
}

func TestCheckClean(t *testing.T) {
	r := Validate([]string{"gnn.md", "diffusion.md", "vla.md", goodDir})
	if len(r.Problems) > 0 {
		t.Errorf("problems:\n%s", strings.Join(problemLines(r.Problems), "\n"))
	}
	if r.Files != 7 || r.Topics != 8 || r.Cards != 25+10 {
		t.Errorf("report %d files, %d topics, %d cards", r.Files, r.Topics, r.Cards)
	}
	if ps := Check([]string{"testdata/seed.md"}); len(ps) > 0 {
		t.Errorf("seed: %v", ps)
	}
}

func TestCheckDuplicatesAcrossFiles(t *testing.T) {
	// The seed and the built-in decks ask the same questions under
	// different ids, so they load side by side; gnn.md twice under two
	// names would not.
	ps := Check([]string{"gnn.md", "testdata/seed.md"})
	if len(ps) > 0 {
		t.Errorf("problems: %v", ps)
	}
	ps = Check([]string{"gnn.md", "./gnn.md"})
	if len(ps) > 0 {
		t.Errorf("the same file twice should be read once: %v", ps)
	}
}
