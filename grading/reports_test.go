package grading

import "testing"

// TestInsistedBeliefCorrected: what people like to insist on, worry about
// or explain, reported and then corrected, is denied.
func TestInsistedBeliefCorrected(t *testing.T) {
	c := builtinCard(t, "gnn/message-passing")
	const label = "Aggregate information from neighbours"
	x := "each node aggregates information from its neighbours"
	wantCovered(t, c, label, false,
		"People like to insist that "+x+", but in practice the graph is ignored.",
		"Many people tend to emphasize that "+x+", but the update step does the work.",
		"Some tutorials explain that "+x+", but that's a simplification.",
		"Everyone keeps repeating that "+x+", but the graph is ignored.",
		"You often hear that "+x+", but the graph is ignored.",
		"Textbooks will tell you that "+x+", but the graph is ignored.",
		"Common wisdom says "+x+", but the graph is ignored.",
		x+" is what people like to claim, but the graph is ignored.",
		"In theory "+x+", but in practice the graph is ignored.",
		"On paper "+x+"; in practice the graph is ignored.",
		"At first glance "+x+", but the graph is ignored.",
		"According to the textbooks, "+x+", but in practice the graph is ignored.",
		"You'd think "+x+", but the graph is ignored.",
		"Naively one would expect that "+x+", but the graph is ignored.",
		"Conventional wisdom has it that "+x+", but the graph is ignored.",
		"The textbook answer is that "+x+", but in practice the graph is ignored.",
	)
	wantCovered(t, c, label, true,
		"People like to insist on deep stacks, but "+x+".",
		"Textbooks will tell you that "+x+", and they are right.",
		"In theory and in practice, "+x+".",
		"According to Gilmer et al., "+x+".",
		"In theory "+x+", and in practice too.",
	)
}
