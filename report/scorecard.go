package report

import (
	"fmt"
	"strings"

	"grill/interview"
)

// writeKind says what kind of session it was, when not a practice round:
// an interview with its round clock, or a retry of an earlier session.
func writeKind(b *strings.Builder, st interview.Settings) {
	switch interview.KindOf(st) {
	case interview.KindInterview:
		fmt.Fprintf(b, "- **Kind:** interview · **Round:** %s · questions easier first, reviewed at the end\n", interview.DurationText(st.RoundLimit))
	case interview.KindRetry:
		fmt.Fprintf(b, "- **Kind:** retry of `%s`, questions that scored below %d\n", strings.ReplaceAll(st.RetryOf, "`", "'"), st.RetryBelow)
	}
}

// followUpOrigin says where a follow-up came from and what it probes.
func followUpOrigin(q *interview.QuestionRecord) string {
	s := "Follow-up written in the deck"
	if q.Origin == interview.OriginLLM {
		s = "Follow-up asked by the LLM, graded against the missed key point"
	}
	if q.Probes != "" {
		s += " — probes “" + escapeInline(q.Probes) + "”"
	}
	return s
}

// writeFollowUpRows adds the summary table's rows for the follow-ups of
// question i, numbered i.k under it.
func writeFollowUpRows(b *strings.Builder, i int, q *interview.QuestionRecord) {
	for k := range q.FollowUps {
		f := &q.FollowUps[k]
		score, adjusted, missed := "–", "–", "–"
		if f.Outcome != interview.Pending {
			score, adjusted = fmt.Sprint(f.Grade.Score), fmt.Sprint(f.Adjusted)
			var labels []string
			for j, p := range f.Grade.Points {
				if !f.Covered(j) {
					labels = append(labels, escapeInline(p.Label))
				}
			}
			if len(labels) > 0 {
				missed = strings.Join(labels, ", ")
			}
		}
		fmt.Fprintf(b, "| %d.%d | ↳ | %s | %s / %s | %s | %s | %s | %s | %s |\n", i+1, k+1,
			escapeInline(truncateRunes("Follow-up: "+f.Question, 60)),
			interview.DurationText(f.TimeUsed), interview.DurationText(f.TimeLimit), f.Outcome.Text(),
			score, adjusted, f.Rating.Text(), missed)
	}
}

// writeScorecard renders an interview's scorecard: per-topic verdicts with
// their key points, time management, questions not reached and what to
// study next.
func writeScorecard(b *strings.Builder, sc *interview.Scorecard) {
	if sc == nil {
		return
	}
	b.WriteString("## Scorecard\n\n")
	b.WriteString("| Topic | Verdict | Key points covered | Covered | Missed |\n|-------|---------|------:|---------|--------|\n")
	for _, t := range sc.Topics {
		fmt.Fprintf(b, "| %s | **%s** | %.0f%% | %s | %s |\n", escapeInline(t.Topic), t.Verdict, 100*t.Share,
			pointList(t.Covered), pointList(t.Missed))
	}
	fmt.Fprintf(b, "\n**Time management:** %s of the %s round used.\n\n", interview.DurationText(sc.RoundUsed), interview.DurationText(sc.RoundLimit))
	b.WriteString("| Question | Outcome | Time | First key point |\n|----------|---------|------|----------------:|\n")
	for _, t := range sc.Timing {
		q := truncateRunes(t.Question, 60)
		if t.FollowUp {
			q = "↳ " + q
		}
		first := "–"
		if t.Reached {
			first = interview.DurationText(t.FirstKeyPoint)
		}
		fmt.Fprintf(b, "| %s | %s | %s / %s | %s |\n", escapeInline(q), t.Outcome.Text(),
			interview.DurationText(t.TimeUsed), interview.DurationText(t.TimeLimit), first)
	}
	b.WriteString("\n")
	if len(sc.NotReached) > 0 {
		fmt.Fprintf(b, "**Not reached:** %d question(s): ", len(sc.NotReached))
		ids := make([]string, len(sc.NotReached))
		for i, n := range sc.NotReached {
			ids[i] = "`" + strings.ReplaceAll(n.CardID, "`", "'") + "`"
		}
		b.WriteString(strings.Join(ids, ", ") + "\n\n")
	}
	b.WriteString("**Study next** (missed key points, by weight × (1 + times missed before))\n\n")
	if len(sc.StudyNext) == 0 {
		b.WriteString("Nothing missed.\n\n")
		return
	}
	for i, s := range sc.StudyNext {
		fmt.Fprintf(b, "%d. %s (weight %g) — `%s`", i+1, escapeInline(s.Label), s.Weight, strings.ReplaceAll(s.CardID, "`", "'"))
		if s.AskedBefore > 0 {
			fmt.Fprintf(b, ", missed %d of %d times before", s.MissedBefore, s.AskedBefore)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

func pointList(ps []interview.PointRef) string {
	if len(ps) == 0 {
		return "–"
	}
	ls := make([]string, len(ps))
	for i, p := range ps {
		ls[i] = escapeInline(p.Label)
	}
	return strings.Join(ls, "; ")
}
