package report

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"grill/decks"
	"grill/internal/fixture/textcheck"
	"grill/interview"
	"grill/llm"
)

// testLibrary holds the cards of sampleRecord with reference answers.
func testLibrary() *decks.Library {
	return &decks.Library{Topics: []*decks.Topic{
		{ID: "gnn", Title: "Graph Neural Networks", Cards: []*decks.Card{
			{ID: "gnn/message-passing", Topic: "gnn", Question: "What is message passing in GNNs?",
				Answer: "Nodes **aggregate** messages from neighbours.\n\n## Formally\n\n$h_v^{(k+1)} = \\phi(h_v^{(k)})$\n\n```\n## not a heading\n```",
				Note:   "Mention over-smoothing."},
			{ID: "gnn/readout", Topic: "gnn", Question: "What is a readout function?", Answer: "A permutation-invariant pooling."},
		}},
		{ID: "diffusion", Title: "Diffusion Models", Cards: []*decks.Card{
			{ID: "diffusion/forward-process", Topic: "diffusion", Question: "What is the forward process?", Answer: "Adds noise with a fixed schedule."},
		}},
	}}
}

// renderHTML renders Markdown as GitHub does (CommonMark with tables and
// strike-through).
func renderHTML(t *testing.T, md string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert([]byte(md), &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestReportMarkdownContent(t *testing.T) {
	rec := sampleRecord(t0)
	md := Markdown(rec, testLibrary())
	textcheck.Contains(t, "report", md,
		"# grill session, 25 November 2026, 17:18 UTC",
		"`20261125T171849Z` (complete)",
		"| # | Topic | Question | Time | Outcome | Score | Adjusted | Rating | Missed points |",
		"| 1 | gnn | What is message passing in GNNs? | 2:13 / 3:00 | submitted | 60 | 100 | Good | – |",
		"| 2 | diffusion | What is the forward process? | 3:00 / 3:00 | timed out | 40 | 40 | Hard | Fixed variance schedule |",
		"| 3 | gnn | What is a readout function? | 0:20 / 3:00 | skipped | 0 | 0 | Again | Pools node embeddings |",
		"| gnn | 2 | 30 | 50 |",
		"| diffusion | 1 | 40 | 40 |",
		"| **All** | **3** | **33** | **47** |",
		"**Time answering:** 5:33 · **Session length:** 9:00",
		"### 1. What is message passing in GNNs?",
		"score 60 → 100 after self-grading",
		"> Each node aggregates messages from its neighbours, then updates its own features.",
		"- ✓ Aggregate from neighbours",
		"- ✓ Update with own features (weight 2)",
		"- ✓ Stack layers for k-hop (weight 2) — *self-graded (the grader said missed)*",
		"- ✗ Fixed variance schedule — *contradicted*",
		"**Reference answer**\n\nNodes **aggregate** messages from neighbours.",
		"#### Formally",    // the answer's sub-heading sits below the question heading
		"## not a heading", // code is left alone
		"> **Note:** Mention over-smoothing.",
		"**LLM feedback** (llama3 at localhost:11434 in 1.2 s)",
		"- **Score:** 70 (grader: 60)",
		"- **Feedback:** Good, but \\*mention\\* depth.",
		"- **Follow-up question:** What is over-smoothing?",
		"**Answer:** skipped, nothing typed.",
	)

	h := renderHTML(t, md)
	if n := strings.Count(h, "<table>"); n != 2 {
		t.Errorf("report renders %d tables, want 2 (summary, per topic)", n)
	}
	if n := strings.Count(h, "<h3>"); n != 3 {
		t.Errorf("report renders %d question headings, want 3", n)
	}
	// Every summary row has its nine cells.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| 1 |") || strings.HasPrefix(line, "| 2 |") || strings.HasPrefix(line, "| 3 |") {
			if cells := len(regexp.MustCompile(`[^\\]\|`).FindAllString(line, -1)); cells != 9 {
				t.Errorf("row %q has %d cells, want 9", line, cells)
			}
		}
	}
}

func TestReportMarkdownWithoutLibrary(t *testing.T) {
	md := Markdown(sampleRecord(t0), nil)
	if strings.Contains(md, "Reference answer") || strings.Contains(md, "Note") {
		t.Errorf("report without a library shows reference answers:\n%s", md)
	}
	if !strings.Contains(md, "> Each node aggregates") {
		t.Error("report without a library lacks the answers")
	}
	lib := &decks.Library{}
	if md := Markdown(sampleRecord(t0), lib); !strings.Contains(md, "card `gnn/readout` is not in the loaded decks") {
		t.Errorf("report with a library lacking the cards does not say so:\n%s", md)
	}
}

func TestReportMarkdownInProgress(t *testing.T) {
	md := Markdown(inProgress(t0), nil)
	textcheck.Contains(t, "in-progress report", md,
		"(in progress)",
		"| 2 | diffusion | What is the forward process? | 0:42 / 3:00 | not answered | – | – | – | – |",
		"**Answer:** not submitted. The draft so far:\n\n> It adds Gaussian no",
		"**Answered:** 1 of 2",
	)
	if strings.Contains(md, "Session length") {
		t.Error("in-progress report shows a session length")
	}
}

// hostileAnswer uses every Markdown and HTML construct that could break the
// layout of a report.
const hostileAnswer = `# Not a heading
- not a list
1. not a list either
> not a quote
<script>alert("x")</script> <b>bold</b> &amp; &copy;
| a | b |
|---|---|
` + "```" + `
not code
` + "```" + `
**not strong** *not em* _not em_ ~~not struck~~ ` + "`not code`" + `
[not a link](http://example.com) ![not an image](x.png) <http://example.com>
x_0 and alpha_bar_t stay readable, $x$ is not maths, back\slash
===
---
    four spaces are not code
### 2. Fake question heading`

func TestReportMarkdownEscapesAnswers(t *testing.T) {
	rec := sampleRecord(t0)
	rec.Questions[0].Answer = hostileAnswer
	rec.Questions[0].Question = "Is | a pipe <b>safe</b>?"
	md := Markdown(rec, nil)
	h := renderHTML(t, md)
	if n := strings.Count(h, "<h1>"); n != 1 {
		t.Errorf("report renders %d level-1 headings, want 1", n)
	}
	if n := strings.Count(h, "<table>"); n != 2 {
		t.Errorf("report renders %d tables, want 2", n)
	}
	if n := strings.Count(h, "<h3>"); n != 3 {
		t.Errorf("report renders %d question headings, want 3", n)
	}
	start := strings.Index(h, "<blockquote>")
	end := strings.Index(h, "</blockquote>")
	if start < 0 || end < start {
		t.Fatalf("no blockquote in the rendered report:\n%s", h)
	}
	quote := h[start+len("<blockquote>") : end]
	for _, bad := range []string{"<script", "<b>", "<h", "<strong>", "<em>", "<del>", "<code>", "<pre>", ">not a link</a>", "<img", "<ol", "<ul", "<hr", "<table", "<blockquote"} {
		if strings.Contains(quote, bad) {
			t.Errorf("the answer produced %q in the rendered report:\n%s", bad, quote)
		}
	}
	// The text itself survives: every line of the answer is in the rendered
	// blockquote, character for character.
	text := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(quote, ""))
	for _, line := range strings.Split(hostileAnswer, "\n") {
		if !strings.Contains(text, strings.TrimSpace(line)) {
			t.Errorf("rendered answer lacks the line %q; got:\n%s", line, text)
		}
	}
	// Underscores inside words are left alone, for terminal readers.
	if !strings.Contains(md, "x_0 and alpha_bar_t") {
		t.Errorf("intraword underscores were escaped:\n%s", md)
	}
}

func TestReportMarkdownLLMVariants(t *testing.T) {
	rec := sampleRecord(t0)
	q := &rec.Questions[0]
	// A verdict flagged for injection.
	q.LLM = &interview.LLMRecord{Model: "m", Injection: true, Verdict: &llm.Verdict{
		Valid: true, Score: 95, Feedback: "Fine.", FollowUp: "Why?", Untrusted: true,
		WrongClaims: []string{"GCNs use attention"}, Points: []llm.Point{{Label: "Aggregate", Status: llm.Covered, Evidence: "aggregates"}},
		InjectionReasons: []string{"asks for a score"}, OfflineScore: 60, Latency: 12,
	}}
	md := Markdown(rec, nil)
	textcheck.Contains(t, "report", md,
		"⚠ **The answer contains instructions aimed at the grader.**",
		"- **Score:** 95 (grader: 60) — *untrusted*",
		"- **Instructions to the grader found:** asks for a score",
		"- **Wrong claims:**\n  - GCNs use attention",
		"  - Aggregate: covered — “aggregates”",
		"- **Follow-up question:** Why?",
	)
	if strings.Contains(md, "offlinescore") || strings.Contains(md, "latency") {
		t.Errorf("report shows bookkeeping fields of the verdict:\n%s", md)
	}
	// A reply that did not validate, with backticks that must not close the fence.
	q.LLM = &interview.LLMRecord{Model: "m", Verdict: &llm.Verdict{Text: "Score: 100\n```\n# hi", Problems: []string{"no JSON"}}}
	md = Markdown(rec, nil)
	if !strings.Contains(md, "The reply did not validate, so it has no score (no JSON).") || !strings.Contains(md, "````text\nScore: 100\n```\n# hi\n````") {
		t.Errorf("invalid verdict rendered as:\n%s", md)
	}
	if strings.Contains(renderHTML(t, md), "<h1>hi") {
		t.Error("raw LLM text broke out of its code block")
	}
	// A failure.
	q.LLM = &interview.LLMRecord{Error: "connection refused (localhost:11434)"}
	if md := Markdown(rec, nil); !strings.Contains(md, "Feedback unavailable: connection refused (localhost:11434)") {
		t.Errorf("LLM error not shown:\n%s", md)
	}
}

func TestEscapeLine(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, with commas.":        "plain text, with commas.",
		"# h":                             "\\# h",
		"12. item":                        "12\\. item",
		"3) item":                         "3\\) item",
		"2024 was a year":                 "2024 was a year",
		"x_0 _y_ z_":                      "x_0 \\_y\\_ z\\_",
		"a*b `c` [d] <e> f|g $h$ ~i~ j\\": "a\\*b \\`c\\` \\[d\\] \\<e> f\\|g \\$h\\$ \\~i\\~ j\\\\",
		"AT&T &amp;":                      "AT&T \\&amp;",
		"+ plus":                          "\\+ plus",
	} {
		if got := escapeLine(in); got != want {
			t.Errorf("escapeLine(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDemoteHeadings(t *testing.T) {
	in := "intro\n# Top\ntext\n### Deep\n~~~\n# code\n~~~\n####### seven is not a heading"
	want := "intro\n#### Top\ntext\n###### Deep\n~~~\n# code\n~~~\n####### seven is not a heading"
	if got := demoteHeadings(in, 4); got != want {
		t.Errorf("demoteHeadings =\n%s\nwant\n%s", got, want)
	}
	if got := demoteHeadings("##### already deep", 4); got != "##### already deep" {
		t.Errorf("demoteHeadings changed a deep heading: %q", got)
	}
}

// TestReportMarkdownPointStates: every state the review shows reads the
// same in the Markdown report.
func TestReportMarkdownPointStates(t *testing.T) {
	rec := htmlRecord()
	md := Markdown(rec, nil)
	textcheck.Contains(t, "report", md,
		"- ✓ Adds Gaussian noise\n",
		"- ✗ Fixed variance schedule — *contradicted* — \"no fixed schedule\"\n",
		"- ~ Noise is Gaussian — *listed, not explained*\n",
		"- ✓ Stack layers for k-hop (weight 2) — *self-graded (the grader said missed)*\n",
		"- ✗ Pools node embeddings\n",
	)
}

// TestReportMarkdownVerdicts: a point the grader found contradicted (the
// current format: Contradicted with Evidence) and a misconception the
// answer asserts show with their state and the words that show it; a
// misconception not asserted does not show, and the contradicted point is
// among the missed points of the session table.
func TestReportMarkdownVerdicts(t *testing.T) {
	rec := verdictRecord()
	md := Markdown(rec, nil)
	textcheck.Contains(t, "report", md,
		"- ✗ DDIM: deterministic sampling (weight 2) — *contradicted* — \"stochastic\"\n",
		"- ✗ wrong: DDIM needs a retrained model — \"DDIM needs a retrained model\"\n",
		"- ✓ Same marginals, same trained model\n",
		"| DDIM: deterministic sampling |",
	)
	if strings.Contains(md, "DDPM sampling is deterministic") {
		t.Errorf("report shows a misconception the answer did not assert:\n%s", md)
	}
}
