package audit

import (
	"math"
	"sort"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
)

// Phrasing reads what the alignment's sentence pairs leave out of the
// evidence: how much of each text's phrasing the other holds, and whether
// the aligned sentences keep the source's order. A rewrite keeps its
// source's word pairs ("tax cut", "said on") where a paraphrase leaves the
// words alone, and follows its source's order; a topical neighbour shares
// the story's words but neither the pairs nor the order. qt and st are the
// token caches of the query and the source; the query's pairs are read
// once for every source it is compared with.
func (e *Evidence) Phrasing(qt, st *Tokens, al *align.Alignment) {
	e.Bigrams, e.SourceBigrams, e.Order = PhrasingOf(qt.bigrams(), st.bigrams(), al)
}

// PhrasingOf returns Evidence.Bigrams, SourceBigrams and Order for a query
// and a source whose bigrams are q and s, aligned by al.
func PhrasingOf(q, s Bigrams, al *align.Alignment) (bigrams, sourceBigrams, order float64) {
	return round3(q.shareIn(s)), round3(s.shareIn(q)), round3(inOrder(al.Pairs))
}

// Bigrams are a text's distinct pairs of adjacent terms within a sentence,
// each held as a 64-bit FNV-1a hash of the two terms: a trace reads the
// pairs of the query and of every candidate it ranks closely, and hashing
// allocates nothing per pair. Two pairs sharing a hash are one in 2⁶⁴.
type Bigrams map[uint64]struct{}

// BigramsOf reads the bigrams of p.
func BigramsOf(p *analyze.Profile) Bigrams {
	out := Bigrams{}
	for _, sent := range p.Sentences {
		for i := 0; i+1 < len(sent.Terms); i++ {
			out[pairHash(sent.Terms[i], sent.Terms[i+1])] = struct{}{}
		}
	}
	return out
}

// pairHash is FNV-1a over a, a zero byte, and b.
func pairHash(a, b string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * prime
	}
	h *= prime // the zero byte: h ^ 0 is h
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * prime
	}
	return h
}

// bigrams returns the bigrams of t's profile, read once.
func (t *Tokens) bigrams() Bigrams {
	if t.pairs == nil {
		t.pairs = BigramsOf(t.p)
	}
	return t.pairs
}

// shareIn is the share of a's members in b; 0 when a is empty.
func (a Bigrams) shareIn(b Bigrams) float64 {
	if len(a) == 0 {
		return 0
	}
	n := 0
	for k := range a {
		if _, ok := b[k]; ok {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// inOrder is the share of the pairs, taken in the query's order, that
// form the longest run rising in the source's order (a longest increasing
// subsequence of their source sentences); 0 with no pairs.
func inOrder(ps []align.Pair) float64 {
	if len(ps) == 0 {
		return 0
	}
	var tails []int // tails[k]: the least last source sentence of a rising run of k+1 pairs
	for _, p := range ps {
		k := sort.SearchInts(tails, p.SourceFirst)
		if k == len(tails) {
			tails = append(tails, p.SourceFirst)
		} else {
			tails[k] = p.SourceFirst
		}
	}
	return float64(len(tails)) / float64(len(ps))
}

// round3 rounds to three decimals, as the report prints evidence.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
