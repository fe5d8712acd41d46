package extract

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Test WARC files are built here from real pages of the shared data, the
// way a crawler (wget --warc-file, Heritrix) writes them: a request, the
// response and a metadata record per page, one gzip member per record.

// warcRec builds one WARC record.
func warcRec(typ, uri, contentType string, block []byte) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%08d>\r\n", typ, len(block))
	if uri != "" {
		fmt.Fprintf(&b, "WARC-Target-URI: %s\r\n", uri)
	}
	fmt.Fprintf(&b, "WARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n", contentType, len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// httpResponse builds the block of a response record.
func httpResponse(status int, contentType string, body []byte) []byte {
	return fmt.Appendf(nil, "HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, contentType, len(body), body)
}

// pageRecords are the records a crawler writes for one fetched page.
func pageRecords(uri string, page []byte) [][]byte {
	return [][]byte{
		warcRec("request", uri, "application/http; msgtype=request", []byte("GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")),
		warcRec("response", uri, "application/http; msgtype=response", httpResponse(200, "text/html; charset=utf-8", page)),
		warcRec("metadata", uri, "application/warc-fields", []byte("outlinks: 3\r\n")),
	}
}

// gzipMembers compresses each record as its own gzip member and returns
// the file and each member's offset.
func gzipMembers(t testing.TB, recs [][]byte) ([]byte, []int64) {
	t.Helper()
	var out bytes.Buffer
	var offsets []int64
	for _, r := range recs {
		offsets = append(offsets, int64(out.Len()))
		zw := gzip.NewWriter(&out)
		zw.Write(r)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return out.Bytes(), offsets
}

// sharedPages returns up to n HTML pages of a shared data folder.
func sharedPages(t testing.TB, dir string, n int) [][]byte {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(sharedPath(t, "data", dir, "html"), "*.html.gz"))
	if len(paths) == 0 {
		t.Skipf("no pages in %s", dir)
	}
	var pages [][]byte
	for _, p := range paths[:min(n, len(paths))] {
		pages = append(pages, readGzip(t, p))
	}
	return pages
}

// crawl builds the records of a crawl of pages, plus records that are no
// articles: an image, a redirect, a 404 page, a warcinfo.
func crawl(pages [][]byte) (recs [][]byte, uris []string) {
	recs = append(recs, warcRec("warcinfo", "", "application/warc-fields", []byte("software: test\r\n")))
	for i, p := range pages {
		uri := fmt.Sprintf("https://news.example.org/story/%d", i)
		uris = append(uris, uri)
		recs = append(recs, pageRecords(uri, p)...)
	}
	recs = append(recs,
		warcRec("response", "https://news.example.org/logo.png", "application/http; msgtype=response", httpResponse(200, "image/png", []byte("\x89PNG\r\n\x1a\n\x00\x00"))),
		warcRec("response", "https://news.example.org/old", "application/http; msgtype=response", httpResponse(301, "text/html", []byte("<html><body><p>Moved here, a long time ago, to a new address.</p></body></html>"))),
		warcRec("response", "https://news.example.org/missing", "application/http; msgtype=response", httpResponse(404, "text/html", []byte("<html><body><p>Not found. The page you asked for is not here at all.</p></body></html>"))),
	)
	return recs, uris
}

func readWARCFile(t *testing.T, name string, data []byte) ([]Article, []error, error) {
	t.Helper()
	return readFile(t, writeFile(t, name, data), Options{})
}

func TestReadWARCOfSharedPages(t *testing.T) {
	pages := append(sharedPages(t, "article-extraction-benchmark", 4), sharedPages(t, "web-extraction-eval", 4)...)
	recs, uris := crawl(pages)
	gz, offsets := gzipMembers(t, recs)
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"crawl.warc", bytes.Join(recs, nil)},
		{"crawl.warc.gz", gz},
		{"crawl.bin", gz},                // sniffed: gzip, then "WARC/1.0"
		{"crawl", bytes.Join(recs, nil)}, // no extension: sniffed
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, errs, err := readWARCFile(t, tc.name, tc.data)
			if err != nil || len(errs) > 0 {
				t.Fatalf("err %v, record errors %v", err, errs)
			}
			if len(arts) != len(pages) {
				t.Fatalf("got %d articles, want one per page (%d)", len(arts), len(pages))
			}
			ids := map[string]bool{}
			for i, a := range arts {
				if a.URL != uris[i] {
					t.Errorf("article %d: URL %q, want the target URI %q", i, a.URL, uris[i])
				}
				if ids[a.ID] {
					t.Errorf("duplicate ID %q", a.ID)
				}
				ids[a.ID] = true
				if len(a.Paragraphs) == 0 {
					t.Errorf("article %d has no text", i)
				}
			}
			if strings.HasSuffix(tc.name, ".gz") {
				// The response of page i is record 1+3i+1.
				want := fmt.Sprintf("crawl@%d", offsets[2+3*1])
				if arts[1].ID != want {
					t.Errorf("second article ID %q, want %q (its gzip member's offset)", arts[1].ID, want)
				}
			}
		})
	}
}

// A page read from a WARC is the same article as the page read alone.
func TestWARCRecordMatchesHTMLFile(t *testing.T) {
	page := sharedPages(t, "article-extraction-benchmark", 1)[0]
	alone, err := Parse(Input{Path: "a.html"}, page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := crawl([][]byte{page})
	arts, errs, err := readWARCFile(t, "a.warc", bytes.Join(recs, nil))
	if err != nil || len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, err %v, %v", len(arts), err, errs)
	}
	if arts[0].Text() != alone[0].Text() || arts[0].Title != alone[0].Title {
		t.Errorf("WARC record and HTML file differ:\n%q\n%q", arts[0].Title, alone[0].Title)
	}
}

func TestWARCLyingContentLength(t *testing.T) {
	pages := sharedPages(t, "article-extraction-benchmark", 3)
	good := func(i int) []byte {
		return warcRec("response", fmt.Sprintf("https://x.org/%d", i), "application/http; msgtype=response", httpResponse(200, "text/html", pages[i]))
	}
	liar := good(1)
	// Claim 100 bytes fewer than the block has.
	n := len(httpResponse(200, "text/html", pages[1]))
	liar = bytes.Replace(liar, fmt.Appendf(nil, "Content-Length: %d\r\n", n), fmt.Appendf(nil, "Content-Length: %d\r\n", n-100), 1)

	for _, gz := range []bool{false, true} {
		recs := [][]byte{good(0), liar, good(2)}
		data, name := bytes.Join(recs, nil), "liar.warc"
		offsets := []int64{0, int64(len(recs[0]))}
		if gz {
			data, offsets = gzipMembers(t, recs)
			name += ".gz"
		}
		arts, errs, err := readWARCFile(t, name, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(arts) != 2 || arts[0].URL != "https://x.org/0" || arts[1].URL != "https://x.org/2" {
			t.Errorf("%s: want the two honest records, got %d articles", name, len(arts))
		}
		if len(errs) != 1 {
			t.Fatalf("%s: got errors %v, want one for the lying record", name, errs)
		}
		var re *RecordError
		if !errors.As(errs[0], &re) || re.Offset != offsets[1] {
			t.Errorf("%s: error %v, want a RecordError at offset %d", name, errs[0], offsets[1])
		}
		if msg := errs[0].Error(); !strings.Contains(msg, name) || !strings.Contains(msg, "Content-Length") {
			t.Errorf("%s: error %q should name the file and the Content-Length", name, msg)
		}
	}
}

func TestWARCContentLengthPastEnd(t *testing.T) {
	pages := sharedPages(t, "article-extraction-benchmark", 1)
	rec := warcRec("response", "https://x.org/0", "application/http; msgtype=response", httpResponse(200, "text/html", pages[0]))
	rec = bytes.Replace(rec, []byte("Content-Length: "), []byte("Content-Length: 9"), 1)
	arts, errs, err := readWARCFile(t, "long.warc", rec)
	if err != nil || len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "runs past the end") {
		t.Errorf("got %d articles, err %v, record errors %v; want one error saying the length runs past the end", len(arts), err, errs)
	}
}

func TestWARCTruncatedGzip(t *testing.T) {
	pages := sharedPages(t, "article-extraction-benchmark", 3)
	recs, _ := crawl(pages)
	gz, offsets := gzipMembers(t, recs)
	// Cut the file in the middle of the third page's response member.
	cut := offsets[2+3*2] + 200
	arts, errs, err := readWARCFile(t, "cut.warc.gz", gz[:cut])
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 {
		t.Errorf("got %d articles, want the 2 before the cut", len(arts))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "gzip") || !strings.Contains(errs[0].Error(), fmt.Sprint(offsets[2+3*2])) {
		t.Errorf("got errors %v, want one broken-gzip error at offset %d", errs, offsets[2+3*2])
	}
}

func TestWARCBadRecordsReported(t *testing.T) {
	ok := warcRec("response", "https://x.org/ok", "application/http; msgtype=response",
		httpResponse(200, "text/html", []byte("<html><body><article><p>This is the one good page, with a sentence or two of text in it.</p><p>And a second paragraph.</p></article></body></html>")))
	for _, tc := range []struct {
		name, want string
		rec        []byte
	}{
		{"junk HTTP", "HTTP response", warcRec("response", "https://x.org/j", "application/http; msgtype=response", []byte("HTTP/1.1 2x0 OK\r\nbroken"))},
		{"no text", "no article text", warcRec("response", "https://x.org/e", "application/http; msgtype=response", httpResponse(200, "text/html", []byte("<html><body></body></html>")))},
		{"bad length", "Content-Length", []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nxx\r\n\r\n")},
		{"binary body", "binary", warcRec("response", "https://x.org/b", "application/http; msgtype=response", httpResponse(200, "text/html", []byte("<p>\x00\x01\x02</p>")))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, errs, err := readWARCFile(t, "x.warc", bytes.Join([][]byte{ok, tc.rec, ok}, nil))
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 2 {
				t.Errorf("got %d articles, want the 2 good ones", len(arts))
			}
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), tc.want) || !strings.Contains(errs[0].Error(), fmt.Sprintf("offset %d", len(ok))) {
				t.Errorf("got errors %v, want one mentioning %q at offset %d", errs, tc.want, len(ok))
			}
		})
	}
}

func TestWARCNotWARCAfterAll(t *testing.T) {
	arts, errs, err := readWARCFile(t, "x.warc", []byte("hello, this is not a crawl\n"))
	if len(arts) != 0 || err != nil || len(errs) != 1 || !strings.Contains(errs[0].Error(), "not a WARC file") {
		t.Errorf("got %d articles, err %v, %v; want one 'not a WARC file' error", len(arts), err, errs)
	}
}

// Strict reading (onErr nil) stops at the first bad record and returns it.
func TestWARCStrict(t *testing.T) {
	bad := []byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nHTTP/\r\n\r\n")
	path := writeFile(t, "s.warc", bad)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	err = Read(context.Background(), Input{Path: path}, f, Options{}, func(Article) error { return nil }, nil)
	var re *RecordError
	if !errors.As(err, &re) || re.Offset != 0 {
		t.Errorf("got %v, want the record error", err)
	}
}

// Some tools gzip a whole WARC file as one stream: records then share a
// member, and are told apart by their offset inside it.
func TestReadWARCOneGzipStream(t *testing.T) {
	pages := sharedPages(t, "article-extraction-benchmark", 3)
	recs, uris := crawl(pages)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(bytes.Join(recs, nil))
	zw.Close()
	arts, errs, err := readWARCFile(t, "one.warc.gz", gz.Bytes())
	if err != nil || len(errs) > 0 || len(arts) != len(pages) {
		t.Fatalf("got %d articles, err %v, %v", len(arts), err, errs)
	}
	// The first page's response is the third record: after warcinfo and
	// the request.
	want := fmt.Sprintf("one@0+%d", len(recs[0])+len(recs[1]))
	if arts[0].ID != want || arts[0].URL != uris[0] {
		t.Errorf("first article %q (%s), want ID %q", arts[0].ID, arts[0].URL, want)
	}
	if arts[1].ID == arts[0].ID {
		t.Error("records in one member got the same ID")
	}
}
