package corpus

import (
	"strings"

	"github.com/storytrace/storytrace/extract"
)

// Article is the Doc as storytrace ingests it: paragraphs split on blank
// lines, as the plain-text reader does.
func (d Doc) Article() extract.Article {
	return extract.Article{ID: d.ID, Title: d.Title, Published: d.Published, URL: d.URL, Paragraphs: Paragraphs(d.Text)}
}

// Paragraphs splits a data set's text on blank lines; a text without any
// is one paragraph.
func Paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		out = []string{text}
	}
	return out
}
