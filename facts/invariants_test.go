package facts

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// checkFacts returns an error when facts break Extract's promises for text:
// each Text is text[Start:End], facts are sorted by Start and do not
// overlap, every fact has a kind and a key, and quantities are finite.
func checkFacts(text string, facts []Fact) error {
	prevEnd := 0
	for i, f := range facts {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			return fmt.Errorf("fact %d %+v: offsets outside text of %d bytes", i, f, len(text))
		}
		if text[f.Start:f.End] != f.Text {
			return fmt.Errorf("fact %d: text[%d:%d] = %q, Text = %q", i, f.Start, f.End, text[f.Start:f.End], f.Text)
		}
		if f.Start < prevEnd {
			return fmt.Errorf("fact %d %q starts at %d, before the previous fact ends at %d", i, f.Text, f.Start, prevEnd)
		}
		prevEnd = f.End
		switch f.Kind {
		case Quantity:
			if f.Value != f.Value || f.Value > 1e300 || f.Value < -1e300 || f.Step <= 0 {
				return fmt.Errorf("fact %d %q: value %v step %v", i, f.Text, f.Value, f.Step)
			}
		case Date, Time:
			if f.Date == "" || f.Precision == "" {
				return fmt.Errorf("fact %d %q: date %q precision %q", i, f.Text, f.Date, f.Precision)
			}
		case Entity:
			if f.Entity == "" || !strings.HasSuffix(f.Text, f.Entity) {
				return fmt.Errorf("fact %d %q: entity %q is not the end of the mention", i, f.Text, f.Entity)
			}
		case Quote:
			if !strings.Contains(f.Text, f.Quoted) || len(strings.Fields(f.Quoted)) == 0 {
				return fmt.Errorf("fact %d %q: quoted %q", i, f.Text, f.Quoted)
			}
		case Reported:
			if f.Speaker == "" || !strings.Contains(f.Text, f.Speaker) {
				return fmt.Errorf("fact %d %q: speaker %q", i, f.Text, f.Speaker)
			}
		default:
			return fmt.Errorf("fact %d %q: unknown kind %q", i, f.Text, f.Kind)
		}
		if Match(f, f) != Same {
			return fmt.Errorf("fact %d %q: Match with itself = %v, want same", i, f.Text, Match(f, f))
		}
	}
	return nil
}

// bbcArticle is one line of the BBC News Summary corpus.
type bbcArticle struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Body  string `json:"body"`
}

// bbcPath is the shared copy of the BBC News Summary corpus; tests that need
// it skip when it is absent.
const bbcPath = "../../shared/data/bbc-news-summary/bbc_news_summary.jsonl.gz"

// readBBC returns every article of the BBC corpus, or skips the test.
func readBBC(tb testing.TB) []bbcArticle {
	tb.Helper()
	f, err := os.Open(bbcPath)
	if err != nil {
		tb.Skipf("BBC corpus not available: %v", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatalf("%s: %v", bbcPath, err)
	}
	var out []bbcArticle
	sc := bufio.NewScanner(z)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a bbcArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("%s: %v", bbcPath, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("%s: %v", bbcPath, err)
	}
	return out
}

func TestExtractKeepsInvariantsOnBBCCorpus(t *testing.T) {
	articles := readBBC(t)
	if len(articles) != 2225 {
		t.Errorf("read %d BBC articles, want 2225", len(articles))
	}
	total := 0
	for _, a := range articles {
		text := a.Title + "\n\n" + a.Body
		facts := Extract(text)
		total += len(facts)
		if err := checkFacts(text, facts); err != nil {
			t.Errorf("%s: %v", a.ID, err)
		}
	}
	t.Logf("%d articles, %d facts", len(articles), total)
}
