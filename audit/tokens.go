package audit

import (
	"sort"

	"github.com/storytrace/storytrace/analyze"
)

// Tokens holds the tokens of a profile's sentences, each read once and
// only when asked for: tokenising (stemming) is the costly part of an
// audit, and a trace audits one query against several sources, in Diff
// and again in Audit. Share one Tokens per profile between the calls on
// it; it is not safe for concurrent use. Sentences are separated by
// white space only (analyze.SplitSentences trims nothing else), and no
// token crosses white space, so the tokens of a run of whole sentences
// are those of its sentences one after the other.
type Tokens struct {
	p     *analyze.Profile
	stems *analyze.Stems
	sent  [][]analyze.Token
	read  []bool
	// words holds each sentence's terms that are not figures
	// (wordTerms), read when first asked for.
	words []map[string]bool
	// pairs are the text's distinct bigrams (Phrasing), read when first
	// asked for.
	pairs Bigrams
}

// NewTokens returns an empty token cache for profile p. Caches of the
// texts one caller compares may share stems, the memo of the words'
// terms; nil remembers none.
func NewTokens(p *analyze.Profile, stems *analyze.Stems) *Tokens {
	return &Tokens{p: p, stems: stems, sent: make([][]analyze.Token, len(p.Sentences)), read: make([]bool, len(p.Sentences))}
}

// Profile returns the profile whose tokens t holds.
func (t *Tokens) Profile() *analyze.Profile { return t.p }

// of returns t when it holds profile p's tokens, a new cache for p
// otherwise: a caller's cache is used only for the profile it was made for.
func (t *Tokens) of(p *analyze.Profile, stems *analyze.Stems) *Tokens {
	if t.holds(p) {
		return t
	}
	return NewTokens(p, stems)
}

// holds reports whether t is the token cache of p.
func (t *Tokens) holds(p *analyze.Profile) bool { return t != nil && t.p == p }

// sentence returns the tokens of sentence j.
func (c *Tokens) sentence(j int) []analyze.Token {
	if !c.read[j] {
		c.sent[j], c.read[j] = c.stems.Tokenize(c.p.Text, c.p.Sentences[j].Span), true
	}
	return c.sent[j]
}

// wordSet returns the terms of sentence j that are not figures: what
// looseMatches compares every query sentence with, so read once.
func (c *Tokens) wordSet(j int) map[string]bool {
	if c.words == nil {
		c.words = make([]map[string]bool, len(c.p.Sentences))
	}
	if c.words[j] == nil {
		c.words[j] = wordTerms(c.p.Sentences[j].Terms)
	}
	return c.words[j]
}

// tokens returns the tokens of text[span]: from the sentences when span
// runs from the start of one to the end of another, read afresh otherwise.
func (c *Tokens) tokens(span analyze.Span) []analyze.Token {
	sents := c.p.Sentences
	first := sort.Search(len(sents), func(j int) bool { return sents[j].Start >= span.Start })
	if first == len(sents) || sents[first].Start != span.Start {
		return c.stems.Tokenize(c.p.Text, span)
	}
	for j := first; j < len(sents) && sents[j].Start < span.End; j++ {
		if sents[j].End != span.End {
			continue
		}
		if first == j {
			return c.sentence(j)
		}
		n := 0
		for k := first; k <= j; k++ {
			n += len(c.sentence(k))
		}
		out := make([]analyze.Token, 0, n)
		for k := first; k <= j; k++ {
			out = append(out, c.sentence(k)...)
		}
		return out
	}
	return c.stems.Tokenize(c.p.Text, span)
}

// all returns the tokens of the whole text.
func (c *Tokens) all() []analyze.Token {
	if len(c.p.Sentences) == 0 {
		return c.stems.Tokenize(c.p.Text, analyze.Span{Start: 0, End: len(c.p.Text)})
	}
	n := len(c.p.Sentences)
	return c.tokens(analyze.Span{Start: c.p.Sentences[0].Start, End: c.p.Sentences[n-1].End})
}

// within returns the tokens lying wholly inside text[lo:hi], read from the
// sentences that overlap it (text between sentences is white space only).
func (c *Tokens) within(lo, hi int) []analyze.Token {
	sents := c.p.Sentences
	first := sort.Search(len(sents), func(j int) bool { return sents[j].End > lo })
	var out []analyze.Token
	for j := first; j < len(sents) && sents[j].Start < hi; j++ {
		for _, t := range c.sentence(j) {
			if t.Start >= lo && t.End <= hi {
				out = append(out, t)
			}
		}
	}
	return out
}
