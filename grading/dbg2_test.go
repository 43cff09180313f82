package grading

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"grill/decks"
)

func TestDbgOne(t *testing.T) {
	lib, _ := decks.Builtin()
	for _, l := range loadLabeled(t) {
		if l.ID != os.Getenv("ID") {
			continue
		}
		c, _ := lib.Card(l.Question)
		r := Grade(c, l.Answer)
		var b strings.Builder
		WriteText(&b, c, l.Answer, r)
		fmt.Println(b.String())
		toks := tokenize(l.Answer)
		fmt.Println("dump", dumpDegree(l.Answer, toks))
	}
}
