package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Page furniture inside an extracted HTML body.
//
// trafilatura removes most navigation, but some furniture sits inside the
// article's own container and survives: a lone "Advertisement" or
// "Continue reading below", the page's URL printed as text, the headline
// repeated after a kicker or a URL, and, at the end, a "You may also like"
// label over a list of other headlines, or calls to action ("Follow us on
// Twitter", "Sign up for our newsletter", "Filed under: Politics"). The
// rules are narrow on purpose: a paragraph goes only when its whole text
// is one of these things.

// furniturePhrases are paragraphs that are never article text, compared in
// lower case with trailing punctuation and white space removed.
var furniturePhrases = setOf(
	"advertisement", "advertisements", "ad", "sponsored", "continue reading below",
	"continue reading", "story continues below", "story continues below advertisement",
	"scroll to continue", "scroll to continue with content", "read more", "read more below",
	"share", "share this", "share this article", "share this story", "share on facebook",
	"share on twitter", "tweet", "email", "print", "copy link", "comments", "view comments",
	"leave a comment", "leave a reply", "click here", "sign up", "subscribe", "follow us",
	"back to top", "skip to content", "loading", "image", "photo", "video", "getty images",
	"listen", "listen to this article", "anzeige", "werbung", "weiterlesen", "mehr lesen",
	"teilen", "drucken", "bild anzeigen bild schließen", "publicité", "lire la suite",
	"partager", "pubblicità",
)

// relatedLabels head a list of other stories at the end of a page.
var relatedLabels = setOf(
	"you may also like", "you might also like", "related", "related articles",
	"related stories", "related content", "related coverage", "related topics",
	"recommended", "recommended for you", "read more", "read next", "more stories",
	"more from", "more on this story", "also read", "read also", "see also",
	"trending", "most popular", "most read", "top stories", "latest news",
	"what to read next", "auch interessant", "das könnte sie auch interessieren",
	"das könnte dich auch interessieren", "das thema könnte dich auch interessieren",
	"weitere themen", "mehr zum thema", "weitere artikel", "ähnliche artikel",
	"verwandte artikel", "lesen sie auch", "à lire aussi", "lire aussi", "sur le même sujet",
	"leggi anche", "te puede interesar", "lee también", "neueste artikel", "schon gelesen",
)

func setOf(items ...string) map[string]bool {
	m := make(map[string]bool, len(items))
	for _, s := range items {
		m[s] = true
	}
	return m
}

// phraseKey is how a paragraph is compared with the lists above.
func phraseKey(p string) string {
	return strings.TrimRight(strings.ToLower(p), " \t:.…!>»·|-–—")
}

// bareURL matches a paragraph that is only a web address.
var bareURL = regexp.MustCompile(`^(?:https?://|www\.)\S+$`)

// dropHTMLFurniture removes the paragraphs described above. headlines are
// the article's title, first, and the other wordings of it the page offers
// (<h1>s, <title>, og:title, …).
func dropHTMLFurniture(paras []string, headlines []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if furniturePhrases[phraseKey(p)] || bareURL.MatchString(p) || isStampLine(p) || isCreditLine(p) || isShareBar(p) {
			continue
		}
		out = append(out, p)
	}
	out = dropRepeatedTitle(out, headlines)
	return dropTrailingCalls(dropRelatedLabels(cutRelatedList(out)))
}

// dropRelatedLabels removes a related-stories label left anywhere in the
// body: the links under it went with the link paragraphs (html.go), and
// the label alone is no text. On trafilatura's set this removed 6
// "without" snippets; on the ScrapingHub pages one "Leggi anche" that a
// gold body keeps.
func dropRelatedLabels(paras []string) []string {
	return dropUnlessEmpty(paras, func(p string) bool { return relatedLabels[phraseKey(p)] })
}

// dropUnlessEmpty removes the paragraphs drop says to, unless that would
// leave none: an unsure rule must not empty an article.
func dropUnlessEmpty(paras []string, drop func(string) bool) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if !drop(p) {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return paras
	}
	return out
}

// A stamp line is a paragraph that only dates the page, perhaps with the
// time and the byline: "11/19/2019 by Lars Brandle", "5:45 AM PST
// 11/19/2019 by Patrick Shanley", "UPDATED: Tue., Nov. 19, 2019". The
// article's date is metadata, not text. On the ScrapingHub pages this
// removed 4 such lines and nothing else; on trafilatura's set 1 (a
// "without" snippet).
var (
	bylineTail = regexp.MustCompile(`(?i)[\s,|]+by\s+\p{Lu}[\p{L}.'-]+(?:\s+\p{Lu}[\p{L}.'-]+){0,3}$`)
	clockHead  = regexp.MustCompile(`(?i)^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?[\s,|]+`)
)

// A credit line names who owns a picture or the page: "© Oli
// Scarff/Getty Images", "Titelbild: Geyres Christophe/ABACA", "(Credit:
// Clayton Aldern / Grist)", a caption ending "© AFP / MARCO BERTORELLO",
// "© 2019 Associated Press. All Rights Reserved.", and the closing credit
// of a story's reporters and editors. On trafilatura's set this removed
// 10 "without" snippets and one "with" one (an "Additional reporting
// by"); on the ScrapingHub pages one caption, 5 reporting credits, and 2
// lines that gold bodies keep (a copyright notice, a credit): F1 0.9731 →
// 0.9734.
var creditLabel = regexp.MustCompile(`(?i)^\(?(?:©|(?:photo|image|foto|bild|titelbild|bildquelle|crédits?(?: photos?)?|credits?)\s*:)`)

// maxCreditWords bounds a credit line: a caption with its credit, not a
// paragraph that mentions a copyright.
const maxCreditWords = 30

func isCreditLine(p string) bool {
	return len(strings.Fields(p)) <= maxCreditWords &&
		(creditLabel.MatchString(p) || strings.Contains(p, "©") || reportingCredit.MatchString(p))
}

// reportingCredit matches the agencies' and newspapers' closing credit of
// the people who reported, wrote or edited a story: "(Reporting by Greg
// Roumeliotis; Editing by …)", "Additional reporting by Joseph Hudak",
// "Jessica Napoli contributed to this report."
var reportingCredit = regexp.MustCompile(`(?i)^\(?(?:additional |further )?(?:reporting|writing|editing|research|compiled)(?: and (?:writing|editing|reporting))? by\b|\bcontributed (?:reporting )?to this (?:report|story|article)\.?\)?$`)

// maxStampWords bounds a stamp line: a date, a time, a label and a name.
const maxStampWords = 14

func isStampLine(p string) bool {
	if len(strings.Fields(p)) > maxStampWords {
		return false
	}
	s := bylineTail.ReplaceAllString(p, "")
	s = clockHead.ReplaceAllString(s, "")
	return isDateLine(strings.TrimSpace(s))
}

// A call to action addresses the reader instead of telling the story. It
// is one of:
//
//   - an imperative to follow, subscribe, listen, share or write at the
//     start, with a cue that the reader and the publication are meant (a
//     network, a newsletter, "us", "here", an address): "Follow Newsbeat on
//     Instagram", "Sign up for our newsletters", "Like this story? Share it
//     with a friend!", "If you enjoyed this article, … Join NRPLUS",
//     "Have a tip? … may be reached at …@…". Both are needed: "Follow the
//     signs to the shelters, officials said" is story;
//   - a filing label: "Filed under: …", "Tags: …", "Source: …";
//   - only an e-mail address or a social-network profile.
var (
	callVerb    = regexp.MustCompile(`(?i)^\W*(?:follow|sign up|subscribe|listen|join|like this|share|download|click|tap|reach|contact|watch|read more|have a tip|send us|support|don't miss|never miss|stay (?:on top|up to date|informed)|want more|visit|get (?:the|our|access|more)|get\b.{1,60}\bdelivered|e-?mail|for (?:the latest|more)\b.{0,80}\b(?:download|follow|subscribe|sign up|visit)|if you (?:enjoyed|liked|found|value)\b.{0,40}\b(?:this|our))\b`)
	readerCue   = regexp.MustCompile(`(?i)\b(?:us|our|join|subscribe|here|newsletters?|twitter|facebook|instagram|youtube|linkedin|tiktok|whatsapp|inbox|apps?|podcast|subscriptions?|a friend|letterbox)\b|https?://|www\.|@\w`)
	filingLabel = regexp.MustCompile(`(?i)^(?:filed under|tags?|sources?|posted in|categor(?:y|ies)|topics?)\s*[:|]`)
	contactOnly = regexp.MustCompile(`(?i)^(?:\S+@\S+\.\w+|(?:https?://)?(?:www\.)?(?:twitter|facebook|instagram)\.com/\S+)$`)
)

func isCallToAction(p string) bool {
	return callVerb.MatchString(p) && readerCue.MatchString(p) ||
		filingLabel.MatchString(p) || contactOnly.MatchString(p)
}

// Bounds of the trailing calls to action: a call is short, and a page has
// a few of them, not a whole section.
const (
	maxCallWords = 60
	maxCalls     = 6
)

// dropTrailingCalls removes calls to action from the end of the body, last
// first, stopping at the first paragraph that is not one (so a call inside
// the article stays: it is quoted or part of the story) and never leaving
// the body empty. On the ScrapingHub pages this took precision from 0.957
// to 0.961 and recall from 0.9795 to 0.9794 (F1 0.968 → 0.970; the rule
// was written from the even pages' tails, and gained as much on the odd
// ones: 0.9613 → 0.9632), and changed one snippet of trafilatura's set,
// for the better (bench/extraction). "For the latest stories … download
// our apps" joined the calls later: trafilatura's set F 0.9270 → 0.9276
// (one site's pages, one even and one odd: 2 false snippets fewer each).
func dropTrailingCalls(paras []string) []string {
	end := len(paras)
	for end > 1 && len(paras)-end < maxCalls {
		p := paras[end-1]
		if len(strings.Fields(p)) > maxCallWords || !isCallToAction(p) {
			break
		}
		end--
	}
	return paras[:end]
}

// titleWindow is how far into the body a repeated headline is looked for:
// after a kicker, a dateline or a URL, not deeper.
const titleWindow = 3

// dropRepeatedTitle removes the headline when it appears again near the
// top of the body, below a kicker or a URL (dropTitle handles the first
// paragraph), in any of the page's wordings: pages print one headline in
// the <h1>, another in og:title and a third in <title>, and the body often
// starts with the one that was not chosen as the title. A headline-like
// paragraph goes when the title holds it or it holds the title, or when it
// equals another wording, or one holds the other and the shorter is at
// least half the longer (so that "Headline - Site" matches "Headline" but
// a section name inside a headline does not). headlines[0] is the title.
func dropRepeatedTitle(paras []string, headlines []string) []string {
	if len(headlines) == 0 {
		return paras
	}
	title := foldTitle(headlines[0])
	var keys []string
	for _, h := range headlines[1:] {
		keys = append(keys, foldTitle(h))
		if pieces := titleSep.Split(h, -1); len(pieces) > 1 {
			for _, p := range pieces {
				keys = append(keys, foldTitle(p))
			}
		}
	}
	out := paras[:0:0]
	for i, p := range paras {
		if i < titleWindow && isHeadlineLike(p, maxTitleRunes, maxTitleWords) {
			fp := foldTitle(p)
			if len(fp) >= minTitleMatch && len(title) >= minTitleMatch && (strings.Contains(title, fp) || strings.Contains(fp, title)) ||
				isHeadlineWording(fp, keys) {
				continue
			}
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		// A page whose only text is a headline (a stub, a teaser page)
		// keeps it: a body that is a headline beats no article at all.
		return paras
	}
	return out
}

// isHeadlineWording reports whether a folded paragraph is one of the
// folded headline wordings keys, as dropRepeatedTitle describes.
func isHeadlineWording(p string, keys []string) bool {
	if len(p) < minTitleMatch {
		return false
	}
	for _, k := range keys {
		if len(k) < minTitleMatch {
			continue
		}
		short, long := p, k
		if len(short) > len(long) {
			short, long = long, short
		}
		if p == k || 2*len(short) >= len(long) && strings.Contains(long, short) {
			return true
		}
	}
	return false
}

// cutRelatedList cuts the body at a "related stories" label in its second
// half when everything after the label is headline-like lines.
func cutRelatedList(paras []string) []string {
	for i := max(1, len(paras)/2); i < len(paras); i++ {
		if !relatedLabels[phraseKey(paras[i])] {
			continue
		}
		rest := true
		for _, p := range paras[i+1:] {
			if !isListedHeadline(p) {
				rest = false
				break
			}
		}
		if rest {
			return paras[:i]
		}
	}
	return paras
}

// isListedHeadline reports whether a paragraph looks like an item of a
// list of other stories: short, and not ending like a sentence of prose
// (a question mark is fine: headlines ask).
func isListedHeadline(p string) bool {
	if utf8.RuneCountInString(p) > 2*maxFurnitureRunes || len(strings.Fields(p)) > maxFurnitureWords+8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	return !strings.ContainsRune(".:;", last)
}
