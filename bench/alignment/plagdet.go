package alignment

import (
	"math"
	"sort"
)

// The PAN text-alignment measures (Potthast, Stein, Barrón-Cedeño, Rosso:
// "An Evaluation Framework for Plagiarism Detection", COLING 2010), as the
// PAN evaluator (perfmeasures.py) computes them.
//
// A case s and a detection r are each a pair of character ranges: one in
// the suspicious document, one in the source document. A detection r
// detects case s when they name the same two documents and their ranges
// overlap in both. Characters count on both sides, so |s| is the length of
// its suspicious range plus the length of its source range, and s ⊓ r is
// s ∩ r when r detects s, else nothing. Over the whole corpus (not per
// document — PAN macro-averages over cases and detections):
//
//	rec(S, R)  = 1/|S| Σ_s |s ∩ ∪{r ∈ R : r detects s}| / |s|
//	prec(S, R) = 1/|R| Σ_r |r ∩ ∪{s ∈ S : r detects s}| / |r|
//	gran(S, R) = 1/|S_R| Σ_{s ∈ S_R} |R_s|, S_R the cases detected at
//	             least once, R_s the detections of s (1 when S_R is empty)
//	PlagDet    = F1(prec, rec) / log2(1 + gran)
//
// As in the PAN evaluator, with no cases and no detections both recall and
// precision are 1; with one side empty and not the other both are 0.

// Annotation is one case or detection.
type Annotation struct {
	Susp, Src string // document names
	// This is the range in the suspicious document, Source the range in
	// the source document: half-open [Start, End) character offsets.
	This, Source Range
}

// Range is a half-open character range.
type Range struct{ Start, End int }

func (r Range) len() int { return max(0, r.End-r.Start) }

func (r Range) overlaps(o Range) bool { return r.Start < o.End && o.Start < r.End }

// Scores are the PAN measures of a set of detections against a set of cases.
type Scores struct {
	Precision, Recall, Granularity, PlagDet float64
	Cases, Detections                       int
}

func detects(r, s Annotation) bool {
	return r.Susp == s.Susp && r.Src == s.Src && r.This.overlaps(s.This) && r.Source.overlaps(s.Source)
}

// Evaluate computes the PAN measures.
func Evaluate(cases, dets []Annotation) Scores {
	sc := Scores{Cases: len(cases), Detections: len(dets), Granularity: 1}
	switch {
	case len(cases) == 0 && len(dets) == 0:
		sc.Precision, sc.Recall = 1, 1
	case len(cases) == 0 || len(dets) == 0:
		return sc
	default:
		sc.Recall = coveredShare(cases, dets)
		sc.Precision = coveredShare(dets, cases)
	}
	sc.Granularity = granularity(cases, dets)
	sc.PlagDet = plagdet(sc.Precision, sc.Recall, sc.Granularity)
	return sc
}

// coveredShare is the mean over a ∈ as of the share of a's characters that
// the annotations of bs overlapping it (in both documents) cover. With as the
// cases it is recall; with as the detections, precision.
func coveredShare(as, bs []Annotation) float64 {
	total := 0.0
	for _, a := range as {
		var this, src []Range
		for _, b := range bs {
			if detects(a, b) {
				this, src = append(this, b.This), append(src, b.Source)
			}
		}
		n := a.This.len() + a.Source.len()
		if n == 0 {
			continue
		}
		total += float64(coveredLen(a.This, this)+coveredLen(a.Source, src)) / float64(n)
	}
	return total / float64(len(as))
}

// coveredLen is how many characters of r the union of rs covers.
func coveredLen(r Range, rs []Range) int {
	var clipped []Range
	for _, o := range rs {
		if c := (Range{max(r.Start, o.Start), min(r.End, o.End)}); c.len() > 0 {
			clipped = append(clipped, c)
		}
	}
	sort.Slice(clipped, func(i, j int) bool { return clipped[i].Start < clipped[j].Start })
	n, end := 0, r.Start
	for _, c := range clipped {
		if c.End <= end {
			continue
		}
		n += c.End - max(c.Start, end)
		end = c.End
	}
	return n
}

func granularity(cases, dets []Annotation) float64 {
	detected, sum := 0, 0
	for _, s := range cases {
		n := 0
		for _, r := range dets {
			if detects(r, s) {
				n++
			}
		}
		if n > 0 {
			detected++
			sum += n
		}
	}
	if detected == 0 {
		return 1
	}
	return float64(sum) / float64(detected)
}

func plagdet(prec, rec, gran float64) float64 {
	if prec+rec == 0 || gran < 1 {
		return 0
	}
	return 2 * prec * rec / (prec + rec) / math.Log2(1+gran)
}
