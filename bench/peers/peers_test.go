package peers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var shared = filepath.Join("..", "..", "..", "shared")

// Every peer must find the seed source for its near copy, and the lexical
// peers (BM25, Churnalism) also for the seed rewrite.
func TestPeersOnSeedPair(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(shared, "seeds/source-original.txt"))
	if err != nil {
		t.Skip(err)
	}
	rew, _ := os.ReadFile(filepath.Join(shared, "seeds/rewrite.txt"))
	others := []string{
		"Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn for the three months to December.",
		"The government announced a new immigration policy for skilled workers on Monday, officials said.",
		"Afghanistan's football team won their first international match in a decade, fans celebrated in Kabul.",
	}
	b, err := NewBleve(filepath.Join(t.TempDir(), "bleve"))
	if err != nil {
		t.Fatal(err)
	}
	peers := []Retriever{b, NewMinHash(true), NewMinHash(false), NewChurnalism()}
	nearCopy := string(src[:1500]) + " Reporting by staff."
	for _, p := range peers {
		if err := p.Add("source", string(src)); err != nil {
			t.Fatal(err)
		}
		for i, o := range others {
			p.Add(string(rune('a'+i)), o)
		}
		hits, err := p.Search(context.Background(), nearCopy, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].ID != "source" {
			t.Errorf("%s: near copy → %v, want source first", p.Name(), hits)
		}
		if _, ok := p.(*MinHash); ok {
			continue
		}
		hits, _ = p.Search(context.Background(), string(rew), 3)
		if len(hits) == 0 || hits[0].ID != "source" {
			t.Errorf("%s: rewrite → %v, want source first", p.Name(), hits)
		}
		p.Close()
	}
}

func TestChurnalismCoverageCountsEachCharacterOnce(t *testing.T) {
	c := NewChurnalism()
	c.Add("a", "the quick brown fox jumps over the lazy dog")
	hits, _ := c.Search(context.Background(), "the quick brown fox jumps over the lazy dog", 1)
	if len(hits) != 1 || hits[0].Score != 1 {
		t.Fatalf("identical text coverage = %v, want 1", hits)
	}
	hits, _ = c.Search(context.Background(), "the quick brown fox sleeps all day long today", 1)
	// shared prefix "the quick brown fox " is 20 chars → windows at 0..5 cover 20 chars.
	if len(hits) != 1 || hits[0].Score < 0.4 || hits[0].Score > 0.5 {
		t.Fatalf("partial coverage = %v, want ≈ 20/45", hits)
	}
}

// The Lucene peer runs only where Java and Debian's Lucene jars are
// installed; elsewhere it must say so with ErrNoLucene, never fail otherwise.
func TestLuceneFindsSeedSourceWhenInstalled(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(shared, "seeds/source-original.txt"))
	if err != nil {
		t.Skip(err)
	}
	rew, _ := os.ReadFile(filepath.Join(shared, "seeds/rewrite.txt"))
	l, err := NewLucene(t.TempDir())
	if errors.Is(err, ErrNoLucene) {
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	l.Add("source", string(src))
	// MoreLikeThis's defaults ignore terms in fewer than 5 documents, so the
	// seed source needs an archive around it: the 300 example BBC articles.
	sample, err := os.ReadFile(filepath.Join("..", "..", "examples", "archive", "bbc-news-sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(strings.TrimSpace(string(sample)), "\n") {
		var a struct{ Text string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		l.Add(fmt.Sprint("bbc", i), a.Text)
	}
	hits, err := l.Search(context.Background(), string(rew), 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].ID != "source" {
		t.Fatalf("hits %v, want source first", hits)
	}
}
