package facts

import (
	"strings"
	"testing"
)

// A time of day or its zone is written in capitals like a name: BBC copy
// gives kick-off "at 13:00 BST" and a rewrite "at 1 PM"; neither is a name.
func TestClockWordsAreNoNames(t *testing.T) {
	for _, text := range []string{
		"Robertson will play Judd Trump in the quarter-final on Friday, which starts at 13:00 BST.",
		"The quarter-final starts at 1 PM on Friday.",
		"Polls close at 22:00 GMT and counting starts at 23:00 UTC.",
	} {
		for _, f := range Entities(text) {
			if strings.Contains(" am pm bst gmt utc ", " "+strings.ToLower(f.Entity)+" ") {
				t.Errorf("%q: %q read as a name", text, f.Entity)
			}
		}
	}
	if ents := Entities("On Friday Robertson will play Judd Trump at 13:00 BST."); len(ents) != 2 {
		t.Errorf("want Robertson and Judd Trump: %+v", ents)
	}
}

// Prepositions and the imperatives that open LLM headings are no part of
// the name after them: "Meet Guillermo Varela", "Across Honduras".
func TestHeadingVerbsAndPrepositionsOpenNoName(t *testing.T) {
	for text, want := range map[string]string{
		"Meet Guillermo Varela, the defender United signed in June.": "Guillermo Varela",
		"Across Honduras, polling stations opened at 07:00.":         "Honduras",
	} {
		ents := Entities(text)
		if len(ents) == 0 || ents[0].Entity != want {
			t.Errorf("%q: entities %+v, want %q first", text, ents, want)
		}
	}
}

// LLM restylings open with a headline in quotation marks, often ending in
// an exclamation mark (SheepDog's sensational and adversarial rewrites of
// PolitiFact articles). Its title-case words are no names, and the quoted
// line is no one's words; the names and quotations of the body still are.
func TestQuotedHeadlineHoldsNoNamesOrQuotation(t *testing.T) {
	for _, c := range []struct {
		text, name string
	}{
		{"\"Obama's Bold Move: Supreme Court to Welcome Unbelievably Qualified Legal Scholar\"\n\n" +
			"Hold your breath, America, because President Obama has just made an audacious move to ensure that the Supreme Court gets a legal genius like no other. Chief Judge Merrick Garland has already been hailed as a potential nominee.",
			"Merrick Garland"},
		{"\"Hillary Clinton Makes History! An Unstoppable Force to be Reckoned With!\"\n\n" +
			"In an epic triumph, Hillary Clinton has shattered the glass ceiling, defying all odds, and etching her name in the annals of history!",
			"Hillary Clinton"},
	} {
		headline, _, _ := strings.Cut(c.text, "\n")
		found := false
		for _, f := range Entities(c.text) {
			if f.End <= len(headline) {
				t.Errorf("%q: %q read as a name", headline, f.Entity)
			}
			found = found || f.Entity == c.name
		}
		if !found {
			t.Errorf("%q: the body's %q not found", c.text, c.name)
		}
		for _, q := range Quotes(c.text) {
			if q.Kind == Quote {
				t.Errorf("%q: read as a quotation", q.Text)
			}
		}
	}
	// A quoted sentence on a line of its own is still a quotation.
	text := "\"We haven't really talked to her yet. We just want her home.\"\n\nThe family said the girl was safe."
	if qs := Quotes(text); len(qs) == 0 || qs[0].Kind != Quote {
		t.Errorf("%q: quotation not found: %+v", text, qs)
	}
}
