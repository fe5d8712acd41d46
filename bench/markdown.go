package bench

import (
	"fmt"
	"io"
	"strings"

	"github.com/storytrace/storytrace/bench/suite"
)

// WriteMarkdown renders the result: a header, then one table per Row.Table
// in the order tables first appear, each with the union of its rows' metric
// names as columns, then the rows' notes.
func (r *Result) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# storytrace benchmark\n\n")
	fmt.Fprintf(&b, "- date: %s\n- machine: %s\n- command: `%s`\n- took: %s\n", r.Date, r.Machine, r.Command, r.Took.Round(1e9))
	if r.Quick {
		b.WriteString("- **quick run**: small samples; figures are a smoke test, not results\n")
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "- **failed**: %s\n", f)
	}
	var order []string
	byTable := map[string][]suite.Row{}
	for _, row := range r.Rows {
		if _, ok := byTable[row.Table]; !ok {
			order = append(order, row.Table)
		}
		byTable[row.Table] = append(byTable[row.Table], row)
	}
	for _, t := range order {
		writeTable(&b, t, byTable[t])
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeTable(b *strings.Builder, name string, rows []suite.Row) {
	var cols []string
	seen := map[string]bool{}
	for _, r := range rows {
		for _, m := range r.Metrics {
			if !seen[m.Name] {
				seen[m.Name] = true
				cols = append(cols, m.Name)
			}
		}
	}
	fmt.Fprintf(b, "\n## %s\n\n| set | method | n | %s |\n|---|---|---|%s\n", name, strings.Join(cols, " | "), strings.Repeat("---|", len(cols)))
	var notes []string
	for _, r := range rows {
		vals := make([]string, len(cols))
		for i, c := range cols {
			vals[i] = "—"
			for _, m := range r.Metrics {
				if m.Name == c {
					vals[i] = format(m)
				}
			}
		}
		fmt.Fprintf(b, "| %s | %s | %d | %s |\n", r.Set, r.Method, r.N, strings.Join(vals, " | "))
		if r.Note != "" {
			notes = append(notes, fmt.Sprintf("- %s / %s: %s", r.Set, r.Method, r.Note))
		}
	}
	if len(notes) > 0 {
		b.WriteString("\n" + strings.Join(notes, "\n") + "\n")
	}
}

func format(m suite.Metric) string {
	f := m.Format
	if f == "" {
		f = "%.3f"
	}
	return fmt.Sprintf(f, m.Value)
}
