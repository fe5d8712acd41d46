package retrieval

import (
	"context"
	"fmt"
	"os"
	"sort"
	"testing"

	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/trace"
)

// TestRankExperiment is how trace's bm25Weight was chosen: it traces every
// other fit-half derived query against the full benchmark archive and prints
// recall@1 per set for each weight. It runs only with RANK_EXP=1 (minutes):
//
//	RANK_EXP=1 go test -run RankExperiment -v -timeout 30m ./bench/retrieval/
func TestRankExperiment(t *testing.T) {
	if os.Getenv("RANK_EXP") == "" {
		t.Skip()
	}
	env := &suite.Env{Shared: "../../../shared", TempDir: t.TempDir()}
	docs, queries, err := load(env)
	if err != nil {
		t.Fatal(err)
	}
	st, err := buildStorytrace(context.Background(), env, docs)
	if err != nil {
		t.Fatal(err)
	}
	type cand struct {
		sup, bm float64
		ok      bool
	}
	var all [][]cand
	var groups []string
	n := 0
	for i, q := range queries {
		if q.withheld || !derivedLabels[q.Label] || !q.fit || i%2 != 0 {
			continue
		}
		a := extract.Article{ID: q.ID, Paragraphs: []string{q.Text}}
		r, err := trace.Trace(context.Background(), st.ix, a, trace.Options{Top: 40})
		if err != nil {
			t.Fatal(err)
		}
		var cs []cand
		for _, s := range r.Sources {
			cs = append(cs, cand{s.Score, s.BM25, q.accept[s.Article.ID]})
		}
		all = append(all, cs)
		groups = append(groups, q.Set)
		n++
	}
	for _, w := range []float64{0, 1, 2, 3, 4, 5, 6, 8, 12, 100} {
		hit := map[string]int{}
		tot := map[string]int{}
		for qi, cs := range all {
			maxS, maxB := 0.0, 0.0
			for _, c := range cs {
				maxS, maxB = max(maxS, c.sup), max(maxB, c.bm)
			}
			score := func(c cand) float64 {
				s := 0.0
				if maxS > 0 {
					s += c.sup / maxS
				}
				if maxB > 0 {
					s += w * c.bm / maxB
				}
				return s
			}
			sorted := append([]cand(nil), cs...)
			sort.SliceStable(sorted, func(i, j int) bool { return score(sorted[i]) > score(sorted[j]) })
			tot[groups[qi]]++
			tot["all"]++
			if len(sorted) > 0 && sorted[0].ok {
				hit[groups[qi]]++
				hit["all"]++
			}
		}
		line := fmt.Sprintf("w=%.2f", w)
		for _, g := range []string{"all", "l2r", "llmfake", "sheepdog", "human-ai", "counter", "meter", "bbc"} {
			line += fmt.Sprintf(" %s %.3f", g, float64(hit[g])/float64(max(tot[g], 1)))
		}
		t.Log(line)
	}
}
