package report

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"grill/interview"
	"grill/tex"
)

// The colours of the topics in the trend chart, in turn.
var topicColors = []string{"#1a73e8", "#e8710a", "#188038", "#a142f4", "#d01884", "#12a4af", "#9e6a03", "#5f6368"}

// stateColors are the fills of the coverage grid.
var stateColors = map[PointState]string{
	StateCovered:      "#1e8e3e",
	StateListed:       "#f2a600",
	StateContradicted: "#c5221f",
	StateWrong:        "#8e24aa",
	StateMissed:       "#dadce0",
}

// maxTrendSessions is how many sessions the trend chart shows per topic.
const maxTrendSessions = 12

// TrendSVG draws the average score of each topic over sessions (newest
// first, as store.List returns them): one line per topic across the
// sessions that answered it, at most the last 12, 0–100 upwards. With no
// answered session it draws the empty axes and says so.
func TrendSVG(sessions []interview.Summary) string {
	trends := interview.TopicTrends(sessions, maxTrendSessions)
	// The x axis: every session some line passes through, oldest first.
	type col struct {
		id      string
		started time.Time
	}
	var cols []col
	seen := map[string]bool{}
	for _, t := range trends {
		for _, p := range t.Points {
			if !seen[p.SessionID] {
				seen[p.SessionID] = true
				cols = append(cols, col{p.SessionID, p.Started})
			}
		}
	}
	slices.SortFunc(cols, func(a, b col) int {
		if c := a.started.Compare(b.started); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	x := map[string]int{}
	for i, c := range cols {
		x[c.id] = i
	}

	const (
		left, right, top, bottom = 40, 130, 12, 34
		plotH                    = 180
	)
	plotW := max(240, 60*max(len(cols)-1, 1))
	w, h := left+plotW+right, top+plotH+bottom
	xAt := func(i int) float64 {
		if len(cols) <= 1 {
			return left + float64(plotW)/2
		}
		return left + float64(i)*float64(plotW)/float64(len(cols)-1)
	}
	yAt := func(score float64) float64 { return top + plotH - score*plotH/100 }

	var b strings.Builder
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart trend\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", w, h, w, h)
	b.WriteString("<title>Average score per topic over sessions</title>\n")
	for _, s := range []float64{0, 25, 50, 75, 100} {
		y := yAt(s)
		fmt.Fprintf(&b, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e0e0e0\"/>", left, y, left+plotW, y)
		fmt.Fprintf(&b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#6b6b70\">%.0f</text>\n", left-6, y+4, s)
	}
	if len(cols) == 0 {
		fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#6b6b70\">no answered session yet</text>\n", xAt(0), yAt(50))
		b.WriteString("</svg>\n")
		return b.String()
	}
	// Date labels: every one when they fit, else about eight.
	step := max(1, (len(cols)+7)/8)
	for i, c := range cols {
		if i%step == 0 || i == len(cols)-1 {
			fmt.Fprintf(&b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#6b6b70\">%s</text>\n", xAt(i), top+plotH+16, shortDate(c.started))
		}
	}
	for k, t := range trends {
		color := topicColors[k%len(topicColors)]
		var pts []string
		for _, p := range t.Points {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", xAt(x[p.SessionID]), yAt(p.Average)))
		}
		if len(pts) > 1 {
			fmt.Fprintf(&b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n", color, strings.Join(pts, " "))
		}
		for _, p := range t.Points {
			fmt.Fprintf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"><title>%s, session %s: %s (%d answered)</title></circle>\n",
				xAt(x[p.SessionID]), yAt(p.Average), color, esc(t.Topic), esc(p.SessionID), interview.MeanText(p.Average, p.Answered), p.Answered)
		}
		ly := top + 8 + 18*k
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
			left+plotW+14, ly-9, color, left+plotW+30, ly+1, esc(truncateRunes(t.Topic, 16)))
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// CoverageSVG draws the key points of every question of rec as a grid: a
// row per question, a cell per key point coloured by its state (covered,
// listed, contradicted, wrong, missed), with a legend. A question not
// answered has an empty row.
func CoverageSVG(rec *interview.Record) string {
	const (
		cell, gap, labelW, top = 22, 3, 230, 26
	)
	cols := 1
	for i := range rec.Questions {
		cols = max(cols, len(PointRows(&rec.Questions[i]))) // key points and wrong claims
	}
	rows := max(len(rec.Questions), 1)
	w := max(labelW+cols*(cell+gap)+10, 5*110)
	h := top + rows*(cell+gap) + 10
	var b strings.Builder
	fmt.Fprintf(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart coverage\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">\n", w, h, w, h)
	b.WriteString("<title>Key-point coverage of the session's questions</title>\n")
	for k, s := range States {
		x := k * 110
		fmt.Fprintf(&b, "<rect x=\"%d\" y=\"4\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"14\">%s</text>\n", x, stateColors[s], x+16, s)
	}
	if len(rec.Questions) == 0 {
		fmt.Fprintf(&b, "<text x=\"0\" y=\"%d\" fill=\"#6b6b70\">no question was asked</text>\n", top+14)
	}
	for i := range rec.Questions {
		q := &rec.Questions[i]
		y := top + i*(cell+gap)
		fmt.Fprintf(&b, "<text x=\"0\" y=\"%d\"><title>%s</title>%d. %s</text>\n", y+15, esc(tex.RenderMath(q.Question)), i+1, esc(truncateRunes(q.CardID, 32)))
		rowsOf := PointRows(q)
		if len(rowsOf) == 0 {
			why := "no key points"
			if q.Outcome == interview.Pending {
				why = "not answered"
			}
			fmt.Fprintf(&b, "<text x=\"%d\" y=\"%d\" fill=\"#6b6b70\">%s</text>\n", labelW, y+15, why)
		}
		for j, r := range rowsOf {
			fmt.Fprintf(&b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"3\" fill=\"%s\"><title>%s: %s</title></rect>\n",
				labelW+j*(cell+gap), y, cell, cell, stateColors[r.State], esc(r.Label), r.State.Text())
		}
	}
	b.WriteString("</svg>\n")
	return b.String()
}
