package decks

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

const goodDir = "../testdata/decks/good"

func TestLoadBuiltinAndFolder(t *testing.T) {
	lib, err := Load([]string{goodDir}, false)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, tp := range lib.Topics {
		ids = append(ids, tp.ID+"@"+tp.Source)
	}
	want := []string{
		"gnn@built-in", "diffusion@built-in", "vla@built-in",
		// basics.md, details.md, parts.md, sourced.md: the folder in name order.
		"ml-basics@" + filepath.Join(goodDir, "basics.md"),
		"retrieval@" + filepath.Join(goodDir, "details.md"),
		"optim@" + filepath.Join(goodDir, "parts.md"),
		"evaluation-metrics@" + filepath.Join(goodDir, "parts.md"),
		"optimisers@" + filepath.Join(goodDir, "sourced.md"),
	}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("topics\n%q\nwant\n%q", ids, want)
	}
	if n := len(lib.Cards()); n != 25+2+2+4+2 {
		t.Errorf("%d cards", n)
	}

	c, ok := lib.Card("ml-basics/overfitting")
	if !ok || c.Question != "What is overfitting?" || c.Note != "more data also helps, not only regularisation." {
		t.Errorf("Card by id: %+v %v", c, ok)
	}
	if len(c.KeyPoints) != 2 || c.KeyPoints[0].Weight != 2 {
		t.Errorf("key points %+v", c.KeyPoints)
	}
	c, ok = lib.Card("How does dropout regularise a network?")
	if !ok || c.ID != "ml-basics/how-does-dropout-regularise-a-network" || c.TimeLimit.String() != "1m30s" ||
		!strings.Contains(c.Answer, "### At test time") {
		t.Errorf("Card by question: %+v %v", c, ok)
	}
	if _, ok := lib.Card("no such card"); ok {
		t.Error("Card found a card that does not exist")
	}
	tp, ok := lib.Topic("optim")
	if !ok || tp.Title != "Optimisation" || tp.TimeLimit.String() != "4m0s" || len(tp.Cards) != 2 {
		t.Errorf("Topic: %+v %v", tp, ok)
	}
	if _, ok := lib.Topic("nope"); ok {
		t.Error("Topic found a topic that does not exist")
	}
}

func TestLoadOnlyDecks(t *testing.T) {
	lib, err := Load([]string{filepath.Join(goodDir, "details.md")}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got := summary(lib.Topics); !reflect.DeepEqual(got, []string{
		`topic retrieval "Retrieval" 0s line 1`,
		`card retrieval/dense:9 "What is a dense retriever?"`,
		`card retrieval/why-rerank-with-a-cross-encoder:23 "Why rerank with a cross-encoder?"`,
	}) {
		t.Errorf("got %q", got)
	}
	lib, err = Load(nil, true)
	if err != nil || len(lib.Topics) != 0 {
		t.Errorf("Load(nil, true) = %v, %v", lib, err)
	}
}

func TestLoadSameFileTwice(t *testing.T) {
	f := filepath.Join(goodDir, "basics.md")
	lib, err := Load([]string{f, goodDir, f}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Topics) != 5 {
		t.Errorf("got %d topics, want each file once", len(lib.Topics))
	}
}

func TestLoadDuplicatesAcrossFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.md", "+++\ntopic = \"mine\"\n+++\n## Q\n<!-- id: gnn/readout -->\nans\n")
	b := write("b.md", "+++\ntopic = \"gnn\"\n+++\n## Other\nans\n")
	_, err := Load([]string{a, b}, false)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("err = %v, want *LoadError", err)
	}
	lib, _ := Builtin()
	readout, _ := lib.Card("gnn/readout")
	want := []string{
		a + `:4: duplicate card id "gnn/readout", first used at decks/gnn.md:` + strconv.Itoa(readout.Line),
		b + `:1: duplicate topic id "gnn", first used at decks/gnn.md:1`,
	}
	if got := problemLines(le.Problems); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if err.Error() != strings.Join(want, "\n") {
		t.Errorf("Error() = %q", err.Error())
	}

	// Without the built-in decks the two files do not clash.
	if _, err := Load([]string{a, b}, true); err != nil {
		t.Errorf("only decks: %v", err)
	}
}

func TestLoadMissingAndEmpty(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.md")
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.md")
	if err := os.WriteFile(notes, []byte("Just notes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load([]string{missing, empty, notes}, true)
	if err == nil {
		t.Fatal("no error")
	}
	want := missing + ": no such file or directory\n" +
		empty + ": no deck files (.md, .markdown, .txt, .tsv, .csv) in this folder\n" +
		notes + ": no questions found"
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
}

func TestLibraryCardsOrder(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	cards := lib.Cards()
	var got []string
	for _, c := range cards {
		got = append(got, c.ID)
	}
	want := append(append(append([]string{}, builtinIDs["gnn"]...), builtinIDs["diffusion"]...), builtinIDs["vla"]...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q", got)
	}
}

// TestLoadMerges loads the seed next to the built-in decks: every seed
// question is already built in, so each is kept once and recorded as merged.
func TestLoadMerges(t *testing.T) {
	lib, err := Load([]string{"testdata/seed.md"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Topics) != 3 || len(lib.Cards()) != 25 || len(lib.Merged) != 25 {
		t.Fatalf("%d topics, %d cards, %d merged", len(lib.Topics), len(lib.Cards()), len(lib.Merged))
	}
	m := lib.Merged[0]
	if m.Kept.ID != "gnn/message-passing" || m.Dropped.Source != "testdata/seed.md" || m.Dropped.ID == m.Kept.ID {
		t.Errorf("first merge: kept %s, dropped %s from %s", m.Kept.ID, m.Dropped.ID, m.Dropped.Source)
	}
	if c, ok := lib.Card(m.Dropped.ID); !ok || c != m.Kept {
		t.Errorf("Card(dropped id) = %v, %v; want the kept card", c, ok)
	}

	// The same question in other words of case and punctuation, in
	// another format, merges too; a new question does not.
	dir := t.TempDir()
	f := filepath.Join(dir, "extra.tsv")
	if err := os.WriteFile(f, []byte("what is MESSAGE-PASSING in GNNs\tSomething.\nWhat is a hypergraph?\tEdges join any number of nodes.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err = Load([]string{f}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib.Merged) != 1 || lib.Merged[0].Kept.ID != "gnn/message-passing" || len(lib.Cards()) != 26 {
		t.Errorf("%d merged, %d cards", len(lib.Merged), len(lib.Cards()))
	}
}

func TestNormQuestion(t *testing.T) {
	for _, tc := range [][2]string{
		{"What is message passing in GNNs?", "what is message passing in gnns"},
		{"  What's  Über-fast\tDDIM? ", "what s uber fast ddim"},
		{"?!", ""},
	} {
		if got := normQuestion(tc[0]); got != tc[1] {
			t.Errorf("normQuestion(%q) = %q, want %q", tc[0], got, tc[1])
		}
	}
}
