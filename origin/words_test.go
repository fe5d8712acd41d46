package origin

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzWords checks that words reads any text as its definition says: in
// lower case, each run of characters other than letters and digits made
// one space, none at either end.
func FuzzWords(f *testing.F) {
	f.Add(`“Around 1.7 million illegal aliens,” the ministry said — 541,210 sent back.`)
	f.Add("  İstanbul's ΣΟΦΙΑ\xff\xfe--x ")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		want := strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
		if got := words(s); got != want {
			t.Fatalf("words(%q) = %q, want %q", s, got, want)
		}
	})
}
