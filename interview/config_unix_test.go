//go:build unix

package interview

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestConfigFIFODoesNotBlock: a named pipe given as the configuration is
// refused at once instead of waiting for a writer.
func TestConfigFIFODoesNotBlock(t *testing.T) {
	p := filepath.Join(t.TempDir(), "config.toml")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skip("mkfifo:", err)
	}
	_, err := LoadConfig(readDefaults(t), p, true)
	if err == nil || !strings.Contains(err.Error(), "not a regular file (a named pipe)") {
		t.Fatalf("err = %v", err)
	}
}
