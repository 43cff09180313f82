package llm

import (
	"strings"
	"testing"
)

// FuzzParseVerdict feeds the verdict parser hostile replies (and answers):
// it must never panic; a valid verdict has one point per key point in the
// card's order, a score from 0 to 100 that its statuses support, and
// feedback; an invalid one keeps the raw reply as text and has no score.
// The stream preview of any prefix of the reply must not panic either.
func FuzzParseVerdict(f *testing.F) {
	f.Add(llmGoodReply, llmGoodAnswer)
	f.Add("```json\n"+llmGoodReply+"\n```", llmGoodAnswer)
	f.Add(llmGoodReply[:len(llmGoodReply)/2], llmGoodAnswer)
	f.Add(llmReplyWith(`"score":85`, `"score":"85/100"`), llmGoodAnswer)
	f.Add(`{"key_points":[{"label":"Aggregate from neighbours","status":"missing"},{"label":"Update with own features","status":"missing"},{"label":"Stack layers for k-hop reach","status":"missing"}],"score":100,"feedback":"x"}`, "")
	f.Add(`{"score":1e400,"feedback":"\ud800"}`, "\x00")
	f.Add(strings.Repeat("{", 5000), "a")
	kps := llmCard().KeyPoints
	f.Fuzz(func(t *testing.T, reply, answer string) {
		v := ParseVerdict(reply, kps, answer)
		if !v.Valid {
			if v.Text != strings.TrimSpace(reply) || v.Score != 0 || v.Points != nil || len(v.Problems) == 0 {
				t.Fatalf("invalid verdict: text %q score %d points %v problems %v", v.Text, v.Score, v.Points, v.Problems)
			}
		} else {
			if v.Score < 0 || v.Score > 100 || len(v.Points) != len(kps) || v.Feedback == "" {
				t.Fatalf("valid verdict: score %d, %d points, feedback %q", v.Score, len(v.Points), v.Feedback)
			}
			found := make([]*Point, len(v.Points))
			for i := range v.Points {
				if v.Points[i].Label != kps[i].Label {
					t.Fatalf("point %d is %q, want %q", i, v.Points[i].Label, kps[i].Label)
				}
				found[i] = &v.Points[i]
			}
			if p := scoreContradictions(v.Score, found, kps, len(v.WrongClaims) > 0); p != nil {
				t.Fatalf("valid verdict contradicts itself: %v", p)
			}
		}
		for _, n := range []int{len(reply) / 3, len(reply) / 2, len(reply) - 1} {
			if n > 0 {
				StreamPreview(reply[:n])
			}
		}
	})
}
