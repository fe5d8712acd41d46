package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Named entities are found by rules over the same tokens as the figures:
// a run of capitalised words ("Khyber Pakhtunkhwa", "Integrated Border
// Management System"), with "of", "the", "and", "de" allowed between two of
// them ("University of Texas"), initials ("U.S.") and a title in front
// ("Senator Mohsin Aziz") kept apart as the role.
//
// A statistical tagger (jdkato/prose/v2) would give candidates too, but it
// costs a 17 MB model and 270 ms on first use, mislabels places as people
// (ECOSYSTEM.md), and the audit needs the name and its span far more than
// the label: a name dropped or swapped is a change whatever its label. So
// labels here are best effort from the role, a suffix word ("Ministry",
// "University") or a short list of places, and "" when none applies.

// Entity labels; see Fact.Label.
const (
	LabelPerson = "person"
	LabelOrg    = "organisation"
	LabelPlace  = "place"
)

// roleWords are titles that put a person's name after them. Lower-case
// forms count too ("senator Mohsin Aziz").
var roleWords = toSet(`senator sen president minister secretary governor gov
	representative rep mayor judge justice dr mr mrs ms miss lt lieutenant gen
	general colonel col chief officer king queen prince princess pope sheriff
	detective sgt sergeant capt captain professor prof chancellor ambassador
	commissioner director chairman chairwoman chair ceo speaker spokesman
	spokeswoman spokesperson leader premier attorney lawmaker congressman
	congresswoman councillor councilman superintendent inspector agent
	coach manager sir lord lady dame saint st rev reverend bishop cardinal
	sheikh imam rabbi`)

// orgWords mark an organisation when they end (or head) a name.
var orgWords = toSet(`ministry department senate congress parliament council
	committee commission agency office bank group party police army navy
	court university college school institute association union organization
	organisation company corp corporation inc ltd llc co system service services
	news times post network foundation fund board authority administration
	government assembly forces club team hospital center centre bureau
	federation league airlines airways press journal magazine tribune herald
	channel television radio museum church academy cabinet command guard
	coalition alliance movement campaign program programme project`)

// placeNames is a short list of places a rewrite may generalise ("Pakistan"
// → "a country"). It only sets labels; entities are found without it.
var placeNames = toSet(`afghanistan africa america asia australia austria
	bangladesh belgium brazil britain california canada chicago china
	england europe france germany greece india indonesia iran iraq ireland
	israel italy japan kenya korea london mexico moscow nigeria pakistan
	palestine paris poland russia scotland spain sweden switzerland syria
	texas turkey ukraine wales washington beijing balochistan punjab sindh
	kabul islamabad karachi lahore delhi mumbai tokyo berlin rome madrid
	florida york ohio virginia georgia carolina arizona nevada oregon
	michigan illinois pennsylvania massachusetts jersey colorado iowa
	egypt qatar yemen libya sudan ethiopia vietnam thailand philippines
	argentina chile peru colombia venezuela cuba haiti norway denmark finland
	netherlands portugal manchester glasgow liverpool birmingham edinburgh hungary romania serbia croatia gaza jerusalem
	khyber pakhtunkhwa kashmir tehran baghdad damascus cairo`)

// placeLeads are words after which a capitalised name is most likely a
// place ("via Khyber Pakhtunkhwa", "in Texas").
var placeLeads = toSet(`in from via through across near into at to throughout`)

// commonStarters are capitalised words that open sentences and are never
// names on their own. Other sentence-initial single words count as a name
// only when the text also capitalises them mid-sentence. Prepositions and
// the imperatives that open LLM headings ("Meet Guillermo Varela", "Get
// Ready for…", "Across Honduras, …") are dropped from the front of a name.
var commonStarters = toSet(`the a an in on at after before while but and or it
	he she they we i you this that these those there his her their our its
	as for with from by to if when despite according however meanwhile also
	so yet of more most many some all what who why how where then now today
	yesterday one two three no not since during under over about although
	though because unlike like once here each every both such other another
	my your us them him me was is are were be has have had do does did will
	would can could should may might must just even still only than
	across through throughout among amid against toward towards within
	without upon beyond behind beside besides around inside outside near
	meet get let`)

// Entities returns the named entities in text, in order and not
// overlapping, as facts of Kind Entity. Text is the mention as written,
// role included; Entity the name alone; Role the title; Label a best-effort
// person, organisation or place, or "", decided by all the mentions of the
// name (see labelByMentions).
//
// Lines written in title case with no closing full stop (headlines and
// section headings: "Deportation Drive Amidst Criticism") are skipped, since
// every word in them is capitalised.
func Entities(text string) []Fact { return newScanner(text).entities() }

// NamesAndQuotes returns Entities(text) and Quotes(text), tokenising text
// once for both.
func NamesAndQuotes(text string) (names, quotes []Fact) {
	s := newScanner(text)
	return s.entities(), s.quotes()
}

// entities is Entities on the scanner's text.
func (s *scanner) entities() []Fact {
	headline := s.headlineTokens()
	var out []Fact
	for i := 0; i < len(s.toks); {
		if headline[i] || !s.capitalised(i) {
			i++
			continue
		}
		last := s.nameRun(i)
		if f, ok := s.entityFact(i, last); ok {
			out = append(out, f)
		}
		i = last + 1
	}
	labelByMentions(out)
	return out
}

// labelByMentions gives every mention of a name the label most of its
// labelled mentions have, a mention with a role counting twice; a surname
// standing alone is a mention of the longer name it ends ("Smith" of
// "Terry Smith"). One mention's label is a guess from the word before it
// ("condolences to Smith's family" reads a place after "to"), where the
// others' often settle it ("Mr Smith"); and a name labelled at one mention
// and not at another (a place after "in", the same place as a subject) is
// one thing either way. Labelling each mention on its own made one name
// two kinds of thing in one text, and then two texts disagreed on it.
func labelByMentions(ents []Fact) {
	key := make([]string, len(ents))
	surname := make([]bool, len(ents))
	for i, e := range ents {
		key[i] = strings.ToLower(e.Entity)
	}
	for i := range ents {
		if strings.Contains(key[i], " ") || orgWords[key[i]] {
			continue // "Hospital" alone is no surname of "Conquest Hospital"
		}
		end := " " + key[i]
		for j := range ents {
			if strings.HasSuffix(key[j], end) && ents[j].Label != LabelOrg {
				key[i], surname[i] = key[j], true // the surname joins the first full name that ends in it
				break
			}
		}
	}
	votes := map[string]map[string]int{}
	for i, e := range ents {
		// A surname alone votes only for a person, by its role: any other
		// label of it is a guess from the word before ("to Smith's
		// family"), and would make "Terry Smith" a place.
		if e.Label == "" || (surname[i] && e.Label != LabelPerson) {
			continue
		}
		if votes[key[i]] == nil {
			votes[key[i]] = map[string]int{}
		}
		n := 1
		if e.Role != "" {
			n = 2
		}
		votes[key[i]][e.Label] += n
	}
	for i := range ents {
		best, most := "", 0
		// Ties go to the first label in this order: a person's role is the
		// surest sign, a place name's the next.
		for _, l := range []string{LabelPerson, LabelPlace, LabelOrg} {
			if v := votes[key[i]][l]; v > most {
				best, most = l, v
			}
		}
		ents[i].Label = best
	}
}

// capitalised reports whether token i is a word starting with a capital
// letter that may be part of a name (not a month or weekday).
func (s *scanner) capitalised(i int) bool {
	if s.kind(i) != tWord {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s.str(i))
	if !unicode.IsUpper(r) {
		return false
	}
	if utf8.RuneCountInString(s.str(i)) == 1 && s.joined(i+1) && s.kind(i+1) == tNum {
		return false // "G20", "A321": a code, not an initial
	}
	w := s.word(i)
	_, month := monthNames[w]
	_, abbrev := monthAbbrevs[w]
	_, day := weekdays[w]
	return !month && !abbrev && !day
}

// nameRun returns the last token of the run of name words starting at i:
// capitalised words on one line, initials with their full stops ("U.S."),
// joined by spaces, hyphens, or a connector word followed by another
// capitalised word.
func (s *scanner) nameRun(i int) int {
	last := s.initialEnd(i)
	for {
		j := last + 1
		switch {
		case s.spaced(j) && s.capitalised(j) && s.isPunct(last, ".") && commonStarters[s.word(j)]:
			// "Washington, D.C. The group": the full stop of the
			// initials ends the sentence too, and "The" opens the next.
			return last
		case s.spaced(j) && s.capitalised(j):
			last = s.initialEnd(j)
		case last == i && titleAbbrevs[s.word(last)] && s.isPunct(j, ".") && s.joined(j) && s.spaced(j+1) && s.capitalised(j+1):
			// "Mr. Kassam", "Dr. Lee": the full stop of a title's
			// abbreviation ends no sentence. Read as one, the title was
			// no name and the name after it a sentence's first word,
			// dropped; American-style rewrites write every "Mr" so.
			last = s.initialEnd(j + 1)
		case s.joined(j) && s.isHyphen(j) && s.joined(j+1) && s.capitalised(j+1):
			last = j + 1
		case s.spaced(j) && connectors[s.word(j)] && s.kind(j) == tWord && s.spaced(j+1) && s.capitalised(j+1) && !s.isCapitalised(j) && s.joinsAcross(last, j):
			last = s.initialEnd(j + 1)
		case (last == i || last == i+1 && commonStarters[s.word(i)]) && s.isWord(j, "and") && s.spaced(j) && s.spaced(j+1) && s.capitalised(j+1) && !orgWords[s.word(last)] && s.orgPair(j+1):
			// "Food and Drug Administration": "and" inside an
			// organisation's name, one word before it and two after, the
			// last marking an organisation. Without it the name splits
			// into "Food" and "Drug Administration", and neither is the
			// "FDA" a rewrite writes. Longer halves are two names more
			// often than one: "Hastings and Eastbourne District General
			// Hospital".
			return j + 2
		default:
			return last
		}
	}
}

// titleAbbrevs are the role words written as abbreviations with a full
// stop ("Mr.", "Gov."); a full stop after them is no sentence's end.
var titleAbbrevs = toSet("mr mrs ms dr sen gov rep lt gen col sgt capt prof rev")

// connectors may join two capitalised words into one name ("Bank of
// England"). "and" is not one: "Scotland and Italy" are two names; it
// joins only the two halves of an organisation's name (see nameRun).
var connectors = toSet("of the de da del al bin van von")

// ofHeads are the words a name continues after with "of" ("Bank of
// England", "University of Texas", "District of Columbia"). After other
// words "of" usually starts an affiliation: "Mike Powell of BNP Paribas" is
// a person and a firm.
var ofHeads = func() map[string]bool {
	m := toSet(`republic kingdom states state city isle island islands gulf bay
		duke duchess earl prince princess secretary district province county
		queen king house bank court head chief governor mayor minister
		president chancellor archbishop bishop lord lady church museum
		institute university college school department ministry office
		bureau council commission committee board federation league union
		association society academy order port cape lake mount`)
	for w := range orgWords {
		m[w] = true
	}
	return m
}()

// joinsAcross reports whether the connector at token j may join the name
// ending at token last to the capitalised word after j.
func (s *scanner) joinsAcross(last, j int) bool {
	if s.word(j) != "of" {
		return true
	}
	return ofHeads[s.word(last)]
}

// orgPair reports whether tokens k and k+1 are two capitalised words, the
// second marking an organisation ("Drug Administration"), that end a name.
func (s *scanner) orgPair(k int) bool {
	return s.capitalised(k) && s.spaced(k+1) && s.capitalised(k+1) && orgWords[s.word(k+1)] && s.nameRun(k) == k+1
}

// isCapitalised reports whether token i starts with a capital letter.
func (s *scanner) isCapitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(s.str(i))
	return unicode.IsUpper(r)
}

// initialEnd extends a single capital letter over the full stops of
// initials: "U.S." is one name word, ending at its last full stop.
func (s *scanner) initialEnd(i int) int {
	last := i
	for utf8.RuneCountInString(s.str(last)) == 1 && s.isPunct(last+1, ".") && s.joined(last+1) {
		last++
		if s.joined(last+1) && s.kind(last+1) == tWord && utf8.RuneCountInString(s.str(last+1)) == 1 {
			last++
			continue
		}
		break
	}
	return last
}

// entityFact makes an entity of tokens first to last, dropping a leading
// sentence-opening word and splitting off a role. It reports false when
// nothing name-like is left.
func (s *scanner) entityFact(first, last int) (Fact, bool) {
	words := s.wordIndexes(first, last)
	for len(words) > 0 && s.sentenceStart(first) && commonStarters[s.word(words[0])] {
		words = words[1:]
		if len(words) > 0 {
			first = words[0]
		}
	}
	if len(words) == 0 {
		return Fact{}, false
	}
	roleEnd := -1 // index in words of the last role word
	for k, w := range words[:len(words)-1] {
		if roleWords[s.word(w)] {
			roleEnd = k
		}
	}
	if roleEnd < 0 && first > 0 && s.spaced(first) && roleWords[s.word(first-1)] {
		// "senator Mohsin Aziz": a lower-case title still names a role.
		first--
		roleEnd = 0
		words = append([]int{first}, words...)
	}
	if roleEnd >= 0 && s.titleOrBody(words[roleEnd+1:]) {
		// "Chief Technical Officer", "Premier League Asia Trophy": what
		// follows the role word is a title or an organisation's name, not
		// a person's.
		roleEnd = -1
	}
	nameFirst := first
	if roleEnd >= 0 {
		nameFirst = words[roleEnd+1]
	}
	if len(words) == 1 && roleEnd < 0 && utf8.RuneCountInString(s.word(first)) == 1 {
		return Fact{}, false // an initial alone ("N." of "N.Y." cut by a line)
	}
	if len(words) >= 3 && s.allUpper(words) {
		return Fact{}, false // shouting ("ON ANY ONE OF CERTAIN GROUNDS"), not a name
	}
	if len(words) == 1 && s.sentenceStart(first) && !s.capitalisedElsewhere(first) && !placeNames[s.word(first)] {
		return Fact{}, false
	}
	if roleEnd < 0 && len(words) == 1 && (s.word(first) == "i" || commonStarters[s.word(first)] || roleWords[s.word(first)]) {
		return Fact{}, false
	}
	if roleEnd < 0 && s.allIn(words, clockWords) {
		// "13:00 BST", "7 PM": a time of day, not a name.
		return Fact{}, false
	}
	if roleEnd < 0 && len(words) == 1 && pluralRole(s.word(first)) {
		// "future Presidents", "wealthy CEOs": a role in the plural names
		// a class of people, not one of them.
		return Fact{}, false
	}
	f := Fact{Kind: Entity}
	f.Text, f.Start, f.End = s.span(first, last)
	f.Entity = s.text[s.toks[nameFirst].start:s.toks[last].end]
	if roleEnd >= 0 {
		f.Role = strings.TrimSpace(s.text[s.toks[first].start:s.toks[words[roleEnd]].end])
		f.Label = LabelPerson
	} else {
		f.Label = s.guessLabel(nameFirst, last)
	}
	return f, true
}

// clockWords mark a time of day or its zone, written in capitals like a
// name: "PM" for "BST" made two 13:00s different names.
var clockWords = toSet("am pm gmt bst utc est edt cst cdt mst mdt pst pdt cet cest")

// allIn reports whether every one of words (token indexes) is in set.
func (s *scanner) allIn(words []int, set map[string]bool) bool {
	for _, w := range words {
		if !set[s.word(w)] {
			return false
		}
	}
	return len(words) > 0
}

// titleOrBody reports whether the words after a role word are a title
// (they end in a role word: "Technical Officer") or hold a word that marks
// an organisation ("League Asia Trophy").
func (s *scanner) titleOrBody(words []int) bool {
	if len(words) > 0 && roleWords[s.word(words[len(words)-1])] {
		return true
	}
	for _, w := range words {
		if orgWords[s.word(w)] {
			return true
		}
	}
	return false
}

// pluralRole reports whether the lower-cased word w is a role word in the
// plural ("presidents", "ceos").
func pluralRole(w string) bool {
	base, ok := strings.CutSuffix(w, "s")
	return ok && roleWords[base]
}

// allUpper reports whether every word token in words is in capitals.
func (s *scanner) allUpper(words []int) bool {
	for _, w := range words {
		if t := s.str(w); strings.ToUpper(t) != t {
			return false
		}
	}
	return true
}

// wordIndexes lists the word tokens from first to last.
func (s *scanner) wordIndexes(first, last int) []int {
	var out []int
	for i := first; i <= last; i++ {
		if s.kind(i) == tWord {
			out = append(out, i)
		}
	}
	return out
}

// sentenceStart reports whether token i opens a sentence, a line or a
// quotation, where capitals say nothing about names.
func (s *scanner) sentenceStart(i int) bool {
	if i == 0 || s.toks[i].gap == gapNewline {
		return true
	}
	switch p := s.str(i - 1); p {
	case ".", "!", "?", "“", "\"", "‘", "'", ":", "(", "[", "—", "–":
		return true
	case "”", "’":
		// A closing quotation mark after the end of a sentence: `paid
		// off.” Additionally, …`.
		if i >= 2 {
			switch s.str(i - 2) {
			case ".", "!", "?":
				return true
			}
		}
	}
	return false
}

// capitalisedElsewhere reports whether the word at token i appears
// capitalised somewhere that does not open a sentence.
// The tokens' counts are read once per text (midSentence).
func (s *scanner) capitalisedElsewhere(i int) bool {
	if s.midSentence == nil {
		s.midSentence = map[string]int{}
		for j := range s.toks {
			if !s.sentenceStart(j) {
				s.midSentence[s.str(j)]++
			}
		}
	}
	n := s.midSentence[s.str(i)]
	if !s.sentenceStart(i) {
		n-- // token i itself
	}
	return n > 0
}

// guessLabel labels a name from its words and the word before it.
func (s *scanner) guessLabel(first, last int) string {
	for i := first; i <= last; i++ {
		if orgWords[s.word(i)] {
			return LabelOrg
		}
	}
	if placeNames[s.word(first)] || placeNames[s.word(last)] {
		return LabelPlace
	}
	if first == last && strings.ToUpper(s.str(first)) == s.str(first) && len(s.str(first)) >= 2 && len(s.str(first)) <= 5 {
		return LabelOrg // an acronym: "CNN", "FBI"
	}
	if s.spaced(first) && placeLeads[s.word(first-1)] && last-first < 2 {
		return LabelPlace
	}
	return ""
}

// titleSmall are the words title case leaves in lower case.
var titleSmall = toSet("of the and a an in on at to by for with as amid from or")

// headlineTokens marks the tokens of lines that look like headlines: at
// most 14 words, most of them capitalised, and no sentence punctuation at
// the end.
func (s *scanner) headlineTokens() []bool {
	marks := make([]bool, len(s.toks))
	for start := 0; start < len(s.toks); {
		end := start + 1
		for end < len(s.toks) && s.toks[end].gap != gapNewline {
			end++
		}
		words, caps := 0, 0
		for i := start; i < end; i++ {
			if s.kind(i) == tWord && utf8.RuneCountInString(s.str(i)) > 1 && !titleSmall[s.word(i)] {
				words++
				if s.isCapitalised(i) {
					caps++
				}
			}
		}
		// A headline may be set in quotation marks, and may end in an
		// exclamation mark (LLM rewrites open with one: "Obama's Bold
		// Move: …!"); a full stop or a question mark, inside the marks
		// or not, closes a sentence.
		last := end - 1
		if q := s.str(last); (q == "”" || q == "\"") && last > start {
			last--
		}
		lastTok := s.str(last)
		closed := lastTok == "." || lastTok == "?"
		if words >= 2 && words <= 14 && caps*10 >= words*7 && !closed {
			for i := start; i < end; i++ {
				marks[i] = true
			}
		}
		start = end
	}
	return marks
}
