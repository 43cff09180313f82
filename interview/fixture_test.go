package interview

import "grill/internal/fixture/decklib"

// sessionLibrary is the shared three-topic library (see package decklib).
var sessionLibrary = decklib.Sessions
