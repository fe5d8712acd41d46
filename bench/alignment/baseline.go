package alignment

import "sort"

// ngramChain is the trivial PAN baseline the issue names: shared word
// 8-grams, chained while the next shared 8-gram starts within chainGap
// characters of a chain's end in both texts, each chain reported from the
// first 8-gram's first character to the last one's last. No extension, no
// minimum length. The generous gap (1,000 characters; 200 gives PlagDet
// 0.85, 500 gives 0.90) is what reproduces the ≈ 0.92 quoted in ANCHORS.md.
func ngramChain(p PANPair) []Annotation {
	const n, chainGap = 8, 1000
	a := tokens(p.SuspText, 0, len(p.SuspText))
	b := tokens(p.SrcText, 0, len(p.SrcText))
	type key [n]string
	at := map[key][]int{}
	for j := 0; j+n <= len(b); j++ {
		var k key
		for d := range k {
			k[d] = b[j+d].w
		}
		at[k] = append(at[k], j)
	}
	type seed struct{ i, j int }
	var seeds []seed
	for i := 0; i+n <= len(a); i++ {
		var k key
		for d := range k {
			k[d] = a[i+d].w
		}
		for _, j := range at[k] {
			seeds = append(seeds, seed{i, j})
		}
	}
	sort.Slice(seeds, func(x, y int) bool { return seeds[x].i < seeds[y].i })
	var out []Annotation
	for _, s := range seeds {
		this := Range{a[s.i].start, a[s.i+n-1].end}
		src := Range{b[s.j].start, b[s.j+n-1].end}
		joined := false
		for k := len(out) - 1; k >= 0 && this.Start <= out[k].This.End+chainGap; k-- {
			c := &out[k]
			if src.Start >= c.Source.Start && src.Start <= c.Source.End+chainGap {
				c.This.End = max(c.This.End, this.End)
				c.Source.End = max(c.Source.End, src.End)
				joined = true
				break
			}
		}
		if !joined {
			out = append(out, Annotation{Susp: p.Susp, Src: p.Src, This: this, Source: src})
		}
	}
	return out
}
