package decks

import (
	"bytes"
	"cmp"
	"path/filepath"
	"regexp"
	"strings"
)

// qaFormat reads the Q:/A: Markdown of hashcards and repeater:
//
//	Q: What is the order of a group?
//	A: The cardinality of its underlying set.
//
// A card starts at a "Q:" line and its answer at the following "A:" line;
// both may run over several lines. The card ends at the next "Q:" or "C:"
// line or at a "---" line; text after a "---" and before the next marker is
// a note and is left out. Markers count only at the start of a line and
// outside fenced code. "C:" cloze cards are not questions grill can ask and
// are skipped. The topic's id comes from the file name and its title from
// the first "# " heading, else the file name; TOML front matter between "+++" lines may set topic, title,
// time_limit and difficulty as in grill's own decks.
type qaFormat struct{}

func (qaFormat) name() string { return "Q:/A: Markdown" }

// match takes files that hold at least one Q:/A: pair and none of the
// marks of grill's own format (an id comment, a Key points block).
func (qaFormat) match(ext string, src []byte) bool {
	if ext == ".tsv" || ext == ".csv" {
		return false
	}
	return looksQA(src)
}

var grillMarkRe = regexp.MustCompile(`(?im)<!--\s*id\s*:|^\*\*key points:?\*\*\s*$`)

// looksQA reports whether src holds a "Q:" line followed by an "A:" line
// before the next marker, and no sign of grill's own Markdown format.
func looksQA(src []byte) bool {
	if grillMarkRe.Match(src) {
		return false
	}
	inQ := false
	found := false
	scanQA(src, func(_ int, line []byte, marker byte) bool {
		switch marker {
		case 'Q':
			inQ = true
		case 'A':
			if inQ {
				found = true
				return false
			}
		case 'C', '-':
			inQ = false
		}
		return true
	})
	return found
}

// scanQA calls f for every line of src with its 1-based number and its
// marker: 'Q', 'A' or 'C' for a line starting with that marker, '-' for a
// "---" line, 0 for any other line, and for every line inside fenced code.
// f returns false to stop.
func scanQA(src []byte, f func(n int, line []byte, marker byte) bool) {
	fence := ""
	for n, off := 1, 0; off < len(src); n++ {
		line, next := lineAt(src, off)
		off = next
		line = bytes.TrimSuffix(line, []byte("\r"))
		var marker byte
		trimmed := strings.TrimLeft(string(line), " ")
		switch {
		case fence != "":
			if len(line)-len(trimmed) <= 3 && strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]+" \t") == "" {
				fence = ""
			}
		case len(line)-len(trimmed) <= 3 && (strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")):
			fence = trimmed[:3]
		case len(line) >= 2 && line[1] == ':' && (line[0] == 'Q' || line[0] == 'A' || line[0] == 'C') &&
			(len(line) == 2 || line[2] == ' ' || line[2] == '\t'):
			marker = line[0]
		case len(line) >= 3 && strings.Trim(string(line), "-") == "" && !bytes.ContainsAny(line, " \t"):
			marker = '-'
		}
		if !f(n, line, marker) {
			return
		}
	}
}

func (qaFormat) read(name string, src []byte, pl *problemList) []*draftTopic {
	p := &parser{problemList: pl}
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	fmText, bodyStart, found, closed := splitFrontMatter(src)
	if found && !closed {
		p.problem(1, `front matter opened by "+++" is not closed by a "+++" line`)
		return nil
	}
	firstLine := 1
	if found {
		p.fm = p.decodeFrontMatter(fmText)
		firstLine += bytes.Count(src[:bodyStart], []byte("\n"))
		src = src[bodyStart:]
	}

	var cards []*cardBuilder
	title := ""
	type state uint8
	const (
		outside state = iota
		inQuestion
		inAnswer
		inCloze
	)
	st := outside
	var q, a []string
	qLine := 0
	flush := func() {
		if st == inQuestion || st == inAnswer {
			question := strings.Join(strings.Fields(strings.Join(q, " ")), " ")
			answer := trimAnswer([]byte(strings.Join(a, "\n")))
			switch {
			case question == "":
				p.problem(qLine, "Q: has no question text")
			case st == inQuestion:
				p.problem(qLine, "question %q has no answer (no A: line after it)", question)
			case answer == "":
				p.problem(qLine, "question %q has no answer", question)
			default:
				cards = append(cards, &cardBuilder{card: &Card{Question: question, Answer: answer, Source: name, Line: qLine}})
			}
		}
		st, q, a = outside, nil, nil
	}
	scanQA(src, func(n int, line []byte, marker byte) bool {
		n += firstLine - 1
		rest := ""
		if marker == 'Q' || marker == 'A' || marker == 'C' {
			rest = strings.TrimSpace(string(line[2:]))
		}
		switch marker {
		case 'Q':
			flush()
			st, qLine, q = inQuestion, n, []string{rest}
		case 'A':
			if st != inQuestion {
				p.problem(n, "A: without a Q: before it")
				flush()
				return true
			}
			st, a = inAnswer, []string{rest}
		case 'C':
			flush()
			st = inCloze
		case '-':
			flush()
		default:
			switch st {
			case inQuestion:
				q = append(q, string(line))
			case inAnswer:
				a = append(a, string(line))
			case outside:
				if t, ok := strings.CutPrefix(string(line), "# "); ok && title == "" && len(cards) == 0 {
					title = strings.TrimSpace(t)
				}
			}
		}
		return true
	})
	flush()
	if len(cards) == 0 {
		return nil
	}
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	title = cmp.Or(p.fm.Title, title, base)
	topic := &Topic{
		ID:         cmp.Or(p.fm.Topic, Slug(p.fm.Title), Slug(base), "deck"),
		Title:      title,
		Source:     name,
		Line:       1,
		TimeLimit:  p.fm.TimeLimit,
		Difficulty: p.fm.Difficulty,
	}
	return []*draftTopic{{topic: topic, cards: cards}}
}
