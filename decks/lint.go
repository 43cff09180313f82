package decks

import (
	"fmt"
	"strings"
)

// Rules for sourced cards: a card that declares **Sources** is held to the
// standard of the curated built-in cards. Lint checks them.
const (
	MinAnswerWords    = 150 // reference answer, words separated by white space in its Markdown source
	MaxAnswerWords    = 300
	MinKeyPoints      = 4
	MaxKeyPoints      = 7
	MaxPhrasings      = 8 // per key point; the grader's thesaurus does the rest
	MinMisconceptions = 2
	MaxMisconceptions = 4
	MinFollowUps      = 1
	MaxFollowUps      = 2
)

// Lint returns the problems of a sourced card (one with at least one
// Sources item) against the rules for curated cards: a reference answer of
// 150–300 words, 4–7 key points of which at least one weighs more or less
// than the others' default 1, at most 8 phrasings per key point, 2–4
// misconceptions, 1–2 follow-ups, an explicit <!-- id: --> and its own
// <!-- difficulty: N -->. A card without Sources has none: the rules are
// for cards that claim to be curated, not for any imported deck. Lint
// does not repeat what Parse reports (missing phrasings, bad weights).
func Lint(c *Card) []Problem {
	if len(c.Sources) == 0 {
		return nil
	}
	var out []Problem
	add := func(line int, format string, args ...any) {
		out = append(out, Problem{File: c.Source, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	q := c.Question
	if !c.explicitID {
		add(c.Line, "sourced question %q has no <!-- id: … --> comment", q)
	}
	if c.ownDifficulty == 0 {
		add(c.Line, "sourced question %q has no <!-- difficulty: N --> comment", q)
	}
	if n := len(strings.Fields(c.Answer)); n < MinAnswerWords || n > MaxAnswerWords {
		add(c.Line, "sourced question %q: reference answer has %d words, want %d–%d", q, n, MinAnswerWords, MaxAnswerWords)
	}
	if n := len(c.KeyPoints); n < MinKeyPoints || n > MaxKeyPoints {
		add(c.Line, "sourced question %q has %d key points, want %d–%d", q, n, MinKeyPoints, MaxKeyPoints)
	}
	weighted := false
	for _, kp := range c.KeyPoints {
		weighted = weighted || kp.Weight != 1
		if n := len(kp.Phrasings); n > MaxPhrasings {
			add(kp.Line, "key point %q has %d phrasings, want at most %d", kp.Label, n, MaxPhrasings)
		}
	}
	if len(c.KeyPoints) > 0 && !weighted {
		add(c.Line, "sourced question %q: every key point weighs 1; give the main ones a (weight N)", q)
	}
	if n := len(c.Misconceptions); n < MinMisconceptions || n > MaxMisconceptions {
		add(c.Line, "sourced question %q has %d misconceptions, want %d–%d", q, n, MinMisconceptions, MaxMisconceptions)
	}
	if n := len(c.FollowUps); n < MinFollowUps || n > MaxFollowUps {
		add(c.Line, "sourced question %q has %d follow-ups, want %d–%d", q, n, MinFollowUps, MaxFollowUps)
	}
	return out
}
