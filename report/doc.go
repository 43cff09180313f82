// Package report renders what the store holds for people to read: one
// session record as a Markdown report, and the session history as the
// table or JSON of `grill report list`. It computes no figure itself: the
// scores, averages and durations come from package interview.
package report
