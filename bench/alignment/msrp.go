package alignment

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/suite"
)

// MSRP asks of two news sentences whether they say the same. The aligner's
// answer is its sentence similarity (align.Similarity) above a threshold;
// the baseline's is TF-IDF cosine above a threshold. Both thresholds are
// fitted on the train file (the one maximising accuracy) and judged on the
// test file. Both score the same terms (analyze's stems, stop words out),
// so the comparison is between the two similarity functions.

// MSRPPair is one labelled sentence pair.
type MSRPPair struct {
	Paraphrase bool
	A, B       string
}

// LoadMSRP reads one MSRP file. limit > 0 keeps the first limit pairs.
func LoadMSRP(path string, limit int) ([]MSRPPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("msrp: %w", err)
	}
	defer f.Close()
	var out []MSRPPair
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan() && (limit <= 0 || len(out) < limit); line++ {
		cols := strings.Split(strings.TrimPrefix(sc.Text(), "\ufeff"), "\t")
		if len(cols) != 5 || (cols[0] != "0" && cols[0] != "1") {
			if line == 1 {
				continue // a header row, in copies that have one
			}
			return nil, fmt.Errorf("msrp %s:%d: want 5 tab-separated columns with quality 0 or 1", path, line)
		}
		out = append(out, MSRPPair{Paraphrase: cols[0] == "1", A: cols[3], B: cols[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("msrp %s: %w", path, err)
	}
	return out, nil
}

// Judged is accuracy and F1 (paraphrase the positive class) at a threshold.
type Judged struct {
	Threshold, Accuracy, F1 float64
}

// MSRPResult holds the aligner's and the baseline's judgements on the test
// file, at thresholds fitted on the train file.
type MSRPResult struct {
	Train, Test       int
	Storytrace, TFIDF Judged
}

// RunMSRP scores both similarity functions.
func RunMSRP(train, test []MSRPPair) MSRPResult {
	res := MSRPResult{Train: len(train), Test: len(test)}
	trainP, testP := profilesOf(train), profilesOf(test)
	dice := func(ps [][2]*analyze.Profile) []float64 {
		out := make([]float64, len(ps))
		for i, p := range ps {
			out[i] = align.Similarity(p[0], p[1], align.Options{})
		}
		return out
	}
	idf := idfOf(trainP)
	cosine := func(ps [][2]*analyze.Profile) []float64 {
		out := make([]float64, len(ps))
		for i, p := range ps {
			out[i] = tfidfCosine(p[0], p[1], idf)
		}
		return out
	}
	res.Storytrace = judge(dice(trainP), labels(train), dice(testP), labels(test))
	res.TFIDF = judge(cosine(trainP), labels(train), cosine(testP), labels(test))
	return res
}

func profilesOf(ps []MSRPPair) [][2]*analyze.Profile {
	out := make([][2]*analyze.Profile, len(ps))
	for i, p := range ps {
		out[i] = [2]*analyze.Profile{analyze.AnalyzeText(p.A), analyze.AnalyzeText(p.B)}
	}
	return out
}

func labels(ps []MSRPPair) []bool {
	out := make([]bool, len(ps))
	for i, p := range ps {
		out[i] = p.Paraphrase
	}
	return out
}

// idfOf counts every sentence of the train file as a document:
// idf(t) = ln(N / df(t)) + 1, unseen terms get the largest idf.
func idfOf(ps [][2]*analyze.Profile) func(string) float64 {
	df := map[string]int{}
	n := 0
	for _, p := range ps {
		for _, s := range p {
			n++
			for t := range s.Terms() {
				df[t]++
			}
		}
	}
	return func(t string) float64 {
		return math.Log(float64(n)/float64(max(1, df[t]))) + 1
	}
}

func tfidfCosine(a, b *analyze.Profile, idf func(string) float64) float64 {
	va, vb := a.Terms(), b.Terms()
	var dot, na, nb float64
	for t, f := range va {
		w := float64(f) * idf(t)
		na += w * w
		if g, ok := vb[t]; ok {
			dot += w * float64(g) * idf(t)
		}
	}
	for t, g := range vb {
		w := float64(g) * idf(t)
		nb += w * w
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// judge fits the threshold maximising train accuracy (a pair is a
// paraphrase when its score is at least the threshold) and applies it to
// the test scores.
func judge(trainS []float64, trainL []bool, testS []float64, testL []bool) Judged {
	idx := make([]int, len(trainS))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return trainS[idx[a]] < trainS[idx[b]] })
	// Threshold below everything: all predicted positive.
	correct := 0
	for _, l := range trainL {
		if l {
			correct++
		}
	}
	best, bestT := correct, math.Inf(-1)
	for k, i := range idx {
		// Raise the threshold past score k: pair i turns negative.
		if trainL[i] {
			correct--
		} else {
			correct++
		}
		if k+1 < len(idx) && trainS[idx[k+1]] == trainS[i] {
			continue // ties move together
		}
		if correct > best {
			best = correct
			if k+1 < len(idx) {
				bestT = (trainS[i] + trainS[idx[k+1]]) / 2
			} else {
				bestT = math.Inf(1)
			}
		}
	}
	return evaluateAt(bestT, testS, testL)
}

func evaluateAt(t float64, scores []float64, labels []bool) Judged {
	var tp, fp, fn, tn int
	for i, s := range scores {
		switch pred := s >= t; {
		case pred && labels[i]:
			tp++
		case pred:
			fp++
		case labels[i]:
			fn++
		default:
			tn++
		}
	}
	j := Judged{Threshold: t}
	if n := tp + fp + fn + tn; n > 0 {
		j.Accuracy = float64(tp+tn) / float64(n)
	}
	if tp > 0 {
		j.F1 = 2 * float64(tp) / float64(2*tp+fp+fn)
	}
	return j
}

func msrpRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	limit := 0
	if env.Quick {
		limit = quickMSRP
	}
	dir := filepath.Join(env.Shared, "data/msrp")
	train, err := LoadMSRP(filepath.Join(dir, "msr_paraphrase_train.txt"), limit)
	if err != nil {
		return nil, err
	}
	test, err := LoadMSRP(filepath.Join(dir, "msr_paraphrase_test.txt"), limit)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	env.Logf("alignment: MSRP, %d train and %d test pairs", len(train), len(test))
	res := RunMSRP(train, test)
	row := func(method string, j Judged) suite.Row {
		return suite.Row{Table: "alignment: MSRP", Set: "msrp test (threshold fitted on train)", Method: method, N: res.Test,
			Metrics: []suite.Metric{suite.M("accuracy", j.Accuracy), suite.M("F1", j.F1), suite.M("threshold", j.Threshold)}}
	}
	return []suite.Row{row("storytrace sentence similarity", res.Storytrace), row("TF-IDF cosine", res.TFIDF)}, nil
}
