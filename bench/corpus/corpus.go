// Package corpus reads the evaluation data sets in shared/data, each exactly
// as its SOURCE.md documents it, into one shape: the articles that go into
// the archive (Docs) and the texts to trace against it (Queries), with what is
// known about each query's true source.
//
// One loader per data set, one file per loader. Loaders use only the standard
// library and never change the texts beyond undoing a documented encoding
// (Latin-1, CP1252, SGML entities, wire-service line codes); every such step
// is named in the loader's doc comment. Where the data has rows that are not
// what their file claims (llmfake's unchanged and truncated rows), the loader
// drops them and counts them in Set.Skipped, so a reader of the benchmark can
// see what was left out and why.
//
// Doc IDs start with the set name ("l2r/000", "reuters/17") and are unique
// across all sets. Within a set, one article text is one Doc, however many
// rows repeat it. The same article can still be a Doc in two sets (124
// PolitiFact articles are in both llmfake and sheepdog); Overlaps finds those.
package corpus

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
)

// Doc is an article that goes into the archive.
type Doc struct {
	ID    string // "<set>/<id in the set>", unique across all sets
	Set   string
	Title string // "" when the set has none
	Text  string // the article body, UTF-8
	// Published is "2006-01-02" or a local "2006-01-02T15:04[:05]" (the sets
	// give no zone), "" when the set has no date.
	Published string
	URL       string // "" when the set has none
	// Extra holds set-specific details (category, publisher, upstream ids…).
	Extra map[string]string
}

// Query is a text to trace, with what is known about its true source.
type Query struct {
	ID    string
	Set   string // "l2r", "llmfake", "sheepdog", "human-ai", "counter", "meter", "bbc"
	Group string // finer reporting group, e.g. "l2r/GPT-4o", "llmfake/chatgpt/paraphrase"
	Text  string
	// Source is the ID of the Doc the query relates to, "" if none in the sets.
	Source string
	// Label is the ground-truth relation of Text to Source; see the Label*
	// constants. Derived reports whether it is a derivation.
	Label string
	// AltSources lists further Docs that count as the true source (METER:
	// every PA text of the same story). Empty for most sets.
	AltSources []string
	// Extra holds set-specific details (model, style, manipulation type, …).
	Extra map[string]string
}

// The labels a Query can carry. A label names the relation of the query to
// its Source as the data set's authors define it; it is not a verdict.
const (
	LabelRewrite     = "rewrite"     // an LLM or human rewrite of the source article
	LabelParaphrase  = "paraphrase"  // an LLM paraphrase of the source article
	LabelOpenEnded   = "open-ended"  // llmfake: a new article from the source's opening/theme
	LabelManipulated = "manipulated" // llmfake: a rewrite with facts changed on purpose
	LabelSummary     = "summary"     // bbc: an extractive summary of the source
	LabelSameEvent   = "same-event"  // human-ai: written from the source's headline only
	LabelWhollyDer   = "wholly-derived"
	LabelPartlyDer   = "partly-derived"
	LabelNonDerived  = "non-derived" // counter ND: same event, written independently
	// LabelSameStory marks METER newspaper texts: the PA texts of the same
	// story are the candidates, but the corpus copy lacks the labels that say
	// whether the paper used them (SOURCE.md).
	LabelSameStory = "same-story"
	// LabelNoSource marks texts with no source in any set (llmfake's
	// hallucination and arbitrary generations, METER's story without PA text).
	LabelNoSource = "no-source"
)

// Derived reports whether the query's label says its text was derived from
// its Source. Same-event, non-derived, no-source and METER's unlabelled
// same-story queries are not known derivations.
func (q Query) Derived() bool {
	switch q.Label {
	case LabelRewrite, LabelParaphrase, LabelOpenEnded, LabelManipulated,
		LabelSummary, LabelWhollyDer, LabelPartlyDer:
		return q.Source != ""
	}
	return false
}

// Set is one data set: its archive articles and its queries.
type Set struct {
	Name    string
	Docs    []Doc
	Queries []Query
	// Skipped counts rows the loader left out, by reason, e.g.
	// "llmfake/chatgpt/paraphrase: news_text truncated at 4,000 characters, synthetic column is a longer text of the article".
	Skipped map[string]int
}

// DocIndex maps Doc IDs to positions in s.Docs.
func (s *Set) DocIndex() map[string]int {
	m := make(map[string]int, len(s.Docs))
	for i, d := range s.Docs {
		m[d.ID] = i
	}
	return m
}

// GroupCounts returns how many queries each Group holds.
func (s *Set) GroupCounts() map[string]int {
	m := map[string]int{}
	for _, q := range s.Queries {
		m[q.Group]++
	}
	return m
}

func (s *Set) skip(reason string) {
	if s.Skipped == nil {
		s.Skipped = map[string]int{}
	}
	s.Skipped[reason]++
}

// loaders maps set names to their loaders; Names lists them in this order.
var loaders = []struct {
	name string
	load func(shared string) (*Set, error)
}{
	{"l2r", loadL2R},
	{"llmfake", loadLLMFake},
	{"sheepdog", loadSheepdog},
	{"human-ai", loadHumanAI},
	{"counter", loadCounter},
	{"meter", loadMeter},
	{"bbc", loadBBC},
	{"reuters", loadReuters},
	{"reuters-briefs", loadReutersBriefs},
}

// Names returns the names Load accepts, in a fixed order. "msrp" is not among
// them: its sentence pairs are not articles; see LoadMSRP.
func Names() []string {
	names := make([]string, len(loaders))
	for i, l := range loaders {
		names[i] = l.name
	}
	return names
}

// Load reads the data set called name from shared, the path of the shared
// folder (the one holding data/).
func Load(shared, name string) (*Set, error) {
	for _, l := range loaders {
		if l.name == name {
			s, err := l.load(shared)
			if err != nil {
				return nil, fmt.Errorf("corpus: load %s: %w", name, err)
			}
			return s, nil
		}
	}
	return nil, fmt.Errorf("corpus: unknown set %q (have %s)", name, strings.Join(Names(), ", "))
}

// Overlap is one article text that occurs as a Doc in more than one set.
type Overlap struct {
	IDs []string // the Doc IDs, sorted
}

// overlapPrefix is how many non-space bytes of two texts Overlaps compares.
const overlapPrefix = 1000

// Overlaps returns the articles that are a Doc in more than one of sets.
// Texts are compared with white space removed (the sets disagree on
// paragraph breaks: "Sharetweet When" is "SharetweetWhen" in llmfake) and on
// their first 1,000 remaining bytes, because llmfake cut long articles at
// 4,000 characters that sheepdog has whole. A benchmark that merges sets into
// one archive should treat the IDs of one Overlap as the same article;
// otherwise a query that finds the copy from the other set is scored wrong.
func Overlaps(sets ...*Set) []Overlap {
	byText := map[string][]string{}
	for _, s := range sets {
		for _, d := range s.Docs {
			k := overlapKey(d.Text)
			byText[k] = append(byText[k], d.ID)
		}
	}
	var out []Overlap
	for _, ids := range byText {
		if len(ids) < 2 || sameSet(ids) {
			continue
		}
		sort.Strings(ids)
		out = append(out, Overlap{IDs: ids})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].IDs[0] < out[j].IDs[0] })
	return out
}

// overlapKey is text without white space, cut to overlapPrefix bytes.
func overlapKey(text string) string {
	var sb strings.Builder
	for _, r := range text {
		if sb.Len() >= overlapPrefix {
			break
		}
		if !unicode.IsSpace(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// sameSet reports whether every ID has the same set prefix.
func sameSet(ids []string) bool {
	first, _, _ := strings.Cut(ids[0], "/")
	for _, id := range ids[1:] {
		if p, _, _ := strings.Cut(id, "/"); p != first {
			return false
		}
	}
	return true
}

// docDedup gives one Doc per distinct text within a set: the first ID a text
// is seen under wins, and later rows with the same text point to it.
type docDedup struct {
	set    *Set
	byText map[string]string
}

func newDocDedup(s *Set) *docDedup {
	return &docDedup{set: s, byText: map[string]string{}}
}

// add stores d unless its text is already a Doc, and returns the ID of the
// Doc holding the text. Texts are compared after trimming white space, since
// some sets repeat an article with a trailing space.
func (dd *docDedup) add(d Doc) string {
	key := strings.TrimSpace(d.Text)
	if id, ok := dd.byText[key]; ok {
		if id != d.ID {
			dd.set.skip(dd.set.Name + ": row whose article text is already a Doc under another id (merged)")
		}
		return id
	}
	dd.byText[key] = d.ID
	d.Set = dd.set.Name
	dd.set.Docs = append(dd.set.Docs, d)
	return d.ID
}
