package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Token is one word or number of a text.
type Token struct {
	Span
	// Norm is the normalised form: folded word, or a number without
	// thousands separators ("541,210" → "541210").
	Norm string
	// Term is what retrieval and alignment compare: the English stem of a
	// Latin-script word, the word itself in other scripts, the number as
	// normalised. Empty for stop words.
	Term   string
	Number bool
}

// Tokenize splits text[span] into tokens. A word is a run of letters, marks
// and digits; a number is a run of digits that may hold "," or "." between
// digits. Apostrophes and hyphens separate words ("ministry's" → ministry, s),
// which keeps possessives from becoming distinct terms.
func Tokenize(text string, span Span) []Token {
	return (*Stems)(nil).Tokenize(text, span)
}

// Stems remembers the term of every word it has been asked for: stemming
// is most of tokenising, and a trace reads the same words in its query
// and in each source it audits. Not safe for concurrent use; a nil *Stems
// remembers nothing.
type Stems struct {
	terms map[string]string
}

// NewStems returns an empty memo.
func NewStems() *Stems { return &Stems{terms: map[string]string{}} }

// maxStems bounds a memo: an ingest worker's meets every word of a large
// archive, and a news vocabulary's frequent words come back long before
// this many distinct ones (a few tens of MB) are read.
const maxStems = 1 << 18

// Term is Term, remembered.
func (m *Stems) Term(norm string) string {
	if m == nil {
		return Term(norm)
	}
	t, ok := m.terms[norm]
	if !ok {
		t = Term(norm)
		if len(m.terms) >= maxStems {
			clear(m.terms)
		}
		m.terms[norm] = t
	}
	return t
}

// Tokenize is Tokenize with the terms of words taken from the memo.
func (m *Stems) Tokenize(text string, span Span) []Token {
	var toks []Token
	i := span.Start
	for i < span.End {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case quoteCapital(r) && mojibakeQuote(text, span.Start, i, span.End):
			i += size
		case isDigit(r):
			end := scanNumber(text, i, span.End)
			toks = append(toks, numberToken(text, i, end))
			i = end
		case unicode.IsLetter(r):
			end := scanWord(text, i, span.End)
			toks = append(toks, m.wordToken(text, i, end))
			i = end
		default:
			i += size
		}
	}
	return toks
}

func isDigit(r rune) bool { return unicode.IsDigit(r) }

func scanNumber(text string, i, limit int) int {
	for i < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isDigit(r) {
			i += size
			continue
		}
		if (r == ',' || r == '.') && i+size < limit {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if isDigit(next) {
				i += size
				continue
			}
		}
		break
	}
	return i
}

func scanWord(text string, i, limit int) int {
	start := i
	for i < limit {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && !isDigit(r) || quoteCapital(r) && mojibakeQuote(text, start, i, limit) {
			break
		}
		i += size
	}
	return i
}

func numberToken(text string, start, end int) Token {
	raw := text[start:end]
	var b strings.Builder
	for _, r := range raw {
		switch {
		case r == ',':
			// thousands separator: dropped so "541,210" == "541210"
		case r >= '0' && r <= '9', r == '.':
			b.WriteRune(r)
		default:
			// other scripts' digits (Urdu ۱۲۳, Arabic-Indic ١٢٣) → ASCII
			if d := unicode.ToLower(r); unicode.IsDigit(d) {
				b.WriteByte(byte('0' + digitValue(r)))
			}
		}
	}
	n := b.String()
	return Token{Span: Span{start, end}, Norm: n, Term: n, Number: true}
}

// digitValue returns the decimal value of a Unicode digit (Nd) rune; digit
// blocks in Unicode are contiguous runs of ten starting at a multiple-of-ten
// offset from their zero, so the rune minus its block's zero is the value.
func digitValue(r rune) int {
	for zero := r; zero >= r-9; zero-- {
		if !unicode.IsDigit(zero - 1) {
			return int(r - zero)
		}
	}
	return int(r % 10)
}

func (m *Stems) wordToken(text string, start, end int) Token {
	norm := Normalize(text[start:end])
	return Token{Span: Span{start, end}, Norm: norm, Term: m.Term(norm)}
}

// Term returns the retrieval term of a normalised word: "" for an English
// or Urdu stop word, the Snowball English stem for an ASCII word, and the
// word itself otherwise, so that other scripts are indexed as written rather
// than mangled by an English stemmer.
func Term(norm string) string {
	if !isASCIILetters(norm) {
		if urduStopWords[norm] {
			return ""
		}
		return norm
	}
	if stopWord(norm) {
		return ""
	}
	return english.Stem(norm, false)
}

// newsStopWords are frequent in news and carry no topic, beyond Snowball's
// English list.
var newsStopWords = map[string]bool{
	"said": true, "says": true, "say": true, "would": true, "could": true,
	"also": true, "mr": true, "mrs": true, "ms": true, "one": true, "may": true,
	"us": true, "yet": true, "within": true, "among": true, "upon": true,
}

func stopWord(w string) bool { return english.IsStopWord(w) || newsStopWords[w] }

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// mojibakeQuote reports whether the rune at text[i] is a curly quote or
// apostrophe that was written in Mac Roman and read as Latin-1: “ ” ‘ ’
// become Ò Ó Ô Õ ("Coronavirus patients are being Òcremated aliveÓ",
// "donÕt": 27 of llmfake's CoAID sources are scraped so). Left as
// letters, they glue to the words they quote, which then match nothing.
// Such a capital is a quote when it follows a lower-case letter (no
// language writes a capital inside a lower-case word), or, for the
// opening Ò, when it starts a word and a lower-case letter follows;
// "Óscar" and Vietnamese "Ông" stay words. from bounds the look back.
// Callers check quoteCapital(r) first, so it runs on those capitals only.
func mojibakeQuote(text string, from, i, limit int) bool {
	r, size := utf8.DecodeRuneInString(text[i:])
	if i > from {
		if prev, _ := utf8.DecodeLastRuneInString(text[from:i]); unicode.IsLower(prev) {
			return true
		}
	}
	if r == 'Ò' && i+size < limit {
		next, _ := utf8.DecodeRuneInString(text[i+size:])
		return unicode.IsLower(next)
	}
	return false
}

// quoteCapital reports whether r is one of the capitals Mac Roman quotes
// become when read as Latin-1.
func quoteCapital(r rune) bool { return r == 'Ò' || r == 'Ó' || r == 'Ô' || r == 'Õ' }
