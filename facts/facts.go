// Package facts finds checkable units in news text — quantities, dates and
// times (Extract, or ExtractAt to resolve relative dates against a
// publication date), named entities (Entities), quotations and reported
// speech (Quotes) — and normalises them so that equal values compare equal:
// "1.15m" and "1.15 million" share one key, "Oct 31" and "October 31"
// another.
//
// The audit stage pairs the facts of a rewrite with those of its source and
// asks Match whether each pair agrees. Extraction therefore favours precision
// over recall: a figure that is not found is only a gap in the audit, while a
// figure that is found wrongly ("T20" read as 20) shows up as an invented
// change.
//
// Extraction is a single left-to-right pass over tokens (see scan.go). At each
// token a fixed list of matchers is tried, dates before quantities so that
// the day in "31 October" is never also a quantity; the first that matches
// consumes its tokens. That keeps facts sorted and non-overlapping by
// construction rather than by a clean-up step afterwards.
package facts

import (
	"strconv"
	"strings"
)

// Kind says what sort of fact a Fact is.
type Kind string

// The kinds of fact. Extract finds quantities, dates and times; Entities
// finds entities; Quotes finds quotations and reported speech. Code that
// switches on Kind should keep a default case.
const (
	// Quantity is a number as a figure: a count, an amount of money, a
	// percentage, a measure.
	Quantity Kind = "quantity"
	// Date is a calendar date at the precision the text states, or a weekday.
	Date Kind = "date"
	// Time is a time of day ("3pm", "15:00"). Times are kept apart from
	// quantities so that their digits are not read as counts.
	Time Kind = "time"
	// Entity is a named person, organisation or place (see Entities).
	Entity Kind = "entity"
	// Quote is a direct quotation with its speaker when the text names one
	// (see Quotes).
	Quote Kind = "quote"
	// Reported is reported speech: a speaker and a verb of saying ("the
	// ministry said", "according to the interior ministry"), see Quotes.
	Reported Kind = "reported"
)

// Precisions a date or time can have; see Fact.Precision.
const (
	PrecisionYear    = "year"
	PrecisionMonth   = "month"
	PrecisionDay     = "day"
	PrecisionWeekday = "weekday"
	PrecisionHour    = "hour"
	PrecisionMinute  = "minute"
)

// Approximation qualifiers after normalisation; see Fact.Approx.
const (
	ApproxAbout   = "about"    // about, around, approximately, close to, some, an estimated…
	ApproxOver    = "over"     // over, more than, above, in excess of…
	ApproxUnder   = "under"    // under, less than, fewer than, nearly, almost…
	ApproxAtLeast = "at least" // at least, no fewer than, a minimum of…
	ApproxUpTo    = "up to"    // up to, as many as, at most, no more than…
)

// Fact is one checkable unit found in a text.
type Fact struct {
	Kind Kind `json:"kind"`
	// Text is the fact as written, qualifier and unit included
	// ("close to 1.15m"). It is always text[Start:End] of the text that was
	// given to Extract.
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset of Text in the text given to Extract
	End   int    `json:"end"`   // byte offset just past Text

	// Value is a quantity's number with scale words applied: "1.15m" →
	// 1150000, "12%" → 12, "three" → 3, "$3bn" → 3e9, "9p" → 0.09.
	Value float64 `json:"value,omitempty"`
	// Unit is a quantity's unit: "" for a plain count, "%" for percent, "pp"
	// for percentage points, an ISO 4217 code for money ("USD", "GBP", "EUR",
	// "PKR"…; "Rs" when only "rupees" is known), or a measure: "km", "kg",
	// "mph", "cm", "mm", "ft", "in", "mi", "t" (tonnes or tons), and "m"
	// for metres (spelled out, or a sports distance, "the 800m"; a glued
	// "m" elsewhere is millions and leaves no unit).
	Unit string `json:"unit,omitempty"`
	// Step is the place value of the last digit as written, which is how
	// precise the text claims to be: "1.15m" → 10000, "3bn" → 1e9,
	// "541,210" → 1, "two hundred" → 100. Match uses it to allow for
	// rounding.
	Step float64 `json:"step,omitempty"`
	// Approx is the quantity's qualifier, normalised to one of the Approx…
	// constants, or "" when the figure is stated plainly.
	Approx string `json:"approx,omitempty"`

	// Date is a date or time, ISO 8601-like at the precision the text states:
	// "2023" (year), "2023-10" (month), "2023-10-31" (day), "--10-31" (day
	// without a year), "--10" (month without a year), an English weekday name
	// ("Tuesday"), or a 24-hour time ("15:00").
	Date string `json:"date,omitempty"`
	// Precision is the unit of the last component of Date: one of the
	// Precision… constants.
	Precision string `json:"precision,omitempty"`
	// Weekday is the weekday a full date is written with ("Friday, July
	// 13" → "Friday"), kept apart from Date so that keys and precision
	// stay those of the date; Match calls two dates with different stated
	// weekdays different, since a rewrite that moves "Thursday, 13 July"
	// to "Friday, July 13" changed the day it reports.
	Weekday string `json:"weekday,omitempty"`
	// Resolved is a relative or partial date made absolute against the
	// article's publication date by ExtractAt: "Tuesday" → "2023-10-31",
	// "in October" → "2023-10". Date keeps what the text itself states.
	Resolved string `json:"resolved,omitempty"`
	// Entity is an entity's name without its role ("Mohsin Aziz").
	Entity string `json:"entity,omitempty"`
	// Role is the title before a person's name ("Senator").
	Role string `json:"role,omitempty"`
	// Label is an entity's best-effort type: one of the Label… constants,
	// or "" when unknown.
	Label string `json:"label,omitempty"`
	// Speaker is who a quotation or reported speech is attributed to, as
	// written ("the ministry", "Lt. Kyle Jennings"); "" when the text does
	// not say.
	Speaker string `json:"speaker,omitempty"`
	// Quoted is a quotation's words without the quotation marks.
	Quoted string `json:"quoted,omitempty"`
}

// Key returns a canonical key for the fact's value: facts with equal keys
// state the same value, whatever the wording. Quantities are "q:" + value +
// unit ("q:1150000", "q:12%", "q:3000000000USD"), dates "d:" + Date
// ("d:2023-10-31", "d:--10-31", "d:Tuesday"), times "t:" + Date ("t:15:00").
// The qualifier is not part of the key: "about 1.7 million" and "1.7 million"
// share a key, and Match tells them apart. So is an age's unit: "aged 37"
// and a bare "37" share a key, as SameUnit has them.
func (f Fact) Key() string {
	switch f.Kind {
	case Quantity:
		unit := f.Unit
		if unit == Age {
			unit = ""
		}
		return "q:" + strconv.FormatFloat(f.Value, 'f', -1, 64) + unit
	case Date:
		return "d:" + f.Date
	case Time:
		return "t:" + f.Date
	case Entity:
		return "e:" + strings.ToLower(f.Entity)
	case Quote:
		return "quote:" + strings.Join(strings.Fields(strings.ToLower(f.Quoted)), " ")
	}
	return string(f.Kind) + ":" + f.Text
}
