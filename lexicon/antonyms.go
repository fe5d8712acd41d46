package lexicon

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/storytrace/storytrace/analyze"
)

// BuildAntonyms reads the WordNet 3.0 database in dir and returns the
// antonym table embedded in this package, gzipped: one pair of retrieval
// terms per line, sorted, for every direct antonym pointer (WordNet's "!",
// between two words: "widen" / "narrow", "guilty" / "innocent") whose two
// words each hold the pointer's synset among their first senses and may
// speak for their stem (stemOwners). A pair whose two words share a term,
// or whose one term is the other's with a prefix ("legal" / "illegal",
// which the audit reads by its prefixes), is left out.
func BuildAntonyms(dir string, senses int) ([]byte, error) {
	poses := []string{"noun", "verb", "adj", "adv"}
	// ranks[pos][lemma+" "+offset] is the sense number of the synset
	// among the lemma's senses, most frequent first.
	ranks := map[string]map[string]int{}
	uses := map[string]int{}
	for _, pos := range poses {
		r, err := senseRanks(filepath.Join(dir, "index."+pos), uses)
		if err != nil {
			return nil, err
		}
		ranks[pos] = r
	}
	owners := stemOwners(uses)
	words := map[string][]string{} // pos+" "+offset → the synset's words
	type pointer struct {
		pos, off, tpos, toff string
		s, t                 int
	}
	var ptrs []pointer
	// Nouns are read for their words (a pointer may lead to a
	// noun) but give no pairs: a rewrite that puts "husband" for
	// "wife", "victory" for "defeat" or "danger" for "safety" seldom
	// turns the claim around.
	for _, pos := range poses {
		path := filepath.Join(dir, "data."+pos)
		err := eachLine(path, "data", func(n int, fs []string) error {
			bad := fmt.Errorf("%s:%d: malformed data line", path, n)
			if len(fs) < 4 {
				return bad
			}
			wc, err := strconv.ParseInt(fs[3], 16, 32)
			if err != nil || len(fs) < 5+2*int(wc) {
				return bad
			}
			var ws []string
			for i := range int(wc) {
				w := strings.ToLower(fs[4+2*i])
				if k := strings.IndexByte(w, '('); k >= 0 { // "galore(ip)": an adjective's position
					w = w[:k]
				}
				ws = append(ws, w)
			}
			words[pos+" "+fs[0]] = ws
			p := 4 + 2*int(wc)
			pc, err := strconv.Atoi(fs[p])
			if err != nil || len(fs) < p+1+4*pc {
				return bad
			}
			for i := range pc {
				f := fs[p+1+4*i:]
				if f[0] != "!" || len(f[3]) != 4 || pos == "noun" {
					continue
				}
				s, err1 := strconv.ParseInt(f[3][:2], 16, 32)
				t, err2 := strconv.ParseInt(f[3][2:], 16, 32)
				if err1 != nil || err2 != nil {
					return bad
				}
				ptrs = append(ptrs, pointer{pos, fs[0], dataPOS[f[2]], f[1], int(s), int(t)})
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	var lines []string
	for _, p := range ptrs {
		from, to := words[p.pos+" "+p.off], words[p.tpos+" "+p.toff]
		if p.s < 1 || p.s > len(from) || p.t < 1 || p.t > len(to) {
			continue
		}
		a, b := from[p.s-1], to[p.t-1]
		ra, okA := ranks[p.pos][a+" "+p.off]
		rb, okB := ranks[p.tpos][b+" "+p.toff]
		if !oneWord(a) || !oneWord(b) || !okA || !okB || ra >= senses || rb >= senses || !owners[a] || !owners[b] {
			continue
		}
		ta, tb := analyze.Term(a), analyze.Term(b)
		if len(ta) <= 2 || len(tb) <= 2 || ta == tb || strings.HasSuffix(ta, tb) || strings.HasSuffix(tb, ta) ||
			strings.HasSuffix(a, b) || strings.HasSuffix(b, a) {
			continue
		}
		if tb < ta {
			ta, tb = tb, ta
		}
		lines = append(lines, ta+" "+tb)
	}
	return gzipLines(lines)
}

// dataPOS maps a pointer's part-of-speech letter to its data file; "s",
// an adjective satellite, lives among the adjectives.
var dataPOS = map[string]string{"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

// senseRanks reads an index file and returns, for each one-word lemma and
// each of its synsets, the synset's sense number (0 for the most frequent),
// keyed lemma+" "+offset. It adds each lemma's tagged uses to uses.
func senseRanks(path string, uses map[string]int) (map[string]int, error) {
	ranks := map[string]int{}
	err := eachIndexLine(path, func(lemma string, tagged int, offsets []string) {
		uses[lemma] += tagged
		for i, off := range offsets {
			ranks[lemma+" "+off] = i
		}
	})
	return ranks, err
}
