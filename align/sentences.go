package align

import (
	"slices"

	"github.com/storytrace/storytrace/analyze"
)

// The sentence-level matcher handles what the verbatim matcher cannot:
// paraphrase and summary, where the words change but the terms (stems,
// figures, names) stay. Every query sentence is scored against the source
// sentences that share a term with it (weighted Dice over term sets); the
// best match above a threshold is kept, and a neighbouring source sentence
// joins it when together they cover the query sentence clearly better (one
// rewritten sentence condensing two).
//
// Terms are interned to integers once per pair, so scoring is array
// arithmetic rather than map lookups: a long PAN document pair has thousands
// of sentence pairs sharing a term, and string maps made that the hot path.

// bag is a sentence's distinct terms (sorted ids) and their total weight.
type bag struct {
	terms  []int32
	weight float64
}

// vocabulary interns the terms of both texts of a pair.
type vocabulary struct {
	ids    map[string]int32
	weight []float64
	// synonyms, when set, lists a term's synonyms; source is how many ids
	// the source's terms took. A query term the source lacks takes the id
	// of a source term that is its synonym, so "purchase" in the query
	// matches "buy" in the source as if the rewrite had kept the word.
	synonyms func(string) []string
	source   int32
}

func newVocabulary(n int, synonyms func(string) []string) *vocabulary {
	return &vocabulary{ids: make(map[string]int32, n), synonyms: synonyms}
}

// sourceDone marks the end of the source's terms: terms interned from now
// on are the query's, and may take a source synonym's id.
func (v *vocabulary) sourceDone() { v.source = int32(len(v.weight)) }

func (v *vocabulary) id(term string, weight func(string) float64) int32 {
	if id, ok := v.ids[term]; ok {
		return id
	}
	if v.synonyms != nil && v.source > 0 {
		for _, o := range v.synonyms(term) {
			if id, ok := v.ids[o]; ok && id < v.source {
				return id
			}
		}
	}
	id := int32(len(v.weight))
	v.ids[term] = id
	v.weight = append(v.weight, weight(term))
	return id
}

func (v *vocabulary) bags(p *analyze.Profile, weight func(string) float64) []bag {
	out := make([]bag, len(p.Sentences))
	for i, s := range p.Sentences {
		ids := make([]int32, 0, len(s.Terms))
		for _, t := range s.Terms {
			ids = append(ids, v.id(t, weight))
		}
		slices.Sort(ids)
		ids = slices.Compact(ids)
		b := bag{terms: ids}
		for _, id := range ids {
			b.weight += v.weight[id]
		}
		out[i] = b
	}
	return out
}

// sentenceScorer scores query sentences against all source sentences at
// once, accumulating shared term weight through the source's postings.
type sentenceScorer struct {
	v        *vocabulary
	sb       []bag
	postings [][]int32 // term id → source sentences holding it
	acc      []float64 // shared weight per source sentence, reused
	touched  []int32
}

func newSentenceScorer(v *vocabulary, sb []bag) *sentenceScorer {
	sc := &sentenceScorer{v: v, sb: sb, postings: make([][]int32, len(v.weight)), acc: make([]float64, len(sb))}
	for j, b := range sb {
		for _, t := range b.terms {
			sc.postings[t] = append(sc.postings[t], int32(j))
		}
	}
	return sc
}

// score fills acc with the weight each source sentence shares with b and
// returns the sentences touched. The caller must call reset afterwards.
func (sc *sentenceScorer) score(b bag) []int32 {
	for _, t := range b.terms {
		if int(t) >= len(sc.postings) {
			continue // a query-only term
		}
		w := sc.v.weight[t]
		for _, j := range sc.postings[t] {
			if sc.acc[j] == 0 {
				sc.touched = append(sc.touched, j)
			}
			sc.acc[j] += w
		}
	}
	return sc.touched
}

func (sc *sentenceScorer) reset() {
	for _, j := range sc.touched {
		sc.acc[j] = 0
	}
	sc.touched = sc.touched[:0]
}

func (sc *sentenceScorer) dice(b bag, j int32) float64 {
	d := b.weight + sc.sb[j].weight
	if d == 0 {
		return 0
	}
	return 2 * sc.acc[j] / d
}

// sentenceMatch is the best source run for one query sentence.
type sentenceMatch struct {
	first, last int
	sim         float64
	// runnerUp is the best similarity of a source sentence outside the
	// run: how clearly the run stands out from the rest of the source.
	runnerUp float64
}

// bestSentences finds the source sentence (or two adjacent ones) that best
// match query bag b, if any reaches minSim.
func (sc *sentenceScorer) bestSentences(b bag, minSim float64) (sentenceMatch, bool) {
	if b.weight == 0 {
		return sentenceMatch{}, false
	}
	touched := sc.score(b)
	defer sc.reset()
	best, bestSim := int32(-1), 0.0
	for _, j := range touched {
		if sim := sc.dice(b, j); sim > bestSim || (sim == bestSim && j < best) {
			best, bestSim = j, sim
		}
	}
	if best < 0 {
		return sentenceMatch{}, false
	}
	m := sentenceMatch{first: int(best), last: int(best), sim: bestSim}
	// A neighbour that adds clearly to the coverage of the query sentence
	// joins the match: rewrites often merge two source sentences into one.
	// (Dice alone would not show it: the merged source side is longer, so
	// its Dice can fall even as it explains more of the query sentence.)
	for _, j := range []int{int(best) - 1, int(best) + 1} {
		if j < 0 || j >= len(sc.sb) || sc.dice(b, int32(j)) < minSim/2 {
			continue
		}
		before := sharedWeight(b, sc.sb[m.first:m.last+1], sc.v.weight)
		lo, hi := min(m.first, j), max(m.last, j)
		after := sharedWeight(b, sc.sb[lo:hi+1], sc.v.weight)
		if (after-before)/b.weight >= 0.15 && after-before >= 2 {
			m.first, m.last = lo, hi
			m.sim = min(1, max(m.sim, bestSim*after/before))
		}
	}
	if m.sim < minSim {
		return sentenceMatch{}, false
	}
	for _, j := range touched {
		if int(j) < m.first || int(j) > m.last {
			m.runnerUp = max(m.runnerUp, sc.dice(b, j))
		}
	}
	return m, true
}

// sharedWeight is the weight of b's terms found in any of the bags bs.
func sharedWeight(b bag, bs []bag, weight []float64) float64 {
	s := 0.0
	for _, t := range b.terms {
		for _, o := range bs {
			if _, ok := slices.BinarySearch(o.terms, t); ok {
				s += weight[t]
				break
			}
		}
	}
	return s
}

// row returns the Dice similarity of query bag b with every source sentence.
func (sc *sentenceScorer) row(b bag) []float64 {
	out := make([]float64, len(sc.sb))
	for _, j := range sc.score(b) {
		out[j] = round(sc.dice(b, j))
	}
	sc.reset()
	return out
}

// Similarity is the sentence matcher's score for two whole texts: the
// weighted Dice similarity of their term sets, as if each were one sentence.
// It is what a pair's Similarity means for paraphrase and summary pairs,
// exposed so that it can be judged on sentence-pair benchmarks.
func Similarity(a, b *analyze.Profile, opt Options) float64 {
	opt.defaults()
	v := newVocabulary(a.Length+b.Length, opt.synonyms())
	bb := v.whole(b, opt.Weight)
	v.sourceDone()
	ab := v.whole(a, opt.Weight)
	sc := newSentenceScorer(v, []bag{bb})
	defer sc.reset()
	sc.score(ab)
	return sc.dice(ab, 0)
}

// whole is the bag of all of p's terms.
func (v *vocabulary) whole(p *analyze.Profile, weight func(string) float64) bag {
	var ids []int32
	for _, s := range p.Sentences {
		for _, t := range s.Terms {
			ids = append(ids, v.id(t, weight))
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	b := bag{terms: ids}
	for _, id := range ids {
		b.weight += v.weight[id]
	}
	return b
}
