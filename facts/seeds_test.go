package facts

import (
	"os"
	"strings"
	"testing"
)

// seedTexts returns the founding pair as kept in testdata/extract.txt.
func seedTexts(t *testing.T) (source, rewrite string) {
	t.Helper()
	data, err := os.ReadFile("testdata/extract.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases, _, err := parseGolden(string(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		lead := strings.Join(c.lead, "\n")
		switch {
		case strings.Contains(lead, "seeds/source-original.txt"):
			source = c.input
		case strings.Contains(lead, "seeds/rewrite.txt"):
			rewrite = c.input
		}
	}
	if source == "" || rewrite == "" {
		t.Fatal("testdata/extract.txt lacks the seed cases")
	}
	return source, rewrite
}

// TestSeedRewriteFactsAgainstSource checks the founding case: every figure
// of the rewrite is the Same as one in the source, the year it invents
// ("October 2023") is only Compatible with the source's "October", and its
// date header matches nothing.
func TestSeedRewriteFactsAgainstSource(t *testing.T) {
	source, rewrite := seedTexts(t)
	srcFacts := Extract(source)
	want := map[string]Relation{
		"2024-01-03":                 Different,
		"Over 500,000":               Same,
		"over 500,000":               Same,
		"October 2023":               Compatible,
		"October 31":                 Same,
		"an estimated 1.7 million":   Same,
		"541,210":                    Same,
		"approximately 1.15 million": Same,
		"271,985":                    Same,
		"159,161":                    Same,
		"110,064":                    Same,
	}
	got := Extract(rewrite)
	if len(got) != len(want) {
		t.Errorf("rewrite has %d facts, want %d: %v", len(got), len(want), describeAll(got))
	}
	for _, f := range got {
		best := Unrelated
		for _, s := range srcFacts {
			best = max(best, Match(f, s))
		}
		if w, ok := want[f.Text]; !ok || best != w {
			t.Errorf("best match in source for rewrite's %s = %v, want %v", describe(f), best, w)
		}
	}
}
