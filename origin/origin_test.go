package origin_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/bench/chains"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/origin"
)

const shared = "../../shared"

func load(t *testing.T, name string) *corpus.Set {
	t.Helper()
	s, err := corpus.Load(shared, name)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Real chains: a politifact article sheepdog holds whole, llmfake's copy of
// it cut at 4,000 characters, and llmfake's ChatGPT rewrite. The whole
// article is the origin and the cut copy's parent, with no dates to help.
func TestWholeArticleIsTheOriginOfItsCutCopy(t *testing.T) {
	cs, err := chains.Chains(shared)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) < 10 {
		t.Fatalf("only %d chains found", len(cs))
	}
	right := 0
	for _, c := range cs {
		ch := origin.Build([]origin.Text{
			{ID: "rewrite", Profile: analyze.AnalyzeText(c.Rewrite.Text)},
			{ID: "cut", Profile: analyze.AnalyzeText(c.Cut.Text)},
			{ID: "whole", Profile: analyze.AnalyzeText(c.Whole.Text)},
		})
		if ch == nil {
			t.Logf("%s: no chain (the rewrite relates to neither text)", c.Rewrite.ID)
			continue
		}
		copyParent := ""
		for _, l := range ch.Links {
			if l.To == "cut" {
				copyParent = l.From
			}
		}
		if ch.Origin == "whole" && copyParent == "whole" {
			right++
		} else {
			t.Logf("%s: origin %s, cut copy's parent %q: %+v", c.Rewrite.ID, ch.Origin, copyParent, ch.Links)
		}
	}
	if share := float64(right) / float64(len(cs)); share < 0.9 {
		t.Errorf("whole article named origin and parent of its cut copy in %.2f of %d chains, want ≥ 0.9", share, len(cs))
	}
}

// COUNTER's pairs carry both papers' dates: where they differ, the earlier
// text is the origin whichever side the query is on — a newsroom tracing its
// own story finds the later copies.
func TestDatesOrderTheTexts(t *testing.T) {
	pairs := chains.DerivedPairs(load(t, "counter"))
	checked := 0
	for i, p := range pairs {
		if p.QDate == "" || p.SDate == "" || p.QDate == p.SDate || i%3 != 0 {
			continue
		}
		checked++
		src := origin.Text{ID: "source", Published: p.SDate, Profile: analyze.AnalyzeText(p.Source)}
		der := origin.Text{ID: "derived", Published: p.QDate, Profile: analyze.AnalyzeText(p.Query)}
		for _, texts := range [][]origin.Text{{der, src}, {src, der}} {
			ch := origin.Build(texts)
			if ch == nil {
				continue // unrelated enough to leave out: not a wrong order
			}
			want := "source"
			if p.QDate < p.SDate {
				want = "derived"
			}
			if ch.Origin != want || ch.Links[0].Basis != "dates" {
				t.Errorf("dated %s vs %s: origin %s by %s, want %s by dates", p.SDate, p.QDate, ch.Origin, ch.Links[0].Basis, want)
			}
		}
	}
	if checked < 20 {
		t.Fatalf("only %d dated pairs with different dates", checked)
	}
}

// Without dates, a summary is told from its article by containment: BBC
// News Summary's extractive summaries are wholly found in their articles,
// which hold far more.
func TestSummaryComesAfterItsArticle(t *testing.T) {
	pairs := chains.DerivedPairs(load(t, "bbc"))
	right, n := 0, 0
	for i := 0; i < len(pairs); i += 20 {
		p := pairs[i]
		n++
		ch := origin.Build([]origin.Text{
			{ID: "summary", Profile: analyze.AnalyzeText(p.Query)},
			{ID: "article", Profile: analyze.AnalyzeText(p.Source)},
		})
		if ch != nil && ch.Origin == "article" && ch.Links[0].Basis == "containment" {
			right++
		}
	}
	if share := float64(right) / float64(n); share < 0.85 {
		t.Errorf("article named origin of its summary by containment in %.2f of %d pairs, want ≥ 0.85", share, n)
	}
}

// Unrelated texts make no chain; one text makes none; empty texts do not
// panic.
func TestNoChainWithoutRelatedTexts(t *testing.T) {
	bbc := load(t, "bbc")
	a, b := bbc.Docs[0], bbc.Docs[len(bbc.Docs)/2]
	if ch := origin.Build([]origin.Text{{ID: "a", Profile: analyze.AnalyzeText(a.Text)}, {ID: "b", Profile: analyze.AnalyzeText(b.Text)}}); ch != nil {
		t.Errorf("unrelated articles %s and %s made a chain: %+v", a.ID, b.ID, ch)
	}
	if ch := origin.Build([]origin.Text{{ID: "a", Profile: analyze.AnalyzeText(a.Text)}}); ch != nil {
		t.Errorf("one text made a chain")
	}
	if ch := origin.Build([]origin.Text{{ID: "x", Profile: analyze.AnalyzeText("")}, {ID: "y", Profile: analyze.AnalyzeText(""), Published: "not a date"}}); ch != nil {
		t.Errorf("empty texts made a chain")
	}
}

// A text the user marks the original is taken as the earlier where the
// texts alone leave it to a guess or to containment; a date still wins.
func TestOriginalBeatsGuessAndContainmentNotDates(t *testing.T) {
	set := load(t, "l2r")
	docs := set.DocIndex()
	guessed, marked := 0, 0
	for _, q := range set.Queries {
		i, ok := docs[q.Source]
		if !ok {
			continue
		}
		src, rw := analyze.AnalyzeText(set.Docs[i].Text), analyze.AnalyzeText(q.Text)
		plain := origin.Build([]origin.Text{{ID: "source", Profile: src}, {ID: "rewrite", Profile: rw}})
		if plain == nil || plain.Links[0].Basis != "unknown" {
			continue
		}
		guessed++
		own := origin.Build([]origin.Text{{ID: "source", Profile: src, Original: true}, {ID: "rewrite", Profile: rw}})
		if own.Origin != "source" || own.Links[0].Basis != "user" {
			t.Fatalf("%s: marked original gives origin %s (%+v)", q.ID, own.Origin, own.Links)
		}
		marked++
		if plain.Origin != "rewrite" {
			t.Errorf("%s: unmarked guess names %s, want the later in the list", q.ID, plain.Origin)
		}
		if marked == 20 {
			break
		}
	}
	if guessed < 10 {
		t.Fatalf("only %d l2r pairs left to the guess", guessed)
	}
	// The mark holds beside what the texts hold: the seed rewrite adds to
	// its source, which the texts alone order by the figures and the
	// quotation the rewrite dropped.
	read := func(name string) *analyze.Profile {
		b, err := os.ReadFile(filepath.Join(shared, "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		return analyze.AnalyzeText(string(b))
	}
	seedSrc, seedRw := read("source-original.txt"), read("rewrite.txt")
	if ch := origin.Build([]origin.Text{{ID: "rewrite", Profile: seedRw}, {ID: "source", Profile: seedSrc}}); ch.Origin != "source" || ch.Links[0].Basis != "containment" {
		t.Errorf("seed pair unmarked: origin %s, links %+v; want the source, by what the texts hold", ch.Origin, ch.Links)
	}
	if ch := origin.Build([]origin.Text{{ID: "source", Profile: seedSrc, Original: true}, {ID: "rewrite", Profile: seedRw}}); ch.Origin != "source" || ch.Links[0].Basis != "user" {
		t.Errorf("seed source marked original: origin %s, links %+v", ch.Origin, ch.Links)
	}
	// A date beats the mark.
	a, b := analyze.AnalyzeText("The council approved the budget on Monday after a long debate about the library."), analyze.AnalyzeText("The council approved the budget on Monday after a long debate about the library.")
	ch := origin.Build([]origin.Text{{ID: "mine", Published: "2024-02-01", Profile: a, Original: true}, {ID: "theirs", Published: "2024-01-01", Profile: b}})
	if ch.Origin != "theirs" || ch.Links[0].Basis != "dates" {
		t.Errorf("the mark overruled a date: %+v", ch)
	}
}

// A pair the caller judged derived is related whatever share of each the
// other holds: COUNTER's partly derived texts take a few passages from
// their source, often under the related share both ways, and their dates
// then still name the source the origin.
func TestPairJudgedDerivedIsRelated(t *testing.T) {
	pairs := chains.DerivedPairs(load(t, "counter"))
	found := 0
	for _, p := range pairs {
		if p.QDate == "" || p.SDate == "" || p.QDate <= p.SDate {
			continue
		}
		q := origin.Text{ID: "query", Published: p.QDate, Profile: analyze.AnalyzeText(p.Query)}
		s := origin.Text{ID: "source", Published: p.SDate, Profile: analyze.AnalyzeText(p.Source)}
		if origin.Build([]origin.Text{q, s}) != nil {
			continue // related by its shares alone
		}
		found++
		s.Derived = true
		ch := origin.Build([]origin.Text{q, s})
		if ch == nil || ch.Origin != "source" || ch.Links[0].Basis != "dates" {
			t.Fatalf("pair judged derived, source dated %s, query %s: chain %+v", p.SDate, p.QDate, ch)
		}
		if found == 5 {
			break
		}
	}
	if found == 0 {
		t.Fatal("no dated COUNTER pair under the related share")
	}
	// The judgment is the caller's: even two unrelated articles, one marked
	// derived, make a chain (trace marks only sources its verdict calls
	// derived).
	bbc := load(t, "bbc")
	a, b := bbc.Docs[0], bbc.Docs[len(bbc.Docs)/2]
	if ch := origin.Build([]origin.Text{{ID: "a", Profile: analyze.AnalyzeText(a.Text)}, {ID: "b", Profile: analyze.AnalyzeText(b.Text), Derived: true}}); ch == nil {
		t.Error("a text judged derived made no chain")
	}
}

// Machine rewrites restate nearly all of their source, so containment alone
// leaves most of them unordered or reads them the wrong way round (a
// rewrite that says each passage in more words holds more). What they drop
// orders them: figures, names and above all quotations turned into
// reported speech. On SheepDog's and LLMFake's rewrites, without dates,
// most pairs must be ordered and few wrongly; containment alone got 0.57 /
// 0.38 right and 0.19 / 0.28 wrong.
func TestRewriteComesAfterTheSpecificsItDropped(t *testing.T) {
	for _, name := range []string{"sheepdog", "llmfake"} {
		pairs := chains.DerivedPairs(load(t, name))
		right, wrong, n := 0, 0, 0
		for i := 0; i < len(pairs); i += 7 {
			p := pairs[i]
			n++
			ch := origin.Build([]origin.Text{
				{ID: "rewrite", Profile: analyze.AnalyzeText(p.Query)},
				{ID: "source", Profile: analyze.AnalyzeText(p.Source), Derived: true},
			})
			switch {
			case ch == nil || ch.Links[0].Basis == "unknown":
			case ch.Origin == "source":
				right++
			default:
				wrong++
			}
		}
		r, w := float64(right)/float64(n), float64(wrong)/float64(n)
		t.Logf("%s: %d pairs, source first %.3f, wrong %.3f", name, n, r, w)
		if r < 0.5 || w > 0.15 {
			t.Errorf("%s: source first %.3f, wrong %.3f of %d pairs; want ≥ 0.5 and ≤ 0.15", name, r, w, n)
		}
	}
}

// The details are read the same whatever the quotation marks, spacing or
// case of a copy, and a text holds nothing the same text lacks.
func TestCopyHoldsNothingItsSourceLacks(t *testing.T) {
	bbc := load(t, "bbc")
	for _, d := range bbc.Docs[:30] {
		text := d.Text
		copied := strings.NewReplacer("\"", "“", "'", "’", "\n", " \n  ").Replace(text)
		ch := origin.Build([]origin.Text{{ID: "a", Profile: analyze.AnalyzeText(text)}, {ID: "b", Profile: analyze.AnalyzeText(copied)}})
		if ch == nil {
			t.Fatalf("%s: a copy of itself made no chain", d.ID)
		}
		if ch.Links[0].Basis != "unknown" {
			t.Errorf("%s: a copy of itself ordered by %s: %s", d.ID, ch.Links[0].Basis, ch.Links[0].Reason)
		}
	}
}

// A rewrite traced against an archive holding its source and two other
// LLM rewrites of it: where nothing orders two of the archive's texts, the
// one lacking fewer of the specifics the story's other texts state is
// taken as the earlier, and on a tie the one nearer the story's other
// texts. The source holds what each rewrite kept, and sits at the centre,
// each rewrite departing from it in its own way. The source is listed
// first among the archive's texts, where the list-order guess would take
// it as the latest: the source is named the origin for 128 of the 200 l2r
// stories by that guess, 157 by the centre alone, 168 with the specifics
// first.
func TestSourceIsTheCentreOfItsRewrites(t *testing.T) {
	set := load(t, "l2r")
	docs := set.DocIndex()
	byModel := map[string]map[string]string{} // source → model → rewrite
	for _, q := range set.Queries {
		if byModel[q.Source] == nil {
			byModel[q.Source] = map[string]string{}
		}
		byModel[q.Source][strings.TrimPrefix(q.Group, "l2r/")] = q.Text
	}
	named, n := 0, 0
	for src, rw := range byModel {
		i, ok := docs[src]
		if !ok || len(rw) != 3 {
			continue
		}
		n++
		texts := []origin.Text{{ID: "query", Profile: analyze.AnalyzeText(rw["GPT-4o"])},
			{ID: "source", Profile: analyze.AnalyzeText(set.Docs[i].Text), Derived: true}}
		for _, m := range []string{"GPT-3-Turbo", "Llama-3-70B"} {
			texts = append(texts, origin.Text{ID: m, Profile: analyze.AnalyzeText(rw[m]), Derived: true})
		}
		if ch := origin.Build(texts); ch != nil && ch.Origin == "source" {
			named++
		}
	}
	t.Logf("%d stories: the source named origin for %d", n, named)
	if n < 150 || named*10 < n*8 {
		t.Errorf("the source named origin for %d of %d stories; want 80%%", named, n)
	}
}

// A text written from a story's headline alone states figures, names and
// quotations of its own; a rewrite of the story keeps the story's. Of the
// human-ai set's texts with specifics, the rephrasings of each article
// lack far fewer of them in the article than the generations from its
// headline do.
func TestHeadlineGenerationsStateTheirOwnSpecifics(t *testing.T) {
	s := load(t, "human-ai")
	docs := s.DocIndex()
	shares := map[string][]float64{}
	for _, q := range s.Queries {
		i, ok := docs[q.Source]
		if !ok {
			continue
		}
		qs := origin.SpecificsOf(analyze.AnalyzeText(q.Text))
		if !qs.Stated() {
			continue
		}
		shares[q.Label] = append(shares[q.Label], qs.MissingShare(origin.SpecificsOf(analyze.AnalyzeText(s.Docs[i].Text))))
	}
	mean := func(xs []float64) float64 {
		sum := 0.0
		for _, x := range xs {
			sum += x
		}
		return sum / float64(max(1, len(xs)))
	}
	rw, ev := shares[corpus.LabelRewrite], shares[corpus.LabelSameEvent]
	t.Logf("specifics the article lacks: rephrasings %.2f (%d), headline generations %.2f (%d)", mean(rw), len(rw), mean(ev), len(ev))
	if len(rw) < 100 || len(ev) < 100 {
		t.Fatalf("only %d rephrasings and %d generations state specifics", len(rw), len(ev))
	}
	if mean(rw) > 0.3 || mean(ev) < 2*mean(rw)+0.2 {
		t.Errorf("the article lacks %.2f of its rephrasings' specifics and %.2f of its headline generations'; want the first at most 0.3 and the second far above it", mean(rw), mean(ev))
	}
}
