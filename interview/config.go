package interview

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
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
	// FollowUps is when follow-up questions are asked: "missed", "always"
	// or "off" (FollowUpPolicies).
	FollowUps string `toml:"follow_ups"`

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
	src, err := readConfigFile(path)
	if errors.Is(err, os.ErrNotExist) && !explicit {
		if _, lerr := os.Lstat(path); errors.Is(lerr, os.ErrNotExist) {
			return cfg, nil // no file at all; a dangling symlink is an error
		}
	}
	if err != nil {
		return cfg, ConfigErrors{{File: path, Msg: "cannot read the configuration: " + err.Error()}}
	}
	if err := DecodeConfig(&cfg, path, src); err != nil {
		return cfg, err
	}
	return cfg, nil
}

// maxConfigSize bounds a configuration file; a real one is a few kilobytes.
const maxConfigSize = 1 << 20

// readConfigFile reads a configuration file, refusing what is not a regular
// file (a directory, a FIFO that would block) or is larger than
// maxConfigSize. Errors give the cause without repeating the path.
func readConfigFile(path string) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until someone writes to it.
	fi, err := os.Stat(path)
	if err != nil {
		return nil, pathCause(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", FileKind(fi.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, pathCause(err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		return nil, errors.New("changed while being opened")
	}
	if fi.Size() > maxConfigSize {
		return nil, fmt.Errorf("%d bytes, more than the %d a configuration may have", fi.Size(), maxConfigSize)
	}
	src, err := io.ReadAll(io.LimitReader(f, maxConfigSize+1))
	if err != nil {
		return nil, pathCause(err)
	}
	if len(src) > maxConfigSize {
		return nil, fmt.Errorf("more than the %d bytes a configuration may have", maxConfigSize)
	}
	return src, nil
}

// pathCause drops the operation and path from a *fs.PathError, which the
// caller names itself.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// FileKind names the type of a file that is not a regular file ("a named
// pipe"), for errors that refuse to read it.
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// DecodeConfig decodes src over cfg, strictly: syntax errors, unknown keys,
// wrong types and bad values are all reported, each with file, line and key.
// A syntax error stops the parse, so it comes alone; otherwise every
// problem is reported, in the order of the file, the same on every run: each
// key is decoded on its own, so that one key of the wrong type does not hide
// the next. On error cfg is left as it was.
func DecodeConfig(cfg *Config, name string, src []byte) error {
	var top map[string]toml.Primitive
	md, err := toml.NewDecoder(bytes.NewReader(src)).Decode(&top)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return ConfigErrors{{File: name, Line: pe.Position.Line, Key: pe.LastKey, Msg: oneLine(pe.Message)}}
		}
		return ConfigErrors{{File: name, Line: lineOfError(err.Error()), Msg: oneLine(err.Error())}}
	}
	next := *cfg
	d := &configDecoder{md: &md, src: src, top: top, tables: map[string]map[string]toml.Primitive{}}
	var errs ConfigErrors
	add := func(key toml.Key, line int, msg string) {
		errs = append(errs, &ConfigError{File: name, Line: line, Key: key.String(), Msg: msg})
	}
	lines := map[string]int{} // dotted key → line, for the value checks
	typeErr := map[string]bool{}
	for _, k := range md.Keys() {
		line := d.line(k)
		lines[k.String()] = line
		field, matched := configField(reflect.ValueOf(&next).Elem(), k)
		switch {
		case matched < len(k) && matched > 0 && field.Kind() != reflect.Struct:
			// A key below a value (count.x = 1): the value's own type
			// error says it.
		case matched < len(k):
			add(k, line, "unknown key")
		case field.Kind() == reflect.Struct:
			if t := md.Type(k...); t != "Hash" {
				add(k, line, fmt.Sprintf("must be a table, got %s", tomlTypeText(t)))
			}
		default:
			if msg := d.decode(k, field); msg != "" {
				add(k, line, msg)
				typeErr[k.String()] = true
			}
		}
	}
	for _, p := range next.problems() {
		if typeErr[p.key] {
			continue
		}
		line, ok := lines[p.key]
		if !ok {
			line = keyLine(src, toml.Key(strings.Split(p.key, ".")))
		}
		errs = append(errs, &ConfigError{File: name, Line: line, Key: p.key, Msg: p.msg})
	}
	if len(errs) > 0 {
		// File order; problems of keys not in the file (line 0) last.
		slices.SortStableFunc(errs, func(a, b *ConfigError) int {
			return cmp.Compare(sortLine(a.Line), sortLine(b.Line))
		})
		return errs
	}
	if md.IsDefined("session", "time_per_question") {
		next.Session.TimeChosen = true
	}
	if md.IsDefined("session", "topics") {
		next.topicsFile, next.topicsLine = name, lines["session.topics"]
	}
	*cfg = next
	return nil
}

func sortLine(n int) int {
	if n <= 0 {
		return math.MaxInt
	}
	return n
}

// configField finds the field of v (a Config) that key names, by the
// fields' toml tags. It returns the deepest field found and how many parts
// of key it matched.
func configField(v reflect.Value, key toml.Key) (reflect.Value, int) {
	for i, part := range key {
		if v.Kind() != reflect.Struct {
			return v, i
		}
		found := false
		for j := 0; j < v.NumField(); j++ {
			tag, _, _ := strings.Cut(v.Type().Field(j).Tag.Get("toml"), ",")
			if tag == part && tag != "-" {
				v, found = v.Field(j), true
				break
			}
		}
		if !found {
			return v, i
		}
	}
	return v, len(key)
}

// configDecoder decodes the keys of one parsed file one at a time.
type configDecoder struct {
	md     *toml.MetaData
	src    []byte
	top    map[string]toml.Primitive
	tables map[string]map[string]toml.Primitive // dotted table key → its members
}

// primitive returns the undecoded value of key, if it is reachable through
// tables (not inside an array of tables).
func (d *configDecoder) primitive(key toml.Key) (toml.Primitive, bool) {
	members := d.top
	for i := 0; i < len(key)-1; i++ {
		table := key[:i+1].String()
		m, ok := d.tables[table]
		if !ok {
			p, ok := members[key[i]]
			if !ok || d.md.PrimitiveDecode(p, &m) != nil {
				return toml.Primitive{}, false
			}
			d.tables[table] = m
		}
		members = m
	}
	p, ok := members[key[len(key)-1]]
	return p, ok
}

// positionProbe fails every decode, so that the decoder's error gives the
// position of the key being decoded.
type positionProbe struct{}

func (positionProbe) UnmarshalTOML(any) error { return errors.New("position") }

// line returns the 1-based line where key is set, or 0.
func (d *configDecoder) line(key toml.Key) int {
	if p, ok := d.primitive(key); ok {
		var pe toml.ParseError
		if err := d.md.PrimitiveDecode(p, &positionProbe{}); errors.As(err, &pe) && pe.Position.Line > 0 {
			return pe.Position.Line
		}
	}
	return keyLine(d.src, key)
}

// decode decodes the value of key into field, and returns what was wrong
// with it ("" when nothing was). field is set only when the value fits.
func (d *configDecoder) decode(key toml.Key, field reflect.Value) string {
	p, ok := d.primitive(key)
	if !ok {
		return "cannot be read here"
	}
	ptr := reflect.New(field.Type())
	target := ptr.Interface()
	if field.Type() == durationType {
		target = (*Duration)(target.(*time.Duration)) // no integers as nanoseconds
	}
	err := d.md.PrimitiveDecode(p, target)
	if err == nil {
		field.Set(ptr.Elem())
		return ""
	}
	var raw any
	_ = d.md.PrimitiveDecode(p, &raw)
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return oneLine(pe.Message)
	}
	return fmt.Sprintf("%s, got %s", kindText(field.Type()), tomlValueText(raw))
}

var durationType = reflect.TypeFor[time.Duration]()

// kindText says what a field of type t takes.
func kindText(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice:
		return "a list of " + strings.TrimPrefix(strings.TrimPrefix(kindText(t.Elem()), "a "), "an ") + "s"
	}
	return "a " + t.String()
}

// tomlTypeText names a TOML type as MetaData.Type gives it.
func tomlTypeText(t string) string {
	switch t {
	case "ArrayHash":
		return "an array of tables"
	case "Array":
		return "an array"
	case "Integer":
		return "an integer"
	case "":
		return "nothing"
	}
	return "a " + strings.ToLower(t)
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

// tomlValueText writes a decoded TOML value as it would appear in the file,
// shortened to one line for error messages.
func tomlValueText(v any) string {
	var s string
	switch v := v.(type) {
	case string:
		s = strconv.Quote(v)
	case int64:
		s = strconv.FormatInt(v, 10)
	case float64:
		s = strconv.FormatFloat(v, 'g', -1, 64)
	case bool:
		s = strconv.FormatBool(v)
	case time.Time:
		s = v.Format(time.RFC3339Nano)
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = tomlValueText(e)
		}
		s = "[" + strings.Join(parts, ", ") + "]"
	case map[string]any, []map[string]any:
		s = "a table"
	default:
		s = fmt.Sprint(v)
	}
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "..."
	}
	return s
}
