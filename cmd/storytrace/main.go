// Command storytrace finds where a news story came from, even after it was
// rewritten, lines up the passages that correspond, and shows what the
// rewrite changed.
//
// Exit status: 0 on success; 1 when nothing was found where that matters (no
// derived source for a trace, no such article to delete); 2 on bad usage or
// when any input could not be read.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/spf13/cobra"
)

// exitError carries an exit status up to main.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

func usageError(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

// globals are the flags every command shares.
type globals struct {
	dataDir  string
	maxBytes int64
	quiet    bool
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	cmd := newRoot()
	err := cmd.ExecuteContext(ctx)
	if err == nil {
		return
	}
	code := 2
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	}
	if ee == nil || ee.err != nil && ee.err.Error() != "" {
		fmt.Fprintln(os.Stderr, "storytrace:", err)
	}
	os.Exit(code)
}

func newRoot() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "storytrace",
		Short: "Trace a news story to its source, even after it was rewritten",
		Long: `storytrace finds where a news story came from, even after a journalist or a
machine rewrote it. It keeps an archive of articles (an embedded Pebble store in
--data), ranks the archive articles a query derives from, lines up the passages
that correspond, and lists the figures and dates the rewrite kept, altered,
dropped or added.

  storytrace ingest examples/archive          add articles to the archive
  storytrace trace examples/rewrite.txt       find the sources of an article
  storytrace compare rewrite.txt source.txt   compare two documents directly
  storytrace extract page.html                show what extraction makes of a document

Inputs are plain text, JSON Lines (id,url,site,title,published,text) or HTML,
optionally gzipped; "-" reads standard input.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.dataDir, "data", "./storytrace-data", "archive directory (Pebble store)")
	root.PersistentFlags().Int64Var(&g.maxBytes, "max-bytes", 32<<20, "largest document accepted, in bytes")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress or summary on stderr")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageError("%v (see %s --help)", err, c.CommandPath())
	})
	root.AddCommand(newIngest(g), newDelete(g), newReindex(g), newTrace(g), newCompare(g), newExtract(g), newStats(g), newBench(g))
	return root
}
