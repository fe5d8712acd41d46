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
	var lines []string
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		top, err := topSenses(filepath.Join(dir, "index."+pos), senses)
		if err != nil {
			return nil, err
		}
		ls, err := synsets(filepath.Join(dir, "data."+pos), top)
		if err != nil {
			return nil, err
		}
		lines = append(lines, ls...)
	}
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

// topSenses reads an index file and returns, for each synset offset, the
// one-word lemmas that have it among their first senses senses.
//
// An index line is: lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
// tagsense_cnt synset_offset..., offsets ordered by frequency.
func topSenses(path string, senses int) (map[string][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read WordNet index: %w", err)
	}
	defer f.Close()
	top := map[string][]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || line[0] == ' ' { // the licence header
			continue
		}
		fs := strings.Fields(line)
		if len(fs) < 6 {
			return nil, fmt.Errorf("%s:%d: short index line", path, n)
		}
		lemma := fs[0]
		if !oneWord(lemma) {
			continue
		}
		synsetCount, err1 := strconv.Atoi(fs[2])
		pointers, err2 := strconv.Atoi(fs[3])
		if err1 != nil || err2 != nil || 4+pointers+2+synsetCount > len(fs) {
			return nil, fmt.Errorf("%s:%d: malformed index line", path, n)
		}
		offsets := fs[4+pointers+2:][:synsetCount]
		for _, off := range offsets[:min(senses, len(offsets))] {
			top[off] = append(top[off], lemma)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return top, nil
}

// synsets reads a data file and returns the lines of the table for the
// synsets that top names: the terms of the lemmas that hold the synset
// among their first senses.
func synsets(path string, top map[string][]string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read WordNet data: %w", err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == ' ' {
			continue
		}
		off, _, _ := strings.Cut(line, " ")
		lemmas := top[off]
		if len(lemmas) < 2 {
			continue
		}
		var terms []string
		for _, l := range lemmas {
			if t := analyze.Term(l); len(t) > 2 {
				terms = append(terms, t)
			}
		}
		slices.Sort(terms)
		terms = slices.Compact(terms)
		if len(terms) >= 2 {
			lines = append(lines, strings.Join(terms, " "))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return lines, nil
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
