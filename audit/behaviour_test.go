package audit

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// auditTexts audits query text against source text.
func auditTexts(query, source string, opt Options) *Result {
	q, s := analyze.AnalyzeText(query), analyze.AnalyzeText(source)
	return Audit(q, s, align.Align(q, s, align.Options{}), opt)
}

// flaggedAt reports whether a polarity change of res covers the start of
// sentence in query.
func flaggedAt(res *Result, query, sentence string) bool {
	at := strings.Index(query, sentence)
	for _, c := range res.Negations {
		if c.Query.Start <= at && at < c.Query.End {
			return true
		}
	}
	return false
}

// l2rEditFlagged audits the whole l2r GPT-4o rewrite id (l2rPath), words
// replaced by edited, against its BBC source, and reports whether a
// polarity change covers edited.
func l2rEditFlagged(t *testing.T, id, words, edited string) bool {
	t.Helper()
	flagged, _ := l2rModelEditFlagged(t, id, "GPT-4o", words, edited)
	return flagged
}

// l2rModelEditFlagged is l2rEditFlagged for the rewrite of the given
// model; it also reports whether the rewrite as written is flagged there.
func l2rModelEditFlagged(t *testing.T, id, model, words, edited string) (edit, unedited bool) {
	t.Helper()
	source, rewrite := l2rPairOf(t, id, model)
	if !strings.Contains(rewrite, words) {
		t.Fatalf("%s: the %s rewrite does not say %q", id, model, words)
	}
	query := strings.Replace(rewrite, words, edited, 1)
	return flaggedAt(auditTexts(query, source, Options{}), query, edited),
		flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, words)
}

// find returns the first change of kind k and change c, or nil.
func find(list []FactChange, k facts.Kind, c Change) *FactChange {
	for i := range list {
		if list[i].Kind == k && list[i].Change == c {
			return &list[i]
		}
	}
	return nil
}

const breakdown = "The ministry said that 541,210 people had left the country since the deadline. " +
	"It said that 271,985 people were repatriated via Khyber Pakhtunkhwa and 159,161 through Balochistan. " +
	"According to data from the Integrated Border Management System, a further 110,064 had also left."

func TestArithmeticKeptWhenFiguresKept(t *testing.T) {
	res := auditTexts(breakdown, breakdown, Options{})
	if len(res.Arithmetic) != 1 || res.Arithmetic[0].InQuery != RelationKept {
		t.Fatalf("arithmetic = %+v, want one sum kept", res.Arithmetic)
	}
	if got, want := res.Arithmetic[0].Text, "271,985 + 159,161 + 110,064 = 541,210"; got != want {
		t.Errorf("relation text = %q, want %q", got, want)
	}
}

func TestArithmeticBrokenWhenAFigureIsAltered(t *testing.T) {
	query := strings.Replace(breakdown, "159,161", "195,161", 1)
	res := auditTexts(query, breakdown, Options{})
	if len(res.Arithmetic) == 0 || res.Arithmetic[0].InQuery != RelationBroken {
		t.Fatalf("arithmetic = %+v, want the sum broken", res.Arithmetic)
	}
	if c := find(res.Facts, facts.Quantity, Altered); c == nil || c.Query.Text != "195,161" || c.Source.Text != "159,161" {
		t.Errorf("facts = %+v, want 159,161 → 195,161 altered", res.Facts)
	}
}

func TestInsertedNegationIsAltered(t *testing.T) {
	source := "The move was aimed at a particular ethnic group, the minister told reporters in the capital on Friday."
	query := "The move was not aimed at a particular ethnic group, the minister told reporters in the capital on Friday."
	res := auditTexts(query, source, Options{})
	if len(res.Negations) != 1 {
		t.Fatalf("negations = %+v, want one", res.Negations)
	}
	if res := auditTexts(source, source, Options{}); len(res.Negations) != 0 {
		t.Errorf("a copy has negations %+v", res.Negations)
	}
}

// Polarity in reworded sentences, on l2r's GPT-4o rewrites and their BBC
// sources: a negation that turns a stated claim around is altered; one
// traded for a negative word, or one in a clause the rewrite left out, is
// not.
func TestNegationInRewordedSentence(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		want                int
	}{
		{"inserted into a reworded sentence",
			"He had contested the charge at Hamilton Justice of the Peace Court, claiming the speed gun was not faulty.",
			"He was convicted at Hamilton Justice of the Peace Court after claiming the speed gun was faulty.", 1},
		{"inserted, the sentence reworded",
			"Julian Cuddihy, 43, was not charged with killing his parents, Kathleen and Jimmy Cuddihy, at their home in County Donegal on October 22, 2014.",
			"Julian Cuddihy, 43, was charged with murdering his parents Kathleen and Jimmy Cuddihy at their family home in County Donegal on 22 October 2014.", 1},
		{"traded for a negative word",
			"Celtic have remained unbeaten domestically this season as they approach their Scottish Cup semi-final against Rangers.",
			"Celtic have not lost a domestic game this season ahead of their Scottish Cup semi-final against Rangers.", 0},
		{"in a clause the rewrite left out",
			"Police are investigating the cause, with witnesses noting the tunnel is frequently used for drag racing.",
			"The cause of the crash is not clear, but police are investigating. Witnesses told local media that the tunnel was often used for drag racing.", 0},
		{"traded for a negating phrase",
			"The other panel members, responsible for awarding prizes including the main Golden Bear, have not yet been announced.",
			"Other members of the panel, who will decide prizes including the main Golden Bear, have yet to be announced.", 0},
		{"traded for beyond (llmfake paraphrase, politifact14859)",
			"Advertisers may also use cookies, but we have no control over the extent or nature of this usage.",
			"Advertisers may also use cookies, but the scope and nature of this use is beyond our control.", 0},
		{"traded for prohibits (llmfake paraphrase, politifact15018)",
			"Starting January 30, 2018, a new law prohibits smoking in cars with children to protect them from secondhand smoking.",
			"No more smoking in cars with children: the law, that becomes effective on January 30, 2018, is to protect children from secondhand smoking.", 0},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if len(res.Negations) != tc.want {
			t.Errorf("%s: negations = %+v, want %d", tc.name, res.Negations, tc.want)
		}
	}
}

// A negation inserted into a reworded sentence whose source states a
// negative word too, one the query keeps: the negative word explains no
// difference in polarity, so it does not hide the negation; nor does a
// "not" before the very negative word the source states ("will miss" →
// "will not miss") cancel out. The pairs are l2r's GPT-4o rewrites
// (shared/data/l2r-news-rewrites/news_rewrites_paired.jsonl, the ids
// given) with "not" inserted, against their BBC sources.
func TestNegationBesideANegativeWordBothSidesState(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
	}{
		{"negating the source's negative word (l2r-news-198)",
			"His arrival comes in light of the announcement that veteran striker Yann Kermorgant will not miss the beginning of the season due to hip and groin surgery.",
			"His arrival comes after it was revealed veteran striker Yann Kermorgant will miss the start of the season following surgery on his hip and groin."},
		{"without on both sides (l2r-news-178)",
			"The children were not eventually released without any combat after South Sudanese officials negotiated with the abductors, according to the Ethiopian News Agency.",
			"However, the children were freed without any fighting after South Sudanese officials entered into negotiations with the abductors, the Ethiopian News Agency reports."},
		{"senseless on both sides (l2r-news-004)",
			"\"The memory of this senseless death will not haunt them every time they leave their home,\" he said.",
			"The memory of this senseless death will be with them each time they leave their home."},
		{"avoid on both sides (l2r-news-140)",
			"Yet, he mentioned that law enforcement could not exercise discretion in cases such as women using men's restrooms to avoid long queues.",
			"But, Mr Kavanagh added, police would be allowed to use their discretion over whether to press charges if women used the men's room to avoid a long queue."},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if len(res.Negations) != 1 {
			t.Errorf("%s: negations = %+v, want one", tc.name, res.Negations)
		}
	}
}

// A negation added to a reworded clause is altered when the source's
// counterpart states any of the words the negation governs (up to a
// comma, a clause end or a conjunction such as "because"), not only the
// first two, which a rewrite rewords more often than not: "is not still
// eyeing Arsenal's Alexis Sanchez" against "continues to have an interest
// in Arsenal forward Alexis Sanchez". A negated aside between commas, or
// what follows "because", says nothing of the clause around it. The pairs
// are l2r's GPT-4o rewrites (shared/data/l2r-news-rewrites/
// news_rewrites_paired.jsonl, the ids given), "not" inserted into the
// first three, and an llmfake ChatGPT paraphrase (politifact13982, in
// shared/data/llmfake/chatgpt_3.5_generation/politifact/…paraphrase_generation…).
func TestNegationScopeInARewordedClause(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		want                int
	}{
		{"inserted, the object kept (l2r-news-006)",
			"Manager Pep Guardiola has bolstered the squad with five new signings and is not still eyeing Arsenal's Alexis Sanchez and Monaco's Kylian Mbappe.",
			"Manager Pep Guardiola has made five new signings already this summer and continues to have an interest in Arsenal forward Alexis Sanchez and Monaco's Kylian Mbappe.", 1},
		{"inserted, the agent kept (l2r-news-119)",
			"This surge was not driven by increased ticket prices and higher onboard spending from passengers, boosting its quarterly revenue and profitability.",
			"Higher ticket prices and greater onboard spending by customers had boosted its quarterly revenues and profits.", 1},
		{"inserted, the complement reworded (l2r-news-039)",
			"Mr. Besigye was not the primary contender against President Yoweri Museveni in the recent general elections, which saw Mr. Museveni win by a significant margin.",
			"Mr Besigye was the main challenger to President Yoweri Museveni in the country's recent general election, which Mr Museveni won by a landslide.", 1},
		{"a negated aside the source leaves out (l2r-news-024)",
			"Former Sainsbury's boss Justin King, who is not financially involved, has joined as interim chairman to lead the business side.",
			"Former Sainsbury's boss Justin King has joined as interim chairman.", 0},
		{"what follows because (llmfake politifact13982)",
			"He believes that women should not have control over their decision to have an abortion because they mainly get pregnant due to unsafe sex or wanting their partner to marry them.",
			"The women of today are mainly opportunists and gold diggers, who typically get pregnant due to unsafe sex, or to get their partners to marry them.", 0},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if len(res.Negations) != tc.want {
			t.Errorf("%s: negations = %+v, want %d", tc.name, res.Negations, tc.want)
		}
	}
}

// A title's full stop ("Mrs.", as GPT-4o writes it where the BBC writes
// "Mrs") and the quotation marks around a short quoted phrase ("a “vital
// role”") end no clause, so the negated clause is compared whole. The
// pairs are l2r's GPT-4o rewrites (shared/data/l2r-news-rewrites/
// news_rewrites_paired.jsonl, the ids given) with "not" inserted, against
// their BBC sources. A full stop glued to the next word ends a clause
// unless it follows an initial: llmfake's sources glue page furniture
// together (the source of politifact384, in shared/data/llmfake/
// chatgpt_3.5_generation/politifact/…manipulation_Unsubstantiated_Content…).
func TestNegatedClauseAcrossTitlesAndQuotedPhrases(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		want                int
	}{
		{"a title's full stop (l2r-news-169)",
			"Since no additional Conservative candidates stepped forward, Mrs. Laing was not automatically chosen as the first deputy chair of ways and means.",
			"As no other Conservative candidate put their name forward, Mrs Laing was automatically chosen as first deputy chair of ways and means.", 1},
		{"a quoted phrase in the source (l2r-news-139)",
			"Councillor Shaukat Ali believes this scheme could not significantly boost the local economy, potentially benefiting 9,000 businesses.",
			"Councillor Shaukat Ali said he believed it could play a \"vital role\" in stimulating the local economy. He said there were some 9,000 businesses in the area that could be eligible.", 1},
		{"a quoted phrase on both sides (l2r-news-197)",
			"Schools such as Ae Primary, Caerlaverock Primary, Kirkbean Primary, Locharbriggs Primary, and St. Teresa's Primary are not under a “low utilization” review.",
			"Ae Primary, Caerlaverock Primary, Kirkbean Primary, Locharbriggs Primary and St Teresa's Primary are part of a \"low utilisation\" review.", 1},
		{"text glued at a full stop is two clauses (llmfake politifact384)",
			"Rating is available when the video has been rented.",
			"Rating is available when the video has been rented.This feature is not available right now. Please try again later.", 0},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if len(res.Negations) != tc.want {
			t.Errorf("%s: negations = %+v, want %d", tc.name, res.Negations, tc.want)
		}
	}
}

// l2rPath is the shared copy of the l2r rewrites; tests that need it skip
// when it is absent.
const l2rPath = "../../shared/data/l2r-news-rewrites/news_rewrites_paired.jsonl"

// l2rPair returns the BBC source and the GPT-4o rewrite of l2r article id,
// or skips the test.
func l2rPair(tb testing.TB, id string) (source, rewrite string) {
	tb.Helper()
	return l2rPairOf(tb, id, "GPT-4o")
}

// l2rPairOf is l2rPair for the rewrite of the given model.
func l2rPairOf(tb testing.TB, id, model string) (source, rewrite string) {
	tb.Helper()
	f, err := os.Open(l2rPath)
	if err != nil {
		tb.Skipf("l2r rewrites not available: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var row struct {
			ID       string `json:"id"`
			Source   string `json:"source_text"`
			Rewrites map[string]struct {
				Text string `json:"text"`
			} `json:"rewrites"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			tb.Fatalf("%s: %v", l2rPath, err)
		}
		if row.ID == id {
			return row.Source, row.Rewrites[model].Text
		}
	}
	tb.Fatalf("%s: no %s", l2rPath, id)
	return "", ""
}

// TestNegationOfAClaimStatedWithANegativeWordBeside inserts a "not" into
// a whole l2r Llama-3-70B rewrite (shared/data/l2r-news-rewrites) whose
// source states the claim with a negative word that is not part of it:
// "Since January, 7,500 migrants have crossed illegally into Canada". The
// rewrite dropped "illegally", so each side of the pair holds one negative
// word and their counts balance; the "not" still denies "have crossed".
func TestNegationOfAClaimStatedWithANegativeWordBeside(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-145", "Llama-3-70B")
	sentence := "7,500 migrants have crossed into Canada"
	if !strings.Contains(rewrite, sentence) {
		t.Fatalf("the rewrite does not say %q", sentence)
	}
	edited := "7,500 migrants have not crossed into Canada"
	query := strings.Replace(rewrite, sentence, edited, 1)
	if !flaggedAt(auditTexts(query, source, Options{}), query, edited) {
		t.Errorf("%q is not flagged", edited)
	}
	if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, sentence) {
		t.Errorf("the unedited %q is flagged", sentence)
	}
}

// TestNegationBeforeAFunctionWord inserts a "not" into whole l2r
// GPT-3-Turbo and Llama-3-70B rewrites (shared/data/l2r-news-rewrites) before a function
// word the source states after the same auxiliary: "is not under
// criminal investigation" against "Swiss Blatter is under criminal
// investigation … a contract \"unfavourable\" to Fifa". A source that
// states the same negation itself ("some months that were not so good
// and others that were very good") is denied nothing, nor is a claim a
// negative word before it governs (LLMFake's faithful paraphrase of
// politifact13559: "I refuse to believe all of these women … are a
// random occurrence").
func TestNegationBeforeAFunctionWord(t *testing.T) {
	for _, c := range []struct{ id, model, sentence, edited string }{
		{"l2r-news-084", "GPT-3-Turbo", "Blatter is under criminal investigation", "Blatter is not under criminal investigation"},
		// A negative word after the claim governs nothing of it:
		// "Niall O'Brien has been left out of the squad … while
		// Middlesex seamer Tim Murtagh is also omitted".
		{"l2r-news-094", "Llama-3-70B", "Niall O'Brien has been left out", "Niall O'Brien has not been left out"},
		{"l2r-news-072", "Llama-3-70B", "has been under special measures since 2014", "has not been under special measures since 2014"},
		// A negative word both sides state is no negation the "not" was
		// traded for: "halting and reversing the Aids epidemic".
		{"l2r-news-187", "Llama-3-70B", "The world has delivered on halting", "The world has not delivered on halting"},
		// An adverb of manner after the "not", as after the source's
		// auxiliary: "The moths are actually present during other times
		// of the year".
		{"l2r-news-092", "Llama-3-70B", "the moths are actually present", "the moths are not actually present"},
	} {
		source, rewrite := l2rPairOf(t, c.id, c.model)
		if !strings.Contains(rewrite, c.sentence) {
			t.Fatalf("%s: the rewrite does not say %q", c.id, c.sentence)
		}
		query := strings.Replace(rewrite, c.sentence, c.edited, 1)
		if !flaggedAt(auditTexts(query, source, Options{}), query, c.edited) {
			t.Errorf("%s: %q is not flagged", c.id, c.edited)
		}
		if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, c.sentence) {
			t.Errorf("%s: the unedited %q is flagged", c.id, c.sentence)
		}
	}
	for _, c := range []struct{ query, source string }{
		{"\"People have talked a lot about my performances and I think I have had some months that were not so good and others that were very good.\"",
			"\"People have talked a lot about my performances and I think I have had some months that were not so good and others that were very good.\""},
		{"Pence said that he believes all of these women who are accusing Trump of sexual assault are not a random occurrence.",
			"I refuse to believe all of these women who are popping up out of nowhere with stories that Donald Trump had sexually assaulted them are a random occurrence."},
	} {
		if res := auditTexts(c.query, c.source, Options{}); len(res.Negations) > 0 {
			t.Errorf("%q: %s", c.query, res.Negations[0].Note)
		}
	}
}

// A negation the query adds to a verb is looked for in pairs reworded
// below minPolaritySimilarity too, down to minAddedPolaritySimilarity; a
// "without" before a noun phrase is not, there. The cases are whole l2r
// GPT-4o rewrites against their BBC sources (l2rPath), so that the
// sentences are aligned as in the benchmark: two with "not" inserted
// into the words quoted, one as GPT-4o wrote it.
func TestAddedNegationInALooselyRewordedSentence(t *testing.T) {
	for _, tc := range []struct {
		id, sentence, edited string
		want                 bool
	}{
		{"l2r-news-124", "Henry is also eyeing a spot in the Ireland squad",
			"Henry is not also eyeing a spot in the Ireland squad", true},
		{"l2r-news-040", "they were very skeptical about his ability to endure",
			"they were not very skeptical about his ability to endure", true},
		{"l2r-news-117", "Franci acknowledges some benefit from the delays, allowing for network issue resolutions, but admits the company could have managed without the delays.",
			"", false},
	} {
		source, rewrite := l2rPair(t, tc.id)
		if !strings.Contains(rewrite, tc.sentence) {
			t.Fatalf("%s: the rewrite does not say %q", tc.id, tc.sentence)
		}
		query, sentence := rewrite, tc.sentence
		if tc.edited != "" {
			query, sentence = strings.Replace(rewrite, tc.sentence, tc.edited, 1), tc.edited
		}
		res := auditTexts(query, source, Options{})
		if got := flaggedAt(res, query, sentence); got != tc.want {
			t.Errorf("%s: %q flagged %v, want %v (negations %+v)", tc.id, sentence, got, tc.want, res.Negations)
		}
	}
}

// A negation added to a sentence the rewrite merged from two is compared
// with the source clause that states what it negates, not only with the
// clause most like the merged one. Whole l2r GPT-4o rewrites against their
// BBC sources (l2rPath), "not" inserted into the words quoted.
func TestAddedNegationInAMergedSentence(t *testing.T) {
	for _, tc := range []struct{ id, words, edited string }{
		{"l2r-news-114", "these were the only democratic areas", "these were not the only democratic areas"},
		{"l2r-news-077", "was found dead in his Canning Town flat", "was not found dead in his Canning Town flat"},
	} {
		if !l2rEditFlagged(t, tc.id, tc.words, tc.edited) {
			t.Errorf("%s: %q not flagged", tc.id, tc.edited)
		}
	}
}

// "Unless" is no negative word: a source clause that sets a condition
// with it still states what a negation inserted into the rewrite negates.
// The whole l2r GPT-4o rewrite l2r-news-182 against its BBC source
// (l2rPath), "not" inserted into the words quoted.
func TestUnlessIsNoNegativeWord(t *testing.T) {
	edited := "the SNP is not gearing up with 50 amendments"
	if !l2rEditFlagged(t, "l2r-news-182", "the SNP is gearing up with 50 amendments", edited) {
		t.Errorf("%q not flagged", edited)
	}
}

// British and American spellings are one term when clauses are compared:
// the whole l2r GPT-4o rewrite l2r-news-162 (l2rPath) writes "is the
// favorite" for its BBC source's "is the bookies' favourite"; "not"
// inserted there is found. spelled itself is checked on word pairs.
func TestAmericanSpellingIsOneTerm(t *testing.T) {
	for _, p := range [][2]string{{"favourite", "favorite"}, {"labour", "labor"}, {"organised", "organized"}, {"centre", "center"}} {
		a, b := analyze.Tokenize(p[0], analyze.Span{End: len(p[0])}), analyze.Tokenize(p[1], analyze.Span{End: len(p[1])})
		if spelled(a[0]) != spelled(b[0]) {
			t.Errorf("spelled(%s) = %q, spelled(%s) = %q, want one term", p[0], spelled(a[0]), p[1], spelled(b[0]))
		}
	}
	edited := "leadership race, is not the favorite"
	if !l2rEditFlagged(t, "l2r-news-162", "leadership race, is the favorite", edited) {
		t.Errorf("%q not flagged", edited)
	}
}

// A negative word with a capital inside a sentence is part of a name
// and negates nothing; the same word in lower case, or opening a
// sentence, does. Sentences from l2r's BBC sources and GPT-4o rewrites
// (shared/data/l2r-news-rewrites/news_rewrites_paired.jsonl: l2r-news-179,
// l2r-news-198, and a GPT-4o transfer list that writes "[Unattached -
// Rotherham]").
func TestCapitalisedNegativeWordIsAName(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"Last year Ariana Miyamoto, the first mixed-race winner of the Miss Universe Japan pageant, faced criticism.", 0},
		{"- **Peter Odemwingie** [Unattached - Rotherham]", 0},
		{"His arrival comes after it was revealed veteran striker Yann Kermorgant will miss the start of the season.", 1},
		{"Missing the start of the season is a blow.", 1},
	} {
		if got := negativeCount(tc.text, analyze.Span{End: len(tc.text)}); got != tc.want {
			t.Errorf("negativeCount(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

func TestSwappedNameIsAltered(t *testing.T) {
	source := "The reply answered a question by Senator Mohsin Aziz on the number of illegal residents in the country."
	query := "The reply answered a question by Senator Sherry Rehman on the number of illegal residents in the country."
	res := auditTexts(query, source, Options{})
	c := find(res.Entities, facts.Entity, Altered)
	if c == nil || c.Query.Entity != "Sherry Rehman" || c.Source.Entity != "Mohsin Aziz" {
		t.Fatalf("entities = %+v, want Mohsin Aziz → Sherry Rehman altered", res.Entities)
	}
}

func TestPlaceReplacedByGenericPhraseIsGeneralised(t *testing.T) {
	source := "The government had given an ultimatum to all undocumented immigrants to leave Pakistan by Oct 31 or risk deportation."
	query := "The government had given an ultimatum to all undocumented immigrants to leave the country by Oct 31 or risk deportation."
	res := auditTexts(query, source, Options{})
	c := find(res.Entities, facts.Entity, Generalised)
	if c == nil || c.Source.Entity != "Pakistan" || c.Query.Text != "the country" {
		t.Fatalf("entities = %+v, want Pakistan generalised to the country", res.Entities)
	}
}

func TestQuoteWithoutSpeakerLosesAttribution(t *testing.T) {
	source := "“Around 1.7 million illegal aliens are unlawfully living in the country,” the ministry said on Tuesday."
	query := "“Around 1.7 million illegal aliens are unlawfully living in the country.” The figure was released on Tuesday."
	res := auditTexts(query, source, Options{})
	if len(res.Quotes) != 1 || res.Quotes[0].Change != Kept || res.Quotes[0].Attribution != AttributionLost {
		t.Fatalf("quotes = %+v, want one kept with attribution lost", res.Quotes)
	}
}

func TestYearTheSourceNeverStatesIsUnsupported(t *testing.T) {
	source := "In October, the government gave an ultimatum to all undocumented immigrants to leave by Oct 31."
	query := "In October 2023, the government gave an ultimatum to all undocumented immigrants to leave by Oct 31."
	res := auditTexts(query, source, Options{})
	if len(res.Unsupported) != 1 || !strings.Contains(res.Unsupported[0].Reason, "October 2023") {
		t.Fatalf("unsupported = %+v, want the sentence with October 2023", res.Unsupported)
	}
}

func TestWeekdaysComparedAsDatesWhenBothArticlesAreDated(t *testing.T) {
	source := "The interior ministry informed the Senate on Tuesday that 541,210 people had been sent back."
	query := "The interior ministry informed the Senate on Oct 31 that 541,210 people had been sent back."
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	res := auditTexts(query, source, Options{QueryPublished: day("2023-11-02"), SourcePublished: day("2023-11-01")})
	if c := find(res.Facts, facts.Date, Kept); c == nil {
		t.Errorf("facts = %+v, want Tuesday (31 October 2023) kept as Oct 31", res.Facts)
	}
	res = auditTexts(strings.Replace(source, "Tuesday", "Monday", 1), source, Options{QueryPublished: day("2023-11-01"), SourcePublished: day("2023-11-01")})
	if c := find(res.Facts, facts.Date, Altered); c == nil {
		t.Errorf("facts = %+v, want Tuesday → Monday altered", res.Facts)
	}
}

func TestScopeWordAddedToACopiedSentenceIsUnsupported(t *testing.T) {
	source := "Last year, 32 Democrats in the House voted against the funding of the war in Afghanistan."
	query := "Last year, only 32 Democrats in the House voted against the funding of the war in Afghanistan."
	res := auditTexts(query, source, Options{})
	if len(res.Unsupported) != 1 || !strings.Contains(res.Unsupported[0].Reason, "only") {
		t.Fatalf("unsupported = %+v, want the sentence that adds “only”", res.Unsupported)
	}
}

// LLMFake politifact179, Unsubstantiated_Content: the manipulation copies
// the source's second sentence from "Federal" on, leaving out the photo
// credit glued to its start, and puts "felony" for "misdemeanor". The
// credit was left out, not replaced; the one word replaced is the change.
// Leaving out the credit alone changes nothing.
func TestWordReplacedInACopyCutAtItsStart(t *testing.T) {
	source := "A four-year-old boy weeps in the arms of a relative as they were apprehended by border patrol agents near McAllen, Tex., on May 2. (Adrees Latif/Reuters)Federal courtrooms across the Southwest are being flooded with distraught mothers and fathers charged with misdemeanor illegal entry and separated from their children — a shift in policy touted by the Trump administration as a way to stop families from trying to reach the United States but decried by critics as traumatizing and inhumane."
	copied := "Federal courtrooms across the Southwest are being flooded with distraught mothers and fathers charged with misdemeanor illegal entry and separated from their children — a shift in policy touted by the Trump administration as a way to stop families from trying to reach the United States but decried by critics as traumatizing and inhumane."
	query := strings.Replace(copied, "misdemeanor", "felony", 1)
	res := auditTexts(query, source, Options{})
	if len(res.Unsupported) != 1 || !strings.Contains(res.Unsupported[0].Reason, "misdemeanor → felony") {
		t.Fatalf("unsupported = %+v, want the sentence that puts “felony” for “misdemeanor”", res.Unsupported)
	}
	if res := auditTexts(copied, source, Options{}); res.Flagged() {
		t.Errorf("the copy without its credit is flagged: altered %d, unsupported %+v", res.AlteredCount(), res.Unsupported)
	}
}

func TestCopyHasNoChanges(t *testing.T) {
	res := auditTexts(breakdown, breakdown, Options{})
	if res.Flagged() || len(res.Unsupported) != 0 {
		t.Errorf("a copy is flagged: altered %d, unsupported %+v", res.AlteredCount(), res.Unsupported)
	}
}

func TestFigureMovedAndChangedIsAltered(t *testing.T) {
	source := "The trial lasted eight years. Over 200 witnesses gave evidence, and sentencing is due on Tuesday."
	query := "Sentencing is due on Tuesday after an eight-year trial. It heard over 205 witnesses from both sides."
	res := auditTexts(query, source, Options{})
	c := find(res.Facts, facts.Quantity, Altered)
	if c == nil || c.Query.Text != "over 205" || c.Source.Text != "Over 200" {
		t.Fatalf("facts = %+v, want Over 200 → over 205 altered", res.Facts)
	}
}

// TestFigurePairedByItsWords checks that a figure is paired with the source
// figure whose words it shares before one of equal value: in the l2r
// rewrite of the Dudley loan scheme story, a 30 changed to 60 must not
// take the source's other 60 ("secure 60 more") and leave the change
// unseen; and an age changed to one the source states about something
// else is altered against the age its passage states.
func TestFigurePairedByItsWords(t *testing.T) {
	source := "Dudley Council said it expected the new loan scheme to create 30 jobs and secure 60 more."
	query := "Funded by a European grant, the scheme is expected to create 60 jobs and secure 60 more."
	res := auditTexts(query, source, Options{})
	c := find(res.Facts, facts.Quantity, Altered)
	if c == nil || c.Query.Start != strings.Index(query, "60") || c.Source.Text != "30" {
		t.Errorf("facts = %+v, want the first 60 altered from 30", res.Facts)
	}
	if k := find(res.Facts, facts.Quantity, Kept); k == nil || k.Query.Start != strings.LastIndex(query, "60") {
		t.Errorf("facts = %+v, want the second 60 kept", res.Facts)
	}

	source = "Life expectancy rose by 0.3 years at age 65 and 0.2 years at ages 75, 85 and 95 since 2013. " +
		"And the figures vary across the country, with the North East and North West having lower life expectancies for 65-year-olds than other regions."
	query = "Life expectancy isn't uniform; the North East and North West report lower life expectancies for 75-year-olds than other regions."
	res = auditTexts(query, source, Options{})
	c = find(res.Facts, facts.Quantity, Altered)
	if c == nil || c.Query.Text != "75" || !strings.HasPrefix(source[c.Source.Start:], "65-year-olds") {
		t.Errorf("facts = %+v, want 75 altered from the 65 of the 65-year-olds", res.Facts)
	}
}

// swappedAltered audits rewrite against source with every words replaced
// by edited (the swap cases edit every mention), and reports whether a
// line of the list that list picks from the result calls the first
// edited words altered from a source fact that says was.
func swappedAltered(t *testing.T, source, rewrite, words, edited, was string, list func(*Result) []FactChange) bool {
	t.Helper()
	if !strings.Contains(rewrite, words) {
		t.Fatalf("the rewrite does not say %q", words)
	}
	query := strings.ReplaceAll(rewrite, words, edited)
	at := strings.Index(query, edited)
	for _, c := range list(auditTexts(query, source, Options{})) {
		if c.Change == Altered && c.Query.Start >= at && c.Query.End <= at+len(edited) && strings.Contains(c.Source.Text, was) {
			return true
		}
	}
	return false
}

// l2rSwap is one edit of a whole l2r rewrite: words, which the rewrite
// of source article id by model states, become edited, which changes
// the source's fact was.
type l2rSwap struct{ id, model, words, edited, was string }

// factSwapAltered checks that the unedited rewrite alters no fact of
// kind, and that the edited one alters the fact it changed.
func factSwapAltered(t *testing.T, c l2rSwap, kind facts.Kind) {
	t.Helper()
	source, rewrite := l2rPairOf(t, c.id, c.model)
	if find(auditTexts(rewrite, source, Options{}).Facts, kind, Altered) != nil {
		t.Errorf("%s %s unedited: a %s is altered", c.id, c.model, kind)
	}
	if !swappedAltered(t, source, rewrite, c.words, c.edited, c.was, (*Result).factList) {
		t.Errorf("%s %s: %q not altered from %q", c.id, c.model, c.edited, c.was)
	}
}

func (r *Result) factList() []FactChange   { return r.Facts }
func (r *Result) entityList() []FactChange { return r.Entities }

// TestFigureChangedWhereItsPairLetGo edits a figure in whole l2r rewrites
// of models whose swap cases no rule was read on
// (shared/data/l2r-news-rewrites), and checks the figure is altered
// against the one it replaced. A figure is one of the terms the aligner
// pairs sentences by, so the edit loosens its own pair: "Rossi, aged 38"
// no longer pairs with "Rossi, 37, added …" at all, and "awarded Mr Mosley
// £60,400 in damages" shares nothing else with "won £60,000 after a judge
// ruled …". The unedited rewrites alter no figure.
func TestFigureChangedWhereItsPairLetGo(t *testing.T) {
	for _, c := range []l2rSwap{
		{"l2r-news-070", "GPT-3-Turbo", "Rossi, aged 37", "Rossi, aged 38", "37"},
		{"l2r-news-013", "GPT-3-Turbo", "£60,000 in damages", "£60,400 in damages", "£60,000"},
		{"l2r-news-013", "Llama-3-70B", "£60,000 in damages", "£65,000 in damages", "£60,000"},
		// Ages in other words than the source's: the only age left
		// unmatched on each side ("A man, aged 45, was arrested").
		{"l2r-news-104", "GPT-3-Turbo", "A 45-year-old man", "A 55-year-old man", "45"},
		{"l2r-news-158", "GPT-3-Turbo", "Finn, aged 25", "Finn, aged 29", "25"},
		// Two ages in a row: each is paired by the words next to it, and
		// another figure ends those words ("Procko, 22, and Karol
		// Szymanski, 29": the name after 22 is the second man's).
		{"l2r-news-163", "Llama-3-70B", "Tomasz Procko, 22,", "Tomasz Procko, 92,", "22"},
		{"l2r-news-163", "Llama-3-70B", "Karol Szymanski, 29,", "Karol Szymanski, 26,", "29"},
		{"l2r-news-141", "Llama-3-70B", "Joe Cordon, 21,", "Joe Cordon, 51,", "21"},
		// An age after a word for a person ("The Bath-born player, 28,"),
		// a measure hyphenated to its number ("a 40-mile transfer"):
		// each the only one of its unit left.
		{"l2r-news-014", "Llama-3-70B", "28-year-old Eddie Jackson", "88-year-old Eddie Jackson", "28"},
		{"l2r-news-072", "Llama-3-70B", "Infirmary, 40 miles away", "Infirmary, 70 miles away", "40"},
		// The same subject in another form of the word: "23 injuries"
		// against "injured 23 people" (stems "injuri" and "injur").
		{"l2r-news-046", "GPT-3-Turbo", "four deaths and 23 injuries", "four deaths and 93 injuries", "23"},
	} {
		factSwapAltered(t, c, facts.Quantity)
	}
}

// TestDateChangedToOneTheSourceStatesElsewhere changes a date in whole
// l2r Llama-3-70B rewrites (shared/data/l2r-news-rewrites) to a value the
// source states about something else: "expected to take until Sunday" →
// "until Monday" where the source names a Monday elsewhere. The date
// facing it in its own passage, stated as precisely, is the one changed.
func TestDateChangedToOneTheSourceStatesElsewhere(t *testing.T) {
	for _, c := range []struct{ id, words, edited, was string }{
		{"l2r-news-054", "expected to take until Sunday", "expected to take until Monday", "Sunday"},
		{"l2r-news-139", "received £50,000 in 2008", "received £50,000 in 2009", "2008"},
		// A sentence glued from several source sentences: the date is in
		// one that shares fewer of its words than another does.
		{"l2r-news-057", "killed 14 people in California in 2015", "killed 14 people in California in 2018", "December 2015"},
	} {
		source, rewrite := l2rPairOf(t, c.id, "Llama-3-70B")
		if !swappedAltered(t, source, rewrite, c.words, c.edited, c.was, (*Result).factList) {
			t.Errorf("%s: %q not altered from %q", c.id, c.edited, c.was)
		}
	}
}

// TestDateTheOnlyOneOfItsPrecisionLeft changes a date in whole l2r
// rewrites in a sentence that shares few words with the source's: the
// only date given to its precision left unmatched on the query side
// faces the only value of that precision left in the source, which may be
// stated more than once ("by 2020" three times in l2r-news-027).
func TestDateTheOnlyOneOfItsPrecisionLeft(t *testing.T) {
	for _, c := range []l2rSwap{
		{"l2r-news-027", "Llama-3-70B", "fix the problem by 2020", "fix the problem by 2022", "2020"},
		{"l2r-news-042", "Llama-3-70B", "After my 2011 win", "After my 2013 win", "2011"},
		{"l2r-news-091", "Llama-3-70B", "until February 2018", "until February 2020", "February 2018"},
		{"l2r-news-107", "Llama-3-70B", "On February 4, 2015, we shared", "On February 5, 2015, we shared", "4 February 2015"},
		{"l2r-news-142", "Llama-3-70B", "nightclub with colleagues on Saturday", "nightclub with colleagues on Sunday", "Saturday"},
	} {
		factSwapAltered(t, c, facts.Date)
	}
}

// A month named without a year is no unit of its own: the GPT-4o rewrite
// of a transfer page says "the January transfer window" and the source
// "signings confirmed in May, June, July and August", each the only month
// left on its side.
func TestMonthAloneIsNotTheOnlyDateLeft(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-194", "GPT-4o")
	if c := find(auditTexts(rewrite, source, Options{}).Facts, facts.Date, Altered); c != nil {
		t.Errorf("%q altered from %q", c.Query.Text, c.Source.Text)
	}
}

// TestNameSwappedWhereItsPairLetGo swaps a name or place in whole l2r
// GPT-3-Turbo and Llama-3-70B rewrites (shared/data/l2r-news-rewrites) for one the source
// never uses, in sentences the swap leaves unpaired: the name was among
// the terms pairing them. The name is altered against the one the source
// sentence with most of the sentence's other words names.
func TestNameSwappedWhereItsPairLetGo(t *testing.T) {
	for _, c := range []struct{ id, model, words, edited, was string }{
		{"l2r-news-039", "GPT-3-Turbo", "Mr Museveni's three-decade rule", "Mr Jennifer Izekor's three-decade rule", "Museveni"},
		{"l2r-news-039", "GPT-3-Turbo", "bringing stability to Uganda", "bringing stability to Tokyo", "Uganda"},
		{"l2r-news-138", "GPT-3-Turbo", "upcoming match against France", "upcoming match against Sindh", "France"},
		{"l2r-news-041", "Llama-3-70B", "FIFA President Sepp Blatter made", "FIFA President Pedro Caixinha made", "Blatter"},
		// Of several names of the label near the sentence, the one
		// written between the same words.
		{"l2r-news-020", "GPT-3-Turbo", "England is set to play Scotland and Spain", "England is set to play Tokyo and Spain", "Scotland"},
		{"l2r-news-137", "GPT-3-Turbo", "Using oysters from Morecambe Bay", "Using oysters from Vietnam", "Morecambe Bay"},
		{"l2r-news-018", "GPT-3-Turbo", "spokesman Zweli Mnisi stated", "spokesman Terry Hughes stated", "Zweli Mnisi"},
		// The source says "he" where the rewrite names him: "But he
		// warned that long term funding should come from Cornwall", two
		// sentences after "Local government minister Andrew Stunnell".
		{"l2r-news-015", "GPT-3-Turbo", "Stunnell stressed", "Michel Platini stressed", "Stunnell"},
		// The only person or place of its label added, and the one
		// dropped that the source writes beside the same words, in
		// another sentence than the one restated.
		{"l2r-news-043", "GPT-3-Turbo", "Islington, north London", "Islington, north Sindh", "London"},
		{"l2r-news-000", "GPT-3-Turbo", "floods in Dumfries and Galloway", "floods in Glasgow and Galloway", "Dumfries"},
		{"l2r-news-140", "GPT-3-Turbo", "Republican lawmaker John Kavanagh", "Republican lawmaker Bradley Minto", "John Kavanagh"},
		// A sentence glued from several source sentences, the name in one
		// that shares fewer of its words than another does.
		{"l2r-news-069", "GPT-3-Turbo", "announced by Mr Salmond", "announced by Mr Gary Johnson", "Salmond"},
		{"l2r-news-000", "GPT-3-Turbo", "Labour Party's Alex Rowley", "Labour Party's Michelle Obama", "Alex Rowley"},
		// Words beside a name read past articles: "trials in the
		// Norway" against "follows trials in the Netherlands".
		{"l2r-news-136", "GPT-3-Turbo", "trials in the Netherlands", "trials in the Norway", "Netherlands"},
		// Of several places around the sentence restated, the one in it.
		{"l2r-news-101", "GPT-3-Turbo", "Returning to Calgary", "Returning to Peru", "Calgary"},
		// One of two mentions swapped in a sentence glued from two that
		// each name him.
		{"l2r-news-013", "GPT-3-Turbo", "but Mr Mosley insists", "but Mr Anne Mulhern insists", "Mosley"},
		// The same role in front of the name.
		{"l2r-news-126", "GPT-3-Turbo", "Professor Rajarshi Dasgupta echoes", "Professor Grace Hale echoes", "Rajarshi Dasgupta"},
	} {
		source, rewrite := l2rPairOf(t, c.id, c.model)
		if !swappedAltered(t, source, rewrite, c.words, c.edited, c.was, (*Result).entityList) {
			t.Errorf("%s: %q not altered from %q", c.id, c.edited, c.was)
		}
	}
}

// A freely reworded sentence whose terms are mostly the source's is no
// unsupported claim (LLMFake's faithful ChatGPT paraphrase of
// politifact15188: 42% of the sentence's terms are new, below
// newShareUnaligned); one made up is (the seed pair's closing commentary,
// in the seed golden).
func TestFreeParaphraseIsNotUnsupported(t *testing.T) {
	source := "Orlando, Fl. – Weed smokers rejoice, The state of Florida can now be added to the growing list of US states that have past bills to legalize the use marijuana.The bill to legalize marijuana for medical and recreational use in the state was first presented at the state capital back in July is expected to be in place by Easter."
	query := "The state of Florida has passed a bill to make marijuana use legal, joining other US states that have already done the same. The bill, which was presented at the state capital in July and is expected to be in place by Easter, will allow the use of marijuana for both medical and recreational use."
	res := auditTexts(query, source, Options{})
	for _, c := range res.Unsupported {
		if strings.HasPrefix(c.Text, "The state of Florida") {
			t.Errorf("unsupported = %q (%s), want the reworded sentence supported", c.Text, c.Reason)
		}
	}
}

// TestNameSwappedWhereTheRewriteDropsTheRole checks a name changed in a
// reworded pair (similarity below the near-copy level) while the source's
// name is still named in another sentence: the source's name is a
// person's by its role ("Mr Whittle"), the query's by its look alone (two
// words, no role). The sentences are a BBC source's and its l2r GPT-4o
// rewrite's, the name edited.
func TestNameSwappedWhereTheRewriteDropsTheRole(t *testing.T) {
	source := "Peter Whittle said he would back Paul Nuttall as \"a leader who knows the party inside out and who can command the loyalty\" of all members. " +
		"Mr Kassam, a former aide to Mr Farage, had endorsed Mr Whittle after himself pulling out of the race."
	query := "Peter Whittle expressed his support for Paul Nuttall as a leader who thoroughly understands the party and can secure the loyalty of all its members. " +
		"Mr. Kassam, a former aide to Farage, had endorsed Daniel Zeichner after withdrawing from the leadership race."
	res := auditTexts(query, source, Options{})
	c := find(res.Entities, facts.Entity, Altered)
	if c == nil || c.Query.Entity != "Daniel Zeichner" || c.Source.Entity != "Whittle" {
		t.Errorf("entities = %v, want Whittle → Daniel Zeichner altered", entityLines(res))
	}
}

// TestNameSwappedInARewordedPair checks a name changed in a loosely
// aligned pair (similarity 0.3–0.5) while the source's name is still
// named in another sentence: the source sentence names Mr Corbyn, the
// query sentence in his place one name the source never mentions. The
// sentences are a BBC source's and its l2r GPT-4o rewrite's, the name
// edited.
func TestNameSwappedInARewordedPair(t *testing.T) {
	source := "He insisted there was \"everything still to play for\" in the contest and would not rule out standing again if Mr Corbyn won. " +
		"Mr Corbyn's campaign said Mr Smith was \"desperate\" and \"resorting to insults\"."
	query := "He insisted the game wasn't over yet in the contest and didn’t rule out running again if Mr. Yoweri Museveni won. " +
		"Mr. Corbyn's campaign said Mr. Smith was \"desperate\" and \"resorting to insults\"."
	res := auditTexts(query, source, Options{})
	c := find(res.Entities, facts.Entity, Altered)
	if c == nil || c.Query.Entity != "Yoweri Museveni" || c.Source.Entity != "Corbyn" {
		t.Errorf("entities = %v, want Corbyn → Yoweri Museveni altered", entityLines(res))
	}
	// The same rewrite with the name kept: nothing altered.
	res = auditTexts(strings.Replace(query, "Yoweri Museveni", "Corbyn", 1), source, Options{})
	if c := find(res.Entities, facts.Entity, Altered); c != nil {
		t.Errorf("entities = %v, want none altered", entityLines(res))
	}
}

// entityLines renders the entity diff for a failure message.
func entityLines(res *Result) []string {
	var got []string
	for _, e := range res.Entities {
		got = append(got, fmt.Sprintf("%s %v → %v", e.Change, e.Source, e.Query))
	}
	return got
}

// TestNegationAddedToARewordedClause checks a "not" inserted after an
// auxiliary in a reworded sentence whose negated words the source words
// otherwise ("has not officially recognized" / "has made"). The sentences
// are a BBC source's and its l2r GPT-4o rewrite's, the negation inserted.
func TestNegationAddedToARewordedClause(t *testing.T) {
	source := "The Department for Culture, Media and Sport has made it a scheduled monument on the advice of Historic England."
	rewrite := "Following advice from Historic England, the Department for Culture, Media and Sport has officially recognized it as a scheduled monument."
	query := strings.Replace(rewrite, "has officially", "has not officially", 1)
	if res := auditTexts(query, source, Options{}); len(res.Negations) != 1 {
		t.Errorf("negations = %+v, want the inserted one", res.Negations)
	}
	if res := auditTexts(rewrite, source, Options{}); len(res.Negations) != 0 {
		t.Errorf("negations of the unedited rewrite = %+v, want none", res.Negations)
	}
}

// A negation the query keeps is not dropped because the source holds more
// negations in the aligned passage: the query's own negation governs the
// word the source's negates (llmfake ChatGPT paraphrases,
// shared/data/llmfake/chatgpt_3.5_generation/politifact, politifact15135
// and politifact14565, whose source glues a "refusing to air" into the
// same sentence; the first is the one the rule decides when the two are
// audited alone). With the negation really dropped the pair is altered.
func TestNegationTheQueryKeepsIsNotDropped(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		altered             bool
	}{
		{"politifact15135",
			"Despite the man not breaking any laws or making any formal arrests, police confiscated his gun without a warrant.",
			"A man in Seattle has had his gun confiscated by police after breaking no laws. The police took his gun without a warrant and without pressing any charges.",
			false},
		{"politifact14565",
			"Fox Sports spokeswoman Holly McGee stated that they stand with the president and will not air games until the 12 teams who attacked him apologize and players who disrespect our nation are punished.",
			"Fox Sports took things a step farther Sunday morning with a bombshell announcement that until players either stop disrespecting our country or are fired to do so, they will not be airing any games. “We are standing with him and refusing to air the games until the 12 teams who have attacked the President apologize and players who disrespect our nation are punished.”",
			false},
		{"politifact15135, the negation dropped",
			"The man in Seattle has had his gun confiscated by police after breaking laws. The police took his gun without a warrant and without pressing any charges.",
			"A man in Seattle has had his gun confiscated by police after breaking no laws. The police took his gun without a warrant and without pressing any charges.",
			true},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := len(res.Negations) > 0; got != tc.altered {
			t.Errorf("%s: negations = %+v, want altered %v", tc.name, res.Negations, tc.altered)
		}
	}
}

// A negation before "why", "whether", "what"… negates the verb before
// them, not the words of the clause they open: "he didn't understand why
// the First Lady was commenting" keeps "was commenting" (llmfake ChatGPT
// paraphrase politifact13559, shared/data/llmfake/chatgpt_3.5_generation/
// politifact). The verb itself turned around is still altered.
func TestNegationBeforeAClauseOpenerNegatesTheVerb(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		altered             bool
	}{
		{"politifact13559",
			"He stated that he didn't understand why the First Lady was commenting on the future president and suggested that she should focus on her duties as the First Lady instead of worrying about her successor.",
			"Secondly, if she’s the First Lady, shouldn’t she be focused on doing whatever it is that First Ladies are supposed to be doing as their duties while their husbands are rescuing the world? What’s she doing commenting on and obviously worrying about her successor?",
			false},
		{"the verb turned around",
			"He stated that he could not understand why the First Lady was commenting on the future president.",
			"He stated that he could understand why the First Lady was commenting on the future president.",
			true},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := len(res.Negations) > 0; got != tc.altered {
			t.Errorf("%s: negations = %+v, want altered %v", tc.name, res.Negations, tc.altered)
		}
	}
}

// A word turned into its opposite by a negative prefix, in an aligned
// sentence, is an altered polarity: "should do so legally" → "should do
// so illegally" (llmfake Description_Ambiguity politifact3198,
// shared/data/llmfake/chatgpt_3.5_generation/politifact). A prefix put on
// a word the other side negates is rewording ("was not clear" → "it's
// unclear", l2r-news-157 GPT-4o in shared/data/l2r), and a word written
// apart is the same word ("in-patient", l2r-news-146).
func TestWordTurnedIntoItsOppositeByAPrefix(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		altered             bool
	}{
		{"politifact3198",
			"Canada officials want to make it clear for would-be immigrants looking to cross the US-Canada border that they should do so illegally.",
			"Chris Wattie / ReutersCanada warns immigrants in US about fleeing north Canada officials want to make it clear for would-be immigrants looking to cross the US-Canada border that they should do so legally.",
			true},
		{"l2r-news-157",
			"Inspector Helen Smith from the RSPCA mentioned that it's unclear if the dog was still alive when it was thrown into the canal.",
			"RSPCA Inspector Helen Smith said it was not clear if the dog was alive when it was thrown in the canal.",
			false},
		{"l2r-news-146",
			"The study involved questioning one on-call paediatrician from every hospital that provides acute inpatient care for children.",
			"In the study, one on-call paediatrician was questioned in every hospital providing acute in-patient care for children.",
			false},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := len(res.Negations) > 0; got != tc.altered {
			t.Errorf("%s: negations = %+v, want altered %v", tc.name, res.Negations, tc.altered)
		}
	}
}

// A sentence aligned with a source passage that says something else, most
// of whose words are not in that passage nor next to it, is unsupported:
// llmfake False_Context politifact377 (shared/data/llmfake/
// chatgpt_3.5_generation/politifact) puts the native garb of a photo the
// source discusses later on the sentence "Senator Obama is here". A
// faithful paraphrase of the passage is not.
func TestSentenceItsAlignedPassageDoesNotSayIsUnsupported(t *testing.T) {
	source := "MR. WILLIAMS: Senator Clinton, we're here in Ohio. Senator Obama is here. This is the debate. You would agree the difference in tone over just those 48 hours was striking.SEN. CLINTON: Well, this is a contested campaign. And as I have said many times, I have a great deal of respect for Senator Obama, but we have differences. " +
		"And unfortunately it's a debate we should have that is accurate and is based in facts about my plan and Senator Obama's plan, because my plan will cover everyone and it will be affordable. And on many occasions, independent experts have concluded exactly that.And Senator Obama's plan does not cover everyone. It would leave, give or take, 15 million people out. " +
		"MR. WILLIAMS: On the topic of accurate information, and to that end, one of the things that has happened over the past 36 hours -- a photo went out the website The Drudge Report, showing Senator Obama in the native garb of a nation he was visiting, as you have done in a host country on a trip overseas."
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"Senator Obama wore native garb on a trip overseas, just like Senator Clinton.", true},
		{"Senator Clinton said the difference in tone over those 48 hours was striking.", false},
	} {
		res := auditTexts(tc.query, source, Options{})
		if got := len(res.Unsupported) > 0; got != tc.want {
			t.Errorf("%q: unsupported = %+v, want %v", tc.query, res.Unsupported, tc.want)
		}
	}
}

// A query clause stating, anywhere, a claim a source clause states with
// the other polarity is altered even when the aligner did not pair the
// two sentences: llmfake Incomplete_Fact politifact377 (shared/data/
// llmfake/chatgpt_3.5_generation/politifact) says "Senator Obama's health
// care plan covers everyone" where the source, gluing two sentences, says
// "Senator Obama's plan does not cover everyone". Keeping the negation is
// no change, nor is a negation the source writes with a curly apostrophe
// ("shouldn’t mean", another llmfake manipulation of a Ben Sasse
// statement, its sentence copied).
func TestClaimTheSourceDeniesIsAltered(t *testing.T) {
	source := "And unfortunately it's a debate we should have that is accurate and is based in facts about my plan and Senator Obama's plan, because my plan will cover everyone and it will be affordable. And on many occasions, independent experts have concluded exactly that.And Senator Obama's plan does not cover everyone. It would leave, give or take, 15 million people out."
	for _, tc := range []struct {
		query, source string
		altered       bool
	}{
		{"Senator Obama's health care plan covers everyone. In reality, his plan would leave approximately 15 million people without coverage.", source, true},
		{"Senator Obama's health care plan does not cover everyone. In reality, his plan would leave approximately 15 million people without coverage.", source, false},
		{"We've been down this road before—blanket protectionism is a big part of why America had a Great Depression. 'Make America Great Again' shouldn't mean 'Make America 1929 Again.'\"",
			"We’ve been down this road before—blanket protectionism is a big part of why America had a Great Depression. 'Make America Great Again' shouldn’t mean 'Make America 1929 Again.'\"", false},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := len(res.Negations) > 0; got != tc.altered {
			t.Errorf("%q: negations = %+v, want altered %v", tc.query, res.Negations, tc.altered)
		}
	}
}

// A word put where its source has its opposite turns the claim around:
// "indexing future increases to inflation" → "indexing future decreases"
// (an llmfake manipulation, shared/data/llmfake/chatgpt_3.5_generation/
// politifact; "increased defense spending" for "cut defense spending",
// politifact11761). Words of one direction are one group ("fall … despite a
// slight increase" → "downturn … despite a modest rise", l2r-news-062),
// and an opposite negated says the same ("did not rise" for "fell"; the
// polarity test may still read the added "not" as a change).
func TestWordPutForItsOppositeIsAltered(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		altered             bool
	}{
		{"increases → decreases",
			"Obama urged Congress to take up legislation to raise the minimum wage from $7.25 to $10.10 over three years, while indexing future decreases to inflation.",
			"Obama urged Congress to take up legislation to raise the minimum wage from $7.25 to $10.10 over three years, while indexing future increases to inflation.",
			true},
		{"increased → cut (llmfake Description_Ambiguity, politifact11761)",
			"Ted Cruz actually voted for a budget that increased defense spending by more than Barack Obama proposed.",
			"But the only budget he's ever voted for in his time in the Senate is a budget that cut defense spending by more than Barack Obama proposes we cut it.",
			true},
		{"agreeing → disagreeing (llmfake False_Context, politifact11899)",
			"Misinformation: Bernie Sanders and Hillary Clinton diverged greatly on how they would reform health care and immigration, while disagreeing on the need for change in policing during the debate in Milwaukee.",
			"At a debate in Milwaukee, Democratic presidential candidates Bernie Sanders and Hillary Clinton diverged slightly on how they would reform health care and immigration, while largely agreeing on the need for change in policing.",
			true},
		{"l2r-news-062",
			"This profit downturn came despite a modest rise in net revenues, which edged up to £808.1 million from the previous year's £805.2 million.",
			"The fall in profit came despite a slight increase in net revenues to £808.1m from £805.2m a year earlier.",
			false},
		{"negated opposite",
			"Net revenues did not rise last year, the company said in its annual report on Tuesday.",
			"Net revenues fell last year, the company said in its annual report on Tuesday.",
			false},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		got := false
		for _, c := range res.Negations {
			got = got || strings.HasPrefix(c.Note, "the query turns")
		}
		if got != tc.altered {
			t.Errorf("%s: negations = %+v, want a word turned into its opposite %v", tc.name, res.Negations, tc.altered)
		}
	}
}

// TestNegationAddedToASegment: a "not" put after an auxiliary in a
// sentence reworded around a comma is found against the source's part
// of the sentence that states the same auxiliary without it; a negation
// of a "what" clause, or one the source states in its own segment, is not.
func TestNegationAddedToASegment(t *testing.T) {
	for _, tc := range []struct {
		source, query, sentence string
		want                    bool
	}{
		{"The health board said it had hired no new doctors this winter. He added that the health board's recruitment efforts are continuing. The ward will reopen in May.",
			"The health board hired no new doctors this winter. Recruitment efforts are not ongoing, he noted. The ward will reopen in May.",
			"Recruitment efforts are not ongoing", true},
		{"The health board said it had hired no new doctors this winter. He added that the health board's recruitment efforts are continuing. The ward will reopen in May.",
			"The health board hired no new doctors this winter. Recruitment efforts are ongoing, he noted. The ward will reopen in May.",
			"Recruitment efforts are ongoing", false},
		{"The health board said it had hired no new doctors this winter. He added that the health board's recruitment efforts are not continuing. The ward will reopen in May.",
			"The health board hired no new doctors this winter. Recruitment efforts are not ongoing, he noted. The ward will reopen in May.",
			"Recruitment efforts are not ongoing", false},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := flaggedAt(res, tc.query, tc.sentence); got != tc.want {
			t.Errorf("%q flagged %v, want %v (negations %+v)", tc.sentence, got, tc.want, res.Negations)
		}
	}
}

// TestAddedAuxNotAsksForAGovernedWord: a "not" before a "what" clause
// negates no word of its segment.
func TestAddedAuxNotAsksForAGovernedWord(t *testing.T) {
	tok := func(s string) []analyze.Token { return analyze.Tokenize(s, analyze.Span{Start: 0, End: len(s)}) }
	src := "The punishment of Russia for meddling in the election was a ruse."
	for q, want := range map[string]bool{
		"The punishment of Russia for meddling in the election was not what it seemed.": false,
		"The punishment of Russia for meddling in the election was not a ruse.":         true,
	} {
		if got := addedAuxNot(q, tok(q), src, tok(src)); got != want {
			t.Errorf("addedAuxNot(%q) = %v, want %v", q, got, want)
		}
	}
}

// TestNegationBeforeALongQuotation: a "not" put before a quotation that
// the source's sentence states after the same auxiliary is found.
func TestNegationBeforeALongQuotation(t *testing.T) {
	source := `Gatiss was jailed for nine years at Leeds Crown Court on Friday. After the sentencing, Mr Barnes said it was "just about the right length of time" and he hoped prison would give Gatiss time to reflect on what he had done. The court heard the attack lasted ten minutes.`
	query := `Gatiss was jailed for nine years at Leeds Crown Court on Friday. Following the sentencing, Mr. Barnes remarked that the sentence was not "just about the right length of time" and expressed his hope that Gatiss would use his time in prison for introspection. The court heard the attack lasted ten minutes.`
	if res := auditTexts(query, source, Options{}); !flaggedAt(res, query, "Following") {
		t.Errorf("the negation before the quotation is not found (negations %+v)", res.Negations)
	}
}

// TestNotBeforeANegativeWordTheSourceStatesNegatively: "not unsure"
// where the source says "do not know" turns the claim around; "not
// unsure" where the source says "sure" does not.
func TestNotBeforeANegativeWordTheSourceStatesNegatively(t *testing.T) {
	for _, tc := range []struct {
		source string
		want   bool
	}{
		{"A metal object was found on the beach at Crosby on Sunday. Police say at this stage they do not know what the object was. The beach was closed for two hours.", true},
		{"A metal object was found on the beach at Crosby on Sunday. Police say at this stage they are sure what the object was. The beach was closed for two hours.", false},
	} {
		query := "A metal object was found on the beach at Crosby on Sunday. Police are not unsure of the object's nature. The beach was closed for two hours."
		res := auditTexts(query, tc.source, Options{})
		if got := flaggedAt(res, query, "Police"); got != tc.want {
			t.Errorf("against %q: flagged %v, want %v (negations %+v)", tc.source, got, tc.want, res.Negations)
		}
	}
}

// TestNotBeforeAReversative: "uncovered" undoes "covered"; it is no
// negative word, and "were not uncovered" against "came to light" is a
// negation added.
func TestNotBeforeAReversative(t *testing.T) {
	if negativeAffix("uncovered") || negativeAffix("unearthed") || !negativeAffix("unconvinced") {
		t.Error("negativeAffix misreads a reversative")
	}
	source := "He was jailed for five years at the High Court in Inverness. The crimes came to light following an investigation by the UK Border Agency and the then Northern Constabulary. He will be deported."
	query := "He was jailed for five years at the High Court in Inverness. The crimes were not uncovered following an investigation by the UK Border Agency and Northern Constabulary. He will be deported."
	if res := auditTexts(query, source, Options{}); !flaggedAt(res, query, "The crimes") {
		t.Errorf("the negation before a reversative is not found (negations %+v)", res.Negations)
	}
}

// "Scepticism" holds a doubt as "doubt" does: a "not" put before the
// rewrite's "doubt" turns around the source's "there is scepticism over
// whether such a deal would make much difference to the current
// oversupply of oil", while the rewrite as written ("there is doubt about
// whether this will impact the current oil oversupply"), a faithful
// paraphrase, trades one doubt word for another and is not flagged. The
// whole l2r GPT-4o rewrite l2r-news-019 against its BBC source (l2rPath).
func TestScepticismIsADoubt(t *testing.T) {
	words := "there is doubt about whether this will impact"
	if !l2rEditFlagged(t, "l2r-news-019", words, "there is not doubt about whether this will impact") {
		t.Error("the negated doubt is not flagged")
	}
	source, rewrite := l2rPair(t, "l2r-news-019")
	if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, words) {
		t.Error("the faithful paraphrase of the scepticism is flagged")
	}
}

// An "and" between two clauses, each with its auxiliary, ends a segment:
// the source's "Two other men have been jailed for historical attacks not
// connected to children's homes and three more trials are due to begin in
// early 2017" states "three more trials are due" without a negation,
// though the sentence holds one, and a "not" put into the rewrite's
// "three further trials are scheduled to commence in early 2017" is
// found; the rewrite as written ("unrelated to children's homes", a
// faithful paraphrase) is not flagged. An "and" between two names, or
// two verbs of one auxiliary, joins no clauses (sentences of l2r-news-
// rewrites and bbc-news-summary). The whole l2r GPT-4o rewrite
// l2r-news-034 against its BBC source (l2rPath).
func TestAndBetweenTwoClausesEndsASegment(t *testing.T) {
	words := "three further trials are scheduled to commence"
	if !l2rEditFlagged(t, "l2r-news-034", words, "three further trials are not scheduled to commence") {
		t.Error("the negation after the clause's \"and\" is not flagged")
	}
	source, rewrite := l2rPair(t, "l2r-news-034")
	if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, "Additionally, two other individuals") {
		t.Error("the faithful paraphrase is flagged")
	}
	for text, want := range map[string]int{
		"Two other men have been jailed for historical attacks not connected to children's homes and three more trials are due to begin in early 2017.": 2,
		"Olly Murs and Caroline Flack have already been named as The X Factor's new presenters.":                                                        1,
		"Nine men from West Yorkshire and another man from Leicester have been arrested and freed on bail.":                                             1,
	} {
		toks := analyze.Tokenize(text, analyze.Span{End: len(text)})
		if got := len(segmentsOf(text, toks)); got != want {
			t.Errorf("%q: %d segments, want %d", text, got, want)
		}
	}
}

// A "not" put after the auxiliary of a segment whose word before the
// auxiliary the source's segment states with the same auxiliary, and no
// negation nor negative word, turns the source's claim around, however
// the rest is reworded: "It is a great signing for us" (the BBC source of
// l2r-news-028) against the GPT-4o rewrite's "It is an excellent
// acquisition for us", "not" inserted. Faithful rewrites that share such
// an opening but move a negation or trade it for a negative word are not
// flagged: "Tottenham were not held to the same standards" for "he did
// not feel Tottenham were judged by the same standards" (l2r-news-006),
// "the trust has not shown improvement" for "the trust has failed to
// improve" (l2r-news-122). Whole rewrites against their sources
// (l2rPath).
func TestNegationAfterTheSourcesOpening(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-028", "It is an excellent acquisition for us", "It is not an excellent acquisition for us") {
		t.Error("the negation after \"It is\" is not flagged")
	}
	for id, sentence := range map[string]string{
		"l2r-news-006": "Tottenham were not held to the same standards",
		"l2r-news-122": "the trust has not shown improvement",
	} {
		source, rewrite := l2rPair(t, id)
		if !strings.Contains(rewrite, sentence) {
			t.Fatalf("%s: the rewrite does not say %q", id, sentence)
		}
		if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, sentence) {
			t.Errorf("%s: the faithful %q is flagged", id, sentence)
		}
	}
}

// A "not" put after the auxiliary of a segment whose subject the source
// states in a segment with no negation nor negative word is found however
// the verb is reworded: "Former deputy leader Mr Nuttall, former deputy
// chairwoman Suzanne Evans and ex- soldier John Rees-Evans remain in the
// contest" (the BBC source of l2r-news-055) against the GPT-4o rewrite's
// "John Rees-Evans are still contenders in the leadership race", "not"
// inserted. The faithful "the industry has not reduced electricity
// tariffs" for "There was also criticism of the industry for failing to
// cut electricity tariffs" (l2r-news-151) keeps the subject too, but the
// source's negative word is there, and it is not flagged. Whole rewrites
// against their sources (l2rPath).
func TestNegationOfTheSourcesSubject(t *testing.T) {
	if !l2rEditFlagged(t, "l2r-news-055", "John Rees-Evans are still contenders", "John Rees-Evans are not still contenders") {
		t.Error("the negation after the kept subject is not flagged")
	}
	source, rewrite := l2rPair(t, "l2r-news-151")
	sentence := "the industry has not reduced electricity tariffs"
	if !strings.Contains(rewrite, sentence) {
		t.Fatalf("the rewrite does not say %q", sentence)
	}
	if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, sentence) {
		t.Errorf("the faithful %q is flagged", sentence)
	}
}

// A "not" added to a sentence the rewrite reworded below minPolaritySimilarity
// but above minAddedPolaritySimilarity is found: "A man, aged 45, was
// arrested on suspicion of a racially aggravated offence and possessing
// an offensive weapon" (the BBC source of l2r-news-104) against the
// Llama-3-70B rewrite's "A 45-year-old individual was taken into custody
// on suspicion of perpetrating a hate crime and possessing a dangerous
// weapon" (similarity 0.39), "not" inserted. The rewrite as written is
// not flagged.
func TestNegationAddedToALooselyAlignedSentence(t *testing.T) {
	source, rewrite := l2rPairOf(t, "l2r-news-104", "Llama-3-70B")
	words := "A 45-year-old individual was taken into custody"
	edited := "A 45-year-old individual was not taken into custody"
	if !strings.Contains(rewrite, words) {
		t.Fatalf("the rewrite does not say %q", words)
	}
	query := strings.Replace(rewrite, words, edited, 1)
	if !flaggedAt(auditTexts(query, source, Options{}), query, edited) {
		t.Error("the negation is not flagged")
	}
	if flaggedAt(auditTexts(rewrite, source, Options{}), rewrite, words) {
		t.Error("the rewrite as written is flagged")
	}
}

// A word whose synonym the source states is no new content: "large"
// for "big" (l2r-news-038, GPT-4o: "excessively large" for "too big"),
// while an unrelated word is.
func TestSynonymsAreNoNewContent(t *testing.T) {
	if !stated(analyze.Term("large"), map[string]bool{analyze.Term("big"): true}) {
		t.Error(`"large" is not stated by "big"`)
	}
	if stated(analyze.Term("large"), map[string]bool{analyze.Term("landscape"): true}) {
		t.Error(`"large" is stated by "landscape"`)
	}
}

// Opposite words in a pair reworded below minPolaritySimilarity turn the
// claim around only when they govern one thing: "voted for a budget that
// significantly increased defense spending" against "a budget that cut
// defense spending" (llmfake Description_Ambiguity politifact11761,
// similarity 0.37), not "calls to end the subsidies are increasing"
// against a headline's "time to cut them off" (the faithful paraphrase of
// politifact14564; both in shared/data/llmfake/chatgpt_3.5_generation/
// politifact).
func TestOppositeWordsInARewordedPairGovernOneThing(t *testing.T) {
	for _, tc := range []struct {
		name, query, source string
		altered             bool
	}{
		{"politifact11761",
			"Ted Cruz actually voted for a budget that significantly increased defense spending, contradicting Marco Rubio's claim.",
			"The only budget Ted Cruz \"ever voted for in his time in the Senate is a budget that cut defense spending by more than Barack Obama proposes we cut it.\"Marco Rubio portrayed fellow GOP senator and presidential hopeful Ted Cruz as all talk and no action on defense in an interview on Meet the Press.",
			true},
		{"politifact14564",
			"Calls to end the NFL's federal subsidies, which total over $1.1 billion, are increasing due to the perception that the league is unpatriotic.",
			"This is causing tremendous ire and is the #1 reason many voted for Trump.Not One More Dime: NFL Stadiums Have Collected Over $1.1 Billion in Federal Subsidies – Time to Cut Them Off.",
			false},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		if got := len(res.Negations) > 0; got != tc.altered {
			t.Errorf("%s: negations = %+v, want altered %v", tc.name, res.Negations, tc.altered)
		}
	}
}

// TestNotBeforeAWordTheSourceStatesAfterAnAdverb: the source's "were
// particularly concerned" states what "were not concerning" denies; an
// adverb in -ly between the auxiliary and the word changes nothing, a
// negative one ("hardly") does (l2r GPT-4o rewrite of a BBC health story,
// "not" inserted).
func TestNotBeforeAWordTheSourceStatesAfterAnAdverb(t *testing.T) {
	query := "Many doctors are unsure how to check the growth of children, a survey suggests. The results were not concerning: only half of the paediatricians interviewed would use Body Mass Index to assess whether older children were underweight. The survey was carried out last year."
	for _, tc := range []struct {
		adverb string
		want   bool
	}{{"particularly", true}, {"hardly", false}} {
		source := "Many doctors do not know how to check the growth of children, a survey suggests. The researchers were " + tc.adverb + " concerned that only 13% knew a specific danger sign to look for in tests. The survey was carried out last year."
		res := auditTexts(query, source, Options{})
		if got := flaggedAt(res, query, "The results"); got != tc.want {
			t.Errorf("source %q: flagged %v, want %v (negations %+v)", tc.adverb, got, tc.want, res.Negations)
		}
	}
	for w, want := range map[string]bool{"particularly": true, "widely": true, "hardly": false, "only": false, "family": false, "ly": false} {
		if mannerAdverb(w) != want {
			t.Errorf("mannerAdverb(%q) = %v, want %v", w, !want, want)
		}
	}
}

// TestAClaimAddedToAKeptSentence: llmfake's manipulations of one PolitiFact
// article (politifact13130) keep its sentence about six decades of Chicago
// homicides and put a claim after it; each is unsupported, while the
// sentence kept as it is, or cut short, is not.
func TestAClaimAddedToAKeptSentence(t *testing.T) {
	lead := "The spike in violent crime that has plagued Chicago since 2016 has even more gravity when viewed in comparison with six decades of homicides in Chicago. "
	kept := "Since 1957, the city has had homicide totals of 700 or more nearly half the time, 27 of 60 years, and has been lower than 500 a third of the time"
	source := lead + kept + ",..."
	for _, tc := range []struct {
		tail string
		want bool
	}{
		{", which clearly proves that Chicago has always been a crime-ridden city.", true},                 // Incomplete_Fact
		{", making Chicago one of the safest cities in the United States.", true},                          // Description_Ambiguity
		{", showing a consistent and alarming pattern of increasing violence throughout the years.", true}, // Outdated_Information
		{",...", false}, // the paraphrase: a copy
		{".", false},
	} {
		query := lead + kept + tc.tail
		res := auditTexts(query, source, Options{})
		got := false
		for _, c := range res.Unsupported {
			got = got || strings.HasPrefix(c.Text, "Since 1957")
		}
		if got != tc.want {
			t.Errorf("%q: unsupported %v, want %v (%+v)", tc.tail, got, tc.want, res.Unsupported)
		}
	}
}

// A figure the source states in the sentence right after the passage the
// query's sentence is aligned with is kept, not the passage's other
// figure changed: LLMFake's source of politifact15501 lists the polls
// ("President Trump – 45%President Obama – 44%…") and gives 47% a
// sentence later; the faithful ChatGPT paraphrase says 47% and 45%. A
// figure the source states nowhere is still altered.
func TestFigureStatedBesideThePassageIsKept(t *testing.T) {
	source := "According to the latest FOX News poll President Donald Trump has a better rating than Presidents Obama and Reagan at the same point in their presidencies.President Trump’s approval is now at 45%.And that is with 90% negative coverage from the far left mainstream media.President Trump – 45%President Obama – 44%President Reagan – 44%On June 9, 2010 Barack Obama’s approval number was 46% on the Rasmussen poll.President Trump’s approval number is at 47% according to Rasmussen today.Again…. That is with 90% extremely negative coverage for President Trump!"
	query := "The latest FOX News survey shows that President Donald Trump's approval rating is higher than Presidents Obama and Reagan at the same point in their respective terms. Trump's approval rating currently sits at 45%, while Obama and Reagan were both at 44%. Furthermore, despite overwhelmingly negative coverage from the far left mainstream media (which amounts to 90% of all coverage), Trump's Rasmussen approval rating is at 47%, exceeding Obama's approval rating of 46% on June 9th, 2010."
	if c := find(auditTexts(query, source, Options{}).Facts, facts.Quantity, Altered); c != nil {
		t.Errorf("%s altered from %s, want every figure kept", c.Query.Text, c.Source.Text)
	}
	changed := strings.Replace(query, "is at 47%", "is at 48%", 1)
	found := false
	for _, c := range auditTexts(changed, source, Options{}).Facts {
		found = found || c.Change == Altered && c.Query.Text == "48%"
	}
	if !found {
		t.Error("48% is not altered")
	}
}

// A surname standing alone and misspelt by one letter is the person's
// whose full name the text gives: "The Shoomaker family" in LLMFake's
// faithful ChatGPT paraphrase of politifact15191, whose source names
// Jacob Shoemaker. A letter more or less is another name as often, and a
// short one is another name: "Hussen" is not "Hussein", "Hanks" not
// "Tom Banks".
func TestMisspeltSurnameIsTheSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"shoomaker", "jacob shoemaker", true},
		{"hussen", "ahmed hussein", false},
		{"hanks", "tom banks", false},
	} {
		if got := sameName(c.a, c.b); got != c.same {
			t.Errorf("sameName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
	source := "Jacob Shoemaker, a senior at Hilliard Davidson High School, said he stayed in class. The story went viral after Jacob sent a photo of his out-of-school suspension citation to one of his friends. His father Scott Shoemaker said the family received threats."
	query := "Jacob Shoemaker, a high school senior, stayed in class. The Shoomaker family has received death threats and hate messages as the story went viral."
	if c := find(auditTexts(query, source, Options{}).Entities, facts.Entity, Altered); c != nil {
		t.Errorf("%s altered from %s, want the misspelt surname kept", c.Query.Text, c.Source.Text)
	}
}

// Sentences glued with no space after their full stop make one run, the
// paragraph a scrape flattened (LLMFake's source of politifact15514);
// notLocal reads its window by runs.
func TestGluedRunsNumberTheScrapedParagraphs(t *testing.T) {
	s := analyze.AnalyzeText("Obama broke presidential protocol by trying to infiltrate current administration.According to reports, Obama has been holding meetings.Those same sources say he is eager to play a role. Another paragraph starts here. It has two sentences.")
	got := gluedRuns(s)
	want := []int{0, 0, 0, 1, 2}
	if !slices.Equal(got, want) {
		t.Errorf("gluedRuns = %v, want %v (sentences %d)", got, want, len(s.Sentences))
	}
}
