package alignment

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/storytrace/storytrace/bench/suite"
)

var shared = filepath.Join("..", "..", "..", "shared")

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(shared, PANDir)); err != nil {
		t.Skipf("shared data not present: %v", err)
	}
}

// TestSectionFull runs the whole section and logs its rows; it is how to
// run this section alone: SECTION_FULL=1 go test ./bench/alignment -run
// SectionFull -v (SECTION_FULL=quick for the quick samples).
func TestSectionFull(t *testing.T) {
	if os.Getenv("SECTION_FULL") == "" {
		t.Skip("set SECTION_FULL=1 (quick when SECTION_FULL=quick)")
	}
	needShared(t)
	env := &suite.Env{Shared: shared, Quick: os.Getenv("SECTION_FULL") == "quick", Log: os.Stderr}
	rows, err := Section().Run(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Logf("%s | %s | %s | n=%d | %v", r.Table, r.Set, r.Method, r.N, r.Metrics)
		if r.Note != "" {
			t.Logf("  note: %s", r.Note)
		}
	}
}
