package grading

import (
	"fmt"
	"io"
	"strings"

	"encoding/json"
	"grill/decks"
)

// WriteText writes the human-readable verdict of `grill grade`: the score,
// each covered key point with the words of the answer that matched, each
// listed, negated and missed one.
//
//	gnn/message-passing  What is message passing in GNNs?
//	Score: 57/100
//	✓ Aggregate information from neighbours — "aggregates neighbour features"
//	✗ contradicted: Update with own features — "own features are discarded"
//	✗ Neighbours send messages
//	✗ wrong: Aggregation order matters — "the order of neighbours matters"
func WriteText(w io.Writer, card *decks.Card, answer string, r Result) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %s\n", card.ID, card.Question)
	fmt.Fprintf(&b, "Score: %d/100", r.Score)
	if r.KeywordDump {
		fmt.Fprintf(&b, "  (reads as a list of terms: named points count for %d%%)", roundHalfUp(100*listedCredit))
	}
	b.WriteByte('\n')
	if r.ReadsLike != "" {
		fmt.Fprintf(&b, "reads like an answer to: %s\n", r.ReadsLikeQuestion)
	}
	for _, p := range r.Points {
		switch {
		case p.Covered:
			fmt.Fprintf(&b, "✓ %s%s\n", p.Label, quoted(answer, p.Spans))
		case p.Listed:
			fmt.Fprintf(&b, "~ %s — listed, not explained%s\n", p.Label, quoted(answer, p.Spans))
		case p.Contradicted:
			fmt.Fprintf(&b, "✗ contradicted: %s%s\n", p.Label, quoted(answer, p.Spans))
		default:
			fmt.Fprintf(&b, "✗ %s\n", p.Label)
		}
	}
	for _, mc := range r.Misconceptions {
		if mc.Asserted {
			fmt.Fprintf(&b, "✗ wrong: %s%s\n", mc.Label, quoted(answer, mc.Spans))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quoted returns the matched words of the answer, quoted, after a dash.
func quoted(answer string, spans []Span) string {
	if len(spans) == 0 {
		return ""
	}
	var parts []string
	for _, sp := range spans[:min(len(spans), 3)] {
		if sp.Start < 0 || sp.End > len(answer) || sp.Start >= sp.End {
			continue
		}
		parts = append(parts, fmt.Sprintf("%q", strings.Join(strings.Fields(answer[sp.Start:sp.End]), " ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return " — " + strings.Join(parts, ", ")
}

// GradeJSON is the `grill grade --json` object.
type GradeJSON struct {
	QuestionID string   `json:"question_id"`
	Score      int      `json:"score"`
	Covered    []string `json:"covered"`
	Missed     []string `json:"missed"`
	Listed     []string `json:"listed,omitempty"`
	Negated    []string `json:"negated,omitempty"`
	// Contradicted names the points the answer says the opposite of (also
	// among Missed); Misconceptions the card's wrong claims it asserts.
	// Both are always present, empty when none.
	Contradicted   []string            `json:"contradicted"`
	Misconceptions []string            `json:"misconceptions"`
	KeywordDump    bool                `json:"keyword_dump,omitempty"`
	ReadsLike      string              `json:"reads_like,omitempty"` // the id of the card the answer reads as an answer to
	Spans          map[string][][2]int `json:"spans"`
	LLM            json.Marshaler      `json:"llm,omitempty"`
}

// ResultJSON returns the `grill grade --json` form of a verdict:
// {"question_id", "score", "covered": [labels], "missed": [labels],
// "spans": {label: [[start, end], ...]}}, spans being byte offsets into the
// answer. Listed and contradicted points are among "missed" and also named
// in "listed" and "contradicted" ("negated" when the contradiction is a
// negation); "misconceptions" names the wrong claims asserted. encoding/json writes map keys sorted, so the
// output is byte-identical for the same input.
func ResultJSON(card *decks.Card, r Result) GradeJSON {
	out := GradeJSON{QuestionID: card.ID, Score: r.Score, Covered: []string{}, Missed: []string{},
		KeywordDump: r.KeywordDump, ReadsLike: r.ReadsLike, Spans: map[string][][2]int{}, Contradicted: []string{}, Misconceptions: []string{}}
	for _, mc := range r.Misconceptions {
		if mc.Asserted {
			out.Misconceptions = append(out.Misconceptions, mc.Label)
		}
	}
	for _, p := range r.Points {
		if p.Covered {
			out.Covered = append(out.Covered, p.Label)
		} else {
			out.Missed = append(out.Missed, p.Label)
		}
		if p.Listed {
			out.Listed = append(out.Listed, p.Label)
		}
		if p.Negated {
			out.Negated = append(out.Negated, p.Label)
		}
		if p.Contradicted {
			out.Contradicted = append(out.Contradicted, p.Label)
		}
		if len(p.Spans) > 0 {
			spans := make([][2]int, len(p.Spans))
			for i, sp := range p.Spans {
				spans[i] = [2]int{sp.Start, sp.End}
			}
			out.Spans[p.Label] = spans
		}
	}
	return out
}
