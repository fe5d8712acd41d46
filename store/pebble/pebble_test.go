package pebble

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"testing"
	"time"

	"github.com/storytrace/storytrace/store"
	"github.com/storytrace/storytrace/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		db, err := Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return db
	})
}

func TestReopenKeepsData(t *testing.T) {
	dir := t.TempDir()
	db, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b store.Batch
	b.Set([]byte("k"), []byte("v"))
	b.Append([]byte("p"), []byte("ab"))
	if err := db.Write(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	b = store.Batch{}
	b.Append([]byte("p"), []byte("cd"))
	if err := db.Write(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	v, err := db.Get(context.Background(), []byte("p"))
	if err != nil || string(v) != "abcd" {
		t.Fatalf("after reopen Get(p) = %q, %v; want abcd", v, err)
	}
}

// crashChildEnv makes the test binary act as a writer that is killed
// mid-stream: it writes batches forever, printing each acknowledged one.
const crashChildEnv = "STORYTRACE_PEBBLE_CRASH_CHILD"

// TestCrashLeavesWholeBatches kills a writer process with SIGKILL while it
// writes, reopens the store, and checks the atomicity invariant: every batch
// the writer acknowledged is fully present, and no batch is partly present.
// Each batch i sets 50 keys "b<i>/<j>" and appends i to a shared list.
func TestCrashLeavesWholeBatches(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashLeavesWholeBatches$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := -1
	buf := make([]byte, 0, 64)
	deadline := time.Now().Add(20 * time.Second)
	one := make([]byte, 1)
	for acked < 30 && time.Now().Before(deadline) {
		if _, err := out.Read(one); err != nil {
			break
		}
		if one[0] == '\n' {
			acked, _ = strconv.Atoi(string(buf))
			buf = buf[:0]
			continue
		}
		buf = append(buf, one[0])
	}
	_ = cmd.Process.Kill()
	_ = cmd.Wait()
	if acked < 0 {
		t.Fatal("writer acknowledged no batch")
	}

	db, err := Open(dir)
	if err != nil {
		t.Fatalf("reopen after crash: %v", err)
	}
	defer db.Close()
	ctx := context.Background()
	list, err := db.Get(ctx, []byte("list"))
	if err != nil {
		t.Fatalf("list after crash: %v", err)
	}
	batches := len(list) / 4
	if batches <= acked {
		t.Fatalf("%d batches present after crash, but %d were acknowledged", batches, acked+1)
	}
	for i := 0; i < batches; i++ {
		if got := binary.BigEndian.Uint32(list[4*i:]); got != uint32(i) {
			t.Fatalf("list entry %d = %d", i, got)
		}
	}
	// Every batch in the list has all its keys; the next one has none.
	for i := 0; i <= batches; i++ {
		n := 0
		err := db.Scan(ctx, []byte(fmt.Sprintf("b%06d/", i)), func(k, v []byte) error { n++; return nil })
		if err != nil {
			t.Fatal(err)
		}
		want := 50
		if i == batches {
			want = 0
		}
		if n != want {
			t.Fatalf("batch %d has %d of its keys after crash, want %d (batches in list: %d)", i, n, want, batches)
		}
	}
}

func crashChild(dir string) {
	db, err := Open(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	value := make([]byte, 2048)
	for i := 0; ; i++ {
		var b store.Batch
		for j := 0; j < 50; j++ {
			b.Set([]byte(fmt.Sprintf("b%06d/%02d", i, j)), value)
		}
		b.Append([]byte("list"), binary.BigEndian.AppendUint32(nil, uint32(i)))
		if err := db.Write(context.Background(), &b); err != nil {
			if errors.Is(err, context.Canceled) {
				return
			}
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		fmt.Printf("%d\n", i)
	}
}
