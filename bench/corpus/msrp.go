package corpus

import (
	"bytes"
	"fmt"
	"strings"
)

// SentencePair is one MSRP pair of news sentences, judged by humans as a
// paraphrase or not. Many negatives are the same event with different facts.
type SentencePair struct {
	ID1, ID2   string
	A, B       string
	Paraphrase bool
}

// LoadMSRP reads the Microsoft Research Paraphrase Corpus from shared/data/msrp:
// tab-separated lines "Quality, #1 ID, #2 ID, #1 String, #2 String", a
// byte-order mark before the first line, no header row (SOURCE.md). Should a
// copy carry the usual header row, it is skipped.
func LoadMSRP(shared string) (train, test []SentencePair, err error) {
	if train, err = readMSRP(dataPath(shared, "msrp", "msr_paraphrase_train.txt")); err != nil {
		return nil, nil, fmt.Errorf("corpus: load msrp: %w", err)
	}
	if test, err = readMSRP(dataPath(shared, "msrp", "msr_paraphrase_test.txt")); err != nil {
		return nil, nil, fmt.Errorf("corpus: load msrp: %w", err)
	}
	return train, test, nil
}

// readMSRP splits lines on tabs by hand: the strings contain bare double
// quotes, which encoding/csv would take for field quoting.
func readMSRP(path string) ([]SentencePair, error) {
	b, err := readFile(path)
	if err != nil {
		return nil, err
	}
	b = bytes.TrimPrefix(b, []byte("\ufeff"))
	var pairs []SentencePair
	for n, line := range strings.Split(normalizeNewlines(string(b)), "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("%s:%d: %d tab-separated fields, want 5", path, n+1, len(f))
		}
		if n == 0 && f[0] == "Quality" {
			continue
		}
		if f[0] != "0" && f[0] != "1" {
			return nil, fmt.Errorf("%s:%d: quality %q, want 0 or 1", path, n+1, f[0])
		}
		pairs = append(pairs, SentencePair{ID1: f[1], ID2: f[2], A: f[3], B: f[4], Paraphrase: f[0] == "1"})
	}
	return pairs, nil
}
