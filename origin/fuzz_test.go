package origin_test

import (
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/origin"
)

// FuzzBuild orders two arbitrary texts: no panic, and a chain names only
// the texts it was given, each link between two different ones, with a
// confidence in (0, 1].
func FuzzBuild(f *testing.F) {
	f.Add(`The ministry said 541,210 people were sent back. “Around 1.7 million illegal aliens live here,” it said.`,
		`The ministry reported over 500,000 deportations on Tuesday.`, "2024-01-03", "")
	f.Add("", "", "", "not a date")
	f.Add("“ ” \" \"\"", "\xff\xfe 1,2,3 “quoted words here now”", "2024-13-45", "2024-01-01T10:00:00Z")
	f.Fuzz(func(t *testing.T, a, b, da, db string) {
		ch := origin.Build([]origin.Text{
			{ID: "a", Published: da, Profile: analyze.AnalyzeText(a)},
			{ID: "b", Published: db, Profile: analyze.AnalyzeText(b), Derived: true},
		})
		if ch == nil {
			return
		}
		if ch.Origin != "a" && ch.Origin != "b" {
			t.Fatalf("origin %q is neither text", ch.Origin)
		}
		for _, l := range ch.Links {
			if l.From == l.To || (l.From != "a" && l.From != "b") || (l.To != "a" && l.To != "b") {
				t.Fatalf("bad link %+v", l)
			}
			if l.Confidence <= 0 || l.Confidence > 1 {
				t.Fatalf("confidence %v out of range in %+v", l.Confidence, l)
			}
		}
	})
}
