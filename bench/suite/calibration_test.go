package suite

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCalibrateByHand(t *testing.T) {
	// Two bins: [0, 0.5) holds 0.1 and 0.3 (one so), [0.5, 1] holds 0.9
	// twice (both so) and 1.0 (so).
	p := []float64{0.1, 0.3, 0.9, 0.9, 1.0}
	y := []bool{false, true, true, true, true}
	c := Calibrate(p, y, []float64{0, 0.5, 1})
	if len(c.Bins) != 2 || c.Bins[0].N != 2 || c.Bins[1].N != 3 {
		t.Fatalf("bins %+v", c.Bins)
	}
	if got := c.Bins[0].Observed; got != 0.5 {
		t.Errorf("low bin observed %v, want 0.5", got)
	}
	// ECE = (2·|0.2−0.5| + 3·|0.9333−1|)/5 = (0.6 + 0.2)/5 = 0.16.
	if math.Abs(c.ECE-0.16) > 1e-9 {
		t.Errorf("ECE %v, want 0.16", c.ECE)
	}
	// Brier = (0.01 + 0.49 + 0.01 + 0.01 + 0)/5 = 0.104.
	if math.Abs(c.Brier-0.104) > 1e-9 {
		t.Errorf("Brier %v, want 0.104", c.Brier)
	}
}

// TestCalibrateTellsOverconfidence: outcomes drawn with the stated
// probability give a small ECE; the same probabilities for outcomes drawn
// with their square (a source that overstates) give a large one.
func TestCalibrateTellsOverconfidence(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	edges := []float64{0, 0.2, 0.4, 0.6, 0.8, 1}
	var p []float64
	var honest, over []bool
	for range 20000 {
		v := rng.Float64()
		p = append(p, v)
		honest = append(honest, rng.Float64() < v)
		over = append(over, rng.Float64() < v*v)
	}
	good, bad := Calibrate(p, honest, edges), Calibrate(p, over, edges)
	if good.ECE > 0.02 {
		t.Errorf("calibrated source: ECE %.3f", good.ECE)
	}
	if bad.ECE < 0.1 || bad.Brier <= good.Brier {
		t.Errorf("overconfident source: ECE %.3f, Brier %.3f (calibrated %.3f)", bad.ECE, bad.Brier, good.Brier)
	}
}

// A bin's name gives an edge two decimals, or three when two would round
// it: the operating point 0.958 is not "0.96".
func TestBinNamesKeepTheOperatingPoint(t *testing.T) {
	c := Calibrate([]float64{0.5, 0.95, 0.99}, []bool{false, true, true}, ProbabilityBins(0.958))
	var names []string
	for _, b := range c.Bins {
		names = append(names, b.Name())
	}
	got := strings.Join(names, " ")
	for _, want := range []string{"[0.50, 0.70)", "[0.90, 0.958)", "[0.958, 1.00)"} {
		if !strings.Contains(got, want) {
			t.Errorf("bins %s, want %s among them", got, want)
		}
	}
}
