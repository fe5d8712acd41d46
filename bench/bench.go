// Package bench is storytrace's benchmark: every data set in shared/data
// measured in one run, storytrace beside its peers, printed as one Markdown
// document of tables (and written as JSON). Each part lives in its own
// package and returns suite rows; this package runs them and renders.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/storytrace/storytrace/bench/suite"
)

// Options select what to run.
type Options struct {
	Shared string   // path of the shared folder
	Quick  bool     // smoke run: small samples, under three minutes
	Only   []string // section names to run; empty runs all
	Out    string   // directory for results.md and results.json; empty writes none
	Log    io.Writer
	// Command is the command line, recorded in the output.
	Command string
}

// Result is the outcome of a run.
type Result struct {
	Date     string        `json:"date"`
	Machine  string        `json:"machine"`
	Command  string        `json:"command"`
	Quick    bool          `json:"quick"`
	Rows     []suite.Row   `json:"rows"`
	Failures []string      `json:"failures,omitempty"`
	Took     time.Duration `json:"took_ns"`
}

// Run runs the selected sections in order.
func Run(ctx context.Context, sections []suite.Section, opt Options) (*Result, error) {
	start := time.Now()
	tmp, err := os.MkdirTemp("", "storytrace-bench")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	res := &Result{
		Date:    start.UTC().Format("2006-01-02"),
		Machine: machine(),
		Command: opt.Command,
		Quick:   opt.Quick,
	}
	want := map[string]bool{}
	for _, o := range opt.Only {
		want[o] = true
	}
	for _, s := range sections {
		if len(want) > 0 && !want[s.Name] {
			continue
		}
		dir := filepath.Join(tmp, s.Name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, err
		}
		env := &suite.Env{Shared: opt.Shared, Quick: opt.Quick, TempDir: dir, Out: opt.Out, Log: opt.Log}
		env.Logf("== %s", s.Name)
		t0 := time.Now()
		rows, err := s.Run(ctx, env)
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		if err != nil {
			res.Failures = append(res.Failures, fmt.Sprintf("%s: %v", s.Name, err))
			env.Logf("%s failed: %v", s.Name, err)
		}
		res.Rows = append(res.Rows, rows...)
		env.Logf("== %s done in %s", s.Name, time.Since(t0).Round(time.Second))
		_ = os.RemoveAll(dir)
	}
	res.Took = time.Since(start)
	if opt.Out != "" {
		if err := res.save(opt.Out); err != nil {
			return res, err
		}
	}
	return res, nil
}

func (r *Result) save(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("bench output: %w", err)
	}
	f, err := os.Create(filepath.Join(dir, "results.md"))
	if err != nil {
		return fmt.Errorf("bench output: %w", err)
	}
	if err := r.WriteMarkdown(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "results.json"), b, 0o644)
}

func machine() string {
	host, _ := os.Hostname()
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	_ = host
	return fmt.Sprintf("%s, %d cores, %s %s/%s", cpu, runtime.NumCPU(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
