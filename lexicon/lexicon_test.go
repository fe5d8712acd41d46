package lexicon

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
)

// The embedded table pairs words that a rewrite trades for each other, as
// stems, and not words that merely share a rare sense.
func TestDefaultSynonyms(t *testing.T) {
	l := Default()
	if l.Len() < 10000 {
		t.Fatalf("embedded table holds %d terms, want the whole of WordNet's main senses", l.Len())
	}
	term := func(w string) string { return analyze.Term(w) }
	for _, p := range [][2]string{
		{"purchase", "buy"},
		{"large", "big"}, // l2r-news-038: "is too big" / "is excessively large"
		{"physician", "doctor"},
	} {
		if !slices.Contains(l.Synonyms(term(p[0])), term(p[1])) {
			t.Errorf("%s and %s are not synonyms; %s has %v", p[0], p[1], p[0], l.Synonyms(term(p[0])))
		}
	}
	// "bank" and "trust" share only a rare sense of each; "purchasable"
	// (bribable, corrupt, venal) stems as "purchase" does but is too rare
	// to speak for the stem.
	for _, p := range [][2]string{{"bank", "trust"}, {"purchase", "corrupt"}, {"affect", "fondness"}} {
		if slices.Contains(l.Synonyms(term(p[0])), term(p[1])) {
			t.Errorf("%s and %s are synonyms; only main senses of common lemmas should count", p[0], p[1])
		}
	}
	// Stop words and numbers have no entry.
	for _, w := range []string{"the", "2023"} {
		if s := l.Synonyms(w); s != nil {
			t.Errorf("%q has synonyms %v", w, s)
		}
	}
}

// The embedded tables are what Build and BuildAntonyms make of WordNet,
// when WordNet is installed (.ci/run installs wordnet-base so that CI
// checks this).
func TestEmbeddedTablesAreBuilt(t *testing.T) {
	const dir = "/usr/share/wordnet"
	if _, err := os.Stat(dir + "/index.noun"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("WordNet is not installed in CI: %v", err)
		}
		t.Skip("WordNet not installed (apt-get install wordnet-base)")
	}
	for _, c := range []struct {
		name     string
		build    func(string, int) ([]byte, error)
		embedded []byte
	}{
		{"synonym", Build, synonymsGz},
		{"antonym", BuildAntonyms, antonymsGz},
	} {
		b, err := c.build(dir, Senses)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := unzip(t, b), unzip(t, c.embedded); !bytes.Equal(got, want) {
			t.Errorf("embedded %s table differs from the one built (%d against %d bytes): run go generate ./lexicon", c.name, len(want), len(got))
		}
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	if _, err := Parse([]byte("not gzip")); err == nil {
		t.Error("Parse accepted bytes that are not gzip")
	}
	if _, err := Build(t.TempDir(), 1); err == nil {
		t.Error("Build accepted a folder with no WordNet in it")
	}
	// An index line whose tagged-use count is no number names its file
	// and line.
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "index.noun"), []byte("  licence header\nbuy n 1 0 1 many 00001\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Build(dir, 1)
	if err == nil || !strings.Contains(err.Error(), "index.noun:2") {
		t.Errorf("Build on a malformed index line: %v, want an error naming index.noun:2", err)
	}
}

func unzip(t *testing.T, gz []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A lemma speaks for its stem only with a third of the uses of the stem's
// commonest lemma.
func TestStemOwners(t *testing.T) {
	keep := stemOwners(map[string]int{"purchase": 4, "purchasable": 0, "build": 5, "building": 3, "run": 36, "running": 4})
	for l, want := range map[string]bool{"purchase": true, "purchasable": false, "build": true, "building": true, "run": true, "running": false} {
		if keep[l] != want {
			t.Errorf("%s kept = %v, want %v", l, keep[l], want)
		}
	}
}

// The antonym table opposes verbs, adjectives and adverbs by their main
// senses, as stems, and leaves out nouns and prefixed opposites.
func TestDefaultAntonyms(t *testing.T) {
	l := Default()
	term := func(w string) string { return analyze.Term(w) }
	// Pairs LLMFake's manipulated PolitiFact articles turn around
	// (politifact12418, 11627, 13193).
	for _, p := range [][2]string{{"widened", "narrowed"}, {"high", "low"}, {"better", "worse"}, {"major", "minor"}} {
		if !slices.Contains(l.Antonyms(term(p[0])), term(p[1])) {
			t.Errorf("%s and %s are not antonyms; %s has %v", p[0], p[1], p[0], l.Antonyms(term(p[0])))
		}
	}
	for _, p := range [][2]string{
		{"husband", "wife"},  // nouns
		{"safety", "danger"}, // nouns
		{"legal", "illegal"}, // a prefix, which the audit reads itself
		{"large", "big"},     // synonyms
	} {
		if slices.Contains(l.Antonyms(term(p[0])), term(p[1])) {
			t.Errorf("%s and %s are antonyms in the table", p[0], p[1])
		}
	}
	if l.Antonyms("the") != nil {
		t.Error("a stop word has antonyms")
	}
}

// A data line whose pointer count is no number names its file and line.
func TestBuildAntonymsRejectsBadInput(t *testing.T) {
	if _, err := BuildAntonyms(t.TempDir(), 1); err == nil {
		t.Error("BuildAntonyms accepted a folder with no WordNet in it")
	}
	dir := t.TempDir()
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		if err := os.WriteFile(filepath.Join(dir, "index."+pos), []byte("  licence\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		data := "  licence\n"
		if pos == "adj" {
			data += "00001 00 a 01 high 0 many\n"
		}
		if err := os.WriteFile(filepath.Join(dir, "data."+pos), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := BuildAntonyms(dir, 1)
	if err == nil || !strings.Contains(err.Error(), "data.adj:2") {
		t.Errorf("BuildAntonyms on a malformed data line: %v, want an error naming data.adj:2", err)
	}
}
