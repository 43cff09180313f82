package grading

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"

	"grill/decks"
)

// BatchOptions tunes GradeBatch.
type BatchOptions struct {
	// Workers is how many lines are graded at once; 0 means one per CPU.
	// The output does not depend on it.
	Workers int
	// LLM, when set, is called for every graded line and its result is
	// written as the line's "llm" field.
	LLM func(card *decks.Card, answer string) json.Marshaler
	// MaxAnswerBytes, when positive, is the longest answer a line may
	// hold; a longer one gets an error line, as in a session.
	MaxAnswerBytes int
}

// batchIn is one input line of `grill grade --batch`.
type batchIn struct {
	ID       json.RawMessage `json:"id"`
	Question *string         `json:"question"`
	Answer   *string         `json:"answer"`
}

// batchGraded is the output line of a graded input line.
type batchGraded struct {
	ID         json.RawMessage `json:"id"`
	QuestionID string          `json:"question_id"`
	Score      int             `json:"score"`
	Covered    []string        `json:"covered"`
	Missed     []string        `json:"missed"`
	// Contradicted and Misconceptions name the points the answer says the
	// opposite of and the wrong claims it asserts (both also among missed
	// or beside it): always present, empty when none.
	Contradicted   []string       `json:"contradicted"`
	Misconceptions []string       `json:"misconceptions"`
	ReadsLike      string         `json:"reads_like,omitempty"` // the card the answer reads as an answer to (GradeAmong)
	LLM            json.Marshaler `json:"llm,omitempty"`
}

// batchFailed is the output line of an input line that could not be graded.
type batchFailed struct {
	ID    json.RawMessage `json:"id"`
	Error string          `json:"error"`
}

// maxBatchLine bounds one input line (16 MiB).
const maxBatchLine = 16 << 20

// GradeBatch grades a JSON Lines stream. Each input line is
// {"id": ..., "question": "<card id or exact question text>", "answer": "..."};
// each output line, in input order, is {"id", "question_id", "score",
// "covered", "missed"}. A line that cannot be graded (bad JSON, unknown
// question, missing answer) gets {"id": ..., "error": "line N: ..."} and the
// rest go on; blank lines are skipped. Lines are graded in parallel; the
// output is byte-identical whatever the scheduling. It returns how many
// lines failed, and an error only when reading or writing fails.
func GradeBatch(lib *decks.Library, r io.Reader, w io.Writer, opts BatchOptions) (failed int, err error) {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	type job struct {
		n    int
		line []byte
		out  chan lineResult
	}
	jobs := make(chan job, workers)
	order := make(chan job, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.out <- gradeLine(lib, j.n, j.line, opts)
			}
		}()
	}

	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		br := bufio.NewReaderSize(r, 64<<10)
		for n := 1; ; n++ {
			line, err := readLine(br)
			if len(bytes.TrimSpace(line)) > 0 {
				j := job{n: n, line: line, out: make(chan lineResult, 1)}
				order <- j
				jobs <- j
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					readErr = err
				}
				return
			}
		}
	}()

	bw := bufio.NewWriter(w)
	var writeErr error
	for j := range order {
		res := <-j.out
		if res.failed {
			failed++
		}
		if writeErr == nil {
			_, writeErr = bw.Write(res.line)
		}
	}
	wg.Wait()
	if writeErr == nil {
		writeErr = bw.Flush()
	}
	if readErr != nil {
		return failed, fmt.Errorf("reading batch: %w", readErr)
	}
	if writeErr != nil {
		return failed, fmt.Errorf("writing results: %w", writeErr)
	}
	return failed, nil
}

// readLine reads one line without its end of line; a line longer than
// maxBatchLine is returned cut, with the rest skipped, so that it fails as
// bad JSON.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) <= maxBatchLine {
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// lineResult is one output line and whether its input line failed.
type lineResult struct {
	line   []byte
	failed bool
}

// gradeLine grades one input line and returns its output line.
func gradeLine(lib *decks.Library, n int, line []byte, opts BatchOptions) lineResult {
	var in batchIn
	fail := func(format string, args ...any) lineResult {
		id := in.ID
		if len(id) == 0 || !json.Valid(id) {
			id = json.RawMessage("null")
		}
		return lineResult{encodeLine(batchFailed{ID: id, Error: fmt.Sprintf("line %d: ", n) + fmt.Sprintf(format, args...)}), true}
	}
	if err := json.Unmarshal(line, &in); err != nil {
		in = batchIn{}
		var partial struct {
			ID json.RawMessage `json:"id"`
		}
		if json.Unmarshal(line, &partial) == nil {
			in.ID = partial.ID
		}
		return fail("invalid JSON: %v", err)
	}
	if in.Question == nil || *in.Question == "" {
		return fail(`missing "question"`)
	}
	card, ok := lib.Card(*in.Question)
	if !ok {
		return fail("unknown question %q", *in.Question)
	}
	if in.Answer == nil {
		return fail(`missing "answer"`)
	}
	if opts.MaxAnswerBytes > 0 && len(*in.Answer) > opts.MaxAnswerBytes {
		return fail("the answer is %d bytes, longer than the %d an answer may hold", len(*in.Answer), opts.MaxAnswerBytes)
	}
	g := ResultJSON(card, GradeAmong(card, Neighbours(lib, card), *in.Answer))
	id := in.ID
	if len(id) == 0 {
		id = json.RawMessage("null")
	}
	out := batchGraded{ID: id, QuestionID: card.ID, Score: g.Score, Covered: g.Covered, Missed: g.Missed,
		Contradicted: g.Contradicted, Misconceptions: g.Misconceptions, ReadsLike: g.ReadsLike}
	if opts.LLM != nil {
		out.LLM = opts.LLM(card, *in.Answer)
	}
	return lineResult{encodeLine(out), false}
}

// encodeLine marshals one output line, newline-terminated, without HTML
// escaping.
func encodeLine(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		b.Reset()
		enc.Encode(batchFailed{ID: json.RawMessage("null"), Error: "encoding result: " + err.Error()})
	}
	return b.Bytes()
}
