package interview

import (
	"strings"
	"testing"
	"time"
)

// TestNumberWhereADurationIsExpected: a bare number is not read as
// nanoseconds (every question timed out at once, every LLM request failed
// "within 60ns"): it is an error that says what is wanted.
func TestNumberWhereADurationIsExpected(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{"[session]\ntime_per_question = 5\n", `config.toml:2: session.time_per_question: a duration such as "3m" or "90s", got 5`},
		{"[llm]\n\ntimeout = 60\n", `config.toml:3: llm.timeout: a duration such as "3m" or "90s", got 60`},
		{"[llm]\ntimeout = 1.5\n", `config.toml:2: llm.timeout: a duration such as "3m" or "90s", got 1.5`},
		{"[llm]\ntimeout = \"soon\"\n", `config.toml:2: llm.timeout: a duration such as "3m" or "90s", got "soon"`},
		{"session.time_per_question = 5\n", `config.toml:1: session.time_per_question: a duration such as "3m" or "90s", got 5`},
	} {
		p := writeConfig(t, tc.body)
		_, err := LoadConfig(readDefaults(t), p, true)
		if err == nil || !strings.HasSuffix(err.Error(), tc.want) || strings.Count(err.Error(), "\n") != 0 {
			t.Errorf("%q: err = %v\nwant %s", tc.body, err, tc.want)
		}
	}
	p := writeConfig(t, "[session]\ntime_per_question = \"2m30s\"\n[llm]\ntimeout = \"90s\"\n")
	cfg, err := LoadConfig(readDefaults(t), p, true)
	if err != nil || cfg.Session.TimeLimit != 150*time.Second || cfg.LLM.Timeout != 90*time.Second {
		t.Errorf("durations as strings: %v, %v, %v", err, cfg.Session.TimeLimit, cfg.LLM.Timeout)
	}
}
