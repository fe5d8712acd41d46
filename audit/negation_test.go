package audit

import (
	"slices"
	"strings"
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

// A rewrite moves a claim to another tense of its auxiliary and keeps
// it: "the bank said job gains had been \"solid\"" (the BBC source of
// l2r-news-164) against the GPT-4o rewrite's "Employment, currently at a
// seven-year low of 5.3%, has seen \"solid\" gains", "not" inserted.
// Where the source negates the claim in its own tense too, the rewrite's
// "not" is faithful and not flagged.
func TestNegationAddedInAnotherTense(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-164", `has seen "solid" gains`, `has not seen "solid" gains`) {
		t.Error("the negation after \"has\" against \"had been\" is not flagged")
	}
	source := `The bank left rates on hold. On employment - which is now at a seven-year low of 5.3% - the bank said job gains had not been "solid", more cautious language than last month. Markets barely moved.`
	query := `The bank left rates on hold. Employment, currently at a seven-year low of 5.3%, has not seen "solid" gains. Markets barely moved.`
	if flaggedAt(auditTexts(query, source, Options{}), query, "Employment") {
		t.Error("the negation the source states in another tense is flagged")
	}
}

// statesAux finds an auxiliary in any of its tenses, and no other verb's.
func TestStatesAuxInAnyTense(t *testing.T) {
	text := "job gains had been solid"
	segs := segmentsOf(text, analyze.Tokenize(text, analyze.Span{Start: 0, End: len(text)}))
	for aux, want := range map[string]bool{"has": true, "had": true, "is": true, "will": false, "did": false} {
		if got := statesAux(segs[0], aux); got != want {
			t.Errorf("statesAux(%q, %q) = %v, want %v", text, aux, got, want)
		}
	}
}

// A segment that opens with its subject alone before the auxiliary is
// compared with a source segment that opens with that subject: "Neighbours
// said it looked \"hideous\"" (the BBC source of l2r-news-161) against the
// GPT-4o rewrite's "Neighbours are furious, calling it \"hideous.\"", "not"
// inserted. A source segment that opens with the subject and trades the
// negation for a negative word ("Neighbours declined to comment") is a
// faithful rewording, not flagged.
func TestNegationAfterASubjectOfOneWord(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-161", "Neighbours are furious", "Neighbours are not furious") {
		t.Error("the negation after \"Neighbours are\" is not flagged")
	}
	for _, tc := range []struct{ source, query string }{
		{"The house was painted pink last month. Neighbours declined to comment on the colour. The owner has until June to appeal.",
			"The house was painted pink last month. Neighbours were not willing to comment on the colour, unsurprisingly. The owner has until June to appeal."},
	} {
		if flaggedAt(auditTexts(tc.query, tc.source, Options{}), tc.query, "Neighbours were") {
			t.Errorf("%q against %q is flagged", tc.query, tc.source)
		}
	}
}

// A "not" added to a segment of a sentence the rewrite merged from two is
// found against the source's other sentence, anywhere: "One man was
// acquitted." against the GPT-4o rewrite of l2r-news-066's "In the
// aftermath of the 11 July 2006 serial bombings, which killed 189 people
// and injured over 800, one man has been acquitted", "not" inserted; "has
// not been" states what "was" does. A segment the source states with a
// negation elsewhere is no claim the rewrite denies: "Hours later, the
// man was not armed, police said" where the source first reports him
// armed and then corrects itself is faithful, and not flagged.
func TestNegationDeniesASegmentOfAnotherSentence(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-066", "one man has been acquitted", "one man has not been acquitted") {
		t.Error("the negation against \"One man was acquitted.\" is not flagged")
	}
	source := "At first, the man was armed, officers told reporters. Hours later, police said the man was not armed and had no weapon. An inquiry has begun."
	query := "Officers first told reporters that the man was armed. Hours later, the man was not armed, police said. An inquiry has begun."
	if flaggedAt(auditTexts(query, source, Options{}), query, "Hours later") {
		t.Error("the correction the source states is flagged")
	}
}

// A question states no claim to deny: "Do the parents have total
// control?" in the source of llmfake Incomplete_Fact politifact14064 is
// no claim that its "it does not have \"total control.\"" denies; the
// same words stated are.
func TestNegationDeniesNoQuestion(t *testing.T) {
	query := "While China does have notable influence over North Korea, it does not have \"total control.\""
	for source, want := range map[string]int{
		"China is North Korea's closest ally. \"Do the parents have total control?\" he asked.": 0,
		"China is North Korea's closest ally. \"Do the parents have total control? No.\"":       0,
		"China is North Korea's closest ally. \"The parents have total control,\" he said.":     1,
	} {
		q, s := analyze.AnalyzeText(query), analyze.AnalyzeText(source)
		if got := deniedSegments(q, s, nil, NewTokens(q, nil), NewTokens(s, nil)); len(got) != want {
			t.Errorf("against %q: %d denials, want %d", source, len(got), want)
		}
	}
}

// A single "not" added to a close pair whose source side holds no
// negation nor negative word is found however the claim is reworded:
// "John Hamen and a colleague - reportedly also American - were held as
// they arrived on a UN aircraft from Djibouti" (the BBC source of
// l2r-news-116) against the GPT-4o rewrite's "John Hamen and a colleague,
// who is also believed to be American, were detained upon their arrival
// in Sanaa on a UN flight from Djibouti", "not" inserted. A "not" of a
// clause the rewrite adds, about a word the source does not state, is
// not ("…, and officials said the men should not be named").
func TestSingleNegationAddedToAPairWithoutAny(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-116", "who is also believed to be American", "who is not also believed to be American") {
		t.Error("the negation in the pair without any is not flagged")
	}
	tok := func(s string) []analyze.Token { return analyze.Tokenize(s, analyze.Span{Start: 0, End: len(s)}) }
	source := "John Hamen and a colleague - reportedly also American - were held as they arrived on a UN aircraft from Djibouti."
	for q, want := range map[string]bool{
		"John Hamen and a colleague, who is not also believed to be American, were held as they arrived on a UN aircraft.": true,
		"John Hamen and a colleague, also American, were held as they arrived on a UN aircraft, and should not be named.":  false,
	} {
		if got := notOnlyNegation(q, tok(q), tok(source)); got != want {
			t.Errorf("notOnlyNegation(%q) = %v, want %v", q, got, want)
		}
	}
}

// A negative word the rewrite states in other words is not one it traded
// for a "not" it adds: "like stopping smoking, being more active or eating
// better, that would allow us to look forward to healthier later years"
// (the BBC source of l2r-news-033) against the GPT-4o rewrite's "Simple
// changes like quitting smoking, staying active, or eating better can set
// you up for healthier golden years", "not" inserted. "Quitting" is a
// WordNet synonym of "stopping", so "stopping" explains nothing. A source
// whose negative word the rewrite does not restate ("refusing sugar" /
// "not taking sugar") may be what the "not" stands for, and that
// rewording is not flagged.
func TestNegativeWordRestatedBySynonym(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-033", "or eating better can set you up", "or eating better can not set you up") {
		t.Error("the negation beside \"quitting\" for \"stopping\" is not flagged")
	}
	source := "Most of us could make changes today, like refusing sugar, being more active or eating better, that would allow us to look forward to healthier later years."
	query := "Simple changes like staying active or eating better, and not taking sugar, can set you up for healthier golden years."
	if flaggedAt(auditTexts(query, source, Options{}), query, "Simple") {
		t.Error("\"refusing sugar\" reworded as \"not taking sugar\" is flagged")
	}
}

// A curly apostrophe inside a word is no closing quote, and a short quoted
// phrase may end its sentence: reading "can’t" as "can", a clause end and
// "t" cut the l2r-news-042 and -078 GPT-4o rewrites' sentences ("and I
// can’t wait", "Australia doesn’t control") into clauses of which the
// negated one had no counterpart, and the quotation mark of "was for
// “travel expenses”." (l2r-news-043) cut the "not" inserted before it
// from the words it negates. The faithful paraphrase of llmfake
// politifact14213, whose source writes "hasn’t", is not flagged.
func TestNegationAcrossCurlyApostrophesAndFinalQuotes(t *testing.T) {
	for _, c := range []struct{ id, words, edited string }{
		{"l2r-news-042", "setup is the best place", "setup is not the best place"},
		{"l2r-news-078", "as Nauru is a sovereign country", "as Nauru is not a sovereign country"},
		{"l2r-news-043", `which he asserts was for "travel`, `which he asserts was not for "travel`},
	} {
		if !l2rEditFlagged(t, c.id, c.words, c.edited) {
			t.Errorf("%s: %q is not flagged", c.id, c.edited)
		}
	}
	source := "The event, according to NASA, hasn’t occurred in over 1 Million years."
	query := "However, NASA has repeatedly denied that such an event will occur, stating that it has not happened in over a million years."
	if flaggedAt(auditTexts(query, source, Options{}), query, "However") {
		t.Error("\"hasn’t occurred\" restated as \"has not happened\" is flagged")
	}
}

// Faithful paraphrases from llmfake that the rules above must leave
// alone: a "not" that governs no word ("what the truth is and is not",
// politifact14940, in a sentence the rewrite merged with one the source
// pair lacks), and "can’t keep up" restated as "are struggling to keep
// up" (politifact15399).
func TestFaithfulNegationRewordings(t *testing.T) {
	for source, query := range map[string]string{
		"The free press is the despot’s enemy, which makes the free press the guardian of democracy.":                                                                              "He noted that the free press is the despot’s enemy, which makes the free press the guardian of democracy, and that no politician will ever get to tell us what the truth is and is not.",
		"The death toll in one Ohio town continues to rise as 60 people were just found dead overnight and emergency crews can’t keep up with the calls that continue to pour in.": "The death toll in an Ohio town has increased by 60 people and emergency crews are struggling to keep up with the influx of calls.",
	} {
		if flaggedAt(auditTexts(query, source, Options{}), query, query[:10]) {
			t.Errorf("%q against %q is flagged", query, source)
		}
	}
}

// A "not" followed by a stop word only ("were not his") governs that
// word: it is no bare "is not" that negates by ellipsis, and a BBC
// sentence with it inserted is flagged against the sentence as written.
func TestNegationBeforeAStopWordIsNotBare(t *testing.T) {
	source := `Lord Goldsmith has denied being "leaned on" and says the words written were his.`
	query := `Lord Goldsmith has denied being "leaned on" and says the words written were not his.`
	if !flaggedAt(auditTexts(query, source, Options{}), query, "Lord") {
		t.Error("\"were not his\" against \"were his\" is not flagged")
	}
}

// A negation in what the rewrite left out does not balance one it adds to
// what it kept: the BBC source of l2r-news-133 glues the result
// ("Labour majority: 2,873 Turnout … 42.65%") to a quotation ending "not
// one that will simply make promises", which the GPT-4o rewrite drops;
// its "Labour's majority was a decisive message ahead of the SNP's
// planned independence referendum", with "not" inserted, is turned
// around. A negation the rewrite restates in other words still balances:
// "without linking to personally identifiable data" / "does not link to
// personal information" (llmfake paraphrase politifact14859, whose scraped
// source glues "Lead Stories LLCPrivacy policyThis site": the test sets
// the sentences apart).
func TestNegationInContentTheRewriteDropped(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-133", "Labour's majority was a decisive", "Labour's majority was not a decisive") {
		t.Error("the \"not\" beside the source's dropped \"not one that will\" is not flagged")
	}
	source := "Trendolizer™ is owned by Lead Stories LLC. This site uses cookies to track user behaviour on this site, without linking to personally identifiable data."
	query := "Lead Stories LLC owns Trendolizer™, and this site uses cookies to track user behavior but does not link to personal information."
	if flaggedAt(auditTexts(query, source, Options{}), query, "Lead") {
		t.Error("\"without linking\" restated as \"does not link\" is flagged")
	}
}

// A quotation opened right after a "not" is what it negates, however long:
// the GPT-4o rewrite of l2r-news-111 with "not" inserted says Woods is not
// "looking forward to the next few days", where its BBC source quotes him
// "looking forward to the next few days". Read as a clause end, the
// quotation mark left the "not" negating nothing.
func TestNegationBeforeALongQuotationTheSourceStatesWithoutTheAuxiliary(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-111", `and is "looking forward`, `and is not "looking forward`) {
		t.Error("the \"not\" before the quotation is not flagged")
	}
}

// TestNegationOfWhatTheSourceStatesRightAfterItsAuxiliary: l2r-news-003's
// GPT-4o rewrite opens its sentence with who said it, so little of it is
// shared with the source segment "adding that the man was \"alone in the
// room\"", yet that segment states with the same auxiliary the very word
// the inserted "not" negates.
func TestNegationOfWhatTheSourceStatesRightAfterItsAuxiliary(t *testing.T) {
	checkInsertedNot(t, "l2r-news-003", "the officer was alone in his room", "the officer was not alone in his room")
}

// TestNoDoubtAssertsWhatFollows: the source of l2r-news-173 says "There's
// no doubt there will be a natural point in time that he goes", which
// asserts it; a "not" inserted into the GPT-4o rewrite's "There will
// naturally come a time for him to go" denies it, and is not balanced by
// the source's "no" and "doubt". The unedited rewrite is not flagged.
func TestNoDoubtAssertsWhatFollows(t *testing.T) {
	checkInsertedNot(t, "l2r-news-173", "There will naturally come a time", "There will not naturally come a time")
	// "There is not doubt about whether …" negates.
	toks := analyze.Tokenize("there is not doubt about whether", analyze.Span{End: 32})
	if neg, _ := isNegation(toks, 2); !neg {
		t.Error("\"not doubt\" is read as asserting")
	}
}

// TestNegationOfAClaimTheSourceStatesInAnUnpairedSentence: a "not"
// inserted into l2r-news-030's GPT-4o rewrite, in a sentence the aligner
// pairs with nothing, denies what the source states with the same
// auxiliary: "we are delighted that they are now being protected".
func TestNegationOfAClaimTheSourceStatesInAnUnpairedSentence(t *testing.T) {
	checkInsertedNot(t, "l2r-news-030", "We are delighted to ensure", "We are not delighted to ensure")
}

// TestOutsideAPlaceIsNoNegativeWord: the source of l2r-news-175 says the
// hub is "the first one in Scotland and outside of London", which says
// where, not "not in"; it must not balance a "not" inserted into the
// GPT-4o rewrite's "The 'hub' concept is especially exciting". "Finished
// outside the top eight" (l2r-news-063) stays negative: the rewrite's
// "didn't make the top eight" trades for it.
func TestOutsideAPlaceIsNoNegativeWord(t *testing.T) {
	checkInsertedNot(t, "l2r-news-175", "concept is especially exciting", "concept is not especially exciting")
	unflaggedRewrite(t, "l2r-news-063")
}

// checkInsertedNot checks an inserted "not" in the GPT-4o rewrite of an l2r
// article: the edit is flagged, and the unedited rewrite has no negation
// flag.
func checkInsertedNot(t *testing.T, id, words, edited string) {
	t.Helper()
	if !l2rEditFlagged(t, id, words, edited) {
		t.Errorf("%s: %q is not flagged", id, edited)
	}
	unflaggedRewrite(t, id)
}

// unflaggedRewrite checks that the unedited GPT-4o rewrite of an l2r
// article has no negation flag.
func unflaggedRewrite(t *testing.T, id string) {
	t.Helper()
	source, rewrite := l2rPair(t, id)
	if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
		t.Errorf("%s: the unedited rewrite is flagged: %+v", id, res.Negations[0])
	}
}

// TestNegationBesideANegationOfSomethingElse: the source of l2r-news-024
// says "Fitzpatrick's investment is a personal one and the money he has
// put into the team does not come from Ovo", and its GPT-4o rewrite words
// the second claim with a negative word ("is personal and unrelated to
// Ovo"). A "not" inserted before "personal" leaves one negation on each
// side, but they negate different things: "personal" is stated outside
// every negation of the source.
func TestNegationBesideANegationOfSomethingElse(t *testing.T) {
	checkInsertedNot(t, "l2r-news-024", "investment is personal", "investment is not personal")
}

// TestNegationOfAClaimKeptWordForWordInAFreeRewording: l2r-news-073's
// GPT-4o rewrite rewords its sentence until the aligner's pair falls under
// the similarity the negation tests ask for ("Lovenkrands, who had a
// successful six-year stint at Ibrox, hopes" for "the former Newcastle
// United and Schalke player, who won 22 Denmark caps, would like to
// see"), yet keeps the claim word for word: a "not" inserted into "a new
// Rangers hero will emerge on Sunday" negates what the source states.
func TestNegationOfAClaimKeptWordForWordInAFreeRewording(t *testing.T) {
	checkInsertedNot(t, "l2r-news-073", "hero will emerge", "hero will not emerge")
}

// TestNegativeWordTheRewriteKeepsInAnotherClause: l2r-news-041's source
// says Mr Blatter "is also suspected of signing a contract that was
// \"unfavourable to Fifa\"", and its GPT-4o rewrite keeps the quotation
// but breaks its clause at the quotation mark. A "not" inserted before
// "also accused" must not be read as traded for the source's
// "unfavourable": the rewrite states that word too.
func TestNegativeWordTheRewriteKeepsInAnotherClause(t *testing.T) {
	checkInsertedNot(t, "l2r-news-041", "Blatter is also accused", "Blatter is not also accused")
}

// TestPrefixedOppositeUnderNegationOnBothSides: l2r-news-176's source
// says it "was not appropriate for an active sheriff to be interviewed",
// its GPT-4o rewrite "was inappropriate". A "not" inserted there ("was not
// inappropriate") turns the claim around though both sides now hold a
// negation: what counts is whether each side's word is negated, and
// "appropriate" and "inappropriate" are negated alike. A "not unclear"
// for "clear" says the same and stays unflagged.
func TestPrefixedOppositeUnderNegationOnBothSides(t *testing.T) {
	checkInsertedNot(t, "l2r-news-176", "it was inappropriate for", "it was not inappropriate for")
	q := analyze.Tokenize("The cause of the fire is not unclear.", analyze.Span{End: 37})
	s := analyze.Tokenize("The cause of the fire is clear.", analyze.Span{End: 31})
	if qw, sw, ok := affixAntonym("The cause of the fire is not unclear.", q, "The cause of the fire is clear.", s); ok {
		t.Errorf("%q read as the opposite of %q", qw, sw)
	}
}

// TestNegationOfASynonymOfWhatTheSourceStates: l2r-news-005's source says
// attitudes to road racing "will stay the same"; its GPT-4o rewrite says
// they "will remain unchanged". A "not" inserted before "remain" negates
// a synonym of the source's "stay", in a clause of the source with no
// negation at all.
func TestNegationOfASynonymOfWhatTheSourceStates(t *testing.T) {
	checkInsertedNot(t, "l2r-news-005", "road racing will remain", "road racing will not remain")
}

// TestAcronymInParenthesesEndsNoClause: l2r-news-021's GPT-4o rewrite
// writes "the European Central Bank (ECB) and the International Monetary
// Fund (IMF)" where the source writes "the ECB and International Monetary
// Fund (IMF)". Read as clause ends, the parentheses cut the rewrite's
// clause short of what it shares with the source, and a "not" inserted
// before "enable Greece to meet its debt obligations" found no
// counterpart clause.
func TestAcronymInParenthesesEndsNoClause(t *testing.T) {
	checkInsertedNot(t, "l2r-news-021", "This financial assistance will enable", "This financial assistance will not enable")
	// A longer parenthesis is a clause of its own.
	text := "It will go to the European Central Bank (ECB) and the IMF (which lends it money) today."
	toks := analyze.Tokenize(text, analyze.Span{End: len(text)})
	br := clauseBreaks(text, toks)
	for i, tok := range toks[:len(toks)-1] {
		want := tok.Norm == "imf" || tok.Norm == "money"
		if br[i] != want {
			t.Errorf("after %q: clause break %v, want %v", tok.Norm, br[i], want)
		}
	}
}

// TestRewordingsOfANegationAreNotFlagged: negation flags the unedited
// l2r rewrites drew. GPT-3-Turbo's rewrite of l2r-news-093 says the
// wetland "lacks sufficient food" where the source says it "has
// insufficient food": "lacks" negates "sufficient" as a "not" would. And
// GPT-4o's rewrite of l2r-news-159 keeps the BBC video player's line
// "Media playback is not supported on this device" that the source's
// scrape glued to the next sentence: the source states that negation word
// for word, in a segment the rewrite otherwise lacks. GPT-3-Turbo's
// rewrite of l2r-news-034 says the police "refrains from commenting" where
// the source says it "has not commented"; Llama-3-70B's rewrite of
// l2r-news-014 says "let's not forget Harri", which negates a negative
// word and denies nothing.
// GPT-4o's rewrite of l2r-news-177 says players claimed "an inability to
// recall" where they said they "could not recall".
func TestRewordingsOfANegationAreNotFlagged(t *testing.T) {
	for _, c := range []struct{ id, model string }{{"l2r-news-093", "GPT-3-Turbo"}, {"l2r-news-159", "GPT-4o"}, {"l2r-news-034", "GPT-3-Turbo"}, {"l2r-news-014", "Llama-3-70B"}, {"l2r-news-177", "GPT-4o"}} {
		source, rewrite := l2rPairOf(t, c.id, c.model)
		if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
			t.Errorf("%s %s: %s\n  Q: %s", c.model, c.id, res.Negations[0].Note, res.Negations[0].Query.Text)
		}
	}
}

// TestAssertingIdiomsNegateNothing: "nothing short of surreal" says very
// surreal (Llama-3-70B's rewrite of l2r-news-130, for the source's "a
// surreal edge to it"); "none other than", "no stranger to", "no less
// than", "not to mention" and "not least" assert too. "Not to go" and
// "no less" alone still negate.
func TestAssertingIdiomsNegateNothing(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-130", "Llama-3-70B")
	if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
		t.Errorf("l2r-news-130 Llama-3-70B: %s\n  Q: %s", res.Negations[0].Note, res.Negations[0].Query.Text)
	}
	for _, c := range []struct {
		text string
		neg  bool
	}{
		{"it was nothing short of surreal", false},
		{"it was none other than the minister", false},
		{"she is no stranger to controversy", false},
		{"no less than the president said so", false},
		{"the cost, not to mention the delay", false},
		{"many, not least the players", false},
		{"he decided not to go", true},
		{"there was no less", true},
	} {
		toks := analyze.Tokenize(c.text, analyze.Span{End: len(c.text)})
		got := false
		for i := range toks {
			if neg, _ := isNegation(toks, i); neg {
				got = true
			}
		}
		if got != c.neg {
			t.Errorf("%q: negation %v, want %v", c.text, got, c.neg)
		}
	}
}

// TestAQuestionDeniesNothing: Llama-3-70B's rewrite of l2r-news-184 asks
// "wouldn't it be better to invest in services that support victims?"
// where the source says that is what the money should go to: the question
// argues for it. "Why didn't he sign?" still takes it that he did not.
func TestAQuestionDeniesNothing(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-184", "Llama-3-70B")
	if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
		t.Errorf("l2r-news-184 Llama-3-70B: %s\n  Q: %s", res.Negations[0].Note, res.Negations[0].Query.Text)
	}
	for text, want := range map[string]int{
		"Wouldn't it be better to invest in services?": 0,
		"Why didn't he sign the contract?":             1,
		"He didn't sign the contract.":                 1,
	} {
		if got := negativeCount(text, analyze.Span{End: len(text)}); got != want {
			t.Errorf("%q: %d negations, want %d", text, got, want)
		}
	}
}

// TestNotTheFirstTimeSaysItHappenedBefore: "This is not the first time
// Besigye has been arrested" restates "It follows a series of arrests"
// (Llama-3-70B's rewrites of l2r-news-039 and, for Anderson's injuries,
// l2r-news-148), and "Fu was not feeling well" restates "Fu was ill"
// (l2r-news-160): none turns a claim around. Against "the first time", the
// same words do.
func TestNotTheFirstTimeSaysItHappenedBefore(t *testing.T) {
	for _, id := range []string{"l2r-news-039", "l2r-news-148", "l2r-news-160"} {
		source, rewrite := l2rPairOf(t, id, "Llama-3-70B")
		if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
			t.Errorf("%s Llama-3-70B: %s\n  Q: %s\n  S: %s", id, res.Negations[0].Note, res.Negations[0].Query.Text, res.Negations[0].Source.Text)
		}
	}
	source := "It is the first time Besigye has been arrested during the election campaign. He was released on Friday."
	query := "It is not the first time Besigye has been arrested during the election campaign. He was released on Friday."
	res := auditTexts(query, source, Options{})
	if len(res.Negations) != 1 || !strings.Contains(res.Negations[0].Note, "not the first time") {
		t.Errorf("“the first time” → “not the first time”: negations %+v, want one turning it around", res.Negations)
	}
	if res := auditTexts(source, query, Options{}); len(res.Negations) != 1 {
		t.Errorf("“not the first time” → “the first time”: %d negations, want 1", len(res.Negations))
	}
}

// TestNotAfterToBeDeniesTheSourcesPredicate: GPT-4o's rewrite of
// l2r-news-079 says "Investing in cottage hospitals and community care is
// vital" where the source says "her party wanted to invest in cottage
// hospitals and community care", and its rewrite of l2r-news-083 that
// "temporary mobile antennas were deployed". A "not" after "is" or "were"
// turns each claim around though the source never says "vital" (the
// fresh swap draws missed both before copulaNegation); the unedited
// rewrites are not flagged.
func TestNotAfterToBeDeniesTheSourcesPredicate(t *testing.T) {
	checkInsertedNot(t, "l2r-news-079", "community care is vital", "community care is not vital")
	checkInsertedNot(t, "l2r-news-083", "temporary mobile antennas were deployed", "temporary mobile antennas were not deployed")
}

// TestIntensifiersAndFullStopsAreNoNegations: GPT-4o's rewrite of
// l2r-news-099 says "Anything that promotes dialogue … is undeniably
// beneficial" ("has to be positive" in the source), and its source for
// l2r-news-130 calls Singapore "a fascinating destination full stop".
// Neither "undeniably" nor "full stop" negates anything, so a "not"
// inserted after "is" in either rewrite is found, and the unedited
// rewrites are not flagged.
func TestIntensifiersAndFullStopsAreNoNegations(t *testing.T) {
	checkInsertedNot(t, "l2r-news-099", "understanding is undeniably beneficial", "understanding is not undeniably beneficial")
	checkInsertedNot(t, "l2r-news-130", "Singapore itself is a captivating place", "Singapore itself is not a captivating place")
}

// TestNotAfterToBeBesideNegativesBothSidesState: copulaNegation also
// holds where the source side's negations and negative words are each
// stated on the query side too (matchedNegatives): "such debates are
// outdated …, with one Twitter user asserting that 'Talent cannot be
// controlled'" (GPT-4o's rewrite of l2r-news-179, both sides quote the
// "cannot"), and "negligence for failing to ensure the yacht was
// inspected" for "failed to get it checked" (l2r-news-102), and "it's
// unclear if the dog was still alive" for "it was not clear if the dog
// was alive" (l2r-news-157). A negative
// word of the source the query does not state stays a possible trade for
// the "not" (TestNegationAfterASubjectOfOneWord, "declined to comment").
func TestNotAfterToBeBesideNegativesBothSidesState(t *testing.T) {
	checkInsertedNot(t, "l2r-news-179", "such debates are outdated", "such debates are not outdated")
	checkInsertedNot(t, "l2r-news-102", "the yacht was inspected", "the yacht was not inspected")
	checkInsertedNot(t, "l2r-news-157", "the dog was still alive", "the dog was not still alive")
}

// TestNotHisFirstSaysItHappenedBefore: "This is not McGregor's first
// offense - last August, he was banned" (Llama-3-70B's rewrite of
// l2r-news-052) asserts an earlier offence, which its source states; it
// is no negation (notFirst). Set against "The first such system in
// Ireland", a "not" inserted into GPT-4o's "This is Ireland's first
// implementation" says the opposite (firstTurned).
func TestNotHisFirstSaysItHappenedBefore(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-052", "Llama-3-70B")
	if res := auditTexts(rewrite, source, Options{}); len(res.Negations) > 0 {
		t.Errorf("l2r-news-052 Llama-3-70B: the unedited rewrite is flagged: %+v", res.Negations[0])
	}
	checkInsertedNot(t, "l2r-news-085", "This is Ireland's first implementation", "This is not Ireland's first implementation")
	for _, tc := range []struct {
		text            string
		stated, negated int
	}{
		{"this is not McGregor's first offence", 0, 1},
		{"it was not their first visit, and the first of many", 1, 1},
		{"for the first time", 0, 0},
		{"he did not come first", 0, 0},
	} {
		toks := analyze.Tokenize(tc.text, analyze.Span{End: len(tc.text)})
		if s, n := possessiveFirsts(toks); s != tc.stated || n != tc.negated {
			t.Errorf("%q: %d stated, %d negated; want %d, %d", tc.text, s, n, tc.stated, tc.negated)
		}
	}
}

// TestNoLongerAfterToBeDenies: a Description_Ambiguity manipulation in
// llmfake (politifact7923) turns "You always have the option to delete
// your Tweet location history" into "Deleting your Tweet location history
// is no longer available". "No longer" after "is" denies as "not" does
// (noLonger); other "no"s after "is" stay out ("is no ordinary man").
func TestNoLongerAfterToBeDenies(t *testing.T) {
	source := "Tweet with a locationYou can add location information to your Tweets, such as your city or precise location, from the web and via third-party applications. You always have the option to delete your Tweet location history. Learn more"
	query := "Tweeting with a location is not possible anymore. The option to add location information to your Tweets has been removed from the web and third-party applications. Deleting your Tweet location history is no longer available."
	if !flaggedAt(auditTexts(query, source, Options{}), query, "Deleting your Tweet") {
		t.Error("\"is no longer available\" is not flagged against \"You always have the option to delete\"")
	}
	toks := analyze.Tokenize("he is no ordinary man", analyze.Span{End: 21})
	if copulaNegation(toks) {
		t.Error("\"is no ordinary man\" read as a negation after \"is\"")
	}
}

// A quoted phrase closed by its mark and then a comma is part of the
// clause the comma ends, so a "not" before it negates the phrase: "One of
// the Royal Mile hotels will be a “hub by Premier Inn”, the chain's first
// in Scotland" (Llama-3-70B's rewrite of l2r-news-175, "not" inserted, a
// near copy of its source sentence) was read as negating nothing, its
// scope cut at the opening quotation mark.
func TestNegationScopeRunsThroughAQuotedPhraseBeforeAComma(t *testing.T) {
	if edit, _ := l2rModelEditFlagged(t, "l2r-news-175", "Llama-3-70B", "hotels will be a", "hotels will not be a"); !edit {
		t.Error("the \"not\" before the quoted hotel name is not flagged")
	}
	// The phrase still ends its clause: what comes after the comma is
	// not negated.
	const sentence = `One of the Royal Mile hotels will not be a "hub by Premier Inn", the chain's first in Scotland.`
	toks := analyze.Tokenize(sentence, analyze.Span{Start: 0, End: len(sentence)})
	for _, n := range negatedWordsOf(sentence, toks) {
		if slices.Contains(n.scope, analyze.Term("scotland")) {
			t.Errorf("the negation's scope runs past the comma: %v", n.scope)
		}
	}
}

// A negative word the rewrite trades for another ("fell ill" / "became
// unwell", which WordNet's main senses do not pair) is traded for that
// word, not for a "not" the rewrite adds: "He became unwell and was not
// taken to St Peter's hospital" (GPT-3.5 Turbo's rewrite of l2r-news-174,
// "not" inserted) against "He fell ill and was taken to St Peter's
// hospital" is the claim turned around. The faithful rewrite, and a
// rewording that trades the "ill" for a "not" ("was not well"), are not
// flagged.
func TestNegativeWordTradedForAnother(t *testing.T) {
	edit, unedited := l2rModelEditFlagged(t, "l2r-news-174", "GPT-3-Turbo", "became unwell and was taken", "became unwell and was not taken")
	if !edit {
		t.Error("the \"not\" beside the traded \"unwell\" is not flagged")
	}
	if unedited {
		t.Error("the faithful rewrite is flagged")
	}
	src := "He fell ill and was taken to hospital in Chertsey, where he died the following day."
	reworded := "He was not well and was taken to hospital in Chertsey, where he died the following day."
	if flaggedAt(auditTexts(reworded, src, Options{}), reworded, "He was not well") {
		t.Error("\"ill\" reworded as \"not well\" is flagged")
	}
}

// A "not" between "have" and "been" negates the perfect of "to be" as one
// after "is" or "was" does (copulaNegation): "19 individuals have not been
// released from captivity" (Llama-3-70B's rewrite of l2r-news-178, "not"
// inserted) against "The 19 were freed following mediation" says they
// were not freed, in other words than the source's. The rewrite as written
// is not flagged.
func TestNegationOfThePerfectOfToBe(t *testing.T) {
	edit, unedited := l2rModelEditFlagged(t, "l2r-news-178", "Llama-3-70B", "19 individuals have been released", "19 individuals have not been released")
	if !edit {
		t.Error("\"have not been released\" is not flagged")
	}
	if unedited {
		t.Error("the rewrite as written is flagged")
	}
}

// WordNet's antonyms turn a claim around where the two words stand in one
// place: sentences of LLMFake's manipulated PolitiFact articles against
// their sources (politifact11627, 13193, 12418) are flagged. The same
// words in other places are not: "dangerous for the birds" against "the
// safety of the bird" (l2r GPT-4o, a noun pair), "claimed 39 lives"
// against "the deadly assault", "a modest rise in net revenues" against
// "the fall in profit" (l2r-news-062, unedited rewrites), and "producing
// large amounts" against "a small lab" (a faithful paraphrase,
// politifact14211).
func TestAntonymsInOnePlace(t *testing.T) {
	for _, c := range []struct {
		source, query string
		flagged       bool
	}{
		{"This country has been in decline and faith in our political system is now extremely low.",
			"This country has been thriving and faith in our political system is now extremely high.", true},
		{"He was stopped 52 times in recent years and given citations for minor offenses including speeding.",
			"He was stopped 52 times in recent years and given citations for major offenses including DUI.", true},
		{"Hillary Clinton's advantage over Donald Trump has narrowed to just three points.",
			"Hillary Clinton's advantage over Donald Trump has widened to just three points.", true},
		{"In terms of the safety of the bird, you're asking it to grab hold of a drone.",
			"Grabbing drones with rotating blades could be dangerous for the birds.", false},
		{"Police found a small lab that was pumping out massive amounts of refined, finished product.",
			"Police found a lab that was producing large amounts of finished product.", false},
		{"The fall in profit came despite a slight increase in net revenues to £808.1m.",
			"This profit downturn came despite a modest rise in net revenues, to £808.1m.", false},
	} {
		if got := flaggedAt(auditTexts(c.query, c.source, Options{}), c.query, c.query[:10]); got != c.flagged {
			t.Errorf("%q against %q: flagged %v, want %v", c.query, c.source, got, c.flagged)
		}
	}
}

// A question asserts neither way, and a rhetorical one states the "no" a
// rewrite writes out. The source and paraphrase sentences are LLMFake's
// (ChatGPT, politifact14503). A "not" of a verb added beside a question
// is still a negation added.
func TestNoForARhetoricalQuestion(t *testing.T) {
	source := "Even buildings which don’t simply blow over, would probably see ALL their windows blown out. Can you imagine getting hit by shattered glass driven by 157 MPH wind? It would cut a person to ribbons instantly!"
	query := "Even buildings that do not blow over would likely see all of their windows blown out. No known structure can survive such high winds and shattered glass that could cut a person to ribbons."
	if flaggedAt(auditTexts(query, source, Options{}), query, "No known structure") {
		t.Error("\"No known structure can survive\" for a rhetorical question is flagged")
	}
	added := "Even buildings which don’t simply blow over, would probably see ALL their windows blown out. Can you imagine getting hit by shattered glass driven by 157 MPH wind? It would not cut a person to ribbons instantly!"
	if !flaggedAt(auditTexts(added, source, Options{}), added, "It would not cut") {
		t.Error("a \"not\" added to the statement after the question is not flagged")
	}
}

// A rewrite states a negation in other words than "not": "has been stingy
// with distribution" (politifact14643) and "defended CNN as \"not fake
// news\"" (politifact14333) are LLMFake's sources, the query sentences
// their faithful ChatGPT paraphrases. The NHL is the National Hockey
// League spelt out (politifact14666): a negative word in what the query
// abbreviates is in what it restates.
func TestNegationsStatedInOtherWords(t *testing.T) {
	for _, c := range []struct{ source, query, at string }{
		{"While Puerto Rico’s Governor has praised Donald Trump’s efforts to quell the suffering of the people affected by Hurricane Maria, many of those efforts have been in vain because supplies come into San Juan, and the mayor has been stingy with distribution.",
			"The governor of Puerto Rico has appreciated Donald Trump's efforts to help hurricane-affected individuals but the mayor of San Juan has not distributed supplies adequately.",
			"The governor"},
		{"Smith went on the offensive against Trump and his administration earlier this year. In February, Smith defended CNN as \"not fake news,\" an accusation often lobbed by the president and his supporters.",
			"Smith has criticized Trump and his administration this year. Besides, Smith has previously defended CNN against accusations of \"fake news.\"",
			"Besides"},
		{"The NFL may be coddling black athletes who are protesting our police force, our flag, and our veterans by kneeling, but the National Hockey League refuses to do the same.",
			"The NHL is not tolerating black athletes protesting the police force, flag, and veterans through kneeling during the National Anthem.",
			"The NHL"},
	} {
		if flaggedAt(auditTexts(c.query, c.source, Options{}), c.query, c.at) {
			t.Errorf("%q against %q is flagged", c.query, c.source)
		}
	}
	// Without the negative word the "not" is added.
	source := "In February, Smith defended CNN as a fair network, an accusation often lobbed by the president and his supporters."
	query := "In February, Smith said CNN was not a fair network, an accusation often lobbed by the president and his supporters."
	if !flaggedAt(auditTexts(query, source, Options{}), query, "In February") {
		t.Error("\"was not a fair network\" against \"as a fair network\" is not flagged")
	}
}
