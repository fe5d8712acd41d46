package trace

import (
	"context"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/origin"
)

// heldInside finds the PolitiFact articles LLMFake and SheepDog both hold
// where one copy holds the other, is at least half as long again, and is
// not it cut short: a transcript's
// first pages against the whole transcript with a date line before it, an
// article against the same with a photo credit or a newsletter prompt
// glued to its start. It finds them by the benchmark's near-duplicate
// rule (corpus.NearDuplicates), not by the one trace uses, and returns
// the sets and the pairs, LLMFake's copy first.
func heldInside(t *testing.T) (sets map[string]*corpus.Set, pairs [][2]corpus.Doc) {
	t.Helper()
	sets = loadSets(t, "llmfake", "sheepdog")
	docs := map[string]corpus.Doc{}
	for _, set := range sets {
		for _, d := range set.Docs {
			docs[d.ID] = d
		}
	}
	for _, g := range corpus.NearDuplicates(sets["llmfake"], sets["sheepdog"]) {
		if len(g.IDs) != 2 {
			continue
		}
		a, b := docs[g.IDs[0]], docs[g.IDs[1]]
		if a.Set != "llmfake" {
			a, b = b, a
		}
		if a.Set != "llmfake" || b.Set != "sheepdog" || origin.Cut(a.Text, b.Text) || origin.Cut(b.Text, a.Text) {
			continue
		}
		if short, long := min(len(a.Text), len(b.Text)), max(len(a.Text), len(b.Text)); 2*long < 3*short {
			continue // copies of about one length share most shingles: the Jaccard test knows them
		}
		pairs = append(pairs, [2]corpus.Doc{a, b})
	}
	if len(pairs) < 8 {
		t.Fatalf("only %d articles held inside another copy", len(pairs))
	}
	return sets, pairs
}

// Of each such pair, the longer copy holds the shorter (holdsOther), and
// neither holds the next pair's longer copy.
func TestALongerCopyHoldsTheShorter(t *testing.T) {
	_, pairs := heldInside(t)
	cand := func(d corpus.Doc) *Candidate { return &Candidate{Profile: analyze.Analyze(d.Article())} }
	one := 0
	for i, p := range pairs {
		a, b := cand(p[0]), cand(p[1])
		if holdsOther(a, b) {
			one++
		} else {
			t.Logf("%s and %s (%d and %d bytes): two articles", p[0].ID, p[1].ID, len(p[0].Text), len(p[1].Text))
		}
		if o := pairs[(i+1)%len(pairs)]; holdsOther(a, cand(o[1])) {
			t.Errorf("%s and %s: one article", p[0].ID, o[1].ID)
		}
	}
	// The benchmark's rule asks for 30% of the first 1,500 words' shingles;
	// holdsOther for 80% of the shorter text's.
	if float64(one) < 0.8*float64(len(pairs)) {
		t.Errorf("%d of %d copies held inside another are one article", one, len(pairs))
	}
}

// A text made from an article the archive holds twice, once inside a
// longer copy, is found derived as when the archive holds the article once:
// the other copy accounts for the text as well and is no rival for its
// source to stand out from. The queries are ChatGPT's usable
// restatements and manipulations of LLMFake's copy and SheepDog's
// restylings of its own, traced against both sets' articles with and
// without the other copy.
func TestTextFromAnArticleHeldInsideAnotherReadsAsHeldOnce(t *testing.T) {
	ctx := context.Background()
	sets, pairs := heldInside(t)
	other := map[string]string{} // a copy's ID → the other copy's
	for _, p := range pairs {
		other[p[0].ID], other[p[1].ID] = p[1].ID, p[0].ID
	}
	// once[name] holds every article but the copies of the other set, so
	// that a source of set name is held once.
	twice := emptyIndex(t)
	once := map[string]*index.Index{"llmfake": emptyIndex(t), "sheepdog": emptyIndex(t)}
	var all []extract.Article
	without := map[string][]extract.Article{}
	for _, name := range []string{"llmfake", "sheepdog"} {
		for _, d := range sets[name].Docs {
			all = append(all, d.Article())
			for _, keep := range []string{"llmfake", "sheepdog"} {
				if _, isCopy := other[d.ID]; !isCopy || name == keep {
					without[keep] = append(without[keep], d.Article())
				}
			}
		}
	}
	for ix, docs := range map[*index.Index][]extract.Article{twice: all, once["llmfake"]: without["llmfake"], once["sheepdog"]: without["sheepdog"]} {
		if _, err := ingest.Articles(ctx, ix, docs, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	n, kept := 0, 0
	for _, name := range []string{"llmfake", "sheepdog"} {
		for _, q := range sets[name].Queries {
			copyID, ok := other[q.Source]
			if !ok {
				continue
			}
			if usable, _ := q.Usable(); !usable || name == "llmfake" && q.Extra["generator"] != "chatgpt" {
				continue
			}
			a := extract.Article{ID: q.ID, Paragraphs: corpus.Paragraphs(q.Text)}
			r1, err := Trace(ctx, once[name], a, Options{Top: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(r1.Sources) == 0 || r1.Sources[0].Article.ID != q.Source || !r1.Sources[0].Decision.Verdict.Derived() {
				continue // held once, the source is not found derived: nothing to keep
			}
			n++
			r2, err := Trace(ctx, twice, a, Options{Top: 1})
			if err != nil {
				t.Fatal(err)
			}
			if len(r2.Sources) > 0 {
				top := r2.Sources[0]
				if (top.Article.ID == q.Source || top.Article.ID == copyID) && top.Decision.Verdict.Derived() {
					kept++
					continue
				}
				t.Logf("%s: held twice, %s reads %s (%.2f)", q.ID, top.Article.ID, top.Decision.Verdict, top.Decision.Confidence)
			}
		}
	}
	t.Logf("%d articles held inside another copy; %d texts found derived from them held once, %d held twice", len(pairs), n, kept)
	if n < 40 || float64(kept) < 0.92*float64(n) {
		t.Errorf("held twice, %d of %d texts found derived held once are found derived; want 92%% of 40 or more", kept, n)
	}
}
