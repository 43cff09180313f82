package decks

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// loadBoth loads paths without and then twice with a cache in dir, and
// fails unless all three libraries are the same.
func loadBoth(t *testing.T, paths []string, cache *Cache) *Library {
	t.Helper()
	want, err := Load(paths, true)
	if err != nil {
		t.Fatal(err)
	}
	for range 2 { // the first fills the cache, the second reads it
		got, err := LoadCached(paths, true, cache)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("library through the cache differs from the parsed one")
		}
	}
	return want
}

func TestCacheGivesTheParsedDecks(t *testing.T) {
	cache := &Cache{Dir: t.TempDir(), Version: "test"}
	loadBoth(t, []string{"testdata/seed.md", "testdata/folded.md", "../testdata/decks/good"}, cache)
	entries, _ := os.ReadDir(cache.Dir)
	if len(entries) == 0 {
		t.Fatal("nothing cached")
	}
	// The unexported fields survive too: Lint reads them.
	lib, err := LoadCached([]string{"testdata/seed.md"}, true, cache)
	if err != nil {
		t.Fatal(err)
	}
	parsed, _ := Load([]string{"testdata/seed.md"}, true)
	for i, c := range lib.Cards() {
		p := parsed.Cards()[i]
		if c.explicitID != p.explicitID || c.ownDifficulty != p.ownDifficulty {
			t.Errorf("card %s: explicit id %v, own difficulty %d through the cache; parsed %v, %d", c.ID, c.explicitID, c.ownDifficulty, p.explicitID, p.ownDifficulty)
		}
	}
}

// writeDeck writes a one-card deck asking question into path.
func writeDeck(t *testing.T, path, question string) {
	t.Helper()
	src := "+++\ntopic = \"t\"\ntitle = \"T\"\n+++\n\n# T\n\n## " + question + "\n\nAn answer.\n"
	if err := os.WriteFile(path, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
}

func firstQuestion(t *testing.T, path string, cache *Cache) string {
	t.Helper()
	lib, err := LoadCached([]string{path}, true, cache)
	if err != nil {
		t.Fatal(err)
	}
	return lib.Cards()[0].Question
}

func TestCacheEntryUsedOnlyForTheSameContent(t *testing.T) {
	dir := t.TempDir()
	cache := &Cache{Dir: filepath.Join(dir, "cache"), Version: "test"}
	deck := filepath.Join(dir, "deck.md")
	writeDeck(t, deck, "What is one?")
	firstQuestion(t, deck, cache)
	src, _ := os.ReadFile(deck)
	entry, key := cache.paths(deck, src)

	// An entry with the right key is used as it is: plant one to see it.
	planted, _ := Parse(deck, src)
	planted[0].Cards[0].Question = "From the cache?"
	writeCacheEntry(entry, &cacheEntry{Key: key, Topics: planted, Flags: cardFlags(planted)})
	if q := firstQuestion(t, deck, cache); q != "From the cache?" {
		t.Fatalf("question %q: the cache entry was not used", q)
	}

	// A changed file is parsed again, and the entry replaced.
	writeDeck(t, deck, "What is two?")
	if q := firstQuestion(t, deck, cache); q != "What is two?" {
		t.Fatalf("question %q after the file changed, want it parsed again", q)
	}
	src, _ = os.ReadFile(deck)
	if _, key := cache.paths(deck, src); !hasEntry(entry, key) {
		t.Error("the stale entry was not replaced")
	}

	// Another grill version does not trust the entry.
	other := &Cache{Dir: cache.Dir, Version: "other"}
	if _, key := other.paths(deck, src); hasEntry(entry, key) {
		t.Error("an entry of another version matches")
	}

	// A corrupt or truncated entry is ignored and rewritten.
	for _, bad := range [][]byte{[]byte("not gob at all"), nil} {
		if bad == nil {
			data, _ := os.ReadFile(entry)
			bad = data[:len(data)/2]
		}
		if err := os.WriteFile(entry, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		if q := firstQuestion(t, deck, cache); q != "What is two?" {
			t.Fatalf("question %q with a corrupt entry", q)
		}
		if _, key := cache.paths(deck, src); !hasEntry(entry, key) {
			t.Error("the corrupt entry was not rewritten")
		}
	}
}

func hasEntry(path string, key [32]byte) bool {
	_, ok := readCacheEntry(path, key)
	return ok
}

func TestCacheUnwritableIsIgnored(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	deck := filepath.Join(dir, "deck.md")
	writeDeck(t, deck, "What is one?")
	if q := firstQuestion(t, deck, &Cache{Dir: filepath.Join(blocker, "cache")}); q != "What is one?" {
		t.Fatalf("question %q", q)
	}
}

func TestDefaultCacheDir(t *testing.T) {
	env := map[string]string{"XDG_CACHE_HOME": "/x/cache"}
	if got := DefaultCacheDir(func(k string) string { return env[k] }, "/home/u"); got != "/x/cache/grill/decks" {
		t.Errorf("with XDG_CACHE_HOME: %s", got)
	}
	env["XDG_CACHE_HOME"] = "relative"
	if got := DefaultCacheDir(func(k string) string { return env[k] }, "/home/u"); got != "/home/u/.cache/grill/decks" {
		t.Errorf("with a relative XDG_CACHE_HOME: %s", got)
	}
}
