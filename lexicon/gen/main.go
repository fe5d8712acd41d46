// Command gen writes the synonym and antonym tables embedded in package
// lexicon from a WordNet 3.0 database (apt-get install wordnet-base):
//
//	go run ./lexicon/gen -wordnet /usr/share/wordnet -out lexicon/synonyms.txt.gz -antonyms lexicon/antonyms.txt.gz
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/storytrace/storytrace/lexicon"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder")
	out := flag.String("out", "synonyms.txt.gz", "synonym table to write")
	antonyms := flag.String("antonyms", "antonyms.txt.gz", "antonym table to write")
	senses := flag.Int("senses", lexicon.Senses, "how many of each word's most frequent senses count")
	flag.Parse()
	if err := write(*out, func() ([]byte, error) { return lexicon.Build(*dir, *senses) }); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := write(*antonyms, func() ([]byte, error) { return lexicon.BuildAntonyms(*dir, *senses) }); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(path string, build func() ([]byte, error)) error {
	b, err := build()
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
