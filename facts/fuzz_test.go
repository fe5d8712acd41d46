package facts

import (
	"os"
	"testing"
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
