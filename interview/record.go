package interview

import (
	"encoding/json"
	"time"

	"grill/grading"
	"grill/llm"
)

// SchemaVersion is the version of the session record written to disk.
// Readers refuse records with a version they do not know.
//
// Version 2 stores the LLM verdict as llm.Verdict writes it (with "valid")
// and keeps the raw reply of an invalid one only in the verdict. Version 1
// records still read: a verdict without "valid" is valid when it has a
// score, and a question's "llm.text" becomes the verdict's raw reply.
const SchemaVersion = 2

// Outcome is how a question ended.
type Outcome string

// The outcomes of a question. Pending means it has not been answered yet.
const (
	Pending   Outcome = ""
	Submitted Outcome = "submitted"
	TimedOut  Outcome = "timed_out"
	Skipped   Outcome = "skipped"
)

// Rating is the candidate's self rating of an answer, as in spaced repetition.
type Rating int

// The four self ratings, keys 1–4 in the review screen. NoRating means unrated.
const (
	NoRating Rating = 0
	Again    Rating = 1
	Hard     Rating = 2
	Good     Rating = 3
	Easy     Rating = 4
)

// Record is a whole session as kept on disk (<id>.json): the configuration it
// ran with, the decks it drew from and every question asked so far. A session
// in progress is the same record with Ended zero.
type Record struct {
	SchemaVersion int              `json:"schema_version"`
	ID            string           `json:"id"` // sortable UTC timestamp, e.g. 20261125T171849Z
	Started       time.Time        `json:"started"`
	Ended         time.Time        `json:"ended,omitzero"` // zero while in progress
	Abandoned     bool             `json:"abandoned,omitempty"`
	Settings      Settings         `json:"settings"`
	DeckSources   []string         `json:"deck_sources"`
	Plan          []string         `json:"plan"` // card ids of every question of the session, in order
	Questions     []QuestionRecord `json:"questions"`
	Current       int              `json:"current"` // index of the question being asked
}

// Settings is the effective session configuration recorded with a session.
// It never holds a secret.
type Settings struct {
	Topics    []string      `json:"topics"`
	Count     int           `json:"count"`
	TimeLimit time.Duration `json:"time_limit"`
	// TimeChosen: the candidate chose TimeLimit, so it overrides the decks'
	// default limits (a card's own limit still wins).
	TimeChosen bool   `json:"time_chosen,omitempty"`
	Order      string `json:"order"`
	Seed       int64  `json:"seed"`
	LLMModel   string `json:"llm_model,omitempty"`
	LLMHost    string `json:"llm_host,omitempty"`
}

// QuestionRecord is one question of a session: what was asked, what was typed,
// how long it took, and how it was graded.
type QuestionRecord struct {
	CardID    string         `json:"card_id"`
	Topic     string         `json:"topic"`
	Question  string         `json:"question"`
	TimeLimit time.Duration  `json:"time_limit"`
	Answer    string         `json:"answer"`    // final answer, or the draft while asking
	TimeUsed  time.Duration  `json:"time_used"` // time spent so far on this question
	Outcome   Outcome        `json:"outcome"`   // "" while the question is still being asked
	AskedAt   time.Time      `json:"asked_at,omitzero"`
	EndedAt   time.Time      `json:"ended_at,omitzero"`
	Grade     grading.Result `json:"grade"`               // the offline grader's verdict
	Overrides map[int]bool   `json:"overrides,omitempty"` // key point index → covered, set by self-grading
	Adjusted  int            `json:"adjusted_score"`      // score after self-grading overrides
	Rating    Rating         `json:"rating,omitempty"`
	RatedAt   time.Time      `json:"rated_at,omitzero"`
	LLM       *LLMRecord     `json:"llm,omitempty"`
}

// LLMRecord is the LLM feedback kept with a question: the verdict (valid or
// not; an invalid one holds the raw reply), or the one-line failure.
type LLMRecord struct {
	Model         string        `json:"model"`
	Host          string        `json:"host"`
	PromptVersion string        `json:"prompt_version"`
	Latency       time.Duration `json:"latency"`
	Verdict       *llm.Verdict  `json:"verdict,omitempty"`
	Error         string        `json:"error,omitempty"` // one-line failure message
	Injection     bool          `json:"injection,omitempty"`
}

// UnmarshalJSON reads an LLMRecord of either schema version: the raw reply
// that version 1 kept beside the verdict ("text") goes into the verdict.
func (l *LLMRecord) UnmarshalJSON(data []byte) error {
	type plain LLMRecord
	var v struct {
		plain
		Text string `json:"text"`
	}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*l = LLMRecord(v.plain)
	if v.Text != "" {
		if l.Verdict == nil {
			l.Verdict = &llm.Verdict{Model: l.Model, Host: l.Host, Latency: l.Latency, Injection: l.Injection}
		}
		if l.Verdict.Text == "" {
			l.Verdict.Text = v.Text
		}
	}
	return nil
}
