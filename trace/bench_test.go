package trace

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/storytrace/storytrace/extract"
)

// BenchmarkTraceL2R traces the l2r GPT-4o rewrites against the test archive
// (2,426 articles) and reports the median and 99th-percentile latency of one
// trace, in milliseconds:
//
//	go test -run '^$' -bench TraceL2R -benchtime 600x ./trace/
func BenchmarkTraceL2R(b *testing.B) {
	ix := testArchive(b)
	pairs := loadL2R(b)
	ctx := context.Background()
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		p := pairs[i%len(pairs)]
		q := extract.Article{ID: "q", Paragraphs: []string{p.Rewrites["GPT-4o"].Text}}
		start := time.Now()
		if _, err := Trace(ctx, ix, q, Options{}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	ms := func(q float64) float64 {
		return float64(lat[int(q*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.99), "p99-ms")
}
