package alignment

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/suite"
)

// A rewrite set is source texts and, for each, an LLM rewrite of it. No gold
// passages exist, so the section measures what can be measured: how many of
// the rewrite's sentences the aligner pairs with a source sentence, how many
// source sentences it covers, and — as a control — the same share when the
// rewrite is aligned with the next pair's source, an article it was not made
// from (same data set, often the same topic).

// RewritePair is one source text and one rewrite of it.
type RewritePair struct{ Source, Rewrite string }

// RewriteSet is a named list of pairs.
type RewriteSet struct {
	Name  string
	Pairs []RewritePair
	// Contrast marks a set that is not made of rewrites (llmfake's
	// open-ended generations), reported for comparison.
	Contrast bool
}

// LoadRewriteSets reads l2r (one set per model), SheepDog (restyled and
// adversarial) and llmfake's ChatGPT paraphrases, rewrites and open-ended
// generations. limit > 0 keeps the first limit pairs of each set.
func LoadRewriteSets(shared string, limit int) ([]RewriteSet, error) {
	var sets []RewriteSet
	l2r, err := loadL2R(filepath.Join(shared, "data/l2r-news-rewrites/news_rewrites_paired.jsonl"))
	if err != nil {
		return nil, err
	}
	sd, err := loadSheepdog(filepath.Join(shared, "data/sheepdog-politifact/politifact_restyled.jsonl.gz"))
	if err != nil {
		return nil, err
	}
	sets = append(append(sets, l2r...), sd...)
	for _, kind := range []string{"paraphrase", "rewrite", "open_ended"} {
		s := RewriteSet{Name: "llmfake/ChatGPT " + strings.ReplaceAll(kind, "_", "-"), Contrast: kind == "open_ended"}
		for _, ds := range []string{"politifact", "gossipcop", "coaid"} {
			path := filepath.Join(shared, "data/llmfake/chatgpt_3.5_generation", ds,
				"synthetic-gpt-3.5-turbo_"+ds+"_"+kind+"_generation_processed.csv.gz")
			ps, err := loadLLMFake(path)
			if err != nil {
				return nil, err
			}
			s.Pairs = append(s.Pairs, ps...)
		}
		sets = append(sets, s)
	}
	for i := range sets {
		if limit > 0 && len(sets[i].Pairs) > limit {
			sets[i].Pairs = sets[i].Pairs[:limit]
		}
	}
	return sets, nil
}

func loadL2R(path string) ([]RewriteSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("l2r: %w", err)
	}
	defer f.Close()
	byModel := map[string]*RewriteSet{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var line struct {
			Source   string `json:"source_text"`
			Rewrites map[string]struct {
				Text string `json:"text"`
			} `json:"rewrites"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("l2r %s: %w", path, err)
		}
		for model, r := range line.Rewrites {
			s := byModel[model]
			if s == nil {
				s = &RewriteSet{Name: "l2r/" + model}
				byModel[model] = s
			}
			s.Pairs = append(s.Pairs, RewritePair{Source: line.Source, Rewrite: r.Text})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("l2r %s: %w", path, err)
	}
	return sortedSets(byModel), nil
}

func loadSheepdog(path string) ([]RewriteSet, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sheepdog: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("sheepdog %s: %w", path, err)
	}
	sets := map[string]*RewriteSet{
		"train": {Name: "sheepdog/restyled"},
		"test":  {Name: "sheepdog/adversarial"},
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var line struct {
			Split    string            `json:"split"`
			Source   string            `json:"source_text"`
			Rewrites map[string]string `json:"rewrites"`
		}
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("sheepdog %s: %w", path, err)
		}
		s := sets[line.Split]
		if s == nil {
			continue
		}
		styles := make([]string, 0, len(line.Rewrites))
		for k := range line.Rewrites {
			styles = append(styles, k)
		}
		sort.Strings(styles)
		for _, k := range styles {
			s.Pairs = append(s.Pairs, RewritePair{Source: line.Source, Rewrite: line.Rewrites[k]})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("sheepdog %s: %w", path, err)
	}
	return sortedSets(sets), nil
}

func sortedSets(m map[string]*RewriteSet) []RewriteSet {
	var out []RewriteSet
	for _, s := range m {
		out = append(out, *s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// loadLLMFake reads the rows of one llmfake CSV whose LLM text differs from
// the source: in the others the authors did not generate (SOURCE.md).
func loadLLMFake(path string) ([]RewritePair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("llmfake: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("llmfake %s: %w", path, err)
	}
	r := csv.NewReader(zr)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("llmfake %s: %w", path, err)
	}
	src, gen := indexOf(header, "news_text"), indexOf(header, "synthetic_misinformation")
	if src < 0 || gen < 0 {
		return nil, fmt.Errorf("llmfake %s: no news_text/synthetic_misinformation columns in %v", path, header)
	}
	var out []RewritePair
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("llmfake %s: %w", path, err)
		}
		if len(rec) <= max(src, gen) {
			continue
		}
		s, g := strings.TrimSpace(rec[src]), strings.TrimSpace(rec[gen])
		if s != "" && g != "" && s != g {
			out = append(out, RewritePair{Source: s, Rewrite: g})
		}
	}
	return out, nil
}

func indexOf(xs []string, x string) int {
	for i, v := range xs {
		if strings.TrimPrefix(v, "\ufeff") == x {
			return i
		}
	}
	return -1
}

// Coverage is what the aligner made of one rewrite set.
type Coverage struct {
	Pairs int
	// QueryAligned is the share of all rewrite sentences paired with a
	// source sentence, SourceCovered the share of all source sentences in
	// some pair; Verbatim the share of paired rewrite sentences that are
	// verbatim or near-verbatim; Control the QueryAligned share when each
	// rewrite is aligned with another pair's source.
	QueryAligned, SourceCovered, Verbatim, Control float64
	AlignMS                                        float64
}

// MeasureCoverage aligns every pair of a set.
func MeasureCoverage(ctx context.Context, s RewriteSet) (Coverage, error) {
	c := Coverage{Pairs: len(s.Pairs)}
	profiles := make([][2]*analyze.Profile, len(s.Pairs))
	for i, p := range s.Pairs {
		profiles[i] = [2]*analyze.Profile{analyze.AnalyzeText(p.Rewrite), analyze.AnalyzeText(p.Source)}
	}
	var qs, qa, ss, sa, near, ctrlA int
	var t suite.Timer
	for i, pr := range profiles {
		if err := ctx.Err(); err != nil {
			return c, err
		}
		q, src := pr[0], pr[1]
		t0 := time.Now()
		al := align.Align(q, src, align.Options{})
		t.Add(time.Since(t0))
		qs, ss = qs+len(q.Sentences), ss+len(src.Sentences)
		qa += len(al.Pairs)
		sa += coveredSources(al)
		for _, p := range al.Pairs {
			if p.Kind == align.Verbatim || p.Kind == align.NearVerbatim {
				near++
			}
		}
		if other := otherSource(s.Pairs, i); other >= 0 {
			ctrlA += len(align.Align(q, profiles[other][1], align.Options{}).Pairs)
		}
	}
	c.QueryAligned, c.SourceCovered = share(qa, qs), share(sa, ss)
	c.Verbatim, c.Control = share(near, qa), share(ctrlA, qs)
	c.AlignMS = t.Percentile(0.5)
	return c, nil
}

func coveredSources(al *align.Alignment) int {
	seen := map[int]bool{}
	for _, p := range al.Pairs {
		for j := p.SourceFirst; j <= p.SourceLast; j++ {
			seen[j] = true
		}
	}
	return len(seen)
}

func share(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func rewriteRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	limit := 0
	if env.Quick {
		limit = quickRewrites
	}
	sets, err := LoadRewriteSets(env.Shared, limit)
	if err != nil {
		return nil, err
	}
	var rows []suite.Row
	for _, s := range sets {
		env.Logf("alignment: %s, %d pairs", s.Name, len(s.Pairs))
		c, err := MeasureCoverage(ctx, s)
		if err != nil {
			return rows, err
		}
		r := suite.Row{Table: "alignment: LLM rewrites", Set: s.Name, Method: "storytrace", N: c.Pairs,
			Metrics: []suite.Metric{
				suite.M("rewrite sentences aligned", c.QueryAligned),
				suite.M("source sentences covered", c.SourceCovered),
				suite.M("aligned verbatim", c.Verbatim),
				suite.M("aligned to a wrong source", c.Control),
				{Name: "ms/pair", Value: c.AlignMS, Format: "%.2f"},
			}}
		if s.Contrast {
			r.Note = s.Name + " is not a rewrite set: the LLM wrote a new article from the source's opening, for contrast."
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// otherSource is the next pair after i whose source text differs from i's
// (SheepDog lists four rewrites of each source in a row), or -1.
func otherSource(ps []RewritePair, i int) int {
	for d := 1; d < len(ps); d++ {
		if k := (i + d) % len(ps); ps[k].Source != ps[i].Source {
			return k
		}
	}
	return -1
}
