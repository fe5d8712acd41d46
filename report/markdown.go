package report

import (
	"io"
	"strings"

	"github.com/storytrace/storytrace/audit"
)

// WriteMarkdown writes r as a Markdown document (CommonMark with GitHub
// tables): the content of the text report, with the passages in full, side
// by side in a table. Every piece of article text goes through md, so a
// hostile article cannot add links, images, HTML or table cells.
func WriteMarkdown(w io.Writer, r *Report) error {
	tw := &textWriter{w: w}
	q := r.Query
	tw.printf("# storytrace %s: %s\n\n", md(r.Mode), mdTitle(q))
	tw.printf("- **Query:** %s (%d sentences, %d terms)\n", md(q.ID), q.Sentences, q.Terms)
	mdArticleMeta(tw, q)
	if r.Archive != nil {
		tw.printf("- **Archive:** %d articles, %d candidates verified\n", r.Archive.Articles, r.Archive.Candidates)
	}
	if len(r.Sources) == 0 {
		tw.printf("\nNo source found.\n")
		return tw.err
	}
	if o := r.Origin; o != nil {
		tw.printf("- **Origin:** %s (confidence %.2f)\n", md(o.Origin), o.Confidence)
		for _, l := range o.Links {
			tw.printf("  - %s → %s (%s, %.2f: %s)\n", md(l.From), md(l.To), md(l.Basis), l.Confidence, md(l.Reason))
		}
	}
	for _, s := range r.Sources {
		d := s.Decision
		tw.printf("\n## %d. %s — %s\n\n", s.Rank, mdTitle(s.Article), md(string(d.Verdict)))
		tw.printf("- **Source:** %s (%d sentences)\n", md(s.Article.ID), s.Article.Sentences)
		mdArticleMeta(tw, s.Article)
		tw.printf("- **Verdict:** %s (confidence %.2f)\n", md(string(d.Verdict)), d.Confidence)
		tw.printf("- **Why:** %s\n", md(strings.Join(d.Reasons, "; ")))
		if rv := s.Reverse; rv != nil {
			tw.printf("- **Made from the query:** %s of the query (confidence %.2f): %s\n", md(string(rv.Verdict)), rv.Confidence, md(strings.Join(rv.Reasons, "; ")))
		}
		tw.printf("- **Signals:** score %.3f, BM25 %.1f, LSH bands %d, query aligned %.0f%%, source aligned %.0f%%, shingle Jaccard %.2f\n",
			s.Score, s.BM25, s.Bands, 100*d.Evidence.QueryCoverage, 100*d.Evidence.SourceCoverage, d.Evidence.Jaccard)
		if !s.detailed() {
			continue
		}
		mdPassages(tw, s)
		mdFacts(tw, s)
		mdAudit(tw, s.Audit)
	}
	return tw.err
}

func mdTitle(a ArticleInfo) string {
	if a.Title != "" {
		return "“" + md(a.Title) + "”"
	}
	return md(a.ID)
}

// mdArticleMeta lists the URL and date of a; the URL as text, not a link:
// it is the article's claim, not ours.
func mdArticleMeta(tw *textWriter, a ArticleInfo) {
	if a.Published != "" {
		tw.printf("- **Published:** %s\n", md(a.Published))
	}
	if a.URL != "" {
		tw.printf("- **URL:** %s\n", md(a.URL))
	}
}

func mdPassages(tw *textWriter, s Source) {
	if len(s.Passages) == 0 {
		return
	}
	tw.printf("\n### Aligned passages (%d)\n\n", len(s.Passages))
	tw.printf("| # | kind | similarity | query | source |\n|--:|---|--:|---|---|\n")
	for i, p := range s.Passages {
		tw.printf("| %d | %s | %.2f | *bytes %d–%d:* %s | *bytes %d–%d:* %s |\n", i+1, md(string(p.Kind)), p.Similarity,
			p.Query.Start, p.Query.End, md(p.Query.Text), p.Source.Start, p.Source.End, md(p.Source.Text))
	}
}

func mdFacts(tw *textWriter, s Source) {
	n := s.FactCounts
	tw.printf("\n### Figures and dates: %d kept, %d altered, %d dropped, %d added\n", n[audit.Kept], n[audit.Altered], n[audit.Dropped], n[audit.Added])
	mdChanges(tw, s.Facts)
}

// mdChanges writes a list of fact changes as a table.
func mdChanges(tw *textWriter, list []audit.FactChange) {
	if len(list) == 0 {
		return
	}
	tw.printf("\n| change | kind | query | source | note |\n|---|---|---|---|---|\n")
	for _, c := range list {
		var q, src string
		if c.Query != nil {
			q = md(c.Query.Text)
		}
		if c.Source != nil {
			src = md(c.Source.Text)
		}
		var note []string
		if c.Attribution != "" {
			note = append(note, "attribution "+md(c.Attribution))
		}
		if c.Note != "" {
			note = append(note, md(c.Note))
		}
		tw.printf("| %s | %s | %s | %s | %s |\n", md(string(c.Change)), md(string(c.Kind)), q, src, strings.Join(note, "; "))
	}
}

// mdAudit writes the audit beyond the value diff, as WriteText does.
func mdAudit(tw *textWriter, a *audit.Result) {
	if a == nil {
		return
	}
	for _, part := range []struct {
		title string
		list  []audit.FactChange
	}{{"Names", a.Entities}, {"Quotations", a.Quotes}, {"Negations", a.Negations}} {
		if len(part.list) > 0 {
			tw.printf("\n### %s (%d)\n", part.title, len(part.list))
			mdChanges(tw, part.list)
		}
	}
	if len(a.Unsupported) > 0 {
		tw.printf("\n### Unsupported sentences (%d)\n\n| query bytes | sentence | why |\n|---|---|---|\n", len(a.Unsupported))
		for _, c := range a.Unsupported {
			tw.printf("| %d–%d | %s | %s |\n", c.Query.Start, c.Query.End, md(c.Text), md(c.Reason))
		}
	}
	if len(a.Arithmetic) > 0 {
		tw.printf("\n### Arithmetic\n\n| relation | kind | in query |\n|---|---|---|\n")
		for _, r := range a.Arithmetic {
			tw.printf("| %s | %s | %s |\n", md(r.Text), md(r.Kind), md(r.InQuery))
		}
	}
}

// md makes article text inert in Markdown: on one line (so it can start no
// block — heading, list, quote, fence — and fits a table cell), control and
// format characters shown escaped (clean), and every character that can
// open inline markup backslash-escaped: emphasis, code, links and images,
// autolinks and raw HTML, entities, strikethrough, math, table pipes. The
// "://" of a URL and the dot of "www." are escaped too, which keeps GitHub
// from turning a bare address into a link.
func md(s string) string {
	s = Escape(strings.Join(strings.Fields(s), " "))
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case strings.IndexByte("\\`*_{}[]()<>#|~!&$", c) >= 0:
			b.WriteByte('\\')
		case c == ':' && strings.HasPrefix(s[i:], "://"):
			b.WriteByte('\\')
		case c == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www"):
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
