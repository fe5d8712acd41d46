package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/storytrace/storytrace/report"
)

func newExtract(g *globals) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "extract FILE|-",
		Short: "Show what extraction makes of a document",
		Long:  "Print the article(s) extraction finds in a document: id, title, date, url and paragraphs.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "text" && format != "json" {
				return usageError("unknown --format %q (want text or json)", format)
			}
			as, err := readDocuments(cmd.Context(), g, args[0])
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(os.Stdout)
				enc.SetIndent("", "  ")
				for _, a := range as {
					if err := enc.Encode(a); err != nil {
						return err
					}
				}
				return nil
			}
			for i, a := range as {
				if i > 0 {
					fmt.Println()
				}
				fmt.Printf("id         %s\n", a.ID)
				for _, f := range [][2]string{{"title", a.Title}, {"published", a.Published}, {"url", a.URL}, {"site", a.Site}} {
					if f[1] != "" {
						fmt.Printf("%-10s %s\n", f[0], report.Escape(f[1]))
					}
				}
				fmt.Printf("paragraphs %d\n", len(a.Paragraphs))
				for _, p := range a.Paragraphs {
					fmt.Printf("\n%s\n", report.Escape(p))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "output format: text or json")
	return cmd
}
