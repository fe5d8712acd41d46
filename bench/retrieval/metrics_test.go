package retrieval

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
)

func TestThresholdLeavesTheShareAbove(t *testing.T) {
	neg := make([]float64, 200)
	for i := range neg {
		neg[i] = float64(i) / 200 // 0, 0.005, …, 0.995
	}
	th := threshold(neg, 0.01)
	above := 0
	for _, s := range neg {
		if s > th {
			above++
		}
	}
	if above != 2 {
		t.Fatalf("threshold %.3f leaves %d of 200 above, want 2 (1%%)", th, above)
	}
	if threshold(nil, 0.01) != 0 {
		t.Fatal("threshold of no negatives should be 0")
	}
}

// A hand-worked case: four derived queries on the report half (two found at
// rank 1 above the threshold, one at rank 1 below it, one at rank 2) and
// negatives on both halves.
func TestAttributionByHand(t *testing.T) {
	q := func(label string, fit, withheld bool) query {
		return query{Query: corpus.Query{Label: label, Source: "s"}, fit: fit, withheld: withheld}
	}
	qs := []query{
		q("rewrite", false, false), q("rewrite", false, false), q("rewrite", false, false), q("rewrite", false, false),
	}
	res := []outcome{
		{rank: 1, score: 0.995, claimed: true, derived: true}, {rank: 1, score: 0.985, claimed: true},
		{rank: 1, score: 0.1, claimed: true, derived: true}, {rank: 2, score: 0.9, claimed: true, derived: true},
	}
	// 100 fit-half negatives scoring 0..0.99: the 1% threshold is 0.98.
	for i := 0; i < 100; i++ {
		qs = append(qs, q("rewrite", true, true))
		res = append(res, outcome{score: float64(i) / 100, claimed: true})
	}
	// Report-half negatives: one above 0.98, one below.
	qs = append(qs, q("same-event", false, false), q("same-event", false, false))
	res = append(res, outcome{score: 0.99, claimed: true, derived: true}, outcome{score: 0.5, claimed: true})
	// METER's unlabelled newspaper stories with their PA text present are
	// neither positives nor negatives, whatever is claimed for them.
	qs = append(qs, q(corpus.LabelSameStory, false, false), q(corpus.LabelSameStory, false, false))
	res = append(res, outcome{rank: 1, score: 0.999, claimed: true}, outcome{rank: 1, score: 0.1, claimed: true})

	row := attributionRow("m", qs, res, true)
	got := map[string]float64{}
	for _, m := range row.Metrics {
		got[m.Name] = m.Value
	}
	if math.Abs(got["threshold"]-0.98) > 1e-9 {
		t.Fatalf("threshold %.3f, want 0.98", got["threshold"])
	}
	// Two of the four report-half positives are right and above 0.98.
	if got["attribution@1%FD"] != 0.5 || got["FD on report half"] != 0.5 || row.N != 4 {
		t.Fatalf("row %+v", row)
	}
	// The report half's two negatives score 0.99 and 0.5: at its own 1%
	// point (0.99) only the positive at 0.995 is above.
	if got["@1%FD, report-half threshold"] != 0.25 {
		t.Fatalf("report-half threshold: %+v", row.Metrics)
	}
	if got["@1%FD, reuse set aside"] != 0.5 || got["negatives set aside"] != 0 {
		t.Fatalf("nothing set aside, yet %+v", row.Metrics)
	}
	// At the default verdict: the first and third positives are ranked
	// first with a derived verdict (the fourth is derived but ranked
	// second); one of the report half's two negatives is derived, and
	// none of the fit half's 100.
	if got["attribution at default verdict"] != 0.5 || got["report-half FD at default verdict"] != 0.5 ||
		math.Abs(got["FD at default verdict"]-1.0/102) > 1e-9 {
		t.Fatalf("default verdict: %+v", row.Metrics)
	}

	// The fit half's top two negatives repeat their top hit's words: set
	// aside, the 1% threshold of the 98 left is 0.97, and the positive
	// at rank 1 scoring 0.975 counts beside those at 0.985 and 0.995.
	res[4+98].reuse, res[4+99].reuse = true, true
	res[2].score = 0.975
	row = attributionRow("m", qs, res, true)
	got = map[string]float64{}
	for _, m := range row.Metrics {
		got[m.Name] = m.Value
	}
	if got["attribution@1%FD"] != 0.5 || got["@1%FD, reuse set aside"] != 0.75 || got["negatives set aside"] != 2 {
		t.Fatalf("two set aside: %+v", row.Metrics)
	}
}

func TestSharesRun(t *testing.T) {
	a := runWords("The minister said on Tuesday that the new plan would cut waiting times by half within two years.")
	b := runWords("In a statement, the minister said on Tuesday that the new plan would cut waiting times by half.")
	if !sharesRun(a, b, 15) || sharesRun(a, b, 18) {
		t.Fatalf("the texts share a run of 15 words, not 18")
	}
	if sharesRun(a, nil, 1) || sharesRun(a[:3], a[:3], 4) {
		t.Fatal("a run longer than a text")
	}
}

// TestReuseRunOnCOUNTER checks the set-aside rule on COUNTER's labelled
// pairs: a 20-word run repeated word for word is common among the wholly
// derived texts and rare among the non-derived ones, and the non-derived
// texts that reach it repeat long passages (counter/0436p, 108 words of
// its agency source).
func TestReuseRunOnCOUNTER(t *testing.T) {
	set, err := corpus.Load("../../../shared", "counter")
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	for _, d := range set.Docs {
		text[d.ID] = d.Text
	}
	n, hit := map[string]int{}, map[string]int{}
	for _, q := range set.Queries {
		n[q.Label]++
		if sharesRun(runWords(q.Text), runWords(text[q.Source]), reuseRun) {
			hit[q.Label]++
			if q.ID == "counter/0436p" {
				hit["0436p"]++
			}
		}
	}
	t.Logf("reaching %d words: wholly %d/%d, partly %d/%d, non-derived %d/%d", reuseRun,
		hit["wholly-derived"], n["wholly-derived"], hit["partly-derived"], n["partly-derived"], hit["non-derived"], n["non-derived"])
	if hit["0436p"] != 1 {
		t.Error("counter/0436p repeats 108 words of its source, not found")
	}
	if float64(hit["wholly-derived"]) < 0.4*float64(n["wholly-derived"]) || float64(hit["non-derived"]) > 0.1*float64(n["non-derived"]) {
		t.Errorf("want most wholly derived texts and few non-derived ones to reach %d words", reuseRun)
	}
}

func TestRecallRowsCountRanks(t *testing.T) {
	mk := func(group string) query {
		return query{Query: corpus.Query{Group: group, Label: "rewrite", Source: "s"}}
	}
	qs := []query{mk("a"), mk("a"), mk("a"), mk("a")}
	res := []outcome{{rank: 1}, {rank: 2}, {rank: 0}, {rank: 1, latency: time.Millisecond}}
	rows := recallRows("m", qs, res)
	if len(rows) != 2 || rows[0].Set != "a" {
		t.Fatalf("rows %+v", rows)
	}
	m := map[string]float64{}
	for _, x := range rows[0].Metrics {
		m[x.Name] = x.Value
	}
	// recall@1 2/4, recall@10 3/4, MRR (1 + 1/2 + 0 + 1)/4.
	if m["recall@1"] != 0.5 || m["recall@10"] != 0.75 || m["MRR"] != 0.625 {
		t.Fatalf("metrics %+v", m)
	}
}

// TestWithheldSourcesFallInBothHalves checks that choosing the withheld
// sources does not choose their half: on the BBC articles' ids, the withheld
// ones split about evenly between fit and report, as all ids do. (With FNV-1a
// every withheld id fell in the report half.)
func TestWithheldSourcesFallInBothHalves(t *testing.T) {
	set, err := corpus.Load("../../../shared", "bbc")
	if err != nil {
		t.Fatal(err)
	}
	withheld, fit := 0, 0
	for _, d := range set.Docs {
		if hashOf("withhold/"+d.ID)%10 != 0 {
			continue
		}
		withheld++
		if inFitHalf(0, d.ID, "") {
			fit++
		}
	}
	if withheld < len(set.Docs)/20 || withheld > len(set.Docs)/5 {
		t.Fatalf("%d of %d articles withheld, want about one in ten", withheld, len(set.Docs))
	}
	if share := float64(fit) / float64(withheld); share < 0.4 || share > 0.6 {
		t.Errorf("%d of %d withheld articles in the fit half (%.2f), want about half", fit, withheld, share)
	}
}

// TestCalibrationByHand: report-half queries only; a derived query counts
// as sourced only when its true source is ranked first, a negative never;
// rule claims go to their own row.
func TestCalibrationByHand(t *testing.T) {
	q := func(label string, fit, withheld bool) query {
		return query{Query: corpus.Query{Label: label, Source: "s"}, fit: fit, withheld: withheld}
	}
	qs := []query{
		q("rewrite", false, false),    // 0.995, rank 1: a source
		q("rewrite", false, false),    // 0.995, rank 2: the wrong one
		q("same-event", false, false), // 0.2: not a source
		q("rewrite", false, true),     // withheld, 0.2
		q("rewrite", true, false),     // fit half: left out
		q("rewrite", false, false),    // by a rule, rank 1
		q("same-event", true, false),  // by a rule on the fit half: wrong
		q(corpus.LabelSameStory, false, false),
	}
	res := []outcome{
		{rank: 1, score: 0.995, claimed: true}, {rank: 2, score: 0.995, claimed: true},
		{score: 0.2, claimed: true}, {score: 0.2, claimed: true},
		{rank: 1, score: 0.5, claimed: true}, {rank: 1, score: 0.95, claimed: true, derived: true, rule: audit.RuleShortSource},
		{rank: 1, score: 0.95, claimed: true, derived: true, rule: audit.RuleShortSource},
		{rank: 1, score: 0.999, claimed: true},
	}
	rows := calibrationRows(qs, res)
	all := rows[0]
	if all.N != 4 {
		t.Fatalf("model row counts %d queries, want 4: %+v", all.N, all)
	}
	got := map[string]float64{}
	for _, m := range all.Metrics {
		got[m.Name] = m.Value
	}
	// Bins [0.1, 0.3): two at 0.2, none a source (gap 0.2); top bin: two
	// at 0.995, one a source (gap 0.495). ECE = (2·0.2 + 2·0.495)/4.
	if math.Abs(got["ECE"]-(0.4+0.99)/4) > 1e-9 || got["share that are sources"] != 0.25 {
		t.Fatalf("model row %+v", all.Metrics)
	}
	fit, report := rows[len(rows)-2], rows[len(rows)-1]
	if !strings.Contains(fit.Set, "fit half") || fit.N != 1 || fit.Metrics[1].Value != 0 {
		t.Fatalf("fit-half rule row %+v", fit)
	}
	if !strings.Contains(report.Set, "report half") || report.N != 1 || report.Metrics[1].Value != 1 {
		t.Fatalf("report-half rule row %+v", report)
	}
}

// A hand-worked case for the tables by set: two methods, a set of derived
// queries, withheld sources and same-event texts on the report half, and a
// fit-half query that counts nowhere.
func TestBySetByHand(t *testing.T) {
	q := func(set, group, label string, fit, withheld bool) query {
		return query{Query: corpus.Query{Set: set, Group: group, Label: label, Source: "s"}, fit: fit, withheld: withheld}
	}
	var qs []query
	var st, peer []outcome
	// 100 report-half withheld sources: each method's 1% point is its
	// second-highest score, so each claims its highest (storytrace 0.999,
	// the peer 99); storytrace's verdict calls one of them derived.
	for i := range 100 {
		qs = append(qs, q("l2r", "l2r/GPT-4o", "rewrite", false, true))
		st = append(st, outcome{score: float64(i) / 1000, claimed: true, derived: i == 99})
		peer = append(peer, outcome{score: float64(i), claimed: true})
	}
	st[0].score = 0.999
	// Three l2r rewrites: the first attributed by both, the second ranked
	// first but below storytrace's point (0.099) and above the peer's (98),
	// the third not ranked first.
	for _, o := range [][2]outcome{
		{{rank: 1, score: 0.9999, claimed: true, derived: true}, {rank: 1, score: 1000, claimed: true}},
		{{rank: 1, score: 0.05, claimed: true, derived: true}, {rank: 1, score: 99.5, claimed: true}},
		{{rank: 2, score: 0.9999, claimed: true, derived: true}, {rank: 2, score: 1000, claimed: true}},
	} {
		qs = append(qs, q("l2r", "l2r/GPT-4o", "rewrite", false, false))
		st, peer = append(st, o[0]), append(peer, o[1])
	}
	// An LLMFake paraphrase by Vicuna, and a fit-half query.
	qs = append(qs, query{Query: corpus.Query{Set: "llmfake", Group: "llmfake/vicuna-7b/paraphrase", Label: "paraphrase", Source: "s",
		Extra: map[string]string{"generator": "vicuna-7b"}}})
	st, peer = append(st, outcome{rank: 1, score: 0.99999, claimed: true, derived: true}), append(peer, outcome{rank: 1, score: 5000, claimed: true})
	qs = append(qs, q("l2r", "l2r/GPT-4o", "rewrite", true, false))
	st, peer = append(st, outcome{rank: 1, score: 1, claimed: true, derived: true}), append(peer, outcome{rank: 1, score: 1, claimed: true})

	rows := bySetRows([]string{"storytrace", "peer"}, qs, [][]outcome{st, peer})
	got := map[string][]float64{}
	for _, r := range rows {
		var v []float64
		for _, m := range r.Metrics {
			v = append(v, m.Value)
		}
		got[r.Table+"|"+r.Set] = append([]float64{float64(r.N)}, v...)
	}
	want := map[string][]float64{
		// n, storytrace at its point, storytrace's verdict, the peer at its point
		"attribution by set|l2r/GPT-4o":                            {3, 1.0 / 3, 2.0 / 3, 2.0 / 3},
		"attribution by set|llmfake/llama-2 and vicuna/paraphrase": {1, 1, 1, 1},
		"false derivations by set|l2r (source withheld)":           {100, 0.01, 0.01, 0.01},
	}
	if len(got) != len(want) {
		t.Fatalf("rows %v, want %v", got, want)
	}
	for k, w := range want {
		g := got[k]
		if len(g) != len(w) {
			t.Fatalf("%s: %v, want %v", k, g, w)
		}
		for i := range w {
			if math.Abs(g[i]-w[i]) > 1e-9 {
				t.Errorf("%s: %v, want %v", k, g, w)
				break
			}
		}
	}
}
