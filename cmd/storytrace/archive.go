package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/store/pebble"
)

// archive is an open index and the store under it.
type archive struct {
	*index.Index
	db *pebble.DB
}

func openArchive(ctx context.Context, g *globals) (*archive, error) {
	db, err := pebble.Open(g.dataDir)
	if err != nil {
		return nil, err
	}
	ix, err := index.Open(ctx, db)
	if errors.Is(err, index.ErrStaleAnalysis) {
		_ = db.Close()
		return nil, fmt.Errorf("archive %s: %w (run storytrace reindex to analyse its articles again)", g.dataDir, err)
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("archive %s: %w", g.dataDir, err)
	}
	return &archive{Index: ix, db: db}, nil
}

func (a *archive) Close() error { return a.db.Close() }
