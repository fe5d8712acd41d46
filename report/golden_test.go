package report_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/report"
	"github.com/storytrace/storytrace/trace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

var seeds = filepath.Join("..", "..", "shared", "seeds")

// TestSeedPairGolden keeps the Markdown and HTML renderings of the seed
// pair's comparison in testdata/, so a change to either shows as a diff.
// When output changes on purpose, run `go test ./report -run Golden -update`
// and read the diff (open the .html in a browser).
func TestSeedPairGolden(t *testing.T) {
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed pair not present: %v", err)
	}
	r := trace.Compare(readArticle(t, "rewrite.txt"), readArticle(t, "source-original.txt"))
	for _, format := range []string{"md", "html"} {
		t.Run(format, func(t *testing.T) {
			var got bytes.Buffer
			if err := report.Write(&got, r, format); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "seed-pair."+format)
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
				t.Errorf("%s rendering of the seed pair differs from %s; run with -update if intended.\n--- got\n%s", format, path, got.String())
			}
		})
	}
}

func readArticle(t *testing.T, name string) extract.Article {
	t.Helper()
	path := filepath.Join(seeds, name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	id := name[:len(name)-len(filepath.Ext(name))]
	as, err := extract.Parse(extract.Input{Path: path, ID: id}, data, extract.Options{})
	if err != nil || len(as) != 1 {
		t.Fatalf("parse %s: %v (%d articles)", path, err, len(as))
	}
	return as[0]
}

// TestFormatsDispatch checks that every name in Formats renders, so the
// CLI's --format check and Write agree.
func TestFormatsDispatch(t *testing.T) {
	r := &report.Report{Schema: report.Schema, Mode: "compare", Query: report.ArticleInfo{ID: "q"}}
	for _, f := range report.Formats {
		var b bytes.Buffer
		if err := report.Write(&b, r, f); err != nil || b.Len() == 0 {
			t.Errorf("Write(%q) = %v with %d bytes; want output and no error", f, err, b.Len())
		}
	}
	if err := report.Write(&bytes.Buffer{}, r, "yaml"); err == nil {
		t.Errorf("Write(%q) succeeded; want an error naming the formats", "yaml")
	}
}
