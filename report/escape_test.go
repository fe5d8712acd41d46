package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/facts"
	"github.com/storytrace/storytrace/origin"
	"github.com/storytrace/storytrace/report"
)

// Hostile strings an article may carry: markup, an attribute break-out, a
// Markdown link to script, terminal escapes and a bidi override.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`| ** [x](javascript:alert(1)) ![i](http://x/y.png) <http://x> ` + "`code`" + ` _u_ ~~s~~ &lt;b&gt;`,
	"\x1b[31mred\x1b]0;title\x07",
	"\u202Eevil\u202C",
	"# heading",
}

var hostileText = strings.Join(hostile, " ")

// hostileReport puts hostile text everywhere a report carries article text:
// titles, ids, URL, reasons, passage texts, fact texts (highlighted inside
// the passages), notes, quotations, unsupported sentences, arithmetic, and
// even the values the renderers turn into CSS classes.
func hostileReport() *report.Report {
	qText := "Intro " + hostileText + " and 1,000 people went to <b>Paris</b>."
	sText := "Source " + hostileText + " and 1,200 people went to <b>Paris</b>."
	fact := func(kind facts.Kind, text, within string) *facts.Fact {
		i := strings.Index(within, text)
		return &facts.Fact{Kind: kind, Text: text, Start: i, End: i + len(text)}
	}
	img := hostile[1]
	qf, sf := fact(facts.Quantity, "1,000", qText), fact(facts.Quantity, "1,200", sText)
	info := report.ArticleInfo{ID: hostileText, Title: hostileText, URL: "javascript:alert(1)", Published: hostile[0]}
	weird := audit.Change(img)
	return &report.Report{
		Schema: report.Schema, Mode: hostile[0], Query: info,
		Sources: []report.Source{{
			Rank: 1, Article: info,
			Decision: audit.Decision{Verdict: audit.Rewrite, Confidence: 0.9, Reasons: hostile},
			Passages: []report.Passage{{
				Kind:  align.Kind(img),
				Query: report.Text{Start: 0, End: len(qText), Text: qText}, Source: report.Text{Start: 0, End: len(sText), Text: sText},
			}},
			Facts: []audit.FactChange{
				{Change: audit.Altered, Kind: facts.Quantity, Query: qf, Source: sf, Note: hostileText},
				{Change: weird, Kind: facts.Kind(img), Query: fact(facts.Entity, img, qText), Source: fact(facts.Entity, img, sText), Note: img},
			},
			FactCounts: map[audit.Change]int{audit.Altered: 1},
			Audit: &audit.Result{
				Entities: []audit.FactChange{{Change: audit.Generalised, Kind: facts.Entity, Query: fact(facts.Entity, hostile[0], qText), Source: fact(facts.Entity, "<b>Paris</b>", sText)}},
				Quotes:   []audit.FactChange{{Change: audit.Paraphrased, Kind: facts.Quote, Query: fact(facts.Quote, hostileText, qText), Source: fact(facts.Quote, hostileText, sText), Attribution: img}},
				Unsupported: []audit.Claim{{Query: analyze.Span{Start: 0, End: len(qText)}, Text: qText, Reason: hostileText,
					Facts: []facts.Fact{*qf}}},
				Arithmetic: []audit.Relation{{Kind: img, Text: hostileText, Query: []facts.Fact{*qf}, InQuery: img}},
			},
		}},
		Origin: &origin.Chain{Origin: hostileText, Confidence: 0.5, Links: []origin.Link{
			{From: hostileText, To: hostile[0], Basis: "dates", Confidence: 0.95, Reason: "published " + hostileText},
		}},
	}
}

// TestHTMLEscapesArticleText parses the page and checks that no article
// text became an element or an attribute: only the page's own elements, no
// event handlers, no links out, no terminal or bidi controls.
func TestHTMLEscapesArticleText(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script", "<img", "\x1b", "\u202E", "\u202C", "\x07"} {
		if strings.Contains(strings.ToLower(out), bad) {
			t.Errorf("HTML output contains %q unescaped", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;", `\u202e`, `\u001b`} {
		if !strings.Contains(out, want) {
			t.Errorf("HTML output lacks the escaped form %q of the hostile text", want)
		}
	}
	allowed := map[string]bool{}
	for _, el := range strings.Fields("html head meta title style body header main section h1 h2 h3 p span div b i mark ul li table tbody tr th td figure figcaption svg rect line a text ol small") {
		allowed[el] = true
	}
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	marks := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowed[n.Data] {
				t.Errorf("element <%s> in the output; article text became markup", n.Data)
			}
			if n.Data == "b" && len(n.Attr) == 0 && n.FirstChild != nil && n.FirstChild.Data == "Paris" {
				t.Errorf("the article's <b>Paris</b> became an element")
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(strings.ToLower(a.Key), "on") || a.Key == "src" || a.Key == "style" {
					t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
				}
				if a.Key == "href" && !strings.HasPrefix(a.Val, "#") {
					t.Errorf("<%s href=%q> leaves the page", n.Data, a.Val)
				}
				if a.Key == "class" && !regexp.MustCompile(`^[a-z0-9 -]*$`).MatchString(a.Val) {
					t.Errorf("<%s class=%q> carries more than class tokens", n.Data, a.Val)
				}
			}
			if n.Data == "mark" {
				marks++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	// Legend marks plus the highlights: the hostile entity, quantity,
	// quotation and unsupported sentence on both sides must be marked.
	if marks < 20 {
		t.Errorf("only %d <mark> elements; the hostile facts were not highlighted", marks)
	}
}

// TestMarkdownEscapesArticleText checks that article text opens no
// Markdown or HTML construct: every markup character from it is
// backslash-escaped, and table rows keep their columns.
func TestMarkdownEscapesArticleText(t *testing.T) {
	var b bytes.Buffer
	if err := report.WriteMarkdown(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"\x1b", "\u202E", "\x07"} {
		if strings.Contains(out, bad) {
			t.Errorf("Markdown output contains %q", bad)
		}
	}
	// The renderer itself writes no <, >, [, ], `, &, ! or ~; any in the
	// output came from the article and must be escaped.
	for i, line := range strings.Split(out, "\n") {
		if live := unescaped(line, "<>[]`&!~"); live != "" {
			t.Errorf("line %d has unescaped %q: %s", i+1, live, line)
		}
		if strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "# storytrace ") && !strings.HasPrefix(line, "## ") && !strings.HasPrefix(line, "### ") {
			t.Errorf("line %d is a heading the renderer did not write: %s", i+1, line)
		}
	}
	for _, want := range []string{`\<script\>`, `\[x\]\(javascript:alert\(1\)\)`, `\*\*`, `\|`, `\u202e`} {
		if !strings.Contains(out, want) {
			t.Errorf("Markdown output lacks the escaped form %q", want)
		}
	}
	// Table rows: as many unescaped pipes as the header row above them.
	header := 0
	for i, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "|") {
			header = 0
			continue
		}
		n := len(unescaped(line, "|"))
		if header == 0 {
			header = n
			continue
		}
		if n != header {
			t.Errorf("line %d has %d cell separators, its table %d: %s", i+1, n, header, line)
		}
	}
}

// unescaped returns the characters of set that occur in line without a
// backslash escaping them.
func unescaped(line, set string) string {
	var out []byte
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\':
			i++ // skip the escaped character
		case strings.IndexByte(set, line[i]) >= 0:
			out = append(out, line[i])
		}
	}
	return string(out)
}
