package report

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"grill/decks"
	"grill/grading"
	"grill/internal/fixture/textcheck"
	"grill/interview"
)

// htmlLibrary is a deck whose reference answers carry maths, a note, a
// link, an image and raw HTML: none of them may load anything.
func htmlLibrary(t *testing.T) *decks.Library {
	t.Helper()
	src := `# GNN

## What is message passing in GNNs?
<!-- id: gnn/message-passing -->

Each node $v$ updates $h_v^{(k+1)}$ from its neighbours; see [the paper](https://example.com/mpnn)
and ![a figure](https://example.com/fig.png) <img src="https://example.com/x.png"> <script src="https://example.com/x.js"></script>.

> **Note:** the update also uses $\sqrt{\bar{\alpha}_t}$ in diffusion, not here.

**Key points**

- **Aggregate from neighbours** — ` + "`aggregate`" + `

## What is a readout function?
<!-- id: gnn/readout -->

It pools node embeddings into one graph embedding, <https://example.com/readout>.
`
	topics, problems := decks.Parse("htmltest.md", []byte(src))
	if len(problems) > 0 {
		t.Fatalf("parse: %v", problems)
	}
	return &decks.Library{Topics: topics}
}

// htmlRecord is the sample session with states of every kind the record
// holds: covered (with evidence), self-graded, listed, contradicted and
// missed.
func htmlRecord() *interview.Record {
	rec := sampleRecord(t0)
	q := &rec.Questions[1]
	q.Answer = "It adds Gaussian noise with no fixed schedule, noise noise."
	q.Grade.Points = append(q.Grade.Points, grading.PointResult{Label: "Noise is Gaussian", Weight: 1, Listed: true, Spans: []grading.Span{{Start: 53, End: 58}}})
	q.Grade.Points[0].Spans = []grading.Span{{Start: 3, End: 22}}
	q.Grade.Points[1].Spans = []grading.Span{{Start: 28, End: 45}, {Start: 500, End: 600}} // the second out of range
	q.Question = "What does $q(x_t|x_{t-1})$ add?"
	return rec
}

// verdictRecord is the sample session with its second question answered
// in the current format: one point contradicted (with its evidence apart
// from where it matched), one covered, one misconception asserted and one
// not.
func verdictRecord() *interview.Record {
	rec := sampleRecord(t0)
	q := &rec.Questions[1]
	q.CardID, q.Topic, q.Question = "diffusion/ddpm-vs-ddim", "diffusion", "DDPM vs DDIM sampling - differences?"
	q.Answer = "DDIM is stochastic. DDIM needs a retrained model. Same marginals."
	q.Grade = grading.Result{Score: 0, Points: []grading.PointResult{
		{Label: "DDIM: deterministic sampling", Weight: 2, Contradicted: true,
			Spans: []grading.Span{{Start: 0, End: 4}}, Evidence: []grading.Span{{Start: 8, End: 18}}},
		{Label: "Same marginals, same trained model", Weight: 1, Covered: true, Spans: []grading.Span{{Start: 50, End: 64}}},
	}, Misconceptions: []grading.MisconceptionResult{
		{Label: "DDIM needs a retrained model", Weight: 1, Asserted: true, Spans: []grading.Span{{Start: 20, End: 48}}},
		{Label: "DDPM sampling is deterministic", Weight: 1},
	}}
	q.Adjusted = 0
	return rec
}

func parseHTML(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("html.Parse: %v", err)
	}
	return doc
}

// walkHTML calls f on every element of n.
func walkHTML(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func TestHTMLSelfContainedAndWellFormed(t *testing.T) {
	lib := htmlLibrary(t)
	rec := htmlRecord()
	earlier := sampleRecord(t0.Add(-48 * time.Hour))
	earlier.ID = "20261123T171849Z"
	history := []interview.Summary{interview.Summarize(rec.Digest()), interview.Summarize(earlier.Digest())}
	page := HTML(rec, lib, history)

	// Well-formed: every element the page opens it closes, in order
	// (void elements aside), as the tokenizer reads it.
	z := html.NewTokenizer(strings.NewReader(page))
	var stack []string
	void := map[string]bool{"meta": true, "br": true, "hr": true, "img": true, "input": true, "link": true}
	svgSelfClosing := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		name, _ := z.TagName()
		switch tt {
		case html.StartTagToken:
			if !void[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
		case html.SelfClosingTagToken:
			svgSelfClosing++
		}
	}
	if len(stack) != 0 {
		t.Fatalf("unclosed elements: %v", stack)
	}

	doc := parseHTML(t, page)
	counts := map[string]int{}
	var svgs []*html.Node
	walkHTML(doc, func(n *html.Node) {
		counts[n.Data]++
		for _, key := range []string{"src", "href", "xlink:href", "srcset", "action", "data"} {
			if v, ok := attr(n, key); ok && !strings.HasPrefix(v, "#") {
				t.Errorf("<%s %s=%q> refers outside the page", n.Data, key, v)
			}
		}
		if n.Data == "svg" {
			svgs = append(svgs, n)
		}
	})
	for _, tag := range []string{"script", "img", "link", "iframe", "object"} {
		if counts[tag] > 0 {
			t.Errorf("page has %d <%s>", counts[tag], tag)
		}
	}
	if strings.Contains(page, "url(") || strings.Contains(page, "@import") {
		t.Error("the style sheet loads something")
	}
	if len(svgs) != 2 {
		t.Fatalf("want 2 SVG charts, got %d", len(svgs))
	}
	for _, svg := range svgs {
		shapes := 0
		walkHTML(svg, func(n *html.Node) {
			switch n.Data {
			case "rect", "circle", "polyline", "line":
				shapes++
			}
		})
		if shapes < 5 {
			t.Errorf("SVG %v has only %d shapes", svg.Attr, shapes)
		}
	}
	// The trend chart spans both sessions; the coverage grid has a cell
	// per key point: 3 + 3 + 1.
	cells := 0
	walkHTML(svgs[1], func(n *html.Node) {
		if n.Data == "rect" {
			if _, ok := attr(n, "rx"); ok {
				cells++
			}
		}
	})
	if cells != 7 {
		t.Errorf("coverage grid has %d cells, want 7", cells)
	}
	if n := strings.Count(textOf(svgs[0]), "Nov"); n != 2 {
		t.Errorf("trend chart labels %d sessions, want 2: %q", n, textOf(svgs[0]))
	}

	text := textOf(doc)
	textcheck.Contains(t, "page text", text,
		"h_v⁽ᵏ⁺¹⁾", "√ᾱₜ", // maths as Unicode, in the answer and its note
		"q(xₜ|xₜ₋₁)",                                           // and in the question
		"the paper", "a figure", "https://example.com/readout", // links as text
		"Good, but", "What is over-smoothing?", // LLM feedback
		"self-graded (the grader said missed)",
		"listed, not explained", "contradicted",
	)
	if strings.Contains(text, "$") {
		t.Errorf("raw LaTeX left in the page")
	}

	// The evidence of each point is marked in the answer with its state.
	var marks []string
	walkHTML(doc, func(n *html.Node) {
		if n.Data == "mark" {
			cls, _ := attr(n, "class")
			marks = append(marks, cls+"="+textOf(n))
		}
	})
	want := []string{
		"p0 covered=aggregates",
		"p0 covered=adds Gaussian noise",
		"p1 contradicted=no fixed schedule",
		"p2 listed=noise",
	}
	if strings.Join(marks, "|") != strings.Join(want, "|") {
		t.Errorf("marks:\n got %q\nwant %q", marks, want)
	}
}

func TestHTMLEscapesAnswers(t *testing.T) {
	rec := sampleRecord(t0)
	rec.Questions[0].Answer = `</div><script>alert(1)</script><img src="https://x/y.png"> & "q"`
	rec.Questions[0].Grade.Points[0].Spans = []grading.Span{{Start: 0, End: 6}}
	page := HTML(rec, nil, nil)
	doc := parseHTML(t, page)
	walkHTML(doc, func(n *html.Node) {
		if n.Data == "script" || n.Data == "img" {
			t.Errorf("answer injected <%s>", n.Data)
		}
	})
	if !strings.Contains(textOf(doc), `<script>alert(1)</script>`) {
		t.Error("the answer's text is not shown as typed")
	}
}

func TestHTMLEmptySession(t *testing.T) {
	rec := sampleRecord(t0)
	rec.Questions = nil
	page := HTML(rec, nil, nil)
	doc := parseHTML(t, page)
	text := textOf(doc)
	textcheck.Contains(t, "page", text, "No question was asked.", "no answered session yet", "no question was asked")
}

// TestHTMLInBrowser opens the report in headless Chromium when there is
// one and checks that the screenshot it takes is a real picture.
func TestHTMLInBrowser(t *testing.T) {
	var browser string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no chromium on PATH (apt-get install chromium to run this test)")
	}
	if testing.Short() {
		t.Skip("starting a browser is slow; not in -short")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(HTML(htmlRecord(), htmlLibrary(t), nil)), 0o600); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "shot.png")
	// A loaded machine sometimes sees the browser itself crash at start
	// (killed by a signal, before it read the page): that is retried, up to
	// three starts; any other failure fails the test at once.
	for try := 1; ; try++ {
		cmd := exec.Command(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--user-data-dir="+filepath.Join(dir, fmt.Sprint("profile", try)), "--window-size=1000,1400",
			"--screenshot="+shot, "file://"+page)
		out, err := cmd.CombinedOutput()
		if err == nil {
			break
		}
		var exit *exec.ExitError
		if try < 3 && errors.As(err, &exit) && !exit.Exited() {
			t.Logf("%s crashed (%v), starting it again", browser, err)
			continue
		}
		t.Fatalf("%s: %v\n%s", browser, err, out)
	}
	png, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	if len(png) < 8 || string(png[1:4]) != "PNG" {
		t.Fatalf("screenshot is not a PNG (%d bytes)", len(png))
	}
	// A blank page compresses to a few hundred bytes; text and charts do not.
	if len(png) < 20000 {
		t.Errorf("screenshot is %d bytes: is the page blank?", len(png))
	}
}

// TestHTMLVerdicts: the HTML report lists a contradicted point and an
// asserted misconception with their states, marks their evidence in the
// answer (the contradicting words, not where the point matched), shows
// them in the coverage grid, and leaves out a misconception not asserted.
func TestHTMLVerdicts(t *testing.T) {
	rec := verdictRecord()
	rec.Questions = rec.Questions[1:2]
	page := HTML(rec, nil, nil)
	doc := parseHTML(t, page)
	var items, marks, cells []string
	walkHTML(doc, func(n *html.Node) {
		cls, _ := attr(n, "class")
		switch {
		case n.Data == "li" && (cls == "contradicted" || cls == "wrong" || cls == "covered"):
			items = append(items, cls+"="+strings.Join(strings.Fields(textOf(n)), " "))
		case n.Data == "mark":
			marks = append(marks, cls+"="+textOf(n))
		case n.Data == "rect":
			if _, ok := attr(n, "rx"); ok {
				cells = append(cells, strings.TrimSpace(textOf(n)))
			}
		}
	})
	wantItems := []string{
		"contradicted=✗ DDIM: deterministic sampling weight 2 contradicted",
		"covered=✓ Same marginals, same trained model covered",
		"wrong=✗ DDIM needs a retrained model wrong claim",
	}
	if strings.Join(items, "|") != strings.Join(wantItems, "|") {
		t.Errorf("key points:\n got %q\nwant %q", items, wantItems)
	}
	wantMarks := []string{
		"p0 contradicted=stochastic",
		"p2 wrong=DDIM needs a retrained model",
		"p1 covered=Same marginals",
	}
	if strings.Join(marks, "|") != strings.Join(wantMarks, "|") {
		t.Errorf("marks:\n got %q\nwant %q", marks, wantMarks)
	}
	wantCells := []string{
		"DDIM: deterministic sampling: contradicted",
		"Same marginals, same trained model: covered",
		"DDIM needs a retrained model: wrong claim",
	}
	if strings.Join(cells, "|") != strings.Join(wantCells, "|") {
		t.Errorf("coverage cells:\n got %q\nwant %q", cells, wantCells)
	}
	if strings.Contains(page, "DDPM sampling is deterministic") {
		t.Error("the page shows a misconception the answer did not assert")
	}
}

// TestReportsSayWhatTheAnswerReadsLike: an answer the grader read as an
// answer to another card says which question, in Markdown and in HTML.
func TestReportsSayWhatTheAnswerReadsLike(t *testing.T) {
	rec := verdictRecord()
	rec.Questions = rec.Questions[1:2]
	rec.Questions[0].Grade.ReadsLike = "diffusion/forward-process"
	rec.Questions[0].Grade.ReadsLikeQuestion = "What is the forward <process>?"
	if md := Markdown(rec, nil); !strings.Contains(md, `*Reads like an answer to: What is the forward \<process>?*`) {
		t.Errorf("Markdown does not say what the answer reads like:\n%s", md)
	}
	doc := parseHTML(t, HTML(rec, nil, nil))
	if text := textOf(doc); !strings.Contains(text, "Reads like an answer to: What is the forward <process>?") {
		t.Errorf("HTML does not say what the answer reads like:\n%s", text)
	}
}
