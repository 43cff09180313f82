package grading

import (
	"encoding/json"
	"os"
	"testing"
)

// TestSemEvalDump writes, for each SemEval training answer (never the
// unseen part), its score and how it says each term of each reference
// answer, one JSON object a line, to the file named by GRILL_DUMP: for
// trying scoring rules outside the grader before writing them into it.
// A term's "st" and "qst" are the termSaid of the answer and of the
// question text (0 not said, 1 agreeing, 2 disagreeing, 3 partly).
func TestSemEvalDump(t *testing.T) {
	path := os.Getenv("GRILL_DUMP")
	if path == "" {
		t.Skip("set GRILL_DUMP to the file to write")
	}
	all := loadSemeval(t)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	type term struct {
		Term   string  `json:"term"`
		W      float64 `json:"w"`
		Echo   bool    `json:"echo"`
		Neg    bool    `json:"neg"`
		Common bool    `json:"common"`
		Clause int32   `json:"clause"`
		Sent   int32   `json:"sent"`
		St     int8    `json:"st"`
		QSt    int8    `json:"qst"`
	}
	type bag struct {
		Total   float64 `json:"total"`
		Verdict int8    `json:"verdict"`
		Terms   []term  `json:"terms"`
	}
	type row struct {
		ID, Corpus, QID, Label, Answer string
		Score, Content                 int
		Verdict                        int8
		ATerms, QTerms                 []string
		ANeg                           []bool
		AClause                        []int32
		Question, Reference            string
		Bags                           []bag
	}
	for _, it := range all {
		if unseen(it.ID) {
			continue
		}
		c := semevalCard(it)
		m := matcherFor(c)
		a := m.analyzeText(it.Answer, true)
		q := m.analyzeText(it.Question, true)
		r := row{ID: it.ID, Corpus: it.Corpus, QID: it.QuestionID, Label: it.Label, Answer: it.Answer,
			Score: Grade(c, it.Answer).Score, Verdict: openingVerdict(a.toks)}
		for _, b := range m.refs {
			ob := bag{Total: b.total, Verdict: b.verdict}
			for k := range b.terms {
				rt := &b.terms[k]
				ob.Terms = append(ob.Terms, term{Term: m.terms[rt.id], W: rt.weight, Echo: rt.echo, Neg: rt.negated,
					Common: commonStems()[m.terms[rt.id]], Clause: rt.clause, Sent: rt.sent,
					St: int8(a.termStatus(m, rt)), QSt: int8(q.termStatus(m, rt))})
			}
			r.Bags = append(r.Bags, ob)
		}
		seen := map[string]bool{}
		for i := range a.toks {
			tk := &a.toks[i]
			if tk.fn || tk.stop || len(tk.word) < 2 && !tk.number {
				continue
			}
			r.ATerms = append(r.ATerms, tk.term)
			r.ANeg = append(r.ANeg, a.saidNegated(i))
			r.AClause = append(r.AClause, tk.clause)
			seen[tk.term] = true
		}
		r.Content = len(seen)
		r.Question, r.Reference = it.Question, it.Reference
		for i := range q.toks {
			if tk := &q.toks[i]; !tk.fn && !tk.stop && (len(tk.word) >= 2 || tk.number) {
				r.QTerms = append(r.QTerms, tk.term)
			}
		}
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
}
