package interview

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
)

// Status is where a session stands.
type Status string

// The statuses of a session.
const (
	StatusEnded      Status = "ended"       // finished, or quit with the answers so far
	StatusInProgress Status = "in_progress" // not ended: running, or interrupted and resumable
	StatusAbandoned  Status = "abandoned"   // interrupted, and the offer to resume it declined
)

// Summary is one line of the session history.
type Summary struct {
	ID        string
	Started   time.Time
	Ended     time.Time // zero unless Status is StatusEnded
	Status    Status
	Topics    []string // topics of the questions asked, in order of first appearance
	Questions int      // questions asked, answered or not
	Answered  int      // questions submitted, timed out or skipped
	// Average is the mean self-adjusted score (0–100) of the answered
	// questions; it means nothing when Answered is 0.
	Average float64
	// Duration is the time spent answering: the sum of the time used on
	// every question (review time and interruptions not counted).
	Duration time.Duration
	ByTopic  []TopicScore // per topic, in the order of Topics
}

// QuestionsText is the question count as listed: "5", or "3 of 5" when
// not every question was answered.
func (s Summary) QuestionsText() string {
	if s.Answered != s.Questions {
		return fmt.Sprintf("%d of %d", s.Answered, s.Questions)
	}
	return fmt.Sprint(s.Questions)
}

// AverageText is the average score as listed, "–" when nothing was answered.
func (s Summary) AverageText() string {
	if s.Answered == 0 {
		return "–"
	}
	return fmt.Sprintf("%.0f", s.Average)
}

// TopicsText joins the topics with sep, "–" when there are none.
func (s Summary) TopicsText(sep string) string {
	if len(s.Topics) == 0 {
		return "–"
	}
	return strings.Join(s.Topics, sep)
}

// TopicScore is the result of the questions of one topic in one session.
type TopicScore struct {
	Topic    string
	Answered int
	Average  float64 // mean self-adjusted score of the answered questions
}

// Review is one answered question, as the schedulers see it: when it was
// answered, how it ended, its self-adjusted score and the candidate's own
// rating (NoRating when not rated).
type Review struct {
	SessionID string
	CardID    string
	Topic     string
	Time      time.Time // when it was rated, else when it ended
	Outcome   Outcome
	Score     int // self-adjusted score 0–100
	Rating    Rating
}

// Grade returns the rating the schedulers use for r: the candidate's own
// rating when there is one; for an unrated answer, Again when it was
// skipped, else one derived from the adjusted score (below 40 Again, below
// 60 Hard, below 85 Good, else Easy).
func (r Review) Grade() Rating {
	switch {
	case r.Rating >= Again && r.Rating <= Easy:
		return r.Rating
	case r.Outcome == Skipped || r.Score < 40:
		return Again
	case r.Score < 60:
		return Hard
	case r.Score < 85:
		return Good
	}
	return Easy
}

// History is what the stored sessions say: every session newest first, and
// every answered question oldest first.
type History struct {
	Sessions []Summary
	Reviews  []Review
}

// List returns a summary of every stored session, newest first. Records
// that cannot be read (corrupt, truncated, unknown schema version) are left
// out and reported in the errors, each naming its file; the others are
// still listed.
func (s *Store) List() ([]Summary, []error) {
	h, errs := s.history(false)
	return h.Sessions, errs
}

// History reads every stored session: their summaries and the reviews of
// their answered questions (from every session, ended or not: an answer
// given in an interrupted session was still given). Unreadable records are
// reported in the errors and skipped.
func (s *Store) History() (History, []error) {
	return s.history(true)
}

// history reads the digest of every record, on all cores: only the fields
// needed are decoded (see scanDigest), so that ten thousand sessions take
// well under a second.
func (s *Store) history(withReviews bool) (History, []error) {
	ids, err := s.ids()
	if err != nil {
		return History{}, []error{err}
	}
	digests := make([]*digest, len(ids))
	errs := make([]error, len(ids))
	workers := min(runtime.GOMAXPROCS(0), 8, max(len(ids), 1))
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(ids) {
					return
				}
				digests[i], errs[i] = s.digest(ids[i], &buf)
			}
		}()
	}
	wg.Wait()

	var h History
	var bad []error
	h.Sessions = make([]Summary, 0, len(ids))
	for i, d := range digests {
		if errs[i] != nil {
			bad = append(bad, errs[i])
			continue
		}
		h.Sessions = append(h.Sessions, d.summary(ids[i]))
	}
	if withReviews {
		for i := len(digests) - 1; i >= 0; i-- { // oldest first: nearly sorted already
			if digests[i] != nil {
				h.Reviews = digests[i].reviews(ids[i], h.Reviews)
			}
		}
		slices.SortStableFunc(h.Reviews, func(a, b Review) int { return a.Time.Compare(b.Time) })
	}
	return h, bad
}

// digest is the part of a Record that summaries and schedules need.
type digest struct {
	SchemaVersion *int
	Started       time.Time
	Ended         time.Time
	Abandoned     bool
	Topics        []string // Settings.Topics
	Questions     []digestQuestion
}

// digestQuestion is the part of a QuestionRecord that summaries and
// schedules need.
type digestQuestion struct {
	CardID   string
	Topic    string
	TimeUsed time.Duration
	Outcome  Outcome
	AskedAt  time.Time
	EndedAt  time.Time
	Adjusted int
	Rating   Rating
	RatedAt  time.Time
}

// digest reads the digest of session id, using buf (which may be nil) to
// hold the file.
func (s *Store) digest(id string, buf *bytes.Buffer) (*digest, error) {
	path := s.JSONPath(id)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	f, err := os.Open(path)
	if err != nil {
		return nil, readError(id, path, err)
	}
	_, err = buf.ReadFrom(f)
	f.Close()
	if err != nil {
		return nil, readError(id, path, err)
	}
	return decodeDigest(path, buf.Bytes())
}

// decodeDigest reads the digest of the record in data, read from the file
// name, and checks its schema version. Errors name the file.
func decodeDigest(name string, data []byte) (*digest, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: empty session record", name)
	}
	d, err := scanDigest(data)
	if err != nil && (d.SchemaVersion == nil || *d.SchemaVersion == SchemaVersion) {
		return nil, scanError(name, data, err)
	}
	switch { // a record of another version may well look corrupt: say why first
	case d.SchemaVersion == nil:
		return nil, fmt.Errorf("%s: not a grill session record (no schema_version)", name)
	case *d.SchemaVersion != SchemaVersion:
		return nil, fmt.Errorf("%s: unsupported schema_version %d (this grill reads version %d)", name, *d.SchemaVersion, SchemaVersion)
	}
	return d, nil
}

// summary makes the Summary of the session id from its digest.
func (d *digest) summary(id string) Summary {
	sum := Summary{ID: id, Started: d.Started, Questions: len(d.Questions)}
	switch {
	case !d.Ended.IsZero():
		sum.Status, sum.Ended = StatusEnded, d.Ended
	case d.Abandoned:
		sum.Status = StatusAbandoned
	default:
		sum.Status = StatusInProgress
	}
	total := 0
	idx := map[string]int{}
	for _, q := range d.Questions {
		sum.Duration += q.TimeUsed
		i, ok := idx[q.Topic]
		if !ok {
			i = len(sum.ByTopic)
			idx[q.Topic] = i
			sum.Topics = append(sum.Topics, q.Topic)
			sum.ByTopic = append(sum.ByTopic, TopicScore{Topic: q.Topic})
		}
		if q.Outcome == Pending {
			continue
		}
		sum.Answered++
		total += q.Adjusted
		t := &sum.ByTopic[i]
		t.Average = (t.Average*float64(t.Answered) + float64(q.Adjusted)) / float64(t.Answered+1)
		t.Answered++
	}
	if len(sum.Topics) == 0 {
		sum.Topics = append(sum.Topics, d.Topics...)
	}
	if sum.Answered > 0 {
		sum.Average = float64(total) / float64(sum.Answered)
	}
	return sum
}

// reviews appends the answered questions of session id to rs.
func (d *digest) reviews(id string, rs []Review) []Review {
	for _, q := range d.Questions {
		if q.Outcome == Pending || q.CardID == "" {
			continue
		}
		t := q.RatedAt
		for _, alt := range []time.Time{q.EndedAt, q.AskedAt, d.Started} {
			if !t.IsZero() {
				break
			}
			t = alt
		}
		rs = append(rs, Review{
			SessionID: id, CardID: q.CardID, Topic: q.Topic, Time: t,
			Outcome: q.Outcome, Score: q.Adjusted, Rating: q.Rating,
		})
	}
	return rs
}

// TopicStat is how a topic has gone over the whole history.
type TopicStat struct {
	Topic    string
	Answered int       // answered questions of the topic
	Cards    int       // distinct cards answered
	Average  float64   // mean self-adjusted score of all of them
	Recent   float64   // mean self-adjusted score of the last few
	Last     time.Time // when a question of the topic was last answered
}

// TopicStats returns per-topic statistics of reviews (oldest first, as in
// History), sorted by topic id. Recent averages the last recent answers of
// each topic (all when recent ≤ 0).
func TopicStats(reviews []Review, recent int) []TopicStat {
	byTopic := map[string][]Review{}
	for _, r := range reviews {
		byTopic[r.Topic] = append(byTopic[r.Topic], r)
	}
	stats := make([]TopicStat, 0, len(byTopic))
	for topic, rs := range byTopic {
		st := TopicStat{Topic: topic, Answered: len(rs), Last: rs[len(rs)-1].Time}
		cards := map[string]bool{}
		for _, r := range rs {
			cards[r.CardID] = true
		}
		st.Cards = len(cards)
		st.Average = meanScore(rs)
		if recent > 0 && len(rs) > recent {
			rs = rs[len(rs)-recent:]
		}
		st.Recent = meanScore(rs)
		stats = append(stats, st)
	}
	slices.SortFunc(stats, func(a, b TopicStat) int { return strings.Compare(a.Topic, b.Topic) })
	return stats
}

func meanScore(rs []Review) float64 {
	if len(rs) == 0 {
		return 0
	}
	total := 0
	for _, r := range rs {
		total += r.Score
	}
	return float64(total) / float64(len(rs))
}

// TrendPoint is a topic's average in one session.
type TrendPoint struct {
	SessionID string
	Started   time.Time
	Answered  int
	Average   float64
}

// TopicTrend is the average score of one topic over the last sessions that
// asked it, oldest first: the data of a sparkline.
type TopicTrend struct {
	Topic  string
	Points []TrendPoint
}

// TopicTrends returns, for every topic answered in sessions (newest first,
// as from List), its averages in the last n sessions that answered it
// (all when n ≤ 0), oldest first. Topics are sorted by id.
func TopicTrends(sessions []Summary, n int) []TopicTrend {
	byTopic := map[string][]TrendPoint{}
	for _, s := range sessions {
		for _, t := range s.ByTopic {
			if t.Answered == 0 || (n > 0 && len(byTopic[t.Topic]) >= n) {
				continue
			}
			byTopic[t.Topic] = append(byTopic[t.Topic], TrendPoint{
				SessionID: s.ID, Started: s.Started, Answered: t.Answered, Average: t.Average,
			})
		}
	}
	trends := make([]TopicTrend, 0, len(byTopic))
	for topic, pts := range byTopic {
		slices.Reverse(pts)
		trends = append(trends, TopicTrend{Topic: topic, Points: pts})
	}
	slices.SortFunc(trends, func(a, b TopicTrend) int { return strings.Compare(a.Topic, b.Topic) })
	return trends
}

// listEntry is one element of `grill report list --json`.
type listEntry struct {
	ID              string    `json:"id"`
	Started         time.Time `json:"started"`
	Topics          []string  `json:"topics"`
	Questions       int       `json:"questions"`
	Answered        int       `json:"answered"`
	AverageScore    *float64  `json:"average_score"` // null when nothing was answered
	DurationSeconds float64   `json:"duration_seconds"`
	Status          Status    `json:"status"`
}

// WriteList prints sessions (newest first, as from List) for `grill report
// list`: a table with id, local date and time, topics, questions (answered
// of asked when they differ), average self-adjusted score, time spent
// answering and status; or, with asJSON, a JSON array of objects with the
// fields id, started, topics, questions, answered, average_score (null when
// nothing was answered), duration_seconds and status.
func WriteList(w io.Writer, sessions []Summary, asJSON bool) error {
	if asJSON {
		out := make([]listEntry, len(sessions))
		for i, s := range sessions {
			out[i] = listEntry{
				ID: s.ID, Started: s.Started, Topics: s.Topics, Questions: s.Questions,
				Answered: s.Answered, DurationSeconds: s.Duration.Seconds(), Status: s.Status,
			}
			if out[i].Topics == nil {
				out[i].Topics = []string{}
			}
			if s.Answered > 0 {
				avg := round1(s.Average)
				out[i].AverageScore = &avg
			}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(sessions) == 0 {
		_, err := fmt.Fprintln(w, "No sessions yet.")
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tTOPICS\tQUESTIONS\tAVERAGE\tDURATION\tSTATUS")
	for _, s := range sessions {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", s.ID, s.Started.Local().Format("2006-01-02 15:04"),
			s.TopicsText(","), s.QuestionsText(), s.AverageText(), clockDuration(s.Duration), strings.ReplaceAll(string(s.Status), "_", " "))
	}
	return tw.Flush()
}

// round1 rounds x to one decimal.
func round1(x float64) float64 {
	return float64(int64(x*10+0.5)) / 10
}

// clockDuration formats d as m:ss, or h:mm:ss from an hour.
func clockDuration(d time.Duration) string {
	secs := int64((d + time.Second/2) / time.Second)
	if secs >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", secs/3600, secs/60%60, secs%60)
	}
	return fmt.Sprintf("%d:%02d", secs/60, secs%60)
}

// The formats of Show.
const (
	FormatMarkdown = "md"
	FormatJSON     = "json"
)

// Show prints session id ("latest" for the newest) for `grill report show`.
// Format "md" (or "") prints its Markdown report: the <id>.md file, or one
// made from the record when there is none (a session in progress). Format
// "json" prints the record file as it is, after checking that it is a
// readable record of a known schema version. Errors name the file.
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
		data, err := os.ReadFile(path)
		if err != nil {
			return readError(id, path, err)
		}
		if _, err := DecodeRecord(path, data); err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	md, err := os.ReadFile(s.MarkdownPath(id))
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
	_, err = io.WriteString(w, ReportMarkdown(rec, s.Library))
	return err
}

// scanDigest reads the digest of a session record from its JSON. It is a
// purpose-built scanner rather than encoding/json because the answers, key
// point verdicts and LLM feedback that make up most of a record are not
// needed to list sessions: it only checks that they are well-formed JSON
// while skipping them, several times faster than decoding. It validates
// the syntax of the whole document (truncation, stray bytes, bad escapes,
// control characters in strings) and the types of the fields it reads. On
// error, the digest holds what was read before it.
func scanDigest(data []byte) (*digest, error) {
	s := &jsonScanner{data: data}
	d := new(digest)
	err := s.object(func(key []byte) error {
		switch string(key) {
		case "schema_version":
			var v int
			isNull, err := s.int(&v)
			d.SchemaVersion = &v
			if isNull {
				d.SchemaVersion = nil
			}
			return err
		case "started":
			return s.time(&d.Started)
		case "ended":
			return s.time(&d.Ended)
		case "abandoned":
			return s.bool(&d.Abandoned)
		case "settings":
			return s.object(func(key []byte) error {
				if string(key) != "topics" {
					return s.skip()
				}
				// A repeated key decodes over the previous list, as
				// encoding/json does.
				prev := d.Topics
				d.Topics = nil
				return s.array(func() error {
					var t string
					if i := len(d.Topics); i < len(prev) {
						t = prev[i]
					}
					err := s.string(&t)
					d.Topics = append(d.Topics, t)
					return err
				})
			})
		case "questions":
			prev := d.Questions
			d.Questions = nil
			return s.array(func() error {
				var q digestQuestion
				if i := len(d.Questions); i < len(prev) {
					q = prev[i]
				}
				err := s.object(func(key []byte) error {
					var n int
					switch string(key) {
					case "card_id":
						return s.string(&q.CardID)
					case "topic":
						return s.string(&q.Topic)
					case "time_used":
						_, err := s.int(&n)
						q.TimeUsed = time.Duration(n)
						return err
					case "outcome":
						var o string
						err := s.string(&o)
						q.Outcome = Outcome(o)
						return err
					case "asked_at":
						return s.time(&q.AskedAt)
					case "ended_at":
						return s.time(&q.EndedAt)
					case "adjusted_score":
						_, err := s.int(&q.Adjusted)
						return err
					case "rating":
						_, err := s.int(&n)
						q.Rating = Rating(n)
						return err
					case "rated_at":
						return s.time(&q.RatedAt)
					}
					return s.skip()
				})
				d.Questions = append(d.Questions, q)
				return err
			})
		}
		return s.skip()
	})
	if err != nil {
		return d, err
	}
	s.space()
	if s.i < len(s.data) {
		return d, s.errorf("data after the record")
	}
	return d, nil
}

// errTruncated reports JSON data that ends in the middle of a value.
var errTruncated = errors.New("truncated")

// scanSyntaxError reports malformed JSON, or a value of the wrong type for
// its field, at a byte offset.
type scanSyntaxError struct {
	Offset    int
	Msg       string
	WrongType bool
}

func (e *scanSyntaxError) Error() string { return fmt.Sprintf("%s at byte %d", e.Msg, e.Offset) }

// scanError describes an error of scanDigest on file name.
func scanError(name string, data []byte, err error) error {
	var se *scanSyntaxError
	switch {
	case errors.Is(err, errTruncated):
		return fmt.Errorf("%s: corrupt session record: truncated after %d bytes", name, len(data))
	case errors.As(err, &se) && se.WrongType:
		return fmt.Errorf("%s: corrupt session record: at byte %d: %s", name, se.Offset, se.Msg)
	case errors.As(err, &se):
		return fmt.Errorf("%s: corrupt session record: invalid JSON at byte %d: %s", name, se.Offset, se.Msg)
	}
	return fmt.Errorf("%s: corrupt session record: %v", name, err)
}

// jsonScanner walks a JSON document without building it. Like
// encoding/json, it matches keys without regard to ASCII case, and refuses
// documents nested more than maxDepth deep.
type jsonScanner struct {
	data  []byte
	i     int
	depth int
}

// maxDepth is encoding/json's limit on nesting.
const maxDepth = 10000

// asciiLower returns key with ASCII capitals lowered (key itself when it
// has none).
func asciiLower(key []byte) []byte {
	for i, c := range key {
		if 'A' <= c && c <= 'Z' {
			out := append([]byte(nil), key...)
			for j := i; j < len(out); j++ {
				if 'A' <= out[j] && out[j] <= 'Z' {
					out[j] += 'a' - 'A'
				}
			}
			return out
		}
	}
	return key
}

func (s *jsonScanner) errorf(format string, args ...any) error {
	if s.i >= len(s.data) {
		return errTruncated
	}
	return &scanSyntaxError{Offset: s.i, Msg: fmt.Sprintf(format, args...)}
}

// typeErrorf reports a value of the wrong type for its field.
func (s *jsonScanner) typeErrorf(format string, args ...any) error {
	err := s.errorf(format, args...)
	if se, ok := err.(*scanSyntaxError); ok {
		se.WrongType = true
	}
	return err
}

func (s *jsonScanner) space() {
	for s.i < len(s.data) {
		switch s.data[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// peek skips white space and returns the next byte, or 0 at the end.
func (s *jsonScanner) peek() byte {
	s.space()
	if s.i >= len(s.data) {
		return 0
	}
	return s.data[s.i]
}

// object reads an object, calling member with each key; member must read
// the value.
func (s *jsonScanner) object(member func(key []byte) error) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	if s.peek() != '{' {
		return s.typeErrorf("expected an object")
	}
	if s.depth++; s.depth > maxDepth {
		return s.errorf("nested too deeply")
	}
	defer func() { s.depth-- }()
	s.i++
	if s.peek() == '}' {
		s.i++
		return nil
	}
	for {
		if s.peek() != '"' {
			return s.errorf("expected a key")
		}
		key, err := s.rawString()
		if err != nil {
			return err
		}
		if bytes.IndexByte(key, '\\') >= 0 {
			var k string
			if err := json.Unmarshal(s.data[s.i-len(key)-2:s.i], &k); err != nil {
				return s.errorf("bad key")
			}
			key = []byte(k)
		}
		key = asciiLower(key)
		if s.peek() != ':' {
			return s.errorf("expected ':'")
		}
		s.i++
		if err := member(key); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			return nil
		default:
			return s.errorf("expected ',' or '}'")
		}
	}
}

// array reads an array, calling elem for each element; elem must read it.
func (s *jsonScanner) array(elem func() error) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	if s.peek() != '[' {
		return s.typeErrorf("expected an array")
	}
	if s.depth++; s.depth > maxDepth {
		return s.errorf("nested too deeply")
	}
	defer func() { s.depth-- }()
	s.i++
	if s.peek() == ']' {
		s.i++
		return nil
	}
	for {
		if err := elem(); err != nil {
			return err
		}
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			return nil
		default:
			return s.errorf("expected ',' or ']'")
		}
	}
}

// rawString reads a string and returns its bytes between the quotes, with
// escapes left as they are (but checked).
func (s *jsonScanner) rawString() ([]byte, error) {
	start := s.i + 1
	for i := start; i < len(s.data); i++ {
		switch c := s.data[i]; {
		case c == '"':
			s.i = i + 1
			return s.data[start:i], nil
		case c == '\\':
			i++
			if i >= len(s.data) {
				break
			}
			switch s.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(s.data) {
					s.i = len(s.data)
					return nil, errTruncated
				}
				for _, h := range s.data[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						s.i = i
						return nil, s.errorf("bad \\u escape")
					}
				}
				i += 4
			default:
				s.i = i
				return nil, s.errorf("bad escape")
			}
		case c < 0x20:
			s.i = i
			return nil, s.errorf("control character in a string")
		}
	}
	s.i = len(s.data)
	return nil, errTruncated
}

// skip reads any value.
func (s *jsonScanner) skip() error {
	switch c := s.peek(); {
	case c == '{':
		return s.object(func([]byte) error { return s.skip() })
	case c == '[':
		return s.array(s.skip)
	case c == '"':
		_, err := s.rawString()
		return err
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		_, err := s.number()
		return err
	case c == 0:
		return errTruncated
	}
	return s.errorf("unexpected character %q", s.data[s.i])
}

func (s *jsonScanner) literal(word string) error {
	if !bytes.HasPrefix(s.data[s.i:], []byte(word)) {
		if bytes.HasPrefix([]byte(word), s.data[s.i:]) {
			s.i = len(s.data)
			return errTruncated
		}
		return s.errorf("unexpected character %q", s.data[s.i])
	}
	s.i += len(word)
	return nil
}

// number reads a number and returns its text.
func (s *jsonScanner) number() ([]byte, error) {
	start := s.i
	i := s.i
	digits := func() int {
		n := 0
		for i < len(s.data) && '0' <= s.data[i] && s.data[i] <= '9' {
			i++
			n++
		}
		return n
	}
	if i < len(s.data) && s.data[i] == '-' {
		i++
	}
	var ok bool
	if i < len(s.data) && s.data[i] == '0' {
		i++ // no leading zeros
		ok = true
	} else {
		ok = digits() > 0
	}
	if ok && i < len(s.data) && s.data[i] == '.' {
		i++
		ok = digits() > 0
	}
	if ok && i < len(s.data) && (s.data[i] == 'e' || s.data[i] == 'E') {
		i++
		if i < len(s.data) && (s.data[i] == '+' || s.data[i] == '-') {
			i++
		}
		ok = digits() > 0
	}
	s.i = i
	if !ok {
		return nil, s.errorf("bad number")
	}
	return s.data[start:i], nil
}

// null reads a null if there is one, and reports whether it did.
func (s *jsonScanner) null() (bool, error) {
	if s.peek() != 'n' {
		return false, nil
	}
	return true, s.literal("null")
}

// int reads an integer (or null, leaving v alone).
func (s *jsonScanner) int(v *int) (isNull bool, err error) {
	if isNull, err := s.null(); isNull || err != nil {
		return isNull, err
	}
	start := s.i
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		return false, s.typeErrorf("expected a number")
	}
	num, err := s.number()
	if err != nil {
		return false, err
	}
	n, err := strconv.ParseInt(string(num), 10, 64)
	if err != nil {
		s.i = start
		return false, s.typeErrorf("expected an integer")
	}
	*v = int(n)
	return false, nil
}

// string reads a string (or null, leaving v alone).
func (s *jsonScanner) string(v *string) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	if s.peek() != '"' {
		return s.typeErrorf("expected a string")
	}
	start := s.i
	raw, err := s.rawString()
	if err != nil {
		return err
	}
	if bytes.IndexByte(raw, '\\') < 0 {
		*v = string(raw)
		return nil
	}
	if err := json.Unmarshal(s.data[start:s.i], v); err != nil {
		s.i = start
		return s.typeErrorf("bad string")
	}
	return nil
}

// bool reads true or false (or null, leaving v alone).
func (s *jsonScanner) bool(v *bool) error {
	switch s.peek() {
	case 't':
		*v = true
		return s.literal("true")
	case 'f':
		*v = false
		return s.literal("false")
	case 'n':
		return s.literal("null")
	}
	return s.typeErrorf("expected true or false")
}

// time reads a time in RFC 3339 format, as encoding/json writes it (or
// null, leaving v alone).
func (s *jsonScanner) time(v *time.Time) error {
	if isNull, err := s.null(); isNull || err != nil {
		return err
	}
	if s.peek() != '"' {
		return s.typeErrorf("expected a time")
	}
	start := s.i
	if _, err := s.rawString(); err != nil {
		return err
	}
	if err := v.UnmarshalJSON(s.data[start:s.i]); err != nil {
		s.i = start
		return s.typeErrorf("bad time")
	}
	return nil
}
