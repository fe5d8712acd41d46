// Package trace composes the pipeline: a query article is analysed, the
// index proposes candidates, each candidate is aligned with the query and
// audited, and the candidates are re-ranked by how much of the query their
// alignment supports. It is the one place where the stages meet, so each
// stage stays ignorant of the others.
package trace

import (
	"context"
	"fmt"
	"sort"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/report"
)

// Options tune a trace. The zero value uses the defaults.
type Options struct {
	// Top is how many sources the report lists (default 3).
	Top int
	// Candidates is how many BM25 candidates are verified by alignment
	// (default 20); LSH candidates are always verified too.
	Candidates int
}

// Trace finds the sources of query q in ix.
func Trace(ctx context.Context, ix *index.Index, q extract.Article, opt Options) (*report.Report, error) {
	if opt.Top <= 0 {
		opt.Top = 3
	}
	qp := analyze.Analyze(q)
	cands, err := ix.Candidates(ctx, qp, index.Options{K: opt.Candidates})
	if err != nil {
		return nil, fmt.Errorf("trace %s: %w", q.ID, err)
	}
	meta, err := ix.Meta(ctx)
	if err != nil {
		return nil, fmt.Errorf("trace %s: %w", q.ID, err)
	}
	r := &report.Report{
		Schema:  report.Schema,
		Mode:    "trace",
		Query:   info(q, qp),
		Archive: &report.ArchiveInfo{Articles: meta.Docs, Candidates: len(cands)},
	}
	for _, c := range cands {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		doc, err := ix.Load(ctx, c.Doc)
		if err != nil {
			return nil, fmt.Errorf("trace %s: %w", q.ID, err)
		}
		src := Source(q, qp, doc.Article, doc.Profile)
		src.BM25 = round(c.BM25)
		src.Bands = c.Bands
		r.Sources = append(r.Sources, src)
	}
	rank(r.Sources)
	if len(r.Sources) > opt.Top {
		r.Sources = r.Sources[:opt.Top]
	}
	return r, nil
}

// Compare analyses query q against one source s, without an archive.
func Compare(q, s extract.Article) *report.Report {
	qp, sp := analyze.Analyze(q), analyze.Analyze(s)
	src := Source(q, qp, s, sp)
	src.Rank = 1
	return &report.Report{
		Schema:  report.Schema,
		Mode:    "compare",
		Query:   info(q, qp),
		Sources: []report.Source{src},
	}
}

// Source aligns and audits query q against source s.
func Source(q extract.Article, qp *analyze.Profile, s extract.Article, sp *analyze.Profile) report.Source {
	al := align.Align(qp, sp, align.Options{})
	diff := audit.Diff(qp, sp, al)
	ev := audit.Collect(al, diff, round(analyze.Jaccard(qp.Sketch, sp.Sketch)))
	out := report.Source{
		Article:    info(s, sp),
		Score:      al.Support,
		Decision:   audit.Decide(ev),
		Facts:      diff,
		FactCounts: audit.Count(diff, ""),
	}
	for _, p := range al.Passages {
		out.Passages = append(out.Passages, report.Passage{
			Kind:       p.Kind,
			Similarity: p.Similarity,
			Query:      text(qp, p.Query),
			Source:     text(sp, p.Source),
		})
	}
	return out
}

// rank orders sources by verification score, then by the retrieval signals,
// and numbers them.
func rank(ss []report.Source) {
	sort.SliceStable(ss, func(i, j int) bool {
		a, b := ss[i], ss[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Bands != b.Bands {
			return a.Bands > b.Bands
		}
		return a.BM25 > b.BM25
	})
	for i := range ss {
		ss[i].Rank = i + 1
	}
}

func info(a extract.Article, p *analyze.Profile) report.ArticleInfo {
	return report.ArticleInfo{
		ID: a.ID, Title: a.Title, URL: a.URL, Published: a.Published, Input: a.Input,
		Sentences: len(p.Sentences), Terms: p.Length,
	}
}

func text(p *analyze.Profile, s analyze.Span) report.Text {
	return report.Text{Start: s.Start, End: s.End, Text: p.Text[s.Start:s.End]}
}

func round(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }
