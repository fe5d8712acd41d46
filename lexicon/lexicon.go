// Package lexicon holds what storytrace knows about English words beyond
// their stems: which ones mean the same thing. A rewrite trades "too big"
// for "excessively large" and "buy" for "purchase"; matching on stems alone
// reads those sentences as further apart than they are.
//
// The synonyms come from WordNet 3.0 (Princeton University; its licence,
// in WORDNET-LICENSE, allows redistribution with the notice), reduced by Build to the retrieval terms of each
// word's most frequent senses and embedded, so every machine aligns with
// the same table whether or not WordNet is installed.
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

//go:generate go run ./gen -wordnet /usr/share/wordnet -out synonyms.txt.gz

//go:embed synonyms.txt.gz
var synonymsGz []byte

// Lexicon answers which terms are synonyms. It is read-only once built and
// safe for concurrent use.
type Lexicon struct {
	synonyms map[string][]string
}

// Default returns the embedded table, parsed on first use.
var Default = sync.OnceValue(func() *Lexicon {
	l, err := Parse(synonymsGz)
	if err != nil {
		// The table is built into the binary and checked by the tests;
		// failing to read it is a build defect, not bad input.
		panic(fmt.Sprintf("lexicon: embedded table: %v", err))
	}
	return l
})

// Parse reads a gzipped table in Build's format.
func Parse(gz []byte) (*Lexicon, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("read synonym table: %w", err)
	}
	defer zr.Close()
	l := &Lexicon{synonyms: map[string][]string{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		terms := strings.Fields(sc.Text())
		for _, t := range terms {
			for _, o := range terms {
				if o != t {
					l.synonyms[t] = append(l.synonyms[t], o)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read synonym table: %w", err)
	}
	for t, s := range l.synonyms {
		slices.Sort(s)
		l.synonyms[t] = slices.Compact(s)
	}
	return l, nil
}

// Synonyms returns the terms that share one of term's main senses, sorted;
// nil when there are none. The caller must not modify the slice.
func (l *Lexicon) Synonyms(term string) []string {
	if l == nil {
		return nil
	}
	return l.synonyms[term]
}

// Len is the number of terms that have synonyms.
func (l *Lexicon) Len() int { return len(l.synonyms) }
