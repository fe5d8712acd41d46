package align

import (
	"sort"

	"github.com/storytrace/storytrace/analyze"
)

// Which sentence pairs become passages.
//
// Any two texts on one topic have sentences sharing a third of their terms:
// in PAN's long same-topic documents, sentences outside the copied passages
// find such a partner at a steady rate, and showing each as a paraphrase
// passage buried the real reuse (PAN precision of all passages was 0.25).
// Two observations separate reuse from resemblance:
//
//   - a reworded sentence usually resembles one source sentence clearly more
//     than any other, while a topical match resembles several about as
//     much: a pair is distinct when its similarity is at least
//     distinctSimilarity or leads every other source sentence by
//     distinctLead;
//   - real paraphrase reuse is dense — an LLM rewrite aligns half or more of
//     its sentences — while resemblance is a sparse scatter.
//
// So sentence pairs become passages when distinct pairs make up at least
// minParaphraseShare of the query's sentences; then the distinct pairs seed
// passages and their weaker neighbours (consecutive in both texts) extend
// them. Pairs beside a copied sentence (nextToVerbatim) always show: a copy
// with one reworded sentence shows that sentence. Measured on the full
// data: PAN13 precision of all passages 0.60 → 0.93; the share of rewrite
// sentences shown in passages falls by 0–5 points (l2r 1, SheepDog 2–5,
// llmfake 0–2); Alignment.Pairs, coverage and support do not change.
const (
	distinctSimilarity = 0.5
	distinctLead       = 0.05
	// minParaphraseShare is per mille.
	minParaphraseShare = 150
)

// passages builds the passages a reader sees: one per verbatim segment, with
// its exact spans and the pairs of the query sentences it overlaps, then runs
// of the remaining sentence pairs. A sentence pair overlapping a verbatim
// passage belongs to it rather than starting a passage of its own, so one
// reused stretch is reported once (PAN calls the opposite granularity).
func passages(segs []*segment, pairs []Pair, querySentences int) []Passage {
	var out []Passage
	used := make([]bool, len(pairs))
	for _, g := range segs {
		p := Passage{
			Query:      analyze.Span{Start: g.qStart, End: g.qEnd},
			Source:     analyze.Span{Start: g.sStart, End: g.sEnd},
			Similarity: round(float64(g.matched) / float64(max(g.qWords(), g.sWords()))),
			Kind:       NearVerbatim,
		}
		if g.exact() {
			p.Kind, p.Similarity = Verbatim, 1
		}
		for k, pr := range pairs {
			if overlapLen(pr.Query.Start, pr.Query.End, p.Query.Start, p.Query.End) > 0 {
				p.Pairs = append(p.Pairs, pr)
				used[k] = true
			}
		}
		out = append(out, p)
	}
	var rest, anchored []Pair
	for k, pr := range pairs {
		switch {
		case used[k]:
		case nextToVerbatim(pairs, k):
			pr.distinct = true
			anchored = append(anchored, pr)
		default:
			rest = append(rest, pr)
		}
	}
	distinct := 0
	for _, p := range rest {
		if p.distinct {
			distinct++
		}
	}
	if 1000*(distinct+len(anchored)) >= minParaphraseShare*querySentences {
		rest = append(rest, anchored...)
		sort.Slice(rest, func(i, j int) bool { return rest[i].QuerySentence < rest[j].QuerySentence })
	} else {
		rest = anchored
	}
	out = append(out, mergePairs(seeded(rest))...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Query.Start < out[j].Query.Start })
	markReordered(out)
	return out
}

// seeded keeps the distinct pairs of rest (sorted by query sentence), and
// the pairs that continue a kept one in both texts, transitively.
func seeded(rest []Pair) []Pair {
	keep := make([]bool, len(rest))
	for k, p := range rest {
		keep[k] = p.distinct
	}
	for changed := true; changed; {
		changed = false
		for k := range rest {
			if keep[k] {
				continue
			}
			for _, n := range []int{k - 1, k + 1} {
				if n >= 0 && n < len(rest) && keep[n] && adjacent(rest[k], rest[n]) {
					keep[k], changed = true, true
					break
				}
			}
		}
	}
	var out []Pair
	for k, p := range rest {
		if keep[k] {
			out = append(out, p)
		}
	}
	return out
}

// adjacent reports whether two pairs are consecutive in the query and
// within two sentences of each other in the source.
func adjacent(a, b Pair) bool {
	return abs(a.QuerySentence-b.QuerySentence) == 1 && a.SourceFirst <= b.SourceLast+2 && b.SourceFirst <= a.SourceLast+2
}

// nextToVerbatim reports whether pair k sits beside a verbatim or
// near-verbatim pair in both texts: the query sentence before or after it is
// copied from within two sentences of where pair k points in the source. A
// copy with one reworded sentence shows that sentence even when sentence
// pairs are too sparse to be shown on their own.
func nextToVerbatim(pairs []Pair, k int) bool {
	p := pairs[k]
	for _, n := range []int{k - 1, k + 1} {
		if n < 0 || n >= len(pairs) {
			continue
		}
		o := pairs[n]
		if (o.Kind == Verbatim || o.Kind == NearVerbatim) && abs(o.QuerySentence-p.QuerySentence) == 1 &&
			o.SourceFirst <= p.SourceLast+2 && p.SourceFirst <= o.SourceLast+2 {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// mergePairs joins pairs that continue each other in both texts: the next
// query sentence matched at, or just after, where the previous match ended.
func mergePairs(pairs []Pair) []Passage {
	var out []Passage
	for _, p := range pairs {
		if n := len(out); n > 0 {
			last := &out[n-1]
			prev := last.Pairs[len(last.Pairs)-1]
			if p.QuerySentence == prev.QuerySentence+1 &&
				p.SourceFirst >= prev.SourceFirst && p.SourceFirst <= prev.SourceLast+2 {
				last.Pairs = append(last.Pairs, p)
				last.Query.End = p.Query.End
				last.Source.End = max(last.Source.End, p.Source.End)
				continue
			}
		}
		out = append(out, Passage{Query: p.Query, Source: p.Source, Pairs: []Pair{p}})
	}
	for i := range out {
		out[i].Similarity, out[i].Kind = summarise(out[i].Pairs)
	}
	return out
}

// summarise gives a passage the mean similarity of its pairs and the kind
// most of its pairs have (the weaker kind on a tie).
func summarise(pairs []Pair) (float64, Kind) {
	count := map[Kind]int{}
	sum := 0.0
	for _, p := range pairs {
		sum += p.Similarity
		count[p.Kind]++
	}
	order := []Kind{Summary, Paraphrase, NearVerbatim, Verbatim}
	sort.SliceStable(order, func(i, j int) bool { return count[order[i]] > count[order[j]] })
	return round(sum / float64(len(pairs))), order[0]
}

// markReordered marks the passages (in query order) that are not on a
// longest chain whose source starts rise: what a rewrite moved. The longest
// increasing subsequence is the fewest passages to call moved; O(n log n).
func markReordered(ps []Passage) {
	if len(ps) < 2 {
		return
	}
	tails := []int{}             // tails[k]: index of the smallest tail of a chain of length k+1
	prev := make([]int, len(ps)) // predecessor on the chain ending at i
	for i, p := range ps {
		k := sort.Search(len(tails), func(k int) bool { return ps[tails[k]].Source.Start >= p.Source.Start })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	onChain := make([]bool, len(ps))
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		onChain[i] = true
	}
	for i := range ps {
		ps[i].Reordered = !onChain[i]
	}
}

func coverage(pairs []Pair, qb, sb []bag) (qcov, scov, support float64) {
	var qTotal, sTotal, qAligned, sAligned float64
	for _, b := range qb {
		qTotal += b.weight
	}
	for _, b := range sb {
		sTotal += b.weight
	}
	covered := make([]bool, len(sb))
	for _, p := range pairs {
		qAligned += qb[p.QuerySentence].weight
		support += qb[p.QuerySentence].weight * p.Similarity
		for j := p.SourceFirst; j <= p.SourceLast; j++ {
			covered[j] = true
		}
	}
	for j, c := range covered {
		if c {
			sAligned += sb[j].weight
		}
	}
	if qTotal > 0 {
		qcov, support = qAligned/qTotal, support/qTotal
	}
	if sTotal > 0 {
		scov = sAligned / sTotal
	}
	return round(qcov), round(scov), round(support)
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }
