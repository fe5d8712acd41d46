package analyze

import (
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Normalize maps a word to the form it is compared in: NFKC (so "ﬁ" is "fi" and
// full-width letters are ASCII) and Unicode case folding. It keeps combining
// marks: in Urdu, Hindi and other scripts they are part of the spelling, and
// stripping them would merge different words.
func Normalize(word string) string {
	if isASCII(word) {
		// Fast path: NFKC and case folding of ASCII are plain lower-casing.
		return strings.ToLower(word)
	}
	// A fresh Caser per call: cases.Caser is stateful and not safe for
	// concurrent use, and the cost is a few allocations.
	folded := cases.Fold().String(norm.NFKC.String(word))
	// Typographic apostrophes fold to ASCII so "ministry’s" and "ministry's"
	// tokenise alike.
	return strings.ReplaceAll(folded, "’", "'")
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
