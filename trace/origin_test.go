package trace

import (
	"context"
	"path/filepath"
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
// its date) must find the copy made from the query (the reverse verdict)
// and name the query itself as the origin, by the dates.
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
	ix := emptyIndex(t)
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
	named, chains, found, wrong := 0, 0, 0, 0
	for _, p := range pairs {
		q := p.src.Article()
		r, err := Trace(ctx, ix, q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Sources {
			if s.Article.ID == p.copyA.ID && (s.Reverse != nil || s.Decision.Verdict.Derived()) {
				found++
			}
			if s.Article.ID != p.copyA.ID && s.Reverse != nil {
				wrong++
				t.Logf("%s: %s said made from the query (%s)", q.ID, s.Article.ID, s.Reverse.Verdict)
			}
		}
		if r.Origin == nil {
			t.Logf("%s: no derived source found (top %v, %s)", q.ID, r.Sources[0].Article.ID, r.Sources[0].Decision.Verdict)
			continue
		}
		chains++
		if r.Origin.Origin == q.ID && r.Origin.Links[0].Basis == "dates" {
			named++
		} else {
			t.Logf("%s: origin %s, links %+v", q.ID, r.Origin.Origin, r.Origin.Links)
		}
	}
	// The copy is found derived, made from the query (the reverse
	// verdict) or, less rightly, the query made from it, in most traces;
	// before the reverse check, 5 of 12 drew no chain.
	if found*10 < len(pairs)*7 {
		t.Errorf("the later copy was found derived in %d of %d traces, want ≥ 70%%", found, len(pairs))
	}
	// The other sources listed are other agency stories, none made from
	// the query. The reverse question's model says derived for 1% of the
	// fit half's topical neighbours (audit.ReverseThreshold), and about 40
	// neighbours are asked here: one such claim is within its operating
	// point (since the twenty-third session's model, counter/0289, a
	// Queensland–Tasmania match report, for counter/0011, an India A one,
	// both written to APP's formula), two are not.
	if wrong > 1 {
		t.Errorf("%d other sources said made from the query", wrong)
	}
	if chains*10 < len(pairs)*7 || named*10 < chains*8 {
		t.Errorf("query named origin by dates in %d of %d chains (%d traces), want chains in ≥ 70%% and the query named in ≥ 80%% of them", named, chains, len(pairs))
	}
}

// A newsroom traces its own story with --own: the seed source against an
// archive holding the seed rewrite among 300 BBC articles. The rewrite adds
// to the story, so containment alone names the rewrite the origin; the
// user's word names the query, and the rewrite is said made from it.
func TestTraceOwnStoryNamesTheQueryOrigin(t *testing.T) {
	needShared(t)
	ctx := context.Background()
	ix := emptyIndex(t)
	inputs, errs := extract.Expand([]string{filepath.Join(shared, "seeds/rewrite.txt"), "../examples/archive/bbc-news-sample.jsonl"})
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if _, err := ingest.Run(ctx, ix, inputs, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	q := readArticle(t, filepath.Join(shared, "seeds/source-original.txt"))
	q.ID = "mine"
	for _, own := range []bool{false, true} {
		r, err := Trace(ctx, ix, q, Options{Own: own})
		if err != nil {
			t.Fatal(err)
		}
		top := r.Sources[0]
		if top.Article.ID != "rewrite" {
			t.Fatalf("own=%v: top source %s, want the rewrite", own, top.Article.ID)
		}
		if r.Origin == nil {
			t.Fatalf("own=%v: no origin chain", own)
		}
		if !own {
			t.Logf("without --own: origin %s (%s)", r.Origin.Origin, r.Origin.Links[0].Basis)
			continue
		}
		if r.Origin.Origin != "mine" || r.Origin.Links[0].Basis != "user" {
			t.Errorf("with --own: origin %s, links %+v; want the query, basis user", r.Origin.Origin, r.Origin.Links)
		}
		if top.Reverse == nil || !top.Reverse.Verdict.Derived() {
			t.Errorf("with --own: the rewrite is not said made from the query (reverse %+v)", top.Reverse)
		}
	}
}

// A newsroom traces its own story against an archive holding rewrites of
// it and texts written from its headline alone (human-ai): the rewrites
// must be found made from the query (the reverse verdict), the headline-only
// texts not. With the logistic reverse model of the seventeenth session,
// 0.735 of the rewrites were (bench "origin: tracing one's own story").
func TestOwnStoryFindsItsRewritesMadeFromIt(t *testing.T) {
	needShared(t)
	set, err := corpus.Load(shared, "human-ai")
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	made := map[string]map[string]string{} // source → text ID → label
	var archive []extract.Article
	var sources []string
	for _, q := range set.Queries {
		if _, ok := docs[q.Source]; !ok || (q.Label != corpus.LabelRewrite && q.Label != corpus.LabelSameEvent) {
			continue
		}
		if made[q.Source] == nil {
			if len(sources) == 40 {
				continue
			}
			made[q.Source] = map[string]string{}
			sources = append(sources, q.Source)
		}
		made[q.Source][q.ID] = q.Label
		archive = append(archive, extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)})
	}
	ctx := context.Background()
	ix := emptyIndex(t)
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	rewrites, found, sameEvent, claimed := 0, 0, 0, 0
	for _, id := range sources {
		r, err := Trace(ctx, ix, set.Docs[docs[id]].Article(), Options{Top: 5, Own: true})
		if err != nil {
			t.Fatal(err)
		}
		reversed := map[string]bool{}
		for _, s := range r.Sources {
			reversed[s.Article.ID] = s.Reverse != nil
		}
		for text, label := range made[id] {
			if label == corpus.LabelRewrite {
				rewrites++
				if reversed[text] {
					found++
				} else {
					t.Logf("%s: its rewrite %s not said made from it", id, text)
				}
			} else {
				sameEvent++
				if reversed[text] {
					claimed++
					t.Logf("%s: %s, written from its headline, said made from it", id, text)
				}
			}
		}
	}
	if rewrites < 30 || sameEvent < 30 {
		t.Fatalf("%d rewrites and %d headline-only texts; want 30 of each", rewrites, sameEvent)
	}
	if found*10 < rewrites*9 {
		t.Errorf("%d of %d rewrites said made from the query, want ≥ 90%%", found, rewrites)
	}
	if claimed > 1 {
		t.Errorf("%d of %d headline-only texts said made from the query, want at most one", claimed, sameEvent)
	}
}

// emptyIndex opens an index on a fresh Pebble store, closed when the test
// ends.
func emptyIndex(t *testing.T) *index.Index {
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

// A day before another is known only when both dates are.
func TestDayBefore(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"2014-10-26", "2014-11-28", true},
		{"2014-11-28", "2014-10-26", false},
		{"2014-10-26T09:00:00", "2014-10-26T18:00:00", false}, // the same day
		{"", "2014-11-28", false},
		{"2014-10-26", "", false},
		{"October 2014", "2014-11-28", false},
	} {
		if got := dayBefore(c.a, c.b); got != c.want {
			t.Errorf("dayBefore(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}
