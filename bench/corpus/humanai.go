package corpus

import (
	"fmt"
	"sort"
	"strings"
)

// humanAILine is one line of human-ai-news-rephrase/news_human_vs_gpt35.jsonl.
type humanAILine struct {
	ID        string `json:"id"` // "news-005"
	Title     string `json:"title"`
	Date      string `json:"date"` // "2019-07-10T00:00:00"
	Category  string `json:"category"`
	Publisher string `json:"publisher"`
	Text      string `json:"text"`
	GPT35     map[string]struct {
		Text          string `json:"text"`
		GeneratedDate string `json:"generated_date"`
	} `json:"gpt35"`
}

// loadHumanAI reads 100 human news articles and four GPT-3.5 texts of each.
// rephrase_base and rephrase_expert were prompted with the article text: they
// are rewrites (Group "human-ai/rephrase"). generated_base and
// generated_expert were prompted with the title only: same story, no textual
// derivation (Group "human-ai/generated", Label same-event, Source the
// article they share the story with).
func loadHumanAI(shared string) (*Set, error) {
	s := &Set{Name: "human-ai"}
	dd := newDocDedup(s)
	path := dataPath(shared, "human-ai-news-rephrase", "news_human_vs_gpt35.jsonl")
	err := eachJSONLine(path, func(l *humanAILine, _ int) error {
		if l.ID == "" || l.Text == "" {
			return fmt.Errorf("record %q: want an id and a text", l.ID)
		}
		src := dd.add(Doc{ID: "human-ai/" + l.ID, Title: l.Title, Text: l.Text,
			Published: strings.TrimSuffix(l.Date, "T00:00:00"),
			Extra:     map[string]string{"category": l.Category, "publisher": l.Publisher}})
		prompts := make([]string, 0, len(l.GPT35))
		for p := range l.GPT35 {
			prompts = append(prompts, p)
		}
		sort.Strings(prompts)
		for _, p := range prompts {
			group, label := "human-ai/rephrase", LabelRewrite
			switch {
			case strings.HasPrefix(p, "generated_"):
				group, label = "human-ai/generated", LabelSameEvent
			case !strings.HasPrefix(p, "rephrase_"):
				return fmt.Errorf("record %s: unknown prompt %q", l.ID, p)
			}
			g := l.GPT35[p]
			s.Queries = append(s.Queries, Query{
				ID: "human-ai/" + l.ID + "/" + p, Set: s.Name, Group: group,
				Text: g.Text, Source: src, Label: label,
				Extra: map[string]string{"prompt": p, "model": "gpt-3.5", "generated_date": g.GeneratedDate, "category": l.Category},
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
