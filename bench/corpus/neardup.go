package corpus

import (
	"hash/maphash"
	"sort"
	"strings"
	"unicode"
)

// Near-duplicate detection. Overlaps finds an article present in two sets
// when both copies start with the same 1,000 bytes; the sets also hold the
// same article scraped twice (politifact stories in llmfake and sheepdog with
// different furniture, cuts and spacing) and a few articles twice within one
// set (BBC News Summary). A benchmark that withholds a source must withhold
// its near-duplicates too, or a query "without its source" still finds it.
const (
	// dupShingle is the shingle length in words.
	dupShingle = 5
	// dupWords is how many leading words of each text are shingled: a
	// whole news article (a long transcript is cut), because an updated
	// version of a story often keeps the old one's second half, not its
	// opening: BBC's politics-225 and politics-260 share 43% of their
	// shingles, 16% of those in their first 400 words. At 400 words, 16
	// such groups (BBC and Reuters updates, PA wire versions in METER)
	// were missed and a summary of one version finding the other was
	// scored a false derivation.
	dupWords = 1500
	// dupContainment is the share of the shorter text's shingles that must
	// occur in the longer one.
	dupContainment = 0.3
	// dupMinShingles keeps short texts out: two weekly photo-gallery blurbs
	// that differ only in their dates (l2r has such pairs) share most of
	// their shingles but are different articles.
	dupMinShingles = 40
	// dupCommon is the most texts one shingle may be in before it is
	// treated as boilerplate and ignored.
	dupCommon = 20
	// claimContainment and claimMinShared make two one-line claims (both
	// under dupMinShingles shingles) one: the same claim checked twice
	// ("All U.S. citizens are entitled to $700 per week to stay at home to
	// avoid spread of coronavirus." and "… $700 USD per week … to avoid the
	// spread of COVID-19 novel coronavirus, starting 3/17/20.", CoAID 5197
	// and 5205: 7 of 13 shingles). Every figure, number word and name of
	// the shorter must be in the longer (claimMarks), which keeps apart
	// blurbs that differ only in their dates and briefs of one template
	// about two companies.
	claimContainment = 0.5
	claimMinShared   = 6
)

// NearDuplicates returns groups of Doc IDs (of any sets, including the same
// set) whose texts are the same article: at least dupContainment of the
// shorter text's word 5-shingles (of its first dupWords words) occur in the
// longer one. Groups
// are closed under the relation (A~B and B~C put A, B, C in one group) and
// include every group Overlaps finds.
func NearDuplicates(sets ...*Set) []Overlap {
	seed := maphash.MakeSeed()
	var ids []string
	var grams [][]uint64
	var marks [][]string
	for _, s := range sets {
		for _, d := range s.Docs {
			ids = append(ids, d.ID)
			g := shingles(seed, d.Text)
			grams = append(grams, g)
			var m []string
			if len(g) < dupMinShingles {
				m = claimMarks(d.Text) // only one-line texts are compared by them
			}
			marks = append(marks, m)
		}
	}
	posting := map[uint64][]int32{}
	for i, g := range grams {
		for _, h := range g {
			posting[h] = append(posting[h], int32(i))
		}
	}
	parent := make([]int, len(ids))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	shared := map[int32]int{}
	for i, g := range grams {
		if len(g) < dupMinShingles {
			if len(g) >= claimMinShared {
				sameClaims(i, g, grams, posting, marks, func(j int) { parent[find(j)] = find(i) })
			}
			continue
		}
		clear(shared)
		for _, h := range g {
			p := posting[h]
			if len(p) > dupCommon {
				continue
			}
			for _, j := range p {
				if int(j) > i {
					shared[j]++
				}
			}
		}
		for j, n := range shared {
			shorter := min(len(g), len(grams[j]))
			if shorter >= dupMinShingles && float64(n) >= dupContainment*float64(shorter) {
				parent[find(int(j))] = find(i)
			}
		}
	}
	groups := map[int][]string{}
	for i := range ids {
		r := find(i)
		groups[r] = append(groups[r], ids[i])
	}
	// Overlaps compares exact prefixes, which catches short texts that have
	// too few shingles here.
	for _, o := range Overlaps(sets...) {
		groups[-1-len(groups)] = o.IDs
	}
	return mergeGroups(groups)
}

// sameClaims calls join for every later text j that is one claim with
// text i: both short (under dupMinShingles shingles), at least
// claimContainment of the shorter's shingles, and claimMinShared, in the
// longer, and every figure, number word and name of the shorter
// (claimMarks) in the longer.
func sameClaims(i int, g []uint64, grams [][]uint64, posting map[uint64][]int32, marks [][]string, join func(int)) {
	shared := map[int32]int{}
	for _, h := range g {
		for _, j := range posting[h] {
			if int(j) > i && len(grams[j]) < dupMinShingles {
				shared[j]++
			}
		}
	}
	for j, n := range shared {
		a, b := i, int(j)
		if len(grams[b]) < len(grams[a]) {
			a, b = b, a
		}
		if n < claimMinShared || float64(n) < claimContainment*float64(len(grams[a])) {
			continue
		}
		if !subset(marks[a], marks[b]) {
			continue
		}
		join(int(j))
	}
}

// claimMarks returns what two versions of one claim must share:
// the runs of digits in text, its number words ("third", "fourth": a jury
// sent home a third night is not the one sent home a fourth), and its
// capitalised words, case-folded (names: "CITIBANK RAISES BASE RATE" and
// "CHASE MANHATTAN RAISES PRIME RATE" are two banks' news).
func claimMarks(text string) []string {
	out := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsDigit(r) })
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, w := range words {
		switch lw := strings.ToLower(w); {
		case numberWords[lw]:
			out = append(out, lw)
		case unicode.IsUpper([]rune(w)[0]):
			out = append(out, lw)
		}
	}
	return out
}

// numberWords are the spelled numbers claimMarks keeps.
var numberWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`one two three four five six seven eight nine ten eleven twelve
		twenty thirty forty fifty hundred thousand million billion first second third fourth fifth
		sixth seventh eighth ninth tenth`) {
		numberWords[w] = true
	}
}

// subset reports whether every string of a is in b.
func subset(a, b []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// shingles hashes the distinct word 5-shingles of text's first dupWords
// words, case-folded, punctuation dropped.
func shingles(seed maphash.Seed, text string) []uint64 {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	if len(words) > dupWords {
		words = words[:dupWords]
	}
	seen := map[uint64]bool{}
	var out []uint64
	for i := 0; i+dupShingle <= len(words); i++ {
		h := maphash.String(seed, strings.Join(words[i:i+dupShingle], " "))
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}

// mergeGroups unions groups that share an ID and returns those with two or
// more IDs, each sorted, in a fixed order.
func mergeGroups(groups map[int][]string) []Overlap {
	index := map[string]int{}
	var sets [][]string
	for _, g := range groups {
		target := -1
		for _, id := range g {
			if k, ok := index[id]; ok {
				target = k
				break
			}
		}
		if target < 0 {
			target = len(sets)
			sets = append(sets, nil)
		}
		for _, id := range g {
			if k, ok := index[id]; ok && k != target {
				// Move everything from k into target.
				for _, moved := range sets[k] {
					index[moved] = target
				}
				sets[target] = append(sets[target], sets[k]...)
				sets[k] = nil
			}
			if _, ok := index[id]; !ok {
				index[id] = target
				sets[target] = append(sets[target], id)
			}
		}
	}
	var out []Overlap
	for _, s := range sets {
		if len(s) < 2 {
			continue
		}
		sort.Strings(s)
		out = append(out, Overlap{IDs: s})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IDs[0] < out[j].IDs[0] })
	return out
}
