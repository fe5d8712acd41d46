package trace

import (
	"context"
	"hash/fnv"
	"sort"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/ingest"
)

// An archive may hold a story's other rewrites beside its source (a wire
// story and the sites that rewrote it). They score as high as the source
// for a new rewrite, and a source read against the best of them would not
// stand out (standing) nor be found derived. The archive holds the l2r
// sources and their GPT-3.5 Turbo and Llama-3-70B rewrites; the queries
// are the GPT-4o rewrites.
func TestSourceFoundAmongItsOtherRewrites(t *testing.T) {
	needShared(t)
	ctx := context.Background()
	ix := emptyIndex(t)
	pairs := loadL2R(t)
	var archive []extract.Article
	for _, p := range pairs {
		archive = append(archive, extract.Article{ID: p.ID, Paragraphs: []string{p.Source}})
		for _, m := range []string{"GPT-3-Turbo", "Llama-3-70B"} {
			archive = append(archive, extract.Article{ID: p.ID + "/" + m, Paragraphs: []string{p.Rewrites[m].Text}})
		}
	}
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	derived := 0
	for _, p := range pairs {
		q := extract.Article{ID: p.ID + "/GPT-4o", Paragraphs: []string{p.Rewrites["GPT-4o"].Text}}
		r, err := Trace(ctx, ix, q, Options{Top: 3})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range r.Sources {
			if s.Article.ID == p.ID && s.Decision.Verdict.Derived() {
				derived++
			}
		}
	}
	t.Logf("%d rewrites: source among the three reported and found derived for %d", len(pairs), derived)
	if float64(derived) < 0.95*float64(len(pairs)) {
		t.Errorf("the source was found derived for %d of %d rewrites; want 95%%", derived, len(pairs))
	}
}

// A SheepDog article comes with four LLM restylings of it. With the
// article and three of them in the archive, the fourth is traced: the
// siblings share its wording and outrank the article by BM25, but each
// dropped specifics the query kept from the article
// (sourceBeforeSiblings). Without that rule the article ranks first for
// 106 of the 349 queries; with it, 197. A sibling as close to the query
// leaves the article no margin unless the margin passes over it
// (Candidate.versions): found derived for 144 of the 197 without, 153
// with (at DerivedThreshold 0.958; 146 and 154 of 192 at 0.952, before
// SheepDog's line breaks were read).
func TestSourceRankedBeforeItsSiblings(t *testing.T) {
	needShared(t)
	ctx := context.Background()
	set, err := corpus.Load(shared, "sheepdog")
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	restyled := map[string][]corpus.Query{}
	seen := map[string]bool{}
	for _, q := range set.Queries {
		key := strings.Join(strings.Fields(q.Text), " ")
		if _, ok := docs[q.Source]; !ok || seen[key] {
			continue // the adversarial test sets repeat some restylings
		}
		if ok, _ := q.Usable(); !ok {
			continue
		}
		seen[key] = true
		restyled[q.Source] = append(restyled[q.Source], q)
	}
	var archive []extract.Article
	queries := map[string]corpus.Query{}
	for id, qs := range restyled {
		if len(qs) < 4 {
			continue
		}
		sort.Slice(qs, func(i, j int) bool { return qs[i].ID < qs[j].ID })
		h := fnv.New32a() // any one of them, as the benchmark picks it
		h.Write([]byte(id))
		pick := int(h.Sum32() % uint32(len(qs)))
		queries[id] = qs[pick]
		archive = append(archive, set.Docs[docs[id]].Article())
		for i, q := range qs {
			if i != pick {
				archive = append(archive, extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)})
			}
		}
	}
	ix := emptyIndex(t)
	if _, err := ingest.Articles(ctx, ix, archive, ingest.Options{}); err != nil {
		t.Fatal(err)
	}
	first, derived := 0, 0
	for id, q := range queries {
		r, err := Trace(ctx, ix, extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Sources) > 0 && r.Sources[0].Article.ID == id {
			first++
			if r.Sources[0].Decision.Verdict.Derived() {
				derived++
			}
		}
	}
	t.Logf("%d restylings: the article they were made from ranks first for %d, and is found derived for %d of those", len(queries), first, derived)
	if first*2 < len(queries) {
		t.Errorf("the article ranks first for %d of %d restylings; want half at least", first, len(queries))
	}
	if derived*100 < first*75 {
		t.Errorf("the article ranked first is found derived for %d of %d; want 75%%", derived, first)
	}
}

// Two texts are one story when a fair share of one is found in the other,
// but a long transcript holds somewhere a sentence like each short line of
// an interview: LLMFake's politifact14036 (an AP interview with Trump)
// against SheepDog's politifact-test-006 (8,000 terms of his speeches).
// Counted on its sentences of storyTerms terms or more, the interview is
// not one story with the transcript, while an l2r article and its GPT-4o
// rewrite are.
func TestShortLinesDoNotMakeOneStory(t *testing.T) {
	needShared(t)
	lf, err := corpus.Load(shared, "llmfake")
	if err != nil {
		t.Fatal(err)
	}
	sd, err := corpus.Load(shared, "sheepdog")
	if err != nil {
		t.Fatal(err)
	}
	cand := func(text string) *Candidate {
		return &Candidate{Profile: analyze.AnalyzeText(text)}
	}
	interview := cand(lf.Docs[lf.DocIndex()["llmfake/politifact14036"]].Text)
	transcript := cand(sd.Docs[sd.DocIndex()["sheepdog/politifact-test-006"]].Text)
	if oneStory(interview, transcript) {
		t.Error("an interview is one story with a long transcript that holds lines like its short ones")
	}
	pairs := loadL2R(t)
	if len(pairs) == 0 {
		t.Fatal("no l2r pairs")
	}
	if p := pairs[0]; !oneStory(cand(p.Rewrites["GPT-4o"].Text), cand(p.Source)) {
		t.Errorf("%s: an article and its GPT-4o rewrite are not one story", p.ID)
	}
}
