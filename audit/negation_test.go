package audit

import (
	"testing"

	"github.com/storytrace/storytrace/analyze"
)

// A negative word of the source's segment that the rewrite states in
// another part of its sentence is not one it traded for a "not" it adds:
// "The announcement ends months of uncertainty for Cornish Language
// Partnership staff whose contracts had been due to end" (the BBC source
// of l2r-news-015, one segment) against the GPT-4o rewrite's "The
// announcement concludes months of uncertainty for the staff of the
// Cornish Language Partnership, whose contracts were previously set to
// expire", "not" inserted. A negative word of that segment the rewrite
// does not state elsewhere ("unfunded" for "not funded", beside an
// "uncertainty" it does) is one it may have traded, and the faithful
// rewording is not flagged.
func TestNegativeWordTheRewriteKeepsElsewhere(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-015", "whose contracts were previously set to expire", "whose contracts were not previously set to expire") {
		t.Error("the negation beside the kept \"uncertainty\" is not flagged")
	}
	source := "The council said the library would close in May. The staff's contracts were unfunded amid months of uncertainty. The union welcomed the news."
	query := "The council said the library would close in May. Amid months of uncertainty and doubt, the staff's contracts were not funded. The union welcomed the news."
	if flaggedAt(auditTexts(query, source, Options{}), query, "Amid") {
		t.Error("\"unfunded\" reworded as \"not funded\" is flagged")
	}
}

// statedElsewhere never excuses a negation of the source's segment, even
// one the query states in another segment: the "not" may be the very one
// the rewrite moved.
func TestStatedElsewhereAsksForNoNegation(t *testing.T) {
	tok := func(s string) []analyze.Token { return analyze.Tokenize(s, analyze.Span{Start: 0, End: len(s)}) }
	query := "Staff were not paid in May, and their contracts were not renewed."
	source := "Their contracts were not renewed."
	qSegs := segmentsOf(query, tok(query))
	sSegs := segmentsOf(source, tok(source))
	if len(qSegs) != 2 || len(sSegs) != 1 {
		t.Fatalf("segments = %d and %d, want 2 and 1", len(qSegs), len(sSegs))
	}
	if statedElsewhere(sSegs[0], qSegs, 1) {
		t.Error("a source segment holding \"not\" is excused")
	}
}
