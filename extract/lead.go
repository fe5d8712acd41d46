package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The standfirst, the paragraph under the headline that sums the story up
// ("Wärmepumpen boomen – auch weil das Heizen … teuer geworden ist"), is
// part of the article: editors write it, and rewrites keep it. Pages set
// it in the header beside the headline, and trafilatura leaves it out with
// the rest of the header. The page's description (og:description,
// <meta name=description>, twitter:description) is usually that
// standfirst, word for word or cut short. So when the page shows a
// description's words in its body, a little before the article's first
// paragraph, and the article does not hold them yet, the element showing
// them goes first. A description the page does not show (a site's
// slogan, an SEO blurb), or shows elsewhere (a teaser list, the footer),
// adds nothing.

// minLeadKey is the fewest letters and digits a description needs to be
// looked for: shorter ones are labels, not standfirsts.
const minLeadKey = 30

// maxLeadGap is the most letters and digits between the end of the
// standfirst and the article's first paragraph: a date line, an author,
// a photo caption fit; a sidebar does not.
const maxLeadGap = 1500

// leadFinder holds what addLead needs of a page, read before anything
// changes the page's tree (readability does).
type leadFinder struct {
	key   string      // the page body's text as one key (textKey)
	shown []shownDesc // where the page shows a description
}

// shownDesc is a description shown in the page: where its key begins in
// the page's key, where it ends, and the text of the block showing it.
type shownDesc struct {
	at, end int
	text    string
}

// maxShown bounds the places one description is looked for.
const maxShown = 4

// newLeadFinder reads doc for the descriptions (pageTitles.descriptions)
// it shows.
func newLeadFinder(doc *html.Node, descriptions []string) leadFinder {
	var descs, texts []string
	for _, d := range descriptions {
		if k := textKey(d); utf8.RuneCountInString(k) >= minLeadKey {
			descs, texts = append(descs, k), append(texts, collapseSpace(d))
		}
	}
	if len(descs) == 0 {
		return leadFinder{}
	}
	p := keyPage(doc)
	f := leadFinder{key: p.key}
	for j, desc := range descs {
		// A description cut short ("… teuer geworden …") is shown
		// whole: look for its beginning.
		head := keyPrefix(desc, 60)
		for from, n := 0, 0; n < maxShown; n++ {
			i := strings.Index(p.key[from:], head)
			if i < 0 {
				break
			}
			at := from + i
			from = at + len(head)
			block := p.block(at)
			// An <h1> is the headline. (Standfirsts are often set as
			// <h2>: "Die Impfpflicht für die Pflege …".)
			if block == nil || block.DataAtom == atom.H1 {
				continue
			}
			// The block may hold more than the standfirst (a photo
			// credit after it): a description shown whole is the
			// standfirst as written; one cut short is the block's.
			text := collapseSpace(nodeText(block))
			if strings.Contains(textKey(text), desc) && !cutShort(texts[j]) {
				text = texts[j]
			}
			f.shown = append(f.shown, shownDesc{at, at + len(desc), text})
		}
	}
	return f
}

// addLead puts the page's standfirst before paras, when the rule above
// finds one. A block that begins with the title is the page's header
// (the headline and a label), not the standfirst.
func (f leadFinder) addLead(paras []string, title string) []string {
	if len(paras) == 0 || len(f.shown) == 0 {
		return paras
	}
	body := textKey(strings.Join(paras, " "))
	first := keyPrefix(textKey(paras[0]), 40)
	at := strings.Index(f.key, first)
	if first == "" || at < 0 {
		return paras
	}
	for _, s := range f.shown {
		// Key bytes, not runes: the gap has room for two-byte letters.
		if s.end > at || at-s.end > 2*maxLeadGap {
			continue
		}
		k := textKey(s.text)
		// Already in the article, or a container of it rather than the
		// standfirst.
		if strings.Contains(body, keyPrefix(k, 60)) || strings.Contains(k, first) || len(k) > 3*(s.end-s.at)+200 ||
			title != "" && strings.HasPrefix(k, textKey(title)) {
			continue
		}
		return append([]string{s.text}, paras...)
	}
	return paras
}

// pageKey is the text of a page's body as one key (textKey), with where
// each text node begins in it.
type pageKey struct {
	key   string
	nodes []*html.Node
	start []int
}

func keyPage(doc *html.Node) *pageKey {
	var p pageKey
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if k := textKey(n.Data); k != "" {
				p.nodes = append(p.nodes, n)
				p.start = append(p.start, b.Len())
				b.WriteString(k)
			}
			return
		case html.ElementNode:
			if skipAtoms[n.DataAtom] {
				return
			}
		case html.CommentNode:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	p.key = b.String()
	return &p
}

// block is the block element showing the text at key offset at.
func (p *pageKey) block(at int) *html.Node {
	i := 0
	for i+1 < len(p.start) && p.start[i+1] <= at {
		i++
	}
	if i >= len(p.nodes) {
		return nil
	}
	return blockAncestor(p.nodes[i])
}

// blockAncestor is the nearest block element holding n.
func blockAncestor(n *html.Node) *html.Node {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.Type == html.ElementNode && blockAtoms[a.DataAtom] {
			return a
		}
	}
	return nil
}

// textKey is a text's letters and digits, lower-cased: what stays the
// same between a description and the page's rendering of it.
func textKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// keyPrefix is a key's first n runes.
func keyPrefix(k string, n int) string {
	for i := range k {
		if n == 0 {
			return k[:i]
		}
		n--
	}
	return k
}

// cutShort reports whether a description ends in an ellipsis: the page
// shortened it.
func cutShort(desc string) bool {
	return strings.HasSuffix(desc, "...") || strings.HasSuffix(desc, "…")
}
