package store

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
)

// NotRegularError is returned for a file named like a session file that is
// not a regular file (a FIFO, a socket, a device, a directory): grill never
// opens it, since opening a FIFO blocks until someone writes to it.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, fileKind(e.Mode))
}

// fileKind names the type of a file that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "a special file"
}

// readRegular reads the file at path into buf (reset first), provided it
// is a regular file (after following symbolic links). The type is checked
// before the file is opened and again on the open file, so that a FIFO is
// never read.
func readRegular(path string, buf *bytes.Buffer) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	buf.Reset()
	_, err = buf.ReadFrom(f)
	return err
}

// readFile is readRegular into a new buffer.
func readFile(path string) ([]byte, error) {
	var buf bytes.Buffer
	if err := readRegular(path, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
