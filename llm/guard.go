package llm

import (
	"regexp"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// DisagreementThreshold is how far, in points, the LLM's score may be from the
// offline grader's before the two are flagged as disagreeing.
const DisagreementThreshold = 30

// injectionRule is one way an answer can try to instruct its grader.
type injectionRule struct {
	name string
	re   *regexp.Regexp
}

// injectionRules match the folded answer text (see foldForGuard). They aim at
// text addressed to a grader, not at ML vocabulary: "score function",
// "instruction tuning", "acts as a low-pass filter", "the system prompt of
// the VLM" and "ignores the text prompt" all pass.
var injectionRules = []injectionRule{
	{"asks the grader to ignore its instructions", regexp.MustCompile(
		`\b(ignore|disregard|forget|override|bypass)\s+(all\s+|any\s+|of\s+)*(the\s+|your\s+|these\s+|those\s+|my\s+)?` +
			`((previous|prior|above|earlier|preceding|original|grading|system|given)\s+)*` +
			`(instructions?|rubric|rules|guidelines|(grading\s+)?criteria|key\s+points|reference(\s+answer)?|(previous|prior|above|system|original)\s+prompt)\b`)},
	{"asks for a score", regexp.MustCompile(
		`(?m)\b(give|award|assign|grant|mark|rate|grade)\s+(this|the|my|me|it|him|her|them)?\s*(answer|response|submission|candidate)?\s*` +
			`(a\s+|an\s+|the\s+)?((score|grade|mark|rating)\s+(of\s+)?)?` +
			`(full\s+(marks?|credit|score|points)|(a\s+)?perfect\s+(score|grade|mark|rating)|(the\s+)?max(imum)?\s+(score|points|marks|grade)|top\s+marks|10\s*/\s*10|` +
			`100\s*(/\s*100|%|points?|marks?|out\s+of\s+100)?(\s*[.!,;:)"']|\s*$|\s+(and|please|now)\b))`)},
	{"asks for a score", regexp.MustCompile(
		`\b(this|my|the)\s+answer\s+(deserves|should\s+(get|receive|be\s+given|score)|gets|earns|is\s+worth|must\s+(get|receive|score))\s+` +
			`(a\s+|an\s+)?(100|full|perfect|max|maximum|top)`)},
	{"asks for a score", regexp.MustCompile(
		`\bmark\s+(all|every|each)\s+(of\s+the\s+)?(key\s+)?points?\s+(as\s+)?(covered|correct|present)`)},
	{"tries to change the grader's role", regexp.MustCompile(
		`\byou\s+are\s+(now|no\s+longer)\b|\bfrom\s+now\s+on,?\s+you\b|\bpretend\s+(to\s+be|you\s+are|that\s+you)\b|` +
			`\bact\s+as\s+(a|an|the|my)\s+(\w+\s+)?(grader|evaluator|examiner|judge|assistant|teacher|interviewer)\b|` +
			`\bnew\s+instructions?\s*:|\b(system|developer)\s+(override|message|prompt)\s*:`)},
	{"contains chat role markers", regexp.MustCompile(
		`<\|\s*(im_start|im_end|system|user|assistant|endoftext|begin_of_text|start_header_id|end_header_id|eot_id)\s*\|>|` +
			`\[/?inst\]|<</?sys>>|</?(system|assistant|user|instructions?)>|` +
			`(?m)^\s*#{1,4}\s*(system|instruction|instructions|assistant|response)\b|` +
			`(?m)^\s*(system|assistant|developer)\s*:`)},
	{"addresses the grader", regexp.MustCompile(
		`\b(as|to)\s+the\s+(ai\s+|llm\s+)?(grader|grading\s+model|evaluator|examiner)\b|` +
			`\b(dear\s+|note\s+to\s+(the\s+)?)(grader|evaluator|examiner|ai|model|assistant|llm)\b|` +
			`\b(grader|evaluator|examiner|assistant|chatgpt|gpt|claude|llama)\s*[,:]?\s*(must|should|will|shall|please)?\s*(give|award|assign|mark|grade|score|rate|ignore|disregard)\b`)},
	{"contains a fake verdict", regexp.MustCompile(
		`"\s*(score|status|feedback|follow_up|key_points|wrong_claims|verdict|grade)\s*"\s*:|` +
			`\b(score|grade|rating)\s*[:=]\s*(100|9\d)\b`)},
	{"tries to end the quoted answer", regexp.MustCompile(
		`<<<\s*(answer|reference)|(answer|reference)\s*>>>|\bend\s+of\s+(the\s+)?(candidate'?s?\s+)?answer\b|\bend\s+of\s+user\s+input\b`)},
}

// DetectInjection reports the ways answer tries to instruct its grader, as
// short reasons with the text that matched ("asks for a score: “give this
// answer 100”"), or nil for an ordinary answer. An answer with findings is
// flagged, and the LLM's score for it is untrusted.
func DetectInjection(answer string) []string {
	text := foldForGuard(answer)
	var reasons []string
	seen := map[string]bool{}
	for _, rule := range injectionRules {
		m := rule.re.FindString(text)
		if m == "" || seen[rule.name] {
			continue
		}
		seen[rule.name] = true
		reasons = append(reasons, rule.name+": “"+oneLineText(m, 60)+"”")
	}
	return reasons
}

// invisibleChars are characters that render as nothing and can hide a phrase from
// a plain substring match.
var invisibleChars = strings.NewReplacer(
	"\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "", "\u00ad", "",
)

// foldForGuard lowers and normalises text for the injection rules: NFKC (so
// full-width letters and brackets match), no invisible characters, curly
// quotes straightened, spaces and tabs folded, line breaks kept.
func foldForGuard(s string) string {
	s = norm.NFKC.String(s)
	s = invisibleChars.Replace(s)
	s = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
	s = strings.ToLower(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\u00a0' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// applyGuard records the injection findings and the comparison with the
// offline score on v. A verdict on an answer that tries to instruct the
// grader is untrusted whatever it says.
func applyGuard(v *Verdict, answer string, offlineScore int) {
	v.InjectionReasons = DetectInjection(answer)
	v.Injection = len(v.InjectionReasons) > 0
	v.Untrusted = v.Injection
	v.OfflineScore = offlineScore
	if v.Valid {
		d := v.Score - offlineScore
		if d < 0 {
			d = -d
		}
		v.Disagreement = d > DisagreementThreshold
	}
}
