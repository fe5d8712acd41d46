package trace

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/store/pebble"
)

func TestZZSlow(t *testing.T) {
	if os.Getenv("ZZS") == "" {
		t.Skip()
	}
	ctx := context.Background()
	var arts []extract.Article
	var qs []corpus.Query
	for _, name := range []string{"sheepdog", "meter", "counter", "llmfake", "bbc"} {
		data, err := corpus.Load(shared, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range data.Docs {
			arts = append(arts, extract.Article{ID: d.ID, Paragraphs: []string{d.Text}})
		}
		qs = append(qs, data.Queries...)
	}
	dir := t.TempDir()
	db, err := pebble.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ix, _ := index.Open(ctx, db)
	if _, err := ingest.Articles(ctx, ix, arts, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	t.Logf("archive %d, queries %d", len(arts), len(qs))
	type lat struct {
		d   time.Duration
		id  string
		len int
	}
	var ls []lat
	for i, q := range qs {
		if i%7 != 0 && !(os.Getenv("ZZS") == "sheep" && len(q.ID) > 8 && q.ID[:8] == "sheepdog") {
			continue
		}
		start := time.Now()
		if _, err := Trace(ctx, ix, extract.Article{ID: "q", Paragraphs: []string{q.Text}}, Options{}); err != nil {
			t.Fatal(err)
		}
		ls = append(ls, lat{time.Since(start), q.ID, len(q.Text)})
	}
	sort.Slice(ls, func(i, j int) bool { return ls[i].d > ls[j].d })
	t.Logf("n %d p50 %v p99 %v", len(ls), ls[len(ls)/2].d, ls[len(ls)/100].d)
	for _, l := range ls[:25] {
		t.Logf("%v %s %d", l.d, l.id, l.len)
	}
}
