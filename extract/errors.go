package extract

import (
	"errors"
	"fmt"
)

// InputError is a problem with one input, or one line of a JSON Lines input:
// the document is empty, binary, not UTF-8, too large, not valid JSON, and
// so on. Read returns it for whole-input failures and passes it to onErr for
// bad JSON lines; Expand returns it for paths that cannot be read.
type InputError struct {
	Input string // the path, or "stdin"
	Line  int    // 1-based line number for JSON Lines; 0 for the whole input
	Err   error
}

// Error reads "path: problem" or "path:line: problem", the form compilers
// use, so editors and terminals can jump to the place.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Input, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Input, e.Err)
}

// Unwrap returns the underlying error.
func (e *InputError) Unwrap() error { return e.Err }

// The problems a document can have. They are wrapped in an InputError, so
// callers can test for them with errors.Is.
var (
	// ErrEmpty means the document has no text (nothing, or only white space).
	ErrEmpty = errors.New("empty document")
	// ErrBinary means the document contains NUL bytes, which no text does.
	ErrBinary = errors.New("binary content (NUL bytes)")
	// ErrInvalidUTF8 means the document or line is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrTooLarge means the document or line is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("larger than the size limit")
	// ErrNoText means extraction found no article text in the document.
	ErrNoText = errors.New("no article text found")
)

// sizeError reports a document over the limit. size is -1 when unknown
// (standard input, gzip), because finding it would mean reading it all.
type sizeError struct {
	size, limit int64
	what        string // "document" or "line"
}

func (e *sizeError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("%s is larger than the %s limit (see --max-bytes)", e.what, byteSize(e.limit))
	}
	return fmt.Sprintf("%s is %s, larger than the %s limit (see --max-bytes)", e.what, byteSize(e.size), byteSize(e.limit))
}

func (e *sizeError) Is(target error) bool { return target == ErrTooLarge }

// utf8Error reports where the first invalid UTF-8 byte is.
type utf8Error struct{ offset int }

func (e *utf8Error) Error() string { return fmt.Sprintf("invalid UTF-8 at byte %d", e.offset) }

func (e *utf8Error) Is(target error) bool { return target == ErrInvalidUTF8 }
