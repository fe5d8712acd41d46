package index

import (
	"math/rand/v2"
	"sort"
	"testing"
)

// TestScoresTopIsTheSortedHead: the heap selection returns what sorting
// every reached article and cutting at k returned, ties (equal scores,
// which BM25 gives articles of one length sharing one term) included.
func TestScoresTopIsTheSortedHead(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		next := uint32(1 + r.IntN(20000))
		s := newScores(next)
		want := map[uint32]float64{}
		for i := 0; i < r.IntN(3000); i++ {
			d := uint32(r.IntN(int(next)))
			v := float64(1+r.IntN(5)) / 4 // few distinct values: many ties
			s.add(d, v)
			want[d] += v
		}
		var all []Candidate
		for d, v := range want {
			all = append(all, Candidate{Doc: d, BM25: v})
			if s.get(d) != v {
				t.Fatalf("get(%d) = %v, want %v", d, s.get(d), v)
			}
		}
		sort.Slice(all, func(i, j int) bool { return better(all[i], all[j]) })
		k := 1 + r.IntN(30)
		got := s.top(k)
		if len(all) > k {
			all = all[:k]
		}
		if len(got) != len(all) {
			t.Fatalf("top(%d) gave %d candidates, want %d", k, len(got), len(all))
		}
		for i := range got {
			if got[i] != all[i] {
				t.Fatalf("top(%d)[%d] = %+v, want %+v", k, i, got[i], all[i])
			}
		}
	}
	if s := newScores(10); s.get(1<<20) != 0 || len(s.top(5)) != 0 {
		t.Error("an empty scores table reports a score")
	}
}
