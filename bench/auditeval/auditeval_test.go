package auditeval

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/facts"
)

var shared = filepath.Join("..", "..", "..", "shared")

// TestSectionQuick runs the section on its quick sample and checks that
// every part produced rows with sane figures.
func TestSectionQuick(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	env := &suite.Env{Shared: shared, Quick: true, TempDir: t.TempDir()}
	if testing.Verbose() {
		env.Log = os.Stdout
	}
	rows, err := Section().Run(context.Background(), env)
	if err != nil {
		t.Fatal(err)
	}
	tables := map[string]int{}
	for _, r := range rows {
		tables[r.Table]++
		if r.N == 0 {
			t.Errorf("row %s %s %s measured nothing", r.Table, r.Set, r.Method)
		}
		for _, m := range r.Metrics {
			if m.Value < 0 || m.Value > 1 {
				t.Errorf("row %s %s %s: %s = %v, want a share in [0, 1]", r.Table, r.Set, r.Method, m.Name, m.Value)
			}
		}
	}
	if tables["audit: swaps"] != 4*len(changeTypes) || tables["audit: llmfake"] != 2*(len(manipulationTypes)+1) {
		t.Errorf("rows per table = %v", tables)
	}
}

// TestCoveredPartCutsWhatTheTruncatedSourceLacks checks the cut on
// LLMFake's paraphrases of articles the set keeps only 4,000 characters
// of: the paraphrase is cut to a shorter prefix, and the cut part no
// longer adds unsupported sentences. A text against itself is not cut.
func TestCoveredPartCutsWhatTheTruncatedSourceLacks(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	set, err := corpus.Load(shared, "llmfake")
	if err != nil {
		t.Fatal(err)
	}
	docs := set.DocIndex()
	cut, fewer := 0, 0
	for _, q := range set.Queries {
		if q.Label != corpus.LabelParaphrase || q.Extra["generator"] != "chatgpt" || q.Extra["dataset"] != "politifact" {
			continue
		}
		src := set.Docs[docs[q.Source]].Text
		if !corpus.LLMFakeTruncated(src) {
			continue
		}
		part := coveredPart(q.Text, src)
		if !strings.HasPrefix(q.Text, part) || part == "" {
			t.Fatalf("%s: covered part %q is not a prefix of the paraphrase", q.ID, part)
		}
		if len(part) < len(q.Text) {
			cut++
			whole, _, _ := auditPair(q.Text, src)
			cutRes, _, _ := auditPair(part, src)
			switch {
			case len(cutRes.Unsupported) < len(whole.Unsupported):
				fewer++
			case len(cutRes.Unsupported) > len(whole.Unsupported):
				t.Errorf("%s: cutting raised the unsupported sentences %d → %d", q.ID, len(whole.Unsupported), len(cutRes.Unsupported))
			}
		}
	}
	// Not every cut lowers the count: the cut tail is sometimes aligned
	// (loosely, or through synonyms) to the truncated article already, or
	// its new words are synonyms of the article's, so it was never called
	// unsupported. Since the loader gives most cut articles the longer
	// text the models saw (corpus.LLMFakeTruncated), 10 paraphrases were
	// cut, 2 of them to fewer unsupported sentences. Since sentences glued
	// without a space are split (analyze.Version 6) more of each
	// paraphrase aligns with the article: 4 are cut, and none of their
	// tails was called unsupported. The cut must still find the
	// paraphrases that run past the article, and never raise the count
	// (above).
	if cut < 3 {
		t.Errorf("cut %d paraphrases of truncated articles (%d of them to fewer unsupported sentences); want at least 3", cut, fewer)
	}
	t.Logf("cut %d paraphrases of truncated articles, %d of them to fewer unsupported sentences", cut, fewer)
	text := "The ministry said 541,210 people had left. It added that 110,064 had also left the country."
	if got := coveredPart(text, text); got != text {
		t.Errorf("a text against itself is cut to %q", got)
	}
}

// TestSwapEditsOnlyWhatTheSourceStates checks the generator's rule on an
// l2r GPT-4o rewrite and its BBC source: only a fact the source states as
// the same kind of fact is edited. The rewrite's "condolences to Smith's
// family" once read Smith as a place, and the place swap edited him.
func TestSwapEditsOnlyWhatTheSourceStates(t *testing.T) {
	source := "Terry Smith, 33, died in hospital in November 2013, a day after being held in Surrey under the Mental Health Act. " +
		"IPCC Commissioner Jennifer Izekor said:  \"We have now completed our investigation into the events leading up to Mr Smith's death."
	rewrite := "Terry Smith, 33, died in November 2013, a day after being restrained by Surrey Police under the Mental Health Act. " +
		"IPCC Commissioner Jennifer Izekor confirmed the investigation's completion and referral to the CPS, expressing condolences to Smith's family."
	for seed := uint64(0); seed < 20; seed++ {
		rng := rand.New(rand.NewPCG(Seed, seed))
		if start, end, _, ok := swapEntity(rewrite, source, rng, facts.LabelPlace, swapPlaces); ok {
			t.Fatalf("place swap edited %q, which the source names as no place", rewrite[start:end])
		}
		start, end, repl, ok := swapEntity(rewrite, source, rng, facts.LabelPerson, []string{"Daniel Zeichner"})
		if !ok || !slices.Contains([]string{"Terry Smith", "Smith", "Jennifer Izekor"}, rewrite[start:end]) {
			t.Fatalf("name swap = %q → %q (%v), want a person's name replaced", rewrite[start:end], repl, ok)
		}
		if start, end, _, ok := swapFigure(rewrite, "Council leader Frank McAveety said the council faced a budget gap.", rng); ok {
			t.Fatalf("figure swap edited %q, which the source does not state", rewrite[start:end])
		}
		if _, _, _, ok := swapFigure(rewrite, source, rng); !ok {
			t.Fatalf("figure swap edited nothing; the source states 33 too")
		}
	}
}

// TestStatedNegationNegatesWhatTheSourceSays checks the "negation,
// stated" generator on the l2r GPT-4o rewrites: the first content word
// after each "not" it inserts has a term the source states, while without
// the condition some "not" lands before a word the source never uses
// ("Liang is a phenomenal player" in l2r-news-160's rewrite, where the
// BBC source has no "phenomenal").
func TestStatedNegationNegatesWhatTheSourceSays(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	l2r, err := corpus.Load(shared, "l2r")
	if err != nil {
		t.Fatal(err)
	}
	unstated := 0
	for i, b := range rewriteBases(l2r, "GPT-4o") {
		stated := sourceTerms(b.source)
		if at, _, _, ok := insertNegation(b.text, stated, rand.New(rand.NewPCG(Seed, uint64(i)))); ok && !negatesStated(b.text[at:], stated) {
			t.Errorf("stated negation inserted before %.40q, whose word the source does not state", b.text[at:])
		}
		if at, _, _, ok := insertNegation(b.text, nil, rand.New(rand.NewPCG(Seed, uint64(i)))); ok && !negatesStated(b.text[at:], stated) {
			unstated++
		}
	}
	if unstated == 0 {
		t.Error("without the condition no negation lands before a word the source does not state; the test tests nothing")
	}
}

// TestSwapReadsAsItsKind checks that an edit must still read as a fact of
// its type: a replacement name from another article ("Recruitment Ltd",
// labelled a person's there by a role) is an organisation's in its new
// place. The sentence is an l2r GPT-4o rewrite's.
func TestSwapReadsAsItsKind(t *testing.T) {
	rewrite := "Terry Smith, 33, died in November 2013, a day after being restrained by Surrey Police under the Mental Health Act."
	for _, c := range []struct {
		kind, repl string
		want       bool
	}{
		{"name", "Recruitment Ltd", false},
		{"name", "Daniel Zeichner", true},
	} {
		q := strings.Replace(rewrite, "Terry Smith", c.repl, 1)
		if got := readsAs(c.kind, q, 0, len(c.repl)); got != c.want {
			t.Errorf("%s %q read as its kind = %v, want %v", c.kind, c.repl, got, c.want)
		}
	}
	q := strings.Replace(rewrite, "2013", "2015", 1)
	at := strings.Index(q, "2015")
	if !readsAs("date", q, at, at+4) {
		t.Errorf("date 2015 in %q not read as a date", q)
	}
}

// TestUnflaggedCopiesCountExcerpts checks the "unflagged copies" count of
// the llmfake rows on the seed source: an excerpt of it (its opening
// paragraphs, word for word) is no flag and is counted as a copy; the
// seed's LLM rewrite, flagged for the claims it adds, is not.
func TestUnflaggedCopiesCountExcerpts(t *testing.T) {
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(shared, "seeds", name))
		if err != nil {
			t.Skipf("seeds absent: %v", err)
		}
		return string(b)
	}
	source, rewrite := read("source-original.txt"), read("rewrite.txt")
	paras := strings.SplitN(source, "\n\n", 4)
	excerpt := strings.Join(paras[:min(3, len(paras))], "\n\n")
	tally, err := measureFake(context.Background(), []fakePair{
		{id: "excerpt", source: source, query: excerpt},
		{id: "rewrite", source: source, query: rewrite},
	})
	if err != nil {
		t.Fatal(err)
	}
	if tally.flagged != 1 || tally.copies != 1 {
		t.Errorf("flagged %d, copies %d; want the rewrite flagged and the excerpt counted a copy", tally.flagged, tally.copies)
	}
}

// TestWeddingGuestsNameNoOneElse reads LLMFake's faithful ChatGPT
// paraphrase of politifact14905, which names a wedding its source never
// names ("the 2011 wedding of Prince William and Kate Middleton, the
// Obamas were left off the guest list"). The words beside a name say
// where it stands, but an auxiliary does not: "the Obamas were" is not
// "if Trump were to appear", and Kate Middleton is no name altered from
// Donald Trump's. (Since glued sentences are split, analyze.Version 6,
// the sentence is aligned with the source sentence naming "Prince William,
// the Duke of Cambridge", and Kate Middleton is read as altered from the
// Duke of Cambridge: one of the faithful paraphrases the bench counts as
// altered.)
func TestWeddingGuestsNameNoOneElse(t *testing.T) {
	if _, err := os.Stat(filepath.Join(shared, "data")); err != nil {
		t.Skipf("shared data absent: %v", err)
	}
	set, err := corpus.Load(shared, "llmfake")
	if err != nil {
		t.Fatal(err)
	}
	_, paraphrases := fakePairs(set)
	found := false
	for _, p := range paraphrases {
		if !strings.HasSuffix(p.id, "politifact14905") {
			continue
		}
		found = true
		if !strings.Contains(p.query, "Kate Middleton") {
			t.Fatalf("the paraphrase no longer names Kate Middleton")
		}
		res, _, _ := auditPair(p.query, p.source)
		for _, e := range res.Entities {
			if e.Change == audit.Altered && strings.Contains(e.Source.Text, "Trump") {
				t.Errorf("%q altered from %q (%s)", e.Query.Text, e.Source.Text, e.Note)
			}
		}
	}
	if !found {
		t.Fatal("no paraphrase of politifact14905")
	}
}
