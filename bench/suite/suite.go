// Package suite holds what every part of the benchmark shares: the
// environment a section runs in and the rows it returns. Sections live in
// their own packages (bench/retrieval, bench/alignment, bench/extraction, …)
// and package bench composes them into one table.
package suite

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"
)

// Env is what a section gets to run.
type Env struct {
	// Shared is the path of the shared folder (its data/ and seeds/).
	Shared string
	// Quick asks for a smoke run: every loader and metric exercised on a
	// small sample, the whole benchmark in under three minutes.
	Quick bool
	// TempDir is a scratch directory the section may use; removed after.
	TempDir string
	// Out is the directory results are written to ("" writes none): a
	// section that fits a model writes the model file there.
	Out string
	// Log receives progress lines for the person running the benchmark.
	Log io.Writer
}

// Logf writes a progress line.
func (e *Env) Logf(format string, args ...any) {
	if e.Log != nil {
		fmt.Fprintf(e.Log, format+"\n", args...)
	}
}

// Section is one part of the benchmark.
type Section struct {
	// Name is what --only selects ("retrieval", "alignment", …).
	Name string
	// Run measures and returns rows. An error fails the section, not the
	// benchmark: the table says the section failed and why.
	Run func(ctx context.Context, env *Env) ([]Row, error)
}

// Row is one line of the results table: one method on one data set.
type Row struct {
	// Table groups rows that share columns ("retrieval", "alignment: PAN13",
	// "extraction", …); each table is printed separately.
	Table string `json:"table"`
	// Set names the data set or subset ("l2r/GPT-4o").
	Set string `json:"set"`
	// Method is "storytrace" or a peer's name.
	Method string `json:"method"`
	// N is the number of items measured (queries, pairs, pages).
	N int `json:"n"`
	// Metrics in column order.
	Metrics []Metric `json:"metrics"`
	// Note is a short remark printed after the table, if any.
	Note string `json:"note,omitempty"`
}

// Metric is one named figure.
type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	// Format is a fmt verb for the Markdown table ("%.3f" when empty).
	Format string `json:"format,omitempty"`
}

// M is shorthand for a Metric with the default format.
func M(name string, v float64) Metric { return Metric{Name: name, Value: v} }

// Timer measures latencies and reports percentiles.
type Timer struct{ d []time.Duration }

// Add records one latency.
func (t *Timer) Add(d time.Duration) { t.d = append(t.d, d) }

// Len is the number of latencies recorded.
func (t *Timer) Len() int { return len(t.d) }

// Percentile returns the q-quantile (0..1) in milliseconds, nearest rank.
func (t *Timer) Percentile(q float64) float64 {
	if len(t.d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), t.d...)
	sortDurations(s)
	i := int(q*float64(len(s)) + 0.5)
	if i >= len(s) {
		i = len(s) - 1
	}
	if i < 0 {
		i = 0
	}
	return float64(s[i].Nanoseconds()) / 1e6
}

func sortDurations(s []time.Duration) { slices.Sort(s) }
