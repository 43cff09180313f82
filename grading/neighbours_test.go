package grading

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"grill/decks"
)

// cfgAnswer is a good answer to "Explain classifier-free guidance", given
// to the negative-prompt card of the same topic.
const cfgAnswer = `Classifier-free guidance trains a single network both with the text condition and with an empty condition, dropping the prompt for roughly one example in ten. When sampling, each step evaluates the model twice, conditioned and unconditional, and moves from the unconditional prediction towards the conditional one by a guidance scale w of about 7.5. Larger w follows the prompt more closely but costs diversity.`

func builtinLib(t testing.TB) *decks.Library {
	t.Helper()
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	return lib
}

func covered(r Result, label string) bool {
	for _, p := range r.Points {
		if p.Label == label {
			return p.Covered
		}
	}
	return false
}

// An answer to a neighbouring card reads like it: the points it names only
// through that card's words are not covered.
func TestGradeAmongAnswerToNeighbour(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/negative-prompts")
	const label = "Replaces the unconditional branch of CFG"
	alone := Grade(c, cfgAnswer)
	if !covered(alone, label) || alone.ReadsLike != "" {
		t.Fatalf("Grade: %q covered %v, reads like %q; want covered, none (the case this rule is for)", label, covered(alone, label), alone.ReadsLike)
	}
	r := GradeAmong(c, Neighbours(lib, c), cfgAnswer)
	if r.ReadsLike != "diffusion/classifier-free-guidance" {
		t.Errorf("ReadsLike = %q, want diffusion/classifier-free-guidance", r.ReadsLike)
	}
	if r.ReadsLikeQuestion != "Explain classifier-free guidance" {
		t.Errorf("ReadsLikeQuestion = %q", r.ReadsLikeQuestion)
	}
	if covered(r, label) || r.Score >= alone.Score {
		t.Errorf("GradeAmong: %q covered %v, score %d (Grade %d); want not covered, lower", label, covered(r, label), r.Score, alone.Score)
	}
}

// An answer to the card asked that also explains its neighbour's idea is
// graded as Grade grades it.
func TestGradeAmongOwnAnswer(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/negative-prompts")
	answer := cfgAnswer + " A negative prompt takes the place of the empty prompt, so sampling is pushed away from what it describes."
	alone, r := Grade(c, answer), GradeAmong(c, Neighbours(lib, c), answer)
	if r.ReadsLike != "" || r.Score != alone.Score {
		t.Errorf("GradeAmong: reads like %q, score %d; want none, Grade's %d", r.ReadsLike, r.Score, alone.Score)
	}
}

// Every built-in card's reference answer, graded among its topic, reads
// like no other card.
func TestGradeAmongReferenceAnswers(t *testing.T) {
	lib := builtinLib(t)
	for _, c := range lib.Cards() {
		alone, r := Grade(c, c.Answer), GradeAmong(c, Neighbours(lib, c), c.Answer)
		if r.ReadsLike != "" || r.Score != alone.Score {
			t.Errorf("%s: reads like %q, score %d; want none, Grade's %d", c.ID, r.ReadsLike, r.Score, alone.Score)
		}
	}
}

// Without neighbours GradeAmong is Grade.
func TestGradeAmongNoNeighbours(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/negative-prompts")
	a, b := Grade(c, cfgAnswer), GradeAmong(c, nil, cfgAnswer)
	if a.Score != b.Score || b.ReadsLike != "" {
		t.Errorf("GradeAmong(nil) = %d %q, Grade = %d", b.Score, b.ReadsLike, a.Score)
	}
}

// A point stays covered when its evidence holds ownWords words of the asked
// card that the neighbour does not use; words of neither card do not count.
func TestDropNeighbourCover(t *testing.T) {
	toks := tokenize("zqalpha zqbeta zqgamma zqdelta")
	sig := func(words ...string) *cardSig {
		s := &cardSig{}
		for _, w := range words {
			s.terms = append(s.terms, sigTerm{sigID(tokenize(w)[0].term, true), 1})
		}
		sortSig(s)
		return s
	}
	all := Span{0, toks[len(toks)-1].end}
	for _, tc := range []struct {
		own, nb []string
		want    bool
	}{
		{[]string{"zqalpha", "zqbeta", "zqgamma"}, []string{"zqalpha"}, true},            // two own words
		{[]string{"zqalpha", "zqbeta", "zqgamma"}, []string{"zqalpha", "zqbeta"}, false}, // one
		{[]string{"zqalpha"}, []string{"zqalpha"}, false},                                // zqgamma, zqdelta: neither card's
	} {
		points := []PointResult{{Label: "p", Weight: 1, Covered: true, Spans: []Span{all}}}
		dropNeighbourCover(toks, points, sig(tc.own...), sig(tc.nb...))
		if points[0].Covered != tc.want {
			t.Errorf("own %v, neighbour %v: covered %v, want %v", tc.own, tc.nb, points[0].Covered, tc.want)
		}
	}
}

// A follow-up has no neighbours; a card has its topic's cards.
func TestNeighbours(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("gnn/message-passing")
	if got := Neighbours(lib, c); len(got) != 30 {
		t.Errorf("%d neighbours, want the 30 cards of gnn", len(got))
	}
	if len(c.FollowUps) > 0 {
		if got := Neighbours(lib, c.FollowUps[0]); got != nil {
			t.Errorf("follow-up: %d neighbours, want none", len(got))
		}
	}
	if Neighbours(nil, c) != nil {
		t.Error("nil library: want none")
	}
}

// grill grade's text and JSON name the card the answer reads like.
func TestReadsLikeOutput(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/negative-prompts")
	r := GradeAmong(c, Neighbours(lib, c), cfgAnswer)
	var b bytes.Buffer
	if err := WriteText(&b, c, cfgAnswer, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "reads like an answer to: Explain classifier-free guidance\n") {
		t.Errorf("text output:\n%s", b.String())
	}
	js, _ := json.Marshal(ResultJSON(c, r))
	if !strings.Contains(string(js), `"reads_like":"diffusion/classifier-free-guidance"`) {
		t.Errorf("JSON: %s", js)
	}
	var out bytes.Buffer
	line, _ := json.Marshal(map[string]string{"question": c.ID, "answer": cfgAnswer})
	if _, err := GradeBatch(lib, bytes.NewReader(line), &out, BatchOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"reads_like":"diffusion/classifier-free-guidance"`) {
		t.Errorf("batch: %s", out.String())
	}
}

// A short answer says too little to read like another card, however its
// few words fall ("steps" weighs more on another card of the topic than on
// the reparameterisation card), and it is still a right one.
func TestGradeAmongShortAnswer(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/reparameterization")
	const answer = "x_t comes directly from x_0 without walking through all the steps."
	alone, r := Grade(c, answer), GradeAmong(c, Neighbours(lib, c), answer)
	if alone.Score == 0 {
		t.Fatalf("Grade covers nothing: %+v", alone.Points)
	}
	if r.ReadsLike != "" || r.Score != alone.Score {
		t.Errorf("GradeAmong: reads like %q, score %d; want none, Grade's %d", r.ReadsLike, r.Score, alone.Score)
	}
}

// GradeAmong is safe for concurrent use, while vocabularies are built too.
func TestGradeAmongConcurrent(t *testing.T) {
	lib := builtinLib(t)
	c, _ := lib.Card("diffusion/negative-prompts")
	want := GradeAmong(c, Neighbours(lib, c), cfgAnswer)
	// Copies of the topic's cards, edited so their matchers are new.
	var nbs []*decks.Card
	for _, nb := range Neighbours(lib, c) {
		cc := *nb
		cc.Answer += " "
		nbs = append(nbs, &cc)
	}
	done := make(chan Result)
	for range 4 {
		go func() { done <- GradeAmong(c, nbs, cfgAnswer) }()
	}
	for range 4 {
		if r := <-done; r.Score != want.Score || r.ReadsLike != want.ReadsLike {
			t.Errorf("concurrent: %d %q, want %d %q", r.Score, r.ReadsLike, want.Score, want.ReadsLike)
		}
	}
}
