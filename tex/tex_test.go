package tex

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMathToUnicode(t *testing.T) {
	tests := []struct {
		tex, want string
	}{
		// Scripts.
		{`h_v^{(k+1)}`, "h_v⁽ᵏ⁺¹⁾"},
		{`h_v^{(K)}`, "h_v⁽ᴷ⁾"},
		{`h^{(k+1)} = h^{(k+1)} + h^{(k)}`, "h⁽ᵏ⁺¹⁾ = h⁽ᵏ⁺¹⁾ + h⁽ᵏ⁾"},
		{`x_0`, "x₀"},
		{`x_t`, "xₜ"},
		{`x_{t-1}`, "xₜ₋₁"},
		{`x_T`, "x_T"},
		{`h_G`, "h_G"},
		{`p_{data}`, "p_data"},
		{`\alpha_{vu}`, "α_vu"},
		{`a^T h_v`, "aᵀ h_v"},
		{`a^\top b`, "aᵀ b"},
		{`64^2`, "64²"},
		{`512^2`, "512²"},
		{`x^2`, "x²"},
		{`x^{\prime}`, "x′"},
		{`f'(x)`, "f′(x)"},
		{`e^{-x^2/2}`, "e^(−x²/2)"},
		{`\int_0^\infty f(x)\,dx`, "∫₀^∞ f(x) dx"},
		{`\mathbb{R}^{n \times d}`, "ℝ^(n×d)"},
		{`x^{q}`, "x^q"},
		// Roots and fractions.
		{`\sqrt{\bar{\alpha}_t}`, "√ᾱₜ"},
		{`\sqrt{1-\bar{\alpha}_t}`, "√(1−ᾱₜ)"},
		{`\sqrt{1-\beta_t} x_{t-1}`, "√(1−βₜ) xₜ₋₁"},
		{`\sqrt{2}`, "√2"},
		{`\sqrt[3]{x}`, "∛x"},
		{`\sqrt{d_k}`, "√dₖ"},
		{`\frac{a}{b}`, "a/b"},
		{`\frac{1}{|V|}`, "1/|V|"},
		{`\frac{1}{2}`, "1/2"},
		{`\frac12`, "1/2"},
		{`\frac{a+b}{c}`, "(a+b)/c"},
		{`\frac{1}{2a}`, "1/(2a)"},
		{`\frac{h_u}{\sqrt{d_u d_v}}`, "h_u/√(d_u d_v)"},
		{`\frac{\partial L}{\partial w}`, "∂L/∂w"},
		{`\frac{-b \pm \sqrt{b^2-4ac}}{2a}`, "(−b ± √(b²−4ac))/(2a)"},
		{`h_G = \frac{1}{|V|} \sum_{v} h_v^{(K)}`, "h_G = 1/|V| ∑_v h_v⁽ᴷ⁾"},
		{`\binom{n}{k}`, "C(n, k)"},
		// Alphabets.
		{`\mathcal{N}`, "𝒩"},
		{`\mathcal{L}`, "ℒ"},
		{`\mathcal{O}(n^2)`, "𝒪(n²)"},
		{`\mathbb{R}^7`, "ℝ⁷"},
		{`\mathbb{E}`, "𝔼"},
		{`\mathbb{1}`, "𝟙"},
		{`\mathbf{x}`, "x"},
		// Greek and symbols.
		{`\epsilon`, "ε"},
		{`\varepsilon`, "ε"},
		{`\sigma(W h)`, "σ(W h)"},
		{`\theta`, "θ"},
		{`\gamma, \beta`, "γ, β"},
		{`\odot`, "⊙"},
		{`\emptyset`, "∅"},
		{`\sim`, "∼"},
		{`\cdot`, "·"},
		{`u \in V`, "u ∈ V"},
		{`n \times d`, "n × d"},
		{`x \to y`, "x → y"},
		{`\nabla_{x_t} \log p(x_t)`, "∇_xₜ log p(xₜ)"},
		{`\not\in`, "∉"},
		{`a \leq b \neq c`, "a ≤ b ≠ c"},
		// Accents.
		{`\hat{\epsilon}`, "ε̂"},
		{`\tilde{\epsilon}_\theta`, "ε̃_θ"},
		{`\bar{\alpha}_t`, "ᾱₜ"},
		{`\vec{v}`, "v⃗"},
		// Big operators.
		{`\sum_{u \in \mathcal{N}(v)}`, "∑_(u∈𝒩(v))"},
		{`\sum_v \alpha_v h_v`, "∑_v α_v h_v"},
		{`\prod_{s=1}^t (1-\beta_s)`, "∏ₛ₌₁ᵗ (1−βₛ)"},
		{`\max_{v \in V} h_v`, "max_(v∈V) h_v"},
		{`\mathbb{E}_{t, x_0, \epsilon}`, "𝔼_(t, x₀, ε)"},
		{`\lim_{n \to \infty}`, "lim_(n→∞)"},
		// Text, delimiters and spacing.
		{`\text{UPDATE}`, "UPDATE"},
		{`\text{softmax}(a^T h_v)`, "softmax(aᵀ h_v)"},
		{`t \sim \text{Uniform}(1, T)`, "t ∼ Uniform(1, T)"},
		{`\text{if } x > 0`, "if x > 0"},
		{`\text{FiLM}(h) = \gamma \odot h + \beta`, "FiLM(h) = γ ⊙ h + β"},
		{`\operatorname*{arg\,max}_\theta`, "arg max_θ"},
		{`\{h_u\}`, "{h_u}"},
		{`\left\{ x \right\}`, "{x}"},
		{`\|x\|^2`, "‖x‖²"},
		{`\left[ x \right]`, "[x]"},
		{`\left. x \right|`, "x |"},
		{`\big( x \big)`, "(x)"},
		{`\epsilon, \quad \epsilon`, "ε,  ε"},
		{`a \qquad b`, "a    b"},
		{`a\,b`, "a b"},
		{`a\!b`, "ab"},
		{`\begin{pmatrix} a & b \\ c & d \end{pmatrix}`, "(a, b; c, d)"},
		{`a \\ b`, "a\nb"},
		{`50\%`, "50%"},
		// Unknown commands lose the backslash; stray braces vanish.
		{`\foo{x}`, "foox"},
		{`x}`, "x"},
		{`{`, ""},
		{`\`, ""},
		{`x^`, "x"},
		// The display formulas of the seed Q&A document, whole.
		{`h_v^{(k+1)} = \text{UPDATE}(h_v^{(k)}, \text{AGGREGATE}(\{h_u^{(k)} : u \in \mathcal{N}(v)\}))`,
			"h_v⁽ᵏ⁺¹⁾ = UPDATE(h_v⁽ᵏ⁾, AGGREGATE({h_u⁽ᵏ⁾ : u ∈ 𝒩(v)}))"},
		{`h_v = \sigma(W[h_v \| \text{AGG}(\{h_u\})])`, "h_v = σ(W[h_v ‖ AGG({h_u})])"},
		{`q(x_t | x_{t-1}) = \mathcal{N}(x_t; \sqrt{1-\beta_t} x_{t-1}, \beta_t I)`,
			"q(xₜ | xₜ₋₁) = 𝒩(xₜ; √(1−βₜ) xₜ₋₁, βₜ I)"},
		{`x_t = \sqrt{\bar{\alpha}_t} x_0 + \sqrt{1-\bar{\alpha}_t} \epsilon, \quad \epsilon \sim \mathcal{N}(0,I)`,
			"xₜ = √ᾱₜ x₀ + √(1−ᾱₜ) ε,  ε ∼ 𝒩(0,I)"},
		{`\mathcal{L} = \mathbb{E}_{t, x_0, \epsilon} \left[ \| \epsilon - \epsilon_\theta(\sqrt{\bar{\alpha}_t} x_0 + \sqrt{1-\bar{\alpha}_t} \epsilon, t) \|^2 \right]`,
			"ℒ = 𝔼_(t, x₀, ε) [‖ ε − ε_θ(√ᾱₜ x₀ + √(1−ᾱₜ) ε, t) ‖²]"},
		{`\tilde{\epsilon}_\theta(x_t, c) = \epsilon_\theta(x_t, \emptyset) + w \cdot (\epsilon_\theta(x_t, c) - \epsilon_\theta(x_t, \emptyset))`,
			"ε̃_θ(xₜ, c) = ε_θ(xₜ, ∅) + w · (ε_θ(xₜ, c) − ε_θ(xₜ, ∅))"},
	}
	for _, tt := range tests {
		if got := MathToUnicode(tt.tex); got != tt.want {
			t.Errorf("MathToUnicode(%q)\n got %q\nwant %q", tt.tex, got, tt.want)
		}
	}
}

func TestRenderMath(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"Output: $h_v^{(K)}$ per node", "Output: h_v⁽ᴷ⁾ per node"},
		{"$$q = \\sqrt{\\bar{\\alpha}_t}$$", "q = √ᾱₜ"},
		{"**Framework**:\n$$x_0$$\n", "**Framework**:\nx₀\n"},
		{"$a$ and $b$", "a and b"},
		{"costs $5 and $10 today", "costs $5 and $10 today"},
		{"an unmatched $ stays", "an unmatched $ stays"},
		{"a lone $x", "a lone $x"},
		{"$ x$ is not maths", "$ x$ is not maths"},
		{"escaped \\$x$ stays", "escaped \\$x$ stays"},
		{"code `$x_t$` stays, $x_t$ does not", "code `$x_t$` stays, xₜ does not"},
		{"``a ` $x_0$ ``", "``a ` $x_0$ ``"},
		{"```\n$x_0$\n```\n$x_0$", "```\n$x_0$\n```\nx₀"},
		{"a\\\n```\n$x_0$\n```", "a\\\n```\n$x_0$\n```"},
		{"$a\n\nb$", "$a\n\nb$"},
		{"$a\nb$", "a b"},
		{"$$\nx_0\n$$", "x₀"},
		{"$$ unclosed", "$$ unclosed"},
		{"no maths at all", "no maths at all"},
	}
	for _, tt := range tests {
		if got := RenderMath(tt.in); got != tt.want {
			t.Errorf("RenderMath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindMath(t *testing.T) {
	src := "Sum: $h_G = \\sum_v h_v$ and\n$$x_t$$"
	spans := FindMath(src)
	if len(spans) != 2 {
		t.Fatalf("FindMath found %d spans, want 2: %+v", len(spans), spans)
	}
	if got := src[spans[0].Start:spans[0].End]; got != `$h_G = \sum_v h_v$` || spans[0].Display {
		t.Errorf("first span = %q (display %v)", got, spans[0].Display)
	}
	if spans[1].TeX != "x_t" || !spans[1].Display {
		t.Errorf("second span = %+v, want display x_t", spans[1])
	}
}

// TestRenderSeedMath renders every maths span of the seed Q&A document and
// checks that no LaTeX is left: no backslash commands, and no grouping braces
// (only the set braces written \{ \} remain, as { }).
func TestRenderSeedMath(t *testing.T) {
	src, err := os.ReadFile("../decks/testdata/seed.md")
	if err != nil {
		t.Fatal(err)
	}
	spans := FindMath(string(src))
	if len(spans) < 50 {
		t.Fatalf("found %d maths spans in the seed, want at least 50", len(spans))
	}
	for _, sp := range spans {
		got := MathToUnicode(sp.TeX)
		if got == "" {
			t.Errorf("%q rendered empty", sp.TeX)
		}
		if strings.ContainsRune(got, '\\') {
			t.Errorf("%q -> %q: backslash left", sp.TeX, got)
		}
		if strings.ContainsAny(got, "$^") {
			t.Errorf("%q -> %q: dollar or caret left", sp.TeX, got)
		}
		wantOpen, wantClose := strings.Count(sp.TeX, `\{`), strings.Count(sp.TeX, `\}`)
		if o, c := strings.Count(got, "{"), strings.Count(got, "}"); o != wantOpen || c != wantClose {
			t.Errorf("%q -> %q: %d { and %d }, want %d and %d", sp.TeX, got, o, c, wantOpen, wantClose)
		}
	}
	out := RenderMath(string(src))
	if strings.Contains(out, `\sqrt`) || strings.Contains(out, `\mathcal`) || strings.Contains(out, "$") {
		t.Errorf("RenderMath left LaTeX in the seed")
	}
	for _, want := range []string{"h_v⁽ᵏ⁺¹⁾", "√ᾱₜ", "√(1−ᾱₜ)", "𝒩(0, I)", "ℝ⁷", "ε̂", "ε̃_θ", "γ ⊙ h + β", "64²"} {
		if !strings.Contains(out, want) {
			t.Errorf("rendered seed lacks %q", want)
		}
	}
}

func FuzzMathToUnicode(f *testing.F) {
	for _, s := range []string{
		`h_v^{(k+1)}`, `\sqrt{1-\bar{\alpha}_t}`, `\frac{a}{b}`, `\text{x $y$}`, `\left[ \right]`,
		`\begin{pmatrix} a & b \\ c \end{pmatrix}`, `\sqrt[3]{x}`, `{{{`, `}}}`, `\`, `^_^_`,
		`\not`, `\mathbb{R}^{n \times d}`, `\operatorname*{arg\,max}`, "\xff\xfe", "\uE000\uE001",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tex string) {
		out := MathToUnicode(tex)
		if !utf8.ValidString(out) {
			t.Fatalf("MathToUnicode(%q) = %q: invalid UTF-8", tex, out)
		}
		if r := RenderMath("a $" + tex + "$ b"); !utf8.ValidString(r) && utf8.ValidString(tex) {
			t.Fatalf("RenderMath gave invalid UTF-8 for %q", tex)
		}
	})
}

func BenchmarkRenderMathSeed(b *testing.B) {
	src, err := os.ReadFile("../decks/testdata/seed.md")
	if err != nil {
		b.Fatal(err)
	}
	s := string(src)
	for b.Loop() {
		RenderMath(s)
	}
}
