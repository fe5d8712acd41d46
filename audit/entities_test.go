package audit

import (
	"testing"

	"github.com/storytrace/storytrace/facts"
)

// Names as the l2r rewrites and the llmfake scrapes write them, against
// their sources: the same entity written another way is one name; two
// entities that share a start or a word are not.
func TestSameName(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"ECB", "European Central Bank", true},
		{"IOC", "International Olympic Committee", true},
		{"U.S.", "United States", true},
		{"Stoke", "Stoke City", true},
		{"Porlock Futures", "Porlock Futures Community Interest Company", true},
		{"Australia", "Australian", true},
		{"Nazi Ger", "Nazi Germany", true},
		{"Lead Stories LLC", "Lead Stories LLCPrivacy", true},
		{"Gretchen Carlson", "LinkedInGretchen Carlson", true},
		{"Norfok", "Norfolk", true},
		{"Beyonce", "Beyoncé", true},
		{"The IOC", "IOC", true},
		{"Afghans", "Afghanistan", false},
		{"Valencia", "Valentino Rossi", false},
		{"Jade Jones", "Ceri Jones", false},
		{"Kenya", "Kent", false},
	} {
		if got := sameName(foldName(tc.a), foldName(tc.b)); got != tc.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// A name replaced in a reworded sentence (an l2r GPT-4o rewrite, with
// the place changed, against its BBC source) is altered when the source
// sentence states one name of its kind that the query drops; with two
// such places, which one was replaced is a guess, and the query's name is
// only added.
func TestNameReplacedInRewordedSentence(t *testing.T) {
	source := "Many businesses and householders were affected by flooding in Newton Stewart after the River Cree overflowed into the town."
	query := "Flooding impacted numerous businesses and homes in Kirkcudbright after the River Cree spilled into the town."
	res := auditTexts(query, source, Options{})
	c := find(res.Entities, facts.Entity, Altered)
	if c == nil || c.Query.Entity != "Kirkcudbright" || c.Source.Entity != "Newton Stewart" {
		t.Fatalf("entities = %+v, want Newton Stewart → Kirkcudbright altered", res.Entities)
	}
	two := "Many businesses and householders in Newton Stewart and in Wigtown were affected by flooding after the River Cree overflowed into the town."
	res = auditTexts(query, two, Options{})
	if c := find(res.Entities, facts.Entity, Altered); c != nil {
		t.Errorf("with two dropped names, %+v is called altered", c)
	}
}

// An acronym in capitals is the name whose initials it starts with
// (llmfake politifact14021: "ISIS" for "the Islamic State"), but a word
// that merely starts with those letters is not, nor an acronym with more
// than two letters beyond the initials. The rule knows no expansions, so
// it would also take "NATO" for a "National Assembly".
func TestAcronymOf(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"ISIS", "Islamic State", true},
		{"USA", "United States", true},
		{"FDA", "Food and Drug Administration", true},
		{"Peru", "Pakistan Embassy", false},
		{"NATO", "North Atlantic Treaty Organization", true},
		{"UN", "United Nations Security Council", false},
		{"ISIS", "Islamic", false},
	} {
		if got := acronymOf(tc.a, tc.b); got != tc.want {
			t.Errorf("acronymOf(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// A name a text glosses in brackets is one name with its gloss, whichever
// the other text uses; a bracket that is no acronym of the name glosses
// something else (BBC: "James McAvoy from Shameless (Channel 4)").
func TestParentheticalAlias(t *testing.T) {
	source := "Troops fought the Islamic State of Iraq and the Levant (ISIL) near the city of Mosul on Monday."
	query := "Troops fought ISIL near the city of Mosul on Monday."
	res := auditTexts(query, source, Options{})
	if c := find(res.Entities, facts.Entity, Altered); c != nil {
		t.Errorf("ISIL for the name it glosses is called altered: %+v", c)
	}
	text := "She won over James McAvoy from Shameless (Channel 4) and Julian Barratt."
	ents := facts.Entities(text)
	if got := parentheticalAliases(text, ents); len(got) != 0 {
		t.Errorf("aliases of %q = %v, want none", text, got)
	}
}
