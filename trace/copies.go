package trace

import (
	"slices"

	"github.com/zeebo/xxh3"

	"github.com/storytrace/storytrace/analyze"
)

// One article held inside another. Archives keep a story in more than one
// form: a site scrapes a transcript's first pages and another the whole
// transcript, an agency story runs again inside a newspaper's longer
// report, a page carries a date line or a photo credit the other lacks.
// Neither the estimated Jaccard of two such texts (a fifth of one is a
// fifth of the union) nor the cut test (their first letters differ) calls
// them one article, and a text made from the story then has no margin
// over the story's other copy: its support is the same against both.
const (
	// copyShingle is the length, in terms, of the shingles compared.
	copyShingle = 5
	// sameArticleContainment is the share of the shorter text's shingles
	// the longer must hold for the two to be one article. Copies of one
	// transcript or story in the benchmark's archive hold 0.96–1.0 of
	// each other's; an article and its rewrite share a tenth or less.
	sameArticleContainment = 0.8
	// minContainedShingles keeps short texts out: a one-line claim that a
	// fact check quotes is not that fact check.
	minContainedShingles = 40
)

// shingleSet returns the sorted, distinct hashes of the term shingles of
// the candidate's text, computed once.
func (v *Candidate) shingleSet() []uint64 {
	if v.shingles == nil {
		v.shingles = termShingles(v.Profile)
	}
	return v.shingles
}

// termShingles hashes every run of copyShingle consecutive terms of the
// profile (its sentences' terms in order, stop words left out, so that
// spacing, punctuation, case and a sentence split differently do not
// count) and returns the distinct hashes sorted. Each term is hashed once
// (xxh3, as the sketches are) and a shingle is a polynomial of its terms'
// hashes. It returns an empty, non-nil slice for a text shorter than one
// shingle.
func termShingles(p *analyze.Profile) []uint64 {
	const mix = 0x9E3779B97F4A7C15 // an odd multiplier spreading each term's place
	terms := make([]uint64, 0, p.Length)
	for _, s := range p.Sentences {
		for _, t := range s.Terms {
			terms = append(terms, xxh3.HashString(t))
		}
	}
	out := make([]uint64, 0, max(0, len(terms)-copyShingle+1))
	for i := 0; i+copyShingle <= len(terms); i++ {
		var sh uint64
		for _, h := range terms[i : i+copyShingle] {
			sh = sh*mix + h
		}
		out = append(out, sh)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// holdsOther reports whether the longer of a and b holds at least
// sameArticleContainment of the shorter's shingles, the shorter having
// minContainedShingles or more. It reads the texts only when the sketches
// allow it: if the longer text (b terms) holds a share c of the shorter's
// (a terms), their Jaccard is at least c·a / (b + (1−c)·a), and the
// sketches' estimate must reach half of that. Topical neighbours of about
// one length would need a third of the sketch's values in common and share
// a few; a 500-term story inside an 8,000-term transcript needs 4 of 128
// and is expected to share 8.
func holdsOther(a, b *Candidate) bool {
	short, long := float64(min(a.Profile.Length, b.Profile.Length)), float64(max(a.Profile.Length, b.Profile.Length))
	bound := sameArticleContainment * short / (long + (1-sameArticleContainment)*short)
	if analyze.Jaccard(a.Profile.Sketch, b.Profile.Sketch) < bound/2 {
		return false
	}
	sa, sb := a.shingleSet(), b.shingleSet()
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	if len(sa) < minContainedShingles {
		return false
	}
	shared := 0
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] == sb[j]:
			shared++
			i++
			j++
		case sa[i] < sb[j]:
			i++
		default:
			j++
		}
	}
	return float64(shared) >= sameArticleContainment*float64(len(sa))
}
