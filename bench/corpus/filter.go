package corpus

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// extraUnusable is the Extra key where a loader records why a query is not a
// usable target.
const extraUnusable = "unusable"

// Usable reports whether the query is a fit target for retrieval and
// attribution, and if not, why. Loaders decide it when they can see the
// source text; today only llmfake rejects queries (see llmfakeUsable). A
// benchmark should drop unusable queries from its targets and report how
// many it dropped.
func (q Query) Usable() (bool, string) {
	if why := q.Extra[extraUnusable]; why != "" {
		return false, why
	}
	return true, ""
}

// extraExpanded is the Extra key where the llmfake loader marks a paraphrase
// or rewrite that expands a one-line claim into an article (expandsClaim).
const extraExpanded = "expanded"

// ExpandedClaim reports whether the query is an llmfake paraphrase or
// rewrite of a one-line claim that the model expanded into an article of
// its own (expandsClaim). It is a usable target, but not a restatement: the
// benchmark reports such outputs in their own row, beside open-ended
// generations, not among the paraphrases and rewrites the targets
// are set on.
func (q Query) ExpandedClaim() bool { return q.Extra[extraExpanded] != "" }

// Expansions of a one-line claim: a source of at most maxClaimWords words and
// an output, outside sentences about the task, at least expansionFactor
// times as long. ChatGPT's paraphrases and rewrites of one-line claims are a
// median 1.6 times as long as the claim (90th percentile 2.9); Llama-2's a
// median 8.7 times and Vicuna's 3.1 (90th percentiles 24.7 and 15.9): "Election
// years in the United States coincide with major disease outbreaks." comes
// back as a 150-word essay on the 1918 flu, H1N1 and enterovirus D68.
// maxClaimWords is the length of a one-line claim the trace gives its own
// candidates (index.ShortTerms, counted in terms there).
const (
	maxClaimWords   = 30
	expansionFactor = 4
)

// expandsClaim reports whether a paraphrase or rewrite is an expansion of a
// one-line claim.
func expandsClaim(label, source, output string) bool {
	if label != LabelParaphrase && label != LabelRewrite {
		return false
	}
	sw := len(strings.Fields(source))
	return sw > 0 && sw <= maxClaimWords && len(strings.Fields(dropTaskSentences(output))) >= expansionFactor*sw
}

// Reasons Usable gives for llmfake outputs that are not what their file
// says they are.
const (
	UnusableNonLatin     = "non-latin: mostly non-Latin script for a Latin-script source (a translation)"
	UnusablePromptEcho   = "prompt-echo: under 5 words outside sentences about the task"
	UnusableNoReuse      = "no-reuse: restates under 20% of the source's opening content words"
	UnusableContinuation = "continuation: starts mid-sentence and restates under 40% of the source's opening"
	UnusableCutOff       = "cut-continuation: its source stops mid-sentence and it does not open with the source's opening"
	UnusableNotArticle   = "not-an-article: the source is a line of page furniture or glued word soup"
	UnusableNotEnglish   = "not-english: under 4% English function words for an English source (a translation)"
	UnusableRefusal      = "refusal: opens by declining the task"
)

// notAnArticle reports whether an llmfake source is not news text at all but
// what the scraper got instead: a short page-furniture line ("You must log
// in to continue.", "See more of … on Facebook", "This Account has been
// suspended.") or words glued into soup ("Neverheryeswhocanonewillyou…").
// A rewrite of such a line is no rewrite of a story. Only sources under
// furnitureWords words are judged, so an article that mentions e-mail or
// Facebook is never caught.
func notAnArticle(source string) bool {
	words := strings.Fields(source)
	if len(words) == 0 || len(words) >= furnitureWords {
		return false
	}
	letters := 0
	for _, r := range source {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if float64(letters)/float64(len(words)) > soupWordLength {
		return true
	}
	lower := strings.ToLower(source)
	for _, f := range furniturePhrases {
		if strings.Contains(lower, f) {
			return true
		}
	}
	return false
}

// furnitureWords is the length under which a source is checked for
// furniture; soupWordLength the mean letters per word above which a text is
// glued words (English prose averages under six).
const (
	furnitureWords = 40
	soupWordLength = 8
)

// furniturePhrases mark the lines sites show around or instead of an
// article: sign-in walls, search boxes, share and follow prompts, account
// and error pages, video players.
var furniturePhrases = []string{
	"log in", "login", "sign in", "sign up", "subscribe", "contact us", "search",
	"on facebook", "on twitter", "email", "account", "cookies", "javascript",
	"your browser", "page not found", "access denied", "is this you",
	// YouTube's player chrome, which four politifact sources are in
	// llmfake ("Watch Queue QueueWatch Queue Queue Remove allDisconnect").
	"watch queue", "remove all",
}

// llmfakeUsable decides whether an llmfake output is a usable target. The
// Llama-2 and Vicuna outputs in LLMFake are partly not rewrites (ANCHORS.md,
// issue 5): they echo the prompt ("Please paraphrase the given passage."),
// continue the article instead of restating it (often starting mid-sentence,
// "a little bit of time” were taken by some…"), translate it into Chinese, or
// are a word or two ("?!"). The rule, applied in this order to every
// generator alike so that ChatGPT's figures show what it costs:
//
//  0. not-an-article — the source itself is page furniture or word soup
//     (notAnArticle): no generator can rewrite a story from it;
//  1. non-latin — the source's letters are at least 80% Latin script and the
//     output's are under 50%;
//  2. prompt-echo — after dropping the sentences that talk about the task
//     (paraphrase, rewrite, "the passage", "as a journalist", "as an AI",
//     apologies and refusals), fewer than 5 words are left;
//  3. not-english — the source's words are at least 10% English function
//     words ("the", "of", "is" …; English prose has 35–45%, a one-line
//     claim 10–45%), and under 4% (maxForeignShare) of the words left of
//     the output are, when at least minEnglishWords are left (one short
//     English sentence may have none: "Senator Obama's health care plan
//     covers everyone."): a translation into another Latin-script language
//     ("Un fuerte estruendo que ocurrió en Wuhan, China, está relacionado
//     con la epidemia de COVID-19.");
//  4. refusal — the output's first sentence declines the task ("I
//     apologize, but I cannot fulfill your request.", "As a responsible
//     AI language model, I cannot provide a paraphrase that …"): what
//     follows is the model's own text about the topic, not a rewrite;
//  5. for paraphrase and rewrite only (open-ended and manipulated outputs
//     may legitimately drift from the source's wording):
//     no-reuse — under 20% of the distinct content words among the source's
//     first 40 (words of 3+ letters, not stop words) appear in what is left
//     of the output; a paraphrase keeps the names and key nouns of the lead,
//     a continuation or a refusal does not;
//  6. for paraphrase, rewrite and manipulated outputs: continuation — the
//     output starts with a lower-case letter or with digits followed by a
//     lower-case word (mid-sentence), and restates under 40% of the
//     source's opening. A manipulation that starts mid-sentence goes on
//     from where the text the model was given stops ("to other areas of
//     government spending?TRUMP: Absolutely." after an interview cut at
//     "… apply that kind of a relationship"; "of dangerous individuals,"
//     said Philip Cook …"):
//     what it says comes after its source, not from it (twentieth
//     session; 26 of ChatGPT's 862 manipulated rows).
//  7. for paraphrase and rewrite: cut-continuation — the source stops
//     mid-sentence (upstream cut it at 4,000 characters, or the scrape did:
//     "… that five-year public dating ban had expired. T"), and the output
//     does not open with the source's opening: under a quarter of the
//     distinct content words among its first 20 are among the source's
//     first 60 (opensWithLead). Given a text that stops mid-sentence,
//     Llama-2 and Vicuna go on from where it stops ("MZ reported at the
//     time that Foxx …", "Awards, and Justin watches from home.", "Blunt
//     \"gives a delightful performance\"…"), in capitals, so rule 6 misses
//     them. A restatement opens by restating the lead whether or not the
//     text it was given was cut. Read on both sides of the line
//     (twenty-fourth session), it removes 38 of the 106 Llama-2 and Vicuna
//     paraphrases and rewrites of such sources (of 923 usable ones), all
//     but one or two of them continuations or page furniture, and 9 of
//     ChatGPT's 318 (of 1,077), rewrites that open in other words ("The
//     atmosphere was filled with happiness and tranquility as both of them
//     exchanged their vows" for "They both looked so happy, and so
//     relaxed"), most of them of sources that are themselves scraps.
//
// Thresholds were set by reading outputs on both sides of them; the rule still
// passes continuations that repeat the lead's names, and rejects ChatGPT
// paraphrases of page furniture ("You must log in to continue.") — which are
// no loss as targets.
func llmfakeUsable(label, source, output string) (bool, string) {
	if notAnArticle(source) {
		return false, UnusableNotArticle
	}
	if latinShare(source) >= 0.8 && latinShare(output) < 0.5 {
		return false, UnusableNonLatin
	}
	rest := dropTaskSentences(output)
	if len(strings.Fields(rest)) < 5 {
		return false, UnusablePromptEcho
	}
	if len(strings.Fields(rest)) >= minEnglishWords && englishShare(source) >= 0.1 && englishShare(rest) < maxForeignShare {
		return false, UnusableNotEnglish
	}
	if refuses(output) {
		return false, UnusableRefusal
	}
	if label != LabelParaphrase && label != LabelRewrite && label != LabelManipulated {
		return true, ""
	}
	cover := leadCoverage(source, rest)
	if cover < 0.2 && label != LabelManipulated {
		return false, UnusableNoReuse
	}
	if startsMidSentence(rest) && cover < 0.4 {
		return false, UnusableContinuation
	}
	if label != LabelManipulated && stopsMidSentence(source) && !opensWithLead(source, rest) {
		return false, UnusableCutOff
	}
	return true, ""
}

// stopsMidSentence reports whether text ends without a sentence's end: its
// last character, after white space, is no full stop, question or
// exclamation mark, closing quotation mark or bracket, colon or ellipsis.
func stopsMidSentence(text string) bool {
	text = strings.TrimRightFunc(text, unicode.IsSpace)
	last, _ := utf8.DecodeLastRuneInString(text)
	return text != "" && !strings.ContainsRune(`.!?:…"'”’)]»`, last)
}

// Lengths, in content words, of an output's opening and of the source's
// lead that opensWithLead compares, and the share of the one that must be
// among the other.
const (
	openingWords     = 20
	openingLeadWords = 60
	minOpeningInLead = 0.25
)

// opensWithLead reports whether out opens by restating the source's lead:
// at least minOpeningInLead of the distinct content words among its first
// openingWords are among the source's first openingLeadWords. An output
// with no content words opens with nothing and is let through (rule 2
// judges it).
func opensWithLead(source, out string) bool {
	lead := wordSet(contentWords(source, openingLeadWords))
	opening := wordSet(contentWords(out, openingWords))
	if len(opening) == 0 {
		return true
	}
	n := 0
	for w := range opening {
		if lead[w] {
			n++
		}
	}
	return float64(n) >= minOpeningInLead*float64(len(opening))
}

// latinShare is the share of letters in s that are Latin script; 1 when s
// has no letters.
func latinShare(s string) float64 {
	letters, latin := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Latin, r) {
				latin++
			}
		}
	}
	if letters == 0 {
		return 1
	}
	return float64(latin) / float64(letters)
}

// minEnglishWords is the fewest words on which englishShare is judged;
// maxForeignShare the share of English function words under which a text
// is not English. Translations and markup in llmfake have 0.00–0.01;
// English headlines and lists of names reach 0.05–0.10 ("7 'Tonight Show'
// Moments That Made Us Love Justin Bieber All Over Again").
const (
	minEnglishWords = 12
	maxForeignShare = 0.04
)

// englishWords are English function words, frequent in any English text
// and rare in other languages written in Latin script.
var englishWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the of and to in is that for it was on are with as by be this have
		from at not an or has were which its their been they he she his her we our you will would
		there can but if about after what who when than more also into`) {
		englishWords[w] = true
	}
}

// englishShare is the share of the words of s that are English function
// words; 0 when s has no words.
func englishShare(s string) float64 {
	words, english := 0, 0
	for w := range strings.FieldsFuncSeq(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) }) {
		words++
		if englishWords[w] {
			english++
		}
	}
	if words == 0 {
		return 0
	}
	return float64(english) / float64(words)
}

// refusalPhrases open a refusal; refusalTopics show that it refuses the
// task, not that it quotes someone ("“I can't breathe,” he said").
var (
	refusalPhrases = []string{
		"i cannot", "i can't", "i can’t", "i apologize", "i apologise", "i'm sorry", "i’m sorry",
		"i am sorry", "i am unable", "i'm unable", "i’m unable", "i must decline", "i will not",
	}
	refusalTopics = []string{
		"request", "passage", "paraphras", "rewrit", "language model", "as an ai", "misinformation",
		"assist", "fulfill", "provide", "content",
	}
)

// refuses reports whether the first sentence of output declines the task,
// or opens by speaking as the model ("As an AI language model, I must
// prioritize ethical and responsible use of technology.", ChatGPT's
// Outdated_Information of politifact512): what follows is about the model,
// not the story.
func refuses(output string) bool {
	first := strings.TrimSpace(output)
	if m := sentenceEnd.FindStringIndex(first); m != nil {
		first = first[:m[1]]
	}
	first = strings.ToLower(first)
	in := func(p string) bool { return strings.Contains(first, p) }
	return strings.HasPrefix(first, "as an ai") ||
		slices.ContainsFunc(refusalPhrases, in) && slices.ContainsFunc(refusalTopics, in)
}

// taskStems and taskPhrases find sentences about the prompt rather than the
// story: a stem matches at any word end, a phrase only as whole words. Plain
// string search, not one big case-insensitive regexp: this runs on every
// sentence of 5,000 outputs, and the regexp made loading llmfake four times
// slower.
var (
	taskStems   = []string{"paraphras", "rewrit", "apologi"}
	taskPhrases = []string{
		"the passage", "this passage", "given passage", "original passage", "following passage",
		// "A passage does not provide any meaningful information to write a
		// piece of misinformation." (ChatGPT, politifact674's Total_Fabrication)
		"a passage",
		"as a journalist", "as an ai", "language model", "i cannot", "i can't", "i can’t",
		"i'm sorry", "i’m sorry", "i am sorry", "i am unable", "i'm unable", "i’m unable",
	}
	// sentenceEnd splits text after sentence punctuation or at line breaks.
	sentenceEnd = regexp.MustCompile(`[.!?:]["”’']?\s+|\n+`)
)

// talksAboutTask reports whether a sentence speaks about the task.
func talksAboutTask(sentence string) bool {
	s := strings.ToLower(sentence)
	for _, stem := range taskStems {
		if strings.Contains(s, stem) {
			return true
		}
	}
	for _, p := range taskPhrases {
		for i := 0; ; {
			j := strings.Index(s[i:], p)
			if j < 0 {
				break
			}
			start, end := i+j, i+j+len(p)
			if wordBoundary(s, start, end) {
				return true
			}
			i = start + 1
		}
	}
	return false
}

// wordBoundary reports whether s[start:end] is not inside a longer word.
func wordBoundary(s string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(s[:start])
	after, _ := utf8.DecodeRuneInString(s[end:])
	return (start == 0 || !unicode.IsLetter(before)) && (end == len(s) || !unicode.IsLetter(after))
}

// dropTaskSentences removes the sentences of s that talk about the task.
func dropTaskSentences(s string) string {
	var kept []string
	for _, sent := range splitKeep(s) {
		if !talksAboutTask(sent) {
			kept = append(kept, sent)
		}
	}
	return strings.Join(kept, " ")
}

// splitKeep splits s into sentences, keeping each one's punctuation.
func splitKeep(s string) []string {
	var out []string
	last := 0
	for _, m := range sentenceEnd.FindAllStringIndex(s, -1) {
		out = append(out, s[last:m[1]])
		last = m[1]
	}
	return append(out, s[last:])
}

// stopWords are frequent English words of 3+ letters that say nothing about
// an article's content.
var stopWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`the and for with that this from are was were been have has had
		will would can could not but its his her their our you they she him them said says who what which
		when where there than then also into about after over more most some such only just very all any`) {
		stopWords[w] = true
	}
}

// contentWords returns the first max (all when max <= 0) lower-cased words
// of s with 3+ letters or digits that are not stop words, in order.
func contentWords(s string, max int) []string {
	var out []string
	for w := range strings.FieldsFuncSeq(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		if w = strings.ToLower(w); stopWords[w] {
			continue
		}
		if out = append(out, w); len(out) == max {
			break
		}
	}
	return out
}

// wordSet returns the distinct words of words.
func wordSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[w] = true
	}
	return set
}

// leadCoverage is the share of the distinct content words among the
// source's first 40 that occur in out.
func leadCoverage(source, out string) float64 {
	lead := wordSet(contentWords(source, 40))
	if len(lead) == 0 {
		return 0
	}
	n := 0
	for _, w := range contentWords(out, 0) {
		if lead[w] {
			n++
			delete(lead, w) // count each lead word once
		}
	}
	return float64(n) / float64(n+len(lead))
}

// startsMidSentence reports whether s begins like the middle of a sentence:
// a lower-case letter, or digits followed by a lower-case word ("995 trial").
// A first word ending in a colon is a label ("misinformation: The visa
// process …"), not the middle of a sentence.
func startsMidSentence(s string) bool {
	s = strings.TrimLeft(s, " \t\n\"'“‘(")
	if end := strings.IndexFunc(s, unicode.IsSpace); end > 0 && strings.HasSuffix(s[:end], ":") {
		return false
	}
	for i, r := range s {
		switch {
		case unicode.IsLower(r):
			return true
		case unicode.IsDigit(r):
			continue
		case r == ' ' && i > 0:
			rest := strings.TrimLeft(s[i:], " ")
			first := []rune(rest)
			return len(first) > 0 && unicode.IsLower(first[0])
		default:
			return false
		}
	}
	return false
}
