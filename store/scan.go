package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"grill/interview"
)

// scanDigest reads the digest of a session record from its JSON: the part of
// the Record that summaries and schedules need (start and end, the settings'
// topics, mode and retry_of, the length of the plan, whether an interview's
// round is over, and of each question its card, topic, time used, outcome,
// time, grader's and adjusted score, rating and the time used on its
// follow-ups: an interview.Digest), and the schema version (nil when
// absent). It is a purpose-built scanner rather than encoding/json because
// the answers, key point verdicts and LLM feedback that make up most of a
// record are not needed to list sessions: it only checks that they are
// well-formed JSON while skipping them, several times faster than decoding.
// It validates the syntax of the whole document (truncation, stray bytes,
// bad escapes, control characters in strings) and the types of the fields it
// reads. The time used of a question, and of each of its follow-ups
// ("follow_ups", records of their own), is read as seconds ("time_used_s",
// schema version 3) or nanoseconds ("time_used", versions 1 and 2), the
// seconds winning, as interview.QuestionRecord reads it. On error, the
// digest holds what was read before it.
func scanDigest(data []byte) (d *interview.Digest, version *int, err error) {
	s := &jsonScanner{data: data}
	d = new(interview.Digest)
	var aux []questionAux // per question
	defer func() {
		for i := range d.Questions {
			a := &aux[i]
			q := &d.Questions[i]
			q.Time = interview.ReviewTime(a.times[0], a.times[1], a.times[2], d.Started)
			q.TimeUsed = a.used.value()
			for _, f := range a.followUps {
				q.FollowUpTime += f.value()
			}
		}
	}()
	err = s.object(func(key []byte) error {
		switch string(key) {
		case "schema_version":
			var v int
			isNull, err := s.int(&v)
			version = &v
			if isNull {
				version = nil
			}
			return err
		case "started":
			return s.time(&d.Started)
		case "ended":
			return s.time(&d.Ended)
		case "abandoned":
			return s.bool(&d.Abandoned)
		case "debrief":
			return s.bool(&d.Debrief)
		case "plan":
			// Like encoding/json: a repeated key counts the last list,
			// null empties it, and a null element is an element.
			d.Planned = 0
			return s.array(func() error {
				var id string
				d.Planned++
				return s.string(&id)
			})
		case "settings":
			return s.object(func(key []byte) error {
				switch string(key) {
				case "mode":
					return s.string(&d.Mode)
				case "retry_of":
					return s.string(&d.RetryOf)
				case "topics":
				default:
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
			prev, prevAux := d.Questions, aux
			d.Questions, aux = nil, nil
			return s.array(func() error {
				var q interview.QuestionDigest
				var a questionAux
				if i := len(d.Questions); i < len(prev) {
					q, a = prev[i], prevAux[i]
				}
				err := s.object(func(key []byte) error {
					var n int
					switch string(key) {
					case "card_id":
						return s.string(&q.CardID)
					case "topic":
						return s.string(&q.Topic)
					case "time_used_s", "time_used":
						return s.timeUsed(key, &a.used)
					case "follow_ups":
						// Like "questions": a repeated key decodes over
						// the previous list.
						prev := a.followUps
						a.followUps = nil
						return s.array(func() error {
							var u timeUsed
							if i := len(a.followUps); i < len(prev) {
								u = prev[i]
							}
							err := s.object(func(key []byte) error {
								switch string(key) {
								case "time_used_s", "time_used":
									return s.timeUsed(key, &u)
								}
								return s.skip()
							})
							a.followUps = append(a.followUps, u)
							return err
						})
					case "outcome":
						var o string
						err := s.string(&o)
						q.Outcome = interview.Outcome(o)
						return err
					case "asked_at":
						return s.time(&a.times[2])
					case "ended_at":
						return s.time(&a.times[1])
					case "adjusted_score":
						_, err := s.int(&q.Adjusted)
						return err
					case "rating":
						_, err := s.int(&n)
						q.Rating = interview.Rating(n)
						return err
					case "rated_at":
						return s.time(&a.times[0])
					case "grade":
						return s.object(func(key []byte) error {
							if string(key) != "score" {
								return s.skip()
							}
							_, err := s.int(&q.Score)
							return err
						})
					}
					return s.skip()
				})
				d.Questions = append(d.Questions, q)
				aux = append(aux, a)
				return err
			})
		}
		return s.skip()
	})
	if err != nil {
		return d, version, err
	}
	s.space()
	if s.i < len(s.data) {
		return d, version, s.errorf("data after the record")
	}
	return d, version, nil
}

// questionAux is what scanDigest reads of a question besides its digest:
// the times that make its review time, and the time used of the question
// and of each of its follow-ups.
type questionAux struct {
	times     [3]time.Time // rated, ended and asked
	used      timeUsed
	followUps []timeUsed
}

// timeUsed is a time used as read under either key, seconds or
// nanoseconds (each unset by a null, as encoding/json sets a pointer to
// nil).
type timeUsed struct {
	seconds    time.Duration
	nanos      time.Duration
	hasSeconds bool
	hasNanos   bool
}

// value is the time used: the seconds when read, else the nanoseconds,
// else 0.
func (u timeUsed) value() time.Duration {
	switch {
	case u.hasSeconds:
		return u.seconds
	case u.hasNanos:
		return u.nanos
	}
	return 0
}

// timeUsed reads the value of key "time_used_s" (seconds) or "time_used"
// (nanoseconds) into u.
func (s *jsonScanner) timeUsed(key []byte, u *timeUsed) error {
	if string(key) == "time_used_s" {
		isNull, err := s.seconds(&u.seconds)
		u.hasSeconds = !isNull
		return err
	}
	var n int
	isNull, err := s.int(&n)
	u.nanos, u.hasNanos = time.Duration(n), !isNull
	return err
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
	return fmt.Errorf("%s: corrupt session record: %w", name, err)
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

// seconds reads a number of seconds as interview.Seconds does (or null,
// leaving v alone).
func (s *jsonScanner) seconds(v *time.Duration) (isNull bool, err error) {
	if isNull, err := s.null(); isNull || err != nil {
		return isNull, err
	}
	start := s.i
	if c := s.peek(); c != '-' && (c < '0' || c > '9') {
		return false, s.typeErrorf("expected a number of seconds")
	}
	num, err := s.number()
	if err != nil {
		return false, err
	}
	d, err := interview.ParseSeconds(num)
	if err != nil {
		s.i = start
		return false, s.typeErrorf("%v", err)
	}
	*v = d
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
