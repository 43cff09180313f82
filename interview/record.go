package interview

import (
	"time"

	"grill/grading"
	"grill/llm"
)

// SchemaVersion is the version of the session record written to disk.
// Readers refuse records with a version they do not know.
//
// Version 3 stores every duration as a number of seconds (Seconds), under
// keys ending in _s: "time_limit_s", "time_used_s", "round_limit_s",
// "latency_s", a drafting mark's "at_s", a scorecard's "round_used_s" and
// "first_key_point_s". Versions 1 and 2 wrote them as integer nanoseconds
// under the same keys without _s; those still read (see recordjson.go).
//
// Version 2 stores the LLM verdict as llm.Verdict writes it (with "valid")
// and keeps the raw reply of an invalid one only in the verdict. Version 1
// records still read: a verdict without "valid" is valid when it has a
// score, and a question's "llm.text" becomes the verdict's raw reply.
const SchemaVersion = 3

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
	// FollowUp is 0 while question Current itself is asked or reviewed,
	// and k while its k-th follow-up (Questions[Current].FollowUps[k-1]) is.
	FollowUp int `json:"current_follow_up,omitempty"`
	// Debrief is set in an interview once the round is over: the answers
	// are being reviewed one after another.
	Debrief bool `json:"debrief,omitempty"`
	// Scorecard is an interview's verdict, set when its round ends and
	// again when the session ends; nil for a practice round.
	Scorecard *Scorecard `json:"scorecard,omitempty"`
}

// Settings is the effective session configuration recorded with a session.
// It never holds a secret.
type Settings struct {
	Topics    []string      `json:"topics"`
	Count     int           `json:"count"`
	TimeLimit time.Duration `json:"-"` // "time_limit_s"
	// TimeChosen: the candidate chose TimeLimit, so it overrides the decks'
	// default limits (a card's own limit still wins).
	TimeChosen bool   `json:"time_chosen,omitempty"`
	Order      string `json:"order"`
	Seed       int64  `json:"seed"`
	LLMModel   string `json:"llm_model,omitempty"`
	LLMHost    string `json:"llm_host,omitempty"`

	// Mode is ModeInterview for a grill interview, "" (ModePractice) for a
	// practice round.
	Mode string `json:"mode,omitempty"`
	// FollowUps says when follow-up questions are asked: FollowUpsMissed
	// (the default, also when empty), FollowUpsAlways or FollowUpsOff.
	FollowUps string `json:"follow_ups,omitempty"`
	// RoundLimit is an interview's clock for the whole round: the time
	// used on all its questions and follow-ups together.
	RoundLimit time.Duration `json:"-"` // "round_limit_s", omitted when 0
	// RetryOf is the session whose weak questions this one asks again
	// (grill start --retry), and RetryBelow the score they were below.
	RetryOf    string `json:"retry_of,omitempty"`
	RetryBelow int    `json:"retry_below,omitempty"`
}

// QuestionRecord is one question of a session: what was asked, what was typed,
// how long it took, and how it was graded.
type QuestionRecord struct {
	CardID    string         `json:"card_id"`
	Topic     string         `json:"topic"`
	Question  string         `json:"question"`
	TimeLimit time.Duration  `json:"-"`       // "time_limit_s"
	Answer    string         `json:"answer"`  // final answer, or the draft while asking
	TimeUsed  time.Duration  `json:"-"`       // "time_used_s": time spent so far on this question
	Outcome   Outcome        `json:"outcome"` // "" while the question is still being asked
	AskedAt   time.Time      `json:"asked_at,omitzero"`
	EndedAt   time.Time      `json:"ended_at,omitzero"`
	Grade     grading.Result `json:"grade"`               // the offline grader's verdict
	Overrides map[int]bool   `json:"overrides,omitempty"` // key point index → covered, set by self-grading
	Adjusted  int            `json:"adjusted_score"`      // score after self-grading overrides
	Rating    Rating         `json:"rating,omitempty"`
	RatedAt   time.Time      `json:"rated_at,omitzero"`
	LLM       *LLMRecord     `json:"llm,omitempty"`

	// Suggested is the rating grill proposed from the score and the time
	// used (SuggestRating); Rating is the one the candidate chose.
	Suggested Rating `json:"suggested_rating,omitempty"`
	// Drafting is how the answer grew while it was typed: the length it
	// had reached at each moment, at most one mark a second.
	Drafting []DraftMark `json:"drafting,omitempty"`
	// FollowUps are the follow-up questions asked after this one, in
	// order, each a record of its own; a follow-up has none.
	FollowUps []QuestionRecord `json:"follow_ups,omitempty"`
	// Probes is, for a follow-up, the label of the parent's key point it
	// probes; Origin is OriginDeck for a follow-up written in the deck,
	// OriginLLM for the LLM's follow-up question.
	Probes string `json:"probes,omitempty"`
	Origin string `json:"origin,omitempty"`
}

// DraftMark says that At into the question the draft was Chars bytes long.
type DraftMark struct {
	At    time.Duration `json:"-"` // "at_s"
	Chars int           `json:"chars"`
}

// LLMRecord is the LLM feedback kept with a question: the verdict (valid or
// not; an invalid one holds the raw reply), or the one-line failure.
type LLMRecord struct {
	Model         string        `json:"model"`
	Host          string        `json:"host"`
	PromptVersion string        `json:"prompt_version"`
	Latency       time.Duration `json:"-"` // "latency_s"
	Verdict       *llm.Verdict  `json:"verdict,omitempty"`
	Error         string        `json:"error,omitempty"` // one-line failure message
	Injection     bool          `json:"injection,omitempty"`
}
