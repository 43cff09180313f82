package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofrs/flock"

	"grill/interview"
)

// IDFormat is the time layout of a session id: the UTC start time, sortable
// as text. A second session started in the same second gets a suffix: -2, -3…
const IDFormat = "20060102T150405Z"

// Latest is the session id that names the newest session.
const Latest = "latest"

var idPattern = regexp.MustCompile(`^\d{8}T\d{6}Z(-[1-9]\d{0,5})?$`)

// ValidID reports whether id has the form of a session id (IDFormat with an
// optional numeric suffix). Other names are never read or written, so that an
// id taken from the command line cannot name a file outside the store.
func ValidID(id string) bool { return idPattern.MatchString(id) }

// DefaultDataDir returns where grill keeps its data: $XDG_DATA_HOME/grill,
// or ~/.local/share/grill when XDG_DATA_HOME is unset or not absolute (as the
// XDG base directory specification asks).
func DefaultDataDir(getenv func(string) string, home string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "grill")
	}
	return filepath.Join(home, ".local", "share", "grill")
}

// Store keeps session records on disk, in <dataDir>/sessions: <id>.json
// (the Record) and, once the session has ended, <id>.md (its report). The
// directories it creates are 0700 (existing ones keep their permissions) and
// its files 0600, and every file is
// replaced atomically, so a crash at any moment leaves either the old or
// the new version of a file, never a mix.
//
// A session is written by one process at a time: a Store takes an advisory
// lock (flock on <id>.lock) on every session it writes, held until the
// session ends, is abandoned, or the Store is closed. The kernel drops the
// lock when the process dies, so a killed grill never leaves a session
// locked.
//
// A Store is safe for concurrent use by several goroutines.
type Store struct {
	// Render makes the Markdown report written beside a session record
	// once the session has ended (<id>.md), and printed by Show for a
	// session that has none; nil writes no report.
	Render func(rec *interview.Record) string
	// Now is the time source for ids of records saved with no start time;
	// nil means time.Now.
	Now func() time.Time

	dir string // <dataDir>/sessions

	mu     sync.Mutex
	locks  map[string]*flock.Flock // id → held lock
	claims map[claimKey]string     // (record id, start) → id the record is saved under
}

// claimKey identifies a session in memory: the id it came with and its start
// time. Two sessions started in the same second share the id but not the
// start time.
type claimKey struct {
	id      string
	started int64
}

// NewStore returns a Store for dataDir (see DefaultDataDir). Nothing is
// created on disk until the first Save.
func NewStore(dataDir string) *Store {
	return &Store{
		dir:    filepath.Join(dataDir, "sessions"),
		locks:  map[string]*flock.Flock{},
		claims: map[claimKey]string{},
	}
}

// Dir returns the directory holding the session files.
func (s *Store) Dir() string { return s.dir }

// JSONPath returns the path of the record of session id.
func (s *Store) JSONPath(id string) string { return filepath.Join(s.dir, id+".json") }

// MarkdownPath returns the path of the Markdown report of session id.
func (s *Store) MarkdownPath(id string) string { return filepath.Join(s.dir, id+".md") }

func (s *Store) lockPath(id string) string { return filepath.Join(s.dir, id+".lock") }

// LockedError is returned when a session is being written by another grill
// process.
type LockedError struct {
	ID   string
	Path string // the lock file
	PID  int    // the process holding it, 0 if unknown
}

func (e *LockedError) Error() string {
	who := "another grill process"
	if e.PID > 0 {
		who = fmt.Sprintf("grill process %d", e.PID)
	}
	return fmt.Sprintf("session %s is in use by %s (lock %s)", e.ID, who, e.Path)
}

// Save writes rec to <id>.json, and when the session has ended also the
// Markdown report <id>.md, atomically. A session in progress is the same
// record with Ended zero; call Save after every change and Save again when
// it ends. Save sets rec.SchemaVersion, and rec.ID when it is empty (from
// rec.Started).
//
// The first Save of a session takes its lock. When another session already
// has rec's id (two sessions started in the same second), Save picks the
// next free id with a suffix (-2, -3…), stores it in rec.ID and keeps using
// it for later saves of records with the same original id and start time, so
// that the copies a Session hands to its OnChange callback all land in the
// same file. When the session is being written by another process, Save
// returns a *LockedError and writes nothing.
//
// Once the session has ended, its lock is released. Errors name the path
// that could not be written; the record in memory is unaffected, so the
// caller can offer to print the report or write it elsewhere (Export).
// rec must not be modified while Save runs.
func (s *Store) Save(rec *interview.Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rec.Started.IsZero() {
		rec.Started = s.now()
	}
	if rec.ID == "" {
		rec.ID = rec.Started.UTC().Format(IDFormat)
	}
	if !ValidID(rec.ID) {
		return fmt.Errorf("saving session: invalid id %q", rec.ID)
	}
	rec.SchemaVersion = interview.SchemaVersion
	// No other save may change the directory between before and the index
	// update (see lockIndex); without the lock the index is left stale, for
	// the next reader to rebuild.
	indexed, unlockIndex := s.lockIndex()
	defer unlockIndex()
	before, _ := s.dirMtime() // before this save touches the directory (lock file, record)
	key := claimKey{rec.ID, rec.Started.UnixNano()}
	id, ok := s.claims[key]
	if !ok || s.locks[id] == nil {
		if err := s.mkdir(); err != nil {
			return err
		}
		var err error
		if id, err = s.claim(rec.ID, rec.Started); err != nil {
			return err
		}
		s.claims[key] = id
	}
	rec.ID = id
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("saving session %s: %w", id, err)
	}
	data = append(data, '\n')
	if len(data) > MaxRecordBytes {
		return fmt.Errorf("saving session %s: the record is %d bytes, more than the %d (16 MiB) a session file may hold", id, len(data), MaxRecordBytes)
	}
	if err := WriteFileAtomic(s.JSONPath(id), data, 0o600); err != nil {
		return fmt.Errorf("saving session %s: %w", id, err)
	}
	if rec.Ended.IsZero() {
		if indexed {
			s.updateIndex(rec, before)
		}
		return nil
	}
	if s.Render != nil {
		if err := WriteFileAtomic(s.MarkdownPath(id), []byte(s.Render(rec)), 0o600); err != nil {
			return fmt.Errorf("saving report of session %s: %w", id, err)
		}
	}
	s.unlock(id, true)
	if indexed {
		s.updateIndex(rec, before)
	}
	return nil
}

// Abandon marks the in-progress session id as abandoned (it stays in the
// history, and is no longer offered for resuming) and releases its lock.
// It fails with a *LockedError when another process is writing the session.
func (s *Store) Abandon(id string) error {
	if !ValidID(id) {
		return fmt.Errorf("abandoning session: invalid id %q", id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locks[id] == nil {
		if err := s.lock(id); err != nil {
			return err
		}
	}
	defer s.unlock(id, true)
	rec, err := s.load(id)
	if err != nil {
		return err
	}
	if !rec.Ended.IsZero() || rec.Abandoned {
		return nil
	}
	rec.Abandoned = true
	indexed, unlockIndex := s.lockIndex()
	defer unlockIndex()
	before, _ := s.dirMtime()
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return fmt.Errorf("abandoning session %s: %w", id, err)
	}
	if err := WriteFileAtomic(s.JSONPath(id), append(data, '\n'), 0o600); err != nil {
		return fmt.Errorf("abandoning session %s: %w", id, err)
	}
	s.unlock(id, true)
	if indexed {
		s.updateIndex(rec, before)
	}
	return nil
}

// Resumable returns the newest session that is still in progress (Ended
// zero), not abandoned, and not being written by a live grill process, or
// nil when there is none. It takes the session's lock, so that two grill
// processes started together never resume the same session: the caller
// then either resumes it (later Saves of the record go to the same file) or
// calls Abandon.
//
// The candidates are the sessions that have a lock file (a session keeps
// one from its first save until it ends or is abandoned, also when its
// process was killed) and the newest few sessions, so that the cost does
// not grow with the history. Unreadable records are skipped.
func (s *Store) Resumable() (*interview.Record, error) {
	ids, locked, _, err := s.scan()
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	// Lock files with no record: a process killed before its first save.
	for id := range locked {
		if _, err := os.Stat(s.JSONPath(id)); errors.Is(err, fs.ErrNotExist) && s.locks[id] == nil {
			if s.lock(id) == nil {
				s.unlock(id, true)
			}
		}
	}
	for i, id := range ids {
		if i >= resumeWindow && !locked[id] {
			continue
		}
		if !locked[id] {
			// Most of the newest sessions have ended: look before locking,
			// so that no lock file comes and goes (which would make the
			// index look stale).
			if rec, err := s.load(id); err != nil || !rec.Ended.IsZero() || rec.Abandoned {
				continue
			}
		}
		held := s.locks[id] != nil
		if !held {
			if err := s.lock(id); err != nil {
				var le *LockedError
				if errors.As(err, &le) {
					continue
				}
				return nil, err
			}
		}
		rec, err := s.load(id)
		if err != nil || !rec.Ended.IsZero() || rec.Abandoned {
			if !held {
				s.unlock(id, true)
			}
			continue
		}
		s.claims[claimKey{id, rec.Started.UnixNano()}] = id
		return rec, nil
	}
	return nil, nil
}

// resumeWindow is how many of the newest sessions Resumable reads besides
// those with a lock file.
const resumeWindow = 20

// Release gives up the lock on session id without changing its files, as
// when grill exits in the middle of a session: the session stays in
// progress and will be offered by Resumable. Releasing an id that is not
// held does nothing.
func (s *Store) Release(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, claimed := range s.claims {
		if k.id == id && s.locks[id] == nil {
			s.unlock(claimed, false)
		}
	}
	s.unlock(id, false)
}

// Close releases every lock the Store holds, leaving the sessions as they
// are on disk.
func (s *Store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for id := range s.locks {
		s.unlock(id, false)
	}
	return nil
}

// Load reads the record of session id ("latest" for the newest session).
// A missing, corrupt or truncated file, or one with a schema version this
// grill does not know, gives an error naming the file.
func (s *Store) Load(id string) (*interview.Record, error) {
	id, err := s.resolve(id)
	if err != nil {
		return nil, err
	}
	return s.load(id)
}

func (s *Store) load(id string) (*interview.Record, error) {
	path := s.JSONPath(id)
	data, err := readFile(path)
	if err != nil {
		return nil, readError(id, path, err)
	}
	return DecodeRecord(path, data)
}

// DecodeRecord decodes a session record read from the file name. Errors
// name the file: invalid JSON (with "truncated" when the data ends early),
// a missing or unknown schema_version, or fields of the wrong type.
func DecodeRecord(name string, data []byte) (*interview.Record, error) {
	if _, err := decodeDigest(name, data); err != nil {
		return nil, err
	}
	var rec interview.Record
	if err := json.Unmarshal(data, &rec); err != nil {
		return nil, fmt.Errorf("%s: corrupt session record: %w", name, err)
	}
	if id := strings.TrimSuffix(filepath.Base(name), ".json"); ValidID(id) {
		rec.ID = id // the file name is the id
	}
	return &rec, nil
}

// readError describes a failure to read the record of session id.
func readError(id, path string, err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("no session %s: %s does not exist", id, path)
	}
	return fmt.Errorf("reading session %s: %w", id, err)
}

// resolve turns "latest" into the newest readable session's id and
// validates any other id.
func (s *Store) resolve(id string) (string, error) {
	if id == Latest {
		ids, err := s.ids()
		if err != nil {
			return "", err
		}
		if len(ids) == 0 {
			return "", fmt.Errorf("no sessions yet in %s", s.dir)
		}
		// The newest session that can be read: a corrupt newest file does
		// not hide the sessions before it ("report list" names it).
		for _, id := range ids {
			if _, err := s.load(id); err == nil {
				return id, nil
			}
		}
		return ids[0], nil
	}
	if !ValidID(id) {
		return "", fmt.Errorf("invalid session id %q (want an id such as 20261125T171849Z, or %s)", id, Latest)
	}
	return id, nil
}

// ids returns the ids of every session record in the store, newest first.
// A store directory that does not exist yet holds no sessions.
func (s *Store) ids() ([]string, error) {
	ids, _, _, err := s.scan()
	return ids, err
}

// scan returns the ids of every session record in the store, newest first,
// and the set of ids that have a lock file. Only regular files (or
// symbolic links to them) are session records: anything else named like one
// (a FIFO, a socket, a directory) is left out, never opened, and named in
// the warnings.
func (s *Store) scan() (ids []string, locked map[string]bool, warnings []error, err error) {
	entries, err := os.ReadDir(s.dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, nil, nil
		}
		return nil, nil, nil, &DirError{Dir: s.dir, Err: err}
	}
	ids = make([]string, 0, len(entries))
	locked = map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if id, ok := strings.CutSuffix(name, ".json"); ok && ValidID(id) {
			path := filepath.Join(s.dir, name)
			mode := e.Type()
			if mode&fs.ModeSymlink != 0 {
				fi, err := os.Stat(path)
				if err != nil {
					warnings = append(warnings, readError(id, path, err))
					continue
				}
				mode = fi.Mode()
			}
			if !mode.IsRegular() {
				warnings = append(warnings, fmt.Errorf("%w; skipped", &NotRegularError{Path: path, Mode: mode}))
				continue
			}
			ids = append(ids, id)
		} else if id, ok := strings.CutSuffix(name, ".lock"); ok && ValidID(id) {
			locked[id] = true
		}
	}
	sortIDs(ids)
	return ids, locked, warnings, nil
}

// DirError is returned when the session directory exists but cannot be
// listed: grill cannot tell which sessions there are, which is not the same
// as there being none.
type DirError struct {
	Dir string
	Err error
}

func (e *DirError) Error() string {
	return fmt.Sprintf("cannot list the sessions in %s: %v", e.Dir, pathCause(e.Err))
}

func (e *DirError) Unwrap() error { return e.Err }

// pathCause drops the operation and path from a *fs.PathError when the
// message names the path itself.
func pathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// sortIDs sorts session ids newest first.
func sortIDs(ids []string) { slices.SortFunc(ids, func(a, b string) int { return compareIDs(b, a) }) }

// compareIDs orders session ids by time, then by suffix (so that -10 comes
// after -9).
func compareIDs(a, b string) int {
	ab, an := splitID(a)
	bb, bn := splitID(b)
	if c := strings.Compare(ab, bb); c != 0 {
		return c
	}
	return an - bn
}

// splitID splits an id into its timestamp and its suffix (1 when none).
func splitID(id string) (string, int) {
	if base, suf, ok := strings.Cut(id, "-"); ok {
		n, _ := strconv.Atoi(suf)
		return base, n
	}
	return id, 1
}

// report renders the Markdown report of rec, empty without Render.
func (s *Store) report(rec *interview.Record) string {
	if s.Render == nil {
		return ""
	}
	return s.Render(rec)
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// mkdir creates the sessions directory, 0700 with any missing parents,
// when it does not exist. A directory that exists keeps the permissions its
// owner gave it: grill tightens only what it creates. When the owner may
// not write it (the user made it read-only), Save fails saying so, and the
// interface offers to write the report elsewhere or print it.
func (s *Store) mkdir() error {
	fi, err := os.Stat(s.dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(s.dir, 0o700); err != nil {
			return fmt.Errorf("cannot create the session directory %s: %w", s.dir, err)
		}
		return nil
	case err != nil:
		return fmt.Errorf("cannot use the session directory %s: %w", s.dir, err)
	case !fi.IsDir():
		return fmt.Errorf("cannot use the session directory %s: not a directory", s.dir)
	case fi.Mode().Perm()&0o200 == 0:
		return &NotWritableError{Dir: s.dir, Perm: fi.Mode().Perm()}
	}
	return nil
}

// NotWritableError is returned by Save when the session directory is
// read-only: its owner has no write permission. grill does not change
// permissions it did not set.
type NotWritableError struct {
	Dir  string
	Perm fs.FileMode
}

func (e *NotWritableError) Error() string {
	return fmt.Sprintf("the session directory %s is not writable (permissions %04o, left as they are)", e.Dir, uint32(e.Perm))
}

// Unwrap makes errors.Is(err, fs.ErrPermission) true.
func (e *NotWritableError) Unwrap() error { return fs.ErrPermission }

// claim finds the id a new session with the given start time is saved
// under: id itself, or id-2, id-3… when another session has it. It returns
// with that id locked. A record already on disk under the id with the same
// start time is the same session (as after a restart), and is claimed.
func (s *Store) claim(id string, started time.Time) (string, error) {
	base, _ := splitID(id)
	n := 1
	if _, suf, ok := strings.Cut(id, "-"); ok {
		n, _ = strconv.Atoi(suf)
	}
	for ; n < 1000; n++ {
		cand := base
		if n > 1 {
			cand = base + "-" + strconv.Itoa(n)
		}
		if s.locks[cand] != nil {
			continue // another session of this process has it
		}
		err := s.lock(cand)
		same, exists := s.sameSession(cand, started)
		var le *LockedError
		switch {
		case err == nil && (!exists || same):
			return cand, nil
		case err == nil:
			s.unlock(cand, false)
		case errors.As(err, &le):
			if same {
				return "", err
			}
		default:
			return "", fmt.Errorf("saving session %s: cannot write to %s: %w", cand, s.dir, err)
		}
	}
	return "", fmt.Errorf("saving session %s: no free id in %s", id, s.dir)
}

// sameSession reports whether a record exists under id, and whether it is
// the session that started at started.
func (s *Store) sameSession(id string, started time.Time) (same, exists bool) {
	data, err := readFile(s.JSONPath(id))
	if errors.Is(err, fs.ErrNotExist) {
		return false, false
	}
	var head struct {
		Started time.Time `json:"started"`
	}
	if err != nil || json.Unmarshal(data, &head) != nil {
		return false, true
	}
	return head.Started.Equal(started), true
}

// Export writes the record and Markdown report of rec into dir, as
// <id>.json and <id>.md, for when the data directory cannot be written. It
// takes no lock and returns the path of the Markdown report.
func (s *Store) Export(dir string, rec *interview.Record) (string, error) {
	if rec.ID == "" {
		rec.ID = rec.Started.UTC().Format(IDFormat)
	}
	rec.SchemaVersion = interview.SchemaVersion
	data, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return "", fmt.Errorf("exporting session %s: %w", rec.ID, err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, rec.ID+".json"), append(data, '\n'), 0o600); err != nil {
		return "", err
	}
	md := filepath.Join(dir, rec.ID+".md")
	if err := WriteFileAtomic(md, []byte(s.report(rec)), 0o600); err != nil {
		return "", err
	}
	return md, nil
}
