// Package extract turns documents (plain text, JSON Lines, HTML, WARC) into articles:
// the text a reader would call the story, split into paragraphs, with its
// title, date and origin when the document says them.
package extract

import (
	"encoding/json"
	"strings"
)

// Article is what extraction makes of a document. It is the unit the archive
// stores and the unit a query is.
type Article struct {
	// ID names the article in the archive. JSON Lines give it; files get one
	// from their path (see Read).
	ID        string `json:"id"`
	URL       string `json:"url,omitempty"`
	Site      string `json:"site,omitempty"`
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // ISO 8601 date or date-time, as precise as known
	// Author is the byline, when an HTML page names one.
	Author string `json:"author,omitempty"`
	// Paragraphs is the body, one entry per paragraph, without the title.
	Paragraphs []string `json:"paragraphs"`
	// Extra holds JSON Lines fields storytrace does not interpret, kept as given.
	Extra map[string]json.RawMessage `json:"extra,omitempty"`
	// Input names where the article came from: a path, "path:line" for JSON
	// Lines, "path@offset" for a WARC record, or "-" for standard input.
	Input string `json:"input,omitempty"`
}

// Text is the body as one string, paragraphs separated by a blank line.
// Offsets reported by later stages (sentences, passages, facts) are byte
// offsets into this string.
func (a Article) Text() string { return strings.Join(a.Paragraphs, "\n\n") }
