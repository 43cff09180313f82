package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"grill/decks"
	"grill/grading"
	"grill/internal/fixture/textcheck"
	"grill/interview"
	"grill/tex"
)

// builtinSession is a session that asked every built-in card: even ones
// missed their last key point, odd ones covered everything and were rated
// Again every third.
func builtinSession(t *testing.T, lib *decks.Library, start time.Time) *interview.Record {
	t.Helper()
	rec := &interview.Record{SchemaVersion: interview.SchemaVersion, ID: start.Format("20060102T150405Z"), Started: start, Ended: start.Add(time.Hour)}
	for i, c := range lib.Cards() {
		q := interview.QuestionRecord{CardID: c.ID, Topic: c.Topic, Question: c.Question, Outcome: interview.Submitted,
			Answer: "an answer", EndedAt: start.Add(time.Duration(i) * time.Minute), Adjusted: 100, Rating: interview.Good}
		q.Grade.Points = []grading.PointResult{{Label: "First point", Weight: 1, Covered: true}, {Label: "Last point", Weight: 1, Covered: i%2 == 1}}
		if i%2 == 0 {
			q.Adjusted = 50
		}
		if i%3 == 0 {
			q.Rating = interview.Again
		}
		rec.Questions = append(rec.Questions, q)
	}
	return rec
}

func TestAnkiHeaders(t *testing.T) {
	var b bytes.Buffer
	notes := []AnkiNote{{CardID: "gnn/x y", Topic: "gnn", Question: "# Why\tthis \"one\" <b>?", Answer: "Line one\nline two.\n\n```\ncode\n  indented\n```\n", Missed: []string{"A <point>"}}}
	if err := WriteAnki(&b, notes, "ML  interview"); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitN(b.String(), "\n", 6)
	want := []string{"#separator:tab", "#html:true", "#columns:Front\tBack\tTags", "#deck:ML interview", "#tags column:3"}
	for i, w := range want {
		if lines[i] != w {
			t.Errorf("header line %d = %q, want %q", i+1, lines[i], w)
		}
	}
	row := lines[5]
	if strings.HasPrefix(row, "#") {
		t.Errorf("the note starts with '#', a comment to Anki: %q", row)
	}
	textcheck.Contains(t, "note", row, "&#35; Why this &#34;one&#34; &lt;b&gt;?", "<li>A &lt;point&gt;</li>", "code<br>  indented", "Line one line two.", "\tgnn gnn/x_y\n")
	if strings.Count(row, "\n") != 1 {
		t.Errorf("the note spans several lines: %q", row)
	}
}

// TestAnkiRoundTrip exports the built-in cards and imports the file as a
// deck, as grill reads Anki's files: the same questions come back, in
// order, with their reference answers.
func TestAnkiRoundTrip(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rec := builtinSession(t, lib, t0)
	for _, tc := range []struct {
		only string
		keep func(i int) bool
	}{
		{OnlyAll, func(int) bool { return true }},
		{OnlyMissed, func(i int) bool { return i%2 == 0 }},
		{OnlyAgain, func(i int) bool { return i%3 == 0 }},
	} {
		notes, err := SelectAnki([]*interview.Record{rec}, lib, time.Time{}, tc.only)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for i, c := range lib.Cards() {
			if tc.keep(i) {
				want = append(want, tex.RenderMath(c.Question))
			}
		}
		var b bytes.Buffer
		if err := WriteAnki(&b, notes, "grill"); err != nil {
			t.Fatal(err)
		}
		topics, problems := decks.Parse("export.txt", b.Bytes())
		if len(problems) > 0 {
			t.Fatalf("--only %s: importing the export: %v", tc.only, problems)
		}
		var got []string
		var answers []string
		for _, tp := range topics {
			for _, c := range tp.Cards {
				got = append(got, c.Question)
				answers = append(answers, c.Answer)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("--only %s: %d questions came back, want %d:\n got %q\nwant %q", tc.only, len(got), len(want), got, want)
			continue
		}
		for i, a := range answers {
			if tc.only == OnlyMissed && !strings.Contains(a, "Missed key points") {
				t.Errorf("note %d: back lacks the missed key points: %q", i, a)
			}
			if len(a) < 100 {
				t.Errorf("note %d: back is only %q", i, a)
			}
		}
	}
}

func TestAnkiSince(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	old := builtinSession(t, lib, t0.Add(-10*24*time.Hour))
	recent := builtinSession(t, lib, t0)
	recent.Questions = recent.Questions[:2]
	notes, err := SelectAnki([]*interview.Record{recent, old}, lib, t0.Add(-24*time.Hour), OnlyAll)
	if err != nil || len(notes) != 2 {
		t.Fatalf("since yesterday: %d notes (%v), want 2", len(notes), err)
	}
	// Each card is judged by its latest answer: card 0, missed in the old
	// session and covered in the recent one, is not exported as missed.
	recent.Questions[0].Grade.Points[1].Covered = true
	notes, _ = SelectAnki([]*interview.Record{old, recent}, lib, time.Time{}, OnlyMissed)
	for _, n := range notes {
		if n.CardID == recent.Questions[0].CardID {
			t.Errorf("%s was covered in the latest session but is exported as missed", n.CardID)
		}
	}
	if _, err := SelectAnki(nil, lib, time.Time{}, "some"); err == nil {
		t.Error("--only some: no error")
	}
}
