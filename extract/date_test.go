package extract

import (
	"testing"

	htmldate "github.com/markusmobius/go-htmldate"
)

// evalPagePublished parses one page of web-extraction-eval and returns the
// article's Published.
func evalPagePublished(t *testing.T, sha string) string {
	t.Helper()
	path := sharedPath(t, "data", "web-extraction-eval", "html", sha+".html.gz")
	articles, err := Parse(Input{Path: sha + ".html"}, readGzip(t, path), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return articles[0].Published
}

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
		// A radio station's home page: only "© 2020" in its footer; the
		// gold says it has no date.
		{"copyright year is no date", "d76bfe4548a0156f972af23b6e8c13d193114a57", ""},
		{"copyright year is no date (2)", "9c6289fad21e29260396df6521f2294b8d0aa553", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := evalPagePublished(t, c.sha); got != c.want {
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
