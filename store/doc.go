// Package store keeps session records on disk: one <id>.json per session
// (and its Markdown report once it has ended) under <data dir>/sessions,
// written atomically, with cross-platform locks so that one process writes
// a session at a time, and a fast reader that lists ten thousand sessions
// without decoding them in full. It stores interview.Records; it does not
// compute what they mean (interview.Summarize does) or render them (the
// Render hook does).
package store
