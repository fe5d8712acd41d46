package peers

import (
	"context"
	"sort"

	"github.com/storytrace/storytrace/analyze"
)

// MinHash is the MinHash peer. With Banded it is LSH: only articles sharing a
// band with the query are candidates; without, every article's sketch is
// compared (brute force), which shows what the sketch itself can rank.
//
// Sketches are storytrace's own (analyze.Sketch: word 3-shingles of folded
// tokens, 128 xxh3-derived hashes), so the peer differs from storytrace's
// LSH signal only in how it is used: alone, with no BM25 and no alignment.
type MinHash struct {
	Banded   bool
	ids      []string
	sketches [][]uint64
	buckets  map[[2]uint64][]int32 // (band, band hash) → article numbers
}

const (
	mhRows  = 4
	mhBands = analyze.SketchSize / mhRows
)

// NewMinHash returns an empty MinHash peer.
func NewMinHash(banded bool) *MinHash {
	return &MinHash{Banded: banded, buckets: map[[2]uint64][]int32{}}
}

// Name implements Retriever.
func (m *MinHash) Name() string {
	if m.Banded {
		return "MinHash-LSH (32×4 bands)"
	}
	return "MinHash Jaccard (no banding)"
}

// sketchOf sketches the text's tokens directly, skipping the rest of the
// analysis (sentences, facts) that the peer does not use.
func sketchOf(text string) []uint64 {
	return analyze.Sketch(analyze.Tokenize(text, analyze.Span{Start: 0, End: len(text)}))
}

func bandHash(sk []uint64, b int) uint64 {
	h := uint64(1469598103934665603)
	for _, v := range sk[b*mhRows : (b+1)*mhRows] {
		h ^= v
		h *= 1099511628211
	}
	return h
}

// Add implements Retriever.
func (m *MinHash) Add(id, text string) error {
	sk := sketchOf(text)
	n := int32(len(m.ids))
	m.ids = append(m.ids, id)
	m.sketches = append(m.sketches, sk)
	if m.Banded {
		for b := 0; b < mhBands; b++ {
			k := [2]uint64{uint64(b), bandHash(sk, b)}
			m.buckets[k] = append(m.buckets[k], n)
		}
	}
	return nil
}

// Search implements Retriever.
func (m *MinHash) Search(ctx context.Context, text string, k int) ([]Hit, error) {
	q := sketchOf(text)
	var cands []int32
	if m.Banded {
		seen := map[int32]bool{}
		for b := 0; b < mhBands; b++ {
			for _, n := range m.buckets[[2]uint64{uint64(b), bandHash(q, b)}] {
				if !seen[n] {
					seen[n] = true
					cands = append(cands, n)
				}
			}
		}
	} else {
		cands = make([]int32, len(m.ids))
		for i := range cands {
			cands[i] = int32(i)
		}
	}
	hits := make([]Hit, 0, len(cands))
	for _, n := range cands {
		if j := analyze.Jaccard(q, m.sketches[n]); j > 0 {
			hits = append(hits, Hit{ID: m.ids[n], Score: j})
		}
	}
	return top(hits, k), ctx.Err()
}

// Close implements Retriever.
func (m *MinHash) Close() error { return nil }

func top(hits []Hit, k int) []Hit {
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	if len(hits) > k {
		hits = hits[:k]
	}
	return hits
}
