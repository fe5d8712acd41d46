package facts

// matcher tries to read facts starting at token i. It returns the facts and
// the index of the first token after them; returning i means no match. A
// matcher may consume tokens without returning facts, to keep later
// matchers from misreading them (the digits of a race time are not counts).
type matcher func(s *scanner, i int) ([]Fact, int)

// matchers are tried in order at each token. Dates and times come before
// quantities because they claim digits that would otherwise be counts: the
// 31 in "Oct 31", the 3 in "3pm".
var matchers = []matcher{
	(*scanner).matchDate,
	(*scanner).matchTime,
	(*scanner).matchQuantity,
}

// Extract returns the quantities, dates and times in text, sorted by Start
// and never overlapping. Offsets are bytes into text, and text[f.Start:f.End]
// is always f.Text. Any input is accepted, invalid UTF-8 included.
//
// What is read, in brief (the tests and testdata/extract.txt show more):
//   - Numbers in digits ("541,210", "1.7", lakh grouping "5,00,000", Urdu and
//     Arabic-Indic digits), with scale words ("1.7 million", "1.15m",
//     "$3bn", "10k", "10 crore"), currency ("$", "£", "€", "US$", "Rs",
//     ISO codes, "dollars"), percent ("12%", "12 per cent") and pence
//     ("35p" is £0.35).
//   - Numbers in words: "three", "twenty-five", "two hundred", "a million",
//     "half a million". A lone "one" is skipped (mostly a pronoun), as are
//     ordinals and fractions.
//   - Qualifiers before a figure ("more than", "close to", "an estimated"),
//     kept in Text and normalised in Approx.
//   - Ranges ("10-12", "£10,000 to £50,000", "between 10 and 12 million")
//     give two facts, sharing scale and unit: "$10-12bn" is $10bn and $12bn.
//     Sports scores ("2-1") come out the same way, as two counts.
//   - Years: a bare 1900–2099 is a Date unless a counted noun follows
//     ("2000 people") or a qualifier other than "about" precedes it ("more
//     than 2000"). Spans "1998-2000", "2004-05" and "2019/20" give two years.
//   - Dates: "Oct 31", "31 October", "21 Nov, 2024", "Oct. 31, 2023",
//     "October 2023", "2024-01-03", "in October" (a month alone needs a
//     leading word such as "in" or "last"), weekdays ("on Tuesday").
//   - Times: "3pm", "3.30 p.m.", "15:00" as Kind Time.
//
// Not read: digits glued to letters ("G8", "MP3", "1990s", "31st" outside a
// date), slashed figures ("24/7", "9/11", "12/03/2024"), relative dates
// ("yesterday", "last week"), fractions, and "pounds" (weight or money).
func Extract(text string) []Fact {
	s := newScanner(text)
	var facts []Fact
	for i := 0; i < len(s.toks); {
		if !s.mayStart(i) {
			i++
			continue
		}
		found, next := s.match(i)
		if next <= i {
			i++
			continue
		}
		facts = append(facts, found...)
		i = next
	}
	return facts
}

// match runs the matchers at token i and returns the first match.
func (s *scanner) match(i int) ([]Fact, int) {
	for _, m := range matchers {
		if facts, next := m(s, i); next > i {
			return facts, next
		}
	}
	return nil, i
}

// mayStart reports whether a fact can begin at token i. It is a cheap filter
// in front of the matchers, since most tokens are words that begin nothing.
// It must admit every token a matcher can start at, so the words it admits
// are built from the matchers' own tables (see startWords).
func (s *scanner) mayStart(i int) bool {
	switch s.kind(i) {
	case tNum:
		return true
	case tPunct:
		t := s.str(i)
		return currencySymbols[t] != "" || t == "-" || t == "\u2212"
	}
	t := s.str(i)
	return startWords[s.word(i)] || dollarPrefixes[t] != "" || currencyCodes[t] || t == "Rs" || t == "RS"
}

// startWords are the lower-case words a fact can start with: month and
// weekday names, number words, the first words of qualifiers, and the words
// that open a figure ("a million", "half a million", "minus 5").
var startWords = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "quarter": true, "minus": true}
	for _, table := range []map[string]int{monthNames, monthAbbrevs} {
		for w := range table {
			m[w] = true
		}
	}
	for w := range weekdays {
		m[w] = true
	}
	for _, table := range []map[string]int64{unitWords, teenWords, tensWords} {
		for w := range table {
			m[w] = true
		}
	}
	for w := range qualifiersByFirst {
		m[w] = true
	}
	return m
}()
