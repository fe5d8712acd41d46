// Package ingest feeds documents into the archive: inputs are read and
// extracted one at a time, articles are analysed in parallel, and the
// results are written in batches, each batch one atomic write.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/store"
)

// Options tune Run. The zero value uses the defaults.
type Options struct {
	Extract extract.Options
	// BatchSize is how many articles go into one atomic write (default 256).
	// Larger batches ingest faster; an article is acknowledged (counted as
	// added) only once its batch is written.
	BatchSize int
	// Workers is the number of analysis goroutines (default GOMAXPROCS).
	Workers int
	// Progress, if set, is called after each batch with the running summary.
	Progress func(Summary)
}

// Summary counts what a run did.
type Summary struct {
	Added    int
	Replaced int
	// Failed lists every input, line or article that could not be ingested,
	// each error naming it.
	Failed []error
}

// Run ingests every input into ix. Failures of single inputs are collected in
// the summary and the rest goes on; the returned error is for what stops the
// whole run (a store write failing, ctx cancelled). Articles written before a
// failure stay written.
func Run(ctx context.Context, ix *index.Index, inputs []extract.Input, opt Options) (Summary, error) {
	return run(ctx, ix, opt, func(ctx context.Context, emit func(extract.Article) error, fail func(error)) error {
		return extract.ReadAll(ctx, inputs, opt.Extract, emit, fail)
	})
}

// Articles ingests articles already in memory (the benchmark's data sets),
// through the same analysis pool and atomic batches as Run.
func Articles(ctx context.Context, ix *index.Index, articles []extract.Article, opt Options) (Summary, error) {
	return run(ctx, ix, opt, func(ctx context.Context, emit func(extract.Article) error, _ func(error)) error {
		for _, a := range articles {
			if err := emit(a); err != nil {
				return err
			}
		}
		return nil
	})
}

// Stored ingests into ix every article of the archive kept in from,
// analysed afresh (index.Stored): how an archive built by another version
// of the text analysis is brought up to date.
func Stored(ctx context.Context, ix *index.Index, from store.Store, opt Options) (Summary, error) {
	return run(ctx, ix, opt, func(ctx context.Context, emit func(extract.Article) error, _ func(error)) error {
		return index.Stored(ctx, from, emit)
	})
}

// produceFunc sends articles to emit and reports per-input failures to
// fail; an error it returns stops the run.
type produceFunc func(ctx context.Context, emit func(extract.Article) error, fail func(error)) error

func run(ctx context.Context, ix *index.Index, opt Options, produce produceFunc) (Summary, error) {
	if opt.BatchSize <= 0 {
		opt.BatchSize = 256
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	var sum Summary
	var mu sync.Mutex // guards sum.Failed while reading and analysing run concurrently
	fail := func(err error) {
		mu.Lock()
		sum.Failed = append(sum.Failed, err)
		mu.Unlock()
	}

	// Articles are numbered as read and written in that order, whichever
	// worker finishes first: an archive built twice from the same inputs
	// is the same archive (doc numbers break ties between candidates), and
	// of two articles with one id the later input is the one kept.
	type numbered struct {
		n     int
		a     extract.Article
		entry *index.Entry // nil when the article has no words to index
	}
	articles := make(chan numbered, 4*opt.Workers)
	entries := make(chan numbered, 4*opt.Workers)
	read := 0 // touched by the reading goroutine only
	emit := func(a extract.Article) error {
		select {
		case articles <- numbered{n: read, a: a}:
			read++
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	var readErr error
	go func() {
		defer close(articles)
		readErr = produce(ctx, emit, fail)
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stems := analyze.NewStems() // this worker's: a memo is not shared between goroutines
			for it := range articles {
				if p := stems.Analyze(it.a); p.Length > 0 {
					it.entry = &index.Entry{Article: it.a, Profile: p}
				} else {
					fail(&extract.InputError{Input: it.a.Input, Err: errors.New("no words to index")})
				}
				select {
				case entries <- it:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(entries) }()

	var batch []index.Entry
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		outcomes, err := ix.Add(ctx, batch)
		if err != nil {
			return err
		}
		for _, o := range outcomes {
			if o == index.Replaced {
				sum.Replaced++
			} else {
				sum.Added++
			}
		}
		batch = batch[:0]
		if opt.Progress != nil {
			mu.Lock()
			s := sum
			mu.Unlock()
			opt.Progress(s)
		}
		return nil
	}
	pending := map[int]numbered{}
	next := 0
	for it := range entries {
		pending[it.n] = it
		for ; ; next++ {
			it, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if it.entry == nil {
				continue
			}
			batch = append(batch, *it.entry)
			if len(batch) >= opt.BatchSize {
				if err := flush(); err != nil {
					cancel()
					drain(entries)
					return sum, fmt.Errorf("ingest: %w", err)
				}
			}
		}
	}
	if err := flush(); err != nil {
		return sum, fmt.Errorf("ingest: %w", err)
	}
	if readErr != nil {
		return sum, readErr
	}
	return sum, ctx.Err()
}

func drain[T any](c <-chan T) {
	for range c {
	}
}
