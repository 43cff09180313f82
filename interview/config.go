package interview

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"grill/llm"
)

// Config is grill's configuration: the built-in defaults from config.toml,
// overlaid by the user's file, then by command-line flags.
type Config struct {
	Session SessionConfig `toml:"session"`
	Paths   PathsConfig   `toml:"paths"`
	LLM     llm.Config    `toml:"llm"`

	topicsFile string // file that set session.topics, for Validate's errors
	topicsLine int
}

// SessionConfig holds the defaults of a practice session.
type SessionConfig struct {
	Topics    []string      `toml:"topics"`
	Count     int           `toml:"count"`
	TimeLimit time.Duration `toml:"time_per_question"`
	Order     string        `toml:"order"`
	Seed      int64         `toml:"seed"`

	// TimeChosen is true when the user set the time per question (in their
	// configuration file or with --time): it then overrides the decks'
	// own default time limits. The built-in default does not.
	TimeChosen bool `toml:"-"`
}

// PathsConfig says where grill keeps its data and finds extra decks.
type PathsConfig struct {
	DataDir   string   `toml:"data_dir"`
	Decks     []string `toml:"decks"`
	OnlyDecks bool     `toml:"only_decks"`
}

// ConfigError is a configuration problem, located in its file.
type ConfigError struct {
	File string // file name as given
	Line int    // 1-based, 0 when unknown
	Key  string // dotted key, "" when the file itself is malformed
	Msg  string
}

func (e *ConfigError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	b.WriteString(": ")
	if e.Key != "" {
		fmt.Fprintf(&b, "%s: ", e.Key)
	}
	b.WriteString(e.Msg)
	return b.String()
}

// ConfigErrors is every problem found in one configuration file.
type ConfigErrors []*ConfigError

func (es ConfigErrors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// DefaultConfigPath is where the user's configuration lives:
// $XDG_CONFIG_HOME/grill/config.toml, or ~/.config/grill/config.toml.
func DefaultConfigPath(getenv func(string) string, home string) string {
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		return filepath.Join(dir, "grill", "config.toml")
	}
	return filepath.Join(home, ".config", "grill", "config.toml")
}

// LoadConfig decodes the built-in defaults, then the file at path over them.
// A missing file is an error only when explicit (given with --config);
// otherwise the defaults stand. Every error names the file, the line where
// known, and the key.
func LoadConfig(defaults []byte, path string, explicit bool) (Config, error) {
	var cfg Config
	if err := DecodeConfig(&cfg, "config.toml (built-in)", defaults); err != nil {
		return cfg, err
	}
	cfg.Session.TimeChosen = false
	if path == "" {
		return cfg, nil
	}
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && !explicit {
		return cfg, nil
	}
	if err != nil {
		return cfg, fmt.Errorf("reading config: %w", err)
	}
	if err := DecodeConfig(&cfg, path, src); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// DecodeConfig decodes src over cfg, strictly: syntax errors, unknown keys,
// wrong types and bad values are all reported, each with file, line and key.
func DecodeConfig(cfg *Config, name string, src []byte) error {
	next := *cfg
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&next)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return ConfigErrors{{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: oneLine(pe.Message)}}
		}
		return ConfigErrors{{File: name, Line: lineOfError(err.Error()), Msg: oneLine(err.Error())}}
	}
	var errs ConfigErrors
	for _, k := range md.Undecoded() {
		errs = append(errs, &ConfigError{File: name, Line: keyLine(src, k), Key: k.String(), Msg: "unknown key"})
	}
	for _, p := range next.problems() {
		errs = append(errs, &ConfigError{File: name, Line: keyLine(src, toml.Key(strings.Split(p.key, "."))), Key: p.key, Msg: p.msg})
	}
	if len(errs) > 0 {
		return errs
	}
	if md.IsDefined("session", "time_per_question") {
		next.Session.TimeChosen = true
	}
	if md.IsDefined("session", "topics") {
		next.topicsFile, next.topicsLine = name, keyLine(src, toml.Key{"session", "topics"})
	}
	*cfg = next
	return nil
}

type configProblem struct{ key, msg string }

// problems checks the values that TOML types cannot.
func (c Config) problems() []configProblem {
	var ps []configProblem
	for _, p := range c.Settings().Validate() {
		ps = append(ps, configProblem{"session." + p.Field, p.Msg})
	}
	if c.LLM.Timeout <= 0 {
		ps = append(ps, configProblem{"llm.timeout", fmt.Sprintf("must be positive, got %v", c.LLM.Timeout)})
	}
	if c.LLM.MaxRetries < 0 || c.LLM.MaxRetries > 10 {
		ps = append(ps, configProblem{"llm.max_retries", fmt.Sprintf("must be between 0 and 10, got %d", c.LLM.MaxRetries)})
	}
	if c.LLM.Enabled && strings.TrimSpace(c.LLM.Model) == "" {
		ps = append(ps, configProblem{"llm.model", "must be set when llm.enabled is true"})
	}
	if c.LLM.BaseURL != "" && !strings.HasPrefix(c.LLM.BaseURL, "http://") && !strings.HasPrefix(c.LLM.BaseURL, "https://") {
		ps = append(ps, configProblem{"llm.base_url", fmt.Sprintf("%q is not an http:// or https:// URL", c.LLM.BaseURL)})
	}
	if c.LLM.APIKeyEnv != "" && !envName.MatchString(c.LLM.APIKeyEnv) {
		ps = append(ps, configProblem{"llm.api_key_env", fmt.Sprintf("%q is not an environment variable name (it takes the variable's name, never the key)", c.LLM.APIKeyEnv)})
	}
	return ps
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func validOrder(o string) bool {
	for _, v := range Orders {
		if o == v {
			return true
		}
	}
	return false
}

// Validate checks the configuration against what is loaded: every topic id
// in session.topics must name a loaded topic. Errors name the file and line
// that set the topics.
func (c Config) Validate(topicExists func(string) bool) error {
	var errs ConfigErrors
	for _, t := range c.Session.Topics {
		if !topicExists(t) {
			errs = append(errs, &ConfigError{File: c.topicsFile, Line: c.topicsLine, Key: "session.topics", Msg: fmt.Sprintf("unknown topic %q", t)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// keyLine finds the 1-based line where a dotted key is set in src, or 0.
// BurntSushi/toml does not expose key positions, so this scans the simple
// "[table]" / "key = value" layout a configuration file uses.
func keyLine(src []byte, key toml.Key) int {
	if len(key) == 0 {
		return 0
	}
	table, leaf := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
	cur := ""
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "[") && !strings.HasPrefix(line, "[[") {
			cur = strings.Trim(strings.TrimSpace(strings.SplitN(line, "#", 2)[0]), "[] ")
			if len(key) == 1 && cur == leaf {
				return n
			}
			continue
		}
		name, _, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		name = strings.Trim(strings.TrimSpace(name), `"'`)
		if cur == table && name == leaf {
			return n
		}
		if cur == "" && table != "" && name == table+"."+leaf {
			return n
		}
	}
	return 0
}

var lineRe = regexp.MustCompile(`line (\d+)`)

func lineOfError(msg string) int {
	m := lineRe.FindStringSubmatch(msg)
	if m == nil {
		return 0
	}
	var n int
	fmt.Sscan(m[1], &n)
	return n
}

func oneLine(s string) string {
	s = strings.TrimPrefix(s, "toml: ")
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}
