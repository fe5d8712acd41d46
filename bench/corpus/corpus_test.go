package corpus

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// loadAll loads every set once per test binary; the sets are read-only.
var loadAll = sync.OnceValues(func() (map[string]*Set, error) {
	sets := map[string]*Set{}
	for _, name := range Names() {
		s, err := Load(sharedPath, name)
		if err != nil {
			return nil, err
		}
		sets[name] = s
	}
	return sets, nil
})

func allSets(t *testing.T) map[string]*Set {
	t.Helper()
	sharedDir(t)
	sets, err := loadAll()
	if err != nil {
		t.Fatal(err)
	}
	return sets
}

// TestCountsMatchSourceMD checks each set against the counts its SOURCE.md
// states, and the loader's own accounting where rows are merged or skipped.
func TestCountsMatchSourceMD(t *testing.T) {
	sets := allSets(t)
	type want struct {
		docs, queries int
		groups        map[string]int
	}
	wants := map[string]want{
		"l2r": {200, 600, map[string]int{"l2r/GPT-3-Turbo": 200, "l2r/GPT-4o": 200, "l2r/Llama-3-70B": 200}},
		// 450 articles, 13 of them repeat another's text. The 90 test
		// articles have two distinct restylings each, under four names:
		// adv_A = adv_B and adv_C = adv_D for 45, adv_A = adv_C and
		// adv_B = adv_D for the other 45; each is kept once.
		"sheepdog": {437, 1620, map[string]int{
			"sheepdog/neutral": 360, "sheepdog/objective": 360, "sheepdog/sensational": 360,
			"sheepdog/emotionally_triggering": 360,
			"sheepdog/adv_A":                  90, "sheepdog/adv_B": 45, "sheepdog/adv_C": 45, "sheepdog/adv_D": 0,
		}},
		"human-ai": {100, 400, map[string]int{"human-ai/rephrase": 200, "human-ai/generated": 200}},
		// 600 agency texts, 27 reused by a second newspaper.
		"counter": {573, 600, map[string]int{"counter/WD": 135, "counter/PD": 288, "counter/ND": 177}},
		// 771 PA files, 10 repeat another's text.
		"meter": {761, 945, nil},
		// 2,225 articles, 133 repeat another's body word for word.
		"bbc":     {2092, 2225, map[string]int{"bbc/summary": 2225}},
		"reuters": {19043, 0, nil},
		// 1,313 distinct news_text values, one of them `"" ` (no letters).
		"llmfake": {1312, 5171, map[string]int{
			// ChatGPT: SOURCE.md's 677 differing rows less 90 truncation rows.
			"llmfake/chatgpt/paraphrase": 587, "llmfake/chatgpt/rewrite": 587, "llmfake/chatgpt/open-ended": 587,
			// 958 less 96 truncation rows.
			"llmfake/chatgpt/manipulated":   862,
			"llmfake/chatgpt/hallucination": 100, "llmfake/chatgpt/totally-arbitrary": 100,
			"llmfake/chatgpt/partially-arbitrary": 200,
		}},
	}
	for name, w := range wants {
		s := sets[name]
		if len(s.Docs) != w.docs || len(s.Queries) != w.queries {
			t.Errorf("%s: %d docs, %d queries; want %d, %d", name, len(s.Docs), len(s.Queries), w.docs, w.queries)
		}
		got := s.GroupCounts()
		for g, n := range w.groups {
			if got[g] != n {
				t.Errorf("%s: group %s has %d queries, want %d", name, g, got[g], n)
			}
		}
	}
	merged := func(set string) int {
		return sets[set].Skipped[set+": row whose article text is already a Doc under another id (merged)"]
	}
	for set, n := range map[string]int{"sheepdog": 450, "counter": 600, "meter": 771, "bbc": 2225} {
		if got := len(sets[set].Docs) + merged(set); got != n {
			t.Errorf("%s: %d docs + %d merged = %d, want %d articles", set, len(sets[set].Docs), merged(set), got, n)
		}
	}
	if n := sets["sheepdog"].Skipped["sheepdog: restyling that repeats another of its article word for word"]; len(sets["sheepdog"].Queries)+n != 1800 {
		t.Errorf("sheepdog: %d restylings + %d repeats = %d, want 1,800 (450 articles, four each)", len(sets["sheepdog"].Queries), n, len(sets["sheepdog"].Queries)+n)
	}
	if n := sets["reuters"].Skipped["reuters: no BODY"]; len(sets["reuters"].Docs)+n != 21578 {
		t.Errorf("reuters: %d with body + %d without = %d records, want 21,578", len(sets["reuters"].Docs), n, len(sets["reuters"].Docs)+n)
	}
}

// TestLLMFakeOtherModels checks the 2,411 differing Llama-2/Vicuna rows of
// SOURCE.md: queries plus rows skipped as truncation artefacts.
func TestLLMFakeOtherModels(t *testing.T) {
	s := allSets(t)["llmfake"]
	queries, truncated := 0, 0
	for _, q := range s.Queries {
		if q.Extra["generator"] != "chatgpt" {
			queries++
		}
	}
	for reason, n := range s.Skipped {
		if !strings.HasPrefix(reason, "llmfake/chatgpt/") &&
			(strings.Contains(reason, "truncated at 4,000") || strings.Contains(reason, "empty synthetic")) {
			truncated += n
		}
	}
	if queries+truncated != 2411 {
		t.Errorf("Llama-2/Vicuna: %d queries + %d truncated or empty rows = %d, want SOURCE.md's 2,411", queries, truncated, queries+truncated)
	}
}

// TestIDsAndTexts checks what every consumer relies on: unique IDs across
// all sets, sources that exist, non-empty UTF-8 texts.
func TestIDsAndTexts(t *testing.T) {
	sets := allSets(t)
	seen := map[string]string{}
	claim := func(id, what string) {
		if prev, ok := seen[id]; ok {
			t.Errorf("ID %q used by %s and %s", id, prev, what)
		}
		seen[id] = what
	}
	checkText := func(id, field, s string) {
		if strings.TrimSpace(s) == "" {
			t.Errorf("%s: empty %s", id, field)
		} else if !utf8.ValidString(s) {
			t.Errorf("%s: %s is not valid UTF-8", id, field)
		}
	}
	for _, name := range Names() {
		s := sets[name]
		if s.Name != name {
			t.Errorf("Load(%q).Name = %q", name, s.Name)
		}
		for _, d := range s.Docs {
			claim(d.ID, "a Doc of "+name)
			if d.Set != name || !strings.HasPrefix(d.ID, name+"/") {
				t.Errorf("doc %s: Set %q, want ID and Set for %q", d.ID, d.Set, name)
			}
			checkText(d.ID, "Text", d.Text)
			if !utf8.ValidString(d.Title) {
				t.Errorf("doc %s: Title is not valid UTF-8", d.ID)
			}
		}
		docs := s.DocIndex()
		for _, q := range s.Queries {
			claim(q.ID, "a Query of "+name)
			if q.Set != name || !strings.HasPrefix(q.ID, name+"/") || !strings.HasPrefix(q.Group, name+"/") {
				t.Errorf("query %s: Set %q, Group %q; want both for %q", q.ID, q.Set, q.Group, name)
			}
			checkText(q.ID, "Text", q.Text)
			if q.Label == "" {
				t.Errorf("query %s: no Label", q.ID)
			}
			for _, src := range append([]string{q.Source}, q.AltSources...) {
				if _, ok := docs[src]; src != "" && !ok {
					t.Errorf("query %s: source %q is not a Doc of %s", q.ID, src, name)
				}
			}
			if (q.Source == "") != (q.Label == LabelNoSource) {
				t.Errorf("query %s: Source %q with Label %q", q.ID, q.Source, q.Label)
			}
		}
	}
}

// TestOverlapsAcrossSets logs article texts that are a Doc in two sets; a
// merged archive must count either ID as the true source.
func TestOverlapsAcrossSets(t *testing.T) {
	sets := allSets(t)
	var all []*Set
	for _, name := range Names() {
		all = append(all, sets[name])
	}
	ov := Overlaps(all...)
	pairs := map[string]int{}
	for _, o := range ov {
		var names []string
		for _, id := range o.IDs {
			set, _, _ := strings.Cut(id, "/")
			names = append(names, set)
		}
		pairs[strings.Join(dedupStrings(names, ""), "+")]++
	}
	for _, k := range sortedKeys(pairs) {
		t.Logf("texts shared by %s: %d", k, pairs[k])
	}
	if len(pairs) != 1 || pairs["llmfake+sheepdog"] != 124 {
		t.Errorf("overlaps %v, want 124 PolitiFact articles in llmfake and sheepdog only", pairs)
	}
}

func TestLabelsAndDerived(t *testing.T) {
	sets := allSets(t)
	for _, tc := range []struct {
		set, group, label string
		derived           bool
	}{
		{"l2r", "l2r/GPT-4o", LabelRewrite, true},
		{"human-ai", "human-ai/rephrase", LabelRewrite, true},
		{"human-ai", "human-ai/generated", LabelSameEvent, false},
		{"counter", "counter/WD", LabelWhollyDer, true},
		{"counter", "counter/PD", LabelPartlyDer, true},
		{"counter", "counter/ND", LabelNonDerived, false},
		{"bbc", "bbc/summary", LabelSummary, true},
		{"llmfake", "llmfake/chatgpt/manipulated", LabelManipulated, true},
		{"llmfake", "llmfake/chatgpt/hallucination", LabelNoSource, false},
	} {
		for _, q := range sets[tc.set].Queries {
			if q.Group == tc.group && (q.Label != tc.label || q.Derived() != tc.derived) {
				t.Errorf("%s: Label %q Derived %v; want %q %v", q.ID, q.Label, q.Derived(), tc.label, tc.derived)
				break
			}
		}
	}
	manip := map[string]int{}
	for _, q := range sets["llmfake"].Queries {
		if q.Label == LabelManipulated {
			manip[q.Extra["detail"]]++
		}
	}
	if len(manip) != 6 {
		t.Errorf("manipulation types %v, want the six of SOURCE.md", manip)
	}
}

func TestMeterStories(t *testing.T) {
	s := allSets(t)["meter"]
	noPA, alt := 0, 0
	for _, q := range s.Queries {
		switch q.Label {
		case LabelNoSource:
			noPA++
		case LabelSameStory:
			alt += len(q.AltSources)
		default:
			t.Fatalf("%s: label %q", q.ID, q.Label)
		}
	}
	if noPA == 0 || noPA > 10 {
		t.Errorf("%d newspaper texts in a story without PA text; SOURCE.md names one such story", noPA)
	}
	t.Logf("meter: %d newspaper texts without a PA text; %d alternative PA sources in all", noPA, alt)
	for _, d := range s.Docs {
		if strings.ContainsAny(d.Text, "<\x19`") || strings.Contains(d.Text, "''") {
			t.Errorf("%s: wire codes left in text: %.120q", d.ID, d.Text)
			break
		}
	}
	for _, d := range s.Docs {
		if d.ID == "meter/pa/showbiz/27.01.00/posh/posh1" {
			if d.Title != "WEIGHT LOSS DID WORRY ME - POSH" || d.Published != "2000-01-27T23:19" ||
				!strings.HasPrefix(d.Text, "Posh Spice decided to go to doctors") || d.Extra["byline"] != "By Emma Hibbs, PA News" {
				t.Errorf("posh1: title %q, published %q, byline %q, text %.60q", d.Title, d.Published, d.Extra["byline"], d.Text)
			}
			return
		}
	}
	t.Error("no Doc meter/pa/showbiz/27.01.00/posh/posh1")
}

func TestReutersDocs(t *testing.T) {
	s := allSets(t)["reuters"]
	for _, d := range s.Docs {
		if strings.Contains(d.Text, "&lt;") || strings.Contains(d.Text, "&#") || strings.Contains(d.Text, `&\t`) ||
			strings.ContainsFunc(d.Text, func(r rune) bool { return r < ' ' && r != '\n' && r != '\t' }) {
			t.Errorf("%s: SGML left in body: %.200q", d.ID, d.Text)
			break
		}
	}
	first := s.Docs[0]
	if first.ID != "reuters/1" || first.Title != "BAHIA COCOA REVIEW" || first.Published != "1987-02-26T15:01:01" ||
		!strings.HasPrefix(first.Text, "Showers continued throughout the week in the Bahia cocoa zone,") ||
		strings.HasSuffix(first.Text, "Reuter") || first.Extra["topics"] != "cocoa" {
		t.Errorf("first story: %s %q %q topics %q text %.80q…%q", first.ID, first.Title, first.Published,
			first.Extra["topics"], first.Text, first.Text[len(first.Text)-40:])
	}
	dayOnly := 0
	for _, d := range s.Docs {
		switch len(d.Published) {
		case len("1987-02-26T15:01:01"):
		case len("1987-02-26"):
			dayOnly++
		default:
			t.Errorf("%s: DATE not parsed: %q", d.ID, d.Published)
		}
	}
	if dayOnly > 1 {
		t.Errorf("%d stories with only a day; one story has a malformed clock", dayOnly)
	}
}

func TestMSRPCounts(t *testing.T) {
	train, test, err := LoadMSRP(sharedDir(t))
	if err != nil {
		t.Fatal(err)
	}
	count := func(ps []SentencePair) (n, pos int) {
		for _, p := range ps {
			if p.Paraphrase {
				pos++
			}
			if p.A == "" || p.B == "" || p.ID1 == "" || !utf8.ValidString(p.A+p.B) {
				panic("bad pair " + p.ID1)
			}
		}
		return len(ps), pos
	}
	if n, pos := count(train); n != 4076 || pos != 2753 {
		t.Errorf("train: %d pairs, %d positive; want 4,076 and 2,753", n, pos)
	}
	if n, pos := count(test); n != 1725 || pos != 1147 {
		t.Errorf("test: %d pairs, %d positive; want 1,725 and 1,147", n, pos)
	}
	if strings.HasPrefix(train[0].ID1, "\ufeff") || train[0].ID1 != "702876" {
		t.Errorf("first train pair ID1 %q, want 702876 without the byte-order mark", train[0].ID1)
	}
}

func TestUnknownSet(t *testing.T) {
	if _, err := Load(".", "pan13"); err == nil {
		t.Error("Load(pan13) succeeded; it is not a set of this package")
	}
}

func BenchmarkLoadAll(b *testing.B) {
	shared := sharedDir(b)
	for b.Loop() {
		for _, name := range Names() {
			if _, err := Load(shared, name); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// TestLLMFakeArticleAsTheModelsSawIt checks that an llmfake article cut at
// 4,000 characters holds the longer text the set gives for it elsewhere
// (the synthetic column of its unchanged rows), so that a generation from
// past the cut has its source in the archive, and that the articles the set
// gives no longer text for stay cut.
func TestLLMFakeArticleAsTheModelsSawIt(t *testing.T) {
	s := allSets(t)["llmfake"]
	docs := s.DocIndex()
	longer, cut := 0, 0
	for _, d := range s.Docs {
		switch n := utf8.RuneCountInString(d.Text); {
		case n > 4000:
			longer++
		case LLMFakeTruncated(d.Text):
			cut++
		}
	}
	if longer != 100 || cut != 110 {
		t.Errorf("%d articles past the cut and %d still cut, want 100 and 110", longer, cut)
	}
	// ChatGPT's Unsubstantiated_Content of politifact1180 restates the
	// speech from "During that time, we have seen Washington at its best",
	// 5,005 characters in.
	i, ok := docs["llmfake/politifact1180"]
	if !ok {
		t.Fatal("no llmfake/politifact1180")
	}
	if text := s.Docs[i].Text; !strings.Contains(text, "we have seen Washington at its best and its worst") {
		t.Errorf("politifact1180 is %d characters and lacks what its generations restate", utf8.RuneCountInString(text))
	}
}
