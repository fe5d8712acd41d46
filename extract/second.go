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
// So trafilatura decides what the article is, and readability where it
// ends. trafilatura is "unsure" of the end, and the cut made, only when
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
