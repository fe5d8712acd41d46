// Package store is the key-value interface the archive is kept in, and the
// conformance tests every engine must pass. Engines live in sub-packages:
// store/pebble (embedded, the default).
//
// The interface is small on purpose: what the index needs and no more. Keys
// and values are opaque bytes; the index package documents what it puts in
// them.
package store

import (
	"context"
	"errors"
)

// ErrNotFound is returned by Get when a key has no value.
var ErrNotFound = errors.New("store: key not found")

// Store is an ordered key-value store with atomic batches.
type Store interface {
	// Get returns the value of key, or ErrNotFound. The returned slice is the
	// caller's.
	Get(ctx context.Context, key []byte) ([]byte, error)
	// Scan calls fn for each key with the given prefix, in key order. The
	// slices passed to fn are valid only during the call.
	Scan(ctx context.Context, prefix []byte, fn func(key, value []byte) error) error
	// Write applies every operation of b atomically and durably: after Write
	// returns nil, a crash loses none of it; if it returns an error or the
	// process dies during it, none of it is visible.
	Write(ctx context.Context, b *Batch) error
	// Close releases the store.
	Close() error
}

// OpKind is what a batch operation does.
type OpKind uint8

const (
	// OpSet replaces the value of a key.
	OpSet OpKind = iota + 1
	// OpDelete removes a key.
	OpDelete
	// OpAppend adds bytes to the end of a key's value (an absent key counts as
	// empty). Posting lists grow by appending, so adding an article never reads
	// and rewrites the lists it joins.
	OpAppend
)

// Op is one operation of a batch.
type Op struct {
	Kind  OpKind
	Key   []byte
	Value []byte
}

// Batch collects operations to apply together. The zero value is empty and
// ready to use.
type Batch struct {
	Ops []Op
}

// Set adds a set of key to value.
func (b *Batch) Set(key, value []byte) { b.Ops = append(b.Ops, Op{OpSet, key, value}) }

// Delete adds a deletion of key.
func (b *Batch) Delete(key []byte) { b.Ops = append(b.Ops, Op{OpDelete, key, nil}) }

// Append adds an append of value to key.
func (b *Batch) Append(key, value []byte) { b.Ops = append(b.Ops, Op{OpAppend, key, value}) }

// Len is the number of operations.
func (b *Batch) Len() int { return len(b.Ops) }
