package corpus

import (
	"strings"
	"testing"
)

// TestNearDuplicatesFindsRescrapedArticles checks, on the real sets, that
// near-duplicate groups hold every exact-prefix Overlap, find the politifact
// articles that llmfake and sheepdog scraped differently, and do not merge
// distinct articles: no group mixes two l2r sources (200 distinct BBC
// stories).
func TestNearDuplicatesFindsRescrapedArticles(t *testing.T) {
	var sets []*Set
	for _, name := range []string{"llmfake", "sheepdog", "l2r", "bbc"} {
		s, err := Load(sharedDir(t), name)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, s)
	}
	groups := NearDuplicates(sets...)
	in := map[string]int{}
	for i, g := range groups {
		for _, id := range g.IDs {
			in[id] = i
		}
	}
	for _, o := range Overlaps(sets...) {
		for _, id := range o.IDs[1:] {
			if in[id] != in[o.IDs[0]] {
				t.Errorf("overlap %v split across near-duplicate groups", o.IDs)
			}
		}
	}
	crossOld, crossNew := 0, 0
	for _, o := range Overlaps(sets...) {
		if hasPrefix(o.IDs, "llmfake/") && hasPrefix(o.IDs, "sheepdog/") {
			crossOld++
		}
	}
	for _, g := range groups {
		if hasPrefix(g.IDs, "llmfake/") && hasPrefix(g.IDs, "sheepdog/") {
			crossNew++
		}
		l2r := 0
		for _, id := range g.IDs {
			if strings.HasPrefix(id, "l2r/") {
				l2r++
			}
		}
		if l2r > 1 {
			t.Errorf("group merges %d l2r sources: %v", l2r, g.IDs)
		}
	}
	t.Logf("%d groups; llmfake–sheepdog groups: %d by exact prefix, %d near-duplicate", len(groups), crossOld, crossNew)
	if crossNew <= crossOld {
		t.Errorf("near-duplicates found no re-scraped llmfake/sheepdog article beyond the %d exact overlaps", crossOld)
	}
}

func hasPrefix(ids []string, p string) bool {
	for _, id := range ids {
		if strings.HasPrefix(id, p) {
			return true
		}
	}
	return false
}

// TestNearDuplicateClaims checks the rule for one-line texts on the real
// sets: CoAID's claim checked twice (5197 and 5205) is one article, while
// short texts that share a template but name another company or another
// number are not (Reuters briefs on banks' prime rates, METER's jury sent
// home a third and a fourth night).
func TestNearDuplicateClaims(t *testing.T) {
	var sets []*Set
	for _, name := range []string{"llmfake", "meter", "reuters-briefs"} {
		s, err := Load(sharedDir(t), name)
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, s)
	}
	group := map[string]int{}
	for i, g := range NearDuplicates(sets...) {
		for _, id := range g.IDs {
			group[id] = i + 1
		}
	}
	same := func(a, b string) bool { return group[a] != 0 && group[a] == group[b] }
	if !same("llmfake/coaid-5197", "llmfake/coaid-5205") {
		t.Error("the $700-a-week claim checked twice (CoAID 5197, 5205) is two articles")
	}
	for _, pair := range [][2]string{
		{"reuters-briefs/11660", "reuters-briefs/11716"}, // Citibank, Chase Manhattan
		{"reuters-briefs/18705", "reuters-briefs/18789"}, // Southland, Unocal
		{"meter/pa/courts/26.01.00/doctor/doctor2sub", "meter/pa/courts/27.01.00/doctor/doctor2sub"},
	} {
		if same(pair[0], pair[1]) {
			t.Errorf("%s and %s are one article", pair[0], pair[1])
		}
	}
}
