package grading

// Results called spurious, and fixes called advertised.
//
// "The 3x improvement is an artefact of how they evaluated" says the
// improvement is not real: a result, gain or finding said to be an artefact
// (of something) is denied, like "the 3x improvement is a myth". Only a
// result is: "the blur is an artefact of the VAE" says where the blur comes
// from, and keeps it.
//
// "Rewiring is the usual advertised fix, but it wrecks the inductive bias"
// reports a fix others sell in order to correct it: a subject called the
// advertised, touted or so-called answer, then corrected by "but",
// "however" or the next sentence, is what others say, as "X is often
// described as Y, but ..." (passiveReport).

// resultNouns name a result, which "is an artefact" says is not real.
var resultNouns = setOf(`improvement improvements gain gains boost boosts speedup speedups advantage advantages jump jumps
increase increases win wins result results finding findings effect effects number numbers figure figures score scores
margin margins difference differences trend trends correlation correlations benefit benefits edge lift`)

// artefactWords call what they are said of a by-product of how it was made.
var artefactWords = setOf(`artefact artifact artefacts artifacts`)

// spuriousResult returns the end of "an artefact (of ...)" at token k, after
// a copula at token c whose clause's subject, tokens before c in the
// clause, names a result; or -1.
func spuriousResult(w *sentWords, toks []token, c, k, s1 int) int {
	if !artefactWords[w.at(k)] {
		return -1
	}
	result := false
	for q := c - 1; q >= w.s0 && toks[q].clause == toks[c].clause; q-- {
		if resultNouns[toks[q].word] {
			result = true
		}
	}
	if !result {
		return -1
	}
	end := k + 1
	for end < s1 && toks[end].clause == toks[k].clause && toks[end].word != "but" {
		end++ // "of how they evaluated"
	}
	return end
}

// hypeWords qualify a thing as what others sell or claim: "the advertised
// fix", "the so-called solution".
var hypeWords = setOf(`advertised touted hyped marketed supposed alleged purported claimed socalled fashionable trendy billed pitched hailed`)

// hypedAnswer returns the end of "is the (usual) advertised fix" at the
// copula at token k: a copula, at most three articles, belief adjectives
// or hedges, one of them a word of hype, and the noun after them; or -1.
func hypedAnswer(w *sentWords, k int) int {
	switch w.at(k) {
	case "is", "are", "was", "were", "s":
	default:
		return -1
	}
	q, hyped := k+1, false
	for n := 0; n < 4; n++ {
		switch {
		case hypeWords[w.at(q)] || w.at(q) == "so" && w.at(q+1) == "called":
			hyped = true
			if w.at(q) == "so" {
				q++
			}
		case w.lexAt(q)&lexArticle != 0 || w.lexAt(q)&lexBeliefAdj != 0 || w.lexAt(q)&lexHedge != 0 || w.at(q) == "most" || w.at(q) == "often":
		default:
			n = 4
			continue
		}
		q++
	}
	if !hyped || w.at(q) == "" {
		return -1
	}
	return q + 1
}
