package ingest

import (
	"context"
	"testing"

	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/store/pebble"
)

const sample = "../examples/archive/bbc-news-sample.jsonl"

func open(t *testing.T) *index.Index {
	t.Helper()
	db, err := pebble.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix, err := index.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return ix
}

// sampleArticles reads the example archive's BBC articles.
func sampleArticles(t *testing.T) []extract.Article {
	t.Helper()
	inputs, errs := extract.Expand([]string{sample})
	if len(errs) > 0 || len(inputs) != 1 {
		t.Fatalf("expand %s: %v", sample, errs)
	}
	r, err := inputs[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var out []extract.Article
	err = extract.Read(context.Background(), inputs[0], r, extract.Options{},
		func(a extract.Article) error { out = append(out, a); return nil },
		func(err error) { t.Error(err) })
	if err != nil || len(out) < 100 {
		t.Fatalf("read %s: %d articles, %v", sample, len(out), err)
	}
	return out
}

// Workers analyse in parallel, but articles are written in the order they
// were read: two archives built from the same input give every article
// the same doc number, and of two articles with one id the later is kept.
func TestArticlesAreWrittenInReadingOrder(t *testing.T) {
	ctx := context.Background()
	as := sampleArticles(t)
	later := as[3]
	later.Paragraphs = []string{"A later version of the story, sent again with the same id to replace the first."}
	as = append(as, later)
	opt := Options{Workers: 4, BatchSize: 7}
	a, b := open(t), open(t)
	for _, ix := range []*index.Index{a, b} {
		sum, err := Articles(ctx, ix, as, opt)
		if err != nil || sum.Added != len(as)-1 || sum.Replaced != 1 {
			t.Fatalf("ingest: %+v, %v", sum, err)
		}
	}
	for i, art := range as[:len(as)-1] {
		da, err := a.Get(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		db, err := b.Get(ctx, art.ID)
		if err != nil {
			t.Fatal(err)
		}
		if da.Num != db.Num {
			t.Fatalf("article %d (%s): doc %d in one archive, %d in the other", i, art.ID, da.Num, db.Num)
		}
	}
	got, err := a.Get(ctx, later.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Article.Text() != later.Text() {
		t.Errorf("article %s holds %.60q, want the later input's text", later.ID, got.Article.Text())
	}
}
