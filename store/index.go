package store

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofrs/flock"

	"grill/interview"
)

// The index (<data dir>/sessions.index) holds the digest of every session
// record (see scanDigest) with the size and modification time of its file,
// so that listing the history, ranking cards by it and the home screen read
// one file instead of every session. Each Save updates it. It is trusted
// when the sessions directory has not changed since it was written (same
// modification time); otherwise every record's size and time are checked
// and the records that changed, and only those, are read again and the
// index rewritten. A missing, unreadable or foreign index is rebuilt the
// same way, so deleting it is always safe. (A record rewritten in place,
// without a rename, leaves the directory's time alone: it is noticed at the
// next change of the directory, such as the next save.)
//
// It is a text file of tab-separated lines: a header, then per session an
// "s" line (or "e" for a record that cannot be read, with the error)
// followed by one "q" line per question, then the directory's modification
// time ("dir"). A save appends its session's lines and a new "dir" line;
// the last lines of a session win, and readers compact the file when it
// holds many such repeats.
// Times are nanoseconds since 1970 (0 for none).

// Version 4 adds the settings' mode and retry_of to the "s" lines, which
// tell interviews and retries apart from practice rounds; version 5 the
// number of questions planned and whether an interview's round is over,
// which tell a complete session from one quit early; version 6 the time
// used on each question's follow-ups to the "q" lines, which the time
// answering counts. An index of another version is rebuilt.
const indexMagic = "grill-index 6"

// indexEntry is what the index knows of one record file.
type indexEntry struct {
	size, mtime int64
	rec         *interview.Digest // nil when err is set
	err         string            // why the record cannot be read
}

// index is the content of the index file.
type index struct {
	dirMtime int64
	entries  map[string]*indexEntry // by session id
	order    []string               // the ids in the order read from the file (newest first), if read
	replaced int                    // entries read more than once: appended by saves
}

func (s *Store) indexPath() string     { return filepath.Join(filepath.Dir(s.dir), "sessions.index") }
func (s *Store) indexLockPath() string { return s.indexPath() + ".lock" }

// dirMtime returns the modification time of the sessions directory, 0 when
// it does not exist.
func (s *Store) dirMtime() (int64, error) {
	fi, err := os.Stat(s.dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, &DirError{Dir: s.dir, Err: err}
	}
	if !fi.IsDir() {
		return 0, &DirError{Dir: s.dir, Err: errors.New("not a directory")}
	}
	return fi.ModTime().UnixNano(), nil
}

// digests returns the digest of every session record, newest first, and the
// errors of those that cannot be read, each naming its file: from the index
// when it is up to date, else after bringing it up to date.
func (s *Store) digests() ([]*interview.Digest, []error) {
	ix, err := s.freshIndex()
	if err != nil {
		return nil, []error{err}
	}
	return ix.sorted()
}

// freshIndex returns the index, brought up to date with the sessions
// directory first when it is not (an empty index when there is no
// directory).
func (s *Store) freshIndex() (*index, error) {
	m, err := s.dirMtime()
	if err != nil {
		return nil, err
	}
	if m == 0 {
		return &index{entries: map[string]*indexEntry{}}, nil
	}
	// Nearly everything parsing allocates is kept (the digests): collecting
	// garbage meanwhile would only scan it again and again.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	ix, _ := s.readIndex()
	switch {
	case ix == nil || ix.dirMtime != m:
		ix, err = s.refreshIndex(ix)
		if err != nil {
			return nil, err
		}
		s.writeIndexLocked(ix)
	case ix.replaced > 1000 && ix.replaced > len(ix.entries)/4:
		s.writeIndexLocked(ix) // compact the lines appended by saves
	}
	return ix, nil
}

// sorted returns the digests of ix newest first, and the errors.
func (ix *index) sorted() ([]*interview.Digest, []error) {
	ids := ix.order
	if len(ids) != len(ix.entries) {
		ids = make([]string, 0, len(ix.entries))
		for id := range ix.entries {
			ids = append(ids, id)
		}
	}
	if !slices.IsSortedFunc(ids, func(a, b string) int { return compareIDs(b, a) }) {
		sortIDs(ids)
	}
	recs := make([]*interview.Digest, 0, len(ids))
	var errs []error
	for _, id := range ids {
		e := ix.entries[id]
		if e.rec == nil {
			errs = append(errs, errors.New(e.err))
			continue
		}
		recs = append(recs, e.rec)
	}
	return recs, errs
}

// refreshIndex brings old (nil for none) up to date with the sessions
// directory: entries whose file has the same size and modification time
// are kept, the others read again (on all cores), and entries of files that
// are gone dropped.
func (s *Store) refreshIndex(old *index) (*index, error) {
	m, err := s.dirMtime()
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, &DirError{Dir: s.dir, Err: err}
	}
	ix := &index{dirMtime: m, entries: make(map[string]*indexEntry, len(entries))}
	var stale []string
	for _, de := range entries {
		id, ok := strings.CutSuffix(de.Name(), ".json")
		if !ok || !ValidID(id) || de.IsDir() {
			continue
		}
		fi, err := de.Info()
		if err != nil {
			continue // removed meanwhile
		}
		size, mtime := fi.Size(), fi.ModTime().UnixNano()
		if mode := fi.Mode(); !mode.IsRegular() {
			// Only regular files are records: a FIFO would block the
			// reader. A symbolic link counts as what it points to.
			path := filepath.Join(s.dir, de.Name())
			if mode&fs.ModeSymlink != 0 {
				if t, err := os.Stat(path); err == nil {
					mode = t.Mode()
				}
			}
			if !mode.IsRegular() {
				err := fmt.Errorf("%w; skipped", &NotRegularError{Path: path, Mode: mode})
				ix.entries[id] = &indexEntry{size: size, mtime: mtime, err: err.Error()}
				continue
			}
		}
		if old != nil {
			if e := old.entries[id]; e != nil && e.size == size && e.mtime == mtime {
				ix.entries[id] = e
				continue
			}
		}
		ix.entries[id] = &indexEntry{size: size, mtime: mtime}
		stale = append(stale, id)
	}
	workers := min(runtime.GOMAXPROCS(0), 8, max(len(stale), 1))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(stale) {
					return
				}
				e := ix.entries[stale[i]]
				if rec, err := s.digest(stale[i], &buf); err != nil {
					e.err = err.Error()
				} else {
					e.rec = rec
				}
			}
		}()
	}
	wg.Wait()
	return ix, nil
}

// lockIndex takes the index lock, which every save holds from before it
// reads the sessions directory's time until it has recorded its session in
// the index and the side files: so the directory time a save writes there
// ("after") is the time its own change made, never one that also covers
// another process's save not yet recorded (which would make readers trust
// files that lack that session). It returns whether the lock is held and
// the function that releases it.
func (s *Store) lockIndex() (bool, func()) {
	l := flock.New(s.indexLockPath(), flock.SetPermissions(0o600))
	if err := l.Lock(); err != nil {
		return false, func() {}
	}
	return true, func() { l.Close() }
}

// updateIndex records in the index that session rec was just saved, its
// file being written after the sessions directory had modification time
// before; the caller holds the index lock (lockIndex) since it read before.
// It appends the session's lines and the directory's new time to the index
// (the last lines of an id win), so that a save costs a few hundred bytes
// however long the history. When the index did not know the directory as
// it was before (another process changed it and did not update the index,
// or there is no index), the index is brought up to date from the files
// and rewritten instead. Failures are ignored: the index is rebuilt by the
// next reader that finds it stale.
func (s *Store) updateIndex(rec *interview.Record, before int64) {
	fi, err := os.Stat(s.JSONPath(rec.ID))
	if err != nil {
		return
	}
	after, err := s.dirMtime()
	if err != nil {
		return
	}
	s.appendSummary(rec, before, after)
	s.appendPending(rec, before, after)
	if last, ok := s.indexDirMtime(); ok && last == before {
		f, err := os.OpenFile(s.indexPath(), os.O_WRONLY|os.O_APPEND, 0o600)
		if err != nil {
			return
		}
		var b bytes.Buffer
		writeEntry(&b, rec.ID, &indexEntry{size: fi.Size(), mtime: fi.ModTime().UnixNano(), rec: rec.Digest()})
		fmt.Fprintf(&b, "dir\t%d\n", after)
		_, err = f.Write(b.Bytes())
		if err2 := f.Close(); err == nil && err2 == nil {
			return
		}
	}
	old, _ := s.readIndex()
	if ix, err := s.refreshIndex(old); err == nil {
		_ = s.writeIndex(ix)
	}
}

// indexDirMtime reads the directory time the index was last brought up to
// date with: its last line.
func (s *Store) indexDirMtime() (int64, bool) {
	return lastDirLine(s.indexPath())
}

// writeIndexLocked writes ix under the index lock, unless another process
// holds it (it is writing a fresher index). Failures are ignored.
func (s *Store) writeIndexLocked(ix *index) {
	l := flock.New(s.indexLockPath(), flock.SetPermissions(0o600))
	if ok, err := l.TryLock(); !ok || err != nil {
		return
	}
	defer l.Close()
	_ = s.writeIndex(ix)
}

// writeIndex writes ix to the index file atomically.
func (s *Store) writeIndex(ix *index) error {
	var b bytes.Buffer
	b.Grow(len(ix.entries) * 1024)
	b.WriteString(indexMagic + "\n")
	ids := make([]string, 0, len(ix.entries))
	for id := range ix.entries {
		ids = append(ids, id)
	}
	sortIDs(ids)
	for _, id := range ids {
		writeEntry(&b, id, ix.entries[id])
	}
	fmt.Fprintf(&b, "dir\t%d\n", ix.dirMtime)
	return WriteFileAtomic(s.indexPath(), b.Bytes(), 0o600)
}

// writeEntry writes the lines of one session of the index.
func writeEntry(b *bytes.Buffer, id string, e *indexEntry) {
	if e.rec == nil {
		fmt.Fprintf(b, "e\t%s\t%d\t%d\t%s\n", id, e.size, e.mtime, escapeField(e.err))
		return
	}
	r := e.rec
	topics := make([]string, len(r.Topics))
	for i, t := range r.Topics {
		topics[i] = url.QueryEscape(t)
	}
	fmt.Fprintf(b, "s\t%s\t%d\t%d\t%d\t%d\t%t\t%s\t%d\t%s\t%s\t%d\t%t\n", id, e.size, e.mtime, unixNano(r.Started), unixNano(r.Ended), r.Abandoned, strings.Join(topics, ","), len(r.Questions),
		escapeField(r.Mode), escapeField(r.RetryOf), r.Planned, r.Debrief)
	for _, q := range r.Questions {
		fmt.Fprintf(b, "q\t%s\t%s\t%d\t%s\t%d\t%d\t%d\t%d\t%d\n", escapeField(q.CardID), escapeField(q.Topic),
			q.TimeUsed, escapeField(string(q.Outcome)), unixNano(q.Time), q.Score, q.Adjusted, q.Rating, q.FollowUpTime)
	}
}

// readIndex reads the index file; nil when there is none or it cannot be
// used.
func (s *Store) readIndex() (*index, error) {
	data, err := os.ReadFile(s.indexPath())
	if err != nil {
		return nil, err
	}
	return parseIndex(data)
}

var errBadIndex = errors.New("malformed session index")

// parseIndex reads the content of an index file. It is the hot path of
// start-up with a long history, so it works on bytes: one string per
// session id, and card ids, topics and outcomes shared through intern.
func parseIndex(data []byte) (*index, error) {
	line, data, _ := bytes.Cut(data, []byte{'\n'})
	if string(line) != indexMagic {
		return nil, errBadIndex
	}
	ix := &index{entries: map[string]*indexEntry{}}
	intern := map[string]string{}
	var last [3]struct {
		b []byte
		s string
	} // the previous card, topic and outcome: consecutive lines often repeat them
	str := func(k int, b []byte) string {
		if l := &last[k]; l.b != nil && bytes.Equal(l.b, b) {
			return l.s
		}
		s, ok := intern[string(b)]
		if !ok {
			s = unescapeField(string(b))
			intern[string(b)] = s
		}
		last[k].b, last[k].s = b, s
		return s
	}
	var cur *interview.Digest
	var f [14][]byte
	for len(data) > 0 {
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		n := splitTabs(line, f[:])
		ok := true
		num := func(b []byte) int64 { return fieldInt(b, &ok) }
		switch {
		case n == 2 && string(f[0]) == "dir":
			ix.dirMtime = num(f[1])
		case n == 5 && string(f[0]) == "e":
			id := string(f[1])
			if ix.entries[id] == nil {
				ix.order = append(ix.order, id)
			} else {
				ix.replaced++
			}
			ix.entries[id], cur = &indexEntry{size: num(f[2]), mtime: num(f[3]), err: unescapeField(string(f[4]))}, nil
			ok = ok && ValidID(id)
		case n == 13 && string(f[0]) == "s":
			id := string(f[1])
			if ix.entries[id] == nil {
				ix.order = append(ix.order, id)
			} else {
				ix.replaced++
			}
			cur = &interview.Digest{ID: id, Started: fromUnixNano(num(f[4])), Ended: fromUnixNano(num(f[5])), Abandoned: string(f[6]) == "true",
				Mode: unescapeField(string(f[9])), RetryOf: unescapeField(string(f[10])), Planned: int(num(f[11])), Debrief: string(f[12]) == "true"}
			cur.Questions = make([]interview.QuestionDigest, 0, max(num(f[8]), 0))
			ix.entries[id] = &indexEntry{size: num(f[2]), mtime: num(f[3]), rec: cur}
			ok = ok && ValidID(id) && isBool(f[6]) && isBool(f[12])
			if len(f[7]) > 0 {
				for _, t := range strings.Split(string(f[7]), ",") {
					t, err := url.QueryUnescape(t)
					ok = ok && err == nil
					cur.Topics = append(cur.Topics, t)
				}
			}
		case n == 10 && string(f[0]) == "q" && cur != nil:
			cur.Questions = append(cur.Questions, interview.QuestionDigest{
				CardID: str(0, f[1]), Topic: str(1, f[2]), TimeUsed: time.Duration(num(f[3])), Outcome: interview.Outcome(str(2, f[4])),
				Time: fromUnixNano(num(f[5])), Score: int(num(f[6])), Adjusted: int(num(f[7])), Rating: interview.Rating(num(f[8])),
				FollowUpTime: time.Duration(num(f[9])),
			})
		default:
			ok = false
		}
		if !ok {
			return nil, fmt.Errorf("%w: %q", errBadIndex, line)
		}
	}
	return ix, nil
}

// isBool reports whether b is "true" or "false".
// fieldInt reads a decimal field of an index-like file, clearing *ok when
// it is not one.
func fieldInt(b []byte, ok *bool) int64 {
	v, k := atoi(b)
	*ok = *ok && k
	return v
}

// fieldFloat reads a floating-point field of an index-like file, clearing
// *ok when it is not one.
func fieldFloat(b []byte, ok *bool) float64 {
	v, err := strconv.ParseFloat(string(b), 64)
	*ok = *ok && err == nil
	return v
}

func isBool(b []byte) bool { return string(b) == "true" || string(b) == "false" }

// splitTabs splits line at tabs into f, returning the number of fields, or
// len(f)+1 when there are more.
func splitTabs(line []byte, f [][]byte) int {
	n := 0
	for {
		if n == len(f) {
			return n + 1
		}
		i := bytes.IndexByte(line, '\t')
		if i < 0 {
			f[n] = line
			return n + 1
		}
		f[n] = line[:i]
		line = line[i+1:]
		n++
	}
}

// atoi parses a decimal integer with an optional minus sign.
func atoi(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' || n > (math.MaxInt64-int64(c-'0'))/10 {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// unixNano is t in nanoseconds since 1970, 0 for the zero time.
func unixNano(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixNano()
}

// fromUnixNano is the UTC time of n, the zero time for 0.
func fromUnixNano(n int64) time.Time {
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n).UTC()
}

var (
	fieldEscaper   = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)
	fieldUnescaper = strings.NewReplacer(`\\`, `\`, `\t`, "\t", `\n`, "\n", `\r`, "\r")
)

// escapeField makes s safe inside a tab-separated line.
func escapeField(s string) string {
	if !strings.ContainsAny(s, "\\\t\n\r") {
		return s
	}
	return fieldEscaper.Replace(s)
}

// unescapeField undoes escapeField.
func unescapeField(s string) string {
	if !strings.ContainsRune(s, '\\') {
		return s
	}
	return fieldUnescaper.Replace(s)
}
