package align_test

import (
	"testing"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
)

// BBC News Summary's summaries are sentences copied from their articles,
// so nearly every summary sentence pairs with the one article sentence it
// copies.
// A verbatim run that carries over a sentence boundary ("… overproduction.
// The" in both texts) must not stretch the next summary sentence's source
// span back to where the run began: one summary sentence copied from the
// article's sixteenth sentence was shown against sentences 1 to 16, and
// the article's coverage counted them all.
func TestCopiedSentencePairsWithTheSentenceItCopies(t *testing.T) {
	set, err := corpus.Load("../../shared", "bbc")
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	pairs, single, summaries := 0, 0, 0
	for i, q := range set.Queries {
		if q.Label != corpus.LabelSummary || i%5 != 0 {
			continue
		}
		src := set.Docs[docs[q.Source]]
		summaries++
		qp, sp := analyze.AnalyzeText(q.Text), analyze.AnalyzeText(src.Text)
		for _, p := range align.Align(qp, sp, align.Options{}).Pairs {
			if p.Kind != align.Verbatim && p.Kind != align.NearVerbatim {
				continue
			}
			pairs++
			if p.SourceFirst == p.SourceLast {
				single++
			} else if pairs-single <= 5 {
				t.Logf("%s: query sentence %d against source sentences %d..%d", q.ID, p.QuerySentence, p.SourceFirst, p.SourceLast)
			}
		}
	}
	t.Logf("%d summaries, %d verbatim or near-verbatim pairs, %d against one source sentence", summaries, pairs, single)
	// The rest are summary sentences that join two article sentences (a
	// sentence mark lost between a quotation and the next sentence, "Co.
	// Zurich"). Before the span kept only the sentences holding a fair
	// share of the words: 3,289 of 3,596.
	if summaries < 300 || float64(single) < 0.98*float64(pairs) {
		t.Errorf("%d of %d verbatim or near-verbatim pairs against one source sentence, want 98%% (of %d summaries, at least 300)", single, pairs, summaries)
	}
}
