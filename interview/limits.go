package interview

import "unicode/utf8"

// MaxAnswerBytes is the most an answer may hold: 256 KiB of UTF-8, some
// 40,000 words of English (a 5,000-word answer is about 35 KB). The answer
// box keeps no more, Session.SetDraft cuts a longer draft, a resumed record
// with a longer answer is refused, and `grill grade` refuses a longer
// answer file.
const MaxAnswerBytes = 256 << 10

// TruncateAnswer cuts s to at most MaxAnswerBytes, at a character boundary,
// and reports whether it did.
func TruncateAnswer(s string) (string, bool) {
	if len(s) <= MaxAnswerBytes {
		return s, false
	}
	s = s[:MaxAnswerBytes]
	for len(s) > 0 {
		r, size := utf8.DecodeLastRuneInString(s)
		if r != utf8.RuneError || size > 1 {
			break
		}
		s = s[:len(s)-1] // a character cut in half
	}
	return s, true
}
