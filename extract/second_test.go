package extract

import (
	"slices"
	"strings"
	"testing"
)

func TestTrimTailCutsWhatTheSecondOpinionLeavesOut(t *testing.T) {
	article := []string{
		"The council voted on Tuesday to close the old bridge for repairs.",
		"Work will start in March and last about six months, officials said.",
		"Drivers will be sent over the northern ring road in the meantime.",
	}
	tail := []string{"Related: New bus lanes open downtown", "Sign up for our morning newsletter and never miss a story"}
	got := trimTail(append(slices.Clone(article), tail...), article)
	if !slices.Equal(got, article) {
		t.Errorf("got %q, want the article without the tail", got)
	}
}

func TestTrimTailKeepsTextWhenTheOpinionsDisagree(t *testing.T) {
	mine := []string{
		"The council voted on Tuesday to close the old bridge for repairs.",
		"Drivers will be sent over the northern ring road in the meantime.",
	}
	other := []string{"Comments: I think the bridge was fine, says a reader from the north of town."}
	if got := trimTail(mine, other); !slices.Equal(got, mine) {
		t.Errorf("got %q, want everything kept: the two found different texts", got)
	}
	if got := trimTail(mine, nil); !slices.Equal(got, mine) {
		t.Errorf("no second opinion: got %q", got)
	}
}

func TestConfirmedAllowsSmallDifferences(t *testing.T) {
	ref := "The council voted on Tuesday to close the old bridge for repairs, the mayor said."
	// The same sentence, split differently and with other punctuation.
	if !confirmed("the council voted on Tuesday — to close the old bridge", newShingleSet(ref), " "+joinWords(ref)+" ") {
		t.Error("a paragraph whose words are in the reference should be confirmed")
	}
	if confirmed("Sign up for our newsletter today", newShingleSet(ref), " "+joinWords(ref)+" ") {
		t.Error("a paragraph absent from the reference should not be confirmed")
	}
}

func joinWords(s string) string { return strings.Join(words(s), " ") }

// Real pages of trafilatura's evaluation set where readability kept only
// the first part of the article: a news story on leaf pellets whose second
// half readability left out, and a list of 30 gift ideas of which it kept
// the introduction. The tails are as long as the rest or longer,
// so they stay.
func TestTrimTailKeepsATailAsLongAsTheArticle(t *testing.T) {
	for _, c := range []struct{ sha, want string }{
		{"de1a45511a9186d0aa3e4812645a16b4db08374a", "Ein Antrag für Fördermittel ist gestellt"},
		{"1adaeda601a2a6e67496aa751a779255b59e000f", "to turn any laundry day into a blast"},
	} {
		if text := evalPage(t, c.sha).Text(); !strings.Contains(text, c.want) {
			t.Errorf("%s: %q not in the text", c.sha, c.want)
		}
	}
	article := []string{"The council voted on Tuesday to close the old bridge for repairs."}
	tail := []string{"Work will start in March and last about six months, officials said, and the detour runs north."}
	if got := trimTail(append(slices.Clone(article), tail...), article); len(got) != 2 {
		t.Errorf("got %q, want the long tail kept", got)
	}
}

// A ScrapingHub page: a blog's open thread (70 words) with a staff reply
// of 400 words in its comments, which trafilatura took for the article.
// And a recipe of trafilatura's set, whose ingredients trafilatura took
// with the readers' comments below them: the comments go, the recipe
// stays.
func TestCommentIsNotTheArticle(t *testing.T) {
	sh := sharedPath(t, "data", "article-extraction-benchmark", "html", "ac3c035520461017a7c5b248d8e39ef063cad4c0c7d7b7ecd68aff8f15099485.html.gz")
	arts, err := Parse(Input{Path: "givewell.html"}, readGzip(t, sh), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := arts[0].Text()
	if !strings.Contains(text, "Our goal with hosting quarterly open threads") || strings.Contains(text, "Hi Gary") {
		t.Errorf("open thread: got %.200q, want the post without the reply", text)
	}
	ev := sharedPath(t, "data", "web-extraction-eval", "html", "b26d039bb0e65d4fe00ba752987933adf647153f.html.gz")
	arts, err = Parse(Input{Path: "chefkoch.html"}, readGzip(t, ev), Options{})
	if err != nil {
		t.Fatal(err)
	}
	text = arts[0].Text()
	if !strings.Contains(text, "125 g Mehl") || strings.Contains(text, "Tipp falls bei euch") {
		t.Errorf("recipe: got %.200q, want the ingredients without the comments", text)
	}
}
