package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"

	"grill/decks"
	"grill/interview"
	"grill/store"
)

// lastSettings is what the home screen remembers of the last session
// started: $XDG_STATE_HOME/grill/last-session.json.
type lastSettings struct {
	Topics     []string `json:"topics"`
	Count      int      `json:"count"`
	TimeLimitS float64  `json:"time_limit_s"`
	Order      string   `json:"order"`
}

// statePath is the file of the last settings.
func statePath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, _ := os.UserHomeDir()
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "grill", "last-session.json")
}

// saveLastSettings remembers s for the next home screen. Failing to is
// not worth an error: the home screen then shows the configuration.
func saveLastSettings(s interview.Settings) {
	data, err := json.Marshal(lastSettings{Topics: s.Topics, Count: s.Count, TimeLimitS: s.TimeLimit.Seconds(), Order: s.Order})
	if err != nil {
		return
	}
	path := statePath()
	if os.MkdirAll(filepath.Dir(path), 0o700) == nil {
		_ = store.WriteFileAtomic(path, data, 0o600)
	}
}

// applyLastSettings fills the session settings that no flag set from the
// last session started, when they are still valid (topics that are still
// loaded, a count and time within bounds).
func applyLastSettings(cfg *interview.Config, lib *decks.Library, flagSet map[string]bool) {
	data, err := os.ReadFile(statePath())
	if err != nil {
		return
	}
	var last lastSettings
	if json.Unmarshal(data, &last) != nil {
		return
	}
	s := cfg.Session
	if !flagSet["topics"] {
		var topics []string
		for _, t := range last.Topics {
			if _, ok := lib.Topic(t); ok {
				topics = append(topics, t)
			}
		}
		if len(topics) > 0 {
			s.Topics = topics
		}
	}
	if !flagSet["count"] && last.Count > 0 {
		s.Count = last.Count
	}
	if !flagSet["time"] && last.TimeLimitS > 0 && time.Duration(last.TimeLimitS*float64(time.Second)) != s.TimeLimit {
		s.TimeLimit, s.TimeChosen = time.Duration(last.TimeLimitS*float64(time.Second)), true
	}
	if !flagSet["order"] && last.Order != "" {
		s.Order = last.Order
	}
	next := *cfg
	next.Session = s
	if len(next.Settings().Validate()) == 0 {
		*cfg = next
	}
}
