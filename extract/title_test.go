package extract

import (
	"slices"
	"testing"
)

func TestChooseTitle(t *testing.T) {
	tests := []struct {
		name string
		src  titleSources
		want string
	}{
		{"h1 equals the title", titleSources{extracted: "Ferienhaus Feinen", headings: []string{"Ferienhaus Feinen"}}, "Ferienhaus Feinen"},
		{"h1 is one piece: the site name goes",
			titleSources{extracted: "Rasende Polizisten - strafprozess.ch", headings: []string{"strafprozess.ch", "Rasende Polizisten"}},
			"Rasende Polizisten"},
		{"longest matching h1 wins over the site's",
			titleSources{extracted: "Yellow Vests and I — Pamela Anderson", headings: []string{"Pamela Anderson", "Yellow Vests and I"}},
			"Yellow Vests and I"},
		{"h1 inside a longer title",
			titleSources{extracted: "Tote Hummeln unter Linden: Die Erklärung | Hummeln", headings: []string{"Tote Hummeln unter Linden"}},
			"Tote Hummeln unter Linden"},
		{"other source without the site name",
			titleSources{extracted: "Warum Wien zu blöd für eine staufreie Mahü ist - Helge.at", other: []string{"Warum Wien zu blöd für eine staufreie Mahü ist"}},
			"Warum Wien zu blöd für eine staufreie Mahü ist"},
		{"headline - site, no other witness",
			titleSources{extracted: "Netzpolitik als US-Wahlkampfthema - Netz Für Alle"},
			"Netzpolitik als US-Wahlkampfthema"},
		{"a short first piece is not cut off",
			titleSources{extracted: "Emden - Sehenswürdigkeiten Attraktionen"},
			"Emden - Sehenswürdigkeiten Attraktionen"},
		{"a colon belongs to the headline",
			titleSources{extracted: "Brexit: what happens next"},
			"Brexit: what happens next"},
		{"short h1 contained by chance is not trusted",
			titleSources{extracted: "News about the new bridge in town", headings: []string{"News"}},
			"News about the new bridge in town"},
	}
	for _, tt := range tests {
		if got := chooseTitle(tt.src); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPageHeadings(t *testing.T) {
	doc := mustParseHTML(t, `<html><head><meta property="og:title" content=" The  Story "><title>x - Site</title>
<meta name="twitter:title" content="A story"></head>
<body><h1>Site</h1><article><h1>The <em>Story</em><script>x()</script></h1><svg><title>icon</title></svg></article></body></html>`)
	pt := pageHeadings(doc)
	if len(pt.h1s) != 2 || pt.h1s[1] != "The Story" || pt.og != "The Story" {
		t.Errorf("got h1s %q, og:title %q", pt.h1s, pt.og)
	}
	if !slices.Equal(pt.variant, []string{"x - Site", "A story"}) {
		t.Errorf("got variants %q, want <title> and twitter:title", pt.variant)
	}
}
