package interview

import (
	"testing"
	"time"

	"grill/decks"
)

// A session grades an answer among the other cards of its topic: an answer
// to the neighbouring card reads like it.
func TestSessionGradesAmongTheTopic(t *testing.T) {
	lib, err := decks.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	rec := Record{ID: "20261126T000000Z", Started: epoch, Plan: []string{"diffusion/negative-prompts"},
		Settings: Settings{Count: 1, TimeLimit: time.Minute, TimeChosen: true, Seed: 1}}
	sess, err := Resume(lib, rec, Options{Clock: NewFakeClock(epoch)})
	if err != nil {
		t.Fatal(err)
	}
	sess.SetDraft("Classifier-free guidance trains a single network both with the text condition and with an empty condition, dropping the prompt for roughly one example in ten. When sampling, each step evaluates the model twice, conditioned and unconditional, and moves from the unconditional prediction towards the conditional one by a guidance scale w of about 7.5. Larger w follows the prompt more closely but costs diversity.")
	if err := sess.Submit(); err != nil {
		t.Fatal(err)
	}
	if _, q := sess.Current(); q.Grade.ReadsLike != "diffusion/classifier-free-guidance" {
		t.Errorf("ReadsLike = %q, score %d; want diffusion/classifier-free-guidance", q.Grade.ReadsLike, q.Grade.Score)
	}
}
