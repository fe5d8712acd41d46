package corpus

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bbcLine is one line of bbc-news-summary/bbc_news_summary.jsonl.gz.
type bbcLine struct {
	ID       string `json:"id"` // "bbc-business-001"
	Category string `json:"category"`
	Title    string `json:"title"`
	Body     string `json:"body"`
	Summary  string `json:"summary"`
}

// loadBBC reads the 2,225 BBC articles (Docs, no dates) and makes one query
// of kind summary per article from its extractive summary.
//
// Upstream concatenates the summary's sentences without a space
// ("…$10.9bn.For the full-year…"). The loader puts the space back where the
// body has one, so that "bn.For" does not read as one token; where the body
// itself has no space ("U.S.A") the text is left alone. The original summary
// is kept in Extra["summary_raw"] only when that changed it.
func loadBBC(shared string) (*Set, error) {
	s := &Set{Name: "bbc"}
	dd := newDocDedup(s)
	path := dataPath(shared, "bbc-news-summary", "bbc_news_summary.jsonl.gz")
	err := eachJSONLine(path, func(l *bbcLine, _ int) error {
		num, ok := strings.CutPrefix(l.ID, "bbc-")
		if !ok || l.Body == "" || l.Summary == "" {
			return fmt.Errorf("record %q: want id bbc-…, a body and a summary", l.ID)
		}
		src := dd.add(Doc{ID: "bbc/" + num, Title: l.Title, Text: l.Body,
			Extra: map[string]string{"category": l.Category}})
		extra := map[string]string{"category": l.Category}
		sum := spaceSummary(l.Summary, l.Body)
		if sum != l.Summary {
			extra["summary_raw"] = l.Summary
		}
		s.Queries = append(s.Queries, Query{
			ID: "bbc/" + num + "/summary", Set: s.Name, Group: "bbc/summary",
			Text: sum, Source: src, Label: LabelSummary, Extra: extra,
		})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// spaceSummary inserts a space after sentence-final punctuation (or a
// closing quote after it) that is directly followed by an upper-case letter,
// unless the body contains the same characters without a space at that point.
func spaceSummary(sum, body string) string {
	const ctx = 12 // bytes of context each side used to look the join up in the body
	var sb strings.Builder
	last := 0
	for i := 0; i < len(sum)-1; i++ {
		c := sum[i]
		if c != '.' && c != '!' && c != '?' && c != '"' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(sum[i+1:])
		if !unicode.IsUpper(next) {
			continue
		}
		if c == '"' && i > 0 && !strings.ContainsRune(".!?", rune(sum[i-1])) {
			continue // an opening quote, or a quote inside a sentence
		}
		left := sum[max(0, i+1-ctx) : i+1]
		right := sum[i+1 : min(len(sum), i+1+ctx)]
		if strings.Contains(body, left+right) {
			continue
		}
		sb.WriteString(sum[last : i+1])
		sb.WriteByte(' ')
		last = i + 1
	}
	if last == 0 {
		return sum
	}
	sb.WriteString(sum[last:])
	return sb.String()
}
