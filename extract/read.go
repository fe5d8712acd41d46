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
	formatWARC
)

// Read reads one input from r and calls emit for each article it holds: one
// for a text or HTML document, one per line for JSON Lines, one per HTML
// page in a WARC file. in names the input in errors and articles and gives
// the default article ID (see Expand); r is usually in.Open().
//
// The format comes from the file extension: .jsonl and .ndjson are JSON
// Lines; .html, .htm and .xhtml are HTML; .warc is WARC; .txt, .text and no
// extension are plain text. Other extensions, and standard input, are
// recognised by their content: "WARC/1." means WARC (also for .txt and no
// extension), a first non-space byte '{' JSON Lines, '<' followed by HTML
// tags HTML, anything else plain text. Gzip-compressed input (.gz, or
// gzip's magic bytes) is decompressed on the fly; a .warc.gz member by
// member.
//
// A problem with the whole input (empty, binary, invalid UTF-8, larger than
// opts.MaxBytes, broken gzip, no article text) is returned as an
// *InputError, before anything is emitted. A bad JSON line, or a bad WARC
// record (see RecordError), is passed to onErr as an *InputError, and
// reading goes on; if onErr is nil, the first one ends the read and is
// returned. An error from emit ends the read and is returned as it is.
// Cancelling ctx stops reading between lines or records, and Read returns
// ctx.Err() wrapped.
//
// WARC articles have the record's target URI as URL, "<ID>@<offset>" as
// ID and "<path>@<offset>" as Input, offset being the record's (see
// RecordError.Offset).
func Read(ctx context.Context, in Input, r io.Reader, opts Options, emit func(Article) error, onErr func(error)) error {
	badLine := func(err error) error { return err } // strict: the first bad line ends the read
	if onErr != nil {
		badLine = func(err error) error { onErr(err); return nil }
	}
	return read(ctx, in, r, opts, emit, badLine)
}

// ReadAll reads every input in order (Read on each), passing each article
// to emit. A problem with one input, or one bad line or record in it, goes
// to onErr and the next input is read; an error from emit, or ctx
// cancelled, ends the read and is returned.
func ReadAll(ctx context.Context, inputs []Input, opts Options, emit func(Article) error, onErr func(error)) error {
	var stop error
	guarded := func(a Article) error {
		stop = emit(a)
		return stop
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := readInput(ctx, in, opts, guarded, onErr)
		if stop != nil {
			return stop
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			onErr(err)
		}
	}
	return nil
}

func readInput(ctx context.Context, in Input, opts Options, emit func(Article) error, onErr func(error)) error {
	r, err := in.Open()
	if err != nil {
		return err
	}
	defer r.Close()
	return Read(ctx, in, r, opts, emit, onErr)
}

// Parse extracts the articles of one document held in memory, by the rules
// of Read. For JSON Lines with bad lines, or a WARC file with bad records,
// it returns the good articles together with an error joining one
// *InputError per bad line or record.
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
// bad JSON line's (or WARC record's) error and returns nil to go on, or an
// error to stop.
func read(ctx context.Context, in Input, r io.Reader, opts Options, emit func(Article) error, badLine func(error) error) error {
	whole := func(err error) error { return &InputError{Input: in.Name(), Err: err} }

	raw := bufio.NewReaderSize(r, 64<<10)
	compressed, err := isGzip(in, raw)
	if err != nil {
		return whole(err)
	}
	f := formatOf(in)
	if f == formatUnknown || f == formatText {
		// A crawl file is often named without its extension ("crawl-00042"):
		// a text that starts with a WARC version line is a WARC.
		head, err := peekContent(raw, compressed)
		if err != nil {
			return whole(err)
		}
		if g := sniff(head); f == formatUnknown || g == formatWARC {
			f = g
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", in.Name(), err)
	}
	if f == formatWARC {
		// The WARC reader gunzips by itself, member by member, to know
		// where each record starts in the file.
		return readWARC(ctx, in, raw, compressed, opts, emit, badLine)
	}
	br := raw
	if compressed {
		if br, err = gunzip(raw); err != nil {
			return whole(err)
		}
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

// gunzip returns a buffered reader of a gzip stream's content.
func gunzip(raw *bufio.Reader) (*bufio.Reader, error) {
	zr, err := gzip.NewReader(raw)
	if err != nil {
		return nil, fmt.Errorf("broken gzip: %w", err)
	}
	// No Close needed: gzip.Reader.Close only reports errors, and holds
	// nothing the garbage collector does not reclaim.
	return bufio.NewReaderSize(gzipErrors{zr}, 64<<10), nil
}

// peekContent returns the first bytes of the content without consuming
// them: of the raw input, or, when it is compressed, what the start of its
// first gzip member decompresses to.
func peekContent(raw *bufio.Reader, compressed bool) ([]byte, error) {
	if !compressed {
		head, err := raw.Peek(sniffLen)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, err
		}
		return head, nil
	}
	zhead, err := raw.Peek(raw.Size())
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, err
	}
	zr, err := gzip.NewReader(bytes.NewReader(zhead))
	if err != nil {
		return nil, fmt.Errorf("broken gzip: %w", err)
	}
	// A short or truncated start is fine here: reading proper reports it.
	head, _ := io.ReadAll(io.LimitReader(zr, sniffLen))
	return head, nil
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
		a, err = parseHTMLPage(data, "")
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
	case ".warc":
		return formatWARC
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

// sniff decides the format of a document whose name does not say it, from
// the start of its content.
func sniff(head []byte) format {
	head = bytes.TrimPrefix(head, utf8BOM)
	if isWARC(head) {
		return formatWARC
	}
	head = bytes.TrimLeft(head, " \t\r\n\f\v")
	switch {
	case len(head) > 0 && head[0] == '{':
		return formatJSONL
	case len(head) > 0 && head[0] == '<' && looksLikeHTML(head):
		return formatHTML
	}
	return formatText
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
