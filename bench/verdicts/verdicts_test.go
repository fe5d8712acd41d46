package verdicts

import (
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/trace"
)

const shared = "../../../shared"

// One test per verdict class, each on real pairs whose relation is known
// from how they were made (see kindGroups). The floors sit a little under
// what the benchmark measured when they were set (BENCHMARKS.md, "verdict
// kinds on real pairs"), so a regression fails here.
func TestVerdictKindsOnRealPairs(t *testing.T) {
	pairs, err := KindPairs(shared, 60)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		group string
		want  []audit.Verdict
		floor float64
	}{
		{"copies", []audit.Verdict{audit.Copy}, 0.65},
		{"l2r/rewrite", []audit.Verdict{audit.Rewrite}, 0.65},
		{"bbc/summary", []audit.Verdict{audit.Summary}, 0.7},
		{"human-ai/same-event", []audit.Verdict{audit.SameEvent}, 0.8},
		{"llmfake/open-ended", []audit.Verdict{audit.SameEvent, audit.Unrelated}, 0.8},
		{"bbc/other article", []audit.Verdict{audit.Unrelated}, 0.9},
	}
	for _, c := range cases {
		t.Run(c.group, func(t *testing.T) {
			ps := pairs[c.group]
			if len(ps) < 30 {
				t.Fatalf("only %d pairs", len(ps))
			}
			right := 0
			got := map[audit.Verdict]int{}
			for _, p := range ps {
				v := trace.Compare(article("query", p[0]), article("source", p[1])).Sources[0].Decision.Verdict
				got[v]++
				for _, w := range c.want {
					if v == w {
						right++
					}
				}
			}
			if share := float64(right) / float64(len(ps)); share < c.floor {
				t.Errorf("%s: %.2f of %d pairs are %v, want ≥ %.2f; verdicts %v", c.group, share, len(ps), c.want, c.floor, got)
			}
		})
	}
}

// Partial reuse: a real article made of the opening half of one source
// followed by another article's text takes only part of itself from the
// source.
func TestPartialReuseOfARealSource(t *testing.T) {
	pairs, err := KindPairs(shared, 60)
	if err != nil {
		t.Fatal(err)
	}
	others := pairs["bbc/other article"]
	right, n := 0, 0
	for i, p := range pairs["l2r/rewrite"] {
		src := p[1]
		// A substantial part: sources of 120 terms or more.
		if i%2 != 0 || len(others) == 0 || analyze.AnalyzeText(src).Length < 120 {
			continue
		}
		// The query: the source's first half (by sentences), then two
		// unrelated articles, as a roundup quoting a source would.
		sents := analyze.SplitSentences(src)
		if len(sents) < 4 {
			continue
		}
		half := src[:sents[len(sents)/2].Start]
		filler := others[i%len(others)][0]
		q := half + "\n\n" + filler + "\n\n" + others[(i+1)%len(others)][0]
		n++
		d := trace.Compare(article("query", q), article("source", src)).Sources[0].Decision
		if d.Verdict == audit.Partial {
			right++
		} else {
			t.Logf("%s (%.2f): %+v", d.Verdict, d.Confidence, d.Evidence)
		}
	}
	if n < 10 {
		t.Fatalf("only %d queries built", n)
	}
	t.Logf("partial reuse on %d of %d", right, n)
	if share := float64(right) / float64(n); share < 0.7 {
		t.Errorf("partial reuse called on %.2f of %d queries that take a source's first half, want ≥ 0.7", share, n)
	}
}

// COUNTER's partly derived texts take part of themselves from the agency
// source: of those given a derived verdict, a fair share must read
// "partial reuse" (at a partial-reuse line of 40% of the query aligned,
// 3 of 64 did; at 60%, 20 of 64 with the trace model deciding and 17 of
// 86 with the pair model, which calls more of them derived, most with
// over 60% of themselves aligned), while the wholly derived ones stay
// copies and rewrites.
func TestPartlyDerivedCOUNTERTextsArePartialReuse(t *testing.T) {
	derived := map[string]int{}
	partial := map[string]int{}
	comparedAlone(t, "counter", func(q corpus.Query, d audit.Decision) {
		if q.Label != "partly-derived" && q.Label != "wholly-derived" {
			return
		}
		if d.Verdict.Derived() {
			derived[q.Label]++
			if d.Verdict == audit.Partial {
				partial[q.Label]++
			}
		}
	})
	pd := float64(partial["partly-derived"]) / float64(max(derived["partly-derived"], 1))
	wd := float64(partial["wholly-derived"]) / float64(max(derived["wholly-derived"], 1))
	if derived["partly-derived"] < 30 || pd < 0.15 {
		t.Errorf("partly derived: %d of %d derived verdicts are partial reuse (%.2f), want ≥ 0.15", partial["partly-derived"], derived["partly-derived"], pd)
	}
	if wd > 0.05 {
		t.Errorf("wholly derived: %d of %d derived verdicts are partial reuse (%.2f), want ≤ 0.05", partial["wholly-derived"], derived["wholly-derived"], wd)
	}
}

// A rewrite compared with its source alone is derived: human-ai's
// rephrasings keep half their source's support, which the trace model
// (fitted where a margin over other candidates counts) put just under its
// threshold for one in five of them (159 of 200 derived); the pair model,
// fitted on pairs compared alone, calls them derived (191 of 200) while
// the same-event texts written from the headline stay apart.
func TestARewriteComparedAloneIsDerived(t *testing.T) {
	n := map[bool]int{}
	derived := map[bool]int{}
	comparedAlone(t, "human-ai", func(q corpus.Query, d audit.Decision) {
		rewrite := q.Label != corpus.LabelSameEvent
		n[rewrite]++
		if d.Verdict.Derived() {
			derived[rewrite]++
		}
		for _, r := range d.Reasons {
			if strings.Contains(r, "next candidate") {
				t.Fatalf("%s: compared alone, a reason speaks of a next candidate: %q", q.ID, r)
			}
		}
	})
	if n[true] < 100 || n[false] < 100 {
		t.Fatalf("only %d rewrites and %d same-event texts", n[true], n[false])
	}
	if share := float64(derived[true]) / float64(n[true]); share < 0.9 {
		t.Errorf("%d of %d rewrites compared alone are derived (%.2f), want ≥ 0.9", derived[true], n[true], share)
	}
	if share := float64(derived[false]) / float64(n[false]); share > 0.02 {
		t.Errorf("%d of %d same-event texts compared alone are derived (%.2f), want ≤ 0.02", derived[false], n[false], share)
	}
}

// comparedAlone compares every query of the named set with its source in
// the set, as storytrace compare does, and hands fn the query and the
// decision.
func comparedAlone(t *testing.T, name string, fn func(q corpus.Query, d audit.Decision)) {
	t.Helper()
	set, err := corpus.Load(shared, name)
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	for _, q := range set.Queries {
		if i, ok := docs[q.Source]; ok {
			fn(q, trace.Compare(article(q.ID, q.Text), article(q.Source, set.Docs[i].Text)).Sources[0].Decision)
		}
	}
}
