package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/storytrace/storytrace/audit"
)

// Formats lists the renderings Write accepts.
var Formats = []string{"text", "json", "jsonl", "md", "html"}

// Write renders r in the named format.
func Write(w io.Writer, r *Report, format string) error {
	switch format {
	case "json":
		return WriteJSON(w, r)
	case "jsonl":
		return WriteJSONLine(w, r)
	case "text", "":
		return WriteText(w, r)
	case "md":
		return WriteMarkdown(w, r)
	case "html":
		return WriteHTML(w, r)
	default:
		return fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
}

// WriteJSON writes r as indented JSON following Schema.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteJSONLine writes r as JSON on one line: a batch of traces is a JSON
// Lines file, one report per document.
func WriteJSONLine(w io.Writer, r *Report) error {
	return json.NewEncoder(w).Encode(r)
}

// WriteText writes r for a person at a terminal. Article text is other
// people's: control characters are shown escaped so a hostile article cannot
// drive the terminal.
func WriteText(w io.Writer, r *Report) error {
	tw := &textWriter{w: w}
	q := r.Query
	tw.printf("query   %s%s  (%d sentences)\n", Escape(q.ID), titled(q.Title), q.Sentences)
	if r.Archive != nil {
		tw.printf("archive %d articles, %d candidates verified\n", r.Archive.Articles, r.Archive.Candidates)
	}
	if len(r.Sources) == 0 {
		tw.printf("\nno source found\n")
		return tw.err
	}
	if o := r.Origin; o != nil {
		tw.printf("origin  %s (confidence %.2f)\n", Escape(o.Origin), o.Confidence)
		for _, l := range o.Links {
			tw.printf("        %s → %s  [%s %.2f: %s]\n", Escape(l.From), Escape(l.To), l.Basis, l.Confidence, Escape(l.Reason))
		}
	}
	for _, s := range r.Sources {
		tw.printf("\n%d. %s%s\n", s.Rank, Escape(s.Article.ID), titled(s.Article.Title))
		d := s.Decision
		tw.printf("   verdict  %s (confidence %.2f)\n", d.Verdict, d.Confidence)
		tw.printf("   why      %s\n", Escape(strings.Join(d.Reasons, "; ")))
		if rv := s.Reverse; rv != nil {
			tw.printf("   reverse  %s of the query (confidence %.2f): %s\n", rv.Verdict, rv.Confidence, Escape(strings.Join(rv.Reasons, "; ")))
		}
		tw.printf("   signals  score %.3f, BM25 %.1f, LSH bands %d, query aligned %.0f%%, source aligned %.0f%%, shingle Jaccard %.2f\n",
			s.Score, s.BM25, s.Bands, 100*d.Evidence.QueryCoverage, 100*d.Evidence.SourceCoverage, d.Evidence.Jaccard)
		if !s.detailed() {
			continue
		}
		writePassages(tw, s)
		writeFacts(tw, s)
		writeAudit(tw, s.Audit)
	}
	return tw.err
}

func writePassages(tw *textWriter, s Source) {
	if len(s.Passages) == 0 {
		return
	}
	tw.printf("   passages (%d)\n", len(s.Passages))
	for _, p := range s.Passages {
		tw.printf("     %-13s %.2f  query %d–%d  ↔  source %d–%d\n", p.Kind, p.Similarity, p.Query.Start, p.Query.End, p.Source.Start, p.Source.End)
		tw.printf("       query:  %s\n", excerpt(p.Query.Text, 160))
		tw.printf("       source: %s\n", excerpt(p.Source.Text, 160))
	}
}

func writeFacts(tw *textWriter, s Source) {
	n := s.FactCounts
	tw.printf("   facts    %d kept, %d altered, %d dropped, %d added\n", n[audit.Kept], n[audit.Altered], n[audit.Dropped], n[audit.Added])
	for _, c := range s.Facts {
		var q, src string
		if c.Query != nil {
			q = Escape(c.Query.Text)
		}
		if c.Source != nil {
			src = Escape(c.Source.Text)
		}
		switch c.Change {
		case audit.Kept:
			tw.printf("     kept     %-8s %-28s (source: %s)", c.Kind, q, src)
		case audit.Altered:
			tw.printf("     altered  %-8s %-28s (source: %s)", c.Kind, q, src)
		case audit.Added:
			tw.printf("     added    %-8s %s", c.Kind, q)
		case audit.Dropped:
			tw.printf("     dropped  %-8s %s", c.Kind, src)
		}
		if c.Note != "" {
			tw.printf("  — %s", Escape(c.Note))
		}
		tw.printf("\n")
	}
}

// writeAudit writes the audit beyond the value diff: names, quotations,
// polarity, unsupported sentences, arithmetic.
func writeAudit(tw *textWriter, a *audit.Result) {
	if a == nil {
		return
	}
	changes := func(title string, list []audit.FactChange) {
		if len(list) == 0 {
			return
		}
		tw.printf("   %-8s %d\n", title, len(list))
		for _, c := range list {
			var q, src string
			if c.Query != nil {
				q = excerpt(c.Query.Text, 70)
			}
			if c.Source != nil {
				src = excerpt(c.Source.Text, 70)
			}
			switch {
			case q != "" && src != "":
				tw.printf("     %-11s %s  (source: %s)", c.Change, q, src)
			case q != "":
				tw.printf("     %-11s %s", c.Change, q)
			default:
				tw.printf("     %-11s %s", c.Change, src)
			}
			if c.Attribution != "" {
				tw.printf("  — attribution %s", c.Attribution)
			}
			if c.Note != "" {
				tw.printf("  — %s", Escape(c.Note))
			}
			tw.printf("\n")
		}
	}
	changes("names", a.Entities)
	changes("quotes", a.Quotes)
	changes("negation", a.Negations)
	if len(a.Unsupported) > 0 {
		tw.printf("   unsupported %d\n", len(a.Unsupported))
		for _, c := range a.Unsupported {
			tw.printf("     %s  — %s\n", excerpt(c.Text, 110), Escape(c.Reason))
		}
	}
	if len(a.Arithmetic) > 0 {
		tw.printf("   arithmetic\n")
		for _, r := range a.Arithmetic {
			tw.printf("     %s  — in query: %s\n", Escape(r.Text), r.InQuery)
		}
	}
}

// detailed reports whether the renderings show s's passages, facts and
// audit: only for a source the query derives from or shares the event with.
func (s Source) detailed() bool {
	return s.Decision.Verdict.Derived() || s.Decision.Verdict == audit.SameEvent || s.Reverse != nil
}

type textWriter struct {
	w   io.Writer
	err error
}

func (t *textWriter) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

func titled(title string) string {
	if title == "" {
		return ""
	}
	return "  “" + Escape(title) + "”"
}

// excerpt shortens s to at most n runes on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > n {
		r := []rune(s)
		s = string(r[:n]) + "…"
	}
	return Escape(s)
}

// Escape escapes control and format characters (ESC, bidi overrides, …) so
// text from an article prints as inert characters.
func Escape(s string) string {
	if !strings.ContainsFunc(s, needsEscape) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if needsEscape(r) || r == utf8.RuneError {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.Is(unicode.Cf, r)
}
