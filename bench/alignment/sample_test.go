package alignment

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// The full PAN run belongs to `storytrace bench`; the test keeps a sample
// of 30 pairs above a floor measured on it (1.00 when written), so a change
// that breaks verbatim alignment fails here in a second.
func TestPANSamplePlagDet(t *testing.T) {
	needShared(t)
	pairs, err := LoadPAN(shared, 30)
	if err != nil {
		t.Fatal(err)
	}
	res, err := RunPAN(context.Background(), pairs)
	if err != nil {
		t.Fatal(err)
	}
	sc := res.Storytrace
	t.Logf("30 PAN pairs: P %.4f R %.4f gran %.4f PlagDet %.4f; align %.2f ms/pair", sc.Precision, sc.Recall, sc.Granularity, sc.PlagDet, res.AlignMS)
	if sc.PlagDet < 0.98 || sc.Granularity > 1.01 {
		t.Errorf("PlagDet %.4f granularity %.4f on 30 PAN pairs, want PlagDet ≥ 0.98 and granularity ≤ 1.01", sc.PlagDet, sc.Granularity)
	}
	if res.Failed > 0 {
		t.Errorf("%d truth passages not re-anchored, want 0", res.Failed)
	}
}

func TestReanchorFindsDriftedPassage(t *testing.T) {
	passage := "The lighthouse was built in 1871 and its lamp could be seen for twenty miles across the bay on a clear night."
	susp := strings.Repeat("Unrelated filler text about gardens and weather. ", 4) + passage + " Other words follow here."
	src := "Intro sentence of the source page. " + passage + " The keeper lived there alone."
	// The given offsets are 12 characters early in the suspicious text and
	// 7 late in the source, as the damaged copy's are.
	ts, ss := strings.Index(susp, passage), strings.Index(src, passage)
	given := Annotation{This: Range{ts - 12, ts - 12 + len(passage)}, Source: Range{ss + 7, ss + 7 + len(passage)}}
	got, ok := Reanchor(susp, src, given)
	if !ok {
		t.Fatal("passage not re-anchored")
	}
	if s := susp[got.This.Start:got.This.End]; s != passage {
		t.Errorf("re-anchored suspicious span = %q, want the passage", s)
	}
	if s := src[got.Source.Start:got.Source.End]; s != passage {
		t.Errorf("re-anchored source span = %q, want the passage", s)
	}
}

func TestRewriteCoverageSample(t *testing.T) {
	needShared(t)
	sets, err := loadL2R(filepath.Join(shared, "data/l2r-news-rewrites/news_rewrites_paired.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sets {
		s.Pairs = s.Pairs[:20]
		c, err := MeasureCoverage(context.Background(), s)
		if err != nil {
			t.Fatal(err)
		}
		if c.QueryAligned < 0.8 || c.Control > 0.1 {
			t.Errorf("%s: %.2f of rewrite sentences aligned (want ≥ 0.8), %.2f to a wrong source (want ≤ 0.1)", s.Name, c.QueryAligned, c.Control)
		}
	}
}

func TestJudgeFitsThresholdOnTrain(t *testing.T) {
	train := []float64{0.1, 0.2, 0.6, 0.7, 0.9}
	trainL := []bool{false, false, true, true, true}
	test := []float64{0.15, 0.5, 0.95}
	testL := []bool{false, true, true}
	j := judge(train, trainL, test, testL)
	if j.Threshold != 0.4 {
		t.Errorf("threshold = %v, want 0.4 (midway between the classes)", j.Threshold)
	}
	if j.Accuracy != 1 || j.F1 != 1 {
		t.Errorf("test accuracy %.3f F1 %.3f, want 1 and 1", j.Accuracy, j.F1)
	}
}

func TestMSRPLoads(t *testing.T) {
	needShared(t)
	ps, err := LoadMSRP(filepath.Join(shared, "data/msrp/msr_paraphrase_test.txt"), 0)
	if err != nil {
		t.Fatal(err)
	}
	pos := 0
	for _, p := range ps {
		if p.Paraphrase {
			pos++
		}
	}
	if len(ps) != 1725 || pos != 1147 {
		t.Errorf("test file: %d pairs, %d positive; SOURCE.md says 1725 and 1147", len(ps), pos)
	}
}
