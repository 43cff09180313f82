package grading

import (
	"bufio"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"grill/decks"
)

// labeled is one answer of the labeled grading set (testdata/graded).
type labeled struct {
	ID         string   `json:"id"`
	Question   string   `json:"question"`
	Kind       string   `json:"kind"`
	Split      string   `json:"split"`
	Answer     string   `json:"answer"`
	HumanScore float64  `json:"human_score"`
	Covered    []string `json:"covered"`
	Wrong      []string `json:"wrong"` // the rater's list of false claims (claims set only)
	File       string   `json:"-"`     // the file it came from, without directory
}

// labeledSet names the group of files an answer came from: "seed" (the
// first labeled set, gnn.jsonl, ...), "claims" (claims-*.jsonl), "cards"
// (cards-*.jsonl, the newer cards), "tune" (tune-*.jsonl, an independent
// rater's answers kept for tuning only), "tune2" … "tune5" (tune2-*.jsonl …
// tune5-*.jsonl: the answers of four more independent raters, also tuning
// only).
func labeledSet(file string) string {
	if set, _, ok := strings.Cut(file, "-"); ok {
		return set
	}
	return "seed"
}

// graded is a labeled answer with the grader's verdict.
type graded struct {
	labeled
	score   int
	covered map[string]bool
	labels  []string // the card's key point labels
	// stale: the human's covered list names a label the card no longer has
	// (the decks were relabelled after the answer was labeled); such an
	// answer counts for the scores but not for key-point precision and recall.
	stale bool
}

// evalStats aggregates agreement over a group of graded answers.
type evalStats struct {
	n                  int
	scores, human      []float64
	tp, fp, fn         int
	sumScore, sumHuman float64
}

func (s *evalStats) add(g graded) {
	s.n++
	s.scores = append(s.scores, float64(g.score))
	s.human = append(s.human, g.HumanScore)
	s.sumScore += float64(g.score)
	s.sumHuman += g.HumanScore
	if g.stale {
		return
	}
	for _, l := range g.labels {
		human := slices.Contains(g.Covered, l)
		switch {
		case g.covered[l] && human:
			s.tp++
		case g.covered[l]:
			s.fp++
		case human:
			s.fn++
		}
	}
}

func (s *evalStats) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s *evalStats) recall() float64    { return ratio(s.tp, s.tp+s.fn) }
func (s *evalStats) mean() float64      { return s.sumScore / math.Max(1, float64(s.n)) }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// pearson returns the Pearson correlation of x and y (NaN when undefined).
func pearson(x, y []float64) float64 {
	n := float64(len(x))
	if len(x) < 2 {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return sxy / math.Sqrt(sxx*syy)
}

// loadLabeled reads every testdata/graded/*.jsonl file.
func loadLabeled(t *testing.T) []labeled {
	t.Helper()
	dir := filepath.Join("..", "testdata", "graded")
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatalf("no labeled answers in %s", dir)
	}
	var out []labeled
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		line := 0
		for sc.Scan() {
			line++
			if strings.TrimSpace(sc.Text()) == "" {
				continue
			}
			var l labeled
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				t.Fatalf("%s:%d: %v", f, line, err)
			}
			l.File = filepath.Base(f)
			out = append(out, l)
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	return out
}

// gradeLabeled grades every labeled answer against the built-in decks and
// checks that the labels name real key points.
func gradeLabeled(t *testing.T) []graded {
	return gradeLabeledWith(t, Grade)
}

// gradeLabeledAmong grades every labeled answer as grill does: with the
// other built-in cards of the card's topic as its neighbours (GradeAmong).
func gradeLabeledAmong(t *testing.T) []graded {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return gradeLabeledWith(t, func(c *decks.Card, answer string) Result {
		return GradeAmong(c, Neighbours(lib, c), answer)
	})
}

// gradeLabeledWith grades the labeled set with grade (Grade, or Grade on
// the card stripped of its curated key points).
func gradeLabeledWith(t *testing.T, grade func(*decks.Card, string) Result) []graded {
	staleLabels := map[string]bool{}
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var out []graded
	for _, l := range loadLabeled(t) {
		card, ok := lib.Card(l.Question)
		if !ok {
			t.Fatalf("%s: unknown question %q", l.ID, l.Question)
		}
		var labels []string
		for _, kp := range card.KeyPoints {
			labels = append(labels, kp.Label)
		}
		stale := false
		for _, c := range l.Covered {
			if !slices.Contains(labels, c) {
				stale = true
				staleLabels[card.ID+": "+c] = true
			}
		}
		r := grade(card, l.Answer)
		g := graded{labeled: l, score: r.Score, covered: map[string]bool{}, labels: labels, stale: stale}
		for _, p := range r.Points {
			if p.Covered { // a point only listed in a keyword dump is not covered
				g.covered[p.Label] = true
			}
		}
		out = append(out, g)
	}
	if len(staleLabels) > 0 {
		keys := slices.Sorted(maps.Keys(staleLabels))
		t.Logf("%d covered labels are no longer key points (their answers are left out of precision and recall): %s",
			len(keys), strings.Join(keys, "; "))
	}
	return out
}

// Held-out floors: Pearson r between score and human score over all
// labeled answers, key-point precision and recall, the gap between the mean
// score of strong and paraphrased answers and that of keyword-stuffed and
// wrong ones, and the most the fluent-but-wrong answers (wrong,
// fluent_wrong, swapped) may average.
//
// The aims are r ≥ 0.90 and fluent-but-wrong ≤ 15; the floors are what the
// grader holds today (see the README), so that a change that loses
// agreement fails.
const (
	targetPearson     = 0.90 // held 0.903 (aim 0.90)
	targetPrecision   = 0.89 // held 0.895 (aim 0.90)
	targetRecall      = 0.85 // held 0.855 (aim 0.85)
	targetGap         = 70   // held 75.8
	targetFluentWrong = 15   // held 7.7 (aim ≤ 15)
)

// checkTarget fails the test when got is below target.
func checkTarget(t *testing.T, what string, got, target float64) {
	t.Helper()
	if !(got >= target) {
		t.Errorf("%s = %.3f, want ≥ %.2f", what, got, target)
	}
}

var evalKinds = []string{"strong", "partial", "paraphrased", "typo", "keyword_stuffed", "wrong", "off_topic", "negated",
	"swapped", "denied", "padded", "terse", "fluent_wrong"}

// fluentWrongKinds are the fluent answers whose claims are wrong: the mean of
// their held-out scores is held to targetFluentWrong.
var fluentWrongKinds = []string{"wrong", "fluent_wrong", "swapped"}

// TestEvaluation measures how well the grader agrees with a careful human
// interviewer on the labeled set, separately for the part used to tune the
// grader and the held-out part, printing per kind and overall the Pearson r
// between score and human score, key-point precision and recall, and mean
// scores, overall and for each set of files (seed, claims-*, cards-*). It
// holds the held-out part to the floors above (the aims are r ≥ 0.90,
// precision ≥ 0.90, recall ≥ 0.85, fluent-but-wrong ≤ 15).
func TestEvaluation(t *testing.T) {
	all := gradeLabeledAmong(t)
	alone := gradeLabeled(t)
	results := map[string]map[string]*evalStats{}
	for _, split := range []string{"tune", "heldout"} {
		results[split] = map[string]*evalStats{}
		var b strings.Builder
		fmt.Fprintf(&b, "split=%s\n%-16s %4s %7s %9s %7s %10s %10s %5s %5s %5s\n", split, "kind", "n", "r", "precision", "recall", "mean score", "mean human", "TP", "FP", "FN")
		for _, kind := range append(slices.Clone(evalKinds), "all") {
			s := &evalStats{}
			for _, g := range all {
				if g.Split == split && (kind == "all" || g.Kind == kind) {
					s.add(g)
				}
			}
			results[split][kind] = s
			if s.n == 0 {
				continue
			}
			fmt.Fprintf(&b, "%-16s %4d %7.3f %9.3f %7.3f %10.1f %10.2f %5d %5d %5d\n", kind, s.n, pearson(s.scores, s.human),
				s.precision(), s.recall(), s.mean(), s.sumHuman/float64(s.n), s.tp, s.fp, s.fn)
		}
		group := func(kinds ...string) float64 {
			var sum float64
			n := 0
			for _, g := range all {
				if g.Split == split && slices.Contains(kinds, g.Kind) {
					sum += float64(g.score)
					n++
				}
			}
			return sum / math.Max(1, float64(n))
		}
		low, high := group("keyword_stuffed", "wrong"), group("strong", "paraphrased")
		fmt.Fprintf(&b, "mean(keyword_stuffed ∪ wrong) = %.1f, mean(strong ∪ paraphrased) = %.1f, gap = %.1f\n", low, high, high-low)
		fmt.Fprintf(&b, "mean(fluent-but-wrong: %s) = %.1f\n", strings.Join(fluentWrongKinds, " ∪ "), group(fluentWrongKinds...))
		for _, set := range []string{"seed", "claims", "cards", "tune", "tune2", "tune3", "tune4", "tune5"} {
			st := &evalStats{}
			fw, nfw := 0.0, 0
			for _, g := range all {
				if g.Split == split && labeledSet(g.File) == set {
					st.add(g)
					if slices.Contains(fluentWrongKinds, g.Kind) {
						fw += float64(g.score)
						nfw++
					}
				}
			}
			fmt.Fprintf(&b, "%s set (%s): n=%d r=%.3f precision=%.3f recall=%.3f fluent-but-wrong mean=%.1f (n=%d)\n",
				set, map[string]string{"seed": "gnn/diffusion/vla.jsonl", "claims": "claims-*.jsonl", "cards": "cards-*.jsonl", "tune": "tune-*.jsonl, tune split only", "tune2": "tune2-*.jsonl, tune split only", "tune3": "tune3-*.jsonl, tune split only", "tune4": "tune4-*.jsonl, tune split only", "tune5": "tune5-*.jsonl, tune split only"}[set],
				st.n, pearson(st.scores, st.human), st.precision(), st.recall(), fw/math.Max(1, float64(nfw)), nfw)
		}
		for _, kind := range []string{"off_topic", "all"} {
			s := &evalStats{}
			for _, g := range alone {
				if g.Split == split && (kind == "all" || g.Kind == kind) {
					s.add(g)
				}
			}
			fmt.Fprintf(&b, "graded without neighbours (Grade), %s: n=%d r=%.3f precision=%.3f recall=%.3f mean score=%.1f\n",
				kind, s.n, pearson(s.scores, s.human), s.precision(), s.recall(), s.mean())
		}
		t.Log("\n" + b.String())
		if split == "heldout" {
			s := results[split]["all"]
			if s.n == 0 {
				t.Fatal("no held-out answers")
			}
			checkTarget(t, "held-out Pearson r", pearson(s.scores, s.human), targetPearson)
			checkTarget(t, "held-out key-point precision", s.precision(), targetPrecision)
			checkTarget(t, "held-out key-point recall", s.recall(), targetRecall)
			checkTarget(t, "held-out gap between strong/paraphrased and keyword-stuffed/wrong means", high-low, targetGap)
			if fw := group(fluentWrongKinds...); !(fw <= targetFluentWrong) {
				t.Errorf("held-out fluent-but-wrong mean = %.1f, want ≤ %d", fw, targetFluentWrong)
			}
		}
	}
	if os.Getenv("GRILL_EVAL_DETAIL") != "" {
		for _, g := range all {
			if g.Split != "tune" {
				continue
			}
			var fp, fn []string
			for _, l := range g.labels {
				h := slices.Contains(g.Covered, l)
				if g.covered[l] && !h {
					fp = append(fp, l)
				}
				if !g.covered[l] && h {
					fn = append(fn, l)
				}
			}
			if len(fp)+len(fn) > 0 || math.Abs(float64(g.score)-20*g.HumanScore) > 30 {
				t.Logf("%s (%s) score=%d human=%v FP=%q FN=%q", g.ID, g.Kind, g.score, g.HumanScore, fp, fn)
			}
		}
	}
}

// targetDerivedPearson is the least held-out Pearson r of the labeled set
// graded with the curated key points removed (the path every imported deck
// takes).
const targetDerivedPearson = 0.84 // held 0.842 (aim 0.80)

// TestEvaluationDerived grades the labeled set against the built-in cards
// stripped of their curated key points and misconceptions, so that the score
// comes from the coverage of the whole reference answer, and holds the
// held-out Pearson r to targetDerivedPearson.
func TestEvaluationDerived(t *testing.T) {
	all := gradeLabeledWith(t, func(c *decks.Card, answer string) Result {
		bare := *c
		bare.KeyPoints, bare.Misconceptions = nil, nil
		return Grade(&bare, answer)
	})
	var b strings.Builder
	fmt.Fprintf(&b, "derived path (no curated key points)\n%-16s %4s %7s %10s %10s\n", "kind", "n", "r", "mean score", "mean human")
	var heldout *evalStats
	for _, split := range []string{"tune", "heldout"} {
		fmt.Fprintf(&b, "split=%s\n", split)
		for _, kind := range append(slices.Clone(evalKinds), "all") {
			s := &evalStats{}
			for _, g := range all {
				if g.Split == split && (kind == "all" || g.Kind == kind) {
					g.stale = true // key-point labels do not apply
					s.add(g)
				}
			}
			if s.n == 0 {
				continue
			}
			fmt.Fprintf(&b, "%-16s %4d %7.3f %10.1f %10.2f\n", kind, s.n, pearson(s.scores, s.human), s.mean(), s.sumHuman/float64(s.n))
			if split == "heldout" && kind == "all" {
				heldout = s
			}
		}
	}
	t.Log("\n" + b.String())
	if heldout == nil {
		t.Fatal("no held-out answers")
	}
	checkTarget(t, "held-out Pearson r on the derived path", pearson(heldout.scores, heldout.human), targetDerivedPearson)
}
