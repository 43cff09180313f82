package store

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"

	"grill/interview"
)

// The cards file (<data dir>/sessions.cards) holds what the weakest and due
// orders and the per-point history need, per card instead of per answer:
// each card's latest scores and FSRS schedule (interview.CardHistory) and
// each key point's tally (interview.PointTally). It is a fold of the
// records in id order, in two parts:
//
//   - the base: every session up to a watermark id, with how many they are
//     and a fingerprint of their ids, sizes and modification times;
//   - the pending sessions, after the watermark, named by id only: a save
//     appends its session's id and the directory's new modification time.
//     Readers read these few records in full and add them to the base; a
//     reader that finds finished sessions among them folds them into the
//     base and rewrites the file.
//
// Like the index, it is trusted when its last "dir" line is the sessions
// directory's modification time. When it is not, the index (brought up to
// date) tells whether the records of the base are still those folded
// (same count and fingerprint): then the sessions after the watermark are
// the pending ones; otherwise the file is rebuilt from every record, which
// only the per-point history does (about as long as reading every record
// once); the orders meanwhile rank from the index as before. A save of a
// session at or before the watermark leaves the file stale, so that the
// change is noticed. Deleting the file is always safe.
//
// Lines: a header; "base" (watermark, "-" for none; count; fingerprint);
// per card "c" (id, reviews, lapses, last, stability, difficulty,
// interval, due, the latest scores as time:score); per card with key
// points "k" (id, topic, question) then per point "p" (label, asked,
// missed, last miss, the latest outcomes as session:time:0|1); "x" (why a
// record of the base cannot be read); "pending" (id); "dir".
const cardsMagic = "grill-cards 1"

func (s *Store) cardsPath() string { return filepath.Join(filepath.Dir(s.dir), "sessions.cards") }

// cardsAgg is the content of the cards file.
type cardsAgg struct {
	dirMtime  int64
	watermark string // the newest session of the base, "" for none
	folded    int    // sessions in the base
	fp        uint64 // fingerprint of the base's records
	cards     map[string]*interview.CardHistory
	points    *interview.PointHistory
	errs      []string // records of the base that cannot be read
	pending   []string // sessions after the watermark, oldest first
}

// fingerprint is the fingerprint of one record file.
func fingerprint(id string, size, mtime int64) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\t%d\t%d", id, size, mtime)
	return h.Sum64()
}

// Ranker returns what ranks cards for the weakest and due orders at now:
// from the cards file when it can be used, else from every answer in the
// index (interview.HistoryRanker).
func (s *Store) Ranker(now time.Time) interview.Ranker {
	if ag, recs, ok := s.currentCards(); ok {
		if cards, ok := ag.withPending(recs); ok && !answeredAfter(cards, now) {
			return interview.CardRanker{Cards: cards, Now: now}
		}
	}
	reviews, _ := s.Reviews()
	return interview.HistoryRanker{Reviews: reviews, Now: now}
}

// answeredAfter reports whether one of cards was answered after now: then
// the orders must leave that answer out, which only every answer allows.
func answeredAfter(cards map[string]*interview.CardHistory, now time.Time) bool {
	for _, c := range cards {
		if c.Latest().After(now) {
			return true
		}
	}
	return false
}

// PointHistory returns how each key point of each card went, oldest
// session first (see interview.PointHistory): from the cards file and the
// records of the sessions it does not hold yet, or, when it cannot be used,
// from every record in full (rewriting the file). Unreadable records are
// reported in the errors and skipped.
func (s *Store) PointHistory() (*interview.PointHistory, []error) {
	return s.PointHistoryExcept("")
}

// PointHistoryExcept is PointHistory without session except (when not ""):
// the session in progress, whose own answers are not "before" for its
// review. A session in progress is never in the file's base, so leaving it
// out is exact.
func (s *Store) PointHistoryExcept(except string) (*interview.PointHistory, []error) {
	ag, recs, ok := s.currentCards()
	var rebuildErrs []error
	if !ok {
		var rebuilt *cardsAgg
		rebuilt, rebuildErrs = s.rebuildCards(except)
		if ag, recs, ok = s.currentCards(); !ok {
			return rebuilt.points, rebuildErrs // the file could not be written: as it stands
		}
	}
	h := interview.NewPointHistory()
	for _, c := range ag.points.Cards() {
		h.SetCard(c)
	}
	errs := rebuildErrs
	if errs == nil {
		for _, e := range ag.errs {
			errs = append(errs, errors.New(e))
		}
	}
	for _, r := range recs {
		switch {
		case r.id == except:
		case r.err != nil:
			if rebuildErrs == nil {
				errs = append(errs, r.err)
			}
		default:
			h.Add(r.rec)
		}
	}
	return h, errs
}

// pendingRecord is a pending session read in full.
type pendingRecord struct {
	id  string
	rec *interview.Record
	err error
}

// currentCards returns the cards file brought up to date with the
// directory, with the records of its pending sessions; false when it cannot
// be used without a rebuild. Finished pending sessions are folded into the
// base when the file is rewritten.
func (s *Store) currentCards() (*cardsAgg, []pendingRecord, bool) {
	m, err := s.dirMtime()
	if err != nil || m == 0 {
		return nil, nil, false
	}
	ag, err := s.readCards()
	if err != nil {
		return nil, nil, false
	}
	changed := false
	if ag.dirMtime != m {
		ix, err := s.freshIndex()
		if err != nil || !ag.follow(ix) {
			return nil, nil, false
		}
		changed = true
	}
	recs := make([]pendingRecord, len(ag.pending))
	for i, id := range ag.pending {
		rec, err := s.load(id)
		recs[i] = pendingRecord{id: id, rec: rec, err: err}
	}
	// Fold the finished sessions at the start of the pending ones.
	n := 0
	for n < len(recs) && recs[n].rec != nil && (!recs[n].rec.Ended.IsZero() || recs[n].rec.Abandoned) {
		n++
	}
	if n > 0 {
		if next, ok := ag.fold(recs[:n], s); ok {
			ag, recs, changed = next, recs[n:], true
		}
	}
	if changed {
		s.writeCardsLocked(ag)
	}
	return ag, recs, true
}

// follow brings ag up to date with the index ix of a changed directory:
// true when the base's records are unchanged, the sessions after the
// watermark then becoming the pending ones.
func (ag *cardsAgg) follow(ix *index) bool {
	var fp uint64
	n := 0
	var after []string
	for id, e := range ix.entries {
		if ag.watermark == "" || compareIDs(id, ag.watermark) > 0 {
			after = append(after, id)
			continue
		}
		n++
		fp += fingerprint(id, e.size, e.mtime)
	}
	if n != ag.folded || fp != ag.fp {
		return false
	}
	sortIDs(after)
	slices.Reverse(after)
	ag.pending, ag.dirMtime = after, ix.dirMtime
	return true
}

// fold returns ag with the sessions recs (the first pending ones, readable
// and finished) in its base, or false when an answer among them is older
// than one the base holds for its card.
func (ag *cardsAgg) fold(recs []pendingRecord, s *Store) (*cardsAgg, bool) {
	cards, ok := ag.withPending(recs)
	if !ok {
		return nil, false
	}
	next := &cardsAgg{dirMtime: ag.dirMtime, watermark: ag.watermark, folded: ag.folded, fp: ag.fp, cards: cards,
		points: interview.NewPointHistory(), errs: ag.errs, pending: ag.pending[len(recs):]}
	for _, c := range ag.points.Cards() {
		next.points.SetCard(c)
	}
	for _, r := range recs {
		fi, err := os.Stat(s.JSONPath(r.id))
		if err != nil {
			return nil, false
		}
		next.points.Add(r.rec)
		next.watermark = r.id
		next.folded++
		next.fp += fingerprint(r.id, fi.Size(), fi.ModTime().UnixNano())
	}
	return next, true
}

// withPending returns the card histories of ag's base with the answers of
// the readable records recs added, in the order the full history has them;
// false when one of them is older than an answer the base holds for its
// card (sessions that overlap in time).
func (ag *cardsAgg) withPending(recs []pendingRecord) (map[string]*interview.CardHistory, bool) {
	var reviews []interview.Review
	for _, r := range recs {
		if r.rec != nil {
			reviews = appendSessionReviews(reviews, r.rec.Digest())
		}
	}
	slices.SortStableFunc(reviews, func(a, b interview.Review) int { return a.Time.Compare(b.Time) })
	cards := ag.cards
	if len(reviews) > 0 {
		cards = make(map[string]*interview.CardHistory, len(ag.cards)+len(reviews))
		for id, c := range ag.cards {
			cards[id] = c
		}
	}
	copied := map[string]bool{}
	for _, r := range reviews {
		c := cards[r.CardID]
		switch {
		case c == nil:
			c = &interview.CardHistory{}
			cards[r.CardID], copied[r.CardID] = c, true
		case r.Time.Before(c.Latest()):
			return nil, false
		case !copied[r.CardID]:
			c = &interview.CardHistory{Recent: slices.Clone(c.Recent), Schedule: c.Schedule}
			cards[r.CardID], copied[r.CardID] = c, true
		}
		c.Add(r)
	}
	return cards, true
}

// appendSessionReviews appends the answers of one session to rs, in time
// order, as History lists them.
func appendSessionReviews(rs []interview.Review, d *interview.Digest) []interview.Review {
	n := len(rs)
	rs = interview.AppendReviews(rs, d)
	slices.SortStableFunc(rs[n:], func(a, b interview.Review) int { return a.Time.Compare(b.Time) })
	return rs
}

// rebuildCards makes the cards file from every record, read in full, and
// writes it. The finished sessions up to the first one in progress make
// the base; the others are pending. The point history returned leaves out
// the pending session except ("" for none).
func (s *Store) rebuildCards(except string) (*cardsAgg, []error) {
	ag := &cardsAgg{cards: map[string]*interview.CardHistory{}, points: interview.NewPointHistory()}
	m, err := s.dirMtime()
	if err != nil {
		return ag, []error{err}
	}
	if m == 0 {
		return ag, nil // no sessions yet: nothing is written
	}
	entries, err := os.ReadDir(s.dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return ag, []error{&DirError{Dir: s.dir, Err: err}}
	}
	ag.dirMtime = m
	type file struct {
		id          string
		size, mtime int64
	}
	var files []file
	for _, de := range entries {
		id, ok := strings.CutSuffix(de.Name(), ".json")
		if !ok || !ValidID(id) || de.IsDir() {
			continue
		}
		fi, err := de.Info()
		if err != nil {
			continue
		}
		files = append(files, file{id, fi.Size(), fi.ModTime().UnixNano()})
	}
	slices.SortFunc(files, func(a, b file) int { return compareIDs(a.id, b.id) })
	var errs []error
	var reviews []interview.Review
	var pending []*interview.Record
	inBase := true
	for _, f := range files {
		rec, err := s.load(f.id)
		if inBase && rec != nil && rec.Ended.IsZero() && !rec.Abandoned {
			inBase = false
		}
		if err != nil {
			errs = append(errs, err)
		}
		if !inBase {
			ag.pending = append(ag.pending, f.id)
			if err == nil {
				pending = append(pending, rec)
			}
			continue
		}
		ag.watermark, ag.folded = f.id, ag.folded+1
		ag.fp += fingerprint(f.id, f.size, f.mtime)
		if err != nil {
			ag.errs = append(ag.errs, err.Error())
			continue
		}
		ag.points.Add(rec)
		reviews = appendSessionReviews(reviews, rec.Digest())
	}
	slices.SortStableFunc(reviews, func(a, b interview.Review) int { return a.Time.Compare(b.Time) })
	for _, r := range reviews {
		c := ag.cards[r.CardID]
		if c == nil {
			c = &interview.CardHistory{}
			ag.cards[r.CardID] = c
		}
		c.Add(r)
	}
	s.writeCardsLocked(ag) // the base and the pending sessions' ids
	if len(pending) > 0 {
		h := interview.NewPointHistory()
		for _, c := range ag.points.Cards() {
			h.SetCard(c)
		}
		for _, rec := range pending {
			if rec.ID != except {
				h.Add(rec)
			}
		}
		ag.points = h
	}
	return ag, errs
}

// appendPending records in the cards file that session rec was saved,
// after the directory had modification time before and now has after,
// provided the file was up to date and rec comes after its watermark.
// Called with the index lock held.
func (s *Store) appendPending(rec *interview.Record, before, after int64) {
	last, ok := lastDirLine(s.cardsPath())
	if !ok || last != before {
		return
	}
	f, err := os.Open(s.cardsPath())
	if err != nil {
		return
	}
	head := make([]byte, 128)
	n, _ := f.Read(head)
	f.Close()
	_, rest, _ := bytes.Cut(head[:n], []byte{'\n'})
	line, _, _ := bytes.Cut(rest, []byte{'\n'})
	w, ok := bytes.CutPrefix(line, []byte("base\t"))
	w, _, _ = bytes.Cut(w, []byte{'\t'})
	if !ok || (string(w) != "-" && compareIDs(rec.ID, string(w)) <= 0) {
		return // the base changes: left stale, to be rebuilt
	}
	a, err := os.OpenFile(s.cardsPath(), os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return
	}
	defer a.Close()
	fmt.Fprintf(a, "pending\t%s\ndir\t%d\n", rec.ID, after)
}

// writeCardsLocked writes ag atomically under the index lock, unless
// another process holds it or the directory changed since ag was made.
// Failures are ignored.
func (s *Store) writeCardsLocked(ag *cardsAgg) {
	l := flock.New(s.indexLockPath(), flock.SetPermissions(0o600))
	if ok, err := l.TryLock(); !ok || err != nil {
		return
	}
	defer l.Close()
	if m, err := s.dirMtime(); err != nil || m != ag.dirMtime {
		return
	}
	var b bytes.Buffer
	b.WriteString(cardsMagic + "\n")
	w := ag.watermark
	if w == "" {
		w = "-"
	}
	fmt.Fprintf(&b, "base\t%s\t%d\t%d\n", w, ag.folded, ag.fp)
	ids := make([]string, 0, len(ag.cards))
	for id := range ag.cards {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c := ag.cards[id]
		sc := c.Schedule
		recent := make([]string, len(c.Recent))
		for i, r := range c.Recent {
			recent[i] = fmt.Sprintf("%d:%d", unixNano(r.Time), r.Score)
		}
		fmt.Fprintf(&b, "c\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%d\t%s\n", escapeField(id), sc.Reviews, sc.Lapses, unixNano(sc.Last),
			ftoa(sc.Stability), ftoa(sc.Difficulty), ftoa(sc.Interval), unixNano(sc.Due), strings.Join(recent, ","))
	}
	for _, c := range ag.points.Cards() {
		fmt.Fprintf(&b, "k\t%s\t%s\t%s\n", escapeField(c.CardID), escapeField(c.Topic), escapeField(c.Question))
		for _, p := range c.Points {
			recent := make([]string, len(p.Recent))
			for i, o := range p.Recent {
				cov := 0
				if o.Covered {
					cov = 1
				}
				recent[i] = fmt.Sprintf("%s:%d:%d", o.SessionID, unixNano(o.Time), cov)
			}
			fmt.Fprintf(&b, "p\t%s\t%d\t%d\t%d\t%s\n", escapeField(p.Label), p.Asked, p.Missed, unixNano(p.LastMissed), strings.Join(recent, ","))
		}
	}
	for _, e := range ag.errs {
		fmt.Fprintf(&b, "x\t%s\n", escapeField(e))
	}
	for _, id := range ag.pending {
		fmt.Fprintf(&b, "pending\t%s\n", id)
	}
	fmt.Fprintf(&b, "dir\t%d\n", ag.dirMtime)
	_ = WriteFileAtomic(s.cardsPath(), b.Bytes(), 0o600)
}

var errBadCards = errors.New("malformed cards file")

// readCards reads and parses the cards file.
func (s *Store) readCards() (*cardsAgg, error) {
	data, err := os.ReadFile(s.cardsPath())
	if err != nil {
		return nil, err
	}
	return parseCards(data)
}

// parseCards reads the content of a cards file.
func parseCards(data []byte) (*cardsAgg, error) {
	line, data, _ := bytes.Cut(data, []byte{'\n'})
	if string(line) != cardsMagic {
		return nil, errBadCards
	}
	ag := &cardsAgg{cards: map[string]*interview.CardHistory{}, points: interview.NewPointHistory()}
	var f [10][]byte
	var card *interview.CardPoints
	flush := func() {
		if card != nil {
			ag.points.SetCard(*card)
			card = nil
		}
	}
	seen := map[string]bool{}
	sawBase, sawDir := false, false
	for len(data) > 0 {
		line, data, _ = bytes.Cut(data, []byte{'\n'})
		n := splitTabs(line, f[:])
		ok := true
		num := func(b []byte) int64 { return fieldInt(b, &ok) }
		flt := func(b []byte) float64 { return fieldFloat(b, &ok) }
		switch {
		case n == 4 && string(f[0]) == "base" && !sawBase:
			sawBase = true
			if string(f[1]) != "-" {
				ag.watermark = string(f[1])
				ok = ValidID(ag.watermark)
			}
			ag.folded = int(num(f[2]))
			fp, err := strconv.ParseUint(string(f[3]), 10, 64)
			ag.fp, ok = fp, ok && err == nil
		case n == 10 && string(f[0]) == "c":
			id := unescapeField(string(f[1]))
			c := &interview.CardHistory{Schedule: interview.CardSchedule{CardID: id, Reviews: int(num(f[2])), Lapses: int(num(f[3])),
				Last: fromUnixNano(num(f[4])), Stability: flt(f[5]), Difficulty: flt(f[6]), Interval: flt(f[7]), Due: fromUnixNano(num(f[8]))}}
			for r := range bytes.SplitSeq(f[9], []byte{','}) {
				if len(r) == 0 {
					continue
				}
				t, sc, found := bytes.Cut(r, []byte{':'})
				ok = ok && found
				c.Recent = append(c.Recent, interview.Review{CardID: id, Time: fromUnixNano(num(t)), Score: int(num(sc))})
			}
			ag.cards[id] = c
		case n == 4 && string(f[0]) == "k":
			flush()
			card = &interview.CardPoints{CardID: unescapeField(string(f[1])), Topic: unescapeField(string(f[2])), Question: unescapeField(string(f[3]))}
		case n == 6 && string(f[0]) == "p" && card != nil:
			p := interview.PointTally{Label: unescapeField(string(f[1])), Asked: int(num(f[2])), Missed: int(num(f[3])), LastMissed: fromUnixNano(num(f[4]))}
			for o := range bytes.SplitSeq(f[5], []byte{','}) {
				if len(o) == 0 {
					continue
				}
				sid, rest, found := bytes.Cut(o, []byte{':'})
				t, cov, found2 := bytes.Cut(rest, []byte{':'})
				ok = ok && found && found2 && (string(cov) == "0" || string(cov) == "1")
				p.Recent = append(p.Recent, interview.PointOutcome{SessionID: string(sid), Time: fromUnixNano(num(t)), Covered: string(cov) == "1"})
			}
			card.Points = append(card.Points, p)
		case n == 2 && string(f[0]) == "x":
			ag.errs = append(ag.errs, unescapeField(string(f[1])))
		case n == 2 && string(f[0]) == "pending":
			id := string(f[1])
			ok = ValidID(id) && ag.watermark != "" && compareIDs(id, ag.watermark) > 0 || ValidID(id) && ag.watermark == ""
			if !seen[id] {
				seen[id] = true
				ag.pending = append(ag.pending, id)
			}
		case n == 2 && string(f[0]) == "dir":
			ag.dirMtime, sawDir = num(f[1]), true
		default:
			ok = false
		}
		if !ok {
			return nil, fmt.Errorf("%w: %q", errBadCards, line)
		}
	}
	flush()
	if !sawBase || !sawDir {
		return nil, errBadCards
	}
	slices.SortFunc(ag.pending, compareIDs)
	return ag, nil
}
