package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/gofrs/flock"
)

// lock takes the lock of session id: an exclusive, non-blocking advisory
// lock (flock on Unix, LockFileEx on Windows, through gofrs/flock) on
// <id>.lock, which holds the PID of its owner for error messages. Lock files
// are removed on release; a lock obtained on a file that was removed or
// replaced meanwhile is retried on the new file.
func (s *Store) lock(id string) error {
	if s.locks[id] != nil {
		return nil
	}
	path := s.lockPath(id)
	for range 10 {
		l := flock.New(path, flock.SetPermissions(0o600))
		ok, err := l.TryLock()
		if err != nil {
			return fmt.Errorf("locking %s: %w", path, err)
		}
		if !ok {
			pid, _ := readPID(path)
			return &LockedError{ID: id, Path: path, PID: pid}
		}
		held, err1 := l.Stat()
		now, err2 := os.Stat(path)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			_ = l.Close() // removed by its previous owner meanwhile: try again
			continue
		}
		// Windows refuses to write a file locked through another handle;
		// the PID is only for messages, so that is no error.
		_ = os.WriteFile(path, []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
		s.locks[id] = l
		return nil
	}
	return fmt.Errorf("locking %s: the lock file keeps changing", path)
}

// unlock releases the lock of id, if held, and removes its lock file when
// remove is true (the session has ended). A lock file left in place marks a
// session still in progress, for Resumable.
func (s *Store) unlock(id string, remove bool) {
	l := s.locks[id]
	if l == nil {
		return
	}
	delete(s.locks, id)
	if remove {
		_ = os.Remove(s.lockPath(id)) // while still locked, so no one else holds it
	}
	_ = l.Close()
}

// readPID reads the PID written in a lock file.
func readPID(path string) (int, error) {
	data, err := readFile(path)
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(strings.TrimSpace(string(data)))
}
