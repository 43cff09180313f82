package report

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"grill/decks"
	"grill/grading"
	"grill/interview"
	"grill/llm"
)

// Markdown renders rec as a Markdown report that reads well in a
// terminal and on GitHub: a title with the date, the session's settings, a
// summary table (one row per question: topic, question, time used of the
// limit, outcome, grader score, self-adjusted score, rating, missed key
// points), per-topic averages and total time, then each question in full:
// the typed answer, the covered (✓) and missed (✗) key points with the
// candidate's self-grading marked, the reference answer and its note (from
// lib; left out when lib is nil or lacks the card) and the LLM feedback
// when there is any.
//
// Typed answers and LLM text are user data: they are quoted with every
// Markdown construct escaped, so that no answer can break the layout of the
// report, nor inject HTML, images or links disguised as text (a bare URL is
// still linked, as GitHub does everywhere).
func Markdown(rec *interview.Record, lib *decks.Library) string {
	var b strings.Builder
	writeHeader(&b, rec)
	writeSummary(&b, rec)
	writeScorecard(&b, rec.Scorecard)
	if len(rec.Questions) > 0 {
		b.WriteString("## Questions\n\n")
		for i := range rec.Questions {
			writeQuestion(&b, i, &rec.Questions[i], lib)
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func writeHeader(b *strings.Builder, rec *interview.Record) {
	fmt.Fprintf(b, "# grill session, %s\n\n", rec.Started.UTC().Format("2 January 2006, 15:04 UTC"))
	status := interview.Summarize(rec.Digest()).CompletionText()
	fmt.Fprintf(b, "- **Session:** `%s` (%s)\n", rec.ID, status)
	st := rec.Settings
	topics := "all"
	if len(st.Topics) > 0 {
		topics = escapeInline(strings.Join(st.Topics, ", "))
	}
	order := st.Order
	if order == "" {
		order = interview.OrderMixed
	}
	fmt.Fprintf(b, "- **Topics:** %s · **Order:** %s · **Seed:** %d\n", topics, escapeInline(order), st.Seed)
	writeKind(b, st)
	if st.TimeLimit > 0 {
		fmt.Fprintf(b, "- **Time per question:** %s (unless the deck sets its own)\n", interview.DurationText(st.TimeLimit))
	}
	if st.LLMModel != "" {
		fmt.Fprintf(b, "- **LLM feedback:** %s", escapeInline(st.LLMModel))
		if st.LLMHost != "" {
			fmt.Fprintf(b, " at %s", escapeInline(st.LLMHost))
		}
		b.WriteString("\n")
	}
	if len(rec.DeckSources) > 0 {
		fmt.Fprintf(b, "- **Decks:** %s\n", escapeInline(strings.Join(rec.DeckSources, ", ")))
	}
	b.WriteString("\n")
}

func writeSummary(b *strings.Builder, rec *interview.Record) {
	b.WriteString("## Summary\n\n")
	if len(rec.Questions) == 0 {
		b.WriteString("No question was asked.\n\n")
		return
	}
	b.WriteString("| # | Topic | Question | Time | Outcome | Score | Adjusted | Rating | Missed points |\n")
	b.WriteString("|--:|-------|----------|------|---------|------:|---------:|--------|---------------|\n")
	for i := range rec.Questions {
		q := &rec.Questions[i]
		score, adjusted, missed := "–", "–", "–"
		if q.Outcome != interview.Pending {
			score, adjusted = fmt.Sprint(q.Grade.Score), fmt.Sprint(q.Adjusted)
			var labels []string
			for j, p := range q.Grade.Points {
				if !q.Covered(j) {
					labels = append(labels, escapeInline(p.Label))
				}
			}
			if len(labels) > 0 {
				missed = strings.Join(labels, ", ")
			}
		}
		fmt.Fprintf(b, "| %d | %s | %s | %s / %s | %s | %s | %s | %s | %s |\n", i+1,
			escapeInline(q.Topic), escapeInline(truncateRunes(q.Question, 60)),
			interview.DurationText(q.TimeUsed), interview.DurationText(q.TimeLimit), q.Outcome.Text(),
			score, adjusted, q.Rating.Text(), missed)
		writeFollowUpRows(b, i, q)
	}
	b.WriteString("\n")
	sum := interview.Summarize(rec.Digest())
	if sum.Answered > 0 {
		b.WriteString("**Per topic**\n\n| Topic | Answered | Score | Adjusted |\n|-------|---------:|------:|---------:|\n")
		for _, t := range sum.ByTopic {
			fmt.Fprintf(b, "| %s | %d | %s | %s |\n", escapeInline(t.Topic), t.Answered,
				interview.MeanText(t.Score, t.Answered), interview.MeanText(t.Average, t.Answered))
		}
		fmt.Fprintf(b, "| **All** | **%d** | **%s** | **%s** |\n\n", sum.Answered,
			interview.MeanText(sum.Score, sum.Answered), interview.MeanText(sum.Average, sum.Answered))
	}
	fmt.Fprintf(b, "**Answered:** %d of %d · **Time answering:** %s", sum.Answered, len(rec.Questions), interview.DurationText(sum.Duration))
	if !rec.Ended.IsZero() && rec.Ended.After(rec.Started) {
		fmt.Fprintf(b, " · **Session length:** %s", interview.DurationText(rec.Ended.Sub(rec.Started)))
	}
	b.WriteString("\n\n")
}

func writeQuestion(b *strings.Builder, i int, q *interview.QuestionRecord, lib *decks.Library) {
	writeAnswer(b, fmt.Sprintf("### %d. %s", i+1, flatLine(q.Question)), q, lib)
	for k := range q.FollowUps {
		f := &q.FollowUps[k]
		flib := lib
		if f.Origin == interview.OriginLLM {
			flib = nil // not a card of the decks: graded against its parent's point
		}
		writeAnswer(b, fmt.Sprintf("#### %d.%d. Follow-up: %s", i+1, k+1, flatLine(f.Question)), f, flib)
	}
}

// writeAnswer renders one question or follow-up under heading.
func writeAnswer(b *strings.Builder, heading string, q *interview.QuestionRecord, lib *decks.Library) {
	fmt.Fprintf(b, "%s\n\n", heading)
	if q.Origin != "" {
		fmt.Fprintf(b, "*%s*\n\n", followUpOrigin(q))
	}
	meta := []string{"`" + strings.ReplaceAll(q.CardID, "`", "'") + "`", escapeInline(q.Topic), q.Outcome.Text(),
		fmt.Sprintf("%s of %s", interview.DurationText(q.TimeUsed), interview.DurationText(q.TimeLimit))}
	if q.Outcome != interview.Pending {
		if q.Adjusted != q.Grade.Score {
			meta = append(meta, fmt.Sprintf("score %d → %d after self-grading", q.Grade.Score, q.Adjusted))
		} else {
			meta = append(meta, fmt.Sprintf("score %d", q.Grade.Score))
		}
	}
	if q.Rating != interview.NoRating {
		r := "rated " + q.Rating.Text()
		if q.Suggested != interview.NoRating && q.Suggested != q.Rating {
			r += " (suggested " + q.Suggested.Text() + ")"
		}
		meta = append(meta, r)
	}
	fmt.Fprintf(b, "*%s*\n\n", strings.Join(meta, " · "))

	switch {
	case q.Outcome == interview.Skipped && strings.TrimSpace(q.Answer) == "":
		b.WriteString("**Answer:** skipped, nothing typed.\n\n")
	case q.Outcome == interview.Skipped:
		b.WriteString("**Answer:** skipped. The draft at that moment:\n\n")
		b.WriteString(quoteAnswer(q.Answer))
	case q.Outcome == interview.Pending && strings.TrimSpace(q.Answer) == "":
		b.WriteString("**Answer:** not answered.\n\n")
	case q.Outcome == interview.Pending:
		b.WriteString("**Answer:** not submitted. The draft so far:\n\n")
		b.WriteString(quoteAnswer(q.Answer))
	case strings.TrimSpace(q.Answer) == "":
		b.WriteString("**Answer:** empty.\n\n")
	default:
		b.WriteString("**Answer**\n\n")
		b.WriteString(quoteAnswer(q.Answer))
	}

	if rows := PointRows(q); len(rows) > 0 {
		b.WriteString("**Key points**\n\n")
		for _, r := range rows {
			if r.State == StateWrong {
				fmt.Fprintf(b, "- %s wrong: %s", r.State.Mark(), escapeInline(r.Label))
			} else {
				fmt.Fprintf(b, "- %s %s", r.State.Mark(), escapeInline(r.Label))
			}
			if r.Weight != 0 && r.Weight != 1 {
				fmt.Fprintf(b, " (weight %g)", r.Weight)
			}
			switch {
			case r.SelfGraded:
				fmt.Fprintf(b, " — *self-graded (the grader said %s)*", r.Grader.Text())
			case r.State == StateWrong:
			case r.State != StateCovered && r.State != StateMissed:
				fmt.Fprintf(b, " — *%s*", r.State.Text())
			}
			if r.State == StateContradicted || r.State == StateWrong {
				b.WriteString(quoteSpans(q.Answer, r.Spans))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if q.Grade.ReadsLike != "" {
		fmt.Fprintf(b, "*Reads like an answer to: %s*\n\n", escapeInline(q.Grade.ReadsLikeQuestion))
	}

	if lib != nil {
		if card, ok := lib.Card(q.CardID); ok {
			if strings.TrimSpace(card.Answer) != "" {
				b.WriteString("**Reference answer**\n\n")
				b.WriteString(strings.TrimSpace(demoteHeadings(card.Answer, 4)))
				b.WriteString("\n\n")
			}
			if note := strings.TrimSpace(card.Note); note != "" {
				if !strings.HasPrefix(note, "**Note") {
					note = "**Note:** " + note
				}
				b.WriteString(quoteMarkdown(note))
			}
		} else {
			fmt.Fprintf(b, "*No reference answer: card `%s` is not in the loaded decks.*\n\n", strings.ReplaceAll(q.CardID, "`", "'"))
		}
	}

	if q.LLM != nil {
		writeLLM(b, q)
	}
}

// writeLLM renders the LLM feedback of q. The verdict's shape belongs to the
// LLM client; known fields are rendered as text, anything else as JSON.
func writeLLM(b *strings.Builder, q *interview.QuestionRecord) {
	l := q.LLM
	b.WriteString("**LLM feedback**")
	var about []string
	if l.Model != "" {
		about = append(about, escapeInline(l.Model))
	}
	if l.Host != "" {
		about = append(about, "at "+escapeInline(l.Host))
	}
	if l.Latency > 0 {
		about = append(about, fmt.Sprintf("in %.1f s", l.Latency.Seconds()))
	}
	if len(about) > 0 {
		fmt.Fprintf(b, " (%s)", strings.Join(about, " "))
	}
	b.WriteString("\n\n")
	if l.Injection {
		b.WriteString("⚠ **The answer contains instructions aimed at the grader.** The LLM's score is not trusted and never changes the recorded score.\n\n")
	}
	if l.Error != "" {
		fmt.Fprintf(b, "Feedback unavailable: %s\n\n", escapeInline(l.Error))
	}
	if l.Verdict != nil {
		writeVerdict(b, l.Verdict, q.Grade.Score)
	}
}

// writeVerdict renders an LLM verdict: its score beside the grader's, the
// instructions to the grader it found, its feedback, follow-up question,
// wrong claims and key point verdicts; or, when the reply did not validate,
// why and the reply as received. Bookkeeping (model, latency) is left out:
// the caller shows it once.
func writeVerdict(b *strings.Builder, v *llm.Verdict, graderScore int) {
	if !v.Valid {
		b.WriteString("The reply did not validate, so it has no score")
		if len(v.Problems) > 0 {
			parts := make([]string, len(v.Problems))
			for i, p := range v.Problems {
				parts[i] = escapeInline(p)
			}
			fmt.Fprintf(b, " (%s)", strings.Join(parts, "; "))
		}
		b.WriteString(".")
		if strings.TrimSpace(v.Text) != "" {
			b.WriteString(" As received:\n\n")
			b.WriteString(fenceText(v.Text))
		} else {
			b.WriteString("\n\n")
		}
		return
	}
	fmt.Fprintf(b, "- **Score:** %d (grader: %d)", v.Score, graderScore)
	if v.Untrusted {
		b.WriteString(" — *untrusted*")
	} else if v.Disagreement {
		b.WriteString(" — ⚠ *far from the grader's*")
	}
	b.WriteString("\n")
	if len(v.InjectionReasons) > 0 {
		parts := make([]string, len(v.InjectionReasons))
		for i, r := range v.InjectionReasons {
			parts[i] = escapeInline(r)
		}
		fmt.Fprintf(b, "- **Instructions to the grader found:** %s\n", strings.Join(parts, "; "))
	}
	if v.Feedback != "" {
		fmt.Fprintf(b, "- **Feedback:** %s\n", escapeInline(v.Feedback))
	}
	if v.FollowUp != "" {
		fmt.Fprintf(b, "- **Follow-up question:** %s\n", escapeInline(v.FollowUp))
	}
	if v.WrongClaims != nil {
		writeVerdictList(b, "Wrong claims", v.WrongClaims)
	}
	if v.Points != nil {
		points := make([]string, len(v.Points))
		for i, p := range v.Points {
			points[i] = p.Label + ": " + string(p.Status)
			if p.Evidence != "" {
				points[i] += " — “" + p.Evidence + "”"
			}
		}
		writeVerdictList(b, "Key points", points)
	}
	b.WriteString("\n")
}

// writeVerdictList renders a list of a verdict as a nested list.
func writeVerdictList(b *strings.Builder, title string, items []string) {
	if len(items) == 0 {
		fmt.Fprintf(b, "- **%s:** none\n", title)
		return
	}
	fmt.Fprintf(b, "- **%s:**\n", title)
	for _, item := range items {
		fmt.Fprintf(b, "  - %s\n", escapeInline(item))
	}
}

// flatLine joins the lines of s with spaces.
func flatLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// truncateRunes shortens s to at most n runes, ending it with "…" when cut.
func truncateRunes(s string, n int) string {
	s = flatLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimRightFunc(string(r[:n-1]), unicode.IsSpace) + "…"
}

// quoteAnswer renders user text as a Markdown blockquote in which every character
// is literal: Markdown and HTML are escaped, line breaks kept, paragraphs
// separated by an empty quoted line.
func quoteAnswer(text string) string {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n")
	for len(lines) > 0 && strings.TrimSpace(lines[0]) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	blank := false
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			if !blank {
				b.WriteString(">\n")
			}
			blank = true
			continue
		}
		blank = false
		b.WriteString("> ")
		b.WriteString(escapeLine(line))
		if i+1 < len(lines) && strings.TrimSpace(lines[i+1]) != "" {
			b.WriteString("  ") // hard line break, invisible in a terminal
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return b.String()
}

// quoteMarkdown renders trusted Markdown (a deck's note) as a blockquote.
func quoteMarkdown(md string) string {
	var b strings.Builder
	for _, line := range strings.Split(md, "\n") {
		b.WriteString(strings.TrimRight("> "+line, " "))
		b.WriteString("\n")
	}
	b.WriteString("\n")
	return b.String()
}

// escapeInline escapes text for a single line of Markdown, such as a table
// cell or a list item: line breaks become spaces and Markdown is escaped.
func escapeInline(s string) string {
	return escapeLine(flatLine(s))
}

// escapeLine escapes one line of plain text so that Markdown shows it as
// typed: emphasis, code, links, HTML, maths, tables and strike-through
// characters are backslash-escaped, as is whatever would start a heading,
// list, quote or rule at the beginning of the line. Underscores inside words
// (x_0, alpha_bar) cannot make emphasis and are left alone, to keep answers
// readable in a terminal.
func escapeLine(line string) string {
	rs := []rune(line)
	var b strings.Builder
	b.Grow(len(line) + 8)
	i := 0
	// Line starts: headings, quotes, bullets, setext underlines, ordered lists.
	if len(rs) > 0 {
		switch rs[0] {
		case '#', '>', '-', '+', '=':
			b.WriteByte('\\')
			b.WriteRune(rs[0])
			i = 1
		default:
			j := 0
			for j < len(rs) && j < 9 && rs[j] >= '0' && rs[j] <= '9' {
				j++
			}
			if j > 0 && j < len(rs) && (rs[j] == '.' || rs[j] == ')') {
				b.WriteString(string(rs[:j]))
				b.WriteByte('\\')
				b.WriteRune(rs[j])
				i = j + 1
			}
		}
	}
	for ; i < len(rs); i++ {
		r := rs[i]
		switch r {
		case '\\', '`', '*', '[', ']', '<', '|', '$', '~':
			b.WriteByte('\\')
		case '_':
			if i == 0 || i == len(rs)-1 || !isWordRune(rs[i-1]) || !isWordRune(rs[i+1]) {
				b.WriteByte('\\')
			}
		case '&':
			if entity.MatchString(string(rs[i:min(i+40, len(rs))])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// entity matches an HTML entity or character reference, which Markdown
// would turn into the character it names.
var entity = regexp.MustCompile(`^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});`)

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// fenceText renders text as a fenced code block whose fence is longer than any
// run of backticks in the text, so that the text cannot close it.
func fenceText(text string) string {
	longest, run := 0, 0
	for _, r := range text {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", max(3, longest+1))
	return fence + "text\n" + strings.TrimRight(text, "\n") + "\n" + fence + "\n\n"
}

var atxHeading = regexp.MustCompile(`^( {0,3})(#{1,6})([ \t]|$)`)
var fenceOpen = regexp.MustCompile("^ {0,3}(`{3,}|~{3,})")

// demoteHeadings shifts the ATX headings of md (outside fenced code) so
// that the shallowest is at level minLevel, at most 6: a reference answer's
// sub-headings then sit below the report's question headings.
func demoteHeadings(md string, minLevel int) string {
	lines := strings.Split(md, "\n")
	shallowest := 7
	walkOutsideFences(lines, func(i int) {
		if m := atxHeading.FindStringSubmatch(lines[i]); m != nil {
			shallowest = min(shallowest, len(m[2]))
		}
	})
	if shallowest >= minLevel {
		return md
	}
	shift := minLevel - shallowest
	walkOutsideFences(lines, func(i int) {
		if m := atxHeading.FindStringSubmatchIndex(lines[i]); m != nil {
			level := min(m[5]-m[4]+shift, 6)
			lines[i] = lines[i][:m[4]] + strings.Repeat("#", level) + lines[i][m[5]:]
		}
	})
	return strings.Join(lines, "\n")
}

// walkOutsideFences calls f with the index of every line of lines that is
// not inside a fenced code block.
func walkOutsideFences(lines []string, f func(i int)) {
	fence := ""
	for i, line := range lines {
		if fence != "" {
			trimmed := strings.TrimSpace(line)
			if strings.HasPrefix(trimmed, fence) && strings.Trim(trimmed, fence[:1]) == "" {
				fence = ""
			}
			continue
		}
		if m := fenceOpen.FindStringSubmatch(line); m != nil {
			fence = m[1]
			continue
		}
		f(i)
	}
}

// quoteSpans is the evidence of a contradicted point or a wrong claim, the
// answer's words at spans, as ` — "…", "…"` (flattened to one line), or ""
// when there is none in range.
func quoteSpans(answer string, spans []grading.Span) string {
	var qs []string
	for _, sp := range spans {
		if sp.Start < 0 || sp.End > len(answer) || sp.Start >= sp.End {
			continue
		}
		qs = append(qs, `"`+escapeInline(answer[sp.Start:sp.End])+`"`)
	}
	if len(qs) == 0 {
		return ""
	}
	return " — " + strings.Join(qs, ", ")
}
