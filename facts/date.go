package facts

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Month and weekday names. Abbreviations and "May" are taken only next to a
// day or a year: alone, "May" is a verb and "Jan" a name.
var (
	monthNames = map[string]int{
		"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
		"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	}
	monthAbbrevs = map[string]int{
		"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
		"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
	}
	weekdays = map[string]time.Weekday{
		"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday,
		"wednesday": time.Wednesday, "thursday": time.Thursday, "friday": time.Friday,
		"saturday": time.Saturday,
	}
	// monthLeads are words after which a month name standing alone is a
	// date ("in October", "last August", "its March report"). Without one, a
	// capitalised "March" or "April" at the start of a sentence is as likely
	// a noun or a name.
	monthLeads = toSet(`in on by since until till last next this that early late
		mid of from during before after through throughout between and or to
		its their his her our the a`)
	// mayLeads are the words after which "May" alone is the month; see
	// mayLead.
	mayLeads = toSet(`in since until till last next early late mid during throughout`)
)

// calendar holds the parts of a date a text states; zero means unstated.
type calendar struct {
	year, month, day int
}

// iso formats the date at the precision it has.
func (c calendar) iso() (date, precision string) {
	switch {
	case c.day != 0 && c.year != 0:
		return fmt.Sprintf("%04d-%02d-%02d", c.year, c.month, c.day), PrecisionDay
	case c.day != 0:
		return fmt.Sprintf("--%02d-%02d", c.month, c.day), PrecisionDay
	case c.month != 0 && c.year != 0:
		return fmt.Sprintf("%04d-%02d", c.year, c.month), PrecisionMonth
	case c.month != 0:
		return fmt.Sprintf("--%02d", c.month), PrecisionMonth
	}
	return fmt.Sprintf("%04d", c.year), PrecisionYear
}

// valid reports whether the day exists in the month (29 February only in a
// leap year, or when the year is unstated).
func (c calendar) valid() bool {
	if c.month < 1 || c.month > 12 || c.day < 0 || c.day > 31 {
		return false
	}
	if c.day == 0 {
		return true
	}
	y := c.year
	if y == 0 {
		y = 2000 // a leap year, so that "29 February" stands
	}
	return time.Date(y, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC).Day() == c.day
}

// dateFact makes a Date fact covering tokens first to last.
func (s *scanner) dateFact(first, last int, c calendar) Fact {
	f := Fact{Kind: Date}
	f.Date, f.Precision = c.iso()
	f.Text, f.Start, f.End = s.span(first, last)
	return f
}

// matchDate reads a calendar date at token i: ISO ("2024-01-03"), day first
// ("31 October", "21 Nov, 2024", "31st of October 2023"), month first
// ("Oct. 31, 2023", "October 31", "October 2023", "in October"), or a
// weekday, merged with a date that follows it ("Tuesday 31 October").
func (s *scanner) matchDate(i int) ([]Fact, int) {
	if f, last, ok := s.weekday(i); ok {
		return []Fact{f}, last + 1
	}
	if facts, next := s.slashedYears(i); next > i {
		return facts, next
	}
	if facts, next := s.dayRange(i); next > i {
		return facts, next
	}
	c, last, ok := s.isoDate(i)
	if !ok {
		c, last, ok = s.calendarDate(i)
	}
	switch {
	case !ok:
		return nil, i
	case !c.valid():
		// "30 February" is a date with a typo, not the count 30.
		return nil, last + 1
	}
	return []Fact{s.dateFact(i, last, c)}, last + 1
}

// dayRange reads two days of one month written once: day first ("25-30
// May", "16 and 23 June") or month first ("May 26-30", "June 17 and 23",
// "May 26-30, 2012"). Each day is a date of its own, with the month and
// year the text gives once, so that "May 26-30" and "25-30 May" compare
// day by day; read one date at a time, the other day would be a count
// (30) and the range's first day would have no month at all.
func (s *scanner) dayRange(i int) ([]Fact, int) {
	// sep reads the separator after token k: a hyphen or dash touching
	// both days, or a spaced "and" or "to". It returns the second day's
	// token.
	sep := func(k int) (int, bool) {
		switch {
		case s.isHyphen(k+1) && s.joined(k+1) && s.joined(k+2):
			return k + 2, true
		case (s.isWord(k+1, "and") || s.isWord(k+1, "to")) && s.spaced(k+1) && s.spaced(k+2):
			return k + 2, true
		}
		return 0, false
	}
	if d1, last1, ok := s.day(i); ok {
		k, ok := sep(last1)
		if !ok {
			return nil, i
		}
		c2, last, ok := s.dayFirst(k)
		if !ok || c2.day <= d1 || !c2.valid() {
			return nil, i
		}
		c1 := c2
		c1.day = d1
		return []Fact{s.dateFact(i, last1, c1), s.dateFact(k, last, c2)}, last + 1
	}
	c1, last1, ok := s.monthFirst(i)
	if !ok || c1.day == 0 || c1.year != 0 {
		return nil, i
	}
	k, ok := sep(last1)
	if !ok {
		return nil, i
	}
	d2, last, ok := s.day(k)
	if !ok || d2 <= c1.day {
		return nil, i
	}
	// "June 17 and 23 people" counts people: after "and" or "to" the
	// second day must end the phrase. A hyphen is a range in any case.
	if !s.isHyphen(k-1) && s.kind(last+1) == tWord && s.spaced(last+1) && !rangeEnders[s.word(last+1)] {
		return nil, i
	}
	if _, _, _, isMonth := s.month(last + 1); isMonth {
		return nil, i // "May 26 to 3 June" is two dates, read one at a time
	}
	c2 := c1
	c2.day = d2
	if y, ylast, ok := s.yearAfter(last); ok {
		c1.year, c2.year, last = y, y, ylast
	}
	if !c2.valid() {
		return nil, i
	}
	return []Fact{s.dateFact(i, last1, c1), s.dateFact(k, last, c2)}, last + 1
}

// rangeEnders are words that may follow the second day of "June 17 and
// 23": the phrase goes on with a new one, not with what was counted.
var rangeEnders = map[string]bool{
	"in": true, "at": true, "on": true, "for": true, "from": true, "with": true,
	"when": true, "while": true, "and": true, "but": true, "before": true, "after": true,
}

// calendarDate reads a day-first or month-first date at token i. The date
// may not exist ("31 April"); the caller checks.
func (s *scanner) calendarDate(i int) (calendar, int, bool) {
	if c, last, ok := s.dayFirst(i); ok {
		return c, last, true
	}
	return s.monthFirst(i)
}

// isoDate reads "YYYY-MM-DD".
func (s *scanner) isoDate(i int) (calendar, int, bool) {
	y, ok1 := s.digitsOfLen(i, 4, 4)
	m, ok2 := s.digitsOfLen(i+2, 1, 2)
	d, ok3 := s.digitsOfLen(i+4, 1, 2)
	if !ok1 || !ok2 || !ok3 || s.gluedToWord(i) {
		return calendar{}, 0, false
	}
	for _, k := range []int{i + 1, i + 3} {
		if !s.isPunct(k, "-") || !s.joined(k) || !s.joined(k+1) {
			return calendar{}, 0, false
		}
	}
	if s.joined(i+5) && (s.kind(i+5) == tNum || s.isPunct(i+5, "-")) {
		return calendar{}, 0, false
	}
	return calendar{year: y, month: m, day: d}, i + 4, true
}

// digitsOfLen reads token i as a plain run of min to max digits, with no
// separators.
func (s *scanner) digitsOfLen(i, min, max int) (int, bool) {
	if s.kind(i) != tNum {
		return 0, false
	}
	n, count := 0, 0
	for _, r := range s.str(i) {
		v := digitValue(r)
		if v < 0 {
			return 0, false
		}
		n, count = n*10+v, count+1
		if count > max {
			return 0, false
		}
	}
	return n, count >= min && count <= max
}

// day reads a day of the month at token i: one or two digits, optionally
// with an ordinal suffix ("31st"). It returns the index of its last token.
func (s *scanner) day(i int) (int, int, bool) {
	d, ok := s.digitsOfLen(i, 1, 2)
	if !ok || d < 1 || d > 31 || (s.joined(i) && s.kind(i-1) != tPunct) {
		return 0, 0, false
	}
	last := i
	if s.joined(i+1) && s.kind(i+1) == tWord {
		switch s.word(i + 1) {
		case "st", "nd", "rd", "th":
			last = i + 1
		default:
			return 0, 0, false
		}
	}
	if s.joined(last+1) && (s.isPunct(last+1, "%") || s.isPunct(last+1, ":") || s.isPunct(last+1, "/")) {
		return 0, 0, false
	}
	return d, last, true
}

// year reads a four-digit year at token i.
func (s *scanner) year(i int) (int, bool) {
	y, ok := s.digitsOfLen(i, 4, 4)
	if !ok || y < 1000 || (s.joined(i+1) && (s.kind(i+1) == tWord || s.isPunct(i+1, "%"))) {
		return 0, false
	}
	return y, true
}

// month reads a month name at token i, with the full stop of an
// abbreviation ("Oct."). alone reports whether the name may stand without a
// day or year.
func (s *scanner) month(i int) (m, last int, alone, ok bool) {
	t := s.str(i)
	if s.kind(i) != tWord || !titleOrUpper(t) {
		return 0, 0, false, false
	}
	w := s.word(i)
	if m, ok := monthNames[w]; ok {
		return m, i, w != "may", true
	}
	if m, ok := monthAbbrevs[w]; ok {
		if s.isPunct(i+1, ".") && s.joined(i+1) {
			return m, i + 1, false, true
		}
		return m, i, false, true
	}
	return 0, 0, false, false
}

// titleOrUpper reports whether t is capitalised ("October") or all capitals
// ("OCTOBER"): a lower-case "march" is a verb.
func titleOrUpper(t string) bool {
	r, size := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := t[size:]
	return rest == strings.ToLower(rest) || rest == strings.ToUpper(rest)
}

// yearAfter reads a year following token last: "October 2023", or after a
// comma, "Oct 31, 2023".
func (s *scanner) yearAfter(last int) (int, int, bool) {
	j := last + 1
	if s.isPunct(j, ",") && s.joined(j) {
		j++
	}
	if !s.spaced(j) {
		return 0, 0, false
	}
	y, ok := s.year(j)
	return y, j, ok
}

// dayFirst reads "31 October", "31st of October", "21 Nov, 2024".
func (s *scanner) dayFirst(i int) (calendar, int, bool) {
	d, last, ok := s.day(i)
	if !ok {
		return calendar{}, 0, false
	}
	j := last + 1
	if s.isWord(j, "of") && s.spaced(j) {
		j++
	}
	if !s.spaced(j) {
		return calendar{}, 0, false
	}
	m, last, _, ok := s.month(j)
	if !ok {
		return calendar{}, 0, false
	}
	c := calendar{month: m, day: d}
	if y, ylast, ok := s.yearAfter(last); ok {
		c.year, last = y, ylast
	}
	return c, last, true
}

// monthFirst reads "October 31", "Oct. 31, 2023", "October 2023" and a month
// standing alone after one of monthLeads.
func (s *scanner) monthFirst(i int) (calendar, int, bool) {
	m, last, alone, ok := s.month(i)
	if !ok {
		return calendar{}, 0, false
	}
	c := calendar{month: m}
	if s.spaced(last + 1) {
		if d, dlast, ok := s.day(last + 1); ok {
			c.day, last = d, dlast
		}
	}
	if y, ylast, ok := s.yearAfter(last); ok {
		c.year, last = y, ylast
	}
	if c.day == 0 && c.year == 0 && !(alone && s.monthLead(i)) && !(m == 5 && s.mayLead(i)) {
		return calendar{}, 0, false
	}
	return c, last, true
}

// monthLead reports whether the month name at token i follows a word that
// makes it a date ("in October", "mid-October").
func (s *scanner) monthLead(i int) bool {
	if s.spaced(i) && monthLeads[s.word(i-1)] {
		return true
	}
	return s.joined(i) && s.isHyphen(i-1) && s.joined(i-1) && s.isWord(i-2, "mid")
}

// mayLead reports whether a "May" standing alone at token i is the month:
// after a word that only a time follows ("in May", "since May", "until
// May"). Not after "by", "from", "of" or "the", which name the person as
// often ("backed by May", "a speech from May").
func (s *scanner) mayLead(i int) bool {
	return s.spaced(i) && mayLeads[s.word(i-1)]
}

// weekday reads a weekday name at token i. When a date follows it
// ("Tuesday, October 31") the two are one fact at the date's precision;
// otherwise the weekday is a Date of precision "weekday", to be resolved
// against the article's date by a later stage. It returns the fact and its
// last token.
func (s *scanner) weekday(i int) (Fact, int, bool) {
	wd, ok := weekdays[s.word(i)]
	if !ok || !titleOrUpper(s.str(i)) {
		return Fact{}, 0, false
	}
	j := i + 1
	if s.isPunct(j, ",") && s.joined(j) {
		j++
	}
	if s.spaced(j) {
		if c, last, ok := s.calendarDate(j); ok && c.day != 0 && c.valid() {
			f := s.dateFact(i, last, c)
			f.Weekday = wd.String()
			return f, last, true
		}
	}
	f := Fact{Kind: Date, Date: wd.String(), Precision: PrecisionWeekday}
	f.Text, f.Start, f.End = s.span(i, i)
	return f, i, true
}

// yearFacts makes a year at token i, with the second year of a span after
// it ("1998-2000", "2004-05", "2019/20"). "2024-01" is a month, since a
// span's second year is later than its first.
func (s *scanner) yearFacts(i int) ([]Fact, int) {
	y, _ := s.digitsOfLen(i, 4, 4)
	facts := []Fact{s.dateFact(i, i, calendar{year: y})}
	sep := i + 1
	if !s.joined(sep) || !s.joined(sep+1) || !(s.isHyphen(sep) || s.isPunct(sep, "/")) || s.gluedToWord(sep+1) {
		return facts, i + 1
	}
	if y2, ok := s.digitsOfLen(sep+1, 4, 4); ok && y2 > y && y2 < 3000 {
		return append(facts, s.dateFact(sep+1, sep+1, calendar{year: y2})), sep + 2
	}
	n, ok := s.digitsOfLen(sep+1, 2, 2)
	if !ok {
		return facts, i + 1
	}
	if y2 := y/100*100 + n; y2 > y {
		return append(facts, s.dateFact(sep+1, sep+1, calendar{year: y2})), sep + 2
	}
	if c := (calendar{year: y, month: n}); s.isPunct(sep, "-") && n >= 1 && n <= 12 {
		return []Fact{s.dateFact(i, sep+1, c)}, sep + 2
	}
	return facts, i + 1
}

// slashedYears reads a season written with a slash ("2019/20"), which the
// quantity matcher would reject as a slashed figure.
func (s *scanner) slashedYears(i int) ([]Fact, int) {
	y, ok := s.digitsOfLen(i, 4, 4)
	if !ok || y < 1900 || y > 2099 || !s.isPunct(i+1, "/") || (s.joined(i) && s.kind(i-1) == tWord) {
		return nil, i
	}
	if facts, next := s.yearFacts(i); len(facts) == 2 {
		return facts, next
	}
	return nil, i
}

// matchTime reads a time of day at token i: "3pm", "3 p.m.", "3.30pm",
// "15:00", "10:30:15". Digit-colon-digit patterns that are not valid times
// (race times "1:45.67", ratios "3:1") are consumed without a fact, so that
// their parts are not read as quantities.
func (s *scanner) matchTime(i int) ([]Fact, int) {
	if s.kind(i) != tNum || (s.joined(i) && s.kind(i-1) != tPunct) {
		return nil, i
	}
	if s.isPunct(i+1, ":") && s.joined(i+1) && s.joined(i+2) && s.kind(i+2) == tNum {
		return s.colonTime(i)
	}
	if facts, next := s.zoneTime(i); next > i {
		return facts, next
	}
	h, m, ok := hourMinute(s.str(i))
	if !ok {
		return nil, i
	}
	if pm, last, ok := s.meridiem(i + 1); ok {
		return s.timeFact(i, last, h, m, pm)
	}
	return nil, i
}

// timeZones are zone names after a 24-hour time written without a colon, as
// BBC fixture lists do ("1945 GMT"). Without one, "2000" is a year.
var timeZones = toSet("GMT BST UTC CET CEST EST EDT ET PT PST IST PKT")

// zoneTime reads "HHMM" followed by a time zone.
func (s *scanner) zoneTime(i int) ([]Fact, int) {
	n, ok := s.digitsOfLen(i, 4, 4)
	if !ok || !s.spaced(i+1) || !timeZones[s.str(i+1)] {
		return nil, i
	}
	if n/100 > 23 || n%100 > 59 {
		return nil, i
	}
	return s.timeFact(i, i, n/100, float64(n%100), -1)
}

// colonTime reads "H:MM" or "HH:MM", with seconds and a.m./p.m. after it.
func (s *scanner) colonTime(i int) ([]Fact, int) {
	last := i + 2
	for s.isPunct(last+1, ":") && s.joined(last+1) && s.joined(last+2) && s.kind(last+2) == tNum {
		last += 2
	}
	h, okH := s.digitsOfLen(i, 1, 2)
	m, okM := s.digitsOfLen(i+2, 2, 2)
	if !okH || !okM || s.joined(last+1) && s.kind(last+1) != tPunct {
		return nil, last + 1 // not a time; its digits are not quantities either
	}
	if pm, mlast, ok := s.meridiem(i + 3); ok {
		if facts, next := s.timeFact(i, mlast, h, float64(m), pm); next > i {
			return facts, next
		}
		return nil, last + 1
	}
	if h > 23 || m > 59 {
		return nil, last + 1
	}
	return s.timeFact(i, last, h, float64(m), -1)
}

// hourMinute reads "3" or "3.30" as an hour and minutes.
func hourMinute(t string) (int, float64, bool) {
	hs, ms, dotted := strings.Cut(t, ".")
	h, err := strconv.Atoi(hs)
	if err != nil || len(hs) > 2 {
		return 0, 0, false
	}
	if !dotted {
		return h, -1, true
	}
	m, err := strconv.Atoi(ms)
	return h, float64(m), err == nil && len(ms) == 2
}

// meridiem reads "am", "pm", "a.m." or "p.m." at token i, touching the
// number or after a space. It returns 1 for pm and 0 for am, with the last
// token.
func (s *scanner) meridiem(i int) (int, int, bool) {
	if !s.near(i) || s.kind(i) != tWord {
		return 0, 0, false
	}
	t := s.str(i)
	switch t {
	case "am", "AM":
		return 0, i, true
	case "pm", "PM":
		return 1, i, true
	case "a", "p":
		if s.isPunct(i+1, ".") && s.joined(i+1) && s.isWord(i+2, "m") && s.joined(i+2) {
			last := i + 2
			if s.isPunct(i+3, ".") && s.joined(i+3) {
				last = i + 3
			}
			return map[string]int{"a": 0, "p": 1}[t], last, true
		}
	}
	return 0, 0, false
}

// timeFact makes a Time fact. pm is 1 for p.m., 0 for a.m., -1 for a
// 24-hour time; minutes are -1 when unstated.
func (s *scanner) timeFact(first, last, h int, m float64, pm int) ([]Fact, int) {
	if pm >= 0 {
		if h < 1 || h > 12 {
			return nil, first
		}
		h = h%12 + 12*pm
	}
	precision := PrecisionMinute
	if m < 0 {
		m, precision = 0, PrecisionHour
	}
	if m > 59 {
		return nil, first
	}
	f := Fact{Kind: Time, Date: fmt.Sprintf("%02d:%02d", h, int(m)), Precision: precision}
	f.Text, f.Start, f.End = s.span(first, last)
	return []Fact{f}, last + 1
}
