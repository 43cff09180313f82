package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"grill/decks"
	"grill/interview"
	"grill/tex"
)

// The selections of grill export anki --only.
const (
	OnlyMissed = "missed" // the latest answer left a key point not covered, or was skipped
	OnlyAgain  = "again"  // the latest answer was rated Again (or would be, unrated)
	OnlyAll    = "all"    // every card answered
)

// AnkiNote is one card of an export: the question, the reference answer and
// the key points the latest answer missed.
type AnkiNote struct {
	CardID   string
	Topic    string
	Question string
	Answer   string   // the reference answer, Markdown; empty when the card is no longer loaded
	Note     string   // the reference answer's note (erratum), Markdown
	Missed   []string // labels of the key points not covered in the latest answer, with their state when not plain missed
	Last     time.Time
}

// SelectAnki returns the cards answered in recs at or after since (every
// one when since is zero) that only selects (OnlyMissed, OnlyAgain,
// OnlyAll), one note per card judged by its latest answer, in the order
// they were first asked. Reference answers come from lib.
func SelectAnki(recs []*interview.Record, lib *decks.Library, since time.Time, only string) ([]AnkiNote, error) {
	if only != OnlyMissed && only != OnlyAgain && only != OnlyAll {
		return nil, fmt.Errorf("--only %q is not %s, %s or %s", only, OnlyMissed, OnlyAgain, OnlyAll)
	}
	recs = slices.Clone(recs)
	slices.SortStableFunc(recs, func(a, b *interview.Record) int { return a.Started.Compare(b.Started) })
	type latest struct {
		q    *interview.QuestionRecord
		when time.Time
	}
	var order []string
	last := map[string]latest{}
	for _, rec := range recs {
		if rec.Started.Before(since) {
			continue
		}
		for i := range rec.Questions {
			q := &rec.Questions[i]
			if q.Outcome == interview.Pending {
				continue
			}
			when := q.EndedAt
			if when.IsZero() {
				when = rec.Started
			}
			if _, seen := last[q.CardID]; !seen {
				order = append(order, q.CardID)
			}
			if l, ok := last[q.CardID]; !ok || !when.Before(l.when) {
				last[q.CardID] = latest{q, when}
			}
		}
	}
	var notes []AnkiNote
	for _, id := range order {
		l := last[id]
		q := l.q
		var missed []string
		for _, r := range PointRows(q) {
			switch r.State {
			case StateCovered:
			case StateMissed:
				missed = append(missed, r.Label)
			default:
				missed = append(missed, r.Label+" ("+r.State.Text()+")")
			}
		}
		review := interview.Review{Outcome: q.Outcome, Score: q.Adjusted, Rating: q.Rating}
		switch {
		case only == OnlyMissed && len(missed) == 0 && q.Outcome != interview.Skipped:
			continue
		case only == OnlyAgain && review.Grade() != interview.Again:
			continue
		}
		n := AnkiNote{CardID: q.CardID, Topic: q.Topic, Question: q.Question, Missed: missed, Last: l.when}
		if lib != nil {
			if card, ok := lib.Card(q.CardID); ok {
				n.Question, n.Answer, n.Note = card.Question, card.Answer, card.Note
			}
		}
		notes = append(notes, n)
	}
	return notes, nil
}

// WriteAnki writes notes in Anki's text import format, with the file
// headers Anki reads (Anki 2.1.55 and later): UTF-8, tab-separated, fields
// in HTML, three columns (Front, Back, Tags), every note into deck. Front
// is the question, Back the reference answer followed by the key points
// the latest answer missed, Tags the topic and the card id (spaces made
// underscores, as a tag cannot hold one). Maths is written as Unicode.
// Fields holding a tab, a quote or a new line are quoted as in CSV, and a
// field that would start a line with '#' (a comment to Anki) starts with
// its HTML entity instead.
func WriteAnki(w io.Writer, notes []AnkiNote, deck string) error {
	deck = strings.Join(strings.Fields(deck), " ")
	if deck == "" {
		deck = "grill"
	}
	header := "#separator:tab\n#html:true\n#columns:Front\tBack\tTags\n#deck:" + deck + "\n#tags column:3\n"
	if _, err := io.WriteString(w, header); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = '\t'
	for _, n := range notes {
		front := esc(tex.RenderMath(strings.Join(strings.Fields(n.Question), " ")))
		if strings.HasPrefix(front, "#") {
			front = "&#35;" + front[1:]
		}
		if err := cw.Write([]string{front, ankiBack(n), ankiTag(n.Topic) + " " + ankiTag(n.CardID)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// ankiBack is the back of a note, as one line of HTML.
func ankiBack(n AnkiNote) string {
	var b strings.Builder
	if strings.TrimSpace(n.Answer) != "" {
		b.WriteString(markdownHTML(n.Answer))
	} else {
		b.WriteString("<p><i>No reference answer: the card is not in the loaded decks.</i></p>")
	}
	if strings.TrimSpace(n.Note) != "" {
		note := strings.TrimSpace(n.Note)
		if !strings.HasPrefix(note, "**Note") {
			note = "**Note:** " + note
		}
		b.WriteString("<blockquote>" + markdownHTML(note) + "</blockquote>")
	}
	if len(n.Missed) > 0 {
		b.WriteString("<p><b>Missed key points</b> (" + esc(n.Last.UTC().Format("2 Jan 2006")) + ")</p><ul>")
		for _, m := range n.Missed {
			b.WriteString("<li>" + esc(tex.RenderMath(m)) + "</li>")
		}
		b.WriteString("</ul>")
	}
	// Anki shows a field's new lines as spaces in HTML; keep code blocks'
	// lines with <br>, join the rest.
	return joinHTMLLines(b.String())
}

// joinHTMLLines puts an HTML fragment on one line: new lines inside <pre>
// become <br>, the others spaces.
func joinHTMLLines(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "<pre>")
		if i < 0 {
			b.WriteString(strings.ReplaceAll(s, "\n", " "))
			return b.String()
		}
		b.WriteString(strings.ReplaceAll(s[:i], "\n", " "))
		j := strings.Index(s[i:], "</pre>")
		if j < 0 {
			j = len(s) - i
		}
		b.WriteString(strings.ReplaceAll(strings.TrimSuffix(s[i:i+j], "\n"), "\n", "<br>"))
		s = s[i+j:]
	}
}

// ankiTag makes s a tag: no spaces.
func ankiTag(s string) string {
	return strings.Join(strings.Fields(s), "_")
}
