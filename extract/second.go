package extract

import (
	"net/url"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// readeck/go-readability is the second opinion on an HTML page. Where the
// two extractors disagree, neither is reliably right: measured on the
// ScrapingHub benchmark and trafilatura's evaluation set (bench/extraction),
//
//   - taking readability's text when the two barely overlap helped on the
//     news pages of ScrapingHub and hurt more on trafilatura's set;
//   - keeping only trafilatura's paragraphs that readability also has
//     raised precision but lost as much recall on trafilatura's set;
//   - cutting trafilatura's text after the last paragraph readability also
//     has helped on both (ScrapingHub F1 0.959 → 0.963, trafilatura's set
//     F 0.915 → 0.919): trafilatura's usual mistake is a tail of related
//     links, author boxes and sign-up forms after the article, which
//     readability leaves out.
//
// So trafilatura decides what the article is (unless it took a comment,
// below), and readability where it ends. trafilatura is "unsure" of the end, and the cut made, only when
// readability's text is mostly inside trafilatura's (so both found the same
// article) and trafilatura's last paragraphs are not in readability's.

// secondOpinion runs readability on a parsed page: its paragraphs (nil
// when it finds nothing) and its title. It changes doc.
func secondOpinion(doc *html.Node, pageURL string) (paras []string, title string) {
	u, err := url.Parse(pageURL)
	if err != nil || !u.IsAbs() {
		u = nil
	}
	art, err := readability.FromDocument(doc, u)
	if err != nil {
		return nil, ""
	}
	if art.Node != nil {
		paras = htmlParagraphs(art.Node)
	}
	return paras, collapseSpace(art.Title())
}

// Thresholds of the second opinion.
const (
	// minAgreement is the share of readability's shingles that must be in
	// trafilatura's text for the two to have found the same article.
	minAgreement = 0.5
	// minSupport is the share of a paragraph's shingles that must be in
	// readability's text for the paragraph to count as confirmed.
	minSupport = 0.5
	// maxTailShare bounds the tail that is cut, in words, as a share of
	// what is kept. trafilatura's overruns are short beside the article (a
	// few related links, an author box: never more than a third of it on
	// the ScrapingHub pages); a tail as long as the rest means readability
	// kept one part of a long article (a list of products, the sections
	// after a table) and the tail is article too. 0.8 was chosen on the
	// even pages of trafilatura's set (3 snippets more right) and checked on
	// the odd ones (2 more).
	maxTailShare = 0.8
)

// trimTail drops the paragraphs after the last one that the second
// opinion confirms, when the two extractions agree on the article.
func trimTail(paras, second []string) []string {
	if len(paras) == 0 || len(second) == 0 {
		return paras
	}
	ref := newShingleSet(strings.Join(second, " "))
	mine := newShingleSet(strings.Join(paras, " "))
	if ref.containedIn(mine) < minAgreement {
		return paras
	}
	refWords := " " + strings.Join(words(strings.Join(second, " ")), " ") + " "
	for last := len(paras) - 1; last >= 0; last-- {
		if confirmed(paras[last], ref, refWords) {
			if wordCount(paras[last+1:]) >= maxTailShare*wordCount(paras[:last+1]) {
				return paras // readability found a part of the article
			}
			return paras[:last+1]
		}
	}
	return paras
}

// wordCount is the number of words in paragraphs.
func wordCount(paras []string) float64 {
	n := 0
	for _, p := range paras {
		n += len(words(p))
	}
	return float64(n)
}

// confirmed reports whether the second opinion has a paragraph: its words
// appear in order, or most of its word 4-grams do.
func confirmed(p string, ref shingleSet, refWords string) bool {
	w := words(p)
	if len(w) == 0 {
		return true
	}
	if strings.Contains(refWords, " "+strings.Join(w, " ")+" ") {
		return true
	}
	return newShingleSet(p).containedIn(ref) >= minSupport
}

// shingleSet is the set of a text's word 4-grams (or of its only, shorter
// n-gram when it has fewer words).
type shingleSet map[string]bool

func newShingleSet(s string) shingleSet {
	w := words(s)
	set := make(shingleSet)
	for i := 0; i < max(1, len(w)-3); i++ {
		set[strings.Join(w[i:min(i+4, len(w))], " ")] = true
	}
	delete(set, "")
	return set
}

// containedIn is the share of s's shingles found in other.
func (s shingleSet) containedIn(other shingleSet) float64 {
	if len(s) == 0 {
		return 0
	}
	n := 0
	for k := range s {
		if other[k] {
			n++
		}
	}
	return float64(n) / float64(len(s))
}

// words splits a text into lower-case words of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

// A comment taken for the article. On a blog post with a short body and a
// long staff reply below it, trafilatura can take the reply, though told
// to leave comments out (a ScrapingHub page: an open thread of 70 words
// and an answer of 400). The page's markup says where its comments are
// (WordPress and most blog engines mark them class="comment…" or
// id="comment-…"), so when most of trafilatura's text is there and
// readability's is not, readability's is the article. This took the
// ScrapingHub F1 from 0.9743 to 0.9794 (that page alone, an odd one; no
// even page changed) and trafilatura's set from 0.9265 to 0.9270 (even
// pages 0.9220 → 0.9229, 3 false snippets fewer; odd unchanged).

// commentParagraphs are the texts (without white space, as spaceless
// makes them) of the paragraphs inside the page's comment elements.
func commentParagraphs(doc *html.Node) map[string]bool {
	set := make(map[string]bool)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && isCommentElement(n) {
			for _, p := range htmlParagraphs(n) {
				set[spaceless(p)] = true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return set
}

// isCommentElement reports whether an element's class or id names a
// comment: a word beginning "comment" (comment, comments, commentlist,
// comment-body, comment-950049).
func isCommentElement(n *html.Node) bool {
	for _, v := range append(strings.Fields(attr(n, "class")), attr(n, "id")) {
		if strings.HasPrefix(strings.ToLower(v), "comment") {
			return true
		}
	}
	return false
}

// notAComment drops the comment text from trafilatura's paragraphs when
// most of their words are comment text (the rest is the article, when
// trafilatura took the post and the comments below it); when nothing is
// left, readability's paragraphs are the article, unless they are mostly
// comment text too.
func notAComment(paras, second []string, comments map[string]bool) []string {
	if len(comments) == 0 || commentShare(paras, comments) <= maxCommentShare {
		return paras
	}
	var kept []string
	for _, p := range paras {
		if !comments[spaceless(p)] {
			kept = append(kept, p)
		}
	}
	switch {
	case wordCount(kept) > 0:
		return kept
	case len(second) > 0 && commentShare(second, comments) <= maxCommentShare:
		return second
	}
	return paras
}

// maxCommentShare is the share of an extraction's words in comment
// paragraphs above which it took comments for the article.
const maxCommentShare = 0.5

// commentShare is the share of the words of paras in comment paragraphs.
func commentShare(paras []string, comments map[string]bool) float64 {
	all, in := 0, 0
	for _, p := range paras {
		n := len(words(p))
		all += n
		if comments[spaceless(p)] {
			in += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(in) / float64(all)
}
