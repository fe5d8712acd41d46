// Package verdicts measures storytrace's verdicts on the sets whose pairs are
// labelled: human-ai (rephrasing = rewrite, headline-only generation = same
// event) and COUNTER (wholly, partly and non-derived Urdu newspaper texts).
// Each labelled pair is compared directly (query against its labelled
// source, no retrieval), the verdict mapped onto the set's classes, and the
// macro-F1 and confusion matrix reported.
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
			case audit.Copy, audit.Rewrite:
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
		docs := map[string]corpus.Doc{}
		for _, d := range set.Docs {
			docs[d.ID] = d
		}
		confusion := map[[2]string]int{}
		n := 0
		for _, q := range set.Queries {
			if ctx.Err() != nil {
				return rows, ctx.Err()
			}
			gold, ok := t.label(q)
			src, found := docs[q.Source]
			if !ok || !found {
				continue
			}
			if env.Quick && n >= 40 {
				break
			}
			r := trace.Compare(article(q.ID, q.Text), article(src.ID, src.Text))
			pred := t.predict(r.Sources[0].Decision.Verdict)
			confusion[[2]string{gold, pred}]++
			n++
		}
		rows = append(rows, row(t, confusion, n))
	}
	return rows, nil
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
