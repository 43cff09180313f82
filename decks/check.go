package decks

// Report is the outcome of validating deck files.
type Report struct {
	Files    int       // deck files read
	Topics   int       // topics found
	Cards    int       // cards found
	Problems []Problem // every problem, file by file, by line
}

// Check validates the deck files under paths (files, or folders of deck
// files) on their own, without the built-in decks, and returns every
// problem as file:line: message: bad front matter, questions or follow-ups
// without text or answer, duplicate ids (also across the files), key
// points and misconceptions without phrasing or with a bad weight, bad
// difficulties, probes naming no key point of the card, empty Also
// accepted or Sources items, heading levels that cannot be read as
// questions, unclosed <details>, and files without questions. Cards that
// declare Sources are also held to the rules of Lint.
func Check(paths []string) []Problem {
	return Validate(paths).Problems
}

// Validate is Check with counts, for a summary line such as
// "3 files, 3 topics, 25 cards: no problems".
func Validate(paths []string) Report {
	var r Report
	lib := &Library{}
	r.Problems = lib.loadPaths(paths, &r.Files, true, nil)
	r.Topics = len(lib.Topics)
	r.Cards = len(lib.Cards())
	return r
}
