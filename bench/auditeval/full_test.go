package auditeval

import (
	"context"
	"os"
	"testing"

	"github.com/storytrace/storytrace/bench/suite"
)

// TestSectionFull runs the whole section, every item, and logs its rows:
// AUDITEVAL_FULL=1 go test ./bench/auditeval -run Full -v. It is skipped
// otherwise, since CI runs the quick sample (TestSectionQuick).
func TestSectionFull(t *testing.T) {
	if os.Getenv("AUDITEVAL_FULL") == "" {
		t.Skip("set AUDITEVAL_FULL=1 to run every item")
	}
	env := &suite.Env{Shared: shared, Log: os.Stdout, TempDir: t.TempDir()}
	rows, err := Section().Run(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		t.Logf("%s | %s | %s | n=%d | %v", r.Table, r.Set, r.Method, r.N, r.Metrics)
	}
}
