package audit

import (
	"reflect"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
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
	// The rule under test is the reworded pair's (similarity below
	// minSwapSimilarity). Counting synonyms ("affected"/"impacted") lifts
	// this pair above it, so it is aligned on exact terms here.
	q, s := analyze.AnalyzeText(query), analyze.AnalyzeText(two)
	al := align.Align(q, s, align.Options{ExactTerms: true})
	if len(al.Pairs) != 1 || al.Pairs[0].Similarity >= minSwapSimilarity {
		t.Fatalf("pairs %+v: want one reworded pair", al.Pairs)
	}
	res = Audit(q, s, al, Options{})
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

// A name the source never uses, where the source names someone else in
// the sentence aligned with it or the one next to it, is that name
// altered: l2r's GPT-4o rewrites (shared/data/l2r-news-rewrites/
// news_rewrites_paired.jsonl) moved "Lisa" into a sentence whose source
// says "The 47-year-old" (l2r-news-123) and named "Peter Gillam" where
// the source says "He" (l2r-news-176); the swap generator then replaced
// the moved name; where a rewrite rewords a sentence past the aligner's
// reach, the source sentences between those aligned with its neighbours
// stand for it (l2r-news-145, "Justin Trudeau" replaced); and the source
// name's label is the one any of its mentions has ("States", a place in
// "on States work", l2r-news-114). A name sharing a word with the source's ("D.A.
// Ozanne", l2r-news-089) is the source's name written another way.
func TestNameTheSourceNeverUsesIsAlteredFromTheNameNearby(t *testing.T) {
	for _, tc := range []struct {
		name, query, source, want, from string
	}{
		{"a moved name replaced (l2r-news-123)",
			"Lisa Doughty, who is living with mesothelioma, attended Haggerston Girls’ School in Hackney, East London during the 1980s. Now 47, Doug Richard recalls that the music desks were frequently coated with dust, potentially containing asbestos particles. Hackney Council has stated that they have not received a formal claim and cannot launch an investigation until one is filed. Lisa mentioned that she spent significant time in the music room every week for play rehearsals.",
			"Lisa Doughty, who has mesothelioma, was a pupil at Haggerston Girls' School in Hackney, east London in the 1980s. The 47-year-old said the music desks were often covered in dust, which may have had asbestos particles. Hackney Council said it had not received a formal claim and could not investigate until it did. Ms Doughty said she had spent a lot of time in the music room each week rehearsing plays.",
			"Doug Richard", "Lisa Doughty"},
		{"a name for the source's he, replaced (l2r-news-176)",
			"The judiciary stated it was inappropriate for an active sheriff to be interviewed for the programme, but retired sheriff Peter Gillam provided insight from the bench. Serving from 1991 to 2013, Tomasz Procko remarked that these variations highlighted the judiciary's independence.",
			"The judiciary said it was not appropriate for an active sheriff to be interviewed for the programme, but retired sheriff Peter Gillam gave the view from the bench. He served as a sheriff from 1991 until 2013, and said the variations reflected the independence of the judiciary.",
			"Tomasz Procko", "Peter Gillam"},
		{"in a sentence the aligner left unaligned (l2r-news-145)",
			"On Monday, federal Public Safety Minister Ralph Goodale warned against illegal border crossings, stating that they are neither desirable nor productive. Canadian diplomatic staff in the US, led by Immigration Minister Ahmed Hussen, are working to dispel myths about Canada's residency guarantees. Federal Liberal MP Emmanuel Dubourg, who speaks Creole and has Haitian roots, is engaging with Haitian media in American cities like Miami and New York to address these misconceptions.\n\nOver the weekend, Canadian Prime Minister David Gibson emphasized Canada's welcoming nature but stressed adherence to immigration laws, stating that irregular entry into Canada is not advantageous and that strict rules apply. Opposition politicians have criticized Trudeau for his government's refugee-friendly stance, arguing it has contributed to the surge of migrants.",
			"On Monday, federal Public Safety Minister Ralph Goodale warned that \"people should not think that border-hopping is a desirable or productive thing to do\". Canadian diplomatic staff in the US  have been trying to \"aggressively dispel the myths\" about coming to Canada circulating south of the border, including that residency is guaranteed, said Immigration Minister Ahmed Hussen. Federal Liberal MP Emmanuel Dubourg, who is of Haitian origin and speaks Creole, has been tasked with engaging extensively with Haitian media in American cities like Miami and New York. End of Twitter post  by @CitImmCanada Over the weekend, Canadian Prime Minister Justin Trudeau also addressed the issue. \"Canada is an opening and welcoming society,\" he told journalists at a news conference in Montreal on Sunday. \"But let me be clear. We are also a country of laws. Entering Canada irregularly is not an advantage. There are rigorous immigration and customs rules that will be followed. Make no mistake.\"",
			"David Gibson", "Justin Trudeau"},
		{"a source name labelled at another of its mentions (l2r-news-114)",
			"The report recommended separating the current duties of head of the legal system and president of the States. Political expert Dr. Adrian Lee, noting the unique dual role in the islands, pointed out that these were the only democratic areas where the person judging a case also had a hand in making the law. The Carswell Committee, which wrote the report, suggested that Jersey's Bailiff should step down as president of the States of Jersey and be replaced by an elected speaker. Lord Carswell explained that many international constitutional documents discourage judges from being involved with the legislature. He also highlighted that Jersey's Bailiff has had to dedicate more time to Manchester work in recent years.",
			"The report suggested splitting the current role, as both head of the legal system and president of the States. Political expert Dr Adrian Lee said the dual role was unique to the islands. He said they were the only democratic jurisdictions in the world where the person judging a case had been involved in making the law. The Carswell Committee, which authored the report, suggested Jersey's Bailiff should step down as president of the States of Jersey and be replaced by an elected speaker. Lord Carswell said: \"There are various international constitutional documents, which rather frown on the idea of judges having anything to do with the legislator.\" He said there was also a practical reason, as in recent years the Jersey Bailiff had had to spend increasing amounts of time on States work.",
			"Manchester", "States"},
		{"a word of the source's name (l2r-news-089)",
			"Dane County District Attorney Ishmael Ozanne said police officer Matt Kenny had been attacked and feared for his life. D.A. Ozanne said no charges should be brought against Kenny.",
			"Announcing his decision, Dane County District Attorney Ishmael Ozanne said police officer Matt Kenny had been attacked and feared for his life. Earlier, Mr Ozanne had said that no charges should be brought against Kenny.",
			"D.A. Ozanne", ""},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		var got *FactChange
		for i, c := range res.Entities {
			if c.Query != nil && c.Query.Entity == tc.want {
				got = &res.Entities[i]
			}
		}
		switch {
		case tc.from != "" && (got == nil || got.Change != Altered || got.Source == nil || got.Source.Entity != tc.from):
			t.Errorf("%s: entities = %+v, want %s altered from %s", tc.name, res.Entities, tc.want, tc.from)
		case tc.from == "" && got != nil && got.Change == Altered:
			t.Errorf("%s: %s altered from %+v, want it not altered", tc.name, tc.want, got.Source)
		}
	}
}

// A query name the source states in words its entity reader does not
// take for a name — lower case, an acronym for initials, glued to the word
// before by a scrape — is the source's name, kept, not altered from
// another name of the aligned sentence (llmfake ChatGPT paraphrases,
// shared/data/llmfake/chatgpt_3.5_generation/politifact). A name the
// source does not state is still altered.
func TestNameTheSourceWritesAnotherWayIsKept(t *testing.T) {
	for _, tc := range []struct {
		name, query, source, want string
		altered                   bool
	}{
		{"in lower case in the aligned sentence (politifact14700)",
			"The House ethics committee accused Waters of breaking the Chamber's rule on behaving in a manner that reflects credit on the House and using her position for financial gain.",
			"The panel said Waters, who sits on the Financial Services Committee, broke a House rule requiring members to behave in a way that reflects “creditably” on the chamber.",
			"Chamber", false},
		{"an acronym for the initials (politifact15579)",
			"Representatives of the US recently promised to fully implement the UN's gun control agreement, potentially forfeiting the Second and Tenth Amendments of the US Constitution.",
			"In a recent document, it sounds like representatives of the United States promised “full implementation” of the UN’s gun-control agreement, and in doing so essentially forfeit the Second and Tenth Amendments to the United States Constitution.",
			"US Constitution", false},
		{"glued to the word before (politifact13823)",
			"Demarlon Thomas, who was recently pardoned by former President Barack Obama, was shot and killed by two masked men wielding assault-style rifles at a halfway house in Saginaw, Michigan.",
			"A man recently pardoned by former President Barack Obama was shot and killed by two men with assault-style rifles.It happened at 9:40 p.m. on Jan. 23, at Bannum Place Federal Corrections Halfway House in Saginaw. Full list of 330 drug sentences commuted by ObamaMichigan State Police spokesperson Lt.",
			"Michigan", false},
		{"the same pair with the place swapped",
			"Representatives of the US recently promised to fully implement the UN's gun control agreement, potentially forfeiting the Second and Tenth Amendments of the Mexican Constitution.",
			"In a recent document, it sounds like representatives of the United States promised “full implementation” of the UN’s gun-control agreement, and in doing so essentially forfeit the Second and Tenth Amendments to the United States Constitution.",
			"Mexican Constitution", true},
	} {
		res := auditTexts(tc.query, tc.source, Options{})
		var got *FactChange
		for i, c := range res.Entities {
			if c.Query != nil && c.Query.Entity == tc.want {
				got = &res.Entities[i]
			}
		}
		switch {
		case got == nil:
			t.Errorf("%s: %s not in the diff %+v", tc.name, tc.want, res.Entities)
		case tc.altered && got.Change != Altered:
			t.Errorf("%s: %s is %s, want altered", tc.name, tc.want, got.Change)
		case !tc.altered && got.Change != Kept:
			t.Errorf("%s: %s is %s (from %+v), want kept", tc.name, tc.want, got.Change, got.Source)
		}
	}
}

// In a reworded pair (below a near copy), a name the query adds faces a
// name the source drops as its replacement only when both are of one
// known kind: a platform is no person (llmfake ChatGPT paraphrase
// politifact13854, shared/data/llmfake/chatgpt_3.5_generation/politifact).
// A person for a person is still altered.
func TestFacingNameOfAnotherKindIsNotAltered(t *testing.T) {
	source := "Todd McMartin, a spokesman for the FBI, told Fox News: Trump first disclosed the bombshell in an early morning tweetstorm, knowing already that the FBI was preparing charges and asking a judge to sign a warrant for Obama’s arrest."
	for _, tc := range []struct {
		query, name string
		altered     bool
	}{
		{"Trump revealed this information on Twitter before the FBI prepared charges and asked a judge for a warrant for Obama's arrest.", "Twitter", false},
		{"Mark Denton, a spokesman for the FBI, told Fox News that Trump disclosed it in an early morning tweetstorm before the FBI prepared charges and asked a judge for a warrant for Obama's arrest.", "Mark Denton", true},
	} {
		res := auditTexts(tc.query, source, Options{})
		var got *FactChange
		for i, c := range res.Entities {
			if c.Query != nil && c.Query.Entity == tc.name {
				got = &res.Entities[i]
			}
		}
		if got == nil {
			t.Fatalf("%s not in the diff %+v", tc.name, res.Entities)
		}
		if (got.Change == Altered) != tc.altered {
			t.Errorf("%s is %s (from %+v), want altered %v", tc.name, got.Change, got.Source, tc.altered)
		}
	}
}

// TestNegationCueMatchesRegexp checks the hand-written negation cue test
// against the regular expression it stands for.
func TestNegationCueMatchesRegexp(t *testing.T) {
	cases := []string{
		"", "not", "Not now", "NOTHING", "knot", "nots", "no_", "no-go", "cannot", "can not",
		"didn't", "DIDN'T", "didn’t", "donÕt", "donõt", "don´t", "don't_", "n't", "dont", "isn'tx",
		"without", "withouté", "éno", "noé", "nobody's", "neither nor", "nor", "Norway", "never",
		"none", "nonetheless", "on", "the cat sat", "wasn'T", "x n't", "Nobody", "WITHOUT",
	}
	for _, s := range cases {
		if got, want := negationCue.MatchString(s), negationCueRE.MatchString(s); got != want {
			t.Errorf("negationCue(%q) = %v, regexp says %v", s, got, want)
		}
	}
}

// FuzzNegationCue checks the negation cue test against its regular
// expression on any text.
func FuzzNegationCue(f *testing.F) {
	for _, s := range []string{"didn't", "no", "Õt", "cannot go"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := negationCue.MatchString(s), negationCueRE.MatchString(s); got != want {
			t.Errorf("negationCue(%q) = %v, regexp says %v", s, got, want)
		}
	})
}

// TestOneEditBytes checks the ASCII path of oneEdit against its rune path.
func TestOneEditBytes(t *testing.T) {
	names := []string{"norfolk", "norfok", "norfolks", "narfolk", "orfolk", "norfol", "nrfolk", "london", "londons", "abcde", "abcdf", "abcdef", "bbcde"}
	for _, a := range names {
		for _, b := range names {
			if a == b {
				continue
			}
			ra, rb := []rune(a), []rune(b)
			if len(ra) > len(rb) {
				ra, rb = rb, ra
			}
			want := false
			if len(rb)-len(ra) <= 1 {
				i := 0
				for i < len(ra) && ra[i] == rb[i] {
					i++
				}
				if len(ra) == len(rb) {
					want = string(ra[i+1:]) == string(rb[i+1:])
				} else {
					want = string(ra[i:]) == string(rb[i+1:])
				}
			}
			if got := oneEditBytes(a, b); got != want {
				t.Errorf("oneEditBytes(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
	if !oneEdit("norfok", "norfolk") || oneEdit("afghan", "afghanistan") || !oneEdit("beyoncé", "beyoncó") || !oneEdit("beyoncé", "beyoncé") {
		t.Error("oneEdit misreads a misspelling")
	}
}

// TestTokenCacheReadsAsTokenize: the tokens of a run of whole sentences
// taken from the cache are those Tokenize reads from the run.
func TestTokenCacheReadsAsTokenize(t *testing.T) {
	for _, text := range []string{
		"The firm rented.This feature was new. Profits rose 3.5% to £1,200m! Patients are being Òcremated aliveÓ, he said.\n\nDonÕt go. \"It is over,\" she said.",
		"  One sentence only  ",
		"Mr. Smith met Dr. Lee in the U.S. on Monday. They talked (briefly).",
	} {
		p := analyze.AnalyzeText(text)
		c := NewTokens(p, nil)
		for i := range p.Sentences {
			for j := i; j < len(p.Sentences); j++ {
				span := analyze.Span{Start: p.Sentences[i].Start, End: p.Sentences[j].End}
				if got, want := c.tokens(span), analyze.Tokenize(text, span); !reflect.DeepEqual(got, want) {
					t.Errorf("%q: tokens of sentences %d–%d = %v, want %v", text, i, j, got, want)
				}
			}
		}
		if got, want := c.all(), analyze.Tokenize(text, analyze.Span{Start: 0, End: len(text)}); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: all tokens = %v, want %v", text, got, want)
		}
	}
}

// A country named by its adjective or its people in the other text is the
// same name: Llama-3-70B's rewrites of l2r-news-016 ("France" → "French")
// and l2r-news-159 ("Briton" → "British") change no name. The seed pair's
// "Afghans" and "Afghanistan" stay two entities, each kept.
func TestCountryAndItsAdjectiveAreOneName(t *testing.T) {
	for _, id := range []string{"l2r-news-016", "l2r-news-159"} {
		source, rewrite := l2rPairOf(t, id, "Llama-3-70B")
		for _, c := range auditTexts(rewrite, source, Options{}).Entities {
			if c.Change == Altered && c.Source != nil && samePlace(foldName(c.Source.Entity), foldName(c.Query.Entity)) {
				t.Errorf("%s: %q → %q called altered", id, c.Source.Entity, c.Query.Entity)
			}
		}
	}
	if !samePlace("french", "france") || !samePlace("briton", "united kingdom") || samePlace("france", "germany") || samePlace("afghans", "pakistan") {
		t.Error("placeNamed pairs the wrong names")
	}
}

// A scorecard writes "W Porterfield" for the "William Porterfield" of the
// rewrite (GPT-3-Turbo's rewrite of l2r-news-094's Ireland team list): an
// initial and the same surname are one name; another surname, or another
// initial, is not.
func TestInitialAndSurnameMatchTheFullName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"w porterfield", "william porterfield", true},
		{"william porterfield", "w porterfield", true},
		{"b porterfield", "andrew porterfield", false},
		{"w porterfield", "andrew porterfield", false}, // not glued: an initial
		{"gretchen carlson", "linkedingretchen carlson", true},
		{"w porterfield", "william stirling", false},
		{"k o", "kevin o", false}, // a surname of one letter says too little
	} {
		if got := sameName(c.a, c.b); got != c.same {
			t.Errorf("sameName(%q, %q) = %v, want %v", c.a, c.b, got, c.same)
		}
	}
}

func TestTwoWordsIsFieldsOfTwo(t *testing.T) {
	for _, s := range []string{"", " ", "w porterfield", "  w   porterfield ", "a b c", "one", "x\ty", "ab cd\n"} {
		f := strings.Fields(s)
		a, b, ok := twoWords(s)
		if ok != (len(f) == 2) || (ok && (a != f[0] || b != f[1])) {
			t.Errorf("twoWords(%q) = %q, %q, %v; Fields gives %q", s, a, b, ok, f)
		}
	}
}
