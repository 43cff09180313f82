package llm

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRetryAfter(t *testing.T) {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		header http.Header
		want   time.Duration
	}{
		{http.Header{}, 0},
		{http.Header{"Retry-After": {"3"}}, 3 * time.Second},
		{http.Header{"Retry-After": {"1.5"}}, 1500 * time.Millisecond},
		{http.Header{"Retry-After": {"0"}}, 0},
		{http.Header{"Retry-After": {"-4"}}, 0},
		{http.Header{"Retry-After": {"soon"}}, 0},
		{http.Header{"Retry-After": {now.Add(90 * time.Second).Format(http.TimeFormat)}}, 90 * time.Second},
		{http.Header{"Retry-After": {now.Add(-time.Minute).Format(http.TimeFormat)}}, 0},
		{http.Header{"Retry-After-Ms": {"250"}, "Retry-After": {"1"}}, 250 * time.Millisecond},
		{nil, 0},
	} {
		if got := retryAfter(tc.header, now); got != tc.want {
			t.Errorf("retryAfter(%v) = %v, want %v", tc.header, got, tc.want)
		}
	}
}

func TestBackoff(t *testing.T) {
	l := &Client{retryBase: 500 * time.Millisecond, retryMax: 8 * time.Second}
	for _, tc := range []struct {
		rnd     float64
		attempt int
		after   time.Duration
		want    time.Duration
	}{
		{0, 1, 0, 250 * time.Millisecond},
		{0.999999, 1, 0, 500 * time.Millisecond},
		{0.5, 2, 0, 750 * time.Millisecond},
		{0.5, 3, 0, 1500 * time.Millisecond},
		{0, 10, 0, 4 * time.Second}, // capped at 8 s, half of it jitter
		{0.5, 1, 5 * time.Second, 5 * time.Second},
	} {
		l.rand = func() float64 { return tc.rnd }
		if got := l.backoff(tc.attempt, tc.after); got.Round(time.Millisecond) != tc.want {
			t.Errorf("backoff(%d, %v) with rand %v = %v, want %v", tc.attempt, tc.after, tc.rnd, got, tc.want)
		}
	}
}

func TestOneLineAndScrub(t *testing.T) {
	if got := oneLineText("  a\nb\r\n\tc  \x00d ", 100); got != "a b c d" {
		t.Errorf("oneLineText = %q", got)
	}
	if got := oneLineText(strings.Repeat("x", 50), 10); got != strings.Repeat("x", 10)+"…" {
		t.Errorf("oneLineText cut = %q", got)
	}
	for _, s := range []string{
		"failed for Bearer " + llmTestKey,
		"key " + llmTestKey + " rejected",
		"GET /v1?key=" + llmTestKey,
		"sk-proj-abcdefghijklmnop is wrong",
	} {
		got := scrub(s, llmTestKey)
		if strings.Contains(got, llmTestKey) || strings.Contains(got, "abcdefghijklmnop") {
			t.Errorf("scrub(%q) = %q", s, got)
		}
	}
}

func TestLLMErrorLine(t *testing.T) {
	le := &Error{Kind: KindTimeout, msg: "no reply within 1m0s"}
	if got := ErrorLine(fmt.Errorf("grading q3: %w", le)); got != "no reply within 1m0s" {
		t.Errorf("wrapped Error line = %q", got)
	}
	if got := ErrorLine(errors.New("two\nlines with Bearer " + llmTestKey)); strings.Contains(got, "\n") || strings.Contains(got, llmTestKey) {
		t.Errorf("plain error line = %q", got)
	}
	if ErrorLine(nil) != "" {
		t.Errorf("nil error has a line")
	}
	for kind, want := range map[ErrorKind]bool{
		KindRateLimit: true, KindReset: true, KindAuth: false, KindModel: false,
		KindBadRequest: false, KindTimeout: false, KindStreamCut: false, KindDNS: false, KindRefused: false,
	} {
		if got := (&Error{Kind: kind}).Retryable(); got != want {
			t.Errorf("%s retryable = %v", kind, got)
		}
	}
	if !(&Error{Kind: KindServer, Status: 503}).Retryable() || (&Error{Kind: KindServer}).Retryable() {
		t.Errorf("server errors: only a 5xx status is retryable, not an error event mid-stream")
	}
}
