package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// benchmarkGold reads the Zyte article-extraction benchmark's gold bodies.
func benchmarkGold(t *testing.T) (dir string, gold map[string]struct{ ArticleBody, URL string }) {
	t.Helper()
	dir = sharedPath(t, "data", "article-extraction-benchmark")
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatalf("ground-truth.json: %v", err)
	}
	return dir, gold
}

// goldSentence is the first line of the gold body long enough to be a real
// sentence rather than a caption or a dateline.
func goldSentence(body string) string {
	for _, line := range strings.Split(body, "\n") {
		if len(line) >= 80 {
			return collapseSpace(line)
		}
	}
	return ""
}

func TestParseHTMLBenchmarkPagesKeepParagraphs(t *testing.T) {
	dir, gold := benchmarkGold(t)
	pages := []string{
		"042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856", // wsj.com
		"04a6711caa7c687592777718866e781e976e0fe684faebe8b3cedcef8cd0ea34", // nytimes.com
		"05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f", // ctpost.com
		"06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85",
		"06ee193de4bd611f7fafbab0c59b0f6fe3495093516720632cd093b24c7a0e98",
		"076f4f33bf75059db581bedf36e76fb65e89a8f7752db3339aa3ea11c5122f32",
	}
	for _, id := range pages {
		t.Run(id[:8], func(t *testing.T) {
			path := filepath.Join(dir, "html", id+".html.gz")
			articles, _, err := readFile(t, path, Options{})
			if err != nil {
				t.Fatal(err)
			}
			a := articles[0]
			if a.ID != id || a.Input != path {
				t.Errorf("id, input = %q, %q; want %q, %q", a.ID, a.Input, id, path)
			}
			if len(a.Paragraphs) < 2 {
				t.Fatalf("got %d paragraphs, want the page's paragraph breaks kept", len(a.Paragraphs))
			}
			for i, p := range a.Paragraphs {
				if p == "" || p != collapseSpace(p) {
					t.Errorf("paragraph %d has uncollapsed white space: %.60q", i, p)
				}
			}
			want := goldSentence(gold[id].ArticleBody)
			if !strings.Contains(a.Text(), want) {
				t.Errorf("gold sentence missing from body:\n%s\nbody starts:\n%.300s", want, a.Text())
			}
			if a.Title == "" {
				t.Error("no title")
			}
			if a.Title == a.Paragraphs[0] {
				t.Errorf("the title %q is repeated as the first paragraph", a.Title)
			}
		})
	}
}

func TestParseHTMLMetadata(t *testing.T) {
	dir, _ := benchmarkGold(t)
	path := filepath.Join(dir, "html", "042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz")
	articles, _, err := readFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := articles[0]
	want := Article{
		Title:     "Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay",
		Published: "2019-11-19T08:03:00-05:00",
		URL:       "https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-so-many-ways-to-playand-pay-11574168580",
		Site:      "Wall Street Journal",
	}
	if a.Title != want.Title || a.Published != want.Published || a.URL != want.URL || a.Site != want.Site {
		t.Errorf("got title=%q published=%q url=%q site=%q\nwant title=%q published=%q url=%q site=%q",
			a.Title, a.Published, a.URL, a.Site, want.Title, want.Published, want.URL, want.Site)
	}
}

// A Latin-1 page must be decoded by its <meta charset>, not refused as
// invalid UTF-8 nor read as mojibake.
func TestParseHTMLDecodesDeclaredCharset(t *testing.T) {
	path := sharedPath(t, "data", "web-extraction-eval", "html", "bf846647242c110ec748601b0742575aa9ea7bf8.html.gz")
	articles, _, err := readFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := articles[0]
	if a.Title != "Bayern fordert höhere Erlösobergrenzen für Bioenergie" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Published != "2022-12-12T12:48:15+02:00" {
		t.Errorf("published = %q, want the gold day 2022-12-12 at the page's 12:48:15+02:00", a.Published)
	}
	// The gold "with" snippets must be in the body, the "without" ones not.
	for _, s := range []string{"Wie der Ressortchef am Dienstag ", "Unterdessen pochte die Leiterin", "Derweil würde die vorgeschlagene"} {
		if !strings.Contains(a.Text(), s) {
			t.Errorf("body lacks %q", s)
		}
	}
	for _, s := range []string{"Weitere Artikel zum Thema", "Kommentierte Artikel", "Mehr zum Thema"} {
		if strings.Contains(a.Text(), s) {
			t.Errorf("body holds boilerplate %q", s)
		}
	}
}

func TestHTMLParagraphsFollowBlocks(t *testing.T) {
	page := `<html><body><article>
		<h2>A   heading</h2>
		<p>One <em>inline</em> and <a href="#">linked</a>
		   sentence.</p>
		<ul><li>First item</li><li>Second item</li></ul>
		<div>Direct div text<p>nested paragraph</p>after it</div>
		<p>Line one<br>line two<br><br>after a double break</p>
		<table><tr><td>cell a</td><td>cell b</td></tr></table>
		<script>var hidden = 1;</script>
	</article></body></html>`
	want := []string{
		"A heading", "One inline and linked sentence.", "First item", "Second item",
		"Direct div text", "nested paragraph", "after it",
		"Line one line two", "after a double break", "cell a cell b",
	}
	root := mustParseHTML(t, page)
	got := htmlParagraphs(root)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("paragraphs =\n%q\nwant\n%q", got, want)
	}
}

// Most benchmark pages, not just the chosen few, keep a gold sentence.
func TestParseHTMLWholeBenchmark(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 181 pages")
	}
	dir, gold := benchmarkGold(t)
	found, multi := 0, 0
	for id, g := range gold {
		articles, _, err := readFile(t, filepath.Join(dir, "html", id+".html.gz"), Options{})
		if err != nil {
			t.Logf("%s: %v", id, err)
			continue
		}
		if strings.Contains(articles[0].Text(), goldSentence(g.ArticleBody)) {
			found++
		}
		if len(articles[0].Paragraphs) > 1 {
			multi++
		}
	}
	t.Logf("gold sentence found in %d of %d pages; %d with more than one paragraph", found, len(gold), multi)
	if found < len(gold)*85/100 || multi < len(gold)*95/100 {
		t.Errorf("gold sentence found in %d/%d pages (want ≥ 85%%), multi-paragraph %d (want ≥ 95%%)", found, len(gold), multi)
	}
}

// Real pages of trafilatura's evaluation set: one has 22 stray NUL bytes
// after an <img> (a Bolivian news page), which made
// it "binary"; one hyphenates its words with soft hyphens
// (weinkenner.de), which split them in the text.
func TestHTMLStrayNULsAndSoftHyphens(t *testing.T) {
	for _, c := range []struct{ sha, want string }{
		{"0f9bd370fa1edd2f01786761c8727bf726ff5546", "La audiencia que podría ser decisiva"},
		{"364fd620cadb265b53cf519341b801417fb85369", "St. Magdalener überzeugen mit zarter Frucht"},
	} {
		if text := evalPage(t, c.sha).Text(); !strings.Contains(text, c.want) {
			t.Errorf("%s: %q not in the text", c.sha, c.want)
		}
	}
}

func TestHTMLWithManyNULsIsBinary(t *testing.T) {
	page := []byte("<html><body><p>" + strings.Repeat("a\x00", 500) + "</p></body></html>")
	if _, err := Parse(Input{Path: "junk.html"}, page, Options{}); err == nil {
		t.Error("a page that is half NUL bytes parsed; want a binary-content error")
	}
}

// trafilatura trims the text around the inline elements it keeps, so its
// content node reads "Gurte" + <strong>"möglichst"</strong>: real pages of
// trafilatura's evaluation set (adac.de, a Python blog) lost the space
// between words there. A boundary before punctuation or inside Chinese
// text is no word break.
func TestHTMLParagraphsSpaceBetweenWordsAtElementBoundaries(t *testing.T) {
	for _, c := range []struct{ sha, want string }{
		{"967f050ad5b837b938294f6166dc6601ee7b6f9e", "geradlinig verlaufen und keine Falten"},
		{"5ae702f96248af6ffb413a52ff7016f7172ce0bb", "earlier in your Dockerfile to ensure faster builds."},
	} {
		if text := evalPage(t, c.sha).Text(); !strings.Contains(text, c.want) {
			t.Errorf("%s: %q not in the text", c.sha, c.want)
		}
	}
	// A paragraph as trafilatura leaves it: "A" <a>"link"</a> ", then 一个"
	// <b>"约定"</b> ".".
	p := &html.Node{Type: html.ElementNode, Data: "p"}
	for _, c := range []*html.Node{
		{Type: html.TextNode, Data: "A"},
		inline("a", "link"),
		{Type: html.TextNode, Data: ", then 一个"},
		inline("b", "约定"),
		{Type: html.TextNode, Data: "."},
	} {
		p.AppendChild(c)
	}
	if got := htmlParagraphs(p); len(got) != 1 || got[0] != "A link, then 一个约定." {
		t.Errorf("paragraphs = %q, want [\"A link, then 一个约定.\"]", got)
	}
}

func inline(tag, text string) *html.Node {
	n := &html.Node{Type: html.ElementNode, Data: tag}
	n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
	return n
}

// An archived Xinhua page (web.archive.org) declares charset=gb2312 after
// the Wayback Machine's kilobyte of scripts, past the standard's 1,024-byte
// prescan: read as windows-1252 it was mojibake.
func TestHTMLLateCharsetDeclaration(t *testing.T) {
	a := evalPage(t, "e1332f74b3f78a41c531e8d1d3ae8f06fd28581b")
	if want := "话剧《约定无期限》河北各市巡演结束"; a.Title != want {
		t.Errorf("title %q, want %q", a.Title, want)
	}
	if want := "一个约定，信守15年，感人至深"; !strings.Contains(a.Text(), want) {
		t.Errorf("%q not in the text", want)
	}
	// A declaration in the body's text is no declaration.
	page := []byte("<html><head><title>t</title></head><body><p>" + strings.Repeat("Caf\xe9 text. ", 200) +
		"</p><p>Write &lt;meta charset=gb2312&gt; or <code><meta charset=gb2312></code> in your page.</p></body></html>")
	arts, err := Parse(Input{Path: "late.html"}, page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(arts[0].Text(), "Café text.") {
		t.Errorf("a charset named in the body changed the encoding: %.80q", arts[0].Text())
	}
}

// NHK News Web Easy glosses its kanji with furigana (<ruby>子<rt>こ</rt></ruby>ども):
// the readings are not the text.
func TestHTMLRubyAnnotationsDropped(t *testing.T) {
	a := evalPage(t, "a0dc1a55ce7534c0c43fb17a00c9fd0c8990a125")
	text := a.Text()
	if want := "子どもへの虐待をなくすための法律ができて"; !strings.Contains(text, want) {
		t.Errorf("%q not in the text: %.200q", want, text)
	}
	if strings.Contains(text, "子こども") || strings.Contains(a.Title, "子こども") {
		t.Errorf("readings left in: title %q, text %.120q", a.Title, text)
	}
}
