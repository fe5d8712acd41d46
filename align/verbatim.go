package align

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storytrace/storytrace/analyze"
)

// Verbatim and near-verbatim reuse is found by seed and extend, the scheme
// of the stronger PAN text-alignment systems, at the word level:
//
//  1. seeds: word n-grams (n = seedWords) the two texts share, found through
//     a hash table of the source's n-grams;
//  2. fragments: each seed not inside an earlier one is extended word by
//     word while the texts agree, giving maximal exact runs;
//  3. segments: fragments are chained when the next one starts a few words
//     after the previous one ends in both texts (a changed word, a mangled
//     character, an inserted adverb), so a near-verbatim passage is one
//     segment rather than many;
//  4. offsets: a segment runs from the first byte of its first word to the
//     last byte of its last word, then grows outwards character by
//     character while both texts still agree (trailing full stops, quotes),
//     stopping at a word boundary.
//
// It would suffice to compare sentences (the sentence aligner does), but
// copied passages need not follow sentence boundaries — a copy may start
// mid-sentence or span three sentences that the rewrite re-punctuates — and
// a sentence-level span would claim text that was not copied.

const (
	// seedWords is the seed length. Three words coincide by chance often
	// ("one of the"), but a fragment only counts inside a segment of
	// MinVerbatimWords matched words; what the short seed buys is the
	// edges of a near-verbatim passage, where a changed word leaves only
	// three identical words before the passage's end.
	seedWords = 3
	// maxSeedRepeats caps how many source positions one seed may match:
	// boilerplate repeated many times in a source would otherwise make the
	// matcher quadratic.
	maxSeedRepeats = 32
)

// fragment is a maximal run of identical words: query words [q, q+n) equal
// source words [s, s+n).
type fragment struct{ q, s, n int32 }

// segment is a chain of fragments, in order in both texts.
type segment struct {
	frags []fragment
	// matched is the number of query words inside fragments.
	matched int
	// Query and source byte spans after extension.
	qStart, qEnd, sStart, sEnd int
}

func (g *segment) last() fragment { return g.frags[len(g.frags)-1] }
func (g *segment) qWords() int32  { return g.last().q + g.last().n - g.frags[0].q }
func (g *segment) sWords() int32  { return g.last().s + g.last().n - g.frags[0].s }
func (g *segment) exact() bool    { return len(g.frags) == 1 }

// ngramHash combines the hashes of n consecutive words.
func ngramHash(ws []word) uint64 {
	h := uint64(fnvOffset)
	for _, w := range ws {
		h = (h ^ w.hash) * fnvPrime
		h ^= h >> 29
	}
	return h
}

// fragments finds the maximal runs of identical words shared by q and s, in
// order of their query position.
func fragments(q, s []word) []fragment {
	if len(q) < seedWords || len(s) < seedWords {
		return nil
	}
	// The source's n-grams as a hash table with chained positions: head
	// holds the last position of each hash, next the previous one with the
	// same hash. One map and one slice, whatever the text's size.
	head := make(map[uint64]int32, len(s))
	next := make([]int32, len(s)-seedWords+1)
	for j := range next {
		h := ngramHash(s[j : j+seedWords])
		if k, ok := head[h]; ok {
			next[j] = k
		} else {
			next[j] = -1
		}
		head[h] = int32(j)
	}
	var out []fragment
	for i := 0; i+seedWords <= len(q); i++ {
		j, ok := head[ngramHash(q[i:i+seedWords])]
		for n := 0; ok && j >= 0 && n < maxSeedRepeats; j, n = next[j], n+1 {
			// Inside a run already found: its extension covered this seed.
			if i > 0 && j > 0 && q[i-1].hash == s[j-1].hash {
				continue
			}
			k := 0
			for i+k < len(q) && int(j)+k < len(s) && q[i+k].hash == s[int(j)+k].hash {
				k++
			}
			if k >= seedWords {
				out = append(out, fragment{q: int32(i), s: j, n: int32(k)})
			}
		}
	}
	return out
}

// chain joins fragments into segments. A fragment continues a segment when
// it starts at most maxGap words after the segment's end in both texts (and
// not before it by more than a seed's length: runs of repeated words make
// fragments overlap). Among the segments it could continue, the closest
// wins. Fragments come in query order, so a segment only ever grows forward.
func chain(frags []fragment, maxGap int32) []*segment {
	var all, open []*segment
	for _, f := range frags {
		var best *segment
		bestGap := int32(1 << 30)
		keep := open[:0]
		for _, g := range open {
			l := g.last()
			gq, gs := f.q-(l.q+l.n), f.s-(l.s+l.n)
			if gq > maxGap {
				continue // the segment is behind us for good: close it
			}
			keep = append(keep, g)
			if gs > maxGap || gq < -seedWords || gs < -seedWords || f.q+f.n <= l.q+l.n || f.s+f.n <= l.s+l.n {
				continue
			}
			if d := abs32(gq) + abs32(gs); d < bestGap {
				best, bestGap = g, d
			}
		}
		open = keep
		if best == nil {
			g := &segment{frags: []fragment{f}, matched: int(f.n)}
			all = append(all, g)
			open = append(open, g)
			continue
		}
		l := best.last()
		overlap := max(0, l.q+l.n-f.q)
		best.frags = append(best.frags, f)
		best.matched += int(f.n - overlap)
	}
	return all
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// verbatimSegments finds the segments of at least minWords matched words and
// gives them byte spans, extended to the longest stretch both texts share.
// Segments that claim query text an earlier, longer segment already claims
// are dropped: a passage repeated in the source is reported once.
func verbatimSegments(qText, sText string, qw, sw []word, minWords int, maxGap int32) []*segment {
	var out []*segment
	for _, g := range chain(fragments(qw, sw), maxGap) {
		if g.matched < minWords {
			continue
		}
		f, l := g.frags[0], g.last()
		g.qStart, g.sStart = int(qw[f.q].start), int(sw[f.s].start)
		g.qEnd, g.sEnd = int(qw[l.q+l.n-1].end), int(sw[l.s+l.n-1].end)
		g.qStart, g.sStart = extendBack(qText, sText, g.qStart, g.sStart)
		g.qEnd, g.sEnd = extendForward(qText, sText, g.qEnd, g.sEnd)
		out = append(out, g)
	}
	// Longest first, then drop any segment whose query span is mostly
	// inside one already kept.
	sort.SliceStable(out, func(i, j int) bool { return out[i].matched > out[j].matched })
	kept := out[:0]
	for _, g := range out {
		claimed := 0
		for _, k := range kept {
			claimed += overlapLen(g.qStart, g.qEnd, k.qStart, k.qEnd)
		}
		if 2*claimed < g.qEnd-g.qStart {
			kept = append(kept, g)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].qStart < kept[j].qStart })
	return kept
}

func overlapLen(a0, a1, b0, b1 int) int { return max(0, min(a1, b1)-max(a0, b0)) }

// extendBack moves the starts of a shared stretch backwards while both texts
// agree (case and the kind of white space aside), then forwards again to the
// start of a word if it stopped inside one: a passage begins with a whole
// word, or with punctuation both texts share.
func extendBack(a, b string, i, j int) (int, int) {
	i0, j0 := i, j
	for i > 0 && j > 0 {
		ra, na := utf8.DecodeLastRuneInString(a[:i])
		rb, nb := utf8.DecodeLastRuneInString(b[:j])
		if unicode.IsSpace(ra) && unicode.IsSpace(rb) {
			i, j = i-na, j-nb
			continue
		}
		if unicode.ToLower(ra) != unicode.ToLower(rb) || unicode.IsSpace(ra) || unicode.IsSpace(rb) {
			break
		}
		i, j = i-na, j-nb
	}
	if i == i0 {
		return i0, j0
	}
	// Stopped inside a word on either side: give back that partial word.
	if isWordAt(a, i) && isWordBefore(a, i) || isWordAt(b, j) && isWordBefore(b, j) {
		for i < i0 && (isWordAt(a, i) || isWordAt(b, j)) {
			_, na := utf8.DecodeRuneInString(a[i:])
			_, nb := utf8.DecodeRuneInString(b[j:])
			i, j = i+na, j+nb
		}
	}
	// A passage does not begin with the punctuation that ended the
	// sentence before it ("weather. The" and "page. The" share ". The").
	for {
		i, j = skipSpaceForward(a, b, i, j, i0, j0)
		if i >= i0 || j >= j0 || !strings.ContainsRune(".,;:!?)]", rune(a[i])) || a[i] != b[j] {
			return i, j
		}
		i, j = i+1, j+1
	}
}

// extendForward is extendBack's mirror image for the ends.
func extendForward(a, b string, i, j int) (int, int) {
	i0, j0 := i, j
	for i < len(a) && j < len(b) {
		ra, na := utf8.DecodeRuneInString(a[i:])
		rb, nb := utf8.DecodeRuneInString(b[j:])
		if unicode.IsSpace(ra) && unicode.IsSpace(rb) {
			i, j = i+na, j+nb
			continue
		}
		if unicode.ToLower(ra) != unicode.ToLower(rb) || unicode.IsSpace(ra) || unicode.IsSpace(rb) {
			break
		}
		i, j = i+na, j+nb
	}
	if i == i0 {
		return i0, j0
	}
	if isWordBefore(a, i) && isWordAt(a, i) || isWordBefore(b, j) && isWordAt(b, j) {
		for i > i0 && (isWordBefore(a, i) || isWordBefore(b, j)) {
			_, na := utf8.DecodeLastRuneInString(a[:i])
			_, nb := utf8.DecodeLastRuneInString(b[:j])
			i, j = i-na, j-nb
		}
	}
	// Nor does it end with the bracket that opens the next one.
	for {
		i, j = skipSpaceBack(a, b, i, j, i0, j0)
		if i <= i0 || j <= j0 || !strings.ContainsRune("([", rune(a[i-1])) || a[i-1] != b[j-1] {
			return i, j
		}
		i, j = i-1, j-1
	}
}

// skipSpaceForward drops white space at the start of an extended span, never
// past the original start (i0, j0).
func skipSpaceForward(a, b string, i, j, i0, j0 int) (int, int) {
	for i < i0 {
		r, n := utf8.DecodeRuneInString(a[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for j < j0 {
		r, n := utf8.DecodeRuneInString(b[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return i, j
}

// skipSpaceBack drops white space at the end of an extended span.
func skipSpaceBack(a, b string, i, j, i0, j0 int) (int, int) {
	for i > i0 {
		r, n := utf8.DecodeLastRuneInString(a[:i])
		if !unicode.IsSpace(r) {
			break
		}
		i -= n
	}
	for j > j0 {
		r, n := utf8.DecodeLastRuneInString(b[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	return i, j
}

// Widen grows a stretch that texts q and s share — qs in q, ss in s, each
// starting and ending on a word — to the longest stretch both share,
// ignoring case and the kind of white space and ending on word boundaries.
// It is the boundary rule of Align's verbatim passages, exported so that
// reference passages whose offsets are uncertain can be re-anchored by the
// same rule.
func Widen(q, s string, qs, ss analyze.Span) (analyze.Span, analyze.Span) {
	qs.Start, ss.Start = extendBack(q, s, qs.Start, ss.Start)
	qs.End, ss.End = extendForward(q, s, qs.End, ss.End)
	return qs, ss
}
