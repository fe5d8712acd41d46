package corpus

import (
	"reflect"
	"testing"
)

func TestSpaceSummary(t *testing.T) {
	body := "Sales rose to $10.9bn. For the year, profit rose.\n\nThe U.S.A.Team won. He said: \"No.\" Then he left."
	for in, want := range map[string]string{
		"Sales rose to $10.9bn.For the year, profit rose.": "Sales rose to $10.9bn. For the year, profit rose.",
		"The U.S.A.Team won.":                              "The U.S.A.Team won.", // the body has no space there
		"He said: \"No.\"Then he left.":                    "He said: \"No.\" Then he left.",
		"Sales rose to $10.9bn.":                           "Sales rose to $10.9bn.",
	} {
		if got := spaceSummary(in, body); got != want {
			t.Errorf("spaceSummary(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestUnescapeSGML(t *testing.T) {
	for in, want := range map[string]string{
		"&lt;USX&gt; said":      "<USX> said",
		"AT&amp;T":              "AT&T",
		"AT&T rose":             "AT&T rose", // a bare ampersand stays
		"growth.&#5;&#30;side":  "growth.side",
		"end of story&#3;":      "end of story",
		"cost &#163;5":          "cost £5",
		"&unknown; stays as is": "&unknown; stays as is",
	} {
		if got := unescapeSGML(in); got != want {
			t.Errorf("unescapeSGML(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReutersBody(t *testing.T) {
	raw := "Showers continued in\nthe Bahia zone.\n&\\tThe dry period &lt;ends&gt;\nsoon.\n    Table  1.0\n    Row    2.0\n Reuter\n&#3;"
	want := "Showers continued in the Bahia zone.\n\nThe dry period <ends> soon.\n    Table  1.0\n    Row    2.0"
	if got := reutersBody(raw); got != want {
		t.Errorf("reutersBody = %q\nwant %q", got, want)
	}
}

func TestReutersRecord(t *testing.T) {
	rec := `<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="42">
<DATE> 3-MAR-1987  09:15:05.40</DATE><TOPICS><D>cocoa</D><D>grain</D></TOPICS><PLACES></PLACES>
<TEXT TYPE="NORM">&#2;
<TITLE>A &amp; B</TITLE><DATELINE>    LONDON, March 3 - </DATELINE><BODY>Text.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>`
	d, ok, err := reutersDoc([]byte(rec))
	if err != nil || !ok {
		t.Fatalf("reutersDoc: ok %v, err %v", ok, err)
	}
	want := Doc{ID: "reuters/42", Title: "A & B", Text: "Text.", Published: "1987-03-03T09:15:05",
		Extra: map[string]string{"lewissplit": "TRAIN", "topics": "cocoa,grain", "places": "", "dateline": "LONDON, March 3", "type": "NORM"}}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("reutersDoc =\n%+v\nwant\n%+v", d, want)
	}
	if _, ok, _ := reutersDoc([]byte(`<REUTERS NEWID="7"><TEXT TYPE="BRIEF"><TITLE>X</TITLE></TEXT></REUTERS>`)); ok {
		t.Error("a story without BODY made a Doc")
	}
	if got := reutersDate("31-MAR-1987 605:12:19.12"); got != "1987-03-31" {
		t.Errorf("malformed clock: %q, want the day", got)
	}
}

func TestDecodeCP1252(t *testing.T) {
	if got := decodeCP1252([]byte("\xa35 \x93hi\x94 3\xbd")); got != "£5 “hi” 3½" {
		t.Errorf("decodeCP1252 = %q", got)
	}
	if got := utf8OrCP1252([]byte("caf\xc3\xa9")); got != "café" {
		t.Errorf("utf8OrCP1252 on UTF-8 = %q", got)
	}
}

func TestSortedPA(t *testing.T) {
	in := []string{"a/x2.txt", "a/x10.txt", "a/x1sub.txt", "a/x1.txt", "a/x1nl.txt"}
	want := []string{"a/x1.txt", "a/x1nl.txt", "a/x1sub.txt", "a/x2.txt", "a/x10.txt"}
	if got := sortedPA(in); !reflect.DeepEqual(got, want) {
		t.Errorf("sortedPA = %v, want %v", got, want)
	}
}

func TestDates(t *testing.T) {
	for in, want := range map[string]string{"01.12.14": "2014-12-01", "31.01.15": "2015-01-31", "junk": "junk"} {
		if got := counterDate(in); got != want {
			t.Errorf("counterDate(%q) = %q, want %q", in, got, want)
		}
	}
	if got := paTime("23", "19", "27", "01", "00"); got != "2000-01-27T23:19" {
		t.Errorf("paTime = %q", got)
	}
}

func TestStartsMidSentence(t *testing.T) {
	for in, want := range map[string]bool{
		"a little bit of time were taken": true,
		"995 trial, which ended":          true,
		"10 People died":                  false,
		"“Quoted start":                   false,
		"The Duke":                        false,
	} {
		if got := startsMidSentence(in); got != want {
			t.Errorf("startsMidSentence(%q) = %v, want %v", in, got, want)
		}
	}
}
