package facts

import "testing"

// oneFact extracts the single fact in text, failing the test otherwise.
func oneFact(t *testing.T, text string) Fact {
	t.Helper()
	facts := Extract(text)
	if len(facts) != 1 {
		t.Fatalf("Extract(%q) = %v, want exactly one fact", text, describeAll(facts))
	}
	return facts[0]
}

func TestMatch(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want Relation
	}{
		// The founding pair.
		{"abbreviated and spelled-out million", "1.15m", "1.15 million", Same},
		{"different words for about", "close to 1.15m", "approximately 1.15 million", Same},
		{"different words for over", "More than 500,000", "over 500,000", Same},
		{"abbreviated and full month", "Oct 31", "October 31", Same},
		{"day without and with a year", "Oct 31", "2023-10-31", Compatible},
		{"month and year against day", "October 2023", "Oct 31", Compatible},
		{"over and the exact figure", "More than 500,000", "541,210", Compatible},
		{"about and the exact figure", "about 1.15 million", "1,152,000", Compatible},
		{"rounded and the exact figure", "1.15 million", "1,152,000", Compatible},
		{"rounded and a figure outside its rounding", "1.15 million", "1,160,000", Different},
		{"qualifier dropped", "More than 500,000", "500,000", Compatible},
		{"over and a far larger figure", "More than 500,000", "1.7 million", Different},
		{"one digit changed", "541,210", "541,201", Different},
		{"two estimates hedged alike", "about 1,400", "about 1,430", Different},
		{"two lower bounds", "more than 1,000", "more than 2,000", Different},
		{"one estimate hedged two ways", "about 1,400", "more than 1,400", Compatible},

		// Units.
		{"percent forms", "12%", "12 per cent", Same},
		{"currency symbol and word", "$3bn", "3 billion dollars", Same},
		{"currency dropped", "$3bn", "3bn", Compatible},
		{"currency changed", "$3bn", "£3bn", Different},
		{"rupees and a named rupee", "Rs 5bn", "PKR 5bn", Compatible},

		// Written numbers and qualifiers.
		{"words and digits", "three", "3", Same},
		{"small written numbers are exact", "ten", "12", Different},
		{"nearly is just under", "nearly 50", "49", Compatible},
		{"nearly is not over", "nearly 50", "52", Different},
		{"up to allows less", "up to 30", "25", Compatible},
		{"about a rounded figure", "about 1.7 million", "1,652,000", Compatible},

		// Dates and times.
		{"month year against another year", "October 2023", "October 2024", Different},
		{"year against full date", "in 2023", "31 October 2023", Compatible},
		{"weekday that fits the date", "on Tuesday", "31 October 2023", Compatible},
		{"weekday that does not fit", "on Wednesday", "31 October 2023", Different},
		{"same weekday", "on Tuesday", "by Tuesday", Same},
		{"different weekdays", "on Tuesday", "on Friday", Different},
		// l2r: a GPT-4o rewrite kept the day of the month but not its weekday.
		{"weekday beside a date changed", "on Friday, July 13.", "on Thursday, 13 July.", Different},
		{"weekday beside a date kept", "on Thursday, July 13.", "on Thursday, 13 July.", Same},
		{"weekday against the weekday of a date", "on Friday", "on Thursday, 13 July.", Different},
		{"weekday dropped from a date", "on 13 July.", "on Thursday, 13 July.", Same},
		{"weekday against a day without year says nothing", "on Tuesday", "Oct 31", Unrelated},
		{"month-year against a weekday says nothing", "in October 2023", "on Tuesday", Unrelated},
		{"month-year against a bare month", "in October 2023", "in October", Compatible},
		{"twelve and twenty-four hour times", "3pm", "15:00", Same},
		{"different times", "3pm", "4pm", Different},

		// Kinds.
		{"date and quantity", "Oct 31", "31", Unrelated},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, b := oneFact(t, c.a), oneFact(t, c.b)
			if got := Match(a, b); got != c.want {
				t.Errorf("Match(%s, %s) = %v, want %v", describe(a), describe(b), got, c.want)
			}
			if got := Match(b, a); got != c.want {
				t.Errorf("Match(%s, %s) = %v, want %v (Match must be symmetric)", describe(b), describe(a), got, c.want)
			}
		})
	}
}

func TestRelationText(t *testing.T) {
	for r, want := range map[Relation]string{
		Unrelated: "unrelated", Different: "different", Compatible: "compatible", Same: "same", 7: "Relation(7)",
	} {
		if got := r.String(); got != want {
			t.Errorf("Relation(%d).String() = %q, want %q", int(r), got, want)
		}
		if b, _ := r.MarshalText(); string(b) != want {
			t.Errorf("Relation(%d).MarshalText() = %q, want %q", int(r), b, want)
		}
	}
}
