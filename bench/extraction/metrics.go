package extraction

import (
	"strings"
	"unicode"
)

// The two text metrics below are ports of the upstream evaluation scripts,
// kept exact so that our figures sit beside the published ones.

// Shingles is one document's score on the ScrapingHub benchmark: counts of
// word 4-shingles found in both texts (TP), only in the prediction (FP) and
// only in the gold body (FN), divided by their sum so that every document
// weighs the same. It is string_shingle_matching of the benchmark's
// evaluate.py (commit 4a3bc97).
type Shingles struct{ TP, FP, FN float64 }

// shingleN is evaluate.py's ngram_n.
const shingleN = 4

// MatchShingles scores a predicted article body against the gold one.
// Shingles are multisets: a shingle twice in the gold and once in the
// prediction is one TP and one FN.
func MatchShingles(gold, pred string) Shingles {
	g, p := shingleCounts(gold), shingleCounts(pred)
	var s Shingles
	for k, gc := range g {
		pc := p[k]
		s.TP += float64(min(gc, pc))
		s.FN += float64(max(0, gc-pc))
	}
	for k, pc := range p {
		s.FP += float64(max(0, pc-g[k]))
	}
	if sum := s.TP + s.FP + s.FN; sum > 0 {
		s.TP, s.FP, s.FN = s.TP/sum, s.FP/sum, s.FN/sum
	}
	return s
}

// shingleCounts counts the word 4-grams of a text, keyed by the words
// joined with a byte no word contains. Like evaluate.py's _ngrams, a text
// of fewer than 4 words is one shorter shingle, and a text with no words
// has none.
func shingleCounts(text string) map[string]int {
	words := Tokens(text)
	counts := make(map[string]int)
	if len(words) == 0 {
		return counts
	}
	for i := 0; i < max(1, len(words)-shingleN+1); i++ {
		counts[strings.Join(words[i:min(i+shingleN, len(words))], "\x00")]++
	}
	return counts
}

// Tokens splits a text into the runs that Python's re `\w+` finds in a str:
// letters, numbers and the underscore (str.isalnum or "_"). Case is kept,
// as upstream keeps it.
func Tokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) })
}

func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

// ShingleScores are the benchmark's figures over a set of documents:
// precision averaged over the documents with a prediction (TP+FP > 0),
// recall averaged over those with a gold body (TP+FN > 0), and F1 the
// harmonic mean of the two averages (not the average of per-document F1),
// as metrics_from_tp_fp_fns computes them.
func ShingleScores(docs []Shingles) (precision, recall, f1 float64) {
	var pSum, rSum float64
	var pN, rN int
	for _, d := range docs {
		if d.TP+d.FP > 0 {
			pSum += shinglePrecision(d)
			pN++
		}
		if d.TP+d.FN > 0 {
			rSum += shingleRecall(d)
			rN++
		}
	}
	if pN > 0 {
		precision = pSum / float64(pN)
	}
	if rN > 0 {
		recall = rSum / float64(rN)
	}
	if precision+recall > 0 {
		f1 = 2 * precision * recall / (precision + recall)
	}
	return precision, recall, f1
}

func shinglePrecision(d Shingles) float64 {
	switch {
	case d.FP == 0 && d.FN == 0:
		return 1
	case d.TP == 0 && d.FP == 0:
		return 0
	}
	return d.TP / (d.TP + d.FP)
}

func shingleRecall(d Shingles) float64 {
	switch {
	case d.FP == 0 && d.FN == 0:
		return 1
	case d.TP == 0 && d.FN == 0:
		return 0
	}
	return d.TP / (d.TP + d.FN)
}

// ExactTokens reports evaluate.py's "accuracy" for one document: the two
// texts have the same word tokens.
func ExactTokens(gold, pred string) bool {
	g, p := Tokens(gold), Tokens(pred)
	if len(g) != len(p) {
		return false
	}
	for i := range g {
		if g[i] != p[i] {
			return false
		}
	}
	return true
}

// Snippets is the confusion matrix of trafilatura's evaluation
// (tests/eval_common.py): for each page, each "with" snippet found in the
// extracted text is a TP and each one missing a FN; each "without" snippet
// found is a FP and each one missing a TN. Counts are summed over all pages
// before precision and recall are taken. Matching is substring matching
// after white space is normalised in both texts; a failed extraction
// misses every snippet.
type Snippets struct{ TP, FP, FN, TN int }

// CountSnippets scores one page. ok is false when extraction failed.
func CountSnippets(with, without []string, result string, ok bool) Snippets {
	var s Snippets
	res := normSpace(result)
	for _, w := range with {
		if ok && strings.Contains(res, normSpace(w)) {
			s.TP++
		} else {
			s.FN++
		}
	}
	for _, w := range without {
		if ok && strings.Contains(res, normSpace(w)) {
			s.FP++
		} else {
			s.TN++
		}
	}
	return s
}

// Add sums two matrices.
func (s Snippets) Add(o Snippets) Snippets {
	return Snippets{s.TP + o.TP, s.FP + o.FP, s.FN + o.FN, s.TN + o.TN}
}

// Scores returns precision, recall, accuracy and F1, each 0 when its
// denominator is.
func (s Snippets) Scores() (precision, recall, accuracy, f1 float64) {
	if s.TP+s.FP > 0 {
		precision = float64(s.TP) / float64(s.TP+s.FP)
	}
	if s.TP+s.FN > 0 {
		recall = float64(s.TP) / float64(s.TP+s.FN)
	}
	if n := s.TP + s.FP + s.FN + s.TN; n > 0 {
		accuracy = float64(s.TP+s.TN) / float64(n)
	}
	if d := 2*s.TP + s.FP + s.FN; d > 0 {
		f1 = 2 * float64(s.TP) / float64(d)
	}
	return precision, recall, accuracy, f1
}

// normSpace is eval_common.norm: re.sub(r"\s+", " ", text).strip(). Python's
// \s on str is str.isspace, which adds the separators U+001C–U+001F to
// Go's unicode.IsSpace.
func normSpace(s string) string {
	return strings.Join(strings.FieldsFunc(s, isPySpace), " ")
}

func isPySpace(r rune) bool { return unicode.IsSpace(r) || r >= 0x1c && r <= 0x1f }
