package main

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"grill/decks"
	"grill/interview"
)

func TestLastSettingsRemembered(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var cfg interview.Config
	cfg.Session = interview.SessionConfig{Count: 5, TimeLimit: 3 * time.Minute, Order: "mixed"}
	applyLastSettings(&cfg, lib, nil) // nothing remembered yet
	if cfg.Session.Count != 5 {
		t.Fatalf("no state file, yet count %d", cfg.Session.Count)
	}
	saveLastSettings(interview.Settings{Topics: []string{"vla", "gone"}, Count: 2, TimeLimit: 90 * time.Second, Order: "due"})
	if fi, err := os.Stat(filepath.Join(os.Getenv("XDG_STATE_HOME"), "grill", "last-session.json")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v %v", fi, err)
	}
	got := cfg
	applyLastSettings(&got, lib, nil)
	s := got.Session
	if len(s.Topics) != 1 || s.Topics[0] != "vla" || s.Count != 2 || s.TimeLimit != 90*time.Second || !s.TimeChosen || s.Order != "due" {
		t.Errorf("remembered settings: %+v", s)
	}
	// A flag wins over what was remembered.
	got = cfg
	applyLastSettings(&got, lib, map[string]bool{"count": true, "time": true})
	if got.Session.Count != 5 || got.Session.TimeLimit != 3*time.Minute || got.Session.Order != "due" {
		t.Errorf("with --count and --time: %+v", got.Session)
	}
	// Settings out of bounds are not taken.
	saveLastSettings(interview.Settings{Count: 5000, TimeLimit: time.Minute, Order: "mixed"})
	got = cfg
	applyLastSettings(&got, lib, nil)
	if got.Session.Count != 5 {
		t.Errorf("count 5000 taken: %+v", got.Session)
	}
}
