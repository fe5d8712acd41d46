package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// JSON Lines: one article per line, a JSON object with these fields, all
// optional but the text:
//
//	id         string (or number)  the article ID; default "<input ID>:<line>"
//	url        string
//	site       string
//	title      string
//	published  string              a date as given; "date" is used when absent
//	text       string              the body; "body", then "source_text",
//	                               are used when absent
//
// Every other field, including an unused "date" or "body", is kept
// verbatim in Article.Extra. The body is split into paragraphs like a
// plain-text document, but is otherwise taken as given: a JSON record
// already says which part is the title and which the text.
//
// The file is streamed: only one line is held in memory, and the size
// limit applies to each line, so an archive dump may be of any size.

// readJSONL reads JSON Lines from br, emitting one article per good line
// and passing each bad line's error to badLine.
func readJSONL(ctx context.Context, in Input, br *bufio.Reader, opts Options, emit func(Article) error, badLine func(error) error) error {
	name := in.Name()
	lines := lineReader{br: br, limit: opts.maxBytes()}
	seen := false // a line with something on it
	for lineNo := 1; ; lineNo++ {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		line, err := lines.next()
		if err == io.EOF {
			break
		}
		lineErr := func(err error) error { return &InputError{Input: name, Line: lineNo, Err: err} }
		var tooLong *sizeError
		switch {
		case errors.As(err, &tooLong):
			seen = true
			if err := badLine(lineErr(err)); err != nil {
				return err
			}
			continue
		case err != nil:
			return lineErr(err)
		}
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, utf8BOM)
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		seen = true
		if bytes.IndexByte(line, 0) >= 0 {
			// Not a text file at all: stop rather than report every line.
			return lineErr(ErrBinary)
		}
		a, err := parseJSONLine(line)
		if err != nil {
			if err := badLine(lineErr(err)); err != nil {
				return err
			}
			continue
		}
		if a.ID == "" {
			a.ID = in.defaultID() + ":" + strconv.Itoa(lineNo)
		}
		a.Input = in.source() + ":" + strconv.Itoa(lineNo)
		if err := emit(a); err != nil {
			return err
		}
	}
	if !seen {
		return &InputError{Input: name, Err: ErrEmpty}
	}
	return nil
}

// lineReader reads lines of at most limit bytes without ever holding more
// than that: the rest of a longer line is read and dropped.
type lineReader struct {
	br    *bufio.Reader
	limit int64
	buf   []byte
}

// next returns the next line without its newline, a *sizeError for a line
// over the limit, io.EOF at the end, or the read error.
func (lr *lineReader) next() ([]byte, error) {
	lr.buf = lr.buf[:0]
	var size int64
	for {
		chunk, err := lr.br.ReadSlice('\n')
		size += int64(len(chunk))
		if size <= lr.limit+1 { // +1: the newline does not count
			lr.buf = append(lr.buf, chunk...)
		}
		switch {
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF && size == 0:
			return nil, io.EOF
		case err != nil && err != io.EOF:
			return nil, err
		}
		line := bytes.TrimSuffix(lr.buf, []byte("\n"))
		n := size
		if err == nil {
			n-- // the newline
		}
		if n > lr.limit {
			return nil, &sizeError{size: n, limit: lr.limit, what: "line"}
		}
		return line, nil
	}
}

// knownFields are the JSON fields an Article has a place for.
var knownFields = map[string]bool{"id": true, "url": true, "site": true, "title": true, "published": true, "text": true}

// parseJSONLine makes an article of one JSON object.
func parseJSONLine(line []byte) (Article, error) {
	if !utf8.Valid(line) {
		return Article{}, &utf8Error{offset: invalidUTF8At(line)}
	}
	if line[0] != '{' {
		return Article{}, errors.New("not a JSON object")
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return Article{}, fmt.Errorf("malformed JSON: %w", err)
	}

	// Fall back to the alternative names, which then count as used.
	for _, alt := range [][2]string{{"published", "date"}, {"text", "body"}, {"text", "source_text"}} {
		if isAbsent(fields[alt[0]]) && !isAbsent(fields[alt[1]]) {
			fields[alt[0]] = fields[alt[1]]
			delete(fields, alt[1])
		}
	}

	var a Article
	var text string
	for _, f := range []struct {
		key string
		dst *string
	}{{"url", &a.URL}, {"site", &a.Site}, {"title", &a.Title}, {"published", &a.Published}, {"text", &text}} {
		s, err := stringField(fields, f.key)
		if err != nil {
			return Article{}, err
		}
		*f.dst = collapseSpaceUnless(f.key == "text", s)
	}
	id, err := idField(fields["id"])
	if err != nil {
		return Article{}, err
	}
	a.ID = id

	if isAbsent(fields["text"]) {
		return Article{}, errors.New(`missing text (no "text", "body" or "source_text" field)`)
	}
	a.Paragraphs = joinLines(splitParagraphs(text))
	if len(a.Paragraphs) == 0 {
		return Article{}, errors.New("text is empty")
	}
	for key, raw := range fields {
		if !knownFields[key] {
			if a.Extra == nil {
				a.Extra = make(map[string]json.RawMessage)
			}
			a.Extra[key] = raw
		}
	}
	return a, nil
}

// collapseSpaceUnless collapses white space in one-line fields (title, URL)
// and leaves the text alone, whose line breaks mark paragraphs.
func collapseSpaceUnless(keep bool, s string) string {
	if keep {
		return s
	}
	return collapseSpace(s)
}

// isAbsent reports whether a field is missing or null.
func isAbsent(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}

// stringField returns a string field, "" when absent or null.
func stringField(fields map[string]json.RawMessage, key string) (string, error) {
	raw := fields[key]
	if isAbsent(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", fmt.Errorf("field %q is not a string", key)
	}
	return s, nil
}

// idField accepts a string or a number, since many dumps number their rows.
func idField(raw json.RawMessage) (string, error) {
	if isAbsent(raw) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return collapseSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New(`field "id" is not a string or number`)
}
