package audit

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with the current output")

var shared = filepath.Join("..", "..", "shared")

// readSeed reads and analyses one of the seed texts, skipping the test when
// the shared folder is absent.
func readSeed(t testing.TB, name string) *analyze.Profile {
	t.Helper()
	path := filepath.Join(shared, "seeds", name)
	data, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("shared data absent: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	arts, err := extract.Parse(extract.Input{Path: path, ID: name}, data, extract.Options{})
	if err != nil || len(arts) != 1 {
		t.Fatalf("parse %s: %v (%d articles)", path, err, len(arts))
	}
	return analyze.Analyze(arts[0])
}

// describeResult renders an audit one change per line, for golden files.
func describeResult(r *Result) string {
	var b strings.Builder
	side := func(c FactChange) string {
		var q, s string
		if c.Query != nil {
			q = fmt.Sprintf("%q@%d", oneLine(c.Query.Text, 70), c.Query.Start)
		}
		if c.Source != nil {
			s = fmt.Sprintf("%q@%d", oneLine(c.Source.Text, 70), c.Source.Start)
		}
		line := fmt.Sprintf("%-11s %-9s query %s  source %s", c.Change, c.Kind, q, s)
		if c.Attribution != "" {
			line += "  attribution " + c.Attribution
		}
		if c.Note != "" {
			line += "  — " + c.Note
		}
		return line
	}
	for _, sec := range []struct {
		name string
		list []FactChange
	}{{"facts", r.Facts}, {"entities", r.Entities}, {"quotes", r.Quotes}, {"negations", r.Negations}} {
		fmt.Fprintf(&b, "## %s\n", sec.name)
		for _, c := range sec.list {
			b.WriteString(side(c) + "\n")
		}
	}
	b.WriteString("## unsupported\n")
	for _, c := range r.Unsupported {
		fmt.Fprintf(&b, "@%d %q — %s\n", c.Query.Start, oneLine(c.Text, 90), c.Reason)
	}
	b.WriteString("## arithmetic\n")
	for _, rel := range r.Arithmetic {
		fmt.Fprintf(&b, "%s: %s — in query: %s\n", rel.Kind, rel.Text, rel.InQuery)
	}
	return b.String()
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		s = string(r[:n]) + "…"
	}
	return s
}

// TestSeedAuditGolden keeps the audit of the founding pair reviewable in
// testdata/seed-audit.golden. Run "go test ./audit -run Golden -update" when
// behaviour changes on purpose, and read the diff.
func TestSeedAuditGolden(t *testing.T) {
	q, s := readSeed(t, "rewrite.txt"), readSeed(t, "source-original.txt")
	res := Audit(q, s, align.Align(q, s, align.Options{}), Options{})
	got := []byte(describeResult(res))
	path := filepath.Join("testdata", "seed-audit.golden")
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
		t.Errorf("seed audit differs from %s; run with -update if intended.\n--- got\n%s", path, got)
	}
}

// TestSeedAuditNamesEveryChange checks, apart from the golden file's exact
// text, each change the seeds' README says a user expects reported.
func TestSeedAuditNamesEveryChange(t *testing.T) {
	q, s := readSeed(t, "rewrite.txt"), readSeed(t, "source-original.txt")
	res := Audit(q, s, align.Align(q, s, align.Options{}), Options{})
	kept := map[string]bool{}
	for _, c := range res.Facts {
		if c.Change == Kept && c.Kind == "quantity" {
			kept[c.Source.Text] = true
		}
	}
	for _, fig := range []string{"Around 1.7 million", "541,210", "271,985", "159,161", "110,064", "close to 1.15m"} {
		if !kept[fig] {
			t.Errorf("figure %s not kept; kept: %v", fig, kept)
		}
	}
	entity := map[string]Change{}
	for _, c := range res.Entities {
		if c.Source != nil {
			entity[c.Source.Entity] = c.Change
		}
	}
	if entity["Pakistan"] != Generalised || entity["Mohsin Aziz"] != Dropped {
		t.Errorf("Pakistan %q, Mohsin Aziz %q; want generalised and dropped", entity["Pakistan"], entity["Mohsin Aziz"])
	}
	if len(res.Quotes) != 1 || res.Quotes[0].Change != Paraphrased {
		t.Errorf("quotes = %+v, want the ministry's quotation paraphrased", res.Quotes)
	}
	var reasons []string
	for _, c := range res.Unsupported {
		reasons = append(reasons, c.Reason)
	}
	if !strings.Contains(strings.Join(reasons, "\n"), "October 2023") || len(res.Unsupported) < 2 {
		t.Errorf("unsupported: %q; want October 2023 and the closing commentary", reasons)
	}
	relations := map[string]string{}
	for _, r := range res.Arithmetic {
		relations[r.Text] = r.InQuery
	}
	if relations["271,985 + 159,161 + 110,064 = 541,210"] != RelationKept || relations["541,210 + close to 1.15m ≈ Around 1.7 million"] != RelationKept {
		t.Errorf("arithmetic = %v; want the breakdown and the remainder kept", relations)
	}
	if n := res.AlteredCount(); n != 0 {
		t.Errorf("%d alterations on the seed pair, want none", n)
	}
}
