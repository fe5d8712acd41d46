package align

import (
	"fmt"
	"strings"
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

func TestAlignFindsVerbatimPassageAcrossSentenceBoundaries(t *testing.T) {
	copied := "the river burst its banks at dawn. Rescue teams from three counties worked through the night to reach the stranded families"
	src := analyze.AnalyzeText("Reports came in slowly on Monday. By noon " + copied + ", officials said. The council met later.")
	q := analyze.AnalyzeText("Witnesses agree that " + copied + " in the upper valley. Nobody was hurt.")
	al := Align(q, src, Options{})
	var got *Passage
	for i := range al.Passages {
		if al.Passages[i].Kind == Verbatim {
			got = &al.Passages[i]
		}
	}
	if got == nil {
		t.Fatalf("no verbatim passage in %+v", al.Passages)
	}
	if qt, st := q.Text[got.Query.Start:got.Query.End], src.Text[got.Source.Start:got.Source.End]; qt != copied || st != copied {
		t.Errorf("verbatim passage spans\n query  %q\n source %q\nwant both %q", qt, st, copied)
	}
}

func TestAlignJoinsNearVerbatimAcrossChangedWords(t *testing.T) {
	src := analyze.AnalyzeText("The ministry said that continuous efforts were under way to identify and deport the remaining people who live in the country without documents.")
	q := analyze.AnalyzeText("The ministry said that continuous efforts were now under way to identify and expel the remaining people who live in the country without documents.")
	al := Align(q, src, Options{})
	if len(al.Passages) != 1 {
		t.Fatalf("passages = %+v, want one", al.Passages)
	}
	p := al.Passages[0]
	if p.Kind != NearVerbatim || p.Query.Start != 0 || p.Query.End != len(q.Text) || p.Source.End != len(src.Text) {
		t.Errorf("passage = %s %+v/%+v, want one near-verbatim passage over both whole texts", p.Kind, p.Query, p.Source)
	}
}

func TestAlignMarksReorderedPassages(t *testing.T) {
	a := "Heavy rain flooded the market square on Tuesday morning and traders moved their stalls to the church hall nearby."
	b := "The mayor promised that the drains under the high street would be replaced before the winter storms arrive again."
	c := "Insurance assessors will visit the damaged shops from Monday, and owners should keep their receipts for repairs."
	src := analyze.AnalyzeText(a + "\n\n" + b + "\n\n" + c)
	q := analyze.AnalyzeText(c + "\n\n" + a + "\n\n" + b)
	al := Align(q, src, Options{})
	if len(al.Passages) != 2 {
		t.Fatalf("got %d passages, want 2 (the moved paragraph and the rest): %+v", len(al.Passages), al.Passages)
	}
	if !al.Passages[0].Reordered || al.Passages[1].Reordered {
		t.Errorf("reordered flags = %v, %v; want the moved first paragraph marked, the rest not",
			al.Passages[0].Reordered, al.Passages[1].Reordered)
	}
	if al.QueryCoverage != 1 {
		t.Errorf("query coverage %.3f, want 1", al.QueryCoverage)
	}
}

func TestAlignMatrix(t *testing.T) {
	text := "Floods hit the town on Friday. The council opened two shelters."
	al := Align(analyze.AnalyzeText(text), analyze.AnalyzeText(text), Options{Matrix: true})
	if len(al.Matrix) != 2 || len(al.Matrix[0]) != 2 || al.Matrix[0][0] != 1 || al.Matrix[1][1] != 1 || al.Matrix[0][1] != 0 {
		t.Fatalf("matrix = %v, want the 2×2 identity", al.Matrix)
	}
	if Align(analyze.AnalyzeText(text), analyze.AnalyzeText(text), Options{}).Matrix != nil {
		t.Error("matrix computed without being asked for")
	}
}

func TestWidenStopsOnWordBoundaries(t *testing.T) {
	q := "He said: the plan works. Then he left."
	s := "She said: the plan works. They agreed."
	qs := analyze.Span{Start: strings.Index(q, "the plan"), End: strings.Index(q, "works") + len("works")}
	ss := analyze.Span{Start: strings.Index(s, "the plan"), End: strings.Index(s, "works") + len("works")}
	gq, gs := Widen(q, s, qs, ss)
	// Backwards "said: " is shared ("e said" too, but "He"/"She" differ
	// inside a word, so the partial word is given back); forwards the full
	// stop is shared and "Then"/"They" differ inside a word.
	if got, want := q[gq.Start:gq.End], "said: the plan works."; got != want {
		t.Errorf("widened query = %q, want %q", got, want)
	}
	if got, want := s[gs.Start:gs.End], "said: the plan works."; got != want {
		t.Errorf("widened source = %q, want %q", got, want)
	}
}

func TestSimilarity(t *testing.T) {
	a := analyze.AnalyzeText("The council approved the budget on Monday.")
	b := analyze.AnalyzeText("On Monday the council approved its budget.")
	c := analyze.AnalyzeText("Heavy snow closed the mountain pass.")
	if s := Similarity(a, b, Options{}); s != 1 {
		t.Errorf("Similarity of reworded sentence = %.3f, want 1 (same terms)", s)
	}
	if s := Similarity(a, c, Options{}); s != 0 {
		t.Errorf("Similarity of unrelated sentence = %.3f, want 0", s)
	}
}

func TestAlignShowsRewordedSentenceInsideACopy(t *testing.T) {
	var src, q []string
	for i := range 24 {
		s := fmt.Sprintf("Paragraph %d of the report describes the flood defences built along the river in district number %d last year.", i, i)
		src, q = append(src, s), append(q, s)
	}
	src[12] = "The council said the new barrier protected four hundred homes during the storm in February."
	q[12] = "According to the council, four hundred homes were protected by the new barrier in February's storm."
	al := Align(analyze.AnalyzeText(strings.Join(q, " ")), analyze.AnalyzeText(strings.Join(src, " ")), Options{})
	for _, p := range al.Passages {
		if p.Kind == Paraphrase && len(p.Pairs) == 1 && p.Pairs[0].QuerySentence == 12 {
			return
		}
	}
	t.Errorf("the reworded sentence 12 of a copy is not a passage of its own: %+v", al.Passages)
}

// A rewrite that trades words for their synonyms stays close to its
// source: "too big" / "excessively large" (l2r-news-038, GPT-4o). With
// exact terms only, the pair shares "development" and "landscape" and
// falls below the pairing threshold.
func TestSimilarityCountsSynonyms(t *testing.T) {
	q := analyze.AnalyzeText("Detractors argue that the development is excessively large and would mar the landscape.")
	s := analyze.AnalyzeText("Protesters claim the development is too big and would blight the landscape.")
	exact := Similarity(q, s, Options{ExactTerms: true})
	syn := Similarity(q, s, Options{})
	if syn <= exact {
		t.Fatalf("similarity with synonyms %.3f, exact %.3f: want synonyms to count", syn, exact)
	}
	if al := Align(q, s, Options{}); len(al.Pairs) != 1 {
		t.Errorf("the rewritten sentence is not paired with its source (similarity %.3f, exact %.3f)", syn, exact)
	}
	// A query term takes a synonym's place only when the source lacks the
	// term itself: the same sentence aligned with itself is unchanged.
	if got := Similarity(s, s, Options{}); got != 1 {
		t.Errorf("a sentence against itself: similarity %.3f, want 1", got)
	}
}
