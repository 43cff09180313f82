package decks

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ankiFormat reads Anki's text export and import files (.txt, .tsv, .csv):
// one note per row, fields separated by a tab, comma, semicolon, …, a
// field in double quotes may hold separators and new lines ("" for a
// quote). Header lines at the top, "#key:value", follow Anki's rules:
//
//	#separator:  Comma, Semicolon, Tab, Space, Pipe, Colon, or the character
//	#html:       true or false: fields are HTML (tags dropped, <br> and
//	             block ends become new lines, entities decoded)
//	#columns:    column names, split by the separator
//	#deck:       the deck, which becomes the topic
//	#notetype:   the note type; a Cloze note type is skipped
//	#tags:, #tags column:, #deck column:, #notetype column:, #guid column:
//
// Other lines starting with '#' are comments. The question is the first
// column that is not a tags, deck, note type or GUID column (or the one
// #columns names Front or Question), the answer the next (or Back or
// Answer). Without a #separator header the separator is a tab when the
// first row holds one, else ';', else ','; a .csv file defaults to ','.
// Without #html the fields are HTML when any holds a tag. Rows of a deck
// column become one topic per deck. Cloze notes ({{c1::…}}) are not
// questions grill can ask and are skipped.
type ankiFormat struct{}

func (ankiFormat) name() string { return "Anki text" }

func (ankiFormat) match(ext string, src []byte) bool {
	switch ext {
	case ".tsv", ".csv":
		return true
	case ".txt":
		return ankiHeaderRe.Match(src) || !looksQA(src)
	}
	return false
}

// ankiHeaderRe finds an Anki file header on the first line.
var ankiHeaderRe = regexp.MustCompile(`^(?:\x{FEFF})?(?:tags:|#(?:separator|html|tags|columns|notetype|deck|notetype column|deck column|tags column|guid column):)`)

// ankiSeparators are the named separators of the #separator header.
var ankiSeparators = map[string]rune{
	"comma": ',', "semicolon": ';', "tab": '\t', "space": ' ', "pipe": '|', "colon": ':',
}

// ankiHeaders holds what a file's header lines say.
type ankiHeaders struct {
	sep                   rune // 0: not set
	sepLine               int
	html                  int // -1 false, 1 true, 0 not set
	columns               []string
	deck, notetype        string
	deckLine              int
	tagsCol, deckCol      int // 1-based, 0 when none
	notetypeCol, guidCol  int
	dataStart, dataLineNo int // byte offset and 1-based line of the first row
}

var htmlTagRe = regexp.MustCompile(`</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>`)

func (ankiFormat) read(name string, src []byte, pl *problemList) []*draftTopic {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	h := readAnkiHeaders(src, pl)
	data := src[h.dataStart:]
	if h.sep == 0 {
		h.sep = guessSeparator(data, strings.ToLower(filepath.Ext(name)))
	}
	if !validSeparator(h.sep) {
		return nil // reported with the header
	}
	isHTML := h.html > 0 || (h.html == 0 && htmlTagRe.Match(data))

	// Which columns hold the question and the answer.
	special := map[int]bool{h.tagsCol: true, h.deckCol: true, h.notetypeCol: true, h.guidCol: true}
	var regular []int // 0-based
	width := max(len(h.columns), h.tagsCol, h.deckCol, h.notetypeCol, h.guidCol)
	for i := 0; i < max(width, 2+len(special)); i++ {
		if !special[i+1] {
			regular = append(regular, i)
		}
	}
	qCol, aCol := regular[0], regular[1]
	for i, c := range h.columns {
		switch strings.ToLower(strings.TrimSpace(c)) {
		case "front", "question":
			qCol = i
		case "back", "answer":
			aCol = i
		}
	}

	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = h.sep
	r.Comment = '#'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = true

	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	var drafts []*draftTopic
	byDeck := map[string]*draftTopic{}
	topicFor := func(deck string, line int) *draftTopic {
		if d, ok := byDeck[deck]; ok {
			return d
		}
		title := cmp.Or(strings.ReplaceAll(deck, "::", " / "), base)
		id := cmp.Or(Slug(strings.ReplaceAll(deck, "::", " ")), Slug(base), "deck")
		if deck == h.deck && h.deckLine > 0 {
			line = h.deckLine
		}
		d := &draftTopic{topic: &Topic{ID: id, Title: title, Source: name, Line: line}}
		byDeck[deck] = d
		drafts = append(drafts, d)
		return d
	}
	field := func(rec []string, col int) string {
		if col < 0 || col >= len(rec) {
			return ""
		}
		return rec[col]
	}
	cloze := 0
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 1
			if errors.As(err, &pe) {
				line = h.dataLineNo + pe.Line - 1
				err = pe.Err
			}
			pl.problem(line, "%v", err)
			break
		}
		row, _ := r.FieldPos(0)
		line := h.dataLineNo + row - 1
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		notetype := cmp.Or(field(rec, h.notetypeCol-1), h.notetype)
		front, back := field(rec, qCol), field(rec, aCol)
		if strings.Contains(strings.ToLower(notetype), "cloze") || strings.Contains(front, "{{c") && strings.Contains(front, "::") {
			cloze++
			continue
		}
		if isHTML {
			front, back = htmlToText(front), htmlToText(back)
		}
		question := strings.Join(strings.Fields(front), " ")
		answer := trimAnswer([]byte(strings.ReplaceAll(back, "\r\n", "\n")))
		switch {
		case question == "":
			pl.problem(line, "row has no question (column %d is empty)", qCol+1)
			continue
		case answer == "":
			pl.problem(line, "question %q has no answer (column %d is empty)", question, aCol+1)
			continue
		}
		d := topicFor(cmp.Or(strings.TrimSpace(field(rec, h.deckCol-1)), h.deck), line)
		d.cards = append(d.cards, &cardBuilder{card: &Card{Question: question, Answer: answer, Source: name, Line: line}})
	}
	if len(drafts) == 0 && cloze > 0 {
		pl.problem(0, "no questions found: the file's %d note(s) are cloze deletions, which grill cannot ask", cloze)
	}
	return drafts
}

// readAnkiHeaders reads the "#key:value" lines at the top of an Anki text
// file (a legacy "tags:" line may come first).
func readAnkiHeaders(src []byte, pl *problemList) ankiHeaders {
	h := ankiHeaders{dataLineNo: 1}
	off := 0
	for n := 1; off < len(src); n++ {
		raw, next := lineAt(src, off)
		line := strings.TrimSuffix(string(raw), "\r")
		if n == 1 && strings.HasPrefix(line, "tags:") {
			off, h.dataStart, h.dataLineNo = next, next, n+1
			continue
		}
		key, value, ok := strings.Cut(strings.TrimPrefix(line, "#"), ":")
		if !strings.HasPrefix(line, "#") || !ok {
			break
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "separator":
			if r, ok := ankiSeparators[strings.ToLower(value)]; ok {
				h.sep = r
			} else if utf8.RuneCountInString(value) == 1 {
				h.sep, _ = utf8.DecodeRuneInString(value)
			} else if value == "" && strings.Contains(line, "\t") {
				h.sep = '\t'
			} else {
				pl.problem(n, "#separator: %q is not Comma, Semicolon, Tab, Space, Pipe, Colon or one character", value)
			}
			if h.sep != 0 && !validSeparator(h.sep) {
				pl.problem(n, "#separator: %q cannot separate fields", h.sep)
			}
			h.sepLine = n
		case "html":
			switch strings.ToLower(value) {
			case "true":
				h.html = 1
			case "false":
				h.html = -1
			default:
				pl.problem(n, "#html: %q is not true or false", value)
			}
		case "columns":
			sep := h.sep
			if sep == 0 {
				sep = '\t'
			}
			// The raw value keeps tabs that TrimSpace would eat at the ends.
			_, rawValue, _ := strings.Cut(line, ":")
			h.columns = strings.Split(rawValue, string(sep))
		case "deck":
			h.deck, h.deckLine = value, n
		case "notetype":
			h.notetype = value
		case "tags":
		case "tags column", "deck column", "notetype column", "guid column":
			col, err := strconv.Atoi(value)
			if err != nil || col < 1 || col > 1000 {
				pl.problem(n, "#%s: %q is not a column number (1, 2, 3, …)", key, value)
				break
			}
			switch key {
			case "tags column":
				h.tagsCol = col
			case "deck column":
				h.deckCol = col
			case "notetype column":
				h.notetypeCol = col
			case "guid column":
				h.guidCol = col
			}
		default:
			// Another comment line ends the headers.
			return h
		}
		off, h.dataStart, h.dataLineNo = next, next, n+1
	}
	return h
}

// validSeparator reports whether r can separate fields: not a quote, the
// comment character or a line end, and a valid character.
func validSeparator(r rune) bool {
	return r != '#' && r != '"' && r != '\r' && r != '\n' && r != utf8.RuneError && utf8.ValidRune(r)
}

// guessSeparator picks the separator of a file without a #separator
// header from its first row that is not a comment.
func guessSeparator(data []byte, ext string) rune {
	if ext == ".tsv" {
		return '\t'
	}
	first := []byte{}
	for off := 0; off < len(data); {
		line, next := lineAt(data, off)
		off = next
		if len(bytes.TrimSpace(line)) > 0 && line[0] != '#' {
			first = line
			break
		}
	}
	switch {
	case bytes.IndexByte(first, '\t') >= 0:
		return '\t'
	case ext == ".csv" && bytes.IndexByte(first, ',') >= 0:
		return ','
	case bytes.IndexByte(first, ';') >= 0:
		return ';'
	case bytes.IndexByte(first, ',') >= 0:
		return ','
	case bytes.IndexByte(first, '|') >= 0:
		return '|'
	}
	return '\t'
}

var (
	htmlBreakRe = regexp.MustCompile(`(?i)<br\s*/?>|</(?:div|p|li|tr|h[1-6])\s*>`)
	blankRunRe  = regexp.MustCompile(`\n{3,}`)
)

// htmlToText turns an HTML field into text: line breaks and block ends
// become new lines, other tags are dropped, entities decoded.
func htmlToText(s string) string {
	s = htmlBreakRe.ReplaceAllString(s, "\n")
	s = htmlTagRe.ReplaceAllString(s, "")
	s = strings.ReplaceAll(html.UnescapeString(s), "\u00a0", " ")
	return blankRunRe.ReplaceAllString(s, "\n\n")
}
