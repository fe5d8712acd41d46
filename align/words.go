package align

import (
	"unicode"
	"unicode/utf8"

	"github.com/storytrace/storytrace/analyze"
)

// word is one word of a text as the verbatim matcher sees it: a hash of its
// case-folded letters and digits, and its byte span.
//
// The profile's terms are not used here: they drop stop words and stem, and
// carry no offsets. Verbatim reuse is best recognised on every word as
// written ("of the", "has been" make a copied phrase specific), and the
// passages need exact offsets. Scanning the text again costs a few
// microseconds per kilobyte, far less than stemming would.
type word struct {
	hash       uint64
	start, end int32
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// scanWords splits text into words: runs of letters, marks and digits. Case
// is folded; everything else (spaces, punctuation, apostrophes) separates
// words, so "ministry's" is two words, as in analyze.Tokenize.
func scanWords(text string) []word {
	out := make([]word, 0, len(text)/6)
	h, start := uint64(fnvOffset), -1
	flush := func(end int) {
		if start >= 0 {
			out = append(out, word{hash: h, start: int32(start), end: int32(end)})
		}
		h, start = fnvOffset, -1
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				flush(i)
				i++
				continue
			}
			if start < 0 {
				start = i
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !unicode.IsDigit(r) {
			flush(i)
			i += size
			continue
		}
		if start < 0 {
			start = i
		}
		r = unicode.ToLower(r)
		for k := 0; k < 4; k++ { // mix the rune's value byte by byte
			h = (h ^ uint64(byte(r>>(8*k)))) * fnvPrime
		}
		i += size
	}
	flush(len(text))
	return out
}

// isWordAt reports whether the rune starting at text[i] belongs to a word.
func isWordAt(text string, i int) bool {
	if i < 0 || i >= len(text) {
		return false
	}
	c := text[i]
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// isWordBefore reports whether the rune ending just before text[i] belongs
// to a word.
func isWordBefore(text string, i int) bool {
	if i <= 0 || i > len(text) {
		return false
	}
	if c := text[i-1]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// sentenceOfWords maps every word to the sentence holding its start, or -1
// when it lies between sentences.
func sentenceOfWords(ws []word, sents []analyze.Sentence) []int32 {
	out := make([]int32, len(ws))
	k := 0
	for i, w := range ws {
		for k < len(sents) && int(w.start) >= sents[k].End {
			k++
		}
		if k < len(sents) && int(w.start) >= sents[k].Start {
			out[i] = int32(k)
		} else {
			out[i] = -1
		}
	}
	return out
}
