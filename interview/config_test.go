package interview

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readDefaults(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("../config.toml")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestDefaultsDecode(t *testing.T) {
	cfg, err := LoadConfig(readDefaults(t), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Session.Count != 5 || cfg.Session.TimeLimit != 3*time.Minute || cfg.Session.Order != "mixed" || cfg.Session.TimeChosen {
		t.Errorf("session defaults = %+v", cfg.Session)
	}
	if cfg.LLM.Enabled || cfg.LLM.APIKeyEnv != "OPENAI_API_KEY" || cfg.LLM.Timeout != time.Minute || cfg.LLM.MaxRetries != 2 {
		t.Errorf("llm defaults = %+v", cfg.LLM)
	}
}

func writeConfig(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestUserFileOverridesDefaults(t *testing.T) {
	p := writeConfig(t, "[session]\ncount = 9\ntime_per_question = \"90s\"\n\n[llm]\nmodel = \"llama3.1:8b\"\n")
	cfg, err := LoadConfig(readDefaults(t), p, true)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Session.Count != 9 || cfg.Session.TimeLimit != 90*time.Second || !cfg.Session.TimeChosen {
		t.Errorf("session = %+v", cfg.Session)
	}
	if cfg.Session.Order != "mixed" || cfg.LLM.Model != "llama3.1:8b" || cfg.LLM.APIKeyEnv != "OPENAI_API_KEY" {
		t.Errorf("keys left out must keep defaults: %+v", cfg)
	}
}

func TestMissingFile(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope.toml")
	if _, err := LoadConfig(readDefaults(t), missing, false); err != nil {
		t.Errorf("implicit missing config must not fail: %v", err)
	}
	_, err := LoadConfig(readDefaults(t), missing, true)
	if err == nil || !strings.Contains(err.Error(), "nope.toml") {
		t.Errorf("explicit missing config: err = %v", err)
	}
}

func TestConfigErrorsNameFileLineKey(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []string
	}{
		{"unknown key", "[session]\ncount = 3\ncolour = \"red\"\n", []string{"config.toml:3: session.colour: unknown key"}},
		{"unknown table", "\n[sesion]\ncount = 3\n", []string{"config.toml:2: sesion: unknown key", "config.toml:3: sesion.count: unknown key"}},
		{"zero count", "[session]\n\ncount = 0\n", []string{"config.toml:3: session.count: must be from 1 to 200, got 0"}},
		{"negative time", "[session]\ntime_per_question = \"-5s\"\n", []string{"config.toml:2: session.time_per_question: must be from 5s to 1h, got -5s"}},
		{"zero time", "[session]\ntime_per_question = \"0s\"\n", []string{"config.toml:2: session.time_per_question: must be from 5s to 1h, got 0s"}},
		{"time over the cap", "[session]\ntime_per_question = \"1000h\"\n", []string{"config.toml:2: session.time_per_question: must be from 5s to 1h, got 1000h0m0s"}},
		{"bad order", "[session]\norder = \"random\"\n", []string{`config.toml:2: session.order: "random" is not one of mixed, weakest, due`}},
		{"wrong type", "[session]\ncount = \"five\"\n", []string{"config.toml:2:", "count"}},
		{"bad duration", "[llm]\ntimeout = \"soon\"\n", []string{"config.toml:2:", "timeout"}},
		{"syntax", "[session]\ncount = = 3\n", []string{"config.toml:2:"}},
		{"key in api_key_env", "[llm]\napi_key_env = \"sk-abc-123\"\n", []string{"config.toml:2: llm.api_key_env:", "never the key"}},
		{"bad url", "[llm]\nbase_url = \"localhost:11434\"\n", []string{"config.toml:2: llm.base_url:"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeConfig(t, tc.body)
			_, err := LoadConfig(readDefaults(t), p, true)
			if err == nil {
				t.Fatal("no error")
			}
			msg := strings.ReplaceAll(err.Error(), filepath.Dir(p)+string(filepath.Separator), "")
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

func TestValidateTopics(t *testing.T) {
	p := writeConfig(t, "[session]\ncount = 2\ntopics = [\"gnn\", \"quantum\"]\n")
	cfg, err := LoadConfig(readDefaults(t), p, true)
	if err != nil {
		t.Fatal(err)
	}
	err = cfg.Validate(func(id string) bool { return id == "gnn" })
	want := p + `:3: session.topics: unknown topic "quantum"`
	if err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func FuzzDecodeConfig(f *testing.F) {
	f.Add(readDefaults(f))
	f.Add([]byte("[session]\ncount = 0\n"))
	f.Add([]byte("[llm]\ntimeout = \"x\"\n[[a]]\n"))
	f.Add([]byte("a.b.c = 1\n[session]\ntopics = [1, \"x\"]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cfg, _ := LoadConfig(readDefaults(t), "", false)
		before := cfg
		err := DecodeConfig(&cfg, "f.toml", src)
		if err != nil {
			if cfg.Session.Count != before.Session.Count || cfg.Session.TimeLimit != before.Session.TimeLimit {
				t.Fatalf("failed decode changed the config")
			}
			if !strings.HasPrefix(err.Error(), "f.toml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		if cfg.Session.Count < 1 || cfg.Session.TimeLimit <= 0 || !validOrder(cfg.Session.Order) {
			t.Fatalf("accepted invalid config %+v", cfg.Session)
		}
	})
}

// TestConfigReportsEveryErrorInFileOrder: every problem of the file is
// reported (wrong types, bad values, unknown keys), sorted by line, and the
// same on every run.
func TestConfigReportsEveryErrorInFileOrder(t *testing.T) {
	p := writeConfig(t, `[session]
count = "five"
time_per_question = "soon"
order = "random"
topics = "gnn"
colour = "red"

[llm]
timeout = "x"
max_retries = 99
enabled = 1

[paths]
decks = [1, "x"]
`)
	want := []string{
		`:2: session.count: an integer, got "five"`,
		`:3: session.time_per_question:`,
		`:4: session.order: "random" is not one of mixed, weakest, due`,
		`:5: session.topics: a list of strings, got "gnn"`,
		`:6: session.colour: unknown key`,
		`:9: llm.timeout:`,
		`:10: llm.max_retries: must be between 0 and 10, got 99`,
		`:11: llm.enabled: true or false, got 1`,
		`:14: paths.decks: a list of strings, got [1, "x"]`,
	}
	var first string
	for run := 0; run < 20; run++ {
		_, err := LoadConfig(readDefaults(t), p, true)
		if err == nil {
			t.Fatal("no error")
		}
		if run == 0 {
			first = err.Error()
			lines := strings.Split(first, "\n")
			if len(lines) != len(want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(lines), len(want), first)
			}
			for i, w := range want {
				if !strings.HasPrefix(lines[i], p+w) {
					t.Errorf("error %d = %q, want %q", i+1, lines[i], p+w)
				}
			}
		} else if err.Error() != first {
			t.Fatalf("run %d reported\n%s\nrun 1 reported\n%s", run+1, err, first)
		}
	}
}

// TestUnreadableConfig: a --config that does not exist, is a directory or
// a symlink loop is a configuration error naming the file (exit status 2
// in main), not a failure of the work.
func TestUnreadableConfig(t *testing.T) {
	dir := t.TempDir()
	loop := filepath.Join(dir, "loop.toml")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skip("no symlinks:", err)
	}
	for _, tc := range []struct{ path, want string }{
		{filepath.Join(dir, "missing.toml"), "cannot read the configuration: "},
		{dir, "not a regular file (a directory)"},
		{loop, "cannot read the configuration: "},
	} {
		_, err := LoadConfig(readDefaults(t), tc.path, true)
		var ce ConfigErrors
		if !errors.As(err, &ce) || !strings.HasPrefix(err.Error(), tc.path+": ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v (%T), want a ConfigErrors with %q", tc.path, err, err, tc.want)
		}
	}
	// The default path: no file is the defaults, a directory is an error.
	if _, err := LoadConfig(readDefaults(t), filepath.Join(dir, "none.toml"), false); err != nil {
		t.Errorf("missing default config: %v", err)
	}
	if _, err := LoadConfig(readDefaults(t), dir, false); err == nil {
		t.Error("a directory at the default path is not an error")
	}
}

// TestSettingsValidate: the limits every way of choosing settings shares.
func TestSettingsValidate(t *testing.T) {
	ok := Settings{Topics: []string{"gnn"}, Count: 5, TimeLimit: 3 * time.Minute, Order: OrderMixed}
	for _, tc := range []struct {
		name  string
		edit  func(*Settings)
		field string
	}{
		{"valid", func(*Settings) {}, ""},
		{"no questions", func(s *Settings) { s.Count = 0 }, "count"},
		{"too many questions", func(s *Settings) { s.Count = MaxCount + 1 }, "count"},
		{"an hour is the cap", func(s *Settings) { s.TimeLimit = MaxTimeLimit }, ""},
		{"1000h", func(s *Settings) { s.TimeLimit = 1000 * time.Hour }, "time_per_question"},
		{"1s", func(s *Settings) { s.TimeLimit = time.Second }, "time_per_question"},
		{"unknown order", func(s *Settings) { s.Order = "random" }, "order"},
		{"empty topic", func(s *Settings) { s.Topics = []string{" "} }, "topics"},
	} {
		s := ok
		tc.edit(&s)
		ps := s.Validate()
		switch {
		case tc.field == "" && len(ps) > 0:
			t.Errorf("%s: problems %v", tc.name, ps)
		case tc.field != "" && (len(ps) != 1 || ps[0].Field != tc.field):
			t.Errorf("%s: problems %v, want one on %s", tc.name, ps, tc.field)
		}
	}
}
