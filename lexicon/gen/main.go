// Command gen writes the synonym table embedded in package lexicon from a
// WordNet 3.0 database (apt-get install wordnet-base):
//
//	go run ./lexicon/gen -wordnet /usr/share/wordnet -out lexicon/synonyms.txt.gz
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/storytrace/storytrace/lexicon"
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "WordNet 3.0 database folder")
	out := flag.String("out", "synonyms.txt.gz", "table to write")
	senses := flag.Int("senses", lexicon.Senses, "how many of each word's most frequent senses count")
	flag.Parse()
	b, err := lexicon.Build(*dir, *senses)
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
