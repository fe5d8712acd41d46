package trace

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/facts"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/store/pebble"
)

var shared = filepath.Join("..", "..", "shared")

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not present: %v", err)
	}
}

// l2rPair is one line of l2r-news-rewrites/news_rewrites_paired.jsonl.
type l2rPair struct {
	ID       string `json:"id"`
	Source   string `json:"source_text"`
	Rewrites map[string]struct {
		Text string `json:"text"`
	} `json:"rewrites"`
}

func loadL2R(t testing.TB) []l2rPair {
	f, err := os.Open(filepath.Join(shared, "data/l2r-news-rewrites/news_rewrites_paired.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []l2rPair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var p l2rPair
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

var archive struct {
	once sync.Once
	ix   *index.Index
	err  error
}

// testArchive is the archive the retrieval tests share, built once: every
// bbc-news-summary article (2,225), the 200 l2r sources and the seed source.
func testArchive(t testing.TB) *index.Index {
	needShared(t)
	archive.once.Do(func() {
		ctx := context.Background()
		dir, err := os.MkdirTemp("", "storytrace-trace-test")
		if err != nil {
			archive.err = err
			return
		}
		db, err := pebble.Open(dir)
		if err != nil {
			archive.err = err
			return
		}
		ix, err := index.Open(ctx, db)
		if err != nil {
			archive.err = err
			return
		}
		l2rFile := filepath.Join(dir, "l2r-sources.jsonl")
		var lines []byte
		for _, p := range loadL2R(t) {
			b, _ := json.Marshal(map[string]string{"id": p.ID, "text": p.Source})
			lines = append(append(lines, b...), '\n')
		}
		if err := os.WriteFile(l2rFile, lines, 0o644); err != nil {
			archive.err = err
			return
		}
		inputs, errs := extract.Expand([]string{
			filepath.Join(shared, "data/bbc-news-summary/bbc_news_summary.jsonl.gz"),
			l2rFile,
			filepath.Join(shared, "seeds/source-original.txt"),
		})
		if len(errs) > 0 {
			archive.err = errs[0]
			return
		}
		sum, err := ingest.Run(ctx, ix, inputs, ingest.Options{})
		if err == nil && len(sum.Failed) > 0 {
			err = sum.Failed[0]
		}
		archive.ix, archive.err = ix, err
	})
	if archive.err != nil {
		t.Fatal(archive.err)
	}
	return archive.ix
}

func readArticle(t *testing.T, path string) extract.Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	as, err := extract.Parse(extract.Input{Path: path, ID: "query"}, data, extract.Options{})
	if err != nil || len(as) != 1 {
		t.Fatalf("parse %s: %v (%d articles)", path, err, len(as))
	}
	return as[0]
}

// The founding pair: the rewrite's source must rank first among thousands of
// real articles, with a rewrite verdict and the six figures kept.
func TestTraceSeedRewriteFindsSourceFirst(t *testing.T) {
	ix := testArchive(t)
	m, _ := ix.Meta(context.Background())
	if m.Docs < 2001 {
		t.Fatalf("archive holds %d articles, want more than 2,000", m.Docs)
	}
	q := readArticle(t, filepath.Join(shared, "seeds/rewrite.txt"))
	r, err := Trace(context.Background(), ix, q, Options{Top: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Sources) == 0 || r.Sources[0].Article.ID != "source-original" {
		t.Fatalf("first source = %+v, want source-original", r.Sources)
	}
	top := r.Sources[0]
	if top.Decision.Verdict != audit.Rewrite {
		t.Errorf("verdict = %s, want rewrite (evidence %+v)", top.Decision.Verdict, top.Decision.Evidence)
	}
	kept := map[float64]bool{}
	for _, f := range r.KeptFigures(0) {
		kept[f.Value] = true
	}
	for _, v := range []float64{1.7e6, 541210, 271985, 159161, 110064, 1.15e6} {
		if !kept[v] {
			t.Errorf("figure %v not reported kept; kept: %v", v, kept)
		}
	}
	if r.Origin == nil || r.Origin.Origin != "source-original" {
		t.Errorf("origin = %+v, want source-original", r.Origin)
	}
	if len(top.Passages) < 3 {
		t.Errorf("%d aligned passages, want several", len(top.Passages))
	}
	for _, s := range r.Sources[1:] {
		if s.Decision.Verdict.Derived() {
			t.Errorf("unrelated archive article %s given derived verdict %s", s.Article.ID, s.Decision.Verdict)
		}
	}
}

// l2r: 600 LLM rewrites (GPT-3.5, GPT-4o, Llama-3-70B) of 200 BBC articles,
// traced against an archive of those sources plus 2,225 other BBC articles.
// The floors are a little under what was measured when they were set (see
// the closing note and README), so a regression fails the test.
func TestTraceL2RRecall(t *testing.T) {
	ix := testArchive(t)
	floors := map[string]float64{"GPT-3-Turbo": 0.97, "GPT-4o": 0.97, "Llama-3-70B": 0.97}
	pairs := loadL2R(t)
	ctx := context.Background()
	models := make([]string, 0, len(floors))
	for m := range floors {
		models = append(models, m)
	}
	sort.Strings(models)
	for _, model := range models {
		hits, derived, rr := 0, 0, 0.0
		for _, p := range pairs {
			q := extract.Article{ID: p.ID + "/" + model, Paragraphs: []string{p.Rewrites[model].Text}}
			r, err := Trace(ctx, ix, q, Options{Top: 10})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range r.Sources {
				if s.Article.ID == p.ID {
					rr += 1 / float64(s.Rank)
					if s.Rank == 1 {
						hits++
						if s.Decision.Verdict.Derived() {
							derived++
						}
					}
					break
				}
			}
		}
		n := float64(len(pairs))
		recall := float64(hits) / n
		t.Logf("%-12s recall@1 %.3f  MRR %.3f  derived verdict at rank 1 %.3f  (%d queries)", model, recall, rr/n, float64(derived)/n, len(pairs))
		if recall < floors[model] {
			t.Errorf("%s recall@1 = %.3f, below the floor %.2f", model, recall, floors[model])
		}
	}
}

// Compare needs no archive and reports the seed's figures.
func TestCompareSeedPair(t *testing.T) {
	needShared(t)
	q := readArticle(t, filepath.Join(shared, "seeds/rewrite.txt"))
	s := readArticle(t, filepath.Join(shared, "seeds/source-original.txt"))
	r := Compare(q, s)
	if v := r.Sources[0].Decision.Verdict; v != audit.Rewrite {
		t.Fatalf("verdict %s, want rewrite", v)
	}
	counts := audit.Count(r.Sources[0].Facts, facts.Quantity)
	if counts[audit.Kept] < 6 {
		t.Fatalf("%d quantities kept, want at least 6: %+v", counts[audit.Kept], r.Sources[0].Facts)
	}
}
