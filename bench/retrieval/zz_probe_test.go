package retrieval

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/index"
	"github.com/storytrace/storytrace/store/pebble"
	"github.com/storytrace/storytrace/trace"
)

func TestZZProbe(t *testing.T) {
	out := os.Getenv("PROBE")
	if out == "" {
		t.Skip()
	}
	ctx := context.Background()
	env := &suite.Env{Shared: "../../../shared", TempDir: t.TempDir()}
	_, queries, err := load(env)
	if err != nil {
		t.Fatal(err)
	}
	db, err := pebble.Open(os.Getenv("ARCHIVE"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ix, err := index.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := os.Create(out)
	defer f.Close()
	enc := json.NewEncoder(f)
	sets := os.Getenv("SETS")
	for _, q := range queries {
		if !strings.Contains(sets, q.Set) {
			continue
		}
		a := extract.Article{ID: q.ID, Paragraphs: []string{q.Text}}
		r, err := trace.Trace(ctx, ix, a, trace.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rec := map[string]any{"id": q.ID, "src": q.Source, "set": q.Set, "group": q.Group, "label": q.Label, "withheld": q.withheld, "fit": q.fit, "qtext": q.Text}
		var srcs []map[string]any
		for _, s := range r.Sources {
			d := s.Decision
			srcs = append(srcs, map[string]any{"id": s.Article.ID, "ok": q.accept[s.Article.ID], "verdict": d.Verdict, "derived": d.Verdict.Derived(), "p": audit.DefaultModel.Probability(d.Evidence), "rule": d.Rule, "conf": d.Confidence, "ev": d.Evidence, "rank": s.Rank})
		}
		rec["sources"] = srcs
		enc.Encode(rec)
	}
}
