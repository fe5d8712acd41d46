package main

import (
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/ingest"
)

func newIngest(g *globals) *cobra.Command {
	var batch int
	cmd := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Add articles to the archive",
		Long: `Add articles to the archive in --data.

PATH is a file, a folder (read recursively, hidden files skipped), a glob
pattern, or "-" for standard input. Files may be plain text, JSON Lines (one
article per line: id, url, site, title, published, text; other fields are
kept) or HTML, and may be gzipped. A text or HTML file's id is its file name
without extension (its path below the folder, when found in a folder); an
article whose id is already in the archive replaces it.

Articles are written in atomic batches: an article counted as added is on
disk, and an interrupted ingest leaves no article half-written. Inputs that
cannot be read are reported, the rest goes on, and the exit status is 2.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			inputs, errs := extract.Expand(args)
			a, err := openArchive(ctx, g)
			if err != nil {
				return err
			}
			defer a.Close()
			start := time.Now()
			opt, done := ingestOptions(g, batch, "ingesting")
			sum, err := ingest.Run(ctx, a.Index, inputs, opt)
			done()
			sum.Failed = append(errs, sum.Failed...)
			for _, e := range sum.Failed {
				fmt.Fprintln(os.Stderr, "storytrace: ingest:", e)
			}
			if !g.quiet {
				n := sum.Added + sum.Replaced
				secs := time.Since(start).Seconds()
				fmt.Fprintf(os.Stderr, "ingest: %d added, %d replaced, %d failed (%.1fs, %.0f articles/s)\n",
					sum.Added, sum.Replaced, len(sum.Failed), secs, float64(n)/max(secs, 1e-9))
			}
			if err != nil {
				return err
			}
			if len(sum.Failed) > 0 {
				return &exitError{code: 2, err: fmt.Errorf("%d inputs failed", len(sum.Failed))}
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&batch, "batch", 256, "articles per atomic write")
	return cmd
}

// ingestOptions returns ingest's options for a command: the size limit,
// the batch size, and a progress counter labelled what, which done closes.
func ingestOptions(g *globals, batch int, what string) (opt ingest.Options, done func()) {
	bar := newProgress(g, what)
	opt = ingest.Options{
		Extract:   extract.Options{MaxBytes: g.maxBytes},
		BatchSize: batch,
		Progress: func(s ingest.Summary) {
			if bar != nil {
				_ = bar.Set(s.Added + s.Replaced)
			}
		},
	}
	return opt, func() {
		if bar != nil {
			_ = bar.Finish()
			fmt.Fprintln(os.Stderr)
		}
	}
}

// newProgress returns a progress counter on stderr when stderr is a terminal
// and the user did not ask for quiet, else nil.
func newProgress(g *globals, what string) *progressbar.ProgressBar {
	if g.quiet || !term.IsTerminal(int(os.Stderr.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
	)
}

func newDelete(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "delete ID...",
		Short: "Remove articles from the archive",
		Long:  "Remove the articles with the given ids from the archive. Exit status 1 if any id was not there.",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := openArchive(cmd.Context(), g)
			if err != nil {
				return err
			}
			defer a.Close()
			missing := 0
			for _, id := range args {
				ok, err := a.Delete(cmd.Context(), id)
				if err != nil {
					return err
				}
				if !ok {
					missing++
					fmt.Fprintf(os.Stderr, "storytrace: delete: no article %q\n", id)
				} else if !g.quiet {
					fmt.Fprintf(os.Stderr, "deleted %s\n", id)
				}
			}
			if missing > 0 {
				return &exitError{code: 1, err: fmt.Errorf("%d of %d ids not found", missing, len(args))}
			}
			return nil
		},
	}
}
