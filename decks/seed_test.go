package decks

import (
	"os"
	"strings"
	"testing"
)

// seedQuestions returns the "### " headings of the seed file in order.
func seedQuestions(t *testing.T, src []byte) []string {
	t.Helper()
	var qs []string
	for _, line := range strings.Split(string(src), "\n") {
		if q, ok := strings.CutPrefix(line, "### "); ok {
			qs = append(qs, q)
		}
	}
	return qs
}

// TestParseSeed imports the source Q&A document unchanged: three topics
// with ids derived from the Part titles, 25 questions exactly as written.
func TestParseSeed(t *testing.T) {
	src, err := os.ReadFile("testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	topics, problems := Parse("seed.md", src)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemLines(problems), "\n"))
	}
	want := []struct {
		id, title string
		cards     int
	}{
		{"graph-neural-networks", "Graph Neural Networks", 8},
		{"diffusion-models", "Diffusion Models", 9},
		{"vision-language-action-models", "Vision-Language-Action Models", 8},
	}
	if len(topics) != len(want) {
		t.Fatalf("got %d topics, want 3:\n%s", len(topics), strings.Join(summary(topics), "\n"))
	}
	var questions []string
	for i, tp := range topics {
		if tp.ID != want[i].id || tp.Title != want[i].title || len(tp.Cards) != want[i].cards {
			t.Errorf("topic %d: %s %q with %d cards, want %s %q with %d", i, tp.ID, tp.Title, len(tp.Cards), want[i].id, want[i].title, want[i].cards)
		}
		for _, c := range tp.Cards {
			questions = append(questions, c.Question)
			if strings.TrimSpace(c.Answer) == "" {
				t.Errorf("%s: empty answer", c.ID)
			}
			if !strings.HasPrefix(c.ID, tp.ID+"/") {
				t.Errorf("%s: id not under topic %s", c.ID, tp.ID)
			}
			if strings.HasSuffix(c.Answer, "---") {
				t.Errorf("%s: answer keeps the section rule: %q", c.ID, c.Answer[len(c.Answer)-20:])
			}
			if lines := strings.Split(string(src), "\n"); lines[c.Line-1] != "### "+c.Question {
				t.Errorf("%s: line %d is %q", c.ID, c.Line, lines[c.Line-1])
			}
		}
	}
	wantQ := seedQuestions(t, src)
	if strings.Join(questions, "\n") != strings.Join(wantQ, "\n") {
		t.Errorf("questions differ from the ### headings:\n%s\nwant\n%s", strings.Join(questions, "\n"), strings.Join(wantQ, "\n"))
	}
	for _, c := range topics[0].Cards {
		if strings.Contains(c.Question, "How to use") || strings.Contains(c.Answer, "How to use") {
			t.Errorf("the How to use paragraph leaked into %s", c.ID)
		}
	}

	// The answer is the source Markdown, LaTeX and all.
	first := topics[0].Cards[0]
	if !strings.HasPrefix(first.Answer, "**Core paradigm**: Update node representations") ||
		!strings.Contains(first.Answer, `$$h_v^{(k+1)} = \text{UPDATE}(h_v^{(k)}, \text{AGGREGATE}(\{h_u^{(k)} : u \in \mathcal{N}(v)\}))$$`) ||
		!strings.HasSuffix(first.Answer, "- Layer 3: Learn from 3-hop neighborhood") {
		t.Errorf("first answer:\n%s", first.Answer)
	}
}
