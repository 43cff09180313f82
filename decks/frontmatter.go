package decks

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/BurntSushi/toml"
)

// frontMatter is the optional TOML block between "+++" lines at the top of
// a deck file.
type frontMatter struct {
	Topic     string
	TopicLine int
	Title     string
	TimeLimit time.Duration
	// Difficulty is the default difficulty of the file's cards, 0 when unset.
	Difficulty int
}

// fmDelim is the line that opens and closes the front matter.
const fmDelim = "+++"

// splitFrontMatter finds the front matter at the start of src. It returns
// the TOML text, the byte offset where the Markdown body starts, whether
// front matter was found at all and whether its closing line was found.
// The TOML text starts on line 2 of the file.
func splitFrontMatter(src []byte) (tomlText []byte, bodyStart int, found, closed bool) {
	off := 0
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		off = 3
	}
	first, next := lineAt(src, off)
	if string(bytes.TrimRight(first, " \t\r")) != fmDelim {
		return nil, 0, false, false
	}
	start := next
	for pos := next; pos < len(src); {
		line, nextPos := lineAt(src, pos)
		if string(bytes.TrimRight(line, " \t\r")) == fmDelim {
			return src[start:pos], nextPos, true, true
		}
		pos = nextPos
	}
	return src[start:], len(src), true, false
}

// lineAt returns the line starting at off, without its '\n', and the offset
// of the next line.
func lineAt(src []byte, off int) (line []byte, next int) {
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		return src[off : off+i], off + i + 1
	}
	return src[off:], len(src)
}

// decodeFrontMatter decodes the TOML text strictly: syntax errors, unknown
// keys, values of the wrong type and bad durations are problems, each with
// its line in the file (the TOML text starts on file line 2).
func (p *parser) decodeFrontMatter(text []byte) frontMatter {
	var fm frontMatter
	var raw map[string]any
	if _, err := toml.Decode(string(text), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.problem(1+max(pe.Position.Line, 1), "front matter: %s", pe.Message)
		} else {
			p.problem(1, "front matter: %v", err)
		}
		return fm
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		line := keyLine(text, k)
		v := raw[k]
		switch k {
		case "topic":
			s, ok := v.(string)
			switch {
			case !ok:
				p.problem(line, "front matter: topic must be a string")
			case !validTopicID(s):
				p.problem(line, "front matter: bad topic id %q (no spaces or '/')", s)
			default:
				fm.Topic, fm.TopicLine = s, line
			}
		case "title":
			s, ok := v.(string)
			if !ok {
				p.problem(line, "front matter: title must be a string")
				continue
			}
			fm.Title = strings.TrimSpace(s)
		case "time_limit":
			s, ok := v.(string)
			if !ok {
				p.problem(line, `front matter: time_limit must be a duration string such as "3m" or "90s"`)
				continue
			}
			d, ok := parseTime(s)
			if !ok {
				p.problem(line, `front matter: bad time_limit %q (want a duration such as "3m" or "90s")`, s)
				continue
			}
			fm.TimeLimit = d
		case "difficulty":
			n, ok := v.(int64)
			if !ok || n < 1 || n > 3 {
				p.problem(line, "front matter: difficulty must be 1, 2 or 3, got %s", tomlValue(v))
				continue
			}
			fm.Difficulty = int(n)
		default:
			p.problem(line, "front matter: unknown key %q", k)
		}
	}
	return fm
}

// tomlValue formats a decoded TOML value for a problem message.
func tomlValue(v any) string {
	switch t := v.(type) {
	case string:
		return strconv.Quote(t)
	case int64, float64, bool:
		return fmt.Sprint(t)
	}
	return fmt.Sprintf("a %T", v)
}

// parseTime parses a positive Go duration such as "3m" or "90s".
func parseTime(s string) (time.Duration, bool) {
	d, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil || d <= 0 {
		return 0, false
	}
	return d, true
}

// keyLine returns the file line on which the top-level key k is set in the
// front matter text: "k = ...", "k.sub = ...", "[k]" or "[k.sub]", with or
// without quotes around k. It falls back to the first front matter line.
func keyLine(text []byte, k string) int {
	names := []string{k, `"` + k + `"`, "'" + k + "'"}
	for i, line := range strings.Split(string(text), "\n") {
		s := strings.TrimLeft(line, " \t[")
		for _, name := range names {
			rest, ok := strings.CutPrefix(s, name)
			if !ok {
				continue
			}
			rest = strings.TrimLeft(rest, " \t")
			if rest != "" && strings.ContainsRune("=.]", rune(rest[0])) {
				return i + 2
			}
		}
	}
	return 2
}

// validTopicID reports whether s can be a topic id: non-empty, no white
// space, no '/' (card ids are "topic/slug").
func validTopicID(s string) bool {
	return s != "" && !strings.ContainsRune(s, '/') && strings.IndexFunc(s, unicode.IsSpace) < 0
}

// validCardID reports whether s can be a card id: non-empty, no white
// space, no empty segment around '/'.
func validCardID(s string) bool {
	if s == "" || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return false
	}
	for _, seg := range strings.Split(s, "/") {
		if seg == "" {
			return false
		}
	}
	return true
}
