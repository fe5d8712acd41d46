package extract

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// A WARC file (ISO 28500, WARC/1.0 and 1.1) is a sequence of records:
//
//	WARC/1.0\r\n
//	WARC-Type: response\r\n              named fields, as in HTTP
//	WARC-Target-URI: https://…\r\n
//	Content-Length: 1234\r\n             the size of the block, in bytes
//	\r\n
//	<block: 1234 bytes>                  for a response, the HTTP response as sent
//	\r\n\r\n
//
// A .warc.gz is the same stream cut into gzip members, by convention one
// member per record, so that a record can be read from its offset alone;
// that offset (of the member, in the compressed file) is what indexes
// (CDX) and our errors give. A reader that only gunzipped the whole stream
// would be simpler, but could not say where a bad record is.
//
// Every response record holding an HTML page with status 2xx, and every
// resource record of type text/html, becomes an article whose URL is the
// record's target URI. Other records (requests, metadata, images, redirects,
// error pages) are skipped silently: they are not articles. A record that
// is broken (a Content-Length that lies, a truncated member, an HTTP
// message that does not parse, a page with no article text) is reported to
// the caller's onErr as an *InputError wrapping a *RecordError, and reading
// resumes at the next record; a file that stops being WARC is reported
// once, where it stops.
//
// nlnwa/gowarc would parse records too, but it validates and models far
// more than an article reader needs, and pins us to a major version two
// behind upstream; this reader is the standard library and ~250 lines.

// RecordError is a problem with one record of a WARC file.
type RecordError struct {
	// Offset is where the record starts: its gzip member's offset in a
	// .warc.gz, its byte offset in a .warc.
	Offset int64
	// InMember is, in a .warc.gz whose members hold several records (one
	// gzip stream for the whole file), the record's offset in its member's
	// decompressed bytes; 0 when the record starts its member.
	InMember int64
	// TargetURI is the record's WARC-Target-URI, when it was read.
	TargetURI string
	Err       error
}

// Error reads "record at offset N (uri): problem", N being "M+K" for a
// record K bytes into the member at M.
func (e *RecordError) Error() string {
	at := position(e.Offset, e.InMember)
	if e.TargetURI != "" {
		return fmt.Sprintf("record at offset %s (%s): %v", at, e.TargetURI, e.Err)
	}
	return fmt.Sprintf("record at offset %s: %v", at, e.Err)
}

// position formats a record's place: "1234", or "1234+56" inside a member.
func position(offset, inMember int64) string {
	if inMember > 0 {
		return fmt.Sprintf("%d+%d", offset, inMember)
	}
	return strconv.FormatInt(offset, 10)
}

// Unwrap returns the underlying error.
func (e *RecordError) Unwrap() error { return e.Err }

// warcMagic starts every record.
var warcMagic = []byte("WARC/")

// isWARC reports whether content starts like a WARC record.
func isWARC(head []byte) bool {
	return bytes.HasPrefix(head, []byte("WARC/1.")) || bytes.HasPrefix(head, []byte("WARC/0."))
}

// readWARC reads the records of a WARC stream and emits its articles.
// r is the raw file (compressed or not): member offsets need it.
func readWARC(ctx context.Context, in Input, r *bufio.Reader, compressed bool, opts Options, emit func(Article) error, badRecord func(error) error) error {
	wr, err := newWARCReader(r, compressed)
	if err != nil {
		return &InputError{Input: in.Name(), Err: err}
	}
	report := func(rec warcRecord, err error) error {
		return badRecord(&InputError{Input: in.Name(), Err: &RecordError{Offset: rec.offset, InMember: rec.inMember, TargetURI: rec.uri(), Err: err}})
	}
	limit := opts.maxBytes()
	for {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", in.Name(), err)
		}
		before := wr.pos
		rec, err := wr.next(limit)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if rerr := report(rec, err); rerr != nil {
				return rerr
			}
			// A reader that cannot move on would report the same error
			// forever.
			if rec.fatal || wr.pos == before {
				return nil
			}
			continue
		}
		page, ok, err := rec.htmlPage(limit)
		if err != nil {
			if rerr := report(rec, err); rerr != nil {
				return rerr
			}
			continue
		}
		if !ok {
			continue
		}
		a, err := parseHTMLPage(page, rec.uri())
		if err != nil {
			if rerr := report(rec, err); rerr != nil {
				return rerr
			}
			continue
		}
		at := position(rec.offset, rec.inMember)
		a.ID = in.defaultID() + "@" + at
		a.Input = in.source() + "@" + at
		if err := emit(a); err != nil {
			return err
		}
	}
}

// warcRecord is one record: its named fields and block.
type warcRecord struct {
	offset   int64 // see RecordError
	inMember int64
	header   textproto.MIMEHeader
	block    []byte // nil when the record was skipped unread
	fatal    bool   // after this error nothing more can be read
}

func (r warcRecord) uri() string {
	if r.header == nil {
		return ""
	}
	return strings.Trim(r.header.Get("WARC-Target-URI"), "<>")
}

// warcReader splits a WARC stream into records. It reads the decompressed
// stream through a bufio.Reader and counts what it consumes, so that a
// record's start is known in decompressed bytes; members maps that back to
// the gzip member it lies in.
type warcReader struct {
	src     *memberReader // nil for an uncompressed file
	br      *bufio.Reader
	pos     int64 // decompressed bytes consumed
	started bool
}

func newWARCReader(r *bufio.Reader, compressed bool) (*warcReader, error) {
	if !compressed {
		return &warcReader{br: r}, nil
	}
	src, err := newMemberReader(r)
	if err != nil {
		return nil, err
	}
	return &warcReader{src: src, br: bufio.NewReaderSize(src, 64<<10)}, nil
}

// recordAt is a record starting at decompressed position pos, with its
// offset and offset in member.
func (w *warcReader) recordAt(pos int64) warcRecord {
	if w.src == nil {
		return warcRecord{offset: pos}
	}
	m := w.src.memberAt(pos)
	return warcRecord{offset: m.in, inMember: pos - m.out}
}

// maxHeaderBytes bounds a record's header block; real ones are under 2 KB.
const maxHeaderBytes = 64 << 10

// next reads the next record. Records whose block cannot be an article
// page (not a response or resource, or larger than limit) are returned
// with a nil block, their bytes skipped. On error the record holds what is
// known of it (offset, header) and the reader has moved to where the next
// record may start.
func (w *warcReader) next(limit int64) (warcRecord, error) {
	if err := w.skipBlankLines(); err != nil {
		// io.EOF: no more records; anything else is a broken stream.
		rec := w.recordAt(w.pos)
		rec.fatal = true
		return rec, err
	}
	start := w.pos
	line, err := w.readLine()
	rec := w.recordAt(start)
	if err != nil {
		return rec, fmt.Errorf("truncated record header: %w", errEOF(err))
	}
	if !bytes.HasPrefix(line, warcMagic) {
		if !w.started {
			rec.fatal = true
			return rec, errors.New("not a WARC file (no WARC/1.x version line)")
		}
		err := fmt.Errorf("expected a record (WARC/1.x), found %q", clip(line, 40))
		if serr := w.resync(); serr != nil {
			rec.fatal = true
		}
		return rec, err
	}
	w.started = true
	hdr, err := w.readHeader()
	rec.header = hdr
	if err != nil {
		rec.fatal = true
		return rec, err
	}
	n, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		w.resync()
		return rec, fmt.Errorf("bad Content-Length %q", hdr.Get("Content-Length"))
	}
	if !w.mayBeArticle(hdr) || n > limit {
		if err := w.discard(n); err != nil {
			rec.fatal = true
			return rec, fmt.Errorf("Content-Length %d runs past the end of the file", n)
		}
		if n > limit && w.mayBeArticle(hdr) {
			return rec, &sizeError{size: n, limit: limit, what: "record"}
		}
		return rec, w.endOfRecord(rec)
	}
	rec.block = make([]byte, n)
	got, err := io.ReadFull(w.br, rec.block)
	w.pos += int64(got)
	if err != nil {
		rec.fatal = true
		return rec, fmt.Errorf("Content-Length %d runs past the end of the file (%d bytes left): %w", n, got, errEOF(err))
	}
	return rec, w.endOfRecord(rec)
}

// endOfRecord checks the CRLF CRLF that ends a block. When it is missing,
// the Content-Length was wrong; the record is reported and the reader
// resynchronises on the next version line.
func (w *warcReader) endOfRecord(rec warcRecord) error {
	end, err := w.br.Peek(4)
	if err == nil && string(end) == "\r\n\r\n" {
		w.br.Discard(4)
		w.pos += 4
		return nil
	}
	if len(end) == 0 && (err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF)) {
		return nil // tolerate a missing trailer at the very end
	}
	if isWARC(end) {
		return nil // a trailer missing, but the next record right there
	}
	// Whether or not another record follows, this one's length was wrong.
	w.resync()
	return fmt.Errorf("block does not end where Content-Length says (%s bytes): the length is wrong", w.lengthField(rec))
}

func (w *warcReader) lengthField(rec warcRecord) string {
	if rec.header == nil {
		return "?"
	}
	return rec.header.Get("Content-Length")
}

// resync skips lines up to the next one that starts a record.
func (w *warcReader) resync() error {
	for {
		head, err := w.br.Peek(len("WARC/1."))
		if isWARC(head) {
			return nil
		}
		if err != nil {
			return errEOF(err)
		}
		if _, err := w.readLine(); err != nil {
			return errEOF(err)
		}
	}
}

// mayBeArticle reports whether a record's block is worth reading.
func (w *warcReader) mayBeArticle(h textproto.MIMEHeader) bool {
	switch strings.ToLower(h.Get("WARC-Type")) {
	case "response":
		return true
	case "resource":
		return isHTMLType(h.Get("Content-Type"))
	}
	return false
}

func (w *warcReader) skipBlankLines() error {
	for {
		b, err := w.br.Peek(1)
		if err != nil {
			return err // io.EOF: no more records
		}
		if b[0] != '\r' && b[0] != '\n' {
			return nil
		}
		w.br.Discard(1)
		w.pos++
	}
}

// readLine reads one line of at most maxHeaderBytes, without its end.
func (w *warcReader) readLine() ([]byte, error) {
	var line []byte
	for {
		frag, err := w.br.ReadSlice('\n')
		w.pos += int64(len(frag))
		line = append(line, frag...)
		if err == nil {
			return bytes.TrimRight(line, "\r\n"), nil
		}
		if err != bufio.ErrBufferFull {
			return nil, err
		}
		if len(line) > maxHeaderBytes {
			return nil, errors.New("line too long")
		}
	}
}

// readHeader reads the named fields up to the blank line.
func (w *warcReader) readHeader() (textproto.MIMEHeader, error) {
	hdr := make(textproto.MIMEHeader)
	size := 0
	for {
		line, err := w.readLine()
		if err != nil {
			return hdr, fmt.Errorf("truncated record header: %w", errEOF(err))
		}
		if size += len(line); size > maxHeaderBytes {
			return hdr, errors.New("record header too long")
		}
		if len(line) == 0 {
			return hdr, nil
		}
		k, v, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			continue // tolerate junk lines; Content-Length decides
		}
		hdr.Add(textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(k))), string(bytes.TrimSpace(v)))
	}
}

func (w *warcReader) discard(n int64) error {
	got, err := io.CopyN(io.Discard, w.br, n)
	w.pos += got
	return err
}

// errEOF turns a bare EOF in the middle of a record into "unexpected EOF".
func errEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

// htmlPage returns the HTML page a record holds: ok is false when it holds
// none (a redirect, an image, an error page).
func (r warcRecord) htmlPage(limit int64) (page []byte, ok bool, err error) {
	if r.block == nil {
		return nil, false, nil
	}
	if strings.EqualFold(r.header.Get("WARC-Type"), "resource") {
		return r.block, true, nil
	}
	if !strings.HasPrefix(strings.ToLower(r.header.Get("Content-Type")), "application/http") && !bytes.HasPrefix(r.block, []byte("HTTP/")) {
		return nil, false, nil
	}
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(r.block)), nil)
	if err != nil {
		return nil, false, fmt.Errorf("HTTP response does not parse: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, false, nil
	}
	if ct := resp.Header.Get("Content-Type"); ct != "" && !isHTMLType(ct) {
		return nil, false, nil
	}
	body := io.Reader(resp.Body)
	if enc := strings.ToLower(resp.Header.Get("Content-Encoding")); enc == "gzip" || enc == "x-gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, false, fmt.Errorf("HTTP body: broken gzip: %w", err)
		}
		body = gzipErrors{zr}
	}
	page, err = readAtMost(body, limit)
	if err != nil {
		return nil, false, fmt.Errorf("HTTP body: %w", err)
	}
	if resp.Header.Get("Content-Type") == "" && !looksLikeHTML(page[:min(len(page), sniffLen)]) {
		return nil, false, nil
	}
	return page, true, nil
}

// isHTMLType reports whether a Content-Type is an HTML page.
func isHTMLType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// memberReader reads a gzip multistream member by member, remembering
// where each member starts, in the compressed file and in the
// decompressed stream.
type memberReader struct {
	cr      *byteCounter
	zr      *gzip.Reader
	out     int64         // decompressed bytes produced
	members []memberStart // members from the last record looked up on
	done    bool
}

type memberStart struct{ out, in int64 }

func newMemberReader(r io.Reader) (*memberReader, error) {
	cr := &byteCounter{r: bufio.NewReader(r)}
	zr, err := gzip.NewReader(cr)
	if err != nil {
		return nil, fmt.Errorf("broken gzip: %w", err)
	}
	zr.Multistream(false)
	m := &memberReader{cr: cr, zr: zr}
	m.members = []memberStart{{0, 0}}
	return m, nil
}

func (m *memberReader) Read(p []byte) (int, error) {
	for !m.done {
		n, err := m.zr.Read(p)
		m.out += int64(n)
		if err == io.EOF {
			err = m.nextMember()
		}
		if n > 0 || err != nil {
			if err != nil && err != io.EOF {
				err = fmt.Errorf("broken gzip: %w", err)
			}
			return n, err
		}
	}
	return 0, io.EOF
}

// nextMember moves to the next gzip member, or ends the stream.
func (m *memberReader) nextMember() error {
	start := m.cr.n
	if _, err := m.cr.r.Peek(1); err != nil {
		m.done = true
		return io.EOF
	}
	if err := m.zr.Reset(m.cr); err != nil {
		m.done = true
		return err
	}
	m.zr.Multistream(false)
	m.members = append(m.members, memberStart{out: m.out, in: start})
	return nil
}

// memberAt returns the member holding decompressed position pos.
func (m *memberReader) memberAt(pos int64) memberStart {
	for i := len(m.members) - 1; i >= 0; i-- {
		if m.members[i].out <= pos {
			// Records are looked up in order: older members are done with.
			m.members = m.members[i:]
			return m.members[0]
		}
	}
	return m.members[0]
}

// byteCounter counts the bytes gzip takes. It is an io.ByteReader, so
// gzip reads exactly a member's bytes and no more, and the count is the
// next member's offset.
type byteCounter struct {
	r *bufio.Reader
	n int64
}

func (c *byteCounter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (c *byteCounter) ReadByte() (byte, error) {
	b, err := c.r.ReadByte()
	if err == nil {
		c.n++
	}
	return b, err
}
