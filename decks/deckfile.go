package decks

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
)

// Problem is one defect in a deck file: the file, the 1-based line where it
// is (0 when it concerns the whole file) and what is wrong.
type Problem struct {
	File string
	Line int
	Msg  string
}

// String formats the problem as "file:line: msg", or "file: msg" when it
// has no line.
func (p Problem) String() string {
	if p.Line <= 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// problemList collects the problems of one file.
type problemList struct {
	name string
	list []Problem
}

func (pl *problemList) problem(line int, format string, args ...any) {
	pl.list = append(pl.list, Problem{File: pl.name, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// sorted returns the problems ordered by line, in the order found within
// a line.
func (pl *problemList) sorted() []Problem {
	sort.SliceStable(pl.list, func(i, j int) bool { return pl.list[i].Line < pl.list[j].Line })
	return pl.list
}

// format reads one kind of deck file into topics whose cards have no ids
// yet: assignIDs gives them, the same way for every format.
type format interface {
	name() string
	// match reports whether a file with extension ext (lower case, with
	// its dot) and content src is in this format.
	match(ext string, src []byte) bool
	// read returns the file's topics, reporting problems to pl.
	read(name string, src []byte, pl *problemList) []*draftTopic
}

// formats are tried in order; the first that matches reads the file.
var formats = []format{ankiFormat{}, qaFormat{}, markdownFormat{}}

// deckExts are the extensions of the files read from a deck folder.
var deckExts = []string{".md", ".markdown", ".txt", ".tsv", ".csv"}

// formatOf returns the format of a file from its name and content.
func formatOf(name string, src []byte) format {
	ext := strings.ToLower(filepath.Ext(name))
	for _, f := range formats {
		if f.match(ext, src) {
			return f
		}
	}
	return markdownFormat{}
}

// Parse reads one deck file. name is used in problems and as the Source of
// topics and cards, and its extension with the content chooses the format:
// Markdown (grill's own, the default), Anki's text export (.txt, .tsv,
// .csv) or the Q:/A: Markdown of hashcards and repeater. Parse returns the
// topics with their cards, and every problem found, ordered by line. It
// never panics: a file it cannot make sense of gives problems, not a
// crash. Files beyond the limits (see MaxDeckSize) give a problem at once.
func Parse(name string, src []byte) (topics []*Topic, problems []Problem) {
	return parseAs(nil, name, src)
}

// parseAs is Parse in format f, or in the format formatOf chooses when f
// is nil.
func parseAs(f format, name string, src []byte) (topics []*Topic, problems []Problem) {
	pl := &problemList{name: name}
	defer func() {
		if r := recover(); r != nil {
			topics = nil
			pl.problem(1, "internal error: %v", r)
			problems = pl.sorted()
		}
	}()
	if tooLarge(src, pl) {
		return nil, pl.sorted()
	}
	if f == nil {
		f = formatOf(name, src)
	}
	if !checkLimits(src, pl, f) {
		return nil, pl.sorted()
	}
	drafts := f.read(name, src, pl)
	topics = assignIDs(drafts, pl.problem)
	return topics, pl.sorted()
}
