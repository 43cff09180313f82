// Package fakellm is the fake OpenAI-compatible server that the tests of
// every package use (llm, ui, main): it speaks the chat-completions wire
// format (POST /v1/chat/completions, JSON or a text/event-stream of
// chat.completion.chunk events ending in data: [DONE]), records what it
// receives, and lets each test decide the reply, including faults.
package fakellm

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Request is one request the server received.
type Request struct {
	Header http.Header
	Body   []byte
	JSON   map[string]any // the body, decoded
	System string         // the system message
	User   string         // the user message
	Answer string         // the answer quoted in the user message (between <<<ANSWER and ANSWER>>>)
}

// Server is a fake chat-completions endpoint. Its URL, with /v1, is a base_url.
type Server struct {
	*httptest.Server
	// Stop is closed when the test ends, to release handlers that stall on
	// purpose.
	Stop chan struct{}

	mu   sync.Mutex
	reqs []Request
}

// Handler replies to request number n (from 0).
type Handler func(w http.ResponseWriter, r *http.Request, n int, req Request)

// New starts a server that answers every chat-completions request with
// handle, and closes it when the test ends.
func New(t testing.TB, handle Handler) *Server {
	t.Helper()
	s := &Server{Stop: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
			http.Error(w, `{"error":{"message":"no such route"}}`, http.StatusNotFound)
			return
		}
		body, _ := io.ReadAll(r.Body)
		req := Request{Header: r.Header.Clone(), Body: body}
		if err := json.Unmarshal(body, &req.JSON); err != nil {
			t.Errorf("request body is not JSON: %v", err)
		}
		var msgs struct {
			Messages []struct {
				Role    string `json:"role"`
				Content string `json:"content"`
			} `json:"messages"`
		}
		_ = json.Unmarshal(body, &msgs)
		for _, m := range msgs.Messages {
			switch m.Role {
			case "system":
				req.System = m.Content
			case "user":
				req.User = m.Content
			}
		}
		req.Answer = QuotedAnswer(req.User)
		s.mu.Lock()
		n := len(s.reqs)
		s.reqs = append(s.reqs, req)
		s.mu.Unlock()
		handle(w, r, n, req)
	}))
	t.Cleanup(s.Close)
	t.Cleanup(func() { close(s.Stop) })
	return s
}

// Requests returns what the server received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.reqs...)
}

// QuotedAnswer returns the answer between grill's <<<ANSWER and ANSWER>>>
// lines of a user message, "" when there is none.
func QuotedAnswer(msg string) string {
	_, rest, ok := strings.Cut(msg, "<<<ANSWER\n")
	if !ok {
		return ""
	}
	answer, _, _ := strings.Cut(rest, "\nANSWER>>>")
	return answer
}

// Chunk is one streamed chat.completion.chunk carrying content, with
// finish as its finish_reason ("" for none).
func Chunk(content, finish string) string {
	fin := "null"
	if finish != "" {
		fin = `"` + finish + `"`
	}
	c, _ := json.Marshal(content)
	return `{"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"test-model",` +
		`"choices":[{"index":0,"delta":{"content":` + string(c) + `},"finish_reason":` + fin + `}]}`
}

// Stream sends text as server-sent chunks of about size bytes, flushing
// each, then a finish chunk and data: [DONE].
func Stream(w http.ResponseWriter, text string, size int) {
	StartStream(w)
	Send(w, text, size)
	EndStream(w)
}

// StartStream begins an event-stream reply; Send and EndStream go on with
// it, for tests that stream in steps.
func StartStream(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	w.(http.Flusher).Flush()
}

// Send streams text in chunks of about size bytes, flushing each.
func Send(w http.ResponseWriter, text string, size int) {
	for _, part := range SplitBytes(text, size) {
		fmt.Fprintf(w, "data: %s\n\n", Chunk(part, ""))
		w.(http.Flusher).Flush()
	}
}

// EndStream finishes a reply: a stop chunk, then data: [DONE].
func EndStream(w http.ResponseWriter) {
	fmt.Fprintf(w, "data: %s\n\n", Chunk("", "stop"))
	fmt.Fprint(w, "data: [DONE]\n\n")
	w.(http.Flusher).Flush()
}

// SplitBytes cuts s into pieces of at most n bytes, on rune boundaries.
func SplitBytes(s string, n int) []string {
	var parts []string
	for len(s) > 0 {
		i := min(n, len(s))
		for i < len(s) && (s[i]&0xC0) == 0x80 {
			i++
		}
		parts = append(parts, s[:i])
		s = s[i:]
	}
	return parts
}

// Completion is a whole, non-streamed chat completion of content.
func Completion(content string) string {
	c, _ := json.Marshal(content)
	return `{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"test-model",` +
		`"choices":[{"index":0,"message":{"role":"assistant","content":` + string(c) + `},"finish_reason":"stop"}],` +
		`"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}`
}

// APIError replies with status and an OpenAI-style error body.
func APIError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	m, _ := json.Marshal(msg)
	fmt.Fprintf(w, `{"error":{"message":%s,"type":"error","code":null}}`, m)
}
