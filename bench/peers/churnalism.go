package peers

import (
	"context"
	"sort"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"
)

// Churnalism is the rule behind churnalism.com (SuperFastMatch): two texts
// share a string when they have 15 consecutive characters in common, after
// lower-casing and collapsing whitespace and punctuation to single spaces; an
// article's score for a query is the share of the query's characters covered
// by 15-character windows it shares with that article.
//
// Every window of every article is indexed, which is what makes this peer
// memory-hungry: it is measured as users run it. The index is one array of
// (window hash, article) sorted by hash at the first search — 12 bytes a
// window, a third of what a hash map of lists costs at 60M windows.
type Churnalism struct {
	ids    []string
	index  []window
	sorted bool
}

type window struct {
	hash uint64
	doc  int32
}

// ChurnWindow is the shared-string length in characters.
const ChurnWindow = 15

// NewChurnalism returns an empty Churnalism peer.
func NewChurnalism() *Churnalism { return &Churnalism{} }

// Name implements Retriever.
func (*Churnalism) Name() string { return "Churnalism (shared 15-char strings)" }

// churnText is a normalised text and the byte offset of each of its runes.
type churnText struct {
	s    string
	offs []int // offs[i] is the byte offset of rune i; offs[len] = len(s)
}

func (t churnText) runes() int { return len(t.offs) - 1 }

func churnNormalise(text string) churnText {
	var b strings.Builder
	var offs []int
	space := true
	for _, r := range strings.ToLower(text) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			offs = append(offs, b.Len())
			b.WriteRune(r)
			space = false
		} else if !space {
			offs = append(offs, b.Len())
			b.WriteByte(' ')
			space = true
		}
	}
	offs = append(offs, b.Len())
	return churnText{s: b.String(), offs: offs}
}

// windows calls fn with the hash of each window start position.
func windows(t churnText, fn func(pos int, h uint64)) {
	for i := 0; i+ChurnWindow <= t.runes(); i++ {
		fn(i, xxh3.HashString(t.s[t.offs[i]:t.offs[i+ChurnWindow]]))
	}
}

// Add implements Retriever.
func (c *Churnalism) Add(id, text string) error {
	n := int32(len(c.ids))
	c.ids = append(c.ids, id)
	seen := map[uint64]bool{}
	windows(churnNormalise(text), func(_ int, h uint64) {
		if !seen[h] {
			seen[h] = true
			c.index = append(c.index, window{h, n})
		}
	})
	c.sorted = false
	return nil
}

// lookup calls fn for each article holding a window with hash h.
func (c *Churnalism) lookup(h uint64, fn func(doc int32)) {
	i := sort.Search(len(c.index), func(i int) bool { return c.index[i].hash >= h })
	for ; i < len(c.index) && c.index[i].hash == h; i++ {
		fn(c.index[i].doc)
	}
}

// Search implements Retriever.
func (c *Churnalism) Search(ctx context.Context, text string, k int) ([]Hit, error) {
	if !c.sorted {
		sort.Slice(c.index, func(i, j int) bool { return c.index[i].hash < c.index[j].hash })
		c.sorted = true
	}
	rs := churnNormalise(text)
	if rs.runes() == 0 {
		return nil, nil
	}
	// For each article, the query positions covered by shared windows: the
	// last covered position is enough to count each character once, since
	// windows are visited in order.
	covered := map[int32]int{}
	last := map[int32]int{}
	windows(rs, func(pos int, h uint64) {
		c.lookup(h, func(n int32) {
			end := pos + ChurnWindow
			from, ok := last[n]
			if !ok || from < pos {
				from = pos
			}
			if end > from {
				covered[n] += end - from
				last[n] = end
			}
		})
	})
	hits := make([]Hit, 0, len(covered))
	for n, chars := range covered {
		hits = append(hits, Hit{ID: c.ids[n], Score: float64(chars) / float64(rs.runes())})
	}
	return top(hits, k), ctx.Err()
}

// Close implements Retriever.
func (c *Churnalism) Close() error { c.index = nil; return nil }
