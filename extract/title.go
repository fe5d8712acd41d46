package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The headline of a page is rarely its <title> as written: titles add the
// site ("Headline - Site", "Site | Headline"), and trafilatura, which picks
// among <title>, og:title and headings, sometimes takes a site banner or a
// comment form's heading. The page's <h1> elements are the other witness.
// chooseTitle trusts an <h1> when another source confirms it, then a title
// with the site name cut off. On trafilatura's evaluation pages this took
// title accuracy from 0.60 (trafilatura's title) to 0.78 (see
// bench/extraction).

// titleSources are the titles a page offers.
type titleSources struct {
	extracted string   // trafilatura's choice
	other     []string // readability's title, og:title: other guesses
	headings  []string // the texts of the page's <h1> elements
}

// minTitleMatch is the shortest heading (in bytes, after folding) trusted
// because a title contains it: shorter ones ("News", a site name) are
// contained in too many titles by chance.
const minTitleMatch = 10

// siteSep is the separators that put a site name after a headline; a
// colon usually belongs to the headline.
var siteSep = regexp.MustCompile(`\s+[-|–—»]\s+`)

// titleSep splits "Headline - Site", "Site | Headline", "A » B".
var titleSep = regexp.MustCompile(`\s+(?:[|\-–—»·:/]|::)\s+`)

// chooseTitle returns the page's headline.
func chooseTitle(src titleSources) string {
	t := src.extracted
	kt := foldTitle(t)
	// 1. An <h1> that is the title.
	for _, h := range src.headings {
		if foldTitle(h) == kt {
			return h
		}
	}
	// 2. An <h1> that is one piece of a title with a site name, or
	//    contained in the title: the longest, since a site name is usually
	//    the shorter piece.
	pieces := map[string]bool{}
	for _, s := range append([]string{t}, src.other...) {
		if p := titleSep.Split(s, -1); len(p) > 1 {
			for _, piece := range p {
				pieces[foldTitle(piece)] = true
			}
		}
	}
	best := ""
	for _, h := range src.headings {
		kh := foldTitle(h)
		if (pieces[kh] || len(kh) >= minTitleMatch && strings.Contains(kt, kh)) && len(h) > len(best) {
			best = h
		}
	}
	if best != "" {
		return best
	}
	// 3. Another source's title that is the extracted one without a site
	//    name.
	for _, o := range src.other {
		ko := foldTitle(o)
		if len(ko) >= minTitleMatch && ko != kt && strings.Contains(kt, ko) {
			return o
		}
	}
	// 4. "Headline - Site": the first piece, when it is long enough to be a
	//    headline (three words or more).
	if p := siteSep.Split(t, 2); len(p) == 2 && len(strings.Fields(p[0])) >= 3 {
		return strings.TrimSpace(p[0])
	}
	return t
}

// foldTitle is the form titles are compared in: white space collapsed,
// lower case, typographic quotes made plain.
func foldTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '´', '`':
			return '\''
		case '“', '”', '„':
			return '"'
		}
		return r
	}, s)
	return strings.ToLower(collapseSpace(s))
}

// maxHeadingRunes bounds an <h1> taken as a title candidate: a longer one
// wraps more than a headline.
const maxHeadingRunes = 300

// pageTitles are the headline candidates a page states in its markup.
type pageTitles struct {
	h1s     []string // the texts of its <h1> elements
	og      string   // og:title
	variant []string // <title>, twitter:title: more wordings of the headline
	// descriptions are og:description first, then description and
	// twitter:description: the standfirst's wordings (lead.go).
	descriptions []string
}

// pageHeadings returns the page's <h1> texts, og:title, <title> and
// twitter:title, and its descriptions.
func pageHeadings(doc *html.Node) pageTitles {
	var pt pageTitles
	var ogDesc, otherDesc []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1:
				if s := collapseSpace(nodeText(n)); s != "" && utf8.RuneCountInString(s) <= maxHeadingRunes {
					pt.h1s = append(pt.h1s, s)
				}
				return
			case atom.Title:
				if s := collapseSpace(nodeText(n)); s != "" && utf8.RuneCountInString(s) <= maxHeadingRunes {
					pt.variant = append(pt.variant, s)
				}
				return
			case atom.Meta:
				switch key := metaKey(n); {
				case pt.og == "" && key == "og:title":
					pt.og = collapseSpace(attr(n, "content"))
				case key == "twitter:title":
					if s := collapseSpace(attr(n, "content")); s != "" {
						pt.variant = append(pt.variant, s)
					}
				case n.Parent == nil || n.Parent.DataAtom != atom.Head:
					// a description in the body describes something else
				case key == "og:description":
					ogDesc = append(ogDesc, attr(n, "content"))
				case key == "description" || key == "twitter:description":
					otherDesc = append(otherDesc, attr(n, "content"))
				}
			case atom.Script, atom.Style, atom.Template, atom.Svg:
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	pt.descriptions = append(ogDesc, otherDesc...)
	return pt
}

// metaKey is a <meta> element's property or name.
func metaKey(n *html.Node) string {
	if k := attr(n, "property"); k != "" {
		return k
	}
	return attr(n, "name")
}

// nodeText is the text inside n, without scripts and styles.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && skipAtoms[n.DataAtom]:
			return
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
