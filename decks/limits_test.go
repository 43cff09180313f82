package decks

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
)

// TestLimits builds hostile decks in memory and checks that each is
// refused with the line where it goes over a limit.
func TestLimits(t *testing.T) {
	staircase := func(levels int) []byte {
		var b bytes.Buffer
		b.WriteString("## Q\n\n")
		for i := 0; i < levels; i++ {
			b.WriteString(strings.Repeat("  ", i))
			b.WriteString("- a\n")
		}
		return b.Bytes()
	}
	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"2,000-level nested list, 4 MB", staircase(2000),
			"f.md:35: lists and block quotes nest more than 32 levels deep here, the most a deck may have"},
		{"10,000-level nested list on one line", []byte("## Q\n" + strings.Repeat("- ", 10000) + "a\n"),
			"f.md:2: lists and block quotes nest more than 32 levels deep here, the most a deck may have"},
		{"10,000-level block quote", []byte("## Q\n" + strings.Repeat(">", 10000) + " a\n"),
			"f.md:2: lists and block quotes nest more than 32 levels deep here, the most a deck may have"},
		{"10,000-level nested list, 100 MB", staircase(10000),
			"f.md:2049: deck is larger than 4 MiB, the most a deck file may hold; split it into several files"},
		{"10 MB single line", append([]byte("## Q\n"), bytes.Repeat([]byte("a"), 10<<20)...),
			"f.md:2: deck is larger than 4 MiB, the most a deck file may hold; split it into several files"},
		{"long line", []byte("## Q\n" + strings.Repeat("word ", 20000) + "\n"),
			"f.md:2: line is 100000 bytes long, more than the 65536 a deck line may have"},
		{"500,000 link definitions in one paragraph", []byte("## Q\n" + strings.Repeat("[a]: b\n", 500000)),
			"f.md:1001: 1001 lines without a blank line between them, more than the 1000 a paragraph may have"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			topics, problems := Parse("f.md", tc.src)
			if got := problemLines(problems); len(topics) > 0 || !reflect.DeepEqual(got, []string{tc.want}) {
				t.Errorf("%d topics, problems %q, want %q", len(topics), got, tc.want)
			}
		})
	}

	// Deep but within the limits, deep indentation and long runs of lines
	// inside fenced code, and long Anki files, parse.
	ok := append(staircase(32), "\n```\n"+strings.Repeat(strings.Repeat(" ", 200)+"x\n", 2000)+"```\n"...)
	if topics, problems := Parse("f.md", ok); len(problems) > 0 || len(topics) != 1 {
		t.Errorf("32 levels: %v", problemLines(problems))
	}
	if topics, problems := Parse("f.tsv", []byte(strings.Repeat("q\ta\n", 5000))); len(problems) > 0 || len(topics[0].Cards) != 5000 {
		t.Errorf("5,000 Anki rows: %v", problemLines(problems))
	}
}

// TestNULAndUTF8 checks that NUL bytes and invalid UTF-8 are reported at
// their first line, in every format.
func TestNULAndUTF8(t *testing.T) {
	for _, name := range []string{"f.md", "f.txt"} {
		src := "Q: q\nA: a\x00b\nQ: r\nA: \xffc\x00\n"
		if name == "f.txt" {
			src = "q\ta\x00b\nr\t\xffc\x00\n"
		}
		_, problems := Parse(name, []byte(src))
		line := map[string]string{"f.md": "2", "f.txt": "1"}[name]
		bad := map[string]string{"f.md": "4", "f.txt": "2"}[name]
		want := []string{
			name + ":" + line + ": NUL byte in a deck file (2 in all); a deck is UTF-8 text",
			name + ":" + bad + ": invalid UTF-8 (1 line(s) in all); a deck is UTF-8 text",
		}
		if got := problemLines(problems); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %q, want %q", name, got, want)
		}
	}
}

// TestCheckSpecialAndLargeFiles checks that decks check refuses a FIFO
// without blocking and reads no more of a huge file than it needs.
func TestCheckSpecialAndLargeFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "deck.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	big := filepath.Join(dir, "big.md")
	if err := os.WriteFile(big, bytes.Repeat([]byte("a\n"), 3<<20), 0o644); err != nil {
		t.Fatal(err)
	}
	want := []string{
		fifo + ": not a regular file",
		big + ":2097153: deck is larger than 4 MiB, the most a deck file may hold; split it into several files",
	}
	if got := problemLines(Check([]string{fifo, big})); !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
