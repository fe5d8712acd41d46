package main

import (
	"errors"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/storytrace/storytrace/bench"
)

func newBench(g *globals) *cobra.Command {
	var (
		opt   bench.Options
		sizes []int
	)
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Measure quality and speed on every data set, beside the peers",
		Long: `Run the benchmark: every data set in --shared/data loaded from its documented
format, storytrace and its peers (bleve BM25, MinHash-LSH, MinHash Jaccard,
the Churnalism 15-character rule) measured on the same archive and queries,
printed as one Markdown document of tables. With --out DIR the tables are
also written to DIR/results.md and DIR/results.json.

--quick runs every loader and metric on small samples (under three minutes on
two cores): a smoke test, not results. --only picks sections by name.
--scale 100000,1000000 adds the scale section: synthetic archives of those
sizes built from recombined real sentences, measuring ingest rate, bytes per
article, trace latency and peak memory as the archive grows.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			for _, n := range sizes {
				if n <= 0 {
					return usageError("--scale sizes must be positive, got %d", n)
				}
			}
			sections := bench.Sections(sizes)
			known := map[string]bool{}
			var names []string
			for _, s := range sections {
				known[s.Name] = true
				names = append(names, s.Name)
			}
			for _, o := range opt.Only {
				if !known[o] {
					return usageError("unknown section %q in --only (have %s)", o, strings.Join(names, ", "))
				}
			}
			if _, err := os.Stat(opt.Shared); err != nil {
				return usageError("shared data folder: %v (set --shared)", err)
			}
			opt.Command = "storytrace " + strings.Join(os.Args[1:], " ")
			if !g.quiet {
				opt.Log = os.Stderr
			}
			res, err := bench.Run(cmd.Context(), sections, opt)
			if err != nil {
				return err
			}
			if err := res.WriteMarkdown(os.Stdout); err != nil {
				return err
			}
			if len(res.Failures) > 0 {
				return &exitError{code: 1, err: errors.New(strings.Join(res.Failures, "; "))}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opt.Quick, "quick", false, "smoke run on small samples")
	cmd.Flags().StringSliceVar(&opt.Only, "only", nil, "sections to run (comma-separated)")
	cmd.Flags().StringVar(&opt.Out, "out", "", "directory for results.md and results.json")
	cmd.Flags().IntSliceVar(&sizes, "scale", nil, "archive sizes for the scale section (comma-separated)")
	cmd.Flags().StringVar(&opt.Shared, "shared", "../shared", "the shared folder holding data/ and seeds/")
	return cmd
}
