package extract

import (
	"compress/gzip"
	"encoding/csv"
	"os"
	"regexp"
	"strings"
	"testing"
)

// llmfakeScrapes reads the human articles of LLMFake's GossipCop file:
// news_text is a scrape of the article page (FakeNewsNet), one line per
// article with paragraphs separated by runs of spaces. Each is returned as
// the plain-text document a scraper writes, paragraphs separated by blank
// lines, keyed by news_id.
func llmfakeScrapes(t *testing.T) map[string]string {
	t.Helper()
	path := sharedPath(t, "data", "llmfake", "chatgpt_3.5_generation", "gossipcop",
		"synthetic-gpt-3.5-turbo_gossipcop_paraphrase_generation_processed.csv.gz")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	r := csv.NewReader(zr)
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	paraBreak := regexp.MustCompile(` {2,}`)
	docs := map[string]string{}
	for _, row := range rows[1:] {
		docs[row[col["news_id"]]] = paraBreak.ReplaceAllString(strings.TrimSpace(row[col["news_text"]]), "\n\n")
	}
	return docs
}

func TestParseScrapeDropsTrailingCallsToAction(t *testing.T) {
	docs := llmfakeScrapes(t)
	for _, c := range []struct {
		id, lastKept, dropped string
	}{
		{"gossipcop-924495", "Oh, the irony!”", "Sign up now for the Us Weekly newsletter"},
		{"gossipcop-945341", "in January 2009.", "Follow us on Facebook, on Twitter @BBCNewsEnts"},
		{"gossipcop-845880", "for a limited time only.", "Follow Gina on Twitter."},
		{"gossipcop-890984", "airs Fridays at 8 p.m. ET on ABC.", "Want more stuff like this? Like us on Facebook."},
		{"gossipcop-5284144372", "putting a ring on it!", "SOURCE: Hollywood life."},
	} {
		t.Run(c.id, func(t *testing.T) {
			doc, ok := docs[c.id]
			if !ok {
				t.Fatalf("no row %s", c.id)
			}
			if !strings.HasSuffix(doc, c.dropped) && !strings.Contains(doc, "\n\n"+c.dropped) {
				t.Fatalf("the scrape lacks %q: the data changed", c.dropped)
			}
			articles, err := Parse(Input{Path: c.id + ".txt"}, []byte(doc), Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := articles[0]
			if last := a.Paragraphs[len(a.Paragraphs)-1]; !strings.HasSuffix(last, c.lastKept) {
				t.Errorf("last paragraph = …%q, want the story's last, ending %q", tail(last, 60), c.lastKept)
			}
			if strings.Contains(a.Text(), c.dropped) {
				t.Errorf("body still holds %q", c.dropped)
			}
		})
	}
}

func tail(s string, n int) string {
	r := []rune(s)
	return string(r[max(0, len(r)-n):])
}
