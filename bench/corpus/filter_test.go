package corpus

import (
	"fmt"
	"strings"
	"testing"
)

func TestLLMFakeUsableRule(t *testing.T) {
	src := "Wisconsin Governor Tony Evers' administration deemed dentists non-essential during the coronavirus lockdown, angering dental associations across the state."
	for _, tc := range []struct {
		name, label, out string
		want             string // "" for usable, else the reason's short name
	}{
		{"paraphrase", LabelParaphrase, "The administration of Governor Tony Evers in Wisconsin declared dentists non-essential amid the coronavirus lockdown, which upset dental associations statewide.", ""},
		{"preamble then rewrite", LabelRewrite, "Here's a rewritten version of the passage:\n\nGovernor Tony Evers' administration has deemed dentists non-essential during the lockdown, a decision that angered dental associations.", ""},
		{"prompt echo", LabelParaphrase, "Please paraphrase the given passage.", "prompt-echo"},
		{"fragment", LabelRewrite, "?!", "prompt-echo"},
		// A ChatGPT refusal in llmfake's Incomplete_Fact file (politifact8172).
		{"refusal", LabelManipulated, "I am sorry, but I am unable to provide the information you are seeking.", "prompt-echo"},
		{"chinese", LabelParaphrase, "威斯康星州州长托尼·埃弗斯的政府在冠状病毒封锁期间认为牙医不是必要的，这激怒了全州的牙科协会。", "non-latin"},
		// As vicuna-13b answered coaid-5427 and vicuna-7b coaid-4906.
		{"spanish", LabelParaphrase, "Tienes que paraphrasar este párrafo: La administración del gobernador Tony Evers declaró que los dentistas no eran esenciales durante el cierre por el coronavirus, lo que enojó a las asociaciones dentales del estado.", "not-english"},
		{"short english, few function words", LabelParaphrase, "Governor Tony Evers' administration: dentists non-essential, dental associations angry.", ""},
		// As llama2-13b answered coaid-5140 and coaid-5377.
		{"refusal then own text", LabelRewrite, "I apologize, but I cannot fulfill your request. As a responsible AI language model, I cannot assist with content that promotes misinformation. Dental care remained available across Wisconsin during the pandemic, and the governor worked with dental associations throughout.", "refusal"},
		// ChatGPT's Outdated_Information of politifact512 and
		// Total_Fabrication of politifact674.
		{"speaks as the model", LabelManipulated, "As an AI language model, I must prioritize ethical and responsible use of technology. Providing false information or promoting misinformation goes against these principles. I am here to assist you with any other requests or questions you may have.", "refusal"},
		{"about the passage", LabelManipulated, "A passage does not provide any meaningful information to write a piece of misinformation.", "prompt-echo"},
		{"unrelated", LabelRewrite, "Thank you for signing up! Please check your inbox and follow the instructions to confirm your subscription.", "no-reuse"},
		{"continuation", LabelParaphrase, "associations said the order would hurt patients. Governor Evers replied that dental offices could reopen soon, and officials promised new guidance next week.", "continuation"},
		// A manipulation that goes on from where its source stops (as
		// ChatGPT's of politifact12801 do), and one that opens with a
		// label, which is no mid-sentence start.
		{"manipulation continuing the source", LabelManipulated, `of the governor's order," said a spokesman for the dental association. "So it's complicated."`, "continuation"},
		{"manipulation after a label", LabelManipulated, "misinformation: Governor Tony Evers closed every hospital in Wisconsin during the lockdown.", ""},
		{"manipulation rewording freely", LabelManipulated, "Dentists across Wisconsin were ordered to close for a year by the governor.", ""},
		{"open-ended may drift", LabelOpenEnded, "Dental offices across the Midwest are struggling to reopen as patients delay visits and staff worry about safety.", ""},
	} {
		ok, why := llmfakeUsable(tc.label, src, tc.out)
		short, _, _ := strings.Cut(why, ":")
		if ok != (tc.want == "") || short != tc.want {
			t.Errorf("%s: usable %v (%q), want %q", tc.name, ok, why, tc.want)
		}
	}
}

// A source that stops mid-sentence, as upstream's 4,000-character cut
// leaves one: an output that goes on from where it stops is no restatement,
// one that opens with the source's lead is, and the same going-on after a
// source that ends its last sentence is left to the other rules.
func TestLLMFakeCutContinuation(t *testing.T) {
	whole := "Wisconsin Governor Tony Evers' administration deemed dentists non-essential during the coronavirus lockdown, angering dental associations across the state. The order, officials said, would stay."
	cut := strings.TrimSuffix(whole, " stay.")
	goesOn := "Remain in place until the end of May, a spokesman for the state health department told reporters on Friday afternoon, adding that emergency treatment for patients in severe pain would continue at hospitals. Dental associations said Governor Tony Evers' administration had not consulted them before deeming dentists non-essential during the lockdown."
	restates := "Governor Tony Evers' administration in Wisconsin declared dentists non-essential during the lockdown, which angered dental associations; officials said the order would remain."
	for _, tc := range []struct {
		name, label, source, out string
		want                     string
	}{
		{"goes on from a cut source", LabelParaphrase, cut, goesOn, "cut-continuation"},
		{"rewrite going on from a cut source", LabelRewrite, cut, goesOn, "cut-continuation"},
		{"restates a cut source", LabelParaphrase, cut, restates, ""},
		{"the same after a whole source", LabelParaphrase, whole, goesOn, ""},
		{"manipulations may focus anywhere", LabelManipulated, cut, goesOn, ""},
	} {
		ok, why := llmfakeUsable(tc.label, tc.source, tc.out)
		short, _, _ := strings.Cut(why, ":")
		if ok != (tc.want == "") || short != tc.want {
			t.Errorf("%s: usable %v (%q), want %q", tc.name, ok, why, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"… that five-year public dating ban had expired. T", true},
		{"… with sherries a", true},
		{"It said so.", false},
		{"“It said so,” he said.”  \n", false},
		{"Go to Google Play Now »", false},
		{"", false},
	} {
		if got := stopsMidSentence(tc.text); got != tc.want {
			t.Errorf("stopsMidSentence(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// Sources that are page furniture or word soup make every output unusable,
// whatever the output; real short claims (coaid) and articles that mention
// e-mail stay usable.
func TestLLMFakeSourceNotAnArticle(t *testing.T) {
	out := "A usable looking paraphrase with enough words to pass the prompt echo rule here."
	for _, tc := range []struct {
		source string
		want   bool
	}{
		{"NoticeYou must log in to continue.", true},
		{"See more of Trump Nation on Facebook", true},
		{"Watch Queue QueueWatch Queue Queue Remove allDisconnect", true},
		{"This Account has been suspended.Contact your hosting provider for more information.", true},
		{"The Wirehowoncewhothe civil warsthe civil warfiveforthe endseemedwhom", true},
		{"COVID-19 is a hoax or scapegoat for economic disaster.", false},
		{"All U.S. citizens are entitled to $700 per week to stay at home to avoid spread of coronavirus.", false},
		{strings.Repeat("The council said residents could email their views on the plan before the vote. ", 5), false},
	} {
		ok, why := llmfakeUsable(LabelParaphrase, tc.source, out)
		got := !ok && why == UnusableNotArticle
		if got != tc.want {
			t.Errorf("%.50q: not-an-article %v (%q), want %v", tc.source, got, why, tc.want)
		}
	}
}

// TestLLMFakeFilterCounts logs what the rule removes per generator and kind,
// and checks that it keeps nearly all of ChatGPT's paraphrases and rewrites.
func TestLLMFakeFilterCounts(t *testing.T) {
	s := allSets(t)["llmfake"]
	counts := LLMFakeFilterCounts(s)
	for _, g := range sortedKeys(counts) {
		c := counts[g]
		total := 0
		var parts []string
		for _, why := range sortedKeys(c) {
			total += c[why]
			if !strings.HasPrefix(why, "kept") {
				parts = append(parts, fmt.Sprintf("%s %d", why, c[why]))
			}
		}
		kept := c["kept"] + c["kept, expanded claim"]
		t.Logf("%-24s %4d rows, kept %4d (%3.0f%%, %d expanded claims); removed: %s", g, total, kept,
			100*float64(kept)/float64(total), c["kept, expanded claim"], strings.Join(parts, ", "))
	}
	// ChatGPT loses the rows whose source is no article (the same sources
	// for every kind) and little else.
	for _, g := range []string{"chatgpt/paraphrase", "chatgpt/rewrite"} {
		if kept := counts[g]["kept"] + counts[g]["kept, expanded claim"] + counts[g]["not-an-article"]; kept < 550 {
			t.Errorf("%s: kept %d of 587 besides not-an-article sources; the rule should cost ChatGPT little", g, kept)
		}
	}
	if c := counts["chatgpt/open-ended"]; c["kept"]+c["not-an-article"] != 587 {
		t.Errorf("chatgpt/open-ended: %v; expected every open-ended text kept whose source is an article", c)
	}
	for _, g := range []string{"llama2-13b/paraphrase", "vicuna-7b/rewrite"} {
		c, total := counts[g], 0
		for _, n := range c {
			total += n
		}
		if (c["kept"]+c["kept, expanded claim"])*10 > total*6 {
			t.Errorf("%s: %v; expected the rule to remove about half", g, c)
		}
	}
}

// TestCoAIDQuotesAreRepaired checks that no CoAID text keeps the Mac Roman
// quotes read as Latin-1 (coaidQuotes), and that a claim wrapped in them
// now opens with a quotation mark, not with a letter glued to its first
// word.
func TestCoAIDQuotesAreRepaired(t *testing.T) {
	s := allSets(t)["llmfake"]
	claims := 0
	for _, d := range s.Docs {
		if d.Extra["dataset"] != "coaid" {
			continue
		}
		if strings.ContainsAny(d.Text, "ÒÓÔÕ") {
			t.Errorf("%s still holds a misread quote: %.80q", d.ID, d.Text)
		}
		if strings.HasPrefix(d.Text, "“") {
			claims++
		}
	}
	for _, q := range s.Queries {
		if q.Extra["dataset"] == "coaid" && strings.ContainsAny(q.Text, "ÒÓÔÕ") {
			t.Errorf("%s still holds a misread quote: %.80q", q.ID, q.Text)
		}
	}
	if claims < 10 {
		t.Errorf("%d CoAID claims open with “; the data quotes 14", claims)
	}
}

// TestExpandedClaimsAreLlamaAndVicunaEssays checks the expansion rule on
// the data: Llama-2 and Vicuna expand one-line claims into essays often,
// ChatGPT seldom, and no output of a source longer than a claim is an
// expansion.
func TestExpandedClaimsAreLlamaAndVicunaEssays(t *testing.T) {
	s := allSets(t)["llmfake"]
	words := map[string]int{}
	for _, d := range s.Docs {
		words[d.ID] = len(strings.Fields(d.Text))
	}
	expanded, kept := map[string]int{}, map[string]int{}
	for _, q := range s.Queries {
		if ok, _ := q.Usable(); !ok || q.Source == "" {
			continue
		}
		if q.ExpandedClaim() {
			if q.Label != LabelParaphrase && q.Label != LabelRewrite {
				t.Errorf("%s: a %s marked as an expanded claim", q.ID, q.Label)
			}
			if n := words[q.Source]; n > maxClaimWords {
				t.Errorf("%s: source of %d words marked as a one-line claim", q.ID, n)
			}
			if len(strings.Fields(q.Text)) < expansionFactor*words[q.Source] {
				t.Errorf("%s: %d words for a claim of %d marked as an expansion", q.ID, len(strings.Fields(q.Text)), words[q.Source])
			}
		}
		if q.Label != LabelRewrite {
			continue
		}
		g := "others"
		if q.Extra["generator"] == "chatgpt" {
			g = "chatgpt"
		}
		kept[g]++
		if q.ExpandedClaim() {
			expanded[g]++
		}
	}
	t.Logf("rewrites that expand a claim: ChatGPT %d of %d, Llama-2/Vicuna %d of %d", expanded["chatgpt"], kept["chatgpt"], expanded["others"], kept["others"])
	if expanded["chatgpt"]*50 > kept["chatgpt"] {
		t.Errorf("ChatGPT: %d of %d rewrites called expansions; its rewrites restate", expanded["chatgpt"], kept["chatgpt"])
	}
	if expanded["others"]*5 < kept["others"] {
		t.Errorf("Llama-2/Vicuna: only %d of %d rewrites called expansions", expanded["others"], kept["others"])
	}
}
