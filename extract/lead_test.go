package extract

import (
	"strings"
	"testing"
)

// Real pages of trafilatura's evaluation set whose standfirst sits in the
// header beside the headline, where trafilatura does not look.
func TestHTMLStandfirstGoesFirst(t *testing.T) {
	for _, c := range []struct {
		sha, lead, not string
	}{
		// zfk.de: <div class="contentHeaderHeader__abstract">, the same
		// words as og:description.
		{"230e6a146476f9a01f8dc44bde756c19d809ecaf", "Wärmepumpen boomen - auch weil das Heizen mit fossilen Energieträgern teuer geworden ist.", ""},
		// bundesregierung.de: the description is cut short ("… in der
		// Gruppe der Sieben ..."); the page's <p class="article-teaser">
		// shows it whole.
		{"8fb5054a570b1feb16fff52638fee97e9119581e", "in der Gruppe der Sieben verständigt", "Sieben ..."},
		// gruene-bundestag.de: the standfirst's block ends with the
		// photo credit ("picture alliance | Andrew Milligan").
		{"c0d50c2e38578d71f81212ac9b56baa84b752b60", "Die Erwartungen an die 26. UN-Klimakonferenz", "Andrew Milligan"},
	} {
		a := evalPage(t, c.sha)
		if !strings.Contains(a.Paragraphs[0], c.lead) {
			t.Errorf("%s: first paragraph %.160q, want the standfirst %q", c.sha, a.Paragraphs[0], c.lead)
		}
		if c.not != "" && strings.Contains(a.Paragraphs[0], c.not) {
			t.Errorf("%s: standfirst %q holds %q", c.sha, a.Paragraphs[0], c.not)
		}
		if strings.Count(a.Text(), c.lead) != 1 {
			t.Errorf("%s: standfirst %q appears %d times", c.sha, c.lead, strings.Count(a.Text(), c.lead))
		}
	}
}

func TestHTMLDescriptionNotShownBeforeTheArticleIsNoStandfirst(t *testing.T) {
	body := "<p>" + strings.Repeat("The council met on Tuesday and voted on the budget for the coming year. ", 8) + "</p>" +
		"<p>" + strings.Repeat("Members argued about the cost of the new library and the swimming pool. ", 8) + "</p>"
	desc := "Your trusted source for local news, weather and sport since 1887."
	for name, page := range map[string]string{
		"not shown":       `<html><head><meta name="description" content="` + desc + `"></head><body><article><h1>Council votes</h1>` + body + `</article></body></html>`,
		"shown in footer": `<html><head><meta name="description" content="` + desc + `"></head><body><article><h1>Council votes</h1>` + body + `</article><footer><p>` + desc + `</p></footer></body></html>`,
	} {
		arts, err := Parse(Input{Path: "council.html"}, []byte(page), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if strings.Contains(arts[0].Text(), "trusted source") {
			t.Errorf("%s: the site's description was taken as the standfirst: %.120q", name, arts[0].Text())
		}
	}
}
