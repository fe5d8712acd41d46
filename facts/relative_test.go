package facts

import (
	"reflect"
	"testing"
	"time"
)

func TestExtractAtWithoutDateIsExtract(t *testing.T) {
	const text = "The ministry informed the Senate on Tuesday that 541,210 people left by Oct 31; yesterday it said more."
	if got, want := ExtractAt(text, time.Time{}), Extract(text); !reflect.DeepEqual(got, want) {
		t.Errorf("ExtractAt(text, zero) = %v, want Extract's %v", describeAll(got), describeAll(want))
	}
}

func TestExtractAtResolvesAtStatedGranularity(t *testing.T) {
	published := time.Date(2024, 1, 3, 15, 4, 0, 0, time.UTC) // a Wednesday
	cases := []struct{ text, date, resolved string }{
		{"on Tuesday", "Tuesday", "2024-01-02"},
		{"on Wednesday", "Wednesday", "2024-01-03"},
		{"next Tuesday", "Tuesday", "2024-01-09"},
		{"in October", "--10", "2023-10"},
		{"by Oct 31", "--10-31", "2023-10-31"},
		{"in January", "--01", "2024-01"},
		{"yesterday", "2024-01-02", "2024-01-02"},
		{"last month", "2023-12", "2023-12"},
		{"this year", "2024", "2024"},
		{"next year", "2025", "2025"},
	}
	for _, c := range cases {
		fs := ExtractAt(c.text, published)
		if len(fs) != 1 || fs[0].Date != c.date || fs[0].Resolved != c.resolved {
			t.Errorf("ExtractAt(%q) = %v, want date %s resolved %s", c.text, describeAll(fs), c.date, c.resolved)
		}
	}
}
