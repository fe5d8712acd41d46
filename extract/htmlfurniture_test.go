package extract

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDropHTMLFurniture(t *testing.T) {
	title := "Cat found in New Mexico after going missing in Oregon"
	in := []string{
		"https://www.example.com/news/article/Cat-found-14848175.php",
		"Cat found in New Mexico after going missing in Oregon",
		"SANTA FE, N.M. (AP) — A cat who has been missing for five years has been found.",
		"Advertisement",
		"Officials will present the animal to its family on Friday.",
		"Whatsapp Facebook Pint Baixar", // a share bar, as the scrapes have them
		"Continue reading below",
		"The family thought they would never see the cat again.",
		"You may also like...",
		"Who will make the Rock Hall in 2020?",
		"Dave Matthews Band takes over Rock Hall Fan Vote",
	}
	want := []string{in[2], in[4], in[7]}
	if got := dropHTMLFurniture(in, []string{title}); !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

func TestCutRelatedListNeedsHeadlinesAfterTheLabel(t *testing.T) {
	in := []string{
		"First paragraph of the story, a full sentence.",
		"Second paragraph of the story, another sentence.",
		"Related",
		"The report was related to the budget, and the council discussed it at length on Monday.",
	}
	if got := cutRelatedList(in); !slices.Equal(got, in) {
		t.Errorf("cut %q: the text after the label is prose, not a list", got)
	}
}

// Real pages of the ScrapingHub benchmark whose extraction carried such
// furniture: the page URL and repeated headline above the article
// (mysanantonio.com), a "You may also like..." list below it
// (cleveland.com). The gold body's first and last sentences must stay.
func TestHTMLFurnitureOnRealPages(t *testing.T) {
	dir, gold := benchmarkGold(t)
	for _, tc := range []struct{ id, gone string }{
		{"ef2b3f26", "https://www.mysanantonio.com"},
		{"35b15891", "You may also like"},
	} {
		var id string
		for k := range gold {
			if strings.HasPrefix(k, tc.id) {
				id = k
			}
		}
		if id == "" {
			t.Fatalf("page %s not in the benchmark", tc.id)
		}
		arts, _, err := readFile(t, filepath.Join(dir, "html", id+".html.gz"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := arts[0].Text()
		if strings.Contains(text, tc.gone) {
			t.Errorf("%s: %q is still in the text", tc.id, tc.gone)
		}
		body := strings.Split(strings.TrimSpace(gold[id].ArticleBody), "\n")
		for _, p := range []string{body[0], body[len(body)-1]} {
			if !strings.Contains(text, strings.TrimSpace(p)) {
				t.Errorf("%s: gold paragraph %q lost", tc.id, p)
			}
		}
	}
}

// The tails below are what trafilatura kept of ScrapingHub benchmark pages
// (bbc.com, nj.com, chron.com); the gold bodies end before them.
func TestDropTrailingCallsToAction(t *testing.T) {
	story := []string{
		"The singer said her former label had blocked her from performing her old songs.",
		"\"Any final agreement on this matter needs to be made directly with the artist,\" it said.",
	}
	for _, tail := range [][]string{
		{"Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here."},
		{"Have a tip? Amy Kuperinsky may be reached at akuperinsky@njadvancemedia.com. Follow her on Twitter @AmyKup or on Facebook.", "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters."},
		{"paul.takahashi@chron.com", "twitter.com/paultakahashi"},
		{"Filed under: Khawarij |"},
		{"If you enjoyed this article, we have a proposition for you: Join NRPLUS."},
		// nationnews.com, of trafilatura's evaluation set.
		{"Subscribe now to our eNATION edition for the full story.", "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android."},
	} {
		if got := dropTrailingCalls(append(slices.Clip(story), tail...)); !slices.Equal(got, story) {
			t.Errorf("tail %q: got\n%q\nwant the story alone", tail, got)
		}
	}
}

func TestDropTrailingCallsKeepsTheStory(t *testing.T) {
	for _, in := range [][]string{
		// A call inside the story, followed by the story's last sentence.
		{"The agency urged residents: follow the evacuation orders.", "Follow the signs to the shelters, officials said, and the roads reopened on Monday."},
		// Prose that starts like a call but is not one.
		{"The council met on Monday.", "Get started with the new rules here, the mayor told reporters, and most of them did."},
		{"E-Mail einer Mandantin, Juli 2011"},
		// Only calls: the body is never emptied.
		{"Follow us on Twitter."},
	} {
		if got := dropTrailingCalls(in); !slices.Equal(got, in) {
			t.Errorf("dropTrailingCalls(%q) = %q, want it unchanged", in, got)
		}
	}
}

// The htmldate copy of an scmp.com page holds only its <title> as text:
// dropping it as a repeated headline would lose the page and its date.
func TestDropRepeatedTitleNeverEmptiesTheBody(t *testing.T) {
	in := []string{"Taiwanese President Tsai Ing-wen’s political playbook should be essential reading for Hong Kong leader Carrie Lam | South China Morning Post"}
	headlines := []string{"Carrie Lam should study Tsai Ing-wen’s playbook", in[0]}
	if got := dropRepeatedTitle(in, headlines); !slices.Equal(got, in) {
		t.Errorf("got %q, want the only paragraph kept", got)
	}
	two := append([]string{in[0]}, "The story's first sentence, long enough to be prose and not a headline at all.")
	if got := dropRepeatedTitle(two, headlines); !slices.Equal(got, two[1:]) {
		t.Errorf("got %q, want the headline dropped above the story", got)
	}
}

// Links to other stories inside the article (foxnews.com, in capitals
// between paragraphs) and around it (space.com, "Related: …" and a list
// under the article) go; the article's paragraphs next to them stay.
func TestLinkParagraphsOnRealPages(t *testing.T) {
	dir, gold := benchmarkGold(t)
	for _, tc := range []struct{ id, gone, kept string }{
		{"686bb170", "Related: Possible Water Plumes on Europa", "NASA is developing a mission called Europa Clipper"},
		{"686bb170", "Photos: Europa, Mysterious Icy Moon of Jupiter", "NASA is developing a mission called Europa Clipper"},
		{"7dfc3e35", "SEAN SPICER ELIMINATED", "Bergeron chimed in, noting that Brooke"},
	} {
		var id string
		for k := range gold {
			if strings.HasPrefix(k, tc.id) {
				id = k
			}
		}
		arts, _, err := readFile(t, filepath.Join(dir, "html", id+".html.gz"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		text := arts[0].Text()
		if strings.Contains(text, tc.gone) {
			t.Errorf("%s: %q is still in the text", tc.id, tc.gone)
		}
		if !strings.Contains(text, tc.kept) {
			t.Errorf("%s: %q lost", tc.id, tc.kept)
		}
	}
}

func TestLinkParagraphs(t *testing.T) {
	doc := mustParseHTML(t, `<html><body>
<p>The council met on Monday and <a href="/council">voted</a> to close the road.</p>
<p>Related: <a href="https://www.example.org/news/other-story">Another story of the site</a></p>
<p><a href="/news/third">A third story</a></p>
<p><a href="https://shop.example.com/item">A product the review links to</a></p>
<ul><li><a href="#why">Why the road closes</a></li></ul>
<h2>Why the road closes</h2>
</body></html>`)
	links := linkParagraphs(doc, "https://www.example.org/news/story")
	for p, want := range map[string]bool{
		"The council met on Monday and voted to close the road.": false,
		"Related: Another story of the site":                     true,
		"A third story":                                          true,
		"A product the review links to":                          false, // another site
		"Why the road closes":                                    false, // also a subheading
	} {
		if links[spaceless(p)] != want {
			t.Errorf("link paragraph %q = %v, want %v", p, links[spaceless(p)], want)
		}
	}
}

func TestIsStampLine(t *testing.T) {
	for p, want := range map[string]bool{
		"11/19/2019 by Lars Brandle":                            true,
		"5:45 AM PST 11/19/2019 by Patrick Shanley":             true,
		"UPDATED: Tue., Nov. 19, 2019":                          true,
		"Published 18 November 2019":                            true,
		"The vote was held on Nov. 19, 2019":                    false,
		"On 11/19/2019 the council met, by all accounts, late.": false,
	} {
		if got := isStampLine(p); got != want {
			t.Errorf("isStampLine(%q) = %v, want %v", p, got, want)
		}
	}
}

func TestIsCreditLine(t *testing.T) {
	for p, want := range map[string]bool{
		"© Oli Scarff/Getty Images":                                          true,
		"Titelbild: Geyres Christophe/ABACA/picture-alliance":                true,
		"(Credit: Clayton Aldern / Grist)":                                   true,
		"Marco Odermatt, Ski-Star aus der Schweiz. © AFP / MARCO BERTORELLO": true,
		"(Reporting by Will Dunham; Editing by Tom Brown)":                   true,
		"Additional reporting by Joseph Hudak":                               true,
		"Fox News’ Jessica Napoli contributed to this report.":               true,
		"She said reporting by local media had been accurate.":               false,
		"The photo was taken on Monday, the agency said.":                    false,
		"Credit card debt rose again in the third quarter.":                  false,
	} {
		if got := isCreditLine(p); got != want {
			t.Errorf("isCreditLine(%q) = %v, want %v", p, got, want)
		}
	}
}
