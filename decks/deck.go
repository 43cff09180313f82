// Package decks reads interview question decks into topics and cards (a
// question, its reference answer, curated key points, misconceptions,
// follow-ups) and holds the built-in decks embedded in the binary. Each
// file is read by one format, chosen by its extension and content:
// grill's Markdown (markdown.go), Anki's text export (anki.go) or the
// Q:/A: Markdown of hashcards and repeater (qa.go); card ids are given in
// one place for all of them (ids.go).
package decks

import "time"

// Topic is a named group of cards, such as "gnn" or "diffusion". A single deck
// file holds one topic, or several when it is split into "## Part N: Title"
// sections.
type Topic struct {
	ID         string        // stable id, e.g. "gnn"
	Title      string        // human title, e.g. "Graph Neural Networks"
	Source     string        // "built-in" or the file path it was read from
	TimeLimit  time.Duration // default time per question; 0 means the session default
	Difficulty int           // default card difficulty 1–3 (front matter "difficulty"); 0 when unset
	Cards      []*Card
	Line       int // 1-based line where the topic starts in its file: its Part heading, or 1
}

// Card is one question with its reference answer and key points.
type Card struct {
	ID        string        // stable id "topic/slug"
	Topic     string        // topic id
	Question  string        // question text exactly as written in the heading
	Answer    string        // reference answer, Markdown source (may contain LaTeX)
	Note      string        // reviewer's note on the reference answer (Markdown), "" if none
	KeyPoints []KeyPoint    // curated key points; empty when the deck has none
	TimeLimit time.Duration // per-card override; 0 means the topic's limit
	Source    string        // file the card came from ("decks/gnn.md" for built-ins)
	Line      int           // 1-based line of the question heading

	// Misconceptions are common wrong claims ("**Misconceptions**" block), in
	// the key point syntax: a label and the phrasings that assert it.
	Misconceptions []KeyPoint
	// AlsoAccepted holds complete alternative reference answers ("**Also
	// accepted**" block, one list item each); the best match counts.
	AlsoAccepted []string
	// Sources cites what the answer rests on ("**Sources**" block, one list
	// item each: paper, authors, year, section or equation).
	Sources []string
	// Difficulty is 1 (easier) to 3 (harder): the card's
	// "<!-- difficulty: N -->", else the topic's default, else 2.
	Difficulty int
	// FollowUps are the card's "Follow-up: <question>" sub-cards, in order.
	FollowUps []*Card
	// Probes is, for a follow-up, the label of the parent's key point it
	// probes ("<!-- probes: label -->"); "" when it probes none in particular.
	Probes string
	// Parent is, for a follow-up, the id of the card it follows; "" otherwise.
	Parent string

	explicitID    bool // the id was written in the deck, not derived
	ownDifficulty int  // the card's own difficulty comment, 0 when none
}

// KeyPoint is one thing a complete answer covers: a short label shown to the
// candidate, the phrasings that count as covering it, and a weight.
type KeyPoint struct {
	Label     string
	Phrasings []string
	Weight    float64 // > 0; 1 when the deck gives none
	Line      int     // 1-based line in the deck file, 0 when derived automatically
}
