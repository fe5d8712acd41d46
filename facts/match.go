package facts

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Relation is how two facts' values relate, from no relation to equality.
type Relation int

// Relations, in increasing order of agreement.
const (
	// Unrelated facts are of different kinds and cannot be compared.
	Unrelated Relation = iota
	// Different facts are of one kind and contradict each other: 541,210
	// and 541,201; October 31 and October 30.
	Different
	// Compatible facts could describe the same value at different
	// precision or with different hedging: "Oct 31" and "2023-10-31";
	// "about 1.15 million" and 1,152,000; "more than 500,000" and 541,210.
	Compatible
	// Same facts state the same value the same way, however worded:
	// "1.15m" and "1.15 million"; "close to 1.15m" and "approximately 1.15
	// million"; "Oct 31" and "October 31".
	Same
)

// String returns the relation's name in lower case.
func (r Relation) String() string {
	switch r {
	case Unrelated:
		return "unrelated"
	case Different:
		return "different"
	case Compatible:
		return "compatible"
	case Same:
		return "same"
	}
	return "Relation(" + strconv.Itoa(int(r)) + ")"
}

// MarshalText encodes the relation as its name, for JSON reports.
func (r Relation) MarshalText() ([]byte, error) {
	return []byte(r.String()), nil
}

// Match tells how the values of facts a and b relate. It compares values
// only; whether two facts are about the same thing (the number of deportees,
// not the number of provinces) is for the caller to decide.
func Match(a, b Fact) Relation {
	if a.Kind != b.Kind {
		return Unrelated
	}
	switch a.Kind {
	case Quantity:
		return matchQuantities(a, b)
	case Date:
		return matchDates(a, b)
	}
	if a.Key() == b.Key() {
		return Same
	}
	return Different
}

// matchQuantities compares two quantities. Equal values with equal unit and
// qualifier are Same. Otherwise they are Compatible when either value lies
// within the other's range (see bounds), the units do not conflict, and
// they are not two different figures under one qualifier.
func matchQuantities(a, b Fact) Relation {
	if !unitsAgree(a.Unit, b.Unit) {
		return Different
	}
	if a.Value == b.Value {
		if SameUnit(a.Unit, b.Unit) && a.Approx == b.Approx {
			return Same
		}
		return Compatible
	}
	if a.Approx != "" && a.Approx == b.Approx {
		// Two figures hedged alike state two different estimates:
		// "about 1,400" and "about 1,430" disagree, though each lies
		// within the other's rounding.
		return Different
	}
	if within(a, b.Value) || within(b, a.Value) {
		return Compatible
	}
	return Different
}

// SameUnit reports whether two quantities are in one unit: equal units,
// or an age against a bare number ("Rossi, 37" read without its
// neighbours' words is still the 37-year-old).
func SameUnit(u, v string) bool {
	return u == v || u == Age && v == "" || v == Age && u == ""
}

// unitsAgree reports whether two units can describe one value: equal, one
// of them unstated (a rewrite may drop the "$"), or rupees with a named
// rupee.
func unitsAgree(u, v string) bool {
	if u == v || u == "" || v == "" {
		return true
	}
	rupees := func(x string) bool { return x == "Rs" || x == "PKR" || x == "INR" || x == "LKR" }
	return rupees(u) && rupees(v)
}

// within reports whether v lies in the range of values f's text allows.
//
// A plain figure allows rounding at its written precision: "1.15m" is
// 1,145,000 to 1,155,000; "541,210" is exact. A qualified figure allows one
// step of the place of its last non-zero digit, in the qualifier's
// direction: "more than 500,000" is 500,000 to 600,000 — a writer with
// 750,000 would have said "more than 700,000" — and "about 1.7 million" is
// 1.65 to 1.75 million. A wider reading would make every large figure
// compatible with every smaller "more than".
func within(f Fact, v float64) bool {
	lo, hi := bounds(f)
	return v >= lo && v <= hi
}

// bounds returns the range of values f allows; see within.
func bounds(f Fact) (lo, hi float64) {
	x, step := f.Value, f.Step
	if step <= 0 {
		step = 1
	}
	if f.Approx == "" {
		return x - step/2, x + step/2
	}
	q := math.Max(step, lastNonZeroPlace(x))
	switch f.Approx {
	case ApproxOver, ApproxAtLeast:
		return x, x + q
	case ApproxUnder, ApproxUpTo:
		return x - q, x
	}
	return x - q/2, x + q/2
}

// matchDates compares two dates part by part. Equal dates are Same; dates
// whose stated parts agree are Compatible ("--10-31" and "2023-10-31";
// "2023-10" and "--10-31"); a weekday is checked against a full date, and
// two stated weekdays against each other.
func matchDates(a, b Fact) Relation {
	ca, wa := parseISO(a.Date)
	cb, wb := parseISO(b.Date)
	// A weekday written beside a full date is a claim of its own: "Friday,
	// July 13" and "Thursday, 13 July" disagree whatever the calendar says.
	if d, ok := weekdays[strings.ToLower(a.Weekday)]; ok && wa < 0 {
		wa = d
	}
	if d, ok := weekdays[strings.ToLower(b.Weekday)]; ok && wb < 0 {
		wb = d
	}
	if wa >= 0 && wb >= 0 && wa != wb {
		return Different
	}
	if a.Date == b.Date {
		return Same
	}
	if conflicts(ca.year, cb.year) || conflicts(ca.month, cb.month) || conflicts(ca.day, cb.day) {
		return Different
	}
	if !weekdayFits(wa, cb) || !weekdayFits(wb, ca) {
		return Different
	}
	// Not contradicting is not enough: "Tuesday" and "October 2023", or
	// "Oct 31" and "2008", state no part in common and so say nothing about
	// each other.
	if !sharesPart(ca, cb, wa, wb) {
		return Unrelated
	}
	return Compatible
}

// sharesPart reports whether two dates state at least one part in common:
// a year, a month, a day of the month, or a weekday against a full date.
func sharesPart(ca, cb calendar, wa, wb time.Weekday) bool {
	switch {
	case ca.year != 0 && cb.year != 0, ca.month != 0 && cb.month != 0, ca.day != 0 && cb.day != 0:
		return true
	case wa >= 0 && wb >= 0:
		return true // equal weekdays, one beside a date ("Friday" and "Friday, July 13")
	case wa >= 0 && cb.year != 0 && cb.month != 0 && cb.day != 0:
		return true
	case wb >= 0 && ca.year != 0 && ca.month != 0 && ca.day != 0:
		return true
	}
	return false
}

// conflicts reports whether two date parts are both stated and differ.
func conflicts(x, y int) bool {
	return x != 0 && y != 0 && x != y
}

// weekdayFits reports whether weekday wd (or -1 for none) can fall on c;
// only a full date can rule it out.
func weekdayFits(wd time.Weekday, c calendar) bool {
	if wd < 0 || c.year == 0 || c.month == 0 || c.day == 0 {
		return true
	}
	return time.Date(c.year, time.Month(c.month), c.day, 0, 0, 0, 0, time.UTC).Weekday() == wd
}

// parseISO reads a Fact.Date back into its parts: "2023-10-31", "--10-31",
// "2023-10", "--10", "2023", or a weekday name (returned second; -1 when
// the date is not a weekday).
func parseISO(date string) (calendar, time.Weekday) {
	if wd, ok := weekdays[strings.ToLower(date)]; ok {
		return calendar{}, wd
	}
	var c calendar
	rest := date
	if !strings.HasPrefix(rest, "--") {
		y, after, _ := strings.Cut(rest, "-")
		c.year, _ = strconv.Atoi(y)
		rest = "--" + after
	}
	parts := strings.Split(strings.TrimPrefix(rest, "--"), "-")
	c.month, _ = strconv.Atoi(parts[0])
	if len(parts) > 1 {
		c.day, _ = strconv.Atoi(parts[1])
	}
	return c, -1
}

// Bounds returns the range of values a quantity's text allows: the
// rounding of its last written digit, or one step in the direction of its
// qualifier ("more than 500,000" is 500,000 to 600,000). See within.
func (f Fact) Bounds() (lo, hi float64) {
	return bounds(f)
}
