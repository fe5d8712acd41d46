// Package scale measures how storytrace's cost grows with the archive:
// archives of synthetic articles are built up to the sizes asked for, and at
// each size the ingest rate, bytes on disk per article, trace latency and
// peak memory are reported.
//
// The articles are made by recombining real sentences: every sentence of the
// bbc-news-summary and reuters21578 bodies goes into a pool, and article i
// draws 8 to 24 sentences from it with a random generator seeded by i. Such
// articles have real vocabulary, sentence lengths and figures, so posting
// lists and sketches grow as they would; they are for cost, not quality.
// Queries are the l2r GPT-4o rewrites, whose 200 sources are ingested first.
package scale

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/store/pebble"
	"github.com/storytrace/storytrace/trace"
)

// Section returns the scale section for the given archive sizes.
func Section(sizes []int) suite.Section {
	return suite.Section{Name: "scale", Run: func(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
		return Run(ctx, env, sizes)
	}}
}

// Run builds one archive, growing it through sizes (ascending), and measures
// at each size.
func Run(ctx context.Context, env *suite.Env, sizes []int) ([]suite.Row, error) {
	sort.Ints(sizes)
	pool, err := sentencePool(env.Shared)
	if err != nil {
		return nil, err
	}
	l2r, err := corpus.Load(env.Shared, "l2r")
	if err != nil {
		return nil, err
	}
	var queries []corpus.Query
	for _, q := range l2r.Queries {
		if strings.HasSuffix(q.Group, "GPT-4o") {
			queries = append(queries, q)
		}
	}
	db, err := pebble.Open(env.TempDir + "/scale")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	ix, err := index.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	var sources []extract.Article
	for _, d := range l2r.Docs {
		sources = append(sources, extract.Article{ID: d.ID, Paragraphs: []string{d.Text}})
	}
	if _, err := ingest.Articles(ctx, ix, sources, ingest.Options{}); err != nil {
		return nil, err
	}
	var rows []suite.Row
	have := len(sources)
	for _, size := range sizes {
		t0 := time.Now()
		added := size - have
		if err := addSynthetic(ctx, ix, pool, have, size); err != nil {
			return rows, err
		}
		rate := float64(added) / time.Since(t0).Seconds()
		have = max(have, size)
		var lat suite.Timer
		found := 0
		for _, q := range queries {
			a := extract.Article{ID: q.ID, Paragraphs: []string{q.Text}}
			t := time.Now()
			r, err := trace.Trace(ctx, ix, a, trace.Options{Top: 1})
			lat.Add(time.Since(t))
			if err != nil {
				return rows, err
			}
			if len(r.Sources) > 0 && r.Sources[0].Article.ID == q.Source {
				found++
			}
		}
		_ = db.Flush()
		disk := db.DiskBytes()
		rows = append(rows, suite.Row{
			Table: "scale", Set: fmt.Sprintf("%d articles", have), Method: "storytrace", N: len(queries),
			Metrics: []suite.Metric{
				{Name: "ingest articles/s", Value: rate, Format: "%.0f"},
				{Name: "disk bytes/article", Value: float64(disk) / float64(have), Format: "%.0f"},
				{Name: "trace p50 ms", Value: lat.Percentile(0.5), Format: "%.1f"},
				{Name: "trace p99 ms", Value: lat.Percentile(0.99), Format: "%.1f"},
				{Name: "peak RSS MB", Value: peakRSS() / (1 << 20), Format: "%.0f"},
				suite.M("l2r GPT-4o recall@1", float64(found)/float64(len(queries))),
			},
		})
		env.Logf("scale %d: %.0f articles/s, p50 %.1f ms", have, rate, lat.Percentile(0.5))
	}
	return rows, nil
}

// sentencePool returns every sentence of the bbc and reuters bodies.
func sentencePool(shared string) ([]string, error) {
	var pool []string
	for _, name := range []string{"bbc", "reuters"} {
		set, err := corpus.Load(shared, name)
		if err != nil {
			return nil, err
		}
		for _, d := range set.Docs {
			for _, s := range analyze.SplitSentences(d.Text) {
				pool = append(pool, d.Text[s.Start:s.End])
			}
		}
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("no sentences for synthetic articles")
	}
	return pool, nil
}

// addSynthetic adds articles from..to-1 through package ingest, making them
// a chunk at a time so a million articles never sit in memory together.
func addSynthetic(ctx context.Context, ix *index.Index, pool []string, from, to int) error {
	const chunk = 8192
	for start := from; start < to; start += chunk {
		articles := make([]extract.Article, 0, chunk)
		for i := start; i < min(start+chunk, to); i++ {
			articles = append(articles, synthetic(pool, i))
		}
		if _, err := ingest.Articles(ctx, ix, articles, ingest.Options{BatchSize: 512}); err != nil {
			return err
		}
	}
	return nil
}

func synthetic(pool []string, i int) extract.Article {
	r := rand.New(rand.NewPCG(uint64(i), 0x5ca1e))
	n := 8 + r.IntN(17)
	var paras []string
	for p := 0; p < n; p += 3 {
		var b strings.Builder
		for s := p; s < min(p+3, n); s++ {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(pool[r.IntN(len(pool))])
		}
		paras = append(paras, b.String())
	}
	return extract.Article{ID: "synthetic/" + strconv.Itoa(i), Paragraphs: paras}
}

// peakRSS reads the process's peak resident set size (VmHWM) in bytes.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			if len(f) >= 2 {
				kb, _ := strconv.ParseFloat(f[1], 64)
				return kb * 1024
			}
		}
	}
	return 0
}
