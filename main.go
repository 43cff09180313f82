// Grill is a terminal mock-interview simulator for machine-learning
// interviews: timed questions from Markdown decks, answers graded against the
// key points of a reference answer, self-grading, optional LLM feedback, and a
// report of every session.
//
// Usage:
//
//	grill [session flags]               open the home screen
//	grill start [session flags]         start a session at once
//	grill start --retry latest|ID [--below 60]
//	                                    ask again the questions that scored below 60
//	grill interview [--minutes 45] [--topics gnn,vla]
//	                                    one clock for the round, a scorecard at the end
//	grill decks [--json|--questions]    list topics and cards
//	grill decks check PATH...           validate deck files
//	grill grade --question Q [--answer-file F] [--json] [--llm]
//	grill grade --batch F.jsonl|- [--llm]
//	grill report list [--json]
//	grill report show ID|latest [--format md|json|html] [--out FILE]
//	grill report open ID|latest
//	grill report points [--json]        key points missed most, with their cards
//	grill export anki [--since DATE] [--only missed|again|all] --out FILE
//	grill version
//
// Session flags: --topics gnn,vla --count 5 --time 3m --order mixed|weakest|due
// --seed 7 --follow-ups missed|always|off. Every command takes --config
// PATH, --deck PATH (repeatable, file or folder) and --only-decks.
//
// Exit status: 0 on success, 1 when the work failed (a deck problem, a failed
// batch line, a missing report), 2 on a usage or configuration error.
package main

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"grill/decks"
	"grill/grading"
	"grill/interview"
	"grill/llm"
	"grill/report"
	"grill/store"
	"grill/ui"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

//go:embed config.toml
var defaultConfig []byte

const usageText = `usage:
  grill [session flags]               open the home screen
  grill start [session flags]         start a session at once
  grill start --retry latest|ID [--below 60]
                                      ask again the questions that scored below 60
  grill interview [--minutes 45] [session flags]
                                      one clock for the round, easier questions
                                      first, no review until the scorecard
  grill decks [--json|--questions]    list topics and cards (--questions: ids and questions)
  grill decks check PATH...           validate deck files
  grill grade --question Q [--answer-file F] [--json] [--llm]
  grill grade --batch F.jsonl|- [--llm]  (- reads standard input)
  grill report list [--json]
  grill report show ID|latest [--format md|json|html] [--out FILE]
  grill report open ID|latest         open the HTML report in a browser
  grill report points [--json]        key points missed most, with their cards
  grill export anki [--since DATE] [--only missed|again|all] --out FILE
  grill version

session flags:
  --topics gnn,vla   topics to draw from (default: all)
  --count N          questions per session
  --time 3m          time per question
  --order ORDER      mixed, weakest or due
  --seed N           random seed for question selection
  --follow-ups WHEN  missed (default), always or off

every command:
  --config PATH      configuration file (default $XDG_CONFIG_HOME/grill/config.toml)
  --deck PATH        add a deck file or folder (repeatable)
  --only-decks       use only --deck decks, not the built-in ones

Run 'grill CMD --help' for the flags of one command.
`

// usageError is a command-line mistake: usage goes to stderr, exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// valueError is a bad value given on the command line: the message goes to
// stderr without the whole usage, exit status 2.
type valueError struct{ msgs []string }

func (e valueError) Error() string { return strings.Join(e.msgs, "\n") }

// exitError carries an exit status for a failure that was already reported.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one grill command and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	err := dispatch(args, stdin, stdout, stderr)
	var ue usageError
	var ee exitError
	var ce interview.ConfigErrors
	var ve valueError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "grill: %s\n%s", ue.msg, usageText)
		return 2
	case errors.As(err, &ce):
		// One problem per line, file:line: key: message, as compilers do.
		fmt.Fprintln(stderr, ce.Error())
		return 2
	case errors.As(err, &ve):
		for _, m := range ve.msgs {
			fmt.Fprintf(stderr, "grill: %s\n", m)
		}
		return 2
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintf(stderr, "grill: %s\n", indentLines(err.Error()))
		return 1
	}
}

func dispatch(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	args = hoistCommon(args)
	cmd := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	switch cmd {
	case "":
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprint(stdout, usageText)
			return nil
		}
		return cmdSession(args, false, stderr)
	case "start":
		return cmdSession(args, true, stderr)
	case "interview":
		return cmdInterview(args, stderr)
	case "decks":
		return cmdDecks(args, stdout, stderr)
	case "grade":
		return cmdGrade(args, stdin, stdout, stderr)
	case "report":
		return cmdReport(args, stdout, stderr)
	case "export":
		return cmdExport(args, stdout, stderr)
	case "version":
		if len(args) > 0 {
			return usageError{"version takes no arguments"}
		}
		fmt.Fprintf(stdout, "grill %s\n", version)
		return nil
	case "help":
		fmt.Fprint(stdout, usageText)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q%s", cmd, didYouMean(cmd, commands, quoted))}
	}
}

// common holds the flags every command takes.
type common struct {
	configPath string
	decks      stringList
	onlyDecks  bool
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.configPath, "config", "", "configuration file")
	fs.Var(&c.decks, "deck", "deck file or folder (repeatable)")
	fs.BoolVar(&c.onlyDecks, "only-decks", false, "use only --deck decks")
}

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// newFlags makes a flag set whose errors come back as usage errors.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags; -h prints the command's flags and stops.
// Flags may come before or after the positional arguments ("report show
// latest --format json"); "--" ends the flags.
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) error {
	var positional []string
	for {
		err := fs.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "usage of grill %s:\n", fs.Name())
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return flag.ErrHelp
		}
		if err != nil {
			// The session flags' set is named grill: one "grill:" prefix.
			prefix := fs.Name() + ": "
			if fs.Name() == "grill" {
				prefix = ""
			}
			return usageError{fmt.Sprintf("%s%v%s", prefix, err, flagHint(fs, err))}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			positional = append(positional, rest...)
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Leave the positional arguments in fs.Args().
	return fs.Parse(append([]string{"--"}, positional...))
}

// setup loads the configuration and the decks, the same way for every command.
func (c *common) setup() (interview.Config, *decks.Library, error) {
	path, explicit := c.configPath, c.configPath != ""
	if !explicit {
		home, _ := os.UserHomeDir()
		path = interview.DefaultConfigPath(os.Getenv, home)
	}
	cfg, err := interview.LoadConfig(defaultConfig, path, explicit)
	if err != nil {
		return cfg, nil, err
	}
	paths := append(append([]string{}, cfg.Paths.Decks...), c.decks...)
	home, _ := os.UserHomeDir()
	cache := &decks.Cache{Dir: decks.DefaultCacheDir(os.Getenv, home), Version: version}
	lib, err := decks.LoadCached(paths, cfg.Paths.OnlyDecks || c.onlyDecks, cache)
	if err != nil {
		return cfg, nil, err
	}
	cfg.Session.Topics = canonicalTopics(lib, cfg.Session.Topics)
	topicExists := func(id string) bool { _, ok := lib.Topic(id); return ok }
	if err := cfg.Validate(topicExists); err != nil {
		return cfg, nil, err
	}
	return cfg, lib, nil
}

// cmdSession runs the interactive session: the home screen, or with skipHome
// (grill start) straight into the questions.
func cmdSession(args []string, skipHome bool, stderr io.Writer) error {
	name := "grill"
	if skipHome {
		name = "start"
	}
	fs := newFlags(name, stderr)
	var c common
	c.register(fs)
	topics := fs.String("topics", "", "comma-separated topic ids")
	count := fs.Int("count", 0, "questions per session")
	limit := fs.Duration("time", 0, "time per question")
	order := fs.String("order", "", "mixed, weakest or due")
	seed := fs.Int64("seed", 0, "random seed")
	followUps := fs.String("follow-ups", "", "when to ask follow-ups: missed, always or off")
	retry := fs.String("retry", "", "ask again the weak questions of session ID (or latest)")
	below := fs.Int("below", interview.DefaultRetryBelow, "with --retry: the score below which a question is asked again")
	if err := parse(fs, args, os.Stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("%s: unexpected argument %q", name, fs.Arg(0))}
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if (set["retry"] || set["below"]) && !skipHome {
		return usageError{"--retry and --below go with grill start"}
	}
	if set["below"] && !set["retry"] {
		return usageError{"start: --below goes with --retry"}
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	// Flags override the file; they are checked like the file's values.
	if set["follow-ups"] {
		cfg.Session.FollowUps = *followUps
	}
	if set["topics"] {
		cfg.Session.Topics = canonicalTopics(lib, splitList(*topics))
	}
	if set["count"] {
		cfg.Session.Count = *count
	}
	if set["time"] {
		cfg.Session.TimeLimit, cfg.Session.TimeChosen = *limit, true
	}
	if set["order"] {
		cfg.Session.Order = *order
	}
	if set["seed"] {
		cfg.Session.Seed = *seed
	}
	if !skipHome {
		// The home screen starts from the last session's settings.
		applyLastSettings(&cfg, lib, set)
	}
	if err := checkFlags(cfg, lib); err != nil {
		return err
	}
	if cfg.Session.Seed == 0 {
		cfg.Session.Seed = time.Now().UnixNano()
	}
	var retryOf *ui.Retry
	if set["retry"] {
		if retryOf, err = retryPlan(cfg, lib, *retry, *below); err != nil {
			return err
		}
	}
	return runSession(cfg, lib, skipHome, 0, retryOf)
}

// retryPlan finds the questions of session id ("latest") that scored below
// below, for grill start --retry.
func retryPlan(cfg interview.Config, lib *decks.Library, id string, below int) (*ui.Retry, error) {
	if below < 1 || below > 100 {
		return nil, valueError{[]string{fmt.Sprintf("--below must be between 1 and 100, got %d", below)}}
	}
	sessions := store.NewStore(dataDir(cfg))
	defer sessions.Close()
	rec, err := sessions.Load(id)
	if err != nil {
		return nil, err
	}
	cards, err := interview.RetryCards(rec, lib, below)
	if err != nil {
		return nil, err
	}
	return &ui.Retry{Of: rec.ID, Below: below, Cards: cards}, nil
}

// cmdInterview runs grill interview: one clock for the whole round (and
// one per question), questions easier first, follow-ups asked, no review
// until the round is over, then the scorecard and the reviews.
func cmdInterview(args []string, stderr io.Writer) error {
	fs := newFlags("interview", stderr)
	var c common
	c.register(fs)
	minutes := fs.Int("minutes", int(interview.DefaultRound/time.Minute), "length of the round in minutes")
	topics := fs.String("topics", "", "comma-separated topic ids")
	count := fs.Int("count", 0, "questions planned (default: as many as fit the round at --time each)")
	limit := fs.Duration("time", 0, "time per question")
	seed := fs.Int64("seed", 0, "random seed")
	followUps := fs.String("follow-ups", "", "when to ask follow-ups: missed, always or off")
	if err := parse(fs, args, os.Stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("interview: unexpected argument %q", fs.Arg(0))}
	}
	if round := time.Duration(*minutes) * time.Minute; round < interview.MinRound || round > interview.MaxRound {
		return valueError{[]string{fmt.Sprintf("--minutes must be between %d and %d, got %d", interview.MinRound/time.Minute, interview.MaxRound/time.Minute, *minutes)}}
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if set["topics"] {
		cfg.Session.Topics = splitList(*topics)
	}
	if set["time"] {
		cfg.Session.TimeLimit, cfg.Session.TimeChosen = *limit, true
	}
	if set["seed"] {
		cfg.Session.Seed = *seed
	}
	if set["follow-ups"] {
		cfg.Session.FollowUps = *followUps
	}
	round := time.Duration(*minutes) * time.Minute
	cfg.Session.Order = interview.OrderMixed
	cfg.Session.Count = *count
	if !set["count"] && cfg.Session.TimeLimit > 0 {
		cfg.Session.Count = max(1, int(round/cfg.Session.TimeLimit))
	}
	if err := checkFlags(cfg, lib); err != nil {
		return err
	}
	if cfg.Session.Seed == 0 {
		cfg.Session.Seed = time.Now().UnixNano()
	}
	return runSession(cfg, lib, true, round, nil)
}

// runSession opens the interface on a session with cfg: the home screen,
// or with skipHome the questions at once; round > 0 makes it an interview,
// retry a retry of an earlier session's weak questions.
func runSession(cfg interview.Config, lib *decks.Library, skipHome bool, round time.Duration, retry *ui.Retry) error {
	var err error
	var client *llm.Client
	if cfg.LLM.Enabled {
		if client, err = llm.New(cfg.LLM, os.Getenv); err != nil {
			return valueError{[]string{err.Error()}}
		}
	}
	// Sessions are saved as they go; one left in progress (killed, its
	// terminal closed) is offered for resuming at the next start.
	sessions := store.NewStore(dataDir(cfg))
	sessions.Render = func(r *interview.Record) string { return report.Markdown(r, lib) }
	defer sessions.Close()
	// A closed terminal (SIGHUP), SIGTERM or SIGINT ends the interface
	// after saving the session in progress with its draft.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGHUP, syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	return ui.Run(ctx, ui.Options{
		Library:  lib,
		Config:   cfg,
		Clock:    interview.RealClock{},
		SkipHome: skipHome,
		NoColor:  os.Getenv("NO_COLOR") != "",
		LLM:      client,
		Store:    sessions,
		Round:    round,
		Retry:    retry,
		OnStart:  saveLastSettings,
	})
}

// checkFlags reports bad session values given on the command line.
func checkFlags(cfg interview.Config, lib *decks.Library) error {
	var errs []string
	flags := map[string]string{"topics": "--topics", "count": "--count", "time_per_question": "--time", "order": "--order", "follow_ups": "--follow-ups"}
	for _, p := range cfg.Settings().Validate() {
		errs = append(errs, flags[p.Field]+" "+p.Msg)
	}
	for _, t := range cfg.Session.Topics {
		if _, ok := lib.Topic(t); !ok {
			errs = append(errs, unknownTopic(lib, t))
		}
	}
	if len(errs) > 0 {
		return valueError{errs}
	}
	return nil
}

func cmdDecks(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "check" {
		return cmdDecksCheck(args[1:], stdout, stderr)
	}
	fs := newFlags("decks", stderr)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print JSON")
	questions := fs.Bool("questions", false, "list every card's id and question")
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("decks: unexpected argument %q%s", fs.Arg(0), didYouMean(fs.Arg(0), []string{"check"}, quoted))}
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	if *asJSON {
		return decks.WriteJSON(stdout, lib, grading.KeyPoints, cfg.Session.TimeLimit)
	}
	if *questions {
		return writeQuestions(stdout, lib)
	}
	return decks.WriteTable(stdout, lib)
}

func cmdDecksCheck(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("decks check", stderr)
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"decks check: no PATH given"}
	}
	r := decks.Validate(fs.Args())
	for _, p := range r.Problems {
		fmt.Fprintln(stdout, p)
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(stderr, "grill: %d problem(s) in %d file(s)\n", len(r.Problems), r.Files)
		return exitError{1}
	}
	fmt.Fprintf(stdout, "%d file(s), %d topic(s), %d card(s): no problems\n", r.Files, r.Topics, r.Cards)
	return nil
}

func cmdGrade(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := newFlags("grade", stderr)
	var c common
	c.register(fs)
	question := fs.String("question", "", "card id or exact question text")
	answerFile := fs.String("answer-file", "", "file holding the answer (default: standard input)")
	batch := fs.String("batch", "", "JSONL file of answers to grade (- for standard input)")
	asJSON := fs.Bool("json", false, "print one JSON object")
	useLLM := fs.Bool("llm", false, "add the LLM's verdict")
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("grade: unexpected argument %q", fs.Arg(0))}
	}
	if (*question == "") == (*batch == "") {
		return usageError{"grade: give exactly one of --question or --batch"}
	}
	if *batch != "" && (*answerFile != "" || *asJSON) {
		return usageError{"grade: --answer-file and --json go with --question, not --batch"}
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	var client *llm.Client
	if *useLLM {
		client, err = llm.New(cfg.LLM, os.Getenv)
		if err != nil {
			return err
		}
	}
	if *batch != "" {
		var f io.Reader = stdin
		if *batch != "-" {
			file, err := os.Open(*batch)
			if err != nil {
				return err
			}
			defer file.Close()
			f = file
		}
		opts := grading.BatchOptions{MaxAnswerBytes: interview.MaxAnswerBytes}
		if client != nil {
			opts.LLM = func(card *decks.Card, answer string) json.Marshaler {
				v, err := askLLM(client, card, answer, grading.GradeAmong(card, grading.Neighbours(lib, card), answer))
				return llm.Reply{Verdict: v, Err: err}
			}
		}
		failed, err := grading.GradeBatch(lib, f, stdout, opts)
		if err != nil {
			return fmt.Errorf("%s: %w", *batch, err)
		}
		if failed > 0 {
			fmt.Fprintf(stderr, "grill: %d line(s) of %s failed\n", failed, *batch)
			return exitError{1}
		}
		return nil
	}
	card, ok := lib.Card(*question)
	if !ok {
		return fmt.Errorf("no card with id or question %q%s", *question, cardHint(lib, *question))
	}
	in := stdin
	name := "standard input"
	if *answerFile != "" {
		f, err := os.Open(*answerFile)
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, *answerFile
	}
	raw, err := io.ReadAll(io.LimitReader(in, interview.MaxAnswerBytes+1))
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if len(raw) > interview.MaxAnswerBytes {
		return fmt.Errorf("%s: the answer is longer than the %d bytes (256 KiB) an answer may hold", name, interview.MaxAnswerBytes)
	}
	answer := string(raw)
	result := grading.GradeAmong(card, grading.Neighbours(lib, card), answer)
	var verdict *llm.Verdict
	var llmErr error
	if client != nil {
		verdict, llmErr = askLLM(client, card, answer, result)
	}
	if *asJSON {
		out := grading.ResultJSON(card, result)
		if client != nil {
			out.LLM = llm.Reply{Verdict: verdict, Err: llmErr}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if err := grading.WriteText(stdout, card, answer, result); err != nil {
		return err
	}
	switch {
	case llmErr != nil:
		return llm.WriteErrorText(stdout, llmErr)
	case verdict != nil:
		return llm.WriteVerdictText(stdout, verdict)
	}
	return nil
}

func cmdReport(args []string, stdout, stderr io.Writer) (err error) {
	if len(args) == 0 {
		return usageError{"report: say list, show, open or points"}
	}
	sub, args := args[0], args[1:]
	fs := newFlags("report "+sub, stderr)
	var c common
	c.register(fs)
	asJSON := fs.Bool("json", false, "print JSON (list, points)")
	format := fs.String("format", "md", "md, json or html (show)")
	out := fs.String("out", "", "write the report to this file (show)")
	if err := parse(fs, args, stdout); err != nil {
		return err
	}
	if sub != "list" && sub != "show" && sub != "open" && sub != "points" {
		return usageError{fmt.Sprintf("report: unknown sub-command %q", sub)}
	}
	cfg, lib, err := c.setup()
	if err != nil {
		return err
	}
	sessions := store.NewStore(dataDir(cfg))
	sessions.Render = func(r *interview.Record) string { return report.Markdown(r, lib) }
	defer sessions.Close()
	switch sub {
	case "list":
		if fs.NArg() > 0 {
			return usageError{fmt.Sprintf("report list: unexpected argument %q", fs.Arg(0))}
		}
		sums, errs := sessions.List()
		for _, e := range errs {
			// A directory that cannot be listed is a failure, not an
			// empty history.
			if de := (*store.DirError)(nil); errors.As(e, &de) {
				return e
			}
			fmt.Fprintf(stderr, "grill: %v\n", e)
		}
		return report.WriteList(stdout, sums, *asJSON)
	case "show":
		if fs.NArg() != 1 {
			return usageError{"report show: give one ID or latest"}
		}
		if *format != "md" && *format != "json" && *format != "html" {
			return usageError{fmt.Sprintf("report show: --format %q is not md, json or html", *format)}
		}
		w := stdout
		if *out != "" {
			var buf bytes.Buffer
			w = &buf
			defer func() {
				if err == nil {
					err = store.WriteFileAtomic(*out, buf.Bytes(), 0o600)
				}
			}()
		}
		if *format == "html" {
			return writeHTML(w, sessions, lib, fs.Arg(0))
		}
		return sessions.Show(w, fs.Arg(0), *format)
	case "open":
		if fs.NArg() != 1 {
			return usageError{"report open: give one ID or latest"}
		}
		return openReport(stdout, sessions, lib, fs.Arg(0))
	case "points":
		if fs.NArg() > 0 {
			return usageError{fmt.Sprintf("report points: unexpected argument %q", fs.Arg(0))}
		}
		h, errs := sessions.PointHistory()
		for _, e := range errs {
			fmt.Fprintf(stderr, "grill: %v\n", e)
		}
		return report.WritePoints(stdout, h.MostMissed(0), *asJSON)
	default:
		return usageError{fmt.Sprintf("report: unknown sub-command %q", sub)}
	}
}

// askLLM asks for the LLM's verdict on one answer; the request's own
// deadline comes from the [llm] timeout.
func askLLM(client *llm.Client, card *decks.Card, answer string, offline grading.Result) (*llm.Verdict, error) {
	return client.Feedback(context.Background(), card, grading.KeyPoints(card), answer, offline.Score, nil)
}

// dataDir is where sessions are kept: the configured path, else the XDG default.
func dataDir(cfg interview.Config) string {
	if cfg.Paths.DataDir != "" {
		return cfg.Paths.DataDir
	}
	home, _ := os.UserHomeDir()
	return store.DefaultDataDir(os.Getenv, home)
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// indentLines keeps multi-line errors readable after the "grill: " prefix.
func indentLines(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}
