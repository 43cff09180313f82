package decks

import (
	"strconv"
	"strings"
	"testing"
)

// issue15Errata lists, for each built-in card corrected by the accuracy pass
// of issue 15, the key claims its notes must state (case-insensitive
// substrings of Card.Note). The reference answers stay as the seed has
// them, so a correction lives only in the notes; these claims keep it from
// being lost in a later edit.
var issue15Errata = []struct {
	id     string
	claims []string
}{
	// 1. GAT cost on par with GCN; per-edge attention × heads; GraphSAGE concatenates; GCN is no mean.
	{"gnn/gcn-graphsage-gat", []string{"O(|V|FF' + |E|F')", "on par with GCN", "every edge", "$K$ heads", "concatenating the node's own", "not a mean"}},
	// 2. Mean loses size; sum is injective over transformed features only (Lemma 5); attention is a weighted mean.
	{"gnn/readout", []string{"discards graph size", "Lemma 5", "suitably transformed features", "weighted mean"}},
	// 3. Over-squashing and trainability; few hops only on small-world graphs.
	{"gnn/shallow-depth", []string{"over-squashing", "Alon & Yahav", "Topping", "trainability", "small-world", "Long Range Graph Benchmark"}},
	// 4. Residuals only slow the collapse; GCNII needs initial residual plus identity mapping.
	{"gnn/over-smoothing", []string{"only slow the collapse", "GCNII", "initial residual", "identity mapping"}},
	// 5. Causal masks carry order.
	{"gnn/gnn-vs-transformer-rnn", []string{"causal mask", "Haviv", "$O(n^2)$", "$O(|E|)$", "state-space"}},
	// 6. Score of p_t; ε-prediction chosen for sample quality; ill-conditioned at low SNR, hence v.
	{"diffusion/prediction-target", []string{`\log p_t(x_t)`, "sample quality", "not their argument", "low signal-to-noise", "Salimans & Ho"}},
	// 7. DDIM 10–50×; seconds per image depend on hardware.
	{"diffusion/ddpm-vs-ddim", []string{"10× to 50×", "not 10–100×", "hardware"}},
	// 8. DALL-E (2021) was autoregressive over dVAE tokens; DALL-E 2 is diffusion.
	{"diffusion/diffusion-vs-gan-vae", []string{"original DALL-E", "autoregressively", "dVAE", "DALL-E 2"}},
	// 9. The FID win at 256² used classifier guidance, which trades diversity for fidelity.
	{"diffusion/quality-vs-gans", []string{"classifier guidance", "diversity for fidelity", "4.59", "6.95"}},
	// 10. Stable Diffusion's autoencoder: small KL weight, perceptual and patch-GAN losses; trained once, frozen; cross-attention.
	{"diffusion/latent-diffusion", []string{"not a plain VAE", "perceptual loss", "patch-based adversarial", "small KL penalty", "frozen", "cross-attention"}},
	// Missing point: classifier-free guidance as an implicit classifier, two passes per step.
	{"diffusion/classifier-free-guidance", []string{`\nabla_x \log p(c|x)`, "implicit classifier", "two network evaluations", "without training a separate classifier"}},
	// 11. RT-2 reuses existing tokens; RT-1 already emits 256-bin tokens.
	{"vla/rt1-vs-rt2", []string{"RT-1 already discretises", "256 bins", "adds no new tokens"}},
	// 12. 62% vs 32% is the generalisation evaluation; emergent skills about 3×.
	{"vla/rt2-emergent", []string{"not for emergent tasks", "unseen objects, backgrounds and environments", "about 2×", "about 3×"}},
	// 13. No frozen-VLM experiment in RT-2; its ablation is scratch / fine-tune / co-fine-tune.
	{"vla/co-fine-tuning", []string{"not an RT-2 result", "training from scratch", "co-fine-tuning best", "OpenVLA"}},
	// 14. Cross-embodiment transfer after Open X-Embodiment; limited, not absent.
	{"vla/limitations", []string{"Open X-Embodiment", "Octo, OpenVLA and π0", "limited transfer", "no new motor skills"}},
	// Missing points: tokenisation is one design; FiLM per channel with identity init; link prediction recipe.
	{"vla/key-innovation", []string{"one design", "flow-matching", "web-pretrained vision-language model"}},
	{"vla/film", []string{"per feature channel", "shared across all spatial positions", "identity"}},
	{"gnn/task-levels", []string{"negative samples", "must be removed from the graph that message passing sees"}},
}

// TestIssue15Errata checks that every erratum of the accuracy pass is in
// its card's notes.
func TestIssue15Errata(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range issue15Errata {
		c, ok := lib.Card(e.id)
		if !ok {
			t.Errorf("%s: no such built-in card", e.id)
			continue
		}
		note := strings.ToLower(c.Note)
		for _, claim := range e.claims {
			if !strings.Contains(note, strings.ToLower(claim)) {
				t.Errorf("%s (%s:%d): notes do not state %q", e.id, c.Source, c.Line, claim)
			}
		}
	}
}

// errorRewardingPhrasings are the phrasings issue 15 found giving credit for
// the very errors the notes correct, or for words any answer contains. None
// may stand alone as a phrasing of a built-in key point, misconception or
// follow-up point; inside a longer phrasing that scopes them they are fine.
var errorRewardingPhrasings = []string{
	"no pretraining", "without pretraining", "likelihood", "learned weights",
	"encoder", "decoder", "self-attention", "scales well",
	"normalization", "regularization", "pools", "gathers", "collects",
	"clean image", "original image", "equivalent", "adversarial",
	"slow", "slower", "scaling", "scales to", "GPU", "TPU", "planning",
	"semantic", "unseen", "mixture of", "ᾱ", "alpha_bar", "alpha bar", "abar",
	"pipeline", "256", "CNN", "previous step",
}

// issue15OldLabels are the key point labels issue 15 found wrong or
// misleading; the accuracy pass renamed every one of them.
var issue15OldLabels = []string{
	"GAT: costlier", "GCN vs GraphSAGE examples", "Mean handles varying graph size",
	"Small-world: few hops suffice", "Noise target trains stably", "DDIM 10-100x faster",
	"Action tokenisation", "62% vs 32% on novel tasks", "Frozen VLM plus head underperforms",
	"Domain gap (sim-to-real, web)", "Fixed morphology",
}

// phrasingKey folds the spelling differences the grader ignores anyway
// (case, spacing, -ise/-ize, a plural s), so that "Normalisation" and
// "GPUs" count as the listed "normalization" and "GPU".
func phrasingKey(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.ReplaceAll(s, "isation", "ization")
	if len(s) > 3 && strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") {
		s = s[:len(s)-1]
	}
	return s
}

// TestNoErrorRewardingPhrasings checks the built-in decks against the
// phrasings and labels issue 15 listed.
func TestNoErrorRewardingPhrasings(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{}
	for _, p := range errorRewardingPhrasings {
		bad[phrasingKey(p)] = p
	}
	oldLabel := map[string]bool{}
	for _, l := range issue15OldLabels {
		oldLabel[l] = true
	}
	check := func(c *Card, kind string, points []KeyPoint) {
		for _, kp := range points {
			if kind == "key point" && oldLabel[kp.Label] {
				t.Errorf("%s:%d: %s keeps the wrong label %q", c.Source, kp.Line, c.ID, kp.Label)
			}
			for _, p := range kp.Phrasings {
				if listed, ok := bad[phrasingKey(p)]; ok {
					t.Errorf("%s:%d: %s %s %q has the bare phrasing %q (issue 15 lists %q)", c.Source, kp.Line, c.ID, kind, kp.Label, p, listed)
				}
			}
		}
	}
	n := 0
	for _, c := range lib.Cards() {
		for _, cc := range append([]*Card{c}, c.FollowUps...) {
			check(cc, "key point", cc.KeyPoints)
			check(cc, "misconception", cc.Misconceptions)
			n++
		}
	}
	if n < 25 {
		t.Fatalf("checked %d cards, want at least the 25 built-in ones", n)
	}
}

// TestBuiltinCurated holds the 25 built-in cards to the shape of the
// accuracy pass: their own difficulty 1–3; at most 8 phrasings per key
// point or misconception; 2–4 misconceptions; 1–2 follow-ups, each probing
// a key point of its card by its exact label, with a 60–150 word reference
// answer and 2–4 key points. (Lint's rules for sourced cards do not apply:
// the seed's reference answers are not ours to lengthen.)
func TestBuiltinCurated(t *testing.T) {
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range lib.Cards() {
		where := func(line int) string { return c.Source + ":" + itoa(line) + ": " + c.ID }
		if c.ownDifficulty < 1 || c.ownDifficulty > 3 || c.Difficulty != c.ownDifficulty {
			t.Errorf("%s: difficulty %d (own %d), want its own 1–3", where(c.Line), c.Difficulty, c.ownDifficulty)
		}
		if n := len(c.Misconceptions); n < 2 || n > 4 {
			t.Errorf("%s: %d misconceptions, want 2–4", where(c.Line), n)
		}
		if n := len(c.FollowUps); n < 1 || n > 2 {
			t.Errorf("%s: %d follow-ups, want 1–2", where(c.Line), n)
		}
		labels := map[string]bool{}
		for _, kp := range c.KeyPoints {
			labels[kp.Label] = true
		}
		for _, cc := range append([]*Card{c}, c.FollowUps...) {
			for _, kp := range append(append([]KeyPoint{}, cc.KeyPoints...), cc.Misconceptions...) {
				if len(kp.Phrasings) > MaxPhrasings {
					t.Errorf("%s: %q has %d phrasings, want at most %d", where(kp.Line), kp.Label, len(kp.Phrasings), MaxPhrasings)
				}
			}
		}
		for _, f := range c.FollowUps {
			if !labels[f.Probes] {
				t.Errorf("%s: follow-up %q probes %q, not a key point label of its card", where(f.Line), f.Question, f.Probes)
			}
			if n := len(strings.Fields(f.Answer)); n < 60 || n > 150 {
				t.Errorf("%s: follow-up %q has a %d-word answer, want 60–150", where(f.Line), f.Question, n)
			}
			if n := len(f.KeyPoints); n < 2 || n > 4 {
				t.Errorf("%s: follow-up %q has %d key points, want 2–4", where(f.Line), f.Question, n)
			}
		}
	}
}

// itoa formats a line number.
func itoa(n int) string { return strconv.Itoa(n) }
