package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in an article's text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// abbreviations end with a full stop that does not end a sentence. Lower-case,
// without the final period. Single letters (initials, "U.S.") are handled
// separately.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true, "sens": true,
	"rep": true, "gov": true, "gen": true, "col": true, "lt": true, "sgt": true,
	"capt": true, "st": true, "jr": true, "sr": true, "rev": true, "hon": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "vs": true, "etc": true, "inc": true, "ltd": true, "co": true,
	"corp": true, "approx": true, "est": true, "fig": true, "vol": true,
}

// SplitSentences returns the sentence spans of text. Paragraph breaks (a blank
// line) always end a sentence; inside a paragraph a sentence ends at . ! ? or
// the Urdu/Arabic full stop (۔) and question mark (؟), after any closing
// quotes or brackets, when followed by a space and then something that can
// start a sentence (the Urdu marks need no space). Known abbreviations and
// initials do not end one.
//
// A rule-based splitter is used rather than a trained one (prose, Punkt):
// news prose is regular enough, it works for any script, and offsets stay
// exact, which alignment needs.
func SplitSentences(text string) []Span {
	var spans []Span
	lower := lowerCaseProse(text)
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			spans = append(spans, Span{s, e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && paragraphBreak(text, i) {
			emit(i)
			i += size
			continue
		}
		if isTerminal(r) {
			end := i + size
			for end < len(text) {
				c, n := utf8.DecodeRuneInString(text[end:])
				if !isCloser(c) && !isTerminal(c) {
					break
				}
				end += n
			}
			if endsSentence(text, i, end, r, lower) {
				emit(end)
			}
			i = end
			continue
		}
		i += size
	}
	emit(len(text))
	return splitCaptions(text, spans)
}

// playerCaptions are the lines BBC pages show in place of a video player
// ("Media playback is not supported on this device"). Scrapes keep them
// with no full stop, glued to the sentence after ("… on this device The
// Vikings have scored 230 points …", as in l2r's BBC sources), where their
// "not" would read as the next sentence's. Each ends a sentence.
var playerCaptions = []string{
	"Media playback is not supported on this device",
	"Media playback is unsupported on your device",
}

// splitCaptions splits every span that holds a player caption followed by
// more text after the caption.
func splitCaptions(text string, spans []Span) []Span {
	if !strings.Contains(text, "Media playback is") {
		return spans // nearly every text: no sentence to look through
	}
	out := spans[:0:0]
	for _, sp := range spans {
		for {
			at, end := -1, 0
			for _, c := range playerCaptions {
				if i := strings.Index(text[sp.Start:sp.End], c); i >= 0 && (at < 0 || i < at) {
					at, end = i, i+len(c)
				}
			}
			if at < 0 || !strings.ContainsFunc(text[sp.Start+end:sp.End], func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
				break
			}
			if s, e := trimSpan(text, sp.Start, sp.Start+end); e > s {
				out = append(out, Span{s, e})
			}
			s, e := trimSpan(text, sp.Start+end, sp.End)
			if e <= s {
				sp = Span{}
				break
			}
			sp = Span{s, e}
		}
		if sp.End > sp.Start {
			out = append(out, sp)
		}
	}
	return out
}

// paragraphBreak reports whether the newline at i is followed, after optional
// horizontal space, by another newline.
func paragraphBreak(text string, i int) bool {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
			continue
		default:
			return false
		}
	}
	return true
}

func isTerminal(r rune) bool {
	return r == '.' || r == '!' || r == '?' || r == '۔' || r == '؟' || r == '…'
}

func isCloser(r rune) bool {
	return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»'
}

// endsSentence decides whether the terminal punctuation at text[at] (its run
// ending at end) closes a sentence. In lower-case prose (lowerCaseProse) a
// lower-case letter may start one.
func endsSentence(text string, at, end int, r rune, lower bool) bool {
	if end >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[end:])
	if !unicode.IsSpace(next) {
		// The Urdu full stop and question mark end a sentence even when
		// the next begins at once: Urdu papers often set no space after
		// them ("ضروری ہے۔مادھوری"), and neither is used inside a number
		// or an abbreviation. Without this a COUNTER story was one
		// sentence, so one loosely matching pair "covered" all of it.
		return r == '۔' || r == '؟' || glued(text, at, next)
	}
	// The first visible character after the space must be able to start a
	// sentence: not a lower-case letter (scripts without case always can).
	rest := strings.TrimLeft(text[end:], " \t\r\n")
	if rest == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsLower(first) && !lower {
		return false
	}
	if r != '.' {
		return true
	}
	return !abbreviated(text, at)
}

// glued reports whether the full stop, question or exclamation mark at
// text[at], followed at once by next, ends a sentence glued to the next
// one: scraped pages drop the space between paragraphs ("… to infiltrate
// current administration.According to reports, …", LLMFake's PolitiFact
// sources), and a source of a few such "sentences" of hundreds of words
// aligns to nothing, since no sentence of a rewrite is like a whole
// paragraph (a Dice similarity of a 25-term sentence with a 250-term one
// is at most 0.18). The mark must follow a lower-case word of two letters
// or more that is no abbreviation, and come right before a capital letter:
// "U.S.Army", "e.g.The", "3.5" and "Ph.D" stay whole.
func glued(text string, at int, next rune) bool {
	if !unicode.IsUpper(next) {
		return false
	}
	word := wordBefore(text, at)
	if utf8.RuneCountInString(word) < 2 || abbreviations[strings.ToLower(word)] {
		return false
	}
	for _, r := range word {
		if !unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// abbreviated reports whether the full stop at text[at] ends an
// abbreviation or an initial rather than a sentence.
func abbreviated(text string, at int) bool {
	word := wordBefore(text, at)
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true // an initial: "J. R. Smith", "U.S. officials"
	}
	return abbreviations[strings.ToLower(word)]
}

// lowerCaseProse reports whether text is prose written, or scraped, in
// lower case: at least minLowerStarts of its full stops, question and
// exclamation marks that end no abbreviation are followed by a space and a
// lower-case letter, and at least twice as many as by a capital. Such text
// ("… for novel coronavirus prevention. cnn as fears grow about the spread
// of novel coronavirus there 's increasing demand for facial masks. but
// there 's something that …", a CoAID article in LLMFake) would otherwise be
// one sentence, and a sentence of its that a rewrite keeps word for word
// would align to the whole text as a loose paraphrase. In cased prose a
// lower-case letter after a full stop follows an abbreviation the list
// lacks ("Cal.) and"), rarely.
func lowerCaseProse(text string) bool {
	lower, upper := 0, 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' || i+2 >= len(text) || text[i+1] != ' ' {
			continue
		}
		if c == '.' && abbreviated(text, i) {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i+2:])
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r):
			upper++
		}
	}
	return lower >= minLowerStarts && lower >= 2*upper
}

// minLowerStarts is the fewest lower-case sentence starts that make a text
// lower-case prose (lowerCaseProse).
const minLowerStarts = 3

// wordBefore returns the run of letters ending just before byte i.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) {
			break
		}
		j -= size
	}
	return text[j:i]
}

func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, size := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += size
	}
	for e > s {
		r, size := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
	}
	return s, e
}
