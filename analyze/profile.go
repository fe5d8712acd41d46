// Package analyze turns an article into a profile: its sentences, tokens and
// terms, the facts it states, and a MinHash sketch. Every later stage works
// on profiles, so the analysis runs once per article.
//
// The steps are small functions composed in Analyze, in the order a reader
// would name them: normalise and split sentences, tokenise, stem, find facts,
// sketch. Each can be used and tested alone.
package analyze

import (
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/facts"
)

// Version changes whenever the analysis changes in a way that makes stored
// profiles incomparable with new ones (tokenisation, stemming, stop words,
// sketch seeds); an archive built with another version is refused (package
// index). 2: Urdu closed-class words are stop words. 3: BBC's video-player
// caption ends a sentence. 4: an age is a quantity's unit ("45-year-old",
// "aged 45", "Rossi, 37,"). 5: a measure hyphenated to its number ("a
// 40-mile transfer") and an age after a word for a person ("the player,
// 28,"). 6: sentences glued with no space after their full stop
// ("administration.According") are split.
const Version = 6

// Profile is the analysed article.
type Profile struct {
	Version int `json:"version"`
	// Text is the article's body as extract.Article.Text returns it; every
	// span in the profile is a byte range of it.
	Text      string       `json:"text,omitempty"`
	Sentences []Sentence   `json:"sentences"`
	Length    int          `json:"length"` // number of terms (stop words excluded)
	Sketch    []uint64     `json:"sketch"`
	Facts     []facts.Fact `json:"facts"`
}

// Sentence is one sentence: its span and its terms in order.
type Sentence struct {
	Span
	Terms []string `json:"terms"`
}

// Analyze builds the profile of an article.
func Analyze(a extract.Article) *Profile {
	return AnalyzeText(a.Text())
}

// AnalyzeText builds the profile of a body text.
func AnalyzeText(text string) *Profile {
	return (*Stems)(nil).AnalyzeText(text)
}

// Analyze is Analyze with the terms of words taken from the memo: an
// ingest worker keeps one for every article it analyses.
func (m *Stems) Analyze(a extract.Article) *Profile {
	return m.AnalyzeText(a.Text())
}

// AnalyzeText is AnalyzeText with the terms of words taken from the memo.
func (m *Stems) AnalyzeText(text string) *Profile {
	p := &Profile{Version: Version, Text: text}
	var all []Token
	for _, span := range SplitSentences(text) {
		toks := m.Tokenize(text, span)
		all = append(all, toks...)
		s := Sentence{Span: span}
		for _, t := range toks {
			if t.Term != "" {
				s.Terms = append(s.Terms, t.Term)
			}
		}
		p.Length += len(s.Terms)
		p.Sentences = append(p.Sentences, s)
	}
	p.Sketch = Sketch(all)
	p.Facts = facts.Extract(text)
	return p
}

// Terms returns the term frequencies of the whole profile.
func (p *Profile) Terms() map[string]int {
	tf := make(map[string]int, p.Length)
	for _, s := range p.Sentences {
		for _, t := range s.Terms {
			tf[t]++
		}
	}
	return tf
}

// SentenceText returns the text of sentence i.
func (p *Profile) SentenceText(i int) string {
	s := p.Sentences[i]
	return p.Text[s.Start:s.End]
}
