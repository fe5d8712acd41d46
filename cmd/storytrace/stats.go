package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newStats(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "stats",
		Short: "Show the archive's size",
		Long:  "Print how many articles the archive holds, its size on disk, and the bytes per article.",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := openArchive(cmd.Context(), g)
			if err != nil {
				return err
			}
			m, err := a.Meta(cmd.Context())
			// Flush first, so the size counts tables, not a write-ahead log
			// that has not been compacted into them yet.
			if err == nil {
				err = a.db.Flush()
			}
			size := a.db.DiskBytes()
			a.Close()
			if err != nil {
				return err
			}
			fmt.Printf("archive     %s\n", g.dataDir)
			fmt.Printf("articles    %d\n", m.Docs)
			fmt.Printf("terms       %d (mean %.0f per article)\n", m.Length, float64(m.Length)/max(float64(m.Docs), 1))
			fmt.Printf("disk bytes  %d\n", size)
			if m.Docs > 0 {
				fmt.Printf("per article %.0f bytes\n", float64(size)/float64(m.Docs))
			}
			return nil
		},
	}
}
