// Package lexicon holds what storytrace knows about English words beyond
// their stems: which ones mean the same thing, and which the opposite. A
// rewrite trades "too big" for "excessively large" and "buy" for
// "purchase"; matching on stems alone reads those sentences as further
// apart than they are. A manipulated copy puts "narrowed" for "widened".
//
// Both tables come from WordNet 3.0 (Princeton University; its licence,
// in WORDNET-LICENSE, allows redistribution with the notice), reduced by Build and
// BuildAntonyms to the retrieval terms of each word's most frequent senses
// and embedded, so every machine aligns and audits with the same tables
// whether or not WordNet is installed.
package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

//go:generate go run ./gen -wordnet /usr/share/wordnet -out synonyms.txt.gz -antonyms antonyms.txt.gz

//go:embed synonyms.txt.gz
var synonymsGz []byte

//go:embed antonyms.txt.gz
var antonymsGz []byte

// Lexicon answers which terms are synonyms and which antonyms. It is read-only once built and
// safe for concurrent use.
type Lexicon struct {
	synonyms map[string][]string
	antonyms map[string][]string
}

// Default returns the embedded tables, parsed on first use.
var Default = sync.OnceValue(func() *Lexicon {
	l, err := Parse(synonymsGz)
	if err == nil {
		l.antonyms, err = parseTable(antonymsGz, "antonym")
	}
	if err != nil {
		// The table is built into the binary and checked by the tests;
		// failing to read it is a build defect, not bad input.
		panic(fmt.Sprintf("lexicon: embedded table: %v", err))
	}
	return l
})

// Parse reads a gzipped synonym table in Build's format; the Lexicon it
// returns knows no antonyms.
func Parse(gz []byte) (*Lexicon, error) {
	syn, err := parseTable(gz, "synonym")
	if err != nil {
		return nil, err
	}
	return &Lexicon{synonyms: syn}, nil
}

// parseTable reads a gzipped table whose lines list terms that stand in
// one relation to each other (what names it: synonyms, antonyms) and
// returns, for each term, the others, sorted.
func parseTable(gz []byte, what string) (map[string][]string, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read %s table: %w", what, err)
	}
	defer zr.Close()
	related := map[string][]string{}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		terms := strings.Fields(sc.Text())
		for _, t := range terms {
			for _, o := range terms {
				if o != t {
					related[t] = append(related[t], o)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s table: %w", what, err)
	}
	for t, s := range related {
		slices.Sort(s)
		related[t] = slices.Compact(s)
	}
	return related, nil
}

// Synonyms returns the terms that share one of term's main senses, sorted;
// nil when there are none. The caller must not modify the slice.
func (l *Lexicon) Synonyms(term string) []string {
	if l == nil {
		return nil
	}
	return l.synonyms[term]
}

// Antonyms returns the terms whose main senses are the opposite of one of
// term's (WordNet's direct antonyms), sorted; nil when there are none. The
// caller must not modify the slice.
func (l *Lexicon) Antonyms(term string) []string {
	if l == nil {
		return nil
	}
	return l.antonyms[term]
}

// Len is the number of terms that have synonyms.
func (l *Lexicon) Len() int { return len(l.synonyms) }
