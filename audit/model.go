package audit

import (
	"math"
	"slices"

	"github.com/storytrace/storytrace/boost"
)

// FeatureNames names the inputs of the derivation model, in order. A
// logistic model with fewer weights reads the first as many; trees read
// theirs by name (Pick).
var FeatureNames = []string{
	"support", "query_coverage", "source_coverage", "jaccard", "log1p_rare_facts", "margin", "verbatim",
	"standing", "specifics_missing",
	"bigrams", "source_bigrams", "order", "log_length_ratio", "log1p_query_terms", "specifics_density",
}

// Features returns the evidence as the derivation model's inputs, in the
// order of FeatureNames. The length ratio is log((query terms + 1) /
// (source terms + 1)); the specifics density is the weight of the query's
// specifics per term.
func (e Evidence) Features() []float64 {
	return []float64{
		e.Support, e.QueryCoverage, e.SourceCoverage, e.Jaccard,
		math.Log1p(float64(e.RareFactsKept)), e.Margin, e.Verbatim,
		e.Standing, e.SpecificsMissing,
		e.Bigrams, e.SourceBigrams, e.Order,
		math.Log(float64(e.QueryTerms+1) / float64(e.SourceTerms+1)),
		math.Log1p(float64(e.QueryTerms)),
		e.QuerySpecifics / float64(max(e.QueryTerms, 1)),
	}
}

// ReverseFeatureNames names the inputs of the reverse question's model
// (DecideReverse): the derivation model's but the margin and the standing.
// The candidate that takes the query's place has no crowd of candidates of
// its own to stand above or lead, and the reverse pair's margin (how much
// better the query covers it than it covers the query) is another
// quantity from the forward margin (how far the source leads the next
// candidate), which the trees learnt.
var ReverseFeatureNames = []string{
	"support", "query_coverage", "source_coverage", "jaccard", "log1p_rare_facts", "verbatim",
	"specifics_missing",
	"bigrams", "source_bigrams", "order", "log_length_ratio", "log1p_query_terms", "specifics_density",
}

// Named returns the evidence's features named (see Pick).
func (e Evidence) Named(names []string) []float64 { return Pick(names, e.Features()) }

// Pick returns, of features in the order of FeatureNames, those named, in
// the order of names; a name not among FeatureNames reads 0 (model files
// are checked against their names on load, see ReadModelFile).
func Pick(names []string, features []float64) []float64 {
	if slices.Equal(names, FeatureNames) {
		return features
	}
	out := make([]float64, len(names))
	for i, n := range names {
		if j := slices.Index(FeatureNames, n); j >= 0 && j < len(features) {
			out[i] = features[j]
		}
	}
	return out
}

// MaxStanding bounds Evidence.Standing: a source whose BM25 is e² (7.4)
// times the crowd's stands as far out as the evidence needs: half the l2r
// rewrites' sources reach it, none of the best candidates left when the
// source is taken out (trace's TestSourceStandsAboveItsNeighbours).
const MaxStanding = 2.0

// Standing returns Evidence.Standing for a candidate scored bm25 against
// the crowd of other candidates, scored other.
func Standing(bm25, other float64) float64 {
	if bm25 <= 0 || other <= 0 {
		if bm25 > other {
			return MaxStanding
		}
		if bm25 < other {
			return -MaxStanding
		}
		return 0
	}
	return math.Max(-MaxStanding, math.Min(MaxStanding, math.Log(bm25/other)))
}

// PairFeatureNames names the inputs of a model for a pair compared alone
// (Model.Pair), in order. The margin is not among them (with no other
// candidate it is the support again), nor the verbatim share (the
// verbatim-reuse rule judges copying); the length ratio is: an essay
// written around a story runs longer than the story, a rewrite about as
// long and a summary shorter.
var PairFeatureNames = []string{"support", "query_coverage", "source_coverage", "jaccard", "log1p_rare_facts", "log_length_ratio", "specifics_missing"}

// PairFeatures returns the evidence as a pair model's inputs, in the order
// of PairFeatureNames. The length ratio is log((query terms + 1) / (source
// terms + 1)), 0 when the lengths are unknown.
func (e Evidence) PairFeatures() []float64 {
	return []float64{
		e.Support, e.QueryCoverage, e.SourceCoverage, e.Jaccard,
		math.Log1p(float64(e.RareFactsKept)),
		math.Log(float64(e.QueryTerms+1) / float64(e.SourceTerms+1)),
		e.SpecificsMissing,
	}
}

// Model is a model of "the query derives from this source": logistic
// (Bias and Weights), or boosted trees (Trees) reading Features.
type Model struct {
	Bias    float64   `json:"bias,omitempty"`
	Weights []float64 `json:"weights,omitempty"` // one per FeatureNames (or PairFeatureNames) entry
	// Pair is set for a model of pairs compared alone, which reads
	// PairFeatures instead of Features.
	Pair bool `json:"pair,omitempty"`
	// Trees, when set, is the model: Bias and Weights are not read.
	Trees *boost.Ensemble `json:"trees,omitempty"`
}

// Probability is the model's probability that the query derives from the
// source the evidence describes.
func (m Model) Probability(e Evidence) float64 {
	if m.Trees != nil {
		return m.Trees.Probability(e.Named(m.Trees.Features))
	}
	z := m.Bias
	in := e.Features()
	if m.Pair {
		in = e.PairFeatures()
	}
	for i, x := range in {
		if i < len(m.Weights) {
			z += m.Weights[i] * x
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// FitLogistic fits a logistic model by Newton's method (iteratively
// reweighted least squares) with an L2 penalty lambda on the weights, not
// the bias, for at most iterations steps. Features are used as given (they
// are all in [-2, ~3]), so the weights read directly. Gradient descent stopped
// after a fixed number of steps left the weights of small-valued features
// (Jaccard) far from the optimum: at the bench's 4,000 steps, Jaccard 1.8
// where the fit converges at 20.
func FitLogistic(x [][]float64, y []bool, lambda float64, iterations int) Model {
	if len(x) == 0 {
		return Model{}
	}
	d := len(x[0]) + 1 // the bias is parameter 0
	w := make([]float64, d)
	row := func(xi []float64) []float64 { return append([]float64{1}, xi...) }
	for it := 0; it < iterations; it++ {
		g := make([]float64, d)
		h := make([][]float64, d)
		for a := range h {
			h[a] = make([]float64, d)
			if a > 0 {
				g[a] = lambda * w[a]
				h[a][a] = lambda
			}
		}
		for i, xi := range x {
			r := row(xi)
			z := 0.0
			for a, v := range r {
				z += w[a] * v
			}
			p := 1 / (1 + math.Exp(-z))
			t := 0.0
			if y[i] {
				t = 1
			}
			s := p * (1 - p)
			for a, va := range r {
				g[a] += (p - t) * va
				for b := a; b < d; b++ {
					h[a][b] += s * va * r[b]
				}
			}
		}
		for a := range h {
			for b := 0; b < a; b++ {
				h[a][b] = h[b][a]
			}
		}
		step, ok := solve(h, g)
		if !ok {
			break
		}
		largest := 0.0
		for a := range w {
			w[a] -= step[a]
			largest = math.Max(largest, math.Abs(step[a]))
		}
		if largest < 1e-9 {
			break
		}
	}
	return Model{Bias: w[0], Weights: w[1:]}
}

// solve solves the linear system a·x = b by Gaussian elimination with
// partial pivoting; ok is false when a is singular.
func solve(a [][]float64, b []float64) (x []float64, ok bool) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(append([]float64{}, a[i]...), b[i])
	}
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(m[i][k]) > math.Abs(m[p][k]) {
				p = i
			}
		}
		if math.Abs(m[p][k]) < 1e-12 {
			return nil, false
		}
		m[k], m[p] = m[p], m[k]
		for i := k + 1; i < n; i++ {
			f := m[i][k] / m[k][k]
			for j := k; j <= n; j++ {
				m[i][j] -= f * m[k][j]
			}
		}
	}
	x = make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		v := m[i][n]
		for j := i + 1; j < n; j++ {
			v -= m[i][j] * x[j]
		}
		x[i] = v / m[i][i]
	}
	return x, true
}
