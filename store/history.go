package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"

	"grill/interview"
)

// List returns a summary of every stored session, newest first. Records
// that cannot be read (corrupt, truncated, unknown schema version) are left
// out and reported in the errors, each naming its file; the others are
// still listed.
func (s *Store) List() ([]interview.Summary, []error) {
	return s.list() // from the summaries file (see summary.go)
}

// History reads every stored session: their summaries and the reviews of
// their answered questions (from every session, ended or not: an answer
// given in an interrupted session was still given). Unreadable records are
// reported in the errors and skipped.
func (s *Store) History() (interview.History, []error) {
	return s.history(true, true)
}

// Reviews returns the answered questions of every stored session, oldest
// first, as History does, without the summaries: what the weakest and due
// orders need at start-up.
func (s *Store) Reviews() ([]interview.Review, []error) {
	h, errs := s.history(false, true)
	return h.Reviews, errs
}

// history reads the digest of every record from the index (see index.go),
// which it brings up to date first when the sessions directory changed
// behind its back.
func (s *Store) history(withSessions, withReviews bool) (interview.History, []error) {
	digests, bad := s.digests()
	var h interview.History
	if withSessions {
		h.Sessions = make([]interview.Summary, len(digests))
		for i, d := range digests {
			h.Sessions[i] = interview.Summarize(d)
		}
	}
	if withReviews {
		n := 0
		for _, d := range digests {
			n += len(d.Questions)
		}
		h.Reviews = make([]interview.Review, 0, n)
		byTime := func(a, b interview.Review) int { return a.Time.Compare(b.Time) }
		for i := len(digests) - 1; i >= 0; i-- { // oldest session first
			n := len(h.Reviews)
			h.Reviews = interview.AppendReviews(h.Reviews, digests[i])
			if !slices.IsSortedFunc(h.Reviews[n:], byTime) { // nearly always in order
				slices.SortStableFunc(h.Reviews[n:], byTime) // a few answers: cheap
			}
		}
		if !slices.IsSortedFunc(h.Reviews, byTime) { // sessions that overlap in time
			slices.SortStableFunc(h.Reviews, byTime)
		}
	}
	return h, bad
}

// digest reads the digest of session id (see scanDigest), using buf (which
// may be nil) to hold the file.
func (s *Store) digest(id string, buf *bytes.Buffer) (*interview.Digest, error) {
	path := s.JSONPath(id)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	if err := readRegular(path, buf); err != nil {
		return nil, readError(id, path, err)
	}
	d, err := decodeDigest(path, buf.Bytes())
	if err != nil {
		return nil, err
	}
	d.ID = id
	return d, nil
}

// decodeDigest reads the digest of the record in data, read from the file
// name, and checks its schema version. Errors name the file.
func decodeDigest(name string, data []byte) (*interview.Digest, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: empty session record", name)
	}
	d, version, err := scanDigest(data)
	if err != nil && (version == nil || knownVersion(*version)) {
		return nil, scanError(name, data, err)
	}
	switch { // a record of another version may well look corrupt: say why first
	case version == nil:
		return nil, fmt.Errorf("%s: not a grill session record (no schema_version)", name)
	case !knownVersion(*version):
		return nil, fmt.Errorf("%s: unsupported schema_version %d (this grill reads versions 1 to %d)", name, *version, interview.SchemaVersion)
	}
	return d, nil
}

// knownVersion reports whether records of schema version v can be read.
func knownVersion(v int) bool { return v >= 1 && v <= interview.SchemaVersion }

// The formats of Show.
const (
	FormatMarkdown = "md"
	FormatJSON     = "json"
)

// Show prints session id ("latest" for the newest) for `grill report show`.
// Format "md" (or "") prints its Markdown report: the <id>.md file, or one
// made from the record when there is none (a session in progress). Format
// "json" prints the record file as it is, after checking that it is a
// readable record of a known schema version; a record of an older version
// is printed as the current version writes it (durations in seconds).
// Errors name the file.
func (s *Store) Show(w io.Writer, id, format string) error {
	if format != "" && format != FormatMarkdown && format != FormatJSON {
		return fmt.Errorf("unknown report format %q (want %s or %s)", format, FormatMarkdown, FormatJSON)
	}
	id, err := s.resolve(id)
	if err != nil {
		return err
	}
	if format == FormatJSON {
		path := s.JSONPath(id)
		data, err := readFile(path)
		if err != nil {
			return readError(id, path, err)
		}
		rec, err := DecodeRecord(path, data)
		if err != nil {
			return err
		}
		if rec.SchemaVersion != interview.SchemaVersion {
			rec.SchemaVersion = interview.SchemaVersion
			if data, err = json.MarshalIndent(rec, "", "  "); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			data = append(data, '\n')
		}
		_, err = w.Write(data)
		return err
	}
	md, err := readFile(s.MarkdownPath(id))
	if err == nil {
		_, err = w.Write(md)
		return err
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("reading report of session %s: %w", id, err)
	}
	rec, err := s.load(id)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, s.report(rec))
	return err
}
