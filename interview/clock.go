package interview

import (
	"sort"
	"sync"
	"time"
)

// Clock is the time source of a session. The real one reads the system
// clock; tests use a FakeClock so that no test waits for time to pass.
type Clock interface {
	// Now returns the current time.
	Now() time.Time
	// NewTicker returns a ticker that delivers a tick every d.
	NewTicker(d time.Duration) Ticker
}

// Ticker delivers ticks on a channel until it is stopped.
type Ticker interface {
	// C returns the channel on which the ticks are delivered.
	C() <-chan time.Time
	// Stop turns the ticker off; no more ticks are delivered after it returns.
	Stop()
}

// RealClock is the system clock.
type RealClock struct{}

// Now returns time.Now().
func (RealClock) Now() time.Time { return time.Now() }

// NewTicker returns a ticker backed by time.NewTicker.
func (RealClock) NewTicker(d time.Duration) Ticker { return realTicker{time.NewTicker(d)} }

type realTicker struct{ t *time.Ticker }

func (r realTicker) C() <-chan time.Time { return r.t.C }
func (r realTicker) Stop()               { r.t.Stop() }

// FakeClock is a Clock whose time moves only when Advance is called. It is
// safe for concurrent use.
type FakeClock struct {
	mu      sync.Mutex
	now     time.Time
	tickers []*fakeTicker
}

// NewFakeClock returns a FakeClock reading start.
func NewFakeClock(start time.Time) *FakeClock { return &FakeClock{now: start} }

// Now returns the fake current time.
func (c *FakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// NewTicker returns a ticker that fires when Advance moves the clock past
// each multiple of d from now.
func (c *FakeClock) NewTicker(d time.Duration) Ticker {
	if d <= 0 {
		panic("interview: non-positive interval for NewTicker")
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTicker{clock: c, period: d, next: c.now.Add(d), ch: make(chan time.Time, 1)}
	c.tickers = append(c.tickers, t)
	return t
}

// Advance moves the clock forward by d and fires, in time order, every tick
// that falls due. Like a real ticker, a tick whose receiver has not taken
// the previous one is dropped rather than queued.
func (c *FakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	end := c.now.Add(d)
	for {
		var due []*fakeTicker
		for _, t := range c.tickers {
			if !t.next.After(end) {
				due = append(due, t)
			}
		}
		if len(due) == 0 {
			break
		}
		sort.Slice(due, func(i, j int) bool { return due[i].next.Before(due[j].next) })
		t := due[0]
		c.now = t.next
		t.next = t.next.Add(t.period)
		select {
		case t.ch <- c.now:
		default:
		}
	}
	c.now = end
}

// Tickers returns how many tickers are running; tests use it to wait until
// the code under test has started its ticker before advancing the clock.
func (c *FakeClock) Tickers() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.tickers)
}

type fakeTicker struct {
	clock  *FakeClock
	period time.Duration
	next   time.Time
	ch     chan time.Time
}

func (t *fakeTicker) C() <-chan time.Time { return t.ch }

func (t *fakeTicker) Stop() {
	c := t.clock
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, x := range c.tickers {
		if x == t {
			c.tickers = append(c.tickers[:i], c.tickers[i+1:]...)
			return
		}
	}
}
