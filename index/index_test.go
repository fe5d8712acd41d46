package index

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/store"
	"github.com/storytrace/storytrace/store/pebble"
)

var ctx = context.Background()

func entry(id string, paras ...string) Entry {
	a := extract.Article{ID: id, Paragraphs: paras}
	return Entry{Article: a, Profile: analyze.Analyze(a)}
}

func openIndex(t *testing.T, dir string) (*Index, *pebble.DB) {
	t.Helper()
	db, err := pebble.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	return ix, db
}

var (
	floods = "Floods hit Newton Stewart after the River Cree overflowed; 541,210 sandbags were used."
	budget = "The chancellor's budget raised fuel duty by 3p and cut corporation tax to 28%."
	match  = "Arsenal beat Chelsea 2-1 at the Emirates with a late goal from Thierry Henry."
)

func topID(t *testing.T, ix *Index, text string) string {
	t.Helper()
	q := analyze.AnalyzeText(text)
	cands, err := ix.Candidates(ctx, q, Options{K: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(cands) == 0 {
		return ""
	}
	d, err := ix.Load(ctx, cands[0].Doc)
	if err != nil {
		t.Fatal(err)
	}
	return d.Article.ID
}

func TestAddFindsByBM25AndSurvivesReopen(t *testing.T) {
	dir := t.TempDir()
	ix, db := openIndex(t, dir)
	out, err := ix.Add(ctx, []Entry{entry("floods", floods), entry("budget", budget), entry("match", match)})
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range out {
		if o != Added {
			t.Fatalf("outcome %d = %v, want Added", i, o)
		}
	}
	if got := topID(t, ix, "River Cree floods: 541,210 sandbags"); got != "floods" {
		t.Fatalf("top candidate %q, want floods", got)
	}
	db.Close()

	ix, db = openIndex(t, dir)
	defer db.Close()
	m, _ := ix.Meta(ctx)
	if m.Docs != 3 {
		t.Fatalf("after reopen Docs = %d, want 3", m.Docs)
	}
	if got := topID(t, ix, "fuel duty and corporation tax in the budget"); got != "budget" {
		t.Fatalf("after reopen top candidate %q, want budget", got)
	}
}

func TestReingestReplacesAndDeleteRemoves(t *testing.T) {
	ix, db := openIndex(t, t.TempDir())
	defer db.Close()
	if _, err := ix.Add(ctx, []Entry{entry("a", floods), entry("b", budget)}); err != nil {
		t.Fatal(err)
	}
	// Same id again, with other text, twice in one batch: the last wins.
	out, err := ix.Add(ctx, []Entry{entry("a", budget), entry("a", match)})
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != Replaced || out[1] != Replaced {
		t.Fatalf("outcomes %v, want both Replaced", out)
	}
	m, _ := ix.Meta(ctx)
	if m.Docs != 2 {
		t.Fatalf("Docs = %d after replacing, want 2", m.Docs)
	}
	d, err := ix.Get(ctx, "a")
	if err != nil || d.Article.Paragraphs[0] != match {
		t.Fatalf("Get(a) = %+v, %v; want the last text", d, err)
	}
	// The old text of "a" must no longer be found.
	if got := topID(t, ix, floods); got == "a" {
		t.Fatal("replaced text still retrieved")
	}
	ok, err := ix.Delete(ctx, "b")
	if err != nil || !ok {
		t.Fatalf("Delete(b) = %v, %v", ok, err)
	}
	if _, err := ix.Get(ctx, "b"); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Get(b) after delete: %v, want ErrNotFound", err)
	}
	if got := topID(t, ix, budget); got == "b" {
		t.Fatal("deleted article still retrieved")
	}
	if ok, _ := ix.Delete(ctx, "b"); ok {
		t.Fatal("second Delete(b) reported a deletion")
	}
	m, _ = ix.Meta(ctx)
	if m.Docs != 1 {
		t.Fatalf("Docs = %d, want 1", m.Docs)
	}
}

func TestLSHFindsNearCopy(t *testing.T) {
	ix, db := openIndex(t, t.TempDir())
	defer db.Close()
	long := floods + " " + budget + " " + match + " Officials said repairs would take weeks and cost millions of pounds."
	if _, err := ix.Add(ctx, []Entry{entry("orig", long), entry("other", budget)}); err != nil {
		t.Fatal(err)
	}
	cands, err := ix.Candidates(ctx, analyze.AnalyzeText(long+" Extra."), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cands {
		if c.Doc == 0 && c.Bands > BandCount/2 {
			return
		}
	}
	t.Fatalf("near copy not found through LSH bands: %+v", cands)
}

func TestPostingSegmentsRoundTrip(t *testing.T) {
	a := []posting{{1, 2, 30}, {5, 1, 12}, {400000, 7, 900}}
	b := []posting{{400001, 1, 1}}
	v := appendSegment(appendSegment(nil, a), b)
	got, ok := appendPostings(nil, v)
	if !ok {
		t.Fatal("decode failed")
	}
	want := append(a, b...)
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("entry %d = %v, want %v", i, got[i], want[i])
		}
	}
	if _, ok := appendPostings(nil, v[:len(v)-1]); ok {
		t.Fatal("truncated list decoded without error")
	}
	if _, ok := appendPostings(nil, []byte{0xff, 0xff, 0xff, 0xff, 0x0f}); ok {
		t.Fatal("a segment claiming more entries than bytes decoded without error")
	}
}

func TestEmptyArchiveHasNoCandidates(t *testing.T) {
	ix, db := openIndex(t, t.TempDir())
	defer db.Close()
	c, err := ix.Candidates(ctx, analyze.AnalyzeText(floods), Options{})
	if err != nil || len(c) != 0 {
		t.Fatalf("Candidates on empty archive = %v, %v", c, err)
	}
}

func TestDocRecordRoundTripAndRejectsDamage(t *testing.T) {
	e := entry("seed", floods, budget)
	e.Article.Title = "Floods"
	v, err := encodeDoc(e)
	if err != nil {
		t.Fatal(err)
	}
	d, err := decodeDoc(v)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Profile.Facts) != 0 || len(e.Profile.Facts) == 0 {
		t.Fatalf("facts decoded before DecodeFacts (%d), or none to decode", len(d.Profile.Facts))
	}
	if err := d.DecodeFacts(); err != nil {
		t.Fatal(err)
	}
	if len(d.Profile.Facts) != len(e.Profile.Facts) {
		t.Fatalf("decoded %d facts, want %d", len(d.Profile.Facts), len(e.Profile.Facts))
	}
	for i, f := range e.Profile.Facts {
		if g := d.Profile.Facts[i]; g.Text != f.Text || g.Start != f.Start || g.Kind != f.Kind {
			t.Fatalf("fact %d = %+v, want %+v", i, g, f)
		}
	}
	if d.Article.Title != "Floods" || d.Profile.Text != e.Profile.Text || d.Profile.Length != e.Profile.Length {
		t.Fatalf("decoded %+v", d)
	}
	if len(d.Profile.Sentences) != len(e.Profile.Sentences) || len(d.Profile.Facts) != len(e.Profile.Facts) {
		t.Fatalf("sentences/facts lost: %d/%d", len(d.Profile.Sentences), len(d.Profile.Facts))
	}
	for i, s := range e.Profile.Sentences {
		g := d.Profile.Sentences[i]
		if g.Span != s.Span || len(g.Terms) != len(s.Terms) || (len(s.Terms) > 0 && g.Terms[0] != s.Terms[0]) {
			t.Fatalf("sentence %d = %+v, want %+v", i, g, s)
		}
	}
	for i := range e.Profile.Sketch {
		if d.Profile.Sketch[i] != e.Profile.Sketch[i] {
			t.Fatalf("sketch[%d] differs", i)
		}
	}
	for _, cut := range []int{0, 1, len(v) / 2, len(v) - 1} {
		if _, err := decodeDoc(v[:cut]); err == nil {
			t.Errorf("record cut at %d of %d decoded without error", cut, len(v))
		}
	}
}

// Archives written before record version 3 keep the paragraphs in the
// JSON head; they are read as they are.
func TestDocRecordVersion2IsRead(t *testing.T) {
	e := entry("seed", floods, budget)
	p := *e.Profile
	p.Text, p.Sentences, p.Sketch = "", nil, nil
	head, err := json.Marshal(Doc{Article: e.Article, Profile: &p})
	if err != nil {
		t.Fatal(err)
	}
	v := binary.AppendUvarint([]byte{docRecordVersionV2}, uint64(len(head)))
	v = append(v, head...)
	v = binary.AppendUvarint(v, uint64(len(e.Profile.Sentences)))
	for _, st := range e.Profile.Sentences {
		v = binary.AppendUvarint(v, uint64(st.Start))
		v = binary.AppendUvarint(v, uint64(st.End-st.Start))
		v = binary.AppendUvarint(v, uint64(len(st.Terms)))
		for _, term := range st.Terms {
			v = binary.AppendUvarint(v, uint64(len(term)))
			v = append(v, term...)
		}
	}
	v = binary.AppendUvarint(v, 0) // no sketch
	d, err := decodeDoc(v)
	if err != nil {
		t.Fatal(err)
	}
	if d.Profile.Text != e.Profile.Text || len(d.Article.Paragraphs) != 2 || len(d.Profile.Sentences) != len(e.Profile.Sentences) {
		t.Fatalf("decoded %d paragraphs, %d sentences, text %q", len(d.Article.Paragraphs), len(d.Profile.Sentences), d.Profile.Text)
	}
}

func FuzzDecodeDoc(f *testing.F) {
	v, _ := encodeDoc(entry("x", floods))
	f.Add(v)
	f.Add([]byte{2, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{3, 2, '{', '}', 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		// must not panic or allocate without bound
		if d, err := decodeDoc(b); err == nil {
			_ = d.DecodeFacts()
		}
	})
}

// An archive whose articles were analysed by another version of package
// analyze (or before the version was recorded) is refused with
// ErrStaleAnalysis, not searched with stale terms; an empty one opens.
func TestArchiveFromAnotherAnalysisIsRefused(t *testing.T) {
	dir := t.TempDir()
	ix, db := openIndex(t, dir)
	if _, err := ix.Add(ctx, []Entry{entry("floods", floods)}); err != nil {
		t.Fatal(err)
	}
	m, err := ix.Meta(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Analysis != analyze.Version {
		t.Fatalf("meta records analysis %d, want %d", m.Analysis, analyze.Version)
	}
	for _, old := range []int{0, analyze.Version - 1} {
		stale := m
		stale.Analysis = old
		v, err := json.Marshal(stale)
		if err != nil {
			t.Fatal(err)
		}
		var b store.Batch
		b.Set(keyMeta, v)
		if err := db.Write(ctx, &b); err != nil {
			t.Fatal(err)
		}
		if _, err := Open(ctx, db); !errors.Is(err, ErrStaleAnalysis) {
			t.Errorf("archive analysed with version %d: Open gave %v, want ErrStaleAnalysis", old, err)
		}
	}
	db.Close()
	_, empty := openIndex(t, t.TempDir())
	empty.Close()
}

// FuzzAppendPostings: a posting-list value, damaged in the store or cut
// short, is an error, never a panic nor an allocation beyond its size;
// what decodes re-encodes to the same segment when it is one segment.
func FuzzAppendPostings(f *testing.F) {
	f.Add(appendSegment(nil, []posting{{1, 2, 30}, {5, 1, 12}, {400000, 7, 900}}))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Add([]byte{1, 0x80})
	f.Fuzz(func(t *testing.T, v []byte) {
		ps, ok := appendPostings(nil, v)
		if len(ps) > len(v) {
			t.Fatalf("%d postings from %d bytes", len(ps), len(v))
		}
		if !ok {
			return
		}
		if n, k := binary.Uvarint(v); k > 0 && int(n) == len(ps) {
			again, ok := appendPostings(nil, appendSegment(nil, ps))
			if !ok || len(again) != len(ps) {
				t.Fatalf("re-encoded list decodes to %d postings (ok %v), want %d", len(again), ok, len(ps))
			}
			for i := range ps {
				if again[i] != ps[i] {
					t.Fatalf("posting %d = %+v after a round trip, want %+v", i, again[i], ps[i])
				}
			}
		}
	})
}

// A query's BM25 scores are the same to the last bit however often it is
// asked: a document's score is a sum over the query's terms, and summed in
// map order it differed in its last bits from one call to the next.
func TestBM25ScoresAreTheSameEveryTime(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", "source-original.txt"))
	if err != nil {
		t.Skipf("shared seeds absent: %v", err)
	}
	ix, db := openIndex(t, t.TempDir())
	defer db.Close()
	var entries []Entry
	for i, para := range strings.Split(string(src), "\n") {
		if len(strings.Fields(para)) >= 5 {
			entries = append(entries, entry(fmt.Sprintf("para-%d", i), para))
		}
	}
	if len(entries) < 5 {
		t.Fatalf("%d paragraphs", len(entries))
	}
	if _, err := ix.Add(ctx, entries); err != nil {
		t.Fatal(err)
	}
	q := analyze.AnalyzeText(string(src))
	first, err := ix.Candidates(ctx, q, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, err := ix.Candidates(ctx, q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != len(first) {
			t.Fatalf("%d candidates, then %d", len(first), len(again))
		}
		for i := range first {
			if again[i] != first[i] {
				t.Fatalf("candidate %d: %+v, then %+v", i, first[i], again[i])
			}
		}
	}
}
