package decks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Library is the set of topics a session draws its cards from: the
// built-in decks and those loaded from files, in load order.
type Library struct {
	Topics []*Topic
}

// Topic returns the topic with the given id.
func (l *Library) Topic(id string) (*Topic, bool) {
	for _, t := range l.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return nil, false
}

// Card returns the card with the given id or, failing that, the first card
// whose question is exactly the given text.
func (l *Library) Card(idOrQuestion string) (*Card, bool) {
	for _, t := range l.Topics {
		for _, c := range t.Cards {
			if c.ID == idOrQuestion {
				return c, true
			}
		}
	}
	for _, t := range l.Topics {
		for _, c := range t.Cards {
			if c.Question == idOrQuestion {
				return c, true
			}
		}
	}
	return nil, false
}

// Cards returns every card of the library, topic by topic, in file order.
func (l *Library) Cards() []*Card {
	var out []*Card
	for _, t := range l.Topics {
		out = append(out, t.Cards...)
	}
	return out
}

// LoadError is the error of Load: every problem found in the deck files.
type LoadError struct {
	Problems []Problem
}

// Error lists the problems, one "file:line: message" per line.
func (e *LoadError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Load returns the built-in decks (none when onlyDecks is set) plus the
// decks read from paths. A path is a Markdown file, or a folder whose *.md
// files are read in name order. Any problem in any file (including an id
// used twice across files) makes Load fail with a *LoadError listing them
// all as "file:line: message".
func Load(paths []string, onlyDecks bool) (*Library, error) {
	lib := &Library{}
	if !onlyDecks {
		b, err := Builtin()
		if err != nil {
			return nil, err
		}
		lib = b
	}
	if problems := lib.loadPaths(paths, nil); len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return lib, nil
}

// loadPaths reads the deck files under paths into l and returns their
// problems; a file or folder that cannot be read is a problem too. files,
// when not nil, counts the files read.
func (l *Library) loadPaths(paths []string, files *int) []Problem {
	var problems []Problem
	seen := map[string]bool{}
	for _, path := range paths {
		names, err := deckFiles(path)
		if err != nil {
			problems = append(problems, fileProblem(path, err))
			continue
		}
		for _, name := range names {
			if abs, err := filepath.Abs(name); err == nil {
				if seen[abs] {
					continue
				}
				seen[abs] = true
			}
			src, err := os.ReadFile(name)
			if err != nil {
				problems = append(problems, fileProblem(name, err))
				continue
			}
			if files != nil {
				*files++
			}
			topics, ps := Parse(name, src)
			ps = append(ps, l.add(topics)...)
			if len(topics) == 0 && len(ps) == 0 {
				ps = append(ps, Problem{File: name, Msg: "no questions found"})
			}
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
			problems = append(problems, ps...)
		}
	}
	return problems
}

// fileProblem turns an I/O error on path into a problem.
func fileProblem(path string, err error) Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{File: path, Msg: err.Error()}
}

// deckFiles returns path itself when it is a file, or the *.md files of the
// folder path sorted by name (hidden files skipped).
func deckFiles(path string) ([]string, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return []string{path}, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") || !strings.EqualFold(filepath.Ext(n), ".md") {
			continue
		}
		names = append(names, filepath.Join(path, n))
	}
	if len(names) == 0 {
		return nil, errors.New("no .md deck files in this folder")
	}
	return names, nil
}

// add appends topics to the library. A topic whose id the library already
// has is a problem and is left out; so is a card id already used by a card
// of the library. Duplicates among the new topics themselves are Parse's
// to report.
func (l *Library) add(topics []*Topic) []Problem {
	var problems []Problem
	topicAt := map[string]*Topic{}
	cardAt := map[string]*Card{}
	for _, t := range l.Topics {
		topicAt[t.ID] = t
		for _, c := range t.Cards {
			cardAt[c.ID] = c
		}
	}
	for _, t := range topics {
		if prev, dup := topicAt[t.ID]; dup {
			problems = append(problems, Problem{
				File: topicFile(t), Line: t.Line,
				Msg: fmt.Sprintf("duplicate topic id %q, first used at %s:%d", t.ID, topicFile(prev), prev.Line),
			})
			continue
		}
		for _, c := range t.Cards {
			if prev, dup := cardAt[c.ID]; dup {
				problems = append(problems, Problem{
					File: c.Source, Line: c.Line,
					Msg: fmt.Sprintf("duplicate card id %q, first used at %s:%d", c.ID, prev.Source, prev.Line),
				})
			}
		}
		l.Topics = append(l.Topics, t)
	}
	return problems
}

// topicFile returns the file a topic was read from.
func topicFile(t *Topic) string {
	if len(t.Cards) > 0 && t.Cards[0].Source != "" {
		return t.Cards[0].Source
	}
	return t.Source
}

// clone returns a deep copy of the library, so that callers may reorder
// or edit it without touching the cached built-in decks.
func (l *Library) clone() *Library {
	out := &Library{Topics: make([]*Topic, len(l.Topics))}
	for i, t := range l.Topics {
		nt := *t
		nt.Cards = make([]*Card, len(t.Cards))
		for j, c := range t.Cards {
			nc := *c
			nc.KeyPoints = make([]KeyPoint, len(c.KeyPoints))
			for k, kp := range c.KeyPoints {
				kp.Phrasings = append([]string(nil), kp.Phrasings...)
				nc.KeyPoints[k] = kp
			}
			nt.Cards[j] = &nc
		}
		out.Topics[i] = &nt
	}
	return out
}
