package audit

import (
	"fmt"
	"math"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// Verdict is what a query is to a candidate source.
type Verdict string

// The verdicts. Copy, Rewrite, Partial and Summary are "derived": the query's
// text was made from the source's. SameEvent is independent coverage of the
// same story.
const (
	Copy      Verdict = "copy"
	Rewrite   Verdict = "rewrite"
	Partial   Verdict = "partial reuse"
	Summary   Verdict = "summary"
	SameEvent Verdict = "same event"
	Unrelated Verdict = "unrelated"
)

// Derived reports whether v says the query was made from the source.
func (v Verdict) Derived() bool { return v == Copy || v == Rewrite || v == Partial || v == Summary }

// Evidence is what a decision rests on.
type Evidence struct {
	QueryCoverage  float64 `json:"query_coverage"`  // share of the query aligned to the source
	SourceCoverage float64 `json:"source_coverage"` // share of the source aligned to the query
	Support        float64 `json:"support"`         // similarity-weighted query coverage
	Verbatim       float64 `json:"verbatim"`        // share of aligned query sentences verbatim or near-verbatim
	Jaccard        float64 `json:"jaccard"`         // estimated word-3-shingle Jaccard
	FactsKept      int     `json:"facts_kept"`      // quantities and dates in both
	FactsAltered   int     `json:"facts_altered"`
	RareFactsKept  int     `json:"rare_facts_kept"` // kept figures of three or more significant digits
	// Margin is how far this source's support lies above the best other
	// candidate's (trace), or the support itself (compare).
	Margin float64 `json:"margin"`
	// Standing is how far this source's BM25 score stands above the crowd
	// of other candidates (trace: against the sixth best other article):
	// the log of their ratio, within ±MaxStanding; 0, no evidence either
	// way, where no other candidate was scored (compare, the reverse
	// question). A rewrite restates its source's rarer words, which no
	// topical neighbour holds all of; a text whose source is not in the
	// archive finds neighbours that score alike.
	Standing float64 `json:"standing"`
	// SpecificsMissing is the share of the query's specifics (figures,
	// dates, names, and quotations, which count twice; origin.Specifics)
	// that the source does not state anywhere: 0 when the query states
	// none. A rewrite keeps its source's specifics or blurs them; a
	// topical neighbour, or a text written from the headline alone,
	// states its own.
	SpecificsMissing float64 `json:"specifics_missing"`
	// Bigrams is the share of the query's distinct pairs of adjacent
	// terms (within a sentence) that the source holds; SourceBigrams the
	// share of the source's the query holds; Order the share of the
	// aligned sentence pairs that keep the source's order (Phrasing).
	Bigrams       float64 `json:"bigrams"`
	SourceBigrams float64 `json:"source_bigrams"`
	Order         float64 `json:"order"`
	// QuerySpecifics weighs the specifics the query states
	// (origin.Specifics.Weight): read against its length, how much of the
	// query is figures, names and quotations. A text full of them that
	// its source lacks is a topical neighbour's; one that states few
	// lacks few by chance.
	QuerySpecifics float64 `json:"query_specifics,omitempty"`
	// QueryTerms and SourceTerms are the texts' lengths in index terms
	// (0 when unknown); they tell a summary and a short source.
	QueryTerms  int `json:"query_terms,omitempty"`
	SourceTerms int `json:"source_terms,omitempty"`
	// VerbatimTerms counts the query's terms in sentences aligned verbatim
	// or nearly (0 when unknown).
	VerbatimTerms int `json:"verbatim_terms,omitempty"`
}

// VerbatimTerms counts q's terms in sentences that al aligns verbatim or
// nearly verbatim.
func VerbatimTerms(q *analyze.Profile, al *align.Alignment) int {
	n := 0
	seen := map[int]bool{}
	for _, p := range al.Pairs {
		if (p.Kind == align.Verbatim || p.Kind == align.NearVerbatim) && !seen[p.QuerySentence] && p.QuerySentence < len(q.Sentences) {
			seen[p.QuerySentence] = true
			n += len(q.Sentences[p.QuerySentence].Terms)
		}
	}
	return n
}

// Decision is the verdict with its confidence and evidence.
type Decision struct {
	Verdict    Verdict  `json:"verdict"`
	Confidence float64  `json:"confidence"`
	Evidence   Evidence `json:"evidence"`
	Reasons    []string `json:"reasons"`
	// Rule names the rule that made the verdict derived where the model
	// did not (RuleShortSource, RuleVerbatimReuse); empty otherwise.
	Rule string `json:"rule,omitempty"`
}

// The rules that can call a query derived beside the model.
const (
	RuleShortSource   = "short source"
	RuleVerbatimReuse = "verbatim reuse"
)

// Collect gathers the evidence from an alignment, a fact diff and the
// estimated shingle Jaccard.
func Collect(al *align.Alignment, diff []FactChange, jaccard float64) Evidence {
	e := Evidence{
		QueryCoverage: al.QueryCoverage, SourceCoverage: al.SourceCoverage,
		Support: al.Support, Jaccard: jaccard,
	}
	near := 0
	for _, p := range al.Pairs {
		if p.Kind == align.Verbatim || p.Kind == align.NearVerbatim {
			near++
		}
	}
	if len(al.Pairs) > 0 {
		e.Verbatim = float64(near) / float64(len(al.Pairs))
	}
	for _, c := range diff {
		switch c.Change {
		case Kept:
			e.FactsKept++
			if c.Kind == facts.Quantity && rareFigure(c.Query.Value) {
				e.RareFactsKept++
			}
		case Altered:
			e.FactsAltered++
		}
	}
	return e
}

// rareFigure reports whether a value is specific enough that two texts
// sharing it by chance is unlikely: at least three significant digits
// (541,210; 1.15 million) rather than a round or small number (3; 500,000).
func rareFigure(v float64) bool {
	v = math.Abs(v)
	if v == 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return false
	}
	for v >= 1000 && math.Mod(v, 10) == 0 {
		v /= 10
	}
	for v != math.Trunc(v) && v < 1e15 {
		v *= 10
	}
	return v >= 100
}

// DefaultModel is the derivation model Decide uses, and DerivedThreshold
// the probability at and above which Decide says the query derives from
// the source: the threshold at which 1% of the fit half's negatives
// (withheld-source rewrites, same-event texts) are claimed. Both are read
// from derived_model.json, which `storytrace bench --only retrieval --out
// DIR` writes (bench/retrieval refitRows: fitted on the fit half of the
// rewrite sets — the queries whose source id hashes even — with negatives
// the rewrites whose source was withheld from the archive and the
// same-event texts; reported on the other half). Refit it when the
// evidence changes meaning.
//
// Its history (docs/design-notes.md, "The verdict: a fitted model"): a
// logistic model on seven features until the seventeenth session, which
// added standing (a source whose BM25 stands above the crowd of other
// candidates is a source, not a topical neighbour); the twenty-first
// session added the share of the query's specifics the source does not
// state (0.783 attributed at the report half's own 1% false derivations,
// where the eight features read 0.756). Facts altered would have helped a
// little (they count against a neighbour, which pairs its own figures with
// the query's), but they are what a manipulated copy changes, and the
// derivation a fact-checker needs found must not weaken with every edit it
// hides; the facts kept took no weight.
var DefaultModel, DerivedThreshold = func() (Model, float64) {
	f := shipped("derived_model.json", derivedModel, FeatureNames)
	return f.Model, f.Threshold
}()

// ReverseModel is the derivation model of the reverse question, at its
// threshold ReverseThreshold: boosted trees reading ReverseFeatureNames,
// the derivation model's inputs but the margin and the standing, fitted by
// the benchmark on the same fit-half traces as DefaultModel
// (reverse_model.json; design notes, "The reverse question's own trees").
// The candidate in the query's place has no crowd of other candidates of
// its own to stand above, and DefaultModel, fitted on traces where a true
// source stands out, reads every reverse pair as a source level with its
// neighbours: asked of it, the reverse question found the l2r rewrites
// made from their source 0.887 → 0.562 of the time (a logistic model of
// the seventeenth session), and with the twenty-second session's trees
// the own-story figures fell too (design notes, "A boosted derivation
// model").
var ReverseModel, ReverseThreshold = func() (Model, float64) {
	f := shipped("reverse_model.json", reverseModel, ReverseFeatureNames)
	return f.Model, f.Threshold
}()

// PairModel is the derivation model for a query compared with one source
// alone. DefaultModel was fitted on traces, where a source's margin over
// the other candidates tells a rewrite from a topical neighbour; compared
// alone a pair has no other candidate, its margin is its support counted a
// second time, and the threshold fitted on traces missed a quarter of
// human-ai's rewrites (support 0.45–0.55, probability 0.95–0.978) while
// calling 6% of LLMFake's open-ended generations derived. This model is
// fitted on pairs compared alone, on PairFeatures: no margin, no verbatim
// share (the verbatim-reuse rule speaks for copying; fitted with it, the
// share took a negative weight from open-ended generations that copy
// their source's opening), and the length ratio. It is fitted by
// `storytrace bench --only verdicts` (the "verdicts: a pair compared
// alone" table, its refitted row; bench/verdicts pairModelRows) on the
// half of the labelled pairs whose source text hashes even, and reported
// on the other half. Refitted in the twenty-first session with the share
// of the query's specifics the source lacks (Evidence.SpecificsMissing):
// on the report half it calls SheepDog's rewrites derived 0.727 → 0.761 and
// LLMFake's 0.661 → 0.695 against the refit without it, human-ai's
// same-event texts 0.010 → 0.
var PairModel = Model{
	Bias: -2.065,
	// support, query_coverage, source_coverage, jaccard, log1p_rare_facts,
	// log_length_ratio, specifics_missing (PairFeatureNames)
	Weights: []float64{4.908, 2.105, 1.951, 7.105, 0.635, -0.288, -1.063},
	Pair:    true,
}

// PairThreshold is the probability at and above which DecidePair says the
// query derives from the source: 1% of the fit half's non-derived pairs
// (same-event texts, unrelated articles) reach it: 0.933 before the
// twenty-first session's refit, 0.926 since.
const PairThreshold = 0.926

// The short-source rule. A one-line claim or a brief gives the model little
// to go on: a rewrite that expands it is mostly new text (low support), yet
// it reproduces the whole source. When the source has at most
// shortSourceTerms terms, at least shortSourceCoverage of it is aligned, and
// its support stands more than shortSourceMargin above every other
// candidate's, the query is taken as derived. Chosen on the benchmark's fit
// half (bench/retrieval): of the rewrite sets' top candidates the rule fired
// for and the model had not already claimed, 3 of the 1,281 negatives of
// both halves (withheld-source rewrites, same-event texts: here three
// rewrites of one withheld coaid claim, each matching a near-identical
// claim) against 97 true sources on the report half alone. Under the
// mended split (bench/retrieval hashOf) it claims no fit-half negative and
// five report-half ones, all rewordings of withheld one-line coaid claims: a
// one-sentence source counts as wholly aligned once one pair aligns, even
// at similarity 0.3 ("Tony Evers is pushing firearm confiscation orders"
// for a rewrite of another Evers claim). A similarity-weighted source
// coverage does not tell those apart (twelfth session): of the rule's
// claims, the report half's five false ones have 0.31–0.69 of the source
// supported, its true ones from 0.32 up; at 0.4 it would drop three false
// claims and 19 true ones over both halves.
//
// A short source restated word pair by word pair needs only to stand above
// the others, not shortSourceMargin above them: at least
// shortSourceRestated of its pairs of adjacent terms are in the query
// (Evidence.SourceBigrams: "a rail freight tanker with COVID-19 stamped on
// one side" opening a 300-word essay on it), where another claim that a
// long rewrite happens to align with shares a name or two ("Governor Tony
// Evers"). The support a margin is read in is a share of the query, which
// an essay on a nine-word claim keeps small whatever its source (coaid-5246:
// 0.20 against the runner-up's 0.12). Chosen on the fit half of the
// twenty-fifth session's traces (0.3, 0.35 and 0.4 tried; the lowest that
// claims no fit-half negative): 13 more true sources there, none of 621
// negatives; on the report half 24 more true sources (attribution 0.873 →
// 0.880), none of 657 negatives. Without the "above the others" the
// rule called two-word Reuters stubs derived second sources.
const (
	shortSourceTerms    = 50
	shortSourceCoverage = 0.8
	shortSourceMargin   = 0.1
	shortSourceRestated = 0.35
	// shortSourceConfidence is the rule's precision on the fit half: 0.98
	// when the rule was chosen, 0.943 (50 of 53 claims) since the
	// seventeenth session's model, which reads standing, took the short
	// sources a rewrite restates closely and left the rule the harder ones
	// (report half 0.957, 44 of 46). With shortSourceRestated (twenty-fifth
	// session): 0.917 on the fit half (36 claims), 0.952 on the report
	// half (42).
	shortSourceConfidence = 0.94
)

// The verbatim-reuse rule. Passages pasted word for word are derivation
// whatever else the query holds: a roundup that pastes two paragraphs of a
// source into a longer piece has low support, and the model (fitted mostly on
// rewrites) does not claim it. When at least verbatimReuseTerms of the
// query's terms lie in verbatim or near-verbatim sentences, those make at
// least verbatimReuseShare of the aligned sentences (pasted, not reworded
// around a few stock phrases), the shingle Jaccard is at least
// verbatimReuseJaccard (or the verbatim passages hold the whole source:
// containedShare), and the source stands more than verbatimReuseMargin
// above the other candidates (so a stock sentence many articles share does
// not count), the query is taken as derived. A looser rule (any verbatim
// share, no Jaccard floor) claimed COUNTER "non-derived" texts that share
// 40–170 verbatim terms with their source and raised the fit half's false
// derivations from 0.9% to 1.7%; this one claims none of them there.
const (
	verbatimReuseTerms   = 40
	verbatimReuseShare   = 0.8
	verbatimReuseJaccard = 0.05
	verbatimReuseMargin  = 0.05
	// verbatimReuseConfidence: the rule claimed no negative on the fit
	// half; 0.95 leaves room for what it has not seen.
	verbatimReuseConfidence = 0.95
	// containedShare: a query whose verbatim passages hold this share of
	// the source's length holds the source whole, however much else it
	// holds (a page that carries the article among others, where the
	// verbatim share of aligned sentences is low). Among the labelled pairs
	// compared alone (bench/verdicts, "a pair compared alone") it takes 121
	// of 124 copies and 2 of 177 COUNTER non-derived texts, which copy
	// their source (see BENCHMARKS.md, attribution notes), and one of 400
	// LLMFake open-ended generations.
	containedShare = 0.8
)

// The kind of a derivation, read off the alignment. A copy reproduces most
// of the source nearly word for word; a summary is much shorter than its
// source, made mostly of its material, and leaves much of it out; partial
// reuse takes a part of the query from the source; the rest are rewrites.
//
// partialCoverage was 0.4. COUNTER's partly derived texts that the model
// calls derived have 0.46–0.92 of themselves aligned (10th to 75th
// percentile), and at 0.4 nearly all of them read "copy" or "rewrite"
// (partial reuse for 3 of 288). Chosen on half of COUNTER's pairs (SHA-256
// of the query id, even first byte) among 0.4–0.8 where the l2r rewrites
// and the copies keep their kind: 0.4 → 0.6 raised that half's macro-F1
// 0.399 → 0.447, the other half's 0.441 → 0.490; 2 of 274 derived l2r
// rewrites and 6 of 122 derived copies (the whole article against a copy
// cut at 4,000 characters) turn partial reuse. 0.7 reads a little higher on
// both halves (0.459, 0.511) and moves twice as many rewrites.
const (
	copyCoverage    = 0.8 // query, source and verbatim share at least this
	summaryLength   = 0.6 // query terms at most this share of the source's
	summaryQuery    = 0.6 // share of the query aligned, at least
	summarySource   = 0.7 // share of the source aligned, below
	partialCoverage = 0.6 // share of the query aligned, below
)

// sameEventCoverage is the share of the query that must align to a
// non-derived source for the two to be the same story ("same event") rather
// than unrelated. Facts kept do not count: two figures or dates in common
// (a year, "two", "£1m") made 64 of 300 pairs of BBC articles from different
// categories "same event"; with the aligned share alone 2 are, while
// human-ai's headline-only generations called same event fall from 177 to
// 172 of 200 and llmfake's open-ended generations from 247 to 240 of 280
// (bench/verdicts, "verdict kinds on real pairs").
const sameEventCoverage = 0.05

// minStandingReason is the standing from which a reason names it: a
// source 10% above the crowd's BM25 hardly stands out.
const minStandingReason = 0.1

// Decide turns evidence into a verdict.
//
// Whether the query derives from the source is the model's call
// (DefaultModel, at DerivedThreshold): it weighs how much of the query the
// source supports, how far it stands above the other candidates, shared
// rare figures and verbatim runs. Which derived verdict — copy, rewrite or
// partial reuse — and which non-derived one — same event or unrelated — is
// read off the alignment by the rules below. Confidence is the model's
// probability of the verdict's side.
func Decide(e Evidence) Decision { return DecideWith(e, DefaultModel, DerivedThreshold, false) }

// DecidePair is Decide for a query compared with one source alone
// (storytrace compare): PairModel at PairThreshold makes the call, and no
// reason speaks of a next candidate, there being none.
func DecidePair(e Evidence) Decision { return DecideWith(e, PairModel, PairThreshold, true) }

// DecideReverse is Decide for the reverse question (trace: was the
// candidate made from the query?), where the candidate stands in the
// query's place and the margin is how much better the candidate is
// covered by the query than the query by it. ReverseModel at
// ReverseThreshold makes the call.
func DecideReverse(e Evidence) Decision {
	return DecideWith(e, ReverseModel, ReverseThreshold, false)
}

// DecideWith is Decide with model m at threshold; alone says the source
// was compared with the query alone, with no next candidate to stand
// above. The benchmark uses it to try models it fits.
func DecideWith(e Evidence, m Model, threshold float64, alone bool) Decision {
	d := Decision{Evidence: e}
	p := m.Probability(e)
	derived := p >= threshold
	short := !derived && e.SourceTerms > 0 && e.SourceTerms <= shortSourceTerms &&
		e.SourceCoverage >= shortSourceCoverage &&
		(e.Margin > shortSourceMargin || e.Margin > 0 && e.SourceBigrams >= shortSourceRestated)
	if short {
		derived = true
		reason := fmt.Sprintf("reproduces %.0f%% of a short source (%d terms)", 100*e.SourceCoverage, e.SourceTerms)
		if e.Margin <= shortSourceMargin {
			reason += fmt.Sprintf(", %.0f%% of its word pairs", 100*e.SourceBigrams)
		}
		d.Reasons = append(d.Reasons, reason)
	}
	pasted := e.Verbatim >= verbatimReuseShare && e.Jaccard >= verbatimReuseJaccard ||
		e.SourceTerms > 0 && float64(e.VerbatimTerms) >= containedShare*float64(e.SourceTerms)
	verbatim := !derived && e.VerbatimTerms >= verbatimReuseTerms && pasted && e.Margin > verbatimReuseMargin
	if verbatim {
		derived = true
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d of the query's terms are in passages copied (nearly) word for word", e.VerbatimTerms))
	}
	switch {
	case derived && e.QueryCoverage >= copyCoverage && e.Verbatim >= copyCoverage && e.SourceCoverage >= copyCoverage:
		d.Verdict = Copy
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query aligned, %.0f%% of it verbatim or nearly", 100*e.QueryCoverage, 100*e.Verbatim))
	case derived && e.QueryCoverage < partialCoverage:
		d.Verdict = Partial
		d.Reasons = append(d.Reasons, fmt.Sprintf("only %.0f%% of the query aligned to the source", 100*e.QueryCoverage))
	case derived && e.SourceTerms > 0 && float64(e.QueryTerms) <= summaryLength*float64(e.SourceTerms) &&
		e.QueryCoverage >= summaryQuery && e.SourceCoverage < summarySource:
		d.Verdict = Summary
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query aligned, to %.0f%% of a source %.1f times as long", 100*e.QueryCoverage, 100*e.SourceCoverage, float64(e.SourceTerms)/float64(max(e.QueryTerms, 1))))
	case derived:
		d.Verdict = Rewrite
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query aligned to the source (support %.2f)", 100*e.QueryCoverage, e.Support))
	case e.QueryCoverage >= sameEventCoverage:
		d.Verdict = SameEvent
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query corresponds to passages of the source, not enough to say it was made from it", 100*e.QueryCoverage))
	default:
		d.Verdict = Unrelated
		d.Reasons = append(d.Reasons, "no passage of the query corresponds to the source")
	}
	d.Confidence = math.Round(p*1000) / 1000
	if short {
		d.Confidence, d.Rule = shortSourceConfidence, RuleShortSource
	}
	if verbatim {
		d.Confidence, d.Rule = verbatimReuseConfidence, RuleVerbatimReuse
	}
	if !derived {
		d.Confidence = math.Round((1-p)*1000) / 1000
	}
	if e.Margin > 0 && !alone {
		d.Reasons = append(d.Reasons, fmt.Sprintf("stands %.2f above the next candidate", e.Margin))
	}
	if e.Standing >= minStandingReason && !alone {
		d.Reasons = append(d.Reasons, fmt.Sprintf("its BM25 score is %.1f times the other candidates'", math.Exp(e.Standing)))
	}
	if e.RareFactsKept > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d exact figures kept", e.RareFactsKept))
	}
	if e.FactsAltered > 0 {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%d facts altered", e.FactsAltered))
	}
	if e.SpecificsMissing >= specificsMissingReason {
		d.Reasons = append(d.Reasons, fmt.Sprintf("%.0f%% of the query's figures, names and quotations are nowhere in the source", 100*e.SpecificsMissing))
	}
	return d
}

// specificsMissingReason is the share of the query's specifics a source
// lacks from which the verdict names it as a reason: a rewrite's source
// lacks a median 7% of them, the best other candidate 92% (trace's
// TestSourceStatesTheRewritesSpecifics).
const specificsMissingReason = 0.5
