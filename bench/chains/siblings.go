package chains

import (
	"context"
	"hash/fnv"
	"sort"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/trace"
)

// A rewrite among its siblings: content farms rewrite one story many
// times, and an archive that holds a story's source often holds other
// rewrites of it too. Each of them scores as high as the source for a new
// rewrite (LLM rewrites share their wording), and none but the source is
// the story's origin. For each set with several derived texts per source,
// one of them (chosen by a hash of the source's ID) is the query; the
// archive holds every such source and all their other derived texts, with
// the dates the set gives. Per set: the share of traces that rank the
// source first, list it (top 3) with a derived verdict, and name it the
// origin; and the share whose origin is stated surely (confidence above a
// guess's 0.5) with how many of those are right.

// siblingSets are the sets with several derived texts of one source.
var siblingSets = []string{"l2r", "sheepdog", "llmfake", "counter"}

// minSiblings is how many derived texts of a source the archive must hold
// beside the query for the source to be measured.
const minSiblings = 1

func siblings(ctx context.Context, env *suite.Env, set *corpus.Set) ([]suite.Row, error) {
	docs := set.DocIndex()
	made := map[string][]corpus.Query{} // source ID → its derived texts
	for _, q := range set.Queries {
		if !q.Derived() || q.Label == corpus.LabelOpenEnded {
			continue
		}
		if _, ok := docs[q.Source]; !ok {
			continue
		}
		if ok, _ := q.Usable(); !ok {
			continue
		}
		made[q.Source] = append(made[q.Source], q)
	}
	var sources []string
	for id, qs := range made {
		if len(qs) > minSiblings {
			sources = append(sources, id)
		}
	}
	sort.Strings(sources)
	if env.Quick && len(sources) > quickPairs {
		sources = sources[:quickPairs]
	}
	queries := map[string]corpus.Query{}
	var archive []extract.Article
	for _, id := range sources {
		qs := made[id]
		sort.Slice(qs, func(i, j int) bool { return qs[i].ID < qs[j].ID })
		h := fnv.New32a()
		h.Write([]byte(id))
		pick := int(h.Sum32() % uint32(len(qs)))
		queries[id] = qs[pick]
		src := set.Docs[docs[id]]
		archive = append(archive, extract.Article{ID: id, Published: src.Published, Paragraphs: corpus.Paragraphs(src.Text)})
		for i, q := range qs {
			if i != pick {
				archive = append(archive, extract.Article{ID: q.ID, Published: queryDate(q), Paragraphs: corpus.Paragraphs(q.Text)})
			}
		}
	}
	ix, closeDB, err := archiveIndex(ctx, env, "siblings-"+set.Name, archive)
	if err != nil {
		return nil, err
	}
	defer closeDB()
	var first, derived, named, sure, sureRight int
	for _, id := range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		q := queries[id]
		r, err := trace.Trace(ctx, ix, extract.Article{ID: q.ID, Published: queryDate(q), Paragraphs: corpus.Paragraphs(q.Text)}, trace.Options{})
		if err != nil {
			return nil, err
		}
		for i, s := range r.Sources {
			if s.Article.ID != id {
				continue
			}
			if i == 0 {
				first++
			}
			if s.Decision.Verdict.Derived() {
				derived++
			}
		}
		if r.Origin == nil {
			continue
		}
		if r.Origin.Origin == id {
			named++
		}
		if r.Origin.Confidence > 0.5 {
			sure++
			if r.Origin.Origin == id {
				sureRight++
			}
		}
	}
	n := float64(max(len(sources), 1))
	return []suite.Row{{
		Table: "origin: a rewrite among its siblings", Set: set.Name, Method: "storytrace", N: len(sources),
		Metrics: []suite.Metric{
			suite.M("source ranked first", float64(first)/n),
			suite.M("source found derived", float64(derived)/n),
			suite.M("source named origin", float64(named)/n),
			suite.M("origin stated surely", float64(sure)/n),
			suite.M("right when sure", float64(sureRight)/float64(max(sure, 1))),
			{Name: "archive", Value: float64(len(archive)), Format: "%.0f"},
		},
	}}, nil
}
