package report

import "grill/internal/fixture"

// The shared sample sessions (see package fixture).
var (
	t0           = fixture.T0
	sampleRecord = fixture.SampleRecord
	inProgress   = fixture.InProgress
)
