package index

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/extract"
	"github.com/storytrace/storytrace/facts"
	"github.com/storytrace/storytrace/store"
)

// Index is the archive over a store. Reads may run concurrently; writes
// (Add, Delete) are serialised by the Index, which is what keeps the meta
// record and the deleted set consistent. One Index per store.
type Index struct {
	st store.Store
	mu sync.Mutex // held by writers
}

// Meta is the archive's summary record.
type Meta struct {
	Format int `json:"format"`
	// Analysis is the analyze.Version the archive's profiles and terms
	// were made with (absent, 0, before the field was written).
	Analysis int    `json:"analysis,omitempty"`
	Docs     int    `json:"docs"`
	Length   int64  `json:"length"`
	Next     uint32 `json:"next"`
}

// Doc is an archived article with its profile.
type Doc struct {
	Num     uint32           `json:"-"`
	Article extract.Article  `json:"article"`
	Profile *analyze.Profile `json:"profile"`
	// facts is the profile's facts as stored, until DecodeFacts reads them.
	facts json.RawMessage
}

// docHead is what a doc record's JSON head decodes into: the profile's
// facts are kept as JSON, for Doc.DecodeFacts.
type docHead struct {
	Article extract.Article `json:"article"`
	Profile *struct {
		analyze.Profile
		Facts json.RawMessage `json:"facts"`
	} `json:"profile"`
}

// Entry is what Add takes: an article and its profile.
type Entry struct {
	Article extract.Article
	Profile *analyze.Profile
}

// Outcome says what Add did with one entry.
type Outcome int

const (
	// Added means the id was new.
	Added Outcome = iota + 1
	// Replaced means an article with the same id was replaced.
	Replaced
)

// ErrStaleAnalysis is returned by Open for an archive whose articles were
// analysed by another version of package analyze.
var ErrStaleAnalysis = errors.New("stale archive")

// Open returns the index kept in st, checking its format and that its
// articles were analysed as this storytrace analyses them.
func Open(ctx context.Context, st store.Store) (*Index, error) {
	ix := &Index{st: st}
	m, err := ix.Meta(ctx)
	if err != nil {
		return nil, err
	}
	if err := m.checkFormat(); err != nil {
		return nil, err
	}
	if m.Docs > 0 && m.Analysis != analyze.Version {
		// Its terms and profiles were made by another analysis: queries
		// analysed now would be matched against stale ones, and results
		// would quietly differ from a fresh archive's.
		return nil, fmt.Errorf("%w: the archive's articles were analysed with version %d of the text analysis, this storytrace uses version %d; they must be analysed again", ErrStaleAnalysis, m.Analysis, analyze.Version)
	}
	return ix, nil
}

// checkFormat reports an archive whose byte layout this storytrace cannot
// read.
func (m Meta) checkFormat() error {
	if m.Format != 0 && m.Format != formatVersion {
		return fmt.Errorf("archive format %d, this storytrace reads format %d", m.Format, formatVersion)
	}
	return nil
}

// Meta returns the archive's summary record (zero for an empty archive).
func (ix *Index) Meta(ctx context.Context) (Meta, error) {
	var m Meta
	v, err := ix.st.Get(ctx, keyMeta)
	if errors.Is(err, store.ErrNotFound) {
		return Meta{Format: formatVersion}, nil
	}
	if err != nil {
		return m, fmt.Errorf("read archive meta: %w", err)
	}
	if err := json.Unmarshal(v, &m); err != nil {
		return m, fmt.Errorf("decode archive meta: %w", err)
	}
	return m, nil
}

func (ix *Index) deleted(ctx context.Context) (*roaring.Bitmap, error) {
	bm := roaring.New()
	v, err := ix.st.Get(ctx, keyDeleted)
	if errors.Is(err, store.ErrNotFound) {
		return bm, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read deleted set: %w", err)
	}
	if _, err := bm.ReadFrom(bytes.NewReader(v)); err != nil {
		return nil, fmt.Errorf("decode deleted set: %w", err)
	}
	return bm, nil
}

type idEntry struct {
	doc    uint32
	length int
}

func (ix *Index) lookupID(ctx context.Context, id string) (idEntry, bool, error) {
	v, err := ix.st.Get(ctx, idKey(id))
	if errors.Is(err, store.ErrNotFound) {
		return idEntry{}, false, nil
	}
	if err != nil {
		return idEntry{}, false, fmt.Errorf("look up id %q: %w", id, err)
	}
	e, err := decodeIDEntry(v)
	if err != nil {
		return idEntry{}, false, fmt.Errorf("look up id %q: %w", id, err)
	}
	return e, true, nil
}

// decodeIDEntry reads an "i" record's value (format in keys.go).
func decodeIDEntry(v []byte) (idEntry, error) {
	if len(v) < 5 {
		return idEntry{}, errors.New("malformed entry")
	}
	n, k := binary.Uvarint(v[4:])
	if k <= 0 {
		return idEntry{}, errors.New("malformed entry")
	}
	return idEntry{doc: binary.BigEndian.Uint32(v), length: int(n)}, nil
}

// Add stores entries in one atomic write: after it returns nil all of them are
// in the archive, and if it fails none is. An entry whose id is already in the
// archive (or earlier in the same call) replaces it.
func (ix *Index) Add(ctx context.Context, entries []Entry) ([]Outcome, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	m, err := ix.Meta(ctx)
	if err != nil {
		return nil, err
	}
	del, err := ix.deleted(ctx)
	if err != nil {
		return nil, err
	}
	var b store.Batch
	outcomes := make([]Outcome, len(entries))
	inBatch := map[string]idEntry{}
	postings := map[string][]posting{}
	for i, e := range entries {
		id := e.Article.ID
		if id == "" {
			return nil, fmt.Errorf("add %s: article has no id", e.Article.Input)
		}
		old, ok := inBatch[id]
		if !ok {
			old, ok, err = ix.lookupID(ctx, id)
			if err != nil {
				return nil, err
			}
		}
		outcomes[i] = Added
		if ok {
			outcomes[i] = Replaced
			del.Add(old.doc)
			b.Delete(docKey(old.doc))
			m.Docs--
			m.Length -= int64(old.length)
		}
		doc := m.Next
		m.Next++
		m.Docs++
		m.Length += int64(e.Profile.Length)
		inBatch[id] = idEntry{doc: doc, length: e.Profile.Length}

		rec, err := encodeDoc(e)
		if err != nil {
			return nil, fmt.Errorf("add %s: %w", id, err)
		}
		b.Set(docKey(doc), rec)
		idv := binary.BigEndian.AppendUint32(nil, doc)
		b.Set(idKey(id), binary.AppendUvarint(idv, uint64(e.Profile.Length)))
		for term, tf := range e.Profile.Terms() {
			postings[term] = append(postings[term], posting{doc: doc, tf: uint32(tf), length: uint32(e.Profile.Length)})
		}
		for band, h := range Bands(e.Profile.Sketch) {
			b.Append(bandKey(band, h), binary.BigEndian.AppendUint32(nil, doc))
		}
	}
	// Doc numbers were assigned in increasing order, so each term's list is
	// already sorted, as a segment requires.
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	for _, t := range terms {
		b.Append(postingKey(t), appendSegment(nil, postings[t]))
		b.Append(dfKey(t), binary.BigEndian.AppendUint32(nil, uint32(len(postings[t]))))
	}
	if err := ix.writeMeta(&b, m, del); err != nil {
		return nil, err
	}
	if err := ix.st.Write(ctx, &b); err != nil {
		return nil, fmt.Errorf("write %d articles: %w", len(entries), err)
	}
	return outcomes, nil
}

func (ix *Index) writeMeta(b *store.Batch, m Meta, del *roaring.Bitmap) error {
	m.Format, m.Analysis = formatVersion, analyze.Version
	mv, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("encode meta: %w", err)
	}
	b.Set(keyMeta, mv)
	var buf bytes.Buffer
	del.RunOptimize()
	if _, err := del.WriteTo(&buf); err != nil {
		return fmt.Errorf("encode deleted set: %w", err)
	}
	b.Set(keyDeleted, buf.Bytes())
	return nil
}

// Delete removes the article with the given id. It reports whether there was
// one.
func (ix *Index) Delete(ctx context.Context, id string) (bool, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	old, ok, err := ix.lookupID(ctx, id)
	if err != nil || !ok {
		return false, err
	}
	m, err := ix.Meta(ctx)
	if err != nil {
		return false, err
	}
	del, err := ix.deleted(ctx)
	if err != nil {
		return false, err
	}
	del.Add(old.doc)
	m.Docs--
	m.Length -= int64(old.length)
	var b store.Batch
	b.Delete(idKey(id))
	b.Delete(docKey(old.doc))
	if err := ix.writeMeta(&b, m, del); err != nil {
		return false, err
	}
	if err := ix.st.Write(ctx, &b); err != nil {
		return false, fmt.Errorf("delete %s: %w", id, err)
	}
	return true, nil
}

// Get returns the live article with the given id, or store.ErrNotFound.
func (ix *Index) Get(ctx context.Context, id string) (*Doc, error) {
	e, ok, err := ix.lookupID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("article %q: %w", id, store.ErrNotFound)
	}
	return ix.Load(ctx, e.doc)
}

// Load returns the doc record with the given number.
func (ix *Index) Load(ctx context.Context, num uint32) (*Doc, error) {
	d, err := ix.LoadWithoutFacts(ctx, num)
	if err != nil {
		return nil, err
	}
	if err := d.DecodeFacts(); err != nil {
		return nil, err
	}
	return d, nil
}

// LoadWithoutFacts returns the doc record with the given number, its
// profile's facts left undecoded until DecodeFacts. A trace aligns twenty
// candidates and compares the facts of the three it reports: decoding
// every candidate's facts was a tenth of a trace.
func (ix *Index) LoadWithoutFacts(ctx context.Context, num uint32) (*Doc, error) {
	v, err := ix.st.Get(ctx, docKey(num))
	if err != nil {
		return nil, fmt.Errorf("load doc %d: %w", num, err)
	}
	d, err := decodeDoc(v)
	if err != nil {
		return nil, fmt.Errorf("load doc %d: %w", num, err)
	}
	d.Num = num
	return d, nil
}

// DecodeFacts fills the profile's facts of a doc from LoadWithoutFacts;
// it does nothing when they are decoded already, or for a nil doc (a
// text compared without an archive).
func (d *Doc) DecodeFacts() error {
	if d == nil || d.facts == nil {
		return nil
	}
	var fs []facts.Fact
	if err := json.Unmarshal(d.facts, &fs); err != nil {
		return fmt.Errorf("load doc %d: facts: %w", d.Num, err)
	}
	d.Profile.Facts, d.facts = fs, nil
	return nil
}

// IDs calls fn with every live article id, in id order.
func (ix *Index) IDs(ctx context.Context, fn func(id string) error) error {
	return ix.st.Scan(ctx, []byte("i"), func(k, _ []byte) error { return fn(string(k[1:])) })
}

// Stored calls fn with every live article of the archive kept in st, in
// id order, whatever version of the text analysis made its terms: the
// articles as ingested are all that re-analysing them needs, so an archive
// Open refuses as stale can be ingested again from itself. An error from
// fn stops the scan and is returned.
func Stored(ctx context.Context, st store.Store, fn func(extract.Article) error) error {
	ix := &Index{st: st}
	m, err := ix.Meta(ctx)
	if err != nil {
		return err
	}
	if err := m.checkFormat(); err != nil {
		return err
	}
	return st.Scan(ctx, []byte("i"), func(k, v []byte) error {
		e, err := decodeIDEntry(v)
		if err != nil {
			return fmt.Errorf("article %q: %w", k[1:], err)
		}
		d, err := ix.LoadWithoutFacts(ctx, e.doc) // the article is all re-analysing needs
		if err != nil {
			return fmt.Errorf("article %q: %w", k[1:], err)
		}
		return fn(d.Article)
	})
}

// encodeDoc writes a doc record (format in keys.go): the article and the
// profile as JSON, except the profile's sentences and sketch, which are most
// of its bytes and of its decoding time, in a compact binary form.
func encodeDoc(e Entry) ([]byte, error) {
	p := *e.Profile
	p.Text = "" // rebuilt from the paragraphs on load
	sentences, sketch := p.Sentences, p.Sketch
	p.Sentences, p.Sketch = nil, nil
	a := e.Article
	paragraphs := a.Paragraphs
	a.Paragraphs = nil
	head, err := json.Marshal(Doc{Article: a, Profile: &p})
	if err != nil {
		return nil, err
	}
	size := len(head) + 16*len(sentences) + 8*len(sketch) + 64
	for _, para := range paragraphs {
		size += len(para) + 4
	}
	out := make([]byte, 0, size)
	out = append(out, docRecordVersion)
	out = binary.AppendUvarint(out, uint64(len(head)))
	out = append(out, head...)
	out = binary.AppendUvarint(out, uint64(len(paragraphs)))
	for _, para := range paragraphs {
		out = binary.AppendUvarint(out, uint64(len(para)))
		out = append(out, para...)
	}
	out = binary.AppendUvarint(out, uint64(len(sentences)))
	for _, st := range sentences {
		out = binary.AppendUvarint(out, uint64(st.Start))
		out = binary.AppendUvarint(out, uint64(st.End-st.Start))
		out = binary.AppendUvarint(out, uint64(len(st.Terms)))
		for _, t := range st.Terms {
			out = binary.AppendUvarint(out, uint64(len(t)))
			out = append(out, t...)
		}
	}
	out = binary.AppendUvarint(out, uint64(len(sketch)))
	for _, v := range sketch {
		out = binary.LittleEndian.AppendUint64(out, v)
	}
	return out, nil
}

// docRecordVersion is the first byte of a doc record. Version 2 kept the
// paragraphs in the JSON head; decoding them was an eighth of a trace's
// time, so version 3 writes them apart, as raw bytes. Both are read.
const (
	docRecordVersion   = 3
	docRecordVersionV2 = 2
)

var errRecord = errors.New("malformed doc record")

func decodeDoc(v []byte) (*Doc, error) {
	if len(v) == 0 || (v[0] != docRecordVersion && v[0] != docRecordVersionV2) {
		return nil, fmt.Errorf("%w: unknown version", errRecord)
	}
	r := recordReader{b: v[1:]}
	head := r.bytes()
	if r.err != nil {
		return nil, r.err
	}
	var h docHead
	if err := json.Unmarshal(head, &h); err != nil {
		return nil, err
	}
	if h.Profile == nil {
		return nil, errors.New("record has no profile")
	}
	d := Doc{Article: h.Article, Profile: &h.Profile.Profile, facts: h.Profile.Facts}
	if string(d.facts) == "null" {
		d.facts = nil
	}
	if v[0] == docRecordVersion {
		n := r.uvarint()
		if n > uint64(len(r.b)) {
			return nil, errRecord
		}
		d.Article.Paragraphs = make([]string, n)
		for i := range d.Article.Paragraphs {
			d.Article.Paragraphs[i] = string(r.bytes())
		}
	}
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		return nil, errRecord
	}
	d.Profile.Sentences = make([]analyze.Sentence, n)
	for i := range d.Profile.Sentences {
		st := &d.Profile.Sentences[i]
		st.Start = int(r.uvarint())
		st.End = st.Start + int(r.uvarint())
		nt := r.uvarint()
		if nt > uint64(len(r.b)) {
			return nil, errRecord
		}
		st.Terms = make([]string, nt)
		for j := range st.Terms {
			st.Terms[j] = string(r.bytes())
		}
	}
	ns := r.uvarint()
	if ns > uint64(len(r.b))/8 {
		return nil, errRecord
	}
	d.Profile.Sketch = make([]uint64, ns)
	for i := range d.Profile.Sketch {
		d.Profile.Sketch[i] = binary.LittleEndian.Uint64(r.b[8*i:])
	}
	if r.err != nil {
		return nil, r.err
	}
	d.Profile.Text = d.Article.Text()
	return &d, nil
}

// recordReader reads varints and length-prefixed bytes, remembering the
// first error so callers check once.
type recordReader struct {
	b   []byte
	err error
}

func (r *recordReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	x, k := binary.Uvarint(r.b)
	if k <= 0 {
		r.err = errRecord
		return 0
	}
	r.b = r.b[k:]
	return x
}

func (r *recordReader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b)) {
		r.err = errRecord
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}
