package alignment

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
)

// PANDir is the PAN13 no-obfuscation corpus inside the shared folder.
const PANDir = "data/pan13-text-alignment-02-no-obfuscation"

// PANPair is one suspicious/source document pair with its truth.
type PANPair struct {
	Susp, Src         string // file names
	SuspText, SrcText string
	// Cases are the truth passages re-anchored in these texts (see
	// Reanchor); Raw are the offsets as the XML gives them.
	Cases, Raw []Annotation
	// Drift is, per case, how far the re-anchored start moved from the
	// given one in the suspicious and the source text; Failed counts
	// cases that could not be re-anchored and kept their raw offsets.
	Drift  [][2]int
	Failed int
}

type panTruth struct {
	Reference string `xml:"reference,attr"`
	Features  []struct {
		Name         string `xml:"name,attr"`
		ThisOffset   int    `xml:"this_offset,attr"`
		ThisLength   int    `xml:"this_length,attr"`
		SourceRef    string `xml:"source_reference,attr"`
		SourceOffset int    `xml:"source_offset,attr"`
		SourceLength int    `xml:"source_length,attr"`
	} `xml:"feature"`
}

// LoadPAN reads the pairs list, the texts and the truth files, and
// re-anchors every truth passage. limit > 0 keeps the first limit pairs.
func LoadPAN(shared string, limit int) ([]PANPair, error) {
	dir := filepath.Join(shared, PANDir)
	f, err := os.Open(filepath.Join(dir, "pairs"))
	if err != nil {
		return nil, fmt.Errorf("pan13: %w", err)
	}
	defer f.Close()
	var out []PANPair
	sc := bufio.NewScanner(f)
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		fields := strings.Fields(sc.Text())
		if len(fields) != 2 {
			continue
		}
		p, err := loadPANPair(dir, fields[0], fields[1])
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("pan13 pairs: %w", err)
	}
	return out, nil
}

func loadPANPair(dir, susp, src string) (PANPair, error) {
	p := PANPair{Susp: susp, Src: src}
	st, err := os.ReadFile(filepath.Join(dir, "susp", susp))
	if err != nil {
		return p, fmt.Errorf("pan13: %w", err)
	}
	rt, err := os.ReadFile(filepath.Join(dir, "src", src))
	if err != nil {
		return p, fmt.Errorf("pan13: %w", err)
	}
	p.SuspText, p.SrcText = string(st), string(rt)
	name := strings.TrimSuffix(susp, ".txt") + "-" + strings.TrimSuffix(src, ".txt") + ".xml"
	data, err := os.ReadFile(filepath.Join(dir, "truth", name))
	if err != nil {
		return p, fmt.Errorf("pan13: %w", err)
	}
	var doc panTruth
	if err := xml.Unmarshal(data, &doc); err != nil {
		return p, fmt.Errorf("pan13 truth %s: %w", name, err)
	}
	for _, ft := range doc.Features {
		if ft.Name != "plagiarism" || ft.SourceRef != src {
			continue
		}
		raw := Annotation{Susp: susp, Src: src,
			This:   Range{ft.ThisOffset, ft.ThisOffset + ft.ThisLength},
			Source: Range{ft.SourceOffset, ft.SourceOffset + ft.SourceLength}}
		p.Raw = append(p.Raw, raw)
		c, ok := Reanchor(p.SuspText, p.SrcText, raw)
		if !ok {
			p.Failed++
		}
		p.Cases = append(p.Cases, c)
		p.Drift = append(p.Drift, [2]int{c.This.Start - raw.This.Start, c.Source.Start - raw.Source.Start})
	}
	return p, nil
}

// PANOptions are the aligner options of the PAN row: the defaults, except
// that a verbatim passage must hold at least 35 identical words. PAN's cases
// are at least 256 characters long by construction, and its web documents
// share navigation and citation boilerplate (a "Please copy/paste the
// following text to cite" line, "Publish date" lists) that is real shared
// text but no case; every PAN system filters short detections for this
// reason (Sanchez-Perez et al.: 150 characters). The default options are
// scored too.
var PANOptions = align.Options{MinVerbatimWords: 35}

// Detect runs the aligner on a pair (profiles already analysed) and returns
// its passages as PAN detections: the verbatim and near-verbatim ones, and
// all of them. PAN13-02 is the no-obfuscation task, so its detections are
// the verbatim ones; the sentence-level passages (paraphrase, summary) are
// scored too, to show what they cost on long same-topic documents.
func Detect(p PANPair, q, s *analyze.Profile, opt align.Options) (verbatim, all []Annotation) {
	al := align.Align(q, s, opt)
	for _, ps := range al.Passages {
		a := Annotation{Susp: p.Susp, Src: p.Src,
			This:   Range{ps.Query.Start, ps.Query.End},
			Source: Range{ps.Source.Start, ps.Source.End}}
		all = append(all, a)
		if ps.Kind == align.Verbatim || ps.Kind == align.NearVerbatim {
			verbatim = append(verbatim, a)
		}
	}
	return verbatim, all
}
