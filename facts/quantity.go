package facts

import (
	"strconv"
	"strings"
)

// quantity is a figure being read: its tokens, its number and its unit.
type quantity struct {
	first, last int // token span, qualifier excluded
	num         decimal
	unit        string
	written     bool // spelled out in words
	prefixed    bool // a sign or currency came before the number
}

// bare reports whether the quantity is plain digits with nothing around
// them, the only form a year can take.
func (q quantity) bare() bool {
	return !q.written && !q.prefixed && q.unit == "" && q.num.exp == 0 &&
		q.num.frac == "" && !q.num.grouped
}

// yearLike reports whether a bare quantity reads as a year. The range is
// deliberately narrow: "in 1850" is lost as a date, but "1500 metres" and
// "1200 jobs" are not misread as years.
func (q quantity) yearLike() bool {
	if !q.bare() || len(q.num.whole) != 4 {
		return false
	}
	n, _ := strconv.Atoi(q.num.whole)
	return n >= 1900 && n <= 2099
}

// fact turns the quantity into a Fact covering its tokens.
func (q quantity) fact(s *scanner) Fact {
	f := Fact{Kind: Quantity, Value: q.num.value(), Unit: q.unit, Step: q.num.step()}
	f.Text, f.Start, f.End = s.span(q.first, q.last)
	return f
}

// matchQuantity reads a quantity at token i, with its qualifier, and the
// second figure of a range after it. A bare year-like number becomes a Date
// instead (see isCount).
func (s *scanner) matchQuantity(i int) ([]Fact, int) {
	approx, j := s.qualifier(i)
	q, ok := s.quantityAt(j)
	if !ok && j != i {
		approx, j = "", i
		q, ok = s.quantityAt(i)
	}
	if !ok {
		return nil, i
	}
	if q.yearLike() && !s.isCount(q, approx) {
		return s.yearFacts(q.first)
	}
	facts, next := []Fact{q.fact(s)}, q.last+1
	if r, ok := s.rangeEnd(q); ok {
		spreadRange(&q, &r)
		facts, next = []Fact{q.fact(s), r.fact(s)}, r.last+1
	}
	if approx != "" {
		facts[0].Approx = approx
		facts[0].Text, facts[0].Start, _ = s.span(i, q.last)
	}
	return facts, next
}

// isCount decides that a year-like number is a count after all: when a
// qualifier that only suits counts precedes it ("more than 2000"), or a
// counted noun follows it ("2000 people"). "About 2000" stays a year, as in
// "around 2010, the firm…".
func (s *scanner) isCount(q quantity, approx string) bool {
	if s.possessive(q.last + 1) {
		return false // "above 2003's 9.1%"
	}
	if approx != "" && approx != ApproxAbout {
		return true
	}
	return s.spaced(q.last+1) && countNouns[s.word(q.last+1)]
}

// possessive reports whether tokens from i are a possessive "'s".
func (s *scanner) possessive(i int) bool {
	return s.joined(i) && (s.isPunct(i, "'") || s.isPunct(i, "’")) && s.joined(i+1) && s.isWord(i+1, "s")
}

// countNouns are nouns that make a preceding 1900–2099 a count rather than a
// year. The list is of things news counts; "the 2019 results" and "the 1998
// floods" stay years because "results" and "floods" are not on it.
var countNouns = toSet(`people persons men women children adults troops soldiers
	police officers workers staff employees jobs students pupils teachers doctors
	nurses patients residents families households homes houses refugees migrants
	immigrants prisoners protesters demonstrators fans visitors voters votes members
	users customers subscribers passengers cases deaths casualties signatures
	tonnes tons metres meters miles kilometres kilometers feet acres hectares
	years months weeks days hours minutes seconds words pages copies units cars
	vehicles flights planes ships schools companies firms shops sites villages
	animals species dollars euros rupees shares barrels calories points runs yards`)

// toSet splits a space-separated list into a set.
func toSet(list string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}

// quantityAt reads a quantity starting at token i: an optional sign and
// currency, a number in digits or words, then scale words and a unit.
func (s *scanner) quantityAt(i int) (quantity, bool) {
	q := quantity{first: i}
	j := i
	neg, j := s.sign(j)
	unit, j := s.currencyPrefix(j)
	q.unit, q.prefixed = unit, neg || unit != ""
	if q.prefixed && !s.near(j) {
		return quantity{}, false
	}
	switch {
	case s.kind(j) == tNum:
		d, ok := s.digitNumber(j, q.prefixed)
		if !ok {
			return quantity{}, false
		}
		q.num, q.last = d, j
	case s.kind(j) == tWord:
		if s.capitalisedInside(j) {
			return quantity{}, false
		}
		d, last, ok := s.writtenNumber(j)
		if !ok {
			return quantity{}, false
		}
		q.num, q.last, q.written = d, last, true
	default:
		return quantity{}, false
	}
	q.num.neg = neg
	if !s.suffixes(&q) {
		return quantity{}, false
	}
	return q, true
}

// capitalisedInside reports whether the word at token j is capitalised
// after another word on its line: "the Six Nations", "Top Ten", "Ocean's
// Eleven" are names, not counts. Capitals at the start of a sentence or
// after a quotation mark or colon are fine, and so are all capitals.
func (s *scanner) capitalisedInside(j int) bool {
	t := s.str(j)
	if !titleOrUpper(t) || (len(t) > 1 && t == strings.ToUpper(t)) {
		return false
	}
	return s.near(j) && (s.kind(j-1) == tWord || s.kind(j-1) == tNum || s.isPunct(j-1, ","))
}

// digitNumber parses the number token j and checks that it stands on its
// own: digits glued to a word ("G8", "MP3", "T20", "1990s", "31st") or to a
// slash ("24/7", "9/11") or colon ("3:1") are codes, ordinals or ratios, not
// quantities. A currency prefix may touch the number ("Rs10").
func (s *scanner) digitNumber(j int, prefixed bool) (decimal, bool) {
	if (!prefixed && s.joined(j) && s.kind(j-1) == tWord) || s.touchesPunct(j, "/", ":") {
		return decimal{}, false
	}
	if s.str(j-1) == "No" && s.spaced(j) {
		return decimal{}, false // "No 10" is Downing Street, not ten
	}
	if s.joined(j) && s.isPunct(j-1, "#") {
		return decimal{}, false // an HTML character reference ("&#191;") or a rank
	}
	return parseDigits(s.str(j))
}

// touchesPunct reports whether token j touches one of the punctuation
// marks ps on either side.
func (s *scanner) touchesPunct(j int, ps ...string) bool {
	for _, p := range ps {
		if (s.joined(j) && s.isPunct(j-1, p)) || (s.joined(j+1) && s.isPunct(j+1, p)) {
			return true
		}
	}
	return false
}

// sign reads a minus sign at token i: the word "minus", or a hyphen or
// minus sign touching the number but not the token before it (so the hyphen
// in "10-12" is a range, not a sign).
func (s *scanner) sign(i int) (bool, int) {
	if s.isWord(i, "minus") && s.spaced(i+1) {
		return true, i + 1
	}
	if (s.isPunct(i, "-") || s.isPunct(i, "\u2212")) && s.joined(i+1) && !s.joined(i) {
		return true, i + 1
	}
	return false, i
}

// Currency written before a number.
var (
	currencySymbols = map[string]string{
		"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₨": "Rs",
	}
	// dollarPrefixes are the letters news puts before "$" to name the dollar.
	dollarPrefixes = map[string]string{
		"US": "USD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD",
		"HK": "HKD", "NZ": "NZD", "S": "SGD",
	}
	// currencyCodes are ISO 4217 codes written before or after a number.
	currencyCodes = toSet("USD GBP EUR PKR INR JPY CNY AUD CAD CHF HKD NZD SGD AED SAR BDT LKR AFN")
)

// currencyPrefix reads a currency before a number at token i: a symbol
// ("$", "£"), a qualified dollar ("US$", "HK$"), "Rs"/"Rs." or an ISO code.
func (s *scanner) currencyPrefix(i int) (string, int) {
	t := s.str(i)
	switch s.kind(i) {
	case tPunct:
		if c, ok := currencySymbols[t]; ok {
			return c, i + 1
		}
	case tWord:
		if c, ok := dollarPrefixes[t]; ok && s.isPunct(i+1, "$") && s.joined(i+1) {
			return c, i + 2
		}
		if t == "Rs" || t == "RS" {
			if s.isPunct(i+1, ".") && s.joined(i+1) {
				return "Rs", i + 2
			}
			return "Rs", i + 1
		}
		if currencyCodes[t] && s.spaced(i+1) {
			return t, i + 1
		}
	}
	return "", i
}

// suffixes reads what follows the number of q: a scale glued on ("1.15m",
// "$3bn", "10k"), hyphenated ("$5-million") or spelled out ("1.7 million"),
// then a percent or a currency or measure. It reports false when letters are
// glued to the number that are none of these ("9GB", "3G").
func (s *scanner) suffixes(q *quantity) bool {
	if !q.written && !s.gluedSuffix(q) {
		return false
	}
	if q.num.exp == 0 && !q.written {
		s.scaleWord(q)
	}
	s.unitAfter(q)
	if q.unit == "" && s.anAge(*q) {
		q.unit = Age
	}
	return true
}

// Age is the unit of a person's age in years: "a 45-year-old man", "aged
// 45", "45 years old", "at the age of 45" and, after a name, "Rossi, 37,".
// Rewrites move an age between these forms ("Rossi, 37, added" → "Rossi,
// aged 37, mentioned"), and an age changed is then told from the other
// figures of its sentence by its unit.
const Age = "age"

// anAge reports whether the whole number q, with no unit, states an age
// by the words around it.
func (s *scanner) anAge(q quantity) bool {
	if q.num.exp != 0 || q.num.frac != "" || q.num.neg || q.num.value() > 130 || q.num.value() < 1 {
		return false
	}
	after, before := q.last+1, q.first-1
	switch {
	case s.isHyphen(after) && s.joined(after) && s.isWord(after+1, "year") && s.isHyphen(after+2) && s.isWord(after+3, "old"):
		return true // "45-year-old", "45-year-olds"
	case s.isHyphen(after) && s.joined(after) && s.isWord(after+1, "years") && s.isHyphen(after+2) && s.isWord(after+3, "old"):
		return true
	case (s.isWord(after, "years") || s.isWord(after, "year")) && s.isWord(after+1, "old"):
		return true
	case s.isWord(before, "aged") || s.isWord(before, "age") || s.isWord(before, "of") && s.isWord(before-1, "age"):
		return true
	}
	// "Rossi, 37, added", "The Bath-born player, 28, has made": a number
	// set off by commas right after a capitalised word or a word for a
	// person.
	return s.isPunct(before, ",") && s.isPunct(after, ",") && s.joined(after) &&
		s.kind(before-1) == tWord && s.joined(before) && (titleOrUpper(s.str(before-1)) || personNouns[s.word(before-1)])
}

// personNouns are words for a person that news writes an age after, set
// off by commas ("the player, 28,").
var personNouns = toSet("man woman boy girl player mother father son daughter wife husband teenager student " +
	"driver rider victim striker midfielder defender goalkeeper winger forward captain coach manager " +
	"officer pensioner actor actress singer star worker nurse doctor pilot")

// gluedSuffix reads letters touching the number: a scale, a measure or
// pence.
func (s *scanner) gluedSuffix(q *quantity) bool {
	j := q.last + 1
	if !s.joined(j) || s.kind(j) != tWord {
		return true
	}
	switch w := s.word(j); w {
	case "m":
		if q.unit == "" && s.gluedMetres(*q, j) {
			q.unit = "m"
		} else {
			q.num.exp = 6
		}
	case "mn", "mln", "bn", "bln", "tn", "trn":
		q.num.exp = scaleWords[w]
	case "b":
		if q.unit == "" {
			return false // "3b" without a currency is a code, not three billion
		}
		q.num.exp = 9
	case "k":
		q.num.exp = 3
	case "km", "kg", "mph", "cm", "mm", "ft":
		if q.unit != "" {
			return false
		}
		q.unit = w
	case "p":
		if q.unit != "" {
			return false
		}
		q.unit, q.num.exp = "GBP", -2 // pence: "35p" is £0.35
	default:
		return false
	}
	q.last = j
	return true
}

// gluedMetres decides whether the "m" glued to q's number (token m) is
// metres rather than millions. Business news writes "1.15m" for 1,150,000
// and sport "the 800m" for a race, and without a currency sign only the
// neighbours tell them apart: a counted noun or currency after it means
// millions; a number of 1,000 or more ("1500m", "10,000m"), a sports word
// after it ("100m hurdles", "2.5m high"), or "the"/a possessive before a
// race distance ("the men's 800m") means metres. Anything else is read as
// millions, which is what news outside the sports pages means.
func (s *scanner) gluedMetres(q quantity, m int) bool {
	next := ""
	if s.spaced(m + 1) {
		next = s.word(m + 1)
	}
	if countNouns[next] || unitWords2[next] != "" || currencyCodes[s.str(m+1)] {
		return false
	}
	if q.num.frac == "" && len(q.num.whole) >= 4 {
		return true
	}
	if sportsWords[next] {
		return true
	}
	before := q.first - 1
	afterArticle := s.isWord(before, "the") || (s.isWord(before, "s") && s.joined(before))
	return afterArticle && q.num.frac == "" && raceDistances[q.num.whole]
}

// sportsWords follow a distance in metres, in sports reports and in
// descriptions of size.
var sportsWords = toSet(`race races hurdles title final finals finalist champion
	championship champions event freestyle relay medal gold silver bronze record
	sprint dash backstroke breaststroke butterfly medley high long wide tall deep
	indoors outdoors runner runners jump`)

// raceDistances are the running and swimming distances that "the 800m"
// most often names.
var raceDistances = toSet("50 60 100 110 200 400 800")

// scaleWord reads a scale word after the number, separated by a space
// ("1.7 million", "10 crore") or a hyphen ("$5-million").
func (s *scanner) scaleWord(q *quantity) {
	j := q.last + 1
	switch {
	case s.spaced(j) && scaleWords[s.word(j)] > 0:
	case s.isHyphen(j) && s.joined(j) && s.joined(j+1) && scaleWords[s.word(j+1)] > 0:
		j++
	default:
		return
	}
	q.num.exp, q.last = scaleWords[s.word(j)], j
}

// unitAfter reads a unit after the number: percent ("%", "per cent",
// "percent"), percentage points, a currency word or code, or a measure.
func (s *scanner) unitAfter(q *quantity) {
	j := q.last + 1
	if unit, last := s.unitWord(j); unit != "" && (q.unit == "" || q.unit == unit) {
		q.unit, q.last = unit, last
		return
	}
	// A measure hyphenated to its number as an adjective: "a 40-mile
	// transfer", "a 10-foot wall".
	if q.unit == "" && s.isHyphen(j) && s.joined(j) && s.joined(j+1) && s.kind(j+1) == tWord {
		if u := hyphenMeasures[s.word(j+1)]; u != "" {
			q.unit, q.last = u, j+1
		}
	}
}

// hyphenMeasures are the measures written hyphenated to a number, in the
// singular an adjective takes.
var hyphenMeasures = map[string]string{
	"mile": "mi", "km": "km", "kilometre": "km", "kilometer": "km",
	"metre": "m", "meter": "m", "foot": "ft", "ft": "ft", "inch": "in",
	"cm": "cm", "mm": "mm", "tonne": "t", "ton": "t", "kg": "kg", "kilogram": "kg", "mph": "mph",
}

// unitWord reads a unit starting at token j and returns it with its last
// token, or "".
func (s *scanner) unitWord(j int) (string, int) {
	if s.near(j) && (s.isPunct(j, "%") || s.isPunct(j, "\u066A") || s.isPunct(j, "\uFF05")) {
		return "%", j
	}
	if !s.spaced(j) || s.kind(j) != tWord {
		return "", 0
	}
	w := s.word(j)
	switch {
	case w == "per" && s.spaced(j+1) && s.isWord(j+1, "cent"):
		return "%", j + 1
	case w == "percent":
		return "%", j
	case w == "percentage" && s.spaced(j+1) && (s.isWord(j+1, "points") || s.isWord(j+1, "point")):
		return "pp", j + 1
	case w == "us" && s.spaced(j+1) && (s.isWord(j+1, "dollars") || s.isWord(j+1, "dollar")):
		return "USD", j + 1
	case currencyCodes[s.str(j)]:
		return s.str(j), j
	}
	if u, ok := unitWords2[w]; ok {
		return u, j
	}
	return "", 0
}

// unitWords2 are unit words written after a number. "Pounds" is not here:
// in American text it is usually weight.
var unitWords2 = map[string]string{
	"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
	"rupees": "Rs", "rupee": "Rs", "yen": "JPY",
	"km": "km", "kilometres": "km", "kilometers": "km",
	"kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "mph": "mph",
	"cm": "cm", "centimetres": "cm", "centimeters": "cm",
	"mm": "mm", "millimetres": "mm", "millimeters": "mm",
	"metres": "m", "meters": "m", "miles": "mi", "mile": "mi",
	"feet": "ft", "foot": "ft", "ft": "ft", "inches": "in",
	"tonnes": "t", "tons": "t",
}

// rangeEnd reads the second figure of a range after q: "10-12", "10–12",
// "£10,000 to £50,000", "between 10 and 12 million". "To" is not taken
// after "by" ("rose by 300 to 4.5 million" is a change and a result, not a
// range), and "and" only after "between".
func (s *scanner) rangeEnd(q quantity) (quantity, bool) {
	c := q.last + 1
	switch {
	case s.isHyphen(c) && s.near(c):
	case s.isWord(c, "to") && s.spaced(c) && !s.isWord(q.first-1, "by"):
	case s.isWord(c, "and") && s.spaced(c) && s.isWord(q.first-1, "between"):
	default:
		return quantity{}, false
	}
	if !s.near(c + 1) {
		return quantity{}, false
	}
	r, ok := s.quantityAt(c + 1)
	if !ok || r.num.neg || r.yearLike() || !unitsAgree(q.unit, r.unit) {
		return quantity{}, false // "76% to $1.13bn" is two figures, not a range
	}
	return r, true
}

// spreadRange shares scale and unit between the two ends q and r of a
// range, since news writes them once: "$10-12bn" is $10bn to $12bn, "10-12%"
// is 10% to 12%. A scale reaches back only to a short bare number: in
// "300,000 to 4.5 million" the first figure is complete as written.
func spreadRange(q, r *quantity) {
	if q.num.exp == 0 && !q.written && !q.num.grouped && r.num.exp > 0 {
		q.num.exp = r.num.exp
	}
	if q.unit == "" {
		q.unit = r.unit
	}
	if r.unit == "" {
		r.unit = q.unit
	}
}

// qualifiers maps approximation phrases, as lower-case words, to their
// normalised form. "Nearly" and "almost" mean just under the figure.
var qualifiers = map[string]string{
	"about": ApproxAbout, "around": ApproxAbout, "approximately": ApproxAbout,
	"approx": ApproxAbout, "roughly": ApproxAbout, "some": ApproxAbout,
	"circa": ApproxAbout, "close to": ApproxAbout, "an estimated": ApproxAbout,
	"estimated": ApproxAbout, "in the region of": ApproxAbout, "an approximate": ApproxAbout,
	"over": ApproxOver, "more than": ApproxOver, "above": ApproxOver,
	"in excess of": ApproxOver, "upwards of": ApproxOver, "exceeding": ApproxOver,
	"just over": ApproxOver, "well over": ApproxOver, "greater than": ApproxOver,
	"under": ApproxUnder, "less than": ApproxUnder, "fewer than": ApproxUnder,
	"below": ApproxUnder, "nearly": ApproxUnder, "almost": ApproxUnder,
	"just under": ApproxUnder, "just below": ApproxUnder, "just short of": ApproxUnder,
	"at least": ApproxAtLeast, "no fewer than": ApproxAtLeast, "no less than": ApproxAtLeast,
	"not less than": ApproxAtLeast, "a minimum of": ApproxAtLeast,
	"up to": ApproxUpTo, "as many as": ApproxUpTo, "as much as": ApproxUpTo,
	"at most": ApproxUpTo, "no more than": ApproxUpTo, "not more than": ApproxUpTo,
	"a maximum of": ApproxUpTo,
}

// qualifierPhrase is one entry of qualifiers split into words.
type qualifierPhrase struct {
	words  []string
	approx string
}

// qualifiersByFirst indexes qualifiers by their first word, so that the
// common case — a word that starts no qualifier — costs one map lookup.
var qualifiersByFirst = func() map[string][]qualifierPhrase {
	m := map[string][]qualifierPhrase{}
	for phrase, approx := range qualifiers {
		w := strings.Fields(phrase)
		m[w[0]] = append(m[w[0]], qualifierPhrase{w, approx})
	}
	return m
}()

// qualifier reads the longest approximation phrase starting at token i and
// returns its normalised form and the index of the token after it. The
// figure must follow on the same line.
func (s *scanner) qualifier(i int) (string, int) {
	approx, next := "", i
	for _, p := range qualifiersByFirst[s.word(i)] {
		end := i + len(p.words)
		if end > next && s.hasWords(i, p.words) && s.spaced(end) {
			approx, next = p.approx, end
		}
	}
	return approx, next
}

// hasWords reports whether the tokens from i are the words ws, separated by
// spaces on one line.
func (s *scanner) hasWords(i int, ws []string) bool {
	for k, w := range ws {
		if s.word(i+k) != w || (k > 0 && !s.spaced(i+k)) {
			return false
		}
	}
	return true
}
