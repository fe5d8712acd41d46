package align

import (
	"testing"

	"github.com/storytrace/storytrace/analyze"
)

func TestAlignFindsVerbatimParaphraseAndSummary(t *testing.T) {
	src := analyze.AnalyzeText("Floods hit Newton Stewart on Friday after the River Cree overflowed. " +
		"First Minister Nicola Sturgeon visited the area to inspect the damage. " +
		"Repair work is ongoing in Hawick. Many roads in Peeblesshire remain badly affected by standing water. " +
		"The council said 1,200 homes were without power.")
	q := analyze.AnalyzeText("First Minister Nicola Sturgeon visited the area to inspect the damage. " +
		"Power was cut to 1,200 homes, according to the council. " +
		"In Hawick repairs go on, while standing water still badly affects many Peeblesshire roads. " +
		"Meanwhile, the stock market rose sharply in Tokyo.")
	al := Align(q, src, Options{})
	kinds := map[int]Kind{}
	for _, p := range al.Pairs {
		kinds[p.QuerySentence] = p.Kind
	}
	if kinds[0] != Verbatim {
		t.Errorf("sentence 0 kind = %q, want verbatim", kinds[0])
	}
	if kinds[1] != Paraphrase {
		t.Errorf("sentence 1 kind = %q, want paraphrase", kinds[1])
	}
	if kinds[2] != Summary {
		t.Errorf("sentence 2 kind = %q, want summary (two source sentences)", kinds[2])
	}
	if _, ok := kinds[3]; ok {
		t.Errorf("unrelated sentence 3 aligned: %+v", al.Pairs)
	}
	if al.QueryCoverage <= 0.5 || al.QueryCoverage >= 1 {
		t.Errorf("query coverage %.2f, want between 0.5 and 1", al.QueryCoverage)
	}
	for _, p := range al.Pairs {
		if q.Text[p.Query.Start:p.Query.End] == "" || src.Text[p.Source.Start:p.Source.End] == "" {
			t.Errorf("empty span in %+v", p)
		}
	}
}

func TestAlignMergesConsecutivePairsIntoPassages(t *testing.T) {
	text := "The first sentence is about floods in Cumbria. The second one covers the rescue teams. " +
		"A third describes the damage to bridges."
	al := Align(analyze.AnalyzeText(text), analyze.AnalyzeText(text), Options{})
	if len(al.Passages) != 1 || len(al.Passages[0].Pairs) != 3 {
		t.Fatalf("passages = %+v, want one of three pairs", al.Passages)
	}
	if p := al.Passages[0]; p.Kind != Verbatim || p.Query.Start != 0 || p.Query.End != len(text) {
		t.Fatalf("passage = %+v, want verbatim over the whole text", p)
	}
	if al.Support != 1 || al.QueryCoverage != 1 || al.SourceCoverage != 1 {
		t.Fatalf("self-alignment support %.3f coverage %.3f/%.3f, want 1", al.Support, al.QueryCoverage, al.SourceCoverage)
	}
}

func TestAlignEmptyTexts(t *testing.T) {
	al := Align(analyze.AnalyzeText(""), analyze.AnalyzeText("Something here."), Options{})
	if len(al.Pairs) != 0 || al.QueryCoverage != 0 {
		t.Fatalf("empty query aligned: %+v", al)
	}
}
