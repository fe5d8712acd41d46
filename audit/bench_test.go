package audit

import (
	"testing"

	"github.com/storytrace/storytrace/align"
)

// BenchmarkAuditSeedPair measures the full audit of the founding pair,
// alignment excluded: what trace adds per verified candidate.
func BenchmarkAuditSeedPair(b *testing.B) {
	q, s := readSeed(b, "rewrite.txt"), readSeed(b, "source-original.txt")
	al := align.Align(q, s, align.Options{})
	b.ReportAllocs()
	for b.Loop() {
		Audit(q, s, al, Options{})
	}
}

// BenchmarkDiffSeedPair is the value diff alone, for comparison.
func BenchmarkDiffSeedPair(b *testing.B) {
	q, s := readSeed(b, "rewrite.txt"), readSeed(b, "source-original.txt")
	al := align.Align(q, s, align.Options{})
	for b.Loop() {
		Diff(q, s, al)
	}
}
