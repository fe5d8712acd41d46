// Package chains measures origin naming (package origin) on real data:
//
//   - Direction: for every labelled derived pair (query made from source),
//     does origin put the source first? Measured with the sets' publication
//     dates where they have them (COUNTER, METER) and with the dates
//     removed, so the text-only rules (cut, containment) are measured on
//     every set. The pair is handed to origin as derived (Text.Derived), as
//     trace hands it the sources its verdict calls derived: the row
//     measures the direction, not whether the two are related.
//   - Chains: the politifact articles that sheepdog holds whole and llmfake
//     holds cut (at 4,000 characters, or at the 5,000–7,500 the models
//     were given where the set holds that text), with llmfake's ChatGPT paraphrase or
//     rewrite: a real source, its (cut) copy, and a rewrite. Origin must
//     name the whole article, the copy's parent must be the whole article,
//     and the rewrite must come after the origin.
//   - One's own story: each source traced against an archive of the texts
//     made from it (ownstory.go): are its copies and rewrites found, made
//     from the query?
//   - A rewrite among its siblings: a rewrite traced against an archive
//     holding its source and other rewrites of it (siblings.go): is the
//     source ranked first, found derived and named the origin?
package chains

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/origin"
	"github.com/storytrace/storytrace/store/pebble"
)

// Section returns the origin section of the benchmark.
func Section() suite.Section { return suite.Section{Name: "origin", Run: Run} }

// quickPairs is how many pairs of each set a quick run measures.
const quickPairs = 15

// directionSets are the sets with labelled derived pairs.
var directionSets = []string{"l2r", "human-ai", "sheepdog", "llmfake", "bbc", "counter", "meter"}

// Run measures direction, chains, one's own story and siblings.
func Run(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	rows, err := eachSet(ctx, env, directionSets, "direction", directionRows)
	if err != nil {
		return nil, err
	}
	r, err := chainRows(ctx, env)
	if err != nil {
		return nil, err
	}
	rows = append(rows, r...)
	r, err = eachSet(ctx, env, ownStorySets, "own story", ownStory)
	if err != nil {
		return nil, err
	}
	rows = append(rows, r...)
	r, err = eachSet(ctx, env, siblingSets, "siblings", siblings)
	if err != nil {
		return nil, err
	}
	return append(rows, r...), nil
}

// eachSet loads each named set and gathers the rows measure finds in it.
func eachSet(ctx context.Context, env *suite.Env, names []string, what string,
	measure func(context.Context, *suite.Env, *corpus.Set) ([]suite.Row, error)) ([]suite.Row, error) {
	var rows []suite.Row
	for _, name := range names {
		set, err := corpus.Load(env.Shared, name)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		r, err := measure(ctx, env, set)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", what, name, err)
		}
		rows = append(rows, r...)
	}
	return rows, nil
}

// archiveIndex stores archive in a new Pebble store under env.TempDir
// (named name) and indexes it; close closes the store.
func archiveIndex(ctx context.Context, env *suite.Env, name string, archive []extract.Article) (ix *index.Index, close func() error, err error) {
	db, err := pebble.Open(filepath.Join(env.TempDir, name))
	if err != nil {
		return nil, nil, err
	}
	if ix, err = index.Open(ctx, db); err == nil {
		_, err = ingest.Articles(ctx, ix, archive, ingest.Options{})
	}
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return ix, db.Close, nil
}

// Pair is a labelled derivation: Query was made from Source.
type Pair struct {
	Group         string
	Query, Source string // texts
	QDate, SDate  string // publication dates, "" when unknown
}

// DerivedPairs returns a set's derived queries with their source texts.
func DerivedPairs(set *corpus.Set) []Pair {
	docs := set.DocIndex()
	var out []Pair
	for _, q := range set.Queries {
		// METER's newspaper texts have no derivation labels, but when one
		// relates to its story's PA text at all, the PA text came first:
		// it is the wire the papers wrote from.
		if (!q.Derived() && q.Label != corpus.LabelSameStory) || q.Label == corpus.LabelOpenEnded {
			continue
		}
		if ok, _ := q.Usable(); !ok {
			continue
		}
		i, ok := docs[q.Source]
		if !ok {
			continue
		}
		src := set.Docs[i]
		out = append(out, Pair{Group: q.Set, Query: q.Text, Source: src.Text, QDate: queryDate(q), SDate: src.Published})
	}
	return out
}

// queryDate is the query's own publication date where the set gives one.
func queryDate(q corpus.Query) string {
	if d := q.Extra["published"]; d != "" {
		return d
	}
	return q.Extra["story_date"]
}

func directionRows(ctx context.Context, env *suite.Env, set *corpus.Set) ([]suite.Row, error) {
	pairs := DerivedPairs(set)
	if env.Quick && len(pairs) > quickPairs {
		step := len(pairs) / quickPairs
		var s []Pair
		for i := 0; i < len(pairs) && len(s) < quickPairs; i += step {
			s = append(s, pairs[i])
		}
		pairs = s
	}
	if len(pairs) == 0 {
		return nil, nil
	}
	type tally struct {
		right, unknown, dated int
		// confidence sums the links' confidence where the order was
		// decided: beside the share right among them, it says whether the
		// confidence a trace shows can be read as a probability.
		confidence float64
	}
	var withDates, textOnly tally
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		qp, sp := analyze.AnalyzeText(p.Query), analyze.AnalyzeText(p.Source)
		for _, dated := range []bool{true, false} {
			q := origin.Text{ID: "query", Profile: qp}
			s := origin.Text{ID: "source", Profile: sp, Derived: true}
			t := &textOnly
			if dated {
				q.Published, s.Published, t = p.QDate, p.SDate, &withDates
				if p.QDate != "" && p.SDate != "" {
					t.dated++
				}
			}
			ch := origin.Build([]origin.Text{q, s})
			switch {
			case ch == nil || ch.Links[0].Basis == "unknown":
				t.unknown++
				continue
			case ch.Origin == "source":
				t.right++
			}
			t.confidence += ch.Links[0].Confidence
		}
	}
	n := len(pairs)
	row := func(method string, t tally) suite.Row {
		r := suite.Row{Table: "origin: direction of derived pairs", Set: set.Name, Method: method, N: n,
			Metrics: []suite.Metric{
				suite.M("source first", float64(t.right)/float64(n)),
				suite.M("unknown", float64(t.unknown)/float64(n)),
				suite.M("wrong", float64(n-t.right-t.unknown)/float64(n)),
				suite.M("dated pairs", float64(t.dated)/float64(n)),
			}}
		if decided := n - t.unknown; decided > 0 {
			r.Metrics = append(r.Metrics,
				suite.M("right when decided", float64(t.right)/float64(decided)),
				suite.M("mean confidence when decided", t.confidence/float64(decided)))
		}
		return r
	}
	rows := []suite.Row{row("storytrace, text only", textOnly)}
	if withDates.dated > 0 {
		rows = append(rows, row("storytrace, with dates", withDates))
	}
	return rows, nil
}

// Chain is a real three-text chain: the whole article, its cut copy, and a
// rewrite.
type Chain struct {
	Whole, Cut, Rewrite corpus.Doc
}

// Chains finds the sheepdog articles whose llmfake copy is cut (shorter by a
// tenth or more, same beginning) and pairs them with llmfake's ChatGPT
// paraphrases and rewrites of that article.
func Chains(shared string) ([]Chain, error) {
	lf, err := corpus.Load(shared, "llmfake")
	if err != nil {
		return nil, err
	}
	sd, err := corpus.Load(shared, "sheepdog")
	if err != nil {
		return nil, err
	}
	docs := map[string]corpus.Doc{}
	for _, s := range []*corpus.Set{lf, sd} {
		for _, d := range s.Docs {
			docs[d.ID] = d
		}
	}
	var out []Chain
	for _, o := range corpus.Overlaps(lf, sd) {
		var whole, cut corpus.Doc
		for _, id := range o.IDs {
			switch {
			case strings.HasPrefix(id, "sheepdog/"):
				whole = docs[id]
			case strings.HasPrefix(id, "llmfake/"):
				cut = docs[id]
			}
		}
		if whole.ID == "" || cut.ID == "" || float64(len(cut.Text)) > 0.9*float64(len(whole.Text)) {
			continue
		}
		for _, q := range lf.Queries {
			if q.Source != cut.ID || !strings.HasPrefix(q.Group, "llmfake/chatgpt/") ||
				(q.Label != corpus.LabelParaphrase && q.Label != corpus.LabelRewrite) {
				continue
			}
			out = append(out, Chain{Whole: whole, Cut: cut, Rewrite: corpus.Doc{ID: q.ID, Text: q.Text}})
		}
	}
	return out, nil
}

func chainRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	chains, err := Chains(env.Shared)
	if err != nil {
		return nil, err
	}
	if env.Quick && len(chains) > quickPairs {
		chains = chains[:quickPairs]
	}
	var originRight, cutRight, descendant, pastCut int
	for _, c := range chains {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, w, k := analyze.AnalyzeText(c.Rewrite.Text), analyze.AnalyzeText(c.Whole.Text), analyze.AnalyzeText(c.Cut.Text)
		ch := origin.Build([]origin.Text{{ID: "rewrite", Profile: r}, {ID: "whole", Profile: w}, {ID: "cut", Profile: k}})
		if inW, inC := align.Align(r, w, align.Options{}).QueryCoverage, align.Align(r, k, align.Options{}).QueryCoverage; inW > inC+0.05 {
			pastCut++
		}
		if ch == nil {
			continue
		}
		if ch.Origin == "whole" {
			originRight++
		}
		for _, l := range ch.Links {
			if l.To == "cut" && l.From == "whole" {
				cutRight++
			}
			if l.To == "rewrite" {
				descendant++
			}
		}
	}
	n := max(len(chains), 1)
	return []suite.Row{{
		Table: "origin: chains (whole article, its cut copy, a rewrite)", Set: "sheepdog+llmfake", Method: "storytrace", N: len(chains),
		Metrics: []suite.Metric{
			suite.M("origin named", float64(originRight)/float64(n)),
			suite.M("copy's parent", float64(cutRight)/float64(n)),
			suite.M("rewrite placed after", float64(descendant)/float64(n)),
			suite.M("rewrite uses text past the cut", float64(pastCut)/float64(n)),
		},
		Note: "llmfake stores its sources cut: at 4,000 characters, or at the 5,000–7,500 the models were given where the set holds that text. The rewrites were made from the longer text, so most of those from an article cut at 4,000 hold material past the cut: the rewrite's true parent is the longer article, and no real rewrite of the cut copy exists in the data.",
	}}, nil
}
