package auditeval

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
)

func sentenceAt(text string, at int) string {
	for _, sp := range analyze.SplitSentences(text) {
		if sp.Start <= at && at <= sp.End {
			return text[sp.Start:sp.End]
		}
	}
	return ""
}

func bestSource(q, src string) (string, float64) {
	qt := sourceTerms(q)
	best, bs := "", 0.0
	for _, sp := range analyze.SplitSentences(src) {
		st := sourceTerms(src[sp.Start:sp.End])
		n := 0
		for t := range qt {
			if st[t] {
				n++
			}
		}
		if f := float64(n) / float64(len(qt)+1); f > bs {
			best, bs = src[sp.Start:sp.End], f
		}
	}
	return best, bs
}

func TestZZ(t *testing.T) {
	if os.Getenv("ZZ") == "" {
		t.Skip()
	}
	l2r, err := corpus.Load("/work/shared", "l2r")
	if err != nil {
		t.Fatal(err)
	}
	kind := os.Getenv("ZZ")
	_ = l2r
	bbc, _ := corpus.Load("/work/shared", "bbc")
	var bb []swapBase
	for _, d := range bbc.Docs {
		bb = append(bb, swapBase{d.Text, d.Text})
	}
	_ = bb
	var cs []swapCase
	for _, sd := range freshSeeds[:3] {
		cs = append(cs, generateSwaps(rewriteBases(l2r, "GPT-4o"), 200, sd)...)
	}
	for _, c := range cs {
		if c.kind != kind {
			continue
		}
		res, _, al := auditPair(c.query, c.source)
		if hit, _, _ := scoreSwap(res, c); hit {
			continue
		}
		qs := sentenceAt(c.query, c.editStart)
		ss, f := bestSource(qs, c.source)
		for _, p := range al.Pairs {
			if p.Query.Start <= c.editStart && c.editStart <= p.Query.End {
				t.Logf("  PAIR sim %.2f kind %v S: %s", p.Similarity, p.Kind, c.source[p.Source.Start:p.Source.End])
			}
		}
		t.Logf("MISS was=%q\n  Q: %s\n  S(%.2f): %s", c.was, strings.TrimSpace(qs), f, strings.TrimSpace(ss))
	}
}

func TestZZPara(t *testing.T) {
	if os.Getenv("ZZP") == "" {
		t.Skip()
	}
	data, err := corpus.Load("/work/shared", "llmfake")
	if err != nil {
		t.Fatal(err)
	}
	_, paras := fakePairs(data)
	for _, p := range paras {
		res, _, _ := auditPair(p.query, p.source)
		for _, n := range res.Negations {
			t.Logf("ALT %s\n  Q: %s\n  S: %s", p.id, n.Query.Text, n.Source.Text)
		}
	}
}

func TestZZSeeds(t *testing.T) {
	if os.Getenv("ZZS") == "" {
		t.Skip()
	}
	l2r, _ := corpus.Load("/work/shared", "l2r")
	bases := rewriteBases(l2r, "GPT-4o")
	for seed := uint64(100); seed < 106; seed++ {
		for _, kind := range []string{"negation", "negation, stated"} {
			n, hit := 0, 0
			for ai, b := range bases {
				rng := rand.New(rand.NewPCG(seed, uint64(ai)))
				c, ok := makeSwap(kind, b, rng, nil)
				if !ok {
					continue
				}
				res, _, _ := auditPair(c.query, c.source)
				n++
				if h, _, _ := scoreSwap(res, c); h {
					hit++
				}
			}
			t.Logf("seed %d %s: %d/%d = %.3f", seed, kind, hit, n, float64(hit)/float64(n))
		}
	}
}
