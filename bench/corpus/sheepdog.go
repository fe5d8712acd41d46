package corpus

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
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
		src := dd.add(Doc{ID: "sheepdog/" + l.ID, Text: lineBreaks(l.SourceText),
			Extra: map[string]string{"split": l.Split, "veracity": veracity}})
		styles := make([]string, 0, len(l.Rewrites))
		for st := range l.Rewrites {
			styles = append(styles, st)
		}
		sort.Strings(styles)
		written := map[string]bool{}
		for _, st := range styles {
			// The adversarial test sets hold two distinct restylings per
			// article under four names (adv_A = adv_B and adv_C = adv_D
			// for 45 of the 90 articles, adv_A = adv_C and adv_B = adv_D
			// for the others): a repeat is one rewrite, counted once.
			key := strings.Join(strings.Fields(strings.ToLower(l.Rewrites[st])), " ")
			if written[key] {
				s.skip("sheepdog: restyling that repeats another of its article word for word")
				continue
			}
			written[key] = true
			s.Queries = append(s.Queries, Query{
				ID: "sheepdog/" + l.ID + "/" + st, Set: s.Name, Group: "sheepdog/" + st,
				Text: lineBreaks(l.Rewrites[st]), Source: src, Label: LabelRewrite,
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

// spaceRun is the stand-in SheepDog's texts have for a line break: the
// set was flattened to one line, each break (a headline, a caption, a
// paragraph) left as two or more spaces, where sentences are otherwise
// followed by one.
var spaceRun = regexp.MustCompile(` {2,}`)

// lineBreaks restores the line breaks of a SheepDog text as paragraph
// breaks, so that a headline or a caption is not read as part of the
// sentence after it.
func lineBreaks(text string) string {
	return strings.TrimSpace(spaceRun.ReplaceAllString(text, "\n\n"))
}
