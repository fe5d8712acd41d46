package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Page furniture at the end of a plain-text scrape.
//
// A scraper that keeps "all the text of the page" picks up, after the
// article, the sidebars under it: "Opinion", "Editorial", other stories'
// headlines, their dates ("Updated 21 Nov, 2024") and teaser snippets
// ("The largest..."). Such a tail has a shape an article ending does not:
//
//   - a furniture paragraph is one or two headline-like lines (short, no
//     sentence-final punctuation), or any paragraph holding a date line
//     (a line that is only a date, maybe "Updated"/"Published" and a time)
//     or a teaser line (ending in an ellipsis). A teaser's snippet can be a
//     whole sentence, and scrapes glue it to the next item's headline and
//     date without a blank line, so one date line marks the paragraph;
//   - furnitureStart walks back from the end over furniture paragraphs, and
//     cuts where that run starts, if the run has at least 3 paragraphs, at
//     least one of them with a date or teaser line (a few headline-like
//     lines alone may be the article's own closing: a credit, a list), and
//     the run is no longer, in characters, than what is kept before it.
//
// The last condition is the guard for texts that are mostly short lines
// (live blogs, lists): the cut never removes more than half the text.
//
// Two more kinds of line mark a paragraph as furniture, in a sidebar run
// and alone: a share bar (a line of nothing but sharing words and network
// names: "Share Tweet Email", "Whatsapp Facebook Pint Baixar") and a call
// to action ("Sign up now for the Us Weekly newsletter…", "Follow Gina on
// Twitter.", "Source: E! Online"; see isCallToAction in htmlfurniture.go,
// the rule HTML bodies share). A teaser may end in "read more" instead of
// an ellipsis. After the sidebar run is cut, the calls to action left at
// the very end are dropped one by one, as for HTML (dropTrailingCalls): a
// scrape often ends with one such line alone, too short a run for the
// sidebar rule. Nothing else is cut: an article's own last paragraphs are
// sentences that tell the story. On the 582 GossipCop scrapes of LLMFake
// (../shared/data/llmfake) these rules drop the tail of 22, every dropped
// line furniture on inspection ("Sign up now for the Us Weekly
// newsletter…", "Source: E! Online", "Click inside to watch the rest…" and
// two headlines); scrape_test.go checks five of them.

// Limits for a line to look like a sidebar headline or label.
const (
	maxFurnitureRunes = 80
	maxFurnitureWords = 12
	maxTeaserRunes    = 400
	minFurnitureRun   = 3
)

// furnitureStart returns the index of the first paragraph of trailing page
// furniture, or len(paras) when there is none.
func furnitureStart(paras []paragraph) int {
	start, marked := len(paras), false
	for start > 0 {
		kind := furnitureKind(paras[start-1])
		if kind == notFurniture {
			break
		}
		marked = marked || kind == markedFurniture
		start--
	}
	run := len(paras) - start
	if run < minFurnitureRun || !marked || start == 0 {
		return len(paras)
	}
	if textLen(paras[start:]) > textLen(paras[:start]) {
		return len(paras)
	}
	return start
}

type furniture int

const (
	notFurniture    furniture = iota
	plainFurniture            // headline-like lines only
	markedFurniture           // holds a date line or a teaser line
)

func furnitureKind(p paragraph) furniture {
	for _, l := range p {
		if isDateLine(l) || isTeaser(l) || isShareBar(l) {
			return markedFurniture
		}
	}
	if len(p) == 1 && len(strings.Fields(p[0])) <= maxCallWords && isCallToAction(p[0]) {
		return markedFurniture
	}
	if len(p) > 2 {
		return notFurniture
	}
	for _, l := range p {
		if !isHeadlineLike(l, maxFurnitureRunes, maxFurnitureWords) {
			return notFurniture
		}
	}
	return plainFurniture
}

// isTeaser reports whether a line is a cut-off snippet: "... The largest...",
// "... the 18th Congressional… read more".
func isTeaser(l string) bool {
	if utf8.RuneCountInString(l) > maxTeaserRunes {
		return false
	}
	l = strings.TrimSuffix(strings.TrimRight(strings.ToLower(l), " »›>"), "read more")
	l = strings.TrimRight(l, " ")
	return strings.HasSuffix(l, "...") || strings.HasSuffix(l, "…")
}

// shareWords are the words of a share bar: verbs of sharing and the names
// of networks as buttons print them.
var shareWords = setOf(
	"share", "shares", "tweet", "email", "e-mail", "mail", "print", "copy", "link", "save",
	"facebook", "twitter", "x", "whatsapp", "pinterest", "pint", "pin", "linkedin", "reddit",
	"telegram", "messenger", "flipboard", "tumblr", "sms", "comments", "comment", "baixar",
	"teilen", "partager", "condividi", "compartir",
)

// isShareBar reports whether a line is a row of share buttons: two words
// or more, every one of them a sharing word.
func isShareBar(l string) bool {
	words := strings.FieldsFunc(strings.ToLower(l), func(r rune) bool {
		return r == ' ' || r == '|' || r == '/' || r == ',' || r == '·' || r == '•'
	})
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
	}
	return true
}

// dateLine matches a line that is nothing but a date, as sidebars and
// bylines print them: "21 Nov, 2024", "Updated 20 Nov, 2024",
// "Thursday 21 November 2024 10:15 GMT", "Nov 21, 2024", "2024-11-21",
// "21/11/2024", "3 hours ago".
var dateLine = func() *regexp.Regexp {
	month := `(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`
	day := `\d{1,2}(?:st|nd|rd|th)?`
	label := `(?:(?:last\s+|first\s+)?(?:updated|modified|published|posted)(?:\s+on|\s+at)?:?\s+)?`
	weekday := `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`
	date := `(?:` + day + `\s+` + month + `,?\s+\d{4}` +
		`|` + month + `\s+` + day + `,?\s+\d{4}` +
		`|\d{4}-\d{2}-\d{2}` +
		`|\d{1,2}[./]\d{1,2}[./]\d{2,4})`
	clock := `(?:[\s,|@-]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?`
	ago := `\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago`
	return regexp.MustCompile(`(?i)^(?:` + label + weekday + date + clock + `|` + label + ago + `)$`)
}()

func isDateLine(l string) bool { return len(l) <= 80 && dateLine.MatchString(l) }

// textLen is the length in bytes of the paragraphs' text.
func textLen(paras []paragraph) int {
	n := 0
	for _, p := range paras {
		for _, l := range p {
			n += len(l) + 1
		}
	}
	return n
}
