package decks

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"
)

// seedIDs is the contract for the ids of the seed's cards: each built-in
// topic starts with them, in seed order; the cards written for grill follow.
var seedIDs = map[string][]string{
	"gnn": {"gnn/message-passing", "gnn/gcn-graphsage-gat", "gnn/over-smoothing", "gnn/shallow-depth",
		"gnn/task-levels", "gnn/readout", "gnn/transductive-inductive", "gnn/gnn-vs-transformer-rnn"},
	"diffusion": {"diffusion/forward-process", "diffusion/prediction-target", "diffusion/ddpm-objective",
		"diffusion/reparameterization", "diffusion/ddpm-vs-ddim", "diffusion/latent-diffusion",
		"diffusion/classifier-free-guidance", "diffusion/diffusion-vs-gan-vae", "diffusion/quality-vs-gans"},
	"vla": {"vla/key-innovation", "vla/rt1-vs-rt2", "vla/action-representation", "vla/film",
		"vla/rt2-pretrained-vlm", "vla/rt2-emergent", "vla/co-fine-tuning", "vla/limitations"},
}

func TestBuiltin(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ id, title, file string }{
		{"gnn", "Graph Neural Networks", "decks/gnn.md"},
		{"diffusion", "Diffusion Models", "decks/diffusion.md"},
		{"vla", "Vision-Language-Action Models", "decks/vla.md"},
	}
	if len(lib.Topics) != 3 {
		t.Fatalf("got %d topics", len(lib.Topics))
	}
	if n := len(lib.Cards()); n < 90 {
		t.Errorf("got %d cards, want at least 90", n)
	}
	for i, tp := range lib.Topics {
		w := want[i]
		if tp.ID != w.id || tp.Title != w.title || tp.Source != BuiltinSource || tp.TimeLimit != 3*time.Minute {
			t.Errorf("topic %d: %s %q %s %s", i, tp.ID, tp.Title, tp.Source, tp.TimeLimit)
		}
		var ids []string
		for _, c := range tp.Cards {
			ids = append(ids, c.ID)
			if c.Source != w.file || c.Topic != tp.ID || c.Line <= 0 {
				t.Errorf("%s: source %q topic %q line %d", c.ID, c.Source, c.Topic, c.Line)
			}
			if len(c.KeyPoints) < 3 {
				t.Errorf("%s: %d key points, want at least 3", c.ID, len(c.KeyPoints))
			}
			for _, kp := range c.KeyPoints {
				if kp.Label == "" || len(kp.Phrasings) == 0 || kp.Weight <= 0 || kp.Line <= 0 {
					t.Errorf("%s: bad key point %+v", c.ID, kp)
				}
			}
			if c.Answer == "" {
				t.Errorf("%s: empty answer", c.ID)
			}
			if strings.Contains(c.Answer, "Key points") || strings.Contains(c.Answer, "<!--") || strings.Contains(c.Answer, "**Note") {
				t.Errorf("%s: answer keeps deck markup:\n%s", c.ID, c.Answer)
			}
		}
		if len(ids) < 30 {
			t.Errorf("%s: %d cards, want at least 30", tp.ID, len(ids))
		}
		if seed := seedIDs[tp.ID]; len(ids) < len(seed) || !reflect.DeepEqual(ids[:len(seed)], seed) {
			t.Errorf("%s ids\n%q\ndo not start with the seed's\n%q", tp.ID, ids, seed)
		}
	}
}

// TestBuiltinMatchesSeed checks that the built-in decks keep every seed
// question verbatim, in order, with its reference answer unchanged.
func TestBuiltinMatchesSeed(t *testing.T) {
	src, err := os.ReadFile("testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := Parse("seed.md", src)
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for i, tp := range seed {
		b := lib.Topics[i]
		if len(b.Cards) < len(tp.Cards) {
			t.Fatalf("%s: %d cards, seed has %d", b.ID, len(b.Cards), len(tp.Cards))
		}
		for j, c := range tp.Cards {
			bc := b.Cards[j]
			if bc.Question != c.Question {
				t.Errorf("%s: question %q, seed %q", bc.ID, bc.Question, c.Question)
			}
			if bc.Answer != c.Answer {
				t.Errorf("%s: answer differs from the seed\n%s\n---- seed ----\n%s", bc.ID, bc.Answer, c.Answer)
			}
		}
	}
}

// TestBuiltinIsACopy checks that changing what Builtin returns does not
// change what the next call returns.
func TestBuiltinIsACopy(t *testing.T) {
	a, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	a.Topics[0].Cards[0].Question = "changed"
	a.Topics[0].Cards[0].KeyPoints[0].Phrasings[0] = "changed"
	a.Topics[0].Cards = a.Topics[0].Cards[:1]
	b, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	c := b.Topics[0].Cards[0]
	if c.Question == "changed" || c.KeyPoints[0].Phrasings[0] == "changed" || len(b.Topics[0].Cards) < 30 {
		t.Errorf("Builtin shares state between calls")
	}
}

// BenchmarkLoadBuiltin parses all built-in decks from the embedded bytes,
// without the cache Builtin keeps.
func BenchmarkLoadBuiltin(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lib, err := parseBuiltin()
		if err != nil || len(lib.Cards()) < 90 {
			b.Fatal(err)
		}
	}
}
