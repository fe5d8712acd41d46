package audit

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/storytrace/storytrace/facts"
)

// Arithmetic among figures: a text that gives a total and its parts
// (271,985 + 159,161 + 110,064 = 541,210), a whole, a part and the rest
// (1.7 million − 541,210 ≈ 1.15 million, found as 541,210 + 1.15 million ≈
// 1.7 million), or a share (81 of 200 is 40.5%) states relations a
// rewrite must keep. Relations are found by search among each text's
// figures, allowing each figure the rounding its wording admits
// (facts.Fact.Bounds). A search finds coincidences too, so it is held in:
// figures stated as bounds ("more than 500,000") take no part, at most
// three terms are summed, and every relation needs one figure of three or
// more significant digits, which round numbers adding up by chance lack.

// Relation states of a source relation in the query.
const (
	RelationKept      = "kept"      // the query's figures keep it
	RelationBroken    = "broken"    // a figure was altered and the relation no longer holds
	RelationUnchecked = "unchecked" // a figure was dropped, so the query cannot be checked
	RelationQueryOnly = "query only"
)

// sumSlack is the relative slack a sum is allowed beyond the figures'
// bounds: 0.1% absorbs floating-point error, no more.
const sumSlack = 1e-3

// maxArithmeticFigures bounds the search, which is cubic in the number of
// distinct figures.
const maxArithmeticFigures = 40

// Relation is one arithmetic relation among the figures of a text.
type Relation struct {
	// Kind is "sum" (the last figure is the sum of the others) or "share"
	// (a part, a whole and the percentage).
	Kind string `json:"kind"`
	// Text shows it with the figures as written: "271,985 + 159,161 +
	// 110,064 = 541,210".
	Text string `json:"text"`
	// Source and Query are the figures on each side, in the order of Text;
	// Query is empty for a relation the source states that the query
	// cannot be checked on.
	Source []facts.Fact `json:"source,omitempty"`
	Query  []facts.Fact `json:"query,omitempty"`
	// InQuery says what the query did with a source relation: kept,
	// broken, unchecked; "query only" for a relation only the query states.
	InQuery string `json:"in_query"`
}

// relation is a relation found among figures: indexes into a fact list.
type relation struct {
	kind    string
	members []int // sum: terms then total; share: part, whole, percent
}

// arithmetic finds the relations of the source's figures, follows each
// into the query through the fact diff, and adds the query's own.
func arithmetic(diff []FactChange) []Relation {
	var sFacts, qFacts []facts.Fact
	toQuery := map[int]int{} // source index → query index, for kept and altered
	fromQuery := map[int]int{}
	for _, c := range diff {
		si, qi := -1, -1
		if c.Source != nil && c.Kind == facts.Quantity {
			si = len(sFacts)
			sFacts = append(sFacts, *c.Source)
		}
		if c.Query != nil && c.Kind == facts.Quantity {
			qi = len(qFacts)
			qFacts = append(qFacts, *c.Query)
		}
		if si >= 0 && qi >= 0 {
			toQuery[si], fromQuery[qi] = qi, si
		}
	}
	var out []Relation
	seen := map[string]bool{}
	for _, rel := range findRelations(sFacts) {
		r := Relation{Kind: rel.kind, Source: pick(sFacts, rel.members), Text: relationText(rel.kind, pick(sFacts, rel.members))}
		mapped := make([]int, 0, len(rel.members))
		for _, m := range rel.members {
			if qi, ok := toQuery[m]; ok {
				mapped = append(mapped, qi)
			}
		}
		switch {
		case len(mapped) < len(rel.members):
			r.InQuery = RelationUnchecked
		case holds(relation{rel.kind, mapped}, qFacts):
			r.InQuery, r.Query = RelationKept, pick(qFacts, mapped)
		default:
			r.InQuery, r.Query = RelationBroken, pick(qFacts, mapped)
		}
		seen[keyOf(mapped)] = len(mapped) == len(rel.members)
		out = append(out, r)
	}
	for _, rel := range findRelations(qFacts) {
		if seen[keyOf(rel.members)] {
			continue
		}
		out = append(out, Relation{Kind: rel.kind, Query: pick(qFacts, rel.members), Text: relationText(rel.kind, pick(qFacts, rel.members)), InQuery: RelationQueryOnly})
	}
	return out
}

// findRelations searches the figures for sums of two or three terms and
// for shares.
func findRelations(fs []facts.Fact) []relation {
	idx := candidates(fs)
	rare := make([]bool, len(fs))
	for i, f := range fs {
		rare[i] = f.Unit != "%" && rareFigure(f.Value)
	}
	plausible := func(r relation, fs []facts.Fact) bool { return plausible(r, fs, rare) }
	lo, hi := make([]float64, len(fs)), make([]float64, len(fs))
	for i, f := range fs {
		lo[i], hi[i] = f.Bounds()
	}
	var out []relation
	// Figures are positive, so a partial sum already above the total's
	// upper bound ends the search along that branch.
	for _, t := range idx {
		slack := sumSlack * fs[t].Value
		tlo, thi := lo[t]-slack, hi[t]+slack
		for a := 0; a < len(idx); a++ {
			for b := a + 1; b < len(idx); b++ {
				ia, ib := idx[a], idx[b]
				if ia == t || ib == t {
					continue
				}
				l2, h2 := lo[ia]+lo[ib], hi[ia]+hi[ib]
				if l2 > thi {
					continue
				}
				if r := (relation{"sum", []int{ia, ib, t}}); h2 >= tlo && plausible(r, fs) {
					out = append(out, r)
				}
				for c := b + 1; c < len(idx); c++ {
					ic := idx[c]
					if ic == t || l2+lo[ic] > thi || h2+hi[ic] < tlo {
						continue
					}
					if r := (relation{"sum", []int{ia, ib, ic, t}}); plausible(r, fs) {
						out = append(out, r)
					}
				}
			}
		}
	}
	for p, f := range fs {
		if f.Unit != "%" || f.Approx == facts.ApproxOver || f.Approx == facts.ApproxUnder {
			continue
		}
		for _, part := range idx {
			for _, whole := range idx {
				if r := (relation{"share", []int{part, whole, p}}); part != whole && plausible(r, fs) && holds(r, fs) {
					out = append(out, r)
				}
			}
		}
	}
	return dropImplied(out)
}

// candidates returns the indexes of figures that can take part: plain or
// "about" counts and amounts, not percentages, one per distinct value.
func candidates(fs []facts.Fact) []int {
	var out []int
	seen := map[float64]bool{}
	for i, f := range fs {
		if f.Unit == "%" || f.Unit == "pp" || f.Value <= 0 || seen[f.Value] {
			continue
		}
		if f.Approx != "" && f.Approx != facts.ApproxAbout {
			continue
		}
		seen[f.Value] = true
		out = append(out, i)
		if len(out) == maxArithmeticFigures {
			break
		}
	}
	return out
}

// plausible checks what makes a relation worth stating (rareFigures marks
// the figures specific enough): one unit, one
// figure specific enough not to add up by chance, and a total larger than
// each term.
func plausible(r relation, fs []facts.Fact, rareFigures []bool) bool {
	unit, rare := fs[r.members[0]].Unit, false
	for _, m := range r.members {
		f := fs[m]
		if f.Unit != "%" && f.Unit != unit {
			return false
		}
		rare = rare || rareFigures[m]
	}
	if r.kind == "share" {
		return rare && fs[r.members[0]].Value < fs[r.members[1]].Value
	}
	total := fs[r.members[len(r.members)-1]].Value
	for _, m := range r.members[:len(r.members)-1] {
		if fs[m].Value >= total {
			return false
		}
	}
	return rare
}

// holds checks a relation with interval arithmetic over each figure's
// bounds.
func holds(r relation, fs []facts.Fact) bool {
	if r.kind == "share" {
		plo, phi := fs[r.members[0]].Bounds()
		wlo, whi := fs[r.members[1]].Bounds()
		lo, hi := fs[r.members[2]].Bounds()
		if wlo <= 0 {
			return false
		}
		return 100*plo/whi <= hi && 100*phi/wlo >= lo
	}
	var lo, hi float64
	for _, m := range r.members[:len(r.members)-1] {
		l, h := fs[m].Bounds()
		lo, hi = lo+l, hi+h
	}
	tlo, thi := fs[r.members[len(r.members)-1]].Bounds()
	slack := sumSlack * math.Abs(fs[r.members[len(r.members)-1]].Value)
	return lo <= thi+slack && hi >= tlo-slack
}

// dropImplied keeps, of relations sharing a total, only those whose terms
// are not a superset of another's: if a + b = t holds, a + b + c = t holds
// only by the slack of rounding.
func dropImplied(rs []relation) []relation {
	sort.SliceStable(rs, func(i, j int) bool { return len(rs[i].members) < len(rs[j].members) })
	var out []relation
	for _, r := range rs {
		implied := false
		for _, o := range out {
			if o.kind == r.kind && subset(o.members, r.members) {
				implied = true
				break
			}
		}
		if !implied {
			out = append(out, r)
		}
	}
	return out
}

// subset reports whether every member of a is in b.
func subset(a, b []int) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			found = found || x == y
		}
		if !found {
			return false
		}
	}
	return true
}

func pick(fs []facts.Fact, idx []int) []facts.Fact {
	out := make([]facts.Fact, len(idx))
	for i, k := range idx {
		out[i] = fs[k]
	}
	return out
}

// keyOf names a set of figure indexes, whatever their order.
func keyOf(idx []int) string {
	s := append([]int(nil), idx...)
	sort.Ints(s)
	return fmt.Sprint(s)
}

// relationText writes a relation with its figures as written.
func relationText(kind string, fs []facts.Fact) string {
	names := make([]string, len(fs))
	exact := true
	for i, f := range fs {
		names[i] = strings.Join(strings.Fields(f.Text), " ")
		if f.Approx != "" {
			exact = false
		}
	}
	if kind == "share" {
		return names[0] + " of " + names[1] + " ≈ " + names[2]
	}
	sum := 0.0
	for _, f := range fs[:len(fs)-1] {
		sum += f.Value
	}
	eq := " = "
	if !exact || sum != fs[len(fs)-1].Value {
		eq = " ≈ "
	}
	return strings.Join(names[:len(names)-1], " + ") + eq + names[len(names)-1]
}
