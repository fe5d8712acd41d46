// Package align finds which passages of a query correspond to which passages
// of a source: sentence pairs with a similarity and a kind, merged into
// passages, with byte offsets into both texts.
//
// This is the first, sentence-level aligner: every query sentence is scored
// against the source sentences that share a term with it (weighted Dice over
// term sets), the best match above a threshold is kept, and a second source
// sentence joins it when together they cover the query sentence clearly
// better (one rewritten sentence condensing two). Consecutive pairs in both
// texts merge into passages.
package align

import (
	"sort"
	"strings"
	"unicode"

	"github.com/storytrace/storytrace/analyze"
)

// Kind says how a query passage relates to its source passage.
type Kind string

// The kinds of correspondence.
const (
	Verbatim     Kind = "verbatim"      // same words, same order
	NearVerbatim Kind = "near-verbatim" // nearly all terms shared
	Paraphrase   Kind = "paraphrase"    // same content, other wording
	Summary      Kind = "summary"       // one query sentence condenses several source sentences
)

// Options tune Align. The zero value uses the defaults.
type Options struct {
	// MinSimilarity is the least weighted Dice similarity for a pair
	// (default 0.3).
	MinSimilarity float64
	// Weight weighs a term; nil means numbers count 2 and other terms 1.
	Weight func(term string) float64
}

// Pair is one query sentence matched to one or more consecutive source
// sentences.
type Pair struct {
	QuerySentence int          `json:"query_sentence"`
	SourceFirst   int          `json:"source_first"`
	SourceLast    int          `json:"source_last"`
	Query         analyze.Span `json:"query"`
	Source        analyze.Span `json:"source"`
	Similarity    float64      `json:"similarity"`
	Kind          Kind         `json:"kind"`
}

// Passage is a run of pairs consecutive in both texts.
type Passage struct {
	Query      analyze.Span `json:"query"`
	Source     analyze.Span `json:"source"`
	Similarity float64      `json:"similarity"`
	Kind       Kind         `json:"kind"`
	Pairs      []Pair       `json:"pairs"`
}

// Alignment is the result of aligning a query with a source.
type Alignment struct {
	Pairs    []Pair    `json:"pairs"`
	Passages []Passage `json:"passages"`
	// QueryCoverage is the share of the query's term weight in aligned
	// sentences; SourceCoverage the same for the source.
	QueryCoverage  float64 `json:"query_coverage"`
	SourceCoverage float64 `json:"source_coverage"`
	// Support is the similarity-weighted query coverage: each aligned
	// sentence counts its term weight times its similarity. It is the
	// verification score candidates are re-ranked by.
	Support float64 `json:"support"`
}

// bag is a sentence's terms as a weighted set.
type bag struct {
	terms  map[string]float64
	weight float64
}

func bags(p *analyze.Profile, weight func(string) float64) []bag {
	out := make([]bag, len(p.Sentences))
	for i, s := range p.Sentences {
		b := bag{terms: make(map[string]float64, len(s.Terms))}
		for _, t := range s.Terms {
			if _, ok := b.terms[t]; !ok {
				w := weight(t)
				b.terms[t] = w
				b.weight += w
			}
		}
		out[i] = b
	}
	return out
}

// DefaultWeight counts numbers double: a shared figure is stronger evidence
// of correspondence than a shared word.
func DefaultWeight(term string) float64 {
	if term != "" && term[0] >= '0' && term[0] <= '9' {
		return 2
	}
	return 1
}

// shared is the weight of the terms a and b have in common.
func shared(a, b bag) float64 {
	if len(a.terms) > len(b.terms) {
		a, b = b, a
	}
	s := 0.0
	for t, w := range a.terms {
		if _, ok := b.terms[t]; ok {
			s += w
		}
	}
	return s
}

func dice(a, b bag) float64 {
	if a.weight+b.weight == 0 {
		return 0
	}
	return 2 * shared(a, b) / (a.weight + b.weight)
}

// Align aligns query q with source s.
func Align(q, s *analyze.Profile, opt Options) *Alignment {
	if opt.MinSimilarity <= 0 {
		opt.MinSimilarity = 0.3
	}
	if opt.Weight == nil {
		opt.Weight = DefaultWeight
	}
	qb, sb := bags(q, opt.Weight), bags(s, opt.Weight)
	// Which source sentences hold each term, so a query sentence is only
	// compared with sentences it shares something with.
	holders := map[string][]int{}
	for j, b := range sb {
		for t := range b.terms {
			holders[t] = append(holders[t], j)
		}
	}
	al := &Alignment{}
	for i, b := range qb {
		if p, ok := bestPair(q, s, qb, sb, holders, i, b, opt); ok {
			al.Pairs = append(al.Pairs, p)
		}
	}
	al.Passages = mergePassages(al.Pairs)
	al.QueryCoverage, al.SourceCoverage, al.Support = coverage(al.Pairs, qb, sb)
	return al
}

func bestPair(q, s *analyze.Profile, qb, sb []bag, holders map[string][]int, i int, b bag, opt Options) (Pair, bool) {
	if b.weight == 0 {
		return Pair{}, false
	}
	sims := map[int]float64{}
	for t := range b.terms {
		for _, j := range holders[t] {
			if _, done := sims[j]; !done {
				sims[j] = dice(b, sb[j])
			}
		}
	}
	best, bestSim := -1, 0.0
	for j, sim := range sims {
		if sim > bestSim || (sim == bestSim && j < best) {
			best, bestSim = j, sim
		}
	}
	if best < 0 {
		return Pair{}, false
	}
	first, last, sim := best, best, bestSim
	// A neighbour that adds clearly to the coverage of the query sentence
	// joins the match: rewrites often merge two source sentences into one.
	// (Dice alone would not show it: the merged source side is longer, so
	// its Dice can fall even as it explains more of the query sentence.)
	for _, j := range []int{best - 1, best + 1} {
		if j < 0 || j >= len(sb) || sims[j] < opt.MinSimilarity/2 {
			continue
		}
		before := shared(b, union(sb[first:last+1]...))
		after := shared(b, union(append(append([]bag{}, sb[first:last+1]...), sb[j])...))
		if (after-before)/b.weight >= 0.15 && after-before >= 2 {
			first, last = min(first, j), max(last, j)
			sim = min(1, max(sim, bestSim*after/before))
		}
	}
	if sim < opt.MinSimilarity {
		return Pair{}, false
	}
	qs := q.Sentences[i].Span
	p := Pair{
		QuerySentence: i, SourceFirst: first, SourceLast: last,
		Query:      qs,
		Source:     analyze.Span{Start: s.Sentences[first].Start, End: s.Sentences[last].End},
		Similarity: round(sim),
	}
	switch {
	case first != last:
		p.Kind = Summary
	case sameWords(q.Text[qs.Start:qs.End], s.Text[p.Source.Start:p.Source.End]):
		p.Kind = Verbatim
	case sim >= 0.8:
		p.Kind = NearVerbatim
	default:
		p.Kind = Paraphrase
	}
	return p, true
}

func union(bs ...bag) bag {
	u := bag{terms: map[string]float64{}}
	for _, b := range bs {
		for t, w := range b.terms {
			if _, ok := u.terms[t]; !ok {
				u.terms[t] = w
				u.weight += w
			}
		}
	}
	return u
}

// sameWords compares two sentences ignoring case, punctuation and spacing.
func sameWords(a, b string) bool {
	return strings.Join(words(a), " ") == strings.Join(words(b), " ")
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// mergePassages joins pairs that continue each other in both texts: the next
// query sentence matched at, or just after, where the previous match ended.
func mergePassages(pairs []Pair) []Passage {
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
