package main

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"grill/interview"
	"grill/report"
	"grill/store"
)

// cmdExport runs grill export anki: the cards of past sessions as an Anki
// text import file.
func cmdExport(args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "anki" {
		return usageError{"export: say anki (grill export anki --out FILE)"}
	}
	fs := newFlags("export anki", stderr)
	var c common
	c.register(fs)
	since := fs.String("since", "", "only sessions started on or after this date (2026-11-01)")
	only := fs.String("only", report.OnlyMissed, "missed, again or all")
	out := fs.String("out", "", "the file to write (- for standard output)")
	deck := fs.String("anki-deck", "grill", "the Anki deck the notes go to")
	if err := parse(fs, args[1:], stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("export anki: unexpected argument %q", fs.Arg(0))}
	}
	if *out == "" {
		return usageError{"export anki: --out FILE is required (- for standard output)"}
	}
	var from time.Time
	if *since != "" {
		t, err := parseDate(*since)
		if err != nil {
			return valueError{[]string{fmt.Sprintf("--since %q: want a date such as 2026-11-01", *since)}}
		}
		from = t
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	sessions := store.NewStore(dataDir(cfg))
	defer sessions.Close()
	sums, errs := sessions.List()
	for _, e := range errs {
		fmt.Fprintf(stderr, "grill: %v\n", e)
	}
	var recs []*interview.Record
	for _, s := range sums {
		if s.Started.Before(from) {
			continue
		}
		rec, err := sessions.Load(s.ID)
		if err != nil {
			fmt.Fprintf(stderr, "grill: %v\n", err)
			continue
		}
		recs = append(recs, rec)
	}
	notes, err := report.SelectAnki(recs, lib, from, *only)
	if err != nil {
		return valueError{[]string{err.Error()}}
	}
	var buf bytes.Buffer
	if err := report.WriteAnki(&buf, notes, *deck); err != nil {
		return err
	}
	if *out == "-" {
		_, err = stdout.Write(buf.Bytes())
		return err
	}
	if err := store.WriteFileAtomic(*out, buf.Bytes(), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "grill: %d card(s) written to %s (Anki: File › Import)\n", len(notes), *out)
	return nil
}

// parseDate reads a date (2026-11-01, local midnight) or a time (RFC 3339).
func parseDate(s string) (time.Time, error) {
	if t, err := time.ParseInLocation("2006-01-02", s, time.Local); err == nil {
		return t, nil
	}
	return time.Parse(time.RFC3339, s)
}
