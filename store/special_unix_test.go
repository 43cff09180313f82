//go:build unix

package store

import (
	"bytes"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// noBlock runs f and fails the test if it has not returned after 10 s (it
// is then blocked on a FIFO; the test binary is left to the -timeout).
func noBlock(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("%s blocked", what)
	}
}

// TestFIFONamedLikeASessionIsSkipped: a named pipe called like the newest
// session is never opened: the list names it in its warnings and shows
// the other sessions, "latest" is the newest real session, Resumable
// (grill start) goes past it, and asking for it by id says what it is.
func TestFIFONamedLikeASessionIsSkipped(t *testing.T) {
	s := newTestStore(t)
	s.Render = stubReport
	rec := sampleRecord(t0)
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	const fifoID = "20301125T230000Z"
	fifo := s.JSONPath(fifoID)
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	if err := syscall.Mkfifo(s.MarkdownPath(fifoID), 0o600); err != nil {
		t.Fatal(err)
	}
	noBlock(t, "List", func() {
		sums, errs := s.List()
		if len(sums) != 1 || sums[0].ID != rec.ID {
			t.Errorf("List = %+v, want only %s", sums, rec.ID)
		}
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), fifo+": not a regular file (a named pipe); skipped") {
			t.Errorf("List warnings = %v, want one naming %s", errs, fifo)
		}
	})
	noBlock(t, "Show latest", func() {
		var buf bytes.Buffer
		if err := s.Show(&buf, Latest, FormatMarkdown); err != nil || !strings.Contains(buf.String(), rec.ID) {
			t.Errorf("Show latest: %v\n%s", err, buf.String())
		}
	})
	noBlock(t, "Resumable", func() {
		if r, err := s.Resumable(); err != nil || r != nil {
			t.Errorf("Resumable = %v, %v; want nothing to resume", r, err)
		}
	})
	noBlock(t, "Load by id", func() {
		_, err := s.Load(fifoID)
		if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
			t.Errorf("Load(%s) = %v", fifoID, err)
		}
		var buf bytes.Buffer
		if err := s.Show(&buf, fifoID, FormatMarkdown); err == nil {
			t.Errorf("Show(%s) printed %q", fifoID, buf.String())
		}
	})
	// A symbolic link to a regular record is read; one to a FIFO is not.
	link := filepath.Join(s.Dir(), "20311125T230000Z.json")
	if err := syscall.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	noBlock(t, "List with a link", func() {
		if _, errs := s.List(); len(errs) != 2 {
			t.Errorf("warnings = %v, want the FIFO and the link to it", errs)
		}
	})
}
