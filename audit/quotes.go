package audit

import (
	"sort"

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
	qWords := make([]map[string]bool, len(qQuotes)) // each quotation's words, read once
	for i := range qQuotes {
		qWords[i] = words(qQuotes[i].Quoted)
	}
	for j := range sQuotes {
		sq := &sQuotes[j]
		sWords := words(sq.Quoted)
		best, bestSim := -1, 0.0
		for i := range qQuotes {
			if sim := dice(qWords[i], sWords); !usedQ[i] && sim > bestSim {
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
