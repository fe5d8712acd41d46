package bench

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuickBenchmark is the CI smoke test of `storytrace bench --quick`: every
// section runs on small samples, every loader and metric is exercised, and
// each section returns rows without failing. It checks that the benchmark
// works, not that its figures reach a target.
func TestQuickBenchmark(t *testing.T) {
	shared := filepath.Join("..", "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data not present: %v", err)
	}
	if testing.Short() {
		t.Skip("quick benchmark skipped in -short mode")
	}
	var log bytes.Buffer
	res, err := Run(context.Background(), Sections(nil), Options{Shared: shared, Quick: true, Log: &log, Out: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Failures) > 0 {
		t.Fatalf("sections failed: %v\nlog:\n%s", res.Failures, log.String())
	}
	tables := map[string]int{}
	for _, r := range res.Rows {
		tables[r.Table]++
		if r.N == 0 && r.Table != "cost" {
			t.Errorf("row %s/%s/%s measured nothing", r.Table, r.Set, r.Method)
		}
	}
	for _, s := range Sections(nil) {
		found := false
		for table := range tables {
			found = found || strings.HasPrefix(table, s.Name) || (s.Name == "retrieval" && table == "attribution")
		}
		if !found {
			t.Errorf("section %s produced no table (tables: %v)", s.Name, tables)
		}
	}
	var md bytes.Buffer
	if err := res.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"## retrieval", "| storytrace |", "bleve BM25", "Churnalism", "## verdicts"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	t.Logf("quick benchmark took %s\n%s", res.Took, md.String())
}
