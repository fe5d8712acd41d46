package trace

import (
	"context"
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
