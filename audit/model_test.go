package audit

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestFitLogisticSeparatesOnTheInformativeFeature(t *testing.T) {
	var x [][]float64
	var y []bool
	for i := 0; i < 200; i++ {
		v := float64(i) / 200
		x = append(x, []float64{v, float64(i*37%100) / 100}) // feature 1 is noise
		y = append(y, v > 0.6)
	}
	m := FitLogistic(x, y, 1e-2, 50)
	if m.Weights[0] <= 0 || m.Weights[0] < 5*abs(m.Weights[1]) {
		t.Fatalf("weights %v: want a large positive weight on feature 0 only", m.Weights)
	}
	lo := Model{Bias: m.Bias, Weights: m.Weights}
	pLow := 1 / (1 + math.Exp(-(lo.Bias + lo.Weights[0]*0.2 + lo.Weights[1]*0.5)))
	pHigh := 1 / (1 + math.Exp(-(lo.Bias + lo.Weights[0]*0.9 + lo.Weights[1]*0.5)))
	if pLow > 0.2 || pHigh < 0.8 {
		t.Fatalf("p(0.2)=%.2f p(0.9)=%.2f; want well separated", pLow, pHigh)
	}
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}

// TestFitLogisticRecoversTheModel draws labels from a known logistic model
// and asks the fit to find its weights, the small-valued feature's too
// (gradient descent stopped early left such a weight far short).
func TestFitLogisticRecoversTheModel(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	bias, w := -2.0, []float64{4.0, 20.0}
	var x [][]float64
	var y []bool
	for i := 0; i < 20000; i++ {
		xi := []float64{rng.Float64(), 0.2 * rng.Float64()} // the second is small-valued, like Jaccard
		z := bias + w[0]*xi[0] + w[1]*xi[1]
		x = append(x, xi)
		y = append(y, rng.Float64() < 1/(1+math.Exp(-z)))
	}
	m := FitLogistic(x, y, 1e-2, 50)
	if math.Abs(m.Bias-bias) > 0.3 || math.Abs(m.Weights[0]-w[0]) > 0.5 || math.Abs(m.Weights[1]-w[1]) > 2.5 {
		t.Fatalf("fitted bias %.2f weights %.2f, want %.1f %.1f", m.Bias, m.Weights, bias, w)
	}
}

// A pair model reads PairFeatures: the length ratio moves its probability,
// which the trace model, reading Features, ignores.
func TestPairModelReadsTheLengthRatio(t *testing.T) {
	e := Evidence{Support: 0.45, QueryCoverage: 0.8, SourceCoverage: 0.4, Jaccard: 0.03, Margin: 0.45, QueryTerms: 300, SourceTerms: 300}
	long := e
	long.QueryTerms = 1200
	if got, want := len(e.PairFeatures()), len(PairFeatureNames); got != want {
		t.Fatalf("%d pair features, %d names", got, want)
	}
	if PairModel.Probability(long) >= PairModel.Probability(e) {
		t.Errorf("a query four times its source's length reads %.3f, one as long %.3f: want lower", PairModel.Probability(long), PairModel.Probability(e))
	}
	if DefaultModel.Probability(long) != DefaultModel.Probability(e) {
		t.Errorf("the trace model reads lengths: %.3f against %.3f", DefaultModel.Probability(long), DefaultModel.Probability(e))
	}
}

// Standing is the log of the BM25 ratio, bounded, and says nothing when
// there is nothing to compare with.
func TestStandingIsTheBoundedLogRatio(t *testing.T) {
	for _, c := range []struct{ bm25, other, want float64 }{
		{20, 10, math.Log(2)},
		{10, 20, -math.Log(2)},
		{10, 10, 0},
		{1000, 1, MaxStanding},
		{1, 1000, -MaxStanding},
		{5, 0, MaxStanding},
		{0, 5, -MaxStanding},
		{0, 0, 0},
	} {
		if got := Standing(c.bm25, c.other); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("Standing(%v, %v) = %v, want %v", c.bm25, c.other, got, c.want)
		}
	}
}

func TestShippedModelReads(t *testing.T) {
	f, err := ReadModelFile(derivedModel, FeatureNames)
	if err != nil {
		t.Fatal(err)
	}
	if f.Threshold != DerivedThreshold {
		t.Errorf("threshold %v, DerivedThreshold %v", f.Threshold, DerivedThreshold)
	}
	r, err := ReadModelFile(reverseModel, ReverseFeatureNames)
	if err != nil {
		t.Fatal(err)
	}
	if r.Threshold != ReverseThreshold || r.Model.Trees == nil {
		t.Errorf("reverse model: threshold %v (ReverseThreshold %v), trees %v", r.Threshold, ReverseThreshold, r.Model.Trees != nil)
	}
	if _, err := ReadModelFile(derivedModel, ReverseFeatureNames); err == nil {
		t.Error("the derivation model read as the reverse question's")
	}
	for name, js := range map[string]string{
		"no threshold":     `{"model":{"weights":[1]}}`,
		"no model":         `{"threshold":0.9,"model":{}}`,
		"renamed features": `{"threshold":0.9,"model":{"trees":{"features":["support","jaccard"],"trees":[]}}}`,
		"bad tree":         `{"threshold":0.9,"model":{"trees":{"features":["support"],"trees":[[{"f":0,"l":0,"r":0}]]}}}`,
		"not JSON":         `{"threshold":`,
	} {
		if _, err := ReadModelFile([]byte(js), FeatureNames); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}

// A model file of any bytes is read or refused, never a panic; one that
// reads gives a probability for any evidence.
func FuzzReadModelFile(f *testing.F) {
	f.Add([]byte(`{"threshold":0.5,"model":{"weights":[1,2]}}`))
	f.Add([]byte(`{"threshold":0.5,"model":{"trees":{"features":["support"],"trees":[[{"f":0,"l":1,"r":2}]]}}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, names := range [][]string{FeatureNames, ReverseFeatureNames} {
			m, err := ReadModelFile(data, names)
			if err != nil {
				continue
			}
			if p := m.Model.Probability(Evidence{Support: 0.5, QueryCoverage: 1}); !(p >= 0 && p <= 1) {
				t.Errorf("probability %v outside [0, 1]", p)
			}
		}
	})
}
