package store

import (
	"grill/internal/fixture"
	"grill/internal/fixture/decklib"
)

// The shared sample sessions and library (see packages fixture and decklib).
var (
	t0             = fixture.T0
	sampleRecord   = fixture.SampleRecord
	inProgress     = fixture.InProgress
	sessionLibrary = decklib.Sessions
)
