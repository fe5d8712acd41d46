package extract

import (
	"compress/gzip"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sharedDir is the project's shared data folder, ../../shared from this
// package. Tests that need it skip when it is absent (a bare checkout).
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared data folder %s absent: %v", dir, err)
	}
	return dir
}

// sharedPath joins elem to the shared folder.
func sharedPath(t testing.TB, elem ...string) string {
	t.Helper()
	return filepath.Join(append([]string{sharedDir(t)}, elem...)...)
}

// readGzip returns the uncompressed content of a .gz file.
func readGzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return data
}

// readFile runs Read on a file the way the CLI does, collecting articles
// and bad-line errors.
func readFile(t testing.TB, path string, opts Options) (articles []Article, lineErrs []error, err error) {
	t.Helper()
	in := Input{Path: path}
	f, err := in.Open()
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	err = Read(context.Background(), in, f, opts,
		func(a Article) error { articles = append(articles, a); return nil },
		func(e error) { lineErrs = append(lineErrs, e) })
	return articles, lineErrs, err
}

// writeFile writes data to name in a fresh temporary folder.
func writeFile(t testing.TB, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// mustParseHTML parses a page with golang.org/x/net/html.
func mustParseHTML(t testing.TB, page string) *html.Node {
	t.Helper()
	root, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// evalPage is the article extracted from the page of web-extraction-eval
// stored under sha.
func evalPage(t testing.TB, sha string) Article {
	t.Helper()
	path := sharedPath(t, "data", "web-extraction-eval", "html", sha+".html.gz")
	arts, err := Parse(Input{Path: sha + ".html"}, readGzip(t, path), Options{})
	if err != nil {
		t.Fatalf("%s: %v", sha, err)
	}
	return arts[0]
}
