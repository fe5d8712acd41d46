// Package alignment is the benchmark section for passage alignment. Its
// rows:
//
//   - PAN13 text alignment, no obfuscation (pan.go, reanchor.go, plagdet.go):
//     PAN's character-level precision, recall, granularity and PlagDet of
//     the aligner's verbatim passages, against truth offsets re-anchored in
//     this damaged copy of the corpus (and, for comparison, against the
//     offsets as given), beside a shared-8-gram chaining baseline (baseline.go),
//     with the median time per pair on one core;
//   - LLM rewrites (rewrites.go): for l2r, SheepDog and llmfake, the share of
//     the rewrite's sentences aligned to a source sentence, the share of
//     source sentences covered, and the same alignment against a wrong
//     source as a control;
//   - MSRP (msrp.go): accuracy and F1 of "these two sentences say the same"
//     by the aligner's sentence similarity, beside TF-IDF cosine, thresholds
//     fitted on the train file and judged on the test file.
//
// To run this section alone: SECTION_FULL=1 go test ./bench/alignment -run
// SectionFull -v (SECTION_FULL=quick for the quick samples).
package alignment

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"time"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/suite"
)

// Section returns the alignment section of the benchmark.
func Section() suite.Section {
	return suite.Section{Name: "alignment", Run: run}
}

// Sample sizes of a quick run.
const (
	quickPAN      = 50
	quickMSRP     = 100
	quickRewrites = 50
)

func run(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	var rows []suite.Row
	for _, part := range []func(context.Context, *suite.Env) ([]suite.Row, error){panRows, rewriteRows, msrpRows} {
		if err := ctx.Err(); err != nil {
			return rows, err
		}
		r, err := part(ctx, env)
		if err != nil {
			return rows, err
		}
		rows = append(rows, r...)
	}
	return rows, nil
}

// PANResult is the outcome of the PAN run, for the section and for tests.
type PANResult struct {
	Pairs int
	// Storytrace scores the verbatim and near-verbatim passages found with
	// PANOptions against the re-anchored truth, Raw the same against the
	// offsets as given, All every passage (paraphrase and summary too),
	// Defaults the verbatim passages found with the default options, Chain
	// the 8-gram baseline.
	Storytrace, Raw, All, Defaults, Chain Scores
	// Median milliseconds per pair: align.Align with PANOptions and with
	// the defaults (profiles analysed beforehand), the baseline, and the
	// analysis of a pair's two texts.
	AlignMS, DefaultsMS, ChainMS, AnalyzeMS float64
	Failed                                  int // truth passages not re-anchored
	MedianDrift                             int // median |start drift| over both documents
}

// RunPAN aligns every pair and scores the passages. It runs on one core
// (GOMAXPROCS 1 for its duration, so the collector does not borrow a second
// one), as PAN's timings are quoted.
func RunPAN(ctx context.Context, pairs []PANPair) (PANResult, error) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	res := PANResult{Pairs: len(pairs)}
	var cases, raw, dets, all, defaults, chain []Annotation
	var alignT, defaultsT, chainT, analyzeT suite.Timer
	timed := func(t *suite.Timer, f func()) {
		t0 := time.Now()
		f()
		t.Add(time.Since(t0))
	}
	var drift []int
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var q, s *analyze.Profile
		var d, a, def, ch []Annotation
		timed(&analyzeT, func() { q, s = analyze.AnalyzeText(p.SuspText), analyze.AnalyzeText(p.SrcText) })
		timed(&alignT, func() { d, a = Detect(p, q, s, PANOptions) })
		timed(&defaultsT, func() { def, _ = Detect(p, q, s, align.Options{}) })
		timed(&chainT, func() { ch = ngramChain(p) })
		cases, raw = append(cases, p.Cases...), append(raw, p.Raw...)
		dets, all, defaults, chain = append(dets, d...), append(all, a...), append(defaults, def...), append(chain, ch...)
		res.Failed += p.Failed
		for _, dr := range p.Drift {
			drift = append(drift, abs(dr[0]), abs(dr[1]))
		}
	}
	res.Storytrace, res.Raw, res.Chain = Evaluate(cases, dets), Evaluate(raw, dets), Evaluate(cases, chain)
	res.All, res.Defaults = Evaluate(cases, all), Evaluate(cases, defaults)
	res.AlignMS, res.DefaultsMS = alignT.Percentile(0.5), defaultsT.Percentile(0.5)
	res.ChainMS, res.AnalyzeMS = chainT.Percentile(0.5), analyzeT.Percentile(0.5)
	if len(drift) > 0 {
		slices.Sort(drift)
		res.MedianDrift = drift[len(drift)/2]
	}
	return res, nil
}

func panRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	limit := 0
	if env.Quick {
		limit = quickPAN
	}
	pairs, err := LoadPAN(env.Shared, limit)
	if err != nil {
		return nil, err
	}
	env.Logf("alignment: PAN13 no-obfuscation, %d pairs", len(pairs))
	res, err := RunPAN(ctx, pairs)
	if err != nil {
		return nil, err
	}
	const table = "alignment: PAN13 no obfuscation"
	row := func(set, method string, sc Scores, ms float64) suite.Row {
		return suite.Row{Table: table, Set: set, Method: method, N: res.Pairs, Metrics: []suite.Metric{
			suite.M("precision", sc.Precision), suite.M("recall", sc.Recall),
			{Name: "granularity", Value: sc.Granularity, Format: "%.4f"}, suite.M("plagdet", sc.PlagDet),
			{Name: "ms/pair", Value: ms, Format: "%.2f"},
		}}
	}
	const anchored, given = "pan13-02, re-anchored truth", "pan13-02, offsets as given"
	st := row(anchored, "storytrace", res.Storytrace, res.AlignMS)
	st.Note = fmt.Sprintf("PAN13: the %d truth passages are re-anchored in this damaged copy by string match "+
		"(median start drift %d characters; %d kept their given offsets). storytrace rows score the verbatim and "+
		"near-verbatim passages, with passages of at least %d words (PAN cases are ≥ 256 characters) or the default %d; "+
		"\"all passages\" adds the sentence-level ones. ms/pair: median time of the method on one core, "+
		"profiles analysed beforehand (analysis %.1f ms/pair). Best published PlagDet 0.9812.",
		res.Storytrace.Cases, res.MedianDrift, res.Failed, PANOptions.MinVerbatimWords, align.DefaultMinVerbatimWords, res.AnalyzeMS)
	return []suite.Row{
		st,
		row(anchored, "storytrace, default options", res.Defaults, res.DefaultsMS),
		row(anchored, "storytrace, all passages", res.All, res.AlignMS),
		row(anchored, "8-gram chaining", res.Chain, res.ChainMS),
		row(given, "storytrace", res.Raw, res.AlignMS),
	}, nil
}
