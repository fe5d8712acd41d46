package extraction

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/storytrace/storytrace/extract"
)

// extraction is what one method made of one page.
type extraction struct {
	Body  string
	Title string
	Date  string // YYYY-MM-DD, or "" when none was found
	OK    bool   // false when the method failed on the page
}

// method is one extractor under test: storytrace, or a peer run alone the
// way its own benchmark runs it.
type method struct {
	Name string
	Run  func(page []byte) (extraction, error)
}

// methods are measured on every page. readability is cheap enough (about
// the cost of trafilatura) to keep in the full run.
var methods = []method{
	{"storytrace", runStorytrace},
	{"go-trafilatura", runTrafilatura},
	{"go-readability (readeck)", runReadability},
}

// runStorytrace is extract.Parse on an HTML file, the way `storytrace
// extract page.html` reads it. The body is Article.Text: paragraphs
// without the title, as the gold bodies are.
func runStorytrace(page []byte) (extraction, error) {
	arts, err := extract.Parse(extract.Input{Path: "page.html", ID: "page"}, page, extract.Options{})
	if err != nil {
		return extraction{}, err
	}
	a := arts[0]
	return extraction{Body: a.Text(), Title: a.Title, Date: dateOnly(a.Published), OK: true}, nil
}

// runTrafilatura is go-trafilatura v1.12.2 alone, as the ScrapingHub
// benchmark's extractors/go_trafilatura runs it (fallback on), without
// comments as trafilatura's evaluation runs it.
func runTrafilatura(page []byte) (ex extraction, err error) {
	defer recoverAsError(&err)
	res, err := trafilatura.Extract(bytes.NewReader(page), trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
	})
	if err != nil {
		return extraction{}, err
	}
	return extraction{
		Body:  res.ContentText,
		Title: res.Metadata.Title,
		Date:  dateOnly(formatTime(res.Metadata.Date)),
		OK:    true,
	}, nil
}

// runReadability is readeck/go-readability v2 alone.
func runReadability(page []byte) (ex extraction, err error) {
	defer recoverAsError(&err)
	art, err := readability.FromReader(bytes.NewReader(page), nil)
	if err != nil {
		return extraction{}, err
	}
	var body strings.Builder
	if art.Node != nil {
		if err := art.RenderText(&body); err != nil {
			return extraction{}, err
		}
	}
	ex = extraction{Body: body.String(), Title: art.Title(), OK: true}
	if t, err := art.PublishedTime(); err == nil {
		ex.Date = dateOnly(formatTime(t))
	}
	return ex, nil
}

func recoverAsError(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("panic: %v", r)
	}
}

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// dateOnly keeps the YYYY-MM-DD of an ISO 8601 date or date-time: the gold
// dates are days.
func dateOnly(s string) string {
	if len(s) >= len(time.DateOnly) {
		return s[:len(time.DateOnly)]
	}
	return s
}
