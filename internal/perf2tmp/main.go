package main

import (
	"os"
	"runtime/pprof"

	"grill/report"
	"grill/store"
)

func main() {
	if p := os.Getenv("PROF"); p != "" {
		f, _ := os.Create(p)
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	s := store.NewStore("/tmp/perf/data/grill")
	sums, _ := s.List()
	report.WriteList(os.Stdout, sums, false)
}
