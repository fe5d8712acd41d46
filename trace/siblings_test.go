package trace

import (
	"context"
	"testing"

	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/ingest"
)

// An archive may hold a story's other rewrites beside its source (a wire
// story and the sites that rewrote it). They score as high as the source
// for a new rewrite, and a source read against the best of them would not
// stand out (standing) nor be found derived. The archive holds the l2r
// sources and their GPT-3.5 Turbo and Llama-3-70B rewrites; the queries
// are the GPT-4o rewrites.
func TestSourceFoundAmongItsOtherRewrites(t *testing.T) {
	needShared(t)
	ctx := context.Background()
	ix := emptyIndex(t)
	pairs := loadL2R(t)
	var archive []extract.Article
	for _, p := range pairs {
		archive = append(archive, extract.Article{ID: p.ID, Paragraphs: []string{p.Source}})
		for _, m := range []string{"GPT-3-Turbo", "Llama-3-70B"} {
			archive = append(archive, extract.Article{ID: p.ID + "/" + m, Paragraphs: []string{p.Rewrites[m].Text}})
		}
	}
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	derived := 0
	for _, p := range pairs {
		q := extract.Article{ID: p.ID + "/GPT-4o", Paragraphs: []string{p.Rewrites["GPT-4o"].Text}}
		r, err := Trace(ctx, ix, q, Options{Top: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Sources {
			if s.Article.ID == p.ID && s.Decision.Verdict.Derived() {
				derived++
			}
		}
	}
	t.Logf("%d rewrites: source among the three reported and found derived for %d", len(pairs), derived)
	if float64(derived) < 0.95*float64(len(pairs)) {
		t.Errorf("the source was found derived for %d of %d rewrites; want 95%%", derived, len(pairs))
	}
}
