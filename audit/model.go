package audit

import "math"

// FeatureNames names the inputs of the derivation model, in order.
var FeatureNames = []string{"support", "query_coverage", "source_coverage", "jaccard", "log1p_rare_facts", "margin", "verbatim"}

// Features returns the evidence as the derivation model's inputs, in the
// order of FeatureNames.
func (e Evidence) Features() []float64 {
	return []float64{
		e.Support, e.QueryCoverage, e.SourceCoverage, e.Jaccard,
		math.Log1p(float64(e.RareFactsKept)), e.Margin, e.Verbatim,
	}
}

// Model is a logistic model of "the query derives from this source".
type Model struct {
	Bias    float64   `json:"bias"`
	Weights []float64 `json:"weights"` // one per FeatureNames entry
}

// Probability is the model's probability that the query derives from the
// source the evidence describes.
func (m Model) Probability(e Evidence) float64 {
	z := m.Bias
	for i, x := range e.Features() {
		if i < len(m.Weights) {
			z += m.Weights[i] * x
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// FitLogistic fits a logistic model by batch gradient descent with a small
// L2 penalty. Features are used as given (they are all in [0, ~3]), so no
// scaling is needed and the weights read directly.
func FitLogistic(x [][]float64, y []bool, iterations int) Model {
	if len(x) == 0 {
		return Model{}
	}
	d := len(x[0])
	w := make([]float64, d)
	b := 0.0
	const (
		rate   = 0.5
		lambda = 1e-4
	)
	for it := 0; it < iterations; it++ {
		gw := make([]float64, d)
		gb := 0.0
		for i, xi := range x {
			z := b
			for j, v := range xi {
				z += w[j] * v
			}
			p := 1 / (1 + math.Exp(-z))
			t := 0.0
			if y[i] {
				t = 1
			}
			g := p - t
			gb += g
			for j, v := range xi {
				gw[j] += g * v
			}
		}
		n := float64(len(x))
		b -= rate * gb / n
		for j := range w {
			w[j] -= rate * (gw[j]/n + lambda*w[j])
		}
	}
	return Model{Bias: b, Weights: w}
}
