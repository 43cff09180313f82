package interview

import (
	"fmt"
	"net/url"
	"strings"
	"time"
)

// The limits of a session's settings, checked by Settings.Validate for the
// configuration file, the command-line flags and the home screen alike.
const (
	MaxCount     = 200              // questions in one session
	MinTimeLimit = 5 * time.Second  // per question
	MaxTimeLimit = 60 * time.Minute // per question: an hour on one answer is not an interview

	// An interview's round (grill interview --minutes, the home screen).
	MinRound     = time.Minute
	DefaultRound = 45 * time.Minute
	MaxRound     = 600 * time.Minute
)

// SettingsProblem is one invalid value of Settings. Field is the setting's
// name as the configuration file spells it under [session] ("topics",
// "count", "time_per_question", "order"), for the caller to name it its
// own way (a key, a flag, a form field).
type SettingsProblem struct {
	Field string
	Msg   string
}

func (p SettingsProblem) Error() string { return p.Field + ": " + p.Msg }

// Validate checks the values of s against the limits above: at least one
// and at most MaxCount questions, a time per question from MinTimeLimit to
// MaxTimeLimit, a known order, no empty topic id. Whether the topics exist
// depends on the decks loaded, and is checked by Select.
func (s Settings) Validate() []SettingsProblem {
	var ps []SettingsProblem
	if s.Count < 1 || s.Count > MaxCount {
		ps = append(ps, SettingsProblem{"count", fmt.Sprintf("must be from 1 to %d, got %d", MaxCount, s.Count)})
	}
	if s.TimeLimit < MinTimeLimit || s.TimeLimit > MaxTimeLimit {
		ps = append(ps, SettingsProblem{"time_per_question", fmt.Sprintf("must be from %v to %v, got %v", MinTimeLimit, shortDuration(MaxTimeLimit), s.TimeLimit)})
	}
	if !validOrder(s.Order) {
		ps = append(ps, SettingsProblem{"order", fmt.Sprintf("%q is not one of %s", s.Order, strings.Join(Orders, ", "))})
	}
	if !ValidFollowUps(s.FollowUps) {
		ps = append(ps, SettingsProblem{"follow_ups", fmt.Sprintf("%q is not one of %s", s.FollowUps, strings.Join(FollowUpPolicies, ", "))})
	}
	for _, t := range s.Topics {
		if strings.TrimSpace(t) == "" {
			ps = append(ps, SettingsProblem{"topics", "empty topic id"})
		}
	}
	return ps
}

// shortDuration prints d without zero units: 1h rather than 1h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	s = strings.TrimSuffix(s, "0s")
	return strings.TrimSuffix(s, "0m")
}

// Settings returns the session settings the configuration asks for, with
// the LLM's model and host when LLM feedback is on.
func (c Config) Settings() Settings {
	s := Settings{
		Topics:     append([]string(nil), c.Session.Topics...),
		Count:      c.Session.Count,
		TimeLimit:  c.Session.TimeLimit,
		TimeChosen: c.Session.TimeChosen,
		Order:      c.Session.Order,
		Seed:       c.Session.Seed,
		FollowUps:  c.Session.FollowUps,
	}
	if c.LLM.Enabled {
		s.LLMModel = c.LLM.Model
		if u, err := url.Parse(c.LLM.BaseURL); err == nil {
			s.LLMHost = u.Host
		}
	}
	return s
}
