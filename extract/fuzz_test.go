package extract

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// The fuzz targets check what every caller relies on, for any input:
// no panic, and every article has an ID and non-empty paragraphs of valid
// UTF-8 with no line breaks (Text joins them with blank lines, so a
// paragraph holding "\n\n" would shift later stages' offsets).

// fuzzOptions keeps inputs small so that the fuzzer explores shapes, not sizes.
var fuzzOptions = Options{MaxBytes: 64 << 10}

func checkArticles(t *testing.T, articles []Article) {
	for _, a := range articles {
		if a.ID == "" {
			t.Errorf("article without ID: %+v", a)
		}
		if len(a.Paragraphs) == 0 {
			t.Errorf("article %q has no paragraphs", a.ID)
		}
		for _, s := range append([]string{a.Title, a.Published, a.URL, a.Site, a.Author}, a.Paragraphs...) {
			if !utf8.ValidString(s) {
				t.Errorf("article %q: invalid UTF-8 %q", a.ID, s)
			}
		}
		for _, p := range a.Paragraphs {
			if p == "" || strings.ContainsAny(p, "\r\n") || p != strings.TrimSpace(p) {
				t.Errorf("article %q: bad paragraph %q", a.ID, p)
			}
		}
	}
}

// addSeedFiles adds the files matching pattern under the shared folder, if
// it is there, to the fuzz corpus.
func addSeedFiles(f *testing.F, pattern string) {
	dir := filepath.Join("..", "..", "shared")
	paths, _ := filepath.Glob(filepath.Join(dir, pattern))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil && len(data) <= int(fuzzOptions.MaxBytes) {
			f.Add(data)
		}
	}
}

func FuzzParseText(f *testing.F) {
	addSeedFiles(f, "seeds/*.txt")
	for _, s := range []string{"", "Title\n\nBody.", "date 2024-01-03 T\n\nx", "a\r\rb\r\n\r\nc", "\uFEFF\n\n\n", "x\xffy", "Opinion\n\n21 Nov, 2024\n\nA...\n\nB..."} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		articles, err := Parse(Input{Path: "fuzz.txt"}, data, fuzzOptions)
		if err == nil && len(articles) != 1 {
			t.Fatalf("no error but %d articles", len(articles))
		}
		checkArticles(t, articles)
	})
}

func FuzzParseJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","text":"x"}`,
		`{"text":"a\n\nb","date":"2024","extra":[1,2]}` + "\n" + `{"body":"y","id":3}`,
		`{"id":null,"text":"\u0000\ud800"}`,
		"{\"text\":\"\xff\"}\n\n{",
		`[1]`, `{"text":1}`, `{"source_text":" \n "}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		articles, _ := Parse(Input{Path: "fuzz.jsonl"}, data, fuzzOptions)
		checkArticles(t, articles)
	})
}

func FuzzParseHTML(f *testing.F) {
	for _, s := range []string{
		"<html><body><p>One paragraph of text.</p><p>Two.</p></body></html>",
		"<html><head><meta charset=iso-8859-1><title>T\xe9</title></head><body><article><h1>T</h1><p>Caf\xe9 one.</p><p>Two.</p></article></body></html>",
		"<p>a<br><br>b<table><tr><td>c<td>d</table>",
		"<!DOCTYPE html><div><div>x</div>y<pre>  z  </pre></div>",
		"<svg><p>q</p></svg><math><mi>z</mi></math>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		articles, _ := Parse(Input{Path: "fuzz.html"}, data, fuzzOptions)
		checkArticles(t, articles)
	})
}

// FuzzReadWARC reads any bytes as a WARC file (plain, or gzip when the
// bytes say so): no panic, good articles as for every format, and every
// error an *InputError naming the file. Its inputs hold whole pages, so
// minimizing a new one is slow: run it with a short -fuzzminimizetime
// (go test -fuzz=FuzzReadWARC -fuzztime=30s -fuzzminimizetime=3s), or the
// default 60 s of minimizing looks like a stall.
func FuzzReadWARC(f *testing.F) {
	page := []byte("<html><head><title>T</title></head><body><article><p>One paragraph of text here.</p><p>Two.</p></article></body></html>")
	good := warcRec("response", "https://x.org/a", "application/http; msgtype=response", httpResponse(200, "text/html", page))
	recs := [][]byte{
		warcRec("warcinfo", "", "application/warc-fields", []byte("software: x\r\n")),
		good,
		warcRec("resource", "https://x.org/b", "text/html", page),
		warcRec("response", "https://x.org/c", "application/http; msgtype=response", httpResponse(404, "text/html", page)),
	}
	f.Add(bytes.Join(recs, nil))
	gz, _ := gzipMembers(f, recs)
	f.Add(gz)
	f.Add(gz[:len(gz)-7])
	f.Add([]byte("WARC/1.0\r\nContent-Length: 99999999999999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nHTTP/1.1 200\r\n\r\n"))
	f.Add(bytes.Replace(good, []byte("Content-Length: "), []byte("Content-Length: 1"), 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		var articles []Article
		var errs []error
		err := Read(context.Background(), Input{Path: "fuzz.warc"}, bytes.NewReader(data), fuzzOptions,
			func(a Article) error { articles = append(articles, a); return nil },
			func(e error) { errs = append(errs, e) })
		checkArticles(t, articles)
		for _, e := range append(errs, err) {
			var ie *InputError
			if e != nil && (!errors.As(e, &ie) || !strings.Contains(e.Error(), "fuzz.warc")) {
				t.Errorf("error %v is not an *InputError naming the file", e)
			}
		}
	})
}
