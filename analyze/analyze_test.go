package analyze

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var shared = filepath.Join("..", "..", "shared")

func readShared(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shared, rel))
	if err != nil {
		if os.IsNotExist(err) {
			t.Skipf("shared data not present: %v", err)
		}
		t.Fatal(err)
	}
	return string(b)
}

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range SplitSentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSplitSentencesKeepsAbbreviationsInitialsAndDecimals(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Dr. Smith met Mr. J. R. Jones in the U.S. capital. They talked.",
			[]string{"Dr. Smith met Mr. J. R. Jones in the U.S. capital.", "They talked."}},
		{"Growth was 1.7 per cent. Prices rose.", []string{"Growth was 1.7 per cent.", "Prices rose."}},
		{`"We are neglected," she said. "Why?" he asked.`, []string{`"We are neglected," she said.`, `"Why?" he asked.`}},
		{"Deportation Figures\n\nAccording to the ministry, 1.7 million remain.", []string{"Deportation Figures", "According to the ministry, 1.7 million remain."}},
		{"It ended on Oct. 31 as planned. Then what?", []string{"It ended on Oct. 31 as planned.", "Then what?"}},
		{"ایک جملہ۔ دوسرا جملہ؟ تیسرا", []string{"ایک جملہ۔", "دوسرا جملہ؟", "تیسرا"}},
		// COUNTER 0210p: Urdu papers often set no space after the full stop.
		{"ریہرسل بہت ضروری ہے۔مادھوری ان دنوں جج کے فرائض انجام دے رہی ہیں۔اگر مقابلےمیں",
			[]string{"ریہرسل بہت ضروری ہے۔", "مادھوری ان دنوں جج کے فرائض انجام دے رہی ہیں۔", "اگر مقابلےمیں"}},
	}
	for _, tc := range tests {
		got := sentenceTexts(tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

// Scraped pages drop the space between paragraphs, and a sentence glued
// to the next after its full stop is two sentences all the same. The
// texts are LLMFake's PolitiFact sources (politifact15501, 15514, 14905,
// 14205), with what must stay whole beside them.
func TestSplitSentencesGluedWithoutASpace(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Trump has a better rating than Presidents Obama and Reagan at the same point in their presidencies.President Trump’s approval is now at 45%.And that is with 90% negative coverage.",
			// After "45%" no word of lower case: a figure's full stop
			// is left alone.
			[]string{"Trump has a better rating than Presidents Obama and Reagan at the same point in their presidencies.", "President Trump’s approval is now at 45%.And that is with 90% negative coverage."}},
		{"Obama broke presidential protocol by trying to infiltrate current administration.According to reports, Obama has been holding meetings.",
			[]string{"Obama broke presidential protocol by trying to infiltrate current administration.", "According to reports, Obama has been holding meetings."}},
		// After a name the stop may end an abbreviation: left whole.
		{"Prince William, the Duke of Cambridge.Asked about it, she said nothing.",
			[]string{"Prince William, the Duke of Cambridge.Asked about it, she said nothing."}},
		// A closing quotation mark may come between.
		{"with five of his wives and many children.”Mr. Snowden says so.",
			[]string{"with five of his wives and many children.”", "Mr. Snowden says so."}},
		// Initials, an abbreviation, a decimal and a degree stay whole, as
		// does a stop before a lower-case word.
		{"The U.S.Army said, e.g.The unit, grew 3.5 per cent with a Ph.D in hand.and went on.",
			[]string{"The U.S.Army said, e.g.The unit, grew 3.5 per cent with a Ph.D in hand.and went on."}},
	}
	for _, tc := range tests {
		got := sentenceTexts(tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}

func TestSplitSentencesOnSeedSource(t *testing.T) {
	text := readShared(t, "seeds/source-original.txt")
	got := sentenceTexts(text)
	wantAmong := []string{
		"It further said that 271,985 people were repatriated via Khyber Pakhtunkhwa and 159,161 through Balochistan.",
		"They are living without any legal documentation necessary for staying in the country.",
	}
	for _, w := range wantAmong {
		found := false
		for _, s := range got {
			found = found || s == w
		}
		if !found {
			t.Errorf("sentence %q not found; got %q", w, got)
		}
	}
}

func TestTokenizeNormalisesNumbersAndStems(t *testing.T) {
	text := "The ministry’s figures: 541,210 deported, 1.7 million remain; Ｃａｆé flooding."
	toks := Tokenize(text, Span{0, len(text)})
	var terms, norms []string
	for _, tk := range toks {
		norms = append(norms, tk.Norm)
		if tk.Term != "" {
			terms = append(terms, tk.Term)
		}
		if text[tk.Start:tk.End] == "" {
			t.Errorf("empty token span %v", tk.Span)
		}
	}
	want := "ministri figur 541210 deport 1.7 million remain café flood"
	if got := strings.Join(terms, " "); got != want {
		t.Errorf("terms = %q, want %q", got, want)
	}
	if norms[0] != "the" || norms[2] != "s" {
		t.Errorf("norms = %q: want 'the' first and the possessive split off", norms)
	}
}

// Urdu must tokenise into its words, not be dropped or cut at combining
// marks, and must not be run through the English stemmer.
func TestTokenizeUrduFromCOUNTER(t *testing.T) {
	raw := readShared(t, "data/counter/COUNTER/0001.xml")
	var doc struct {
		Body string `xml:"body"`
	}
	if err := xml.Unmarshal([]byte(raw), &doc); err != nil {
		t.Fatal(err)
	}
	p := AnalyzeText(doc.Body)
	if len(p.Sentences) < 3 {
		t.Fatalf("Urdu body split into %d sentences, want several", len(p.Sentences))
	}
	words := 0
	for _, s := range p.Sentences {
		for _, term := range s.Terms {
			words++
			if !strings.Contains(doc.Body, term) && !isNumeric(term) {
				t.Fatalf("term %q is not a word of the text", term)
			}
		}
	}
	fields := len(strings.Fields(doc.Body))
	if words < fields/3 {
		t.Fatalf("%d terms from %d whitespace words: Urdu words are being lost", words, fields)
	}
	// The function words are stop words, as English ones are; the words
	// that carry the story are terms.
	terms := map[string]bool{}
	for _, s := range p.Sentences {
		for _, term := range s.Terms {
			terms[term] = true
		}
	}
	for _, w := range []string{"کے", "میں", "کو", "اور", "نے"} {
		if !strings.Contains(doc.Body, " "+w+" ") {
			t.Fatalf("%q is not in the text; pick another", w)
		}
		if terms[Normalize(w)] {
			t.Errorf("function word %q is a term", w)
		}
	}
	if len(terms) < 20 {
		t.Errorf("only %d distinct terms left", len(terms))
	}
}

func isNumeric(s string) bool { return strings.Trim(s, "0123456789.") == "" }

func TestTokenizeOtherScriptDigits(t *testing.T) {
	text := "قیمت ۱۲۳ اور ١٥"
	var nums []string
	for _, tk := range Tokenize(text, Span{0, len(text)}) {
		if tk.Number {
			nums = append(nums, tk.Norm)
		}
	}
	if strings.Join(nums, ",") != "123,15" {
		t.Fatalf("numbers = %q, want 123,15", nums)
	}
}

func TestSketchJaccardSeparatesCopiesFromRewrites(t *testing.T) {
	src := AnalyzeText(readShared(t, "seeds/source-original.txt"))
	rew := AnalyzeText(readShared(t, "seeds/rewrite.txt"))
	self := AnalyzeText(readShared(t, "seeds/source-original.txt") + "\n\nOne more line at the end.")
	if j := Jaccard(src.Sketch, self.Sketch); j < 0.85 {
		t.Errorf("near copy Jaccard = %.2f, want ≥ 0.85", j)
	}
	if j := Jaccard(src.Sketch, rew.Sketch); j > 0.2 {
		t.Errorf("rewrite Jaccard = %.2f, want ≤ 0.2 (rewrites share few shingles)", j)
	}
}

func TestAnalyzeSpansSliceText(t *testing.T) {
	text := readShared(t, "seeds/rewrite.txt")
	p := AnalyzeText(text)
	for i, s := range p.Sentences {
		if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
			t.Fatalf("sentence %d span %v out of range", i, s.Span)
		}
		if strings.TrimSpace(p.SentenceText(i)) != p.SentenceText(i) {
			t.Errorf("sentence %d %q is not trimmed", i, p.SentenceText(i))
		}
	}
	if p.Length == 0 || len(p.Terms()) == 0 {
		t.Fatal("no terms")
	}
}

func FuzzAnalyzeText(f *testing.F) {
	f.Add("Dr. Smith said 1.7 million. \"Why?\" ۱۲۳")
	f.Add("\xff\xfe bad utf8 . . !")
	f.Add("Media playback is not supported on this deviceMedia playback is unsupported on your device 4 Feb. Media playback is not supported on this device.")
	f.Add("lower. case prose. it splits. at full stops. e.g. here! and? Sens. too.")
	f.Add("administration.According to reports.”Mr. Snowden says.\u00e9tait.\u00c9t\u00e9 U.S.Army e.g.The 45%.And.")
	f.Fuzz(func(t *testing.T, text string) {
		p := AnalyzeText(text)
		last := 0
		for _, s := range p.Sentences {
			if s.Start < last || s.End > len(text) || s.Start >= s.End {
				t.Fatalf("bad span %v (previous end %d, len %d)", s.Span, last, len(text))
			}
			last = s.End
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join(shared, "seeds/source-original.txt"))
	if err != nil {
		b.Skip(err)
	}
	b.SetBytes(int64(len(raw)))
	for b.Loop() {
		AnalyzeText(string(raw))
	}
}

// llmfake's CoAID sources were written with Mac Roman curly quotes and read
// as Latin-1 (llama2_70b_generation/coaid/…rewrite…csv.gz, news_id 5367):
// the quoted words must tokenize as the words their rewrites use, while
// real capitals with accents stay letters.
func TestTokenizeMacRomanQuoteMojibake(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Coronavirus patients are being Òcremated aliveÓ in China.", "coronavirus patients are being cremated alive in china"},
		{"It doesnÕt work", "it doesn t work"},
		{"Óscar Arias met Ông Nguyen in SÃO PAULO", "óscar arias met ông nguyen in são paulo"},
	} {
		var got []string
		for _, tk := range Tokenize(c.text, Span{0, len(c.text)}) {
			got = append(got, tk.Norm)
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Tokenize(%q) = %q, want %q", c.text, g, c.want)
		}
	}
}

// BBC's video-player caption, glued by the scrape to the sentence after
// it (l2r-news-063's source), is a sentence of its own; with its full
// stop, or alone, it is one sentence as before.
func TestPlayerCaptionEndsASentence(t *testing.T) {
	for text, want := range map[string][]string{
		"Media playback is not supported on this device The Vikings have scored 230 points so this season. Wigan have conceded fewer.": {
			"Media playback is not supported on this device", "The Vikings have scored 230 points so this season.", "Wigan have conceded fewer."},
		"Media playback is not supported on this device.":                                   {"Media playback is not supported on this device."},
		"He won. Media playback is unsupported on your device 4 February 2015 Last updated": {"He won.", "Media playback is unsupported on your device", "4 February 2015 Last updated"},
	} {
		var got []string
		for _, sp := range SplitSentences(text) {
			got = append(got, text[sp.Start:sp.End])
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q:\n got %q\nwant %q", text, got, want)
		}
	}
}

// A memo of stems changes no profile: the terms it remembers are Term's,
// also once it has been cleared for being full.
func TestStemsMemoMakesTheSameProfile(t *testing.T) {
	m := NewStems()
	for i := range maxStems + 10 {
		m.Term(fmt.Sprintf("word%dx", i))
	}
	for _, text := range []string{readShared(t, "seeds/source-original.txt"), readShared(t, "seeds/rewrite.txt"), "Governments announced 541,210 new homes; the ministry said prices are rising.", ""} {
		want, got := AnalyzeText(text), m.AnalyzeText(text)
		if !reflect.DeepEqual(want, got) {
			t.Errorf("profile with the memo differs for %.40q", text)
		}
		if again := m.AnalyzeText(text); !reflect.DeepEqual(want, again) {
			t.Errorf("profile read from the memo differs for %.40q", text)
		}
	}
}

// Lower-case prose (a CoAID article in LLMFake, scraped in lower case
// after its title) splits at its full stops; in cased prose a lower-case
// word after a full stop still follows an abbreviation ("Cal.) and", as in
// Reuters' "Sens. Alan Cranston (D-Cal.) and Daniel Evans"), and two such
// stops do not make a text lower-case.
func TestSplitSentencesInLowerCaseProse(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{`CDC issued facial hair recommendation for novel coronavirus prevention. cnn as fears grow about the spread of novel coronavirus there 's increasing demand for facial masks. but there 's something that could get in the way. your facial hair. the cdc says beards can keep masks from sealing.`,
			[]string{"CDC issued facial hair recommendation for novel coronavirus prevention.",
				"cnn as fears grow about the spread of novel coronavirus there 's increasing demand for facial masks.",
				"but there 's something that could get in the way.", "your facial hair.", "the cdc says beards can keep masks from sealing."}},
		{"Sens. Alan Cranston (D-Cal.) and Daniel Evans (R-Wash.) said they introduced legislation. It could save U.S. companies money. approx. two thirds of it.",
			[]string{"Sens. Alan Cranston (D-Cal.) and Daniel Evans (R-Wash.) said they introduced legislation.", "It could save U.S. companies money. approx. two thirds of it."}},
	} {
		got := sentenceTexts(tc.text)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitSentences(%q)\n got  %q\n want %q", tc.text, got, tc.want)
		}
	}
}
