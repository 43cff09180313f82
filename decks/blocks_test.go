package decks

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestParseBlocks reads a card with every optional block and two
// follow-ups, and checks that none of the blocks leaks into the answer.
func TestParseBlocks(t *testing.T) {
	name := filepath.Join(goodDir, "sourced.md")
	src, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	topics, problems := Parse(name, src)
	if len(problems) > 0 {
		t.Fatalf("problems:\n%s", strings.Join(problemLines(problems), "\n"))
	}
	if len(topics) != 1 || topics[0].Difficulty != 1 || len(topics[0].Cards) != 2 {
		t.Fatalf("topics: %s", summary(topics))
	}
	c := topics[0].Cards[0]
	if c.ID != "optimisers/adam" || c.Difficulty != 2 {
		t.Errorf("card %s difficulty %d", c.ID, c.Difficulty)
	}
	if !strings.HasPrefix(c.Answer, "Adam keeps two") || !strings.HasSuffix(c.Answer, "regularisation the same for every parameter.") {
		t.Errorf("answer:\n%s", c.Answer)
	}
	labels := func(kps []KeyPoint) []string {
		var out []string
		for _, kp := range kps {
			out = append(out, kp.Label)
		}
		return out
	}
	if got := labels(c.KeyPoints); len(got) != 4 || got[2] != "Bias correction" {
		t.Errorf("key points %q", got)
	}
	if got := labels(c.Misconceptions); !reflect.DeepEqual(got, []string{"Adam needs no learning rate", "Adam decays weights like SGD"}) {
		t.Errorf("misconceptions %q", got)
	}
	if m := c.Misconceptions[1]; len(m.Phrasings) != 2 || m.Line != 45 {
		t.Errorf("misconception %+v", m)
	}
	wantAlt := "Adam divides a momentum-style running mean of the gradient by the square\n" +
		"root of a running mean of its square, both corrected for their start at\n" +
		"zero, so every parameter gets its own step of about the learning rate."
	if !reflect.DeepEqual(c.AlsoAccepted, []string{wantAlt}) {
		t.Errorf("also accepted %q", c.AlsoAccepted)
	}
	if len(c.Sources) != 2 || c.Sources[0] != `Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, Algorithm 1 and §2.1.` {
		t.Errorf("sources %q", c.Sources)
	}

	if len(c.FollowUps) != 2 {
		t.Fatalf("%d follow-ups", len(c.FollowUps))
	}
	f1, f2 := c.FollowUps[0], c.FollowUps[1]
	if f1.ID != "optimisers/adam/follow-up-1" || f1.Question != "Why does Adam need bias correction?" ||
		f1.Parent != c.ID || f1.Topic != "optimisers" || f1.Probes != "Bias correction" ||
		f1.TimeLimit.String() != "1m30s" || f1.Difficulty != 2 || f1.Line != 58 ||
		len(f1.KeyPoints) != 1 || len(f1.Misconceptions) != 1 ||
		!strings.HasPrefix(f1.Answer, "The moving averages") || !strings.HasSuffix(f1.Answer, "removes that bias.") {
		t.Errorf("follow-up 1: %+v", f1)
	}
	if f2.ID != "optimisers/adamw" || f2.Difficulty != 3 || f2.Probes != "" || f2.Parent != c.ID {
		t.Errorf("follow-up 2: %+v", f2)
	}
	if w := topics[0].Cards[1]; w.Difficulty != 1 || len(w.FollowUps) != 0 || w.ID != "optimisers/what-does-a-learning-rate-warm" {
		t.Errorf("second card: %+v", w)
	}

	// The library finds follow-ups by id but does not list them as cards.
	lib, err := Load([]string{name}, true)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := lib.Card("optimisers/adam/follow-up-1"); !ok || got.Question != f1.Question {
		t.Errorf("Card(follow-up) = %v, %v", got, ok)
	}
	if got, ok := lib.Card("What does AdamW change?"); !ok || got.ID != "optimisers/adamw" {
		t.Errorf("Card(follow-up question) = %v, %v", got, ok)
	}
	if n := len(lib.Cards()); n != 2 {
		t.Errorf("Cards() = %d, want the 2 top-level cards", n)
	}
}

func TestDifficultyDefaults(t *testing.T) {
	tests := []struct {
		src  string
		want []int // the difficulty of each card, then of each follow-up
	}{
		{"## Q\na\n", []int{2}},
		{"+++\ndifficulty = 3\n+++\n## Q\na\n## R\n<!-- difficulty: 1 -->\nb\n", []int{3, 1}},
		{"<!-- difficulty: 1 -->\n## Q\na\n### Follow-up: F?\nf\n", []int{1, 1}},
		{"## Q\n<!-- difficulty: 3 -->\na\n### Follow-up: F?\n<!-- difficulty: 1 -->\nf\n", []int{3, 1}},
	}
	for _, tc := range tests {
		topics, problems := Parse("d.md", []byte(tc.src))
		if len(problems) > 0 {
			t.Errorf("%q: %v", tc.src, problems)
			continue
		}
		var got []int
		for _, c := range topics[0].Cards {
			got = append(got, c.Difficulty)
		}
		for _, c := range topics[0].Cards {
			for _, f := range c.FollowUps {
				got = append(got, f.Difficulty)
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%q: difficulties %v, want %v", tc.src, got, tc.want)
		}
	}
}
