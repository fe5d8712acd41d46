package extraction

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// -dump DIR writes what storytrace made of every page, for finding where
// extraction goes wrong (storytrace alone, so it takes a minute or two):
//
//	go test ./bench/extraction/ -run TestDump -dump /tmp/dump
//
// It writes, in DIR:
//
//   - scrapinghub.txt: per page, precision and recall, then the extracted
//     paragraphs not in the gold body ("+", false positives) and the gold
//     lines not in the extraction ("-", misses), worst pages first;
//   - trafilatura.txt: per page, the "without" snippets found ("+") and the
//     "with" snippets missed ("-");
//   - dates.txt: per page, the gold date and ours, wrong ones only;
//   - summary.txt: every figure, on the even and the odd pages apart (a
//     rule is written from the even pages and checked on the odd ones).
//
// Pages are numbered as the section orders them (ScrapingHub by id,
// web-extraction-eval in file order).
var dumpDir = flag.String("dump", "", "write per-page extraction results to this folder")

func TestDump(t *testing.T) {
	if *dumpDir == "" {
		t.Skip("no -dump folder")
	}
	shared := sharedDir(t)
	if err := os.MkdirAll(*dumpDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var summary strings.Builder
	if err := dumpScrapingHub(shared, *dumpDir, &summary); err != nil {
		t.Fatal(err)
	}
	if err := dumpEvalSet(shared, *dumpDir, &summary); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(*dumpDir, "summary.txt"), []byte(summary.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + summary.String())
}

// halves are the even- and odd-numbered pages.
var halves = []string{"even", "odd"}

func dumpScrapingHub(shared, dir string, summary *strings.Builder) error {
	pages, err := loadScrapingHub(shared)
	if err != nil {
		return err
	}
	type pageResult struct {
		i     int
		s     Shingles
		gold  string
		pred  string
		title string
	}
	results := make([]pageResult, len(pages))
	byHalf := make([][]Shingles, 2)
	all := make([]Shingles, len(pages))
	for i, p := range pages {
		html, err := readGzip(p.Path)
		if err != nil {
			return err
		}
		ex, _ := runStorytrace(html)
		s := MatchShingles(p.Body, ex.Body)
		results[i] = pageResult{i, s, p.Body, ex.Body, ex.Title}
		byHalf[i%2] = append(byHalf[i%2], s)
		all[i] = s
	}
	for h, name := range halves {
		prec, rec, f1 := ShingleScores(byHalf[h])
		fmt.Fprintf(summary, "ScrapingHub %-4s n=%3d P %.4f R %.4f F1 %.4f\n", name, len(byHalf[h]), prec, rec, f1)
	}
	prec, rec, f1 := ShingleScores(all)
	fmt.Fprintf(summary, "ScrapingHub all  n=%3d P %.4f R %.4f F1 %.4f\n", len(all), prec, rec, f1)

	order := slices.Clone(results)
	slices.SortStableFunc(order, func(a, b pageResult) int {
		fa := shinglePrecision(a.s) + shingleRecall(a.s)
		fb := shinglePrecision(b.s) + shingleRecall(b.s)
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	})
	f, err := os.Create(filepath.Join(dir, "scrapinghub.txt"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, r := range order {
		p := pages[r.i]
		fmt.Fprintf(w, "=== #%d %s P %.3f R %.3f %s\n", r.i, p.ID, shinglePrecision(r.s), shingleRecall(r.s), p.URL)
		fmt.Fprintf(w, "title: %s\n", r.title)
		goldWords := " " + strings.Join(Tokens(r.gold), " ") + " "
		predWords := " " + strings.Join(Tokens(r.pred), " ") + " "
		for para := range strings.SplitSeq(r.pred, "\n\n") {
			if tw := Tokens(para); len(tw) > 0 && !strings.Contains(goldWords, " "+strings.Join(tw, " ")+" ") {
				fmt.Fprintf(w, "+ %s\n", para)
			}
		}
		for line := range strings.SplitSeq(r.gold, "\n") {
			if tw := Tokens(line); len(tw) > 0 && !strings.Contains(predWords, " "+strings.Join(tw, " ")+" ") {
				fmt.Fprintf(w, "- %s\n", line)
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func dumpEvalSet(shared, dir string, summary *strings.Builder) error {
	gold, err := loadEvalSet(shared)
	if err != nil {
		return err
	}
	cache := make(map[string]extraction)
	extracted := func(path string) (extraction, error) {
		if ex, ok := cache[path]; ok {
			return ex, nil
		}
		html, err := readGzip(path)
		if err != nil {
			return extraction{}, err
		}
		ex, err := runStorytrace(html)
		if err != nil {
			ex = extraction{}
		}
		cache[path] = ex
		return ex, nil
	}
	tf, err := os.Create(filepath.Join(dir, "trafilatura.txt"))
	if err != nil {
		return err
	}
	defer tf.Close()
	df, err := os.Create(filepath.Join(dir, "dates.txt"))
	if err != nil {
		return err
	}
	defer df.Close()
	tw, dw := bufio.NewWriter(tf), bufio.NewWriter(df)
	snippets := make([]Snippets, 2)
	dates, dated := make([]int, 2), make([]int, 2)
	nText, nDate := 0, 0
	for _, p := range gold {
		switch {
		case p.Source == sourceTrafilatura:
			ex, err := extracted(p.Path)
			if err != nil {
				return err
			}
			h := nText % 2
			s := CountSnippets(p.With, p.Without, ex.Body, ex.OK)
			snippets[h] = snippets[h].Add(s)
			if s.FP > 0 || s.FN > 0 {
				fmt.Fprintf(tw, "=== #%d %s FP %d FN %d %s\n", nText, p.HTML, s.FP, s.FN, p.URL)
				res := normSpace(ex.Body)
				for _, x := range p.Without {
					if ex.OK && strings.Contains(res, normSpace(x)) {
						fmt.Fprintf(tw, "+ %s\n", x)
					}
				}
				for _, x := range p.With {
					if !ex.OK || !strings.Contains(res, normSpace(x)) {
						fmt.Fprintf(tw, "- %s\n", x)
					}
				}
			}
			nText++
		case (p.Source == sourceHtmldate || p.Source == sourceMediacloud) && p.Date != nil:
			ex, err := extracted(p.Path)
			if err != nil {
				return err
			}
			h := nDate % 2
			dated[h]++
			if ex.Date == *p.Date {
				dates[h]++
			} else {
				fmt.Fprintf(dw, "#%d %s gold %q got %q %s\n", nDate, p.HTML, *p.Date, ex.Date, p.URL)
			}
			nDate++
		}
	}
	for h, name := range halves {
		prec, rec, _, f := snippets[h].Scores()
		fmt.Fprintf(summary, "trafilatura %-4s P %.4f R %.4f F %.4f (FP %d FN %d)\n", name, prec, rec, f, snippets[h].FP, snippets[h].FN)
	}
	prec, rec, _, f := snippets[0].Add(snippets[1]).Scores()
	fmt.Fprintf(summary, "trafilatura all  P %.4f R %.4f F %.4f\n", prec, rec, f)
	for h, name := range halves {
		fmt.Fprintf(summary, "dates %-4s %d/%d %.4f\n", name, dates[h], dated[h], ratio(dates[h], dated[h]))
	}
	fmt.Fprintf(summary, "dates all  %d/%d %.4f\n", dates[0]+dates[1], dated[0]+dated[1], ratio(dates[0]+dates[1], dated[0]+dated[1]))
	if err := tw.Flush(); err != nil {
		return err
	}
	return dw.Flush()
}
