package interview

import (
	"fmt"
	"strings"
	"time"
)

// Duration is a time.Duration as a configuration file writes it: a string
// such as "90s", "3m" or "2m30s". Unlike time.Duration, which BurntSushi/toml
// also fills from a bare integer (taken as nanoseconds, so that
// time_per_question = 5 would time every question out at once), it refuses
// numbers.
type Duration time.Duration

// UnmarshalTOML reads a duration string; any other TOML value is an error
// that shows the value.
func (d *Duration) UnmarshalTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf(`a duration such as "3m" or "90s", got %s`, tomlValueText(v))
	}
	p, err := time.ParseDuration(strings.TrimSpace(s))
	if err != nil {
		return fmt.Errorf(`a duration such as "3m" or "90s", got %q`, s)
	}
	*d = Duration(p)
	return nil
}
