package extraction

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The two gold sets, as bench/ finds them under the shared folder:
//
//	data/article-extraction-benchmark/ground-truth.json   {id: {articleBody, url}}
//	data/article-extraction-benchmark/html/<id>.html.gz
//	data/web-extraction-eval/gold.jsonl                   one record per (gold set, URL)
//	data/web-extraction-eval/html/<sha1>.html.gz
//
// Each folder's SOURCE.md describes its origin and licence.

// bodyPage is one page of the ScrapingHub benchmark.
type bodyPage struct {
	ID, URL, Path string
	Body          string // the gold article body
}

// loadScrapingHub reads the benchmark's pages, sorted by id so that a
// quick run always takes the same ones.
func loadScrapingHub(shared string) ([]bodyPage, error) {
	dir := filepath.Join(shared, "data", "article-extraction-benchmark")
	raw, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var gold map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(raw, &gold); err != nil {
		return nil, fmt.Errorf("ground-truth.json: %w", err)
	}
	pages := make([]bodyPage, 0, len(gold))
	for id, g := range gold {
		pages = append(pages, bodyPage{
			ID: id, URL: g.URL, Body: g.ArticleBody,
			Path: filepath.Join(dir, "html", id+".html.gz"),
		})
	}
	slices.SortFunc(pages, func(a, b bodyPage) int { return strings.Compare(a.ID, b.ID) })
	return pages, nil
}

// Gold sets in web-extraction-eval/gold.jsonl.
const (
	sourceTrafilatura = "trafilatura/tests/evaldata.json"
	sourceHtmldate    = "htmldate/tests/eval_default.json"
	sourceMediacloud  = "htmldate/tests/eval_mediacloud_2020.json"
)

// evalPage is one record of web-extraction-eval. Title and Date are nil
// when the record has no such gold; a non-nil empty Date means the gold
// says the page has no date.
type evalPage struct {
	Source  string          `json:"source"`
	URL     string          `json:"url"`
	HTML    string          `json:"html"`
	With    []string        `json:"with"`
	Without []string        `json:"without"`
	Title   *string         `json:"title"`
	Date    *string         `json:"-"`
	RawDate json.RawMessage `json:"date"`
	Path    string          `json:"-"`
}

// loadEvalSet reads gold.jsonl, in file order.
func loadEvalSet(shared string) ([]evalPage, error) {
	dir := filepath.Join(shared, "data", "web-extraction-eval")
	f, err := os.Open(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pages []evalPage
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for line := 1; sc.Scan(); line++ {
		var p evalPage
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("gold.jsonl:%d: %w", line, err)
		}
		p.Date = goldDate(p.RawDate)
		p.Path = filepath.Join(dir, filepath.FromSlash(p.HTML))
		pages = append(pages, p)
	}
	return pages, sc.Err()
}

// goldDate reads a record's "date": absent → nil (no gold), null → ""
// (gold: the page has no date), a string → that string.
func goldDate(raw json.RawMessage) *string {
	if len(raw) == 0 {
		return nil
	}
	var s *string
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil
	}
	if s == nil {
		empty := ""
		return &empty
	}
	return s
}

// readGzip returns the uncompressed bytes of a .gz file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}
