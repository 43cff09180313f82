package store

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"

	"grill/interview"
)

// NotRegularError is returned for a file named like a session file that is
// not a regular file (a FIFO, a socket, a device, a directory): grill never
// opens it, since opening a FIFO blocks until someone writes to it.
type NotRegularError struct {
	Path string
	Mode fs.FileMode
}

func (e *NotRegularError) Error() string {
	return fmt.Sprintf("%s: not a regular file (%s)", e.Path, interview.FileKind(e.Mode))
}

// MaxRecordBytes is the largest session file grill reads or writes: 16 MiB.
// A typical record is 10–50 KB; the cap holds, for example, 50 questions
// with 5,000-word answers and 200 KB of LLM feedback each. A larger file is
// refused from its size alone, before it is read, so that reading any
// session takes bounded time and memory.
const MaxRecordBytes = 16 << 20

// TooLargeError is returned for a session file larger than MaxRecordBytes.
type TooLargeError struct {
	Path string
	Size int64 // -1 when the file grew while being read
}

func (e *TooLargeError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("%s: more than the %d bytes (16 MiB) a session file may hold; not read", e.Path, MaxRecordBytes)
	}
	return fmt.Sprintf("%s: %d bytes, more than the %d (16 MiB) a session file may hold; not read", e.Path, e.Size, MaxRecordBytes)
}

// readRegular reads the file at path into buf (reset first), provided it
// is a regular file (after following symbolic links) of at most
// MaxRecordBytes. The type and size are checked before the file is opened
// and again on the open file, so that a FIFO is never read and a huge file
// is refused at once.
func readRegular(path string, buf *bytes.Buffer) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return &NotRegularError{Path: path, Mode: fi.Mode()}
	}
	if fi.Size() > MaxRecordBytes {
		return &TooLargeError{Path: path, Size: fi.Size()}
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
	if fi.Size() > MaxRecordBytes {
		return &TooLargeError{Path: path, Size: fi.Size()}
	}
	buf.Reset()
	if _, err = buf.ReadFrom(io.LimitReader(f, MaxRecordBytes+1)); err != nil {
		return err
	}
	if buf.Len() > MaxRecordBytes {
		buf.Reset()
		return &TooLargeError{Path: path, Size: -1}
	}
	return nil
}

// readFile is readRegular into a new buffer.
func readFile(path string) ([]byte, error) {
	var buf bytes.Buffer
	if err := readRegular(path, &buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
