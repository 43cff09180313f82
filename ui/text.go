package ui

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/tview"
	"github.com/rivo/uniseg"

	"grill/grading"
)

// countWords counts the words of an answer in one pass: runs of letters and
// digits between spaces, and each Chinese or Japanese character on its own,
// since those scripts do not separate words with spaces. ASCII takes a fast
// path: this runs on every redraw while typing.
func countWords(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				in = false
			} else if !in {
				n++
				in = true
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			in = false
		case r >= 0x2E80 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana):
			n++
			in = false
		case !in:
			n++
			in = true
		}
	}
	return n
}

// clock formats a duration as mm:ss, rounding up so that 00:00 shows only
// when the time is really out.
func clock(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%02d:%02d", s/60, s%60)
}

// short formats a duration compactly: "45s", "3m", "2m30s".
func short(d time.Duration) string {
	d = d.Round(time.Second)
	if d%time.Minute == 0 && d >= time.Minute {
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	if d < time.Minute {
		return fmt.Sprintf("%ds", d/time.Second)
	}
	return fmt.Sprintf("%dm%02ds", d/time.Minute, (d%time.Minute)/time.Second)
}

// truncate shortens s to at most width cells, ending with "…" when cut.
func truncate(s string, width int) string {
	s = strings.Join(strings.Fields(s), " ")
	if uniseg.StringWidth(s) <= width {
		return s
	}
	if width <= 1 {
		return "…"
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		cw := g.Width()
		if w+cw > width-1 {
			break
		}
		b.WriteString(g.Str())
		w += cw
	}
	return b.String() + "…"
}

// evidence is what the answer pane marks for one line of the key points
// list: the spans of the answer that show its verdict, bad for a
// contradicted point or an asserted misconception (a distinct mark). A
// line with no spans marks nothing.
type evidence struct {
	spans []grading.Span
	bad   bool
}

// highlight returns answer escaped for tview with the evidence of each line
// of the key points list marked, and that of line sel marked more strongly.
// Overlapping spans are merged, bad if either is.
func highlight(th theme, answer string, lines []evidence, sel int) string {
	type span struct {
		start, end  int
		strong, bad bool
	}
	var spans []span
	for i, e := range lines {
		for _, s := range e.spans {
			if s.Start < 0 || s.End > len(answer) || s.Start >= s.End {
				continue
			}
			spans = append(spans, span{s.Start, s.End, i == sel, e.bad})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			m := &merged[n-1]
			m.end = max(m.end, s.end)
			m.strong = m.strong || s.strong
			m.bad = m.bad || s.bad
			continue
		}
		merged = append(merged, s)
	}
	var b strings.Builder
	pos := 0
	for _, s := range merged {
		b.WriteString(tview.Escape(answer[pos:s.start]))
		seg := tview.Escape(answer[s.start:s.end])
		switch {
		case s.bad && s.strong:
			b.WriteString(th.markBadStrong(seg))
		case s.bad:
			b.WriteString(th.markBad(seg))
		case s.strong:
			b.WriteString(th.markStrong(seg))
		default:
			b.WriteString(th.mark(seg))
		}
		pos = s.end
	}
	b.WriteString(tview.Escape(answer[pos:]))
	return b.String()
}
