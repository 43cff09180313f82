package grading

import "sync"

// maxEdits is how many typing errors a word of n letters may carry and still
// match: none up to 4 letters (GCN, GAT, loss), one up to 8, two beyond.
func maxEdits(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 8:
		return 1
	default:
		return 2
	}
}

// editDistance returns the optimal-string-alignment (restricted
// Damerau–Levenshtein) distance between a and b, counting an insertion,
// deletion, substitution or swap of two adjacent bytes as one edit. Once the
// distance is certain to exceed limit it returns limit+1.
func editDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	if len(a) > 64 || len(b) > 64 {
		if a == b {
			return 0
		}
		return limit + 1
	}
	var rows [3][65]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			best = min(best, d)
		}
		if best > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

// commonStems holds the stems of commonWords and nearWords, so that
// "variants" (stem "variant") is known as an ordinary word and not read as
// a typo.
var commonStems = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, len(commonWords)+len(nearWords))
	for w := range commonWords {
		m[stem(w)] = true
	}
	for w := range nearWords {
		m[stem(w)] = true
	}
	return m
})

// nearWords are words of their own that lie within typing errors of a
// word of the domain: "production" is no typo of "prediction", "latency"
// none of "latent", "sentences" none of "sequences", LLaVA none of LLaMA.
var nearWords = setOf(`production productions induce induces induced latency latencies sentence sentences llava
predication reduction reductions`)
