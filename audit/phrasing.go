package audit

import (
	"math"
	"sort"
	"strings"

	"github.com/storytrace/storytrace/align"
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
	q, s := qt.bigrams(), st.bigrams()
	e.Bigrams = round3(shareIn(q, s))
	e.SourceBigrams = round3(shareIn(s, q))
	e.Order = round3(inOrder(al.Pairs))
}

// bigrams returns the distinct pairs of adjacent terms within a sentence
// of t's profile, read once.
func (t *Tokens) bigrams() map[string]struct{} {
	if t.pairs != nil {
		return t.pairs
	}
	t.pairs = map[string]struct{}{}
	var b strings.Builder
	for _, sent := range t.p.Sentences {
		for i := 0; i+1 < len(sent.Terms); i++ {
			b.Reset()
			b.WriteString(sent.Terms[i])
			b.WriteByte(0)
			b.WriteString(sent.Terms[i+1])
			t.pairs[b.String()] = struct{}{}
		}
	}
	return t.pairs
}

// shareIn is the share of a's members in b; 0 when a is empty.
func shareIn(a, b map[string]struct{}) float64 {
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
