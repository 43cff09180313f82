package grading

import (
	"strings"
	"testing"

	"grill/decks"
)

func TestParseWordNetErrors(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"# header\n\nx size big\n", "wordnet.txt:3: unknown relation kind \"x\""},
		{"t size\n", "wordnet.txt:1: relation \"t\" needs a lemma and at least one related lemma"},
		{"t size big\nm small Tiny\n", "wordnet.txt:2: \"Tiny\" is not a lower-case word"},
		{"a hot col_d\n", "wordnet.txt:1: \"col_d\" is not a lower-case word"},
	} {
		_, err := parseWordNet(tc.text)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parseWordNet(%q) = %v, want an error containing %q", tc.text, err, tc.want)
		}
	}
}

// hasLink reports whether word a relates to word b by kind k.
func hasLink(wn *wordNetData, a, b string, k byte) bool {
	for _, l := range wn.links[infoFor(a).term] {
		if l.term == infoFor(b).term && l.kind == k {
			return true
		}
	}
	return false
}

func TestParseWordNet(t *testing.T) {
	wn, err := parseWordNet("# comment\nt size big small\nm small tiny\na big little\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		a, b string
		k    byte
	}{
		{"size", "big", wnAttr},
		{"size", "large", wnAttr}, // the thesaurus joins large to big
		{"size", "small", wnAttr},
		{"small", "tiny", wnSimilar},
		{"big", "little", wnAnt},
	} {
		if !hasLink(wn, tc.a, tc.b, tc.k) {
			t.Errorf("%s -> %s: want kind %c, links %v", tc.a, tc.b, tc.k, wn.links[infoFor(tc.a).term])
		}
	}
	// A line relates its first lemma to the others, not the other way.
	if hasLink(wn, "tiny", "small", wnSimilar) || hasLink(wn, "big", "size", wnAttr) {
		t.Error("a relation read backwards")
	}
}

// The embedded file parses, carries the WordNet licence and says how it
// was made, is small, and holds the size and degree relations the grader
// relies on and none of the kinds measured and left out.
func TestEmbeddedWordNet(t *testing.T) {
	if _, err := parseWordNet(wordNetText); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"WordNet 3.0 Copyright 2006 by Princeton University", "GRILL_WORDNET=", "TestGenerateWordNet"} {
		if !strings.Contains(wordNetText, s) {
			t.Errorf("wordnet.txt lacks %q", s)
		}
	}
	if len(wordNetText) > 300<<10 {
		t.Errorf("wordnet.txt is %d bytes: keep it under 300 KB", len(wordNetText))
	}
	wn := wordNet()
	for _, tc := range []struct {
		a, b string
		k    byte
	}{
		{"size", "big", wnAttr},
		{"size", "small", wnAttr},
		{"temperature", "hot", wnAttr},
		{"small", "tiny", wnSimilar},
		{"hot", "cold", wnAnt},
	} {
		if !hasLink(wn, tc.a, tc.b, tc.k) {
			t.Errorf("wordnet.txt: %s -> %s: want kind %c", tc.a, tc.b, tc.k)
		}
	}
	for _, line := range strings.Split(wordNetText, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && !strings.Contains(wnGenKinds, line[:1]) {
			t.Fatalf("wordnet.txt holds a kind it should not: %q", line)
		}
	}
	if hasLink(wn, "normal", "mean", wnSimilar) || hasLink(wn, "temporary", "acting", wnSimilar) {
		t.Error("wordnet.txt relates adjectives outside size and degree")
	}
}

// On the derived path a value of a property says the property, at partial
// credit; negated, or where the question itself names the property, it
// earns nothing.
func TestWordNetAttribute(t *testing.T) {
	c := derivedCard("Why did Greta and Andre get different measurements when they measured with their hands?",
		"Their hands are different sizes.")
	related := Grade(c, "Greta has bigger hands.").Score
	other := Grade(c, "Greta has wetter hands.").Score
	exact := Grade(c, "Greta's hands are a different size.").Score
	negated := Grade(c, "Greta's hands are not bigger.").Score
	if !(other < related && related < exact) {
		t.Errorf("bigger %d for size: want between an unrelated word (%d) and size itself (%d)", related, other, exact)
	}
	if negated > other {
		t.Errorf("'not bigger' %d for size: want no credit (unrelated word %d)", negated, other)
	}
	// The property does not say which value: "size" is no "bigger".
	c = derivedCard("Why did Greta and Andre get different measurements when they measured with their hands?",
		"Greta has bigger hands.")
	if size, other := Grade(c, "Greta has hands of another size."), Grade(c, "Greta has hands of another colour."); size.Score != other.Score {
		t.Errorf("size %d for bigger: want what an unrelated word gets (%d)", size.Score, other.Score)
	}
	c = derivedCard("What size were their hands?", "Their hands are different sizes.")
	if related, other := Grade(c, "Greta has bigger hands."), Grade(c, "Greta has wetter hands."); related.Score != other.Score {
		t.Errorf("bigger %d for a size the question names: want what an unrelated word gets (%d)", related.Score, other.Score)
	}
}

// A similar size word says the reference's, at partial credit.
func TestWordNetSimilar(t *testing.T) {
	c := derivedCard("What happens to the rock when water freezes in its cracks over many winters?",
		"The rock breaks into small pieces.")
	related := Grade(c, "The rock breaks into tiny bits.").Score
	other := Grade(c, "The rock breaks into sharp bits.").Score
	exact := Grade(c, "The rock breaks into small bits.").Score
	if !(other < related && related < exact) {
		t.Errorf("tiny %d for small: want between an unrelated word (%d) and small itself (%d)", related, other, exact)
	}
}

// A value of a property earns nothing where it is the opposite of a word
// of the reference: "cold" says the temperature, not "hot ... temperature".
func TestWordNetOpposite(t *testing.T) {
	c := derivedCard("What did the thermometer show after the pan sat in the sun?",
		"The water was hot: its temperature rose.")
	opposite := Grade(c, "The water was cold: it rose.").Score
	other := Grade(c, "The water was clear: it rose.").Score
	if opposite > other {
		t.Errorf("cold %d where the reference says hot and temperature: want no credit (unrelated word %d)", opposite, other)
	}
	c = derivedCard("What did the thermometer show after the pan sat in the sun?", "Its temperature rose.")
	if cold, other := Grade(c, "The water got cold: it rose.").Score, Grade(c, "The water got clear: it rose.").Score; cold <= other {
		t.Errorf("cold %d for temperature alone: want above an unrelated word (%d)", cold, other)
	}
}

// Cards with curated key points blend the reference in without WordNet.
func TestWordNetDerivedOnly(t *testing.T) {
	c := &decks.Card{ID: "t/curated", Question: "Why did their measurements differ?", Answer: "Their hands are different sizes.",
		KeyPoints: []decks.KeyPoint{{Label: "Hand size differs", Phrasings: []string{"hand size"}, Weight: 1}}}
	m := matcherFor(c)
	for _, b := range m.blend {
		for _, rt := range b.terms {
			if rt.wn != nil {
				t.Errorf("curated card: %s has WordNet relations", m.terms[rt.id])
			}
		}
	}
	d := derivedCard(c.Question, c.Answer)
	m = matcherFor(d)
	found := false
	for _, b := range m.refs {
		for _, rt := range b.terms {
			found = found || rt.wn != nil
		}
	}
	if !found {
		t.Error("derived card: no WordNet relation for size")
	}
}

func BenchmarkParseWordNet(b *testing.B) {
	for range b.N {
		if _, err := parseWordNet(wordNetText); err != nil {
			b.Fatal(err)
		}
	}
}
