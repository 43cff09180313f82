package decks

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Library is the set of topics a session draws its cards from: the
// built-in decks and those loaded from files, in load order.
type Library struct {
	Topics []*Topic
	// Merged lists the cards left out because a card loaded before them,
	// from another file, asks the same question (compared after
	// normalising case, accents, punctuation and spacing), so that a
	// question is asked once. A topic all of whose cards were merged away
	// is left out too.
	Merged []Merge
}

// Merge records one card left out of a Library for asking the same
// question as a card already there.
type Merge struct {
	Kept    *Card // the card kept, loaded first
	Dropped *Card // the card left out
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

// Card returns the card or follow-up with the given id or, failing that,
// the first card whose question is exactly the given text, or the card
// kept in place of a merged card with that id.
func (l *Library) Card(idOrQuestion string) (*Card, bool) {
	var found *Card
	l.walk(func(c *Card) bool {
		if c.ID == idOrQuestion {
			found = c
		}
		return found == nil
	})
	if found == nil {
		l.walk(func(c *Card) bool {
			if c.Question == idOrQuestion {
				found = c
			}
			return found == nil
		})
	}
	if found == nil {
		for _, m := range l.Merged {
			if m.Dropped.ID == idOrQuestion {
				return m.Kept, true
			}
		}
	}
	return found, found != nil
}

// walk calls f on every card and follow-up, each card before its
// follow-ups, until f returns false.
func (l *Library) walk(f func(*Card) bool) {
	for _, t := range l.Topics {
		for _, c := range t.Cards {
			if !f(c) {
				return
			}
			for _, fu := range c.FollowUps {
				if !f(fu) {
					return
				}
			}
		}
	}
}

// Cards returns every card of the library, topic by topic, in file order.
// Follow-ups are not among them: they hang off their card (Card.FollowUps).
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
// decks read from paths. A path is a deck file in any format Parse reads,
// or a folder whose deck files (.md, .markdown, .txt, .tsv, .csv) are read
// in name order. A question asked again by a later file is kept once (see
// Library.Merged). Any problem in any file (including an id used twice
// across files) makes Load fail with a *LoadError listing them all as
// "file:line: message".
func Load(paths []string, onlyDecks bool) (*Library, error) {
	return LoadCached(paths, onlyDecks, nil)
}

// LoadCached is Load with the parsed deck files kept in cache (nil for
// none), so that a file is parsed again only when its content changes.
func LoadCached(paths []string, onlyDecks bool, cache *Cache) (*Library, error) {
	lib := &Library{}
	if !onlyDecks {
		b, err := Builtin()
		if err != nil {
			return nil, err
		}
		lib = b
	}
	if problems := lib.loadPaths(paths, nil, false, cache); len(problems) > 0 {
		return nil, &LoadError{Problems: problems}
	}
	return lib, nil
}

// loadPaths reads the deck files under paths into l and returns their
// problems; a file or folder that cannot be read is a problem too. files,
// when not nil, counts the files read. lint adds the problems Lint finds
// in the cards of each file. cache, when not nil, keeps the parsed files.
func (l *Library) loadPaths(paths []string, files *int, lint bool, cache *Cache) []Problem {
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
			src, err := readDeck(name)
			if err != nil {
				problems = append(problems, fileProblem(name, err))
				continue
			}
			if files != nil {
				*files++
			}
			topics, ps := cache.parse(name, src)
			ps = append(ps, l.add(topics)...)
			if lint {
				for _, t := range topics {
					for _, c := range t.Cards {
						ps = append(ps, Lint(c)...)
					}
				}
			}
			if len(topics) == 0 && len(ps) == 0 {
				ps = append(ps, Problem{File: name, Msg: "no questions found"})
			}
			sort.SliceStable(ps, func(i, j int) bool { return ps[i].Line < ps[j].Line })
			problems = append(problems, ps...)
		}
	}
	return problems
}

// readDeck reads a deck file, no more than one byte past MaxDeckSize
// (Parse reports the file as too large). Anything but a regular file, such
// as a FIFO that would block, is refused.
func readDeck(name string) ([]byte, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxDeckSize+1))
}

// fileProblem turns an I/O error on path into a problem.
func fileProblem(path string, err error) Problem {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return Problem{File: path, Msg: err.Error()}
}

// deckFiles returns path itself when it is a file, or the deck files of
// the folder path (extensions in deckExts) sorted by name, hidden files
// skipped.
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
		if e.IsDir() || strings.HasPrefix(n, ".") || !slices.Contains(deckExts, strings.ToLower(filepath.Ext(n))) {
			continue
		}
		names = append(names, filepath.Join(path, n))
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("no deck files (%s) in this folder", strings.Join(deckExts, ", "))
	}
	return names, nil
}

// add appends topics to the library. A card asking the same question as
// a card of another file already in the library is left out and recorded
// in Merged. A topic whose id the library already has is a problem and is
// left out; so is a card id already used by a card of the library.
// Duplicates among the new topics themselves are Parse's to report.
func (l *Library) add(topics []*Topic) []Problem {
	var problems []Problem
	topicAt := map[string]*Topic{}
	cardAt := map[string]*Card{}
	asked := map[string]*Card{}
	for _, t := range l.Topics {
		topicAt[t.ID] = t
		for _, c := range t.Cards {
			asked[normQuestion(c.Question)] = c
		}
	}
	l.walk(func(c *Card) bool { cardAt[c.ID] = c; return true })
	for _, t := range topics {
		if prev, dup := topicAt[t.ID]; dup {
			problems = append(problems, Problem{
				File: topicFile(t), Line: t.Line,
				Msg: fmt.Sprintf("duplicate topic id %q, first used at %s:%d", t.ID, topicFile(prev), prev.Line),
			})
			continue
		}
		kept := t.Cards[:0:0]
		for _, c := range t.Cards {
			if prev, ok := asked[normQuestion(c.Question)]; ok && prev.Source != c.Source {
				l.Merged = append(l.Merged, Merge{Kept: prev, Dropped: c})
				continue
			}
			kept = append(kept, c)
			for _, c := range append([]*Card{c}, c.FollowUps...) {
				if prev, dup := cardAt[c.ID]; dup {
					problems = append(problems, Problem{
						File: c.Source, Line: c.Line,
						Msg: fmt.Sprintf("duplicate card id %q, first used at %s:%d", c.ID, prev.Source, prev.Line),
					})
				}
			}
		}
		if len(kept) == 0 {
			continue
		}
		t.Cards = kept
		l.Topics = append(l.Topics, t)
	}
	return problems
}

// normQuestion is the form in which two questions count as the same: lower
// case, accents dropped, runs of anything but letters and digits reduced
// to one space.
func normQuestion(q string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFKD.String(q) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
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
			nt.Cards[j] = c.clone()
		}
		out.Topics[i] = &nt
	}
	return out
}

// clone returns a deep copy of the card and its follow-ups.
func (c *Card) clone() *Card {
	nc := *c
	nc.KeyPoints = cloneKeyPoints(c.KeyPoints)
	nc.Misconceptions = cloneKeyPoints(c.Misconceptions)
	nc.AlsoAccepted = slices.Clone(c.AlsoAccepted)
	nc.Sources = slices.Clone(c.Sources)
	if c.FollowUps != nil {
		nc.FollowUps = make([]*Card, len(c.FollowUps))
		for i, f := range c.FollowUps {
			nc.FollowUps[i] = f.clone()
		}
	}
	return &nc
}

func cloneKeyPoints(kps []KeyPoint) []KeyPoint {
	if kps == nil {
		return nil
	}
	out := make([]KeyPoint, len(kps))
	for i, kp := range kps {
		kp.Phrasings = slices.Clone(kp.Phrasings)
		out[i] = kp
	}
	return out
}
