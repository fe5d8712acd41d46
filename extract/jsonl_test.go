package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestReadBBCNewsSummaryGzippedJSONL(t *testing.T) {
	path := sharedPath(t, "data", "bbc-news-summary", "bbc_news_summary.jsonl.gz")
	articles, lineErrs, err := readFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(lineErrs) != 0 {
		t.Fatalf("bad lines: %v", lineErrs[:min(3, len(lineErrs))])
	}
	if len(articles) != 2225 {
		t.Fatalf("got %d articles, want 2225", len(articles))
	}
	a := articles[0]
	if a.ID != "bbc-business-001" || a.Title != "Ad sales boost Time Warner profit" {
		t.Errorf("first article id, title = %q, %q", a.ID, a.Title)
	}
	if a.Input != path+":1" {
		t.Errorf("input = %q, want %q", a.Input, path+":1")
	}
	if !strings.HasPrefix(a.Paragraphs[0], "Quarterly profits at US media giant TimeWarner jumped 76%") {
		t.Errorf("first paragraph (from \"body\") = %.60q…", a.Paragraphs[0])
	}
	if len(a.Paragraphs) < 4 {
		t.Errorf("got %d paragraphs, want the body's blank-line paragraphs (≥ 4)", len(a.Paragraphs))
	}
	// Fields without a place in Article are kept verbatim.
	if string(a.Extra["category"]) != `"business"` || a.Extra["summary"] == nil {
		t.Errorf("extra = %v, want category and summary kept", keys(a.Extra))
	}
	if _, ok := a.Extra["body"]; ok {
		t.Error(`"body" used as the text is also in Extra`)
	}
}

func TestReadL2RRewritesJSONL(t *testing.T) {
	path := sharedPath(t, "data", "l2r-news-rewrites", "news_rewrites_paired.jsonl")
	articles, lineErrs, err := readFile(t, path, Options{})
	if err != nil || len(lineErrs) != 0 {
		t.Fatalf("err=%v bad lines=%v", err, lineErrs)
	}
	if len(articles) != 200 {
		t.Fatalf("got %d articles, want 200", len(articles))
	}
	a := articles[0]
	if a.ID != "l2r-news-000" || !strings.HasPrefix(a.Text(), "The full cost of damage in Newton Stewart") {
		t.Errorf("first article: id %q, text %.50q…", a.ID, a.Text())
	}
	var rewrites map[string]struct{ Text string }
	if err := json.Unmarshal(a.Extra["rewrites"], &rewrites); err != nil || rewrites["GPT-4o"].Text == "" {
		t.Errorf("rewrites not kept in Extra: %v", err)
	}
}

func TestReadJSONLBadLinesAreReportedAndSkipped(t *testing.T) {
	lines := []string{
		`{"id": "a", "text": "First good article."}`,
		`{"id": "b", "text": "unterminated`,
		`["not", "an", "object"]`,
		``,
		`{"id": "c", "title": "no text here"}`,
		`{"id": "d", "text": 42}`,
		"{\"id\": \"e\", \"text\": \"bad \xff byte\"}",
		`{"text": "Good, without an id.", "date": "2024-01-03", "lang": "en"}`,
		`{"id": 7, "body": "Numeric id, body field."}`,
	}
	path := writeFile(t, "mixed.jsonl", []byte(strings.Join(lines, "\n")+"\n"))
	articles, lineErrs, err := readFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}

	var ids []string
	for _, a := range articles {
		ids = append(ids, a.ID)
	}
	if want := []string{"a", "mixed:8", "7"}; fmt.Sprint(ids) != fmt.Sprint(want) {
		t.Errorf("emitted ids %q, want %q", ids, want)
	}
	if articles[1].Published != "2024-01-03" || string(articles[1].Extra["lang"]) != `"en"` {
		t.Errorf(`line 8: published %q extra %v; want "date" used and "lang" kept`, articles[1].Published, keys(articles[1].Extra))
	}

	wantErrs := []struct {
		line int
		text string
	}{
		{2, "malformed JSON"},
		{3, "not a JSON object"},
		{5, "missing text"},
		{6, `field "text" is not a string`},
		{7, "invalid UTF-8 at byte 25"},
	}
	if len(lineErrs) != len(wantErrs) {
		t.Fatalf("got %d bad-line errors, want %d: %v", len(lineErrs), len(wantErrs), lineErrs)
	}
	for i, w := range wantErrs {
		var ie *InputError
		if !errors.As(lineErrs[i], &ie) || ie.Line != w.line || ie.Input != path {
			t.Errorf("error %d = %v, want an *InputError for %s line %d", i, lineErrs[i], path, w.line)
			continue
		}
		prefix := fmt.Sprintf("%s:%d: ", path, w.line)
		if msg := ie.Error(); !strings.HasPrefix(msg, prefix) || !strings.Contains(msg, w.text) {
			t.Errorf("error %d = %q, want %q…%q", i, msg, prefix, w.text)
		}
	}
}

func TestReadJSONLStrictWithoutOnErr(t *testing.T) {
	data := "{\"id\":\"a\",\"text\":\"ok\"}\n{oops\n{\"id\":\"c\",\"text\":\"never read\"}\n"
	var got []string
	err := Read(context.Background(), Input{Path: "x.jsonl"}, strings.NewReader(data), Options{},
		func(a Article) error { got = append(got, a.ID); return nil }, nil)
	var ie *InputError
	if !errors.As(err, &ie) || ie.Line != 2 {
		t.Fatalf("err = %v, want the line-2 error", err)
	}
	if len(got) != 1 {
		t.Errorf("emitted %q, want only the line before the bad one", got)
	}
}

func TestReadJSONLLineLimitAppliesPerLine(t *testing.T) {
	// Three lines of ~600 bytes under a 1000-byte limit: the file is larger
	// than the limit, each line is not. A fourth line is over it.
	var buf bytes.Buffer
	for i := range 3 {
		fmt.Fprintf(&buf, `{"id":"%d","text":%q}`+"\n", i, strings.Repeat("word ", 120))
	}
	fmt.Fprintf(&buf, `{"id":"big","text":%q}`+"\n", strings.Repeat("word ", 300))
	fmt.Fprintf(&buf, `{"id":"after","text":"still read"}`+"\n")
	path := writeFile(t, "big.ndjson", buf.Bytes())

	articles, lineErrs, err := readFile(t, path, Options{MaxBytes: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 4 {
		t.Errorf("got %d articles, want 4 (all lines but the long one)", len(articles))
	}
	if len(lineErrs) != 1 || !errors.Is(lineErrs[0], ErrTooLarge) || !strings.Contains(lineErrs[0].Error(), ":4: line is") {
		t.Errorf("bad lines = %v, want one size error for line 4", lineErrs)
	}
}

func TestReadJSONLStopsWhenContextIsCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	data := strings.Repeat(`{"text":"x"}`+"\n", 10)
	n := 0
	err := Read(ctx, Input{Path: "x.jsonl"}, strings.NewReader(data), Options{},
		func(Article) error {
			n++
			if n == 3 {
				cancel()
			}
			return nil
		}, func(error) {})
	if !errors.Is(err, context.Canceled) || n != 3 {
		t.Errorf("err = %v after %d articles, want context.Canceled after 3", err, n)
	}
}

func TestReadJSONLEmitErrorStopsReading(t *testing.T) {
	stop := errors.New("archive full")
	data := strings.Repeat(`{"text":"x"}`+"\n", 5)
	n := 0
	err := Read(context.Background(), Input{Path: "x.jsonl"}, strings.NewReader(data), Options{},
		func(Article) error { n++; return stop }, func(error) {})
	if err != stop || n != 1 {
		t.Errorf("err = %v after %d articles, want emit's error after 1", err, n)
	}
}

func TestParseJSONLJoinsBadLineErrors(t *testing.T) {
	data, err := os.ReadFile(sharedPath(t, "data", "human-ai-news-rephrase", "news_human_vs_gpt35.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	data = append(data, "not json\n"...)
	articles, err := Parse(Input{Path: "rephrase.jsonl"}, data, Options{})
	if len(articles) != 100 {
		t.Errorf("got %d articles, want 100", len(articles))
	}
	if err == nil || !strings.Contains(err.Error(), "rephrase.jsonl:101: ") {
		t.Errorf("err = %v, want the bad line 101 named", err)
	}
	if articles[0].Published != "2017-08-17T14:14:00" {
		t.Errorf(`published = %q, want the "date" field`, articles[0].Published)
	}
}

func keys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func TestReadJSONLTruncatedGzipKeepsEarlierLines(t *testing.T) {
	var buf bytes.Buffer
	for i := range 2000 {
		fmt.Fprintf(&buf, `{"id":"%d","text":"Article number %d, with some text to compress."}`+"\n", i, i*7919)
	}
	z := gzipped(t, buf.Bytes())
	path := writeFile(t, "dump.jsonl.gz", z[:len(z)/2])
	articles, _, err := readFile(t, path, Options{})
	if err == nil || !strings.HasPrefix(err.Error(), path+":") || !strings.Contains(err.Error(), "broken gzip: unexpected EOF") {
		t.Errorf("err = %v, want a broken-gzip error naming %s and the line", err, path)
	}
	if len(articles) == 0 || len(articles) >= 2000 {
		t.Errorf("got %d articles, want the lines before the break", len(articles))
	}
}
