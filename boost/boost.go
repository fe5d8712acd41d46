// Package boost fits and reads gradient-boosted regression trees for a
// yes/no question: an ensemble of small trees whose leaves, summed, are the
// log-odds of yes (logistic loss, Newton steps, as XGBoost and LightGBM fit
// them). storytrace's derivation model is one: a logistic model weighs each
// piece of evidence the same way whatever the rest says, and "the source
// supports half the query" means one thing when the source stands far
// above the other candidates and another when a neighbour supports as much
// (docs/design-notes.md, "A boosted derivation model").
package boost

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Node is one node of a tree. A leaf has Feature -1 and adds Value to the
// log-odds; a split sends an input whose Feature-th value is below Split to
// Left and every other input (NaN included) to Right.
type Node struct {
	Feature int     `json:"f"`
	Split   float64 `json:"s,omitempty"`
	Left    int     `json:"l,omitempty"`
	Right   int     `json:"r,omitempty"`
	Value   float64 `json:"v,omitempty"`
}

// Tree is a tree's nodes, the root first.
type Tree []Node

// Ensemble is a fitted model: Base plus the trees' leaves is the log-odds.
type Ensemble struct {
	// Features names the inputs, in order; LogOdds reads that many.
	Features []string `json:"features"`
	Base     float64  `json:"base"`
	Trees    []Tree   `json:"trees"`
}

// LogOdds returns the ensemble's log-odds of yes for input x. A value
// missing from a short x reads as 0.
func (e *Ensemble) LogOdds(x []float64) float64 {
	z := e.Base
	for _, t := range e.Trees {
		z += t.value(x)
	}
	return z
}

// Probability returns the ensemble's probability of yes for input x.
func (e *Ensemble) Probability(x []float64) float64 {
	return 1 / (1 + math.Exp(-e.LogOdds(x)))
}

func (t Tree) value(x []float64) float64 {
	i := 0
	for {
		n := t[i]
		if n.Feature < 0 {
			return n.Value
		}
		v := 0.0
		if n.Feature < len(x) {
			v = x[n.Feature]
		}
		if v < n.Split {
			i = n.Left
		} else {
			i = n.Right
		}
	}
}

// Validate reports whether the ensemble can be read: every split names a
// feature, every child index points forward within its tree (so reading
// ends), and every number is finite. An ensemble decoded from a file is
// validated before use.
func (e *Ensemble) Validate() error {
	if math.IsNaN(e.Base) || math.IsInf(e.Base, 0) {
		return fmt.Errorf("boost: base %v is not finite", e.Base)
	}
	for ti, t := range e.Trees {
		if len(t) == 0 {
			return fmt.Errorf("boost: tree %d is empty", ti)
		}
		for ni, n := range t {
			if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) || math.IsNaN(n.Split) {
				return fmt.Errorf("boost: tree %d node %d holds a number that is not finite", ti, ni)
			}
			if n.Feature < 0 {
				continue
			}
			if n.Feature >= len(e.Features) {
				return fmt.Errorf("boost: tree %d node %d splits on feature %d of %d", ti, ni, n.Feature, len(e.Features))
			}
			if n.Left <= ni || n.Right <= ni || n.Left >= len(t) || n.Right >= len(t) {
				return fmt.Errorf("boost: tree %d node %d has children %d and %d", ti, ni, n.Left, n.Right)
			}
		}
	}
	return nil
}

// Params are the fitting choices.
type Params struct {
	Rounds  int     // trees
	Depth   int     // splits from root to leaf, at most
	MinLeaf int     // fewest training rows in a leaf
	Bins    int     // candidate split points per feature (quantiles)
	Rate    float64 // learning rate: each tree's leaves are scaled by it
	Lambda  float64 // L2 penalty on leaf values
	// Subsample, when below 1, fits each tree on about that share of the
	// rows, drawn afresh for each tree by a generator seeded with Seed
	// (Friedman's stochastic gradient boosting: trees that each see part
	// of the rows fit the noise of fewer of them). 0 or 1 fits every tree
	// on every row.
	Subsample float64
	Seed      uint64
}

// DefaultParams are a hundred trees of depth three, at least twenty rows a
// leaf, every tree fitted on every row: the rank model's choices, and the
// derivation models' before they drew half the rows a tree
// (bench/retrieval derivationParams).
func DefaultParams() Params {
	return Params{Rounds: 100, Depth: 3, MinLeaf: 20, Bins: 32, Rate: 0.1, Lambda: 1}
}

// Fit fits an ensemble to rows x (one per example, all of one length,
// finite) and answers y. names names the features. The fit is
// deterministic: the same rows in the same order, with the same Params
// (Seed included), give the same trees.
func Fit(ctx context.Context, names []string, x [][]float64, y []bool, p Params) (*Ensemble, error) {
	if len(x) == 0 || len(x) != len(y) {
		return nil, fmt.Errorf("boost: %d rows and %d answers", len(x), len(y))
	}
	d := len(names)
	pos := 0
	for i, row := range x {
		if len(row) != d {
			return nil, fmt.Errorf("boost: row %d has %d values, want %d", i, len(row), d)
		}
		for j, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, fmt.Errorf("boost: row %d feature %s is %v", i, names[j], v)
			}
		}
		if y[i] {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return nil, errors.New("boost: the answers are all the same")
	}
	if p.Rounds <= 0 || p.Depth <= 0 || p.Bins < 2 || p.Bins > 256 || p.Rate <= 0 || p.MinLeaf < 1 ||
		!(p.Subsample >= 0 && p.Subsample <= 1) {
		return nil, fmt.Errorf("boost: parameters %+v out of range", p)
	}
	f := &fitter{p: p, x: x, d: d, edges: make([][]float64, d)}
	for j := range d {
		f.edges[j] = quantiles(x, j, p.Bins)
	}
	f.bin = make([][]uint8, len(x))
	for i, row := range x {
		f.bin[i] = make([]uint8, d)
		for j, v := range row {
			// bin b holds edges[b-1] <= v < edges[b]
			f.bin[i][j] = uint8(sort.Search(len(f.edges[j]), func(k int) bool { return f.edges[j][k] > v }))
		}
	}
	prior := float64(pos) / float64(len(y))
	e := &Ensemble{Features: append([]string(nil), names...), Base: math.Log(prior / (1 - prior))}
	z := make([]float64, len(x))
	for i := range z {
		z[i] = e.Base
	}
	f.g, f.h = make([]float64, len(x)), make([]float64, len(x))
	all := make([]int, len(x))
	for i := range all {
		all[i] = i
	}
	rng := rand.New(rand.NewPCG(p.Seed, 0x5eed))
	for range p.Rounds {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for i := range x {
			q := 1 / (1 + math.Exp(-z[i]))
			t := 0.0
			if y[i] {
				t = 1
			}
			f.g[i], f.h[i] = q-t, math.Max(q*(1-q), 1e-6)
		}
		rows := all
		if p.Subsample > 0 && p.Subsample < 1 {
			rows = make([]int, 0, len(all))
			for _, i := range all {
				if rng.Float64() < p.Subsample {
					rows = append(rows, i)
				}
			}
		}
		var t Tree
		f.grow(&t, rows, 0)
		for i := range x {
			z[i] += t.value(x[i])
		}
		e.Trees = append(e.Trees, t)
	}
	return e, nil
}

type fitter struct {
	p     Params
	x     [][]float64
	d     int
	edges [][]float64 // per feature, the split points, ascending
	bin   [][]uint8   // per row and feature, the bin its value falls in
	g, h  []float64   // the loss's gradient and hessian per row, this round
}

// grow appends the subtree fitted to rows idx at depth to t and returns
// its root's index.
func (f *fitter) grow(t *Tree, idx []int, depth int) int {
	at := len(*t)
	*t = append(*t, Node{Feature: -1})
	var g, h float64
	for _, i := range idx {
		g += f.g[i]
		h += f.h[i]
	}
	leaf := func() int {
		(*t)[at].Value = -g / (h + f.p.Lambda) * f.p.Rate
		return at
	}
	if depth >= f.p.Depth || len(idx) < 2*f.p.MinLeaf {
		return leaf()
	}
	parent := g * g / (h + f.p.Lambda)
	best, bestJ, bestB := 0.0, -1, 0
	nb := f.p.Bins + 1
	gs, hs, cs := make([]float64, nb), make([]float64, nb), make([]int, nb)
	for j := range f.d {
		clear(gs)
		clear(hs)
		clear(cs)
		for _, i := range idx {
			b := f.bin[i][j]
			gs[b] += f.g[i]
			hs[b] += f.h[i]
			cs[b]++
		}
		var gl, hl float64
		cl := 0
		for b := 0; b < len(f.edges[j]); b++ {
			gl, hl, cl = gl+gs[b], hl+hs[b], cl+cs[b]
			if cl < f.p.MinLeaf || len(idx)-cl < f.p.MinLeaf {
				continue
			}
			gr, hr := g-gl, h-hl
			gain := gl*gl/(hl+f.p.Lambda) + gr*gr/(hr+f.p.Lambda) - parent
			if gain > best {
				best, bestJ, bestB = gain, j, b
			}
		}
	}
	if bestJ < 0 {
		return leaf()
	}
	var left, right []int
	for _, i := range idx {
		if int(f.bin[i][bestJ]) <= bestB {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	(*t)[at].Feature, (*t)[at].Split = bestJ, f.edges[bestJ][bestB]
	l := f.grow(t, left, depth+1)
	r := f.grow(t, right, depth+1)
	(*t)[at].Left, (*t)[at].Right = l, r
	return at
}

// quantiles returns up to bins-1 distinct split points of feature j: the
// values at the rows' quantiles, ascending.
func quantiles(x [][]float64, j, bins int) []float64 {
	v := make([]float64, len(x))
	for i, row := range x {
		v[i] = row[j]
	}
	sort.Float64s(v)
	var out []float64
	for k := 1; k < bins; k++ {
		q := v[k*len(v)/bins]
		if q > v[0] && (len(out) == 0 || q > out[len(out)-1]) {
			out = append(out, q)
		}
	}
	return out
}
