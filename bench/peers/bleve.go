package peers

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Bleve is BM25 "more like this" through bleve v2: an English-analysed text
// field (stop words, Porter stemming), BM25 scoring, and the whole query text
// as one match query — every query term counts, as in the strongest
// configuration measured in ANCHORS.md.
type Bleve struct {
	idx   bleve.Index
	batch *bleve.Batch
}

// NewBleve creates a bleve index in dir with bleve's default engine
// (scorch), as a user of the library would.
func NewBleve(dir string) (*Bleve, error) {
	m := bleve.NewIndexMapping()
	m.ScoringModel = "bm25"
	doc := bleve.NewDocumentMapping()
	text := bleve.NewTextFieldMapping()
	text.Analyzer = en.AnalyzerName
	text.Store = false
	text.IncludeTermVectors = false
	doc.AddFieldMappingsAt("text", text)
	m.DefaultMapping = doc
	m.DefaultAnalyzer = en.AnalyzerName
	var _ mapping.IndexMapping = m
	idx, err := bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("bleve: %w", err)
	}
	return &Bleve{idx: idx, batch: idx.NewBatch()}, nil
}

// Name implements Retriever.
func (*Bleve) Name() string { return "bleve BM25 (whole query)" }

// Add implements Retriever. Documents are batched; the batch is flushed
// before the first search.
func (b *Bleve) Add(id, text string) error {
	if err := b.batch.Index(id, map[string]string{"text": text}); err != nil {
		return fmt.Errorf("bleve add %s: %w", id, err)
	}
	if b.batch.Size() >= 1000 {
		return b.flush()
	}
	return nil
}

func (b *Bleve) flush() error {
	if b.batch.Size() == 0 {
		return nil
	}
	if err := b.idx.Batch(b.batch); err != nil {
		return fmt.Errorf("bleve batch: %w", err)
	}
	b.batch.Reset()
	return nil
}

// Search implements Retriever.
func (b *Bleve) Search(ctx context.Context, text string, k int) ([]Hit, error) {
	if err := b.flush(); err != nil {
		return nil, err
	}
	q := bleve.NewMatchQuery(text)
	q.SetField("text")
	req := bleve.NewSearchRequestOptions(q, k, 0, false)
	res, err := b.idx.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("bleve search: %w", err)
	}
	hits := make([]Hit, len(res.Hits))
	for i, h := range res.Hits {
		hits[i] = Hit{ID: h.ID, Score: h.Score}
	}
	return hits, nil
}

// Close implements Retriever.
func (b *Bleve) Close() error { return b.idx.Close() }
