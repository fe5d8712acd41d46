package alignment

import (
	"math"
	"testing"
)

func ann(this0, this1, src0, src1 int) Annotation {
	return Annotation{Susp: "s", Src: "r", This: Range{this0, this1}, Source: Range{src0, src1}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// The examples are worked by hand from the definitions in plagdet.go.
func TestEvaluateHandWorked(t *testing.T) {
	tests := []struct {
		name            string
		cases, dets     []Annotation
		prec, rec, gran float64
		plagdet         float64
	}{
		{
			name:  "exact detection",
			cases: []Annotation{ann(0, 100, 0, 100)},
			dets:  []Annotation{ann(0, 100, 0, 100)},
			prec:  1, rec: 1, gran: 1, plagdet: 1,
		},
		{
			// The detection covers 50 of the case's 100 suspicious and 50 of
			// its 100 source characters: recall 100/200. All of the
			// detection is inside the case: precision 1.
			name:  "half detected",
			cases: []Annotation{ann(0, 100, 0, 100)},
			dets:  []Annotation{ann(0, 50, 50, 100)},
			prec:  1, rec: 0.5, gran: 1, plagdet: 2 * 0.5 / 1.5,
		},
		{
			// Two detections split the case: recall 1, precision 1,
			// granularity 2, PlagDet 1/log2(3).
			name:  "split in two",
			cases: []Annotation{ann(0, 100, 0, 100)},
			dets:  []Annotation{ann(0, 50, 0, 50), ann(50, 100, 50, 100)},
			prec:  1, rec: 1, gran: 2, plagdet: 1 / math.Log2(3),
		},
		{
			// The detection overshoots by 100 suspicious characters: it
			// holds 300 characters of which 200 are the case's.
			name:  "overshoot",
			cases: []Annotation{ann(100, 200, 0, 100)},
			dets:  []Annotation{ann(0, 200, 0, 100)},
			prec:  200.0 / 300, rec: 1, gran: 1, plagdet: 2 * (2.0 / 3) / (2.0/3 + 1),
		},
		{
			// A detection overlapping the case on the suspicious side only
			// does not detect it: it counts 0 for precision, the case 0
			// for recall, and granularity is over no detected case: 1.
			name:  "one side only",
			cases: []Annotation{ann(0, 100, 0, 100)},
			dets:  []Annotation{ann(0, 100, 500, 600)},
			prec:  0, rec: 0, gran: 1, plagdet: 0,
		},
		{
			// Two cases, one found exactly and one missed, plus a false
			// detection: recall (1+0)/2, precision (1+0)/2.
			name:  "macro averages",
			cases: []Annotation{ann(0, 100, 0, 100), ann(200, 300, 200, 300)},
			dets:  []Annotation{ann(0, 100, 0, 100), ann(400, 410, 400, 410)},
			prec:  0.5, rec: 0.5, gran: 1, plagdet: 0.5,
		},
		{
			// Overlapping detections are a union: the case's characters
			// count once. Detection 1 (0–60 / 0–60) and 2 (40–100 / 40–100)
			// cover the case; granularity 2.
			name:  "union of overlapping detections",
			cases: []Annotation{ann(0, 100, 0, 100)},
			dets:  []Annotation{ann(0, 60, 0, 60), ann(40, 100, 40, 100)},
			prec:  1, rec: 1, gran: 2, plagdet: 1 / math.Log2(3),
		},
		{
			name: "nothing to find, nothing found",
			prec: 1, rec: 1, gran: 1, plagdet: 1,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Evaluate(tc.cases, tc.dets)
			if !near(got.Precision, tc.prec) || !near(got.Recall, tc.rec) || !near(got.Granularity, tc.gran) || !near(got.PlagDet, tc.plagdet) {
				t.Errorf("Evaluate = P %.4f R %.4f gran %.4f PlagDet %.4f, want P %.4f R %.4f gran %.4f PlagDet %.4f",
					got.Precision, got.Recall, got.Granularity, got.PlagDet, tc.prec, tc.rec, tc.gran, tc.plagdet)
			}
		})
	}
}

func TestDetectionInOtherDocumentDoesNotCount(t *testing.T) {
	c := ann(0, 100, 0, 100)
	d := c
	d.Src = "other"
	if got := Evaluate([]Annotation{c}, []Annotation{d}); got.Recall != 0 || got.Precision != 0 {
		t.Errorf("detection naming another source scored P %.2f R %.2f, want 0", got.Precision, got.Recall)
	}
}
