package decks

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
)

// Cache keeps the decks Load parsed, so that a deck file is parsed again
// only when its content changes: one file per deck path under Dir, holding
// the parsed topics and problems in encoding/gob with the hash of what
// they were parsed from (the file's content, its name, the cache format,
// Version and the build of grill). An entry that is missing, stale or
// cannot be decoded is ignored and written again after parsing; entries
// are replaced atomically (a temporary file renamed over the old one), so
// a crash leaves the old entry or the new one. Errors writing the cache
// are ignored: it only saves time. decks check never uses it.
type Cache struct {
	Dir     string // e.g. DefaultCacheDir's; "" disables the cache
	Version string // grill's version, part of every entry's key
}

// cacheFormat names the layout of a cache entry; change it whenever
// Parse's output or the entry's encoding changes.
const cacheFormat = "grill-decks-cache 1"

// DefaultCacheDir is where grill caches parsed decks:
// $XDG_CACHE_HOME/grill/decks, or ~/.cache/grill/decks when the variable
// is unset or not an absolute path.
func DefaultCacheDir(getenv func(string) string, home string) string {
	if d := getenv("XDG_CACHE_HOME"); d != "" && filepath.IsAbs(d) {
		return filepath.Join(d, "grill", "decks")
	}
	return filepath.Join(home, ".cache", "grill", "decks")
}

// cacheEntry is what one cache file holds.
type cacheEntry struct {
	Key      [sha256.Size]byte // hash of the source and all that shapes the parse
	Topics   []*Topic
	Problems []Problem
	Flags    []uint8 // per card in walk order: the unexported fields gob skips
}

const (
	flagExplicitID = 1 << 7 // Card.explicitID; the low bits hold ownDifficulty
)

// buildStamp identifies the build of grill: its module version and VCS
// revision, so that a new build does not trust entries of an older parser.
var buildStamp = sync.OnceValue(func() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	var b bytes.Buffer
	b.WriteString(info.Main.Version)
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" || s.Key == "vcs.time" || s.Key == "vcs.modified" {
			b.WriteString("\x00" + s.Value)
		}
	}
	return b.String()
})

// paths returns the entry file for deck name and the key its content must
// match.
func (c *Cache) paths(name string, src []byte) (string, [sha256.Size]byte) {
	abs, err := filepath.Abs(name)
	if err != nil {
		abs = name
	}
	file := sha256.Sum256([]byte(abs))
	h := sha256.New()
	for _, s := range []string{cacheFormat, c.Version, buildStamp(), name} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(src)
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return filepath.Join(c.Dir, hex.EncodeToString(file[:16])+".gob"), key
}

// parse is Parse through the cache: the cached result when its key
// matches, else Parse's, which is then cached.
func (c *Cache) parse(name string, src []byte) ([]*Topic, []Problem) {
	if c == nil || c.Dir == "" {
		return Parse(name, src)
	}
	path, key := c.paths(name, src)
	if e, ok := readCacheEntry(path, key); ok {
		return e.Topics, e.Problems
	}
	topics, problems := Parse(name, src)
	writeCacheEntry(path, &cacheEntry{Key: key, Topics: topics, Problems: problems, Flags: cardFlags(topics)})
	return topics, problems
}

// readCacheEntry decodes the entry at path when it holds key.
func readCacheEntry(path string, key [sha256.Size]byte) (e *cacheEntry, ok bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < len(key) {
		return nil, false
	}
	defer func() {
		if recover() != nil { // gob should not panic on bad input; be sure
			e, ok = nil, false
		}
	}()
	e = &cacheEntry{}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(e); err != nil || e.Key != key {
		return nil, false
	}
	if !setCardFlags(e.Topics, e.Flags) {
		return nil, false
	}
	return e, true
}

// writeCacheEntry writes e to path atomically; failures are ignored.
func writeCacheEntry(path string, e *cacheEntry) {
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(e) != nil {
		return
	}
	dir := filepath.Dir(path)
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return
	}
	_, err = f.Write(b.Bytes())
	if err2 := f.Close(); err == nil {
		err = err2
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
}

// walkTopics calls f on every card and follow-up of topics, each card
// before its follow-ups.
func walkTopics(topics []*Topic, f func(*Card)) {
	for _, t := range topics {
		for _, c := range t.Cards {
			f(c)
			for _, fu := range c.FollowUps {
				f(fu)
			}
		}
	}
}

// cardFlags returns the unexported fields of the cards of topics.
func cardFlags(topics []*Topic) []uint8 {
	var out []uint8
	walkTopics(topics, func(c *Card) {
		v := uint8(c.ownDifficulty) & 0x7f
		if c.explicitID {
			v |= flagExplicitID
		}
		out = append(out, v)
	})
	return out
}

// setCardFlags sets what cardFlags returned on the cards of topics; false
// when the numbers of cards differ.
func setCardFlags(topics []*Topic, flags []uint8) bool {
	i := 0
	ok := true
	walkTopics(topics, func(c *Card) {
		if i >= len(flags) {
			ok = false
			return
		}
		c.explicitID, c.ownDifficulty = flags[i]&flagExplicitID != 0, int(flags[i]&0x7f)
		i++
	})
	return ok && i == len(flags)
}
