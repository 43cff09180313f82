package llm

import "time"

// Config is the [llm] section of config.toml: where to ask for feedback.
type Config struct {
	Enabled    bool          `toml:"enabled" json:"enabled"`
	BaseURL    string        `toml:"base_url" json:"base_url"`
	Model      string        `toml:"model" json:"model"`
	APIKeyEnv  string        `toml:"api_key_env" json:"api_key_env"` // name of the variable holding the key, never the key
	Timeout    time.Duration `toml:"timeout" json:"timeout"`
	MaxRetries int           `toml:"max_retries" json:"max_retries"`
}
