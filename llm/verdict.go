package llm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"grill/decks"
)

// Status is the LLM's verdict on one key point.
type Status string

// The three verdicts on a key point.
const (
	Covered Status = "covered"
	Partly  Status = "partly"
	Missing Status = "missing"
)

// Point is the LLM's verdict on one key point, with the quote from the
// answer that supports it ("" when missing).
type Point struct {
	Label    string `json:"label"`
	Status   Status `json:"status"`
	Evidence string `json:"evidence,omitempty"`
}

// Verdict is the LLM's feedback on one answer.
//
// When Valid is false the reply did not validate: Text holds the raw reply to
// show as plain text, Problems says why, and there is no score. The offline
// grade stays the record either way; Score is shown beside it, flagged when
// Disagreement, and marked untrusted when Untrusted (see TrustedScore).
type Verdict struct {
	Valid       bool
	Points      []Point // one per key point, in the card's key point order
	WrongClaims []string
	Score       int // 0–100; 0 and meaningless when !Valid
	Feedback    string
	FollowUp    string

	Text     string   // the raw reply, when !Valid
	Problems []string // why the reply did not validate

	Injection        bool     // the answer tries to instruct the grader
	InjectionReasons []string // what DetectInjection found
	Untrusted        bool     // the score must not be believed (set when Injection)
	Disagreement     bool     // |Score − OfflineScore| > DisagreementThreshold
	OfflineScore     int      // the offline grader's score it was compared with

	Model         string
	Host          string // endpoint host, e.g. "localhost:11434"
	PromptVersion string
	Format        string // response format asked for: json_schema, json_object or none
	Latency       time.Duration
}

// TrustedScore returns the LLM's score and true when it has one and it can
// be believed: the reply validated and the answer did not try to instruct the
// grader.
func (v *Verdict) TrustedScore() (int, bool) {
	if v == nil || !v.Valid || v.Untrusted {
		return 0, false
	}
	return v.Score, true
}

// ParseVerdict reads the LLM's reply and validates it against the key points
// and the answer. It tolerates ```json fences and prose around the JSON
// object. Validation requires every key point exactly once, a known status,
// evidence quotes that really occur in the answer (after folding case,
// whitespace, quotes and dashes; "…" may join quoted fragments), a score from
// 0 to 100 that agrees with the key point statuses (see ScoreTolerance) and
// non-empty feedback. A reply that fails any check is returned with Valid
// false, Text the raw reply and no score.
func ParseVerdict(reply string, keyPoints []decks.KeyPoint, answer string) *Verdict {
	v := &Verdict{PromptVersion: PromptVersion}
	obj, ok := extractObject(reply)
	if !ok {
		return invalidVerdict(v, reply, "the reply has no JSON verdict")
	}
	var problems []string
	fields := map[string]json.RawMessage{}
	for k, raw := range obj {
		fields[foldKey(k)] = raw
	}

	// Key points.
	var raws []struct {
		Label    string          `json:"label"`
		Status   string          `json:"status"`
		Evidence json.RawMessage `json:"evidence"`
	}
	if raw, ok := fields["keypoints"]; !ok {
		if len(keyPoints) > 0 {
			problems = append(problems, "no key_points")
		}
	} else if err := json.Unmarshal(raw, &raws); err != nil {
		problems = append(problems, "key_points is not a list of {label, status, evidence}")
	}
	byLabel := map[string]int{}
	for i, kp := range keyPoints {
		byLabel[foldLabel(kp.Label)] = i
	}
	found := make([]*Point, len(keyPoints))
	normAnswer := foldQuote(answer)
	for _, r := range raws {
		i, known := byLabel[foldLabel(r.Label)]
		if !known {
			problems = append(problems, fmt.Sprintf("unknown key point %q", r.Label))
			continue
		}
		label := keyPoints[i].Label
		if found[i] != nil {
			problems = append(problems, fmt.Sprintf("key point %q appears twice", label))
			continue
		}
		status, ok := parseStatus(r.Status)
		if !ok {
			problems = append(problems, fmt.Sprintf("key point %q has status %q, not covered, partly or missing", label, r.Status))
			continue
		}
		quotes, ok := parseEvidence(r.Evidence)
		if !ok {
			problems = append(problems, fmt.Sprintf("evidence for %q is not a quote", label))
			continue
		}
		evidence := strings.Join(quotes, " … ")
		switch {
		case status == Missing:
			if !quotesInAnswer(quotes, normAnswer) {
				evidence = "" // "not mentioned" and the like: nothing to show
			}
		case len(quotes) == 0:
			problems = append(problems, fmt.Sprintf("key point %q is %s but no evidence is quoted", label, status))
		case !quotesInAnswer(quotes, normAnswer):
			problems = append(problems, fmt.Sprintf("evidence for %q is not in the answer: %q", label, oneLineText(evidence, 80)))
		}
		found[i] = &Point{Label: label, Status: status, Evidence: evidence}
	}
	for i, p := range found {
		if p == nil {
			problems = append(problems, fmt.Sprintf("key point %q is missing from the reply", keyPoints[i].Label))
			continue
		}
		v.Points = append(v.Points, *p)
	}

	// Wrong claims.
	if raw, ok := fields["wrongclaims"]; ok && !isJSONNull(raw) {
		if err := json.Unmarshal(raw, &v.WrongClaims); err != nil {
			var one string
			if json.Unmarshal(raw, &one) == nil {
				v.WrongClaims = []string{one}
			} else {
				problems = append(problems, "wrong_claims is not a list of strings")
			}
		}
		v.WrongClaims = nonBlank(v.WrongClaims)
	}

	// Score.
	if raw, ok := fields["score"]; !ok || isJSONNull(raw) {
		problems = append(problems, "no score")
	} else if s, ok := parseScore(raw); !ok {
		problems = append(problems, fmt.Sprintf("score %s is not a number", oneLineText(string(raw), 20)))
	} else if s < 0 || s > 100 {
		problems = append(problems, fmt.Sprintf("score %s is out of range 0–100", oneLineText(string(raw), 20)))
	} else {
		v.Score = int(math.Round(s))
	}

	// The score against the LLM's own key point verdicts.
	if len(problems) == 0 {
		problems = append(problems, scoreContradictions(v.Score, found, keyPoints, len(v.WrongClaims) > 0)...)
	}

	// Feedback and follow-up.
	v.Feedback = stringField(fields, "feedback")
	if v.Feedback == "" {
		problems = append(problems, "feedback is empty")
	}
	v.FollowUp = stringField(fields, "followup", "followupquestion")

	if len(problems) > 0 {
		return invalidVerdict(v, reply, problems...)
	}
	v.Valid = true
	return v
}

// ScoreTolerance is how far, in points out of 100, the LLM's score may stray
// from what its own key point statuses give before the verdict counts as
// contradicting itself. The statuses give a range: each key point counts
// with its card weight, in full when covered, between a quarter and three
// quarters when partly covered, not at all when missing. A score more than
// ScoreTolerance above the top of that range is invalid (100 with every
// point missing); so is one more than ScoreTolerance below its bottom,
// unless the verdict names wrong claims, which rightly cost points that
// the key points do not show. The tolerance leaves room for the judgement
// of quality that a score adds to a checklist.
const ScoreTolerance = 30

// scoreContradictions checks score against the statuses of found, one per
// key point (none nil), and says how they disagree.
func scoreContradictions(score int, found []*Point, keyPoints []decks.KeyPoint, wrongClaims bool) []string {
	if len(keyPoints) == 0 || len(found) != len(keyPoints) {
		return nil
	}
	var total, lo, hi float64
	for i, p := range found {
		if p == nil {
			return nil
		}
		w := float64(max(keyPoints[i].Weight, 1))
		total += w
		switch p.Status {
		case Covered:
			lo, hi = lo+w, hi+w
		case Partly:
			lo, hi = lo+w/4, hi+3*w/4
		}
	}
	lo, hi = 100*lo/total, 100*hi/total
	switch {
	case float64(score) > hi+ScoreTolerance:
		return []string{fmt.Sprintf("score %d contradicts the key points, whose statuses give at most %.0f", score, hi)}
	case float64(score) < lo-ScoreTolerance && !wrongClaims:
		return []string{fmt.Sprintf("score %d contradicts the key points, whose statuses give at least %.0f, and no wrong claim is named", score, lo)}
	}
	return nil
}

// invalidVerdict turns v into an unvalidated verdict: the raw reply as text, no
// score, no points.
func invalidVerdict(v *Verdict, reply string, problems ...string) *Verdict {
	*v = Verdict{
		PromptVersion: v.PromptVersion,
		Text:          strings.TrimSpace(reply),
		Problems:      problems,
	}
	return v
}

// extractObject finds the JSON verdict in reply: the whole reply, or inside
// a ``` fence, or after leading prose. The first object that decodes and has
// a field of a verdict wins; objects nested in prose or cut short are
// skipped.
func extractObject(reply string) (map[string]json.RawMessage, bool) {
	for i := 0; i < len(reply); {
		j := strings.IndexByte(reply[i:], '{')
		if j < 0 {
			break
		}
		start := i + j
		var obj map[string]json.RawMessage
		dec := json.NewDecoder(strings.NewReader(reply[start:]))
		if err := dec.Decode(&obj); err == nil {
			if looksLikeVerdict(obj) {
				return obj, true
			}
			i = start + int(dec.InputOffset())
			continue
		}
		i = start + 1
	}
	return nil, false
}

// looksLikeVerdict reports whether obj has the fields of a verdict.
func looksLikeVerdict(obj map[string]json.RawMessage) bool {
	for k := range obj {
		switch foldKey(k) {
		case "score", "keypoints", "feedback", "wrongclaims":
			return true
		}
	}
	return false
}

// foldKey folds a JSON field name: "key_points", "keyPoints" and
// "Key-Points" are all "keypoints".
func foldKey(k string) string {
	k = strings.ToLower(k)
	return strings.NewReplacer("_", "", "-", "", " ", "").Replace(k)
}

// foldLabel folds a key point label for matching the reply's labels.
func foldLabel(s string) string {
	s = strings.Trim(strings.TrimSpace(s), `"'*`+"`")
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// parseStatus reads a status, accepting common variants ("partial",
// "not covered").
func parseStatus(s string) (Status, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ") {
	case "covered", "present", "yes", "full", "fully covered":
		return Covered, true
	case "partly", "partial", "partially", "partly covered", "partially covered":
		return Partly, true
	case "missing", "missed", "absent", "no", "not covered", "uncovered", "none":
		return Missing, true
	}
	return "", false
}

// parseEvidence reads evidence given as a string or a list of strings; empty
// quotes are dropped.
func parseEvidence(raw json.RawMessage) ([]string, bool) {
	if len(raw) == 0 || isJSONNull(raw) {
		return nil, true
	}
	var one string
	if err := json.Unmarshal(raw, &one); err == nil {
		return nonBlank([]string{one}), true
	}
	var many []string
	if err := json.Unmarshal(raw, &many); err == nil {
		return nonBlank(many), true
	}
	return nil, false
}

// parseScore reads a score given as a number or a numeric string ("85",
// "85/100").
func parseScore(raw json.RawMessage) (float64, bool) {
	var f float64
	if err := json.Unmarshal(raw, &f); err == nil {
		return f, true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, false
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "/100"))
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// stringField returns the first of the named (folded) fields that is a string.
func stringField(fields map[string]json.RawMessage, names ...string) string {
	for _, n := range names {
		var s string
		if raw, ok := fields[n]; ok && json.Unmarshal(raw, &s) == nil {
			return strings.TrimSpace(s)
		}
	}
	return ""
}

// isJSONNull reports whether raw is the JSON null.
func isJSONNull(raw json.RawMessage) bool {
	return string(bytes.TrimSpace(raw)) == "null"
}

// nonBlank drops blank strings and trims the others.
func nonBlank(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// quoteFolder straightens quotes and dashes and drops Markdown emphasis
// characters before quotes are matched.
var quoteFolder = strings.NewReplacer(
	"“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'", "`", "", "*", "",
	"–", "-", "—", "-", "−", "-", "\u00a0", " ",
)

// foldQuote folds text for quote matching: NFKC (so the full-width brackets
// of a neutralised answer match ASCII ones), lower case, straight quotes and
// dashes, single spaces.
func foldQuote(s string) string {
	s = quoteFolder.Replace(norm.NFKC.String(s))
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// quotesInAnswer reports whether every quote occurs in the folded answer.
// Inside a quote, "..." or "…" joins fragments that must occur in order.
func quotesInAnswer(quotes []string, normAnswer string) bool {
	if len(quotes) == 0 {
		return false
	}
	for _, q := range quotes {
		at := 0
		fragments := 0
		for _, frag := range strings.Split(foldQuote(q), "...") {
			frag = strings.Trim(frag, ` "'.,;:!?()[]`)
			if frag == "" {
				continue
			}
			i := strings.Index(normAnswer[at:], frag)
			if i < 0 {
				return false
			}
			at += i + len(frag)
			fragments++
		}
		if fragments == 0 {
			return false
		}
	}
	return true
}

// verdictJSON is the JSON form of a verdict, for `grill grade --json` and
// session records.
type verdictJSON struct {
	Valid            *bool    `json:"valid"` // absent in version 1 records: valid when there is a score
	Score            *int     `json:"score,omitempty"`
	OfflineScore     int      `json:"offline_score"`
	Untrusted        bool     `json:"untrusted,omitempty"`
	Disagreement     bool     `json:"disagreement,omitempty"`
	Injection        bool     `json:"injection,omitempty"`
	InjectionReasons []string `json:"injection_reasons,omitempty"`
	KeyPoints        []Point  `json:"key_points,omitempty"`
	WrongClaims      []string `json:"wrong_claims,omitempty"`
	Feedback         string   `json:"feedback,omitempty"`
	FollowUp         string   `json:"follow_up,omitempty"`
	Text             string   `json:"text,omitempty"`
	Problems         []string `json:"problems,omitempty"`
	Model            string   `json:"model"`
	Host             string   `json:"host"`
	PromptVersion    string   `json:"prompt_version"`
	ResponseFormat   string   `json:"response_format,omitempty"`
	LatencyMS        int64    `json:"latency_ms"`
}

// MarshalJSON writes the verdict as `grill grade --json` prints it under
// "llm" and a session record stores it. An invalid verdict has "valid":
// false, the raw reply under "text" and no "score". The latency is whole
// milliseconds.
func (v Verdict) MarshalJSON() ([]byte, error) {
	valid := v.Valid
	j := verdictJSON{
		Valid:            &valid,
		OfflineScore:     v.OfflineScore,
		Untrusted:        v.Untrusted,
		Disagreement:     v.Disagreement,
		Injection:        v.Injection,
		InjectionReasons: v.InjectionReasons,
		Text:             v.Text,
		Problems:         v.Problems,
		Model:            v.Model,
		Host:             v.Host,
		PromptVersion:    v.PromptVersion,
		ResponseFormat:   v.Format,
		LatencyMS:        v.Latency.Milliseconds(),
	}
	if v.Valid {
		score := v.Score
		j.Score = &score
		j.KeyPoints = v.Points
		j.WrongClaims = v.WrongClaims
		j.Feedback = v.Feedback
		j.FollowUp = v.FollowUp
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a verdict written by MarshalJSON. A verdict without
// "valid" (session records of schema version 1) is valid when it has a
// score.
func (v *Verdict) UnmarshalJSON(data []byte) error {
	var j verdictJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	valid := j.Score != nil
	if j.Valid != nil {
		valid = valid && *j.Valid
	}
	*v = Verdict{
		Valid: valid, OfflineScore: j.OfflineScore,
		Untrusted: j.Untrusted, Disagreement: j.Disagreement,
		Injection: j.Injection, InjectionReasons: j.InjectionReasons,
		Points: j.KeyPoints, WrongClaims: j.WrongClaims, Feedback: j.Feedback, FollowUp: j.FollowUp,
		Text: j.Text, Problems: j.Problems,
		Model: j.Model, Host: j.Host, PromptVersion: j.PromptVersion, Format: j.ResponseFormat,
		Latency: time.Duration(j.LatencyMS) * time.Millisecond,
	}
	if j.Score != nil {
		v.Score = *j.Score
	}
	return nil
}

// Reply is the outcome of one request, as `grill grade --json` prints it
// under "llm": the verdict, or {"error": "<one line>"} when the LLM failed.
type Reply struct {
	Verdict *Verdict
	Err     error
}

// MarshalJSON writes the verdict, or the error as {"error": "<one line>"}.
func (r Reply) MarshalJSON() ([]byte, error) {
	if r.Err != nil || r.Verdict == nil {
		return json.Marshal(map[string]string{"error": ErrorLine(r.Err)})
	}
	return r.Verdict.MarshalJSON()
}

// statusMark is the text mark of a key point status.
func statusMark(s Status) string {
	switch s {
	case Covered:
		return "[x]"
	case Partly:
		return "[~]"
	}
	return "[ ]"
}

// WriteVerdictText writes the verdict as plain text, as `grill grade --llm`
// prints it: the LLM's score beside the offline one with any flags, the key
// points, wrong claims, feedback and follow-up question; or, for a reply
// that did not validate, why and the raw reply.
func WriteVerdictText(w io.Writer, v *Verdict) error {
	if v == nil {
		_, err := io.WriteString(w, "LLM feedback unavailable\n")
		return err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "LLM feedback (%s at %s)\n", v.Model, v.Host)
	if !v.Valid {
		fmt.Fprintf(&b, "Reply did not validate (%s); no LLM score. Reply as text:\n", strings.Join(v.Problems, "; "))
		writeIndented(&b, v.Text)
	} else {
		fmt.Fprintf(&b, "LLM score: %d/100 (grader: %d)", v.Score, v.OfflineScore)
		if v.Untrusted {
			b.WriteString("  UNTRUSTED")
		}
		if v.Disagreement {
			fmt.Fprintf(&b, "  DISAGREES with the grader by more than %d points", DisagreementThreshold)
		}
		b.WriteByte('\n')
		for _, p := range v.Points {
			fmt.Fprintf(&b, "  %s %s", statusMark(p.Status), p.Label)
			if p.Evidence != "" {
				fmt.Fprintf(&b, " — “%s”", oneLineText(p.Evidence, 120))
			}
			b.WriteByte('\n')
		}
		if len(v.WrongClaims) > 0 {
			b.WriteString("Wrong claims:\n")
			for _, c := range v.WrongClaims {
				fmt.Fprintf(&b, "  - %s\n", oneLineText(c, 300))
			}
		}
		fmt.Fprintf(&b, "Feedback: %s\n", oneLineText(v.Feedback, 2000))
		if v.FollowUp != "" {
			fmt.Fprintf(&b, "Follow-up: %s\n", oneLineText(v.FollowUp, 500))
		}
	}
	if v.Injection {
		fmt.Fprintf(&b, "Warning: the answer tries to instruct the grader (%s); the LLM score is untrusted and never counts.\n",
			strings.Join(v.InjectionReasons, "; "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeIndented writes text with each line indented by two spaces.
func writeIndented(b *strings.Builder, text string) {
	for _, line := range strings.Split(text, "\n") {
		b.WriteString("  ")
		b.WriteString(strings.TrimRight(line, " \t\r"))
		b.WriteByte('\n')
	}
}

// StreamPreview turns the reply received so far into readable text for the
// feedback panel while it streams in: the key points judged so far, the
// score, and the feedback as it is being written. A reply that is not JSON
// (a server ignoring the requested format) is shown as it is. It returns ""
// when there is nothing readable yet.
func StreamPreview(partial string) string {
	start := strings.IndexByte(partial, '{')
	if start < 0 {
		if strings.HasPrefix(strings.TrimSpace(partial), "```") {
			return ""
		}
		return strings.TrimSpace(partial)
	}
	var p struct {
		KeyPoints []struct {
			Label  string `json:"label"`
			Status string `json:"status"`
		} `json:"key_points"`
		WrongClaims []string         `json:"wrong_claims"`
		Score       *json.RawMessage `json:"score"`
		Feedback    string           `json:"feedback"`
		FollowUp    string           `json:"follow_up"`
	}
	if !closePartialJSON(partial[start:], &p) {
		return ""
	}
	var b strings.Builder
	for _, kp := range p.KeyPoints {
		status, ok := parseStatus(kp.Status)
		if !ok {
			continue // still being written
		}
		fmt.Fprintf(&b, "%s %s\n", statusMark(status), kp.Label)
	}
	for _, c := range nonBlank(p.WrongClaims) {
		fmt.Fprintf(&b, "Wrong: %s\n", c)
	}
	if p.Score != nil {
		if s, ok := parseScore(*p.Score); ok {
			fmt.Fprintf(&b, "LLM score: %g/100\n", s)
		}
	}
	if p.Feedback != "" {
		fmt.Fprintf(&b, "%s\n", p.Feedback)
	}
	if p.FollowUp != "" {
		fmt.Fprintf(&b, "Follow-up: %s\n", p.FollowUp)
	}
	return strings.TrimRight(b.String(), "\n")
}

// closePartialJSON completes a JSON document that was cut off mid-stream and
// decodes it into v. It keeps everything up to the last complete value (or
// the string value being written), drops a dangling key, comma or partial
// literal, and closes the open strings, arrays and objects.
func closePartialJSON(s string, v any) bool {
	type frame struct {
		obj       bool
		wantValue bool // in an object, after the colon
	}
	var (
		stack     []frame
		safe      int     // s[:safe] ends after a complete value or an opening bracket
		safeStack []frame // the open containers at safe
		inStr     bool
		strValue  bool // the open string is a value, not a key
		esc       bool
		lastEsc   = -1 // index of the backslash of the last escape
	)
	mark := func(i int) {
		safe = i
		safeStack = append(safeStack[:0], stack...)
	}
	closers := func(st []frame) string {
		var c strings.Builder
		for i := len(st) - 1; i >= 0; i-- {
			if st[i].obj {
				c.WriteByte('}')
			} else {
				c.WriteByte(']')
			}
		}
		return c.String()
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
				lastEsc = i
			case c == '"':
				inStr = false
				if strValue {
					mark(i + 1)
				}
			}
			continue
		}
		switch c {
		case '{', '[':
			stack = append(stack, frame{obj: c == '{'})
			mark(i + 1)
		case '}', ']':
			if len(stack) == 0 {
				return json.Unmarshal([]byte(s[:i]), v) == nil
			}
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return json.Unmarshal([]byte(s[:i+1]), v) == nil
			}
			mark(i + 1)
		case '"':
			inStr, lastEsc = true, -1
			strValue = len(stack) > 0 && (!stack[len(stack)-1].obj || stack[len(stack)-1].wantValue)
		case ':':
			if len(stack) > 0 {
				stack[len(stack)-1].wantValue = true
			}
		case ',':
			if len(stack) > 0 && stack[len(stack)-1].obj {
				stack[len(stack)-1].wantValue = false
			}
		default:
			// A number or literal counts once something follows it.
			if c == '-' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') {
				j := i
				for j < len(s) && strings.IndexByte("+-.eE0123456789abcdefghijklmnopqrstuvwxyz", s[j]) >= 0 {
					j++
				}
				if j < len(s) {
					mark(j)
				}
				i = j - 1
			}
		}
	}
	if inStr && strValue {
		body := s
		if lastEsc >= 0 && (esc || (s[lastEsc+1] == 'u' && len(s)-lastEsc < 6)) {
			body = s[:lastEsc] // drop an escape cut in half
		}
		if json.Unmarshal([]byte(body+`"`+closers(stack)), v) == nil {
			return true
		}
	}
	return json.Unmarshal([]byte(s[:safe]+closers(safeStack)), v) == nil
}
