package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"

	"grill/decks"
	"grill/report"
	"grill/store"
)

// writeHTML writes the HTML report of session id, with the history of the
// stored sessions for its trend chart.
func writeHTML(w io.Writer, sessions *store.Store, lib *decks.Library, id string) error {
	rec, err := sessions.Load(id)
	if err != nil {
		return err
	}
	history, _ := sessions.List() // unreadable records are left out of the chart
	_, err = io.WriteString(w, report.HTML(rec, lib, history))
	return err
}

// openReport writes the HTML report of session id to a temporary file and
// opens it with the platform's opener (xdg-open, open), or prints its path
// when there is none or it fails.
func openReport(stdout io.Writer, sessions *store.Store, lib *decks.Library, id string) error {
	rec, err := sessions.Load(id)
	if err != nil {
		return err
	}
	history, _ := sessions.List()
	dir, err := os.MkdirTemp("", "grill-report-")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, rec.ID+".html")
	if err := store.WriteFileAtomic(path, []byte(report.HTML(rec, lib, history)), 0o600); err != nil {
		return err
	}
	opener := "xdg-open"
	switch runtime.GOOS {
	case "darwin":
		opener = "open"
	case "windows":
		opener = "explorer"
	}
	if p, err := exec.LookPath(opener); err == nil {
		if err := exec.Command(p, path).Start(); err == nil {
			fmt.Fprintf(stdout, "opened %s\n", path)
			return nil
		}
	}
	fmt.Fprintln(stdout, path)
	return nil
}
