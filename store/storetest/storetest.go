// Package storetest is the conformance suite every store engine passes:
// the same tests, run against each engine's real backend.
package storetest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/storytrace/storytrace/store"
)

// Run runs the suite. open returns a new, empty store; the suite closes it.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"GetMissingIsErrNotFound", getMissing},
		{"SetThenGet", setThenGet},
		{"AppendConcatenatesInOrder", appendConcatenates},
		{"AppendAfterSetExtendsValue", appendAfterSet},
		{"DeleteRemoves", deleteRemoves},
		{"ScanVisitsPrefixInOrder", scanPrefix},
		{"ScanPrefixOfAllFF", scanFF},
		{"BatchIsAllOrNothingOnCancelledContext", batchCancelled},
		{"GetReturnsCallersCopy", getCopy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
}

var ctx = context.Background()

func mustWrite(t *testing.T, s store.Store, b *store.Batch) {
	t.Helper()
	if err := s.Write(ctx, b); err != nil {
		t.Fatalf("Write: %v", err)
	}
}

func mustGet(t *testing.T, s store.Store, key string, want string) {
	t.Helper()
	v, err := s.Get(ctx, []byte(key))
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	if string(v) != want {
		t.Fatalf("Get(%q) = %q, want %q", key, v, want)
	}
}

func getMissing(t *testing.T, s store.Store) {
	_, err := s.Get(ctx, []byte("nope"))
	if !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(missing) error = %v, want ErrNotFound", err)
	}
}

func setThenGet(t *testing.T, s store.Store) {
	var b store.Batch
	b.Set([]byte("a"), []byte("1"))
	b.Set([]byte("b"), []byte("2"))
	b.Set([]byte("a"), []byte("3")) // later op in the same batch wins
	mustWrite(t, s, &b)
	mustGet(t, s, "a", "3")
	mustGet(t, s, "b", "2")
}

func appendConcatenates(t *testing.T, s store.Store) {
	for i := 0; i < 5; i++ {
		var b store.Batch
		b.Append([]byte("p"), []byte{byte('0' + i)})
		if i == 2 {
			b.Append([]byte("p"), []byte("x"))
		}
		mustWrite(t, s, &b)
	}
	mustGet(t, s, "p", "012x34")
}

func appendAfterSet(t *testing.T, s store.Store) {
	var b store.Batch
	b.Set([]byte("k"), []byte("base"))
	mustWrite(t, s, &b)
	b = store.Batch{}
	b.Append([]byte("k"), []byte("+more"))
	mustWrite(t, s, &b)
	mustGet(t, s, "k", "base+more")
	b = store.Batch{}
	b.Set([]byte("k"), []byte("reset"))
	mustWrite(t, s, &b)
	mustGet(t, s, "k", "reset")
}

func deleteRemoves(t *testing.T, s store.Store) {
	var b store.Batch
	b.Set([]byte("k"), []byte("v"))
	b.Append([]byte("l"), []byte("v"))
	mustWrite(t, s, &b)
	b = store.Batch{}
	b.Delete([]byte("k"))
	b.Delete([]byte("l"))
	mustWrite(t, s, &b)
	for _, k := range []string{"k", "l"} {
		if _, err := s.Get(ctx, []byte(k)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Get(%q) after delete: %v, want ErrNotFound", k, err)
		}
	}
	b = store.Batch{}
	b.Append([]byte("l"), []byte("new"))
	mustWrite(t, s, &b)
	mustGet(t, s, "l", "new") // an append after a delete starts from empty
}

func scanPrefix(t *testing.T, s store.Store) {
	var b store.Batch
	for _, k := range []string{"i/b", "i/a", "h/z", "i/c", "j/a", "i"} {
		b.Set([]byte(k), []byte("v"+k))
	}
	mustWrite(t, s, &b)
	var got []string
	err := s.Scan(ctx, []byte("i/"), func(k, v []byte) error {
		if !bytes.Equal(v, append([]byte("v"), k...)) {
			return fmt.Errorf("value of %q = %q", k, v)
		}
		got = append(got, string(k))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[i/a i/b i/c]" {
		t.Fatalf("Scan(i/) = %v, want [i/a i/b i/c]", got)
	}
	stop := errors.New("stop")
	n := 0
	err = s.Scan(ctx, []byte("i/"), func(k, v []byte) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Fatalf("Scan with a failing callback: err %v after %d keys, want stop after 1", err, n)
	}
}

func scanFF(t *testing.T, s store.Store) {
	var b store.Batch
	b.Set([]byte{0xff, 0xff}, []byte("x"))
	b.Set([]byte{0xff, 0xff, 1}, []byte("y"))
	b.Set([]byte{0xfe}, []byte("z"))
	mustWrite(t, s, &b)
	n := 0
	if err := s.Scan(ctx, []byte{0xff, 0xff}, func(k, v []byte) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("Scan(ffff) visited %d keys, want 2", n)
	}
}

func batchCancelled(t *testing.T, s store.Store) {
	c, cancel := context.WithCancel(ctx)
	cancel()
	var b store.Batch
	b.Set([]byte("a"), []byte("1"))
	b.Append([]byte("p"), []byte("1"))
	if err := s.Write(c, &b); err == nil {
		t.Fatal("Write with a cancelled context succeeded")
	}
	for _, k := range []string{"a", "p"} {
		if _, err := s.Get(ctx, []byte(k)); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("key %q visible after a failed batch: %v", k, err)
		}
	}
}

func getCopy(t *testing.T, s store.Store) {
	var b store.Batch
	b.Set([]byte("k"), []byte("value"))
	mustWrite(t, s, &b)
	v, _ := s.Get(ctx, []byte("k"))
	v[0] = 'X'
	mustGet(t, s, "k", "value")
}
