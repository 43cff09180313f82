package decks

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Slug limits: a derived id keeps at most this many words and bytes.
const (
	slugMaxWords = 6
	slugMaxLen   = 48
)

// slugFold spells letters that do not decompose into ASCII under NFKD.
var slugFold = map[rune]string{
	'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ø': "o", 'Ø': "o",
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'þ': "th", 'Þ': "th", 'ð': "d",
}

// Slug turns a title or question into an id fragment: lower-case ASCII
// letters and digits, words joined by '-', at most 6 words and 48 bytes.
// Accents are dropped ("Über" → "uber"), apostrophes join ("What's" →
// "whats"), every other character separates words. Slug returns "" when
// the text holds no ASCII letter or digit.
func Slug(s string) string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range norm.NFKD.String(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			w.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʼ' || unicode.Is(unicode.Mn, r):
			// joins: "what's" → "whats", "é" → "e" + mark
		case slugFold[r] != "":
			w.WriteString(slugFold[r])
		default:
			flush()
		}
	}
	flush()

	var out strings.Builder
	for i, word := range words {
		if i == slugMaxWords {
			break
		}
		if i > 0 {
			if out.Len()+1+len(word) > slugMaxLen {
				break
			}
			out.WriteByte('-')
		}
		if len(word) > slugMaxLen-out.Len() {
			word = word[:slugMaxLen-out.Len()]
		}
		out.WriteString(word)
	}
	return out.String()
}
