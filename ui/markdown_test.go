package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/rivo/tview"

	"grill/internal/fixture/textcheck"
)

// visible returns what a TextView with dynamic colours shows for s: the text
// with style tags applied and escapes resolved.
func visible(s string) string {
	tv := tview.NewTextView().SetDynamicColors(true)
	tv.SetText(s)
	return tv.GetText(true)
}

// styleTags are the tags RenderMarkdown may write.
var styleTags = []string{"[::b]", "[::i]", "[::s]", "[::-]", "[" + codeColor + "]", "[-]"}

// TestRenderMarkdown compares what RenderMarkdown writes, style tags and
// all, with what each construct should become.
func TestRenderMarkdown(t *testing.T) {
	for _, tc := range []struct {
		name  string
		md    string
		color bool
		want  string
	}{
		{"bold in colour", "**Core paradigm**: update by **aggregating** neighbours.", true,
			"[::b]Core paradigm[::-]: update by [::b]aggregating[::-] neighbours."},
		{"bold in plain", "**Core paradigm**: update by **aggregating** neighbours.", false,
			"Core paradigm: update by aggregating neighbours."},
		{"nested styles", "*see **this** now*", true, "[::i]see [::b]this[::-][::i] now[::-]"},
		{"heading", "#### Methods\n\nText", true, "[::b]Methods[::-]\n\nText"},
		{"lists",
			"**Three steps per layer**:\n1. **Message**: send\n2. **Aggregate**: combine\n3. **Update**: own features\n\n" +
				"- Layer 1: friends\n- Layer 2: friends-of-friends\n\n3. three\n4. four\n", false,
			"Three steps per layer:\n1. Message: send\n2. Aggregate: combine\n3. Update: own features\n\n" +
				"• Layer 1: friends\n• Layer 2: friends-of-friends\n\n3. three\n4. four"},
		{"nested list",
			"1. **Sum**: $h_G = \\sum_{v \\in V} h_v^{(K)}$\n   - Permutation-invariant\n   - Simple, works well\n\n" +
				"2. **Mean**: normalises\n   - Better for varying sizes\n", false,
			"1. Sum: h_G = ∑_(v∈V) h_v⁽ᴷ⁾\n   • Permutation-invariant\n   • Simple, works well\n\n" +
				"2. Mean: normalises\n   • Better for varying sizes"},
		{"tight nested list", "- a\n  - b\n    - c\n- d", false, "• a\n  • b\n    • c\n• d"},
		{"code block", codeBlockMD, false, codeBlockWant},
		{"code span with dollars", "Keep `$x_0$` as typed", false, "Keep $x_0$ as typed"},
		{"maths",
			"**Framework**:\n$$h_v^{(k+1)} = \\text{UPDATE}(h_v^{(k)})$$\n\nWhere $\\bar{\\alpha}_t = \\prod_{s=1}^t (1-\\beta_s)$ and $x_t$, $x_{t-1}$ and $p_{data}$.", false,
			"Framework:\n  h_v⁽ᵏ⁺¹⁾ = UPDATE(h_v⁽ᵏ⁾)\n\nWhere ᾱₜ = ∏ₛ₌₁ᵗ (1−βₛ) and xₜ, xₜ₋₁ and p_data."},
		// Underscores and stars in maths are not emphasis.
		{"stars in maths", "$a_1 * b_1$ and $c_1 * d_1$", false, "a₁ * b₁ and c₁ * d₁"},
		// Display maths in the middle of a paragraph gets its own line.
		{"display maths mid-paragraph", "so $$x_0$$ then", false, "so\n  x₀\nthen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := RenderMarkdown(tc.md, tc.color); got != tc.want {
				t.Errorf("RenderMarkdown(%q, %v):\n got %q\nwant %q", tc.md, tc.color, got, tc.want)
			}
		})
	}
}

// codeBlockMD is a code block between two paragraphs; codeBlockWant, its
// plain rendering.
const (
	codeBlockMD   = "**VLA**:\n```\n(Image, Text Instruction) → Transformer → Action\n(single learned model)\n```\nAfter `x_t` code."
	codeBlockWant = "VLA:\n    (Image, Text Instruction) → Transformer → Action\n    (single learned model)\n\nAfter x_t code."
)

func TestRenderMarkdownNestedStylesVisible(t *testing.T) {
	if v := visible(RenderMarkdown("*see **this** now*", true)); v != "see this now" {
		t.Errorf("visible %q", v)
	}
}

func TestRenderMarkdownCodeBlockColour(t *testing.T) {
	color := RenderMarkdown(codeBlockMD, true)
	if !strings.Contains(color, "    ["+codeColor+"](single learned model)[-]") {
		t.Errorf("code block not coloured: %q", color)
	}
	if v := visible(color); v != codeBlockWant {
		t.Errorf("visible:\n%s\nwant:\n%s", v, codeBlockWant)
	}
}

func TestRenderMarkdownBracketsSurvive(t *testing.T) {
	md := "- Output: Action tokens [0.1, 0.2, -0.3, ...]\n- Also [red] and [::b] and $[x]$"
	for _, color := range []bool{true, false} {
		got := visible(RenderMarkdown(md, color))
		want := "• Output: Action tokens [0.1, 0.2, -0.3, ...]\n• Also [red] and [::b] and [x]"
		if got != want {
			t.Errorf("color=%v: visible\n%s\nwant\n%s", color, got, want)
		}
	}
}

func TestRenderMarkdownPlainHasNoTags(t *testing.T) {
	src, err := os.ReadFile("../decks/testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	plain := RenderMarkdown(string(src), false)
	for _, tag := range styleTags {
		if strings.Contains(plain, tag) {
			t.Errorf("plain output holds tag %q", tag)
		}
	}
	color := RenderMarkdown(string(src), true)
	if !strings.Contains(color, "[::b]") {
		t.Errorf("colour output has no bold")
	}
	if visible(color) != visible(plain) {
		t.Errorf("colour and plain output show different text")
	}
	v := visible(plain)
	textcheck.Lacks(t, "rendered seed", v, "**", "$", `\sqrt`, `\mathcal`, "### ", "[::")
	textcheck.Contains(t, "rendered seed", v,
		"What is message passing in GNNs?",
		"  h_v⁽ᵏ⁺¹⁾ = UPDATE(h_v⁽ᵏ⁾, AGGREGATE({h_u⁽ᵏ⁾ : u ∈ 𝒩(v)}))",
		"• Formula: h_v = σ(W[h_v ‖ AGG({h_u})])",
		"1. Message: Each neighbor sends its representation",
		"    Perception → State Estimation → Planning → Control",
		"• ✅ Graph-structured data",
		"Output: Action tokens [0.1, 0.2, -0.3, ...]",
		"7-DoF (x, y, z, roll, pitch, yaw, gripper) ∈ ℝ⁷",
	)
}

func TestRenderMarkdownBlocks(t *testing.T) {
	tests := []struct{ md, want string }{
		{"> **Note:** VAEs give a lower bound.\n> Second line.", "│ Note: VAEs give a lower bound. Second line."},
		{"> a\n>\n> b", "│ a\n│\n│ b"},
		{"\\*not bold\\* &amp; 5 &lt; 6", "*not bold* & 5 < 6"},
		{"a\n\n---\n\nb", "a\n\n" + strings.Repeat("─", 24) + "\n\nb"},
		{"line one  \nline two", "line one\nline two"},
		{"see [the paper](https://arxiv.org/abs/2006.11239)", "see the paper (https://arxiv.org/abs/2006.11239)"},
		{"<https://example.com>", "https://example.com"},
		{"<!-- id: gnn/x -->\nText", "Text"},
		{"~~old~~ new", "old new"},
		{"- [x] done\n- [ ] todo", "• ☑ done\n• ☐ todo"},
		{"| a | bb |\n|---|---|\n| ccc | $x_0$ |", "a   │ bb\n────┼───\nccc │ x₀"},
		{"    indented $x$ code", "    indented $x$ code"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := visible(RenderMarkdown(tt.md, false)); got != tt.want {
			t.Errorf("RenderMarkdown(%q):\n got %q\nwant %q", tt.md, got, tt.want)
		}
	}
}

func BenchmarkRenderMarkdownSeed(b *testing.B) {
	src, err := os.ReadFile("../decks/testdata/seed.md")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	for b.Loop() {
		RenderMarkdown(s, true)
	}
}

func FuzzRenderMarkdown(f *testing.F) {
	for _, s := range []string{
		"**a** *b* `c` $x_t$ $$y$$", "- a\n  - b\n1. c", "> q\n> > r", "```\n$x$\n```", "| a |\n|---|\n| b |",
		"[0.1, 0.2]", "***x***", "<!-- c -->\n<div>\n", "\uE010" + "0\uE011", "- [x] t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, md string) {
		plain := RenderMarkdown(md, false)
		for _, tag := range styleTags[:4] {
			if strings.Contains(plain, tag) && !strings.Contains(md, tag) {
				t.Fatalf("plain output of %q holds %q", md, tag)
			}
		}
		RenderMarkdown(md, true)
	})
}
