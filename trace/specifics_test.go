package trace

import (
	"sort"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/origin"
)

// A rewrite keeps its source's specifics or blurs them, and a topical
// neighbour states its own: take the source out of the archive and the
// best candidate left lacks most of the rewrite's figures, names and
// quotations. The queries are the l2r rewrites of every model, traced
// against the BBC archive with their sources (testArchive).
func TestSourceStatesTheRewritesSpecifics(t *testing.T) {
	var present, neighbour []float64
	eachL2RTrace(t, func(source string, qp *analyze.Profile, vs []*Candidate) {
		qs := origin.SpecificsOf(qp)
		if !qs.Stated() {
			return // nothing specific to keep
		}
		src, best := sourceAndRival(source, vs)
		if src == nil || best == nil {
			return
		}
		ss, err := src.specifics()
		if err != nil {
			t.Fatal(err)
		}
		bs, err := best.specifics()
		if err != nil {
			t.Fatal(err)
		}
		present = append(present, qs.MissingShare(ss))
		neighbour = append(neighbour, qs.MissingShare(bs))
	})
	if len(present) < 500 {
		t.Fatalf("only %d rewrites with specifics found their source among the candidates", len(present))
	}
	median := func(xs []float64) float64 {
		s := append([]float64(nil), xs...)
		sort.Float64s(s)
		return s[len(s)/2]
	}
	below := 0
	for i := range present {
		if present[i] < neighbour[i] {
			below++
		}
	}
	t.Logf("%d rewrites: share of their specifics the source lacks, median %.2f; the best other candidate, median %.2f; the source lacks fewer for %d",
		len(present), median(present), median(neighbour), below)
	if median(present) > 0.25 {
		t.Errorf("the source lacks a median %.2f of its rewrite's specifics; want at most 0.25", median(present))
	}
	if median(neighbour) < 0.6 {
		t.Errorf("the best other candidate lacks a median %.2f of the rewrite's specifics; want at least 0.6", median(neighbour))
	}
	if float64(below) < 0.9*float64(len(present)) {
		t.Errorf("the source lacks fewer of the rewrite's specifics than its best neighbour for %d of %d; want 90%%", below, len(present))
	}
}
