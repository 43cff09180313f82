package interview

import (
	"testing"
	"time"
)

var epoch = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

func TestFakeClockAdvanceFiresTicks(t *testing.T) {
	c := NewFakeClock(epoch)
	tk := c.NewTicker(time.Second)
	select {
	case <-tk.C():
		t.Fatal("tick before the clock moved")
	default:
	}
	c.Advance(999 * time.Millisecond)
	select {
	case <-tk.C():
		t.Fatal("tick before a whole period")
	default:
	}
	c.Advance(time.Millisecond)
	select {
	case got := <-tk.C():
		if !got.Equal(epoch.Add(time.Second)) {
			t.Fatalf("tick at %v, want %v", got, epoch.Add(time.Second))
		}
	default:
		t.Fatal("no tick after a period")
	}
	if got := c.Now(); !got.Equal(epoch.Add(time.Second)) {
		t.Fatalf("Now = %v", got)
	}
}

func TestFakeClockDropsTicksLikeARealTicker(t *testing.T) {
	c := NewFakeClock(epoch)
	tk := c.NewTicker(time.Second)
	c.Advance(5 * time.Second)
	n := 0
	for {
		select {
		case <-tk.C():
			n++
			continue
		default:
		}
		break
	}
	if n != 1 {
		t.Fatalf("%d ticks buffered, want 1", n)
	}
	if got := c.Now(); !got.Equal(epoch.Add(5 * time.Second)) {
		t.Fatalf("Now = %v", got)
	}
}

func TestFakeClockStop(t *testing.T) {
	c := NewFakeClock(epoch)
	tk := c.NewTicker(time.Second)
	if c.Tickers() != 1 {
		t.Fatalf("Tickers = %d", c.Tickers())
	}
	tk.Stop()
	c.Advance(3 * time.Second)
	select {
	case <-tk.C():
		t.Fatal("tick after Stop")
	default:
	}
	if c.Tickers() != 0 {
		t.Fatalf("Tickers = %d after Stop", c.Tickers())
	}
}
