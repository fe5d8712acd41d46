package trace

import (
	"context"
	"testing"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/store/pebble"
)

// A newsroom traces its own story and finds the later copy: COUNTER's
// wholly derived newspaper texts, dated after their news-agency source, are
// put in an archive with every other COUNTER source; tracing the source (with
// its date) must name the query itself as the origin, by the dates, when a
// chain is drawn.
func TestTraceNamesTheQueryAsOriginOfALaterCopy(t *testing.T) {
	needShared(t)
	set, err := corpus.Load(shared, "counter")
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	type pair struct {
		src   corpus.Doc
		copyA extract.Article
	}
	var pairs []pair
	for _, q := range set.Queries {
		i, ok := docs[q.Source]
		if !ok {
			continue
		}
		src, date := set.Docs[i], q.Extra["published"]
		if q.Label != corpus.LabelWhollyDer || date == "" || src.Published == "" || date <= src.Published {
			continue
		}
		pairs = append(pairs, pair{src, extract.Article{ID: q.ID, Published: date, Paragraphs: corpus.Paragraphs(q.Text)}})
		if len(pairs) == 12 {
			break
		}
	}
	if len(pairs) < 5 {
		t.Fatalf("only %d dated WD pairs with a later copy", len(pairs))
	}
	ctx := context.Background()
	db, err := pebble.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ix, err := index.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	var archive []extract.Article
	inPairs := map[string]bool{}
	for _, p := range pairs {
		archive = append(archive, p.copyA)
		inPairs[p.src.ID] = true
	}
	for _, d := range set.Docs {
		if !inPairs[d.ID] {
			archive = append(archive, d.Article())
		}
	}
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	named, chains := 0, 0
	for _, p := range pairs {
		q := p.src.Article()
		r, err := Trace(ctx, ix, q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if r.Origin == nil {
			// The verdict asks whether the query derives from a source;
			// a shortened copy of the query often does not look like
			// the query's source, so no chain is drawn.
			t.Logf("%s: no derived source found (top %v)", q.ID, r.Sources[0].Article.ID)
			continue
		}
		chains++
		if r.Origin.Origin == q.ID && r.Origin.Links[0].Basis == "dates" {
			named++
		} else {
			t.Logf("%s: origin %s, links %+v", q.ID, r.Origin.Origin, r.Origin.Links)
		}
	}
	if chains < 5 || named*10 < chains*8 {
		t.Errorf("query named origin by dates in %d of %d chains (%d traces), want ≥ 5 chains and ≥ 80%%", named, chains, len(pairs))
	}
}
