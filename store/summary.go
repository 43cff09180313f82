package store

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"grill/interview"
)

// The summaries file (<data dir>/sessions.summaries) holds, per session,
// the line `grill report list` prints (interview.Summary), so that listing
// the history reads one short line per session instead of every answer of
// the index. It is kept like the index: a save appends its session's line
// and the directory's new modification time ("dir", the last line); the
// last line of a session wins and readers compact the file when it holds
// many repeats. It is trusted when its last "dir" line is the sessions
// directory's modification time; otherwise (missing, stale, damaged, of
// another version) it is rebuilt from the index, which is brought up to
// date first. Deleting it is always safe.
//
// Lines: a header; per session "s" (id, start, end, status, topics,
// questions, answered, planned, round over, average, score, duration, per
// topic answered:average:score, kind) or "e" (id, why the record cannot be
// read); "dir". Times are nanoseconds since 1970, floats as Go prints them
// exactly.
//
// Version 2 has the same lines, its duration counting the time used on
// follow-ups (version 1 left it out): a file of another version is
// rebuilt.
const summariesMagic = "grill-summaries 2"

func (s *Store) summariesPath() string {
	return filepath.Join(filepath.Dir(s.dir), "sessions.summaries")
}

// summaries is the content of the summaries file.
type summaries struct {
	dirMtime int64
	sums     []interview.Summary // in the order first read; only the ID for a record that cannot be read
	errs     []string            // beside sums: why the record cannot be read, "" when it can
	byID     map[string]int      // index in sums
	replaced int                 // lines of an id read more than once
}

// set sets the summary (err "") or the error of session id.
func (sm *summaries) set(id string, sum interview.Summary, err string) {
	if i, ok := sm.byID[id]; ok {
		sm.sums[i], sm.errs[i] = sum, err
		sm.replaced++
		return
	}
	sm.byID[id] = len(sm.sums)
	sm.sums, sm.errs = append(sm.sums, sum), append(sm.errs, err)
}

// list returns the summaries of every session, newest first, and the
// errors of the records that cannot be read: from the summaries file when
// it is up to date, else rebuilt from the index.
func (s *Store) list() ([]interview.Summary, []error) {
	m, err := s.dirMtime()
	if err != nil {
		return nil, []error{err}
	}
	if m == 0 {
		return nil, nil
	}
	if sm, err := s.readSummaries(); err == nil && sm.dirMtime == m {
		if sm.replaced > 100 && sm.replaced > len(sm.sums)/8 {
			s.writeSummariesLocked(sm)
		}
		return sm.sorted()
	}
	ix, err := s.freshIndex()
	if err != nil {
		return nil, []error{err}
	}
	sm := summariesOf(ix)
	s.writeSummariesLocked(sm)
	// The cards file follows the same change of the directory, while the
	// index is at hand.
	if ag, err := s.readCards(); err == nil && ag.dirMtime != ix.dirMtime && ag.follow(ix) {
		s.writeCardsLocked(ag)
	}
	return sm.sorted()
}

// summariesOf makes the summaries of every entry of ix.
func summariesOf(ix *index) *summaries {
	sm := &summaries{dirMtime: ix.dirMtime, byID: make(map[string]int, len(ix.entries))}
	for id, e := range ix.entries {
		if e.rec == nil {
			sm.set(id, interview.Summary{ID: id}, e.err)
			continue
		}
		sm.set(id, interview.Summarize(e.rec), "")
	}
	return sm
}

// sorted returns the summaries newest first, and the errors.
func (sm *summaries) sorted() ([]interview.Summary, []error) {
	newestFirst := func(a, b interview.Summary) int { return compareIDs(b.ID, a.ID) }
	if !slices.IsSortedFunc(sm.sums, newestFirst) {
		ids := make([]string, len(sm.sums))
		for i := range sm.sums {
			ids[i] = sm.sums[i].ID
		}
		sortIDs(ids)
		sums, errs := make([]interview.Summary, len(ids)), make([]string, len(ids))
		for i, id := range ids {
			k := sm.byID[id]
			sums[i], errs[i] = sm.sums[k], sm.errs[k]
			sm.byID[id] = i
		}
		sm.sums, sm.errs = sums, errs
	}
	if !slices.ContainsFunc(sm.errs, func(e string) bool { return e != "" }) {
		return sm.sums, nil
	}
	out := make([]interview.Summary, 0, len(sm.sums))
	var errs []error
	for i := range sm.sums {
		if sm.errs[i] != "" {
			errs = append(errs, errors.New(sm.errs[i]))
			continue
		}
		out = append(out, sm.sums[i])
	}
	return out, errs
}

// appendSummary appends the summary of rec and the directory time after to
// the summaries file, provided the file was up to date with the directory
// as it was before the save (before); otherwise it leaves the file stale
// for the next reader to rebuild. Called with the index lock held.
func (s *Store) appendSummary(rec *interview.Record, before, after int64) {
	last, ok := lastDirLine(s.summariesPath())
	if !ok || last != before {
		return
	}
	f, err := os.OpenFile(s.summariesPath(), os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer f.Close()
	var b bytes.Buffer
	sum := interview.Summarize(rec.Digest())
	writeSummary(&b, &sum, "")
	fmt.Fprintf(&b, "dir\t%d\n", after)
	_, _ = f.Write(b.Bytes())
}

// lastDirLine reads the directory time in the last line of an index-like
// file.
func lastDirLine(path string) (int64, bool) {
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	buf := make([]byte, 64)
	fi, err := f.Stat()
	if err != nil || fi.Size() < int64(len(buf)) {
		return 0, false
	}
	if _, err := f.ReadAt(buf, fi.Size()-int64(len(buf))); err != nil {
		return 0, false
	}
	i := bytes.LastIndex(buf[:len(buf)-1], []byte("\ndir\t"))
	if i < 0 || buf[len(buf)-1] != '\n' {
		return 0, false
	}
	return atoi(buf[i+len("\ndir\t") : len(buf)-1])
}

// writeSummariesLocked writes sm atomically under the index lock, unless
// another process holds it. Failures are ignored.
func (s *Store) writeSummariesLocked(sm *summaries) {
	l := flock.New(s.indexLockPath(), flock.SetPermissions(0o600))
	if ok, err := l.TryLock(); !ok || err != nil {
		return
	}
	defer l.Close()
	// Only when the directory has not changed meanwhile: a save may have
	// appended a fresher line.
	if m, err := s.dirMtime(); err != nil || m != sm.dirMtime {
		return
	}
	var b bytes.Buffer
	b.Grow(len(sm.sums) * 160)
	b.WriteString(summariesMagic + "\n")
	sm.sorted()
	for i := range sm.sums {
		writeSummary(&b, &sm.sums[i], sm.errs[i])
	}
	fmt.Fprintf(&b, "dir\t%d\n", sm.dirMtime)
	_ = WriteFileAtomic(s.summariesPath(), b.Bytes(), 0o600)
}

// writeSummary writes the line of one session: its summary, or when err
// is set why it cannot be read.
func writeSummary(b *bytes.Buffer, s *interview.Summary, err string) {
	id := s.ID
	if err != "" {
		fmt.Fprintf(b, "e\t%s\t%s\n", id, escapeField(err))
		return
	}
	topics := make([]string, len(s.Topics))
	for i, t := range s.Topics {
		topics[i] = url.QueryEscape(t)
	}
	by := make([]string, len(s.ByTopic))
	for i, t := range s.ByTopic {
		by[i] = fmt.Sprintf("%s:%d:%s:%s", url.QueryEscape(t.Topic), t.Answered, ftoa(t.Average), ftoa(t.Score))
	}
	fmt.Fprintf(b, "s\t%s\t%d\t%d\t%s\t%s\t%d\t%d\t%d\t%t\t%s\t%s\t%d\t%s\t%s\n", id, unixNano(s.Started), unixNano(s.Ended),
		escapeField(string(s.Status)), strings.Join(topics, ","), s.Questions, s.Answered, s.Planned, s.RoundOver,
		ftoa(s.Average), ftoa(s.Score), int64(s.Duration), strings.Join(by, ","), escapeField(s.Kind))
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// readSummaries reads the summaries file.
func (s *Store) readSummaries() (*summaries, error) {
	data, err := os.ReadFile(s.summariesPath())
	if err != nil {
		return nil, err
	}
	return parseSummaries(data)
}

var errBadSummaries = errors.New("malformed session summaries")

// parseSummaries reads the content of a summaries file.
func parseSummaries(data []byte) (*summaries, error) {
	line, data, _ := bytes.Cut(data, []byte{'\n'})
	if string(line) != summariesMagic {
		return nil, errBadSummaries
	}
	n := bytes.Count(data, []byte{'\n'})
	sm := &summaries{byID: make(map[string]int, n), sums: make([]interview.Summary, 0, n), errs: make([]string, 0, n)}
	intern, topics := map[string]string{}, map[string]string{}
	str := func(b []byte) string {
		v, ok := intern[string(b)]
		if !ok {
			v = unescapeField(string(b))
			intern[string(b)] = v
		}
		return v
	}
	topic := func(b []byte) (string, bool) {
		v, ok := topics[string(b)]
		if !ok {
			t, err := url.QueryUnescape(string(b))
			if err != nil {
				return "", false
			}
			v = t
			topics[string(b)] = v
		}
		return v, true
	}
	var f [15][]byte
	sawDir := false
	for len(data) > 0 {
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		n := splitTabs(line, f[:])
		ok := true
		num := func(b []byte) int64 { return fieldInt(b, &ok) }
		flt := func(b []byte) float64 { return fieldFloat(b, &ok) }
		var id, e string
		var sum interview.Summary
		set := false
		switch {
		case n == 2 && string(f[0]) == "dir":
			sm.dirMtime, sawDir = num(f[1]), true
		case n == 3 && string(f[0]) == "e":
			id, e, set = string(f[1]), unescapeField(string(f[2])), true
			sum.ID = id
		case n == 15 && string(f[0]) == "s":
			id = string(f[1])
			sum = interview.Summary{ID: id, Started: fromUnixNano(num(f[2])), Ended: fromUnixNano(num(f[3])),
				Status: interview.Status(str(f[4])), Questions: int(num(f[6])), Answered: int(num(f[7])), Planned: int(num(f[8])),
				RoundOver: string(f[9]) == "true", Average: flt(f[10]), Score: flt(f[11]), Duration: time.Duration(num(f[12])),
				Kind: str(f[14])}
			ok = ok && isBool(f[9])
			if len(f[5]) > 0 {
				for t := range bytes.SplitSeq(f[5], []byte{','}) {
					v, k := topic(t)
					ok = ok && k
					sum.Topics = append(sum.Topics, v)
				}
			}
			for t := f[13]; len(t) > 0 && ok; {
				var part []byte
				part, t, _ = bytes.Cut(t, []byte{','})
				var p [4][]byte
				for k := range 3 {
					var found bool
					p[k], part, found = bytes.Cut(part, []byte{':'})
					ok = ok && found
				}
				p[3] = part
				v, k := topic(p[0])
				ok = ok && k
				sum.ByTopic = append(sum.ByTopic, interview.TopicScore{Topic: v, Answered: int(num(p[1])), Average: flt(p[2]), Score: flt(p[3])})
			}
			set = true
		default:
			ok = false
		}
		if set {
			ok = ok && ValidID(id) && (e != "" || sum.Status != "")
			sm.set(id, sum, e)
		}
		if !ok {
			return nil, fmt.Errorf("%w: %q", errBadSummaries, line)
		}
	}
	if !sawDir {
		return nil, errBadSummaries
	}
	return sm, nil
}
