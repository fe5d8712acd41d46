package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// HTML pages go through go-trafilatura, which finds the main content and
// the metadata (title, date, author, canonical URL, site name). Its
// ContentText joins all white space into single spaces, losing paragraph
// breaks, so the paragraphs come from walking its ContentNode instead:
// each block element (p, h1–h6, li, blockquote, pre, table row, a div with
// text of its own, …) is one paragraph. readeck/go-readability is a second
// opinion on where the article ends, and the article when trafilatura took
// the page's comments for it (second.go); the title is checked
// against the page's <h1> (title.go); leftover furniture is dropped
// (htmlfurniture.go); the standfirst trafilatura leaves in the page's
// header is put back first (lead.go). The date is go-htmldate's, run as
// trafilatura would run it, with corrections (date.go).

// parseHTMLPage makes an article of an HTML page. pageURL is where the
// page was fetched from, when known (a WARC record's target URI): it is the
// article's URL, and helps find the date.
func parseHTMLPage(data []byte, pageURL string) (a Article, err error) {
	data, err = toUTF8(data)
	if err != nil {
		return Article{}, err
	}
	// trafilatura and its fallbacks (readability, dom-distiller) were not
	// written for hostile input; a panic in them is one bad page, not a
	// crash of the whole ingest.
	defer func() {
		if r := recover(); r != nil {
			a, err = Article{}, fmt.Errorf("HTML extraction failed: %v", r)
		}
	}()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, fmt.Errorf("parsing HTML: %w", err)
	}
	dropRubyText(doc)
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,                 // reader comments are not the article
		HtmlDateMode:    trafilatura.Disabled, // publicationDate runs htmldate
	}
	if u, err := url.Parse(pageURL); err == nil && u.IsAbs() {
		opts.OriginalURL = u
	}
	pt := pageHeadings(doc)
	res, err := trafilatura.ExtractDocument(doc, opts) // works on a copy of doc
	if err != nil {
		return Article{}, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	if res == nil || res.ContentNode == nil {
		return Article{}, ErrNoText
	}
	md := res.Metadata
	published := publicationDate(doc, data, md.URL) // before secondOpinion changes doc
	links := linkParagraphs(doc, firstNonEmpty(pageURL, md.URL))
	comments := commentParagraphs(doc)
	leads := newLeadFinder(doc, pt.descriptions)
	paras := dropLinkParagraphs(htmlParagraphs(res.ContentNode), links)
	second, secondTitle := secondOpinion(doc, pageURL)
	paras = trimTail(notAComment(paras, second, comments), second)

	a.Title = validText(collapseSpace(chooseTitle(titleSources{
		extracted: collapseSpace(md.Title),
		other:     []string{secondTitle, pt.og},
		headings:  pt.h1s,
	})))
	paras = dropTitle(dropTitle(paras, a.Title), collapseSpace(md.Title))
	headlines := append([]string{a.Title, collapseSpace(md.Title), secondTitle, pt.og}, pt.h1s...)
	a.Paragraphs = leads.addLead(dropHTMLFurniture(paras, append(headlines, pt.variant...)), a.Title)
	if len(a.Paragraphs) == 0 {
		return Article{}, ErrNoText
	}
	setMetadata(&a, md, pageURL)
	a.Published = published
	return a, nil
}

// setMetadata fills in what trafilatura found about the page. The URL the
// page was fetched from wins over the one it states (canonical links are
// often a section front or missing).
func setMetadata(a *Article, md trafilatura.Metadata, pageURL string) {
	a.Author = validText(collapseSpace(md.Author))
	a.URL = validText(strings.TrimSpace(pageURL))
	if a.URL == "" {
		a.URL = validText(strings.TrimSpace(md.URL))
	}
	a.Site = validText(collapseSpace(md.Sitename))
	if a.Site == "" {
		a.Site = hostname(a.URL, md.Hostname)
	}
}

// toUTF8 checks a page and decodes it to UTF-8. A page in UTF-8 is used as
// it is, whatever it declares: a page that decodes as UTF-8 almost surely
// is UTF-8, and declarations are often wrong. A page that is not valid
// UTF-8 is decoded the way browsers do: by its byte-order mark or <meta
// charset> (also one past the first kilobyte), else as windows-1252; and as windows-1252 too when it declares
// UTF-8 but is mostly not (a Latin-1 page under a UTF-8 template). Unlike
// plain text, HTML says its own encoding, so invalid UTF-8 is not an error
// here. Nor are a few stray NUL bytes (a page of trafilatura's evaluation
// set has 22 in 190 KB, after an <img>): browsers ignore them, and so do
// we; a page with more than one in maxNULRatio bytes is binary.
func toUTF8(data []byte) ([]byte, error) {
	if n := bytes.Count(data, []byte{0}); n > 0 && n*maxNULRatio <= len(data) {
		data = bytes.ReplaceAll(data, []byte{0}, nil)
	}
	if err := checkText(data); err != nil && !errors.Is(err, ErrInvalidUTF8) {
		return nil, err
	}
	if utf8.Valid(data) {
		return data, nil
	}
	enc, name, certain := charset.DetermineEncoding(data, "")
	if !certain {
		if e, n := lateDeclaration(data); e != nil {
			enc, name = e, n
		}
	}
	if name == "utf-8" && !mostlyUTF8(data) {
		enc = charmap.Windows1252
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decoding HTML: %w", err)
	}
	return []byte(strings.ToValidUTF8(string(out), "\uFFFD")), nil
}

// lateMeta matches a <meta> that declares the page's charset, in either
// form (<meta charset=gb2312>, <meta http-equiv=Content-Type
// content="text/html; charset=gb2312">).
var lateMeta = regexp.MustCompile(`(?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// maxLateMeta is how far into a page a late charset declaration is looked
// for.
const maxLateMeta = 64 << 10

// lateDeclaration finds a charset declared after the first 1,024 bytes,
// which is as far as the HTML standard's prescan (and DetermineEncoding)
// looks. Archived pages need it: the Wayback Machine puts about a
// kilobyte of its own scripts before the page's <meta charset=gb2312>.
// Browsers honour such a declaration too: when the parser meets it they
// re-read the page in that encoding. Only the head is searched, so a
// declaration quoted in the body's text is not taken.
func lateDeclaration(data []byte) (encoding.Encoding, string) {
	head := data[:min(len(data), maxLateMeta)]
	if i := bytes.Index(bytes.ToLower(head), []byte("</head")); i >= 0 {
		head = head[:i]
	}
	m := lateMeta.FindSubmatch(head)
	if m == nil {
		return nil, ""
	}
	enc, name := charset.Lookup(string(m[1]))
	if enc == nil {
		return nil, ""
	}
	return enc, name
}

// maxNULRatio is the fewest bytes per NUL byte of an HTML page that is
// not binary.
const maxNULRatio = 1000

// mostlyUTF8 reports whether a text's non-ASCII bytes are mostly valid
// UTF-8 sequences: a UTF-8 page with a stray byte, not a page in another
// encoding.
func mostlyUTF8(data []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			valid++
		}
		i += size
	}
	return valid > invalid
}

// dropTitle removes the headline from the front of the body, where pages
// repeat it as an <h1>: Paragraphs is the body without the title. The
// <title> often adds or drops a site name ("Opinion | Headline", "Headline
// - Site"), so a short first paragraph contained in the title, or
// containing it, counts as the headline too.
func dropTitle(paras []string, title string) []string {
	if len(paras) == 0 || title == "" {
		return paras
	}
	first := strings.ToLower(paras[0])
	t := strings.ToLower(title)
	if first == t || isHeadlineLike(paras[0], maxTitleRunes, maxTitleWords) && (strings.Contains(t, first) || strings.Contains(first, t)) {
		return paras[1:]
	}
	return paras
}

// validText guards against metadata that is not valid UTF-8.
func validText(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// formatDate gives a date as 2006-01-02, or RFC 3339 when it has a time of
// day: as precise as the page says, and no more.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// hostname is the site when the page names none: the URL's host without
// "www.", else trafilatura's guess.
func hostname(pageURL, fallback string) string {
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		return strings.TrimPrefix(u.Hostname(), "www.")
	}
	return validText(strings.TrimPrefix(fallback, "www."))
}

// blockAtoms are the elements that start and end a paragraph. Everything
// else (a, em, span, …) is inline and joins the paragraph around it.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true,
	atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Caption: true,
	atom.Section: true, atom.Article: true, atom.Main: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Nav: true, atom.Figure: true,
	atom.Figcaption: true, atom.Address: true, atom.Hr: true, atom.Form: true,
	atom.Fieldset: true, atom.Details: true, atom.Summary: true,
	atom.Center: true, atom.Body: true, atom.Html: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Head: true, atom.Svg: true, atom.Math: true,
}

// dropRubyText removes ruby annotations: reading aids printed above the
// text (Japanese furigana: 子<rt>こ</rt>ども), not part of it. Left in,
// every glossed word is spelled twice ("子こども") and matches nothing a
// person types; trafilatura unwraps the elements and keeps their text, so
// they go before it runs.
func dropRubyText(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && (c.DataAtom == atom.Rt || c.DataAtom == atom.Rp) {
			n.RemoveChild(c)
		} else {
			dropRubyText(c)
		}
		c = next
	}
}

// paragraphWalker collects the text of a tree into paragraphs, and how
// much of each is the text of links.
type paragraphWalker struct {
	paras  []string
	linked []float64 // share of each paragraph's letters and digits inside <a>
	cur    strings.Builder
	brs    int // <br> elements since the last text
	inLink int // depth of <a> elements around the walk
	// crossed is set when an element began or ended since the last text.
	crossed bool
	// letters and digits of the current paragraph, all and inside links
	chars, linkChars int
	// site is the page's domain ("example.org"); when set, only links to
	// the site itself count as link text.
	site string
}

// isInternal reports whether a link points into the page's own site: a
// relative address, or an absolute one on the same domain. Links to other
// stories of the site are the furniture; links to other sites are often
// the article's own (the products it reviews, its sources).
func (w *paragraphWalker) isInternal(href string) bool {
	if w.site == "" {
		return true
	}
	u, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return false
	}
	return u.Host == "" && u.Scheme == "" || siteDomain(u.Hostname()) == w.site
}

// siteDomain is a host name's last two labels: "www.foxnews.com" and
// "video.foxnews.com" are the same site.
func siteDomain(host string) string {
	labels := strings.Split(strings.ToLower(host), ".")
	if len(labels) > 2 {
		labels = labels[len(labels)-2:]
	}
	return strings.Join(labels, ".")
}

// htmlParagraphs returns one paragraph per block element of root, with
// white space collapsed inside each.
func htmlParagraphs(root *html.Node) []string {
	var w paragraphWalker
	w.walk(root)
	w.flush()
	return w.paras
}

func (w *paragraphWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.brs = 0
		if w.crossed && joinsWords(w.cur.String(), n.Data) {
			w.cur.WriteByte(' ')
		}
		w.crossed = false
		w.cur.WriteString(n.Data)
		c := countWordChars(n.Data)
		w.chars += c
		if w.inLink > 0 {
			w.linkChars += c
		}
		return
	case html.ElementNode:
		a := atom.Lookup([]byte(n.Data)) // trafilatura's nodes may lack DataAtom
		w.crossed = true
		defer func() { w.crossed = true }()
		switch {
		case skipAtoms[a]:
			return
		case a == atom.Br:
			// One <br> is a line wrap; two in a row are how old pages
			// separate paragraphs.
			w.brs++
			if w.brs >= 2 {
				w.flush()
			} else {
				w.cur.WriteByte(' ')
			}
			return
		case blockAtoms[a]:
			w.flush()
			defer w.flush()
		case a == atom.Td || a == atom.Th:
			w.cur.WriteByte(' ') // cells of a row make one paragraph
		case a == atom.A && w.isInternal(attr(n, "href")):
			w.inLink++
			defer func() { w.inLink-- }()
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// joinsWords reports whether text after an element boundary would glue
// two words together: before ends and after begins with a letter or digit
// of a script written with spaces. trafilatura trims the text around the
// inline elements it keeps ("Gurte</strong> möglichst" becomes "Gurte" and
// "möglichst"), and its own plain text puts a space back at every element
// boundary; we put one back only between two words, since "<a>link</a>,"
// must stay "link," and a boundary in Chinese or Japanese text is no word
// break. A drop cap ("<b>W</b>ord") is split, as trafilatura splits it.
func joinsWords(before, after string) bool {
	last, _ := utf8.DecodeLastRuneInString(before)
	first, _ := utf8.DecodeRuneInString(after)
	return wordRune(last) && wordRune(first)
}

// wordRune is a letter or digit of a script that separates words by
// spaces.
func wordRune(r rune) bool {
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// flush ends the current paragraph, if it has any text.
func (w *paragraphWalker) flush() {
	if p := validText(collapseSpace(strings.Map(dropInvisible, w.cur.String()))); p != "" {
		w.paras = append(w.paras, p)
		share := 0.0
		if w.chars > 0 {
			share = float64(w.linkChars) / float64(w.chars)
		}
		w.linked = append(w.linked, share)
	}
	w.cur.Reset()
	w.brs = 0
	w.chars, w.linkChars = 0, 0
}

// countWordChars counts the letters and digits of a text: the link share
// of a paragraph is measured on them, so that the spaces and punctuation
// around a link do not count.
func countWordChars(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// Paragraphs that are links. A paragraph whose text is mostly the text of
// links to the site's own pages is a pointer to another story ("Related:
// Possible Water Plumes on Europa", a capitalised "SEAN SPICER ELIMINATED
// FROM 'DANCING WITH THE STARS'" between two paragraphs, a list of
// headlines under the article), not the article, wherever it sits: link
// density is the standard boilerplate signal, and trafilatura applies it
// to whole sections but not to single paragraphs inside the article. Two
// exceptions keep article text: links to other sites (the products a
// review links to, its sources) do not count, and a text that also
// appears on the page outside links (a table of contents repeating the
// subheadings) stays. Measured on the ScrapingHub pages (bench/extraction,
// the rule and its threshold chosen on the even pages): F1 0.977 → 0.981
// on the even pages, 0.963 → 0.965 on the odd ones; trafilatura's set F
// 0.911 → 0.915 (even), 0.929 → 0.930 (odd). Counting external links too
// lost the review pages' product names; counting a text as a link
// wherever one of its occurrences was, lost subheadings.

// minLinkShare is the share of a paragraph's letters and digits inside
// internal links that makes it a link paragraph (0.6 to 0.8 did about as
// well; 0.9 less).
const minLinkShare = 0.7

// linkParagraphs are the texts of the page's link paragraphs, found on the
// page's own markup (trafilatura's output has lost the links). pageURL
// tells which links are internal; when it is unknown, all links count.
func linkParagraphs(doc *html.Node, pageURL string) map[string]bool {
	var w paragraphWalker
	if u, err := url.Parse(pageURL); err == nil && u.Hostname() != "" {
		w.site = siteDomain(u.Hostname())
	}
	w.walk(doc)
	w.flush()
	set := make(map[string]bool)
	for i, p := range w.paras {
		linked := w.linked[i] >= minLinkShare
		k := spaceless(p)
		if prev, seen := set[k]; !seen || prev {
			set[k] = linked // false once any occurrence is not a link
		}
	}
	return set
}

// dropLinkParagraphs removes the link paragraphs from a body, unless
// nothing else would be left.
func dropLinkParagraphs(paras []string, links map[string]bool) []string {
	return dropUnlessEmpty(paras, func(p string) bool { return links[spaceless(p)] })
}

// spaceless is a paragraph without its white space: the key that finds a
// paragraph of trafilatura's output among the page's own, since the two
// can differ in spaces at element boundaries (trafilatura trims the text
// around the elements it keeps, and merges some of them).
func spaceless(p string) string {
	return strings.Join(strings.Fields(p), "")
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// dropInvisible removes the characters that shape a text without being
// part of it: soft hyphens (pages hyphenate long German words with
// them: "Mit\u00adtel\u00adal\u00adter"), zero-width spaces, word joiners,
// byte-order marks. Left in, they split words for search and for every
// comparison with text typed by a person. The zero-width (non-)joiners
// stay: Persian spelling and emoji sequences need them.
func dropInvisible(r rune) rune {
	switch r {
	case '\u00ad', '\u200b', '\u2060', '\ufeff':
		return -1
	}
	return r
}
