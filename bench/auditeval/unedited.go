package auditeval

import (
	"context"
	"fmt"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/facts"
)

// uneditedModels are the l2r generators whose rewrites are audited as they
// are.
var uneditedModels = []string{"GPT-4o", "GPT-3-Turbo", "Llama-3-70B"}

// uneditedRows audits every l2r rewrite, unedited, against its article and
// reports the share of rewrites with at least one "altered" line, in all
// and by kind. The swap rows count false flags per untouched fact; this is
// what an editor meets per document: a rewrite flagged for a change it did
// not make. Not every flag here is false — an LLM rewrite sometimes does
// turn a claim around or change a figure — and the rewrites carry no
// labels saying which, so the rows bound the false-alarm rate from above.
func uneditedRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	l2r, err := corpus.Load(env.Shared, "l2r")
	if err != nil {
		return nil, fmt.Errorf("audit unedited rewrites: %w", err)
	}
	var rows []suite.Row
	for _, model := range uneditedModels {
		bases := rewriteBases(l2r, model)
		if env.Quick && len(bases) > quickItems {
			bases = bases[:quickItems]
		}
		var any, negation, figure, name int
		for _, b := range bases {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			res, _, _ := auditPair(b.text, b.source)
			if res.AlteredCount() > 0 {
				any++
			}
			if len(res.Negations) > 0 {
				negation++
			}
			if alteredOf(res.Facts, facts.Quantity, facts.Date) || brokeRelation(res) {
				figure++
			}
			if alteredOf(res.Entities) {
				name++
			}
		}
		rows = append(rows, suite.Row{
			Table: "audit: unedited rewrites", Set: "l2r " + model, Method: "storytrace", N: len(bases),
			Metrics: []suite.Metric{
				suite.M("flagged altered", share(any, len(bases))),
				suite.M("negation", share(negation, len(bases))),
				suite.M("figure, date or sum", share(figure, len(bases))),
				suite.M("name or place", share(name, len(bases))),
			},
		})
		env.Logf("audit unedited %s rewrites: %d of %d flagged altered (negation %d, figure or date %d, name %d)", model, any, len(bases), negation, figure, name)
	}
	if len(rows) > 0 {
		rows[0].Note = "an upper bound on false alarms per document: the rewrites are unlabelled, and some flags are changes the LLM made"
	}
	return rows, nil
}

// alteredOf reports whether list holds an altered change of one of kinds
// (of any kind when none is given).
func alteredOf(list []audit.FactChange, kinds ...facts.Kind) bool {
	for _, c := range list {
		if c.Change != audit.Altered {
			continue
		}
		if len(kinds) == 0 {
			return true
		}
		for _, k := range kinds {
			if c.Kind == k {
				return true
			}
		}
	}
	return false
}

// brokeRelation reports whether the query broke an arithmetic relation
// among the source's figures.
func brokeRelation(res *audit.Result) bool {
	for _, r := range res.Arithmetic {
		if r.InQuery == audit.RelationBroken {
			return true
		}
	}
	return false
}
