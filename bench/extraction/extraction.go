// Package extraction is the benchmark section for extract/: how much of a
// page's article text, title and date storytrace gets right, and how fast,
// beside go-trafilatura and go-readability run alone on the same pages.
//
// Data sets and metrics (each metric is a port of the upstream script, so
// the figures compare with the published anchors):
//
//   - ScrapingHub article-extraction benchmark, 181 pages with a gold body:
//     word 4-shingle precision and recall per page, averaged over pages, F1
//     of the two averages (evaluate.py; see Shingles).
//   - trafilatura's evaluation set (990 pages of web-extraction-eval): "with"
//     snippets that must be in the text and "without" snippets that must not,
//     counted over all pages (eval_common.py; see Snippets); and the title,
//     on the 845 pages with a gold title.
//   - htmldate's evaluation sets (1,000 pages of web-extraction-eval): the
//     publication date, exact to the day.
//
// Speed is pages per second of one goroutine, the methods taking turns page
// by page so that the shared machine's load weighs on all alike; with
// env.Quick, 20 pages of each set.
package extraction

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/storytrace/storytrace/bench/suite"
)

// quickPages is how many pages of each set a quick run measures.
const quickPages = 20

// Section returns the extraction section of the benchmark.
func Section() suite.Section {
	return suite.Section{Name: "extraction", Run: run}
}

func run(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	body, err := runScrapingHub(ctx, env)
	if err != nil {
		return nil, fmt.Errorf("ScrapingHub benchmark: %w", err)
	}
	eval, err := runEvalSet(ctx, env)
	if err != nil {
		return nil, fmt.Errorf("web-extraction-eval: %w", err)
	}
	return append(body, eval...), nil
}

// runScrapingHub measures every method on the ScrapingHub pages.
func runScrapingHub(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	pages, err := loadScrapingHub(env.Shared)
	if err != nil {
		return nil, err
	}
	if env.Quick {
		pages = pages[:min(quickPages, len(pages))]
	}
	htmls := make([][]byte, len(pages))
	for i, p := range pages {
		if htmls[i], err = readGzip(p.Path); err != nil {
			return nil, err
		}
	}
	all, elapsed, err := runMethods(ctx, htmls)
	if err != nil {
		return nil, err
	}
	var rows []suite.Row
	for mi, m := range methods {
		results := all[mi]
		scores := make([]Shingles, len(pages))
		exact := 0
		for i, p := range pages {
			scores[i] = MatchShingles(p.Body, results[i].Body)
			if ExactTokens(p.Body, results[i].Body) {
				exact++
			}
		}
		prec, rec, f1 := ShingleScores(scores)
		rows = append(rows, suite.Row{
			Table: "extraction: ScrapingHub article bodies", Set: "article-extraction-benchmark",
			Method: m.Name, N: len(pages),
			Metrics: []suite.Metric{
				suite.M("precision", prec), suite.M("recall", rec), suite.M("F1", f1),
				suite.M("exact", float64(exact)/float64(len(pages))),
				{Name: "pages/s", Value: perSecond(len(pages), elapsed[mi]), Format: "%.1f"},
			},
		})
		env.Logf("extraction: ScrapingHub %s F1 %.3f (%d pages, %.1f pages/s)", m.Name, f1, len(pages), perSecond(len(pages), elapsed[mi]))
	}
	rows[0].Note = "ScrapingHub F1 anchors: rs_trafilatura and Zyte AutoExtract 0.970, go-trafilatura 0.960, Readability 0.947 (published)."
	return rows, nil
}

// runEvalSet measures every method on web-extraction-eval: the snippet
// figures and titles on trafilatura's records, the dates on htmldate's.
// Pages shared by both sets are extracted once per method.
func runEvalSet(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	gold, err := loadEvalSet(env.Shared)
	if err != nil {
		return nil, err
	}
	var textPages, datePages []evalPage
	for _, p := range gold {
		switch p.Source {
		case sourceTrafilatura:
			textPages = append(textPages, p)
		case sourceHtmldate, sourceMediacloud:
			if p.Date != nil {
				datePages = append(datePages, p)
			}
		}
	}
	if env.Quick {
		textPages = textPages[:min(quickPages, len(textPages))]
		datePages = datePages[:min(quickPages, len(datePages))]
	}
	paths, htmls, err := loadHTML(append(append([]evalPage(nil), textPages...), datePages...))
	if err != nil {
		return nil, err
	}
	all, elapsed, err := runMethods(ctx, htmls)
	if err != nil {
		return nil, err
	}
	var textRows, dateRows []suite.Row
	for mi, m := range methods {
		results := all[mi]
		byPath := make(map[string]extraction, len(paths))
		for i, p := range paths {
			byPath[p] = results[i]
		}
		textRows = append(textRows, snippetRow(m.Name, textPages, byPath, perSecond(len(htmls), elapsed[mi])))
		dateRows = append(dateRows, dateRow(m.Name, datePages, byPath))
	}
	textRows[0].Note = "trafilatura evaluation anchor: trafilatura F 0.924 (published). Title: exact after Unicode NFKC, case folding and white space collapsed."
	dateRows[0].Note = "Date anchors: htmldate extensive 0.903, go-htmldate 0.865 (published, older labels). A page whose gold says \"no date\" is right when none is found. Pages are given without their URL, as upstream evaluates."
	return append(textRows, dateRows...), nil
}

// loadHTML reads each distinct page once.
func loadHTML(pages []evalPage) (paths []string, htmls [][]byte, err error) {
	seen := make(map[string]bool)
	for _, p := range pages {
		if seen[p.Path] {
			continue
		}
		seen[p.Path] = true
		data, err := readGzip(p.Path)
		if err != nil {
			return nil, nil, err
		}
		paths = append(paths, p.Path)
		htmls = append(htmls, data)
	}
	return paths, htmls, nil
}

func snippetRow(name string, pages []evalPage, byPath map[string]extraction, rate float64) suite.Row {
	var total Snippets
	titles, titled := 0, 0
	for _, p := range pages {
		ex := byPath[p.Path]
		total = total.Add(CountSnippets(p.With, p.Without, ex.Body, ex.OK))
		if p.Title != nil && titleKey(*p.Title) != "" {
			titled++
			if SameTitle(*p.Title, ex.Title) {
				titles++
			}
		}
	}
	prec, rec, acc, f := total.Scores()
	return suite.Row{
		Table: "extraction: trafilatura evaluation set", Set: "web-extraction-eval/trafilatura",
		Method: name, N: len(pages),
		Metrics: []suite.Metric{
			suite.M("precision", prec), suite.M("recall", rec), suite.M("accuracy", acc), suite.M("F", f),
			suite.M("title accuracy", ratio(titles, titled)),
			{Name: "pages/s", Value: rate, Format: "%.1f"},
		},
	}
}

func dateRow(name string, pages []evalPage, byPath map[string]extraction) suite.Row {
	right := 0
	for _, p := range pages {
		if byPath[p.Path].Date == *p.Date {
			right++
		}
	}
	return suite.Row{
		Table: "extraction: publication dates", Set: "web-extraction-eval/htmldate",
		Method: name, N: len(pages),
		Metrics: []suite.Metric{suite.M("date accuracy", ratio(right, len(pages)))},
	}
}

// runMethods runs every method on every page, in one goroutine so that
// pages/s compares methods and not scheduling. The methods take turns page
// by page, so that a change in the machine's load (it is shared) weighs
// on all of them alike. A failed page is a result with OK false, as the
// upstream scripts count it.
func runMethods(ctx context.Context, htmls [][]byte) ([][]extraction, []time.Duration, error) {
	results := make([][]extraction, len(methods))
	elapsed := make([]time.Duration, len(methods))
	for m := range methods {
		results[m] = make([]extraction, len(htmls))
	}
	for i, h := range htmls {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		for m, meth := range methods {
			start := time.Now()
			ex, err := meth.Run(h)
			elapsed[m] += time.Since(start)
			if err != nil {
				ex = extraction{}
			}
			results[m][i] = ex
		}
	}
	return results, elapsed, nil
}

// SameTitle reports whether an extracted title is the gold one: equal
// after NFKC, case folding and white space collapsing, so that "Foo  bar"
// and "FOO bar" match but "Foo bar - Site" does not.
func SameTitle(gold, got string) bool {
	return titleKey(gold) != "" && titleKey(gold) == titleKey(got)
}

func titleKey(s string) string {
	s = norm.NFKC.String(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '´', '`':
			return '\''
		case '“', '”', '„':
			return '"'
		}
		return unicode.ToLower(r)
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func perSecond(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
