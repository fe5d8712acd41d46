package extract

import (
	"strings"
	"testing"
)

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"21 Nov, 2024", true},
		{"Updated 21 Nov, 2024", true},
		{"Updated 20 Nov, 2024", true},
		{"Nov 21, 2024", true},
		{"November 21st 2024", true},
		{"Thursday 21 November 2024 10:15 GMT", true},
		{"Published on 2024-11-21", true},
		{"21/11/2024", true},
		{"Last updated: Nov 21, 2024 at 9:30 pm", true},
		{"3 hours ago", true},
		{"Military option", false},
		{"On 21 Nov, 2024 the ministry said so.", false},
		{"2024", false},
		{"541,210", false},
	}
	for _, tt := range tests {
		if got := isDateLine(tt.line); got != tt.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestFurnitureStart(t *testing.T) {
	body := []string{
		"The ministry said 541,210 people had been sent back after the cabinet approved the plan for illegal residents in the country.",
		"It added that a further 110,064 had left, according to data from the Integrated Border Management System and other systems.",
		"Advocacy groups say the drive has forcibly repatriated scores of people awaiting resettlement, and that letters were ignored.",
	}
	tests := []struct {
		name string
		tail []string
		cut  int // paragraphs removed from the end
	}{
		{"no tail", nil, 0},
		{"sidebar of labels, headlines, dates and teasers is cut",
			[]string{"Opinion", "Editorial", "Military option\nUpdated 21 Nov, 2024", "Military option", "A TORTUROUS sense of deja vu. The largest..."}, 5},
		{"headline-like closing lines without a date or teaser stay",
			[]string{"Referee: A Smith (England)", "Subs: Jones, Brown", "Attendance: 40,000"}, 0},
		{"two furniture paragraphs are too few to cut",
			[]string{"Related", "21 Nov, 2024"}, 0},
		{"a tail longer than the article stays",
			[]string{"Opinion", "21 Nov, 2024", strings.Repeat("x ", 20) + "...", strings.Repeat("y ", 30) + "...", strings.Repeat("z ", 40) + "...",
				strings.Repeat("w ", 50) + "...", strings.Repeat("v ", 60) + "...", strings.Repeat("u ", 70) + "...", strings.Repeat("t ", 80) + "..."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Join(append(append([]string{}, body...), tt.tail...), "\n\n")
			paras := splitParagraphs(text)
			got := len(paras) - furnitureStart(paras)
			if got != tt.cut {
				t.Errorf("cut %d paragraphs, want %d", got, tt.cut)
			}
		})
	}
}

// Normal articles end in sentences: the furniture rule must not take a
// single paragraph from any of the 2,225 BBC articles.
func TestFurnitureKeepsEveryBBCParagraph(t *testing.T) {
	path := sharedPath(t, "data", "bbc-news-summary", "bbc_news_summary.jsonl.gz")
	articles, lineErrs, err := readFile(t, path, Options{})
	if err != nil || len(lineErrs) > 0 {
		t.Fatalf("reading %s: %v %v", path, err, lineErrs)
	}
	for _, a := range articles {
		paras := splitParagraphs(a.Text())
		if start := furnitureStart(paras); start != len(paras) {
			t.Errorf("%s: furniture rule would cut %d of %d paragraphs, from %q",
				a.ID, len(paras)-start, len(paras), paras[start])
		}
		// The same text read as a plain-text file keeps every paragraph
		// (the first may become the title when it looks like one).
		b, err := parseText([]byte(a.Text()))
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if got := len(b.Paragraphs) + btoi(b.Title != ""); got != len(a.Paragraphs) {
			t.Errorf("%s: as text, %d paragraphs (+title), want %d", a.ID, got, len(a.Paragraphs))
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestIsShareBarAndTeaser(t *testing.T) {
	for _, c := range []struct {
		line        string
		bar, teaser bool
	}{
		{"Whatsapp Facebook Pint Baixar", true, false}, // mensagensreflexao.com.br
		{"Share | Tweet | Email", true, false},
		{"Share", false, false}, // a lone word is the HTML rule's business
		{"Share the road with cyclists", false, false},
		{"President Trump campaigned in the Pittsburgh area for Rick Saccone, the Republican candidate in the March 13, 2018, 18th Congressional… read more", false, true}, // politifact scrape
		{"THE failed attempt to privatise the national flag carrier late last month has led to a fierce debate around the...", false, true},
		{"Read more", false, false},
		{"He said he would read more.", false, false},
	} {
		if got := isShareBar(c.line); got != c.bar {
			t.Errorf("isShareBar(%q) = %v, want %v", c.line, got, c.bar)
		}
		if got := isTeaser(c.line); got != c.teaser {
			t.Errorf("isTeaser(%q) = %v, want %v", c.line, got, c.teaser)
		}
	}
}
