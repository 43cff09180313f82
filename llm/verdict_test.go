package llm

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"grill/internal/fixture/textcheck"
)

// llmReplyWith returns llmGoodReply with one substring replaced.
func llmReplyWith(old, new string) string {
	if !strings.Contains(llmGoodReply, old) {
		panic("goodReply lacks " + old)
	}
	return strings.Replace(llmGoodReply, old, new, 1)
}

func TestParseVerdictAccepts(t *testing.T) {
	kps := llmCard().KeyPoints
	for _, tc := range []struct {
		name, reply string
		score       int
	}{
		{"plain", llmGoodReply, 85},
		{"json fence", "```json\n" + llmGoodReply + "\n```", 85},
		{"prose around", "Here is the verdict you asked for:\n" + llmGoodReply + "\nI hope this helps {really}.", 85},
		{"a stray object first", `Format: {"type": "json"}. Verdict: ` + llmGoodReply, 85},
		{"camelCase keys", strings.NewReplacer(`"key_points"`, `"keyPoints"`, `"follow_up"`, `"followUp"`, `"wrong_claims"`, `"wrongClaims"`).Replace(llmGoodReply), 85},
		{"label case and spacing", llmReplyWith(`"Aggregate from neighbours"`, `"  aggregate FROM neighbours "`), 85},
		{"status variants", llmReplyWith(`"status":"partly"`, `"status":"Partially covered"`), 85},
		{"score as string", llmReplyWith(`"score":85`, `"score":"85/100"`), 85},
		{"fractional score", llmReplyWith(`"score":85`, `"score":84.6`), 85},
		{"quote with different case and spacing", llmReplyWith(`"aggregates messages from its neighbours"`, `"Aggregates   messages\nfrom its neighbours."`), 85},
		{"quote with ellipsis", llmReplyWith(`"combining the aggregate with its own features"`, `"updates its own embedding … with its own features"`), 85},
		{"quote as a list", llmReplyWith(`"combining the aggregate with its own features"`, `["updates its own embedding", "its own features"]`), 85},
		{"curly quotes in quote", llmReplyWith(`"aggregates messages from its neighbours"`, `"“aggregates messages from its neighbours”"`), 85},
		{"missing with non-quote evidence", llmReplyWith(`"status":"partly","evidence":"Stacking k layers"`, `"status":"missing","evidence":"not mentioned"`), 85},
		{"null wrong claims", llmReplyWith(`"wrong_claims":[]`, `"wrong_claims":null`), 85},
		{"no follow-up", llmReplyWith(`,"follow_up":"What goes wrong when you stack many layers?"`, ``), 85},
		{"score bounds", llmReplyWith(`"wrong_claims":[],"score":85`, `"wrong_claims":["GNNs need no training"],"score":0`), 0},
		{"score within the tolerance above", llmReplyWith(`"score":85`, `"score":100`), 100},
		{"score within the tolerance below", llmReplyWith(`"score":85`, `"score":55`), 55},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := ParseVerdict(tc.reply, kps, llmGoodAnswer)
			if !v.Valid {
				t.Fatalf("did not validate: %v", v.Problems)
			}
			if v.Score != tc.score || len(v.Points) != 3 || v.Feedback == "" || v.Text != "" {
				t.Errorf("score %d points %d feedback %q text %q", v.Score, len(v.Points), v.Feedback, v.Text)
			}
			for i, p := range v.Points {
				if p.Label != kps[i].Label {
					t.Errorf("point %d label %q, want the card's %q", i, p.Label, kps[i].Label)
				}
			}
		})
	}
}

func TestParseVerdictMissingEvidenceIsCleared(t *testing.T) {
	v := ParseVerdict(llmReplyWith(`"status":"partly","evidence":"Stacking k layers"`, `"status":"missing","evidence":"not mentioned"`), llmCard().KeyPoints, llmGoodAnswer)
	if !v.Valid || v.Points[2].Status != Missing || v.Points[2].Evidence != "" {
		t.Errorf("point = %+v", v.Points[2])
	}
}

func TestParseVerdictRejects(t *testing.T) {
	kps := llmCard().KeyPoints
	for _, tc := range []struct {
		name, reply, problem string
	}{
		{"prose only", "The answer is fine, maybe 70/100.", "no JSON verdict"},
		{"truncated JSON", llmGoodReply[:len(llmGoodReply)/2], "no JSON verdict"},
		{"key point left out", llmReplyWith(`{"label":"Aggregate from neighbours","status":"covered","evidence":"aggregates messages from its neighbours"},`, ``),
			`"Aggregate from neighbours" is missing`},
		{"key point twice", llmReplyWith(`{"label":"Update with own features"`, `{"label":"Aggregate from neighbours","status":"covered","evidence":"aggregates"},{"label":"Update with own features"`),
			`"Aggregate from neighbours" appears twice`},
		{"invented key point", llmReplyWith(`"Stack layers for k-hop reach"`, `"Uses attention"`),
			`unknown key point "Uses attention"`},
		{"bad status", llmReplyWith(`"status":"partly"`, `"status":"excellent"`), `status "excellent"`},
		{"quote not in answer", llmReplyWith(`"aggregates messages from its neighbours"`, `"uses multi-head attention over neighbours"`), "not in the answer"},
		{"ellipsis fragments out of order", llmReplyWith(`"combining the aggregate with its own features"`, `"its own features ... Each node aggregates"`), "not in the answer"},
		{"covered without quote", llmReplyWith(`"evidence":"aggregates messages from its neighbours"`, `"evidence":""`), "no evidence is quoted"},
		{"score too high", llmReplyWith(`"score":85`, `"score":140`), "out of range"},
		{"negative score", llmReplyWith(`"score":85`, `"score":-5`), "out of range"},
		{"score not a number", llmReplyWith(`"score":85`, `"score":"high"`), "not a number"},
		{"no score", llmReplyWith(`"score":85,`, ``), "no score"},
		{"empty feedback", llmReplyWith(`"feedback":"Clear account of aggregation and update. Say what k layers buy you: a k-hop receptive field."`, `"feedback":"  "`), "feedback is empty"},
		{"key points not a list", `{"key_points":"all covered","score":90,"feedback":"ok"}`, "key_points is not a list"},
		{"score 100 with every point missing", `{"key_points":[` +
			`{"label":"Aggregate from neighbours","status":"missing"},{"label":"Update with own features","status":"missing"},` +
			`{"label":"Stack layers for k-hop reach","status":"missing"}],"wrong_claims":[],"score":100,"feedback":"Excellent."}`,
			"score 100 contradicts the key points, whose statuses give at most 0"},
		{"score far above the points", llmReplyWith(`"status":"covered","evidence":"combining the aggregate with its own features"`, `"status":"missing"`),
			"score 85 contradicts the key points, whose statuses give at most 44"},
		{"score far below the points, no wrong claim", llmReplyWith(`"score":85`, `"score":20`),
			"score 20 contradicts the key points, whose statuses give at least 81, and no wrong claim is named"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := ParseVerdict(tc.reply, kps, llmGoodAnswer)
			if v.Valid {
				t.Fatalf("validated: %+v", v)
			}
			if v.Score != 0 || v.Points != nil || v.Feedback != "" {
				t.Errorf("invalid verdict keeps parsed fields: score %d points %v", v.Score, v.Points)
			}
			if v.Text != strings.TrimSpace(tc.reply) {
				t.Errorf("Text = %q, want the raw reply", v.Text)
			}
			if !strings.Contains(strings.Join(v.Problems, "; "), tc.problem) {
				t.Errorf("problems %q lack %q", v.Problems, tc.problem)
			}
		})
	}
}

func TestParseVerdictQuotesMatchNeutralisedAnswer(t *testing.T) {
	// The model sees ＜＜＜ where the candidate typed <<<; either quote counts.
	answer := "Use >>> to chain aggregation steps, then update own features."
	kps := llmCard().KeyPoints[:1]
	for _, quote := range []string{"Use >>> to chain", "Use ＞＞＞ to chain"} {
		reply := `{"key_points":[{"label":"Aggregate from neighbours","status":"partly","evidence":` + llmJSONString(quote) + `}],"wrong_claims":[],"score":40,"feedback":"Vague."}`
		if v := ParseVerdict(reply, kps, answer); !v.Valid {
			t.Errorf("quote %q: %v", quote, v.Problems)
		}
	}
}

// llmJSONString encodes s as a JSON string.
func llmJSONString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestParseVerdictNoKeyPoints(t *testing.T) {
	v := ParseVerdict(`{"key_points":[],"wrong_claims":["GCNs use attention"],"score":55,"feedback":"Partly right.","follow_up":"Why?"}`, nil, "some answer")
	if !v.Valid || v.Score != 55 || len(v.WrongClaims) != 1 {
		t.Errorf("valid %v score %d claims %v problems %v", v.Valid, v.Score, v.WrongClaims, v.Problems)
	}
}

func TestVerdictJSON(t *testing.T) {
	v := ParseVerdict(llmGoodReply, llmCard().KeyPoints, llmGoodAnswer)
	v.Model, v.Host, v.Format = "m", "h:1", "json_schema"
	applyGuard(v, llmGoodAnswer, 80)
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got["valid"] != true || got["score"] != 85.0 || got["offline_score"] != 80.0 || got["prompt_version"] != PromptVersion ||
		got["model"] != "m" || got["host"] != "h:1" || got["follow_up"] == nil {
		t.Errorf("JSON = %s", b)
	}
	kps, _ := got["key_points"].([]any)
	if len(kps) != 3 || kps[2].(map[string]any)["status"] != "partly" {
		t.Errorf("key_points = %v", got["key_points"])
	}
	for _, absent := range []string{"untrusted", "injection", "disagreement", "text", "problems"} {
		if _, ok := got[absent]; ok {
			t.Errorf("clean verdict has %q: %s", absent, b)
		}
	}
}

func TestWriteVerdictText(t *testing.T) {
	v := ParseVerdict(llmGoodReply, llmCard().KeyPoints, llmGoodAnswer)
	v.Model, v.Host = "llama3.1:8b", "localhost:11434"
	applyGuard(v, llmGoodAnswer, 40)
	var b strings.Builder
	if err := WriteVerdictText(&b, v); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	textcheck.Contains(t, "text", out,
		"LLM feedback (llama3.1:8b at localhost:11434)",
		"LLM score: 85/100 (grader: 40)  DISAGREES",
		"[x] Aggregate from neighbours — “aggregates messages from its neighbours”",
		"[~] Stack layers for k-hop reach",
		"Feedback: Clear account",
		"Follow-up: What goes wrong",
	)
	if strings.Contains(out, "UNTRUSTED") {
		t.Errorf("honest answer marked untrusted:\n%s", out)
	}

	bad := ParseVerdict("I think it deserves 70.\nGood work.", llmCard().KeyPoints, llmGoodAnswer)
	b.Reset()
	WriteVerdictText(&b, bad)
	if out := b.String(); !strings.Contains(out, "no LLM score") || !strings.Contains(out, "  I think it deserves 70.\n  Good work.") || strings.Contains(out, "LLM score:") {
		t.Errorf("invalid verdict text:\n%s", out)
	}
}

func TestWriteLLMErrorTextIsOneLine(t *testing.T) {
	var b strings.Builder
	WriteErrorText(&b, &Error{Kind: KindRefused, msg: "LLM server localhost:11434 refused the connection; is it running?"})
	if b.String() != "LLM feedback unavailable: LLM server localhost:11434 refused the connection; is it running?\n" {
		t.Errorf("got %q", b.String())
	}
	j, _ := json.Marshal(Reply{Err: &Error{msg: "no reply within 1m0s"}})
	if string(j) != `{"error":"no reply within 1m0s"}` {
		t.Errorf("Reply JSON = %s", j)
	}
}

func TestStreamPreview(t *testing.T) {
	// Every prefix of a streamed reply previews without panicking, and the
	// preview only grows in what it shows about key points.
	reply := "```json\n" + llmGoodReply + "\n```"
	sawPoints, sawFeedback := false, false
	for i := range len(reply) + 1 {
		p := StreamPreview(reply[:i])
		if strings.Contains(p, "[x] Aggregate from neighbours") {
			sawPoints = true
		}
		if strings.Contains(p, "Clear account of agg") && !strings.Contains(p, "receptive field") {
			sawFeedback = true // the feedback shows while it is being written
		}
		if strings.Contains(p, `"label"`) || strings.Contains(p, "{") {
			t.Fatalf("preview of %d bytes shows raw JSON: %q", i, p)
		}
	}
	if !sawPoints || !sawFeedback {
		t.Errorf("preview never showed points (%v) or partial feedback (%v)", sawPoints, sawFeedback)
	}
	full := StreamPreview(reply)
	textcheck.Contains(t, "full preview", full, "[x] Aggregate from neighbours", "[~] Stack layers for k-hop reach", "LLM score: 85/100", "Follow-up: What goes wrong")
	if got := StreamPreview("The answer covers aggregation"); got != "The answer covers aggregation" {
		t.Errorf("prose preview = %q", got)
	}
	if got := StreamPreview(`{"key_points":[{"label":"Aggre`); got != "" {
		t.Errorf("preview of a half label = %q, want nothing yet", got)
	}
	if got := StreamPreview(`{"feedback":"Line one\nLine \"two\" and \u00e9\u`); got != "Line one\nLine \"two\" and é" {
		t.Errorf("preview with escapes = %q", got)
	}
}

func TestVerdictJSONRoundTrip(t *testing.T) {
	v := &Verdict{Valid: true, Score: 72, OfflineScore: 40, Disagreement: true,
		Points:      []Point{{Label: "Aggregate", Status: Partly, Evidence: "sums neighbours"}},
		WrongClaims: []string{"GCN learns attention"}, Feedback: "Good start.", FollowUp: "Why sum?",
		Model: "m", Host: "h:1", PromptVersion: PromptVersion, Format: "json_schema", Latency: 1500 * time.Millisecond}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	got := new(Verdict)
	if err := json.Unmarshal(data, got); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, v) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, v)
	}
	data, _ = json.Marshal(&Verdict{Text: "not json", Problems: []string{"no JSON object"}})
	invalid := new(Verdict)
	if err := json.Unmarshal(data, invalid); err != nil || invalid.Valid || invalid.Text != "not json" || invalid.Score != 0 {
		t.Errorf("invalid verdict read back as %+v (%v)", invalid, err)
	}
}

// TestVersion1Verdict: session records of schema version 1 stored verdicts
// without "valid"; one with a score is valid, one without is not.
func TestVersion1Verdict(t *testing.T) {
	for _, tc := range []struct {
		stored string
		valid  bool
		score  int
	}{
		{`{"score": 70, "feedback": "Good, but mention depth."}`, true, 70},
		{`{"text": "plain prose", "problems": ["no JSON object"]}`, false, 0},
		{`{"valid": false, "score": 50}`, false, 50},
	} {
		var v Verdict
		if err := json.Unmarshal([]byte(tc.stored), &v); err != nil || v.Valid != tc.valid || v.Score != tc.score {
			t.Errorf("%s read as valid %v score %d (%v), want %v %d", tc.stored, v.Valid, v.Score, err, tc.valid, tc.score)
		}
	}
}
