// Package audit says what a query did with its source's facts — kept,
// altered, dropped, added — and decides the verdict: copy, rewrite, partial
// reuse, same event or unrelated.
package audit

import (
	"sort"
	"strings"

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
	// Attribution says, for a quotation, whether the query keeps its
	// speaker: "kept", "lost" or "changed"; empty when the source names
	// no speaker.
	Attribution string `json:"attribution,omitempty"`
}

// Diff compares the facts of query q and source s. Facts are matched by value
// first, anywhere in the texts (a rewrite moves figures around); a query fact
// without an equal in the source but inside an aligned passage whose source
// side holds an unmatched fact of the same kind is an alteration of it.
func Diff(q, s *analyze.Profile, al *align.Alignment) []FactChange {
	stems := analyze.NewStems()
	return DiffTokens(NewTokens(q, stems), NewTokens(s, stems), al)
}

// DiffTokens is Diff of the profiles whose token caches q and s are, for a
// caller that audits the same profiles more than once.
func DiffTokens(q, s *Tokens, al *align.Alignment) []FactChange {
	return diffFacts(q, s, q.p.Facts, s.p.Facts, al)
}

// diffFacts is Diff over explicit fact lists, so that Audit can diff facts
// resolved against publication dates (facts.ExtractAt) the same way.
func diffFacts(qc, sc *Tokens, qFacts, sFacts []facts.Fact, al *align.Alignment) []FactChange {
	// The facts' neighbourhoods are gathered once, when first needed:
	// sameSubject looks at the source's for every query fact. Their tokens
	// come from the token caches the rest of the audit reads, since
	// tokenising (stemming) is the costly part of a diff.
	sCache := make([]map[string]string, len(sFacts))
	sNeighbours := func(k int) map[string]string {
		if sCache[k] == nil {
			sCache[k] = neighbours(sc, sFacts[k])
		}
		return sCache[k]
	}
	qCache := make([]map[string]string, len(qFacts))
	qNeighbours := func(i int) map[string]string {
		if qCache[i] == nil {
			qCache[i] = neighbours(qc, qFacts[i])
		}
		return qCache[i]
	}
	// context counts the neighbouring terms query fact i and source fact
	// j share: how surely they count or date the same thing.
	context := func(i, j int) int {
		n := 0
		sn := sNeighbours(j)
		for t := range qNeighbours(i) {
			if sn[t] != "" {
				n++
			}
		}
		return n
	}
	var out []FactChange
	usedS := make([]bool, len(sFacts))
	matchedQ := make([]bool, len(qFacts))
	// betterElsewhere reports whether source fact j, equal to query fact
	// i, belongs to another mention: another unmatched query fact of the
	// same value whose words match j's better ("create 30 jobs and secure
	// 60 more" → "create 60 jobs and secure 60 more": the source's 60 is
	// the second one's), or, when j lies outside the passages aligned
	// with i, an unused source fact of another value facing i there whose
	// words match i's better (a rewrite's "lower for 75-year-olds" against
	// its passage's "65-year-olds", while "75" appears elsewhere in the
	// source about something else). Pairing by value alone would call the
	// changed mention kept and leave the change unseen.
	betterElsewhere := func(i, j int, rel facts.Relation) bool {
		own, rival := context(i, j), -1
		for i2, qf2 := range qFacts {
			if i2 != i && !matchedQ[i2] && qf2.Kind == qFacts[i].Kind && match(qf2, sFacts[j]) == rel {
				rival = max(rival, context(i2, j))
			}
		}
		if rival > own {
			return true
		}
		k := facingFact(qFacts[i], sFacts, usedS, al, nil, func(k int) int { return context(i, k) })
		if k < 0 {
			return false
		}
		// On a tie, a date stated as precisely as the one facing it in
		// its own passage is that one changed, not one copied from
		// elsewhere in the source: "is expected to last until Sunday" →
		// "to take until Monday", in an article that names a Monday
		// about something else.
		outside := !inPairs(qFacts[i], sFacts[j], al)
		facing := outside && qFacts[i].Kind == facts.Date && qFacts[i].Precision == sFacts[k].Precision
		if c := context(i, k); c < own || c == own && !facing {
			return false
		}
		// i fits k better than j: it gives j up to a rival that fits j as
		// well, or when j is not in i's passage at all.
		return rival == own || outside
	}

	// 1. In a near-copied sentence, a value facing a different one of the
	// same kind is altered, even when the new value occurs elsewhere in
	// the source ("on Wednesday" → "on Thursday" in a story that mentions
	// Thursday too). Same values are paired first, so that a sentence with
	// two figures, one changed, keeps the other.
	nearCopy := nearCopies(al)
	// keep pairs equal values, then compatible ones (a date given with
	// more or less precision, kept with a note), looking first in scope's
	// pairs; with inside set, only values that face each other in a pair.
	keep := func(scope *align.Alignment, inside bool) {
		for _, rel := range []facts.Relation{facts.Same, facts.Compatible} {
			for i, qf := range qFacts {
				if matchedQ[i] {
					continue
				}
				j := findFact(qf, sFacts, usedS, rel, scope)
				if j < 0 || (inside && !inPairs(qf, sFacts[j], scope)) || betterElsewhere(i, j, rel) {
					continue
				}
				usedS[j], matchedQ[i] = true, true
				c := FactChange{Change: Kept, Kind: qf.Kind, Query: &qFacts[i], Source: &sFacts[j]}
				if rel == facts.Compatible {
					c.Note = precisionNote(qf, sFacts[j])
				}
				out = append(out, c)
			}
		}
	}
	// alter pairs an unmatched query fact with an unmatched source fact of
	// the same kind facing it in one of scope's pairs.
	// A fact that shares a neighbouring word with the one it faces is
	// paired first, whatever comes first in reading order: "after two
	// surgeries in 25 months" against "has twice undergone surgery during
	// 15 months out" pairs 25 with 15, not "two".
	// A value the source states right beside the pair is kept, not
	// altered (statedBeside).
	alter := func(scope *align.Alignment, only func(facts.Fact) bool) {
		for _, least := range []int{1, 0} {
			for i, qf := range qFacts {
				if matchedQ[i] || only != nil && !only(qf) {
					continue
				}
				beside := func(p align.Pair) bool { return statedBeside(qf, p, sc.p, sFacts, usedS) }
				if j := facingFact(qf, sFacts, usedS, scope, beside, func(j int) int { return context(i, j) }); j >= 0 && context(i, j) >= least {
					usedS[j], matchedQ[i] = true, true
					out = append(out, FactChange{Change: Altered, Kind: qf.Kind, Query: &qFacts[i], Source: &sFacts[j]})
				}
			}
		}
	}
	keep(nearCopy, true)
	alter(nearCopy, nil)
	// 2. Same value anywhere: kept (compatible with a note). 3. Inside any
	// aligned passage, an unmatched query fact facing an unmatched source
	// fact of the same kind: altered.
	keep(al, false)
	alter(al, nil)
	// 3b. A figure is one of the terms the aligner matches on, so the
	// edit to be found loosens the very pair it sits in: "Rossi, 37, added
	// …" faces "Rossi, aged 38, mentioned …" at a similarity under the
	// aligner's threshold, and a query sentence paired with two source
	// sentences keeps only the one whose figure it still shares. Each
	// query sentence with a fact left unmatched is faced with the source
	// sentences that share most of its other terms (looseScope).
	alter(looseScope(qc.p, sc, qFacts, matchedQ), writtenInDigits)
	// 3c. A figure in a unit (a currency, a per cent) that is the only
	// one of its unit left unmatched on each side is the other changed:
	// "won £60,000 after a judge ruled …" → "awarded Mr Mosley £60,400 in
	// damages", two sentences that share no other word. Likewise the
	// only date of a precision: "After my 2013 win" → "A couple of years
	// after 2011".
	soleInUnit(qFacts, sFacts, matchedQ, usedS, func(i, j int) {
		out = append(out, FactChange{Change: Altered, Kind: qFacts[i].Kind, Query: &qFacts[i], Source: &sFacts[j],
			Note: soleNote(qFacts[i])})
	})
	// 4. Anywhere, an unmatched query fact and an unmatched source fact
	// that count or date the same thing — they share a word next to them:
	// "over 200 witnesses" → "over 205 witnesses" — are one fact altered,
	// even where the rewrite moved it out of the aligned passage.
	for i, qf := range qFacts {
		if matchedQ[i] {
			continue
		}
		if j, word := sameSubject(qf, qNeighbours(i), sFacts, usedS, sNeighbours); j >= 0 {
			usedS[j], matchedQ[i] = true, true
			out = append(out, FactChange{Change: Altered, Kind: qf.Kind, Query: &qFacts[i], Source: &sFacts[j],
				Note: "the same “" + word + "” with another value"})
			continue
		}
		out = append(out, FactChange{Change: Added, Kind: qf.Kind, Query: &qFacts[i]})
	}
	for j := range sFacts {
		if !usedS[j] {
			out = append(out, FactChange{Change: Dropped, Kind: sFacts[j].Kind, Source: &sFacts[j]})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return changeOrder(out[a]) < changeOrder(out[b]) })
	return out
}

// soleInUnit pairs, for each unit, the one unmatched query fact in it
// with the one value left unused in the source in it, when each side has
// exactly one and they differ, and calls pair for each such pair. A
// quantity's unit is its currency or measure; a date's is its precision
// ("2014" is a year, "February 2018" a month of a year), so that "my 2012
// win" faces "a couple of years after 2011" when no other year is left.
// The source may state its value more than once ("by 2020" three times).
func soleInUnit(qFacts, sFacts []facts.Fact, matched, used []bool, pair func(i, j int)) {
	type count struct {
		q, qi, sj int
		values    map[string]bool
	}
	units := map[string]*count{}
	at := func(u string) *count {
		if units[u] == nil {
			units[u] = &count{values: map[string]bool{}}
		}
		return units[u]
	}
	for i, f := range qFacts {
		if u := unitOf(f); !matched[i] && u != "" {
			c := at(u)
			c.q, c.qi = c.q+1, i
		}
	}
	for j := len(sFacts) - 1; j >= 0; j-- {
		if u := unitOf(sFacts[j]); !used[j] && u != "" {
			c := at(u)
			c.values[sFacts[j].Key()], c.sj = true, j
		}
	}
	// In reading order of the query, each unit's only fact once.
	for i, f := range qFacts {
		c := units[unitOf(f)]
		if c == nil || c.qi != i || c.q != 1 || len(c.values) != 1 || matched[i] || match(f, sFacts[c.sj]) != facts.Different {
			continue
		}
		matched[i], used[c.sj] = true, true
		pair(i, c.sj)
	}
}

// unitOf names what soleInUnit groups a fact by, or "" when it groups it
// not at all: a bare count ("three") or an entity has no unit to go by.
func unitOf(f facts.Fact) string {
	switch {
	case f.Kind == facts.Quantity && f.Unit != "":
		return "q " + f.Unit
	case f.Kind == facts.Date && f.Precision == facts.PrecisionMonth && strings.HasPrefix(f.Date, "--"):
		// A month named alone is too loose a unit: "the January transfer
		// window" against "signings confirmed in May, June …".
		return ""
	case f.Kind == facts.Date && strings.HasPrefix(f.Date, "--"):
		return "d " + f.Precision + " of no year"
	case f.Kind == facts.Date:
		return "d " + f.Precision
	}
	return ""
}

// minLooseSimilarity is the least Dice similarity, over terms other than
// figures, at which looseScope faces a query sentence with a source
// sentence.
const minLooseSimilarity = 0.2

// looseScope pairs each query sentence that holds an unmatched query fact
// with the source sentences sharing most of its terms, figures left out,
// up to looseSentences of those that share at least minLooseSimilarity of
// them.
func looseScope(q *analyze.Profile, sc *Tokens, qFacts []facts.Fact, matched []bool) *align.Alignment {
	out := &align.Alignment{}
	for _, sent := range q.Sentences {
		open := false
		for i, f := range qFacts {
			if !matched[i] && f.Start >= sent.Start && f.End <= sent.End {
				open = true
				break
			}
		}
		if !open {
			continue
		}
		for _, j := range looseMatches(sent, sc) {
			out.Pairs = append(out.Pairs, align.Pair{Query: sent.Span, Source: sc.p.Sentences[j].Span})
		}
	}
	return out
}

// looseSentences is how many source sentences looseScope faces a query
// sentence with: a rewrite glues two or three source sentences into one,
// and the figure it changed may be in the one that shares fewer words.
const looseSentences = 3

// writtenInDigits reports whether a fact is a date or a quantity written
// with a digit: "2014", "£60,400", "aged 38". Small counts written in
// words ("two", "Four") are too common in loosely related sentences to be
// paired there (the unedited GPT-3-Turbo and Llama-3-70B rewrites had
// "two" / "four" and "Four" / "22" called altered).
func writtenInDigits(f facts.Fact) bool {
	return f.Kind != facts.Quantity || strings.ContainsAny(f.Text, "0123456789")
}

// wordTerms returns the set of terms that are not figures.
func wordTerms(terms []string) map[string]bool {
	out := make(map[string]bool, len(terms))
	for _, t := range terms {
		if t != "" && (t[0] < '0' || t[0] > '9') {
			out[t] = true
		}
	}
	return out
}

// A fact's subject is in the terms just after it ("205 witnesses", "on
// Tuesday following arguments") or the one just before ("spent $1.4m"):
// neighboursAfter and neighboursBefore terms. A wider window lets verbs
// in ("appeared") pair unrelated figures.
const (
	neighboursAfter  = 2
	neighboursBefore = 1
)

// sameSubject finds the unused source fact of qf's kind and unit, with a
// different value, that shares most neighbouring terms with qf; it returns
// -1 when none shares any. It returns the shared term as written in the
// query.
func sameSubject(qf facts.Fact, qn map[string]string, sf []facts.Fact, used []bool, sNeighbours func(j int) map[string]string) (int, string) {
	best, bestShared, word := -1, 0, ""
	for j, f := range sf {
		if used[j] || f.Kind != qf.Kind || (f.Kind == facts.Quantity && !facts.SameUnit(f.Unit, qf.Unit)) || match(qf, f) != facts.Different {
			continue
		}
		shared, w := 0, ""
		for t := range sNeighbours(j) {
			if q := neighbourOf(qn, t); q != "" {
				shared, w = shared+1, q
			}
		}
		if shared > bestShared {
			best, bestShared, word = j, shared, w
		}
	}
	return best, word
}

// neighbourOf returns the query's spelling of source term t among the
// query fact's neighbours qn: t itself, or a term one of whose stems
// begins the other, five letters at least ("23 injuries" and "injured 23
// people": the stemmer leaves "injuri" and "injur").
func neighbourOf(qn map[string]string, t string) string {
	if w := qn[t]; w != "" {
		return w
	}
	for q, w := range qn {
		short, long := q, t
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= 5 && strings.HasPrefix(long, short) {
			return w
		}
	}
	return ""
}

// neighbours returns the content terms (not numbers) just before and after
// f, each with its first spelling, within 80 bytes and f's sentence: a
// sentence end or a line break stops the search. c holds the tokens of
// f's text.
func neighbours(c *Tokens, f facts.Fact) map[string]string {
	text := c.p.Text
	lo, hi := max(0, f.Start-80), min(len(text), f.End+80)
	out := map[string]string{}
	add := func(t analyze.Token) {
		if _, ok := out[t.Term]; !ok {
			out[t.Term] = text[t.Start:t.End]
		}
	}
	before, after := c.within(lo, f.Start), c.within(f.End, hi)
	n := 0
	// Another figure ends the search: in "two surgeries in 25 months" the
	// months are 25's, not two's.
	for i := len(before) - 1; i >= 0 && n < neighboursBefore; i-- {
		t := before[i]
		if strings.ContainsAny(text[t.End:f.Start], ".!?\n") || t.Number {
			break
		}
		if t.Term != "" {
			add(t)
			n++
		}
	}
	n = 0
	for _, t := range after {
		if n == neighboursAfter || strings.ContainsAny(text[f.End:t.Start], ".!?\n") || t.Number {
			break
		}
		if t.Term != "" {
			add(t)
			n++
		}
	}
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

// findFact finds an unused source fact in relation rel to qf, looking first
// in the source passage aligned with qf's sentence, then anywhere: a figure
// repeated in the source belongs to the mention in the passage the query
// sentence was made from.
func findFact(qf facts.Fact, sf []facts.Fact, used []bool, rel facts.Relation, al *align.Alignment) int {
	if al != nil {
		for _, p := range al.Pairs {
			if qf.Start < p.Query.Start || qf.End > p.Query.End {
				continue
			}
			for j, f := range sf {
				if !used[j] && f.Kind == qf.Kind && f.Start >= p.Source.Start && f.End <= p.Source.End && match(qf, f) == rel {
					return j
				}
			}
		}
	}
	for j, f := range sf {
		if !used[j] && f.Kind == qf.Kind && match(qf, f) == rel {
			return j
		}
	}
	return -1
}

// facingFact finds an unused source fact of the same kind (and, for
// quantities, the same unit) with another value in the source span
// aligned with the query sentence holding qf: of several, the one whose
// neighbouring words context says match qf's best, the first on a tie.
// Pairs that skip, unless nil, reports are passed over.
func facingFact(qf facts.Fact, sf []facts.Fact, used []bool, al *align.Alignment, skip func(align.Pair) bool, context func(j int) int) int {
	if al == nil {
		return -1
	}
	best, bestShared := -1, -1
	for _, p := range al.Pairs {
		if qf.Start < p.Query.Start || qf.End > p.Query.End || skip != nil && skip(p) {
			continue
		}
		for j, f := range sf {
			if used[j] || f.Kind != qf.Kind || f.Start < p.Source.Start || f.End > p.Source.End {
				continue
			}
			if f.Kind == facts.Quantity && !facts.SameUnit(f.Unit, qf.Unit) {
				continue
			}
			if match(qf, f) != facts.Different {
				continue
			}
			if shared := context(j); shared > bestShared {
				best, bestShared = j, shared
			}
		}
	}
	return best
}

// statedBeside reports whether an unused source fact of query fact qf's
// value stands in the source sentence right before or right after pair
// p's source side. An alignment may stop a sentence short: "… Trump's
// Rasmussen approval rating is at 47%" aligns with a passage listing
// "President Trump – 45%President Obama – 44%…", and the source's 47%
// comes in the next sentence (LLMFake's faithful paraphrase of
// politifact15501). That is the value kept, not 45% changed.
func statedBeside(qf facts.Fact, p align.Pair, s *analyze.Profile, sFacts []facts.Fact, usedS []bool) bool {
	if qf.Kind != facts.Quantity || qf.Unit == "" {
		// A bare number or a date recurs beside a passage by chance: a
		// score of "10-2" for "10-0" next to a sentence holding a 2.
		return false
	}
	for _, k := range []int{p.SourceFirst - 1, p.SourceLast + 1} {
		if k < 0 || k >= len(s.Sentences) {
			continue
		}
		span := s.Sentences[k].Span
		for j, sf := range sFacts {
			if !usedS[j] && sf.Kind == qf.Kind && within(sf.Start, sf.End, span) && match(qf, sf) == facts.Same {
				return true
			}
		}
	}
	return false
}

// nearCopyPairs is the least similarity of a near-copied sentence pair.
const nearCopyPairs = 0.8

// nearCopies returns the alignment restricted to near-copied pairs.
func nearCopies(al *align.Alignment) *align.Alignment {
	out := &align.Alignment{}
	if al == nil {
		return out
	}
	for _, p := range al.Pairs {
		if p.Similarity >= nearCopyPairs {
			out.Pairs = append(out.Pairs, p)
		}
	}
	return out
}

// inPairs reports whether qf and sf face each other in one pair of al.
func inPairs(qf, sf facts.Fact, al *align.Alignment) bool {
	for _, p := range al.Pairs {
		if qf.Start >= p.Query.Start && qf.End <= p.Query.End && sf.Start >= p.Source.Start && sf.End <= p.Source.End {
			return true
		}
	}
	return false
}

// match is facts.Match, comparing dates by their resolved values when both
// were resolved against a publication date (facts.ExtractAt): "Tuesday" in
// an article of 1 November 2023 and "Oct 31" in one of 2 November are one
// day. With one side resolved only, the stated dates are compared, so that
// a date is never called more precise for what the other article's date
// added.
func match(a, b facts.Fact) facts.Relation {
	if a.Kind == facts.Date && a.Resolved != "" && b.Resolved != "" {
		a.Date, b.Date = a.Resolved, b.Resolved
	}
	return facts.Match(a, b)
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

// soleNote says why soleInUnit paired a query fact.
func soleNote(f facts.Fact) string {
	if f.Kind == facts.Date {
		return "the only date given to the " + f.Precision + " left unmatched on either side"
	}
	return "the only figure in " + f.Unit + " left unmatched on either side"
}
