package extraction

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/bench/suite"
)

// -full runs the whole section (all 181 + 1,429 pages, a few minutes) and
// prints its rows: go test ./bench/extraction/ -run TestSection -full -v
var full = flag.Bool("full", false, "run the whole extraction benchmark, not the quick sample")

func sharedDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared")
	if _, err := os.Stat(filepath.Join(dir, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	return dir
}

func TestSection(t *testing.T) {
	env := &suite.Env{Shared: sharedDir(t), Quick: !*full, TempDir: t.TempDir(), Log: testLog{t}}
	s := Section()
	if s.Name != "extraction" {
		t.Errorf("Name = %q", s.Name)
	}
	rows, err := s.Run(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]int{}
	for _, r := range rows {
		tables[r.Table]++
		var b strings.Builder
		for _, m := range r.Metrics {
			b.WriteString(" " + m.Name + "=")
			b.WriteString(strings.TrimRight(strings.TrimRight(fmtFloat(m.Value), "0"), "."))
		}
		t.Logf("%s | %s | %s | n=%d |%s", r.Table, r.Set, r.Method, r.N, b.String())
		if r.N == 0 {
			t.Errorf("%s/%s measured no pages", r.Table, r.Method)
		}
	}
	if len(tables) != 3 {
		t.Errorf("got tables %v, want ScrapingHub, trafilatura set and dates", tables)
	}
}

type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
