package audit

import (
	"time"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// Further kinds of change, beyond the four of a value diff.
const (
	// Generalised: a named entity replaced by a generic phrase
	// ("Pakistan" → "the country").
	Generalised Change = "generalised"
	// Specialised: a generic phrase replaced by a name.
	Specialised Change = "specialised"
	// Paraphrased: a direct quotation turned into the writer's own words.
	Paraphrased Change = "paraphrased"
	// Reworded: a quotation kept as a quotation, but with other words.
	Reworded Change = "reworded"
)

// Negation is the kind of an altered polarity: an aligned sentence pair of
// which one side is negated and the other not.
const Negation facts.Kind = "negation"

// Attribution of a quotation in the query, compared with its source.
const (
	AttributionKept    = "kept"
	AttributionLost    = "lost"    // the source names a speaker; the query names none
	AttributionChanged = "changed" // the query names someone else
)

// Options give Audit what the profiles do not hold.
type Options struct {
	// QueryPublished and SourcePublished are the articles' publication
	// dates, zero when unknown. With both, weekdays and relative dates are
	// resolved before they are compared ("Tuesday" vs "Oct 31").
	QueryPublished, SourcePublished time.Time
	// QueryTokens and SourceTokens, when set, are the token caches of the
	// query's and the source's profiles, shared with other calls on them
	// (DiffTokens, other sources' audits).
	QueryTokens, SourceTokens *Tokens
}

// Result is the full audit of a query against its source.
type Result struct {
	// Facts is the value diff of quantities, dates and times (as Diff).
	// Reports carry it as Source.Facts, so it is not repeated in JSON.
	Facts []FactChange `json:"-"`
	// Entities is the diff of named people, organisations and places, one
	// line per distinct name: kept, altered (another name in the same
	// place), generalised, specialised, dropped, added.
	Entities []FactChange `json:"entities"`
	// Quotes follows each quotation of the source: kept verbatim,
	// reworded, paraphrased, dropped; and quotations the query adds.
	Quotes []FactChange `json:"quotes"`
	// Negations lists aligned sentences whose polarity differs.
	Negations []FactChange `json:"negations"`
	// Unsupported lists query sentences with no support in the source.
	Unsupported []Claim `json:"unsupported"`
	// Arithmetic lists the relations among each text's figures.
	Arithmetic []Relation `json:"arithmetic"`
}

// Claim is a query sentence the source does not support, and why.
type Claim struct {
	Query  analyze.Span `json:"query"`
	Text   string       `json:"text"`
	Reason string       `json:"reason"`
	// Facts are the query's facts in the sentence that the source does not
	// state, when that is the reason.
	Facts []facts.Fact `json:"facts,omitempty"`
}

// Audit compares query q with source s given their alignment: the value
// diff, entities, quotations, polarity, unsupported sentences and the
// arithmetic of the figures.
func Audit(q, s *analyze.Profile, al *align.Alignment, opt Options) *Result {
	if al == nil {
		al = &align.Alignment{}
	}
	qFacts, sFacts := q.Facts, s.Facts
	if !opt.QueryPublished.IsZero() || !opt.SourcePublished.IsZero() {
		qFacts = facts.ExtractAt(q.Text, opt.QueryPublished)
		sFacts = facts.ExtractAt(s.Text, opt.SourcePublished)
	}
	var stems *analyze.Stems // shared by the caches made here, if any
	if !opt.QueryTokens.holds(q) || !opt.SourceTokens.holds(s) {
		stems = analyze.NewStems()
	}
	qc, sc := opt.QueryTokens.of(q, stems), opt.SourceTokens.of(s, stems)
	r := &Result{Facts: diffFacts(qc, sc, qFacts, sFacts, al)}
	qEnt, sEnt := facts.Entities(q.Text), facts.Entities(s.Text)
	r.Entities = diffEntities(q, s, qEnt, sEnt, al, sc)
	qQuotes, sQuotes := facts.Quotes(q.Text), facts.Quotes(s.Text)
	r.Quotes = diffQuotes(q, s, qQuotes, sQuotes, al)
	r.Negations = negations(q, s, al, qc, sc)
	r.Unsupported = unsupported(q, s, al, r)
	r.Arithmetic = arithmetic(r.Facts)
	return r
}

// Flagged reports whether the audit found a change a reader must check: an
// altered value, name or polarity, or a claim without support.
func (r *Result) Flagged() bool {
	return r.AlteredCount() > 0 || len(r.Unsupported) > 0
}

// AlteredCount counts altered figures, dates, names and polarities, and
// relations among the source's figures that the query broke.
func (r *Result) AlteredCount() int {
	n := len(r.Negations)
	for _, list := range [][]FactChange{r.Facts, r.Entities} {
		for _, c := range list {
			if c.Change == Altered {
				n++
			}
		}
	}
	for _, rel := range r.Arithmetic {
		if rel.InQuery == RelationBroken {
			n++
		}
	}
	return n
}

// Counts tallies every list of the audit by change.
func (r *Result) Counts() map[Change]int {
	n := map[Change]int{}
	for _, list := range [][]FactChange{r.Facts, r.Entities, r.Quotes, r.Negations} {
		for _, c := range list {
			n[c.Change]++
		}
	}
	return n
}

// sentenceAt returns the index of the sentence of p holding byte offset
// off, or -1.
func sentenceAt(p *analyze.Profile, off int) int {
	for i, s := range p.Sentences {
		if off >= s.Start && off < s.End {
			return i
		}
	}
	return -1
}

// pairsOfQuery returns the alignment pairs of query sentence i.
func pairsOfQuery(al *align.Alignment, i int) []align.Pair {
	var out []align.Pair
	for _, p := range al.Pairs {
		if p.QuerySentence == i {
			out = append(out, p)
		}
	}
	return out
}

// pairsOfSource returns the alignment pairs whose source side holds source
// sentence j.
func pairsOfSource(al *align.Alignment, j int) []align.Pair {
	var out []align.Pair
	for _, p := range al.Pairs {
		if j >= p.SourceFirst && j <= p.SourceLast {
			out = append(out, p)
		}
	}
	return out
}

// within reports whether [start, end) lies inside span sp.
func within(start, end int, sp analyze.Span) bool {
	return start >= sp.Start && end <= sp.End
}
