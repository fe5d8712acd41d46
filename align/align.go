// Package align finds which passages of a query correspond to which passages
// of a source, with exact byte offsets into both texts, a similarity and a
// kind: verbatim, near-verbatim, paraphrase or summary.
//
// Two matchers work together, because reuse ranges from copies to
// summaries and no single unit of comparison serves both ends:
//
//   - verbatim.go: word-level seed and extend. Shared word 3-grams are
//     extended into maximal runs, runs are chained across small gaps, and
//     the result is grown character by character to the exact stretch both
//     texts share. It finds copied passages wherever they start and end,
//     inside or across sentences, in any order.
//   - sentences.go: sentence-level matching by weighted Dice over terms
//     (stems, figures, names), for paraphrase and summary, where words
//     change but terms stay.
//
// Every query sentence gets at most one Pair (for the audit and the
// coverage figures). Passages are what a reader sees: one per verbatim
// segment, with character-exact spans, and, for the rest, runs of sentence
// pairs consecutive in both texts — those that are more than a topical
// resemblance (passages.go says how that is told). Passages out of the
// source's order are marked Reordered.
//
// Align costs about 0.1 ms for a news pair and 0.4 ms (median) for a PAN
// document pair on one core (BenchmarkAlign; bench/alignment).
package align

import (
	"strings"
	"unicode"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/lexicon"
)

// Kind says how a query passage relates to its source passage.
type Kind string

// The kinds of correspondence.
const (
	Verbatim     Kind = "verbatim"      // same words, same order
	NearVerbatim Kind = "near-verbatim" // the same text with a few words changed
	Paraphrase   Kind = "paraphrase"    // same content, other wording
	// Summary is one query sentence condensing several source sentences,
	// or several query sentences expanding one.
	Summary Kind = "summary"
)

// Options tune Align. The zero value uses the defaults.
type Options struct {
	// MinSimilarity is the least weighted Dice similarity for a sentence
	// pair (default 0.3).
	MinSimilarity float64
	// Weight weighs a term; nil means numbers count 2 and other terms 1.
	Weight func(term string) float64
	// MinVerbatimWords is the least number of identical words a verbatim
	// or near-verbatim passage must hold (default 10: about a clause;
	// shorter shared runs are stock phrases as often as reuse, and the
	// sentence matcher still pairs their sentences).
	MinVerbatimWords int
	// MaxGap is how many differing words may separate two identical runs
	// that still form one near-verbatim passage (default 6).
	MaxGap int
	// Matrix asks for the query × source sentence similarity matrix (the
	// data of a dot plot).
	Matrix bool
	// ExactTerms turns synonym matching off: a query term then matches
	// only the same term in the source. By default a query term the
	// source lacks matches a source term that shares its main WordNet
	// sense (package lexicon).
	ExactTerms bool
}

// synonyms is the synonym lookup the options ask for; nil for none.
func (o *Options) synonyms() func(string) []string {
	if o.ExactTerms {
		return nil
	}
	return lexicon.Default().Synonyms
}

// The defaults of Options.
const (
	DefaultMinSimilarity    = 0.3
	DefaultMinVerbatimWords = 10
	DefaultMaxGap           = 6
)

func (o *Options) defaults() {
	if o.MinSimilarity <= 0 {
		o.MinSimilarity = DefaultMinSimilarity
	}
	if o.Weight == nil {
		o.Weight = DefaultWeight
	}
	if o.MinVerbatimWords <= 0 {
		o.MinVerbatimWords = DefaultMinVerbatimWords
	}
	if o.MaxGap <= 0 {
		o.MaxGap = DefaultMaxGap
	}
}

// DefaultWeight counts numbers double: a shared figure is stronger evidence
// of correspondence than a shared word.
func DefaultWeight(term string) float64 {
	if term != "" && term[0] >= '0' && term[0] <= '9' {
		return 2
	}
	return 1
}

// Pair is one query sentence matched to one or more consecutive source
// sentences. Its spans are whole sentences; passages carry the exact spans.
type Pair struct {
	QuerySentence int          `json:"query_sentence"`
	SourceFirst   int          `json:"source_first"`
	SourceLast    int          `json:"source_last"`
	Query         analyze.Span `json:"query"`
	Source        analyze.Span `json:"source"`
	Similarity    float64      `json:"similarity"`
	Kind          Kind         `json:"kind"`
	// distinct is set when the pair is more than a topical resemblance:
	// verbatim evidence, a strong similarity, or a clear lead over every
	// other source sentence (see passages.go).
	distinct bool
}

// Passage is a stretch of the query and the stretch of the source it comes
// from: a verbatim or near-verbatim segment with exact spans, or a run of
// sentence pairs consecutive in both texts.
type Passage struct {
	Query      analyze.Span `json:"query"`
	Source     analyze.Span `json:"source"`
	Similarity float64      `json:"similarity"`
	Kind       Kind         `json:"kind"`
	// Reordered is set when the passage is out of the source's order: it
	// is not on the longest run of passages whose source positions rise
	// with their query positions (a rewrite moved it).
	Reordered bool   `json:"reordered,omitempty"`
	Pairs     []Pair `json:"pairs"`
}

// Alignment is the result of aligning a query with a source.
type Alignment struct {
	Pairs []Pair `json:"pairs"`
	// Passages are in query order.
	Passages []Passage `json:"passages"`
	// QueryCoverage is the share of the query's term weight in aligned
	// sentences; SourceCoverage the same for the source.
	QueryCoverage  float64 `json:"query_coverage"`
	SourceCoverage float64 `json:"source_coverage"`
	// Support is the similarity-weighted query coverage: each aligned
	// sentence counts its term weight times its similarity. It is the
	// verification score candidates are re-ranked by.
	Support float64 `json:"support"`
	// Matrix[i][j] is the Dice similarity of query sentence i and source
	// sentence j, when Options.Matrix asked for it.
	Matrix [][]float64 `json:"matrix,omitempty"`
}

// Align aligns query q with source s.
func Align(q, s *analyze.Profile, opt Options) *Alignment {
	opt.defaults()
	qw, sw := scanWords(q.Text), scanWords(s.Text)
	segs := verbatimSegments(q.Text, s.Text, qw, sw, opt.MinVerbatimWords, int32(opt.MaxGap))

	v := newVocabulary(q.Length+s.Length, opt.synonyms())
	sb := v.bags(s, opt.Weight)
	v.sourceDone()
	qb := v.bags(q, opt.Weight)
	sc := newSentenceScorer(v, sb)

	cover := verbatimCover(segs, qw, sw, q, s)
	al := &Alignment{}
	for i, b := range qb {
		if p, ok := verbatimPair(q, s, i, cover[i], sc, b); ok {
			al.Pairs = append(al.Pairs, p)
		} else if m, ok := sc.bestSentences(b, opt.MinSimilarity); ok {
			al.Pairs = append(al.Pairs, sentencePair(q, s, i, m))
		}
	}
	markExpansions(al.Pairs)
	al.Passages = passages(segs, al.Pairs, len(q.Sentences))
	al.QueryCoverage, al.SourceCoverage, al.Support = coverage(al.Pairs, qb, sb)
	if opt.Matrix {
		al.Matrix = make([][]float64, len(qb))
		for i, b := range qb {
			al.Matrix[i] = sc.row(b)
		}
	}
	return al
}

// sentenceCover is how much of one query sentence verbatim segments cover:
// its words, those inside fragments, and the source sentences the covered
// words map to.
type sentenceCover struct {
	words, matched int
	sFirst, sLast  int
	exact          bool // all words inside one fragment
	// in counts the covered words per source sentence.
	in map[int]int
}

// A source sentence joins a query sentence's verbatim span when it holds
// at least 1/strayShare as many of the sentence's covered words as the
// source sentence holding most. A verbatim run carries over a sentence
// boundary ("… overproduction. The" in both texts), and a short run of
// common words ("Mr Ebbers has denied") recurs elsewhere in the source;
// without this the span of a query sentence copied from the sixteenth
// source sentence reached back to the first (one BBC summary: "s1..s16"),
// the report showed two thousand bytes of source for one sentence, and the
// source's coverage counted them all. A query sentence that joins two
// source sentences holds about as many words from each, and keeps both;
// one that folds in a clause of the next keeps it too (see verbatimCover).
const strayShare = 2

func verbatimCover(segs []*segment, qw, sw []word, q, s *analyze.Profile) []sentenceCover {
	qSent, sSent := sentenceOfWords(qw, q.Sentences), sentenceOfWords(sw, s.Sentences)
	cover := make([]sentenceCover, len(q.Sentences))
	for i := range cover {
		cover[i].sFirst, cover[i].sLast = -1, -1
	}
	for _, k := range qSent {
		if k >= 0 {
			cover[k].words++
		}
	}
	for _, g := range segs {
		for _, f := range g.frags {
			inFrag := map[int32]int{}
			for d := int32(0); d < f.n; d++ {
				k, j := qSent[f.q+d], sSent[f.s+d]
				if k < 0 || j < 0 {
					continue
				}
				c := &cover[k]
				c.matched++
				inFrag[k]++
				if c.in == nil {
					c.in = map[int]int{}
				}
				c.in[int(j)]++
			}
			for k, n := range inFrag {
				if n == cover[k].words {
					cover[k].exact = true
				}
			}
		}
	}
	for k := range cover {
		c := &cover[k]
		most := 0
		for _, n := range c.in {
			most = max(most, n)
		}
		for j, n := range c.in {
			if strayShare*n < most {
				continue
			}
			if c.sFirst < 0 || j < c.sFirst {
				c.sFirst = j
			}
			c.sLast = max(c.sLast, j)
		}
		// The sentences next to the span join it whatever their share: a
		// rewrite folds a clause of the next sentence into its own.
		for c.in[c.sFirst-1] > 0 {
			c.sFirst--
		}
		for c.in[c.sLast+1] > 0 {
			c.sLast++
		}
	}
	return cover
}

// verbatimPair pairs query sentence i through the verbatim segments when
// they cover at least half of its words.
func verbatimPair(q, s *analyze.Profile, i int, c sentenceCover, sc *sentenceScorer, b bag) (Pair, bool) {
	if c.words == 0 || 2*c.matched < c.words || c.sFirst < 0 {
		return Pair{}, false
	}
	p := Pair{
		QuerySentence: i, SourceFirst: c.sFirst, SourceLast: c.sLast,
		Query:      q.Sentences[i].Span,
		Source:     analyze.Span{Start: s.Sentences[c.sFirst].Start, End: s.Sentences[c.sLast].End},
		Similarity: round(float64(min(c.matched, c.words)) / float64(c.words)),
		Kind:       NearVerbatim,
		distinct:   true,
	}
	if c.exact && c.matched == c.words {
		p.Kind = Verbatim
	}
	return p, true
}

func sentencePair(q, s *analyze.Profile, i int, m sentenceMatch) Pair {
	qs := q.Sentences[i].Span
	p := Pair{
		QuerySentence: i, SourceFirst: m.first, SourceLast: m.last,
		Query:      qs,
		Source:     analyze.Span{Start: s.Sentences[m.first].Start, End: s.Sentences[m.last].End},
		Similarity: round(m.sim),
		distinct:   m.sim >= distinctSimilarity || m.sim-m.runnerUp >= distinctLead,
	}
	switch {
	case m.first != m.last:
		p.Kind = Summary
	case sameWords(q.Text[qs.Start:qs.End], s.Text[p.Source.Start:p.Source.End]):
		p.Kind = Verbatim
	case m.sim >= 0.8 && sameOrder(q.Text[qs.Start:qs.End], s.Text[p.Source.Start:p.Source.End]):
		p.Kind = NearVerbatim
	default:
		p.Kind = Paraphrase
	}
	return p
}

// markExpansions marks as summaries the paraphrase pairs of consecutive
// query sentences that share one source sentence: the rewrite expanded it.
func markExpansions(pairs []Pair) {
	for k := 1; k < len(pairs); k++ {
		a, b := &pairs[k-1], &pairs[k]
		if b.QuerySentence == a.QuerySentence+1 && a.SourceFirst == b.SourceFirst && a.SourceLast == b.SourceLast &&
			a.Kind == Paraphrase && b.Kind == Paraphrase {
			a.Kind, b.Kind = Summary, Summary
		}
	}
}

// sameWords compares two sentences ignoring case, punctuation and spacing.
func sameWords(a, b string) bool {
	return strings.Join(words(a), " ") == strings.Join(words(b), " ")
}

// sameOrder reports whether most words of two sentences (four in five of
// the longer one's) appear in the same order in both: a longest common
// subsequence of words. Sharing terms is not enough to call a sentence
// near-verbatim — "It is important to know your cholesterol level" and "How
// important is it to know my cholesterol level?" share nearly all their
// terms and are a paraphrase. The sentences of a pair are short, so the
// quadratic LCS costs nothing.
func sameOrder(a, b string) bool {
	wa, wb := words(a), words(b)
	n := max(len(wa), len(wb))
	if n == 0 {
		return false
	}
	prev, cur := make([]int, len(wb)+1), make([]int, len(wb)+1)
	for i := range wa {
		for j := range wb {
			if wa[i] == wb[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return 5*prev[len(wb)] >= 4*n
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}
