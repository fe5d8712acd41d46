package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// A plain-text document is read as a scrape of an article page:
//
//	[date YYYY-MM-DD Title]   optional header line, as content farms write it
//	[Title]                   or a short first line without final punctuation
//	paragraph                 paragraphs separated by blank lines
//	...
//	[page furniture]          a sidebar the scraper picked up (see furniture.go)
//
// Section headings inside the body are kept as paragraphs: deciding what
// they are is for later stages, and dropping them would lose text.

// parseText makes an article of a plain-text document.
func parseText(data []byte) (Article, error) {
	if err := checkText(data); err != nil {
		return Article{}, err
	}
	paras := splitParagraphs(string(data))
	var a Article
	a.Title, a.Published, paras = takeTitle(paras)
	paras = paras[:furnitureStart(paras)]
	a.Paragraphs = dropTrailingCalls(joinLines(paras))
	if len(a.Paragraphs) == 0 {
		return Article{}, ErrNoText
	}
	return a, nil
}

// paragraph is one paragraph as its lines, each trimmed with inner white
// space collapsed. Lines are kept apart until the end because the title
// and furniture rules look at lines, not at paragraphs.
type paragraph []string

// splitParagraphs normalises line endings, drops a byte-order mark, and
// splits the text into paragraphs at blank lines. A text without any blank
// line is taken to put one paragraph on each line, as many scrapers and
// exports do.
func splitParagraphs(s string) []paragraph {
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = collapseSpace(l)
	}

	blankInside := false
	for _, l := range trimBlank(lines) {
		if l == "" {
			blankInside = true
			break
		}
	}

	var paras []paragraph
	var cur paragraph
	for _, l := range lines {
		if l != "" {
			cur = append(cur, l)
		}
		if (l == "" || !blankInside) && len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}

// trimBlank drops the blank lines at both ends, which say nothing about
// how paragraphs are separated.
func trimBlank(lines []string) []string {
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// collapseSpace trims s and turns each run of white space into one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// joinLines makes each paragraph one string, its lines joined by a space:
// a line break inside a paragraph is a wrap, not a break in meaning.
func joinLines(paras []paragraph) []string {
	out := make([]string, len(paras))
	for i, p := range paras {
		out[i] = strings.Join(p, " ")
	}
	return out
}

// dateHeader matches a first line "date 2024-01-03 Title of the story".
var dateHeader = regexp.MustCompile(`(?i)^date:?\s+(\d{4}-\d{2}-\d{2})(?:\s+(.*))?$`)

// Limits for a first paragraph to count as a title: one line, short.
const (
	maxTitleRunes = 200
	maxTitleWords = 25
)

// takeTitle removes the title (and a header's date) from the front of the
// paragraphs. A "date YYYY-MM-DD Title" header line always counts; without
// one, the first paragraph is the title when it is a single short line with
// no sentence-final punctuation and more paragraphs follow it: that is how
// a headline looks, and a lead sentence does not. A lone date line is not
// a title (and, being possibly a sidebar's, not taken as the date either).
func takeTitle(paras []paragraph) (title, published string, rest []paragraph) {
	if len(paras) == 0 {
		return "", "", paras
	}
	first := paras[0]
	if m := dateHeader.FindStringSubmatch(first[0]); m != nil && validDate(m[1]) {
		rest = paras[1:]
		if len(first) > 1 {
			rest = append([]paragraph{first[1:]}, rest...)
		}
		return m[2], m[1], rest
	}
	if len(first) == 1 && len(paras) > 1 && isHeadlineLike(first[0], maxTitleRunes, maxTitleWords) && !isDateLine(first[0]) {
		return first[0], "", paras[1:]
	}
	return "", "", paras
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

// isHeadlineLike reports whether a line is short and does not end like a
// sentence. Headlines, section headings and sidebar labels look like this.
func isHeadlineLike(line string, maxRunes, maxWords int) bool {
	if line == "" || utf8.RuneCountInString(line) > maxRunes {
		return false
	}
	if len(strings.Fields(line)) > maxWords {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(sentenceEnd, last)
}

// sentenceEnd holds the characters a sentence (or a quoted sentence) ends
// with; a headline normally ends with none of them.
const sentenceEnd = ".!?…:;\"”"
