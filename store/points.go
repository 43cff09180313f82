package store

import "grill/interview"

// PointHistory reads every stored session in full and returns how each key
// point of each card went, oldest session first (see
// interview.PointHistory). Unreadable records are reported in the errors
// and skipped. Unlike List it decodes the key point verdicts, so it reads
// whole records; it is used once at start and by grill report points.
func (s *Store) PointHistory() (*interview.PointHistory, []error) {
	h := interview.NewPointHistory()
	ids, err := s.ids()
	if err != nil {
		return h, []error{err}
	}
	var errs []error
	for i := len(ids) - 1; i >= 0; i-- {
		rec, err := s.load(ids[i])
		if err != nil {
			errs = append(errs, err)
			continue
		}
		h.Add(rec)
	}
	return h, errs
}
