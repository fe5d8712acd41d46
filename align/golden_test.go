package align

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

var shared = filepath.Join("..", "..", "shared")

const panDir = "data/pan13-text-alignment-02-no-obfuscation"

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("shared data not present: %v", err)
	}
}

// article reads a shared file as extract reads it: the seed source ends with
// page furniture that extraction trims.
func article(t testing.TB, rel string) *analyze.Profile {
	t.Helper()
	path := filepath.Join(shared, rel)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	as, err := extract.Parse(extract.Input{Path: path, ID: filepath.Base(rel)}, data, extract.Options{})
	if err != nil || len(as) != 1 {
		t.Fatalf("parse %s: %v (%d articles)", path, err, len(as))
	}
	return analyze.Analyze(as[0])
}

// plain reads a shared file as it is (PAN's documents are plain text whose
// offsets the truth refers to).
func plain(t testing.TB, rel string) *analyze.Profile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(shared, rel))
	if err != nil {
		t.Fatal(err)
	}
	return analyze.AnalyzeText(string(data))
}

// goldenCases are real pairs whose alignments are kept in testdata/ as text a
// reviewer can read in a diff: the seed rewrite (an LLM rewrite of a news
// story), and PAN pairs with copied passages damaged by the copy's lost
// characters, two passages in one pair, and a passage that does not follow
// sentence boundaries.
var goldenCases = []struct {
	name          string
	query, source func(testing.TB) *analyze.Profile
}{
	{"seed-pair",
		func(t testing.TB) *analyze.Profile { return article(t, "seeds/rewrite.txt") },
		func(t testing.TB) *analyze.Profile { return article(t, "seeds/source-original.txt") }},
	{"pan-00005-01090",
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/susp/suspicious-document00005.txt") },
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/src/source-document01090.txt") }},
	{"pan-01363-02859",
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/susp/suspicious-document01363.txt") },
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/src/source-document02859.txt") }},
	{"pan-01037-00355",
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/susp/suspicious-document01037.txt") },
		func(t testing.TB) *analyze.Profile { return plain(t, panDir+"/src/source-document00355.txt") }},
}

// TestAlignGolden compares alignments of real pairs with testdata/*.golden.
// When behaviour changes on purpose, run `go test ./align -run Golden
// -update` and read the diff.
func TestAlignGolden(t *testing.T) {
	needShared(t)
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			q, s := tc.query(t), tc.source(t)
			got := render(q, s, Align(q, s, Options{}))
			path := filepath.Join("testdata", tc.name+".golden")
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("alignment of %s differs from %s; run with -update if intended.\n--- got\n%s", tc.name, path, got)
			}
		})
	}
}

// render writes an alignment in the datadriven style: a summary line, then
// every passage with its kind, spans and both texts, then the sentence
// pairs.
func render(q, s *analyze.Profile, al *Alignment) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "query %d sentences, source %d sentences\n", len(q.Sentences), len(s.Sentences))
	fmt.Fprintf(&b, "coverage query %.3f source %.3f support %.3f\n", al.QueryCoverage, al.SourceCoverage, al.Support)
	fmt.Fprintf(&b, "%d passages, %d pairs\n", len(al.Passages), len(al.Pairs))
	for i, p := range al.Passages {
		moved := ""
		if p.Reordered {
			moved = " reordered"
		}
		fmt.Fprintf(&b, "\npassage %d: %s%s similarity %.3f, %d pairs\n", i+1, p.Kind, moved, p.Similarity, len(p.Pairs))
		fmt.Fprintf(&b, "  query  [%d, %d)\n%s\n", p.Query.Start, p.Query.End, quote(q.Text[p.Query.Start:p.Query.End]))
		fmt.Fprintf(&b, "  source [%d, %d)\n%s\n", p.Source.Start, p.Source.End, quote(s.Text[p.Source.Start:p.Source.End]))
	}
	b.WriteString("\npairs (query sentence → source sentences: kind similarity)\n")
	for _, p := range al.Pairs {
		src := fmt.Sprint(p.SourceFirst)
		if p.SourceLast != p.SourceFirst {
			src = fmt.Sprintf("%d-%d", p.SourceFirst, p.SourceLast)
		}
		fmt.Fprintf(&b, "  %d → %s: %s %.3f\n", p.QuerySentence, src, p.Kind, p.Similarity)
	}
	return b.Bytes()
}

// quote indents a text and shows its line breaks, so offsets can be checked
// by eye.
func quote(s string) string {
	return "    | " + strings.ReplaceAll(s, "\n", "⏎\n    | ")
}
