// Package report holds the result of a trace or a comparison and renders it
// as text, JSON, Markdown or HTML. The JSON form is a versioned schema,
// documented in SCHEMA.md beside this file; Schema names the version a report
// follows. The other forms are for people and may change at any time.
//
// Every string a report carries from an article (titles, passages, facts,
// notes quoting them) is untrusted: each renderer escapes it for its medium —
// control and bidi characters shown as \uXXXX in all three, Markdown markup
// backslash-escaped, HTML through html/template's contextual escaping.
package report

import (
	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/facts"
	"github.com/storytrace/storytrace/origin"
)

// Schema is the JSON schema version of Report. Adding a field is compatible
// and keeps the version; renaming, removing or changing the meaning of one
// bumps it.
const Schema = "storytrace.report/v1"

// Report is the result for one query.
type Report struct {
	Schema string `json:"schema"`
	// Mode is "trace" (query against the archive) or "compare" (two
	// documents).
	Mode    string       `json:"mode"`
	Query   ArticleInfo  `json:"query"`
	Archive *ArchiveInfo `json:"archive,omitempty"`
	// Sources are the candidate sources, best first.
	Sources []Source `json:"sources"`
	// Origin orders the query and its derived sources from the story's
	// origin on (trace only; absent when no source is derived).
	Origin *origin.Chain `json:"origin,omitempty"`
}

// ArticleInfo describes an article.
type ArticleInfo struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Input     string `json:"input,omitempty"`
	Sentences int    `json:"sentences"`
	Terms     int    `json:"terms"`
}

// ArchiveInfo describes the archive searched.
type ArchiveInfo struct {
	Articles   int `json:"articles"`
	Candidates int `json:"candidates"` // how many were verified by alignment
}

// Source is one candidate source with the analysis of the query against it.
type Source struct {
	Rank    int         `json:"rank"`
	Article ArticleInfo `json:"article"`
	// Score is the verification score the candidates are ranked by (the
	// alignment's support); BM25 and Bands are the retrieval signals.
	Score    float64        `json:"score"`
	BM25     float64        `json:"bm25"`
	Bands    int            `json:"lsh_bands"`
	Decision audit.Decision `json:"decision"`
	// Reverse is the verdict asked the other way round, whether this
	// article was made from the query, when the decision above is not
	// derived and this one is: a later copy, cut or rewrite of the query,
	// what a newsroom tracing its own story looks for. Its evidence reads
	// with the two swapped ("query" is this article).
	Reverse  *audit.Decision    `json:"reverse,omitempty"`
	Passages []Passage          `json:"passages"`
	Facts    []audit.FactChange `json:"facts"`
	// FactCounts tallies Facts by change.
	FactCounts map[audit.Change]int `json:"fact_counts"`
	// Audit holds the rest of the audit: names, quotations, polarity,
	// unsupported sentences and arithmetic. Its value diff is Facts.
	Audit *audit.Result `json:"audit,omitempty"`
}

// Passage is an aligned passage with its text on both sides.
type Passage struct {
	Kind       align.Kind `json:"kind"`
	Similarity float64    `json:"similarity"`
	Query      Text       `json:"query"`
	Source     Text       `json:"source"`
}

// Text is a byte range of an article's text and the text in it.
type Text struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// KeptFigures returns the quantities the query kept from source i.
func (r *Report) KeptFigures(i int) []facts.Fact {
	var out []facts.Fact
	for _, c := range r.Sources[i].Facts {
		if c.Change == audit.Kept && c.Kind == facts.Quantity {
			out = append(out, *c.Query)
		}
	}
	return out
}
