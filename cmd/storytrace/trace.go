package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/report"
	"github.com/storytrace/storytrace/trace"
)

func newTrace(g *globals) *cobra.Command {
	var (
		opt     trace.Options
		format  string
		seedDir string
	)
	cmd := &cobra.Command{
		Use:   "trace FILE|-...",
		Short: "Find the archive articles a document derives from",
		Long: `Rank the archive articles the document derives from and, for the top ones,
show the verdict (copy, rewrite, partial reuse, summary, same event,
unrelated) with a confidence, the aligned passages, and the figures and dates
kept, altered, dropped or added. A source made from the document (a later
copy, cut, summary or rewrite of it: what you find tracing your own story)
gets a "reverse" verdict, and the origin line says which came first; with
--own, the document is taken as the original where nothing else orders them.

Several documents (files, folders, globs, a JSON Lines or WARC file) are
traced as they are read, on every core, each with its own report, written in
reading order; --format jsonl writes one JSON report per line. An input that cannot be read
is reported on stderr with its name and the rest goes on.

With --archive PATH, PATH is ingested first if the archive is empty, so one
command can build a first archive and trace against it.

Exit status 2 when an input could not be read, else 1 when no source is
found derived either way for any document.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			ctx := cmd.Context()
			inputs, errs := extract.Expand(args)
			if len(inputs) == 0 {
				return &exitError{code: 2, err: errors.Join(errs...)}
			}
			a, err := openArchive(ctx, g)
			if err != nil {
				return err
			}
			defer a.Close()
			if seedDir != "" {
				if err := seedArchive(ctx, g, a, seedDir); err != nil {
					return err
				}
			}
			b := &traceBatch{g: g, ix: a.Index, opt: opt, format: format}
			for _, e := range errs {
				b.fail(e)
			}
			if err := b.run(ctx, inputs); err != nil {
				return err
			}
			return b.finish(args)
		},
	}
	cmd.Flags().IntVar(&opt.Top, "top", 3, "how many sources to report")
	cmd.Flags().IntVar(&opt.Candidates, "candidates", 20, "how many BM25 candidates to verify by alignment")
	cmd.Flags().BoolVar(&opt.Own, "own", false, "the document is your own story: where dates and text cannot order it against a source, take it as the original")
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json, jsonl (one report per line), md or html")
	cmd.Flags().StringVar(&seedDir, "archive", "", "ingest this path first if the archive is empty")
	return cmd
}

// traceBatch traces documents as they are read, on every core, and
// writes their reports in reading order; it keeps the tally.
type traceBatch struct {
	g      *globals
	ix     *index.Index
	opt    trace.Options
	format string
	bar    *progressbar.ProgressBar
	// traced counts the documents traced, derived those with a source
	// derived either way, failed the inputs that could not be read.
	traced, derived, failed int
	mu                      sync.Mutex // guards failed: inputs are read beside the writing
}

func (b *traceBatch) fail(err error) {
	b.mu.Lock()
	b.failed++
	b.mu.Unlock()
	fmt.Fprintln(os.Stderr, "storytrace: trace:", err)
}

// traced is one document's trace, numbered in reading order.
type traced struct {
	n   int
	r   *report.Report
	err error
}

// run reads the inputs one document at a time, traces them on
// GOMAXPROCS workers and writes the reports in reading order. The error
// it returns ends the batch: the store failing, the output failing, or a
// second document for a format that holds one.
func (b *traceBatch) run(ctx context.Context, inputs []extract.Input) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		n int
		q extract.Article
	}
	jobs, results := make(chan job), make(chan traced)
	var readErr error // set by the reader before it closes jobs
	go func() {
		defer close(jobs)
		n := 0
		emit := func(q extract.Article) error {
			if n == 1 && b.format == "html" {
				return usageError("--format html renders one document; use --format jsonl, json, md or text for several")
			}
			select {
			case jobs <- job{n, q}:
				n++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		readErr = extract.ReadAll(ctx, inputs, extract.Options{MaxBytes: b.g.maxBytes}, emit, b.fail)
	}()
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				r, err := trace.Trace(ctx, b.ix, j.q, b.opt)
				results <- traced{j.n, r, err}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	var err error
	pending := map[int]traced{}
	next := 0
	for t := range results {
		pending[t.n] = t
		for ; err == nil; next++ {
			t, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err = t.err; err == nil {
				err = b.write(t.r)
			}
			if err != nil {
				cancel() // the workers finish what they hold; results is drained
			}
		}
	}
	if err != nil {
		return err
	}
	return readErr
}

// write writes one report and counts it.
func (b *traceBatch) write(r *report.Report) error {
	if b.traced == 1 && b.bar == nil && !term.IsTerminal(int(os.Stdout.Fd())) {
		// A batch: show its progress when the reports go to a file.
		b.bar = newProgress(b.g, "tracing")
	}
	if err := report.Write(os.Stdout, r, b.format); err != nil {
		return err
	}
	b.traced++
	for _, s := range r.Sources {
		if s.Decision.Verdict.Derived() || s.Reverse != nil {
			b.derived++
			break
		}
	}
	if b.bar != nil {
		_ = b.bar.Set(b.traced)
	}
	return nil
}

// finish reports a batch's tally and picks the exit status.
func (b *traceBatch) finish(args []string) error {
	if b.bar != nil {
		_ = b.bar.Finish()
		fmt.Fprintln(os.Stderr)
	}
	if b.traced > 1 && !b.g.quiet {
		fmt.Fprintf(os.Stderr, "trace: %d documents, %d with a derived source, %d inputs failed\n", b.traced, b.derived, b.failed)
	}
	switch {
	case b.failed > 0:
		return &exitError{code: 2, err: fmt.Errorf("%d inputs failed", b.failed)}
	case b.traced == 0:
		return usageError("%s: no article found", strings.Join(args, " "))
	case b.derived == 0:
		return &exitError{code: 1, err: errors.New("no derived source found")}
	}
	return nil
}

// seedArchive ingests path when the archive is empty.
func seedArchive(ctx context.Context, g *globals, a *archive, path string) error {
	m, err := a.Meta(ctx)
	if err != nil || m.Docs > 0 {
		return err
	}
	inputs, errs := extract.Expand([]string{path})
	if len(errs) > 0 {
		return &exitError{code: 2, err: errors.Join(errs...)}
	}
	sum, err := ingest.Run(ctx, a.Index, inputs, ingest.Options{Extract: extract.Options{MaxBytes: g.maxBytes}})
	if err != nil {
		return err
	}
	for _, e := range sum.Failed {
		fmt.Fprintln(os.Stderr, "storytrace: ingest:", e)
	}
	if !g.quiet {
		fmt.Fprintf(os.Stderr, "archive was empty: ingested %d articles from %s into %s\n", sum.Added+sum.Replaced, path, g.dataDir)
	}
	return nil
}

func newCompare(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "compare QUERY SOURCE",
		Short: "Compare a document with one source, no archive needed",
		Long: `Analyse QUERY against SOURCE as trace does against an archive article: the
verdict, the aligned passages and the fact changes. Each may be "-" (standard
input) for one of the two.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			q, err := readOneDocument(cmd.Context(), g, args[0])
			if err != nil {
				return err
			}
			s, err := readOneDocument(cmd.Context(), g, args[1])
			if err != nil {
				return err
			}
			return report.Write(os.Stdout, trace.Compare(q, s), format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text, json, jsonl (one report per line), md or html")
	return cmd
}

func checkFormat(f string) error {
	for _, ok := range report.Formats {
		if f == ok {
			return nil
		}
	}
	return usageError("unknown --format %q (want text, json, jsonl, md or html)", f)
}

// readDocuments extracts every article of one input (a JSON Lines file may
// hold several). Any failure is a usage error naming the input.
func readDocuments(ctx context.Context, g *globals, arg string) ([]extract.Article, error) {
	inputs, errs := extract.Expand([]string{arg})
	if len(errs) > 0 {
		return nil, &exitError{code: 2, err: errors.Join(errs...)}
	}
	var out []extract.Article
	var bad []error
	err := extract.ReadAll(ctx, inputs, extract.Options{MaxBytes: g.maxBytes},
		func(a extract.Article) error { out = append(out, a); return nil },
		func(e error) { bad = append(bad, e) })
	if err != nil {
		bad = append(bad, err)
	}
	if len(bad) > 0 {
		return nil, &exitError{code: 2, err: errors.Join(bad...)}
	}
	if len(out) == 0 {
		return nil, usageError("%s: no article found", arg)
	}
	return out, nil
}

func readOneDocument(ctx context.Context, g *globals, arg string) (extract.Article, error) {
	as, err := readDocuments(ctx, g, arg)
	if err != nil {
		return extract.Article{}, err
	}
	if len(as) > 1 {
		return extract.Article{}, usageError("%s holds %d articles; compare takes one each", arg, len(as))
	}
	return as[0], nil
}
