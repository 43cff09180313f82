// Package tex renders LaTeX maths as readable Unicode: it finds the maths
// spans ($…$ and $$…$$) in Markdown or plain text and turns each
// into Unicode text (h_v⁽ᵏ⁺¹⁾, √ᾱₜ). It is the bottom of grill's package graph
// and imports nothing from grill.
package tex
