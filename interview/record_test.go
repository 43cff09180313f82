package interview

import (
	"encoding/json"
	"testing"
	"time"

	"grill/llm"
)

// TestLLMRecordReadsBothVersions: the LLM feedback of a question reads the
// same from a version 2 record and from the version 1 layout (verdict
// without "valid", raw reply beside it in "text").
func TestLLMRecordReadsBothVersions(t *testing.T) {
	for _, tc := range []struct {
		name, stored string
		valid        bool
		score        int
		text         string
	}{
		{"v2 valid", `{"model":"m","host":"h:1","prompt_version":"p","latency":1200000000,
			"verdict":{"valid":true,"score":55,"offline_score":100,"disagreement":true,
			"key_points":[{"label":"Alpha","status":"covered","evidence":"alpha"},{"label":"Beta","status":"missing"}],
			"feedback":"Kept from last time.","follow_up":"Still there?","model":"m","host":"h:1","prompt_version":"p","latency_ms":1200}}`,
			true, 55, ""},
		{"v2 invalid", `{"model":"m","verdict":{"valid":false,"text":"plain prose","problems":["no JSON object"],"model":"m","host":"h","prompt_version":"p","latency_ms":0}}`,
			false, 0, "plain prose"},
		{"v1 valid", `{"model":"m","verdict":{"score":70,"feedback":"Good."}}`, true, 70, ""},
		{"v1 text only", `{"model":"m","host":"h:1","latency":5000000,"text":"plain prose"}`, false, 0, "plain prose"},
		{"v1 text beside verdict", `{"model":"m","text":"plain prose","verdict":{"Valid":false,"Problems":["no JSON"]}}`, false, 0, "plain prose"},
	} {
		var l LLMRecord
		if err := json.Unmarshal([]byte(tc.stored), &l); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		v := l.Verdict
		if v == nil || v.Valid != tc.valid || v.Score != tc.score || v.Text != tc.text {
			t.Errorf("%s: verdict %+v, want valid %v score %d text %q", tc.name, v, tc.valid, tc.score, tc.text)
		}
	}
	// Written and read again, a record is unchanged.
	in := LLMRecord{Model: "m", Host: "h:1", PromptVersion: "p", Latency: 1200 * time.Millisecond,
		Verdict: &llm.Verdict{Valid: true, Score: 55, Points: []llm.Point{{Label: "Alpha", Status: llm.Covered, Evidence: "alpha"}},
			Model: "m", Host: "h:1", PromptVersion: "p", Latency: 1200 * time.Millisecond}}
	data, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out LLMRecord
	if err := json.Unmarshal(data, &out); err != nil || out.Verdict == nil || out.Verdict.Score != 55 || out.Verdict.Points[0].Evidence != "alpha" || out.Latency != in.Latency {
		t.Errorf("round trip: %+v (%v) from %s", out, err, data)
	}
}
