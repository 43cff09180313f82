package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"grill/interview"
)

// stubReport stands in for the Markdown report: its title, "(in progress)"
// while the session runs, and the answers.
func stubReport(r *interview.Record) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Report of %s\n", r.ID)
	if r.Ended.IsZero() {
		b.WriteString("(in progress)\n")
	}
	for _, q := range r.Questions {
		fmt.Fprintf(&b, "## %s\n%s\n", q.Question, q.Answer)
	}
	return b.String()
}

func newTestStore(t *testing.T) *Store {
	t.Helper()
	s := NewStore(filepath.Join(t.TempDir(), "grill"))
	s.Render = stubReport
	t.Cleanup(func() { s.Close() })
	return s
}

// dirNames returns the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestDefaultDataDir(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{map[string]string{"XDG_DATA_HOME": "/data"}, "/data/grill"},
		{map[string]string{}, "/home/ada/.local/share/grill"},
		{map[string]string{"XDG_DATA_HOME": "relative/dir"}, "/home/ada/.local/share/grill"},
	} {
		if got := DefaultDataDir(env(tc.env), "/home/ada"); got != tc.want {
			t.Errorf("DefaultDataDir(%v) = %q, want %q", tc.env, got, tc.want)
		}
	}
}

func TestSaveWritesFilesAtomicallyWithPrivatePermissions(t *testing.T) {
	s := newTestStore(t)
	rec := inProgress(t0)
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	// In progress: the record and its lock, no report, no temporary file.
	if got, want := dirNames(t, s.Dir()), []string{"20261125T171849Z.json", "20261125T171849Z.lock"}; !slices.Equal(got, want) {
		t.Fatalf("files while in progress = %v, want %v", got, want)
	}
	for i := range 3 { // the saver runs again and again while typing
		rec.Questions[1].Answer += strings.Repeat("i", i)
		if err := s.Save(rec); err != nil {
			t.Fatal(err)
		}
	}
	ended := sampleRecord(t0)
	if err := s.Save(ended); err != nil {
		t.Fatal(err)
	}
	if got, want := dirNames(t, s.Dir()), []string{"20261125T171849Z.json", "20261125T171849Z.md"}; !slices.Equal(got, want) {
		t.Fatalf("files once ended = %v, want %v (no temporary or lock file)", got, want)
	}
	for _, dir := range []string{filepath.Dir(s.Dir()), s.Dir()} {
		fi, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("%s has permissions %v, want 0700", dir, fi.Mode().Perm())
		}
	}
	for _, p := range []string{s.JSONPath(ended.ID), s.MarkdownPath(ended.ID)} {
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != 0o600 {
			t.Errorf("%s has permissions %v, want 0600", p, fi.Mode().Perm())
		}
	}
	got, err := s.Load(ended.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ended) {
		t.Errorf("Load after Save differs:\n got %+v\nwant %+v", got, ended)
	}
}

// TestSaveLeavesTheUsersPermissions: a session directory grill creates is
// 0700; one the user made keeps the permissions the user gave it.
func TestSaveLeavesTheUsersPermissions(t *testing.T) {
	s := newTestStore(t)
	if err := s.Save(sampleRecord(t0)); err != nil {
		t.Fatal(err)
	}
	for _, d := range []string{s.Dir(), filepath.Dir(s.Dir())} {
		if fi, _ := os.Stat(d); fi.Mode().Perm() != 0o700 {
			t.Errorf("%s created with %v, want 0700", d, fi.Mode().Perm())
		}
	}
	s = newTestStore(t)
	if err := os.MkdirAll(s.Dir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.Dir(), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := s.Save(sampleRecord(t0)); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(s.Dir()); fi.Mode().Perm() != 0o755 {
		t.Errorf("the user's session directory has permissions %v after Save, want 0755 as the user set them", fi.Mode().Perm())
	}
}

func TestWriteFileAtomicReplacesWholeFileAndCleansUpOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.json")
	if err := WriteFileAtomic(path, []byte("old content that is longer"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(path, []byte("new"), 0o600); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "new" {
		t.Errorf("file holds %q, want %q", data, "new")
	}
	// A rename that fails (the target is a non-empty directory) leaves no
	// temporary file behind and names the path.
	target := filepath.Join(dir, "taken")
	if err := os.MkdirAll(filepath.Join(target, "x"), 0o700); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(target, []byte("data"), 0o600)
	if err == nil || !strings.Contains(err.Error(), target) {
		t.Fatalf("WriteFileAtomic over a directory: error %v, want one naming %s", err, target)
	}
	if got, want := dirNames(t, dir), []string{"r.json", "taken"}; !slices.Equal(got, want) {
		t.Errorf("directory holds %v after a failed write, want %v", got, want)
	}
}

func TestSaveAssignsIDAndSchemaVersion(t *testing.T) {
	s := newTestStore(t)
	rec := sampleRecord(t0)
	rec.ID, rec.SchemaVersion = "", 0
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	if rec.ID != "20261125T171849Z" || rec.SchemaVersion != interview.SchemaVersion {
		t.Errorf("after Save: ID %q, schema %d; want 20261125T171849Z, %d", rec.ID, rec.SchemaVersion, interview.SchemaVersion)
	}
	if err := s.Save(&interview.Record{ID: "../../etc/passwd", Started: t0}); err == nil {
		t.Error("Save accepted an id that is a path")
	}
}

func TestSessionsStartedInTheSameSecondGetSuffixes(t *testing.T) {
	a := newTestStore(t)
	b := NewStore(filepath.Dir(a.Dir())) // a second grill process on the same data
	defer b.Close()

	first := inProgress(t0)
	if err := a.Save(first); err != nil {
		t.Fatal(err)
	}
	// Another process starts a session in the same second.
	other := inProgress(t0.Add(300 * time.Millisecond))
	if err := b.Save(other); err != nil {
		t.Fatal(err)
	}
	if other.ID != "20261125T171849Z-2" {
		t.Fatalf("second session got id %q, want 20261125T171849Z-2", other.ID)
	}
	// The session engine hands out copies that still carry the original id:
	// they must land in the -2 file, not overwrite the first session.
	again := inProgress(t0.Add(300 * time.Millisecond))
	again.Questions[1].Answer = "copy from the engine"
	if err := b.Save(again); err != nil {
		t.Fatal(err)
	}
	if again.ID != "20261125T171849Z-2" {
		t.Errorf("later copy saved as %q, want 20261125T171849Z-2", again.ID)
	}
	// And a third session in the same process, same second.
	third := inProgress(t0.Add(600 * time.Millisecond))
	if err := b.Save(third); err != nil {
		t.Fatal(err)
	}
	if third.ID != "20261125T171849Z-3" {
		t.Errorf("third session got id %q, want 20261125T171849Z-3", third.ID)
	}
	got, err := a.Load("20261125T171849Z")
	if err != nil {
		t.Fatal(err)
	}
	if got.Questions[1].Answer != first.Questions[1].Answer {
		t.Errorf("first session was overwritten: answer %q", got.Questions[1].Answer)
	}
	got, err = a.Load("20261125T171849Z-2")
	if err != nil {
		t.Fatal(err)
	}
	if got.Questions[1].Answer != "copy from the engine" {
		t.Errorf("second session holds answer %q", got.Questions[1].Answer)
	}
}

func TestLockContentionBetweenTwoStores(t *testing.T) {
	a := newTestStore(t)
	b := NewStore(filepath.Dir(a.Dir()))
	defer b.Close()

	rec := inProgress(t0)
	if err := a.Save(rec); err != nil {
		t.Fatal(err)
	}
	// b sees the session in progress but may not write it, nor resume it.
	err := b.Save(inProgress(t0))
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("Save of a session locked by another store: %v, want *LockedError", err)
	}
	if le.PID != os.Getpid() || le.ID != rec.ID || !strings.Contains(err.Error(), le.Path) {
		t.Errorf("LockedError = %+v (%v), want PID %d and id %s", le, err, os.Getpid(), rec.ID)
	}
	if r, err := b.Resumable(); err != nil || r != nil {
		t.Fatalf("Resumable while another store writes the session = %v, %v; want nil", r, err)
	}
	if err := b.Abandon(rec.ID); !errors.As(err, &le) {
		t.Errorf("Abandon of a locked session: %v, want *LockedError", err)
	}
	// a exits in the middle of the session: b may now resume it, and a no
	// longer writes it.
	a.Release(rec.ID)
	r, err := b.Resumable()
	if err != nil || r == nil || r.ID != rec.ID {
		t.Fatalf("Resumable after release = %v, %v; want session %s", r, err, rec.ID)
	}
	if r.Questions[1].Answer != rec.Questions[1].Answer {
		t.Errorf("resumed draft %q, want %q", r.Questions[1].Answer, rec.Questions[1].Answer)
	}
	if err := a.Save(inProgress(t0)); !errors.As(err, &le) {
		t.Errorf("Save by the first store after another resumed: %v, want *LockedError", err)
	}
	if err := b.Save(r); err != nil {
		t.Errorf("Save by the resuming store: %v", err)
	}
}

func TestResumableAfterCrashAndAbandon(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "grill")
	crashed := NewStore(dataDir)
	old := sampleRecord(t0.Add(-time.Hour)) // an ended session
	if err := crashed.Save(old); err != nil {
		t.Fatal(err)
	}
	older := inProgress(t0.Add(-30 * time.Minute)) // an older interrupted one
	newer := inProgress(t0)
	for _, r := range []*interview.Record{older, newer} {
		if err := crashed.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	crashed.Close() // as the kernel does when the process is killed

	s := NewStore(dataDir)
	defer s.Close()
	r, err := s.Resumable()
	if err != nil || r == nil || r.ID != newer.ID {
		t.Fatalf("Resumable = %v, %v; want the newest session in progress %s", r, err, newer.ID)
	}
	if r.Questions[r.Current].Answer != "It adds Gaussian no" || r.Questions[r.Current].TimeUsed != 42*time.Second {
		t.Errorf("resumed question = %+v, want the draft and the time used", r.Questions[r.Current])
	}
	if err := s.Abandon(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(s.Dir(), r.ID+".lock")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file of the abandoned session still there: %v", err)
	}
	got, err := s.Load(r.ID)
	if err != nil || !got.Abandoned || !got.Ended.IsZero() {
		t.Fatalf("abandoned session = %+v, %v; want Abandoned and not ended", got, err)
	}
	r, err = s.Resumable()
	if err != nil || r == nil || r.ID != older.ID {
		t.Fatalf("Resumable after abandoning the newest = %v, %v; want %s", r, err, older.ID)
	}
	if err := s.Abandon(r.ID); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Resumable(); err != nil || r != nil {
		t.Errorf("Resumable with nothing in progress = %v, %v; want nil", r, err)
	}
}

func TestResumableIgnoresStaleLockFiles(t *testing.T) {
	s := newTestStore(t)
	if err := os.MkdirAll(s.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	// A lock file whose record was never written (killed before the first
	// save), with a PID that is not running.
	stale := filepath.Join(s.Dir(), "20261125T000000Z.lock")
	if err := os.WriteFile(stale, []byte("999999\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if r, err := s.Resumable(); err != nil || r != nil {
		t.Fatalf("Resumable = %v, %v; want nil", r, err)
	}
	if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("stale lock file left in place: %v", err)
	}
}

func TestLoadErrorsNameTheFile(t *testing.T) {
	s := newTestStore(t)
	good := sampleRecord(t0)
	if err := s.Save(good); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(s.JSONPath(good.ID))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		id, content, want string
	}{
		{"20260101T000001Z", "{ this is not json", "invalid JSON"},
		{"20260101T000002Z", string(data[:len(data)/2]), "truncated"},
		{"20260101T000003Z", strings.Replace(string(data), fmt.Sprintf(`"schema_version": %d`, interview.SchemaVersion), `"schema_version": 99`, 1), "unsupported schema_version 99"},
		{"20260101T000004Z", `{"id": "x"}`, "no schema_version"},
		{"20260101T000005Z", "", "empty"},
		{"20260101T000006Z", `{"schema_version": 1, "questions": "lots"}`, "corrupt"},
		{"20260101T000007Z", `[1, 2, 3]`, "corrupt"},
		{"20260101T000008Z", `{"schema_version": 4, "questions": {"a": "new layout"}}`, "unsupported schema_version 4"},
	}
	for _, tc := range cases {
		path := s.JSONPath(tc.id)
		if err := os.WriteFile(path, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := s.Load(tc.id)
		if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Load of %q: error %v, want one naming %s and saying %q", tc.content[:min(len(tc.content), 20)], err, path, tc.want)
		}
	}
	_, err = s.Load("20200101T000000Z")
	if err == nil || !strings.Contains(err.Error(), s.JSONPath("20200101T000000Z")) {
		t.Errorf("Load of a missing session: %v, want an error naming its file", err)
	}
	for _, bad := range []string{"../secret", "20261125T171849Z.json", "", "/etc/passwd"} {
		if _, err := s.Load(bad); err == nil {
			t.Errorf("Load(%q) succeeded", bad)
		}
	}
	// List reports each bad file and still lists the good one.
	sums, errs := s.List()
	if len(sums) != 1 || sums[0].ID != good.ID {
		t.Errorf("List = %+v, want only %s", sums, good.ID)
	}
	if len(errs) != len(cases) {
		t.Errorf("List returned %d errors, want %d: %v", len(errs), len(cases), errs)
	}
	for i, err := range errs {
		if !strings.Contains(err.Error(), ".json") {
			t.Errorf("List error %d does not name a file: %v", i, err)
		}
	}
}

func TestLoadLatest(t *testing.T) {
	s := newTestStore(t)
	if _, err := s.Load(Latest); err == nil || !strings.Contains(err.Error(), "no sessions") {
		t.Errorf("Load(latest) on an empty store: %v", err)
	}
	for _, start := range []time.Time{t0, t0.Add(48 * time.Hour), t0.Add(time.Hour)} {
		if err := s.Save(sampleRecord(start)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Load(Latest)
	if err != nil {
		t.Fatal(err)
	}
	if want := t0.Add(48 * time.Hour).Format(IDFormat); got.ID != want {
		t.Errorf("Load(latest) = %s, want %s", got.ID, want)
	}
}

func TestCompareIDsOrdersSuffixesNumerically(t *testing.T) {
	ids := []string{"20261125T171849Z-10", "20261125T171850Z", "20261125T171849Z", "20261125T171849Z-2", "20261124T235959Z"}
	slices.SortFunc(ids, compareIDs)
	want := []string{"20261124T235959Z", "20261125T171849Z", "20261125T171849Z-2", "20261125T171849Z-10", "20261125T171850Z"}
	if !slices.Equal(ids, want) {
		t.Errorf("sorted ids = %v, want %v", ids, want)
	}
}

// unwritableDataDir returns a data directory that cannot be created: its
// parent is a regular file. This holds for root too, for whom permission
// bits do not prevent writing.
func unwritableDataDir(t *testing.T) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "not-a-dir")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(file, "grill")
}

func TestSaveToUnwritableDataDir(t *testing.T) {
	s := NewStore(unwritableDataDir(t))
	rec := sampleRecord(t0)
	err := s.Save(rec)
	if err == nil || !strings.Contains(err.Error(), s.Dir()) {
		t.Fatalf("Save into an unwritable data dir: %v, want an error naming %s", err, s.Dir())
	}
	if rec.ID != "20261125T171849Z" || len(rec.Questions) != 3 {
		t.Errorf("record damaged by the failed save: %+v", rec)
	}
	// Nothing to list, and a clear error for the one asked for.
	if sums, errs := s.List(); len(sums) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), s.Dir()) {
		t.Errorf("List = %v, %v", sums, errs)
	}
	// The report can still be written elsewhere.
	elsewhere := t.TempDir()
	s.Render = stubReport
	md, err := s.Export(elsewhere, rec)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := dirNames(t, elsewhere), []string{rec.ID + ".json", rec.ID + ".md"}; !slices.Equal(got, want) {
		t.Errorf("exported %v, want %v", got, want)
	}
	if data, err := os.ReadFile(md); err != nil || !strings.Contains(string(data), "What is message passing in GNNs?") {
		t.Errorf("exported report %s: %v", md, err)
	}
}

// TestSaveToReadOnlyDataDir: a session directory the user made read-only
// (chmod 500) stays read-only; Save says it is not writable, for root too.
func TestSaveToReadOnlyDataDir(t *testing.T) {
	dataDir := filepath.Join(t.TempDir(), "grill")
	s := NewStore(dataDir)
	if err := s.Save(sampleRecord(t0)); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(s.Dir(), 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(s.Dir(), 0o700) })
	before := dirNames(t, s.Dir())
	err := s.Save(sampleRecord(t0.Add(time.Hour)))
	want := "the session directory " + s.Dir() + " is not writable (permissions 0500, left as they are)"
	if err == nil || err.Error() != want || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("Save into a read-only session dir: %v, want %q", err, want)
	}
	if fi, _ := os.Stat(s.Dir()); fi.Mode().Perm() != 0o500 {
		t.Errorf("permissions changed to %v", fi.Mode().Perm())
	}
	if after := dirNames(t, s.Dir()); !slices.Equal(before, after) {
		t.Errorf("files changed from %v to %v", before, after)
	}
	// Reading still works.
	if sums, errs := s.List(); len(sums) != 1 || len(errs) != 0 {
		t.Errorf("List of a read-only store = %v, %v", sums, errs)
	}
}

// TestOlderVersionsStillRead pins the on-disk formats: a record written by
// grill with each earlier schema version (testdata/v<N>-20261125T171849Z.json)
// must keep reading the same, by Load and by List, and be saved again as
// the current version without losing anything.
func TestOlderVersionsStillRead(t *testing.T) {
	const id = "20261125T171849Z"
	for _, tc := range []struct {
		version  int
		want     func() *interview.Record
		duration time.Duration // time answering, as List sums it
	}{
		{1, func() *interview.Record { r := sampleRecord(t0); r.SchemaVersion = 1; return r }, 333 * time.Second},
		{2, v2Record, 334 * time.Second}, // 332.5 s of questions, 1.5 s of follow-up (in nanoseconds)
	} {
		t.Run(fmt.Sprintf("v%d", tc.version), func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", fmt.Sprintf("v%d-%s.json", tc.version, id)))
			if err != nil {
				t.Fatal(err)
			}
			s := newTestStore(t)
			if err := os.MkdirAll(s.Dir(), 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(s.JSONPath(id), data, 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := s.Load(id)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want()
			if !reflect.DeepEqual(got, want) {
				t.Errorf("testdata record reads as\n%+v\nwant\n%+v", got, want)
			}
			if v := got.Questions[0].LLM.Verdict; !v.Valid || v.Score != 70 || v.FollowUp != "What is over-smoothing?" {
				t.Errorf("version %d verdict reads as %+v", tc.version, v)
			}
			sums, errs := s.List()
			if len(errs) != 0 || len(sums) != 1 || sums[0].Answered != 3 || sums[0].Duration != tc.duration {
				t.Errorf("List of the testdata record = %+v, %v", sums, errs)
			}
			// Saved again, it becomes the current version and reads back the same.
			if err := s.Save(got); err != nil {
				t.Fatal(err)
			}
			again, err := s.Load(id)
			if want.SchemaVersion = interview.SchemaVersion; err != nil || !reflect.DeepEqual(again, want) {
				t.Errorf("version %d record saved as version %d reads as\n%+v (%v)\nwant\n%+v", tc.version, interview.SchemaVersion, again, err, want)
			}
			saved, err := os.ReadFile(s.JSONPath(id))
			if err != nil {
				t.Fatal(err)
			}
			if v := fmt.Sprintf(`"schema_version": %d,`, interview.SchemaVersion); !strings.Contains(string(saved), v) {
				t.Errorf("saved record does not say %s", v)
			}
		})
	}
}

// TestLockHolderProcess is not a test: TestLockAcrossProcesses runs the
// test binary with it as a second grill process that saves a session in
// progress and then waits to be killed.
func TestLockHolderProcess(t *testing.T) {
	dir := os.Getenv("GRILL_TEST_LOCK_HOLDER")
	if dir == "" {
		t.Skip("helper process of TestLockAcrossProcesses")
	}
	if err := NewStore(dir).Save(inProgress(t0)); err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	fmt.Println("locked")
	io.Copy(io.Discard, os.Stdin) // until killed
	os.Exit(0)
}

func TestLockAcrossProcesses(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "grill")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockHolderProcess$")
	cmd.Env = append(os.Environ(), "GRILL_TEST_LOCK_HOLDER="+dir)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "locked\n" {
		t.Fatalf("helper process said %q, %v", line, err)
	}

	s := NewStore(dir)
	defer s.Close()
	err = s.Save(inProgress(t0))
	var le *LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid {
		t.Fatalf("Save while another process holds the session: %v, want a *LockedError naming PID %d", err, cmd.Process.Pid)
	}
	if r, err := s.Resumable(); r != nil || err != nil {
		t.Fatalf("Resumable while the other process runs = %v, %v; want nil", r, err)
	}
	// kill -9: the kernel releases the lock, and the session can be resumed.
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	r, err := s.Resumable()
	if err != nil || r == nil || r.Questions[1].Answer != "It adds Gaussian no" {
		t.Fatalf("Resumable after the other process was killed = %+v, %v", r, err)
	}
	if err := s.Save(r); err != nil {
		t.Errorf("Save of the resumed session: %v", err)
	}
}

// TestRecordSizeCap: a session file over MaxRecordBytes (50 MB here) is
// refused from its size, without being read: the list names it, Load and
// Show say why; a record that would grow past the cap is not written; a
// 5,000-word answer is far inside it.
func TestRecordSizeCap(t *testing.T) {
	s := newTestStore(t)
	rec := sampleRecord(t0)
	rec.Questions[0].Answer = strings.Repeat("aggregation ", 5000)
	if err := s.Save(rec); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Load(rec.ID); err != nil || got.Questions[0].Answer != rec.Questions[0].Answer {
		t.Fatalf("a 5,000-word answer did not come back: %v", err)
	}
	const bigID = "20301125T230000Z"
	big := s.JSONPath(bigID)
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(50 << 20) // sparse: nothing to write, 50 MB to read
	f.Close()
	want := big + ": 52428800 bytes, more than the 16777216 (16 MiB) a session file may hold; not read"
	sums, errs := s.List()
	if len(sums) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), want) {
		t.Errorf("List = %d sessions, %v; want the other session and %q", len(sums), errs, want)
	}
	if _, err := s.Load(bigID); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Load = %v, want %q", err, want)
	}
	if err := s.Show(io.Discard, bigID, FormatJSON); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Show = %v, want %q", err, want)
	}
	huge := sampleRecord(t0.Add(time.Hour))
	huge.Ended = time.Time{}
	for i := range huge.Questions {
		huge.Questions[i].Answer = strings.Repeat("x", MaxRecordBytes/2)
	}
	if err := s.Save(huge); err == nil || !strings.Contains(err.Error(), "a session file may hold") {
		t.Errorf("Save of a record over the cap: %v", err)
	}
	if _, err := os.Stat(s.JSONPath(huge.ID)); err == nil {
		t.Error("the record over the cap was written")
	}
}
