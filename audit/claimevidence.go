package audit

import (
	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// sentenceEvidence is what the source says, or does not, about one query
// sentence: the inputs of the unsupported-claim rules (unsupported).
type sentenceEvidence struct {
	index int
	text  string
	terms int
	// newTerms are the sentence's terms the source states nowhere (nor a
	// synonym of them); share is their share of the terms.
	newTerms int
	share    float64
	pairs    []align.Pair
	// aligned is whether a pair reaches minSupport.
	aligned bool
	// localNew, localElsewhere and localShare compare the sentence with the
	// source passage it is aligned with (see localNews).
	localNew, localElsewhere int
	localShare               float64
	added                    []facts.Fact
	swapped                  string
	appendedClaim            string
	heading                  bool
}

// evidenceOf gathers the evidence on every query sentence.
func evidenceOf(q, s *analyze.Profile, al *align.Alignment, r *Result) []sentenceEvidence {
	sTerms := map[string]bool{}
	for _, sent := range s.Sentences {
		for _, t := range sent.Terms {
			sTerms[t] = true
		}
	}
	added := addedBySentence(q, r)
	out := make([]sentenceEvidence, len(q.Sentences))
	for i, sent := range q.Sentences {
		e := sentenceEvidence{index: i, text: q.Text[sent.Start:sent.End], terms: len(sent.Terms), added: added[i]}
		for _, t := range sent.Terms {
			if !stated(t, sTerms) {
				e.newTerms++
			}
		}
		if e.terms > 0 {
			e.share = float64(e.newTerms) / float64(e.terms)
		}
		e.pairs = pairsOfQuery(al, i)
		for _, p := range e.pairs {
			e.aligned = e.aligned || p.Similarity >= minSupport
		}
		if len(e.pairs) > 0 {
			e.localNew, e.localElsewhere, e.localShare, _ = localNews(s, al, i, sent.Terms, sTerms)
		}
		e.swapped = substitutions(q, s, sent, e.pairs, sTerms)
		e.appendedClaim = appendedClaim(s, sent, e.pairs, sTerms)
		e.heading = headingLike(e.text)
		out[i] = e
	}
	return out
}
