package extract

import (
	"os"
	"slices"
	"strings"
	"testing"
)

func TestParseTextSplitsParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		title string
		want  []string
	}{
		{
			name: "blank lines separate paragraphs, inner line breaks join",
			in:   "First line\nwraps here.\n\nSecond paragraph.\n",
			want: []string{"First line wraps here.", "Second paragraph."},
		},
		{
			name: "without blank lines each line is a paragraph",
			in:   "One sentence.\nTwo sentence.\nThree.",
			want: []string{"One sentence.", "Two sentence.", "Three."},
		},
		{
			name: "CRLF and CR line endings are normalised",
			in:   "A one.\r\n\r\nB two.\rstill B.\r\rC three.",
			want: []string{"A one.", "B two. still B.", "C three."},
		},
		{
			name: "byte-order mark and surrounding space are dropped",
			in:   "\uFEFF   Spaced   out.  \n\n\t Tabbed.\t\n\n\n",
			want: []string{"Spaced out.", "Tabbed."},
		},
		{
			name:  "short first line without final punctuation is the title",
			in:    "Storm Hits Coast\n\nWinds reached 100 km/h.\n\nPower was cut.",
			title: "Storm Hits Coast",
			want:  []string{"Winds reached 100 km/h.", "Power was cut."},
		},
		{
			name: "first line ending in a full stop is not a title",
			in:   "Winds reached 100 km/h.\n\nPower was cut.",
			want: []string{"Winds reached 100 km/h.", "Power was cut."},
		},
		{
			name: "first line ending in a closing quote is not a title",
			in:   "He said \u201cno\u201d\n\nPower was cut.",
			want: []string{"He said \u201cno\u201d", "Power was cut."},
		},
		{
			name: "a lone short line is body, not title",
			in:   "Only a headline",
			want: []string{"Only a headline"},
		},
		{
			name: "a long first line is not a title",
			in:   strings.Repeat("word ", 30) + "\n\nBody.",
			want: []string{strings.TrimSpace(strings.Repeat("word ", 30)), "Body."},
		},
		{
			name: "a leading date line is not a title",
			in:   "21 Nov, 2024\n\nThe story.",
			want: []string{"21 Nov, 2024", "The story."},
		},
		{
			name: "section headings stay in the body",
			in:   "Lead sentence here.\n\nA Heading\n\nMore text.",
			want: []string{"Lead sentence here.", "A Heading", "More text."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseText([]byte(tt.in))
			if err != nil {
				t.Fatalf("parseText(%q): %v", tt.in, err)
			}
			if a.Title != tt.title {
				t.Errorf("title = %q, want %q", a.Title, tt.title)
			}
			if !slices.Equal(a.Paragraphs, tt.want) {
				t.Errorf("paragraphs =\n%q\nwant\n%q", a.Paragraphs, tt.want)
			}
		})
	}
}

func TestParseTextDateHeader(t *testing.T) {
	tests := []struct {
		name, in, title, published string
		first                      string
	}{
		{"header line gives date and title", "date 2024-01-03 Big News Today\n\nBody.", "Big News Today", "2024-01-03", "Body."},
		{"leading space and a colon are allowed", " Date: 2023-12-31 Year End\n\nBody.", "Year End", "2023-12-31", "Body."},
		{"header without blank line after it", "date 2024-01-03 Title\nBody line.\n\nMore.", "Title", "2024-01-03", "Body line."},
		{"an impossible date gives no date, the line is only a headline", "date 2024-13-45 Title\n\nBody.", "date 2024-13-45 Title", "", "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := parseText([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if a.Title != tt.title || a.Published != tt.published {
				t.Errorf("title, published = %q, %q; want %q, %q", a.Title, a.Published, tt.title, tt.published)
			}
			if a.Paragraphs[0] != tt.first {
				t.Errorf("first paragraph = %q, want %q", a.Paragraphs[0], tt.first)
			}
		})
	}
}

func TestParseSeedRewrite(t *testing.T) {
	path := sharedPath(t, "seeds", "rewrite.txt")
	articles, _, err := readFile(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) != 1 {
		t.Fatalf("got %d articles, want 1", len(articles))
	}
	a := articles[0]
	want := Article{
		ID:        "rewrite",
		Title:     "Over 500,000 Illegal Immigrants Deported in Massive Repatriation Effort",
		Published: "2024-01-03",
		Input:     path,
	}
	if a.ID != want.ID || a.Title != want.Title || a.Published != want.Published || a.Input != want.Input {
		t.Errorf("got id=%q title=%q published=%q input=%q\nwant id=%q title=%q published=%q input=%q",
			a.ID, a.Title, a.Published, a.Input, want.ID, want.Title, want.Published, want.Input)
	}
	// Four body paragraphs and three section headings, in order.
	if len(a.Paragraphs) != 7 {
		t.Fatalf("got %d paragraphs, want 7: %q", len(a.Paragraphs), a.Paragraphs)
	}
	if !strings.HasPrefix(a.Paragraphs[0], "Unveiling a massive repatriation effort") {
		t.Errorf("first paragraph = %.60q…", a.Paragraphs[0])
	}
	if a.Paragraphs[1] != "Deportation Drive Amidst Criticism" {
		t.Errorf("second paragraph = %q, want the section heading", a.Paragraphs[1])
	}
	if !strings.Contains(a.Text(), "271,985 people through Khyber Pakhtunkhwa") {
		t.Error("body lost the regional figures")
	}
}

func TestParseSeedSourceDropsSidebar(t *testing.T) {
	path := sharedPath(t, "seeds", "source-original.txt")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	articles, err := Parse(Input{Path: path}, data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := articles[0]
	if a.Title != "" || a.Published != "" {
		t.Errorf("title, published = %q, %q; want none (the sidebar dates are not the article's)", a.Title, a.Published)
	}
	// The article is the first eight blank-line-separated paragraphs of the
	// file, up to the sidebar's "Opinion" label, all of them kept.
	article := string(data[:strings.Index(string(data), "\nOpinion\n")])
	want := strings.Split(strings.TrimSpace(article), "\n\n")
	if !slices.Equal(a.Paragraphs, want) {
		t.Fatalf("paragraphs =\n%q\nwant\n%q", a.Paragraphs, want)
	}
	last := a.Paragraphs[len(a.Paragraphs)-1]
	if !strings.HasPrefix(last, "An advocacy group and Afghan applicants") {
		t.Errorf("last kept paragraph = %.60q…, want the advocacy-group paragraph", last)
	}
	for _, furniture := range []string{"Opinion", "Editorial", "Nov, 2024", "Military option", "Pakistan came..."} {
		if strings.Contains(a.Text(), furniture) {
			t.Errorf("body still holds sidebar text %q", furniture)
		}
	}
}
