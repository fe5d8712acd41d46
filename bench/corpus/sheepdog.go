package corpus

import (
	"fmt"
	"sort"
	"strconv"
)

// sheepdogLine is one line of sheepdog-politifact/politifact_restyled.jsonl.gz.
type sheepdogLine struct {
	ID         string            `json:"id"` // "politifact-train-000"
	Split      string            `json:"split"`
	Label      int               `json:"label"` // upstream veracity: 0 real, 1 fake
	SourceText string            `json:"source_text"`
	Rewrites   map[string]string `json:"rewrites"`
}

// loadSheepdog reads the 450 PolitiFact articles of SheepDog and their four
// style rewrites each: neutral, objective, sensational and
// emotionally_triggering for the train split, the adversarial sets adv_A…adv_D
// for the test split. Group is "sheepdog/<style>".
func loadSheepdog(shared string) (*Set, error) {
	s := &Set{Name: "sheepdog"}
	dd := newDocDedup(s)
	path := dataPath(shared, "sheepdog-politifact", "politifact_restyled.jsonl.gz")
	err := eachJSONLine(path, func(l *sheepdogLine, _ int) error {
		if l.ID == "" || l.SourceText == "" {
			return fmt.Errorf("record %q: want an id and a source_text", l.ID)
		}
		veracity := strconv.Itoa(l.Label)
		src := dd.add(Doc{ID: "sheepdog/" + l.ID, Text: l.SourceText,
			Extra: map[string]string{"split": l.Split, "veracity": veracity}})
		styles := make([]string, 0, len(l.Rewrites))
		for st := range l.Rewrites {
			styles = append(styles, st)
		}
		sort.Strings(styles)
		for _, st := range styles {
			s.Queries = append(s.Queries, Query{
				ID: "sheepdog/" + l.ID + "/" + st, Set: s.Name, Group: "sheepdog/" + st,
				Text: l.Rewrites[st], Source: src, Label: LabelRewrite,
				Extra: map[string]string{"style": st, "split": l.Split, "veracity": veracity},
			})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
