package audit

import (
	"fmt"
	"math"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/facts"
)

// Verdict is what a query is to a candidate source.
type Verdict string

// The verdicts. Copy, Rewrite and Partial are "derived": the query's text was
// made from the source's. SameEvent is independent coverage of the same story.
const (
	Copy      Verdict = "copy"
	Rewrite   Verdict = "rewrite"
	Partial   Verdict = "partial reuse"
	SameEvent Verdict = "same event"
	Unrelated Verdict = "unrelated"
)

// Derived reports whether v says the query was made from the source.
func (v Verdict) Derived() bool { return v == Copy || v == Rewrite || v == Partial }

// Evidence is what a decision rests on.
type Evidence struct {
	QueryCoverage  float64 `json:"query_coverage"`  // share of the query aligned to the source
	SourceCoverage float64 `json:"source_coverage"` // share of the source aligned to the query
	Support        float64 `json:"support"`         // similarity-weighted query coverage
	Verbatim       float64 `json:"verbatim"`        // share of aligned query sentences verbatim or near-verbatim
	Jaccard        float64 `json:"jaccard"`         // estimated word-3-shingle Jaccard
	FactsKept      int     `json:"facts_kept"`      // quantities and dates in both
	FactsAltered   int     `json:"facts_altered"`
	RareFactsKept  int     `json:"rare_facts_kept"` // kept figures of three or more significant digits
	// Margin is how far this source's support lies above the best other
	// candidate's (trace), or the support itself (compare).
	Margin float64 `json:"margin"`
}

// Decision is the verdict with its confidence and evidence.
type Decision struct {
	Verdict    Verdict  `json:"verdict"`
	Confidence float64  `json:"confidence"`
	Evidence   Evidence `json:"evidence"`
	Reasons    []string `json:"reasons"`
}

// Collect gathers the evidence from an alignment, a fact diff and the
// estimated shingle Jaccard.
func Collect(al *align.Alignment, diff []FactChange, jaccard float64) Evidence {
	e := Evidence{
		QueryCoverage: al.QueryCoverage, SourceCoverage: al.SourceCoverage,
		Support: al.Support, Jaccard: jaccard,
	}
	near := 0
	for _, p := range al.Pairs {
		if p.Kind == align.Verbatim || p.Kind == align.NearVerbatim {
			near++
		}
	}
	if len(al.Pairs) > 0 {
		e.Verbatim = float64(near) / float64(len(al.Pairs))
	}
	for _, c := range diff {
		switch c.Change {
		case Kept:
			e.FactsKept++
			if c.Kind == facts.Quantity && rareFigure(c.Query.Value) {
				e.RareFactsKept++
			}
		case Altered:
			e.FactsAltered++
		}
	}
	return e
}

// rareFigure reports whether a value is specific enough that two texts
// sharing it by chance is unlikely: at least three significant digits
// (541,210; 1.15 million) rather than a round or small number (3; 500,000).
func rareFigure(v float64) bool {
	v = math.Abs(v)
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return false
	}
	for v >= 1000 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	for v != math.Trunc(v) && v < 1e15 {
		v *= 10
	}
	return v >= 100
}

// Decide turns evidence into a verdict.
//
// These thresholds are a first, hand-set rule read off the seed pair and the
// l2r rewrites (rewrites align 40–90% of their sentences; unrelated
// neighbours under 15%). Calibrating them on held-out data, with a
// confidence that is a probability, is the attribution issue's work; until
// then Confidence is a margin-based score in [0.5, 1], not a probability.
func Decide(e Evidence) Decision {
	d := Decision{Evidence: e}
	switch {
	case e.QueryCoverage >= 0.8 && e.Verbatim >= 0.8:
		d.Verdict = Copy
		d.Confidence = margin(e.Verbatim, 0.8, 0.2)
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query aligned, %.0f%% of it verbatim or nearly", 100*e.QueryCoverage, 100*e.Verbatim))
	case e.Support >= 0.3 || (e.QueryCoverage >= 0.4 && e.RareFactsKept >= 2):
		d.Verdict = Rewrite
		d.Confidence = margin(e.Support, 0.3, 0.3)
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query aligned to the source (support %.2f)", 100*e.QueryCoverage, e.Support))
	case e.QueryCoverage >= 0.15 && (e.Verbatim >= 0.5 || e.Support >= 0.12):
		d.Verdict = Partial
		d.Confidence = margin(e.QueryCoverage, 0.15, 0.3)
		d.Reasons = append(d.Reasons, fmt.Sprintf("only %.0f%% of the query aligned to the source", 100*e.QueryCoverage))
	case e.FactsKept >= 2 || e.QueryCoverage >= 0.05:
		d.Verdict = SameEvent
		d.Confidence = margin(float64(e.FactsKept)+10*e.QueryCoverage, 2, 4)
		d.Reasons = append(d.Reasons, "shares facts or topic but little of the wording")
	default:
		d.Verdict = Unrelated
		d.Confidence = margin(0.05-e.QueryCoverage, 0, 0.05)
		d.Reasons = append(d.Reasons, "no passage of the query corresponds to the source")
	}
	if e.RareFactsKept > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d exact figures kept", e.RareFactsKept))
	}
	if e.FactsAltered > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d facts altered", e.FactsAltered))
	}
	return d
}

// margin maps how far x lies past threshold t (on a scale of width w) to a
// score in [0.5, 1].
func margin(x, t, w float64) float64 {
	m := 0.5 + 0.5*math.Min(1, math.Max(0, (x-t)/w))
	return math.Round(m*100) / 100
}
