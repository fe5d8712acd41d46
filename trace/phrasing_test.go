package trace

import (
	"sort"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
)

// A rewrite keeps word pairs of its source that a topical neighbour does
// not hold, and follows its source's order: the l2r rewrites against the
// BBC archive, the source against the candidate that supports the rewrite
// best after it.
func TestRewriteKeepsItsSourcesPhrasing(t *testing.T) {
	var src, other []audit.Evidence
	eachL2RTrace(t, func(source string, qp *analyze.Profile, vs []*Candidate) {
		s, best := sourceAndRival(source, vs)
		if s == nil || best == nil {
			return
		}
		qt := audit.NewTokens(qp, nil)
		var a, b audit.Evidence
		a.Phrasing(qt, audit.NewTokens(s.Profile, nil), s.Alignment)
		b.Phrasing(qt, audit.NewTokens(best.Profile, nil), best.Alignment)
		src, other = append(src, a), append(other, b)
	})
	if len(src) < 500 {
		t.Fatalf("only %d rewrites found their source among the candidates", len(src))
	}
	median := func(es []audit.Evidence, f func(audit.Evidence) float64) float64 {
		xs := make([]float64, len(es))
		for i, e := range es {
			xs[i] = f(e)
		}
		sort.Float64s(xs)
		return xs[len(xs)/2]
	}
	bigrams := func(e audit.Evidence) float64 { return e.Bigrams }
	sourceBigrams := func(e audit.Evidence) float64 { return e.SourceBigrams }
	order := func(e audit.Evidence) float64 { return e.Order }
	more := 0
	for i := range src {
		if src[i].Bigrams > other[i].Bigrams {
			more++
		}
	}
	t.Logf("%d rewrites: bigrams held by the source, median %.2f, by the best other %.2f (source more for %d); the source's held by the rewrite %.2f against %.2f; order %.2f against %.2f",
		len(src), median(src, bigrams), median(other, bigrams), more, median(src, sourceBigrams), median(other, sourceBigrams), median(src, order), median(other, order))
	if 10*more < 9*len(src) {
		t.Errorf("the source holds more of the rewrite's word pairs than the best other candidate for %d of %d, want 90%%", more, len(src))
	}
	if m := median(src, sourceBigrams); m < 2*median(other, sourceBigrams) {
		t.Errorf("the rewrite holds a median %.2f of its source's word pairs, %.2f of the best other's: want twice", m, median(other, sourceBigrams))
	}
	if m := median(src, order); m < 0.8 {
		t.Errorf("a rewrite's aligned sentences keep its source's order for a median %.2f of the pairs, want ≥ 0.8", m)
	}
}
