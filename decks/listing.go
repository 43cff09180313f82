package decks

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"
)

// WriteTable prints one row per topic: id, title, number of cards, source.
func WriteTable(w io.Writer, lib *Library) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TOPIC\tTITLE\tCARDS\tSOURCE")
	total := 0
	for _, t := range lib.Topics {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\n", t.ID, t.Title, len(t.Cards), t.Source)
		total += len(t.Cards)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d topic(s), %d card(s)\n", len(lib.Topics), total)
	return err
}

// TopicJSON is one topic as printed by "grill decks --json".
type TopicJSON struct {
	Topic  string     `json:"topic"`
	Title  string     `json:"title"`
	Source string     `json:"source"`
	Cards  []CardJSON `json:"cards"`
}

// CardJSON is one card as printed by "grill decks --json". Lists are
// never null: a card without misconceptions has "misconceptions": [].
type CardJSON struct {
	ID             string   `json:"id"`
	Question       string   `json:"question"`
	KeyPoints      []string `json:"key_points"`
	TimeLimit      string   `json:"time_limit"`
	Difficulty     int      `json:"difficulty"`     // 1–3, resolved (card, topic, default 2)
	Sources        []string `json:"sources"`        // the Sources items, Markdown
	Misconceptions []string `json:"misconceptions"` // labels
	FollowUps      []string `json:"follow_ups"`     // questions, in order
}

// FollowUpTimeLimit is the time allowed for a follow-up that sets none.
const FollowUpTimeLimit = 90 * time.Second

// EffectiveTimeLimit is the time allowed for a card: its own limit, else
// FollowUpTimeLimit for a follow-up, else its topic's, else def.
func EffectiveTimeLimit(c *Card, t *Topic, def time.Duration) time.Duration {
	switch {
	case c.TimeLimit > 0:
		return c.TimeLimit
	case c.Parent != "":
		return FollowUpTimeLimit
	case t != nil && t.TimeLimit > 0:
		return t.TimeLimit
	}
	return def
}

// WriteJSON prints the library as a JSON array of topics. keyPoints gives the
// key points of a card (the curated ones, or derived ones for cards without);
// def is the session's default time per question.
func WriteJSON(w io.Writer, lib *Library, keyPoints func(*Card) []KeyPoint, def time.Duration) error {
	out := make([]TopicJSON, 0, len(lib.Topics))
	for _, t := range lib.Topics {
		tj := TopicJSON{Topic: t.ID, Title: t.Title, Source: t.Source, Cards: make([]CardJSON, 0, len(t.Cards))}
		for _, c := range t.Cards {
			followUps := []string{}
			for _, f := range c.FollowUps {
				followUps = append(followUps, f.Question)
			}
			tj.Cards = append(tj.Cards, CardJSON{
				ID:             c.ID,
				Question:       c.Question,
				KeyPoints:      labels(keyPoints(c)),
				TimeLimit:      EffectiveTimeLimit(c, t, def).String(),
				Difficulty:     c.Difficulty,
				Sources:        append([]string{}, c.Sources...),
				Misconceptions: labels(c.Misconceptions),
				FollowUps:      followUps,
			})
		}
		out = append(out, tj)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// labels returns the labels of key points, never nil.
func labels(kps []KeyPoint) []string {
	out := make([]string, 0, len(kps))
	for _, kp := range kps {
		out = append(out, kp.Label)
	}
	return out
}
