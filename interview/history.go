package interview

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Status is where a session stands.
type Status string

// The statuses of a session.
const (
	StatusEnded      Status = "ended"       // finished, or quit with the answers so far
	StatusInProgress Status = "in_progress" // not ended: running, or interrupted and resumable
	StatusAbandoned  Status = "abandoned"   // interrupted, and the offer to resume it declined
)

// Summary is one line of the session history.
type Summary struct {
	ID        string
	Started   time.Time
	Ended     time.Time // zero unless Status is StatusEnded
	Status    Status
	Topics    []string // topics of the questions asked, in order of first appearance
	Questions int      // questions asked, answered or not
	Answered  int      // questions submitted, timed out or skipped
	// Planned is how many questions the session was to ask (its plan),
	// at least Questions.
	Planned int
	// RoundOver: an interview whose round ended, its clock run out or
	// every question asked, before the session did.
	RoundOver bool
	// Average is the mean self-adjusted score (0–100) of the answered
	// questions; it means nothing when Answered is 0.
	Average float64
	// Score is the mean score the grader gave the answered questions,
	// before the candidate's corrections.
	Score float64
	// Duration is the time spent answering: the sum of the time used on
	// every question and on each of its follow-ups (review time and
	// interruptions not counted).
	Duration time.Duration
	ByTopic  []TopicScore // per topic, in the order of Topics
	// Kind tells interviews and retries apart from practice rounds:
	// KindPractice, KindInterview or KindRetry.
	Kind string
}

// The kinds of session, as history and report list show them.
const (
	KindPractice  = "practice"
	KindInterview = "interview"
	KindRetry     = "retry"
)

// KindOf returns the kind of a session with settings s.
func KindOf(s Settings) string {
	switch {
	case s.Mode == ModeInterview:
		return KindInterview
	case s.RetryOf != "":
		return KindRetry
	}
	return KindPractice
}

// QuestionsText is the question count as listed: "5", or "3 of 5" when
// not every question was answered.
func (s Summary) QuestionsText() string {
	if s.Answered != s.Questions {
		return fmt.Sprintf("%d of %d", s.Answered, s.Questions)
	}
	return fmt.Sprint(s.Questions)
}

// AverageText is the average score as listed, "–" when nothing was answered.
func (s Summary) AverageText() string { return MeanText(s.Average, s.Answered) }

// TopicsText joins the topics with sep, "–" when there are none.
func (s Summary) TopicsText(sep string) string {
	if len(s.Topics) == 0 {
		return "–"
	}
	return strings.Join(s.Topics, sep)
}

// TopicScore is the result of the questions of one topic in one session.
type TopicScore struct {
	Topic    string
	Answered int
	Average  float64 // mean self-adjusted score of the answered questions
	Score    float64 // mean grader's score of the answered questions
}

// Review is one answered question, as the schedulers see it: when it was
// answered, how it ended, its self-adjusted score and the candidate's own
// rating (NoRating when not rated).
type Review struct {
	SessionID string
	CardID    string
	Topic     string
	Time      time.Time // when it was rated, else when it ended
	Outcome   Outcome
	Score     int // self-adjusted score 0–100
	Rating    Rating
}

// Grade returns the rating the schedulers use for r: the candidate's own
// rating when there is one; for an unrated answer, Again when it was
// skipped, else one derived from the adjusted score (below 40 Again, below
// 60 Hard, below 85 Good, else Easy).
func (r Review) Grade() Rating {
	switch {
	case r.Rating >= Again && r.Rating <= Easy:
		return r.Rating
	case r.Outcome == Skipped || r.Score < 40:
		return Again
	case r.Score < 60:
		return Hard
	case r.Score < 85:
		return Good
	}
	return Easy
}

// History is what the stored sessions say: every session newest first, and
// every answered question oldest first.
type History struct {
	Sessions []Summary
	Reviews  []Review
}

// Digest is the part of a session record that summaries and schedules
// read: what a store keeps in its index, so that a long history is listed
// and ranked without reading every record.
type Digest struct {
	ID        string
	Started   time.Time
	Ended     time.Time
	Abandoned bool
	Topics    []string // Settings.Topics
	Mode      string   // Settings.Mode: interviews are told apart
	RetryOf   string   // Settings.RetryOf: so are retries
	Planned   int      // len(Plan): the questions the session was to ask
	Debrief   bool     // an interview's round is over (see Record.Debrief)
	Questions []QuestionDigest
}

// QuestionDigest is the part of a question that summaries and schedules
// read.
type QuestionDigest struct {
	CardID   string
	Topic    string
	TimeUsed time.Duration
	// FollowUpTime is the time used on the question's follow-ups, the
	// sum of their TimeUsed.
	FollowUpTime time.Duration
	Outcome      Outcome
	Time         time.Time // when it was rated, else when it ended, was asked, or the session started
	Score        int       // the grader's
	Adjusted     int       // after self-grading
	Rating       Rating
}

// Digest returns the digest of r.
func (r *Record) Digest() *Digest {
	d := &Digest{ID: r.ID, Started: r.Started, Ended: r.Ended, Abandoned: r.Abandoned, Topics: r.Settings.Topics,
		Mode: r.Settings.Mode, RetryOf: r.Settings.RetryOf, Planned: len(r.Plan), Debrief: r.Debrief,
		Questions: make([]QuestionDigest, len(r.Questions))}
	for i, q := range r.Questions {
		d.Questions[i] = QuestionDigest{
			CardID: q.CardID, Topic: q.Topic, TimeUsed: q.TimeUsed, Outcome: q.Outcome,
			Time: ReviewTime(q.RatedAt, q.EndedAt, q.AskedAt, r.Started), Score: q.Grade.Score, Adjusted: q.Adjusted, Rating: q.Rating,
		}
		for _, f := range q.FollowUps {
			d.Questions[i].FollowUpTime += f.TimeUsed
		}
	}
	return d
}

// ReviewTime is when an answer counts as given for the schedules: the
// first of its rating time, end time, asking time and the session's start
// that is set.
func ReviewTime(ratedAt, endedAt, askedAt, started time.Time) time.Time {
	for _, t := range []time.Time{ratedAt, endedAt, askedAt} {
		if !t.IsZero() {
			return t
		}
	}
	return started
}

// Summarize makes the Summary of a session: its status, the topics asked,
// how many questions were answered, the mean grader's and adjusted score
// overall and per topic, and the time spent answering (follow-ups
// included).
func Summarize(d *Digest) Summary {
	sum := Summary{ID: d.ID, Started: d.Started, Questions: len(d.Questions), Planned: max(d.Planned, len(d.Questions)),
		RoundOver: d.Debrief && d.Mode == ModeInterview, Kind: KindOf(Settings{Mode: d.Mode, RetryOf: d.RetryOf})}
	switch {
	case !d.Ended.IsZero():
		sum.Status, sum.Ended = StatusEnded, d.Ended
	case d.Abandoned:
		sum.Status = StatusAbandoned
	default:
		sum.Status = StatusInProgress
	}
	total, graded := 0, 0
	var totals, gradedTotals []int // per topic, in the order of ByTopic
	for _, q := range d.Questions {
		sum.Duration += q.TimeUsed + q.FollowUpTime
		i := slices.Index(sum.Topics, q.Topic) // a session has few topics
		if i < 0 {
			i = len(sum.ByTopic)
			sum.Topics = append(sum.Topics, q.Topic)
			sum.ByTopic = append(sum.ByTopic, TopicScore{Topic: q.Topic})
			totals, gradedTotals = append(totals, 0), append(gradedTotals, 0)
		}
		if q.Outcome == Pending {
			continue
		}
		sum.Answered++
		total += q.Adjusted
		graded += q.Score
		t := &sum.ByTopic[i]
		t.Answered++
		totals[i] += q.Adjusted
		gradedTotals[i] += q.Score
		t.Average = float64(totals[i]) / float64(t.Answered)
		t.Score = float64(gradedTotals[i]) / float64(t.Answered)
	}
	if len(sum.Topics) == 0 {
		sum.Topics = append(sum.Topics, d.Topics...)
	}
	if sum.Answered > 0 {
		sum.Average = float64(total) / float64(sum.Answered)
		sum.Score = float64(graded) / float64(sum.Answered)
	}
	return sum
}

// AppendReviews appends the answered questions of d to rs, as Reviews.
func AppendReviews(rs []Review, d *Digest) []Review {
	for _, q := range d.Questions {
		if q.Outcome == Pending || q.CardID == "" {
			continue
		}
		rs = append(rs, Review{
			SessionID: d.ID, CardID: q.CardID, Topic: q.Topic, Time: q.Time,
			Outcome: q.Outcome, Score: q.Adjusted, Rating: q.Rating,
		})
	}
	return rs
}

// TrendPoint is a topic's average in one session.
type TrendPoint struct {
	SessionID string
	Started   time.Time
	Answered  int
	Average   float64
}

// TopicTrend is the average score of one topic over the last sessions that
// asked it, oldest first: the data of a sparkline.
type TopicTrend struct {
	Topic  string
	Points []TrendPoint
}

// TopicTrends returns, for every topic answered in sessions (newest first,
// as from List), its averages in the last n sessions that answered it
// (all when n ≤ 0), oldest first. Topics are sorted by id.
func TopicTrends(sessions []Summary, n int) []TopicTrend {
	byTopic := map[string][]TrendPoint{}
	for _, s := range sessions {
		for _, t := range s.ByTopic {
			if t.Answered == 0 || (n > 0 && len(byTopic[t.Topic]) >= n) {
				continue
			}
			byTopic[t.Topic] = append(byTopic[t.Topic], TrendPoint{
				SessionID: s.ID, Started: s.Started, Answered: t.Answered, Average: t.Average,
			})
		}
	}
	trends := make([]TopicTrend, 0, len(byTopic))
	for topic, pts := range byTopic {
		slices.Reverse(pts)
		trends = append(trends, TopicTrend{Topic: topic, Points: pts})
	}
	slices.SortFunc(trends, func(a, b TopicTrend) int { return strings.Compare(a.Topic, b.Topic) })
	return trends
}
