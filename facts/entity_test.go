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
