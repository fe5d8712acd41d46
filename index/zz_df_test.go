package index

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/store/pebble"
)

func TestZZDF(t *testing.T) {
	if os.Getenv("ZZDF") == "" {
		t.Skip()
	}
	db, err := pebble.Open("/tmp/arch9")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ix, _ := Open(context.Background(), db)
	m, _ := ix.Meta(context.Background())
	t.Logf("docs %d", m.Docs)
	for _, w := range strings.Fields(os.Getenv("ZZDF")) {
		term := analyze.Term(analyze.Normalize(w))
		v, err := db.Get(context.Background(), dfKey(term))
		if err != nil {
			t.Logf("%s: %v", term, err)
			continue
		}
		t.Logf("%s (%s): df %d skip %v", w, term, sumCounts(v), sumCounts(v) > m.Docs/10)
	}
}
