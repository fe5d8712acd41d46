package auditeval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/audit"
	"github.com/storytrace/storytrace/bench/corpus"
	"github.com/storytrace/storytrace/bench/suite"
	"github.com/storytrace/storytrace/facts"
)

// The swap generator (FactCC-style, Kryscinski et al. 2020, adapted to
// whole articles). From each real text (BBC News Summary articles, and the
// GPT-4o rewrites of l2r, taken in an order shuffled by a PCG source seeded
// with Seed) it makes at most one case per change type by editing one
// mention, its random choices drawn from a stream seeded with Seed, the
// article and the type. Only a fact the source states too, as the same
// kind of fact, is edited (see statedBySource), and the edited text must
// still read as a fact of that kind where the edit is (see readsAs):
//
//   - figure: one digit of a quantity written in digits changes to another
//     digit (541,210 → 541,810), so the value surely differs;
//   - date: a weekday becomes the next weekday; a year in digits moves by
//     one to three years, a day by one (staying within 1–28); a month name
//     alone becomes the month three later;
//   - name: a person's name (an entity the extractor labels a person's,
//     by all the mentions of the name in the article: a role at one of
//     them) becomes a full person's name (two or three words) from another
//     article;
//   - place: a place-labelled entity (by all its mentions, likewise)
//     becomes another place, from a fixed list, that the article does not
//     mention;
//   - negation: "not" is inserted after the first "is", "was", "are",
//     "were", "has", "have", "will", "can" or "could" of a random sentence
//     that has no negation, unless "only" or "merely" follows it ("not
//     only likely" negates nothing);
//   - negation, stated: the same, only where the first word after the
//     auxiliary that is not a stop word ("phenomenal" in "Liang is a
//     phenomenal player") has its stem among the source's. This is the
//     negation swaps' counterpart of statedBySource: FactCC negates claims
//     taken from the source, while a "not" put into a sentence the rewrite
//     added ("Here are not some notable transfers:") negates nothing the
//     source says, so it cannot be found altered against it. Added in the
//     seventh session beside the row above, which is kept so that the
//     change of protocol stays visible.
//
// For BBC the unedited article is the source; for l2r the article the
// rewrite was made from. The edited text is the query. The audit detects
// a case when one of its "altered" lines (figure, date, name, polarity)
// covers the edited bytes; every other fact of the query that it calls
// altered is a false flag.

// freshSeeds seed the draws of swap cases no rule was chosen on until the
// eighth session, whose negation rules were read off their misses (see
// swapRows); heldOutSeeds seed draws added then, whose cases no one has
// read.
var (
	freshSeeds   = []uint64{100, 101, 102, 103, 104, 105}
	heldOutSeeds = []uint64{200, 201, 202, 203, 204, 205}
	// otherModelSeeds seed the draws from the GPT-3-Turbo and Llama-3-70B
	// rewrites (fifteenth session); the sixteenth session read their
	// misses.
	otherModelSeeds = []uint64{300, 301, 302, 303, 304, 305}
	// otherModelHeldOutSeeds seed the draws from the same two models
	// added when the sixteenth session had read the misses of theirs.
	otherModelHeldOutSeeds = []uint64{400, 401, 402, 403, 404, 405}
)

// changeTypes in row order.
var changeTypes = []string{"figure", "date", "name", "place", "negation", "negation, stated"}

// swapPlaces are the replacement places.
var swapPlaces = []string{"Sindh", "Norway", "Peru", "Kenya", "Vietnam", "Manchester", "Glasgow", "Ohio", "Brazil", "Tokyo"}

// swapBase is a text to edit and the source it is checked against: the
// same text for the BBC cases, an LLM rewrite and its article for l2r.
type swapBase struct{ text, source string }

// swapCase is one generated case.
type swapCase struct {
	kind           string
	source, query  string
	editStart, end int    // the edited bytes in query
	was            string // what the edit replaced, for inspecting misses
}

// generateSwaps makes up to perType cases of each change type from the
// bases, taken in a seeded random order.
func generateSwaps(bases []swapBase, perType int, seed uint64) []swapCase {
	order := rand.New(rand.NewPCG(seed, seed)).Perm(len(bases))
	names := personNames(bases, order)
	count := map[string]int{}
	var out []swapCase
	for _, ai := range order {
		for ki, kind := range changeTypes {
			if count[kind] >= perType {
				continue
			}
			// Each article and change type draws from its own stream, so
			// that a change to extraction, which decides whether an
			// article yields a case at all, does not reshuffle the cases
			// made from every article after it: before/after figures then
			// compare the same edits.
			rng := rand.New(swapStream(seed, ai, ki))
			if c, ok := makeSwap(kind, bases[ai], rng, names); ok {
				out = append(out, c)
				count[kind]++
			}
		}
		done := true
		for _, k := range changeTypes {
			done = done && count[k] >= perType
		}
		if done {
			break
		}
	}
	return out
}

// firstTypes is how many change types the generator had when the rows
// were first measured (figure to negation).
const firstTypes = 5

// swapStream is the random stream of article ai's change type ki in the
// draw seeded with seed. With Seed, the first five types keep the streams
// every earlier row was measured on (sequence ai·5+ki); every other type
// and draw has a stream of its own, so adding a type changes no existing
// case.
func swapStream(seed uint64, ai, ki int) *rand.PCG {
	if seed == Seed && ki < firstTypes {
		return rand.NewPCG(Seed, uint64(ai)*firstTypes+uint64(ki))
	}
	return rand.NewPCG(seed<<8|uint64(ki), uint64(ai))
}

// personNames collects person-like names from the first bases, as
// replacements for the name swaps.
func personNames(bases []swapBase, order []int) []string {
	var out []string
	seen := map[string]bool{}
	for _, ai := range order[:min(200, len(order))] {
		for _, e := range facts.Entities(bases[ai].text) {
			if fullPersonName(e) && !seen[e.Entity] {
				seen[e.Entity] = true
				out = append(out, e.Entity)
			}
		}
	}
	return out
}

// fullPersonName reports whether an entity is taken for a replacement
// person's name: labelled a person's by the extractor, which it does only
// when some mention of the name has a role ("Mr Whittle", "Senator Mohsin
// Aziz"), and of two or three words (a surname alone from another article
// names no one). Taking any unlabelled name of two or three words, as the
// edited names were taken too, made a third of the name cases edits of
// other things ("Privacy International", "Talk Talk", "Sri Lanka") or put
// one in ("Olympic Games", "Class A").
func fullPersonName(e facts.Fact) bool {
	n := len(strings.Fields(e.Entity))
	return e.Label == facts.LabelPerson && n >= 2 && n <= 3
}

func makeSwap(kind string, base swapBase, rng *rand.Rand, names []string) (swapCase, bool) {
	body := base.text
	var start, end int
	var repl string
	ok := false
	switch kind {
	case "figure":
		start, end, repl, ok = swapFigure(body, base.source, rng)
	case "date":
		start, end, repl, ok = swapDate(body, base.source, rng)
	case "name":
		start, end, repl, ok = swapEntity(body, base.source, rng, facts.LabelPerson, names)
	case "place":
		start, end, repl, ok = swapEntity(body, base.source, rng, facts.LabelPlace, swapPlaces)
	case "negation":
		start, end, repl, ok = insertNegation(body, nil, rng)
	case "negation, stated":
		start, end, repl, ok = insertNegation(body, sourceTerms(base.source), rng)
	}
	if !ok {
		return swapCase{}, false
	}
	q := body[:start] + repl + body[end:]
	if !readsAs(kind, q, start, start+len(repl)) {
		return swapCase{}, false
	}
	return swapCase{kind: kind, source: base.source, query: q, editStart: start, end: start + len(repl), was: body[start:end]}, true
}

// statedBySource reports whether the source states fact f as a fact of
// the same kind: a quantity or date of a compatible value, or a name the
// source labels label, with the same words (a surname standing alone being
// one of the full name's). Only such a fact is edited; a name the rewrite
// leaves unlabelled is taken by the source's label, the source being the
// original article, whose roles ("Mr Whittle") a rewrite often drops. A rewrite states
// things its source does not (a name it moved from another sentence,
// "American" for "US", a place guessed from the word "to"); editing one of
// those tests no reading of the source, and most such cases were of names
// the extractor had mislabelled in the rewrite ("condolences to Smith's
// family" read as a place). On BBC cases the source is the text itself,
// so the rule changes nothing there.
func statedBySource(f facts.Fact, source []facts.Fact, label string) bool {
	for _, sf := range source {
		if f.Kind == facts.Entity && sf.Kind == facts.Entity {
			a, b := " "+strings.ToLower(f.Entity)+" ", " "+strings.ToLower(sf.Entity)+" "
			if sf.Label == label && (strings.Contains(a, b) || strings.Contains(b, a)) {
				return true
			}
		} else if f.Kind != facts.Entity && facts.Match(f, sf) >= facts.Compatible {
			return true
		}
	}
	return false
}

// readsAs reports whether the extractor reads the edited text's bytes
// from start to end as a fact of the change type: a quantity or a date
// covering them, or a name there of a label that agrees with the type's
// (a person's or none for a name; a place for a place). The edited fact
// must still be one of its kind: a replacement name from another article
// can read otherwise in its new place ("Recruitment Ltd", labelled a
// person's by a role in its own article, is an organisation's name).
// Negations are not facts and pass.
func readsAs(kind, text string, start, end int) bool {
	covers := func(f facts.Fact) bool { return f.Start <= start && end <= f.End }
	switch kind {
	case "figure", "date":
		want := facts.Quantity
		if kind == "date" {
			want = facts.Date
		}
		for _, f := range facts.Extract(text) {
			if f.Kind == want && covers(f) {
				return true
			}
		}
		return false
	case "name", "place":
		for _, e := range facts.Entities(text) {
			if covers(e) {
				if kind == "name" {
					return e.Label == facts.LabelPerson || e.Label == ""
				}
				return e.Label == facts.LabelPlace
			}
		}
		return false
	}
	return true
}

// swapFigure changes one digit of a quantity written in digits.
func swapFigure(body, source string, rng *rand.Rand) (int, int, string, bool) {
	sf := facts.Extract(source)
	var cands []facts.Fact
	for _, f := range facts.Extract(body) {
		if f.Kind == facts.Quantity && strings.ContainsAny(f.Text, "0123456789") && statedBySource(f, sf, "") {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		return 0, 0, "", false
	}
	f := cands[rng.IntN(len(cands))]
	var digits []int
	for i := 0; i < len(f.Text); i++ {
		if f.Text[i] >= '0' && f.Text[i] <= '9' {
			digits = append(digits, i)
		}
	}
	i := digits[rng.IntN(len(digits))]
	d := f.Text[i] - '0'
	nd := (d + 1 + byte(rng.IntN(8))) % 10
	if nd == 0 && (i == 0 || f.Text[i-1] < '0' || f.Text[i-1] > '9') {
		nd = (d + 1) % 10 // no leading zero
		if nd == 0 {
			nd = 1
		}
	}
	return f.Start + i, f.Start + i + 1, string('0' + nd), true
}

// swapDate changes one date.
func swapDate(body, source string, rng *rand.Rand) (int, int, string, bool) {
	sf := facts.Extract(source)
	var cands []facts.Fact
	for _, f := range facts.Extract(body) {
		if f.Kind == facts.Date && statedBySource(f, sf, "") {
			cands = append(cands, f)
		}
	}
	if len(cands) == 0 {
		return 0, 0, "", false
	}
	f := cands[rng.IntN(len(cands))]
	days := []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for k, d := range days {
		if i := strings.Index(f.Text, d); i >= 0 {
			return f.Start + i, f.Start + i + len(d), days[(k+1)%7], true
		}
	}
	// A day or a year in digits: the first run of digits moves by a little,
	// a day staying within 1–28 so the date stays valid.
	for i := 0; i < len(f.Text); i++ {
		if f.Text[i] < '0' || f.Text[i] > '9' {
			continue
		}
		j := i
		for j < len(f.Text) && f.Text[j] >= '0' && f.Text[j] <= '9' {
			j++
		}
		v, _ := strconv.Atoi(f.Text[i:j])
		nv := v + 1 + rng.IntN(3)
		if j-i <= 2 {
			if nv = v + 1; v >= 28 {
				nv = v - 1
			}
		}
		return f.Start + i, f.Start + j, strconv.Itoa(nv), true
	}
	for k, m := range months {
		if i := strings.Index(f.Text, m); i >= 0 {
			return f.Start + i, f.Start + i + len(m), months[(k+3)%12], true
		}
	}
	return 0, 0, "", false
}

// swapEntity replaces one mention of an entity of the label with a
// replacement the article does not mention.
func swapEntity(body, source string, rng *rand.Rand, label string, repls []string) (int, int, string, bool) {
	se := facts.Entities(source)
	var cands []facts.Fact
	for _, e := range facts.Entities(body) {
		if (e.Label == label || e.Label == "") && statedBySource(e, se, label) {
			cands = append(cands, e)
		}
	}
	if len(cands) == 0 || len(repls) == 0 {
		return 0, 0, "", false
	}
	e := cands[rng.IntN(len(cands))]
	for try := 0; try < 10; try++ {
		r := repls[rng.IntN(len(repls))]
		if !strings.Contains(body, r) && !strings.Contains(r, e.Entity) {
			// Keep the role: "Senator Mohsin Aziz" → "Senator Jane Doe".
			start := e.End - len(e.Entity)
			return start, e.End, r, true
		}
	}
	return 0, 0, "", false
}

// sourceTerms returns the set of a source's terms (stems).
func sourceTerms(source string) map[string]bool {
	terms := map[string]bool{}
	for _, t := range analyze.Tokenize(source, analyze.Span{Start: 0, End: len(source)}) {
		if t.Term != "" {
			terms[t.Term] = true
		}
	}
	return terms
}

// negatesStated reports whether the first content word of rest (the
// sentence after the auxiliary) has a term in stated.
func negatesStated(rest string, stated map[string]bool) bool {
	for _, t := range analyze.Tokenize(rest, analyze.Span{Start: 0, End: len(rest)}) {
		if t.Term != "" {
			return stated[t.Term]
		}
	}
	return false
}

// startsNotNegated reports whether rest opens with a word before which a
// "not" negates nothing: "not only", "not merely".
func startsNotNegated(rest string) bool {
	f := strings.Fields(strings.ToLower(rest))
	return len(f) > 0 && (f[0] == "only" || f[0] == "merely")
}

// insertNegation inserts "not" after an auxiliary in a sentence without a
// negation; with stated given, only where the word it negates is stated
// (see negatesStated).
func insertNegation(body string, stated map[string]bool, rng *rand.Rand) (int, int, string, bool) {
	sentences := strings.SplitAfter(body, ". ")
	start := 0
	var spots []int // byte offsets just after an auxiliary and its space
	for _, s := range sentences {
		low := " " + strings.ToLower(s)
		if !strings.Contains(low, " not ") && !strings.Contains(low, "n't") && !strings.Contains(low, " no ") && !strings.Contains(low, " never ") {
			for _, aux := range []string{" is ", " was ", " are ", " were ", " has ", " have ", " will ", " can ", " could "} {
				if i := strings.Index(low, aux); i >= 0 {
					at := i - 1 + len(aux)
					if startsNotNegated(s[at:]) {
						// "was not only likely" negates nothing.
						break
					}
					if stated == nil || negatesStated(s[at:], stated) {
						spots = append(spots, start+at)
					}
					break
				}
			}
		}
		start += len(s)
	}
	if len(spots) == 0 {
		return 0, 0, "", false
	}
	at := spots[rng.IntN(len(spots))]
	return at, at, "not ", true
}

// swapRows runs the swap cases on BBC articles (the edited article against
// itself) and on l2r GPT-4o rewrites (the edited rewrite against its
// article), and returns one row per change type and set. On rewrites the
// untouched facts are a real rewrite's, so their flags measure false
// alarms where the aligner has real rewording to cope with.
func swapRows(ctx context.Context, env *suite.Env) ([]suite.Row, error) {
	bbc, err := corpus.Load(env.Shared, "bbc")
	if err != nil {
		return nil, fmt.Errorf("swap cases: %w", err)
	}
	l2r, err := corpus.Load(env.Shared, "l2r")
	if err != nil {
		return nil, fmt.Errorf("swap cases: %w", err)
	}
	perType := 200
	if env.Quick {
		perType = quickItems / len(changeTypes)
	}
	var bbcBases []swapBase
	for _, d := range bbc.Docs {
		bbcBases = append(bbcBases, swapBase{d.Text, d.Text})
	}
	rewrites := rewriteBases(l2r, "GPT-4o")
	type swapSet struct {
		name  string
		cases []swapCase
	}
	sets := []swapSet{
		{"bbc", generateSwaps(bbcBases, perType, Seed)},
		{"l2r GPT-4o", generateSwaps(rewrites, perType, Seed)},
	}
	if !env.Quick {
		// The rules were chosen looking at the misses of the Seed draw,
		// so its figures flatter them. Fresh draws from the same
		// rewrites, pooled, say what a new case meets.
		// The eighth session read the fresh draws' negation misses in
		// turn; the held-out draws are what a rule chosen without them
		// meets now.
		for _, d := range []struct {
			name  string
			seeds []uint64
		}{{"fresh", freshSeeds}, {"held-out", heldOutSeeds}} {
			var cases []swapCase
			for _, seed := range d.seeds {
				cases = append(cases, generateSwaps(rewrites, perType, seed)...)
			}
			sets = append(sets, swapSet{fmt.Sprintf("l2r GPT-4o, %d %s draws", len(d.seeds), d.name), cases})
		}
		// The negation generator finds few places to put a "not" in a
		// rewrite, so the draws repeat one another's cases: of the 978
		// held-out "negation, stated" cases, 888 are cases a fresh draw
		// holds too, whose misses were read. Two rows count what no rule
		// was read on, each case once: the held-out cases no earlier
		// draw holds, and every draw of the rewrites of the two other
		// models, whose swap cases no session has read.
		seen := map[string]bool{}
		for _, seed := range append([]uint64{Seed}, freshSeeds...) {
			distinctCases(generateSwaps(rewrites, perType, seed), seen)
		}
		var unseen []swapCase
		for _, seed := range heldOutSeeds {
			unseen = append(unseen, distinctCases(generateSwaps(rewrites, perType, seed), seen)...)
		}
		sets = append(sets, swapSet{"l2r GPT-4o, held-out cases no earlier draw holds", unseen})
		// The sixteenth session read those two models' misses in turn;
		// their held-out draws count the cases no earlier draw of theirs
		// holds.
		for _, model := range []string{"GPT-3-Turbo", "Llama-3-70B"} {
			bases := rewriteBases(l2r, model)
			seen := map[string]bool{}
			var cases, unseen []swapCase
			for _, seed := range otherModelSeeds {
				cases = append(cases, distinctCases(generateSwaps(bases, perType, seed), seen)...)
			}
			for _, seed := range otherModelHeldOutSeeds {
				unseen = append(unseen, distinctCases(generateSwaps(bases, perType, seed), seen)...)
			}
			sets = append(sets,
				swapSet{fmt.Sprintf("l2r %s, %d draws, each case once", model, len(otherModelSeeds)), cases},
				swapSet{fmt.Sprintf("l2r %s, held-out cases no earlier draw holds", model), unseen})
		}
	}
	var rows []suite.Row
	for _, set := range sets {
		r, err := swapSetRows(ctx, env, set.name, set.cases)
		if err != nil {
			return nil, err
		}
		rows = append(rows, r...)
	}
	return rows, nil
}

// distinctCases returns the cases of one change type and text that seen
// does not hold yet, and adds them to it.
func distinctCases(cases []swapCase, seen map[string]bool) []swapCase {
	var out []swapCase
	for _, c := range cases {
		key := c.kind + "\x00" + c.query
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, c)
	}
	return out
}

// rewriteBases returns the given model's l2r rewrites, each with the
// article it was made from as its source.
func rewriteBases(l2r *corpus.Set, model string) []swapBase {
	docs := l2r.DocIndex()
	var out []swapBase
	for _, q := range l2r.Queries {
		if q.Extra["model"] != model || q.Text == "" {
			continue
		}
		if i, ok := docs[q.Source]; ok {
			out = append(out, swapBase{q.Text, l2r.Docs[i].Text})
		}
	}
	return out
}

// swapSetRows scores one set of swap cases.
func swapSetRows(ctx context.Context, env *suite.Env, set string, cases []swapCase) ([]suite.Row, error) {
	type tally struct{ n, hit, facts, flagged, baseHit int }
	byKind := map[string]*tally{}
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := byKind[c.kind]
		if t == nil {
			t = &tally{}
			byKind[c.kind] = t
		}
		res, _, _ := auditPair(c.query, c.source)
		t.n++
		hit, total, flagged := scoreSwap(res, c)
		if hit {
			t.hit++
		}
		t.facts += total
		t.flagged += flagged
		if entityOverlapFlags(c.query, c.source) {
			t.baseHit++
		}
	}
	var rows []suite.Row
	for _, k := range changeTypes {
		t := byKind[k]
		if t == nil {
			continue
		}
		rows = append(rows, suite.Row{
			Table: "audit: swaps", Set: set + "/" + k, Method: "storytrace", N: t.n,
			Metrics: []suite.Metric{
				suite.M("altered recall", share(t.hit, t.n)),
				suite.M("untouched flagged", share(t.flagged, t.facts)),
			},
		}, suite.Row{
			Table: "audit: swaps", Set: set + "/" + k, Method: "entity overlap", N: t.n,
			Metrics: []suite.Metric{suite.M("document flagged", share(t.baseHit, t.n))},
			Note:    "entity overlap flags a document, not the changed fact: its figure is an upper bound on what it could localise",
		})
		env.Logf("audit swaps %s/%s: recall %s over %d, untouched flagged %s of %d (baseline flags the document in %s)",
			set, k, pct(share(t.hit, t.n)), t.n, pct(share(t.flagged, t.facts)), t.facts, pct(share(t.baseHit, t.n)))
	}
	return rows, nil
}

// scoreSwap reports whether an altered line covers the edit, and how many
// other query facts there are and how many of them are flagged altered.
func scoreSwap(res *audit.Result, c swapCase) (hit bool, total, flagged int) {
	touches := func(f *facts.Fact) bool {
		return f != nil && f.Start <= c.end && c.editStart <= f.End
	}
	// Only a line of the list the change belongs in counts as finding it:
	// a polarity line spans its whole sentence and would otherwise "find"
	// a name changed in that sentence.
	lists := []struct {
		kinds   []string
		changes []audit.FactChange
	}{
		{[]string{"figure", "date"}, res.Facts},
		{[]string{"name", "place"}, res.Entities},
		{[]string{"negation", "negation, stated"}, res.Negations},
	}
	for _, list := range lists {
		own := slices.Contains(list.kinds, c.kind)
		for _, ch := range list.changes {
			if ch.Query == nil {
				continue
			}
			if touches(ch.Query) {
				if ch.Change == audit.Altered && own {
					hit = true
				}
				continue
			}
			total++
			if ch.Change == audit.Altered {
				flagged++
			}
		}
	}
	return hit, total, flagged
}
