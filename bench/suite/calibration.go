package suite

import (
	"fmt"
	"math"
)

// Calibration compares stated probabilities with what happened: of the
// items given probability p that something is so, a calibrated source is
// right for a share p of them.
type Calibration struct {
	// Bins are the reliability table, in the order of the edges given.
	Bins []CalibrationBin
	// ECE is the expected calibration error: the mean over items of the
	// gap between their bin's mean probability and its observed share.
	ECE float64
	// Brier is the mean squared difference between probability and
	// outcome (0 or 1).
	Brier float64
	// N counts the items.
	N int
}

// CalibrationBin is one probability range of a reliability table.
type CalibrationBin struct {
	Low, High float64 // the bin holds Low ≤ p < High (the last one p ≤ High)
	N         int
	MeanP     float64 // mean stated probability in the bin
	Observed  float64 // share of the bin's items for which it was so
}

// Name reads the bin's range as "[0.90, 0.98)", with a third decimal
// for an edge that needs it ("[0.90, 0.958)"): an operating point is not
// rounded to the next hundredth.
func (b CalibrationBin) Name() string {
	return "[" + edge(b.Low) + ", " + edge(b.High) + ")"
}

// edge writes a bin edge with two decimals, or three when two would round
// it.
func edge(x float64) string {
	if math.Abs(x-math.Round(x*100)/100) < 1e-9 {
		return fmt.Sprintf("%.2f", x)
	}
	return fmt.Sprintf("%.3f", x)
}

// ProbabilityBins are the edges of the reliability tables the benchmark
// prints: fixed steps up to 0.9, then one bin up to operatingPoint (where a
// verdict turns derived) and one above it.
func ProbabilityBins(operatingPoint float64) []float64 {
	return []float64{0, 0.1, 0.3, 0.5, 0.7, 0.9, operatingPoint, 1}
}

// Calibrate builds the reliability table of probabilities p against
// outcomes y over the bins that edges delimit (ascending, from 0 to 1).
// Items outside [edges[0], edges[last]] fall in the nearest end bin.
func Calibrate(p []float64, y []bool, edges []float64) Calibration {
	c := Calibration{N: len(p)}
	if len(edges) < 2 {
		edges = []float64{0, 1}
	}
	sums := make([]float64, len(edges)-1)
	hits := make([]int, len(edges)-1)
	counts := make([]int, len(edges)-1)
	for i, v := range p {
		b := 0
		for b < len(counts)-1 && v >= edges[b+1] {
			b++
		}
		counts[b]++
		sums[b] += v
		outcome := 0.0
		if y[i] {
			hits[b]++
			outcome = 1
		}
		c.Brier += (v - outcome) * (v - outcome)
	}
	for b := range counts {
		bin := CalibrationBin{Low: edges[b], High: edges[b+1], N: counts[b]}
		if counts[b] > 0 {
			bin.MeanP = sums[b] / float64(counts[b])
			bin.Observed = float64(hits[b]) / float64(counts[b])
			c.ECE += float64(counts[b]) * math.Abs(bin.MeanP-bin.Observed)
		}
		c.Bins = append(c.Bins, bin)
	}
	if c.N > 0 {
		c.ECE /= float64(c.N)
		c.Brier /= float64(c.N)
	}
	return c
}
