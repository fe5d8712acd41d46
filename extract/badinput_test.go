package extract

import (
	"bytes"
	"compress/gzip"
	"errors"
	"math/rand"
	"strings"
	"testing"
)

// Bad HTML input: each case must end in an article or in a clear error
// that names the file, and never in a panic.

func TestParseHTMLTruncatedPage(t *testing.T) {
	page := sharedPages(t, "article-extraction-benchmark", 1)[0]
	arts, err := Parse(Input{Path: "cut.html"}, page[:len(page)/2], Options{})
	if err != nil {
		// Acceptable only as "no text", named.
		if !errors.Is(err, ErrNoText) || !strings.Contains(err.Error(), "cut.html") {
			t.Fatalf("err = %v", err)
		}
		return
	}
	if len(arts[0].Paragraphs) == 0 {
		t.Error("truncated page gave an article without text")
	}
}

func TestParseHTMLDeeplyNested(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<div>", 100000) + "<p>Deep text.</p>" + strings.Repeat("</div>", 100000) + "</body></html>"
	_, err := Parse(Input{Path: "deep.html"}, []byte(page), Options{})
	if err == nil || !strings.Contains(err.Error(), "deep.html") || !strings.Contains(err.Error(), "parsing HTML") {
		t.Errorf("err = %v, want a parsing error naming deep.html", err)
	}
}

// A 50 MB page is over the default 32 MiB limit: refused with its size,
// whether its size is known (a file) or not (gzip).
func TestReadRefuses50MBPage(t *testing.T) {
	var raw bytes.Buffer
	raw.WriteString("<html><body>")
	para := []byte("<p>" + strings.Repeat("Filler words of a very long page. ", 30) + "</p>\n")
	for raw.Len() < 50<<20 {
		raw.Write(para)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestSpeed)
	zw.Write(raw.Bytes())
	zw.Close()
	for name, data := range map[string][]byte{"big.html": raw.Bytes(), "big.html.gz": gz.Bytes()} {
		_, _, err := readFile(t, writeFile(t, name, data), Options{})
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), name) || !strings.Contains(err.Error(), "--max-bytes") {
			t.Errorf("%s: err = %v, want ErrTooLarge naming the file and the flag", name, err)
		}
	}
}

func TestParseHTMLWrongCharsetDeclaration(t *testing.T) {
	body := "<p>Le café de la place est fermé depuis lundi, a annoncé la mairie.</p><p>Les habitués se retrouvent désormais à la brasserie voisine, où l'accueil est chaleureux.</p>"
	for _, tc := range []struct {
		name string
		page []byte
	}{
		// Declares Latin-1, is UTF-8: UTF-8 wins, since it decodes.
		{"utf8 declared latin1", []byte(`<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><article>` + body + `</article></body></html>`)},
		// Declares UTF-8, is windows-1252: the bytes win.
		{"latin1 declared utf8", latin1(`<html><head><meta charset="utf-8"><title>Café</title></head><body><article>` + body + `</article></body></html>`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := Parse(Input{Path: "p.html"}, tc.page, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if text := arts[0].Text(); !strings.Contains(text, "Le café de la place est fermé") {
				t.Errorf("text %q lost its accents", text)
			}
		})
	}
}

// latin1 encodes a string with only Latin-1 characters in Latin-1.
func latin1(s string) []byte {
	var b []byte
	for _, r := range s {
		b = append(b, byte(r))
	}
	return b
}

func TestReadHTMLBrokenGzip(t *testing.T) {
	page := sharedPages(t, "article-extraction-benchmark", 1)[0]
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(page)
	zw.Close()
	data := gz.Bytes()
	_, _, err := readFile(t, writeFile(t, "page.html.gz", data[:len(data)/2]), Options{})
	if err == nil || !strings.Contains(err.Error(), "page.html.gz: broken gzip") {
		t.Errorf("err = %v, want a broken gzip error naming the file", err)
	}
}

func TestReadBinaryJunk(t *testing.T) {
	junk := make([]byte, 64<<10)
	rand.New(rand.NewSource(1)).Read(junk)
	for _, name := range []string{"junk.html", "junk.warc", "junk.warc.gz", "junk"} {
		arts, errs, err := readFile(t, writeFile(t, name, junk), Options{})
		if err == nil && len(errs) == 0 {
			t.Errorf("%s: no error, %d articles", name, len(arts))
		}
		for _, e := range append(errs, err) {
			if e != nil && !strings.Contains(e.Error(), name) {
				t.Errorf("%s: error %q does not name the file", name, e)
			}
		}
	}
}
