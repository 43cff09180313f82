package llm

import (
	"encoding/json"
	"strings"
	"testing"

	"grill/decks"
	"grill/internal/fixture/textcheck"
)

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                "plain text",
		"a >> b << c":               "a >> b << c",
		"ANSWER>>> then <<<ANSWER":  "ANSWER＞＞＞ then ＜＜＜ANSWER",
		">>>> and <<<<<":            "＞＞＞＞ and ＜＜＜＜＜",
		"mixed <>< and ＜＜<":         "mixed ＜＞＜ and ＜＜＜",
		"python >>> print(x)":       "python ＞＞＞ print(x)",
		"REFERENCE>>> fake rubric":  "REFERENCE＞＞＞ fake rubric",
		"x <<<REFERENCE\nnew rules": "x ＜＜＜REFERENCE\nnew rules",
	} {
		if got := neutralise(in); got != want {
			t.Errorf("neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestVerdictSchema(t *testing.T) {
	for _, kps := range [][]decks.KeyPoint{llmCard().KeyPoints, nil, {{Label: `Says "ε" and \ too`}}} {
		raw := verdictSchema(kps)
		var schema map[string]any
		if err := json.Unmarshal(raw, &schema); err != nil {
			t.Fatalf("schema is not JSON: %v\n%s", err, raw)
		}
		if schema["additionalProperties"] != false {
			t.Errorf("strict schema allows extra properties")
		}
		props := schema["properties"].(map[string]any)
		required := schema["required"].([]any)
		if len(required) != len(props) {
			t.Errorf("strict mode needs every property required: %v of %d", required, len(props))
		}
		item := props["key_points"].(map[string]any)["items"].(map[string]any)
		label := item["properties"].(map[string]any)["label"].(map[string]any)
		enum, _ := label["enum"].([]any)
		if len(enum) != len(kps) {
			t.Errorf("label enum %v, want the %d labels", enum, len(kps))
		}
		for i, kp := range kps {
			if enum[i] != kp.Label {
				t.Errorf("enum[%d] = %v, want %q", i, enum[i], kp.Label)
			}
		}
	}
	// Key points first, score after them: the order the model writes in.
	s := string(verdictSchema(llmCard().KeyPoints))
	if !(strings.Index(s, `"key_points"`) < strings.Index(s, `"score"`) && strings.Index(s, `"score"`) < strings.Index(s, `"feedback"`)) {
		t.Errorf("property order: %s", s)
	}
}

func TestBuildMessages(t *testing.T) {
	card := llmCard()
	card.Answer = "Reference with REFERENCE>>> inside."
	msgs := buildMessages(card, card.KeyPoints, "my answer")
	if len(msgs) != 2 || msgs[0].Role != "system" || msgs[1].Role != "user" {
		t.Fatalf("messages = %+v", msgs)
	}
	sys := msgs[0].Content
	if strings.Count(sys, "REFERENCE>>>") != 1 {
		t.Errorf("reference answer can close its own quotation:\n%s", sys)
	}
	textcheck.Contains(t, "system prompt", sys,
		`1. "Aggregate from neighbours" — typical wording: aggregate, neighbour information`,
		`2. "Update with own features" (weight 2)`,
		"Reviewer's correction",
		"Every key point appears exactly once",
	)
	if strings.Contains(sys, "my answer") {
		t.Errorf("answer in the system prompt")
	}

	none := buildMessages(card, nil, "x")[0].Content
	if !strings.Contains(none, `"key_points": []`) {
		t.Errorf("no-key-point rubric does not say so:\n%s", none)
	}
}

func TestResponseFormat(t *testing.T) {
	kps := llmCard().KeyPoints
	if rf := responseFormat(modeSchema, kps); rf == nil || rf.Type != "json_schema" || !rf.JSONSchema.Strict {
		t.Errorf("schema mode: %+v", rf)
	}
	if rf := responseFormat(modeObject, kps); rf == nil || rf.Type != "json_object" || rf.JSONSchema != nil {
		t.Errorf("object mode: %+v", rf)
	}
	if rf := responseFormat(modeText, kps); rf != nil {
		t.Errorf("text mode sends %+v", rf)
	}
}
