package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// format is how a document is parsed.
type format int

const (
	formatUnknown format = iota // decide by looking at the content
	formatText
	formatHTML
	formatJSONL
)

// Read reads one input from r and calls emit for each article it holds: one
// for a text or HTML document, one per line for JSON Lines. in names the
// input in errors and articles and gives the default article ID (see
// Expand); r is usually in.Open().
//
// The format comes from the file extension: .jsonl and .ndjson are JSON
// Lines; .html, .htm and .xhtml are HTML; .txt, .text and no extension are
// plain text. Other extensions, and standard input, are recognised by their
// content: a first non-space byte '{' means JSON Lines, '<' followed by
// HTML tags means HTML, anything else plain text. Gzip-compressed input
// (.gz, or gzip's magic bytes) is decompressed on the fly.
//
// A problem with the whole input (empty, binary, invalid UTF-8, larger than
// opts.MaxBytes, broken gzip, no article text) is returned as an
// *InputError, before anything is emitted. A bad JSON line is passed to
// onErr as an *InputError with its line number, and reading goes on; if
// onErr is nil, the first bad line ends the read and is returned. An error
// from emit ends the read and is returned as it is. Cancelling ctx stops
// reading between lines, and Read returns ctx.Err() wrapped.
func Read(ctx context.Context, in Input, r io.Reader, opts Options, emit func(Article) error, onErr func(error)) error {
	badLine := func(err error) error { return err } // strict: the first bad line ends the read
	if onErr != nil {
		badLine = func(err error) error { onErr(err); return nil }
	}
	return read(ctx, in, r, opts, emit, badLine)
}

// Parse extracts the articles of one document held in memory, by the rules
// of Read. For JSON Lines with bad lines it returns the good articles
// together with an error joining one *InputError per bad line.
func Parse(in Input, data []byte, opts Options) ([]Article, error) {
	var (
		articles []Article
		lineErrs []error
	)
	emit := func(a Article) error { articles = append(articles, a); return nil }
	badLine := func(err error) error { lineErrs = append(lineErrs, err); return nil }
	if err := read(context.Background(), in, bytes.NewReader(data), opts, emit, badLine); err != nil {
		return nil, err
	}
	return articles, errors.Join(lineErrs...)
}

// read is Read with the handling of bad lines decided: badLine gets each
// bad JSON line's error and returns nil to go on, or an error to stop.
func read(ctx context.Context, in Input, r io.Reader, opts Options, emit func(Article) error, badLine func(error) error) error {
	whole := func(err error) error { return &InputError{Input: in.Name(), Err: err} }

	br, compressed, err := decompress(in, r)
	if err != nil {
		return whole(err)
	}
	f := formatOf(in)
	if f == formatUnknown {
		if f, err = sniff(br); err != nil {
			return whole(err)
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", in.Name(), err)
	}
	if f == formatJSONL {
		return readJSONL(ctx, in, br, opts, emit, badLine)
	}

	limit := opts.maxBytes()
	if !compressed {
		if size, ok := fileSize(r); ok && size > limit {
			return whole(&sizeError{size: size, limit: limit, what: "document"})
		}
	}
	data, err := readAtMost(br, limit)
	if err != nil {
		return whole(err)
	}
	a, err := parseDocument(in, f, decodeUTF16(data))
	if err != nil {
		return whole(err)
	}
	return emit(a)
}

// decompress returns a buffered reader of the input's content, gunzipped
// when it is compressed.
func decompress(in Input, r io.Reader) (br *bufio.Reader, compressed bool, err error) {
	br = bufio.NewReaderSize(r, 64<<10)
	if compressed, err = isGzip(in, br); err != nil || !compressed {
		return br, false, err
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, true, fmt.Errorf("broken gzip: %w", err)
	}
	// No Close needed: gzip.Reader.Close only reports errors, and holds
	// nothing the garbage collector does not reclaim.
	return bufio.NewReaderSize(gzipErrors{zr}, 64<<10), true, nil
}

// readAtMost reads a whole document of at most limit bytes. Text and HTML
// are parsed whole, so they must fit in memory; reading one byte past the
// limit through a LimitReader means a stream with no known size (standard
// input, gzip) costs at most limit+1 bytes before it is refused.
func readAtMost(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &sizeError{size: -1, limit: limit, what: "document"}
	}
	return data, nil
}

// parseDocument parses one whole text or HTML document.
func parseDocument(in Input, f format, data []byte) (Article, error) {
	var (
		a   Article
		err error
	)
	if f == formatHTML {
		a, err = parseHTML(data)
	} else {
		a, err = parseText(data)
	}
	if err != nil {
		return Article{}, err
	}
	a.ID = in.defaultID()
	a.Input = in.source()
	return a, nil
}

// defaultID is in.ID, or the ID Expand would give when it is empty.
func (in Input) defaultID() string {
	switch {
	case in.ID != "":
		return in.ID
	case in.Path == Stdin:
		return "stdin"
	case in.Path == "":
		return "input"
	default:
		return stripExt(filepath.Base(in.Path))
	}
}

// formatOf decides the format from the file name, ignoring a .gz suffix;
// formatUnknown means "look at the content".
func formatOf(in Input) format {
	if in.Path == Stdin || in.Path == "" {
		return formatUnknown
	}
	name := strings.ToLower(filepath.Base(in.Path))
	name = strings.TrimSuffix(name, ".gz")
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".html", ".htm", ".xhtml":
		return formatHTML
	case ".txt", ".text", "":
		return formatText
	}
	return formatUnknown
}

// isGzip reports whether the input is gzip-compressed: by its name, or by
// gzip's two magic bytes, so that compressed standard input works too.
func isGzip(in Input, br *bufio.Reader) (bool, error) {
	if in.Path != Stdin && strings.EqualFold(filepath.Ext(in.Path), ".gz") {
		return true, nil
	}
	magic, err := br.Peek(2)
	if err != nil && err != io.EOF {
		return false, err
	}
	return len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b, nil
}

// gzipErrors labels read errors from a gzip stream, so that a truncated or
// corrupt file reads "broken gzip: unexpected EOF" instead of a bare
// "unexpected EOF".
type gzipErrors struct{ r io.Reader }

func (g gzipErrors) Read(p []byte) (int, error) {
	n, err := g.r.Read(p)
	if err != nil && err != io.EOF {
		err = fmt.Errorf("broken gzip: %w", err)
	}
	return n, err
}

// sniffLen is how much of the content sniff looks at.
const sniffLen = 4096

// sniff decides the format of a document whose name does not say it.
func sniff(br *bufio.Reader) (format, error) {
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return formatUnknown, err
	}
	head = bytes.TrimPrefix(head, utf8BOM)
	head = bytes.TrimLeft(head, " \t\r\n\f\v")
	switch {
	case len(head) > 0 && head[0] == '{':
		return formatJSONL, nil
	case len(head) > 0 && head[0] == '<' && looksLikeHTML(head):
		return formatHTML, nil
	}
	return formatText, nil
}

// htmlTags are tags whose presence near the start makes a document HTML.
// XML and SGML (a '<' with other tags) are left to the text parser.
var htmlTags = []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<article", "<br", "<span", "<h1", "<h2", "<table", "<script", "<link"}

func looksLikeHTML(head []byte) bool {
	lower := bytes.ToLower(head)
	for _, tag := range htmlTags {
		if bytes.Contains(lower, []byte(tag)) {
			return true
		}
	}
	return false
}

// fileSize returns the size of r when it is known without reading: r is a
// regular file, or an in-memory reader (bytes.Reader, strings.Reader).
func fileSize(r io.Reader) (int64, bool) {
	if s, ok := r.(interface{ Size() int64 }); ok {
		return s.Size(), true
	}
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return 0, false
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return 0, false
	}
	return info.Size(), true
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// decodeUTF16 converts a document that starts with a UTF-16 byte-order
// mark (Windows Notepad's "Unicode") to UTF-8. Without the conversion its
// NUL bytes would make it look binary. Other documents are unchanged.
func decodeUTF16(data []byte) []byte {
	var enc encoding.Encoding
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		enc = unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		enc = unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	default:
		return data
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return data
	}
	return out
}

// checkText rejects what no article can be: nothing, binary data, bytes
// that are not UTF-8. The byte offset of invalid UTF-8 is given so the user
// can find it (e.g. with `cmp` or a hex editor).
func checkText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return &utf8Error{offset: invalidUTF8At(data)}
	}
	return nil
}

// invalidUTF8At returns the offset of the first invalid UTF-8 sequence.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}
