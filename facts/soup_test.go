package facts

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// soupTokens are pieces that matchers look for, to be thrown together in
// random order: random bytes seldom form "$10-12bn" or "Tuesday, 31 Oct",
// random sequences of these pieces often do.
var soupTokens = strings.Fields(`$ £ € Â£ US$ Rs Rs. PKR USD - – − / : , . % ' ’ s
	0 1 3 05 12 20 31 99 100 800 1500 1,000 5,00,000 2.5 1.15 0.5 2000 2019 2024 1998 2024-01-03 ۱۲۳ ٢٠٢٣
	m bn k p km mph st th am pm a.m. GMT
	million billion thousand hundred crore per cent percent percentage points dollars euros rupees
	a an half quarter of one three twenty twenty-five and to between by minus
	more than about close nearly at least up some estimated
	Oct Oct. October May March Nov Tuesday in last mid the people results No G #`)

// TestExtractOnTokenSoup checks Extract's promises on many random
// sequences of soupTokens, joined by spaces, nothing, or line breaks.
func TestExtractOnTokenSoup(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seps := []string{" ", " ", " ", "", "\n"}
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		var b strings.Builder
		for k := r.IntN(12) + 1; k > 0; k-- {
			b.WriteString(soupTokens[r.IntN(len(soupTokens))])
			b.WriteString(seps[r.IntN(len(seps))])
		}
		text := b.String()
		facts := Extract(text)
		if err := checkFacts(text, facts); err != nil {
			t.Fatalf("Extract(%q): %v", text, err)
		}
		for i := 1; i < len(facts); i++ {
			if Match(facts[i-1], facts[i]) != Match(facts[i], facts[i-1]) {
				t.Fatalf("Extract(%q): Match not symmetric for %s and %s", text, describe(facts[i-1]), describe(facts[i]))
			}
		}
	}
}
