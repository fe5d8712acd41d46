package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/facts"
	"github.com/storytrace/storytrace/origin"
)

//go:embed page.html.tmpl
var pageTemplate string

// page is parsed once. Article text reaches it only as plain strings and
// segments, never as template.HTML, so html/template escapes all of it for
// the context it lands in (element text, attribute value, SVG title).
var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"pct": func(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) },
	"f2":  func(x float64) string { return fmt.Sprintf("%.2f", x) },
	"f3":  func(x float64) string { return fmt.Sprintf("%.3f", x) },
	"f1":  func(x float64) string { return fmt.Sprintf("%.1f", x) },
}).Parse(pageTemplate))

// WriteHTML writes r as one self-contained HTML page: inline CSS, no script,
// nothing fetched. For each source it shows the verdict, a dot plot of the
// alignment, the aligned passages side by side with every fact change marked
// by kind and change, the unsupported query sentences, and the arithmetic.
func WriteHTML(w io.Writer, r *Report) error {
	return page.Execute(w, newPageView(r))
}

type pageView struct {
	Title   string
	Mode    string
	Query   articleView
	Archive *ArchiveInfo
	Sources []sourceView
	Origin  *origin.Chain
}

type articleView struct {
	ID, Title, URL, Published, Input string
	Sentences, Terms                 int
}

type sourceView struct {
	Rank         int
	Anchor       string
	Article      articleView
	Verdict      string
	VerdictClass string
	Confidence   float64
	Reasons      []string
	// Reverse and ReverseReasons are Source.Reverse's verdict and reasons.
	Reverse        string
	ReverseReasons []string
	Score, BM25    float64
	Bands          int
	Evidence       audit.Evidence
	Detailed       bool

	Plot                      *plotView
	Passages                  []passageView
	Kept, Altered, Dropped    int
	Added                     int
	Facts, Names, Quotes, Neg []changeRow
	Unsupported               []claimRow
	Arithmetic                []relationRow
}

type passageView struct {
	Anchor        string
	N             int
	Kind          string
	KindClass     string
	Similarity    float64
	QStart, QEnd  int
	SStart, SEnd  int
	Query, Source []segment
}

type changeRow struct {
	Change, ChangeClass string
	Kind, KindClass     string
	Query, Source       string
	Note                string
	Attribution         string
}

type claimRow struct {
	Start, End int
	Text       string
	Reason     string
	Facts      string
}

type relationRow struct {
	Kind, Text     string
	Query          string
	InQuery, Class string
}

func newPageView(r *Report) pageView {
	v := pageView{Mode: Escape(r.Mode), Query: newArticleView(r.Query), Archive: r.Archive, Origin: escapeChain(r.Origin)}
	v.Title = "storytrace: " + v.Query.ID
	if v.Query.Title != "" {
		v.Title = "storytrace: " + v.Query.Title
	}
	for i, s := range r.Sources {
		v.Sources = append(v.Sources, newSourceView(i, s))
	}
	return v
}

func newArticleView(a ArticleInfo) articleView {
	return articleView{
		ID: Escape(a.ID), Title: Escape(a.Title), URL: Escape(a.URL), Published: Escape(a.Published), Input: Escape(a.Input),
		Sentences: a.Sentences, Terms: a.Terms,
	}
}

func newSourceView(i int, s Source) sourceView {
	d := s.Decision
	v := sourceView{
		Rank: s.Rank, Anchor: fmt.Sprintf("s%d", i+1), Article: newArticleView(s.Article),
		Verdict: Escape(string(d.Verdict)), VerdictClass: "v-" + classToken(string(d.Verdict)),
		Confidence: d.Confidence, Score: s.Score, BM25: s.BM25, Bands: s.Bands, Evidence: d.Evidence,
		Detailed: s.detailed(),
	}
	for _, reason := range d.Reasons {
		v.Reasons = append(v.Reasons, Escape(reason))
	}
	if rv := s.Reverse; rv != nil {
		v.Reverse = Escape(fmt.Sprintf("%s of the query (confidence %.2f)", rv.Verdict, rv.Confidence))
		for _, reason := range rv.Reasons {
			v.ReverseReasons = append(v.ReverseReasons, Escape(reason))
		}
	}
	if !v.Detailed {
		return v
	}
	n := s.FactCounts
	v.Kept, v.Altered, v.Dropped, v.Added = n[audit.Kept], n[audit.Altered], n[audit.Dropped], n[audit.Added]
	v.Facts = changeRows(s.Facts)
	a := s.Audit
	if a == nil {
		a = &audit.Result{}
	}
	v.Names, v.Quotes, v.Neg = changeRows(a.Entities), changeRows(a.Quotes), changeRows(a.Negations)
	for _, c := range a.Unsupported {
		row := claimRow{Start: c.Query.Start, End: c.Query.End, Text: Escape(c.Text), Reason: Escape(c.Reason)}
		var fs []string
		for _, f := range c.Facts {
			fs = append(fs, Escape(f.Text))
		}
		row.Facts = strings.Join(fs, " · ")
		v.Unsupported = append(v.Unsupported, row)
	}
	for _, rel := range a.Arithmetic {
		var qs []string
		for _, f := range rel.Query {
			qs = append(qs, Escape(f.Text))
		}
		v.Arithmetic = append(v.Arithmetic, relationRow{
			Kind: Escape(rel.Kind), Text: Escape(rel.Text), Query: strings.Join(qs, ", "),
			InQuery: Escape(rel.InQuery), Class: "r-" + classToken(rel.InQuery),
		})
	}
	qSpans, sSpans := changeSpans(s, a)
	for j, p := range s.Passages {
		v.Passages = append(v.Passages, passageView{
			Anchor: fmt.Sprintf("%s-p%d", v.Anchor, j+1), N: j + 1,
			Kind: Escape(string(p.Kind)), KindClass: "p-" + classToken(string(p.Kind)), Similarity: p.Similarity,
			QStart: p.Query.Start, QEnd: p.Query.End, SStart: p.Source.Start, SEnd: p.Source.End,
			Query:  highlight(p.Query.Text, place(p.Query, qSpans)),
			Source: highlight(p.Source.Text, place(p.Source, sSpans)),
		})
	}
	v.Plot = newPlot(v.Anchor, s, a)
	return v
}

func changeRows(list []audit.FactChange) []changeRow {
	var out []changeRow
	for _, c := range list {
		row := changeRow{
			Change: Escape(string(c.Change)), ChangeClass: "c-" + classToken(string(c.Change)),
			Kind: Escape(string(c.Kind)), KindClass: "k-" + classToken(string(c.Kind)),
			Note: Escape(c.Note), Attribution: Escape(c.Attribution),
		}
		if c.Query != nil {
			row.Query = Escape(c.Query.Text)
		}
		if c.Source != nil {
			row.Source = Escape(c.Source.Text)
		}
		out = append(out, row)
	}
	return out
}

// articleSpan is a span of a full article text to mark wherever a passage
// shows it.
type articleSpan struct {
	start, end int
	text       string
	clip       bool // sentence-scale: mark the part a passage shows
	class      string
	title      string
	rank       int
}

// Ranks of marks over the same text: an unsupported sentence encloses a
// quotation, which encloses the names and figures in it.
const (
	rankClaim = iota
	rankSentence
	rankFact
)

// changeSpans lists the marks every fact change and unsupported sentence of
// s puts on the query's text and on the source's.
func changeSpans(s Source, a *audit.Result) (q, src []articleSpan) {
	add := func(c audit.FactChange) {
		kind, change := string(c.Kind), string(c.Change)
		class := "f k-" + classToken(kind) + " c-" + classToken(change)
		sentence := c.Kind == facts.Quote || c.Kind == facts.Reported || c.Kind == audit.Negation
		rank := rankFact
		if sentence {
			rank = rankSentence
		}
		title := kind + " " + change
		if c.Query != nil && c.Source != nil {
			title += ": " + excerpt(c.Query.Text, 80) + " ← source: " + excerpt(c.Source.Text, 80)
		}
		if c.Attribution != "" {
			title += "; attribution " + Escape(c.Attribution)
		}
		if c.Note != "" {
			title += "; " + Escape(c.Note)
		}
		if f := c.Query; f != nil {
			q = append(q, articleSpan{f.Start, f.End, f.Text, sentence, class, title, rank})
		}
		if f := c.Source; f != nil {
			src = append(src, articleSpan{f.Start, f.End, f.Text, sentence, class, title, rank})
		}
	}
	for _, c := range s.Facts {
		add(c)
	}
	for _, list := range [][]audit.FactChange{a.Entities, a.Quotes, a.Negations} {
		for _, c := range list {
			add(c)
		}
	}
	for _, c := range a.Unsupported {
		q = append(q, articleSpan{c.Query.Start, c.Query.End, c.Text, true, "unsupported",
			"unsupported: " + Escape(c.Reason), rankClaim})
	}
	return q, src
}

// place keeps the spans that fall in passage p, relative to its text.
func place(p Text, spans []articleSpan) []span {
	var out []span
	for _, s := range spans {
		if lo, hi, ok := spanIn(p, s.start, s.end, s.text, s.clip); ok {
			out = append(out, span{start: lo, end: hi, class: s.class, title: s.title, rank: s.rank})
		}
	}
	return out
}

// classToken turns a value ("partial reuse", "query only") into a CSS class
// token: lower-case letters and digits, other runs as one hyphen.
func classToken(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "none"
	}
	return b.String()
}

// escapeChain shows control and bidi characters in the chain's IDs and
// reasons escaped, as every other article string on the page.
func escapeChain(c *origin.Chain) *origin.Chain {
	if c == nil {
		return nil
	}
	out := *c
	out.Origin = Escape(c.Origin)
	out.Links = nil
	for _, l := range c.Links {
		l.From, l.To, l.Reason = Escape(l.From), Escape(l.To), Escape(l.Reason)
		out.Links = append(out.Links, l)
	}
	return &out
}
