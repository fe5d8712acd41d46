package trace

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/storytrace/storytrace/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

// TestCompareGolden keeps the full comparison of real pairs — alignment,
// fact diff, verdict — as reviewable text in testdata/. When behaviour
// changes on purpose, run `go test ./trace -run Golden -update` and read the
// diff.
func TestCompareGolden(t *testing.T) {
	needShared(t)
	cases := []struct{ name, query, source string }{
		{"seed-pair", "seeds/rewrite.txt", "seeds/source-original.txt"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := readArticle(t, filepath.Join(shared, tc.query))
			s := readArticle(t, filepath.Join(shared, tc.source))
			s.ID = "source"
			var got bytes.Buffer
			if err := report.WriteText(&got, Compare(q, s)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("comparison of %s differs from %s; run with -update if intended.\n--- got\n%s", tc.name, path, got.String())
			}
		})
	}
}
