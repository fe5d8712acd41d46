package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extraction works on tokens rather than on regular expressions over the
// raw text. Regular expressions would suffice for "$3bn" or "Oct 31", but the
// rules that matter are about neighbours — is the number glued to a letter
// ("G8", "MP3")? is the next word "million" or "people"? does a line break
// separate the month from the year? — and those read more plainly as token
// tests. Each token keeps its byte offsets, so a fact's Start and End are the
// offsets of its first and last token and always slice the input exactly.

// tokKind is the class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota + 1 // letters and combining marks
	tNum                      // digits, with "," or "." between digits
	tPunct                    // any other single rune, invalid UTF-8 included
)

// gap describes the white space before a token.
type gap uint8

const (
	gapNone    gap = iota // the token touches the one before it
	gapSpace              // separated by spaces on the same line
	gapNewline            // separated by at least one line break
)

// token is one token: its class, its byte span in the text, and the white
// space before it.
type token struct {
	kind       tokKind
	gap        gap
	start, end int
	lower      string // a word in lower case, computed once; "" for other tokens
}

// scanner holds a text and its tokens for one Extract call. Its accessors
// take any index and answer "no" when it is out of range, which keeps the
// matchers free of bounds checks.
type scanner struct {
	text string
	toks []token
	// midSentence counts the tokens, by their text, that open no
	// sentence; nil until capitalisedElsewhere first asks.
	midSentence map[string]int
}

// newScanner tokenises text.
func newScanner(text string) *scanner {
	s := &scanner{text: text, toks: make([]token, 0, len(text)/4+8)} // news runs about 4.5 bytes a token
	g := gapNone
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			g = gapNewline
			i += size
		case unicode.IsSpace(r):
			if g == gapNone {
				g = gapSpace
			}
			i += size
		case digitValue(r) >= 0:
			end := scanNumber(text, i)
			s.toks = append(s.toks, token{kind: tNum, gap: g, start: i, end: end})
			i, g = end, gapNone
		case isWordRune(r):
			end := scanWord(text, i)
			lower := strings.ToLower(text[i:end]) // allocates only for words with capitals
			s.toks = append(s.toks, token{kind: tWord, gap: g, start: i, end: end, lower: lower})
			i, g = end, gapNone
		default:
			s.toks = append(s.toks, token{kind: tPunct, gap: g, start: i, end: i + size})
			i, g = i+size, gapNone
		}
	}
	return s
}

// isWordRune reports whether r belongs in a word. Marks are included so
// that scripts with combining vowel signs (Urdu, Hindi) keep words whole.
func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsMark(r))
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			break
		}
		i += size
	}
	return i
}

// scanNumber returns the end of the number starting at i: digits, with a
// separator allowed only between two digits, so that the full stop in
// "in 2019." is left out.
func scanNumber(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if digitValue(r) >= 0 {
			i += size
			continue
		}
		if isNumberSeparator(r) && i+size < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+size:])
			if digitValue(next) >= 0 {
				i += size
				continue
			}
		}
		break
	}
	return i
}

// digitZeros lists the zero of each script whose digits are read as numbers:
// ASCII, Arabic-Indic (٠), Extended Arabic-Indic as used for Urdu and
// Persian (۰), NKo, Devanagari, Bengali and fullwidth. Other scripts' digits
// are left as punctuation rather than guessed at.
var digitZeros = []rune{'0', '\u0660', '\u06F0', '\u07C0', '\u0966', '\u09E6', '\uFF10'}

// digitValue returns the value of a digit in one of the digitZeros scripts,
// or -1.
func digitValue(r rune) int {
	for _, z := range digitZeros {
		if r >= z && r <= z+9 {
			return int(r - z)
		}
	}
	return -1
}

// isNumberSeparator reports whether r may separate digit groups or mark a
// decimal point: ASCII comma and full stop, and the Arabic thousands and
// decimal separators.
func isNumberSeparator(r rune) bool {
	return r == ',' || r == '.' || r == '\u066C' || r == '\u066B'
}

// str returns the text of token i, or "".
func (s *scanner) str(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.text[s.toks[i].start:s.toks[i].end]
}

// kind returns the class of token i, or 0 when i is out of range.
func (s *scanner) kind(i int) tokKind {
	if i < 0 || i >= len(s.toks) {
		return 0
	}
	return s.toks[i].kind
}

// word returns token i lower-cased when it is a word, or "".
func (s *scanner) word(i int) string {
	if i < 0 || i >= len(s.toks) {
		return ""
	}
	return s.toks[i].lower
}

// isWord reports whether token i is a word equal to w, which must be in
// lower case, ignoring the token's case.
func (s *scanner) isWord(i int, w string) bool {
	return s.word(i) == w
}

// isPunct reports whether token i is the punctuation p.
func (s *scanner) isPunct(i int, p string) bool {
	return s.kind(i) == tPunct && s.str(i) == p
}

// joined reports whether token i exists and touches token i-1.
func (s *scanner) joined(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].gap == gapNone
}

// spaced reports whether token i exists and follows token i-1 after spaces
// on the same line. Facts never span a line break: in scraped pages a line
// break usually separates unrelated pieces (a headline and its date line).
func (s *scanner) spaced(i int) bool {
	return i > 0 && i < len(s.toks) && s.toks[i].gap == gapSpace
}

// near reports whether token i follows token i-1 on the same line, touching
// or not.
func (s *scanner) near(i int) bool {
	return s.joined(i) || s.spaced(i)
}

// gluedToWord reports whether token i touches a word on either side, as the
// digits in "G8", "MP3" or "1990s" do.
func (s *scanner) gluedToWord(i int) bool {
	return (s.joined(i) && s.kind(i-1) == tWord) || (s.joined(i+1) && s.kind(i+1) == tWord)
}

// span returns the text and offsets covering tokens first to last.
func (s *scanner) span(first, last int) (text string, start, end int) {
	start, end = s.toks[first].start, s.toks[last].end
	return s.text[start:end], start, end
}
