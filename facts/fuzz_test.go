package facts

import (
	"os"
	"reflect"
	"testing"
	"time"
)

// FuzzExtract checks Extract's promises on arbitrary input: no panic, Text
// equal to text[Start:End], facts sorted and non-overlapping, and Match
// reflexive and symmetric over the facts found. Crashers found by
// "go test -fuzz=FuzzExtract" are kept in testdata/fuzz/FuzzExtract and
// replayed by every "go test".
func FuzzExtract(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.text)
	}
	for _, s := range []string{
		"$", "£", "Rs.", "US$", "-", "−", "minus", "between 10 and", "10 to", "a", "half a",
		"Oct", "Oct.", "31st of", "2024-", "2024-01-", "3:", "3.30 p.", "12:00:", "\xe2\x82", "٫٫",
		"1,00,00,000", "9,99,999", "Tuesday,", "0.5.", "99999999999999999999",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/bench/bbc-business-001.txt"); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		facts := Extract(text)
		if err := checkFacts(text, facts); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(facts); i++ {
			a, b := facts[i-1], facts[i]
			if Match(a, b) != Match(b, a) {
				t.Fatalf("Match(%s, %s) = %v but reversed = %v", describe(a), describe(b), Match(a, b), Match(b, a))
			}
		}
	})
}

// fuzzSeeds are the texts every fuzz target starts from: the golden cases
// and the extraction cases.
func fuzzSeeds(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.text)
	}
	for _, s := range []string{
		"“", "”", "\"", "“a b c d", "\"a b c d\" said", "said “a b c d”", "according to",
		"Senator", "Sen. X", "U.S.", "U.", "A. B. C.", "the ministry said", "It said,",
		"Mr Smith of the Bank of England", "“x”“y”", "\n\n“a b\n\nc d”",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile("testdata/entities.txt"); err == nil {
		f.Add(string(b))
	}
}

// FuzzEntities checks Entities' promises on arbitrary input: no panic,
// Text equal to text[Start:End], the name at the end of the mention, sorted
// and non-overlapping. Crashers are kept in testdata/fuzz/FuzzEntities.
func FuzzEntities(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		if err := checkFacts(text, Entities(text)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzQuotes checks Quotes' promises the same way: quotations and reported
// speech in order, never overlapping, each with its offsets exact.
func FuzzQuotes(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		if err := checkFacts(text, Quotes(text)); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzNamesAndQuotes checks that reading names and quotations off one
// tokenisation finds what Entities and Quotes find each on its own.
func FuzzNamesAndQuotes(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		names, quotes := NamesAndQuotes(text)
		if !reflect.DeepEqual(names, Entities(text)) || !reflect.DeepEqual(quotes, Quotes(text)) {
			t.Fatalf("NamesAndQuotes(%q) = %v, %v; Entities and Quotes give %v, %v", text, names, quotes, Entities(text), Quotes(text))
		}
	})
}

// FuzzExtractAt checks that resolving against a publication date keeps
// Extract's promises, for any date from 1900 to 2100.
func FuzzExtractAt(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		day := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, len(text)*37%73000)
		facts := ExtractAt(text, day)
		if err := checkFacts(text, facts); err != nil {
			t.Fatal(err)
		}
	})
}
