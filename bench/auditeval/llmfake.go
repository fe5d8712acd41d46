package auditeval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/facts"
)

// manipulationTypes are LLMFake's six fact-manipulation files (PolitiFact,
// ChatGPT); see shared/data/llmfake/SOURCE.md.
var manipulationTypes = []string{
	"Description_Ambiguity", "False_Context", "Incomplete_Fact",
	"Outdated_Information", "Total_Fabrication", "Unsubstantiated_Content",
}

// fakePair is one LLMFake generation: the LLM text made from a human
// article, and that article.
type fakePair struct{ id, source, query string }

// fakePairs returns ChatGPT's PolitiFact generations of set (a generation
// from an article that upstream cut at 4,000 characters cut in turn to the
// part the cut article covers; see coveredPart), the usable
// ones (corpus.Query.Usable: not a translation, not an echo of the prompt,
// for a paraphrase one that restates its source), grouped by manipulation
// type, and the paraphrases. The loader has already left out the rows that
// are no generation at all (an unchanged copy, or a longer text of the article
// beside its copy cut at 4,000 characters).
func fakePairs(set *corpus.Set) (manipulated map[string][]fakePair, paraphrases []fakePair) {
	docs := set.DocIndex()
	manipulated = map[string][]fakePair{}
	for _, q := range set.Queries {
		if q.Extra["generator"] != "chatgpt" || q.Extra["dataset"] != "politifact" {
			continue
		}
		i, found := docs[q.Source]
		if usable, _ := q.Usable(); !found || !usable {
			continue
		}
		p := fakePair{q.Source, set.Docs[i].Text, q.Text}
		if corpus.LLMFakeTruncated(p.source) {
			p.query = coveredPart(p.query, p.source)
		}
		switch q.Label {
		case corpus.LabelManipulated:
			manipulated[q.Extra["detail"]] = append(manipulated[q.Extra["detail"]], p)
		case corpus.LabelParaphrase:
			paraphrases = append(paraphrases, p)
		}
	}
	return manipulated, paraphrases
}

// coveredPart returns query up to the end of its last sentence aligned
// with source. LLMFake's generations were made from whole articles, but
// the set keeps each article's first 4,000 characters only; what a
// generation says after its last sentence aligned with those has its
// source in the part that was cut, and auditing it against the cut
// article would call every such sentence unsupported — a false alarm for
// a faithful paraphrase and a free flag for a manipulation alike. The
// generations keep the article's order, so the last aligned sentence
// marks the cut.
func coveredPart(query, source string) string {
	q, s := analyze.AnalyzeText(query), analyze.AnalyzeText(source)
	end := -1
	for _, p := range align.Align(q, s, align.Options{}).Pairs {
		end = max(end, p.Query.End)
	}
	if end < 0 {
		return query
	}
	return query[:end]
}

// sample returns up to n pairs in a seeded random order.
func sample(ps []fakePair, n int) []fakePair {
	rng := rand.New(rand.NewPCG(Seed, 1))
	rng.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
	if n > 0 && len(ps) > n {
		ps = ps[:n]
	}
	return ps
}

// llmfakeRows measures the share of manipulated articles flagged, per type,
// and the share of faithful paraphrases called altered, with the entity
// overlap baseline on the same items. Because a flag is a yes/no that a
// threshold-free reader cannot compare with published checkers, each type
// also gets the ROC-AUC of a graded score (see score) separating its
// manipulations from the paraphrases, as the SummaC benchmark reports.
func llmfakeRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	n := 0
	if env.Quick {
		n = quickItems
	}
	data, err := corpus.Load(env.Shared, "llmfake")
	if err != nil {
		return nil, fmt.Errorf("audit llmfake: %w", err)
	}
	all, paras := fakePairs(data)
	byType := map[string][]fakePair{}
	manipulated := map[string]bool{}
	for _, kind := range manipulationTypes {
		if len(all[kind]) == 0 {
			return nil, fmt.Errorf("audit llmfake: no %s manipulations", kind)
		}
		for _, p := range all[kind] {
			manipulated[p.id] = true
		}
		byType[kind] = sample(all[kind], n)
	}
	// The paraphrases of the same articles as the manipulations, when the
	// data holds enough of them; all paraphrases otherwise.
	var same []fakePair
	for _, p := range paras {
		if manipulated[p.id] {
			same = append(same, p)
		}
	}
	if len(same) >= 30 {
		paras = same
	}
	para, err := measureFake(ctx, sample(paras, n))
	if err != nil {
		return nil, err
	}
	var rows []suite.Row
	for _, kind := range manipulationTypes {
		m, err := measureFake(ctx, byType[kind])
		if err != nil {
			return nil, err
		}
		set := "llmfake/" + kind
		rows = append(rows,
			m.row(set, "storytrace", auc(m.scores, para.scores)),
			m.baseRow(set, auc(m.baseScores, para.baseScores)))
		env.Logf("audit llmfake %s: flagged %s of %d, AUC %.3f (baseline flagged %s, AUC %.3f)", kind,
			pct(share(m.flagged, m.n)), m.n, auc(m.scores, para.scores), pct(share(m.base, m.n)), auc(m.baseScores, para.baseScores))
	}
	set := "llmfake/paraphrase (faithful)"
	r := para.row(set, "storytrace", -1)
	r.Note = "on faithful paraphrases every flag is a false alarm; the target (≤ 5%) is on \"altered\""
	rows = append(rows, r, para.baseRow(set, -1))
	env.Logf("audit llmfake paraphrases: altered %s, flagged %s of %d (baseline flagged %s)",
		pct(share(para.altered, para.n)), pct(share(para.flagged, para.n)), para.n, pct(share(para.base, para.n)))
	return rows, nil
}

// fakeTally is what measureFake counts over a set of pairs.
type fakeTally struct {
	n, flagged, altered, unsupported, base int
	// copies counts the unflagged pairs whose query is at least
	// copyShare source text copied (nearly) word for word: an excerpt
	// presented as a manipulation (Incomplete_Fact's omissions, an
	// unchanged passage) has no altered fact and no unsupported claim to
	// find.
	copies             int
	scores, baseScores []float64
}

// copyShare is the share of a query's terms in (nearly) verbatim
// sentences above which an unflagged pair counts among fakeTally.copies.
const copyShare = 0.8

// row renders the tally; auc < 0 leaves the AUC column out.
func (t fakeTally) row(set, method string, auc float64) suite.Row {
	r := suite.Row{Table: "audit: llmfake", Set: set, Method: method, N: t.n, Metrics: []suite.Metric{
		suite.M("flagged", share(t.flagged, t.n)),
		suite.M("altered", share(t.altered, t.n)),
		suite.M("unsupported", share(t.unsupported, t.n)),
	}}
	if auc >= 0 {
		r.Metrics = append(r.Metrics, suite.M("AUC vs paraphrase", auc))
	}
	r.Metrics = append(r.Metrics, suite.M("unflagged copies", share(t.copies, t.n)))
	return r
}

func (t fakeTally) baseRow(set string, auc float64) suite.Row {
	r := suite.Row{Table: "audit: llmfake", Set: set, Method: "entity overlap", N: t.n, Metrics: []suite.Metric{
		suite.M("flagged", share(t.base, t.n)),
	}}
	if auc >= 0 {
		r.Metrics = append(r.Metrics, suite.M("AUC vs paraphrase", auc))
	}
	return r
}

// measureFake audits each pair and tallies the flagged, altered and
// unsupported shares, the unflagged copies, the baseline's flags, and both
// graded scores.
func measureFake(ctx context.Context, pairs []fakePair) (fakeTally, error) {
	t := fakeTally{n: len(pairs)}
	for _, p := range pairs {
		if err := ctx.Err(); err != nil {
			return t, err
		}
		res, q, al := auditPair(p.query, p.source)
		if res.Flagged() {
			t.flagged++
		} else if float64(audit.VerbatimTerms(q, al)) >= copyShare*float64(q.Length) {
			t.copies++
		}
		if res.AlteredCount() > 0 {
			t.altered++
		}
		if len(res.Unsupported) > 0 {
			t.unsupported++
		}
		novel, total := entityOverlap(p.query, p.source)
		if novel > 0 {
			t.base++
		}
		t.scores = append(t.scores, score(res, len(q.Sentences)))
		t.baseScores = append(t.baseScores, share(novel, total))
	}
	return t, nil
}

// score grades an audit: the share of the query's sentences that are
// unsupported, with each alteration counting as two such sentences.
func score(res *audit.Result, sentences int) float64 {
	return float64(len(res.Unsupported)+2*res.AlteredCount()) / float64(max(1, sentences))
}

// auc is the ROC area under the curve of scores pos (should be high)
// against neg: the chance that a random positive outscores a random
// negative, ties counting half.
func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	wins := 0.0
	for _, p := range pos {
		for _, n := range neg {
			switch {
			case p > n:
				wins++
			case p == n:
				wins += 0.5
			}
		}
	}
	return wins / float64(len(pos)*len(neg))
}

// entityOverlapFlags is the symbolic baseline (NER overlap, as in the
// SummaC benchmark): the query is flagged when it names an entity, or
// states a figure or date, that the source does not contain.
func entityOverlapFlags(query, source string) bool {
	novel, _ := entityOverlap(query, source)
	return novel > 0
}

// entityOverlap counts the query's entities, figures and dates, and those
// of them the source does not contain.
func entityOverlap(query, source string) (novel, total int) {
	keys := map[string]bool{}
	for _, f := range facts.Extract(source) {
		keys[f.Key()] = true
	}
	low := strings.ToLower(source)
	for _, f := range facts.Extract(query) {
		total++
		if !keys[f.Key()] {
			novel++
		}
	}
	for _, e := range facts.Entities(query) {
		total++
		if !strings.Contains(low, strings.ToLower(e.Entity)) {
			novel++
		}
	}
	return novel, total
}
