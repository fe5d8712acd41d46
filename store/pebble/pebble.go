// Package pebble is the embedded store engine: a Pebble database in a
// directory. It is the default, so a newcomer needs no server.
package pebble

import (
	"context"
	"errors"
	"fmt"

	"github.com/cockroachdb/pebble/v2"

	"github.com/storytrace/storytrace/store"
)

// CacheBytes is the size of the block cache of each open DB.
const CacheBytes = 256 << 20

// DB is a store.Store on Pebble.
type DB struct {
	db *pebble.DB
}

var _ store.Store = (*DB)(nil)

// Open opens (creating if needed) the Pebble database in dir.
//
// Appends are Pebble merge operands with Pebble's default merger, which
// concatenates operands oldest first: exactly store.OpAppend. The merger's
// name is recorded in the database, so it must never change.
func Open(dir string) (*DB, error) {
	// A block cache larger than Pebble's 8 MB default: a trace reads a
	// posting list per query term and a record per candidate, and those
	// blocks are hot across queries.
	cache := pebble.NewCache(CacheBytes)
	defer cache.Unref()
	opts := &pebble.Options{
		Merger: pebble.DefaultMerger,
		Logger: quietLogger{},
		Cache:  cache,
		// Pebble's default 4 MB memtables. 32 MB ones ingested 60,000
		// synthetic articles in 30 s instead of 43 (appends to one posting
		// list meet in memory before a flush), but a trace on the archive
		// just built read 10–20% slower (l2r trace bench p50 5.9 → 6.6 ms,
		// the benchmark's 25,539-article archive 8.3 → 9.9 ms): the
		// appends wait unmerged in more, larger level-0 files, and every
		// read merges them. An archive is traced far more often than it is
		// built.
	}
	db, err := pebble.Open(dir, opts)
	if err != nil {
		return nil, fmt.Errorf("open pebble store %s: %w", dir, err)
	}
	return &DB{db: db}, nil
}

// Get implements store.Store.
func (d *DB) Get(ctx context.Context, key []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	v, closer, err := d.db.Get(key)
	if errors.Is(err, pebble.ErrNotFound) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("pebble get %q: %w", key, err)
	}
	out := append([]byte(nil), v...)
	return out, closer.Close()
}

// Scan implements store.Store.
func (d *DB) Scan(ctx context.Context, prefix []byte, fn func(key, value []byte) error) error {
	it, err := d.db.NewIterWithContext(ctx, &pebble.IterOptions{
		LowerBound: prefix,
		UpperBound: prefixEnd(prefix),
	})
	if err != nil {
		return fmt.Errorf("pebble scan %q: %w", prefix, err)
	}
	for it.First(); it.Valid(); it.Next() {
		if err := ctx.Err(); err != nil {
			_ = it.Close()
			return err
		}
		v, err := it.ValueAndErr()
		if err != nil {
			_ = it.Close()
			return fmt.Errorf("pebble scan %q: %w", prefix, err)
		}
		if err := fn(it.Key(), v); err != nil {
			_ = it.Close()
			return err
		}
	}
	return it.Close()
}

// Write implements store.Store. The batch is committed with a synced WAL
// write, so it is all-or-nothing across a crash.
func (d *DB) Write(ctx context.Context, b *store.Batch) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	pb := d.db.NewBatch()
	defer pb.Close()
	for _, op := range b.Ops {
		var err error
		switch op.Kind {
		case store.OpSet:
			err = pb.Set(op.Key, op.Value, nil)
		case store.OpDelete:
			err = pb.Delete(op.Key, nil)
		case store.OpAppend:
			err = pb.Merge(op.Key, op.Value, nil)
		default:
			err = fmt.Errorf("unknown op kind %d", op.Kind)
		}
		if err != nil {
			return fmt.Errorf("pebble batch %q: %w", op.Key, err)
		}
	}
	if err := pb.Commit(pebble.Sync); err != nil {
		return fmt.Errorf("pebble commit: %w", err)
	}
	return nil
}

// Close implements store.Store.
func (d *DB) Close() error { return d.db.Close() }

// prefixEnd returns the smallest key greater than every key with the prefix,
// or nil (no bound) when the prefix is all 0xff.
func prefixEnd(prefix []byte) []byte {
	end := append([]byte(nil), prefix...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// quietLogger drops Pebble's informational messages ("Found 0 WALs"), which
// would otherwise land on the CLI's stderr; errors and fatal errors still go
// through Pebble's default logger.
type quietLogger struct{}

func (quietLogger) Infof(string, ...any) {}
func (quietLogger) Errorf(format string, args ...any) {
	pebble.DefaultLogger.Errorf(format, args...)
}
func (quietLogger) Fatalf(format string, args ...any) {
	pebble.DefaultLogger.Fatalf(format, args...)
}

// Flush writes the memtable to disk, so that DiskBytes measures tables
// rather than a write-ahead log that has not been compacted yet.
func (d *DB) Flush() error { return d.db.Flush() }

// DiskBytes is the space the database takes on disk: tables, write-ahead
// log and manifests, as Pebble accounts for it.
func (d *DB) DiskBytes() uint64 { return d.db.Metrics().DiskSpaceUsage() }
