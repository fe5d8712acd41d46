package facts

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decimal is a number as written: its digits and where the decimal point
// goes. It stays text until the end so that scale words shift the point
// exactly: 1.15 × 10⁶ in floating point is 1149999.9999999998, while parsing
// "1.15e6" gives 1150000, and keys must not depend on such accidents.
type decimal struct {
	neg     bool
	whole   string // ASCII digits before the point; never empty
	frac    string // ASCII digits after the point
	exp     int    // power of ten from scale words ("m" → 6) or units ("p" → -2)
	grouped bool   // written with thousands separators ("2,000")
}

// maxDigits bounds the digits of a number that is read as a quantity. Longer
// runs are identifiers (phone numbers, account numbers), not figures, and a
// float64 would not hold them exactly anyway.
const maxDigits = 15

// value returns the number as a float64, correctly rounded from its decimal
// form.
func (d decimal) value() float64 {
	s := d.whole
	if d.frac != "" {
		s += "." + d.frac
	}
	v, err := strconv.ParseFloat(s+"e"+strconv.Itoa(d.exp), 64)
	if err != nil {
		return 0 // unreachable: digits are bounded by maxDigits, exp by scale words
	}
	if d.neg && v != 0 {
		v = -v // "-0" stays 0, so that its key is "q:0"
	}
	return v
}

// step returns the place value of the last written digit.
func (d decimal) step() float64 {
	return math.Pow10(d.exp - len(d.frac))
}

// parseDigits reads a number token: digits of any supported script, with
// thousands separators (Western "1,234,567" or South Asian "12,34,567") and
// at most one decimal point after them. It rejects what is not one number —
// "2.6.11" (a version), "1,5" (a list or a European decimal) — rather than
// guess.
func parseDigits(tok string) (decimal, bool) {
	var groups []string
	var cur strings.Builder
	var d decimal
	point := false
	for _, r := range tok {
		switch {
		case digitValue(r) >= 0:
			cur.WriteByte(byte('0' + digitValue(r)))
		case r == '.' || r == '\u066B':
			if point {
				return decimal{}, false
			}
			point = true
			groups = append(groups, cur.String())
			cur.Reset()
		default: // a thousands separator; scanNumber lets nothing else in
			if point {
				return decimal{}, false
			}
			groups = append(groups, cur.String())
			cur.Reset()
		}
	}
	if point {
		d.frac = cur.String()
	} else {
		groups = append(groups, cur.String())
	}
	if !validGroups(groups) {
		return decimal{}, false
	}
	d.whole = strings.Join(groups, "")
	d.grouped = len(groups) > 1
	if len(d.whole)+len(d.frac) > maxDigits {
		return decimal{}, false
	}
	return d, true
}

// validGroups reports whether digit groups split at thousands separators
// form one number: the last group has three digits and the middle ones all
// three (Western) or all two (the lakh grouping of Pakistani and Indian
// papers: "5,00,000").
func validGroups(groups []string) bool {
	n := len(groups)
	if n == 1 {
		return true
	}
	first, last := len(groups[0]), len(groups[n-1])
	if first < 1 || first > 3 || last != 3 {
		return false
	}
	mid := 3
	if n > 2 {
		mid = len(groups[1])
	}
	if mid == 2 && first > 2 {
		return false
	}
	for _, g := range groups[1 : n-1] {
		if len(g) != mid || (mid != 2 && mid != 3) {
			return false
		}
	}
	return true
}

// Written numbers. Only cardinals are numbers: ordinals ("first",
// "twenty-first") and fractions ("two thirds") are not quantities.
var (
	unitWords = map[string]int64{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
		"six": 6, "seven": 7, "eight": 8, "nine": 9,
	}
	teenWords = map[string]int64{
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
		"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	}
	tensWords = map[string]int64{
		"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	}
	// scaleWords are the powers of ten a number may be followed by, as words
	// or abbreviations. "m" and "b" are not here: standing apart from the
	// number they are more often metres or a letter than a scale.
	scaleWords = map[string]int{
		"thousand": 3, "million": 6, "billion": 9, "trillion": 12,
		"mn": 6, "mln": 6, "bn": 9, "bln": 9, "tn": 12, "trn": 12,
		"lakh": 5, "lakhs": 5, "crore": 7, "crores": 7,
	}
	// notCardinal are words that turn a preceding number word into an
	// ordinal or a fraction: "twenty-first", "two thirds", "three-quarters".
	notCardinal = map[string]bool{
		"first": true, "second": true, "third": true, "fourth": true, "fifth": true,
		"sixth": true, "seventh": true, "eighth": true, "ninth": true, "tenth": true,
		"half": true, "halves": true, "thirds": true, "quarter": true, "quarters": true,
		"fifths": true, "sixths": true, "eighths": true, "tenths": true,
	}
)

// wordClass is the grammatical role of the last word read in a written
// number, which decides what may follow it.
type wordClass uint8

const (
	wcNone wordClass = iota
	wcA              // "a"/"an", only before hundred or a scale word
	wcUnit           // one … nine
	wcTeen           // ten … nineteen
	wcTens           // twenty … ninety
	wcHundred
	wcScale // thousand, million, …
	wcAnd
	wcDozen // "two dozen", "a dozen": the number's last word
)

// writtenNumber reads a cardinal in words starting at token i ("three",
// "twenty-five", "two hundred and fifty", "a million", "half a million") and
// returns it with the index of its last token.
//
// A lone "one" is not taken: in news prose it is mostly a pronoun ("one of
// the", "no one"), and a wrong fact costs more than a missed one.
func (s *scanner) writtenNumber(i int) (decimal, int, bool) {
	if d, last, ok := s.fractionOfScale(i); ok {
		return d, last, true
	}
	var total, group int64
	lastScale := math.MaxInt
	class, last, words := wcNone, -1, 0
	for j := i; j >= 0; j = s.nextNumberWord(j, class) {
		w := s.word(j)
		next, ok := s.nextClass(class, w, j)
		if next == wcScale && scaleWords[w] >= lastScale {
			ok = false // "thousand million" is left alone
		}
		if !ok {
			break
		}
		switch next {
		case wcA:
			group = 1
		case wcUnit:
			group += unitWords[w]
		case wcTeen:
			group += teenWords[w]
		case wcTens:
			group += tensWords[w]
		case wcHundred:
			group *= 100
		case wcDozen:
			group *= 12
		case wcScale:
			lastScale = scaleWords[w]
			total += group * int64(math.Pow10(lastScale))
			group = 0
		}
		class, last = next, j
		if next != wcA && next != wcAnd {
			words++
		}
	}
	if words == 0 || class == wcA || class == wcAnd {
		return decimal{}, 0, false
	}
	if words == 1 && s.word(i) == "one" {
		return decimal{}, 0, false
	}
	if s.beforeNotCardinal(last) {
		return decimal{}, 0, false
	}
	return writtenDecimal(total+group, group == 0, lastScale), last, true
}

// writtenDecimal makes the decimal for a written number of value n. When it
// ends in a scale word ("three million"), the scale goes into the exponent
// so that the number's step is that scale, as for "3 million"; otherwise the
// words name every digit ("twenty-five", "two hundred") and the step is 1.
func writtenDecimal(n int64, endsInScale bool, scale int) decimal {
	if !endsInScale || scale == math.MaxInt {
		return decimal{whole: strconv.FormatInt(n, 10)}
	}
	p := int64(math.Pow10(scale))
	return decimal{whole: strconv.FormatInt(n/p, 10), exp: scale}
}

// nextClass decides whether word w (token j) may follow a word of class
// prev in a written number, and returns its class.
func (s *scanner) nextClass(prev wordClass, w string, j int) (wordClass, bool) {
	after := func(ok ...wordClass) bool {
		for _, c := range ok {
			if prev == c {
				return true
			}
		}
		return false
	}
	switch {
	case w == "a" || w == "an":
		next := s.word(j + 1)
		return wcA, prev == wcNone && s.spaced(j+1) && (next == "hundred" || next == "dozen" || isScaleWord(next))
	case unitWords[w] > 0:
		return wcUnit, after(wcNone, wcTens, wcHundred, wcScale, wcAnd)
	case teenWords[w] > 0:
		return wcTeen, after(wcNone, wcHundred, wcScale, wcAnd)
	case tensWords[w] > 0:
		return wcTens, after(wcNone, wcHundred, wcScale, wcAnd)
	case w == "hundred":
		return wcHundred, after(wcA, wcUnit, wcTeen)
	case w == "dozen":
		// "roughly two dozen others" is 24 people (llmfake politifact13823,
		// paraphrased "about 24 people"), "a dozen" 12. Nothing follows it.
		return wcDozen, after(wcA, wcUnit, wcTeen, wcTens)
	case isScaleWord(w):
		return wcScale, after(wcA, wcUnit, wcTeen, wcTens, wcHundred)
	case w == "and":
		// "two hundred and fifty", "three thousand and twelve"
		next := s.word(j + 1)
		small := unitWords[next] > 0 || teenWords[next] > 0 || tensWords[next] > 0
		return wcAnd, after(wcHundred, wcScale) && s.spaced(j+1) && small
	}
	return wcNone, false
}

// isScaleWord reports whether w is a scale word that can follow a written
// number: the spelled-out ones only ("three bn" is not English).
func isScaleWord(w string) bool {
	switch w {
	case "thousand", "million", "billion", "trillion":
		return true
	}
	return false
}

// nextNumberWord returns the index of the token that may continue a written
// number after token j, or -1. Words continue after a space; a hyphen joins
// only tens and units ("twenty-five").
func (s *scanner) nextNumberWord(j int, class wordClass) int {
	if s.spaced(j+1) && s.kind(j+1) == tWord {
		return j + 1
	}
	if class == wcTens && s.isHyphen(j+1) && s.joined(j+1) && s.joined(j+2) && unitWords[s.word(j+2)] > 0 {
		return j + 2
	}
	return -1
}

// beforeNotCardinal reports whether the number ending at token last is
// followed by an ordinal or fraction word that changes its meaning.
func (s *scanner) beforeNotCardinal(last int) bool {
	if s.isHyphen(last+1) && s.joined(last+1) && s.joined(last+2) {
		return notCardinal[s.word(last+2)]
	}
	return s.spaced(last+1) && notCardinal[s.word(last+1)]
}

// fractionOfScale reads "half a million", "a quarter of a million" and
// "quarter of a billion".
func (s *scanner) fractionOfScale(i int) (decimal, int, bool) {
	j := i
	if s.isWord(j, "a") && s.spaced(j+1) {
		j++
	}
	var mant string
	switch s.word(j) {
	case "half":
		mant = "0.5"
	case "quarter":
		mant = "0.25"
	default:
		return decimal{}, 0, false
	}
	if s.isWord(j+1, "of") && s.spaced(j+1) {
		j++
	}
	if !(s.spaced(j+1) && (s.isWord(j+1, "a") || s.isWord(j+1, "an")) && s.spaced(j+2) && isScaleWord(s.word(j+2))) {
		return decimal{}, 0, false
	}
	return decimal{whole: "0", frac: mant[2:], exp: scaleWords[s.word(j+2)]}, j + 2, true
}

// isHyphen reports whether token i is a hyphen or a dash used as one.
func (s *scanner) isHyphen(i int) bool {
	if s.kind(i) != tPunct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.str(i))
	return r == '-' || r == '\u2010' || r == '\u2011' || r == '\u2013'
}

// lastNonZeroPlace returns the place value of the last non-zero digit of an
// integer-valued v (500000 → 100000, 541210 → 10), or 0 when v has a
// fractional part or is too large to tell.
func lastNonZeroPlace(v float64) float64 {
	v = math.Abs(v)
	if v != math.Trunc(v) || v >= 1e15 {
		return 0
	}
	n, p := int64(v), 1.0
	for n != 0 && n%10 == 0 {
		n /= 10
		p *= 10
	}
	return p
}
