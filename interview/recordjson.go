package interview

import (
	"encoding/json"
	"strconv"
	"time"

	"grill/llm"
)

// The JSON form of the parts of a Record that hold durations. Since schema
// version 3 a duration is written as seconds (Seconds) under a key ending
// in _s; versions 1 and 2 wrote integer nanoseconds under the key without
// it. Both keys are read, whatever the version: the seconds win when a
// record has both. Each type below is encoded as its plain form (the
// duration fields are tagged "-") plus the duration keys.

// seconds is d for a required _s key.
func seconds(d time.Duration) *Seconds { s := Seconds(d); return &s }

// secondsOmit is d for an _s key left out when d is 0.
func secondsOmit(d time.Duration) *Seconds {
	if d == 0 {
		return nil
	}
	return seconds(d)
}

// durationOf is the duration read from a record: the seconds when present
// (not null), else the nanoseconds of versions 1 and 2, else cur.
func durationOf(cur time.Duration, s *Seconds, ns *time.Duration) time.Duration {
	switch {
	case s != nil:
		return time.Duration(*s)
	case ns != nil:
		return *ns
	}
	return cur
}

type settingsPlain Settings

type settingsJSON struct {
	settingsPlain
	TimeLimitS   *Seconds       `json:"time_limit_s"`
	RoundLimitS  *Seconds       `json:"round_limit_s,omitempty"`
	TimeLimitNS  *time.Duration `json:"time_limit,omitempty"`  // versions 1 and 2
	RoundLimitNS *time.Duration `json:"round_limit,omitempty"` // versions 1 and 2
}

// MarshalJSON writes s with its durations in seconds.
func (s Settings) MarshalJSON() ([]byte, error) {
	return json.Marshal(settingsJSON{settingsPlain: settingsPlain(s), TimeLimitS: seconds(s.TimeLimit), RoundLimitS: secondsOmit(s.RoundLimit)})
}

// UnmarshalJSON reads settings of any schema version.
func (s *Settings) UnmarshalJSON(data []byte) error {
	v := settingsJSON{settingsPlain: settingsPlain(*s)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*s = Settings(v.settingsPlain)
	s.TimeLimit = durationOf(s.TimeLimit, v.TimeLimitS, v.TimeLimitNS)
	s.RoundLimit = durationOf(s.RoundLimit, v.RoundLimitS, v.RoundLimitNS)
	return nil
}

type questionPlain QuestionRecord

type questionJSON struct {
	questionPlain
	TimeLimitS  *Seconds       `json:"time_limit_s"`
	TimeUsedS   *Seconds       `json:"time_used_s"`
	TimeLimitNS *time.Duration `json:"time_limit,omitempty"` // versions 1 and 2
	TimeUsedNS  *time.Duration `json:"time_used,omitempty"`  // versions 1 and 2
}

// MarshalJSON writes q (and its follow-ups) with durations in seconds.
func (q QuestionRecord) MarshalJSON() ([]byte, error) {
	return json.Marshal(questionJSON{questionPlain: questionPlain(q), TimeLimitS: seconds(q.TimeLimit), TimeUsedS: seconds(q.TimeUsed)})
}

// UnmarshalJSON reads a question of any schema version.
func (q *QuestionRecord) UnmarshalJSON(data []byte) error {
	v := questionJSON{questionPlain: questionPlain(*q)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*q = QuestionRecord(v.questionPlain)
	q.TimeLimit = durationOf(q.TimeLimit, v.TimeLimitS, v.TimeLimitNS)
	q.TimeUsed = durationOf(q.TimeUsed, v.TimeUsedS, v.TimeUsedNS)
	return nil
}

type draftPlain DraftMark

type draftJSON struct {
	draftPlain
	AtS  *Seconds       `json:"at_s"`
	AtNS *time.Duration `json:"at,omitempty"` // version 2
}

// MarshalJSON writes a drafting mark as {"at_s": seconds, "chars": n}.
// A question holds up to 1,800 of them, hence no reflection.
func (m DraftMark) MarshalJSON() ([]byte, error) {
	b := append(make([]byte, 0, 32), `{"at_s":`...)
	b = AppendSeconds(b, m.At)
	b = append(b, `,"chars":`...)
	b = strconv.AppendInt(b, int64(m.Chars), 10)
	return append(b, '}'), nil
}

// UnmarshalJSON reads a drafting mark of any schema version.
func (m *DraftMark) UnmarshalJSON(data []byte) error {
	v := draftJSON{draftPlain: draftPlain(*m)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*m = DraftMark(v.draftPlain)
	m.At = durationOf(m.At, v.AtS, v.AtNS)
	return nil
}

type llmPlain LLMRecord

type llmJSON struct {
	llmPlain
	LatencyS  *Seconds       `json:"latency_s"`
	LatencyNS *time.Duration `json:"latency,omitempty"` // versions 1 and 2
	Text      string         `json:"text,omitempty"`    // version 1: the raw reply
}

// MarshalJSON writes l with its latency in seconds.
func (l LLMRecord) MarshalJSON() ([]byte, error) {
	return json.Marshal(llmJSON{llmPlain: llmPlain(l), LatencyS: seconds(l.Latency)})
}

// UnmarshalJSON reads an LLMRecord of any schema version: the raw reply
// that version 1 kept beside the verdict ("text") goes into the verdict.
func (l *LLMRecord) UnmarshalJSON(data []byte) error {
	v := llmJSON{llmPlain: llmPlain(*l)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*l = LLMRecord(v.llmPlain)
	l.Latency = durationOf(l.Latency, v.LatencyS, v.LatencyNS)
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

type scorecardPlain Scorecard

type scorecardJSON struct {
	scorecardPlain
	RoundLimitS  *Seconds       `json:"round_limit_s"`
	RoundUsedS   *Seconds       `json:"round_used_s"`
	RoundLimitNS *time.Duration `json:"round_limit,omitempty"` // version 2
	RoundUsedNS  *time.Duration `json:"round_used,omitempty"`  // version 2
}

// MarshalJSON writes sc with its durations in seconds.
func (sc Scorecard) MarshalJSON() ([]byte, error) {
	return json.Marshal(scorecardJSON{scorecardPlain: scorecardPlain(sc), RoundLimitS: seconds(sc.RoundLimit), RoundUsedS: seconds(sc.RoundUsed)})
}

// UnmarshalJSON reads a scorecard of any schema version.
func (sc *Scorecard) UnmarshalJSON(data []byte) error {
	v := scorecardJSON{scorecardPlain: scorecardPlain(*sc)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*sc = Scorecard(v.scorecardPlain)
	sc.RoundLimit = durationOf(sc.RoundLimit, v.RoundLimitS, v.RoundLimitNS)
	sc.RoundUsed = durationOf(sc.RoundUsed, v.RoundUsedS, v.RoundUsedNS)
	return nil
}

type timingPlain AnswerTiming

type timingJSON struct {
	timingPlain
	TimeUsedS       *Seconds       `json:"time_used_s"`
	TimeLimitS      *Seconds       `json:"time_limit_s"`
	FirstKeyPointS  *Seconds       `json:"first_key_point_s"`
	TimeUsedNS      *time.Duration `json:"time_used,omitempty"`       // version 2
	TimeLimitNS     *time.Duration `json:"time_limit,omitempty"`      // version 2
	FirstKeyPointNS *time.Duration `json:"first_key_point,omitempty"` // version 2
}

// MarshalJSON writes t with its durations in seconds.
func (t AnswerTiming) MarshalJSON() ([]byte, error) {
	return json.Marshal(timingJSON{timingPlain: timingPlain(t), TimeUsedS: seconds(t.TimeUsed), TimeLimitS: seconds(t.TimeLimit), FirstKeyPointS: seconds(t.FirstKeyPoint)})
}

// UnmarshalJSON reads an answer's timing of any schema version.
func (t *AnswerTiming) UnmarshalJSON(data []byte) error {
	v := timingJSON{timingPlain: timingPlain(*t)}
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*t = AnswerTiming(v.timingPlain)
	t.TimeUsed = durationOf(t.TimeUsed, v.TimeUsedS, v.TimeUsedNS)
	t.TimeLimit = durationOf(t.TimeLimit, v.TimeLimitS, v.TimeLimitNS)
	t.FirstKeyPoint = durationOf(t.FirstKeyPoint, v.FirstKeyPointS, v.FirstKeyPointNS)
	return nil
}
