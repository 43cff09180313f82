package ui

import (
	"strings"
	"testing"
	"time"

	"grill/grading"
)

func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"   \n\t ", 0},
		{"one", 1},
		{"  two words  ", 2},
		{"line one\nline two", 4},
		{"café naïve Über", 3},
		{"日本語", 3},
		{"GNN は グラフ", 1 + 1 + 3},
		{"emoji 🚀 counts", 3},
		{"no\u00a0break\u3000space", 3},
		{"x_t = √ᾱ x₀", 4},
	} {
		if got := countWords(c.in); got != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestClockRoundsUp(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "00:00", -time.Second: "00:00", time.Millisecond: "00:01", 20 * time.Second: "00:20",
		19*time.Second + 500*time.Millisecond: "00:20", 3 * time.Minute: "03:00", 61 * time.Minute: "61:00",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestUrgency(t *testing.T) {
	for _, c := range []struct {
		rem, limit time.Duration
		want       int
	}{
		{3 * time.Minute, 3 * time.Minute, 0},
		{55 * time.Second, 3 * time.Minute, 0},
		{53 * time.Second, 3 * time.Minute, 1}, // below 30%
		{17 * time.Second, 3 * time.Minute, 2}, // below 10%
		{5 * time.Minute, 10 * time.Minute, 0},
		{2 * time.Minute, 10 * time.Minute, 1},
		{59 * time.Second, 10 * time.Minute, 2},
		{20 * time.Second, 20 * time.Second, 0},
		{14 * time.Second, 20 * time.Second, 2}, // last 15 s
	} {
		if got := urgency(c.rem, c.limit); got != c.want {
			t.Errorf("urgency(%v of %v) = %d, want %d", c.rem, c.limit, got, c.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	if got := truncate("short", 10); got != "short" {
		t.Errorf("truncate kept %q", got)
	}
	if got := truncate("a long question about graphs", 10); got != "a long qu…" {
		t.Errorf("truncate = %q", got)
	}
	if got := truncate("日本語の質問です", 7); got != "日本語…" {
		t.Errorf("truncate of wide text = %q", got)
	}
}

func TestHighlightMarksSpansAndEscapes(t *testing.T) {
	th := newTheme(false)
	answer := "we [aggregate] then update"
	lines := []evidence{
		{spans: []grading.Span{{Start: 4, End: 13}}},
		{spans: []grading.Span{{Start: 20, End: 26}}},
		{}, // a missed point marks nothing
	}
	got := highlight(th, answer, lines, 1)
	want := "we [[::u]aggregate[::-]] then [::r]update[::-]"
	if got != want {
		t.Fatalf("highlight = %q, want %q", got, want)
	}
	// Overlapping spans merge; bad spans are ignored.
	lines = []evidence{
		{spans: []grading.Span{{Start: 0, End: 6}, {Start: 3, End: 9}, {Start: 50, End: 60}}},
	}
	if got := highlight(th, "abcdefghij", lines, -1); got != "[::u]abcdefghi[::-]j" {
		t.Fatalf("merged highlight = %q", got)
	}
	if strings.Contains(highlight(newTheme(true), answer, lines, -1), "[::u]") {
		t.Fatal("colour highlight uses the no-colour style")
	}
	// The evidence of a contradicted point or a wrong claim is marked
	// apart, with and without colour, selected or not.
	lines = []evidence{
		{spans: []grading.Span{{Start: 0, End: 2}}},
		{spans: []grading.Span{{Start: 20, End: 26}}, bad: true},
	}
	if got, want := highlight(th, answer, lines, -1), "[::u]we[::-] [aggregate[] then [::bus]update[::-]"; got != want {
		t.Errorf("no colour: highlight = %q, want %q", got, want)
	}
	if got, want := highlight(th, answer, lines, 1), "[::u]we[::-] [aggregate[] then [::brs]update[::-]"; got != want {
		t.Errorf("no colour, selected: highlight = %q, want %q", got, want)
	}
	if got, want := highlight(newTheme(true), answer, lines, -1), "[yellow::u]we[-::-] [aggregate[] then [red::u]update[-::-]"; got != want {
		t.Errorf("colour: highlight = %q, want %q", got, want)
	}
}

func TestByteSize(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1.0 KiB"}, {1196, "1.2 KiB"}, {5 << 20, "5.0 MiB"}} {
		if got := byteSize(c.n); got != c.want {
			t.Errorf("byteSize(%d) = %q, want %q", c.n, got, c.want)
		}
	}
}
