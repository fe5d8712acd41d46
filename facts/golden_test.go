package facts

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata with the current output")

// Golden files (testdata/*.txt) follow the shape of cockroachdb/datadriven
// files, so that a change in behaviour shows as a readable diff of input
// and output side by side:
//
//	# A comment, kept when the file is rewritten.
//	extract
//	Text to extract from; any number of lines,
//
//	blank lines included.
//	----
//	quantity "541,210" q:541210
//	date "Oct 31" d:--10-31
//
// The input runs to the "----" line and the expected output, one fact per
// line in describe form, to the next blank line. "go test -update"
// rewrites each expected output with the actual one.

// goldenCase is one case of a golden file.
type goldenCase struct {
	lead      []string // comment and blank lines before the directive
	line      int      // line number of the directive, for messages
	directive string
	input     string
	want      []string
}

// parseGolden splits a golden file into cases, returning lines after the
// last case separately.
func parseGolden(data string) (cases []goldenCase, tail []string, err error) {
	lines := strings.Split(strings.TrimSuffix(data, "\n"), "\n")
	var lead []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" || strings.HasPrefix(l, "#") {
			lead = append(lead, l)
			continue
		}
		c := goldenCase{lead: lead, line: i + 1, directive: l}
		lead = nil
		var input []string
		for i++; i < len(lines) && lines[i] != "----"; i++ {
			input = append(input, lines[i])
		}
		if i == len(lines) {
			return nil, nil, fmt.Errorf("line %d: case has no ---- line", c.line)
		}
		c.input = strings.Join(input, "\n")
		for i++; i < len(lines) && lines[i] != ""; i++ {
			c.want = append(c.want, lines[i])
		}
		cases = append(cases, c)
	}
	return cases, lead, nil
}

// formatGolden writes cases back in the golden file format.
func formatGolden(cases []goldenCase, tail []string) string {
	var b strings.Builder
	for _, c := range cases {
		for _, l := range c.lead {
			b.WriteString(l + "\n")
		}
		fmt.Fprintf(&b, "%s\n%s\n----\n", c.directive, c.input)
		for _, l := range c.want {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
	}
	for _, l := range tail {
		b.WriteString(l + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// runDirective returns the output of one golden case.
func runDirective(c goldenCase) ([]string, error) {
	switch c.directive {
	case "extract":
		facts := Extract(c.input)
		if err := checkFacts(c.input, facts); err != nil {
			return nil, err
		}
		return describeAll(facts), nil
	case "entities", "quotes":
		facts := Entities(c.input)
		if c.directive == "quotes" {
			facts = Quotes(c.input)
		}
		if err := checkFacts(c.input, facts); err != nil {
			return nil, err
		}
		return describeAll(facts), nil
	}
	if day, ok := strings.CutPrefix(c.directive, "extract-at "); ok {
		published, err := time.Parse("2006-01-02", day)
		if err != nil {
			return nil, err
		}
		facts := ExtractAt(c.input, published)
		if err := checkFacts(c.input, facts); err != nil {
			return nil, err
		}
		return describeAll(facts), nil
	}
	return nil, fmt.Errorf("unknown directive %q", c.directive)
}

func TestGolden(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden files in testdata (%v)", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			cases, tail, err := parseGolden(string(data))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			for i := range cases {
				c := &cases[i]
				got, err := runDirective(*c)
				if err != nil {
					t.Errorf("%s:%d: %v", path, c.line, err)
					continue
				}
				if *update {
					c.want = got
					continue
				}
				if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
					t.Errorf("%s:%d: output differs (run with -update to accept)\n got:\n%s\nwant:\n%s",
						path, c.line, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
				}
			}
			if *update {
				if err := os.WriteFile(path, []byte(formatGolden(cases, tail)), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

func TestGoldenFormatRoundTrips(t *testing.T) {
	const file = "# comment\nextract\nline one\n\nline three\n----\nquantity \"3\" q:3\n\nextract\nnothing\n----\n\n# tail"
	cases, tail, err := parseGolden(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 2 || cases[0].input != "line one\n\nline three" || len(cases[0].want) != 1 || len(cases[1].want) != 0 {
		t.Fatalf("parseGolden gave %+v", cases)
	}
	if got := formatGolden(cases, tail); got != file {
		t.Errorf("formatGolden(parseGolden(f)) =\n%s\nwant\n%s", got, file)
	}
}
