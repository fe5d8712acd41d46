package chains

import (
	"context"
	"fmt"
	"sort"

	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/trace"
)

// A newsroom traces its own story to find who copied, cut or rewrote it.
// For each set with labelled pairs, the archive holds every text made from
// (or written beside) the set's sources, and each source, with its date, is
// the query. Per label, the share of those texts that trace lists among the
// sources (top ownStoryTop) with a derived verdict either way — made from
// the query (the reverse verdict), or the query made from it — and the
// share made from the query; of those found, the share whose trace names
// the query as the story's origin (dates where the set has them, else
// containment, else the user's word: the traces say the query is their
// own story, trace.Options.Own). For the labels that are not derivations
// (COUNTER's non-derived, human-ai's headline-only generations), any such
// finding is false. "others" counts the texts of other sources listed with
// a derived verdict, per trace: false findings among the neighbours.

// ownStorySets are the sets whose texts made from a source are labelled.
var ownStorySets = []string{"counter", "bbc", "l2r", "human-ai"}

// ownStoryTop is how many sources a trace lists here: l2r has three
// rewrites of each source.
const ownStoryTop = 5

func ownStory(ctx context.Context, env *suite.Env, set *corpus.Set) ([]suite.Row, error) {
	docs := set.DocIndex()
	made := map[string][]corpus.Query{} // source ID → texts written from or beside it
	var archive []extract.Article
	for _, q := range set.Queries {
		if _, ok := docs[q.Source]; !ok || q.Label == "" {
			continue
		}
		if ok, _ := q.Usable(); !ok {
			continue
		}
		made[q.Source] = append(made[q.Source], q)
		archive = append(archive, extract.Article{ID: q.ID, Published: queryDate(q), Paragraphs: corpus.Paragraphs(q.Text)})
	}
	sources := make([]string, 0, len(made))
	for id := range made {
		sources = append(sources, id)
	}
	sort.Strings(sources)
	if env.Quick && len(sources) > quickPairs {
		sources = sources[:quickPairs]
	}
	ix, closeDB, err := archiveIndex(ctx, env, "ownstory-"+set.Name, archive)
	if err != nil {
		return nil, err
	}
	defer closeDB()
	type tally struct{ n, found, reversed, origin int }
	byLabel := map[string]*tally{}
	others, traces := 0, 0
	for _, id := range sources {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		r, err := trace.Trace(ctx, ix, set.Docs[docs[id]].Article(), trace.Options{Top: ownStoryTop, Own: true})
		if err != nil {
			return nil, err
		}
		traces++
		mine := map[string]bool{}
		for _, q := range made[id] {
			mine[q.ID] = true
			t := byLabel[q.Label]
			if t == nil {
				t = &tally{}
				byLabel[q.Label] = t
			}
			t.n++
			for _, s := range r.Sources {
				if s.Article.ID != q.ID {
					continue
				}
				if s.Reverse != nil || s.Decision.Verdict.Derived() {
					t.found++
					if r.Origin != nil && r.Origin.Origin == id {
						t.origin++
					}
				}
				if s.Reverse != nil {
					t.reversed++
				}
			}
		}
		for _, s := range r.Sources {
			if !mine[s.Article.ID] && (s.Reverse != nil || s.Decision.Verdict.Derived()) {
				others++
			}
		}
	}
	labels := make([]string, 0, len(byLabel))
	for l := range byLabel {
		labels = append(labels, l)
	}
	sort.Strings(labels)
	var rows []suite.Row
	for _, l := range labels {
		t := byLabel[l]
		n := float64(max(t.n, 1))
		rows = append(rows, suite.Row{
			Table: "origin: tracing one's own story", Set: set.Name + "/" + l, Method: "storytrace", N: t.n,
			Metrics: []suite.Metric{
				suite.M("found derived", float64(t.found)/n),
				suite.M("made from query", float64(t.reversed)/n),
				suite.M("query named origin", float64(t.origin)/float64(max(t.found, 1))),
				suite.M("others per trace", float64(others)/float64(max(traces, 1))),
			},
			Note: fmt.Sprintf("%d traces of %s's sources against an archive of %d texts made from or beside them", traces, set.Name, len(archive)),
		})
	}
	return rows, nil
}
