package decks

import "testing"

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Graph Neural Networks", "graph-neural-networks"},
		{"Vision-Language-Action Models", "vision-language-action-models"},
		{"What is message passing in GNNs?", "what-is-message-passing-in-gnns"},
		{"What's the over-smoothing problem?", "whats-the-over-smoothing-problem"},
		{"What’s new?", "whats-new"},
		{"Über naïve café", "uber-naive-cafe"},
		{"Straße", "strasse"},
		{"RT-1 vs RT-2 architecture differences?", "rt-1-vs-rt-2-architecture"},
		{"  --Hello,   World!--  ", "hello-world"},
		{"x_0 and α", "x-0-and"},
		{"∑ ∫ ∂", ""},
		{"", ""},
		{"one two three four five six seven", "one-two-three-four-five-six"},
		{"internationalisation-internationalisation-internationalisation", "internationalisation-internationalisation"},
		{"supercalifragilisticexpialidocious-supercalifragilisticexpialidocious", "supercalifragilisticexpialidocious"},
		{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"},
		{"gnn", "gnn"},
	}
	for _, tt := range tests {
		got := Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if len(got) > 48 {
			t.Errorf("Slug(%q) is %d bytes", tt.in, len(got))
		}
	}
}
