package corpus

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// dataPath joins shared/data with the parts of a path inside it.
func dataPath(shared string, parts ...string) string {
	return filepath.Join(append([]string{shared, "data"}, parts...)...)
}

// readFile returns the bytes of path, gunzipped when the name ends in ".gz".
func readFile(path string) ([]byte, error) {
	if !strings.HasSuffix(path, ".gz") {
		return os.ReadFile(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	defer zr.Close()
	// Text compresses about 3:1; sizing the buffer once saves the copies
	// io.ReadAll makes as it doubles.
	var buf bytes.Buffer
	if fi, err := f.Stat(); err == nil {
		buf.Grow(int(fi.Size()) * 4)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return buf.Bytes(), nil
}

// eachJSONLine decodes every non-blank line of a JSON-lines file (gzipped or
// not) into a fresh T and calls fn with it and its 1-based line number.
func eachJSONLine[T any](path string, fn func(v *T, line int) error) error {
	b, err := readFile(path)
	if err != nil {
		return err
	}
	line := 0
	for len(b) > 0 {
		var l []byte
		l, b, _ = bytes.Cut(b, []byte("\n"))
		line++
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		v := new(T)
		if err := json.Unmarshal(l, v); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
		if err := fn(v, line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, line, err)
		}
	}
	return nil
}

// cp1252High maps bytes 0x80–0x9F to the characters Windows-1252 gives them;
// the rest of the range is Latin-1. Zero marks the five undefined bytes,
// which decode as in Latin-1 (C1 controls).
var cp1252High = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// decodeCP1252 decodes Windows-1252 bytes (a superset of Latin-1's printable
// characters) to UTF-8.
func decodeCP1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0 && cp1252High[c-0x80] != 0:
			sb.WriteRune(cp1252High[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// decodeLatin1 decodes ISO-8859-1 bytes to UTF-8.
func decodeLatin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	for _, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
		} else {
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// utf8OrCP1252 returns b as text: UTF-8 when it is valid UTF-8 (pure ASCII
// is both), else CP1252. Mis-reading CP1252 as UTF-8 needs a byte sequence
// that happens to be valid UTF-8, which ordinary Western text does not have.
func utf8OrCP1252(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeCP1252(b)
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}
