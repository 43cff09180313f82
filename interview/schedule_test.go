package interview

import (
	"math"
	"testing"
	"time"
)

// The expected values below are computed by hand from the FSRS-4.5
// formulas ("The Algorithm", open-spaced-repetition/fsrs4anki wiki,
// section FSRS-4.5) and its default parameters:
//
//	w = 0.4872 1.4003 3.7145 13.8206 5.1618 1.2298 0.8975 0.031 1.6474
//	    0.1367 1.0461 2.1072 0.0793 0.3246 1.587 0.2272 2.8755
//	FACTOR = 19/81 = 0.2345679, DECAY = −0.5, requested retention 0.9,
//	so that the interval I(0.9, S) = S/FACTOR·(0.9^−2 − 1) = S.

const tol = 1e-6

func near(a, b, eps float64) bool { return math.Abs(a-b) <= eps }

func review(card string, days float64, r Rating) Review {
	return Review{CardID: card, Time: t0.Add(time.Duration(days * float64(24*time.Hour))), Rating: r, Outcome: Submitted}
}

func TestFSRSFirstReview(t *testing.T) {
	// S0(G) = w[G−1]; D0(G) = w4 − (G−3)·w5; interval = round(S0), at least 1 day.
	//   Again: S = 0.4872,  D = 5.1618 + 2·1.2298 = 7.6214, I = round(0.4872) = 0 → 1 day
	//   Hard:  S = 1.4003,  D = 5.1618 + 1.2298   = 6.3916, I = 1
	//   Good:  S = 3.7145,  D = 5.1618,                    I = 4
	//   Easy:  S = 13.8206, D = 5.1618 − 1.2298   = 3.9320, I = 14
	for _, tc := range []struct {
		g       Rating
		s, d, i float64
	}{
		{Again, 0.4872, 7.6214, 1},
		{Hard, 1.4003, 6.3916, 1},
		{Good, 3.7145, 5.1618, 4},
		{Easy, 13.8206, 3.9320, 14},
	} {
		c := DefaultFSRS.Schedule("c", []Review{review("c", 0, tc.g)})
		if !near(c.Stability, tc.s, tol) || !near(c.Difficulty, tc.d, tol) || c.Interval != tc.i {
			t.Errorf("first review %d: S=%v D=%v I=%v, want S=%v D=%v I=%v", tc.g, c.Stability, c.Difficulty, c.Interval, tc.s, tc.d, tc.i)
		}
		if want := t0.Add(time.Duration(tc.i) * 24 * time.Hour); !c.Due.Equal(want) {
			t.Errorf("first review %d: due %v, want %v", tc.g, c.Due, want)
		}
	}
}

func TestFSRSSecondReview(t *testing.T) {
	// First review Good at day 0: S = 3.7145, D = 5.1618. Second review at
	// day 4 (when due):
	//   R = (1 + 19/81 · 4/3.7145)^−0.5 = (1 + 0.2345679·1.0768610)^−0.5
	//     = 1.2525970^−0.5 = 0.8934995
	// Shared factors of S'r:
	//   e^w8 = e^1.6474 = 5.1934593
	//   S^−w9 = 3.7145^−0.1367 = 0.8357851
	//   e^(w10·(1−R)) − 1 = e^(1.0461·0.1065005) − 1 = 0.1178533
	//   11 − D = 5.8382
	//   base = 5.1934593 · 5.8382 · 0.8357851 · 0.1178533 = 2.9865663
	//
	// Good: S' = 3.7145 · (2.9865663 + 1) = 14.808101 → I = 15 days
	//       D' = 0.031·5.1618 + 0.969·(5.1618 − 0) = 5.1618
	// Hard: S' = 3.7145 · (2.9865663 · 0.2272 + 1) = 6.234966 → I = 6 days
	//       D' = 0.031·5.1618 + 0.969·(5.1618 + 0.8975) = 6.0314775
	// Easy: S' = 3.7145 · (2.9865663 · 2.8755 + 1) = 35.614148 → I = 36 days
	//       D' = 0.031·5.1618 + 0.969·(5.1618 − 0.8975) = 4.2921225
	// Again (a lapse):
	//       S' = w11 · D^−w12 · ((S+1)^w13 − 1) · e^(w14·(1−R))
	//          = 2.1072 · 5.1618^−0.0793 · (4.7145^0.3246 − 1) · e^(1.587·0.1065005)
	//          = 2.1072 · 0.8779603 · 0.6542350 · 1.1841394 = 1.433234 → I = 1 day
	//       D' = 0.031·5.1618 + 0.969·(5.1618 + 2·0.8975) = 0.1600158 + 6.7411392 = 6.901155
	if r := Retrievability(4, 3.7145); !near(r, 0.8934995, 1e-7) {
		t.Errorf("R(4, 3.7145) = %v, want 0.8934995", r)
	}
	for _, tc := range []struct {
		g       Rating
		s, d, i float64
		lapses  int
	}{
		{Good, 14.808101, 5.1618, 15, 0},
		{Hard, 6.234966, 6.0314775, 6, 0},
		{Easy, 35.614148, 4.2921225, 36, 0},
		{Again, 1.433234, 6.901155, 1, 1},
	} {
		c := DefaultFSRS.Schedule("c", []Review{review("c", 4, tc.g), review("c", 0, Good)}) // any order
		if !near(c.Stability, tc.s, 1e-5) || !near(c.Difficulty, tc.d, tol) || c.Interval != tc.i || c.Reviews != 2 || c.Lapses != tc.lapses {
			t.Errorf("Good then %d after 4 days: S=%v D=%v I=%v reviews=%d lapses=%d; want S=%v D=%v I=%v lapses=%d",
				tc.g, c.Stability, c.Difficulty, c.Interval, c.Reviews, c.Lapses, tc.s, tc.d, tc.i, tc.lapses)
		}
		if want := t0.Add(time.Duration(4+tc.i) * 24 * time.Hour); !c.Due.Equal(want) || !c.Last.Equal(t0.Add(4*24*time.Hour)) {
			t.Errorf("Good then %d: due %v (last %v), want %v", tc.g, c.Due, c.Last, want)
		}
	}
}

func TestFSRSThirdReview(t *testing.T) {
	// Good at day 0, Good at day 4 (S = 14.808101, D = 5.1618), Good at day
	// 19 (when due, 15 days later):
	//   R = (1 + 0.2345679 · 15/14.808101)^−0.5 = 1.2376077^−0.5 = 0.8988940
	//   S' = 14.808101 · (5.1934593 · 5.8382 · 14.808101^−0.1367 ·
	//        (e^(1.0461·0.1011060) − 1) + 1)
	//      = 14.808101 · (5.1934593 · 5.8382 · 0.6918194 · 0.1115628 + 1)
	//      = 14.808101 · (2.3401722 + 1) = 49.461605 → I = 49
	c := DefaultFSRS.Schedule("c", []Review{review("c", 0, Good), review("c", 4, Good), review("c", 19, Good)})
	if !near(c.Stability, 49.461605, 1e-4) || c.Interval != 49 || !near(c.Difficulty, 5.1618, tol) {
		t.Errorf("Good ×3: S=%v D=%v I=%v, want S=49.4616 D=5.1618 I=49", c.Stability, c.Difficulty, c.Interval)
	}
	if r := c.Retrievability(c.Due); !near(r, 0.9, 0.002) {
		t.Errorf("retrievability when due = %v, want about 0.9", r)
	}
}

func TestFSRSUsesScoreWhenUnrated(t *testing.T) {
	// An unrated answer scoring 90 counts as Easy: S = w3 = 13.8206.
	c := DefaultFSRS.Schedule("c", []Review{{CardID: "c", Time: t0, Outcome: Submitted, Score: 90}})
	if !near(c.Stability, 13.8206, tol) {
		t.Errorf("unrated 90: S=%v, want 13.8206 (Easy)", c.Stability)
	}
	if c := DefaultFSRS.Schedule("c", nil); c.Reviews != 0 || !c.Due.IsZero() {
		t.Errorf("no reviews: %+v, want a zero schedule", c)
	}
}

func TestFSRSScheduleAll(t *testing.T) {
	all := DefaultFSRS.ScheduleAll([]Review{review("a", 0, Good), review("b", 0, Easy), review("a", 4, Good)})
	if len(all) != 2 || all["a"].Reviews != 2 || all["b"].Reviews != 1 || all["a"].Interval != 15 || all["b"].Interval != 14 {
		t.Errorf("ScheduleAll = %+v", all)
	}
}
