package trace

import (
	"context"
	"hash/fnv"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/ingest"
)

// A one-line claim that a rewrite expands into an article is found: the
// Llama-2 and Vicuna "rewrites" of LLMFake's CoAID claims ("Martial law is
// imminent in United States.") run to a hundred words and more, and the
// long articles on their topic outscore the claim by BM25 and by support.
// The archive holds every LLMFake source; the queries are those rewrites
// the set's filter keeps.
func TestShortClaimExpandedIntoAnArticle(t *testing.T) {
	needShared(t)
	set, err := corpus.Load(shared, "llmfake")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ix := emptyIndex(t)
	var archive []extract.Article
	for _, d := range set.Docs {
		archive = append(archive, d.Article())
	}
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	hits, n := 0, 0
	for _, q := range set.Queries {
		if q.Label != corpus.LabelRewrite || q.Extra["generator"] == "chatgpt" || !strings.Contains(q.Source, "coaid") {
			continue
		}
		if ok, _ := q.Usable(); !ok {
			continue
		}
		r, err := Trace(ctx, ix, extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)}, Options{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		n++
		if len(r.Sources) > 0 && r.Sources[0].Article.ID == q.Source {
			hits++
		}
	}
	recall := float64(hits) / float64(n)
	t.Logf("recall@1 %d of %d (%.3f)", hits, n, recall)
	// Without the short-article candidates and their coverage in rank:
	// 294 of 348 (0.845); with them 319 (0.917).
	if n < 300 || recall < 0.9 {
		t.Errorf("recall@1 %.3f over %d rewrites of one-line claims, want at least 0.9 over 300 or more", recall, n)
	}
}

// An essay written on a one-line claim (LLMFake's Llama-2 and Vicuna
// "rewrites" and "paraphrases" of CoAID claims, four times the claim's
// length or more: corpus.Query.ExpandedClaim) restates the claim and then
// goes on in its own words. Traced against LLMFake's articles, the claim
// is found derived when the essay restates it (the short-source rule);
// when the claim is withheld from the archive, another claim the essay
// shares a name with is not. A fifth of the claims, by a hash of their
// IDs, are withheld.
func TestAnEssayOnAClaimFindsTheClaim(t *testing.T) {
	ctx := context.Background()
	set := loadSets(t, "llmfake")["llmfake"]
	withheld := func(id string) bool {
		h := fnv.New32a()
		h.Write([]byte(id))
		return h.Sum32()%5 == 0
	}
	ix := emptyIndex(t)
	var docs []extract.Article
	for _, d := range set.Docs {
		if !withheld(d.ID) {
			docs = append(docs, d.Article())
		}
	}
	if _, err := ingest.Articles(ctx, ix, docs, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	var present, found, absent, claimed int
	for _, q := range set.Queries {
		if usable, _ := q.Usable(); !usable || !q.ExpandedClaim() {
			continue
		}
		r, err := Trace(ctx, ix, extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)}, Options{Top: 1})
		if err != nil {
			t.Fatal(err)
		}
		derived := len(r.Sources) > 0 && r.Sources[0].Decision.Verdict.Derived()
		if withheld(q.Source) {
			absent++
			if derived {
				claimed++
				t.Logf("%s: source withheld, %s read %s", q.ID, r.Sources[0].Article.ID, r.Sources[0].Decision.Verdict)
			}
			continue
		}
		present++
		if derived && r.Sources[0].Article.ID == q.Source {
			found++
		}
	}
	t.Logf("%d essays on a claim in the archive, %d found derived from it; %d on a withheld claim, %d claimed derived", present, found, absent, claimed)
	if present < 100 || absent < 20 {
		t.Fatalf("%d essays with their claim, %d without: too few to measure", present, absent)
	}
	// 101 of 182 (0.555) when a short source had to stand
	// shortSourceMargin above the others whatever the query restated of
	// it; 121 (0.665) with the restated-pairs test.
	if float64(found) < 0.6*float64(present) {
		t.Errorf("%d of %d essays found derived from their claim, want 60%% or more", found, present)
	}
	if claimed > 0 {
		t.Errorf("%d of %d essays on a withheld claim claimed derived from another text", claimed, absent)
	}
}
