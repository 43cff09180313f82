// Package interview is grill's session engine: it selects and orders the
// cards of a session (mixed, weakest first, or due by FSRS), runs it on an
// injected clock (asking, time-outs, self-grading, ratings, resuming), keeps
// its whole state in a Record, computes what the screens and reports show
// of it (summaries, averages, times, outcome words: one place for every
// figure), validates the session settings for the configuration file, the
// flags and the home screen alike, and orchestrates the optional LLM
// feedback on an answer. It stores nothing on disk and draws nothing.
package interview
