package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
)

// meterStory is one line of meter-rawtexts/stories.jsonl: one story folder.
type meterStory struct {
	Domain     string   `json:"domain"` // courts or showbiz
	Date       string   `json:"date"`   // DD.MM.YY, the folder name
	Catchline  string   `json:"catchline"`
	PA         []string `json:"pa"` // paths relative to meter-rawtexts
	Newspapers []struct {
		Path      string `json:"path"`
		Newspaper string `json:"newspaper"`
	} `json:"newspapers"`
}

// loadMeter reads METER's raw texts: the 771 Press Association wire texts
// become Docs, the 945 newspaper texts become Queries (Group
// "meter/<domain>").
//
// The corpus copy lacks METER's derivation labels (SOURCE.md), so a query
// carries Label same-story, not a derivation: its Source is the story's first
// PA text (catchline1, the earliest take) and AltSources lists the story's
// other PA texts; any of them counts as the right candidate. The one story
// without a PA text gives queries with Label no-source.
//
// PA files are wire copy: a header with the transmission time (used as
// Published), paragraphs introduced by the control byte 0x19 and ended by
// "<", a headline, a byline, and an "end" line; one file is wrapped in HTML.
// The loader keeps the headline as Title, the byline and any editor's note in
// Extra, and undoes the wire's 7-bit typography: a doubled backquote or a
// doubled apostrophe becomes a double quote, a single backquote an
// apostrophe, " _ " a dash " - ", and "#" before a digit the pound sign £.
// Newspaper files are CP1252 text with paragraphs separated by blank lines.
func loadMeter(shared string) (*Set, error) {
	s := &Set{Name: "meter"}
	dd := newDocDedup(s)
	root := dataPath(shared, "meter-rawtexts")
	path := filepath.Join(root, "stories.jsonl")
	err := eachJSONLine(path, func(st *meterStory, _ int) error {
		var paIDs []string
		for _, p := range sortedPA(st.PA) {
			d, err := readPA(root, p)
			if err != nil {
				return err
			}
			d.Extra["domain"], d.Extra["catchline"] = st.Domain, st.Catchline
			paIDs = append(paIDs, dd.add(d))
		}
		for _, np := range st.Newspapers {
			q, err := readMeterNewspaper(root, np.Path)
			if err != nil {
				return err
			}
			q.Set, q.Group = s.Name, "meter/"+st.Domain
			q.Extra["newspaper"], q.Extra["story_date"] = np.Newspaper, meterDate(st.Date)
			q.Extra["catchline"] = st.Catchline
			if len(paIDs) == 0 {
				q.Label = LabelNoSource
				q.Extra["note"] = "story folder has no PA text"
			} else {
				q.Label, q.Source = LabelSameStory, paIDs[0]
				q.AltSources = dedupStrings(paIDs[1:], paIDs[0])
			}
			s.Queries = append(s.Queries, q)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// sortedPA orders a story's PA paths by take number, then name, so that
// "chemists1" comes before "chemists1sub" and "chemists2", and "x10" after "x9".
func sortedPA(paths []string) []string {
	out := append([]string(nil), paths...)
	take := func(p string) (int, string) {
		name := strings.TrimSuffix(filepath.Base(p), ".txt")
		i := strings.IndexAny(name, "0123456789")
		if i < 0 {
			return 0, name
		}
		n := 0
		j := i
		for ; j < len(name) && name[j] >= '0' && name[j] <= '9'; j++ {
			n = n*10 + int(name[j]-'0')
		}
		return n, name[j:]
	}
	sort.SliceStable(out, func(a, b int) bool {
		na, sa := take(out[a])
		nb, sb := take(out[b])
		if na != nb {
			return na < nb
		}
		return sa < sb
	})
	return out
}

// meterID makes an ID from a corpus path: the folders below rawtexts/ and the
// file name without ".txt".
func meterID(prefix, rel string) string {
	_, after, ok := strings.Cut(filepath.ToSlash(rel), "/rawtexts/")
	if !ok {
		after = rel
	}
	return prefix + strings.TrimSuffix(after, ".txt")
}

var (
	// paStamp is the header line "18:17 01/03/00: Page 1 (HHH) COURTS Chemists".
	paStamp = regexp.MustCompile(`(\d\d):(\d\d) (\d\d)/(\d\d)/(\d\d): Page \d+[^\n]*`)
	// paParaEnd is the "<" that ends every PA paragraph, at the end of a line.
	paParaEnd = regexp.MustCompile(`<[ \t]*(\n|$)`)
	// htmlTag matches the tags of the one PA file wrapped in HTML; the
	// paragraph marker "<" is never followed by a letter or "/".
	htmlTag    = regexp.MustCompile(`<[A-Za-z/!][^<>\n]*>`)
	poundDigit = regexp.MustCompile(`#(\d)`)
	wireTypo   = strings.NewReplacer("``", `"`, "''", `"`, "`", "'", " _ ", " - ", "\x19", "")
)

// readPA parses one PA wire file into a Doc.
func readPA(root, rel string) (Doc, error) {
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return Doc{}, err
	}
	text := normalizeNewlines(utf8OrCP1252(b))
	if strings.Contains(text, "<HTML>") {
		text = htmlTag.ReplaceAllString(text, "\n")
	}
	d := Doc{ID: meterID("meter/pa/", rel), Extra: map[string]string{"file": rel}}
	if m := paStamp.FindStringSubmatchIndex(text); m != nil {
		d.Published = paTime(text[m[2]:m[3]], text[m[4]:m[5]], text[m[6]:m[7]], text[m[8]:m[9]], text[m[10]:m[11]])
		d.Extra["slug"] = strings.TrimSpace(text[m[0]:m[1]])
		text = text[m[1]:]
	}
	var paras []string
	for _, p := range paParaEnd.Split(text, -1) {
		p = strings.Join(strings.Fields(wireTypo.Replace(p)), " ")
		p = strings.TrimLeft(p, "-")
		p = strings.TrimSpace(poundDigit.ReplaceAllString(p, "£$1"))
		if p != "" && p != "end" && strings.Trim(p, "-") != "" {
			paras = append(paras, p)
		}
	}
	// Editor's notes "(ADVISORY: …)" and "(corrected repetition …)" precede
	// the headline; the byline follows it.
	// An advisory that is nothing but notes keeps them as its text.
	for len(paras) > 1 && strings.HasPrefix(paras[0], "(") {
		d.Extra["note"] = strings.TrimSpace(d.Extra["note"] + " " + paras[0])
		paras = paras[1:]
	}
	// Later pages of a story ("Page 2") continue the text without a headline;
	// PA headlines are in capitals.
	if len(paras) > 1 && isUpperCase(paras[0]) {
		d.Title, paras = paras[0], paras[1:]
	}
	if len(paras) > 1 && strings.HasPrefix(paras[0], "By ") && len(paras[0]) < 80 {
		d.Extra["byline"], paras = paras[0], paras[1:]
	}
	if len(paras) == 0 {
		return Doc{}, fmt.Errorf("%s: PA text has no paragraphs after its header", rel)
	}
	d.Text = strings.Join(paras, "\n\n")
	return d, nil
}

// isUpperCase reports whether at least 80% of the letters of s are capitals.
func isUpperCase(s string) bool {
	letters, upper := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*5 >= letters*4
}

// paTime builds "20YY-MM-DDTHH:MM" from the parts of a PA header stamp;
// METER's texts are from 1999–2000.
func paTime(hh, mm, dd, mo, yy string) string {
	t, err := time.Parse("02/01/06 15:04", dd+"/"+mo+"/"+yy+" "+hh+":"+mm)
	if err != nil {
		return ""
	}
	return t.Format("2006-01-02T15:04")
}

// meterDate turns a story folder's DD.MM.YY into YYYY-MM-DD.
func meterDate(s string) string {
	t, err := time.Parse("02.01.06", s)
	if err != nil {
		return s
	}
	return t.Format("2006-01-02")
}

// readMeterNewspaper reads one newspaper text into a Query (without the
// story-level fields, which the caller sets).
func readMeterNewspaper(root, rel string) (Query, error) {
	b, err := os.ReadFile(filepath.Join(root, rel))
	if err != nil {
		return Query{}, err
	}
	text := normalizeNewlines(utf8OrCP1252(b))
	var paras []string
	for _, p := range strings.Split(text, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			paras = append(paras, p)
		}
	}
	if len(paras) == 0 {
		return Query{}, fmt.Errorf("%s: empty newspaper text", rel)
	}
	return Query{
		ID:    meterID("meter/news/", rel),
		Text:  strings.Join(paras, "\n\n"),
		Extra: map[string]string{"file": rel},
	}, nil
}

// dedupStrings returns ss without repeats and without drop, in order.
func dedupStrings(ss []string, drop string) []string {
	seen := map[string]bool{drop: true}
	var out []string
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
