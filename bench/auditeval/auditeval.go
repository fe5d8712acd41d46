// Package auditeval measures the fact audit: (a) FactCC-style swap cases,
// real articles with one fact changed on purpose, where the audit must call
// the changed fact "altered" and leave the others alone; (b) LLMFake's
// deliberately manipulated articles against their sources, which the audit
// must flag, and faithful paraphrases of the same articles, which it must
// not call altered; (c) the l2r rewrites as they are, where every
// "altered" line is a false alarm unless the LLM changed the claim. An
// entity-overlap baseline runs on the same items as (a) and (b).
package auditeval

import (
	"context"
	"fmt"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/suite"
)

// Seed fixes the generator and the samples, so every run measures the same
// items.
const Seed = 7

// quickItems is how many items each part uses when env.Quick is set.
const quickItems = 50

// Section returns the "audit" section of the benchmark.
func Section() suite.Section {
	return suite.Section{Name: "audit", Run: run}
}

func run(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	swaps, err := swapRows(ctx, env)
	if err != nil {
		return nil, err
	}
	unedited, err := uneditedRows(ctx, env)
	if err != nil {
		return nil, err
	}
	fakes, err := llmfakeRows(ctx, env)
	if err != nil {
		return nil, err
	}
	return append(append(swaps, unedited...), fakes...), nil
}

// auditPair aligns and audits query text against source text; it returns
// the query's profile and the alignment too.
func auditPair(query, source string) (*audit.Result, *analyze.Profile, *align.Alignment) {
	q, s := analyze.AnalyzeText(query), analyze.AnalyzeText(source)
	al := align.Align(q, s, align.Options{})
	return audit.Audit(q, s, al, audit.Options{}), q, al
}

func share(n, d int) float64 {
	if d == 0 {
		return 0
	}
	return float64(n) / float64(d)
}

func pct(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }
