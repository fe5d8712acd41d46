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
// label over a list of other headlines. The rules are narrow on purpose:
// a paragraph goes only when its whole text is one of these things.

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
	"leggi anche", "te puede interesar", "lee también",
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

// dropHTMLFurniture removes the paragraphs described above. title is the
// article's title.
func dropHTMLFurniture(paras []string, title string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if furniturePhrases[phraseKey(p)] || bareURL.MatchString(p) {
			continue
		}
		out = append(out, p)
	}
	out = dropRepeatedTitle(out, title)
	return cutRelatedList(out)
}

// titleWindow is how far into the body a repeated headline is looked for:
// after a kicker, a dateline or a URL, not deeper.
const titleWindow = 3

// dropRepeatedTitle removes the headline when it appears again near the
// top of the body, below a kicker or a URL (dropTitle handles the first
// paragraph).
func dropRepeatedTitle(paras []string, title string) []string {
	t := foldTitle(title)
	if len(t) < minTitleMatch {
		return paras
	}
	for i := 0; i < min(titleWindow, len(paras)); i++ {
		p := foldTitle(paras[i])
		if len(p) >= minTitleMatch && isHeadlineLike(paras[i], maxTitleRunes, maxTitleWords) && (p == t || strings.Contains(t, p) || strings.Contains(p, t)) {
			return append(paras[:i:i], paras[i+1:]...)
		}
	}
	return paras
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
