package index

import (
	"container/heap"
)

// pageBits sets the size of a scores page: 2^12 doc numbers.
const pageBits = 12

// scores holds the BM25 score of every article a query's terms reach,
// by doc number. A map did this until an archive of a million articles,
// where a query touches most of them: inserting into and growing the map
// was most of a trace. Pages of doc numbers are allocated as terms reach
// them, so a query on a small or sparse archive takes little memory, and
// a million-article archive at most 8 MB. Every score added is above
// zero (IDF and term frequencies are positive), so zero means unreached.
type scores struct {
	pages [][]float64
}

func newScores(next uint32) *scores {
	return &scores{pages: make([][]float64, int(next>>pageBits)+1)}
}

func (s *scores) add(doc uint32, v float64) {
	p := int(doc >> pageBits)
	if p >= len(s.pages) {
		s.pages = append(s.pages, make([][]float64, p+1-len(s.pages))...)
	}
	page := s.pages[p]
	if page == nil {
		page = make([]float64, 1<<pageBits)
		s.pages[p] = page
	}
	page[doc&(1<<pageBits-1)] += v
}

// get returns doc's score, 0 if no query term reached it.
func (s *scores) get(doc uint32) float64 {
	p := int(doc >> pageBits)
	if p >= len(s.pages) || s.pages[p] == nil {
		return 0
	}
	return s.pages[p][doc&(1<<pageBits-1)]
}

// each calls fn for every reached article in doc-number order.
func (s *scores) each(fn func(doc uint32, score float64)) {
	for p, page := range s.pages {
		for i, v := range page {
			if v != 0 {
				fn(uint32(p<<pageBits|i), v)
			}
		}
	}
}

// top returns the k best-scored articles, best first; of two with equal
// scores the lower doc number comes first, as sorting them all would give.
// A heap of k keeps this linear in the articles reached.
func (s *scores) top(k int) []Candidate {
	h := &worstFirst{}
	s.each(func(doc uint32, v float64) {
		c := Candidate{Doc: doc, BM25: v}
		if h.Len() < k {
			heap.Push(h, c)
		} else if better(c, (*h)[0]) {
			(*h)[0] = c
			heap.Fix(h, 0)
		}
	})
	out := make([]Candidate, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(Candidate)
	}
	return out
}

// better orders candidates: higher BM25 first, then lower doc number.
func better(a, b Candidate) bool {
	if a.BM25 != b.BM25 {
		return a.BM25 > b.BM25
	}
	return a.Doc < b.Doc
}

// worstFirst is a heap of candidates whose root is the worst of them.
type worstFirst []Candidate

func (h worstFirst) Len() int           { return len(h) }
func (h worstFirst) Less(i, j int) bool { return better(h[j], h[i]) }
func (h worstFirst) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *worstFirst) Push(x any)        { *h = append(*h, x.(Candidate)) }
func (h *worstFirst) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
