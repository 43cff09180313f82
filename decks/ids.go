package decks

import (
	"cmp"
	"fmt"
	"strings"
)

// DefaultDifficulty is the difficulty of a card whose deck sets none.
const DefaultDifficulty = 2

// draftTopic is a topic read by a deck format, its cards not yet given
// ids. The format settles the topic's id, title, line and defaults.
type draftTopic struct {
	topic *Topic
	cards []*cardBuilder
}

// assignIDs gives every card of one file its id, the same way whatever the
// format: an explicit id wins (prefixed with the topic id when it has no
// '/'), else "topic/slug" of the question, with "-2", "-3" … stepping
// around ids already taken; a follow-up without an explicit id is
// "<card id>/follow-up-<n>". A topic or explicit card id used twice in the
// file is reported through problem and, for a topic, left out. It also
// resolves each card's difficulty (its own, else the topic's, else
// DefaultDifficulty; a follow-up's falls back to its card's) and links
// follow-ups to their card.
func assignIDs(drafts []*draftTopic, problem func(line int, format string, args ...any)) []*Topic {
	var kept []*draftTopic
	topicAt := map[string]int{}
	for _, d := range drafts {
		if first, dup := topicAt[d.topic.ID]; dup {
			problem(d.topic.Line, "duplicate topic id %q, first used at line %d", d.topic.ID, first)
			continue
		}
		topicAt[d.topic.ID] = d.topic.Line
		kept = append(kept, d)
	}

	// Explicit ids first, so that derived ones step around them.
	used := map[string]int{}
	explicit := func(topic string, cb *cardBuilder) {
		if cb.explicitID == "" {
			return
		}
		id := cb.explicitID
		if !strings.Contains(id, "/") {
			id = topic + "/" + id
		}
		if first, dup := used[id]; dup {
			problem(cb.idLine, "duplicate card id %q, first used at line %d", id, first)
		} else {
			used[id] = cb.idLine
		}
		cb.card.ID = id
		cb.card.explicitID = true
	}
	for _, d := range kept {
		for _, cb := range d.cards {
			explicit(d.topic.ID, cb)
			for _, fb := range cb.followUps {
				explicit(d.topic.ID, fb)
			}
		}
	}

	next := map[string]int{} // base id → the suffix to try next, so that many equal questions stay linear
	topics := make([]*Topic, 0, len(kept))
	for _, d := range kept {
		t := d.topic
		for _, cb := range d.cards {
			c := cb.card
			if c.ID == "" {
				base := t.ID + "/" + cmp.Or(Slug(c.Question), "card")
				id := base
				for n := max(next[base], 2); ; n++ {
					if _, dup := used[id]; !dup {
						next[base] = n
						break
					}
					id = fmt.Sprintf("%s-%d", base, n)
				}
				used[id] = c.Line
				c.ID = id
			}
			c.Topic = t.ID
			c.ownDifficulty = cb.difficulty
			c.Difficulty = cmp.Or(cb.difficulty, t.Difficulty, DefaultDifficulty)
			c.FollowUps = nil
			for n, fb := range cb.followUps {
				f := fb.card
				if f.ID == "" {
					f.ID = fmt.Sprintf("%s/follow-up-%d", c.ID, n+1)
					if first, dup := used[f.ID]; dup {
						problem(f.Line, "duplicate card id %q, first used at line %d", f.ID, first)
					} else {
						used[f.ID] = f.Line
					}
				}
				f.Topic, f.Parent = t.ID, c.ID
				f.ownDifficulty = fb.difficulty
				f.Difficulty = cmp.Or(fb.difficulty, c.Difficulty)
				c.FollowUps = append(c.FollowUps, f)
			}
			t.Cards = append(t.Cards, c)
		}
		topics = append(topics, t)
	}
	return topics
}
