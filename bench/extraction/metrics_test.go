package extraction

import (
	"math"
	"slices"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestTokensMatchPythonWordRegexp(t *testing.T) {
	// re.findall(r'\w+', ...) in Python 3 gives these.
	got := Tokens("Café au lait, 3½ cups—don't! x_y ²")
	want := []string{"Café", "au", "lait", "3½", "cups", "don", "t", "x_y", "²"}
	if !slices.Equal(got, want) {
		t.Errorf("Tokens = %q, want %q", got, want)
	}
}

func TestMatchShinglesHandWorked(t *testing.T) {
	// gold: a b c d e → shingles abcd, bcde
	// pred: a b c d x → shingles abcd, bcdx
	// TP 1 (abcd), FP 1 (bcdx), FN 1 (bcde); normalised by 3.
	s := MatchShingles("a b c d e", "a b c d x")
	if !near(s.TP, 1.0/3) || !near(s.FP, 1.0/3) || !near(s.FN, 1.0/3) {
		t.Errorf("got %+v, want 1/3 each", s)
	}
}

func TestMatchShinglesCountsRepeats(t *testing.T) {
	// gold "a b c d a b c d": abcd ×2, bcda, cdab, dabc → 5 shingles;
	// pred "a b c d": abcd ×1. TP 1, FN 4, FP 0 → /5.
	s := MatchShingles("a b c d a b c d", "a b c d")
	if !near(s.TP, 0.2) || !near(s.FN, 0.8) || s.FP != 0 {
		t.Errorf("got %+v, want TP .2 FN .8 FP 0", s)
	}
}

func TestMatchShinglesShortAndEmpty(t *testing.T) {
	// Fewer than 4 words make one short shingle: ("a","b") on both sides.
	if s := MatchShingles("a b", "a, b!"); s != (Shingles{TP: 1}) {
		t.Errorf("short texts: got %+v, want TP 1", s)
	}
	// No words on either side: nothing to count, all zero.
	if s := MatchShingles("", "—"); s != (Shingles{}) {
		t.Errorf("empty: got %+v, want zero", s)
	}
	// Empty prediction: everything is a miss.
	if s := MatchShingles("a b c d e", ""); s != (Shingles{FN: 1}) {
		t.Errorf("empty prediction: got %+v, want FN 1", s)
	}
}

func TestShingleScoresAveragesThenF1(t *testing.T) {
	docs := []Shingles{
		{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}, // p .5, r .5
		{TP: 0.5, FN: 0.5},                      // p 1, r .5
		{FN: 1},                                 // no prediction: recall 0, left out of precision
	}
	p, r, f := ShingleScores(docs)
	// precision mean(.5, 1) = .75; recall mean(.5, .5, 0) = 1/3;
	// F1 = 2·.75·(1/3)/(.75+1/3) = .5/1.08333 = 0.461538…
	if !near(p, 0.75) || !near(r, 1.0/3) || !near(f, 2*0.75*(1.0/3)/(0.75+1.0/3)) {
		t.Errorf("got p %v r %v f %v", p, r, f)
	}
}

func TestExactTokens(t *testing.T) {
	if !ExactTokens("Hello,  world.", "Hello world") || ExactTokens("a b", "a b c") {
		t.Error("ExactTokens compares word tokens only")
	}
}

func TestCountSnippets(t *testing.T) {
	with := []string{"the  main\ntext", "missing part"}
	without := []string{"Impressum", "Share"}
	s := CountSnippets(with, without, "Intro. The main text follows; the main text ends.\nImpressum", true)
	// "the main text" found (after white space is normalised; case matters,
	// and "the main text" occurs in lower case), "missing part" not;
	// "Impressum" found, "Share" not.
	if s != (Snippets{TP: 1, FN: 1, FP: 1, TN: 1}) {
		t.Errorf("got %+v", s)
	}
	if s := CountSnippets(with, without, "anything", false); s != (Snippets{FN: 2, TN: 2}) {
		t.Errorf("failed extraction: got %+v, want every snippet missed", s)
	}
}

func TestSnippetScores(t *testing.T) {
	s := Snippets{TP: 8, FP: 2, FN: 2, TN: 8}
	p, r, a, f := s.Scores()
	if !near(p, 0.8) || !near(r, 0.8) || !near(a, 0.8) || !near(f, 0.8) {
		t.Errorf("got %v %v %v %v, want 0.8 each", p, r, a, f)
	}
	if p, r, a, f := (Snippets{}).Scores(); p+r+a+f != 0 {
		t.Error("empty matrix should score 0")
	}
}
