package report

import (
	"strings"
	"unicode"
)

// PlaceNote splits a reference answer (Markdown) where its reviewer's note
// belongs: after the block (paragraph, list, formula) that shares the most
// words of four letters or more with the note, so that an erratum shows
// next to the passage it corrects. With no word in common the note goes
// after the whole answer. before+after is the answer.
func PlaceNote(answer, note string) (before, after string) {
	noteWords := words(note)
	if len(noteWords) == 0 {
		return answer, ""
	}
	blocks := strings.SplitAfter(answer, "\n\n")
	best, bestScore := len(blocks)-1, 0
	inFence := false
	for i, b := range blocks {
		if strings.Count(b, "```")%2 == 1 {
			inFence = !inFence
		}
		if inFence {
			continue // never split a code block
		}
		score := 0
		for w := range words(b) {
			if noteWords[w] {
				score++
			}
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	cut := 0
	for _, b := range blocks[:best+1] {
		cut += len(b)
	}
	return answer[:cut], answer[cut:]
}

// words returns the lower-cased words of four letters or more of s.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 {
			out[w] = true
		}
	}
	return out
}
