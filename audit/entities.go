package audit

import (
	"sort"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// genericNouns are the nouns a rewrite puts in place of a name, by the
// label of the name they can stand for.
var genericNouns = map[string]string{
	"country": facts.LabelPlace, "nation": facts.LabelPlace, "state": facts.LabelPlace,
	"province": facts.LabelPlace, "region": facts.LabelPlace, "city": facts.LabelPlace,
	"town": facts.LabelPlace, "village": facts.LabelPlace, "area": facts.LabelPlace,
	"territory": facts.LabelPlace, "capital": facts.LabelPlace, "district": facts.LabelPlace,
	"man": facts.LabelPerson, "woman": facts.LabelPerson, "person": facts.LabelPerson,
	"official": facts.LabelPerson, "senator": facts.LabelPerson, "lawmaker": facts.LabelPerson,
	"politician": facts.LabelPerson, "minister": facts.LabelPerson, "spokesperson": facts.LabelPerson,
	"spokesman": facts.LabelPerson, "spokeswoman": facts.LabelPerson, "leader": facts.LabelPerson,
	"individual": facts.LabelPerson, "activist": facts.LabelPerson, "candidate": facts.LabelPerson,
	"legislator": facts.LabelPerson, "representative": facts.LabelPerson,
	"ministry": facts.LabelOrg, "government": facts.LabelOrg, "agency": facts.LabelOrg,
	"company": facts.LabelOrg, "firm": facts.LabelOrg, "group": facts.LabelOrg,
	"organisation": facts.LabelOrg, "organization": facts.LabelOrg, "department": facts.LabelOrg,
	"authority": facts.LabelOrg, "authorities": facts.LabelOrg, "party": facts.LabelOrg,
	"institution": facts.LabelOrg, "body": facts.LabelOrg, "chamber": facts.LabelOrg,
	"house": facts.LabelOrg, "parliament": facts.LabelOrg, "legislature": facts.LabelOrg,
}

// genericDeterminers open a generic phrase ("a country", "the upper house").
var genericDeterminers = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true, "this": true, "that": true}

// mention is one distinct entity of a text: its first mention and all of
// the sentences that mention it.
type mention struct {
	fact      facts.Fact
	name      string // folded for comparison
	sentences []int
}

// distinct groups entity mentions by name, folding case, a final "s" and a
// surname standing alone ("Aziz" after "Mohsin Aziz").
func distinct(p *analyze.Profile, ents []facts.Fact) []*mention {
	var out []*mention
	for _, e := range ents {
		name := foldName(e.Entity)
		var m *mention
		for _, o := range out {
			if sameName(o.name, name) {
				m = o
				break
			}
		}
		if m == nil {
			m = &mention{fact: e, name: name}
			out = append(out, m)
		}
		if i := sentenceAt(p, e.Start); i >= 0 {
			m.sentences = append(m.sentences, i)
		}
	}
	return out
}

// foldName folds a name for comparison: lower case, possessive and plural
// "s" removed, full stops dropped ("U.S." = "US").
func foldName(n string) string {
	n = strings.ToLower(strings.ReplaceAll(n, ".", ""))
	n = strings.TrimSuffix(strings.TrimSuffix(n, "’s"), "'s")
	return strings.TrimSuffix(n, "s")
}

// sameName reports whether two folded names name one entity: equal, or
// one a whole-word tail of the other ("aziz", "mohsin aziz").
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) > 2 && strings.HasSuffix(b, " "+a)
}

// diffEntities pairs the distinct entities of query and source.
func diffEntities(q, s *analyze.Profile, qEnt, sEnt []facts.Fact, al *align.Alignment) []FactChange {
	qm, sm := distinct(q, qEnt), distinct(s, sEnt)
	usedQ := make([]bool, len(qm))
	var out []FactChange
	var unmatched []*mention
	for _, sMen := range sm {
		found := false
		for i, qMen := range qm {
			if !usedQ[i] && sameName(qMen.name, sMen.name) {
				usedQ[i], found = true, true
				out = append(out, entityChange(Kept, qMen, sMen, nil))
				break
			}
		}
		if !found {
			unmatched = append(unmatched, sMen)
		}
	}
	// A source name left over may face, in an aligned query sentence,
	// another unmatched name (altered) or a generic phrase (generalised).
	for _, sMen := range unmatched {
		if i, ok := facingName(q, sMen, qm, usedQ, al); ok {
			usedQ[i] = true
			out = append(out, entityChange(Altered, qm[i], sMen, nil))
			continue
		}
		if g, ok := facingGeneric(q, s, sMen, al, true); ok {
			out = append(out, entityChange(Generalised, nil, sMen, &g))
			continue
		}
		out = append(out, entityChange(Dropped, nil, sMen, nil))
	}
	for i, qMen := range qm {
		if usedQ[i] {
			continue
		}
		if sf, ok := swappedName(q, qMen, qEnt, sEnt, al); ok {
			out = append(out, FactChange{Change: Altered, Kind: facts.Entity, Query: &qMen.fact, Source: &sf})
			continue
		}
		if g, ok := facingGeneric(s, q, qMen, al, false); ok {
			out = append(out, entityChange(Specialised, qMen, nil, &g))
			continue
		}
		out = append(out, entityChange(Added, qMen, nil, nil))
	}
	sort.SliceStable(out, func(a, b int) bool { return changeOrder(out[a]) < changeOrder(out[b]) })
	return out
}

// entityChange builds one line of the entity diff; generic, when given, is
// the generic phrase on the side without a name.
func entityChange(c Change, q, s *mention, generic *facts.Fact) FactChange {
	fc := FactChange{Change: c, Kind: facts.Entity}
	if q != nil {
		f := q.fact
		fc.Query = &f
	}
	if s != nil {
		f := s.fact
		fc.Source = &f
	}
	if generic != nil {
		if fc.Query == nil {
			fc.Query = generic
		} else {
			fc.Source = generic
		}
	}
	return fc
}

// facingName finds an unmatched query name in a query sentence aligned
// with a source sentence mentioning sMen, of a compatible label. Two names
// in one aligned pair, neither found in the other text, are one name
// changed.
func facingName(q *analyze.Profile, sMen *mention, qm []*mention, usedQ []bool, al *align.Alignment) (int, bool) {
	for _, j := range sMen.sentences {
		for _, p := range pairsOfSource(al, j) {
			if p.Similarity < minSwapSimilarity {
				continue
			}
			for i, qMen := range qm {
				if usedQ[i] || !labelsAgree(qMen.fact.Label, sMen.fact.Label) {
					continue
				}
				for _, qs := range qMen.sentences {
					if qs == p.QuerySentence {
						return i, true
					}
				}
			}
		}
	}
	return -1, false
}

// swappedName finds, for a query name the source never mentions, the
// source name it replaced: a name the aligned source sentence mentions
// more often than the query sentence does. Counting, rather than asking
// whether the query sentence names it at all, catches one of two mentions
// changed ("from Scholl's arrest … saw Scholl deny" → "from Ohio's arrest …
// saw Scholl deny").
func swappedName(q *analyze.Profile, qMen *mention, qEnt, sEnt []facts.Fact, al *align.Alignment) (facts.Fact, bool) {
	for _, qs := range qMen.sentences {
		qNames := entitiesIn(qEnt, q.Sentences[qs].Span)
		for _, p := range pairsOfQuery(al, qs) {
			if p.Similarity < minSwapSimilarity {
				continue
			}
			sNames := entitiesIn(sEnt, p.Source)
			for _, sf := range sNames {
				if !swapLabels(sf, qMen.fact, p.Similarity) {
					continue
				}
				if mentionCount(qNames, sf.Entity) < mentionCount(sNames, sf.Entity) {
					return sf, true
				}
			}
		}
	}
	return facts.Fact{}, false
}

// entitiesIn returns the entities inside span.
func entitiesIn(ents []facts.Fact, span analyze.Span) []facts.Fact {
	var out []facts.Fact
	for _, e := range ents {
		if within(e.Start, e.End, span) {
			out = append(out, e)
		}
	}
	return out
}

// mentionCount counts the names that are the same as name.
func mentionCount(names []facts.Fact, name string) int {
	n, count := foldName(name), 0
	for _, f := range names {
		if sameName(foldName(f.Entity), n) {
			count++
		}
	}
	return count
}

// minSwapSimilarity is the least similarity of an aligned pair in which
// two different names count as one name changed. In looser paraphrases the
// two sentences often name different things ("Georgetown", "Paul Pelosi")
// and an unmatched name is better reported as added than as altered.
const minSwapSimilarity = 0.5

// swapLabels reports whether a source name and a query name in one pair
// can be one name changed. In near copies labels need only agree; in
// looser pairs, where two names often name two different things
// ("Medicare" and "Congress"), both must be known and equal, or both
// people by their look (two or three words, no label).
func swapLabels(source, query facts.Fact, similarity float64) bool {
	if similarity >= nearCopyPairs {
		return labelsAgree(source.Label, query.Label)
	}
	if source.Label == "" && query.Label == "" {
		return personShaped(source.Entity) && personShaped(query.Entity)
	}
	return source.Label == query.Label
}

// personShaped reports whether a name looks like a person's: two or three
// words ("Mohsin Aziz", "Ras Kwame Smith").
func personShaped(name string) bool {
	n := len(strings.Fields(name))
	return n == 2 || n == 3
}

// labelsAgree reports whether two entity labels can name one kind of thing.
func labelsAgree(a, b string) bool {
	return a == "" || b == "" || a == b
}

// facingGeneric finds a generic phrase ("the country") standing where men
// is named: in a sentence of other aligned with a sentence of own that
// mentions men. ownIsSource says which side own is.
func facingGeneric(other, own *analyze.Profile, men *mention, al *align.Alignment, ownIsSource bool) (facts.Fact, bool) {
	for _, j := range men.sentences {
		var pairs []align.Pair
		if ownIsSource {
			pairs = pairsOfSource(al, j)
		} else {
			pairs = pairsOfQuery(al, j)
		}
		for _, p := range pairs {
			span, ownSpan := p.Source, p.Query
			if ownIsSource {
				span, ownSpan = p.Query, p.Source
			}
			ownText := own.Text[ownSpan.Start:ownSpan.End]
			if g, ok := genericPhrase(other.Text, span, men.fact.Label, ownText); ok {
				return g, true
			}
		}
	}
	return facts.Fact{}, false
}

// genericPhrase finds, in text[span], a determiner with at most two words
// and a generic noun of a label compatible with label, which the aligned
// passage of the other side (ownText) does not use in the same words.
func genericPhrase(text string, span analyze.Span, label, ownText string) (facts.Fact, bool) {
	toks := analyze.Tokenize(text, span)
	for i, t := range toks {
		nounLabel, ok := genericNouns[t.Norm]
		if !ok || !labelsAgree(label, nounLabel) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if !genericDeterminers[toks[k].Norm] {
				continue
			}
			start, end := toks[k].Start, t.End
			phrase := text[start:end]
			if strings.Contains(strings.ToLower(ownText), strings.ToLower(phrase)) {
				break // the source says "the country" too: not a replacement
			}
			return facts.Fact{Kind: facts.Entity, Text: phrase, Start: start, End: end}, true
		}
	}
	return facts.Fact{}, false
}
