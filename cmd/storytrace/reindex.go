package main

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/ingest"
	"github.com/storytrace/storytrace/store/pebble"
)

func newReindex(g *globals) *cobra.Command {
	var batch int
	cmd := &cobra.Command{
		Use:   "reindex",
		Short: "Analyse the archive's articles again with this storytrace",
		Long: `Analyse every article of the archive in --data again and rebuild its index.

An archive built by a storytrace with another version of the text analysis
is refused by trace (its terms would not match the queries'); reindex brings
it up to date from the articles it stores, without the original inputs.

The new archive is built beside the old one (in --data with ".reindex"
appended) and takes its place only when complete: interrupted, the old
archive is left as it was. It needs room for a second copy while it runs.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := g.dataDir
			if _, err := os.Stat(dir); err != nil {
				return fmt.Errorf("reindex: no archive at %s: %w", dir, err)
			}
			tmp := dir + ".reindex"
			// What an interrupted reindex left behind is only ever a partial copy.
			if err := os.RemoveAll(tmp); err != nil {
				return fmt.Errorf("reindex: %w", err)
			}
			n, err := rebuild(cmd, g, dir, tmp, batch)
			if err != nil {
				_ = os.RemoveAll(tmp)
				return err
			}
			if err := swapDirs(dir, tmp); err != nil {
				return err
			}
			if !g.quiet {
				fmt.Fprintf(os.Stderr, "reindex: %d articles analysed again (text analysis version %d)\n", n, analyze.Version)
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&batch, "batch", 256, "articles per atomic write")
	return cmd
}

// rebuild ingests the articles stored in the archive at dir into a new
// archive at tmp and returns how many it wrote.
func rebuild(cmd *cobra.Command, g *globals, dir, tmp string, batch int) (int, error) {
	ctx := cmd.Context()
	old, err := pebble.Open(dir)
	if err != nil {
		return 0, fmt.Errorf("reindex: archive %s: %w", dir, err)
	}
	defer old.Close()
	db, err := pebble.Open(tmp)
	if err != nil {
		return 0, fmt.Errorf("reindex: %w", err)
	}
	defer db.Close()
	ix, err := index.Open(ctx, db)
	if err != nil {
		return 0, fmt.Errorf("reindex: %w", err)
	}
	start := time.Now()
	opt, done := ingestOptions(g, batch, "reindexing")
	sum, err := ingest.Stored(ctx, ix, old, opt)
	done()
	if err == nil && len(sum.Failed) > 0 {
		err = errors.Join(sum.Failed...)
	}
	if err != nil {
		return 0, fmt.Errorf("reindex: archive %s left as it was: %w", dir, err)
	}
	if !g.quiet {
		secs := time.Since(start).Seconds()
		fmt.Fprintf(os.Stderr, "reindex: %.1fs, %.0f articles/s\n", secs, float64(sum.Added)/max(secs, 1e-9))
	}
	return sum.Added, db.Flush()
}

// swapDirs puts the directory tmp in dir's place and removes dir's old
// contents; when the second rename fails, dir is put back.
func swapDirs(dir, tmp string) error {
	prev := dir + ".old"
	if err := os.RemoveAll(prev); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if err := os.Rename(dir, prev); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		if back := os.Rename(prev, dir); back != nil {
			return fmt.Errorf("reindex: the new archive is in %s, the old one in %s: %w", tmp, prev, errors.Join(err, back))
		}
		return fmt.Errorf("reindex: archive %s left as it was: %w", dir, err)
	}
	if err := os.RemoveAll(prev); err != nil {
		return fmt.Errorf("reindex: the old archive could not be removed from %s: %w", prev, err)
	}
	return nil
}
