package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// needTmux skips the test without tmux (outside CI) or in -short mode.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("tmux is not installed")
		}
		t.Fatal("tmux is not installed; .ci/run installs it")
	}
	if testing.Short() {
		t.Skip("end-to-end test")
	}
}

// buildGrill builds the grill binary from the repository root into dir and
// returns its path.
func buildGrill(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "grill")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = ".."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
