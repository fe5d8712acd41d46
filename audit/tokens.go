package audit

import (
	"github.com/storytrace/storytrace/analyze"
)

// tokenCache holds the tokens of a profile's sentences, each read once
// per audit and only when asked for. Sentences are separated by white
// space only (analyze.SplitSentences trims nothing else), and no token
// crosses white space, so the tokens of a run of whole sentences are
// those of its sentences one after the other.
type tokenCache struct {
	p    *analyze.Profile
	sent [][]analyze.Token
	read []bool
}

func newTokenCache(p *analyze.Profile) *tokenCache {
	return &tokenCache{p: p, sent: make([][]analyze.Token, len(p.Sentences)), read: make([]bool, len(p.Sentences))}
}

// sentence returns the tokens of sentence j.
func (c *tokenCache) sentence(j int) []analyze.Token {
	if !c.read[j] {
		c.sent[j], c.read[j] = analyze.Tokenize(c.p.Text, c.p.Sentences[j].Span), true
	}
	return c.sent[j]
}

// tokens returns the tokens of text[span]: from the sentences when span
// runs from the start of one to the end of another, read afresh otherwise.
func (c *tokenCache) tokens(span analyze.Span) []analyze.Token {
	first := -1
	for j, s := range c.p.Sentences {
		if s.Start == span.Start {
			first = j
		}
		if first >= 0 && s.End == span.End {
			if first == j {
				return c.sentence(j)
			}
			var out []analyze.Token
			for k := first; k <= j; k++ {
				out = append(out, c.sentence(k)...)
			}
			return out
		}
		if s.Start >= span.End {
			break
		}
	}
	return analyze.Tokenize(c.p.Text, span)
}

// all returns the tokens of the whole text.
func (c *tokenCache) all() []analyze.Token {
	if len(c.p.Sentences) == 0 {
		return analyze.Tokenize(c.p.Text, analyze.Span{Start: 0, End: len(c.p.Text)})
	}
	n := len(c.p.Sentences)
	return c.tokens(analyze.Span{Start: c.p.Sentences[0].Start, End: c.p.Sentences[n-1].End})
}
