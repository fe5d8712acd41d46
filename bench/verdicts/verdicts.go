// Package verdicts measures storytrace's verdicts on the sets whose pairs are
// labelled: human-ai (rephrasing = rewrite, headline-only generation = same
// event) and COUNTER (wholly, partly and non-derived Urdu newspaper texts).
// Each labelled pair is compared directly (query against its labelled
// source, no retrieval), the verdict mapped onto the set's classes, and the
// macro-F1 and confusion matrix reported, with the expected calibration
// error (ECE) of the verdicts' confidence read as the probability that the
// query derives from the source (derived: wholly or partly).
package verdicts

import (
	"context"
	"fmt"
	"strings"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/trace"
)

// Section returns the verdict section of the benchmark.
func Section() suite.Section { return suite.Section{Name: "verdicts", Run: Run} }

// task is one labelled set and how verdicts map to its classes.
type task struct {
	set     string
	classes []string
	label   func(q corpus.Query) (string, bool) // the gold class of a query
	predict func(v audit.Verdict) string        // the class a verdict means
}

var tasks = []task{
	{
		set:     "human-ai",
		classes: []string{"rewrite", "same-event"},
		label: func(q corpus.Query) (string, bool) {
			switch q.Label {
			case "rewrite", "paraphrase":
				return "rewrite", true
			case "same-event":
				return "same-event", true
			}
			return "", false
		},
		predict: func(v audit.Verdict) string {
			if v.Derived() {
				return "rewrite"
			}
			return "same-event"
		},
	},
	{
		set:     "counter",
		classes: []string{"WD", "PD", "ND"},
		label: func(q corpus.Query) (string, bool) {
			switch q.Label {
			case "wholly-derived":
				return "WD", true
			case "partly-derived":
				return "PD", true
			case "non-derived":
				return "ND", true
			}
			return "", false
		},
		predict: func(v audit.Verdict) string {
			switch v {
			case audit.Copy, audit.Rewrite, audit.Summary:
				return "WD"
			case audit.Partial:
				return "PD"
			}
			return "ND"
		},
	},
}

// Run measures every task.
func Run(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	var rows []suite.Row
	for _, t := range tasks {
		set, err := corpus.Load(env.Shared, t.set)
		if err != nil {
			return rows, fmt.Errorf("load %s: %w", t.set, err)
		}
		docs := set.DocIndex()
		confusion := map[[2]string]int{}
		n := 0
		// The stated probability that the query derives from the source,
		// and whether it does (every class but the last is derived), for
		// the calibration of the verdicts' confidence.
		var pDerived []float64
		var isDerived []bool
		for _, q := range set.Queries {
			if ctx.Err() != nil {
				return rows, ctx.Err()
			}
			gold, ok := t.label(q)
			i, found := docs[q.Source]
			if !ok || !found {
				continue
			}
			src := set.Docs[i]
			if env.Quick && n >= 40 {
				break
			}
			r := trace.Compare(article(q.ID, q.Text), article(src.ID, src.Text))
			d := r.Sources[0].Decision
			pred := t.predict(d.Verdict)
			confusion[[2]string{gold, pred}]++
			n++
			pDerived = append(pDerived, derivedProbability(d))
			isDerived = append(isDerived, gold != t.classes[len(t.classes)-1])
		}
		rw := row(t, confusion, n)
		c := suite.Calibrate(pDerived, isDerived, suite.ProbabilityBins(audit.DerivedThreshold))
		rw.Metrics = append(rw.Metrics, suite.M("ECE", c.ECE))
		rows = append(rows, rw)
	}
	pairs, err := KindPairs(env.Shared, kindMax)
	if err != nil {
		return rows, err
	}
	kinds, err := kindRows(ctx, env, pairs)
	if err != nil {
		return rows, err
	}
	rows = append(rows, kinds...)
	alone, err := pairModelRows(ctx, env)
	if err != nil {
		return rows, err
	}
	rows = append(rows, alone...)
	reverse, err := reverseRows(ctx, env, pairs)
	if err != nil {
		return rows, err
	}
	return append(rows, reverse...), nil
}

// derivedProbability reads a decision's confidence as the probability that
// the query derives from the source: the confidence of a derived verdict,
// one minus that of any other.
func derivedProbability(d audit.Decision) float64 {
	if d.Verdict.Derived() {
		return d.Confidence
	}
	return 1 - d.Confidence
}

// reverseRows put each labelled pair the other way round: the source is
// the query and the text made from it the candidate, as when a newsroom
// traces its own story and finds a copy. Per group, the share whose
// reverse verdict says the candidate was made from the query ("made from
// query"), and the share found derived either way: that, or the forward
// verdict calling the query made from the candidate. In compare mode the
// forward margin is the support itself, so the forward verdict often
// claims a derivation on these swapped pairs and the reverse question is
// then not asked; trace's margins are against the other candidates, and
// which came first is the origin chain's call. Right for the derived
// groups, false for the others.
func reverseRows(ctx context.Context, env *suite.Env, kinds map[string][][2]string) ([]suite.Row, error) {
	counter, err := corpus.Load(env.Shared, "counter")
	if err != nil {
		return nil, fmt.Errorf("load counter: %w", err)
	}
	pairs := map[string][][2]string{}
	for g, ps := range kinds {
		pairs[g] = ps
	}
	docs := counter.DocIndex()
	for _, q := range counter.Queries {
		if i, ok := docs[q.Source]; ok {
			g := "counter/" + q.Label
			pairs[g] = append(pairs[g], [2]string{q.Text, counter.Docs[i].Text})
		}
	}
	groups := []string{"bbc/summary", "l2r/rewrite", "copies", "counter/wholly-derived", "counter/partly-derived",
		"counter/non-derived", "llmfake/open-ended", "human-ai/same-event", "bbc/other article"}
	var rows []suite.Row
	for _, g := range groups {
		ps := pairs[g]
		if env.Quick && len(ps) > 20 {
			ps = ps[:20]
		}
		reversed, either := 0, 0
		for _, p := range ps {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			src := trace.Compare(article("source", p[1]), article("made", p[0])).Sources[0]
			if src.Reverse != nil {
				reversed++
			}
			if src.Reverse != nil || src.Decision.Verdict.Derived() {
				either++
			}
		}
		n := float64(max(len(ps), 1))
		rows = append(rows, suite.Row{
			Table: "verdicts the other way round", Set: g, Method: "storytrace", N: len(ps),
			Metrics: []suite.Metric{suite.M("made from query", float64(reversed)/n), suite.M("derived either way", float64(either)/n)},
		})
	}
	return rows, nil
}

// kindGroups are labelled real pairs whose verdict kind is known from how
// they were made: BBC's extractive summaries, l2r's LLM rewrites, the same
// article present in two sets (a copy), llmfake's open-ended generations
// (an opening taken from the source, the rest new: same event, as decided in
// bench/retrieval's derivedLabels), human-ai headline-only generations (same
// event) and a BBC article against another BBC article of a different
// category (unrelated).
var kindGroups = []struct {
	name, want string
}{
	{"bbc/summary", "summary"}, {"l2r/rewrite", "rewrite"}, {"copies", "copy"},
	{"llmfake/open-ended", "same event"}, {"human-ai/same-event", "same event"}, {"bbc/other article", "unrelated"},
}

// kindMax is how many pairs of each group are compared.
const kindMax = 300

// kindRows gives, per group of pairs (KindPairs), the share of pairs
// given each verdict.
func kindRows(ctx context.Context, env *suite.Env, pairs map[string][][2]string) ([]suite.Row, error) {
	var rows []suite.Row
	for _, g := range kindGroups {
		ps := pairs[g.name]
		if env.Quick && len(ps) > 20 {
			ps = ps[:20]
		}
		count := map[audit.Verdict]int{}
		for _, p := range ps {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			r := trace.Compare(article("query", p[0]), article("source", p[1]))
			count[r.Sources[0].Decision.Verdict]++
		}
		n := max(len(ps), 1)
		row := suite.Row{Table: "verdict kinds on real pairs", Set: g.name + " (want " + g.want + ")", Method: "storytrace", N: len(ps)}
		for _, v := range []audit.Verdict{audit.Copy, audit.Rewrite, audit.Summary, audit.Partial, audit.SameEvent, audit.Unrelated} {
			row.Metrics = append(row.Metrics, suite.M(string(v), float64(count[v])/float64(n)))
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// KindPairs loads up to max (query, source) text pairs for each of the
// kindGroups, spread over each set.
func KindPairs(shared string, maxPairs int) (map[string][][2]string, error) {
	out := map[string][][2]string{}
	add := func(group, q, s string) { out[group] = append(out[group], [2]string{q, s}) }
	sets := map[string]*corpus.Set{}
	for _, name := range []string{"bbc", "l2r", "llmfake", "human-ai", "sheepdog"} {
		s, err := corpus.Load(shared, name)
		if err != nil {
			return nil, fmt.Errorf("load %s: %w", name, err)
		}
		sets[name] = s
	}
	for name, set := range sets {
		docs := set.DocIndex()
		for _, q := range set.Queries {
			i, ok := docs[q.Source]
			if !ok {
				continue
			}
			src := set.Docs[i]
			if usable, _ := q.Usable(); !usable {
				continue
			}
			switch {
			case name == "bbc" && q.Label == corpus.LabelSummary:
				add("bbc/summary", q.Text, src.Text)
			case name == "l2r":
				add("l2r/rewrite", q.Text, src.Text)
			case name == "llmfake" && q.Label == corpus.LabelOpenEnded:
				add("llmfake/open-ended", q.Text, src.Text)
			case name == "human-ai" && q.Label == corpus.LabelSameEvent:
				add("human-ai/same-event", q.Text, src.Text)
			}
		}
	}
	// Copies: the same article in two sets, each side as scraped there.
	text := map[string]string{}
	for _, s := range sets {
		for _, d := range s.Docs {
			text[d.ID] = d.Text
		}
	}
	for _, o := range corpus.Overlaps(sets["bbc"], sets["l2r"], sets["llmfake"], sets["sheepdog"]) {
		add("copies", text[o.IDs[1]], text[o.IDs[0]])
	}
	// Unrelated: each BBC article against one of another category.
	bbc := sets["bbc"].Docs
	for i := range bbc {
		j := (i + len(bbc)/2) % len(bbc)
		if category(bbc[i].ID) != category(bbc[j].ID) {
			add("bbc/other article", bbc[i].Text, bbc[j].Text)
		}
	}
	for g, ps := range out {
		out[g] = spread(ps, maxPairs)
	}
	return out, nil
}

// category is the BBC category in an ID like "bbc/business-001".
func category(id string) string {
	c, _, _ := strings.Cut(strings.TrimPrefix(id, "bbc/"), "-")
	return c
}

func article(id, text string) extract.Article {
	return extract.Article{ID: id, Paragraphs: corpus.Paragraphs(text)}
}

// row computes macro-F1 and writes the confusion matrix in the note, rows
// gold, columns predicted.
func row(t task, confusion map[[2]string]int, n int) suite.Row {
	f1s := 0.0
	correct := 0
	for _, c := range t.classes {
		tp := confusion[[2]string{c, c}]
		correct += tp
		fp, fn := 0, 0
		for _, o := range t.classes {
			if o != c {
				fp += confusion[[2]string{o, c}]
				fn += confusion[[2]string{c, o}]
			}
		}
		if tp > 0 {
			p := float64(tp) / float64(tp+fp)
			r := float64(tp) / float64(tp+fn)
			f1s += 2 * p * r / (p + r)
		}
	}
	var cells []string
	for _, g := range t.classes {
		var row []string
		for _, p := range t.classes {
			row = append(row, fmt.Sprintf("%d", confusion[[2]string{g, p}]))
		}
		cells = append(cells, g+"→["+strings.Join(row, " ")+"]")
	}
	acc := 0.0
	if n > 0 {
		acc = float64(correct) / float64(n)
	}
	return suite.Row{
		Table: "verdicts", Set: t.set, Method: "storytrace", N: n,
		Metrics: []suite.Metric{
			suite.M("macro-F1", f1s/float64(len(t.classes))),
			suite.M("accuracy", acc),
		},
		Note: "confusion (gold → predicted " + strings.Join(t.classes, " ") + "): " + strings.Join(cells, ", "),
	}
}
