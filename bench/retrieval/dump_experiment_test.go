package retrieval

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/origin"
	"github.com/storytrace/storytrace/store/pebble"
	"github.com/storytrace/storytrace/trace"
)

// TestDumpCandidates writes, for every benchmark query, the features of its
// verified candidates, for fitting the ranking and the derivation model
// offline. It runs only with DUMP=file (and ARCHIVE=dir to keep the archive
// between runs):
//
//	DUMP=/tmp/cands.jsonl ARCHIVE=/tmp/arch go test -run DumpCandidates -v -timeout 60m ./bench/retrieval/
func TestDumpCandidates(t *testing.T) {
	out := os.Getenv("DUMP")
	if out == "" {
		t.Skip()
	}
	ctx := context.Background()
	ix, queries := experimentArchive(t)
	enc := jsonlOutput(t, out)
	for i, q := range queries {
		qp := analyze.Analyze(extract.Article{ID: q.ID, Paragraphs: []string{q.Text}})
		cs, err := trace.Verify(ctx, ix, qp, trace.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec := map[string]any{
			"id": q.ID, "src": q.Source, "set": q.Set, "group": q.Group, "label": q.Label, "withheld": q.withheld,
			"fit": q.fit, "qlen": qp.Length, "qsent": len(qp.Sentences),
		}
		qs := origin.SpecificsOf(qp)
		var cands []map[string]any
		for k, c := range cs {
			if k == 12 {
				break
			}
			al := c.Alignment
			m := map[string]any{
				"ok": q.accept[c.Article.ID], "support": al.Support, "qcov": al.QueryCoverage,
				"scov": al.SourceCoverage, "jaccard": c.Jaccard, "bm25": c.BM25, "bands": c.Bands,
				"margin": c.Margin, "slen": c.Profile.Length, "ssent": len(c.Profile.Sentences),
				"pairs": len(al.Pairs), "lis": lis(al.Pairs), "verbatim": verbatimShare(al),
				"c2": containment(qp, c.Profile, 2), "c3": containment(qp, c.Profile, 3),
				"c4": containment(qp, c.Profile, 4), "sc2": containment(c.Profile, qp, 2),
				"sc3": containment(c.Profile, qp, 3), "date": c.Article.Published, "cid": c.Article.ID,
				// The query's specifics (weighted, quotations twice) and
				// those the candidate lacks, for every candidate: rank
				// reads them for the first specificsTop.
				"miss": qs.MissingFrom(origin.SpecificsOf(c.Profile)), "qspec": qs.MissingFrom(origin.Specifics{}),
			}
			if k < 4 {
				ev := audit.Collect(al, audit.Diff(qp, c.Profile, al), c.Jaccard)
				m["kept"], m["altered"], m["rare"] = ev.FactsKept, ev.FactsAltered, ev.RareFactsKept
				m["qfacts"], m["sfacts"] = len(qp.Facts), len(c.Profile.Facts)
			}
			cands = append(cands, m)
		}
		rec["cands"] = cands
		rec["okrank"] = -1
		for k, c := range cs {
			if q.accept[c.Article.ID] {
				rec["okrank"], rec["okbm25"], rec["oksupport"], rec["okscov"], rec["okslen"] = k, c.BM25, c.Alignment.Support, c.Alignment.SourceCoverage, c.Profile.Length
				break
			}
		}
		rec["ncands"] = len(cs)
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
		if i%1000 == 0 {
			t.Logf("%d/%d", i, len(queries))
		}
	}
}

func verbatimShare(al *align.Alignment) float64 {
	n := 0
	for _, p := range al.Pairs {
		if p.Kind == align.Verbatim || p.Kind == align.NearVerbatim {
			n++
		}
	}
	if len(al.Pairs) == 0 {
		return 0
	}
	return float64(n) / float64(len(al.Pairs))
}

// lis is the length of the longest run of pairs in source order.
func lis(ps []align.Pair) int {
	var tails []int
	for _, p := range ps {
		x := p.SourceFirst
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if tails[mid] < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		if lo == len(tails) {
			tails = append(tails, x)
		} else {
			tails[lo] = x
		}
	}
	return len(tails)
}

// containment is the share of a's distinct word n-grams (terms, per
// sentence) found in b.
func containment(a, b *analyze.Profile, n int) float64 {
	grams := func(p *analyze.Profile) map[string]bool {
		m := map[string]bool{}
		for _, s := range p.Sentences {
			for i := 0; i+n <= len(s.Terms); i++ {
				k := ""
				for _, t := range s.Terms[i : i+n] {
					k += t + " "
				}
				m[k] = true
			}
		}
		return m
	}
	ga, gb := grams(a), grams(b)
	if len(ga) == 0 {
		return 0
	}
	hit := 0
	for g := range ga {
		if gb[g] {
			hit++
		}
	}
	return float64(hit) / float64(len(ga))
}

// experimentArchive loads the benchmark's archive and queries for an
// experiment test: the archive is kept in ARCHIVE between runs (built when
// the folder does not exist) or in a temporary folder. The store closes
// when the test ends.
func experimentArchive(t *testing.T) (*index.Index, []query) {
	t.Helper()
	ctx := context.Background()
	env := &suite.Env{Shared: "../../../shared", TempDir: t.TempDir()}
	docs, queries, err := load(env)
	if err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("ARCHIVE")
	if dir == "" {
		dir = filepath.Join(env.TempDir, "archive")
	}
	_, statErr := os.Stat(dir)
	db, err := pebble.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ix, err := index.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if statErr != nil {
		if _, err := ingestDocs(ctx, ix, docs); err != nil {
			t.Fatal(err)
		}
	}
	return ix, queries
}

// jsonlOutput creates the file path for an experiment test's JSON lines,
// flushed and closed when the test ends.
func jsonlOutput(t *testing.T, path string) *json.Encoder {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	t.Cleanup(func() {
		if err := w.Flush(); err != nil {
			t.Error(err)
		}
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	})
	return json.NewEncoder(w)
}
