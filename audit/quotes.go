package audit

import (
	"sort"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// Word overlap (Dice over folded words) at which two quotations are the
// same words, or the same quotation reworded.
const (
	quoteSame     = 0.9
	quoteReworded = 0.5
)

// diffQuotes follows each direct quotation of the source into the query:
// kept (verbatim), reworded, paraphrased (its sentences align with query
// sentences that quote nothing), or dropped. Quotations in the query that
// match none of the source's are added. Attribution compares speakers.
func diffQuotes(q, s *analyze.Profile, qAll, sAll []facts.Fact, al *align.Alignment) []FactChange {
	qQuotes, sQuotes := only(qAll, facts.Quote), only(sAll, facts.Quote)
	qReported := only(qAll, facts.Reported)
	usedQ := make([]bool, len(qQuotes))
	var out []FactChange
	for j := range sQuotes {
		sq := &sQuotes[j]
		best, bestSim := -1, 0.0
		for i := range qQuotes {
			if sim := dice(words(qQuotes[i].Quoted), words(sq.Quoted)); !usedQ[i] && sim > bestSim {
				best, bestSim = i, sim
			}
		}
		switch {
		case bestSim >= quoteSame:
			usedQ[best] = true
			out = append(out, quoteChange(Kept, &qQuotes[best], sq, qQuotes[best].Speaker))
		case bestSim >= quoteReworded:
			usedQ[best] = true
			out = append(out, quoteChange(Reworded, &qQuotes[best], sq, qQuotes[best].Speaker))
		default:
			if span, ok := paraphraseOf(q, s, sq, al); ok {
				para := facts.Fact{Kind: facts.Quote, Text: q.Text[span.Start:span.End], Start: span.Start, End: span.End}
				out = append(out, quoteChange(Paraphrased, &para, sq, speakerNear(q, qReported, span)))
				continue
			}
			out = append(out, quoteChange(Dropped, nil, sq, ""))
		}
	}
	for i := range qQuotes {
		if !usedQ[i] {
			out = append(out, FactChange{Change: Added, Kind: facts.Quote, Query: &qQuotes[i], Note: "a quotation the source does not contain"})
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return changeOrder(out[a]) < changeOrder(out[b]) })
	return out
}

// quoteChange builds a quotation line, with the attribution of the query
// side (speaker) checked against the source's.
func quoteChange(c Change, qf, sf *facts.Fact, speaker string) FactChange {
	fc := FactChange{Change: c, Kind: facts.Quote, Query: qf, Source: sf}
	if sf.Speaker == "" || qf == nil {
		return fc
	}
	switch {
	case speaker == "":
		fc.Attribution = AttributionLost
		fc.Note = "the source attributes it to " + sf.Speaker + "; the query to no one"
	case !sameSpeaker(speaker, sf.Speaker):
		fc.Attribution = AttributionChanged
		fc.Note = "the source attributes it to " + sf.Speaker + "; the query to " + speaker
	default:
		fc.Attribution = AttributionKept
	}
	return fc
}

// paraphraseOf returns the query span aligned with the source sentences
// of quotation sq, when there is one.
func paraphraseOf(q, s *analyze.Profile, sq *facts.Fact, al *align.Alignment) (analyze.Span, bool) {
	span, ok := analyze.Span{}, false
	for _, p := range al.Pairs {
		// The pair's source side must lie mostly inside the quotation:
		// a query sentence summarising the quotation with its
		// neighbours is not its paraphrase.
		overlap := min(p.Source.End, sq.End) - max(p.Source.Start, sq.Start)
		if overlap <= 0 || 2*overlap < p.Source.End-p.Source.Start {
			continue
		}
		if !ok {
			span, ok = p.Query, true
			continue
		}
		span.Start, span.End = min(span.Start, p.Query.Start), max(span.End, p.Query.End)
	}
	return span, ok
}

// speakerNear returns the speaker of reported speech in the query span or
// the sentence before it ("According to the interior ministry, …").
func speakerNear(q *analyze.Profile, reported []facts.Fact, span analyze.Span) string {
	from := span.Start
	if i := sentenceAt(q, span.Start); i > 0 {
		from = q.Sentences[i-1].Start
	}
	for _, r := range reported {
		if r.Start >= from && r.End <= span.End {
			return r.Speaker
		}
	}
	return ""
}

// sameSpeaker reports whether two speaker phrases share a content word
// ("the ministry", "the interior ministry"); a pronoun matches anyone.
func sameSpeaker(a, b string) bool {
	wa, wb := words(a), words(b)
	for w := range wa {
		switch w {
		case "he", "she", "it", "they", "we":
			return true
		}
	}
	for w := range wa {
		if w != "the" && w != "a" && w != "an" && wb[w] {
			return true
		}
	}
	return false
}

// only returns the facts of kind k.
func only(fs []facts.Fact, k facts.Kind) []facts.Fact {
	var out []facts.Fact
	for _, f := range fs {
		if f.Kind == k {
			out = append(out, f)
		}
	}
	return out
}

// words returns the folded words of s as a set.
func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, t := range analyze.Tokenize(s, analyze.Span{Start: 0, End: len(s)}) {
		out[t.Norm] = true
	}
	return out
}

// dice is the Dice coefficient of two word sets.
func dice(a, b map[string]bool) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// negationCues are the words that negate a clause.
var negationCues = map[string]bool{
	"not": true, "no": true, "never": true, "none": true, "nobody": true, "nothing": true,
	"neither": true, "nor": true, "cannot": true, "without": true,
}

// negatedTerms is how many content terms after a negation say what it
// negates. Two, not one: "not going to happen" negates "happen" as much as
// "go", and a rewrite that says "go out and borrow" has not dropped it.
const negatedTerms = 2

// clauseEnds end the clause a negation governs.
const clauseEnds = ".!?;:—–\"“”‘’()"

// negation is one negation and its context: the word before it in its
// clause and the content terms after it.
type negation struct {
	before string
	after  []string
}

// negatedWords returns the negations of text[span] with their context:
// "the move was not aimed at a particular group" → before "was", after
// aim, particular. "n't" is split by the tokenizer into "…n" and "t"; the
// word before "didn't" is the one before "did".
func negatedWords(text string, span analyze.Span) []negation {
	toks := analyze.Tokenize(text, span)
	var out []negation
	for i, t := range toks {
		contracted := t.Norm == "t" && i > 0 && strings.HasSuffix(toks[i-1].Norm, "n")
		if !negationCues[t.Norm] && !contracted {
			continue
		}
		var n negation
		k := i - 1
		if contracted {
			k--
		}
		if k >= 0 && !strings.ContainsAny(text[toks[k].End:toks[k+1].Start], clauseEnds) {
			n.before = toks[k].Norm
		}
		prev := t.End
		for _, next := range toks[i+1:] {
			if strings.ContainsAny(text[prev:next.Start], clauseEnds) {
				break
			}
			prev = next.End
			if next.Term != "" {
				n.after = append(n.after, next.Term)
				if len(n.after) == negatedTerms {
					break
				}
			}
		}
		out = append(out, n)
	}
	return out
}

// negatesOther reports whether what one side negates is stated on the
// other side: the word before one of its negations and all of the terms
// after it are there, and at least need terms, since a clause of one word
// ("not yet.") says little unless the sentences are near copies. The word
// before tells a negation removed ("was not aimed" → "was aimed") from a
// negated clause left out ("– I won't allow it!").
func negatesOther(negated []negation, otherText string, other analyze.Span, need int) bool {
	words := map[string]bool{}
	for _, t := range analyze.Tokenize(otherText, other) {
		words[t.Term], words[t.Norm] = true, true
	}
	for _, n := range negated {
		ok := n.before != "" && words[n.before] && len(n.after) >= need
		for _, w := range n.after {
			ok = ok && words[w]
		}
		if ok {
			return true
		}
	}
	return false
}

// negations lists aligned pairs that are near copies of each other but
// differ in their number of negations, where the word negated on one side
// is stated on the other: "was elected" → "was not elected". Looser
// paraphrases are left alone, since rewording ("refused to budge" → "did
// not budge") changes negations without changing the claim, and so is a
// negation of something the other side does not mention at all (a heading
// glued to the sentence: "That Is Not Acceptable").
func negations(q, s *analyze.Profile, al *align.Alignment) []FactChange {
	var out []FactChange
	for _, p := range al.Pairs {
		if p.Similarity < 0.5 {
			continue
		}
		nq, ns := negatedWords(q.Text, p.Query), negatedWords(s.Text, p.Source)
		if len(nq) == len(ns) {
			continue
		}
		need := negatedTerms
		if p.Similarity >= nearCopyPairs {
			need = 1
		}
		note := "the query negates what the source states"
		if len(nq) < len(ns) {
			note = "the query drops a negation of the source"
			if !negatesOther(ns, q.Text, p.Query, need) {
				continue
			}
		} else if !negatesOther(nq, s.Text, p.Source, need) {
			continue
		}
		qf := facts.Fact{Kind: Negation, Text: q.Text[p.Query.Start:p.Query.End], Start: p.Query.Start, End: p.Query.End}
		sf := facts.Fact{Kind: Negation, Text: s.Text[p.Source.Start:p.Source.End], Start: p.Source.Start, End: p.Source.End}
		out = append(out, FactChange{Change: Altered, Kind: Negation, Query: &qf, Source: &sf, Note: note})
	}
	return out
}
