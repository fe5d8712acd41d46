package facts

import (
	"os"
	"testing"
)

// BenchmarkExtract measures Extract on a real, figure-heavy BBC business
// article (bbc-business-001 of the BBC News Summary corpus).
func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile("testdata/bench/bbc-business-001.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text)
	}
}

// BenchmarkExtractBBCCorpus measures Extract over all 2,225 BBC articles,
// the cost of analysing an archive of that size.
func BenchmarkExtractBBCCorpus(b *testing.B) {
	articles := readBBC(b)
	var size int64
	for _, a := range articles {
		size += int64(len(a.Body))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, a := range articles {
			Extract(a.Body)
		}
	}
}
