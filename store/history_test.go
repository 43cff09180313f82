package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"grill/decks"
	"grill/internal/fixture"
	"grill/interview"
	"grill/report"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestListSummaries(t *testing.T) {
	s := newTestStore(t)
	ended := sampleRecord(t0)
	running := inProgress(t0.Add(time.Hour))
	abandoned := inProgress(t0.Add(2 * time.Hour))
	for _, r := range []*interview.Record{ended, running, abandoned} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	s.Release(running.ID)
	if err := s.Abandon(abandoned.ID); err != nil {
		t.Fatal(err)
	}
	sums, errs := s.List()
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if len(sums) != 3 || sums[0].ID != abandoned.ID || sums[1].ID != running.ID || sums[2].ID != ended.ID {
		t.Fatalf("List = %+v, want newest first", sums)
	}
	got := sums[2]
	if got.Status != interview.StatusEnded || !got.Ended.Equal(ended.Ended) || !got.Started.Equal(t0) {
		t.Errorf("ended summary: status %s, started %v, ended %v", got.Status, got.Started, got.Ended)
	}
	if got.Questions != 3 || got.Answered != 3 || got.Duration != 333*time.Second {
		t.Errorf("ended summary: %d questions, %d answered, %v; want 3, 3, 5m33s", got.Questions, got.Answered, got.Duration)
	}
	if want := (100.0 + 40 + 0) / 3; got.Average != want {
		t.Errorf("ended summary average = %v, want %v (self-adjusted scores)", got.Average, want)
	}
	if strings.Join(got.Topics, ",") != "gnn,diffusion" {
		t.Errorf("topics = %v, want gnn,diffusion", got.Topics)
	}
	wantBy := []interview.TopicScore{{Topic: "gnn", Answered: 2, Average: 50, Score: 30}, {Topic: "diffusion", Answered: 1, Average: 40, Score: 40}}
	if fmt.Sprint(got.ByTopic) != fmt.Sprint(wantBy) {
		t.Errorf("by topic = %v, want %v", got.ByTopic, wantBy)
	}
	if sums[1].Status != interview.StatusInProgress || sums[1].Answered != 1 || sums[1].Questions != 2 || sums[1].Average != 100 {
		t.Errorf("in-progress summary = %+v", sums[1])
	}
	if sums[0].Status != interview.StatusAbandoned {
		t.Errorf("abandoned summary status = %s", sums[0].Status)
	}
}

func TestHistoryReviews(t *testing.T) {
	s := newTestStore(t)
	later := sampleRecord(t0.Add(24 * time.Hour))
	for _, r := range []*interview.Record{later, sampleRecord(t0), inProgress(t0.Add(48 * time.Hour))} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	h, errs := s.History()
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	// 3 + 3 answered, plus the one answered question of the session in
	// progress; the question still being asked is not a review.
	if len(h.Reviews) != 7 {
		t.Fatalf("%d reviews, want 7: %+v", len(h.Reviews), h.Reviews)
	}
	for i := 1; i < len(h.Reviews); i++ {
		if h.Reviews[i].Time.Before(h.Reviews[i-1].Time) {
			t.Fatalf("reviews not oldest first: %+v", h.Reviews)
		}
	}
	first := h.Reviews[0]
	want := interview.Review{SessionID: "20261125T171849Z", CardID: "gnn/message-passing", Topic: "gnn",
		Time: t0.Add(150 * time.Second), Outcome: interview.Submitted, Score: 100, Rating: interview.Good}
	if first != want {
		t.Errorf("first review = %+v, want %+v", first, want)
	}
}

func TestShow(t *testing.T) {
	s := newTestStore(t)
	s.Render = stubReport
	ended := sampleRecord(t0)
	running := inProgress(t0.Add(time.Hour))
	for _, r := range []*interview.Record{ended, running} {
		if err := s.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.Show(&buf, ended.ID, FormatJSON); err != nil {
		t.Fatal(err)
	}
	file, _ := os.ReadFile(s.JSONPath(ended.ID))
	if !bytes.Equal(buf.Bytes(), file) {
		t.Error("show --format json does not print the record file")
	}
	var rec interview.Record
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil || rec.Questions[0].Answer != ended.Questions[0].Answer {
		t.Errorf("show --format json: %v, answer %q", err, rec.Questions[0].Answer)
	}

	buf.Reset()
	if err := s.Show(&buf, ended.ID, ""); err != nil {
		t.Fatal(err)
	}
	md, _ := os.ReadFile(s.MarkdownPath(ended.ID))
	if !bytes.Equal(buf.Bytes(), md) || !strings.Contains(buf.String(), "# Report of "+ended.ID) {
		t.Errorf("show (md) does not print the report file:\n%s", buf.String())
	}

	// The latest session is in progress: no .md yet, so it is made from the record.
	buf.Reset()
	if err := s.Show(&buf, Latest, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "(in progress)") || !strings.Contains(buf.String(), "It adds Gaussian no") {
		t.Errorf("show latest of a session in progress:\n%s", buf.String())
	}

	if err := s.Show(&buf, ended.ID, "html"); err == nil || !strings.Contains(err.Error(), "html") {
		t.Errorf("show --format html: %v", err)
	}
	if err := os.WriteFile(s.JSONPath(running.ID), []byte(`{"schema_version": 1, "questions": [`), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{FormatJSON, FormatMarkdown} {
		err := s.Show(&buf, running.ID, format)
		if err == nil || !strings.Contains(err.Error(), s.JSONPath(running.ID)) || !strings.Contains(err.Error(), "truncated") {
			t.Errorf("show --format %s of a truncated record: %v", format, err)
		}
	}
	missing := "20200101T000000Z"
	if err := s.Show(&buf, missing, FormatMarkdown); err == nil || !strings.Contains(err.Error(), s.JSONPath(missing)) {
		t.Errorf("show of a missing session: %v", err)
	}

	// A record of an older version is shown as the current version, with
	// its durations in seconds; the file is left as it is.
	for _, v := range []int{1, 2} {
		const id = "20261125T171849Z"
		old, err := os.ReadFile(filepath.Join("testdata", fmt.Sprintf("v%d-%s.json", v, id)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(s.JSONPath(id), old, 0o600); err != nil {
			t.Fatal(err)
		}
		buf.Reset()
		if err := s.Show(&buf, id, FormatJSON); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, want := range []string{fmt.Sprintf(`"schema_version": %d,`, interview.SchemaVersion), `"time_limit_s": 180`, `"time_used_s": 133`} {
			if v == 2 && want == `"time_used_s": 133` {
				want = `"time_used_s": 132.5`
			}
			if !strings.Contains(out, want) {
				t.Errorf("show --format json of a version %d record lacks %s:\n%s", v, want, out)
			}
		}
		if strings.Contains(out, `"time_used":`) || strings.Contains(out, `"time_limit":`) {
			t.Errorf("show --format json of a version %d record prints nanoseconds:\n%s", v, out)
		}
		if file, _ := os.ReadFile(s.JSONPath(id)); !bytes.Equal(file, old) {
			t.Errorf("show --format json rewrote the version %d record", v)
		}
	}
}

// writeSessions writes n ended sessions into dataDir (fixture.WriteSessions).
func writeSessions(tb testing.TB, dataDir string, n int, full bool) {
	tb.Helper()
	if err := fixture.WriteSessions(dataDir, n, full); err != nil {
		tb.Fatal(err)
	}
}

func TestListTenThousandSessions(t *testing.T) {
	n := 10000
	if testing.Short() {
		n = 1000
	}
	dataDir := t.TempDir()
	writeSessions(t, dataDir, n, false)
	sums, errs := NewStore(dataDir).List()
	if len(errs) != 0 {
		t.Fatal(errs[0])
	}
	if len(sums) != n {
		t.Fatalf("List returned %d sessions, want %d", len(sums), n)
	}
	if newest := t0.Add(time.Duration(n-1) * fixture.SessionSpacing).Format(IDFormat); sums[0].ID != newest || sums[n-1].ID != t0.Format(IDFormat) {
		t.Errorf("List runs from %s to %s, want newest (%s) first", sums[0].ID, sums[n-1].ID, newest)
	}
	for _, s := range sums[:3] {
		if s.Questions != 8 || s.Answered != 8 || s.Status != interview.StatusEnded {
			t.Errorf("summary %+v", s)
		}
	}
}

// history10000 is a data directory of 10,000 ended sessions of 8
// questions each (16 KB a record), written once for all the benchmarks and
// removed by TestMain.
var history10000 = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "grill-bench-")
	if err != nil {
		return "", err
	}
	benchDirs = append(benchDirs, dir)
	return dir, fixture.WriteSessions(dir, 10000, true)
})

// benchDirs are the data directories the benchmarks wrote.
var benchDirs []string

// TestMain removes the benchmarks' data directories (160 MB each) when the
// tests end.
func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range benchDirs {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

func benchStore(b *testing.B) *Store {
	dir, err := history10000()
	if err != nil {
		b.Fatal(err)
	}
	s := NewStore(dir)
	if sums, errs := s.List(); len(sums) != 10000 || len(errs) != 0 { // builds the index
		b.Fatal(len(sums), errs)
	}
	b.ResetTimer()
	return s
}

// BenchmarkList10000 measures `grill report list` on a history of 10,000
// sessions: List from the index plus printing the table.
func BenchmarkList10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		sums, errs := s.List()
		if len(sums) != 10000 || len(errs) != 0 {
			b.Fatal(len(sums), errs)
		}
		if err := report.WriteList(io.Discard, sums, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListRebuild10000 measures List when the index and the
// summaries are missing and
// every record is read (the first start after an upgrade).
func BenchmarkListRebuild10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		os.Remove(s.indexPath())
		os.Remove(s.summariesPath())
		if sums, errs := s.List(); len(sums) != 10000 || len(errs) != 0 {
			b.Fatal(len(sums), errs)
		}
	}
}

// BenchmarkHistory10000 measures reading the summaries and the 80,000
// answers of 10,000 sessions, as the weakest and due orders do.
func BenchmarkHistory10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		if h, errs := s.History(); len(h.Reviews) != 80000 || len(errs) != 0 {
			b.Fatal(len(h.Reviews), errs)
		}
	}
}

// BenchmarkReviews10000 measures reading the 80,000 answers of 10,000
// sessions, as the weakest and due orders do at start-up.
func BenchmarkReviews10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		if rs, errs := s.Reviews(); len(rs) != 80000 || len(errs) != 0 {
			b.Fatal(len(rs), errs)
		}
	}
}

// BenchmarkResumable10000 measures the resume check at start-up on a
// history of 10,000 ended sessions.
func BenchmarkResumable10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		if r, err := s.Resumable(); r != nil || err != nil {
			b.Fatal(r, err)
		}
	}
}

// refDigest is the digest decoded by encoding/json: what scanDigest must
// agree with.
type refDigest struct {
	SchemaVersion *int      `json:"schema_version"`
	Started       time.Time `json:"started"`
	Ended         time.Time `json:"ended"`
	Abandoned     bool      `json:"abandoned"`
	Debrief       bool      `json:"debrief"`
	Plan          []string  `json:"plan"`
	Settings      struct {
		Topics  []string `json:"topics"`
		Mode    string   `json:"mode"`
		RetryOf string   `json:"retry_of"`
	} `json:"settings"`
	Questions []struct {
		CardID    string             `json:"card_id"`
		Topic     string             `json:"topic"`
		TimeUsedS *interview.Seconds `json:"time_used_s"`
		TimeUsed  *time.Duration     `json:"time_used"`
		Grade     struct {
			Score int `json:"score"`
		} `json:"grade"`
		Outcome  interview.Outcome `json:"outcome"`
		AskedAt  time.Time         `json:"asked_at"`
		EndedAt  time.Time         `json:"ended_at"`
		Adjusted int               `json:"adjusted_score"`
		Rating   interview.Rating  `json:"rating"`
		RatedAt  time.Time         `json:"rated_at"`
		// FollowUps are decoded for their time used only.
		FollowUps []refTimeUsed `json:"follow_ups"`
	} `json:"questions"`
}

// refTimeUsed is a follow-up's time used as encoding/json reads it.
type refTimeUsed struct {
	TimeUsedS *interview.Seconds `json:"time_used_s"`
	TimeUsed  *time.Duration     `json:"time_used"`
}

// used is the time used, the seconds of version 3 winning over the
// nanoseconds of 1 and 2.
func (r refTimeUsed) used() time.Duration {
	switch {
	case r.TimeUsedS != nil:
		return time.Duration(*r.TimeUsedS)
	case r.TimeUsed != nil:
		return *r.TimeUsed
	}
	return 0
}

// FuzzScanDigest checks that the fast scanner of List accepts exactly the
// documents encoding/json accepts, and reads the same values from them.
func FuzzScanDigest(f *testing.F) {
	for _, rec := range []*interview.Record{sampleRecord(t0), inProgress(t0), v2Record(), withFollowUps()} {
		data, _ := json.MarshalIndent(rec, "", "  ")
		f.Add(data)
		f.Add(data[:len(data)/3])
		compact, _ := json.Marshal(rec)
		f.Add(compact)
	}
	for _, s := range []string{
		`{}`, `null`, `[]`, `{"schema_version": 1, "questions": null, "settings": null}`,
		`{"schema_version": 01}`, `{"schema_version": 1.0}`, `{"Schema_Version": 2, "STARTED": "2026-11-25T17:18:49Z"}`,
		`{"questions": [{"topic": "a"}], "questions": [{"topic": "b"}]}`, `{"questions": [null, {"rating": -0}]}`,
		`{"abandoned": null, "ended": null, "settings": {"topics": ["a\u00e9\"", null]}}`, `{"x": [1, 2e5, -0.5E-3, true, false, null, "\ud800"]}`,
		`{"questions": [{"grade": {"score": 17, "points": [{"label": "a", "contradicted": true, "evidence": [{"start": 1, "end": 2}]}], "misconceptions": [{"label": "b", "asserted": true, "spans": []}]}, "adjusted_score": 17}]}`,
		`{"questions": [{"time_used": 5, "time_used_s": 1.5}, {"time_used_s": 2, "time_used": 7}]}`,
		`{"questions": [{"time_used_s": 1e3}, {"time_used_s": -0.0000000015}, {"TIME_USED_S": 12.3456789999}]}`,
		`{"questions": [{"time_used_s": 1}], "questions": [{"time_used_s": null, "time_used": 3}, {"time_used": 1.5}]}`,
		`{"questions": [{"time_used_s": "1"}]}`, `{"questions": [{"time_used_s": 1e300}]}`, `{"questions": [{"time_used_s": 9223372036.854775808}]}`,
		`{"questions": [{"time_used_s": 10, "follow_ups": [{"time_used": 1500000000}, {"time_used_s": 2.5, "time_used": 7}, null, {}]}]}`,
		`{"questions": [{"follow_ups": [{"time_used_s": 1}, {"time_used_s": 2}], "FOLLOW_UPS": [{"time_used_s": null, "time_used": 3}]}]}`,
		`{"questions": [{"follow_ups": [{"time_used_s": 4}]}], "questions": [{"follow_ups": [{"card_id": "x"}, {"time_used": 9}]}]}`,
		`{"questions": [{"follow_ups": [{"time_used_s": 1, "follow_ups": [{"time_used_s": 60, "x": [1, {"y": null}]}]}]}]}`,
		`{"questions": [{"follow_ups": null}, {"follow_ups": []}, {"follow_ups": [{"Time_Used_S": 0.25}]}]}`,
		`{"questions": [{"follow_ups": [{"time_used_s": "1"}]}]}`, `{"questions": [{"follow_ups": [1]}]}`, `{"questions": [{"follow_ups": {}}]}`,
		`{"questions": [{"follow_ups": [{"time_used": 1.5}]}]}`, `{"questions": [{"follow_ups": [{"time_used_s": 1e300}]}]}`,
		`{"questions": [{"follow_ups": [{"time_used_s": 1,}]}]}`, `{"questions": [{"follow_ups": [{"time_used_s": 1}]`,
		`{"plan": ["a", null, "b"], "debrief": true}`, `{"plan": ["a"], "plan": null}`, `{"plan": [1]}`, `{"plan": "a"}`,
		`{"x": "\x"}`, "{\"x\": \"a\tb\"}", `{"x": 1} x`, `{"schema_version": 1,}`, `{"started": 5}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, version, err := scanDigest(data)
		for _, c := range data {
			if c >= 0x80 {
				// encoding/json folds a few non-ASCII letters in keys (ſ, K)
				// and lets invalid UTF-8 through: not worth copying.
				return
			}
		}
		var ref refDigest
		refErr := json.Unmarshal(data, &ref)
		if (err == nil) != (refErr == nil) {
			t.Fatalf("scanDigest error %v, encoding/json error %v, on %q", err, refErr, data)
		}
		if err != nil {
			return
		}
		same := (version == nil) == (ref.SchemaVersion == nil) &&
			(version == nil || *version == *ref.SchemaVersion) &&
			d.Started.Equal(ref.Started) && d.Ended.Equal(ref.Ended) && d.Abandoned == ref.Abandoned &&
			slices.Equal(d.Topics, ref.Settings.Topics) && d.Mode == ref.Settings.Mode && d.RetryOf == ref.Settings.RetryOf &&
			d.Planned == len(ref.Plan) && d.Debrief == ref.Debrief && len(d.Questions) == len(ref.Questions)
		for i := 0; same && i < len(d.Questions); i++ {
			q, r := d.Questions[i], ref.Questions[i]
			var followUps time.Duration
			for _, f := range r.FollowUps {
				followUps += f.used()
			}
			used := refTimeUsed{TimeUsedS: r.TimeUsedS, TimeUsed: r.TimeUsed}.used()
			same = q.CardID == r.CardID && q.Topic == r.Topic && q.TimeUsed == used && q.Score == r.Grade.Score && q.Outcome == r.Outcome &&
				q.Time.Equal(interview.ReviewTime(r.RatedAt, r.EndedAt, r.AskedAt, ref.Started)) && q.Adjusted == r.Adjusted &&
				q.Rating == r.Rating && q.FollowUpTime == followUps
		}
		if !same {
			t.Fatalf("scanDigest read %+v, encoding/json %+v, from %q", d, ref, data)
		}
	})
}

// BenchmarkWeakest10000 measures what `grill start --order weakest` does
// before its first question on a history of 10,000 sessions, decks aside:
// the resume check, reading the cards file (kept by the sessions before,
// whose reviews built it) and selecting the cards.
func BenchmarkWeakest10000(b *testing.B) {
	s := benchStore(b)
	if _, errs := s.PointHistory(); len(errs) != 0 { // builds the cards file
		b.Fatal(errs)
	}
	lib, err := decks.Builtin()
	if err != nil {
		b.Fatal(err)
	}
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		if r, err := s.Resumable(); r != nil || err != nil {
			b.Fatal(r, err)
		}
		now := fixture.T0.Add(10001 * fixture.SessionSpacing)
		ranker := s.Ranker(now)
		if _, ok := ranker.(interview.CardRanker); !ok {
			b.Fatalf("ranking with %T", ranker)
		}
		sess, err := interview.New(lib, interview.Settings{Count: 5, Order: interview.OrderWeakest, Seed: 1},
			interview.Options{Clock: interview.NewFakeClock(now), Ranker: ranker})
		if err != nil || sess.Record().Plan[0] == "" {
			b.Fatal(err)
		}
	}
}

// BenchmarkPointHistory10000 measures the per-point history the first
// review shows, on a history of 10,000 sessions: from the cards file.
func BenchmarkPointHistory10000(b *testing.B) {
	s := benchStore(b)
	if _, errs := s.PointHistory(); len(errs) != 0 { // builds the cards file
		b.Fatal(errs)
	}
	b.ResetTimer()
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		if h, errs := s.PointHistory(); len(errs) != 0 || len(h.Cards()) != 3 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkPointHistoryRebuild10000 measures the per-point history when the
// cards file is missing: every record is read in full (once, after which
// the file is kept up to date).
func BenchmarkPointHistoryRebuild10000(b *testing.B) {
	s := benchStore(b)
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		os.Remove(s.cardsPath())
		if h, errs := s.PointHistory(); len(errs) != 0 || len(h.Cards()) != 3 {
			b.Fatal(errs)
		}
	}
}
