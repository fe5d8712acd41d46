package extract

import (
	"testing"
	"time"

	htmldate "github.com/markusmobius/go-htmldate"
)

func TestPublicationDateOfRealPages(t *testing.T) {
	for _, c := range []struct{ name, sha, want string }{
		// datePublished is "2023-11-09T02:11:03+00:00"; the page's video
		// says "2023-11-08T21:11:03-05:00": the day in Boston is the 8th
		// (htmldate's gold).
		{"UTC moved to the page's offset", "b8d224d3bb61d58baa9491d3bfb6447ac966d9b0", "2023-11-08T21:11:03-05:00"},
		// article:published_time "2020-12-24T23:59:50+00:00", JSON-LD
		// "2020-12-25T01:59:50+02:00"; gold 2020-12-25.
		{"UTC moved to the page's offset (2)", "ca9b112d8effcd70ce06e0ebf60dd3d9920e39f6", "2020-12-25T01:59:50+02:00"},
		// A date written with its own offset stays as written.
		{"local offset kept", "45c9030f815b0bb682ae11eb3e94624569a07c58", "2016-12-23T05:11:00-05:00"},
		// 1 January from the URL /2019/01/01/ is a day, not a year alone.
		{"January 1 from a URL", "462b73261cc0bf903b73c7353b793646a6fa4bc1", "2019-01-01"},
		// URL /2023/10/3-fragen-an-…: a slug, not 3 October;
		// article:published_time says the 31st.
		{"URL day that begins a word", "7a04d0a536af7f21c020de56985832eb3e73f9b5", "2023-10-31T08:47:16Z"},
		// URL /2020/02/18/, article:published_time
		// "2020-02-19T18:37:32+01:00"; gold the 19th.
		{"declared local time one day off the URL", "10691fd112b623edc97f88ab2f072896c17c38c2", "2020-02-19T18:37:32+01:00"},
		// htmldate took "Freitag, 21. Januar 2022" from the header; the
		// article's date element says itemprop="datePublished" content="2022-01-14 10:31".
		{"itemprop datePublished", "705d89748086abf0cd156aee47496d41a38b08fb", "2022-01-14T10:31:00Z"},
		// htmldate took dcterms.created "2023-11-08"; JSON-LD says
		// datePublished "2023-11-09T03:02:34-05:00" (gold the 9th).
		{"declared local publication time", "826455a2421d33b4c4abb8a251ab4ec647e08f0d", "2023-11-09T03:02:34-05:00"},
		// "4. 2. 2022." is 4 February.
		{"dotted date is day first", "060e20be1b0840da490226ae03abec396b28d8d7", "2022-02-04"},
		// "Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am:
		// 01.11.2023": htmldate took the first, the last change.
		{"labelled publication day beats last change", "5faa02f6a27f439436f1bacc5085d3237188763a", "2023-11-01"},
		// <meta name="date" content="11/01/2023 12:43:42">, and the page
		// says "Erstellt am: 01.11.2023": month first.
		{"slashed meta date-time is month first", "57c311a57196e0bb2e9eaec763d00ccee7762a87", "2023-11-01T12:43:42Z"},
		// A podcast page whose first date is a reader's comment ("Peter
		// sagt: 24. August 2019"); the episode's is the 16th.
		{"no date from a comment", "0a879c6fb1ab46ff1c4a6ce68f464202bccdbf4c", "2019-08-16"},
		// A German foundation's report dated "2021-11-04T23:00Z" and no
		// other offset: midnight in Berlin, 5 November.
		{"UTC 23:00 sharp is a European midnight", "9e8de2eca84f9561cd931917250c4fb92b5ba4a0", "2021-11-05"},
		// tagblatt.ch: <meta itemprop="datePublished" content="2019-10-18">
		// beside JSON-LD "2019-10-19T03:00:00.000Z" in a +02:00 page whose
		// <time> shows "19.10.2019, 05:00 Uhr".
		{"a day alone loses to a declared date-time", "656abb10cb918c17cb4e7d1761573c22a38e8db9", "2019-10-19T05:00:00+02:00"},
		// A radio station's home page: only "© 2020" in its footer; the
		// gold says it has no date.
		{"copyright year is no date", "d76bfe4548a0156f972af23b6e8c13d193114a57", ""},
		{"copyright year is no date (2)", "9c6289fad21e29260396df6521f2294b8d0aa553", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := evalPage(t, c.sha).Published; got != c.want {
				t.Errorf("Published = %q, want %q", got, c.want)
			}
		})
	}
}

func TestPageOffsetIsTheMostCommonNonZeroOffset(t *testing.T) {
	for _, c := range []struct {
		page string
		want int
		ok   bool
	}{
		{`"datePublished":"2023-11-09T02:11:03+00:00","uploadDate":"2023-11-08T21:11:03-05:00"`, -5 * 3600, true},
		{`2020-01-01T10:00:00+0530 2020-01-01T10:00:00+05:30 2020-01-01T10:00:00+01:00`, 5*3600 + 30*60, true},
		{`2020-01-01T10:00:00Z 2020-01-01 10:00:00+00:00`, 0, false},
		{`no dates at all, 10:00 +02:00`, 0, false},
		{`2020-01-01T10:00:00+25:00`, 0, false}, // no zone is 25 hours off
	} {
		got, ok := pageOffset([]byte(c.page))
		if got != c.want || ok != c.ok {
			t.Errorf("pageOffset(%q) = %d, %v; want %d, %v", c.page, got, ok, c.want, c.ok)
		}
	}
}

func TestIsYearOnly(t *testing.T) {
	jan1 := htmldate.Result{}
	jan1.DateTime = jan1.DateTime.AddDate(2019, 0, 0) // 2020-01-01
	for _, c := range []struct {
		src  string
		want bool
	}{
		{"© 2020 All rights reserved", true},
		{"2016 aryanews.com", true},
		{"https://example.org/2020/01/01/new-year/", false},
		{"01.01.2020", false},
		{"1. Januar 2020", false},
		{"January 1, 2020", false},
		{"2020-01", false}, // a month: htmldate gives its first day
	} {
		r := jan1
		r.SrcString = c.src
		if got := isYearOnly(r); got != c.want {
			t.Errorf("isYearOnly(%q) = %v, want %v", c.src, got, c.want)
		}
	}
}

func TestFixDottedDay(t *testing.T) {
	misread := time.Date(2022, 4, 2, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		src  string
		in   time.Time
		want time.Time
	}{
		{"4. 2. 2022.", misread, time.Date(2022, 2, 4, 0, 0, 0, 0, time.UTC)},
		{"Stand: 4.2.2022", misread, time.Date(2022, 2, 4, 0, 0, 0, 0, time.UTC)},
		{"2. 4. 2022", misread, misread},  // read right already
		{"2022-04-02", misread, misread},  // not dotted
		{"4. 13. 2022", misread, misread}, // no 13th month
	} {
		if got := fixDottedDay(c.in, c.src); !got.Equal(c.want) {
			t.Errorf("fixDottedDay(%v, %q) = %v, want %v", c.in, c.src, got, c.want)
		}
	}
}

func TestURLDayIsWord(t *testing.T) {
	for src, want := range map[string]bool{
		"http://blog.campact.de/2023/10/3-fragen-an-tina-musil/": true,
		"https://example.org/2023/10/03/fragen/":                 false,
		"https://example.org/2023/10/3/":                         false,
	} {
		if got := urlDayIsWord.MatchString(src); got != want {
			t.Errorf("urlDayIsWord(%q) = %v, want %v", src, got, want)
		}
	}
}
