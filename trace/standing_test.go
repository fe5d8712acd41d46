package trace

import (
	"context"
	"sort"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/extract"
)

// A rewrite restates its source's rarer words, so the source's BM25 stands
// above the other candidates'; take the source out, as an archive without
// it would, and the best of what is left stands among neighbours that
// score alike. The queries are the l2r rewrites of every model,
// traced against the BBC archive with their sources (testArchive).
func TestSourceStandsAboveItsNeighbours(t *testing.T) {
	var present, withheld []float64
	eachL2RTrace(t, func(source string, _ *analyze.Profile, vs []*Candidate) {
		var rest []*Candidate
		var src *Candidate
		for _, v := range vs {
			if v.Article.ID == source {
				src = v
			} else {
				rest = append(rest, v)
			}
		}
		if src == nil || len(rest) < 2 {
			return
		}
		present = append(present, src.Standing)
		setMargins(rest)
		best := rest[0]
		for _, v := range rest {
			if v.BM25 > best.BM25 {
				best = v
			}
		}
		withheld = append(withheld, best.Standing)
	})
	if len(present) < 500 {
		t.Fatalf("only %d rewrites found their source among the candidates", len(present))
	}
	median := func(xs []float64) float64 {
		s := append([]float64(nil), xs...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	above := func(xs []float64, v float64) float64 {
		n := 0
		for _, x := range xs {
			if x > v {
				n++
			}
		}
		return float64(n) / float64(len(xs))
	}
	t.Logf("%d rewrites: standing of the source median %.2f (%.0f%% at the bound); of the best candidate left without it median %.2f (%.0f%% at the bound)",
		len(present), median(present), 100*above(present, audit.MaxStanding-1e-3), median(withheld), 100*above(withheld, audit.MaxStanding-1e-3))
	t.Logf("standing above 0.5: the source %.3f, the best left %.3f", above(present, 0.5), above(withheld, 0.5))
	if above(present, 0.5) < 0.95 {
		t.Errorf("the source's BM25 is 1.65 times the crowd's for %.3f of the rewrites; want 0.95", above(present, 0.5))
	}
	if median(withheld) >= median(present)/2 {
		t.Errorf("without the source the best candidate's standing has median %.2f, the source's %.2f: the neighbours should score alike", median(withheld), median(present))
	}
}

// eachL2RTrace verifies every l2r rewrite of every model against the BBC
// archive with their sources (testArchive) and calls fn with the id of the
// rewrite's source, the analysed rewrite and its ranked candidates.
func eachL2RTrace(t *testing.T, fn func(source string, qp *analyze.Profile, vs []*Candidate)) {
	t.Helper()
	ix := testArchive(t)
	ctx := context.Background()
	for _, p := range loadL2R(t) {
		for model, rw := range p.Rewrites {
			qp := analyze.Analyze(extract.Article{ID: p.ID + "/" + model, Paragraphs: []string{rw.Text}})
			vs, err := Verify(ctx, ix, qp, Options{})
			if err != nil {
				t.Fatal(err)
			}
			fn(p.ID, qp, vs)
		}
	}
}

// sourceAndRival returns the candidate that is the source and, of the
// others, the one supporting the query best; nil where there is none.
func sourceAndRival(source string, vs []*Candidate) (src, rival *Candidate) {
	for _, v := range vs {
		switch {
		case v.Article.ID == source:
			src = v
		case rival == nil || v.Alignment.Support > rival.Alignment.Support:
			rival = v
		}
	}
	return src, rival
}
