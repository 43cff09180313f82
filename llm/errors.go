package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode"

	openai "github.com/sashabaranov/go-openai"
)

// ErrorKind says what went wrong when asking the LLM for feedback.
type ErrorKind string

// The kinds of LLM failure. Only KindReset, KindRateLimit and KindServer
// with a 5xx status are retried.
const (
	KindConfig     ErrorKind = "config"      // the [llm] settings cannot work (no model, bad base_url)
	KindRefused    ErrorKind = "refused"     // nothing listens at the host: server not running
	KindDNS        ErrorKind = "dns"         // the host name does not resolve
	KindReset      ErrorKind = "reset"       // the connection dropped before any reply
	KindAuth       ErrorKind = "auth"        // 401 or 403: the API key is missing or wrong
	KindModel      ErrorKind = "model"       // 404: the model (or the endpoint) does not exist
	KindRateLimit  ErrorKind = "rate_limit"  // 429
	KindServer     ErrorKind = "server"      // 5xx, or an error event inside the stream
	KindBadRequest ErrorKind = "bad_request" // 400, 422 and other 4xx statuses
	KindTimeout    ErrorKind = "timeout"     // no complete reply within the timeout
	KindStreamCut  ErrorKind = "stream_cut"  // the streamed reply stopped part-way
	KindMalformed  ErrorKind = "malformed"   // the server's data is not the chat-completions format
	KindCanceled   ErrorKind = "canceled"    // the caller cancelled the request
	KindNoAnswer   ErrorKind = "no_answer"   // the answer is empty: nothing was sent
	KindOther      ErrorKind = "other"       // anything else
)

// Error is a failure to get feedback from the LLM. Its text is one line,
// meant for the feedback panel or a log, and never contains the API key.
type Error struct {
	Kind       ErrorKind
	Status     int           // HTTP status, 0 when the server never answered
	Attempts   int           // requests made, retries included
	RetryAfter time.Duration // the server's Retry-After on a 429 or 503, 0 if none

	msg   string
	cause error
}

// Error returns the one-line message.
func (e *Error) Error() string { return e.msg }

// Message returns the one-line message shown to the user.
func (e *Error) Message() string { return e.msg }

// Unwrap returns the underlying error, so errors.Is(err, context.Canceled)
// works. Render an Error with Message, never its cause.
func (e *Error) Unwrap() error { return e.cause }

// Retryable reports whether the same request may succeed if sent again:
// a rate limit, a 5xx status, or a connection dropped before any reply.
func (e *Error) Retryable() bool {
	switch e.Kind {
	case KindRateLimit, KindReset:
		return true
	case KindServer:
		return e.Status >= 500
	}
	return false
}

// ErrorLine returns err as one line of text for the feedback panel, a log
// or `grill grade` output: the message of an *Error, or the error text
// with newlines folded and anything that looks like a key removed.
func ErrorLine(err error) string {
	if err == nil {
		return ""
	}
	var le *Error
	if errors.As(err, &le) {
		return le.Message()
	}
	return scrub(oneLineText(err.Error(), 300), "")
}

// WriteErrorText writes the one line `grill grade` prints when the LLM
// failed: "LLM feedback unavailable: <reason>".
func WriteErrorText(w io.Writer, err error) error {
	_, werr := fmt.Fprintf(w, "LLM feedback unavailable: %s\n", ErrorLine(err))
	return werr
}

// newErr builds an Error whose message is formatted, folded to one line and
// scrubbed of the client's API key.
func (l *Client) newErr(kind ErrorKind, status int, cause error, format string, args ...any) *Error {
	return &Error{
		Kind:   kind,
		Status: status,
		msg:    scrub(oneLineText(fmt.Sprintf(format, args...), 300), l.key),
		cause:  cause,
	}
}

// attemptPhase says how far a request got before it failed.
type attemptPhase int

const (
	phaseConnect attemptPhase = iota // no reply status yet
	phaseStream                      // reading the reply body
)

// classify turns the error of one request into an Error. parent is the
// caller's context (its cancellation is not a timeout), rec what the
// transport saw, received the number of reply characters already streamed.
func (l *Client) classify(parent context.Context, err error, rec *attemptRecord, phase attemptPhase, received int) *Error {
	if parent.Err() != nil {
		return l.newErr(KindCanceled, 0, parent.Err(), "LLM feedback cancelled")
	}
	if errors.Is(err, context.DeadlineExceeded) || isNetTimeout(err) {
		if phase == phaseStream && received > 0 {
			return l.newErr(KindTimeout, 0, err, "LLM reply from %s did not finish within %v (%d characters received)", l.host, l.timeout, received)
		}
		return l.newErr(KindTimeout, 0, err, "no reply from LLM server %s within %v", l.host, l.timeout)
	}

	var apiErr *openai.APIError
	var reqErr *openai.RequestError
	switch {
	case errors.As(err, &apiErr) && apiErr.HTTPStatusCode == 0:
		// An {"error": ...} event inside an otherwise successful stream.
		return l.newErr(KindServer, 0, err, "LLM server %s reported an error mid-reply: %s", l.host, serverText(apiErr.Message))
	case errors.As(err, &apiErr):
		return l.statusErr(apiErr.HTTPStatusCode, serverText(apiErr.Message), rec, err)
	case errors.As(err, &reqErr):
		return l.statusErr(reqErr.HTTPStatusCode, serverText(string(reqErr.Body)), rec, err)
	}

	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return l.newErr(KindDNS, 0, err, "cannot resolve LLM host %q; check [llm] base_url", hostOnly(l.host))
	}
	if errors.Is(err, syscall.ECONNREFUSED) {
		return l.newErr(KindRefused, 0, err, "LLM server %s refused the connection; is it running?", l.host)
	}

	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syn) || errors.As(err, &typ) {
		return l.newErr(KindMalformed, 0, err, "LLM server %s sent malformed data, not a chat-completions stream", l.host)
	}
	if errors.Is(err, openai.ErrTooManyEmptyStreamMessages) {
		return l.newErr(KindMalformed, 0, err, "LLM server %s sent no chat-completions events; is base_url an OpenAI-compatible /v1 endpoint?", l.host)
	}

	dropped := errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, net.ErrClosed)
	if dropped && phase == phaseStream {
		return l.newErr(KindStreamCut, 0, err, "LLM reply from %s was cut off after %d characters", l.host, received)
	}
	if dropped {
		return l.newErr(KindReset, 0, err, "LLM server %s dropped the connection before replying", l.host)
	}

	var netErr *net.OpError
	if errors.As(err, &netErr) {
		return l.newErr(KindOther, 0, err, "cannot reach LLM server %s: %s", l.host, causeText(netErr.Err))
	}
	if errors.Is(err, openai.ErrReasoningModelMaxTokensDeprecated) || errors.Is(err, openai.ErrChatCompletionInvalidModel) ||
		errors.Is(err, openai.ErrReasoningSamplingUnsupported) || errors.Is(err, openai.ErrReasoningEffortUnsupported) {
		return l.newErr(KindConfig, 0, err, "model %q cannot be used for feedback: %s", l.model, causeText(err))
	}
	return l.newErr(KindOther, 0, err, "LLM request to %s failed: %s", l.host, causeText(err))
}

// statusErr describes an HTTP error status. msg is the server's own message,
// already folded; it is left out of authentication errors, where servers
// like to echo part of the key.
func (l *Client) statusErr(status int, msg string, rec *attemptRecord, cause error) *Error {
	withMsg := func(s string) string {
		if msg == "" {
			return s
		}
		return s + ": " + msg
	}
	var e *Error
	switch {
	case status == http.StatusUnauthorized && l.key == "":
		e = l.newErr(KindAuth, status, cause, "LLM server %s wants an API key (401) and $%s is not set", l.host, l.keyEnv)
	case status == http.StatusUnauthorized:
		e = l.newErr(KindAuth, status, cause, "LLM server %s rejected the API key in $%s (401); check that it is right", l.host, l.keyEnv)
	case status == http.StatusForbidden && l.key == "":
		e = l.newErr(KindAuth, status, cause, "LLM server %s refused access (403) and $%s is not set", l.host, l.keyEnv)
	case status == http.StatusForbidden:
		e = l.newErr(KindAuth, status, cause, "LLM server %s refused the API key in $%s (403); check the key and its access to model %q", l.host, l.keyEnv, l.model)
	case status == http.StatusNotFound:
		e = l.newErr(KindModel, status, cause, "model %q not found at %s (404); check [llm] model and base_url", l.model, l.host)
	case status == http.StatusTooManyRequests:
		e = l.newErr(KindRateLimit, status, cause, "%s", withMsg(fmt.Sprintf("LLM server %s is rate limiting requests (429)", l.host)))
	case status >= 500:
		e = l.newErr(KindServer, status, cause, "%s", withMsg(fmt.Sprintf("LLM server %s failed (%d %s)", l.host, status, http.StatusText(status))))
	default:
		e = l.newErr(KindBadRequest, status, cause, "%s", withMsg(fmt.Sprintf("LLM server %s rejected the request (%d %s)", l.host, status, http.StatusText(status))))
	}
	if rec != nil && (status == http.StatusTooManyRequests || status == http.StatusServiceUnavailable) {
		e.RetryAfter = retryAfter(rec.header, l.now())
	}
	return e
}

// isNetTimeout reports whether err is a network timeout.
func isNetTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// hostOnly strips the port from host:port.
func hostOnly(hostport string) string {
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		return h
	}
	return hostport
}

// causeText is the text of err without the request URL that *url.Error
// adds (a URL can carry credentials).
func causeText(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		err = ue.Err
	}
	return urlLike.ReplaceAllString(oneLineText(err.Error(), 160), "[url]")
}

// urlLike matches URLs inside error text.
var urlLike = regexp.MustCompile(`\S+://\S+`)

// serverText folds a server's error message to a short single line.
func serverText(s string) string {
	return oneLineText(s, 160)
}

// oneLineText folds whitespace and control characters to single spaces and cuts
// the text to max runes.
func oneLineText(s string, max int) string {
	var b strings.Builder
	space := false
	n := 0
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		if n >= max {
			b.WriteString("…")
			break
		}
		b.WriteRune(r)
		n++
	}
	return b.String()
}

// keyLike matches strings that look like credentials, removed from every
// message as a second line of defence after the key itself.
var keyLike = regexp.MustCompile(`(?i)\bbearer\s+\S+|\b(sk|rk|pk)-[A-Za-z0-9_\-]{8,}|\bkey=[^&\s]+`)

// scrub removes the API key and anything that looks like one from s.
func scrub(s, key string) string {
	if key != "" {
		s = strings.ReplaceAll(s, key, "[redacted]")
	}
	return keyLike.ReplaceAllString(s, "[redacted]")
}

// retryAfter reads Retry-After (seconds or an HTTP date) or the
// retry-after-ms header some servers send. It returns 0 when neither is
// present or readable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if ms, err := strconv.ParseFloat(strings.TrimSpace(h.Get("Retry-After-Ms")), 64); err == nil && ms > 0 {
		return time.Duration(ms * float64(time.Millisecond))
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
