package auditeval

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storytrace/storytrace/bench/suite"
)

var shared = filepath.Join("..", "..", "..", "shared")

// TestSectionQuick runs the section on its quick sample and checks that
// every part produced rows with sane figures.
func TestSectionQuick(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	env := &suite.Env{Shared: shared, Quick: true, TempDir: t.TempDir()}
	if testing.Verbose() {
		env.Log = os.Stdout
	}
	rows, err := Section().Run(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]int{}
	for _, r := range rows {
		tables[r.Table]++
		if r.N == 0 {
			t.Errorf("row %s %s %s measured nothing", r.Table, r.Set, r.Method)
		}
		for _, m := range r.Metrics {
			if m.Value < 0 || m.Value > 1 {
				t.Errorf("row %s %s %s: %s = %v, want a share in [0, 1]", r.Table, r.Set, r.Method, m.Name, m.Value)
			}
		}
	}
	if tables["audit: swaps"] != 4*len(changeTypes) || tables["audit: llmfake"] != 2*(len(manipulationTypes)+1) {
		t.Errorf("rows per table = %v", tables)
	}
}
