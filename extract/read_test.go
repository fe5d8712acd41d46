package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func gzipped(t testing.TB, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadRejectsBadDocuments(t *testing.T) {
	article := []byte("Headline\n\nA sentence of the article.\n\nAnother one.\n")
	whole := gzipped(t, article)
	tests := []struct {
		name   string
		file   string
		data   []byte
		is     error  // errors.Is target, if any
		substr string // in the message
	}{
		{"empty file", "empty.txt", nil, ErrEmpty, "empty.txt: empty document"},
		{"only white space", "blank.txt", []byte(" \n\t\r\n "), ErrEmpty, "empty document"},
		{"empty JSON Lines file", "empty.jsonl", []byte("\n\n"), ErrEmpty, "empty document"},
		{"binary content", "image.txt", []byte("GIF89a\x00\x01\x02text"), ErrBinary, "image.txt: binary content (NUL bytes)"},
		{"binary content without extension", "blob", []byte("\x7fELF\x00\x00\x00"), ErrBinary, "blob: binary content (NUL bytes)"},
		{"invalid UTF-8 in text", "latin1.txt", []byte("Caf\xe9 au lait.\n"), ErrInvalidUTF8, "latin1.txt: invalid UTF-8 at byte 3"},
		{"broken gzip header", "broken.txt.gz", []byte("this is not gzip"), nil, "broken.txt.gz: broken gzip: gzip: invalid header"},
		{"truncated gzip", "cut.txt.gz", whole[:len(whole)-10], nil, "cut.txt.gz: broken gzip: unexpected EOF"},
		{"HTML without article text", "nav.html", []byte("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>"), ErrNoText, "nav.html: no article text found"},
		{"text that is only a date header", "header.txt", []byte("date 2024-01-03 Title only\n"), ErrNoText, "no article text found"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, tt.file, tt.data)
			articles, _, err := readFile(t, path, Options{})
			if err == nil {
				t.Fatalf("no error; got %d articles", len(articles))
			}
			var ie *InputError
			if !errors.As(err, &ie) || ie.Input != path {
				t.Errorf("err = %v (%T), want an *InputError naming %s", err, err, path)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("err = %v, want errors.Is %v", err, tt.is)
			}
			if !strings.Contains(err.Error(), tt.substr) {
				t.Errorf("err = %q, want it to contain %q", err, tt.substr)
			}
			if len(articles) != 0 {
				t.Errorf("emitted %d articles for a bad document", len(articles))
			}
		})
	}
}

// A file over the limit is refused from its size, before reading: a
// 200 MB sparse file costs nothing to make and must cost nothing to refuse.
func TestReadRefusesHugeFileWithoutReadingIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(path, 200<<20); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, _, err = readFile(t, path, Options{})
	elapsed := time.Since(start)
	want := path + ": document is 200.0 MB, larger than the 32.0 MB limit (see --max-bytes)"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v\nwant %s", err, want)
	}
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err is not ErrTooLarge")
	}
	t.Logf("refused in %v", elapsed)
}

// Standard input has no size to look at: the limit is enforced by reading
// at most MaxBytes+1 bytes.
func TestReadRefusesLargeStreamAtTheLimit(t *testing.T) {
	r := &countingReader{r: zeros{}, max: 1 << 30}
	err := Read(context.Background(), Input{Path: Stdin}, r, Options{MaxBytes: 1 << 20},
		func(Article) error { return nil }, nil)
	if err == nil || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if !strings.HasPrefix(err.Error(), "stdin: document is larger than the 1.0 MB limit") {
		t.Errorf("err = %q", err)
	}
	if r.n > 2<<20 {
		t.Errorf("read %d bytes of the stream, want about the 1 MB limit", r.n)
	}
}

// A gzip file is limited by its uncompressed size: a small bomb is refused.
func TestReadRefusesGzipBomb(t *testing.T) {
	path := writeFile(t, "bomb.txt.gz", gzipped(t, bytes.Repeat([]byte("a "), 4<<20)))
	_, _, err := readFile(t, path, Options{MaxBytes: 1 << 20})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestReadMissingFileNamesIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing.txt")
	_, _, err := readFile(t, path, Options{})
	if err == nil || err.Error() != path+": no such file or directory" {
		t.Errorf("err = %v, want %q", err, path+": no such file or directory")
	}
}

func TestReadDetectsFormat(t *testing.T) {
	html := []byte(`<!DOCTYPE html><html><head><title>Storm hits the coast</title></head><body><article>
		<h1>Storm hits the coast</h1>
		<p>Winds of more than 100 km/h struck the coast on Tuesday night, cutting power to thousands of homes and businesses along the shore.</p>
		<p>The regional authority said crews were working to restore supplies, but warned that some villages could wait until the weekend.</p>
		<p>Schools in the area will remain closed on Wednesday, officials said, while the clean-up continues and roads are cleared of debris.</p>
		</article></body></html>`)
	jsonl := []byte("\uFEFF" + `  {"id": "j1", "text": "From JSON."}` + "\n" + `{"id": "j2", "text": "Second."}`)
	text := []byte("<Reuters> style tag, but no HTML.\n\nSecond paragraph.")
	tests := []struct {
		name      string
		path      string
		data      []byte
		wantIDs   []string
		wantFirst string
	}{
		{"html by extension", "page.html", html, []string{"page"}, "Winds of more than 100 km/h"},
		{"html by content", "page.download", html, []string{"page"}, "Winds of more than 100 km/h"},
		{"html on stdin", Stdin, html, []string{"stdin"}, "Winds of more than 100 km/h"},
		{"gzipped html", "page.htm.gz", gzipped(t, html), []string{"page"}, "Winds of more than 100 km/h"},
		{"gzipped stdin is recognised by its magic bytes", Stdin, gzipped(t, html), []string{"stdin"}, "Winds of more than 100 km/h"},
		{"JSON Lines by content", "dump.json", jsonl, []string{"j1", "j2"}, "From JSON."},
		{"JSON Lines on stdin", Stdin, jsonl, []string{"j1", "j2"}, "From JSON."},
		{"text starting with a non-HTML tag", "wire.sgm", text, []string{"wire"}, "<Reuters> style tag, but no HTML."},
		{"a .txt file is text even if it holds HTML", "notes.txt", []byte("<p>hello</p>"), []string{"notes"}, "<p>hello</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var articles []Article
			in := Input{Path: tt.path}
			err := Read(context.Background(), in, bytes.NewReader(tt.data), Options{},
				func(a Article) error { articles = append(articles, a); return nil }, nil)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, a := range articles {
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.wantIDs, ",") {
				t.Errorf("ids = %q, want %q", ids, tt.wantIDs)
			}
			if len(articles) > 0 && !strings.HasPrefix(articles[0].Paragraphs[0], tt.wantFirst) {
				t.Errorf("first paragraph = %.60q, want prefix %q", articles[0].Paragraphs[0], tt.wantFirst)
			}
		})
	}
}

func TestReadUsesGivenID(t *testing.T) {
	articles, err := Parse(Input{Path: "x/y.txt", ID: "site/y"}, []byte("Body."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if articles[0].ID != "site/y" || articles[0].Input != "x/y.txt" {
		t.Errorf("id, input = %q, %q", articles[0].ID, articles[0].Input)
	}
}

func TestParseRefusesOversizedDocument(t *testing.T) {
	_, err := Parse(Input{Path: "big.txt"}, bytes.Repeat([]byte("a"), 2048), Options{MaxBytes: 1024})
	if err == nil || !strings.Contains(err.Error(), "big.txt: document is 2.0 KB, larger than the 1.0 KB limit") {
		t.Errorf("err = %v", err)
	}
}

// zeros is an endless stream of spaces (not NUL: the size check must fire
// before content checks would).
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

type countingReader struct {
	r   interface{ Read([]byte) (int, error) }
	n   int64
	max int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func TestReadDecodesUTF16WithBOM(t *testing.T) {
	// "Café owners protest.\r\n\r\nSecond." in UTF-16LE, as Notepad saves it.
	text := "Café owners protest.\r\n\r\nSecond."
	data := []byte{0xFF, 0xFE}
	for _, r := range text {
		data = append(data, byte(r), byte(r>>8))
	}
	articles, err := Parse(Input{Path: "notepad.txt"}, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := articles[0].Paragraphs; len(got) != 2 || got[0] != "Café owners protest." {
		t.Errorf("paragraphs = %q", got)
	}
}

func TestParseWithoutPathSniffsAndUsesID(t *testing.T) {
	articles, err := Parse(Input{ID: "pasted"}, []byte(`{"text":"a"}`+"\n"+`{"text":"b"}`), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 2 || articles[1].ID != "pasted:2" || articles[1].Input != "pasted:2" {
		t.Errorf("articles = %+v", articles)
	}
	_, err = Parse(Input{ID: "pasted"}, nil, Options{})
	if err == nil || err.Error() != "pasted: empty document" {
		t.Errorf("err = %v, want %q", err, "pasted: empty document")
	}
}
