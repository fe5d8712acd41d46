package audit

import (
	"hash/fnv"
	"testing"

	"github.com/storytrace/storytrace/align"
)

func TestInOrder(t *testing.T) {
	pairs := func(src ...int) []align.Pair {
		ps := make([]align.Pair, len(src))
		for i, s := range src {
			ps[i] = align.Pair{QuerySentence: i, SourceFirst: s}
		}
		return ps
	}
	for _, c := range []struct {
		src  []int
		want float64
	}{
		{nil, 0},
		{[]int{0, 1, 2, 3}, 1},
		{[]int{3, 2, 1, 0}, 0.25},
		{[]int{0, 5, 1, 2}, 0.75}, // one sentence moved
		{[]int{2, 2, 3}, 2.0 / 3}, // two query sentences from one source sentence rise once
	} {
		if got := inOrder(pairs(c.src...)); got != c.want {
			t.Errorf("inOrder(%v) = %.3f, want %.3f", c.src, got, c.want)
		}
	}
}

func TestPairHashIsFNV1a(t *testing.T) {
	for _, c := range [][2]string{{"", ""}, {"tax", "cut"}, {"541,210", "peopl"}, {"ab", "c"}, {"a", "bc"}} {
		h := fnv.New64a()
		h.Write([]byte(c[0] + "\x00" + c[1]))
		if got, want := pairHash(c[0], c[1]), h.Sum64(); got != want {
			t.Errorf("pairHash(%q, %q) = %x, want %x", c[0], c[1], got, want)
		}
	}
	if pairHash("ab", "c") == pairHash("a", "bc") {
		t.Error("the pair boundary is not hashed")
	}
}
