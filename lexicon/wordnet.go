package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/storytrace/storytrace/analyze"
)

// Senses is how many of a word's WordNet senses (most frequent first)
// count when the embedded table lists its synonyms. A word's first senses
// are what it means in running text; the rare ones make any two words
// synonyms ("bank" and "trust" share a sense, as do "run" and "test").
const Senses = 2

// Build reads the WordNet 3.0 database in dir (Debian's wordnet-base puts
// it in /usr/share/wordnet) and returns the synonym table that is embedded
// in this package, gzipped: one synset per line, the distinct retrieval
// terms (analyze.Term: Snowball stems, no stop words) of its one-word
// lemmas whose first senses (Senses for the embedded table) include it,
// sorted. Synsets left with
// fewer than two terms are omitted. The output is deterministic, so a test
// can compare it with the embedded copy.
func Build(dir string, senses int) ([]byte, error) {
	poses := []string{"noun", "verb", "adj", "adv"}
	tops := make([]map[string][]string, len(poses))
	uses := map[string]int{}
	for i, pos := range poses {
		top, err := topSenses(filepath.Join(dir, "index."+pos), senses, uses)
		if err != nil {
			return nil, err
		}
		tops[i] = top
	}
	owners := stemOwners(uses)
	var lines []string
	for i, pos := range poses {
		ls, err := synsets(filepath.Join(dir, "data."+pos), tops[i], owners)
		if err != nil {
			return nil, err
		}
		lines = append(lines, ls...)
	}
	return gzipLines(lines)
}

// gzipLines sorts lines, drops repeats, and returns them gzipped, one a
// line: the tables' format.
func gzipLines(lines []string) ([]byte, error) {
	slices.Sort(lines)
	lines = slices.Compact(lines)
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	for _, l := range lines {
		if _, err := zw.Write([]byte(l + "\n")); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// minStemShare is the least share of its stem's commonest lemma's uses
// that a lemma needs to speak for the stem. Snowball folds rare derived
// words onto common ones: "purchasable" (no tagged use) stems to
// "purchas", and its sense "bribable, corrupt, venal" would otherwise make
// "purchase" a synonym of "corrupt"; "affection" (1 use) stems to "affect"
// (5) and "running" (4) to "run" (36). A third keeps "building" (3 uses)
// beside "build" (5): both are what the stem means in running text.
const minStemShare = 1.0 / 3

// stemOwners returns the lemmas that may speak for their retrieval term
// (stem) in the table: those with at least minStemShare of the uses of
// the commonest lemma with the same term. uses counts each lemma's tagged uses over every part
// of speech (WordNet's tagsense_cnt, from the semantic concordance).
func stemOwners(uses map[string]int) map[string]bool {
	most := map[string]int{}
	for l, n := range uses {
		t := analyze.Term(l)
		most[t] = max(most[t], n)
	}
	keep := map[string]bool{}
	for l, n := range uses {
		if float64(n) >= minStemShare*float64(most[analyze.Term(l)]) {
			keep[l] = true
		}
	}
	return keep
}

// topSenses reads an index file and returns, for each synset offset, the
// one-word lemmas that have it among their first senses senses. It adds
// each lemma's tagged uses to uses.
func topSenses(path string, senses int, uses map[string]int) (map[string][]string, error) {
	top := map[string][]string{}
	err := eachIndexLine(path, func(lemma string, tagged int, offsets []string) {
		uses[lemma] += tagged
		for _, off := range offsets[:min(senses, len(offsets))] {
			top[off] = append(top[off], lemma)
		}
	})
	return top, err
}

// eachIndexLine calls fn with every one-word lemma of an index file, its
// tagged uses (WordNet's tagsense_cnt, from the semantic concordance) and
// its synsets' offsets, ordered by frequency.
//
// An index line is: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
// tagsense_cnt synset_offset....
func eachIndexLine(path string, fn func(lemma string, tagged int, offsets []string)) error {
	return eachLine(path, "index", func(n int, fs []string) error {
		if len(fs) < 6 {
			return fmt.Errorf("%s:%d: short index line", path, n)
		}
		synsetCount, err1 := strconv.Atoi(fs[2])
		pointers, err2 := strconv.Atoi(fs[3])
		if err1 != nil || err2 != nil || 4+pointers+2+synsetCount > len(fs) {
			return fmt.Errorf("%s:%d: malformed index line", path, n)
		}
		tagged, err := strconv.Atoi(fs[4+pointers+1])
		if err != nil {
			return fmt.Errorf("%s:%d: malformed index line", path, n)
		}
		if oneWord(fs[0]) {
			fn(fs[0], tagged, fs[4+pointers+2:][:synsetCount])
		}
		return nil
	})
}

// eachLine calls fn with the fields of every entry line of a WordNet file
// (kind "index" or "data", for errors) and its line number, skipping the
// licence header, whose lines open with a space.
func eachLine(path, kind string, fn func(n int, fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read WordNet %s: %w", kind, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		if err := fn(n, strings.Fields(line)); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// synsets reads a data file and returns the lines of the table for the
// synsets that top names: the terms of the lemmas that hold the synset
// among their first senses and that owners lets speak for their stem.
func synsets(path string, top map[string][]string, owners map[string]bool) ([]string, error) {
	var lines []string
	err := eachLine(path, "data", func(_ int, fs []string) error {
		lemmas := top[fs[0]]
		if len(lemmas) < 2 {
			return nil
		}
		var terms []string
		for _, l := range lemmas {
			if t := analyze.Term(l); len(t) > 2 && owners[l] {
				terms = append(terms, t)
			}
		}
		slices.Sort(terms)
		terms = slices.Compact(terms)
		if len(terms) >= 2 {
			lines = append(lines, strings.Join(terms, " "))
		}
		return nil
	})
	return lines, err
}

// oneWord reports whether a WordNet lemma is a single lower-case word:
// collocations ("take_a_breath"), names and abbreviations are left out.
func oneWord(lemma string) bool {
	for i := 0; i < len(lemma); i++ {
		if lemma[i] < 'a' || lemma[i] > 'z' {
			return false
		}
	}
	return len(lemma) > 2
}
