package facts

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// speechVerbs are the verbs that attribute words to a speaker.
var speechVerbs = toSet(`said says say told tells added adds stated states
	reported reports announced announces claimed claims insisted insists
	informed informs alleged alleges alleging argued argues noted notes
	explained explains warned warns emphasized emphasised emphasizes
	emphasises reiterated reiterates confirmed confirms denied denies
	elaborated wrote writes tweeted asked asks replied replies admitted
	admits acknowledged acknowledges declared declares stressed stresses`)

// speakerStops end a speaker phrase read backwards from a verb: a speaker
// is a short noun phrase, not a clause.
var speakerStops = toSet(`that which who and but or because while if when
	as than so then also has have had was were is are be been not to of in on
	at for with by from`)

// minQuoteWords is the least number of words a quotation needs. Shorter
// quoted runs are mostly scare quotes or titles ("smelled of death").
const minQuoteWords = 4

// Quotes returns the direct quotations in text, with their speakers, and
// the reported speech outside them ("the ministry said", "according to the
// interior ministry"), sorted by Start and not overlapping.
//
// A quotation is text between curly double quotes, or between straight
// double quotes, that does not cross a blank line, holds at least
// minQuoteWords words and is not a headline line set in quotes. Its speaker is read around it: "…," the ministry
// said; "…," said Lt. Kyle Jennings; Clinton said, "…". Reported speech is
// a speaker phrase of up to five words before a verb of saying, or the
// phrase after "according to".
func Quotes(text string) []Fact { return newScanner(text).quotes() }

// quotes is Quotes on the scanner's text.
func (s *scanner) quotes() []Fact {
	quotes := s.quotations()
	inQuote := make([]bool, len(s.toks))
	var out []Fact
	for _, q := range quotes {
		for i := q.open; i <= q.close; i++ {
			inQuote[i] = true
		}
		f := Fact{Kind: Quote}
		f.Text, f.Start, f.End = s.span(q.open, q.close)
		f.Quoted = s.text[s.toks[q.open].end:s.toks[q.close].start]
		f.Speaker = s.quoteSpeaker(q, inQuote)
		out = append(out, f)
	}
	for _, q := range quotes {
		// The attribution of a quotation (Clinton said, "…"; "…,” the
		// ministry said) is part of it, not separate reported speech.
		k := q.open - 1
		for k >= 0 && (s.isPunct(k, ":") || s.isPunct(k, ",")) {
			k--
		}
		if speechVerbs[s.word(k)] {
			if _, first := s.phraseBefore(k, inQuote); first >= 0 {
				for i := first; i <= k; i++ {
					inQuote[i] = true
				}
			}
		}
		for i := q.close + 1; i < len(s.toks) && i <= q.close+8; i++ {
			if speechVerbs[s.word(i)] {
				for k := q.close + 1; k <= i; k++ {
					inQuote[k] = true
				}
				break
			}
		}
	}
	for i := range s.toks {
		if inQuote[i] {
			continue
		}
		if f, ok := s.reportedAt(i, inQuote); ok {
			out = append(out, f)
		}
	}
	sort.SliceStable(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// quotation is the token range of a quotation, marks included.
type quotation struct{ open, close int }

// quotations finds the quotations in the text. A headline set in
// quotation marks (LLM rewrites open with one) is no one's words.
func (s *scanner) quotations() []quotation {
	headline := s.headlineTokens()
	var out []quotation
	for i := 0; i < len(s.toks); i++ {
		t := s.str(i)
		if t != "“" && t != "\"" {
			continue
		}
		closer := "”"
		if t == "\"" {
			closer = "\""
		}
		j := i + 1
		for ; j < len(s.toks); j++ {
			if s.str(j) == closer || (closer == "”" && s.str(j) == "\"") {
				break
			}
			if s.str(j) == "“" || s.blankLineBefore(j) {
				j = len(s.toks)
			}
		}
		if j >= len(s.toks) {
			continue
		}
		if len(s.wordIndexes(i+1, j-1)) >= minQuoteWords && !(headline[i] && headline[j]) {
			out = append(out, quotation{i, j})
		}
		i = j
	}
	return out
}

// blankLineBefore reports whether a blank line (two line breaks) precedes
// token i: a quotation never runs across paragraphs unclosed.
func (s *scanner) blankLineBefore(i int) bool {
	if i <= 0 || s.toks[i].gap != gapNewline {
		return false
	}
	return strings.Count(s.text[s.toks[i-1].end:s.toks[i].start], "\n") >= 2
}

// quoteSpeaker reads the speaker after the quotation (", the ministry
// said", ", said Lt. Kyle Jennings") or before it ("Clinton said, ").
func (s *scanner) quoteSpeaker(q quotation, inQuote []bool) string {
	j := q.close + 1
	if s.isPunct(j, ",") {
		j++
	}
	if speechVerbs[s.word(j)] {
		p, _ := s.phraseAfter(j+1, inQuote)
		return p
	}
	for k := j; k < j+7 && k < len(s.toks) && s.kind(k) == tWord && !inQuote[k]; k++ {
		if speechVerbs[s.word(k)] && k > j {
			p, _ := s.phraseBefore(k, inQuote)
			return p
		}
	}
	k := q.open - 1
	for k >= 0 && s.kind(k) == tPunct && (s.str(k) == ":" || s.str(k) == ",") {
		k--
	}
	if speechVerbs[s.word(k)] {
		p, _ := s.phraseBefore(k, inQuote)
		return p
	}
	if sp := s.accordingTo(q.open); sp != "" {
		return sp
	}
	return ""
}

// phraseAfter returns up to five words from token i to the next
// punctuation that is not an initial's full stop ("Lt. Kyle Jennings"),
// and the index of its last token.
func (s *scanner) phraseAfter(i int, inQuote []bool) (string, int) {
	first, last := i, -1
	for k := i; k < len(s.toks) && k < i+10 && !inQuote[k]; k++ {
		if s.kind(k) == tWord {
			if speakerStops[s.word(k)] && last >= 0 {
				break
			}
			last = k
			continue
		}
		if s.isPunct(k, ".") && s.joined(k) && (roleWords[s.word(k-1)] || utf8.RuneCountInString(s.str(k-1)) == 1) {
			continue
		}
		break
	}
	if last < first {
		return "", -1
	}
	return s.text[s.toks[first].start:s.toks[last].end], last
}

// phraseBefore returns the speaker phrase ending just before token verb:
// up to five words back, stopping at punctuation, a quotation or a
// speakerStops word. It returns the phrase and its first token.
func (s *scanner) phraseBefore(verb int, inQuote []bool) (string, int) {
	first := verb
	for k := verb - 1; k >= 0 && k >= verb-6 && !inQuote[k]; k-- {
		if s.kind(k) == tPunct {
			if s.isPunct(k, ".") && s.joined(k) && roleWords[s.word(k-1)] {
				continue
			}
			if (s.str(k) == "’" || s.str(k) == "'") && s.joined(k) {
				continue // "the ministry’s spokesman"
			}
			break
		}
		if s.kind(k) != tWord || speakerStops[s.word(k)] {
			break
		}
		first = k
	}
	if first == verb {
		return "", -1
	}
	return s.text[s.toks[first].start:s.toks[verb-1].end], first
}

// accordingTo returns X in "according to X" in the sentence before token
// i, or "".
func (s *scanner) accordingTo(i int) string {
	for k := i - 1; k >= 1 && k > i-40; k-- {
		if s.isPunct(k, ".") && !s.joined(k) {
			return ""
		}
		if s.isWord(k, "to") && s.isWord(k-1, "according") {
			p, _ := s.phraseAfter(k+1, make([]bool, len(s.toks)))
			return p
		}
	}
	return ""
}

// reportedAt reads reported speech whose verb of saying is token i, or
// "according to X" starting there.
func (s *scanner) reportedAt(i int, inQuote []bool) (Fact, bool) {
	var speaker string
	var first, last int
	switch {
	case s.isWord(i, "according") && s.isWord(i+1, "to"):
		speaker, last = s.phraseAfter(i+2, inQuote)
		first = i
	case speechVerbs[s.word(i)] && !s.isCapitalised(i):
		speaker, first = s.phraseBefore(i, inQuote)
		last = i
	default:
		return Fact{}, false
	}
	if speaker == "" || !speakerLike(speaker) || last < first || first < 0 {
		return Fact{}, false
	}
	f := Fact{Kind: Reported, Speaker: speaker}
	f.Text, f.Start, f.End = s.span(first, last)
	return f, true
}

// speakerLike reports whether a phrase can name a speaker: a capitalised
// name, a pronoun, or a definite noun phrase ("the ministry").
func speakerLike(p string) bool {
	first := strings.ToLower(strings.Fields(p)[0])
	switch first {
	case "he", "she", "it", "they", "we", "i", "the", "a", "an", "officials", "police", "authorities":
		return true
	}
	r, _ := utf8.DecodeRuneInString(p)
	return r >= 'A' && r <= 'Z'
}
