package extract

import (
	"regexp"
	"strconv"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
)

// The publication date of an HTML page is go-htmldate's, as trafilatura
// would run it (extensive search, original date preferred over "last
// modified", the page's canonical URL as a hint), with the time of day
// and offset kept when the page states them, and two corrections measured
// on htmldate's evaluation pages (bench/extraction, 1,000 pages with a
// gold day):
//
//   - A date the page writes in UTC ("2023-11-09T02:11:03Z") is moved to
//     the page's own offset, when the page states one elsewhere
//     ("2023-11-08T21:11:03-05:00" in the same page's JSON-LD): the gold
//     day, like a reader's, is the day in the publisher's time zone. htmldate
//     otherwise keeps a date as written, which is right for a date written
//     with its local offset and for a UTC date of a page that states no
//     other offset (then we cannot know the local day). Of the 1,000 pages
//     this changed 2, both to the gold day.
//   - A year alone (htmldate's last resort is the page's copyright line,
//     "© 2020", or a lone "2016", given as 1 January) is not a publication
//     date: no date is better than a wrong day. Of the 1,000 pages this
//     dropped 4 dates, none of them right; 2 pages became right (their
//     gold says they have no date).
//
// The remaining errors are htmldate choosing another date of the page
// (the URL's, a comment's, a "last modified" one), or finding none; see
// BENCHMARKS.md.

// publicationDate finds the page's publication date, formatted by
// formatDate, or "" when the page gives none. canonicalURL is the URL
// trafilatura found for the page (or was given); htmldate reads dates in
// URLs such as /2024/01/03/. raw is the page's HTML, where the page's
// time-zone offsets are looked for. htmldate works on a copy of doc.
func publicationDate(doc *html.Node, raw []byte, canonicalURL string) string {
	res, err := htmldate.FromDocument(doc, htmldate.Options{
		UseOriginalDate: true,
		ExtractTime:     true,
		URL:             canonicalURL,
	})
	if err != nil || res.IsZero() {
		return ""
	}
	t := res.DateTime
	if isYearOnly(res) {
		return ""
	}
	if res.HasTimezone && isUTC(t) {
		if off, ok := pageOffset(raw); ok {
			t = t.In(time.FixedZone("", off))
		}
	}
	if !res.HasTime {
		return t.Format(time.DateOnly)
	}
	return formatDate(t)
}

func isUTC(t time.Time) bool {
	_, off := t.Zone()
	return off == 0
}

// dayOfJanuary1 matches a source text that gives 1 January as a day
// (2016-01-01, 01/01/2016, 1.1.2016, January 1, 1 janvier, …) or the month
// (2016/01), as opposed to a year alone that htmldate turned into 1
// January.
var dayOfJanuary1 = regexp.MustCompile(`(?i)(?:\b0?1[./-]\s?0?1\b|\b\d{4}[./-]0?1\b|\b(?:jan|janv|janu|genn|ene|ιαν|янв)\p{L}*\.?\s*0?1\b|\b0?1(?:st)?\.?\s*(?:jan|janv|janu|genn|ene|ιαν|янв))`)

// isYearOnly reports whether htmldate's date stands for a year alone: 1
// January, with no time of day, from a text that does not give that day.
func isYearOnly(res htmldate.Result) bool {
	t := res.DateTime
	return t.Month() == time.January && t.Day() == 1 && !res.HasTime &&
		!dayOfJanuary1.MatchString(res.SrcString)
}

// isoOffset matches an ISO 8601 date-time with its UTC offset, as pages
// write them in <meta>, <time datetime> and JSON-LD.
var isoOffset = regexp.MustCompile(`\b\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)\b`)

// pageOffset is the page's own UTC offset in seconds: the non-zero offset
// its ISO date-times use most often. ok is false when every date-time is
// in UTC, or the page has none.
func pageOffset(raw []byte) (seconds int, ok bool) {
	counts := make(map[int]int)
	for _, m := range isoOffset.FindAllSubmatch(raw, -1) {
		if off, valid := parseOffset(string(m[1])); valid && off != 0 {
			counts[off]++
		}
	}
	best := 0
	for off, n := range counts {
		// Ties go to the smaller offset so that the choice does not depend
		// on map order.
		if n > best || n == best && off < seconds {
			seconds, best = off, n
		}
	}
	return seconds, best > 0
}

// parseOffset reads "Z", "+02:00", "-0500" as seconds east of UTC. Offsets
// beyond ±14 hours are not offsets any zone uses.
func parseOffset(s string) (int, bool) {
	if s == "Z" {
		return 0, true
	}
	digits := s[1:]
	if len(digits) == 5 {
		digits = digits[:2] + digits[3:]
	}
	if len(digits) != 4 {
		return 0, false
	}
	h, err1 := strconv.Atoi(digits[:2])
	m, err2 := strconv.Atoi(digits[2:])
	if err1 != nil || err2 != nil || h > 14 || m >= 60 {
		return 0, false
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return off, true
}
