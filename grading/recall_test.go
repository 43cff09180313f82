package grading

import (
	"testing"

	"grill/decks"
)

// TestRecallVariants checks the ways an answer may word a key point that
// the matcher accepts beyond stems and spelling: function words between a
// phrasing's words, shorthands and everyday words of the shared thesaurus,
// irregular verb forms, "un-" words said with "not", and number notation;
// and the near misses it must still refuse.
func TestRecallVariants(t *testing.T) {
	tests := []struct {
		phrasing, answer string
		want             bool
	}{
		// function words between the words of a phrasing count half
		{"whole graph during training", "the whole graph including test nodes is used in training", true},
		{"predict the noise", "the network predicts at each step the noise", true},
		{"predict the noise", "it predicts x_0, and the noise is only used to build x_t", false},
		{"predict the noise", "it predicts the image and then the weights of the schedule and the noise", false},
		// thesaurus: shorthands and everyday words
		{"human demonstrations", "with human demos that is a problem", true},
		{"conditional minus unconditional", "guided = uncond + s * (cond - uncond)", true},
		{"multimodal distribution", "CE can represent multimodal dists", true},
		{"compressed latent", "denoise on those compact codes", true},
		{"errors accumulate", "errors pile up along the ODE", true},
		{"errors accumulate", "the error snowballs", true},
		{"more tokens", "hundreds of extra tokens per step", true},
		{"inversion", "an invertible map from images to noise", true},
		{"max pooling", "maximum pooling over the nodes", true},
		{"transfers to robotics", "web knowledge carries over to robotics", true},
		{"image-text pairs", "picture-text pairs from the web", true},
		{"injective aggregation", "the aggregation must be one-to-one on multisets", true},
		{"bounded by the WL test", "its power is capped by the WL test", true},
		{"decays exponentially", "the energy shrinks exponentially with depth", true},
		{"symmetric relations", "symmetric predicates such as married_to", true},
		{"diverse environments", "collect in many diverse envs", true},
		{"frames together", "all frames are denoised jointly", true},
		// elementary science (SemEval SciEntsBank training answers)
		{"heats faster", "the black one gets hot faster", true},
		{"launch the ball", "the spot where you throw the ball", true},
		{"a separate shelter", "a separate home for each lizard", true},
		{"a shelter for the lizard", "another house for the lizard", true},
		{"gas is produced", "carbon dioxide is produced", true},
		{"scratch", "the softer coin shows a mark", true},
		{"more mass", "the full cup weighs more", true},
		{"the same mass", "they weigh the same", true},
		{"probability mass", "probability weights", false}, // weight is a parameter, not a mass
		{"the salt dissolves", "the salt disappears in the water", true},
		{"the eggshells dissolved", "the eggshells went away", true},
		{"the embryo grows", "the baby plant grows", true},
		// "vs" only sets the sides apart
		{"structural vs positional", "LapPE is positional, RWSE structural", true},
		{"vs snapshots", "it works on snapshots", false},
		{"angles inferred from distances", "angular information is inferred from distances", true},
		{"post-hoc", "an after-the-fact explainer", true},
		{"1x1 conv", "1×1 convolutions", true},
		{"pretrained VLM", "a pretrained image-and-text model", true},
		{"standard Gaussian", "ends as a standard normal", true},
		{"standard normal", "it adds Gaussian noise", false}, // a qualified synonym is no synonym of the bare word
		{"Bin each dimension, 256 bins", "each dimension goes into one of 256 buckets", true},
		{"web data", "trained on internet data", true},
		{"slow inference", "it is slow at test time", true},
		{"fixed coefficients", "constant coefficients set by the degrees", true},
		{"node features", "node attributes", true},
		{"needs labels", "requires labels", true},
		{"bounded by WL", "bounded by the Weisfeiler-Lehman test", true},
		{"many network evaluations", "needs many NFEs", true},
		{"action vocabulary", "reuses the action vocab", true},
		{"autoregressive decoding", "AR decoding of the tokens", true},
		{"one token per dimension", "one token per coordinate", true},
		{"empty prompt", "the caption is blanked", true},
		{"compressed into a fixed-size vector", "squashed into one fixed-size vector", true},
		{"over-squashing", "oversquashing", true},
		{"teleoperation data", "teleop data", true},
		{"divide by alpha", "the error grows through the division by alpha", true},
		{"reduces memory", "a large reduction in memory", true},
		{"failure modes", "it fails in two modes", true},
		{"data mixture", "mix the data", false}, // a mixture is a thing of its own in chemistry
		{"growth of the receptive field", "the receptive field grows", true},
		{"hard to train", "the min-max game is finicky to train", true},
		{"blurry samples", "their samples come out smeared", true},
		{"sharp images", "crisp images", true},
		{"distinguish graphs", "tell the graphs apart", true}, // a phrasal verb's object may stand inside it
		{"distinguish graphs", "cannot tell apart the two graphs", false},
		{"sum the vectors", "add the node vectors up", true},
		{"sum the vectors", "add noise to the vectors, then pick up the graph", false},
		{"distinguish graphs", "it can tell apart two graphs", true},
		{"single forward pass", "one network call per sample", true},
		{"attends to neighbours", "attention over the neighbours", true},
		{"graph structure", "the graph topology", true},
		{"trainable copy", "a trainable clone of the encoder", true},
		{"multiset of neighbour labels", "a bag of neighbour labels", true},
		{"sim-to-real", "the simulation-to-real gap", true},
		// the period of e.g., i.e. or et al. ends no sentence
		{"MPNN with global attention", "each layer runs a local MPNN, e.g. GINE, with global attention", true},
		{"MPNN with global attention", "each layer runs a local MPNN, GINE. With global attention", false},
		// w/o is without
		{"no retraining", "it works w/o retraining", true},
		{"retrain the model", "it works w/o retraining the model", false},
		// a count variable may be a number, except in a name
		{"k-hop", "each node sees its 2-hop neighbourhood", true},
		{"L-hop neighbourhood", "the 3-hop neighbourhood", true},
		{"k-WL", "the 1-WL test", false},
		{"k-hop", "its two-hop neighbourhood", true},
		{"amplifies errors", "any error in eps is blown up by 1/a", true},
		{"image-text pairs", "it has read billions of captioned pictures", true},
		{"knowledge transfer", "its understanding of objects carries over", true},
		{"out-of-distribution", "masked graphs are off-distribution for the model", true},
		{"out-of-distribution", "the masked inputs are OOD", true},
		{"byte-pair encoding", "then BPE merges frequent pairs", true},
		{"graph isomorphism network", "GIN sums and applies an MLP", true},
		{"LoRA", "a low-rank adapter", true},
		{"DDPM needs 1000 steps", "ancestral sampling needs 1000 steps", true},
		{"GAT layers", "the attention network's layers score every edge", true},
		// note-taking shorthands
		{"message function", "msg fn = MLP on both ends", true},
		{"image embedding", "img emb from the ViT", true},
		{"Stable Diffusion", "SD's VAE", true},
		{"information from distant nodes", "info from distant nodes gets squashed", true},
		// derived forms Snowball leaves apart
		{"training stability", "training is more stable", true},
		{"scales to large graphs", "it is scalable to large graphs", true},
		{"symmetric relations", "relations with symmetry", true},
		// British -ising and -ysing forms are the -izing ones
		{"normalizing the features", "normalising the features", true},
		{"randomizing textures", "randomising the textures", true},
		{"analyzing the errors", "analysing the errors", true},
		{"element-wise max", "take the coordinate-wise maximum", true},
		{"hand-engineered pipeline", "a pipeline programmed by hand", true},
		{"permutation invariant readout", "an order-agnostic readout", true},
		{"guidance scale", "raise the guidance strength", true},
		{"data hungry", "VLAs are sample-inefficient", true},
		// per, each and every are one word; "per" stays before its noun
		{"twice per step", "each step it runs the network twice", true},
		{"one weight matrix per relation", "one weight matrix for every relation", true},
		{"noise level per step", "noise is added at each step", false},
		{"per node", "each node's embedding is pooled into one vector", false}, // "each node" is said of anything on a graph
		{"each node keeps a memory", "a memory vector per node", false},
		{"per relation", "it adds a relation vector to each message", false},
		{"twice per step", "at each sampling step you run it twice", true},
		// an un- word said with "not"
		{"unconnected pairs", "pairs that are not connected serve as negatives", true},
		{"unconnected pairs", "the connected pairs", false},
		// inflections, abbreviations and everyday synonyms of the thesaurus
		{"non-Markovian", "the forward process is reinterpreted as a non-Markov one", true},
		{"iterative", "repeat the experiment", false}, // iterate is no thesaurus synonym of repeat
		{"far-away nodes", "tasks that need information from distant nodes", true},
		{"proportions", "the signal-to-noise ratio", false}, // a ratio is no proportion
		{"KL divergence", "plus KL to the N(0, I) prior", true},
		{"reparameterisation", "a reparam sample per node", true},
		{"standard deviation", "report the mean and std over seeds", true},
		{"PR-AUC", "use auprc on imbalanced data", true},
		{"ROC-AUC", "AUROC saturates near 1", true},
		{"weights from degrees", "the weight comes from deg u and deg v", true},
		{"small offset", "the distribution shift", false}, // shift and offset are not one word
		{"action sequence", "it diffuses the action seq", true},
		{"whole model", "a full distribution model", false}, // full is not whole
		{"action statistics", "new action norm stats for the robot", true},
		{"megabytes", "the file is a few MB", true},
		{"added to the residual blocks", "added into the ResNet blocks", true},
		{"last timestep", "the final timestep", false}, // last is not final (the last step before this one)
		{"mask channel", "the mask as extra chans", true},
		{"too wide", "randomising too broadly", true},
		{"too narrow", "randomising too narrowly", true},
		{"react to perturbations", "it reacts late to disturbances", true},
		{"original weights unchanged", "the original weights stay untouched", true},
		{"sparse matrix multiplication", "one sparse-dense matmul", true},
		{"KV cache", "its keys/values are computed once and cached", true},
		{"closed form", "the linear part is solved analytically", true},
		{"performance drops", "acc drops after a few layers", true},
		{"average of neighbours", "the avg of the nbrs", true},
		{"head + relation", "head + rel lands near the tail", true},
		{"recognise people", "it recognises ppl", true},
		{"select a skill", "the LLM picks the next skill", true},
		{"meta-paths chosen by hand", "someone has to pick the meta-paths by hand", true},
		{"dot product of embeddings", "the inner product of the two embeddings", true},
		{"dot product of embeddings", "node vectors, and a scorer (dot product or an MLP)", true},
		{"multi-head", "a transformer with multiple heads", false}, // heads of any attention are no multi-head GAT
		{"high-dimensional", "it scales to high-dim action sequences", true},
		// the period of a note's shorthand ends no sentence
		{"two DDIM steps", "teacher: 2 DDIM (det.) steps -> target", true},
		{"two DDIM steps", "it takes 2 DDIM. Ten steps later", false},
		// everyday synonyms and shorthands of notes
		{"added to the decoder", "the condition is injected into the decoder", false}, // inject is no thesaurus synonym of add
		{"mix robot and web data", "combine robot and web data", false},               // combine, merge, blend and mix are not one word in every deck
		{"over-smoothing problem", "the over-smoothing issue", true},
		{"enables editing", "it allows editing", true},
		{"weak on long-horizon tasks", "poor on long-horizon tasks", true},
		{"node features", "node feats", true},
		{"vision encoder", "a frozen vision enc", true},
		{"context length", "the ctx len", true},
		{"hyperparameter tuning", "hparam tuning", true},
		{"same architecture", "the same arch", true},
		{"evaluation protocol", "the eval protocol", true},
		{"full configuration", "full config", true},
		{"simple implementation", "a simple impl", true},
		{"best checkpoint", "pick the best ckpt", true},
		{"ground truth noise", "the gt noise", true},
		{"negative prompt", "the neg prompt", true},
		{"smaller learning rate", "a smaller lr", true},
		{"number of samples", "the num samples", true},
		{"video data", "vid data", true},
		{"compute the score", "calculate the score", true},
		{"guarantees safety", "it ensures safety", true},
		{"large graphs", "enormous graphs", true},
		{"predict the future", "forecast the future", true},
		{"new nodes", "newly added nodes", true},
		{"simple method", "a simple recipe", true},
		{"reduces memory", "it decreases memory", true},
		{"sharp images", "sharply detailed images", true},
		{"remove duplicates", "remove dupes", true},
		{"expert trajectories", "expert trajs", true},
		{"string of numbers", "a short string of integers", true},
		{"knowledge transfer", "knowledge inherited from web pretraining", true},
		{"MLP head", "a small FFN head", true},
		{"skip connection", "add onto the previous representation through a shortcut path", true},
		{"washed away", "whatever made a node special is washed out", true},
		// a word whose stem is another word's keeps its own meaning
		{"deterministic", "the seed determines the image", false},
		{"scene determines the task", "the task is determined by the scene", true},
		{"probability of the action", "the action is probably wrong", false},
		{"relation vector", "the relative vector between atoms", false},
		{"mean of the neighbours", "the meaning of the neighbours", false},
		{"no noise injected", "the aggregation is injective", false},
		{"injective aggregation", "an aggregation with injectivity", true},
		{"added to the dataset", "adding those states to the dataset, and retraining", true},
		{"sum then MLP", "adding them up, then an MLP", true},
		{"predicts the added noise", "the forward process adds noise and the network predicts x_0", false}, // "the added noise" is not "adds noise"
		// a synonym is mapped by its written form where its stem is
		// another word's
		{"same objective", "trained with the same loss", true},
		{"novel objects", "a novel objective", false},
		{"identity init", "an identical init", false},
		{"every sample is identical", "each sample is the same", true},
		{"latent", "it writes Python code", false},
		{"actor-critic", "an actor that is critical", false},
		// irregular verb forms
		{"information is lost", "the node loses information", true},
		{"loses information", "information gets lost", true},
		{"frozen VLM", "freeze the VLM and train a head", true},
		{"fed back into the next step", "the output feeds back into the next step", true},
		{"sends messages", "each neighbour sent a message", true},
		{"left side", "leave it aside", false}, // "left" is no form of "leave" here
		{"the boat sinks", "the boat sank", true},
		{"the bulb shines", "the bulb shone", true},
		{"it gets hotter", "it got hotter", true},
		// an un- word said with "not"
		{"unseen nodes", "it can embed nodes it never saw", true},
		{"unseen nodes", "nodes that were not seen during training", true},
		{"unseen nodes", "it only handles nodes it has seen", false},
		{"training is unstable", "training is not stable", true},
		{"unconditional", "not conditional", false}, // a word of its own
		// number notation
		{"1e-4 to 0.02", "beta rises linearly from 10^-4 to 2 × 10^-2", true},
		{"0.0001", "a learning rate of 1e-4", true},
		{"beta_1 = 10^-4", "β₁ = 1 × 10⁻⁴", true},
		{"1e-4", "1e-3", false},
		{"1000 steps", "1e3 steps", true},
		{"26x", "throughput rose about 26×", true},
		{"64x64x4", "a 64×64×4 latent", true},
		{"1x1 conv initialised to zero", "1×1 conv layers initialised to zero", true},
		{"26x", "about 26 times the throughput", true},
		{"3x", "a threefold gain", true},
		{"2x compute", "it needs twice the compute", true},
		{"10-50x", "10 to 50 times faster", true},
		{"3x", "T times", false},
		{"1000 steps", "DDPM needs 1,000 steps", true},
		{"100K episodes", "more than 100,000 episodes", true},
		{"1000 steps", "about 1k steps", true},
		{"970,000 trajectories", "970k trajectories", true},
		{"1000 steps", "1,5 steps", false},
		// an operation between two terms of a formula is the formula's
		{"h + r = t", "the head plus the relation vector should equal the tail, h + r = t", true},
		{"h + r = t", "h_v + r_v = t", true},
		{"h + r = t", "the head is multiplied by the relation, h * r = t", false},
		{"h + r = t", "h × r = t", false},
		{"head + relation", "the relation links a given head", false},
		{"head + relation", "head plus relation is close to the tail", true},
		{"gamma * h + beta", "gamma times h plus beta", true},
		{"gamma * h + beta", "gamma + h * beta", false},
		{"h + r = t", "h - r = t", false},
		{"head + relation", "the head at t-1 plus relation", true}, {"head + relation", "the head at t-1 relation", true}, // a hyphen is no minus
		{"SNR + 1", "weight by SNR - 1", false},
		{"1 − beta_t", "scale by 1 minus beta_t", true},
		{"s > 1", "with s > 1 you push further", true},
		{"s > 1", "x_t = sqrt(1 - beta_s) x_{t-1}", false}, // a comparison keeps its sides in order, with the comparison between
		{"w > 1", "w = 1 is the conditional model", false},
		{"w > 1", "a scale w above 1", true},
		{"1 − beta_t", "scale by 1 + beta_t", false},
		{"alpha/sigma", "the ratio alpha/sigma", true},
		{"alpha/sigma", "the product alpha * sigma", false},
		// a symbol's time index may go without saying; abar is alpha bar
		{"sqrt(1-beta_t)", "the sample is scaled by sqrt(1 - beta)", true},
		{"alpha_bar_T = 0", "make alpha bar at T = 0", true},
		{"sqrt(alpha_bar_t)", "x_t = sqrt(abar_t) x_0 + sqrt(1 - abar_t) eps", true},
		{"x_t", "predict x from the noise", false}, // only Greek symbols drop their index
		{"beta_t", "beta_1 is small", false},
	}
	for _, tt := range tests {
		if got := covers(t, tt.phrasing, tt.answer); got != tt.want {
			t.Errorf("phrasing %q, answer %q: covered = %v, want %v", tt.phrasing, tt.answer, got, tt.want)
		}
	}
}

// TestUnPrefixNoEvidenceAgainst checks that the "not seen" form of an un-
// word covers a point but never contradicts it: "nodes seen in training"
// says nothing against "unseen nodes".
func TestUnPrefixNoEvidenceAgainst(t *testing.T) {
	r := Grade(card([]string{"point", "unseen nodes"}), "Transductive models predict only for nodes seen during training.")
	if p := r.Points[0]; p.Covered || p.Contradicted {
		t.Errorf("covered = %v, contradicted = %v, want neither", p.Covered, p.Contradicted)
	}
	r = Grade(card([]string{"point", "unseen nodes"}), "It cannot handle unseen nodes at all.")
	if !r.Points[0].Contradicted {
		t.Error("a negated 'unseen nodes' should still contradict the point")
	}
}

// TestScienceAntonyms: an elementary-science answer that swaps a direction
// of the shared antonym list contradicts the point.
func TestScienceAntonyms(t *testing.T) {
	r := Grade(card([]string{"point", "the sun rises in the east"}), "The sun rises in the west.")
	if p := r.Points[0]; p.Covered || !p.Contradicted {
		t.Errorf("covered = %v, contradicted = %v, want contradicted", p.Covered, p.Contradicted)
	}
	r = Grade(card([]string{"point", "the sun rises in the east"}), "The sun rises in the east.")
	if p := r.Points[0]; !p.Covered || p.Contradicted {
		t.Errorf("covered = %v, contradicted = %v, want covered", p.Covered, p.Contradicted)
	}
}

// TestFormulaOperators: a formula phrasing is matched only with its own
// operation between its terms (matcher.go: slot.op).
func TestFormulaOperators(t *testing.T) {
	c := &decks.Card{ID: "t/transe", Question: "How does TransE embed a knowledge graph?",
		Answer: "TransE models a relation as a translation, h + r ≈ t.",
		KeyPoints: []decks.KeyPoint{
			{Label: "Relation as translation h + r ≈ t", Phrasings: []string{"h + r = t", "head + relation"}, Weight: 1},
			{Label: "Margin loss", Phrasings: []string{"margin loss"}, Weight: 1},
		}}
	for _, tc := range []struct {
		answer string
		want   bool
	}{
		{"TransE trains with a margin loss so that h + r = t for true triples.", true},
		{"TransE trains with a margin loss so that h plus r equals t.", true},
		{"TransE trains with a margin loss so that the head + relation lands on the tail.", true},
		{"TransE trains with a margin loss so that h * r = t for true triples.", false}, // another operator
		{"TransE trains with a margin loss; the relation links a given head to a tail.", false},
	} {
		if got := point(t, Grade(c, tc.answer), "Relation as translation h + r ≈ t").Covered; got != tc.want {
			t.Errorf("%q: covered = %v, want %v", tc.answer, got, tc.want)
		}
	}
}
