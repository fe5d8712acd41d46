package trace

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/boost"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/origin"
)

// RankTop is how many of the first candidates by rank's formula the rank
// model orders again. The formula (support and BM25) puts the true source
// among its first four for all but a few queries of the benchmark; which
// of those four is the source is where it errs, on a topical neighbour
// that shares more of the query's words than its source.
const RankTop = 4

// RankFeatureNames names the rank model's inputs, in order
// (Candidate.RankFeatures): how much of the query the candidate accounts
// for and how far above the best other candidate (support_margin), its
// BM25 against the best candidate's (bm25_share) and against the crowd
// (standing, audit.Standing against the crowdRank-th best other), the
// share of the query's specifics it lacks, the word pairs each holds of
// the other and the order they keep (audit.PhrasingOf), the lengths, a
// short source's coverage (rank's shortWeight term), and how far the
// formula's score lies below the best candidate's (formula_gap): the model
// starts from the formula's order and learns where it errs.
var RankFeatureNames = []string{
	"support", "query_coverage", "source_coverage", "jaccard", "support_margin",
	"bm25_share", "standing", "specifics_missing", "bigrams", "source_bigrams", "order",
	"log_length_ratio", "log1p_query_terms", "short_coverage", "formula_gap",
}

// RankModelFile is the rank model as the benchmark writes it
// (bench/retrieval, RankModelFile) and trace embeds it (rank_model.json).
type RankModelFile struct {
	Note  string          `json:"note"`
	Model *boost.Ensemble `json:"model"`
}

// ReadRankModel decodes and checks a rank model file; its model is nil
// when the file holds none.
func ReadRankModel(data []byte) (*boost.Ensemble, error) {
	var f RankModelFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("rank model: %w", err)
	}
	if f.Model == nil {
		return nil, nil
	}
	if !slices.Equal(f.Model.Features, RankFeatureNames) {
		return nil, fmt.Errorf("rank model: reads %v, rank gives %v", f.Model.Features, RankFeatureNames)
	}
	if err := f.Model.Validate(); err != nil {
		return nil, fmt.Errorf("rank model: %w", err)
	}
	return f.Model, nil
}

//go:embed rank_model.json
var rankModelJSON []byte

// shippedRankModel is the embedded rank model, read once by the package's
// first rank. A file that does not read is a build error the tests catch
// (TestShippedRankModelReads); rank then falls back on the formula.
var shippedRankModel = func() *boost.Ensemble {
	m, err := ReadRankModel(rankModelJSON)
	if err != nil {
		return nil
	}
	return m
}()

// rankFeatures sets the RankFeatures of the candidates in top, the
// formula's first RankTop of vs (formula their scores), for query qp
// stating specifics qs.
func rankFeatures(qp *analyze.Profile, qs origin.Specifics, vs, top []*Candidate, formula map[*Candidate]float64) error {
	qb := audit.BigramsOf(qp)
	bm25 := make([]float64, len(vs))
	for i, v := range vs {
		bm25[i] = v.BM25
	}
	maxB := slices.Max(bm25)
	for _, v := range top {
		bestOther := 0.0
		others := make([]float64, 0, len(vs))
		for _, o := range vs {
			if o != v {
				bestOther = math.Max(bestOther, o.Alignment.Support)
				others = append(others, o.BM25)
			}
		}
		standing := 0.0
		if len(others) > 0 {
			sort.Sort(sort.Reverse(sort.Float64Slice(others)))
			standing = audit.Standing(v.BM25, others[min(crowdRank, len(others))-1])
		}
		missing := 0.0
		if qs.Stated() {
			s, err := v.specifics()
			if err != nil {
				return fmt.Errorf("rank %s: %w", v.Article.ID, err)
			}
			missing = qs.MissingShare(s)
		}
		big, srcBig, order := audit.PhrasingOf(qb, audit.BigramsOf(v.Profile), v.Alignment)
		share := 0.0
		if maxB > 0 {
			share = v.BM25 / maxB
		}
		short := 0.0
		if v.Profile.Length <= index.ShortTerms {
			short = v.Alignment.SourceCoverage
		}
		v.RankFeatures = []float64{
			v.Alignment.Support, v.Alignment.QueryCoverage, v.Alignment.SourceCoverage, v.Jaccard,
			v.Alignment.Support - bestOther, share, standing, missing, big, srcBig, order,
			math.Log(float64(qp.Length+1) / float64(v.Profile.Length+1)), math.Log1p(float64(qp.Length)),
			short, formula[v] - formula[top[0]],
		}
	}
	return nil
}
