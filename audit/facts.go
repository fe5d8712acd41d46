// Package audit says what a query did with its source's facts — kept,
// altered, dropped, added — and decides the verdict: copy, rewrite, partial
// reuse, same event or unrelated.
package audit

import (
	"sort"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// Change is what happened to one fact.
type Change string

// The kinds of change.
const (
	Kept    Change = "kept"    // the query states the source's value
	Altered Change = "altered" // the corresponding passage states another value
	Dropped Change = "dropped" // the source's fact is not in the query
	Added   Change = "added"   // the query's fact is not in the source
)

// FactChange is one line of the fact diff. Query or Source is nil where the
// fact exists on one side only.
type FactChange struct {
	Change Change      `json:"change"`
	Kind   facts.Kind  `json:"kind"`
	Query  *facts.Fact `json:"query,omitempty"`
	Source *facts.Fact `json:"source,omitempty"`
	Note   string      `json:"note,omitempty"`
}

// Diff compares the facts of query q and source s. Facts are matched by value
// first, anywhere in the texts (a rewrite moves figures around); a query fact
// without an equal in the source but inside an aligned passage whose source
// side holds an unmatched fact of the same kind is an alteration of it.
func Diff(q, s *analyze.Profile, al *align.Alignment) []FactChange {
	var out []FactChange
	usedS := make([]bool, len(s.Facts))
	matchedQ := make([]bool, len(q.Facts))

	// 1. Same value: kept. Then compatible values (a date given with more or
	// less precision): kept with a note.
	for _, rel := range []facts.Relation{facts.Same, facts.Compatible} {
		for i, qf := range q.Facts {
			if matchedQ[i] {
				continue
			}
			if j := findFact(qf, s.Facts, usedS, rel); j >= 0 {
				usedS[j], matchedQ[i] = true, true
				c := FactChange{Change: Kept, Kind: qf.Kind, Query: &q.Facts[i], Source: &s.Facts[j]}
				if rel == facts.Compatible {
					c.Note = precisionNote(qf, s.Facts[j])
				}
				out = append(out, c)
			}
		}
	}
	// 2. Inside an aligned passage, an unmatched query fact facing an
	// unmatched source fact of the same kind: altered.
	for i, qf := range q.Facts {
		if matchedQ[i] {
			continue
		}
		if j := facingFact(qf, s.Facts, usedS, al); j >= 0 {
			usedS[j], matchedQ[i] = true, true
			out = append(out, FactChange{Change: Altered, Kind: qf.Kind, Query: &q.Facts[i], Source: &s.Facts[j]})
			continue
		}
		out = append(out, FactChange{Change: Added, Kind: qf.Kind, Query: &q.Facts[i]})
	}
	for j := range s.Facts {
		if !usedS[j] {
			out = append(out, FactChange{Change: Dropped, Kind: s.Facts[j].Kind, Source: &s.Facts[j]})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return changeOrder(out[a]) < changeOrder(out[b]) })
	return out
}

// changeOrder sorts the diff in reading order of the query, dropped source
// facts last in reading order of the source.
func changeOrder(c FactChange) int {
	if c.Query != nil {
		return c.Query.Start
	}
	return 1<<30 + c.Source.Start
}

func findFact(qf facts.Fact, sf []facts.Fact, used []bool, rel facts.Relation) int {
	for j, f := range sf {
		if !used[j] && f.Kind == qf.Kind && facts.Match(qf, f) == rel {
			return j
		}
	}
	return -1
}

// facingFact finds an unused source fact of the same kind (and, for
// quantities, the same unit) in the source span aligned with the query
// sentence holding qf.
func facingFact(qf facts.Fact, sf []facts.Fact, used []bool, al *align.Alignment) int {
	if al == nil {
		return -1
	}
	for _, p := range al.Pairs {
		if qf.Start < p.Query.Start || qf.End > p.Query.End {
			continue
		}
		for j, f := range sf {
			if used[j] || f.Kind != qf.Kind || f.Start < p.Source.Start || f.End > p.Source.End {
				continue
			}
			if f.Kind == facts.Quantity && f.Unit != qf.Unit {
				continue
			}
			if facts.Match(qf, f) == facts.Different {
				return j
			}
		}
	}
	return -1
}

func precisionNote(q, s facts.Fact) string {
	switch {
	case q.Kind == facts.Date && len(q.Date) > len(s.Date):
		return "the query states it more precisely than the source (" + q.Date + " for " + s.Date + ")"
	case q.Kind == facts.Date:
		return "the query states it less precisely than the source (" + q.Date + " for " + s.Date + ")"
	default:
		return "equal within the precision stated"
	}
}

// Count tallies a diff by change, for one kind of fact or for all when kind
// is empty.
func Count(diff []FactChange, kind facts.Kind) map[Change]int {
	n := map[Change]int{Kept: 0, Altered: 0, Dropped: 0, Added: 0}
	for _, c := range diff {
		if kind == "" || c.Kind == kind {
			n[c.Change]++
		}
	}
	return n
}
