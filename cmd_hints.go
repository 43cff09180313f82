package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"grill/decks"
)

// closest returns the candidate nearest to word (case-insensitive edit
// distance, at most a third of the word's length and at least 2), or "" when
// none is near enough. A candidate that word is a prefix of, or that is a
// prefix of word, counts as near.
func closest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", max(2, len([]rune(w))/3)+1
	for _, c := range candidates {
		lc := strings.ToLower(c)
		d := editDistance(w, lc)
		if len(w) >= 3 && (strings.HasPrefix(lc, w) || strings.HasPrefix(w, lc)) {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// didYouMean is " (did you mean X?)" for the candidate nearest to word, or
// "".
func didYouMean(word string, candidates []string, format func(string) string) string {
	if c := closest(word, candidates); c != "" {
		return fmt.Sprintf(" (did you mean %s?)", format(c))
	}
	return ""
}

func quoted(s string) string { return fmt.Sprintf("%q", s) }

// topicIDs lists the ids of the library's topics.
func topicIDs(lib *decks.Library) []string {
	ids := make([]string, len(lib.Topics))
	for i, t := range lib.Topics {
		ids[i] = t.ID
	}
	return ids
}

// canonicalTopics spells each topic as the library does, case aside
// (GNN is gnn); unknown topics are left as given.
func canonicalTopics(lib *decks.Library, topics []string) []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = t
		for _, tp := range lib.Topics {
			if strings.EqualFold(tp.ID, t) {
				out[i] = tp.ID
				break
			}
		}
	}
	return out
}

// unknownTopic is the message for a topic the library lacks.
func unknownTopic(lib *decks.Library, t string) string {
	if c := closest(t, topicIDs(lib)); c != "" {
		return fmt.Sprintf("unknown topic %q: did you mean %q? (see 'grill decks')", t, c)
	}
	return fmt.Sprintf("unknown topic %q (see 'grill decks')", t)
}

// flagHint explains a flag parsing error: the flag nearest an unknown one,
// the unit a bare number of minutes lacks.
func flagHint(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		return didYouMean(name, names, func(s string) string { return "--" + s })
	}
	// invalid value "3" for flag -time: ...
	if rest, ok := strings.CutPrefix(msg, `invalid value "`); ok {
		v, rest, _ := strings.Cut(rest, `"`)
		name, _, _ := strings.Cut(strings.TrimPrefix(rest, " for flag -"), ":")
		f := fs.Lookup(name)
		if f == nil {
			return ""
		}
		if g, ok := f.Value.(flag.Getter); ok {
			if _, isDuration := g.Get().(time.Duration); isDuration {
				if _, err := strconv.ParseFloat(v, 64); err == nil {
					return fmt.Sprintf(" (a duration needs a unit: --%s %sm for minutes, %ss for seconds)", name, v, v)
				}
			}
		}
	}
	return ""
}

// commands are grill's sub-commands.
var commands = []string{"start", "decks", "grade", "report", "export", "version", "help"}

// hoistCommon moves the flags every command takes (--config, --deck,
// --only-decks) from before the command to after it, so that
// "grill --config F decks" works as "grill decks --config F".
func hoistCommon(args []string) []string {
	var common []string
	i := 0
	for i < len(args) {
		a := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || a == "--" {
			break
		}
		switch name {
		case "config", "deck":
			if !hasValue && i+1 < len(args) {
				common = append(common, a, args[i+1])
				i += 2
				continue
			}
		case "only-decks":
		default:
			return args // a session flag: the home screen's own
		}
		common = append(common, a)
		i++
	}
	if len(common) == 0 || i == len(args) {
		return args
	}
	isCmd := false
	for _, c := range commands {
		isCmd = isCmd || args[i] == c
	}
	if !isCmd {
		return args
	}
	rest := args[i:]
	// After the command and its sub-command word, before any "--".
	end := len(rest)
	for j, a := range rest {
		if a == "--" {
			end = j
			break
		}
	}
	out := append([]string{}, rest[:end]...)
	out = append(out, common...)
	return append(out, rest[end:]...)
}

// cardHint is " (did you mean ...?)" for the card id or question nearest
// to q, else a pointer to the list of questions.
func cardHint(lib *decks.Library, q string) string {
	var ids, texts []string
	for _, c := range lib.Cards() {
		ids = append(ids, c.ID)
		texts = append(texts, c.Question)
	}
	if c := closest(q, ids); c != "" {
		return fmt.Sprintf(": did you mean %s? (see 'grill decks --questions')", c)
	}
	if c := closest(q, texts); c != "" {
		return fmt.Sprintf(": did you mean %q? (see 'grill decks --questions')", c)
	}
	return " (see 'grill decks --questions')"
}
