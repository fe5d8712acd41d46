package audit

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/storytrace/storytrace/align"
	"github.com/storytrace/storytrace/analyze"
	"github.com/storytrace/storytrace/facts"
)

// genericNouns are the nouns a rewrite puts in place of a name, by the
// label of the name they can stand for.
var genericNouns = map[string]string{
	"country": facts.LabelPlace, "nation": facts.LabelPlace, "state": facts.LabelPlace,
	"province": facts.LabelPlace, "region": facts.LabelPlace, "city": facts.LabelPlace,
	"town": facts.LabelPlace, "village": facts.LabelPlace, "area": facts.LabelPlace,
	"territory": facts.LabelPlace, "capital": facts.LabelPlace, "district": facts.LabelPlace,
	"man": facts.LabelPerson, "woman": facts.LabelPerson, "person": facts.LabelPerson,
	"official": facts.LabelPerson, "senator": facts.LabelPerson, "lawmaker": facts.LabelPerson,
	"politician": facts.LabelPerson, "minister": facts.LabelPerson, "spokesperson": facts.LabelPerson,
	"spokesman": facts.LabelPerson, "spokeswoman": facts.LabelPerson, "leader": facts.LabelPerson,
	"individual": facts.LabelPerson, "activist": facts.LabelPerson, "candidate": facts.LabelPerson,
	"legislator": facts.LabelPerson, "representative": facts.LabelPerson,
	"ministry": facts.LabelOrg, "government": facts.LabelOrg, "agency": facts.LabelOrg,
	"company": facts.LabelOrg, "firm": facts.LabelOrg, "group": facts.LabelOrg,
	"organisation": facts.LabelOrg, "organization": facts.LabelOrg, "department": facts.LabelOrg,
	"authority": facts.LabelOrg, "authorities": facts.LabelOrg, "party": facts.LabelOrg,
	"institution": facts.LabelOrg, "body": facts.LabelOrg, "chamber": facts.LabelOrg,
	"house": facts.LabelOrg, "parliament": facts.LabelOrg, "legislature": facts.LabelOrg,
}

// genericDeterminers open a generic phrase ("a country", "the upper house").
var genericDeterminers = map[string]bool{"a": true, "an": true, "the": true, "one": true, "another": true, "this": true, "that": true}

// mention is one distinct entity of a text: its first mention and all of
// the sentences that mention it.
type mention struct {
	fact      facts.Fact
	name      string // folded for comparison
	forms     nameForms
	sentences []int
}

// distinct groups entity mentions by name, folding case, a final "s" and a
// surname standing alone ("Aziz" after "Mohsin Aziz").
func distinct(p *analyze.Profile, ents []facts.Fact) []*mention {
	var out []*mention
	var forms []nameForms // of out's names
	for _, e := range ents {
		name := foldName(e.Entity)
		f := formsOf(name)
		var m *mention
		for k, o := range out {
			if sameForms(forms[k], f) {
				m = o
				break
			}
		}
		if m == nil {
			m = &mention{fact: e, name: name, forms: f}
			out = append(out, m)
			forms = append(forms, f)
		}
		if i := sentenceAt(p, e.Start); i >= 0 {
			m.sentences = append(m.sentences, i)
		}
	}
	return out
}

// foldName folds a name for comparison: lower case, accents of Latin
// letters removed ("Beyoncé" = "Beyonce"), a leading "the", possessive and
// plural "s" removed, full stops dropped ("U.S." = "US").
func foldName(n string) string {
	n = strings.ToLower(strings.ReplaceAll(n, ".", ""))
	n = strings.TrimSuffix(strings.TrimSuffix(n, "’s"), "'s")
	n = strings.TrimPrefix(n, "the ")
	return strings.TrimSuffix(stripAccents(n), "s")
}

// stripAccents removes the combining marks of Latin letters. Marks of
// other scripts are part of the spelling and stay.
func stripAccents(s string) string {
	if isASCII(s) {
		return s
	}
	var sb strings.Builder
	latin := false
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) && latin {
			continue
		}
		latin = unicode.Is(unicode.Latin, r)
		sb.WriteRune(r)
	}
	return norm.NFC.String(sb.String())
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// sameName reports whether two folded names name one entity: equal; one
// a run of whole words of the other ("aziz", "mohsin aziz"; "stoke",
// "stoke city"), a plural "s" aside; the initials of the other ("ecb",
// "european central bank"; "u" of "US", "united state"); the start of the
// other, four letters or more, with an ending of up to three letters
// ("australia", "australian", but not "afghan", "afghanistan") or, for a
// name of two words or more, any ("nazi ger", "nazi germany" cut by a
// line; "lead stories llc" glued to the next word); the end of the other,
// for a name of two words or more ("gretchen carlson" glued to the word
// before); or, five letters or more, one letter apart: a misspelling
// ("norfok", "norfolk"). A rewrite writes names in all these ways, and
// scraped text glues or cuts them; calling them altered was most of the
// false "altered names" on the unedited l2r rewrites. A surname alone may
// be misspelt that way too ("shoomaker", "jacob shoemaker").
func sameName(a, b string) bool {
	if a == b {
		return true
	}
	return sameForms(formsOf(a), formsOf(b))
}

// nameForms are a folded name and the forms sameName compares it by,
// worked out once for a name compared with many.
type nameForms struct {
	name     string
	singular string // " " + singular(name) + " "
	initials string
}

func formsOf(name string) nameForms {
	return nameForms{name: name, singular: " " + singular(name) + " ", initials: initials(name)}
}

// sameForms is sameName over names' forms.
func sameForms(fa, fb nameForms) bool {
	a, b := fa.name, fb.name
	if a == b {
		return true
	}
	if len(a) > len(b) {
		a, b = b, a
		fa, fb = fb, fa
	}
	if len(a) > 2 && strings.Contains(fb.singular, fa.singular) {
		return true
	}
	if ini := fb.initials; len(ini) >= 2 && !strings.Contains(a, " ") && (ini == a || ini == a+"s") {
		return true
	}
	if len(a) >= 4 && strings.HasPrefix(b, a) && (len(b)-len(a) <= 3 || strings.Contains(a, " ")) {
		return true
	}
	if i := strings.IndexByte(a, ' '); i > 1 && strings.HasSuffix(b, a) {
		// Glued to the word before: "linkedingretchen carlson". Not when
		// the shorter name opens with an initial: "w porterfield" is no
		// glued form of "andrew porterfield".
		return true
	}
	if initialled(a, b) || initialled(b, a) {
		return true
	}
	if i := strings.LastIndexByte(b, ' '); i >= 0 && !strings.Contains(a, " ") && utf8.RuneCountInString(a) >= minMisspeltSurname &&
		utf8.RuneCountInString(a) == utf8.RuneCountInString(b[i+1:]) && oneEdit(a, b[i+1:]) {
		// A surname alone, one letter misspelt: "the Shoomaker family"
		// of "Jacob Shoemaker" (LLMFake's faithful paraphrase of
		// politifact15191). A letter more or less is another name as
		// often: "Hussen" is no "Hussein" in the swap cases.
		return true
	}
	return utf8.RuneCountInString(a) >= 5 && oneEdit(a, b)
}

// minMisspeltSurname is the fewest letters a surname standing alone needs
// to be read as a misspelling of a longer name's last word one letter
// apart: "Hanks" is no "Tom Banks".
const minMisspeltSurname = 6

// placeNamed gives, for a country's name in its other forms, the country:
// the adjective and the people ("France" / "French", "Britain" / "British"
// / "Briton", "the Netherlands" / "Dutch"), and the short forms of the two
// countries BBC copy names most ("UK", "US", "America"). A rewrite writes
// "a French official" for "an official from France"; calling the name
// altered was a false alarm on the unedited l2r rewrites. Only forms
// sameName does not already match are listed: it takes "Australian" for
// "Australia" (the start of the other, an ending of up to three letters).
// The table pairs names across the two texts only (diffEntities), never
// the mentions of one text: "Afghans" and "Afghanistan" are two entities
// of the seed article.
var placeNamed = func() map[string]string {
	groups := map[string]string{
		"united kingdom": "uk, britain, great britain, british, briton, britons, brit, brits",
		"united states":  "us, u s, usa, america, american, americans, united states of america",
		"france":         "french, frenchman, frenchwoman",
		"england":        "english, englishman, englishwoman",
		"scotland":       "scottish, scot, scots",
		"wales":          "welsh, welshman, welshwoman",
		"ireland":        "irish, irishman, irishwoman",
		"netherlands":    "dutch, holland",
		"switzerland":    "swiss",
		"sweden":         "swedish, swede, swedes",
		"denmark":        "danish, dane, danes",
		"finland":        "finnish, finn, finns",
		"poland":         "polish, pole, poles",
		"greece":         "greek, greeks",
		"turkey":         "turkish, turk, turks",
		"spain":          "spanish, spaniard, spaniards",
		"portugal":       "portuguese",
		"china":          "chinese",
		"japan":          "japanese",
		"vietnam":        "vietnamese",
		"lebanon":        "lebanese",
		"sudan":          "sudanese",
		"israel":         "israeli, israelis",
		"iraq":           "iraqi, iraqis",
		"pakistan":       "pakistani, pakistanis",
		"afghanistan":    "afghan, afghans",
		"saudi arabia":   "saudi, saudis",
		"thailand":       "thai, thais",
		"philippines":    "filipino, filipinos, philippine",
		"italy":          "italian, italians",
		"mexico":         "mexican, mexicans",
		"canada":         "canadian, canadians",
		"norway":         "norwegian, norwegians",
		"ukraine":        "ukrainian, ukrainians",
		"belgium":        "belgian, belgians",
		"argentina":      "argentine, argentinian, argentines, argentinians",
		"hungary":        "hungarian, hungarians",
		"peru":           "peruvian, peruvians",
		"morocco":        "moroccan, moroccans",
		"new zealand":    "new zealander, new zealanders, kiwi, kiwis",
	}
	m := map[string]string{}
	for place, forms := range groups {
		m[place] = place
		for _, f := range strings.Split(forms, ", ") {
			m[f] = place
		}
	}
	return m
}()

// initialled reports whether folded name a is b with its first name cut
// to the initial: "w porterfield" for "william porterfield", as scorecards
// and lists write players. Two words each, the same surname of three
// letters or more.
func initialled(a, b string) bool {
	a0, a1, ok := twoWords(a)
	if !ok || len(a0) != 1 || len(a1) < 3 {
		return false
	}
	b0, b1, ok := twoWords(b)
	return ok && len(b0) > 1 && b0[0] == a0[0] && a1 == b1
}

// twoWords returns the two white-space-separated words of s, ok false
// when it holds another number of words. It is strings.Fields without
// the allocation: sameForms compares every pair of names of two texts.
func twoWords(s string) (first, second string, ok bool) {
	var w [2]string
	n, start := 0, -1
	for i, r := range s {
		switch {
		case !unicode.IsSpace(r):
			if start < 0 {
				start = i
			}
		case start >= 0:
			if n == 2 {
				return "", "", false
			}
			w[n], n, start = s[start:i], n+1, -1
		}
	}
	if start >= 0 {
		if n == 2 {
			return "", "", false
		}
		w[n], n = s[start:], n+1
	}
	return w[0], w[1], n == 2
}

// samePlace reports whether two folded names name one country in
// different forms (placeNamed).
func samePlace(a, b string) bool {
	pa := placeNamed[a]
	return pa != "" && pa == placeNamed[b]
}

// acronymOf reports whether one of two names as written is an acronym in
// capitals ("ISIS", "USA") that starts with the initials of the other, of
// two words or more ("Islamic State", "United States"), with at most two
// letters more: an acronym often spells out more than a rewrite's short
// form of the name ("Islamic State of Iraq and Syria"). Capitals are
// asked for so that a word such as "Peru" is never read as the initials
// of "Pakistan Embassy".
func acronymOf(a, b string) bool {
	if strings.Contains(a, " ") {
		a, b = b, a
	}
	if !capitals(a) {
		return false
	}
	ini := initials(foldName(b))
	acr := strings.ToLower(strings.ReplaceAll(a, ".", ""))
	return len(ini) >= 2 && strings.HasPrefix(acr, ini) && len(acr)-len(ini) <= 2
}

// alias is a name and the other name a text gives for it in brackets
// ("Islamic State (ISIS)", "FDA (Food and Drug Administration)"), folded.
type alias struct{ name, other nameForms }

// parentheticalAliases finds the names of text followed by another in
// brackets. A text that writes "the Islamic State (ISIS)" tells the reader
// the two are one; the other text may use either.
func parentheticalAliases(text string, ents []facts.Fact) []alias {
	var out []alias
	for _, e := range ents {
		rest := strings.TrimLeft(text[e.End:], " ")
		if !strings.HasPrefix(rest, "(") {
			continue
		}
		inner, _, ok := strings.Cut(rest[1:], ")")
		if !ok || len(inner) < 2 || len(inner) > 60 || strings.ContainsAny(inner, "(\n") {
			continue
		}
		// One of the two must be an acronym in capitals, the other a name
		// of words: "McAvoy from Shameless (Channel 4)" brackets a
		// broadcaster, not another name of the programme.
		if !(capitals(inner) && strings.Contains(e.Entity, " ")) && !(capitals(e.Entity) && strings.Contains(inner, " ")) {
			continue
		}
		out = append(out, alias{formsOf(foldName(e.Entity)), formsOf(foldName(inner))})
	}
	return out
}

// capitals reports whether a name is an acronym in capitals of two to six
// letters, full stops aside ("ISIS", "U.S.").
func capitals(name string) bool {
	acr := strings.ReplaceAll(name, ".", "")
	n := utf8.RuneCountInString(acr)
	return n >= 2 && n <= 6 && strings.ToUpper(acr) == acr && strings.ToLower(acr) != acr && !strings.Contains(acr, " ")
}

// aliased reports whether two folded names (their forms) are the two
// names of one alias, either way round.
func aliased(a, b nameForms, aliases []alias) bool {
	for _, al := range aliases {
		if (sameForms(a, al.name) && sameForms(b, al.other)) || (sameForms(a, al.other) && sameForms(b, al.name)) {
			return true
		}
	}
	return false
}

// singular drops a final "s" from every word of a folded name.
func singular(name string) string {
	ws := strings.Fields(name)
	for i, w := range ws {
		if len(w) > 3 {
			ws[i] = strings.TrimSuffix(w, "s")
		}
	}
	return strings.Join(ws, " ")
}

// initials returns the first letters of the words of a name of two words
// or more, leaving out connectors ("bank of england" → "be"); "" for one
// word.
func initials(name string) string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return ""
	}
	var sb strings.Builder
	for _, w := range ws {
		if w == "of" || w == "the" || w == "and" || w == "for" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		sb.WriteRune(r)
	}
	return sb.String()
}

// oneEdit reports whether a and b differ by one letter inserted, deleted
// or replaced.
func oneEdit(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		return oneEditBytes(a, b)
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return i == len(ra) || string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

// oneEditBytes is oneEdit for ASCII names, byte by byte.
func oneEditBytes(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// diffEntities pairs the distinct entities of query and source.
func diffEntities(q, s *analyze.Profile, qEnt, sEnt []facts.Fact, al *align.Alignment, sc *Tokens) []FactChange {
	qm, sm := distinct(q, qEnt), distinct(s, sEnt)
	usedQ := make([]bool, len(qm))
	aliases := append(parentheticalAliases(q.Text, qEnt), parentheticalAliases(s.Text, sEnt)...)
	var out []FactChange
	var unmatched []*mention
	for _, sMen := range sm {
		found := false
		for i, qMen := range qm {
			if !usedQ[i] && (sameForms(qMen.forms, sMen.forms) || acronymOf(qMen.fact.Entity, sMen.fact.Entity) || aliased(qMen.forms, sMen.forms, aliases)) {
				usedQ[i], found = true, true
				out = append(out, entityChange(Kept, qMen, sMen, nil))
				break
			}
		}
		if !found {
			unmatched = append(unmatched, sMen)
		}
	}
	// A country the other text names by another form ("France" /
	// "French"), once every name written alike has found its match: the
	// seed pair names both "Afghans" and "Afghanistan" on each side.
	left := unmatched[:0]
	for _, sMen := range unmatched {
		kept := false
		for i, qMen := range qm {
			if !usedQ[i] && samePlace(qMen.forms.name, sMen.forms.name) {
				usedQ[i], kept = true, true
				out = append(out, entityChange(Kept, qMen, sMen, nil))
				break
			}
		}
		if !kept {
			left = append(left, sMen)
		}
	}
	unmatched = left
	// A query name the source writes in a way its entities do not catch
	// (in lower case, in capitals, inside a headline's title case) is the
	// source's name, kept: it is no candidate for an alteration.
	src := &sourceReading{text: s.Text, ents: sEnt, cache: sc}
	for i, qMen := range qm {
		if usedQ[i] {
			continue
		}
		if sf, ok := statedName(s, qMen, src, al); ok {
			usedQ[i] = true
			out = append(out, entityChange(Kept, qMen, nil, &sf))
		}
	}
	// A source name left over may face, in an aligned query sentence,
	// another unmatched name (altered) or a generic phrase (generalised).
	var dropped []*mention
	for _, sMen := range unmatched {
		if i, ok := facingName(q, sMen, qm, usedQ, al); ok {
			usedQ[i] = true
			out = append(out, entityChange(Altered, qm[i], sMen, nil))
			continue
		}
		if g, ok := facingGeneric(q, s, sMen, al, true); ok {
			out = append(out, entityChange(Generalised, nil, sMen, &g))
			continue
		}
		dropped = append(dropped, sMen)
	}
	var added []*mention
	for i, qMen := range qm {
		if !usedQ[i] {
			added = append(added, qMen)
		}
	}
	for _, qMen := range added {
		if sf, ok := swappedName(q, qMen, qEnt, sEnt, al); ok {
			out = append(out, FactChange{Change: Altered, Kind: facts.Entity, Query: &qMen.fact, Source: &sf})
			continue
		}
		if sf, ok := looseSwappedName(q, qMen, added, qEnt, sEnt, al); ok {
			out = append(out, FactChange{Change: Altered, Kind: facts.Entity, Query: &qMen.fact, Source: &sf})
			continue
		}
		if k, ok := soleCounterpart(qMen, added, dropped, al); ok {
			c := entityChange(Altered, qMen, dropped[k], nil)
			c.Note = "the only name the reworded source passage states and the query drops"
			out = append(out, c)
			dropped = append(dropped[:k], dropped[k+1:]...)
			continue
		}
		if sf, ok := nearbyName(q, s, qMen, qEnt, src, sm, al); ok {
			c := FactChange{Change: Altered, Kind: facts.Entity, Query: &qMen.fact, Source: &sf}
			c.Note = "a name the source never uses, where it names " + sf.Entity
			out = append(out, c)
			continue
		}
		if k, ok := onlySwapped(q, qMen, qEnt, added, dropped, src); ok {
			c := entityChange(Altered, qMen, dropped[k], nil)
			c.Note = "a name the source never uses, where the source names " + dropped[k].fact.Entity + " beside the same words"
			out = append(out, c)
			dropped = append(dropped[:k], dropped[k+1:]...)
			continue
		}
		if g, ok := facingGeneric(s, q, qMen, al, false); ok {
			out = append(out, entityChange(Specialised, qMen, nil, &g))
			continue
		}
		out = append(out, entityChange(Added, qMen, nil, nil))
	}
	for _, sMen := range dropped {
		out = append(out, entityChange(Dropped, nil, sMen, nil))
	}
	sort.SliceStable(out, func(a, b int) bool { return changeOrder(out[a]) < changeOrder(out[b]) })
	return out
}

// entityChange builds one line of the entity diff; generic, when given, is
// the generic phrase on the side without a name.
func entityChange(c Change, q, s *mention, generic *facts.Fact) FactChange {
	fc := FactChange{Change: c, Kind: facts.Entity}
	if q != nil {
		f := q.fact
		fc.Query = &f
	}
	if s != nil {
		f := s.fact
		fc.Source = &f
	}
	if generic != nil {
		if fc.Query == nil {
			fc.Query = generic
		} else {
			fc.Source = generic
		}
	}
	return fc
}

// facingName finds an unmatched query name in a query sentence aligned
// with a source sentence mentioning sMen, of a compatible label
// (swapLabels: in a pair below a near copy both labels must be known, or
// the name person-shaped, and equal). Two names in one aligned pair,
// neither found in the other text, are one name changed; but in a
// reworded pair they often name two things ("Trump revealed this
// information on Twitter" against "Todd McMartin, a spokesman for the
// FBI, told Fox News: Trump first disclosed the bombshell in an early
// morning tweetstorm", llmfake paraphrase politifact13854).
func facingName(q *analyze.Profile, sMen *mention, qm []*mention, usedQ []bool, al *align.Alignment) (int, bool) {
	for _, j := range sMen.sentences {
		for _, p := range pairsOfSource(al, j) {
			if p.Similarity < minSwapSimilarity {
				continue
			}
			for i, qMen := range qm {
				if usedQ[i] || !swapLabels(sMen.fact, qMen.fact, p.Similarity) {
					continue
				}
				for _, qs := range qMen.sentences {
					if qs == p.QuerySentence {
						return i, true
					}
				}
			}
		}
	}
	return -1, false
}

// swappedName finds, for a query name the source never mentions, the
// source name it replaced: a name the aligned source sentence mentions
// more often than the query sentence does. Counting, rather than asking
// whether the query sentence names it at all, catches one of two mentions
// changed ("from Scholl's arrest … saw Scholl deny" → "from Ohio's arrest …
// saw Scholl deny").
func swappedName(q *analyze.Profile, qMen *mention, qEnt, sEnt []facts.Fact, al *align.Alignment) (facts.Fact, bool) {
	for _, qs := range qMen.sentences {
		qNames := entitiesIn(qEnt, q.Sentences[qs].Span)
		for _, p := range pairsOfQuery(al, qs) {
			if p.Similarity < minSwapSimilarity {
				continue
			}
			sNames := entitiesIn(sEnt, p.Source)
			for _, sf := range sNames {
				if !swapLabels(sf, qMen.fact, p.Similarity) {
					continue
				}
				if mentionCount(qNames, sf.Entity) < mentionCount(sNames, sf.Entity) {
					return sf, true
				}
			}
		}
	}
	return facts.Fact{}, false
}

// looseSwappedName is swappedName in a reworded pair (similarity from
// minLooseSwapSimilarity to minSwapSimilarity), where it asks more: the
// source sentence names exactly one name, of a label that agrees, more
// often than the query sentence does, and the query name is the only
// name of its sentence that the source never mentions. A rewrite that
// rewords a sentence keeps its people ("Mr Corbyn won" → "Mr. Corbyn
// won"), so one name gone and one new name in their place is one name
// changed, even when the source name is still named elsewhere (which
// soleCounterpart, asking for a name dropped everywhere, does not see).
func looseSwappedName(q *analyze.Profile, qMen *mention, added []*mention, qEnt, sEnt []facts.Fact, al *align.Alignment) (facts.Fact, bool) {
	for _, qs := range qMen.sentences {
		for _, other := range added {
			if other != qMen && mentionedIn(other, qs, qs) {
				return facts.Fact{}, false
			}
		}
		qNames := entitiesIn(qEnt, q.Sentences[qs].Span)
		for _, p := range pairsOfQuery(al, qs) {
			if p.Similarity < minLooseSwapSimilarity || p.Similarity >= minSwapSimilarity {
				continue
			}
			sNames := entitiesIn(sEnt, p.Source)
			var found []facts.Fact // distinct names
			for _, sf := range sNames {
				if swapLabels(sf, qMen.fact, p.Similarity) && mentionCount(found, sf.Entity) == 0 &&
					mentionCount(qNames, sf.Entity) < mentionCount(sNames, sf.Entity) {
					found = append(found, sf)
				}
			}
			if len(found) == 1 {
				return found[0], true
			}
		}
	}
	return facts.Fact{}, false
}

// minLooseSwapSimilarity is the least similarity of an aligned pair in
// which soleCounterpart pairs a name the query adds with one it drops.
const minLooseSwapSimilarity = 0.3

// soleCounterpart finds, for a name the query adds, the one name the
// source states in the passage aligned with it that the query drops
// everywhere, when that passage is reworded (similarity below
// minSwapSimilarity, where facingName does not look): "flooding in
// Newton Stewart" → "flooding in Sindh". It asks for exactly one such
// name on each side of the pair, of labels that agree: with two, which
// replaced which is a guess, and a rewrite that drops one name and adds
// another in one sentence is often naming two things.
func soleCounterpart(qMen *mention, added, dropped []*mention, al *align.Alignment) (int, bool) {
	for _, qs := range qMen.sentences {
		for _, p := range pairsOfQuery(al, qs) {
			if p.Similarity < minLooseSwapSimilarity || p.Similarity >= minSwapSimilarity {
				continue
			}
			found := -1
			for k, sMen := range dropped {
				if !swapLabels(sMen.fact, qMen.fact, p.Similarity) || !mentionedIn(sMen, p.SourceFirst, p.SourceLast) {
					continue
				}
				if found >= 0 {
					return -1, false
				}
				found = k
			}
			if found < 0 {
				continue
			}
			for _, other := range added {
				if other != qMen && mentionedIn(other, qs, qs) && swapLabels(dropped[found].fact, other.fact, p.Similarity) {
					return -1, false
				}
			}
			return found, true
		}
	}
	return -1, false
}

// onlySwapped pairs a person or place the source never names, the only
// one of its label the query adds, with the name of that label the source
// names and the query drops that stands beside the same words, when one
// alone does: "Islington, north Sindh" where the source says "north
// London" in another sentence than the one the rewrite restates;
// "Republican lawmaker Bradley Minto" where it says "John Kavanagh, the
// Republican lawmaker". Without a word in common, a paraphrase that
// names California where its source once said America (LLMFake
// politifact14222) would read as altered.
func onlySwapped(q *analyze.Profile, qMen *mention, qEnt []facts.Fact, added, dropped []*mention, src *sourceReading) (int, bool) {
	label := lookedLabel(qMen.fact)
	if label != facts.LabelPlace && label != facts.LabelPerson || !whollyNew(qMen.fact.Entity, src.words()) || endsWithTitle(qMen.fact.Entity) {
		return -1, false
	}
	for _, other := range added {
		if other != qMen && lookedLabel(other.fact) == label && whollyNew(other.fact.Entity, src.words()) {
			return -1, false
		}
	}
	var cands []*mention
	var at []int
	for k, sMen := range dropped {
		if src.labelled(sMen, label) {
			cands, at = append(cands, sMen), append(at, k)
		}
	}
	if len(cands) == 0 {
		return -1, false
	}
	k, ok := mostWordsBeside(queryNameWords(q, qMen, qEnt, qMen.sentences), cands, src.allWordsBeside)
	if !ok {
		return -1, false
	}
	return at[k], true
}

// queryNameWords returns the words beside the mentions of qMen in query
// sentences sents (nameContext).
func queryNameWords(q *analyze.Profile, qMen *mention, qEnt []facts.Fact, sents []int) map[string]bool {
	var words map[string]bool
	for _, qs := range sents {
		toks := analyze.Tokenize(q.Text, q.Sentences[qs].Span)
		for _, e := range entitiesIn(qEnt, q.Sentences[qs].Span) {
			if sameForms(formsOf(foldName(e.Entity)), qMen.forms) {
				words = nameContext(toks, e, words)
			}
		}
	}
	return words
}

// mostWordsBeside returns the index of the one candidate source name whose
// mentions, read by beside, stand beside most of qWords: at least one,
// and more than any other candidate's.
func mostWordsBeside(qWords map[string]bool, cands []*mention, beside func(*mention) map[string]bool) (int, bool) {
	if len(qWords) == 0 {
		return -1, false
	}
	best, bestShared, tie := -1, 0, false
	for k, sMen := range cands {
		shared := 0
		for w := range beside(sMen) {
			if qWords[w] {
				shared++
			}
		}
		switch {
		case shared > bestShared:
			best, bestShared, tie = k, shared, false
		case shared == bestShared && shared > 0:
			tie = true
		}
	}
	return best, best >= 0 && !tie
}

// wordsBeside returns the words beside the mentions of m in source
// sentences sents (nameContext).
func (r *sourceReading) wordsBeside(m *mention, sents []int) map[string]bool {
	forms := r.entForms()
	var words map[string]bool
	for _, j := range sents {
		for _, e := range r.entitiesOf(j) {
			if f := r.ents[e]; sameForms(forms[e], m.forms) {
				words = nameContext(r.cache.sentence(j), f, words)
			}
		}
	}
	return words
}

// labelled is labelled over the source's entities, remembered for each
// name and label: the name tests ask it of the same names again and again.
func (r *sourceReading) labelled(m *mention, label string) bool {
	key := labelOf{m, label}
	if v, ok := r.labels[key]; ok {
		return v
	}
	if r.labels == nil {
		r.labels = map[labelOf]bool{}
	}
	v := labelled(m, r.ents, r.entForms(), label)
	r.labels[key] = v
	return v
}

// labelOf is a name asked about with a label.
type labelOf struct {
	m     *mention
	label string
}

// entitiesOf returns the indexes in ents of the entities inside source
// sentence j, gathered for every sentence when first asked for.
func (r *sourceReading) entitiesOf(j int) []int {
	if r.bySentence == nil {
		sents := r.cache.p.Sentences
		r.bySentence = make([][]int, len(sents))
		for e, f := range r.ents {
			k := sort.Search(len(sents), func(k int) bool { return sents[k].End > f.Start })
			if k < len(sents) && within(f.Start, f.End, sents[k].Span) {
				r.bySentence[k] = append(r.bySentence[k], e)
			}
		}
	}
	return r.bySentence[j]
}

// allWordsBeside is wordsBeside over every sentence that mentions m, read
// once per name.
func (r *sourceReading) allWordsBeside(m *mention) map[string]bool {
	if w, ok := r.beside[m]; ok {
		return w
	}
	if r.beside == nil {
		r.beside = map[*mention]map[string]bool{}
	}
	r.beside[m] = r.wordsBeside(m, m.sentences)
	return r.beside[m]
}

// mentionedIn reports whether m is mentioned in a sentence from first to
// last.
func mentionedIn(m *mention, first, last int) bool {
	for _, i := range m.sentences {
		if i >= first && i <= last {
			return true
		}
	}
	return false
}

// entitiesIn returns the entities inside span.
func entitiesIn(ents []facts.Fact, span analyze.Span) []facts.Fact {
	var out []facts.Fact
	for _, e := range ents {
		if within(e.Start, e.End, span) {
			out = append(out, e)
		}
	}
	return out
}

// mentionCount counts the names that are the same as name.
func mentionCount(names []facts.Fact, name string) int {
	n, count := foldName(name), 0
	for _, f := range names {
		if sameName(foldName(f.Entity), n) {
			count++
		}
	}
	return count
}

// minSwapSimilarity is the least similarity of an aligned pair in which
// two different names count as one name changed. In looser paraphrases the
// two sentences often name different things ("Georgetown", "Paul Pelosi")
// and an unmatched name is better reported as added than as altered.
const minSwapSimilarity = 0.5

// swapLabels reports whether a source name and a query name in one pair
// can be one name changed. In near copies labels need only agree; in
// looser pairs, where two names often name two different things
// ("Medicare" and "Congress"), both must be known and equal, a name with
// no label of two or three words being taken for a person's: a rewrite
// drops the role that labels a name in its source ("Mr Whittle" →
// "Peter Whittle"), so one side is often a person by its role and the
// other only by its look.
func swapLabels(source, query facts.Fact, similarity float64) bool {
	if similarity >= nearCopyPairs {
		return labelsAgree(source.Label, query.Label)
	}
	a, b := lookedLabel(source), lookedLabel(query)
	return a != "" && a == b
}

// lookedLabel is a name's label, or person for a name with none of two or
// three words.
func lookedLabel(f facts.Fact) string {
	if f.Label == "" && personShaped(f.Entity) {
		return facts.LabelPerson
	}
	return f.Label
}

// personShaped reports whether a name looks like a person's: two or three
// words ("Mohsin Aziz", "Ras Kwame Smith").
func personShaped(name string) bool {
	n := len(strings.Fields(name))
	return n == 2 || n == 3
}

// labelsAgree reports whether two entity labels can name one kind of thing.
func labelsAgree(a, b string) bool {
	return a == "" || b == "" || a == b
}

// facingGeneric finds a generic phrase ("the country") standing where men
// is named: in a sentence of other aligned with a sentence of own that
// mentions men. ownIsSource says which side own is.
func facingGeneric(other, own *analyze.Profile, men *mention, al *align.Alignment, ownIsSource bool) (facts.Fact, bool) {
	for _, j := range men.sentences {
		var pairs []align.Pair
		if ownIsSource {
			pairs = pairsOfSource(al, j)
		} else {
			pairs = pairsOfQuery(al, j)
		}
		for _, p := range pairs {
			span, ownSpan := p.Source, p.Query
			if ownIsSource {
				span, ownSpan = p.Query, p.Source
			}
			ownText := own.Text[ownSpan.Start:ownSpan.End]
			if g, ok := genericPhrase(other.Text, span, men.fact.Label, ownText); ok {
				return g, true
			}
		}
	}
	return facts.Fact{}, false
}

// genericPhrase finds, in text[span], a determiner with at most two words
// and a generic noun of a label compatible with label, which the aligned
// passage of the other side (ownText) does not use in the same words.
func genericPhrase(text string, span analyze.Span, label, ownText string) (facts.Fact, bool) {
	toks := analyze.Tokenize(text, span)
	for i, t := range toks {
		nounLabel, ok := genericNouns[t.Norm]
		if !ok || !labelsAgree(label, nounLabel) {
			continue
		}
		for k := i - 1; k >= 0 && k >= i-3; k-- {
			if !genericDeterminers[toks[k].Norm] {
				continue
			}
			start, end := toks[k].Start, t.End
			phrase := text[start:end]
			if strings.Contains(strings.ToLower(ownText), strings.ToLower(phrase)) {
				break // the source says "the country" too: not a replacement
			}
			return facts.Fact{Kind: facts.Entity, Text: phrase, Start: start, End: end}, true
		}
	}
	return facts.Fact{}, false
}

// sourceRange returns the first and last source sentences aligned with
// query sentence qs, or, when none is, those between the source sentences
// aligned with the nearest aligned query sentences before and after it
// (the two themselves when nothing lies between); false when no query
// sentence is aligned.
func sourceRange(al *align.Alignment, qs, nSource int) (int, int, bool) {
	lo, hi := nSource, -1
	for _, p := range pairsOfQuery(al, qs) {
		lo, hi = min(lo, p.SourceFirst), max(hi, p.SourceLast)
	}
	if hi >= 0 {
		return lo, hi, true
	}
	before, after := -1, nSource
	bq, aq := -1, 1<<30
	for _, p := range al.Pairs {
		if p.QuerySentence < qs && p.QuerySentence > bq {
			bq, before = p.QuerySentence, p.SourceLast
		}
		if p.QuerySentence > qs && p.QuerySentence < aq {
			aq, after = p.QuerySentence, p.SourceFirst
		}
	}
	if before < 0 && after >= nSource {
		return 0, 0, false
	}
	lo, hi = before+1, after-1
	if lo > hi {
		lo, hi = min(before, after), max(before, after)
	}
	return max(0, lo), min(nSource-1, hi), true
}

// nearbySentences is how many source sentences on each side of those
// aligned with a query sentence nearbyName looks at. Chosen on the half
// of the l2r GPT-4o name and place swap cases whose source hashes even
// (FNV): 0, 1, 2 and 3 found 133, 137, 136 and 133 of 143 with 49, 49,
// 52 and 52 untouched facts flagged; on the other half 1 finds 131 of 137
// (120 before) with the untouched flags unchanged (62 of 6,721).
const nearbySentences = 1

// nearbyName finds, for a person's or place's name that the source never
// uses (whollyNew), the name it stands for: the one source name of that
// label (labelled), not named in the query sentence, in the source
// sentences aligned with it or next to them (sourceRange). A rewrite moves names between sentences ("The
// 47-year-old said" → "Lisa recalls", the name from the sentence before)
// and names a person where its source says "he", so the name it replaced
// is often not in the aligned sentence itself; but a faithful rewrite
// does not name a person or place its source never names at all.
func nearbyName(q, s *analyze.Profile, qMen *mention, qEnt []facts.Fact, src *sourceReading, sm []*mention, al *align.Alignment) (facts.Fact, bool) {
	label := lookedLabel(qMen.fact)
	if label != facts.LabelPerson && label != facts.LabelPlace {
		return facts.Fact{}, false
	}
	if !whollyNew(qMen.fact.Entity, src.words()) || endsWithTitle(qMen.fact.Entity) {
		return facts.Fact{}, false
	}
	for _, qs := range qMen.sentences {
		lo, hi, ok := sourceRange(al, qs, len(s.Sentences))
		if !ok {
			continue
		}
		lo, hi = max(0, lo-nearbySentences), min(len(s.Sentences)-1, hi+nearbySentences)
		if f, ok := nameBetween(q, qMen, qs, qEnt, src, sm, label, lo, hi); ok {
			return f, true
		}
	}
	// The name the query puts in a sentence's subject is among the terms
	// the aligner pairs it by, so a rewrite's sentence with its name
	// swapped ("Michel Platini stressed that funding for the Cornish
	// language should emanate from within Cornwall") may be paired with
	// nothing, or with a passage other than the one it restates. Its
	// other words still say which source sentence it restates
	// (looseMatches), and the source's name is the one there.
	loose := make([][]int, len(qMen.sentences)) // each sentence's looseMatches
	for k, qs := range qMen.sentences {
		loose[k] = looseMatches(q.Sentences[qs], src.cache)
	}
	for k, qs := range qMen.sentences {
		for _, j := range loose[k] {
			lo, hi := max(0, j-nearbySentences), min(len(s.Sentences)-1, j+nearbySentences)
			if f, ok := nameBetween(q, qMen, qs, qEnt, src, sm, label, lo, hi); ok {
				return f, true
			}
			if label != facts.LabelPerson || !pronounSubject(src.cache.sentence(j)) || namesIn(sm, src, label, lo, hi) {
				continue
			}
			if f, ok := antecedent(q, qMen, qs, qEnt, src, sm, lo); ok {
				return f, true
			}
		}
	}
	// Of several names around, the one in the sentence restated: "It's
	// been great to be back here in Calgary," said Christie.
	for k, qs := range qMen.sentences {
		for _, j := range loose[k] {
			if f, ok := nameBetween(q, qMen, qs, qEnt, src, sm, label, j, j); ok {
				return f, true
			}
		}
	}
	// A sentence glued from several source sentences that each name one
	// person names them once or twice: one of two mentions swapped
	// ("… that Mr Mosley no longer has a reasonable expectation of
	// privacy …, but Mr Anne Mulhern insists that …" from two sentences
	// naming Mr Mosley) leaves the query sentence naming fewer times a
	// name than the source sentences it restates do.
	for k, qs := range qMen.sentences {
		if f, ok := fewerMentions(q, qs, loose[k], qEnt, src, sm, label); ok {
			return f, true
		}
	}
	return facts.Fact{}, false
}

// fewerMentions finds the one source name of label that more of the
// source sentences loose (query sentence qs's looseMatches), at least
// two, mention than qs mentions it.
func fewerMentions(q *analyze.Profile, qs int, loose []int, qEnt []facts.Fact, src *sourceReading, sm []*mention, label string) (facts.Fact, bool) {
	qNames := entitiesIn(qEnt, q.Sentences[qs].Span)
	var found []*mention
	for _, m := range sm {
		if !src.labelled(m, label) {
			continue
		}
		n := 0
		for _, j := range loose {
			if mentionedIn(m, j, j) {
				n++
			}
		}
		if n >= 2 && n > mentionCount(qNames, m.fact.Entity) {
			found = append(found, m)
		}
	}
	if len(found) != 1 {
		return facts.Fact{}, false
	}
	return found[0].fact, true
}

// antecedent finds the person a source passage from sentence lo on calls
// "he" or "she" ("But he warned that long term funding should come from
// Cornwall"): the one named in the nearest of the antecedentSentences
// sentences before that names anyone, where the rewrite puts a name.
func antecedent(q *analyze.Profile, qMen *mention, qs int, qEnt []facts.Fact, src *sourceReading, sm []*mention, lo int) (facts.Fact, bool) {
	for k := lo - 1; k >= max(0, lo-antecedentSentences); k-- {
		if namesIn(sm, src, facts.LabelPerson, k, k) {
			return nameBetween(q, qMen, qs, qEnt, src, sm, facts.LabelPerson, k, k)
		}
	}
	return facts.Fact{}, false
}

// endsWithTitle reports whether a name's last word is a title ("Given
// Mr", a sentence's first word read with the title after it): a misread,
// not a name, and no name it could stand for.
func endsWithTitle(name string) bool {
	f := strings.Fields(name)
	return len(f) > 0 && titles[strings.ToLower(strings.TrimSuffix(f[len(f)-1], "."))]
}

// antecedentSentences is how many sentences before a passage that says
// "he" or "she" nearbyName looks back for the person it stands for.
const antecedentSentences = 2

// pronounSubject reports whether a sentence's tokens hold "he" or "she".
func pronounSubject(toks []analyze.Token) bool {
	for _, t := range toks {
		if t.Norm == "he" || t.Norm == "she" {
			return true
		}
	}
	return false
}

// namesIn reports whether the source mentions a name of label in
// sentences lo to hi.
func namesIn(sm []*mention, src *sourceReading, label string, lo, hi int) bool {
	for _, m := range sm {
		if mentionedIn(m, lo, hi) && src.labelled(m, label) {
			return true
		}
	}
	return false
}

// nameBetween finds the source name of label, mentioned in source
// sentences lo to hi and not in query sentence qs, that qMen stands for:
// the only one there, or of several the only one written between the
// same words ("England is set to play Tokyo and Spain" against "England
// play Scotland on Friday and Spain the following Tuesday at Wembley":
// Scotland, not Wembley).
func nameBetween(q *analyze.Profile, qMen *mention, qs int, qEnt []facts.Fact, src *sourceReading, sm []*mention, label string, lo, hi int) (facts.Fact, bool) {
	qNames := entitiesIn(qEnt, q.Sentences[qs].Span)
	var found []*mention
	for _, sMen := range sm {
		if mentionedIn(sMen, lo, hi) && src.labelled(sMen, label) && mentionCount(qNames, sMen.fact.Entity) == 0 {
			found = append(found, sMen)
		}
	}
	if len(found) == 1 {
		return found[0].fact, true
	}
	if len(found) == 0 {
		return facts.Fact{}, false
	}
	var between []int
	for j := lo; j <= hi; j++ {
		between = append(between, j)
	}
	k, ok := mostWordsBeside(queryNameWords(q, qMen, qEnt, []int{qs}), found, func(m *mention) map[string]bool { return src.wordsBeside(m, between) })
	if !ok {
		return facts.Fact{}, false
	}
	return found[k].fact, true
}

// linkingWords are the words nameContext passes over: conjunctions,
// articles, auxiliaries and pronouns say nothing of where a name stands
// ("the Obamas were left off" and "if Trump were to appear").
var linkingWords = map[string]bool{
	"and": true, "or": true, "but": true, "nor": true, "the": true, "a": true, "an": true,
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"it": true, "he": true, "she": true, "they": true, "his": true, "her": true, "its": true, "their": true,
	"who": true, "which": true, "that": true,
}

// courtesyTitles are the titles nameContext does not count as a role.
var courtesyTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "sir": true, "dame": true, "lord": true, "lady": true}

// nameContextWords is how many words on each side of a name nameContext
// reads.
const nameContextWords = 2

// nameContext adds to words the folded words next to the name at
// text[start:end], nameContextWords on each side, figures and linking
// words left out, and returns it. A preposition says where a name stands
// ("the match against France", "oysters from Morecambe Bay"); a
// conjunction or an article does not: "William and Kate Middleton" is not
// "Harry and Meghan Markle" for their "and" (a faithful LLMFake
// paraphrase of politifact14905 adds a wedding its source never names).
func nameContext(toks []analyze.Token, name facts.Fact, words map[string]bool) map[string]bool {
	if words == nil {
		words = map[string]bool{}
	}
	// The role in front of a name says who it is as well as the words
	// beside it do: "Professor Grace Hale echoes" and "Professor Rajarshi
	// Dasgupta agrees". It is compared with roles only: "Prince William
	// and Kate Middleton" does not stand beside a prince. A courtesy
	// title says nothing of the kind.
	for _, w := range strings.Fields(strings.ToLower(name.Role)) {
		if w = strings.TrimSuffix(w, "."); !courtesyTitles[w] {
			words["role "+w] = true
		}
	}
	start, end := name.Start, name.End
	first, last := -1, -1
	for i, t := range toks {
		if t.Start >= start && t.End <= end {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return words
	}
	// Linking words are passed over, not counted: "trials in the
	// Netherlands" reads "trials" and "in".
	read := 0
	add := func(t analyze.Token) {
		if linkingWords[t.Norm] {
			return
		}
		read++
		if !t.Number {
			words[t.Norm] = true
		}
	}
	for i := first - 1; i >= 0 && read < nameContextWords; i-- {
		add(toks[i])
	}
	read = 0
	for i := last + 1; i < len(toks) && read < nameContextWords; i++ {
		add(toks[i])
	}
	return words
}

// looseMatches returns the source sentences sharing most of the terms
// of query sentence qs, figures left out, best first: up to
// looseSentences of those that share at least minLooseSimilarity of them
// (Dice).
func looseMatches(qs analyze.Sentence, sc *Tokens) []int {
	qt := wordTerms(qs.Terms)
	type cand struct {
		j   int
		sim float64
	}
	var cands []cand
	for j := range sc.p.Sentences {
		if sim := dice(qt, sc.wordSet(j)); sim >= minLooseSimilarity {
			cands = append(cands, cand{j, sim})
		}
	}
	sort.SliceStable(cands, func(a, b int) bool { return cands[a].sim > cands[b].sim })
	var out []int
	for _, c := range cands[:min(len(cands), looseSentences)] {
		out = append(out, c.j)
	}
	return out
}

// labelled reports whether the source calls m a name of label at one of
// its mentions: "States" is unlabelled where it opens a sentence and a
// place in "on States work".
func labelled(m *mention, ents []facts.Fact, forms []nameForms, label string) bool {
	if m.fact.Label == label {
		return true
	}
	for i, e := range ents {
		if e.Label == label && sameForms(forms[i], m.forms) {
			return true
		}
	}
	return false
}

// whollyNew reports whether no word of name, of three letters or more,
// is a word of the source, in any case: "D.A. Ozanne" for "District
// Attorney Ishmael Ozanne", "Chief Consultant Dr" for "the chief
// consultant" are the source's names written another way.
func whollyNew(name string, sourceWords map[string]bool) bool {
	for _, t := range analyze.Tokenize(name, analyze.Span{Start: 0, End: len(name)}) {
		if len(t.Norm) >= 3 && sourceWords[t.Norm] {
			return false
		}
	}
	return true
}

// sourceReading is what the name tests read of the source, each worked
// out once per audit and only when asked for: its tokens (and the same
// with glued words split, camelSplit), its folded words and the forms of
// its entities' names.
type sourceReading struct {
	text  string
	ents  []facts.Fact
	cache *Tokens
	toks  []analyze.Token
	// camelToks are toks with glued words split; camelRead says whether
	// they were read.
	camelToks []analyze.Token
	camelRead bool
	wset      map[string]bool
	forms     []nameForms
	// beside holds the words beside each name's mentions
	// (allWordsBeside); bySentence the entities of each sentence
	// (entitiesOf).
	beside     map[*mention]map[string]bool
	bySentence [][]int
	labels     map[labelOf]bool
}

// tokens returns the source's tokens.
func (r *sourceReading) tokens() []analyze.Token {
	if r.toks == nil {
		r.toks = r.cache.all()
	}
	return r.toks
}

// camel returns the source's tokens with glued words split (camelSplit),
// nil when none is.
func (r *sourceReading) camel() []analyze.Token {
	if !r.camelRead {
		r.camelToks, r.camelRead = camelSplit(r.text, r.tokens()), true
	}
	return r.camelToks
}

// words returns the folded words of the source.
func (r *sourceReading) words() map[string]bool {
	if r.wset == nil {
		r.wset = map[string]bool{}
		for _, t := range r.tokens() {
			r.wset[t.Norm] = true
		}
	}
	return r.wset
}

// entForms returns the forms of the source's entity names, folded.
func (r *sourceReading) entForms() []nameForms {
	if r.forms == nil {
		r.forms = make([]nameForms, len(r.ents))
		for i, e := range r.ents {
			r.forms[i] = formsOf(foldName(e.Entity))
		}
	}
	return r.forms
}

// statedName finds in the source, for a query name none of the source's
// names matches, the name written another way than the entity reader
// takes as a name: its words in a row, in any case, an acronym in
// capitals standing for the initials of as many words ("US Constitution"
// for "the United States Constitution", politifact15579). A scrape glues
// a headline's title case to the text ("Twitter Caught Leaking Donald
// Trump's Private Messages in Undercover StingSenior"), puts a line in
// capitals ("SUBSCRIBE TO OUR YOUTUBE CHANNEL") and writes a name in lower
// case ("weather channel founder, John Coleman"); the rewrite that
// capitalises it names what its source names. A name of one word must be
// written with a capital in the source, or stand in the source sentences
// aligned with the query name's sentence or next to them (sourceRange,
// nearbySentences): "the Chamber's rule" for "reflects creditably on the
// chamber" in the aligned sentence (politifact14700), but a place swapped
// in must not be excused by a common word of the same spelling elsewhere.
// src reads the source's tokens, then the same with glued words split
// (camelSplit), the second only when the first do not state the name.
func statedName(s *analyze.Profile, qMen *mention, src *sourceReading, al *align.Alignment) (facts.Fact, bool) {
	name := qMen.fact.Entity
	words := analyze.Tokenize(name, analyze.Span{Start: 0, End: len(name)})
	// A possessive or plural "s" glued by an apostrophe is no word of the
	// name.
	if n := len(words); n > 1 && words[n-1].Norm == "s" {
		words = words[:n-1]
	}
	if len(words) == 0 {
		return facts.Fact{}, false
	}
	for _, toks := range [2]func() []analyze.Token{src.tokens, src.camel} {
		toks := toks()
		for start := range toks {
			end, ok := matchName(name, words, s.Text, toks, start)
			if !ok {
				continue
			}
			first, _ := utf8.DecodeRuneInString(s.Text[toks[start].Start:])
			if len(words) == 1 && !unicode.IsUpper(first) && !nearQuerySentences(al, qMen, sentenceAt(s, toks[start].Start), len(s.Sentences)) {
				continue
			}
			sp := analyze.Span{Start: toks[start].Start, End: toks[end-1].End}
			text := s.Text[sp.Start:sp.End]
			return facts.Fact{Kind: facts.Entity, Text: text, Start: sp.Start, End: sp.End, Entity: text}, true
		}
	}
	return facts.Fact{}, false
}

// camelSplit splits the words of toks that a scrape glued together, at a
// lower-case letter followed by a capital ("ObamaMichigan State Police"
// → Obama, Michigan; "StingSenior"), and returns nil when none is.
func camelSplit(text string, toks []analyze.Token) []analyze.Token {
	var out []analyze.Token
	split := false
	for _, t := range toks {
		start, prevLower := t.Start, false
		for i, r := range text[t.Start:t.End] {
			at := t.Start + i
			if unicode.IsUpper(r) && prevLower {
				out = append(out, analyze.Tokenize(text, analyze.Span{Start: start, End: at})...)
				start, split = at, true
			}
			prevLower = unicode.IsLower(r)
		}
		if start == t.Start {
			out = append(out, t)
		} else {
			out = append(out, analyze.Tokenize(text, analyze.Span{Start: start, End: t.End})...)
		}
	}
	if !split {
		return nil
	}
	return out
}

// matchName reports whether the name's words stand in toks from start on,
// and where the match ends. A word of the name in capitals of two to four
// letters may stand for as many source words with those initials.
func matchName(name string, words []analyze.Token, text string, toks []analyze.Token, start int) (int, bool) {
	j := start
	for _, w := range words {
		if j >= len(toks) {
			return 0, false
		}
		if toks[j].Norm == w.Norm {
			j++
			continue
		}
		acr := name[w.Start:w.End]
		n := len(acr)
		if n < 2 || n > 4 || strings.ToUpper(acr) != acr || j+n > len(toks) {
			return 0, false
		}
		for k := 0; k < n; k++ {
			if toks[j+k].Number || toks[j+k].Norm[0] != w.Norm[k] {
				return 0, false
			}
		}
		j += n
	}
	// The words must run on in the source: no sentence end between them.
	for k := start; k+1 < j; k++ {
		if strings.ContainsAny(text[toks[k].End:toks[k+1].Start], ".!?\n") {
			return 0, false
		}
	}
	return j, true
}

// nearQuerySentences reports whether source sentence j lies in the
// source range of one of m's query sentences, widened by nearbySentences.
func nearQuerySentences(al *align.Alignment, m *mention, j, nSource int) bool {
	if j < 0 {
		return false
	}
	for _, qs := range m.sentences {
		lo, hi, ok := sourceRange(al, qs, nSource)
		if ok && j >= lo-nearbySentences && j <= hi+nearbySentences {
			return true
		}
	}
	return false
}
