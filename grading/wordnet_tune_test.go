package grading

import (
	"fmt"
	"maps"
	"os"
	"strconv"
	"strings"
	"testing"

	"grill/decks"
)

// TestWordNetTune measures the WordNet relation kinds on the SemEval
// training answers and the labeled tune split, like TestSemEvalTune (it
// never reads the unseen part). GRILL_WNTUNE="m=0,0.3,0.5;d=0.5" grades
// every combination of credits (kinds not named keep theirs);
// GRILL_WNTUNE=each:0.5 tries each kind alone at that credit. Each line
// gives tuneLine and, against the grader with no WordNet credit at all,
// how many SciEntsBank training answers moved toward their label (a
// correct one up, an incorrect one down) and against it. GRILL_WNFILE
// reads the relations from another file (one the generator wrote with
// more kinds); GRILL_WNSHOW=1 lists the moved answers.
func TestWordNetTune(t *testing.T) {
	spec := os.Getenv("GRILL_WNTUNE")
	if spec == "" {
		t.Skip("set GRILL_WNTUNE=m=0,0.5;d=... or each:0.5 to measure the WordNet credits")
	}
	saved := maps.Clone(wnCredit)
	savedNet := wordNet
	defer func() {
		wnCredit, wordNet = saved, savedNet
		clearMatchers()
	}()
	if path := os.Getenv("GRILL_WNFILE"); path != "" {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		wn, err := parseWordNet(string(b))
		if err != nil {
			t.Fatal(err)
		}
		wordNet = func() *wordNetData { return wn }
	}
	all := loadSemeval(t)
	wnCredit = map[byte]float64{}
	clearMatchers()
	base := sciScores(all)
	run := func(desc string) {
		clearMatchers()
		now := sciScores(all)
		toward, against := 0, 0
		var shown []string
		for id, s := range now {
			b := base[id]
			if s.score == b.score {
				continue
			}
			if (s.score > b.score) == s.correct {
				toward++
			} else {
				against++
			}
			if os.Getenv("GRILL_WNSHOW") != "" {
				shown = append(shown, fmt.Sprintf("    %s %v %.0f->%.0f [%s] %s", id, s.correct, b.score, s.score, s.links, s.answer))
			}
		}
		fmt.Printf("%s moved toward %d against %d%s\n", desc, toward, against, tuneLine(t, all))
		for _, l := range shown {
			fmt.Println(l)
		}
	}
	if k, ok := strings.CutPrefix(spec, "each:"); ok {
		c, err := strconv.ParseFloat(k, 64)
		if err != nil {
			t.Fatal(err)
		}
		for _, kind := range []byte(wnKindNames) {
			if kind == wnAnt {
				continue
			}
			wnCredit = map[byte]float64{kind: c}
			run(fmt.Sprintf("%c=%g", kind, c))
		}
		return
	}
	type axis struct {
		kind byte
		vals []float64
	}
	var axes []axis
	wnCredit = maps.Clone(saved)
	for _, part := range strings.Split(spec, ";") {
		name, vals, _ := strings.Cut(part, "=")
		if len(name) != 1 || !strings.Contains(wnKindNames, name) {
			t.Fatalf("GRILL_WNTUNE: no kind %q", name)
		}
		a := axis{kind: name[0]}
		for _, v := range strings.Split(vals, ",") {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatalf("GRILL_WNTUNE: %s: %v", name, err)
			}
			a.vals = append(a.vals, f)
		}
		axes = append(axes, a)
	}
	var rec func(i int, desc string)
	rec = func(i int, desc string) {
		if i == len(axes) {
			run(desc)
			return
		}
		for _, v := range axes[i].vals {
			wnCredit[axes[i].kind] = v
			rec(i+1, desc+fmt.Sprintf("%c=%g ", axes[i].kind, v))
		}
	}
	rec(0, "")
}

type sciScore struct {
	score   float64
	correct bool
	answer  string
	links   string // the reference words said through related words ("big<large")
}

// sciScores grades the SciEntsBank training answers, by answer id.
func sciScores(all []semevalItem) map[string]sciScore {
	cards := map[string]*decks.Card{}
	out := map[string]sciScore{}
	for _, it := range all {
		if it.Corpus != "sciEntsBank" || unseen(it.ID) {
			continue
		}
		c := cards[it.QuestionID]
		if c == nil {
			c = semevalCard(it)
			cards[it.QuestionID] = c
		}
		m := matcherFor(c)
		a := m.analyzeText(it.Answer, true)
		var links []string
		for _, b := range m.refs {
			for k := range b.terms {
				rt := &b.terms[k]
				for _, r := range rt.wn {
					if len(a.occ[r.id]) > 0 && a.termStatus(m, rt) != termAgree {
						links = append(links, m.terms[rt.id]+"<"+string(r.kind)+"<"+m.terms[r.id])
					}
				}
			}
		}
		out[it.ID] = sciScore{float64(Grade(c, it.Answer).Score), it.Label == "correct", it.Answer, strings.Join(links, " ")}
	}
	return out
}
