package trace

import "testing"

func TestShippedRankModelReads(t *testing.T) {
	if _, err := ReadRankModel(rankModelJSON); err != nil {
		t.Fatal(err)
	}
	for name, js := range map[string]string{
		"not JSON":       `{"model":`,
		"other features": `{"model":{"features":["support"],"trees":[]}}`,
		"bad tree":       `{"model":{"features":["support","query_coverage","source_coverage","jaccard","support_margin","bm25_share","standing","specifics_missing","bigrams","source_bigrams","order","log_length_ratio","log1p_query_terms","short_coverage","formula_gap"],"trees":[[{"f":0,"l":0,"r":0}]]}}`,
	} {
		if _, err := ReadRankModel([]byte(js)); err == nil {
			t.Errorf("%s: read without error", name)
		}
	}
}
