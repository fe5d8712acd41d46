// Package peers holds the retrieval methods storytrace is measured against,
// each run in the benchmark on the same archive and queries:
//
//   - BM25 "more like this" with a real library: bleve v2, BM25 scoring,
//     in process, the whole query text as a match query;
//   - MinHash-LSH over word 3-shingles (Broder 1997; banding as in Indyk &
//     Motwani / Leskovec et al., MMDS ch. 3): 128 hashes in 32 bands of 4
//     rows (threshold ≈ (1/32)^(1/4) ≈ 0.42), candidates ranked by estimated
//     Jaccard; and the same sketches compared by brute force, no banding;
//   - the Churnalism rule: exact shared 15-character strings, the score being
//     the share of the query's characters covered by strings it shares with
//     the article.
package peers

import "context"

// Hit is one retrieved article.
type Hit struct {
	ID    string
	Score float64
}

// Retriever is a peer: it indexes an archive and ranks it for a query.
type Retriever interface {
	// Name is the method's name in the results table.
	Name() string
	// Add indexes one article. Add is called for every article before the
	// first Search.
	Add(id, text string) error
	// Search returns the k best articles for the query text, best first.
	Search(ctx context.Context, text string, k int) ([]Hit, error)
	// Close releases the index.
	Close() error
}
