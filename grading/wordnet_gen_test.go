package grading

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestGenerateWordNet derives wordnet.txt from a WordNet 3.0 database and
// checks that the embedded file is what the database gives:
//
//	GRILL_WORDNET=/usr/share/wordnet go test -run TestGenerateWordNet ./grading
//
// (Debian's wordnet-base installs the database there); GRILL_WNWRITE=1
// rewrites wordnet.txt instead. Without GRILL_WORDNET, or without a
// database in it, the test is skipped: CI needs no WordNet, the derived
// table is checked in. The output is deterministic. For trying other
// relation kinds (TestWordNetTune), GRILL_WNKINDS names them and
// GRILL_WNOUT the file to write.
func TestGenerateWordNet(t *testing.T) {
	dir := os.Getenv("GRILL_WORDNET")
	if dir == "" {
		t.Skip("set GRILL_WORDNET to a WordNet 3.0 dict directory (apt-get install wordnet-base: /usr/share/wordnet) to check or regenerate wordnet.txt")
	}
	if _, err := os.Stat(filepath.Join(dir, "data.noun")); err != nil {
		t.Skipf("no WordNet 3.0 database in %s (%v): wordnet.txt not checked", dir, err)
	}
	db, err := readWordNetDB(dir)
	if err != nil {
		t.Fatal(err)
	}
	kinds, out := wnGenKinds, os.Getenv("GRILL_WNOUT")
	if k := os.Getenv("GRILL_WNKINDS"); k != "" {
		kinds = k
	}
	text := db.relationsText(kinds)
	if _, err := parseWordNet(text); err != nil {
		t.Fatalf("the generated file does not parse: %v", err)
	}
	if out == "" && os.Getenv("GRILL_WNWRITE") != "" {
		out = "wordnet.txt"
	}
	if out != "" {
		if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes", out, len(text))
		return
	}
	if text != wordNetText {
		t.Errorf("wordnet.txt (%d bytes) is not what %s gives (%d bytes): rerun with GRILL_WNWRITE=1", len(wordNetText), dir, len(text))
	}
}

// What the generator keeps. A lemma relates only through its primary
// senses: the first sense of a part of speech (WordNet lists senses by
// their tagged frequency) that holds at least wnMinShare of the lemma's
// tagged counts (cntlist.rev) over every part of speech; a lemma never
// tagged, the first sense of its only part of speech. Grading matches stems
// whatever the part of speech, so the share is taken over all of them:
// "light" the noun, the adjective and the verb are one word to the grader.
// For the same reason, of the lemmas with one stem only the most often
// tagged keeps relations ("same", not "sameness"). A related lemma must be
// in a primary sense of its own in the related synset, and tagged at least
// wnMinTagged times (a word never seen in the concordance is one no answer
// says).
const (
	wnMinShare  = 0.25
	wnMinTagged = 1
	// wnGenKinds are the kinds wordnet.txt holds: those that earn credit
	// (wnCredit) and the antonyms that keep them from an opposite.
	wnGenKinds = "tma"
)

// wnSynset is one synset of the database.
type wnSynset struct {
	pos   byte     // n, v, a, s, r
	file  string   // lexicographer file number: 06 noun.artifact, 27 noun.substance, ...
	lemma []string // its words, lower case, "_" between the words of a collocation
	ptrs  []wnPtr
}

// wnPtr is one pointer of a synset: a relation to another synset, or from
// one of its words to a word of another (lexical: src, dst >= 1).
type wnPtr struct {
	sym      string
	target   string // "pos:offset"
	src, dst int
}

// wnDB is the part of a WordNet database the generator reads.
type wnDB struct {
	synsets map[string]*wnSynset // "pos:offset" -> synset (s is stored as a)
	senses  map[string][]string  // lemma -> its synsets, in each part of speech's sense order
	first   map[string]bool      // "lemma pos:offset" for the first sense of a lemma in a part of speech
	count   map[string]int       // "lemma pos:offset" -> tagged count
	posN    map[string]int       // "lemma pos" -> tagged count in that part of speech
	total   map[string]int       // lemma -> tagged count over every sense
	proper  map[string]bool      // lemmas written capitalised in some synset
	owner   map[string]string    // stem -> the lemma that speaks for it
}

func readWordNetDB(dir string) (*wnDB, error) {
	db := &wnDB{
		synsets: map[string]*wnSynset{},
		senses:  map[string][]string{},
		first:   map[string]bool{},
		posN:    map[string]int{},
		count:   map[string]int{},
		total:   map[string]int{},
		proper:  map[string]bool{},
	}
	// Sense keys by "lemma%type:file:lexid" (the head word of adjective
	// satellites left out), to find each synset word's tagged count.
	keyCount := map[string]int{}
	if err := eachLine(filepath.Join(dir, "cntlist.rev"), func(line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return fmt.Errorf("want 3 fields, got %d", len(f))
		}
		n, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		parts := strings.Split(f[0], ":")
		if len(parts) < 3 {
			return fmt.Errorf("bad sense key %q", f[0])
		}
		keyCount[strings.Join(parts[:3], ":")] += n
		return nil
	}); err != nil {
		return nil, err
	}
	typeNum := map[byte]string{'n': "1", 'v': "2", 'a': "3", 'r': "4", 's': "5"}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := eachLine(filepath.Join(dir, "data."+pos), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil // licence header
			}
			body, _, _ := strings.Cut(line, "|")
			f := strings.Fields(body)
			if len(f) < 4 {
				return fmt.Errorf("short synset line")
			}
			ss := &wnSynset{pos: f[2][0], file: f[1]}
			file := f[1]
			key := string(posOf(ss.pos)) + ":" + f[0]
			wc, err := strconv.ParseInt(f[3], 16, 32)
			if err != nil {
				return err
			}
			i := 4
			for range wc {
				if i+1 >= len(f) {
					return fmt.Errorf("short word list")
				}
				w := f[i]
				if k := strings.IndexByte(w, '('); k > 0 {
					w = w[:k] // adjective markers: (a), (p), (ip)
				}
				low := strings.ToLower(w)
				if low != w {
					db.proper[low] = true
				}
				lexID, err := strconv.ParseInt(f[i+1], 16, 32)
				if err != nil {
					return err
				}
				ss.lemma = append(ss.lemma, low)
				db.count[low+" "+key] += keyCount[fmt.Sprintf("%s%%%s:%s:%02d", low, typeNum[ss.pos], file, lexID)]
				i += 2
			}
			pc, err := strconv.Atoi(f[i])
			if err != nil {
				return err
			}
			i++
			for range pc {
				if i+3 >= len(f) {
					return fmt.Errorf("short pointer list")
				}
				st := f[i+3]
				src, _ := strconv.ParseInt(st[:2], 16, 32)
				dst, _ := strconv.ParseInt(st[2:], 16, 32)
				ss.ptrs = append(ss.ptrs, wnPtr{sym: f[i], target: string(posOf(f[i+2][0])) + ":" + f[i+1], src: int(src), dst: int(dst)})
				i += 4
			}
			db.synsets[key] = ss
			return nil
		}); err != nil {
			return nil, err
		}
		if err := eachLine(filepath.Join(dir, "index."+pos), func(line string) error {
			if strings.HasPrefix(line, "  ") {
				return nil
			}
			f := strings.Fields(line)
			if len(f) < 6 {
				return fmt.Errorf("short index line")
			}
			n, err := strconv.Atoi(f[2])
			if err != nil {
				return err
			}
			if n > len(f)-4 {
				return fmt.Errorf("synset count %d beyond the line", n)
			}
			for k, off := range f[len(f)-n:] {
				key := string(posOf(f[1][0])) + ":" + off
				db.senses[f[0]] = append(db.senses[f[0]], key)
				if k == 0 {
					db.first[f[0]+" "+key] = true
				}
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	for k, n := range db.count {
		lemma, key, _ := strings.Cut(k, " ")
		db.total[lemma] += n
		db.posN[lemma+" "+key[:1]] += n
	}
	// The grader matches stems, so lemmas with one stem are one word to it
	// ("sameness" is "same", "hotness" "hot"): only the most frequent of
	// them keeps its relations. (Words the thesaurus joins, big and large,
	// keep theirs each.)
	db.owner = map[string]string{}
	lemmas := make([]string, 0, len(db.senses))
	for l := range db.senses {
		lemmas = append(lemmas, l)
	}
	slices.Sort(lemmas)
	for _, l := range lemmas {
		if !wnWord(l) {
			continue
		}
		term := infoRaw(l).term
		if o, ok := db.owner[term]; !ok || db.total[l] > db.total[o] {
			db.owner[term] = l
		}
	}
	return db, nil
}

// posOf stores adjective satellites with the adjectives (their pointers
// name them "s" or "a" alike).
func posOf(p byte) byte {
	if p == 's' {
		return 'a'
	}
	return p
}

func eachLine(path string, fn func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// primary reports whether synset key is a primary sense of lemma (see
// wnMinShare), and the lemma the one that speaks for its stem ("acting",
// temporary, is no relation of "act").
func (db *wnDB) primary(lemma, key string) bool {
	if db.proper[lemma] || !wnWord(lemma) || wnVague[lemma] || db.owner[infoRaw(lemma).term] != lemma || !db.first[lemma+" "+key] {
		return false
	}
	total := db.total[lemma]
	if total == 0 {
		pos := map[byte]bool{}
		for _, k := range db.senses[lemma] {
			pos[k[0]] = true
		}
		return len(pos) == 1
	}
	return float64(db.posN[lemma+" "+key[:1]]) >= wnMinShare*float64(total)
}

// wnVague are determiners and quantifiers WordNet lists as adjectives:
// they say how many or which, not what, and relate to each other (each,
// all; other, another; such, much) more than to anything a reference
// means.
var wnVague = setOf(`all another any both certain each either every few many more most much neither other same several
some such whatever whichever`)

// wnConcrete are the lexicographer files of nouns for physical things
// (animal, artifact, body, food, object, plant, substance): their more
// specific nouns are kinds of the thing ("iron" is a metal), where those of
// abstract nouns are only loosely so ("sample" under "example").
var wnConcrete = map[string]bool{"05": true, "06": true, "08": true, "13": true, "17": true, "20": true, "27": true}

// propertyKey returns the synset of "property" as an attribute (the
// hypernym of "magnitude": size, weight, temperature, strength are
// properties).
func (db *wnDB) propertyKey() string {
	for _, k := range db.senses["magnitude"] {
		if ss := db.synsets[k]; ss != nil && k[0] == 'n' {
			for _, p := range ss.ptrs {
				if p.sym == "@" {
					return p.target
				}
			}
		}
	}
	return ""
}

// measurable reports whether synset key is a measurable property or an
// adjective of one: a noun under "property" (size, length, temperature,
// weight, degree), or an adjective whose cluster head is a value of such a
// noun (big, tiny, hot, heavy). Size and degree words relate to each other
// by similarity; other adjectives (normal, mean) only loosely.
func (db *wnDB) measurable(key, property string) bool {
	ss := db.synsets[key]
	if ss == nil || property == "" {
		return false
	}
	if ss.pos == 'n' {
		seen := map[string]bool{}
		var up func(k string, depth int) bool
		up = func(k string, depth int) bool {
			if k == property {
				return true
			}
			if depth > 12 || seen[k] {
				return false
			}
			seen[k] = true
			for _, p := range db.synsets[k].ptrs {
				if p.sym == "@" && up(p.target, depth+1) {
					return true
				}
			}
			return false
		}
		return up(key, 0)
	}
	if ss.pos != 'a' && ss.pos != 's' {
		return false
	}
	head := ss
	if ss.pos == 's' {
		for _, p := range ss.ptrs {
			if p.sym == "&" {
				head = db.synsets[p.target]
				break
			}
		}
	}
	if head == nil {
		return false
	}
	for _, p := range head.ptrs {
		if p.sym == "=" && db.synsets[p.target] != nil && db.synsets[p.target].pos == 'n' && db.measurable(p.target, property) {
			return true
		}
	}
	return false
}

// relationsText renders the relations of the given kinds (letters of
// wnKindNames) as wordnet.txt.
func (db *wnDB) relationsText(kinds string) string {
	rel := map[byte]map[string]map[string]bool{}
	add := func(kind byte, a, b string) {
		if a == b || !strings.ContainsRune(kinds, rune(kind)) || wnTerm(a) == wnTerm(b) {
			return
		}
		if rel[kind] == nil {
			rel[kind] = map[string]map[string]bool{}
		}
		if rel[kind][a] == nil {
			rel[kind][a] = map[string]bool{}
		}
		rel[kind][a][b] = true
	}
	// words adds every primary lemma of synset key as related to a.
	words := func(kind byte, a, key string) {
		to := db.synsets[key]
		if to == nil {
			return
		}
		for _, b := range to.lemma {
			if db.primary(b, key) && db.total[b] >= wnMinTagged {
				add(kind, a, b)
			}
		}
	}
	keys := make([]string, 0, len(db.synsets))
	for k := range db.synsets {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	property := db.propertyKey()
	for _, key := range keys {
		ss := db.synsets[key]
		measurable := db.measurable(key, property)
		for i, a := range ss.lemma {
			if !db.primary(a, key) {
				continue
			}
			words('s', a, key)
			for _, p := range ss.ptrs {
				lexical := p.src > 0
				if lexical && p.src != i+1 {
					continue // a relation of another word of the synset
				}
				to := db.synsets[p.target]
				if to == nil {
					continue
				}
				if lexical {
					if p.dst < 1 || p.dst > len(to.lemma) || !db.primary(to.lemma[p.dst-1], p.target) {
						continue
					}
					b := to.lemma[p.dst-1]
					switch p.sym {
					case "!":
						if measurable { // the only antonyms the kept relations need
							add('a', a, b)
						}
					case "+":
						add('d', a, b)
					case "\\":
						add('p', a, b)
					case "^", "$":
						add('v', a, b)
					}
					continue
				}
				switch {
				case p.sym == "&" && measurable:
					words('m', a, p.target)
					if ss.pos == 's' { // a satellite: the other satellites of its head
						for _, q := range to.ptrs {
							if q.sym == "&" && q.target != key {
								words('c', a, q.target)
							}
						}
					}
				case (p.sym == "@" || p.sym == "@i") && ss.pos == 'n':
					words('h', a, p.target)
				case (p.sym == "~" || p.sym == "~i") && ss.pos == 'n' && wnConcrete[ss.file]:
					words('o', a, p.target)
				case p.sym == "=" && ss.pos == 'n' && (measurable || db.measurable(p.target, property)):
					words('t', a, p.target)
				case p.sym == "^" || p.sym == "$":
					words('v', a, p.target)
				case p.sym == "*" || p.sym == ">":
					words('e', a, p.target)
				case p.sym == "!":
					words('a', a, p.target)
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString(wordNetHeader)
	for _, kind := range []byte(wnKindNames) {
		heads := make([]string, 0, len(rel[kind]))
		for h := range rel[kind] {
			heads = append(heads, h)
		}
		slices.Sort(heads)
		for _, h := range heads {
			others := make([]string, 0, len(rel[kind][h]))
			for o := range rel[kind][h] {
				others = append(others, o)
			}
			slices.Sort(others)
			fmt.Fprintf(&b, "%c %s %s\n", kind, h, strings.Join(others, " "))
		}
	}
	return b.String()
}

// wordNetHeader opens wordnet.txt: what it is, how it was made, and the
// WordNet licence, which must travel with every copy.
var wordNetHeader = `# grill's lexical relations, derived from WordNet 3.0 (see the licence below:
# it permits copying, modifying and distributing the database and derived data,
# with the copyright notice kept on every copy).
#
# Made by: GRILL_WORDNET=/usr/share/wordnet GRILL_WNWRITE=1 go test -run TestGenerateWordNet ./grading
# (Debian package wordnet-base) from data.*, index.* and cntlist.rev. Do not edit
# by hand: regenerate. Without GRILL_WNWRITE the test checks this file against the
# database.
#
# Kept: one-word lower-case lemmas of letters only, in their primary sense: the
# first sense of a part of speech holding at least ` + strconv.FormatFloat(wnMinShare, 'f', -1, 64) + ` of the lemma's tagged
# counts in cntlist.rev (a lemma never tagged: of its only part of speech); a
# related lemma must be tagged at least once. Only size and degree words: nouns
# that are a property (size, length, temperature, weight, level) and adjectives
# whose cluster is a value of one (big, small, tiny, hot, heavy).
#
# One relation a line: a kind letter, a lemma (a reference's word), the lemmas an
# answer may say it with.
#   t  attribute: a property and the adjectives that are its values ("=" pointers:
#      size, big little small; temperature, cold cool hot warm). Not the other way:
#      "size" does not say which.
#   m  similar adjectives ("&" pointers: small, tiny; tiny, small)
#   a  antonyms ("!" pointers: big, little): an answer word opposite to any word
#      of the reference earns nothing
#
# WordNet 3.0 licence:
#
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.

`
