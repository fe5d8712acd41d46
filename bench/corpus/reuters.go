package corpus

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// loadReuters reads Reuters-21578 (reut2-000.sgm.gz … reut2-021.sgm.gz) and
// makes a Doc of every story that has a BODY (19,043 of 21,578): ID
// "reuters/<NEWID>", TITLE, DATE as Published, BODY as Text.
//
// The SGML is not XML (no root element, undeclared entities, a DOCTYPE per
// file, bare "&"), so a small scanner finds the REUTERS records and the
// elements inside them instead of encoding/xml. Inside a body:
//   - &lt; &gt; &amp; &quot; and numeric references are decoded; the
//     control-character references (&#3; ends every story, &#1; &#2; &#5;
//     &#22; &#31; &#127; are wire transmission codes) are dropped;
//   - in this copy every paragraph after the first starts with the four bytes
//     "&\t" (ampersand, backslash, t); they mark a paragraph break;
//   - hard-wrapped lines are joined; lines that start with a space (tables)
//     keep their own line;
//   - the closing "Reuter" signature line is dropped: it is on nearly every
//     story and is not part of the report.
//
// The files are Latin-1 (README.txt); they hold a single non-ASCII sequence,
// a UTF-8 replacement character, so a record that is valid UTF-8 is read as
// UTF-8 and any other as Latin-1.
func loadReuters(shared string) (*Set, error) {
	s := &Set{Name: "reuters"}
	paths, err := filepath.Glob(dataPath(shared, "reuters21578", "reut2-*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("no reut2-*.sgm.gz in %s", dataPath(shared, "reuters21578"))
	}
	seen := map[string]bool{}    // NEWIDs
	bodies := map[string]bool{}  // body texts
	for _, path := range paths { // Glob sorts, so the order is reut2-000 … reut2-021
		b, err := readFile(path)
		if err != nil {
			return nil, err
		}
		err = eachReutersRecord(b, func(rec []byte, line int) error {
			d, ok, err := reutersDoc(rec)
			if err != nil {
				return fmt.Errorf("%s:%d: %w", path, line, err)
			}
			if !ok {
				s.skip("reuters: no BODY")
				return nil
			}
			if seen[d.ID] {
				return fmt.Errorf("%s:%d: NEWID %s seen before", path, line, d.ID)
			}
			seen[d.ID] = true
			// Reuters repeats some stories word for word under a new NEWID.
			// Unlike the other sets, both stay: the stories are distinct
			// records, nothing points at them, and they are real near-duplicates.
			key := strings.TrimSpace(d.Text)
			if bodies[key] {
				s.skip("reuters: body repeats an earlier story (kept as its own Doc)")
			}
			bodies[key] = true
			d.Set = s.Name
			s.Docs = append(s.Docs, d)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// loadReutersBriefs reads the Reuters stories that have a title but no BODY
// (TYPE="BRIEF" one-liners and the like) as Docs whose text is the title.
// They are real wire items, and the benchmark's archive needs them to reach
// 25,000 distractors once a tenth of the rewrite sources are withheld.
func loadReutersBriefs(shared string) (*Set, error) {
	s := &Set{Name: "reuters-briefs"}
	paths, err := filepath.Glob(dataPath(shared, "reuters21578", "reut2-*.sgm.gz"))
	if err != nil {
		return nil, err
	}
	for _, path := range paths {
		b, err := readFile(path)
		if err != nil {
			return nil, err
		}
		err = eachReutersRecord(b, func(rec []byte, line int) error {
			text := decodeReutersBytes(rec)
			if _, hasBody := sgmlElement(text, "BODY"); hasBody {
				return nil
			}
			tag, _, _ := strings.Cut(text, ">")
			newID := sgmlAttrs(tag)["NEWID"]
			title, _ := sgmlElement(text, "TITLE")
			title = strings.Join(strings.Fields(unescapeSGML(title)), " ")
			if title == "" {
				s.skip("reuters-briefs: no TITLE either")
				return nil
			}
			date, _ := sgmlElement(text, "DATE")
			s.Docs = append(s.Docs, Doc{
				ID: "reuters-briefs/" + newID, Set: s.Name, Title: title, Text: title,
				Published: reutersDate(date), Extra: map[string]string{"type": "BRIEF"},
			})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return s, nil
}

// eachReutersRecord calls fn with the bytes of every <REUTERS …>…</REUTERS>
// record in b and the line the record starts on.
func eachReutersRecord(b []byte, fn func(rec []byte, line int) error) error {
	open, closeTag := []byte("<REUTERS"), []byte("</REUTERS>")
	line, pos := 1, 0
	for {
		i := bytes.Index(b[pos:], open)
		if i < 0 {
			return nil
		}
		line += bytes.Count(b[pos:pos+i], []byte("\n"))
		start := pos + i
		j := bytes.Index(b[start:], closeTag)
		if j < 0 {
			return fmt.Errorf("line %d: <REUTERS> without </REUTERS>", line)
		}
		end := start + j + len(closeTag)
		if err := fn(b[start:end], line); err != nil {
			return err
		}
		line += bytes.Count(b[start:end], []byte("\n"))
		pos = end
	}
}

// reutersDoc makes a Doc of one record; ok is false when it has no BODY.
func reutersDoc(rec []byte) (d Doc, ok bool, err error) {
	text := decodeReutersBytes(rec)
	tag, _, _ := strings.Cut(text, ">")
	attrs := sgmlAttrs(tag)
	newID := attrs["NEWID"]
	if _, err := strconv.Atoi(newID); err != nil {
		return Doc{}, false, fmt.Errorf("record without a numeric NEWID: %.80q", tag)
	}
	body, ok := sgmlElement(text, "BODY")
	if !ok {
		return Doc{}, false, nil
	}
	title, _ := sgmlElement(text, "TITLE")
	date, _ := sgmlElement(text, "DATE")
	dateline, _ := sgmlElement(text, "DATELINE")
	extra := map[string]string{
		"lewissplit": attrs["LEWISSPLIT"],
		"topics":     strings.Join(sgmlList(text, "TOPICS"), ","),
		"places":     strings.Join(sgmlList(text, "PLACES"), ","),
		"dateline":   strings.TrimSuffix(strings.TrimSpace(unescapeSGML(dateline)), " -"),
	}
	if textTag, ok := sgmlOpenTag(text, "TEXT"); ok {
		if typ := sgmlAttrs(textTag)["TYPE"]; typ != "" {
			extra["type"] = typ
		}
	}
	d = Doc{
		ID: "reuters/" + newID, Title: strings.Join(strings.Fields(unescapeSGML(title)), " "),
		Text: reutersBody(body), Published: reutersDate(date), Extra: extra,
	}
	if d.Text == "" {
		return Doc{}, false, fmt.Errorf("NEWID %s: BODY is empty after decoding", newID)
	}
	return d, true, nil
}

func decodeReutersBytes(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return decodeLatin1(b)
}

// sgmlOpenTag returns the attributes part of the first <NAME …> tag.
func sgmlOpenTag(s, name string) (string, bool) {
	for i := 0; ; {
		j := strings.Index(s[i:], "<"+name)
		if j < 0 {
			return "", false
		}
		k := i + j + 1 + len(name)
		if k < len(s) && (s[k] == '>' || s[k] == ' ') {
			end := strings.IndexByte(s[k:], '>')
			if end < 0 {
				return "", false
			}
			return s[k : k+end], true
		}
		i = k
	}
}

// sgmlElement returns the raw content of the first <NAME …>…</NAME>. A
// missing end tag ends the content at the enclosing </TEXT> or the record end.
func sgmlElement(s, name string) (string, bool) {
	tag, ok := sgmlOpenTag(s, name)
	if !ok {
		return "", false
	}
	start := strings.Index(s, "<"+name+tag+">") + len(name) + len(tag) + 2
	rest := s[start:]
	for _, end := range []string{"</" + name + ">", "</TEXT>", "</REUTERS>"} {
		if i := strings.Index(rest, end); i >= 0 {
			return rest[:i], true
		}
	}
	return rest, true
}

// sgmlList returns the <D>…</D> items of an element such as TOPICS.
func sgmlList(s, name string) []string {
	content, ok := sgmlElement(s, name)
	if !ok {
		return nil
	}
	var items []string
	for {
		item, ok := sgmlElement(content, "D")
		if !ok {
			return items
		}
		items = append(items, unescapeSGML(item))
		_, content, _ = strings.Cut(content, "</D>")
	}
}

// sgmlAttrs parses NAME="value" pairs; unquoted values end at a space.
func sgmlAttrs(tag string) map[string]string {
	attrs := map[string]string{}
	for {
		eq := strings.IndexByte(tag, '=')
		if eq < 0 {
			return attrs
		}
		fields := strings.Fields(tag[:eq])
		if len(fields) == 0 {
			return attrs
		}
		key, rest := fields[len(fields)-1], strings.TrimLeft(tag[eq+1:], " ")
		var val string
		if strings.HasPrefix(rest, `"`) {
			val, rest, _ = strings.Cut(rest[1:], `"`)
		} else {
			val, rest, _ = strings.Cut(rest, " ")
		}
		attrs[key] = val
		tag = rest
	}
}

// unescapeSGML decodes the entities Reuters-21578 uses and drops control
// characters. An "&" that starts no known entity is kept.
func unescapeSGML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var sb strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			sb.WriteString(s)
			return sb.String()
		}
		sb.WriteString(s[:i])
		s = s[i:]
		semi := strings.IndexByte(s, ';')
		if semi < 0 || semi > 8 {
			sb.WriteByte('&')
			s = s[1:]
			continue
		}
		if r, ok := sgmlEntity(s[1:semi]); ok {
			if r >= 0 {
				sb.WriteRune(r)
			}
			s = s[semi+1:]
			continue
		}
		sb.WriteByte('&')
		s = s[1:]
	}
}

// sgmlEntity returns the character an entity name stands for, -1 for a
// control character to drop, and false for an unknown name.
func sgmlEntity(name string) (rune, bool) {
	switch name {
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	case "amp":
		return '&', true
	case "quot":
		return '"', true
	}
	num, ok := strings.CutPrefix(name, "#")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 || n > utf8.MaxRune {
		return 0, false
	}
	if n < 32 && n != '\t' && n != '\n' || n == 127 {
		return -1, true
	}
	return rune(n), true
}

// reutersBody turns a raw BODY into paragraphs separated by blank lines.
func reutersBody(raw string) string {
	lines := strings.Split(normalizeNewlines(raw), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(unescapeSGML(l), " \t")
	}
	for len(lines) > 0 && strings.TrimSpace(lines[len(lines)-1]) == "" {
		lines = lines[:len(lines)-1]
	}
	if n := len(lines); n > 0 && isReuterSignature(lines[n-1]) {
		lines = lines[:n-1]
	}
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, "\n"))
			cur = nil
		}
	}
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, `&\t`); ok {
			flush()
			l = rest
		}
		switch {
		case strings.TrimSpace(l) == "":
			continue
		case l[0] == ' ' || l[0] == '\t' || len(cur) == 0:
			cur = append(cur, l) // a table row keeps its line and its indent
		default:
			cur[len(cur)-1] += " " + l
		}
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// isReuterSignature reports whether a paragraph is the closing "Reuter".
func isReuterSignature(p string) bool {
	p = strings.TrimSpace(p)
	return strings.EqualFold(p, "Reuter") || strings.EqualFold(p, "Reuters")
}

// reutersDate turns "26-FEB-1987 15:01:01.79" into "1987-02-26T15:01:01".
// When only the day parses (one story has the clock "605:12:19") it returns
// the day; when nothing does, the raw text.
func reutersDate(raw string) string {
	f := strings.Fields(raw)
	if len(f) == 0 {
		return ""
	}
	day, err := time.Parse("2-Jan-2006", f[0])
	if err != nil {
		return strings.TrimSpace(raw)
	}
	if len(f) > 1 {
		clock, _, _ := strings.Cut(f[1], ".")
		if t, err := time.Parse("2-Jan-2006 15:04:05", f[0]+" "+clock); err == nil {
			return t.Format("2006-01-02T15:04:05")
		}
	}
	return day.Format("2006-01-02")
}
