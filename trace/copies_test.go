package trace

import (
	"strings"

	"context"
	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"testing"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/origin"
)

// loadSets loads the named data sets, keyed by name, or skips the test
// when the shared data is not there.
func loadSets(t *testing.T, names ...string) map[string]*corpus.Set {
	t.Helper()
	needShared(t)
	sets := map[string]*corpus.Set{}
	for _, name := range names {
		set, err := corpus.Load(shared, name)
		if err != nil {
			t.Fatal(err)
		}
		sets[name] = set
	}
	return sets
}

// storedTwice loads SheepDog and LLMFake and finds the articles they both
// hold: a SheepDog article whose LLMFake copy is its beginning, cut. It
// returns the sets and, per whole article, its cut copy, both in the
// order LLMFake lists the copies.
func storedTwice(t *testing.T) (sets map[string]*corpus.Set, pairs [][2]corpus.Doc) {
	t.Helper()
	sets = loadSets(t, "sheepdog", "llmfake")
	byHead := map[string]corpus.Doc{}
	for _, d := range sets["sheepdog"].Docs {
		byHead[origin.CutKey(d.Text)] = d
	}
	for _, d := range sets["llmfake"].Docs {
		if whole, ok := byHead[origin.CutKey(d.Text)]; ok && origin.Cut(d.Text, whole.Text) {
			pairs = append(pairs, [2]corpus.Doc{whole, d})
		}
	}
	if len(pairs) < 10 {
		t.Fatalf("only %d articles stored twice", len(pairs))
	}
	return sets, pairs
}

// An archive that holds a story twice — here a PolitiFact article as
// SheepDog stores it whole and as LLMFake stores it cut at 4,000
// characters — must read a rewrite of it as an archive holding it once
// does: each copy is the other's runner-up, and a margin read against it
// left both with next to nothing, and the rewrite undecided. The queries
// are SheepDog's restyled rewrites of the articles stored twice, traced
// against SheepDog's and LLMFake's articles with and without the cut
// copies. Of 134 rewrites, 127 read the same held twice as held once; 117
// when the margin is read against the other copy too (at DerivedThreshold
// 0.958; the rest differ mostly in the kind of derivation, a summary of
// the whole article reading as a rewrite of the cut copy).
func TestStoryStoredTwiceReadsAsStoredOnce(t *testing.T) {
	ctx := context.Background()
	sets, pairs := storedTwice(t)
	cutCopy := map[string]string{} // whole article's ID → its cut copy's
	isCut := map[string]bool{}
	for _, p := range pairs {
		cutCopy[p[0].ID] = p[1].ID
		isCut[p[1].ID] = true
	}
	twice, once := emptyIndex(t), emptyIndex(t)
	var all, single []extract.Article
	for _, name := range []string{"sheepdog", "llmfake"} {
		for _, d := range sets[name].Docs {
			all = append(all, d.Article())
			if !isCut[d.ID] {
				single = append(single, d.Article())
			}
		}
	}
	for _, x := range []struct {
		ix   *index.Index
		docs []extract.Article
	}{{twice, all}, {once, single}} {
		if _, err := ingest.Articles(ctx, x.ix, x.docs, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	n, same, derivedTwice, derivedOnce := 0, 0, 0, 0
	for _, q := range sets["sheepdog"].Queries {
		cut, ok := cutCopy[q.Source]
		if !ok {
			continue
		}
		a := extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)}
		r2, err := Trace(ctx, twice, a, Options{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		r1, err := Trace(ctx, once, a, Options{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(r1.Sources) == 0 || r1.Sources[0].Article.ID != q.Source || len(r2.Sources) == 0 {
			continue // held once, the article is not found first: nothing to compare
		}
		n++
		v1, v2 := r1.Sources[0].Decision.Verdict, r2.Sources[0].Decision.Verdict
		if v1.Derived() {
			derivedOnce++
		}
		if v2.Derived() {
			derivedTwice++
		}
		if top := r2.Sources[0].Article.ID; (top == q.Source || top == cut) && v1 == v2 {
			same++
		} else {
			t.Logf("%s: held once %s, twice %s reads %s", q.ID, v1, top, v2)
		}
	}
	t.Logf("%d articles stored twice, %d rewrites of them: same verdict from a copy %d; derived held once %d, twice %d", len(cutCopy), n, same, derivedOnce, derivedTwice)
	if n < 50 || float64(same) < 0.92*float64(n) {
		t.Errorf("held twice, %d of %d rewrites read as held once; want 92%% of 50 or more", same, n)
	}
}

// Of two copies of one article, the one accounting for more of the query
// moves up to where the other stood, the other right behind it, and the
// candidates between keep their order. The texts are a SheepDog article,
// LLMFake's copy of it cut at 4,000 characters, and two other articles.
func TestFullerCopyMovesUpBeforeTheOther(t *testing.T) {
	sets, pairs := storedTwice(t)
	whole, cut := pairs[0][0], pairs[0][1]
	cand := func(d corpus.Doc, support float64) *Candidate {
		return &Candidate{Article: d.Article(), Profile: analyze.AnalyzeText(d.Text), Alignment: &align.Alignment{Support: support}, cutKey: origin.CutKey(d.Text)}
	}
	var others []corpus.Doc
	for _, d := range sets["sheepdog"].Docs {
		if d.ID != whole.ID && len(others) < 2 {
			others = append(others, d)
		}
	}
	vs := []*Candidate{cand(cut, 0.4), cand(others[0], 0.3), cand(others[1], 0.2), cand(whole, 0.5)}
	fullerCopyFirst(vs)
	var got []string
	for _, v := range vs {
		got = append(got, v.Article.ID)
	}
	want := []string{whole.ID, cut.ID, others[0].ID, others[1].ID}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order %v, want %v", got, want)
	}
}
