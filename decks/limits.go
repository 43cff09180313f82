package decks

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Limits on a deck file, so that a hostile or mistaken file is refused in
// bounded time and memory instead of being parsed for minutes:
//
//   - MaxDeckSize: a deck file holds at most 4 MiB (the built-in decks are
//     well under 100 KiB); files are read no further than that.
//   - MaxLineLength: a line holds at most 64 KiB (an Anki row with a long
//     HTML answer fits).
//   - MaxNesting: lists and block quotes nest at most 32 levels deep,
//     counted outside fenced code from the markers at the start of a line
//     ("- ", "1. ", "> ") and its indentation (two columns a level), in
//     the Markdown formats.
//   - MaxParagraphLines: in grill's Markdown, a run of non-blank lines
//     outside fenced code is at most 1,000 lines (the Markdown parser
//     slows down quadratically on long runs of link definitions).
//
// A file over a limit gives one problem at the line where it goes over,
// and is not parsed further. A NUL byte or bytes that are not UTF-8 are
// problems too, at their first line, but the file is still read.
const (
	MaxDeckSize   = 4 << 20
	MaxLineLength = 64 << 10
	MaxNesting    = 32

	MaxParagraphLines = 1000
)

// tooLarge reports a file over MaxDeckSize at the line holding its first
// byte past the limit.
func tooLarge(src []byte, pl *problemList) bool {
	if len(src) <= MaxDeckSize {
		return false
	}
	line := 1 + bytes.Count(src[:MaxDeckSize], []byte("\n"))
	pl.problem(line, "deck is larger than %d MiB, the most a deck file may hold; split it into several files", MaxDeckSize>>20)
	return true
}

// checkLimits reports what in src, a file in format f, breaks the limits
// on lines, nesting and paragraphs, NUL bytes and invalid UTF-8, and
// whether the file may be parsed.
func checkLimits(src []byte, pl *problemList, f format) bool {
	_, isAnki := f.(ankiFormat)
	_, isMarkdown := f.(markdownFormat)
	ok := true
	run := 0 // non-blank lines in a row, outside fenced code
	nulLine, nuls, badLine, bads := 0, 0, 0, 0
	validUTF8 := utf8.Valid(src)
	fence := ""
	for n, off := 1, 0; off < len(src); n++ {
		line, next := lineAt(src, off)
		off = next
		if len(line) > MaxLineLength {
			pl.problem(n, "line is %d bytes long, more than the %d a deck line may have", len(line), MaxLineLength)
			return false
		}
		if k := bytes.Count(line, []byte{0}); k > 0 {
			nuls += k
			if nulLine == 0 {
				nulLine = n
			}
		}
		if !validUTF8 && !utf8.Valid(line) {
			bads++
			if badLine == 0 {
				badLine = n
			}
		}
		if isAnki {
			continue
		}
		var depth int
		wasFenced := fence != ""
		depth, fence = nesting(line, fence)
		if depth > MaxNesting && ok {
			pl.problem(n, "lists and block quotes nest more than %d levels deep here, the most a deck may have", MaxNesting)
			ok = false
		}
		switch {
		case wasFenced || fence != "" || len(bytes.TrimSpace(line)) == 0:
			run = 0
		case isMarkdown:
			run++
			if run == MaxParagraphLines+1 && ok {
				pl.problem(n, "%d lines without a blank line between them, more than the %d a paragraph may have", run, MaxParagraphLines)
				ok = false
			}
		}
	}
	if nulLine > 0 {
		pl.problem(nulLine, "NUL byte in a deck file (%d in all); a deck is UTF-8 text", nuls)
	}
	if badLine > 0 {
		pl.problem(badLine, "invalid UTF-8 (%d line(s) in all); a deck is UTF-8 text", bads)
	}
	return ok
}

// nesting estimates how deep the line sits in lists and block quotes: one
// level for each marker that opens the line ("- ", "* ", "+ ", "1. ",
// "1) ", ">") and one for every two columns of indentation before them.
// fence is the fence of the fenced code block the line is in, "" if none;
// nesting returns the fence after the line.
func nesting(line []byte, fence string) (int, string) {
	s := string(line)
	trimmed := strings.TrimLeft(s, " \t")
	indent := len(s) - len(trimmed)
	if fence != "" {
		if strings.HasPrefix(trimmed, fence) {
			return 0, ""
		}
		return 0, fence
	}
	if strings.HasPrefix(trimmed, "```") {
		return 0, "```"
	}
	if strings.HasPrefix(trimmed, "~~~") {
		return 0, "~~~"
	}
	depth := 0
	for i := indent; i < len(s) && depth <= MaxNesting; {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '>':
			depth++
			i++
		case (c == '-' || c == '*' || c == '+') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t'):
			depth++
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && j-i < 9 && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j < len(s) && (s[j] == '.' || s[j] == ')') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t') {
				depth++
				i = j + 1
				continue
			}
			return depth + indent/2, fence
		default:
			return depth + indent/2, fence
		}
	}
	return depth + indent/2, fence
}
