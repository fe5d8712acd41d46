package report

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/facts"
)

// flatten is the text a reader sees in segs: highlighting must neither
// lose nor repeat a byte.
func flatten(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
		b.WriteString(flatten(s.Children))
	}
	return b.String()
}

// shape writes segs with brackets for marks: "a[b(c)]d".
func shape(segs []segment) string {
	var b strings.Builder
	for _, s := range segs {
		if s.Class == "" {
			b.WriteString(s.Text)
			continue
		}
		b.WriteString(s.Class + "(" + shape(s.Children) + ")")
	}
	return b.String()
}

func TestHighlightNestsOverlappingSpans(t *testing.T) {
	cases := []struct {
		text  string
		spans []span
		want  string
	}{
		{"abcdef", nil, "abcdef"},
		{"abcdef", []span{{start: 1, end: 3, class: "A"}}, "aA(bc)def"},
		// A span that starts inside another and ends after it is split.
		{"abcdef", []span{{start: 0, end: 4, class: "A"}, {start: 2, end: 6, class: "B"}}, "A(abB(cd))B(ef)"},
		// On the same text, the lower rank encloses.
		{"abc", []span{{start: 0, end: 3, class: "F", rank: rankFact}, {start: 0, end: 3, class: "C", rank: rankClaim}}, "C(F(abc))"},
		// A sentence with a figure and a name in it.
		{"x 12 Paris y", []span{{start: 4, end: 10, class: "N"}, {start: 0, end: 12, class: "S"}, {start: 2, end: 4, class: "Q"}}, "S(x Q(12)N( Paris) y)"},
		// Out of range, reversed, empty and mid-rune spans are dropped.
		{"café", []span{{start: -1, end: 2, class: "X"}, {start: 3, end: 2, class: "X"}, {start: 2, end: 9, class: "X"}, {start: 4, end: 5, class: "X"}, {start: 2, end: 2, class: "X"}, {start: 3, end: 5, class: "E"}}, "cafE(é)"},
	}
	for _, tc := range cases {
		if got := shape(highlight(tc.text, tc.spans)); got != tc.want {
			t.Errorf("highlight(%q, %v) = %s; want %s", tc.text, tc.spans, got, tc.want)
		}
	}
}

// TestHighlightKeepsText throws random spans, good and bad, at a UTF-8 text:
// no panic, and the text read out is the text put in.
func TestHighlightKeepsText(t *testing.T) {
	text := "Les 1,7 million d’Afghans — «\u00a0vivent\u00a0» ici; 541 210 renvoyés. 日本語も。"
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var spans []span
		for range rng.IntN(8) {
			a, b := rng.IntN(len(text)+6)-3, rng.IntN(len(text)+6)-3
			spans = append(spans, span{start: a, end: b, class: "m", rank: rng.IntN(3)})
		}
		if got := flatten(highlight(text, spans)); got != text {
			t.Fatalf("highlight with spans %v reads %q; want %q", spans, got, text)
		}
	}
}

func TestSpanInSkipsBadOffsets(t *testing.T) {
	p := Text{Start: 100, End: 112, Text: "over 541,210"}
	cases := []struct {
		name       string
		start, end int
		text       string
		clip       bool
		ok         bool
		lo, hi     int
	}{
		{"inside", 105, 112, "541,210", false, true, 5, 12},
		{"whole passage", 100, 112, "over 541,210", false, true, 0, 12},
		{"starts before", 99, 105, "xover ", false, false, 0, 0},
		{"ends after", 105, 113, "541,210x", false, false, 0, 0},
		{"clipped sentence", 95, 109, "said over 541,", true, true, 0, 9},
		{"wrong text", 105, 112, "541,211", false, false, 0, 0},
		{"length differs from offsets", 105, 112, "541", false, false, 0, 0},
		{"negative", -7, 0, "", false, false, 0, 0},
		{"reversed", 110, 105, "", false, false, 0, 0},
		{"outside", 200, 207, "541,210", true, false, 0, 0},
	}
	for _, tc := range cases {
		lo, hi, ok := spanIn(p, tc.start, tc.end, tc.text, tc.clip)
		if ok != tc.ok || lo != tc.lo || hi != tc.hi {
			t.Errorf("%s: spanIn = %d, %d, %v; want %d, %d, %v", tc.name, lo, hi, ok, tc.lo, tc.hi, tc.ok)
		}
	}
	// A passage whose offsets do not match its text gets no marks.
	if _, _, ok := spanIn(Text{Start: 0, End: 50, Text: "short"}, 0, 5, "short", false); ok {
		t.Errorf("spanIn placed a fact in a passage whose offsets do not match its text")
	}
}

// TestBadOffsetsDoNotPanic renders, in every format, a report whose
// offsets are wrong in every way: negative, reversed, past the end, inside
// a UTF-8 sequence, passages whose text does not match their range, facts
// missing their sides, no audit, no counts.
func TestBadOffsetsDoNotPanic(t *testing.T) {
	text := "Le ministère a renvoyé 541 210 Afghans — café."
	f := func(start, end int) *facts.Fact {
		return &facts.Fact{Kind: facts.Quantity, Text: "541 210", Start: start, End: end}
	}
	good := strings.Index(text, "541 210")
	mid := strings.Index(text, "é") + 1 // inside "é"
	passages := []Passage{
		{Kind: align.Paraphrase, Query: Text{Start: 0, End: len(text), Text: text}, Source: Text{Start: 0, End: len(text), Text: text}},
		{Kind: align.Summary, Query: Text{Start: -5, End: -1, Text: text}, Source: Text{Start: 40, End: 10, Text: ""}},
		{Kind: align.Verbatim, Query: Text{Start: 1 << 40, End: 1<<40 + 3, Text: "abc"}, Source: Text{Start: 0, End: 0}},
		{Kind: "", Query: Text{Start: mid, End: mid + 4, Text: text[mid : mid+4]}, Source: Text{Start: 3, End: 500, Text: text}},
	}
	changes := []audit.FactChange{
		{Change: audit.Kept, Kind: facts.Quantity, Query: f(good, good+len("541 210")), Source: f(good, good+len("541 210"))},
		{Change: audit.Altered, Kind: facts.Quantity, Query: f(-3, 4), Source: f(len(text)-2, len(text)+5)},
		{Change: audit.Added, Kind: facts.Quantity, Query: f(mid, mid+7)},
		{Change: audit.Dropped, Kind: facts.Date, Source: f(30, 20)},
		{Change: audit.Kept, Kind: facts.Quantity}, // no sides at all
		{Change: audit.Paraphrased, Kind: facts.Quote, Query: &facts.Fact{Text: text, Start: -10, End: len(text) - 10}},
	}
	reports := map[string]*Report{
		"full audit": {Sources: []Source{{
			Decision: audit.Decision{Verdict: audit.Rewrite}, Passages: passages, Facts: changes,
			Audit: &audit.Result{
				Entities: changes[1:], Quotes: changes[1:], Negations: changes[1:],
				Unsupported: []audit.Claim{{Query: analyze.Span{Start: 40, End: 2}, Text: "x"}, {Query: analyze.Span{Start: -1, End: 1 << 30}}},
				Arithmetic:  []audit.Relation{{Kind: "sum"}, {Query: []facts.Fact{{Start: -1}}}},
			},
		}}},
		"no audit":  {Sources: []Source{{Decision: audit.Decision{Verdict: audit.Copy}, Passages: passages, Facts: changes}}},
		"unrelated": {Sources: []Source{{Decision: audit.Decision{Verdict: audit.Unrelated}, Passages: passages}}},
		"empty":     {},
	}
	for name, r := range reports {
		for _, format := range Formats {
			var b bytes.Buffer
			if err := Write(&b, r, format); err != nil {
				t.Errorf("%s as %s: %v", name, format, err)
			}
		}
	}
	// The one good fact is still marked, on both sides of the first passage.
	var b bytes.Buffer
	if err := WriteHTML(&b, reports["full audit"]); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), `class="f k-quantity c-kept"`); n != 2 {
		t.Errorf("the good fact is marked %d times; want 2 (query and source of passage 1)", n)
	}
}
