// Package index is the archive: articles with their profiles, and the two
// retrieval structures that propose candidate sources for a query — BM25
// posting lists over terms (finds rewrites and paraphrases) and MinHash-LSH
// bands over word shingles (finds copies). Everything lives in a store.Store;
// nothing is rebuilt in memory at start-up.
//
// # On-store format (version 2)
//
// Whoever changes this format changes this comment first, and bumps
// formatVersion. Integers are big-endian unless said otherwise; "uvarint" is
// encoding/binary's unsigned varint. Doc numbers are uint32, assigned in
// increasing order and never reused: replacing an article gives it a new
// number and marks the old one deleted.
//
//	"m"                   meta: JSON {"format":1,"docs":live articles,
//	                      "length":sum of live articles' term counts,
//	                      "next":next doc number}
//	"x"                   deleted doc numbers: a roaring bitmap
//	                      (RoaringBitmap portable serialisation)
//	"i" id                the live doc number of article id:
//	                      4 bytes doc number, then uvarint term count
//	"d" docnum(4)         the doc record: byte 3 (record version), uvarint n,
//	                      n bytes of JSON {"article":extract.Article without
//	                      its paragraphs, "profile":analyze.Profile without
//	                      its text (the article's paragraphs joined),
//	                      sentences and sketch}; then the paragraphs: uvarint
//	                      count, each uvarint length + bytes (version 2, still
//	                      read, kept them in the JSON and has no such block);
//	                      then the sentences: uvarint count, each uvarint
//	                      start, uvarint length, uvarint term count, each term
//	                      uvarint length + bytes; then the sketch: uvarint
//	                      count, each value 8 bytes little-endian
//	"p" term              the term's posting list: a concatenation of
//	                      segments, one appended per ingest batch. A segment
//	                      is uvarint n, then n entries of (uvarint doc-number
//	                      delta from the previous entry of the segment — the
//	                      first from 0 —, uvarint term frequency, uvarint
//	                      document term count)
//	"f" term              the term's document frequency, as appended 4-byte
//	                      counts (one per ingest batch holding the term) to
//	                      be summed; deleted articles are not subtracted. A
//	                      query reads it before deciding whether the term's
//	                      posting list is worth reading (see bm25).
//	"b" band(1) hash(8)   the LSH bucket: concatenated 4-byte doc numbers of
//	                      the articles whose sketch rows of that band hash to
//	                      hash (xxh3 of the rows' 8-byte values)
//
// It would suffice to keep one key per (term, doc) pair and scan by prefix.
// However, appending one segment per batch to a single key is what Pebble's
// merge operator and Redis's APPEND both do natively, a query then reads one
// value per term instead of iterating thousands of keys, and the document
// length travels in the posting so BM25 needs no second lookup per document.
// Roaring bitmaps hold the deleted set, which is read whole by every query and
// must stay small; posting lists need a frequency per document, which a
// bitmap cannot carry.
//
// Deleted and replaced articles leave their old postings behind; queries
// filter them through the deleted set. A compaction that rewrites posting
// lists without them is future work.
package index

import (
	"encoding/binary"
)

const formatVersion = 2

var (
	keyMeta    = []byte("m")
	keyDeleted = []byte("x")
)

func idKey(id string) []byte { return append([]byte("i"), id...) }

func docKey(doc uint32) []byte {
	k := make([]byte, 5)
	k[0] = 'd'
	binary.BigEndian.PutUint32(k[1:], doc)
	return k
}

func postingKey(term string) []byte { return append([]byte("p"), term...) }

func dfKey(term string) []byte { return append([]byte("f"), term...) }

// sumCounts adds up a value of appended 4-byte counts.
func sumCounts(v []byte) int {
	n := 0
	for i := 0; i+4 <= len(v); i += 4 {
		n += int(binary.BigEndian.Uint32(v[i:]))
	}
	return n
}

func bandKey(band int, hash uint64) []byte {
	k := make([]byte, 10)
	k[0] = 'b'
	k[1] = byte(band)
	binary.BigEndian.PutUint64(k[2:], hash)
	return k
}

// posting is one entry of a posting list.
type posting struct {
	doc    uint32
	tf     uint32
	length uint32
}

// appendSegment encodes ps (sorted by doc) as one segment.
func appendSegment(dst []byte, ps []posting) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(ps)))
	prev := uint32(0)
	for _, p := range ps {
		dst = binary.AppendUvarint(dst, uint64(p.doc-prev))
		dst = binary.AppendUvarint(dst, uint64(p.tf))
		dst = binary.AppendUvarint(dst, uint64(p.length))
		prev = p.doc
	}
	return dst
}

// appendPostings decodes every segment of a posting-list value onto dst.
// It reports false if the value is malformed. Posting lists are the bulk
// of what a query reads, and most of their numbers (gaps between nearby
// doc numbers, term frequencies) fit in one byte, so that case is read
// without a call.
func appendPostings(dst []posting, v []byte) ([]posting, bool) {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || n > uint64(len(v)-k)/3 {
			return dst, false // each entry takes at least 3 bytes
		}
		v = v[k:]
		prev := uint64(0)
		for i := uint64(0); i < n; i++ {
			var vals [3]uint64
			for j := range vals {
				if len(v) > 0 && v[0] < 0x80 {
					vals[j] = uint64(v[0])
					v = v[1:]
					continue
				}
				x, k := binary.Uvarint(v)
				if k <= 0 {
					return dst, false
				}
				vals[j] = x
				v = v[k:]
			}
			prev += vals[0]
			dst = append(dst, posting{doc: uint32(prev), tf: uint32(vals[1]), length: uint32(vals[2])})
		}
	}
	return dst, true
}
