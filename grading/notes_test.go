package grading

import "testing"

// TestClippedVerbsInNotes: a note typed with clipped verbs ("cond on obs",
// "exec first Ta", "enc img", "replanned") relates its terms; the same
// words as a bare list stay a list.
func TestClippedVerbsInNotes(t *testing.T) {
	c := builtinCard(t, "vla/diffusion-policy")
	note := "diffuses action chunk, cond on obs history via FiLM, exec first few actions, replanned each cycle, " +
		"stable train, scales to high-dim seqs, DDIM ~10 steps"
	if r := Grade(c, note); r.KeywordDump {
		t.Errorf("note read as a keyword dump: %+v", r)
	}
	for _, note := range []string{
		"enc img to tokens, concat with text, pred action tokens",
		"agg nbr msgs, upd each node with an MLP",
	} {
		if d := dumpDegree(note, tokenize(note)); d >= dumpThreshold {
			t.Errorf("%q: dump degree %.2f, want < %.2f", note, d, dumpThreshold)
		}
	}
	list := "cond, obs, exec, enc, img, pred, tokens, FiLM, DDIM, receding horizon"
	if d := dumpDegree(list, tokenize(list)); d < dumpThreshold {
		t.Errorf("%q: dump degree %.2f, want a list", list, d)
	}
}

// TestLabelledNotes: a note of labelled fields ("Fwd: ... Rev: ...", "GCN -
// ... GAT - ...", "pros: ...; cons: ...") relates the words after each
// label; one heading over a bare list, or fields labelled "key terms" and
// "concepts", stay a list.
func TestLabelledNotes(t *testing.T) {
	for _, note := range []string{
		"Fwd: add noise per beta_t. Rev: learned denoiser. Obj: MSE(eps, eps_theta). Sampler: ancestral, 1000 steps.",
		"GCN - fixed degree norm weights. SAGE - sample + agg, concat self. GAT - learned attn per edge, multi-head.",
		"pros: multimodal, stable; cons: slow sampling, many steps",
	} {
		if d := dumpDegree(note, tokenize(note)); d >= dumpThreshold {
			t.Errorf("%q: dump degree %.2f, want < %.2f", note, d, dumpThreshold)
		}
	}
	for _, list := range []string{
		"Key terms: message passing, aggregation, update, neighbours, GCN.",
		"Key terms: message passing, aggregation. Concepts: update, neighbours, GCN.",
		"GCN, GAT: attention, degree, weights, heads",
	} {
		if d := dumpDegree(list, tokenize(list)); d < dumpThreshold {
			t.Errorf("%q: dump degree %.2f, want a list", list, d)
		}
	}
}

// TestClippedWordsMatch: clipped words of notes match the words they clip
// ("enc img" the phrasing "encode the image", "action seq" "action
// sequence", "exec" "execute").
func TestClippedWordsMatch(t *testing.T) {
	for _, c := range []struct{ phrasing, answer string }{
		{"encode the image", "ViT: enc img -> patch tokens, then the LM reads them"},
		{"denoise an action sequence", "the policy denoises an action seq over 16 steps, conditioned on the image"},
		{"execute the first actions", "it will exec the first actions of each chunk and then replans"},
		{"language features", "FiLM layers take lang feats from the sentence encoder and scale the maps"},
	} {
		r := Grade(card([]string{"point", c.phrasing}), c.answer)
		if !r.Points[0].Covered {
			t.Errorf("%q: %+v, want %q covered", c.answer, r.Points[0], c.phrasing)
		}
	}
}

// TestContrastedNotes: opposite properties set against each other across
// "vs" relate their sides ("stochastic, 1000 steps (DDPM) vs
// deterministic, 50 steps (DDIM)"); names alone, or a bare pair of
// opposites in a list, stay a list.
func TestContrastedNotes(t *testing.T) {
	for _, note := range []string{
		"stochastic, 1000 steps (DDPM) vs deterministic, 50 steps, same model (DDIM)",
		"fixed weights (GCN) vs learned attn (GAT)",
	} {
		if d := dumpDegree(note, tokenize(note)); d >= dumpThreshold {
			t.Errorf("%q: dump degree %.2f, want < %.2f", note, d, dumpThreshold)
		}
	}
	for _, list := range []string{
		"GCN vs GAT vs GraphSAGE, attention, degree",
		"stochastic vs deterministic, DDPM, DDIM, 1000 steps, 50 steps",
		"DDPM vs DDIM, stochastic, deterministic, steps",
	} {
		if d := dumpDegree(list, tokenize(list)); d < dumpThreshold {
			t.Errorf("%q: dump degree %.2f, want a list", list, d)
		}
	}
}
