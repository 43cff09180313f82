package interview

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"
)

func TestSecondsText(t *testing.T) {
	for _, tc := range []struct {
		d    time.Duration
		want string
	}{
		{0, "0"},
		{180 * time.Second, "180"},
		{132*time.Second + 500*time.Millisecond, "132.5"},
		{time.Millisecond, "0.001"},
		{1, "0.000000001"},
		{-1500 * time.Millisecond, "-1.5"},
		{math.MaxInt64, "9223372036.854775807"},
		{math.MinInt64, "-9223372036.854775808"},
	} {
		got, err := json.Marshal(Seconds(tc.d))
		if err != nil || string(got) != tc.want {
			t.Errorf("Seconds(%d) = %s, %v; want %s", int64(tc.d), got, err, tc.want)
			continue
		}
		back, err := ParseSeconds(got)
		if err != nil || back != tc.d {
			t.Errorf("ParseSeconds(%s) = %d, %v; want %d", got, back, err, int64(tc.d))
		}
	}
}

func TestParseSeconds(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"90", 90 * time.Second},
		{"-0", 0},
		{"0.25", 250 * time.Millisecond},
		{"1.0000000004", time.Second},       // rounded to the nanosecond
		{"1.0000000005", time.Second + 1},   // halves away from zero
		{"-1.0000000005", -time.Second - 1}, //
		{"0.9999999999", time.Second},       // the rounding carries
		{"1e3", 1000 * time.Second},         // exponents go through a float
		{"2.5E-1", 250 * time.Millisecond},  //
		{"-1.5e+2", -150 * time.Second},     //
		{"9223372036.854775807", math.MaxInt64},
		{"-9223372036.854775808", math.MinInt64},
	} {
		got, err := ParseSeconds([]byte(tc.in))
		if err != nil || got != tc.want {
			t.Errorf("ParseSeconds(%s) = %d, %v; want %d", tc.in, got, err, int64(tc.want))
		}
	}
	for _, in := range []string{`"90"`, `true`, `null`, `{}`, ``, `-`, `1.`, `.5`, `1e`, `9223372036.854775808`,
		`-9223372036.854775809`, `99999999999999999999999`, `1e300`, `-1e10`, `0x10`, `Infinity`, `1s`} {
		if got, err := ParseSeconds([]byte(in)); err == nil {
			t.Errorf("ParseSeconds(%s) = %v, want an error", in, got)
		} else if !strings.Contains(err.Error(), "duration in seconds") {
			t.Errorf("ParseSeconds(%s): error %q does not say what was expected", in, err)
		}
	}
}

// TestRecordDurationsInSeconds: a record writes every duration as seconds
// under its _s key and no nanoseconds; it reads the nanoseconds of versions
// 1 and 2 as well, the seconds winning when both are there.
func TestRecordDurationsInSeconds(t *testing.T) {
	rec := Record{
		SchemaVersion: SchemaVersion,
		Settings:      Settings{TimeLimit: 3 * time.Minute, RoundLimit: 20 * time.Minute, Mode: ModeInterview},
		Questions: []QuestionRecord{{
			TimeLimit: 3 * time.Minute, TimeUsed: 61500 * time.Millisecond,
			Drafting:  []DraftMark{{At: 2 * time.Second, Chars: 10}},
			LLM:       &LLMRecord{Model: "m", Latency: 1200 * time.Millisecond},
			FollowUps: []QuestionRecord{{TimeLimit: 90 * time.Second, TimeUsed: time.Millisecond}},
		}},
		Scorecard: &Scorecard{RoundLimit: 20 * time.Minute, RoundUsed: 62 * time.Second,
			Timing: []AnswerTiming{{TimeUsed: 61500 * time.Millisecond, TimeLimit: 3 * time.Minute, FirstKeyPoint: 2 * time.Second}}},
	}
	data, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		`"time_limit_s":180,`, `"round_limit_s":1200`, `"time_used_s":61.5`, `{"at_s":2,"chars":10}`, `"latency_s":1.2`,
		`"time_limit_s":90,"time_used_s":0.001`, `"round_used_s":62`, `"first_key_point_s":2`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("record JSON lacks %s:\n%s", want, text)
		}
	}
	for _, old := range []string{`"time_limit":`, `"time_used":`, `"round_limit":`, `"round_used":`, `"at":`, `"latency":`, `"first_key_point":`, `"text":`} {
		if strings.Contains(text, old) {
			t.Errorf("record JSON has the old key %s:\n%s", old, text)
		}
	}
	var back Record
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(back)
	if string(again) != text {
		t.Errorf("round trip changed the record:\n%s\n%s", text, again)
	}

	old := `{"schema_version": 2, "settings": {"time_limit": 180000000000, "round_limit": 1200000000000},
		"questions": [{"time_limit": 90000000000, "time_used": 1500000000, "drafting": [{"at": 3000000000, "chars": 4}],
			"llm": {"latency": 7000000}},
			{"time_used": 5000000000, "time_used_s": 2.5, "time_limit_s": null, "time_limit": 60000000000}],
		"scorecard": {"round_limit": 1200000000000, "round_used": 3000000000,
			"timing": [{"time_used": 1500000000, "time_limit": 90000000000, "first_key_point": 1000000000}]}}`
	var got Record
	if err := json.Unmarshal([]byte(old), &got); err != nil {
		t.Fatal(err)
	}
	q, f, sc := got.Questions[0], got.Questions[1], got.Scorecard
	for _, c := range []struct {
		name      string
		got, want time.Duration
	}{
		{"settings time_limit", got.Settings.TimeLimit, 3 * time.Minute},
		{"settings round_limit", got.Settings.RoundLimit, 20 * time.Minute},
		{"time_limit", q.TimeLimit, 90 * time.Second},
		{"time_used", q.TimeUsed, 1500 * time.Millisecond},
		{"drafting at", q.Drafting[0].At, 3 * time.Second},
		{"llm latency", q.LLM.Latency, 7 * time.Millisecond},
		{"time_used beside time_used_s", f.TimeUsed, 2500 * time.Millisecond},
		{"time_limit beside a null time_limit_s", f.TimeLimit, time.Minute},
		{"scorecard round_limit", sc.RoundLimit, 20 * time.Minute},
		{"scorecard round_used", sc.RoundUsed, 3 * time.Second},
		{"timing time_used", sc.Timing[0].TimeUsed, 1500 * time.Millisecond},
		{"timing time_limit", sc.Timing[0].TimeLimit, 90 * time.Second},
		{"timing first_key_point", sc.Timing[0].FirstKeyPoint, time.Second},
	} {
		if c.got != c.want {
			t.Errorf("%s reads as %v, want %v", c.name, c.got, c.want)
		}
	}
	for _, bad := range []string{`{"settings": {"time_limit_s": "3m"}}`, `{"questions": [{"time_used_s": true}]}`,
		`{"questions": [{"time_used": 1.5}]}`, `{"scorecard": {"round_used_s": 1e300}}`} {
		if err := json.Unmarshal([]byte(bad), new(Record)); err == nil {
			t.Errorf("record %s read without an error", bad)
		}
	}
}
