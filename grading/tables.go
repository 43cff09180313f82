package grading

import (
	"strings"
	"sync"
)

// Word tables used by the normaliser and the matcher. All entries are written
// in the normalised form the tokenizer produces: lower case, ASCII where the
// word is ASCII, apostrophes removed.

// stopWords are function words ignored inside key-point phrasings, so
// "aggregate from the neighbours" needs only "aggregate" and "neighbours".
// Words that change a phrase's meaning ("own", "same", "more", "over") are
// not among them.
var stopWords = setOf(`
a an the this that these those there here it its they them their theirs he she his her we us our you your i me my
is are was were be been being am do does did doing done has have had having will would shall should can could may might must
of to in on at by for from with into onto about through during until upon within via as if so than then
and or but nor yet also just even still already again
what which who whom whose when where why how whether
get gets got getting let lets
not no never without neither none cannot
`)

// functionWords are what marks connected prose for the keyword-dump rule:
// stopWords plus prepositions and conjunctions that carry meaning inside a
// phrasing ("over smoothing", "per node") and so are not stopWords.
var functionWords = func() map[string]bool {
	m := setOf(`over under above below per between across along around among before after because since while whilst
though although whereas unless`)
	for w := range stopWords {
		m[w] = true
	}
	return m
}()

// strongNegations negate the phrase that follows them in the same clause
// ("does not use attention", "without labels", "no mode collapse").
var strongNegations = setOf(`
not no never without neither nor none cannot nothing nobody
dont doesnt didnt isnt arent wasnt werent cant couldnt wont wouldnt shouldnt hasnt havent hadnt aint mustnt neednt
lack lacks lacking
`)

// weakNegations are words that deny a problem without a negation particle
// ("avoids mode collapse", "collapse-free"). They satisfy a key point that is
// itself about an absence ("no mode collapse") but do not cancel a positive
// key point: "diffusion avoids the mode collapse of GANs" still mentions
// mode collapse.
var weakNegations = setOf(`
avoid avoids avoided avoiding prevent prevents prevented preventing free eliminate eliminates eliminated
immune absent absence rid sidestep sidesteps solves solved
`)

// negationExemptNext lists words that, right after "not", make the phrase
// additive rather than negative: "not only X but Y", "not just X".
var negationExemptNext = setOf(`only just merely simply necessarily`)

// clauseWords end the scope of a negation: "does not learn weights but uses
// attention" does not negate "attention".
var clauseWords = setOf(`but however whereas although though while whilst yet because since unlike except and so thus hence therefore instead rather`)

// auxWords may stand between a phrase and a following negation: "mode
// collapse is not an issue", "attention isn't used".
var auxWords = setOf(`is are was were be been being am do does did has have had will would can could should may might must really actually also typically usually generally it this that
play plays played make makes made`)

// numberWords are spelled-out numbers, matched as digits.
var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
	"single": "1", "eleven": "11", "twelve": "12", "fifteen": "15", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50",
	"hundred": "100", "thousand": "1000", "million": "1000000", "billion": "1000000000",
	"twice": "2x", "thrice": "3x", "double": "2x", "triple": "3x", "threefold": "3x", "twofold": "2x",
}

// greekNames maps Greek letters (after case folding) to their names.
var greekNames = map[rune]string{
	'α': "alpha", 'β': "beta", 'γ': "gamma", 'δ': "delta", 'ε': "epsilon", 'ϵ': "epsilon",
	'ζ': "zeta", 'η': "eta", 'θ': "theta", 'ϑ': "theta", 'ι': "iota", 'κ': "kappa",
	'λ': "lambda", 'μ': "mu", 'ν': "nu", 'ξ': "xi", 'ο': "omicron", 'π': "pi",
	'ρ': "rho", 'σ': "sigma", 'ς': "sigma", 'τ': "tau", 'υ': "upsilon", 'φ': "phi",
	'ϕ': "phi", 'χ': "chi", 'ψ': "psi", 'ω': "omega",
}

// symbolWords maps mathematical symbols to the word a candidate would type.
// Capital Σ and Π are checked before case folding turns them into σ and π.
var symbolWords = map[rune]string{
	'√': "sqrt", '∇': "grad", '⊙': "elementwise", '∘': "elementwise", '∅': "empty",
	'∑': "sum", 'Σ': "sum", '∏': "product", 'Π': "product", '∞': "infinity",
	'∂': "partial", '∫': "integral", '≈': "approx", '∈': "in", '∼': "sim",
	'ℝ': "r", '𝔼': "expectation", '‖': "norm",
}

// wordSynonyms maps a normalised word to the canonical word it is matched
// as, before stemming: notation spelled out, ASCII maths, common shorthands.
var wordSynonyms = map[string]string{
	"eps": "epsilon", "varepsilon": "epsilon",
	"nabla": "grad", "gradient": "grad", "gradients": "grad", "grads": "grad",
	"hadamard": "elementwise", "odot": "elementwise",
	"emptyset": "empty", "varnothing": "empty", "null": "empty",
	"vartheta": "theta", "varphi": "phi", "varsigma": "sigma",
	"squareroot":  "sqrt",
	"prod":        "product",
	"expectation": "expectation", "expected": "expectation", "mathbb": "",
	"whilst": "while", "amongst": "among", "learnt": "learned",
	"sotas": "sota", "nns": "nn",
	// clipped words of notes typed against the clock ("enc img", "exec
	// first Ta", "action seq")
	"enc": "encode", "dec": "decode", "exec": "execute", "upd": "update", "proj": "project", "recon": "reconstruct",
	"seq": "sequence", "seqs": "sequences", "feat": "feature", "feats": "features", "lang": "language",
	"traj": "trajectory", "trajs": "trajectories",
	// plain-English names of the same thing
	"vertex": "node", "vertices": "nodes", "vertexes": "nodes",
	"param": "parameter", "params": "parameters",
	"every": "each", // "noise at every step", "each layer"
	"thru":  "through",
	// one-word synonyms whose stem is another word's: "objective" stems to
	// "object" (a thing a robot grasps), "identical" to "ident" (identity),
	// "critical" to "critic", "essential" to "essenti" (essentially), and
	// latent "codes" would take Python code along. The written form is
	// mapped instead.
	"objective": "loss", "objectives": "losses",
	"identical": "same", "critical": "crucial", "critically": "crucially",
	"essential": "crucial", "codes": "latents",
}

// irregularForms maps the irregular past forms of verbs to the verb, and
// irregular plurals to the singular ("goes", which the stemmer reads as
// "goe", too), for the matching term only (stemming leaves "lost" and "lose" apart): "the
// information is lost" matches "loses information", "nodes it never saw"
// "unseen nodes". Forms that are also other words with another meaning
// ("left", "meant", "lay", "found" as in "founded") are not listed.
var irregularForms = map[string]string{
	"saw": "see", "seen": "see", "lost": "lose", "took": "take", "taken": "take", "gave": "give", "given": "give",
	"drew": "draw", "drawn": "draw", "fed": "feed", "kept": "keep", "held": "hold", "sent": "send", "spent": "spend",
	"taught": "teach", "told": "tell", "wrote": "write", "written": "write", "broke": "break", "broken": "break",
	"began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose", "fell": "fall", "fallen": "fall",
	"grew": "grow", "grown": "grow", "rose": "rise", "risen": "rise", "built": "build", "brought": "bring",
	"thought": "think", "shown": "show", "known": "know", "knew": "know", "ran": "run", "froze": "freeze",
	"frozen": "freeze", "forgot": "forget", "forgotten": "forget", "understood": "understand", "went": "go",
	"gone": "go", "came": "come", "became": "become", "drove": "drive", "driven": "drive", "threw": "throw",
	"thrown": "throw", "blew": "blow", "blown": "blow", "sought": "seek", "caught": "catch", "dealt": "deal",
	"felt": "feel", "stuck": "stick", "shook": "shake", "shaken": "shake", "mistook": "mistake",
	"mistaken": "mistake", "rewrote": "rewrite", "rewritten": "rewrite", "overtook": "overtake",
	"undertook": "undertake", "outgrew": "outgrow", "bought": "buy", "fought": "fight", "hid": "hide",
	"slid": "slide", "spun": "spin", "stole": "steal", "stolen": "steal", "swore": "swear", "tore": "tear",
	"torn": "tear", "woke": "wake", "woken": "wake", "wore": "wear", "worn": "wear", "won": "win", "spoke": "speak",
	"spoken": "speak", "ate": "eat", "eaten": "eat", "flew": "fly", "flown": "fly", "burnt": "burn", "spelt": "spell",
	"dreamt": "dream", "leapt": "leap", "learnt": "learn", "swept": "sweep", "slept": "sleep", "wept": "weep",
	"withheld": "withhold", "upheld": "uphold", "overdrawn": "overdraw", "forbade": "forbid", "forbidden": "forbid",
	"foresaw": "foresee", "foreseen": "foresee", "overseen": "oversee", "oversaw": "oversee",
	"sank": "sink", "sunk": "sink", "shrank": "shrink", "shrunk": "shrink", "got": "get", "gotten": "get",
	"shone": "shine", "said": "say", "heard": "hear", "stood": "stand", "struck": "strike", "dug": "dig",
	"swung": "swing", "sold": "sell", "paid": "pay", "hung": "hang", "swam": "swim", "sped": "speed",
	"hidden": "hide", "bitten": "bite", "rode": "ride", "ridden": "ride", "fled": "flee", "bent": "bend",
	"sat": "sit", "rang": "ring", "sang": "sing", "drank": "drink", "crept": "creep",
	"lent": "lend", "overcame": "overcome", "spilt": "spill", "arose": "arise", "arisen": "arise",
	"withdrew": "withdraw", "withdrawn": "withdraw", "rebuilt": "rebuild", "swollen": "swell",
	// Irregular plurals, which the stemmer keeps apart from the singular.
	"children": "child", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "men": "man",
	"women": "woman", "matrices": "matrix", "indices": "index", "halves": "half", "shelves": "shelf",
	"knives": "knife", "wolves": "wolf", "calves": "calf", "loaves": "loaf", "phenomena": "phenomenon",
	"criteria": "criterion", "nuclei": "nucleus", "fungi": "fungus", "cacti": "cactus", "stimuli": "stimulus",
}

// unPrefixed maps adjectives negated by "un-" to the word they negate: a
// phrasing "unseen nodes" also matches "nodes it has not seen".
var unPrefixed = map[string]string{
	"unseen": "seen", "unchanged": "changed", "unstable": "stable", "unsafe": "safe", "unnecessary": "necessary",
	"unbiased": "biased", "unweighted": "weighted", "unreliable": "reliable", "unordered": "ordered",
	"unguided": "guided", "unpredictable": "predictable", "unobserved": "observed", "unlabeled": "labeled",
	"unlabelled": "labeled", "unknown": "known", "unmasked": "masked", "unaffected": "affected",
	"unclear": "clear", "uncertain": "certain", "unused": "used", "untrained": "trained", "unpaired": "paired",
	"unconstrained": "constrained", "unbounded": "bounded", "unnormalized": "normalized",
	"unnormalised": "normalized", "unlearned": "learned", "unstructured": "structured",
}

// spellingWords maps British spellings (and a few irregular forms) to the US
// spelling before stemming. Regular families (-our, -ise/-isation, -yse,
// -tre, doubled l) are handled by rules in britishToUS.
var spellingWords = map[string]string{
	"grey": "gray", "programme": "program", "programmes": "programs", "catalogue": "catalog",
	"analogue": "analog", "dialogue": "dialog", "defence": "defense", "licence": "license",
	"judgement": "judgment", "artefact": "artifact", "artefacts": "artifacts", "sceptical": "skeptical",
	"manoeuvre": "maneuver", "aluminium": "aluminum", "enrol": "enroll", "fulfil": "fulfill",
	"skilful": "skillful", "tyre": "tire", "cheque": "check", "mould": "mold", "plough": "plow",
	"practise": "practice", "practised": "practiced", "towards": "toward", "afterwards": "afterward",
	"focussed": "focused", "focussing": "focusing",
}

// ourRoots are words spelled -our in British English and -or in US English.
var ourRoots = []string{
	"neighbour", "behaviour", "colour", "favour", "labour", "honour", "flavour", "harbour",
	"rumour", "vapour", "humour", "endeavour", "savour", "armour", "vigour", "rigour",
	"tumour", "odour", "valour", "candour", "parlour",
}

// iseExceptions are words ending in -ise that are not British -ize forms.
var iseExceptions = setOf(`
precise imprecise concise exercise otherwise surprise comprise expertise promise premise compromise
enterprise advise devise revise supervise disguise franchise merchandise paradise treatise tortoise
porpoise turquoise despise chastise improvise televise demise excise incise circumcise advertise arise
praise raise cruise bruise poise appraise noise wise likewise clockwise rise sunrise anise guise
`)

// abbreviations maps an abbreviation (as the tokenizer normalises it, joined:
// "RT-1" is "rt1") to its expansions. Either form in a key point matches
// either form in an answer.
var abbreviations = map[string][]string{
	"gnn":       {"graph neural network", "graph network", "graph net"},
	"gcn":       {"graph convolutional network", "graph convolution network"},
	"gat":       {"graph attention network", "graph attention", "attention network"},
	"graphsage": {"graph sage", "sample and aggregate"},
	"mpnn":      {"message passing neural network"},
	"mlp":       {"multilayer perceptron", "multi layer perceptron", "feedforward network", "feed forward network"},
	"cfg":       {"classifier free guidance"},
	"ddpm":      {"denoising diffusion probabilistic model", "ancestral sampler", "ancestral sampling"},
	"ddim":      {"denoising diffusion implicit model", "implicit sampler"},
	"ldm":       {"latent diffusion model"},
	"vae":       {"variational autoencoder", "variational auto encoder"},
	"gan":       {"generative adversarial network"},
	"elbo":      {"evidence lower bound", "variational lower bound"},
	"vla":       {"vision language action"},
	"vlm":       {"vision language model", "visual language model", "image text model", "image and text model"},
	"vit":       {"vision transformer"},
	"film":      {"feature wise linear modulation", "featurewise linear modulation"},
	"llm":       {"large language model"},
	"rt1":       {"robotics transformer 1", "robot transformer 1"},
	"rt2":       {"robotics transformer 2", "robot transformer 2"},
	"dof":       {"degrees of freedom", "degree of freedom"},
	"mse":       {"mean squared error", "mean square error", "l2 loss", "squared error"},
	"kl":        {"kullback leibler"},
	"sota":      {"state of the art"},
	"fid":       {"frechet inception distance"},
	"cnn":       {"convolutional neural network", "convnet"},
	"rnn":       {"recurrent neural network", "recurrent network", "recurrent net"},
	"lstm":      {"long short term memory"},
	"nlp":       {"natural language processing"},
	"sgd":       {"stochastic gradient descent"},
	"ode":       {"ordinary differential equation"},
	"sde":       {"stochastic differential equation"},
	"snr":       {"signal to noise ratio"},
	"gpu":       {"graphics processing unit"},
	"rl":        {"reinforcement learning"},
	"bc":        {"behavior cloning", "behaviour cloning"},
	"sqrt":      {"square root"},
	"relu":      {"rectified linear unit"},
	"jk":        {"jumping knowledge"},
	"iid":       {"independent and identically distributed"},
	"gmm":       {"gaussian mixture model"},
	"palm":      {"pathways language model"},
	"nn":        {"neural network", "neural net"},
	"wl":        {"weisfeiler lehman", "weisfeiler leman"},
	"lr":        {"learning rate"},
	"dit":       {"diffusion transformer"},
	"sd":        {"stable diffusion"},
	"lm":        {"language model"},
	"ood":       {"out of distribution"},
	"nll":       {"negative log likelihood"},
	"bpe":       {"byte pair encoding"},
	"dct":       {"discrete cosine transform"},
	"mpc":       {"model predictive control"},
	"ik":        {"inverse kinematics"},
	"kg":        {"knowledge graph"},
	"gin":       {"graph isomorphism network"},
	"mrr":       {"mean reciprocal rank"},
	"lora":      {"low rank adaptation", "low rank adapter"},
	"vp":        {"variance preserving"},
	"ve":        {"variance exploding"},
	"dsm":       {"denoising score matching"},
	"rwse":      {"random walk structural encoding", "random walk structural encodings"},
	"nfe":       {"function evaluation", "network evaluation"},
}

// commonWords are ordinary English words that must never be read as a typo
// of a key-point word ("modal" is not "model", "later" is not "layer").
// Words of the card itself are added to these per card.
var commonWords = setOf(`
about above accept access account across act action active actual add address admit adult affect after again against
agree ahead allow almost alone along already also always among amount angle animal another answer anyone appear apply
approach area argue around arrive article artist aside asked assume attack avoid aware away baby back bad bag ball bank
base basic basis bear beat beautiful become bed before begin behind believe best better between beyond big bill bit
black blood blue board body book born both bottom box boy brain branch break bring brother budget build building burn
business buy call camera campaign cancer capital car card care career carry case catch cause cell center central century
certain chair challenge chance change character charge check child choice choose church citizen city civil claim class
clear close coach code cold collect college color come common company compare complete concern condition conference
consider consumer contain continue control cost could country couple course court cover create crime cultural culture
cup current customer cut dark data daughter day dead deal death debate decade decide decision deep defense degree
democrat describe design despite detail determine develop device die difference different difficult dinner direction
director discover discuss disease doctor dog door down draw dream drive drop drug during each early east easy eat
economic economy edge effect effort eight either election else employee end energy enjoy enough enter entire
environment especially establish even evening event ever every everybody evidence exactly example executive exist
expect experience expert explain eye face fact factor fail fall family far fast father fear federal feel feeling few
field fight figure fill film final finally financial find fine finger finish fire firm first fish five floor fly focus
follow food foot force foreign forget form former forward four free friend front full fund future game garden gas
general generation girl give glass goal good government great green ground group grow growth guess gun guy hair half
hand hang happen happy hard have head health hear heart heat heavy help herself high himself history hit hold home hope
hospital hot hotel hour house however huge human hundred husband idea identify image imagine impact important improve
include including increase indeed indicate individual industry information inside instead institution interest
interesting international interview into investment involve issue item itself join just keep key kid kill kind kitchen
know knowledge land language large last late later laugh lawyer lay lead leader learn least leave left legal less
letter level lie life light like likely line list listen little live local long look lose loss lot love low machine
magazine main maintain major majority make male manage management manager many market marriage material matter maybe
mean measure media medical meet meeting member memory mention message method middle might military million mind minute
miss mission model modern moment money month more morning most mother mouth move movement movie much music must myself
name nation national natural nature near nearly necessary need network never news newspaper next nice night none north
note nothing notice number occur offer office officer official often oil old once only onto open operation
opportunity option order organization other others outside over owner page pain painting paper parent part
participant particular particularly partner party pass past patient pattern pay peace people perform performance
perhaps period person personal phone physical pick picture piece place plan plant play player point police policy
political politics poor popular population position positive possible power practice prepare present president
pressure pretty prevent price private probably problem process produce product production professional professor
program project property protect prove provide public pull purpose push quality question quickly quite race radio
raise range rate rather reach read ready real reality realize really reason receive recent recently recognize record
reduce reflect region relate relationship religious remain remember remove report represent require research resource
respond response rest result return reveal rich right rise risk road rock role room rule safe same save scene school
science scientist score season seat second section security seek seem sell send senior sense series serious serve
service seven several shake share shoot short shot should shoulder show side sign significant similar simple simply
since sing single sister sit site situation size skill skin small smile social society soldier some somebody someone
something sometimes son song soon sort sound source south southern space speak special specific speech spend sport
spring staff stage stand standard star start state statement station stay step still stock stop store story strategy
street strong structure student study stuff style subject success successful such suddenly suffer suggest summer
support sure surface system table take talk task teach teacher team technology television tell tend term test than
thank their them themselves then theory there these they thing think third those though thought thousand threat three
through throughout throw thus time today together tonight total tough toward town trade traditional training travel
treat treatment tree trial trip trouble true truth try turn type under understand unit until upon usually value
various very victim view violence visit voice vote wait walk wall want watch water weapon wear week weight well west
western what whatever when where whether which while white whole whose wide wife will win wind window wish with within
without woman wonder word work worker world worry would write writer wrong yard yeah year young yourself
modal model mode modes models later layer layers latter letter lower tower power sample simple samples simplex
variant variance various nodes notes noise nose noisy voice graph grape grapes graphs train trains brain rain gain
sharp shape share scale stale scales sale means mean meaning means label able cable table tables fable
token taken tokens broken spoken mixed fixed mixes fixes model modest medal metal modes moves mover
steps stems stamp state states stage stages static statistic decoder encoder encode decode coder order orders
latent patent talent lament parent layer player prayer slayer payer later sooner
global local vocal focal total final formal normal norman
graph match batch patch watch catch hatch latch
value values valve valves
dense sense tense dance
edges ledges hedges wedges
random ransom tandem
skip skips slip ship chip clip
drop drops prop crop
sparse spare sparsely
loss lost less lose lossy
pool poll pooling polling
mixture moisture
attention retention detention intention
action fraction traction actions motion emotion notion potion portion
vision version revision visions decision division
language languages luggage
robot robots
prompt prompts
guidance guide guides
reward rewards toward
diffusion diffusions confusion fusion infusion
convolution convolutions revolution evolution resolution solution solutions
inductive deductive productive
transductive
layers players
pretrain pretrained retrain retrained
network networks artwork
forward backward reward
`)

// setOf builds a set from whitespace-separated words.
func setOf(words string) map[string]bool {
	m := make(map[string]bool)
	start := -1
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == ' ' || words[i] == '\n' || words[i] == '\t' {
			if start >= 0 {
				m[words[start:i]] = true
				start = -1
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	return m
}

// comparativeAdjectives are adjectives whose comparative and superlative
// ("higher", "hottest") are matched as the adjective itself.
const comparativeAdjectives = `high low long short large small big hard soft hot cold warm cool fast slow great strong weak
loud quiet tight loose heavy light dark bright deep shallow thick thin wide narrow close near easy early late old young
new simple cheap dense rough smooth sharp quick safe clean dirty dry wet full tall blurry noisy fuzzy`

// comparativeBases maps comparatives and superlatives to their adjective.
var comparativeBases = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, a := range strings.Fields(comparativeAdjectives) {
		stem := a
		switch {
		case strings.HasSuffix(a, "e"):
			stem = a[:len(a)-1]
		case strings.HasSuffix(a, "y") && len(a) > 3:
			stem = a[:len(a)-1] + "i"
		case len(a) >= 3 && strings.IndexByte("aeiou", a[len(a)-2]) >= 0 && strings.IndexByte("aeiou", a[len(a)-3]) < 0 &&
			strings.IndexByte("aeiouwxy", a[len(a)-1]) < 0:
			stem = a + a[len(a)-1:] // big → bigg-er, hot → hott-est
		}
		m[stem+"er"] = a
		m[stem+"est"] = a
	}
	return m
})
