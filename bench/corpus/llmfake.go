package corpus

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// llmfakeFile is what a CSV's path says about its rows.
type llmfakeFile struct {
	path      string
	generator string // "chatgpt", "llama2-13b", "vicuna-7b", …
	folder    string // upstream folder, e.g. "vicuna-v1.3_7b_generation"
	dataset   string // coaid, gossipcop or politifact
	kind      string // paraphrase, rewrite, open-ended, manipulated, hallucination, totally-arbitrary, partially-arbitrary
	detail    string // manipulation type or arbitrary-generation topic, else ""
}

// llmfakeKinds maps the part of a file name after "<dataset>_" to a kind;
// the rest of the name up to "_processed" is the detail.
var llmfakeKinds = []struct{ prefix, kind string }{
	{"paraphrase_generation", LabelParaphrase},
	{"rewrite_generation", LabelRewrite},
	{"open_ended_generation", LabelOpenEnded},
	{"information_manipulation_", LabelManipulated},
	{"hallucination", "hallucination"},
	{"totally_arbitrary_generation", "totally-arbitrary"},
	{"partially_arbitrary_generation_", "partially-arbitrary"},
}

// llmfakeGenerators shortens the upstream folder names.
var llmfakeGenerators = map[string]string{
	"chatgpt_3.5_generation":     "chatgpt",
	"llama2_7b_generation":       "llama2-7b",
	"llama2_13b_generation":      "llama2-13b",
	"llama2_70b_generation":      "llama2-70b",
	"vicuna-v1.3_7b_generation":  "vicuna-7b",
	"vicuna-v1.3_13b_generation": "vicuna-13b",
	"vicuna-v1.3_33b_generation": "vicuna-33b",
}

// truncatedLen is the length, in characters, at which upstream cut long
// news_text values.
const truncatedLen = 4000

// LLMFakeTruncated reports whether an llmfake article text is one that
// upstream cut at 4,000 characters and whose longer text the set does not
// hold (see loadLLMFake). Generations were made from a longer text, so what
// they say after the cut has no source in the set.
func LLMFakeTruncated(text string) bool {
	return utf8.RuneCountInString(text) == truncatedLen
}

// loadLLMFake reads every CSV.gz of LLMFake. Each distinct news_text (the
// human article) becomes one Doc, whichever files and news_ids repeat it; each
// row where the LLM produced something becomes a Query, Group
// "llmfake/<generator>/<kind>", with the manipulation type (or the topic of
// an arbitrary generation) in Extra["detail"].
//
// Rows that are not generations are skipped, counted in Set.Skipped:
//   - synthetic_misinformation equals news_text (after trimming white space):
//     the authors did not generate for that row (SOURCE.md);
//   - news_text is exactly 4,000 characters long and synthetic_misinformation
//     starts with it: upstream truncated the article at 4,000 characters and
//     the "synthetic" column holds a longer text of it. These rows
//     "differ" only because of the cut — all real-labelled GossipCop (37) and
//     PolitiFact (53) rows of the paraphrase/rewrite/open-ended files, and the
//     15 fake-labelled PolitiFact rows of each manipulation file;
//   - synthetic_misinformation is empty (one Vicuna-33B row).
//
// The second kind of row gives the article's text as the models were given
// it: 5,000–7,500 characters, itself cut mid-sentence ("… the disdain many
// Americans have toward their own government. Instead of"), where the
// generations from that article end too (politifact1180's manipulations go
// on "Instead of focusing on common sense …"). The Doc holds that longer
// text for the 100 articles the set gives it for, so that a generation from
// past the 4,000th character has its source in the archive; the other 110
// cut articles stay cut (LLMFakeTruncated).
//
// Whether a generated row is a usable target is decided by llmfakeUsable and
// read with Query.Usable.
func loadLLMFake(shared string) (*Set, error) {
	s := &Set{Name: "llmfake"}
	dd := newDocDedup(s)
	files, err := llmfakeFiles(dataPath(shared, "llmfake"))
	if err != nil {
		return nil, err
	}
	newsIDs := map[string][]string{} // Doc ID → every upstream news_id with its text
	longer := map[string]string{}    // Doc ID → the longest text the set gives past its 4,000-character cut
	for _, f := range files {
		if err := loadLLMFakeFile(s, dd, f, newsIDs, longer); err != nil {
			return nil, err
		}
	}
	docText := make(map[string]string, len(s.Docs))
	for i := range s.Docs {
		d := &s.Docs[i]
		if text, ok := longer[d.ID]; ok {
			d.Text = text
		}
		docText[d.ID] = d.Text
		d.Extra["news_ids"] = strings.Join(dedupStrings(newsIDs[d.ID], ""), ",")
	}
	for i := range s.Queries {
		q := &s.Queries[i]
		if q.Source == "" {
			continue
		}
		if ok, why := llmfakeUsable(q.Label, docText[q.Source], q.Text); !ok {
			q.Extra[extraUnusable] = why
		} else if expandsClaim(q.Label, docText[q.Source], q.Text) {
			q.Extra[extraExpanded] = "true"
		}
	}
	return s, nil
}

// llmfakeFiles finds the CSVs under dir and reads their paths.
func llmfakeFiles(dir string) ([]llmfakeFile, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "*", "*.csv.gz"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no */*/*.csv.gz under %s", dir)
	}
	var files []llmfakeFile
	for _, p := range paths {
		f, err := parseLLMFakePath(p)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// parseLLMFakePath reads "<folder>/<dataset>/synthetic-gpt-3.5-turbo_<dataset>_<kind…>_processed.csv.gz".
func parseLLMFakePath(p string) (llmfakeFile, error) {
	dataset := filepath.Base(filepath.Dir(p))
	folder := filepath.Base(filepath.Dir(filepath.Dir(p)))
	f := llmfakeFile{path: p, folder: folder, dataset: dataset, generator: llmfakeGenerators[folder]}
	if f.generator == "" {
		f.generator = strings.TrimSuffix(folder, "_generation")
	}
	name := strings.TrimSuffix(filepath.Base(p), "_processed.csv.gz")
	_, rest, ok := strings.Cut(name, "_"+dataset+"_")
	if !ok {
		return f, fmt.Errorf("%s: file name does not name its dataset %q", p, dataset)
	}
	for _, k := range llmfakeKinds {
		if after, ok := strings.CutPrefix(rest, k.prefix); ok {
			f.kind, f.detail = k.kind, after
			return f, nil
		}
	}
	return f, fmt.Errorf("%s: unknown generation kind %q", p, rest)
}

// loadLLMFakeFile adds the Docs and Queries of one CSV to s.
func loadLLMFakeFile(s *Set, dd *docDedup, f llmfakeFile, newsIDs map[string][]string, longer map[string]string) error {
	b, err := readFile(f.path)
	if err != nil {
		return err
	}
	r := csv.NewReader(strings.NewReader(string(b)))
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", f.path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	r.FieldsPerRecord = len(header)
	_, hasSource := col["news_text"]
	group := "llmfake/" + f.generator + "/" + f.kind
	for row := 1; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: record %d: %w", f.path, row, err)
		}
		if !hasSource {
			if err := addNoSourceQuery(s, f, group, row, rec, col); err != nil {
				return fmt.Errorf("%s: record %d: %w", f.path, row, err)
			}
			continue
		}
		newsID, news, synth, veracity := rec[col["news_id"]], rec[col["news_text"]], rec[col["synthetic_misinformation"]], rec[col["label"]]
		key := newsID
		if f.dataset == "coaid" { // CoAID ids are bare integers
			key = "coaid-" + newsID
			news, synth = coaidQuotes.Replace(news), coaidQuotes.Replace(synth)
		}
		if !hasLetter(news) {
			s.skip("llmfake: news_text without a letter (no Doc, no Query)")
			continue
		}
		docID := dd.add(Doc{ID: "llmfake/" + key, Text: news,
			Extra: map[string]string{"dataset": f.dataset, "veracity": veracity}})
		newsIDs[docID] = append(newsIDs[docID], key)
		switch {
		case strings.TrimSpace(synth) == strings.TrimSpace(news):
			s.skip(group + ": unchanged copy of news_text, not generated")
			continue
		case strings.TrimSpace(synth) == "":
			s.skip(group + ": empty synthetic_misinformation")
			continue
		case utf8.RuneCountInString(news) == truncatedLen && strings.HasPrefix(synth, news):
			s.skip(group + ": news_text truncated at 4,000 characters, synthetic column is a longer text of the article")
			if text := strings.TrimSpace(synth); len(text) > len(longer[docID]) {
				longer[docID] = text
			}
			continue
		}
		id := group + "/"
		if f.detail != "" {
			id += f.detail + "/"
		}
		s.Queries = append(s.Queries, Query{
			ID: id + key, Set: s.Name, Group: group, Text: synth, Source: docID, Label: f.kind,
			Extra: map[string]string{
				"generator": f.generator, "model_folder": f.folder, "dataset": f.dataset,
				"kind": f.kind, "detail": f.detail, "news_id": newsID, "veracity": veracity,
			},
		})
	}
}

// coaidQuotes undoes a wrong decoding in llmfake's CoAID rows: the claims
// were stored in Mac Roman and read as Latin-1, so “ ” ‘ ’ and … show as
// Ò Ó Ô Õ and É ("ÒMan visited Albany, N.Y., days before dying from
// coronavirus.Ó", "is É on"). storytrace's tokeniser reads Ò and Ó beside
// a letter as quotes, but the peers' analysers and the filter's lead
// coverage take them for letters, so "ÒMan" was one word that matched
// nothing in a paraphrase of the claim. Only CoAID is mapped, and only
// these five: its text holds no other character of that range, and none
// of the five as a letter.
var coaidQuotes = strings.NewReplacer("Ò", "“", "Ó", "”", "Ô", "‘", "Õ", "’", "É", "…")

// addNoSourceQuery adds a row of a file without news_text (hallucination,
// arbitrary generation): a text with no source anywhere.
func addNoSourceQuery(s *Set, f llmfakeFile, group string, row int, rec []string, col map[string]int) error {
	textCol, ok := col["synthetic misinformation"]
	if !ok {
		return fmt.Errorf("no news_text and no %q column", "synthetic misinformation")
	}
	id := fmt.Sprintf("%s/%03d", group, row)
	if f.detail != "" {
		id = fmt.Sprintf("%s/%s/%03d", group, f.detail, row)
	}
	s.Queries = append(s.Queries, Query{
		ID: id, Set: s.Name, Group: group, Text: strings.TrimSpace(rec[textCol]), Label: LabelNoSource,
		Extra: map[string]string{
			"generator": f.generator, "model_folder": f.folder, "dataset": f.dataset,
			"kind": f.kind, "detail": f.detail, "prompt": rec[col["prompt"]],
		},
	})
	return nil
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// LLMFakeFilterCounts counts the llmfake queries that have a source, per
// "<generator>/<kind>": those Usable rejects under the reason's short name
// ("non-latin", "prompt-echo", "no-reuse", "continuation") and the rest under
// "kept", or "kept, expanded claim" for a one-line claim expanded into an
// article (ExpandedClaim).
func LLMFakeFilterCounts(s *Set) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, q := range s.Queries {
		if q.Source == "" {
			continue
		}
		g := q.Extra["generator"] + "/" + q.Label
		if out[g] == nil {
			out[g] = map[string]int{}
		}
		ok, why := q.Usable()
		switch {
		case ok && q.ExpandedClaim():
			why = "kept, expanded claim"
		case ok:
			why = "kept"
		}
		why, _, _ = strings.Cut(why, ":")
		out[g][why]++
	}
	return out
}
