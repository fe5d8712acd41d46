package facts

import (
	"fmt"
	"sort"
	"time"
)

// ExtractAt is Extract for an article published at published: weekdays and
// dates without a year get Resolved, and relative dates ("yesterday",
// "today", "last month", "this year", "next week") become Date facts
// resolved to the granularity they state (a month is not a day). A zero
// published gives Extract's facts unchanged.
//
// News reports past events, so "on Tuesday" and "in October" resolve to the
// latest such day or month not after publication; "next Tuesday" and
// "next month" look forward.
func ExtractAt(text string, published time.Time) []Fact {
	found := Extract(text)
	if published.IsZero() {
		return found
	}
	day := time.Date(published.Year(), published.Month(), published.Day(), 0, 0, 0, 0, time.UTC)
	s := newScanner(text)
	for i := range found {
		found[i].Resolved = resolve(found[i], day, s.forwardBefore(found[i].Start))
	}
	return mergeFacts(found, s.relativeDates(day))
}

// forwardBefore reports whether the word before byte offset start is
// "next" or "coming", which turns a weekday or month forward.
func (s *scanner) forwardBefore(start int) bool {
	i := sort.Search(len(s.toks), func(i int) bool { return s.toks[i].start >= start })
	w := s.word(i - 1)
	return w == "next" || w == "coming"
}

// resolve makes a weekday or a date without a year absolute against day.
func resolve(f Fact, day time.Time, forward bool) string {
	if f.Kind != Date {
		return ""
	}
	c, wd := parseISO(f.Date)
	switch {
	case wd >= 0:
		delta := int(day.Weekday()-wd+7) % 7
		if forward {
			delta = -((int(wd-day.Weekday()) + 7) % 7)
			if delta == 0 {
				delta = -7
			}
		}
		return day.AddDate(0, 0, -delta).Format("2006-01-02")
	case c.year == 0 && c.month != 0:
		y := day.Year()
		after := c.month > int(day.Month()) || (c.month == int(day.Month()) && c.day > day.Day())
		if after != forward {
			if forward {
				y++
			} else {
				y--
			}
		}
		if c.day == 0 {
			return fmt.Sprintf("%04d-%02d", y, c.month)
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, c.month, c.day)
	}
	return ""
}

// relativeDates finds "today", "yesterday", "tomorrow" and "last/this/next
// week|month|year" and resolves them against day. A week resolves to its
// Monday at day precision, since Date has no week precision.
func (s *scanner) relativeDates(day time.Time) []Fact {
	var out []Fact
	add := func(first, last int, t time.Time, precision string) {
		f := Fact{Kind: Date, Precision: precision}
		switch precision {
		case PrecisionYear:
			f.Date = t.Format("2006")
		case PrecisionMonth:
			f.Date = t.Format("2006-01")
		default:
			f.Date = t.Format("2006-01-02")
		}
		f.Resolved = f.Date
		f.Text, f.Start, f.End = s.span(first, last)
		out = append(out, f)
	}
	for i := range s.toks {
		switch s.word(i) {
		case "today":
			add(i, i, day, PrecisionDay)
		case "yesterday":
			add(i, i, day.AddDate(0, 0, -1), PrecisionDay)
		case "tomorrow":
			add(i, i, day.AddDate(0, 0, 1), PrecisionDay)
		case "last", "this", "next":
			step := map[string]int{"last": -1, "this": 0, "next": 1}[s.word(i)]
			if !s.spaced(i + 1) {
				continue
			}
			switch s.word(i + 1) {
			case "year":
				add(i, i+1, day.AddDate(step, 0, 0), PrecisionYear)
			case "month":
				first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
				add(i, i+1, first.AddDate(0, step, 0), PrecisionMonth)
			case "week":
				monday := day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
				add(i, i+1, monday.AddDate(0, 0, 7*step), PrecisionDay)
			}
		}
	}
	return out
}

// mergeFacts merges two sorted lists of facts, dropping any fact of extra
// that overlaps one of base.
func mergeFacts(base, extra []Fact) []Fact {
	out := append([]Fact(nil), base...)
	for _, e := range extra {
		overlaps := false
		for _, b := range base {
			if e.Start < b.End && b.Start < e.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}
