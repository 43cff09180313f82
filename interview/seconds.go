package interview

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"time"
)

// Seconds is a time.Duration as a session record stores it from schema
// version 3: a JSON number of seconds, fractional where needed (180,
// 132.5, 0.001). It is written exactly, to the nanosecond, and read
// exactly from a plain decimal; a number with an exponent is read through
// a float, to the nearest nanosecond.
type Seconds time.Duration

// MarshalJSON writes s as a number of seconds.
func (s Seconds) MarshalJSON() ([]byte, error) { return AppendSeconds(nil, time.Duration(s)), nil }

// UnmarshalJSON reads a number of seconds. Anything but a number, and a
// duration beyond time.Duration's range (about 292 years), is an error.
func (s *Seconds) UnmarshalJSON(data []byte) error {
	d, err := ParseSeconds(data)
	if err != nil {
		return err
	}
	*s = Seconds(d)
	return nil
}

// AppendSeconds appends d as a decimal number of seconds, without trailing
// zeros: 180, 132.5, -0.000000001.
func AppendSeconds(b []byte, d time.Duration) []byte {
	u := uint64(d)
	if d < 0 {
		b = append(b, '-')
		u = -u // two's complement: right for math.MinInt64 too
	}
	b = strconv.AppendUint(b, u/1e9, 10)
	if frac := u % 1e9; frac > 0 {
		var digits [10]byte
		f := strconv.AppendUint(digits[:0], frac+1e9, 10)[1:] // nine digits, leading zeros kept
		for f[len(f)-1] == '0' {
			f = f[:len(f)-1]
		}
		b = append(append(b, '.'), f...)
	}
	return b
}

// errSecondsRange reports a number of seconds beyond time.Duration.
var errSecondsRange = errors.New("out of range")

// maxSeconds is the whole seconds of the longest time.Duration, plus one.
const maxSeconds = math.MaxInt64/1_000_000_000 + 1

// ParseSeconds reads a JSON number of seconds as a duration, rounded to
// the nearest nanosecond (halves away from zero).
func ParseSeconds(num []byte) (time.Duration, error) {
	d, err := parseSeconds(num)
	if err != nil {
		return 0, fmt.Errorf("a duration in seconds: %q is %w", num, err)
	}
	return d, nil
}

func parseSeconds(b []byte) (time.Duration, error) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	i := 0
	var secs uint64
	for ; i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
		if secs = secs*10 + uint64(b[i]-'0'); secs > maxSeconds {
			return 0, errSecondsRange
		}
	}
	if i == 0 {
		return 0, errors.New("not a number")
	}
	var frac uint64 // nanoseconds
	if i < len(b) && b[i] == '.' {
		i++
		start := i
		for scale := uint64(1e8); i < len(b) && '0' <= b[i] && b[i] <= '9'; i++ {
			switch {
			case scale > 0:
				frac += uint64(b[i]-'0') * scale
				scale /= 10
			case i == start+9 && b[i] >= '5':
				frac++ // round on the tenth digit
			}
		}
		if i == start {
			return 0, errors.New("not a number")
		}
	}
	if i < len(b) {
		if b[i] != 'e' && b[i] != 'E' {
			return 0, errors.New("not a number")
		}
		return parseSecondsFloat(b, neg)
	}
	ns := secs*1e9 + frac
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	if secs > limit/1e9 || ns > limit {
		return 0, errSecondsRange
	}
	if neg {
		return time.Duration(-ns), nil
	}
	return time.Duration(ns), nil
}

// parseSecondsFloat reads a number with an exponent (b without its sign).
func parseSecondsFloat(b []byte, neg bool) (time.Duration, error) {
	for _, c := range b {
		if !('0' <= c && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
			return 0, errors.New("not a number")
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, errSecondsRange
		}
		return 0, errors.New("not a number")
	}
	ns := math.Round(f * 1e9)
	if neg {
		ns = -ns
	}
	if ns >= math.MaxInt64 || ns < math.MinInt64 { // float64(MaxInt64) is 2⁶³
		return 0, errSecondsRange
	}
	return time.Duration(ns), nil
}
