package decks_test

import (
	"testing"

	"grill/decks"
	"grill/internal/fixture"
)

// benchmarkLoadExtra loads the built-in decks plus 2,525 cards in 5 extra
// deck files (3.3 MB), as the home screen of a large library does, through
// cache (nil for none).
func benchmarkLoadExtra(b *testing.B, cache *decks.Cache) {
	paths, err := fixture.WriteDecks(b.TempDir(), 5, 505)
	if err != nil {
		b.Fatal(err)
	}
	load := func() {
		lib, err := decks.LoadCached(paths, false, cache)
		if err != nil || len(lib.Cards()) != 5*505+90 {
			b.Fatal(err)
		}
	}
	load() // fills the cache
	b.ResetTimer()
	start := fixture.CPUTime()
	defer fixture.ReportCPU(b, start)
	for b.Loop() {
		load()
	}
}

// BenchmarkLoad2525Cards parses the extra decks every time.
func BenchmarkLoad2525Cards(b *testing.B) { benchmarkLoadExtra(b, nil) }

// BenchmarkLoad2525CardsCached reads them from the cache of parsed decks.
func BenchmarkLoad2525CardsCached(b *testing.B) {
	benchmarkLoadExtra(b, &decks.Cache{Dir: b.TempDir(), Version: "bench"})
}
