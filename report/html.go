package report

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"grill/decks"
	"grill/interview"
	"grill/tex"
)

// HTML renders rec as one self-contained HTML page: no script, no external
// stylesheet, font, image or link, so it reads offline and prints well. It
// holds the session's settings, a summary table, two inline SVG charts (the
// score per topic over the sessions up to this one, from history, newest
// first as store.List returns it; and the key-point coverage of each
// question of the session), then every question: the answer with the
// evidence of each key point highlighted, the key points with their state,
// the reference answer with its maths as Unicode and its note (from lib),
// and the LLM feedback.
//
// Every text of the record is escaped; links and images of reference
// answers are rendered as their text.
func HTML(rec *interview.Record, lib *decks.Library, history []interview.Summary) string {
	var b strings.Builder
	title := "grill session, " + rec.Started.UTC().Format("2 January 2006, 15:04 UTC")
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", esc(title), htmlStyle)
	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n", esc(title))
	htmlSettings(&b, rec)
	b.WriteString("</header>\n<main>\n")
	htmlSummary(&b, rec)
	b.WriteString("<section id=\"charts\">\n<h2>Charts</h2>\n")
	b.WriteString("<figure>\n")
	b.WriteString(TrendSVG(sessionsUpTo(history, rec)))
	b.WriteString("<figcaption>Average score per topic, session by session, up to this one.</figcaption>\n</figure>\n")
	b.WriteString("<figure>\n")
	b.WriteString(CoverageSVG(rec))
	b.WriteString("<figcaption>Key points of each question of this session: one cell per key point, in the order of the card.</figcaption>\n</figure>\n")
	b.WriteString("</section>\n")
	if len(rec.Questions) > 0 {
		b.WriteString("<section id=\"questions\">\n<h2>Questions</h2>\n")
		for i := range rec.Questions {
			htmlQuestion(&b, i, &rec.Questions[i], lib)
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.String()
}

// sessionsUpTo returns the sessions of history that started no later than
// rec, with rec's own summary in place of (or added to) its stored one.
func sessionsUpTo(history []interview.Summary, rec *interview.Record) []interview.Summary {
	out := []interview.Summary{interview.Summarize(rec.Digest())}
	for _, s := range history {
		if s.ID != rec.ID && !s.Started.After(rec.Started) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b interview.Summary) int { return b.Started.Compare(a.Started) })
	return out
}

func htmlSettings(b *strings.Builder, rec *interview.Record) {
	status := interview.Summarize(rec.Digest()).CompletionText()
	st := rec.Settings
	topics := "all"
	if len(st.Topics) > 0 {
		topics = strings.Join(st.Topics, ", ")
	}
	order := st.Order
	if order == "" {
		order = interview.OrderMixed
	}
	b.WriteString("<dl class=\"settings\">\n")
	item := func(k, v string) { fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", k, v) }
	item("Session", fmt.Sprintf("<code>%s</code> (%s)", esc(rec.ID), status))
	item("Topics", esc(topics))
	item("Order", esc(order))
	item("Seed", strconv.FormatInt(st.Seed, 10))
	if st.TimeLimit > 0 {
		item("Time per question", interview.DurationText(st.TimeLimit))
	}
	if st.LLMModel != "" {
		v := esc(st.LLMModel)
		if st.LLMHost != "" {
			v += " at " + esc(st.LLMHost)
		}
		item("LLM feedback", v)
	}
	if len(rec.DeckSources) > 0 {
		item("Decks", esc(strings.Join(rec.DeckSources, ", ")))
	}
	b.WriteString("</dl>\n")
}

func htmlSummary(b *strings.Builder, rec *interview.Record) {
	b.WriteString("<section id=\"summary\">\n<h2>Summary</h2>\n")
	if len(rec.Questions) == 0 {
		b.WriteString("<p>No question was asked.</p>\n</section>\n")
		return
	}
	b.WriteString("<table>\n<thead><tr><th>#</th><th>Topic</th><th>Question</th><th>Time</th><th>Outcome</th><th class=\"num\">Score</th><th class=\"num\">Adjusted</th><th>Rating</th></tr></thead>\n<tbody>\n")
	sum := interview.Summarize(rec.Digest())
	for i := range rec.Questions {
		q := &rec.Questions[i]
		score, adjusted := "–", "–"
		if q.Outcome != interview.Pending {
			score, adjusted = strconv.Itoa(q.Grade.Score), strconv.Itoa(q.Adjusted)
		}
		fmt.Fprintf(b, "<tr><td class=\"num\"><a href=\"#q%d\">%d</a></td><td>%s</td><td>%s</td><td>%s / %s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td><td>%s</td></tr>\n",
			i+1, i+1, esc(q.Topic), esc(tex.RenderMath(q.Question)), interview.DurationText(q.TimeUsed), interview.DurationText(q.TimeLimit),
			q.Outcome.Text(), score, adjusted, q.Rating.Text())
	}
	b.WriteString("</tbody>\n</table>\n")
	fmt.Fprintf(b, "<p>Answered %d of %d", sum.Answered, sum.Questions)
	if sum.Answered > 0 {
		fmt.Fprintf(b, " · average %s", sum.AverageText())
		var parts []string
		for _, t := range sum.ByTopic {
			if t.Answered > 0 {
				parts = append(parts, esc(t.Topic)+" "+interview.MeanText(t.Average, t.Answered))
			}
		}
		if len(parts) > 1 {
			fmt.Fprintf(b, " (%s)", strings.Join(parts, ", "))
		}
	}
	fmt.Fprintf(b, " · time answering %s", interview.DurationText(sum.Duration))
	if !rec.Ended.IsZero() && rec.Ended.After(rec.Started) {
		fmt.Fprintf(b, " · session length %s", interview.DurationText(rec.Ended.Sub(rec.Started)))
	}
	b.WriteString("</p>\n</section>\n")
}

func htmlQuestion(b *strings.Builder, i int, q *interview.QuestionRecord, lib *decks.Library) {
	fmt.Fprintf(b, "<article class=\"question\" id=\"q%d\">\n<h3>%d. %s</h3>\n", i+1, i+1, esc(tex.RenderMath(flatLine(q.Question))))
	meta := []string{"<code>" + esc(q.CardID) + "</code>", esc(q.Topic), q.Outcome.Text(),
		fmt.Sprintf("%s of %s", interview.DurationText(q.TimeUsed), interview.DurationText(q.TimeLimit))}
	if q.Outcome != interview.Pending {
		if q.Adjusted != q.Grade.Score {
			meta = append(meta, fmt.Sprintf("score %d → %d after self-grading", q.Grade.Score, q.Adjusted))
		} else {
			meta = append(meta, fmt.Sprintf("score %d", q.Grade.Score))
		}
	}
	if q.Rating != interview.NoRating {
		meta = append(meta, "rated "+q.Rating.Text())
	}
	fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))

	rows := PointRows(q)
	b.WriteString("<h4>Answer</h4>\n")
	switch {
	case strings.TrimSpace(q.Answer) == "" && q.Outcome == interview.Skipped:
		b.WriteString("<p class=\"none\">Skipped, nothing typed.</p>\n")
	case strings.TrimSpace(q.Answer) == "" && q.Outcome == interview.Pending:
		b.WriteString("<p class=\"none\">Not answered.</p>\n")
	case strings.TrimSpace(q.Answer) == "":
		b.WriteString("<p class=\"none\">Empty.</p>\n")
	default:
		if q.Outcome == interview.Skipped {
			b.WriteString("<p class=\"none\">Skipped; the draft at that moment:</p>\n")
		} else if q.Outcome == interview.Pending {
			b.WriteString("<p class=\"none\">Not submitted; the draft so far:</p>\n")
		}
		fmt.Fprintf(b, "<div class=\"answer\">%s</div>\n", highlightAnswer(q.Answer, rows))
	}

	if len(rows) > 0 {
		b.WriteString("<h4>Key points</h4>\n<ul class=\"points\">\n")
		for k, r := range rows {
			fmt.Fprintf(b, "<li class=\"%s\"><span class=\"mark\">%s</span> <span class=\"p%d\">%s</span>", r.State, r.State.Mark(), k%pointHues, esc(r.Label))
			if r.Weight != 0 && r.Weight != 1 {
				fmt.Fprintf(b, " <span class=\"weight\">weight %g</span>", r.Weight)
			}
			fmt.Fprintf(b, " <span class=\"state\">%s", r.State.Text())
			if r.SelfGraded {
				fmt.Fprintf(b, ", self-graded (the grader said %s)", r.Grader.Text())
			}
			b.WriteString("</span></li>\n")
		}
		b.WriteString("</ul>\n")
	}
	if q.Grade.ReadsLike != "" {
		fmt.Fprintf(b, "<p class=\"meta\">Reads like an answer to: %s</p>\n", esc(q.Grade.ReadsLikeQuestion))
	}

	if lib != nil {
		if card, ok := lib.Card(q.CardID); ok {
			// The note (an erratum) goes next to the passage it corrects.
			before, after := card.Answer, ""
			note := strings.TrimSpace(card.Note)
			if note != "" {
				before, after = PlaceNote(card.Answer, note)
				if !strings.HasPrefix(note, "**Note") {
					note = "**Note:** " + note
				}
			}
			b.WriteString("<h4>Reference answer</h4>\n<div class=\"reference\">\n")
			b.WriteString(markdownHTML(demoteHeadings(before, 5)))
			if note != "" {
				b.WriteString("<aside class=\"note\">\n" + markdownHTML(note) + "</aside>\n")
			}
			if strings.TrimSpace(after) != "" {
				b.WriteString(markdownHTML(demoteHeadings(after, 5)))
			}
			b.WriteString("</div>\n")
		} else {
			fmt.Fprintf(b, "<p class=\"none\">No reference answer: card <code>%s</code> is not in the loaded decks.</p>\n", esc(q.CardID))
		}
	}
	if q.LLM != nil {
		// The LLM section is rendered once, as Markdown (escaped there),
		// and turned into HTML here.
		var md strings.Builder
		writeLLM(&md, q)
		text := strings.TrimPrefix(md.String(), "**LLM feedback**")
		b.WriteString("<h4>LLM feedback</h4>\n<div class=\"llm\">\n")
		b.WriteString(markdownHTML(text))
		b.WriteString("</div>\n")
	}
	b.WriteString("</article>\n")
}

// pointHues is how many colours tell the evidence of key points apart.
const pointHues = 6

// highlightAnswer escapes the answer and marks the evidence of each key
// point: <mark> with the point's colour and its label as the tooltip. Where
// spans overlap the earlier point wins. Spans out of range or not on
// character boundaries (a record edited by hand) are ignored.
func highlightAnswer(answer string, rows []PointRow) string {
	owner := make([]int, len(answer))
	for i := range owner {
		owner[i] = -1
	}
	for k, r := range rows {
		if r.State == StateMissed {
			continue
		}
		for _, sp := range r.Spans {
			if sp.Start < 0 || sp.End > len(answer) || sp.Start >= sp.End ||
				!utf8.RuneStart(answer[sp.Start]) || (sp.End < len(answer) && !utf8.RuneStart(answer[sp.End])) {
				continue
			}
			for i := sp.Start; i < sp.End; i++ {
				if owner[i] < 0 {
					owner[i] = k
				}
			}
		}
	}
	var b strings.Builder
	for i := 0; i < len(answer); {
		j := i
		for j < len(answer) && owner[j] == owner[i] {
			j++
		}
		if k := owner[i]; k >= 0 {
			fmt.Fprintf(&b, "<mark class=\"p%d %s\" title=\"%s: %s\">%s</mark>", k%pointHues, rows[k].State, esc(rows[k].Label), rows[k].State.Text(), esc(answer[i:j]))
		} else {
			b.WriteString(esc(answer[i:j]))
		}
		i = j
	}
	return b.String()
}

// markdownHTML renders Markdown (a reference answer, a note, LLM feedback)
// as HTML: maths as Unicode, raw HTML escaped, links and images as their
// text, so that the page loads nothing.
func markdownHTML(md string) string {
	src, spans := protectMath(md)
	gm := goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	doc := gm.Parser().Parse(text.NewReader(src))
	unlink(doc, src)
	var out bytes.Buffer
	if err := gm.Renderer().Render(&out, src, doc); err != nil {
		return "<pre>" + esc(md) + "</pre>\n"
	}
	s := out.String()
	for i, sp := range spans {
		u := tex.MathToUnicode(sp.TeX)
		cls := "math"
		if sp.Display {
			cls = "math display"
		}
		s = strings.Replace(s, placeholder(i), fmt.Sprintf("<span class=\"%s\">%s</span>", cls, esc(u)), 1)
	}
	return s
}

// Math spans are replaced by placeholders (private-use runes around their
// index) before Markdown parsing, so that Markdown never sees their
// underscores and backslashes.
const (
	mathOpen  = "\uE010"
	mathClose = "\uE011"
)

func placeholder(i int) string { return mathOpen + strconv.Itoa(i) + mathClose }

func protectMath(md string) ([]byte, []tex.MathSpan) {
	md = strings.NewReplacer(mathOpen, "\uFFFD", mathClose, "\uFFFD").Replace(md)
	spans := tex.FindMath(md)
	var b strings.Builder
	last := 0
	for i, sp := range spans {
		b.WriteString(md[last:sp.Start])
		b.WriteString(placeholder(i))
		last = sp.End
	}
	b.WriteString(md[last:])
	return []byte(b.String()), spans
}

// unlink replaces links by their text, images by their alt text and
// autolinks by their URL as text.
func unlink(doc ast.Node, src []byte) {
	var links []ast.Node
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			switch n.(type) {
			case *ast.Link, *ast.Image, *ast.AutoLink:
				links = append(links, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range slices.Backward(links) {
		parent := n.Parent()
		if parent == nil {
			continue
		}
		if al, ok := n.(*ast.AutoLink); ok {
			parent.ReplaceChild(parent, n, ast.NewString(al.URL(src)))
			continue
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, n, c)
			c = next
		}
		parent.RemoveChild(parent, n)
	}
}

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// shortDate is a session's date on a chart axis.
func shortDate(t time.Time) string { return t.UTC().Format("2 Jan") }

const htmlStyle = `
:root{--fg:#1d1d1f;--dim:#6b6b70;--bg:#fff;--line:#d6d6da;--covered:#1e8e3e;--listed:#b26a00;--contradicted:#c5221f;--wrong:#8e24aa;--missed:#9aa0a6}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg);max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .5rem}h2{border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
h3{margin:1.5rem 0 .2rem}h4{margin:1rem 0 .3rem;font-size:1rem}
code{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:.9em}
dl.settings{display:grid;grid-template-columns:max-content 1fr;gap:.1rem 1rem;margin:0}dl.settings dt{color:var(--dim)}dl.settings dd{margin:0}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border-bottom:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top}td.num,th.num{text-align:right}
a{color:inherit}
figure{margin:1rem 0}figcaption{color:var(--dim);font-size:.85rem}svg{max-width:100%;height:auto}
.meta,.none{color:var(--dim)}
.answer{white-space:pre-wrap;border-left:3px solid var(--line);padding:.3rem .8rem;background:#fafafa}
mark{border-radius:2px;padding:0 1px;color:inherit}
mark.p0{background:#c8e6c9}mark.p1{background:#bbdefb}mark.p2{background:#ffe0b2}mark.p3{background:#e1bee7}mark.p4{background:#b2ebf2}mark.p5{background:#f8bbd0}
mark.contradicted,mark.wrong{background:#ffcdd2;text-decoration:line-through}mark.listed{background:#fff3c4}
ul.points{list-style:none;padding-left:0}ul.points li{margin:.15rem 0}
.mark{display:inline-block;width:1.2em;font-weight:bold;text-align:center}
li.covered .mark{color:var(--covered)}li.listed .mark{color:var(--listed)}li.contradicted .mark{color:var(--contradicted)}li.wrong .mark{color:var(--wrong)}li.missed .mark{color:var(--missed)}
li .state{color:var(--dim);font-size:.85rem}li.contradicted .state,li.wrong .state{color:var(--contradicted)}
li span.p0,li span.p1,li span.p2,li span.p3,li span.p4,li span.p5{border-bottom:3px solid transparent}
li.covered span.p0,li.listed span.p0{border-color:#c8e6c9}li.covered span.p1,li.listed span.p1{border-color:#bbdefb}li.covered span.p2,li.listed span.p2{border-color:#ffe0b2}
li.covered span.p3,li.listed span.p3{border-color:#e1bee7}li.covered span.p4,li.listed span.p4{border-color:#b2ebf2}li.covered span.p5,li.listed span.p5{border-color:#f8bbd0}
.reference{border-left:3px solid var(--covered);padding:0 .8rem}
.note{border:1px solid var(--listed);background:#fff8e1;padding:.2rem .8rem;margin:.5rem 0}
.llm{border-left:3px solid #5c6bc0;padding:0 .8rem}
.math{font-family:"STIX Two Math","Cambria Math","DejaVu Serif",serif}.math.display{display:block;text-align:center;margin:.4rem 0}
pre{white-space:pre-wrap;background:#f4f4f6;padding:.5rem}
@media print{body{max-width:none;padding:0;font-size:11pt}article.question{break-before:auto}h3,h4{break-after:avoid}figure,li,tr,.note{break-inside:avoid}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{text-decoration:none}}
`
