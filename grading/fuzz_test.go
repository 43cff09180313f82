package grading

import (
	"reflect"
	"strings"
	"testing"

	"grill/decks"
)

// FuzzGrade grades arbitrary answers against arbitrary key point phrasings:
// no panic, the score stays in 0–100, every span lies inside the answer on
// rune boundaries, and grading twice gives the same verdict.
func FuzzGrade(f *testing.F) {
	seeds := [][3]string{
		{"aggregate neighbour information", "over-smoothing", "Each node aggregates information from its neighbours."},
		{"sqrt(alpha_bar)", "no mode collapse", "x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε; diffusion doesn't suffer from mode collapse"},
		{"GCN", "non-Markovian", "graph convolutional networks are not non-Markovian, neither nor"},
		{"ε_θ(x_t, t)", "∅", "eps_theta(x_t, t) with an empty ∅ prompt \\bar{\\alpha}"},
		{"", "   ", ""},
		{"not", "no", "not no never without"},
		{"a", "the of", "message passing, aggregation, update, k-hop"},
		{"ﬁne-tune", "RT-2", "Ｆine-tuning RT2 ＶＬＭ\xff\xfe invalid utf8"},
		{"x_0", "7-DoF", "x0 x_0 x₀ seven degrees of freedom 0.0001 10,000"},
		{"Their hands are different sizes; the hot water's temperature rose.", "small", "bigger, not bigger, tiny and cold"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1], s[2])
	}
	f.Fuzz(func(t *testing.T, p1, p2, answer string) {
		c := &decks.Card{ID: "fuzz/card", Question: "Fuzz?", Answer: p1 + "\n\n**" + p2 + "**",
			KeyPoints: []decks.KeyPoint{
				{Label: "one", Phrasings: []string{p1}, Weight: 1},
				{Label: "two", Phrasings: []string{p2, p1 + " " + p2}, Weight: 2},
			}}
		c.Misconceptions = []decks.KeyPoint{{Label: "wrong", Phrasings: []string{p2 + " " + p1}, Weight: 1}}
		cmp := &decks.Card{ID: "fuzz/cmp", Question: "DDPM vs DDIM " + p2 + "?", Answer: p1,
			KeyPoints: []decks.KeyPoint{
				{Label: "DDPM: " + p1, Phrasings: []string{p1, "stochastic"}, Weight: 1},
				{Label: "DDIM: " + p2, Phrasings: []string{p2, "deterministic"}, Weight: 1},
				{Label: "Fix: " + p2, Phrasings: []string{p2}, Weight: 1},
			}}
		auto := &decks.Card{ID: "fuzz/auto", Question: p2, Answer: p1 + "\n- **" + p2 + "**: " + answer,
			AlsoAccepted: []string{p2, answer}}
		for _, cc := range []*decks.Card{c, cmp, auto} {
			r := Grade(cc, answer)
			bounds := map[int]bool{len(answer): true}
			for i := range answer { // rune starts, counting each invalid byte as one
				bounds[i] = true
			}
			if r.Score < 0 || r.Score > 100 || r.Coverage < 0 || r.Coverage > 100 {
				t.Fatalf("score %d coverage %d out of range", r.Score, r.Coverage)
			}
			var spans []Span
			for _, p := range r.Points {
				if p.Covered && p.Contradicted || p.Covered && p.Listed {
					t.Fatalf("point %+v has two verdicts", p)
				}
				spans = append(spans, p.Spans...)
				spans = append(spans, p.Evidence...)
			}
			for _, mc := range r.Misconceptions {
				spans = append(spans, mc.Spans...)
			}
			for _, p := range []PointResult{{Spans: spans}} {
				for _, sp := range p.Spans {
					if sp.Start < 0 || sp.End > len(answer) || sp.Start >= sp.End {
						t.Fatalf("span %v outside answer of %d bytes", sp, len(answer))
					}
					if !bounds[sp.Start] || !bounds[sp.End] {
						t.Fatalf("span %v not on rune boundaries of %q", sp, answer)
					}
				}
			}
			if again := Grade(cc, answer); !reflect.DeepEqual(r, again) {
				t.Fatalf("not deterministic:\n%+v\n%+v", r, again)
			}
			var b strings.Builder
			if err := WriteText(&b, cc, answer, r); err != nil {
				t.Fatal(err)
			}
			for _, kp := range KeyPoints(cc) {
				if kp.Label == "" || len(kp.Phrasings) == 0 {
					t.Fatalf("derived key point %+v has no label or phrasing", kp)
				}
			}
		}
	})
}
