package grading

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Compared subjects.
//
// In a comparison question ("RT-1 vs RT-2 architecture differences?",
// "Explain GCN, GraphSAGE, and GAT") key points are labelled with the
// subject they are about: "RT-1: trained on robot data". Such a point is
// covered only by a match said of that subject: the subject named nearest
// to the match (in the same clause, else earlier in the sentence, else
// later in it, else in an earlier sentence) must be the label's. An answer
// that swaps the attributes ("RT-2 was trained from scratch on robot
// data") does not cover "RT-1: trained on robot data". A subject named
// after "unlike", "than" or "vs" in another clause is passed over ("GAT,
// unlike GCN, learns attention weights" is about GAT), and so is one after
// "the same ... as" ("the same marginals as DDPM").
//
// When the labels name fewer than two subjects, a question that compares
// ("how does DAgger fix it", "X and Y", "why did X replace Y") gives them
// through the reference: its names that open sentences of the reference,
// each point being the subject's the reference says it of
// (compileReferenceSubjects). Such a point is not covered by words said of
// another subject named before them in their sentence; a sentence that
// names none is said of none.

// contrastWords introduce a subject the sentence is not about.
var contrastWords = setOf(`unlike than vs versus compared instead`)

// mention is one place where a subject is named.
type mention struct {
	first, last int32
	subject     int
	contrast    bool
}

// compileSubjects finds the subjects of a comparison question: label
// prefixes before a colon whose words all come from the question, when there
// are at least two of them.
func (m *cardMatcher) compileSubjects(question string) {
	qTerms := map[string]bool{}
	for _, t := range tokenize(question) {
		qTerms[t.term] = true
	}
	var keys []string
	index := map[string]int{}
	var named []string // the label prefixes before a colon
	for i := range m.points {
		if prefix, _, ok := strings.Cut(m.points[i].label, ":"); ok {
			named = append(named, strings.TrimSpace(prefix))
		}
	}
	for i := range m.points {
		prefix, _, ok := strings.Cut(m.points[i].label, ":")
		if !ok {
			// "DDIM 10-100x faster": a leading name in capitals is a subject too.
			label := strings.TrimSpace(m.points[i].label)
			first, _, _ := strings.Cut(label, " ")
			if upper := strings.Count(first, "") - 1 - len(strings.TrimFunc(first, unicode.IsUpper)); upper < 2 {
				continue
			}
			prefix = first
			// "CLIP score weak on composition" beside "CLIP score: ...": the
			// subject is the longer name another label gives it.
			for _, n := range named {
				if len(n) > len(prefix) && strings.HasPrefix(strings.ToLower(label), strings.ToLower(n)+" ") {
					prefix = n
				}
			}
		}
		var toks []token
		for _, t := range tokenize(prefix) {
			if !t.stop {
				toks = append(toks, t)
			}
		}
		if len(toks) == 0 || len(toks) > 3 || genericPrefix(toks) {
			continue
		}
		var terms []string
		for _, t := range toks {
			if !qTerms[t.term] {
				terms = nil
				break
			}
			terms = append(terms, t.term)
		}
		if terms == nil {
			continue
		}
		key := strings.Join(terms, " ")
		k, seen := index[key]
		if !seen {
			k = len(keys)
			index[key] = k
			keys = append(keys, key)
			var alts [][]int32
			if len(toks) == 1 {
				alts = m.subjectAlts(toks[0])
			} else {
				alts = m.groupAlts(toks, false)
			}
			m.subjects = append(m.subjects, alts)
		}
		m.points[i].subject = k
	}
	if len(m.subjects) >= 1 {
		m.addQuestionNames(question, index)
	}
	if len(m.subjects) < 2 {
		m.subjects = nil
		for i := range m.points {
			m.points[i].subject = -1
		}
		return
	}
	m.dropSharedAlts()
	m.dropSubjectNames()
}

// dropSharedAlts removes a way of naming a subject that names another
// subject too ("convolutional network" for both GCN and R-GCN), as long as
// the subject keeps another.
func (m *cardMatcher) dropSharedAlts() {
	key := func(seq []int32) string {
		var b strings.Builder
		for _, id := range seq {
			b.WriteString(strconv.Itoa(int(id)))
			b.WriteByte(' ')
		}
		return b.String()
	}
	owners := map[string]map[int]bool{}
	for k, alts := range m.subjects {
		for _, seq := range alts {
			if owners[key(seq)] == nil {
				owners[key(seq)] = map[int]bool{}
			}
			owners[key(seq)][k] = true
		}
	}
	for k, alts := range m.subjects {
		var kept [][]int32
		for _, seq := range alts {
			if len(owners[key(seq)]) == 1 {
				kept = append(kept, seq)
			}
		}
		if len(kept) > 0 && len(kept) < len(alts) {
			m.subjects[k] = kept // a subject keeps its names when all are shared
		}
	}
}

// subjectAlts returns the ways an answer may name a compared subject: the
// word, its one-word synonyms and the expansions of an abbreviation. A
// thesaurus phrase for it ("fixed graph" for transductive) says what the
// subject does, so it is evidence for a point, not the name the point is
// said of: "in the inductive setting ... the same fixed graph" is said of
// inductive learning.
func (m *cardMatcher) subjectAlts(t token) [][]int32 {
	alts := [][]int32{{m.intern(t)}}
	for _, seq := range m.synonymSeqs(t.term) {
		if len(seq) == 1 {
			alts = append(alts, seq)
		}
	}
	for _, exp := range abbreviations[t.word] {
		var seq []int32
		var words []string
		for _, et := range tokenize(exp) {
			if !et.stop {
				seq = append(seq, m.intern(et))
				words = append(words, et.word)
			}
		}
		if len(seq) > 0 {
			alts = append(alts, seq)
		}
		// "the attention network" for a graph attention network: the last
		// two words of a longer name ending in "network", unless they are
		// the generic "neural network".
		if n := len(seq); n >= 3 && words[n-1] == "network" && words[n-2] != "neural" {
			alts = append(alts, seq[n-2:])
		}
	}
	return alts
}

// genericPrefix reports whether a label prefix names a part of the answer
// ("Key difference:", "Trade-off:") rather than a compared subject.
func genericPrefix(toks []token) bool {
	for _, t := range toks {
		if !sectionWords[t.word] && !sectionWords[t.term] && t.word != "key" && t.word != "main" {
			return false
		}
	}
	return true
}

// addQuestionNames adds, as compared subjects without points of their own,
// the names the question sets beside a labelled subject: in "How do
// DeepWalk and node2vec learn node embeddings?" with a point "node2vec:
// biased walks", DeepWalk is a subject too, so "DeepWalk is the one with
// biased walks" is said of DeepWalk, not of node2vec. A name counts when
// it is written with several capitals or a capital and a digit, stands
// next to a labelled subject across "and", "or", "vs", "versus" or a
// comma, shares no word with a labelled subject ("CLIP" beside "CLIP
// score") and is no example (at most four words after "such", "like" or
// "e.g.": "graph transformers such as Graphormer and GraphGPS").
// index maps the labelled subjects' keys.
func (m *cardMatcher) addQuestionNames(question string, index map[string]int) {
	words := strings.Fields(question)
	clean := make([]string, len(words))
	keys := make([]string, len(words))
	var toks [][]token
	for i, w := range words {
		clean[i] = strings.Trim(w, ".,;:?!()'\"")
		var ts []token
		var terms []string
		for _, t := range tokenize(clean[i]) {
			if !t.stop {
				ts = append(ts, t)
				terms = append(terms, t.term)
			}
		}
		toks = append(toks, ts)
		keys[i] = strings.Join(terms, " ")
	}
	labelled := func(i int) bool {
		if i < 0 || i >= len(words) || keys[i] == "" {
			return false
		}
		_, ok := index[keys[i]]
		return ok
	}
	joins := func(w string) bool {
		switch strings.ToLower(w) {
		case "and", "or", "vs", "vs.", "versus":
			return true
		}
		return false
	}
	labelTerms := map[string]bool{}
	for k := range index {
		for _, t := range strings.Fields(k) {
			labelTerms[t] = true
		}
	}
	for i, w := range clean {
		if len(toks[i]) == 0 || len(toks[i]) > 3 || labelled(i) || !capitalName(w) {
			continue
		}
		if slices.ContainsFunc(toks[i], func(t token) bool { return labelTerms[t.term] }) {
			continue
		}
		example := false
		for q := max(0, i-4); q < i; q++ {
			example = example || strings.EqualFold(clean[q], "such") || strings.EqualFold(clean[q], "like") || strings.EqualFold(clean[q], "e.g")
		}
		if example {
			continue
		}
		beside := i >= 2 && joins(words[i-1]) && labelled(i-2) ||
			i >= 1 && strings.HasSuffix(words[i-1], ",") && labelled(i-1) ||
			i+2 < len(words) && joins(words[i+1]) && labelled(i+2) ||
			i+1 < len(words) && strings.HasSuffix(words[i], ",") && labelled(i+1)
		if !beside {
			continue
		}
		index[keys[i]] = len(m.subjects)
		if len(toks[i]) == 1 {
			m.subjects = append(m.subjects, m.subjectAlts(toks[i][0]))
		} else {
			m.subjects = append(m.subjects, m.groupAlts(toks[i], false))
		}
	}
}

// capitalName reports whether a written word is a name with several
// capitals or with a capital and a digit (DeepWalk, GCN, RT-1).
func capitalName(w string) bool {
	upper, digit := 0, false
	for _, r := range w {
		if unicode.IsUpper(r) {
			upper++
		}
		if unicode.IsDigit(r) {
			digit = true
		}
	}
	return upper >= 2 || upper >= 1 && digit
}

// compileQuestionSubjects finds the compared subjects of a card without
// curated key points in its question: two or more names written with
// several capitals or with a digit ("DDPM vs DDIM", "GCN, GraphSAGE, and
// GAT", "RT-1 vs RT-2").
func (m *cardMatcher) compileQuestionSubjects(question string) {
	seen := map[string]bool{}
	var subjects [][][]int32
	for _, f := range strings.FieldsFunc(question, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",;:?!()/", r)
	}) {
		f = strings.Trim(f, ".'\"")
		if !capitalName(f) {
			continue
		}
		var toks []token
		for _, t := range tokenize(f) {
			if !t.stop {
				toks = append(toks, t)
			}
		}
		if len(toks) == 0 || len(toks) > 3 {
			continue
		}
		key := ""
		for _, t := range toks {
			key += t.term + " "
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		if len(toks) == 1 {
			subjects = append(subjects, m.wordAlts(toks[0]))
		} else {
			subjects = append(subjects, m.groupAlts(toks, true))
		}
	}
	if len(subjects) >= 2 && len(subjects) <= 4 {
		m.subjects = subjects
	}
}

// dropSubjectNames removes, from the phrasings of a comparison card, the
// alternatives that only name a compared subject: naming GraphSAGE does not
// say that it samples and aggregates, though "GraphSAGE" abbreviates
// "sample and aggregate".
func (m *cardMatcher) dropSubjectNames() {
	names := map[int32]bool{}
	for _, alts := range m.subjects {
		for _, alt := range alts {
			if len(alt) == 1 {
				names[alt[0]] = true
			}
		}
	}
	for i := range m.points {
		pm := &m.points[i]
		kept := pm.variants[:0]
		for _, v := range pm.variants {
			ok := true
			for k := range v.slots {
				alts := v.slots[k].alts[:0:0]
				for _, alt := range v.slots[k].alts {
					if len(alt) != 1 || !names[alt[0]] {
						alts = append(alts, alt)
					}
				}
				v.slots[k].alts = alts
				ok = ok && len(alts) > 0
			}
			if ok {
				kept = append(kept, v)
			}
		}
		pm.variants = kept
	}
}

// findMentions records where the answer names each compared subject.
func (a *analysis) findMentions(m *cardMatcher) {
	a.nearOnly = m.refSubj
	for s, alts := range m.subjects {
		var items []item
		for _, alt := range alts {
			if len(alt) == 1 {
				for _, o := range a.occ[alt[0]] {
					items = append(items, item{o.first, o.last, int32(s)})
				}
				continue
			}
			items = a.appendSequences(items, alt, int32(s))
		}
		for _, it := range items {
			c := false
			// "Unlike DDIM, DDPM ...": the contrast word governs the name
			// of its own clause only.
			for q := int(it.first) - 1; q >= 0 && q >= int(it.first)-2 && a.toks[q].clause == a.toks[it.first].clause; q-- {
				if contrastWords[a.toks[q].word] {
					c = true
				}
			}
			// "the same marginals as DDPM" is a comparison, not about DDPM.
			if q := int(it.first) - 1; q > 0 && a.toks[q].word == "as" {
				for r := q - 1; r >= 0 && r >= q-4; r-- {
					if a.toks[r].word == "same" || a.toks[r].word == "similar" {
						c = true
					}
				}
			}
			a.mentions = append(a.mentions, mention{it.first, it.last, s, c})
		}
	}
	slices.SortFunc(a.mentions, func(x, y mention) int {
		return cmp.Or(cmp.Compare(x.first, y.first), cmp.Compare(x.last, y.last), cmp.Compare(x.subject, y.subject))
	})
	if len(a.mentions) >= 2 && a.formerLatter() {
		slices.SortFunc(a.mentions, func(x, y mention) int {
			return cmp.Or(cmp.Compare(x.first, y.first), cmp.Compare(x.last, y.last), cmp.Compare(x.subject, y.subject))
		})
	}
}

// formerLatter adds a mention for each "the former" and "the latter": the
// first and the second of the last two subjects named before it ("DDPM and
// DDIM. The former is stochastic"). It reports whether it added any.
func (a *analysis) formerLatter() bool {
	n := len(a.mentions)
	added := false
	for q := 1; q < len(a.toks); q++ {
		w := a.toks[q].word
		if w != "former" && w != "latter" || a.toks[q-1].word != "the" {
			continue
		}
		second, first := -1, -1
		for i := n - 1; i >= 0; i-- {
			mn := a.mentions[i]
			if mn.last >= int32(q) {
				continue
			}
			if second < 0 {
				second = mn.subject
			} else if mn.subject != second {
				first = mn.subject
				break
			}
		}
		if first < 0 {
			continue
		}
		s := first
		if w == "latter" {
			s = second
		}
		a.mentions = append(a.mentions, mention{int32(q), int32(q), s, false})
		added = true
	}
	return added
}

// attributed reports whether the match on tokens lo..hi is said of subject
// s, as far as the answer tells.
func (a *analysis) attributed(s int, lo, hi int32) bool {
	// Mentions are sorted by their first token; one overlapping lo..hi starts
	// at most a few tokens before lo.
	k, _ := slices.BinarySearchFunc(a.mentions, hi+1, func(mn mention, p int32) int { return cmp.Compare(mn.first, p) })
	other := false
	for i := k - 1; i >= 0 && a.mentions[i].first >= lo-8; i-- {
		if mn := a.mentions[i]; mn.last >= lo && mn.subject == s {
			return true // the match names its own subject
		} else if mn.last >= lo && mn.first >= lo {
			other = true
		}
	}
	if other && a.nearOnly {
		// "Classifier guidance instead gets an implicit classifier": the
		// match takes a word from the other subject's name.
		return false
	}
	if a.saidOfBoth(lo) {
		return true
	}
	got := a.subjectOfIn(lo, hi, true)
	return got < 0 || got == s
}

// saidOfBoth reports whether the sentence of token lo says, before it and
// before naming any subject, that it speaks of both ("Both use the same
// trained network", "In both, ...").
func (a *analysis) saidOfBoth(lo int32) bool {
	sent := a.toks[lo].sent
	k, _ := slices.BinarySearchFunc(a.mentions, lo, func(mn mention, p int32) int { return cmp.Compare(mn.first, p) })
	from := int32(0)
	if k > 0 {
		from = a.mentions[k-1].last + 1
	}
	for q := lo - 1; q >= from && a.toks[q].sent == sent; q-- {
		if w := a.toks[q].word; w == "both" || w == "either" {
			return true
		}
	}
	return false
}

// subjectOf returns the compared subject the words lo..hi are said of, or
// -1 when the answer names none: the subject named nearest before them in
// their clause, else nearest before them in their sentence, else nearest
// after them in it, else last in an earlier sentence, passing over one
// named in contrast ("unlike GCN") outside the clause.
func (a *analysis) subjectOf(lo, hi int32) int {
	return a.subjectOfIn(lo, hi, false)
}

// subjectOfIn is subjectOf; with topic set, an earlier sentence gives the
// subject it names first (its topic: "It is a myth that DDIM reuses the
// DDPM model. ... it skips timesteps" is about DDIM) rather than the one it
// names last.
func (a *analysis) subjectOfIn(lo, hi int32, topic bool) int {
	if len(a.mentions) == 0 {
		return -1
	}
	toks := a.toks
	sent, clause := toks[lo].sent, toks[lo].clause
	ms := a.mentions
	k, _ := slices.BinarySearchFunc(ms, lo, func(mn mention, p int32) int { return cmp.Compare(mn.first, p) })
	// Before lo: in the same clause, then the same sentence, then earlier.
	for i := k - 1; i >= 0; i-- {
		mn := ms[i]
		if mn.last >= lo {
			continue
		}
		c := toks[mn.first].clause
		if c == clause {
			return mn.subject
		}
		if c < clause {
			break
		}
	}
	for i := k - 1; i >= 0; i-- {
		mn := ms[i]
		if mn.last >= lo {
			continue
		}
		if toks[mn.first].sent != sent {
			break
		}
		if !mn.contrast {
			return mn.subject
		}
	}
	if a.nearOnly {
		// Subjects the labels do not name: a sentence is about one it
		// names before the words ("in distillation the point comes from
		// a teacher; in consistency training ..." says nothing of the
		// second), else about none (the answer may go on to what both
		// share).
		return -1
	}
	for i := k; i < len(ms); i++ {
		mn := ms[i]
		if mn.first <= hi {
			continue
		}
		if toks[mn.first].sent != sent {
			break
		}
		if !mn.contrast {
			return mn.subject
		}
	}
	found, in := -1, int32(-1)
	for i := k - 1; i >= 0; i-- {
		mn := ms[i]
		if mn.last >= lo || toks[mn.first].sent >= sent || mn.contrast {
			continue
		}
		if !topic {
			return mn.subject
		}
		if in >= 0 && toks[mn.first].sent != in {
			break
		}
		in, found = toks[mn.first].sent, mn.subject
	}
	return found
}

// compileReferenceSubjects finds the compared subjects of a card whose key
// point labels name fewer than two, from its question and its reference
// answer: a name of one or two words of the question that opens a sentence
// of the reference ("Classifier guidance (Dhariwal and Nichol) applies
// Bayes' rule ...", "**DAgger** collects data ...") is what that sentence
// speaks of. With two to four such names, each key point whose phrasings
// the reference says only of one of them (the subject of the sentence it
// is said in, or of the sentence before: subjectOf) is that subject's, so
// that "classifier-free guidance trains a classifier on noisy images" does
// not cover "Classifier trained on noisy images".
func (m *cardMatcher) compileReferenceSubjects(question, reference string) {
	if len(m.points) == 0 {
		return
	}
	if len(m.subjects) > 0 {
		// Labelled subjects: the points no label names may still be
		// said of one of them in the reference.
		m.pointSubjects(reference, true)
		return
	}
	qToks := tokenize(question)
	one, two := map[string]bool{}, map[string]bool{}
	content := func(t token) bool { return !t.stop && !t.number }
	for i, t := range qToks {
		if !content(t) {
			continue
		}
		one[t.term] = true
		if i+1 < len(qToks) && content(qToks[i+1]) {
			two[t.term+" "+qToks[i+1].term] = true
			if i+2 < len(qToks) && content(qToks[i+2]) {
				two[t.term+" "+qToks[i+1].term+" "+qToks[i+2].term] = true
			}
		}
	}
	a := m.analyzePooled(reference)
	var names [][]token
	seen := map[string]bool{}
	for i := 0; i < len(a.toks); i++ {
		if i > 0 && a.toks[i-1].sent == a.toks[i].sent {
			continue
		}
		// The sentence's first two words, past an article.
		j := i
		if a.toks[j].word == "the" || a.toks[j].word == "a" || a.toks[j].word == "an" {
			j++
		}
		if j >= len(a.toks) || a.toks[j].sent != a.toks[i].sent || a.toks[j].stop || a.toks[j].number {
			continue
		}
		var name []token
		if k := j + 1; k < len(a.toks) && a.toks[k].sent == a.toks[j].sent && content(a.toks[k]) &&
			two[a.toks[j].term+" "+a.toks[k].term] {
			name = []token{a.toks[j], a.toks[k]}
			// "classifier-free guidance": a third word of the question's name.
			if l := k + 1; l < len(a.toks) && a.toks[l].sent == a.toks[j].sent && content(a.toks[l]) &&
				two[a.toks[j].term+" "+a.toks[k].term+" "+a.toks[l].term] {
				name = append(name, a.toks[l])
			}
		} else if one[a.toks[j].term] && capitalName(reference[a.toks[j].start:a.toks[j].end]) {
			name = []token{a.toks[j]}
		}
		if name == nil {
			continue
		}
		var key string
		for _, t := range name {
			key += t.term + " "
		}
		if !seen[key] {
			seen[key] = true
			names = append(names, name)
		}
	}
	a.release()
	if len(names) < 2 || len(names) > 4 || !comparesNames(qToks, names) {
		return
	}
	// "graph-level tasks" and "node-level tasks": a last word of three
	// that every name ends with need not be written ("node-level on one
	// large graph").
	head := names[0][len(names[0])-1].term
	for _, name := range names {
		if len(name) < 2 || name[len(name)-1].term != head {
			head = ""
		}
	}
	for _, name := range names {
		if len(name) == 1 {
			m.subjects = append(m.subjects, m.subjectAlts(name[0]))
			continue
		}
		alts := append(m.groupAlts(name, true), m.abbreviationsOf(name)...)
		if len(name) == 3 && head != "" {
			alts = append(alts, m.groupAlts(name[:2], true)...)
		}
		m.subjects = append(m.subjects, alts)
	}
	m.pointSubjects(reference, false)
	// The names stay evidence for their points: the labels do not make
	// them subjects, and a point may be phrased by its method's name alone.
	m.dropSharedAlts()
	m.refSubj = true
}

// pointSubjects gives each key point (with unset, only those the labels
// gave none) the subject the reference says all its phrasings of: the one
// its label opens with ("CFG: ..."), else the subject of the sentences its
// matches stand in (subjectOf), or none when they differ.
func (m *cardMatcher) pointSubjects(reference string, unset bool) {
	a := m.analyzePooled(reference)
	defer a.release()
	if unset {
		// Beside labelled subjects, only a sentence that names its
		// subject before the words gives a point one: the reference's
		// sentences on what the methods share name several.
		a.nearOnly = true
	}
	for i := range m.points {
		pm := &m.points[i]
		if unset && pm.subject >= 0 {
			continue
		}
		// A label that opens with a subject's name ("CFG: implicit
		// classifier") is that subject's.
		// A label that names two ("Transformer = GNN on a complete
		// graph") relates them and is neither's.
		la := m.analyzePooled(pm.label)
		named := -1
		for _, mn := range la.mentions {
			if named >= 0 && mn.subject != named {
				named = -2
				break
			}
			named = mn.subject
		}
		opens := len(la.mentions) > 0 && la.mentions[0].first == 0
		la.release()
		if named == -2 {
			pm.subject = -1
			continue
		}
		if opens {
			pm.subject = named
			continue
		}
		subj, found := -1, false
		for k := range pm.variants {
			a.matchVariant(&pm.variants[k], func(sp Span, lo, hi int32, ok bool) bool {
				if !ok {
					return true
				}
				s := a.mentionIn(lo, hi)
				if s < 0 {
					s = a.subjectOfIn(lo, hi, true)
				}
				if s < 0 && unset {
					s = a.paragraphTopic(lo)
				}
				if !found {
					subj, found = s, true
				} else if s != subj {
					subj = -1
				}
				return true
			})
		}
		pm.subject = subj
	}
}

// paragraphTopic returns the subject whose name opens the paragraph of
// token lo ("**DiT** (Peebles and Xie): a plain Vision Transformer ...
// Conditioning worked best with adaLN-Zero"), or -1.
func (a *analysis) paragraphTopic(lo int32) int {
	start := strings.LastIndex(a.text[:a.toks[lo].start], "\n\n") + 1
	for _, mn := range a.mentions {
		if int(a.toks[mn.first].start) < start {
			continue
		}
		first := mn.first
		if first > 0 && a.toks[first-1].start >= start {
			return -1 // the paragraph opens with other words
		}
		return mn.subject
	}
	return -1
}

// abbreviationsOf returns the abbreviations whose expansion is the name
// ("CFG" for classifier-free guidance), each as a one-word alternative.
func (m *cardMatcher) abbreviationsOf(name []token) [][]int32 {
	var alts [][]int32
	for abbr, exps := range abbreviations {
		for _, exp := range exps {
			var terms []string
			for _, t := range tokenize(exp) {
				if !t.stop {
					terms = append(terms, t.term)
				}
			}
			if len(terms) != len(name) {
				continue
			}
			same := true
			for i, t := range name {
				same = same && terms[i] == t.term
			}
			if at := tokenize(abbr); same && len(at) == 1 {
				alts = append(alts, []int32{m.intern(at[0])})
			}
		}
	}
	slices.SortFunc(alts, func(x, y []int32) int { return cmp.Compare(x[0], y[0]) })
	return alts
}

// mentionIn returns the subject a mention inside tokens lo..hi names, or -1.
func (a *analysis) mentionIn(lo, hi int32) int {
	for _, mn := range a.mentions {
		if mn.first >= lo && mn.last <= hi {
			return mn.subject
		}
	}
	return -1
}

// comparisonCues are question words that set things side by side.
var comparisonCues = setOf(`compare compared comparison differ difference differences vs versus replace replaced instead fix fixes`)

// comparesNames reports whether the question compares the names: it has a
// word of comparison ("compare", "differ", "vs", "replace") or joins two
// of them with "and" or "or" ("how do domain randomization and system
// identification address it").
func comparesNames(q []token, names [][]token) bool {
	at := func(i int) int { // the name that starts at token i, or -1
		for k, name := range names {
			if i+len(name) > len(q) {
				continue
			}
			same := true
			for j, t := range name {
				same = same && q[i+j].term == t.term
			}
			if same {
				return k
			}
		}
		return -1
	}
	for i, t := range q {
		if comparisonCues[t.word] {
			return true
		}
		if k := at(i); k >= 0 {
			e := i + len(names[k])
			if e+1 < len(q) && (q[e].word == "and" || q[e].word == "or") {
				if o := at(e + 1); o >= 0 && o != k {
					return true
				}
			}
		}
	}
	return false
}
