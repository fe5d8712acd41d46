package align

import "testing"

// BenchmarkAlign measures Align on profiles analysed beforehand, as trace
// calls it (the query against each candidate): a news rewrite against its
// source, and a long PAN document against a source it copies from.
func BenchmarkAlign(b *testing.B) {
	needShared(b)
	for _, tc := range goldenCases[:2] {
		q, s := tc.query(b), tc.source(b)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(q.Text) + len(s.Text)))
			for b.Loop() {
				Align(q, s, Options{})
			}
		})
	}
}
