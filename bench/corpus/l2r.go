package corpus

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// l2rLine is one line of l2r-news-rewrites/news_rewrites_paired.jsonl.
type l2rLine struct {
	ID         string `json:"id"` // "l2r-news-000"
	SourceText string `json:"source_text"`
	Rewrites   map[string]struct {
		Text      string `json:"text"`
		BestMatch bool   `json:"index_is_best_token_match"`
	} `json:"rewrites"`
}

// loadL2R reads the 200 XSum articles of the L2R NewsArticle domain and their
// paired rewrites (GPT-3-Turbo, GPT-4o, Llama-3-70B). Gemini-1.5-Pro is not
// paired upstream (SOURCE.md) and is not loaded. The XSum mojibake ("Â£") is
// kept: it is in the real texts.
func loadL2R(shared string) (*Set, error) {
	s := &Set{Name: "l2r"}
	dd := newDocDedup(s)
	path := dataPath(shared, "l2r-news-rewrites", "news_rewrites_paired.jsonl")
	err := eachJSONLine(path, func(l *l2rLine, _ int) error {
		num, ok := strings.CutPrefix(l.ID, "l2r-news-")
		if !ok || l.SourceText == "" {
			return fmt.Errorf("record %q: want id l2r-news-NNN and a source_text", l.ID)
		}
		src := dd.add(Doc{ID: "l2r/" + num, Text: l.SourceText, Extra: map[string]string{"upstream_id": l.ID}})
		models := make([]string, 0, len(l.Rewrites))
		for m := range l.Rewrites {
			models = append(models, m)
		}
		sort.Strings(models)
		for _, m := range models {
			r := l.Rewrites[m]
			s.Queries = append(s.Queries, Query{
				ID: "l2r/" + num + "/" + m, Set: s.Name, Group: "l2r/" + m,
				Text: r.Text, Source: src, Label: LabelRewrite,
				Extra: map[string]string{"model": m, "best_token_match": strconv.FormatBool(r.BestMatch)},
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
