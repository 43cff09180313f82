package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"

	"grill/decks"
)

// Defaults for the LLM client.
const (
	// DefaultBaseURL is used when neither [llm] base_url nor
	// $OPENAI_BASE_URL is set.
	DefaultBaseURL = "https://api.openai.com/v1"
	// DefaultKeyEnv is the variable the key is read from when [llm]
	// api_key_env is empty.
	DefaultKeyEnv = "OPENAI_API_KEY"
	// DefaultTimeout is the deadline of one request when [llm] timeout
	// is not positive.
	DefaultTimeout = 60 * time.Second

	defaultRetryBase = 500 * time.Millisecond // first backoff delay
	defaultRetryMax  = 8 * time.Second        // longest backoff delay
	maxRetryAfter    = 60 * time.Second       // a longer Retry-After ends the retries
	maxReplyBytes    = 1 << 20                // longest reply accepted
	llmTemperature   = 0.1                    // near-deterministic; 0 would be dropped by omitempty
)

// Client asks an OpenAI-compatible chat-completions endpoint (OpenAI, Ollama,
// vLLM, a llama.cpp server) for feedback on answers. It is safe for
// concurrent use. Printing it shows the model and host, never the key.
type Client struct {
	client     *openai.Client
	model      string
	host       string // host[:port] of the endpoint, without credentials
	keyEnv     string // name of the variable the key came from
	key        string // never rendered; scrubbed from every message
	timeout    time.Duration
	maxRetries int

	retryBase time.Duration
	retryMax  time.Duration
	sleep     func(ctx context.Context, d time.Duration) error
	rand      func() float64
	now       func() time.Time
	doer      openai.HTTPDoer

	mu   sync.Mutex
	mode responseMode // the first response format to ask for; lowered when a server rejects one
}

// Option adjusts an LLM client; tests use them to avoid real waiting.
type Option func(*Client)

// WithSleep replaces the function that waits between retries. It must
// return early with ctx.Err() when ctx is done.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(l *Client) { l.sleep = sleep }
}

// WithRand replaces the source of backoff jitter, a function returning
// values in [0, 1).
func WithRand(rand func() float64) Option {
	return func(l *Client) { l.rand = rand }
}

// WithClock replaces the clock used for latency and HTTP-date Retry-After.
func WithClock(now func() time.Time) Option {
	return func(l *Client) { l.now = now }
}

// WithRetryDelay sets the first backoff delay and the longest one.
func WithRetryDelay(base, max time.Duration) Option {
	return func(l *Client) { l.retryBase, l.retryMax = base, max }
}

// WithHTTPClient replaces the HTTP client. It should have no Timeout of
// its own: the deadline is put on each request's context.
func WithHTTPClient(doer openai.HTTPDoer) Option {
	return func(l *Client) { l.doer = doer }
}

// New returns a client for the endpoint cfg describes. The base URL is
// cfg.BaseURL, else $OPENAI_BASE_URL, else https://api.openai.com/v1; the
// key is read from the variable named cfg.APIKeyEnv (default
// OPENAI_API_KEY) and may be empty for local servers. getenv is os.Getenv
// when nil. cfg.Enabled is not consulted: the caller decides whether to ask.
func New(cfg Config, getenv func(string) string, opts ...Option) (*Client, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	keyEnv := strings.TrimSpace(cfg.APIKeyEnv)
	if keyEnv == "" {
		keyEnv = DefaultKeyEnv
	}
	l := &Client{
		model:      strings.TrimSpace(cfg.Model),
		keyEnv:     keyEnv,
		key:        strings.TrimSpace(getenv(keyEnv)),
		timeout:    cfg.Timeout,
		maxRetries: max(cfg.MaxRetries, 0),
		retryBase:  defaultRetryBase,
		retryMax:   defaultRetryMax,
		sleep:      sleepCtx,
		rand:       rand.Float64,
		now:        time.Now,
		doer:       &http.Client{},
	}
	if l.timeout <= 0 {
		l.timeout = DefaultTimeout
	}
	for _, o := range opts {
		o(l)
	}

	base := strings.TrimSpace(cfg.BaseURL)
	source := "[llm] base_url"
	if base == "" {
		base, source = strings.TrimSpace(getenv("OPENAI_BASE_URL")), "$OPENAI_BASE_URL"
	}
	if base == "" {
		base = DefaultBaseURL
	}
	u, err := url.Parse(base)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, l.newErr(KindConfig, 0, nil, "%s %q is not an http:// or https:// URL", source, redactURL(base))
	}
	l.host = u.Host
	if l.model == "" {
		return nil, l.newErr(KindConfig, 0, nil, "no LLM model set; set [llm] model (e.g. \"gpt-4o-mini\" or \"llama3.1:8b\")")
	}

	ccfg := openai.DefaultConfig(l.key)
	ccfg.BaseURL = strings.TrimRight(base, "/")
	ccfg.HTTPClient = &recordingDoer{inner: l.doer}
	l.client = openai.NewClientWithConfig(ccfg)
	return l, nil
}

// Model returns the model name sent to the server.
func (l *Client) Model() string { return l.model }

// Host returns the endpoint's host[:port], for reports.
func (l *Client) Host() string { return l.host }

// String describes the client without its key.
func (l *Client) String() string { return fmt.Sprintf("LLM(%s at %s)", l.model, l.host) }

// GoString describes the client without its key, for %#v.
func (l *Client) GoString() string { return l.String() }

// Feedback asks the LLM for its verdict on answer and returns it validated,
// with the gaming guard applied and compared with the offline result. An
// empty (or blank) answer is not sent: Feedback returns a KindNoAnswer error
// at once.
//
// The reply streams: onDelta, if not nil, is called with the whole reply so
// far each time more arrives (StreamPreview makes it readable). It is called
// on the caller's goroutine, so a UI runs Feedback in a goroutine and
// forwards each text through its own event queue. Cancelling ctx stops the
// request at once with an KindCanceled error; each request also has the
// configured timeout.
//
// The response format is asked for as a strict json_schema; when the server
// rejects that (400 or 422) as a json_object, then with no response_format,
// and the client remembers what the server accepted. 429, 5xx and
// connections dropped before a reply are retried up to MaxRetries times with
// jittered exponential backoff, honouring Retry-After; nothing else is.
//
// A failure returns a nil verdict and an *Error whose Message is one line
// without the API key. A reply that does not validate is not an error: it
// returns a verdict with Valid false and the raw reply as Text.
func (l *Client) Feedback(ctx context.Context, card *decks.Card, keyPoints []decks.KeyPoint, answer string, offlineScore int, onDelta func(text string)) (*Verdict, error) {
	if card == nil {
		return nil, l.newErr(KindConfig, 0, nil, "no question to ask the LLM about")
	}
	if strings.TrimSpace(answer) == "" {
		return nil, l.newErr(KindNoAnswer, 0, nil, "there is no answer to send")
	}
	start := l.now()
	r, mode, attempts, err := l.complete(ctx, buildMessages(card, keyPoints, answer), keyPoints, onDelta)
	if err != nil {
		return nil, err
	}
	v := ParseVerdict(r.text, keyPoints, answer)
	if !v.Valid && !r.ended {
		e := l.newErr(KindStreamCut, 0, nil, "LLM reply from %s was cut off after %d characters", l.host, len(r.text))
		e.Attempts = attempts
		return nil, e
	}
	if !v.Valid && r.finish == openai.FinishReasonLength {
		v.Problems = append(v.Problems, "the reply reached the model's output limit")
	}
	l.redactVerdict(v)
	v.Model, v.Host, v.PromptVersion, v.Format = l.model, l.host, PromptVersion, mode.String()
	v.Latency = l.now().Sub(start)
	applyGuard(v, answer, offlineScore)
	return v, nil
}

// llmReply is the text of one completed request.
type llmReply struct {
	text   string
	finish openai.FinishReason
	ended  bool // the server said the reply was complete ([DONE] or a finish reason)
}

// complete sends the messages, lowering the response format each time the
// server rejects it as a bad request. It returns the reply, the format it was
// asked for in and the number of requests made.
func (l *Client) complete(ctx context.Context, msgs []openai.ChatCompletionMessage, keyPoints []decks.KeyPoint, onDelta func(string)) (llmReply, responseMode, int, error) {
	l.mu.Lock()
	first := l.mode
	l.mu.Unlock()
	attempts := 0
	for mode := first; ; mode++ {
		req := openai.ChatCompletionRequest{
			Model:          l.model,
			Messages:       msgs,
			Temperature:    llmTemperature,
			ResponseFormat: responseFormat(mode, keyPoints),
		}
		if openai.NewReasoningValidator().Validate(req) != nil {
			req.Temperature = 0 // reasoning models take no temperature
		}
		r, n, err := l.withRetries(ctx, req, onDelta)
		attempts += n
		if err == nil {
			if mode != first {
				l.mu.Lock()
				l.mode = max(l.mode, mode)
				l.mu.Unlock()
			}
			return r, mode, attempts, nil
		}
		err.Attempts = attempts
		if err.Kind == KindBadRequest && mode < modeText {
			continue
		}
		return r, mode, attempts, err
	}
}

// withRetries sends one request, retrying what is worth retrying. It returns
// the number of requests made.
func (l *Client) withRetries(ctx context.Context, req openai.ChatCompletionRequest, onDelta func(string)) (llmReply, int, *Error) {
	for attempt := 1; ; attempt++ {
		r, err := l.attempt(ctx, req, onDelta)
		if err == nil {
			return r, attempt, nil
		}
		if !err.Retryable() || attempt > l.maxRetries {
			if attempt > 1 {
				err.msg += fmt.Sprintf(" (after %d attempts)", attempt)
			}
			return r, attempt, err
		}
		if err.RetryAfter > maxRetryAfter {
			err.msg += fmt.Sprintf("; it asks to wait %v", err.RetryAfter.Round(time.Second))
			return r, attempt, err
		}
		if serr := l.sleep(ctx, l.backoff(attempt, err.RetryAfter)); serr != nil {
			return llmReply{}, attempt, l.newErr(KindCanceled, 0, serr, "LLM feedback cancelled")
		}
	}
}

// backoff is the wait before retry number attempt: the server's Retry-After
// when it gave one, else base·2^(attempt−1) capped at the maximum, of which
// a random half is jitter.
func (l *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return retryAfter
	}
	d := l.retryBase
	for i := 1; i < attempt && d < l.retryMax; i++ {
		d *= 2
	}
	d = min(d, l.retryMax)
	return d/2 + time.Duration(l.rand()*float64(d/2))
}

// attempt sends one streaming request under the configured deadline and
// collects the reply.
func (l *Client) attempt(ctx context.Context, req openai.ChatCompletionRequest, onDelta func(string)) (llmReply, *Error) {
	actx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	rec := &attemptRecord{}
	actx = context.WithValue(actx, attemptKey{}, rec)

	stream, err := l.client.CreateChatCompletionStream(actx, req)
	if err != nil {
		return llmReply{}, l.classify(ctx, err, rec, phaseConnect, 0)
	}
	defer stream.Close()

	var text strings.Builder
	var r llmReply
	for {
		chunk, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return llmReply{text: text.String()}, l.classify(ctx, err, rec, phaseStream, text.Len())
		}
		grew := false
		for _, ch := range chunk.Choices {
			if ch.Index != 0 {
				continue
			}
			if ch.Delta.Content != "" {
				text.WriteString(ch.Delta.Content)
				grew = true
			}
			if ch.FinishReason != "" && ch.FinishReason != openai.FinishReasonNull {
				r.finish = ch.FinishReason
			}
		}
		if text.Len() > maxReplyBytes {
			return llmReply{}, l.newErr(KindMalformed, 0, nil, "LLM reply from %s is longer than %d bytes", l.host, maxReplyBytes)
		}
		if grew && onDelta != nil {
			onDelta(l.redactPartial(text.String()))
		}
	}

	if text.Len() == 0 && rec.jsonBody != nil {
		return l.plainReply(rec.jsonBody, onDelta)
	}
	r.text = text.String()
	r.ended = rec.done || r.finish != ""
	if strings.TrimSpace(r.text) == "" {
		if !r.ended {
			return llmReply{}, l.newErr(KindStreamCut, 0, nil, "LLM server %s closed the stream without a reply", l.host)
		}
		return llmReply{}, l.newErr(KindMalformed, 0, nil, "LLM server %s sent an empty reply%s", l.host, finishNote(r.finish))
	}
	return r, nil
}

// plainReply reads a whole (non-streamed) chat completion, sent by a server
// that ignores "stream": true.
func (l *Client) plainReply(body []byte, onDelta func(string)) (llmReply, *Error) {
	var resp openai.ChatCompletionResponse
	if err := json.Unmarshal(body, &resp); err != nil {
		return llmReply{}, l.newErr(KindMalformed, 0, err, "LLM server %s sent malformed JSON, not a chat completion", l.host)
	}
	if len(resp.Choices) == 0 || strings.TrimSpace(resp.Choices[0].Message.Content) == "" {
		return llmReply{}, l.newErr(KindMalformed, 0, nil, "LLM server %s sent a completion with no reply text", l.host)
	}
	r := llmReply{text: resp.Choices[0].Message.Content, finish: resp.Choices[0].FinishReason, ended: true}
	if onDelta != nil {
		onDelta(l.redactKey(r.text))
	}
	return r, nil
}

// redactKey removes the API key from text the server sent back. The model
// never sees the key, but a proxy in between might echo request headers.
func (l *Client) redactKey(s string) string {
	if l.key == "" {
		return s
	}
	return strings.ReplaceAll(s, l.key, "[redacted]")
}

// redactPartial is redactKey for a reply still streaming in: it also holds
// back a tail that could be the start of the key.
func (l *Client) redactPartial(s string) string {
	s = l.redactKey(s)
	for n := min(len(l.key)-1, len(s)); n >= 4; n-- {
		if strings.HasSuffix(s, l.key[:n]) {
			return s[:len(s)-n]
		}
	}
	return s
}

// redactVerdict removes the API key from every text of v.
func (l *Client) redactVerdict(v *Verdict) {
	v.Text, v.Feedback, v.FollowUp = l.redactKey(v.Text), l.redactKey(v.Feedback), l.redactKey(v.FollowUp)
	for i := range v.WrongClaims {
		v.WrongClaims[i] = l.redactKey(v.WrongClaims[i])
	}
	for i := range v.Points {
		v.Points[i].Evidence = l.redactKey(v.Points[i].Evidence)
	}
}

// finishNote explains an unusual finish reason.
func finishNote(f openai.FinishReason) string {
	if f == "" || f == openai.FinishReasonStop {
		return ""
	}
	return fmt.Sprintf(" (finish reason %q)", string(f))
}

// sleepCtx waits d or until ctx is done.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// redactURL drops credentials from a URL for an error message.
func redactURL(s string) string {
	if u, err := url.Parse(s); err == nil && u.User != nil {
		u.User = nil
		return u.String()
	}
	return s
}

// attemptKey keys the attemptRecord in a request's context.
type attemptKey struct{}

// attemptRecord is what the transport saw of one request, which go-openai
// does not pass on: the headers (Retry-After), whether the stream ended with
// data: [DONE], and the body of a non-streamed reply.
type attemptRecord struct {
	status   int
	header   http.Header
	done     bool
	jsonBody []byte
}

// recordingDoer wraps the HTTP client to fill the request's attemptRecord.
type recordingDoer struct {
	inner openai.HTTPDoer
}

// Do sends req and records the response in the request's attemptRecord.
func (d *recordingDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.inner.Do(req)
	rec, _ := req.Context().Value(attemptKey{}).(*attemptRecord)
	if err != nil || rec == nil {
		return resp, err
	}
	rec.status = resp.StatusCode
	rec.header = resp.Header.Clone()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp, nil
	}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		// The server ignored "stream": true and sent the whole completion.
		body, rerr := io.ReadAll(io.LimitReader(resp.Body, maxReplyBytes))
		resp.Body.Close()
		if rerr != nil {
			return nil, rerr
		}
		rec.jsonBody = body
		resp.Body = io.NopCloser(bytes.NewReader(nil))
		return resp, nil
	}
	resp.Body = &doneWatcher{ReadCloser: resp.Body, rec: rec}
	return resp, nil
}

// doneWatcher notes when the event stream it passes through carries the
// final "data: [DONE]" line, which go-openai reports as plain io.EOF, the
// same as a connection closed part-way.
type doneWatcher struct {
	io.ReadCloser
	rec  *attemptRecord
	line []byte // start of the current line
}

// Read passes the stream through, watching line by line.
func (w *doneWatcher) Read(p []byte) (int, error) {
	n, err := w.ReadCloser.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			w.check()
			w.line = w.line[:0]
			continue
		}
		if len(w.line) < 32 {
			w.line = append(w.line, c)
		}
	}
	if err != nil {
		w.check()
	}
	return n, err
}

// check marks the record done if the current line is data: [DONE].
func (w *doneWatcher) check() {
	t := bytes.TrimSpace(w.line)
	if rest, ok := bytes.CutPrefix(t, []byte("data:")); ok && string(bytes.TrimSpace(rest)) == "[DONE]" {
		w.rec.done = true
	}
}
