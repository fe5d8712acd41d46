package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/zeebo/xxh3"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/store"
)

// LSH banding: BandCount bands of BandRows sketch rows each. Two articles
// share at least one band with probability 1-(1-J^4)^32 for shingle Jaccard
// J: 0.5 → 0.87, 0.4 → 0.56, 0.2 → 0.05. Copies and light edits are caught;
// rewrites (J ≈ 0.03–0.17) are left to BM25, which is what finds them.
const (
	BandRows  = 4
	BandCount = analyze.SketchSize / BandRows
)

// Bands returns the hash of each band of a sketch.
func Bands(sketch []uint64) []uint64 {
	if len(sketch) == 0 || sketch[0] == math.MaxUint64 {
		return nil // an empty text: no shingles, nothing to match
	}
	out := make([]uint64, 0, BandCount)
	var buf [8 * BandRows]byte
	for b := 0; b+BandRows <= len(sketch) && len(out) < BandCount; b += BandRows {
		for r := 0; r < BandRows; r++ {
			binary.BigEndian.PutUint64(buf[8*r:], sketch[b+r])
		}
		out = append(out, xxh3.Hash(buf[:]))
	}
	return out
}

// BM25 parameters: the usual defaults.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// Candidate is an archive article proposed as a possible source.
type Candidate struct {
	Doc   uint32
	BM25  float64 // BM25 score of the article for the query's terms
	Bands int     // LSH bands shared with the query (0..BandCount)
}

// Options tune Candidates.
type Options struct {
	// K is how many BM25 candidates to return (default 20). LSH candidates
	// come in addition.
	K int
}

// Candidates proposes archive articles the query may derive from: the top K
// by BM25 over every query term, up to maxShort short articles most of
// whose terms the query holds (shortCandidates), and every article sharing
// an LSH band with the query. They are ordered by BM25, the short ones
// after the top K, LSH-only ones last.
func (ix *Index) Candidates(ctx context.Context, q *analyze.Profile, opt Options) ([]Candidate, error) {
	if opt.K <= 0 {
		opt.K = 20
	}
	m, err := ix.Meta(ctx)
	if err != nil {
		return nil, err
	}
	if m.Docs == 0 {
		return nil, nil
	}
	del, err := ix.deleted(ctx)
	if err != nil {
		return nil, err
	}
	deleted := del.Contains
	if del.IsEmpty() {
		deleted = nil // nothing to filter: skip a call per posting
	}
	scores, short, err := ix.bm25(ctx, q, m, deleted)
	if err != nil {
		return nil, err
	}
	bands, err := ix.lsh(ctx, q, del.Contains)
	if err != nil {
		return nil, err
	}
	cands := scores.top(opt.K)
	for i := range cands {
		cands[i].Bands = bands[cands[i].Doc]
	}
	have := make(map[uint32]bool, len(cands))
	for _, c := range cands {
		have[c.Doc] = true
	}
	cands = append(cands, shortCandidates(short, scores, have)...)
	var extra []Candidate
	for d, n := range bands {
		if !have[d] {
			extra = append(extra, Candidate{Doc: d, BM25: scores.get(d), Bands: n})
		}
	}
	sort.Slice(extra, func(i, j int) bool {
		if extra[i].Bands != extra[j].Bands {
			return extra[i].Bands > extra[j].Bands
		}
		return extra[i].Doc < extra[j].Doc
	})
	return append(cands, extra...), nil
}

// bm25 scores every article sharing a term with the query.
//
// Every query term counts (no "top 25 terms" cut as in Lucene's
// MoreLikeThis): measured on our rewrite sets, cutting terms loses the
// rewrites whose shared vocabulary is spread thin. Rarity does the weighting:
// an exact figure such as "541210" occurs in few articles, so its IDF is
// high, and numbers of three or more digits get a further boost because a
// rewrite that keeps a figure almost always keeps it exactly.
//
// The one exception is a term in more than a tenth of the archive (once it
// holds 1,000 articles): its IDF is under ln 10 against 8–10 for the terms
// that identify a story, and its posting list is the longest to read, so a
// trace on a million articles would spend most of its time on words like
// "year" or "government". Candidates are verified by alignment afterwards,
// which is where such words still count.
//
// deleted, when not nil, reports the doc numbers to leave out.
//
// It also returns, for every short article (at most ShortTerms terms), the
// share of its term occurrences that are query terms (see
// shortCandidates).
func (ix *Index) bm25(ctx context.Context, q *analyze.Profile, m Meta, deleted func(uint32) bool) (sc *scores, short map[uint32]float64, err error) {
	n := float64(m.Docs)
	avgdl := float64(m.Length) / n
	if avgdl <= 0 {
		avgdl = 1
	}
	sc, short = newScores(m.Next), map[uint32]float64{}
	var list []posting
	// Terms in a fixed order: each document's score is a sum over them,
	// and a sum of floats taken in map order differs in its last bits
	// from run to run, enough to move a near tie or the rank model's
	// refit (twenty-third session).
	tf := q.Terms()
	for _, term := range slices.Sorted(maps.Keys(tf)) {
		qtf := tf[term]
		if m.Docs >= 1000 {
			v, err := ix.st.Get(ctx, dfKey(term))
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, nil, fmt.Errorf("read frequency of %q: %w", term, err)
			}
			if sumCounts(v) > m.Docs/10 {
				continue
			}
		}
		v, err := ix.st.Get(ctx, postingKey(term))
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read postings of %q: %w", term, err)
		}
		var ok bool
		if list, ok = appendPostings(list[:0], v); !ok {
			return nil, nil, fmt.Errorf("read postings of %q: malformed list", term)
		}
		if deleted != nil {
			list = slices.DeleteFunc(list, func(p posting) bool { return deleted(p.doc) })
		}
		df := float64(len(list))
		if df == 0 {
			continue
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		w := idf * (1 + math.Log(float64(qtf))) * termBoost(term)
		for _, p := range list {
			tf := float64(p.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(p.length)/avgdl)
			sc.add(p.doc, w*tf*(bm25K1+1)/(tf+norm))
			if p.length <= ShortTerms {
				short[p.doc] += tf / float64(p.length)
			}
		}
	}
	return sc, short, nil
}

// ShortTerms is the most terms an article may have to be a short one (a
// one-line claim, a headline); minShortCover the least share of its term
// occurrences a query must hold for it to be proposed however low its
// BM25 (shortCandidates); maxShort how many such articles are proposed.
const (
	ShortTerms    = 30
	minShortCover = 0.4
	maxShort      = 4
)

// shortCandidates proposes the short articles most of whose terms the
// query holds, beyond those in have. BM25 sums over the query's terms, so
// a one-line claim ("Martial law is imminent in United States.") that a
// long rewrite expands into an article scores on its few terms only, and
// the long articles sharing many of the rewrite's other terms outrank it:
// 49 of the Llama-2/Vicuna rewrites of CoAID claims had their source
// outside the candidates.
func shortCandidates(short map[uint32]float64, scores *scores, have map[uint32]bool) []Candidate {
	var out []Candidate
	for d, c := range short {
		if c >= minShortCover && !have[d] {
			out = append(out, Candidate{Doc: d, BM25: scores.get(d)})
		}
	}
	// A long query holds every term of many one-line claims on its
	// topic; BM25 among them puts those with its rarer terms first.
	sort.Slice(out, func(i, j int) bool {
		if out[i].BM25 != out[j].BM25 {
			return out[i].BM25 > out[j].BM25
		}
		return out[i].Doc < out[j].Doc
	})
	out = out[:min(len(out), maxShort)]
	for _, c := range out {
		have[c.Doc] = true
	}
	return out
}

// termBoost weighs exact figures up: a term that is a number with at least
// three digits ("541210", "1.15", "2023").
func termBoost(term string) float64 {
	digits := 0
	for i := 0; i < len(term); i++ {
		c := term[i]
		if c >= '0' && c <= '9' {
			digits++
		} else if c != '.' {
			return 1
		}
	}
	if digits >= 3 {
		return 1.5
	}
	return 1
}

// lsh counts, for every article sharing at least one band with the query,
// how many bands it shares.
func (ix *Index) lsh(ctx context.Context, q *analyze.Profile, deleted func(uint32) bool) (map[uint32]int, error) {
	counts := map[uint32]int{}
	for band, h := range Bands(q.Sketch) {
		v, err := ix.st.Get(ctx, bandKey(band, h))
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("read LSH band %d: %w", band, err)
		}
		seen := map[uint32]bool{}
		for i := 0; i+4 <= len(v); i += 4 {
			d := binary.BigEndian.Uint32(v[i:])
			if !deleted(d) && !seen[d] {
				seen[d] = true
				counts[d]++
			}
		}
	}
	return counts, nil
}
