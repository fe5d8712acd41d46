package audit

import (
	"math"
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
	m := FitLogistic(x, y, 3000)
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
