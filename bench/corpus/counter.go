package corpus

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// counterDoc is the root element of one COUNTER XML file.
type counterDoc struct {
	Classification string `xml:"classification,attr"` // WD, PD or ND; same on both files of a pair
	Domain         string `xml:"domain,attr"`
	Filename       string `xml:"filename,attr"`
	NewsDate       string `xml:"newsdate,attr"` // DD.MM.YY
	Newspaper      string `xml:"newspaper,attr"`
	Headline       string `xml:"headline"`
	Body           string `xml:"body"`
}

// counterLabels maps COUNTER's classification to Query labels.
var counterLabels = map[string]string{
	"WD": LabelWhollyDer,
	"PD": LabelPartlyDer,
	"ND": LabelNonDerived,
}

// loadCounter reads COUNTER's 600 Urdu pairs: NNNN.xml, the news-agency
// source, becomes a Doc; NNNNp.xml (one file spells it "P"), the newspaper
// text, becomes a Query with Group "counter/WD|PD|ND".
func loadCounter(shared string) (*Set, error) {
	s := &Set{Name: "counter"}
	dd := newDocDedup(s)
	dir := dataPath(shared, "counter", "COUNTER")
	sources, derived, err := counterFiles(dir)
	if err != nil {
		return nil, err
	}
	for _, num := range sortedKeys(sources) {
		dpath, ok := derived[num]
		if !ok {
			return nil, fmt.Errorf("%s: no derived file %sp.xml", sources[num], num)
		}
		src, err := readCounterXML(sources[num])
		if err != nil {
			return nil, err
		}
		der, err := readCounterXML(dpath)
		if err != nil {
			return nil, err
		}
		label, ok := counterLabels[der.Classification]
		if !ok || der.Classification != src.Classification {
			return nil, fmt.Errorf("%s: classification %q (source says %q)", dpath, der.Classification, src.Classification)
		}
		docID := dd.add(Doc{ID: "counter/" + num, Title: clean(src.Headline), Text: clean(src.Body),
			Published: counterDate(src.NewsDate),
			Extra:     map[string]string{"domain": src.Domain, "agency": src.Newspaper, "file": filepath.Base(sources[num])}})
		s.Queries = append(s.Queries, Query{
			ID: "counter/" + num + "p", Set: s.Name, Group: "counter/" + der.Classification,
			Text: clean(der.Body), Source: docID, Label: label,
			Extra: map[string]string{
				"classification": der.Classification, "domain": der.Domain,
				"newspaper": der.Newspaper, "headline": clean(der.Headline),
				"published": counterDate(der.NewsDate), "file": filepath.Base(dpath),
			},
		})
	}
	if len(derived) != len(sources) {
		return nil, fmt.Errorf("%s: %d source files but %d derived files", dir, len(sources), len(derived))
	}
	return s, nil
}

// counterFiles lists the XML files of dir by number: NNNN.xml in sources,
// NNNNp.xml (any case) in derived.
func counterFiles(dir string) (sources, derived map[string]string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	sources, derived = map[string]string{}, map[string]string{}
	for _, e := range entries {
		name := strings.ToLower(e.Name())
		stem, ok := strings.CutSuffix(name, ".xml")
		if !ok || e.IsDir() {
			continue
		}
		if num, ok := strings.CutSuffix(stem, "p"); ok {
			derived[num] = filepath.Join(dir, e.Name())
		} else {
			sources[stem] = filepath.Join(dir, e.Name())
		}
	}
	return sources, derived, nil
}

func readCounterXML(path string) (*counterDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var d counterDoc
	if err := xml.Unmarshal(b, &d); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if strings.TrimSpace(d.Body) == "" {
		return nil, fmt.Errorf("%s: empty body", path)
	}
	return &d, nil
}

// counterDate turns COUNTER's DD.MM.YY into YYYY-MM-DD; the corpus is from
// 2014–2015, so two-digit years are 20YY. Unparseable dates are returned as
// they are rather than lost.
func counterDate(s string) string {
	t, err := time.Parse("02.01.06", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return t.Format("2006-01-02")
}

// clean trims surrounding white space and normalises line ends.
func clean(s string) string {
	return strings.TrimSpace(normalizeNewlines(s))
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
