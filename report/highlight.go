package report

import (
	"sort"
	"unicode/utf8"
)

// Highlighting splits a passage's text at the offsets of the facts inside it
// and nests the pieces, so that the HTML template can wrap each piece in a
// <mark> and still escape every byte of article text itself. It would be
// simpler to insert tags into the text and hand the result to the template
// as template.HTML; that would also hand it the article's own markup.
//
// Offsets in a report are byte offsets into the full article texts; a
// passage carries only its own slice. A span is therefore first moved into
// the passage (spanIn), and any span that does not fit — negative, reversed,
// past the end, inside a UTF-8 sequence, or over text other than its own —
// is skipped rather than trusted.

// span is a piece of a passage's text to mark: offsets relative to the
// passage text.
type span struct {
	start, end int
	class      string
	title      string
	// rank orders spans over the same text: lower ranks enclose higher.
	rank int
}

// segment is highlighted text for the template: plain text when Class is
// empty, otherwise a mark around Children.
type segment struct {
	Text     string
	Class    string
	Title    string
	Children []segment
}

// spanIn places the fact text ftext, found at [start, end) of the article,
// inside passage p. A whole fact must lie inside the passage; with clip, a
// sentence-scale span (a quotation, an unsupported sentence) is cut to the
// part the passage shows. It returns false when the offsets do not fit or
// the passage's text there is not the fact's text.
func spanIn(p Text, start, end int, ftext string, clip bool) (int, int, bool) {
	if p.Start < 0 || p.End-p.Start != len(p.Text) || start < 0 || end <= start || end-start != len(ftext) {
		return 0, 0, false
	}
	lo, hi := start, end
	if clip {
		lo, hi = max(lo, p.Start), min(hi, p.End)
	}
	if lo < p.Start || hi > p.End || lo >= hi {
		return 0, 0, false
	}
	rs, re := lo-p.Start, hi-p.Start
	if !boundary(p.Text, rs) || !boundary(p.Text, re) || !boundary(ftext, lo-start) || !boundary(ftext, hi-start) {
		return 0, 0, false
	}
	if p.Text[rs:re] != ftext[lo-start:hi-start] {
		return 0, 0, false
	}
	return rs, re, true
}

// boundary reports whether i is a valid place to cut s: within it and not
// inside a UTF-8 sequence.
func boundary(s string, i int) bool {
	return i >= 0 && i <= len(s) && (i == len(s) || utf8.RuneStart(s[i]))
}

// highlight nests spans over text into segments. Spans are sorted by start,
// longest first; a span that starts inside another and ends after it is
// split at the other's end, the rest queued again, so marks always nest.
// Spans outside text are dropped.
func highlight(text string, spans []span) []segment {
	queue := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.start >= 0 && s.end <= len(text) && s.start < s.end && boundary(text, s.start) && boundary(text, s.end) {
			queue = append(queue, s)
		}
	}
	less := func(a, b span) bool {
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.rank < b.rank
	}
	sort.SliceStable(queue, func(i, j int) bool { return less(queue[i], queue[j]) })

	type node struct {
		span
		children []*node
	}
	root := &node{span: span{start: 0, end: len(text)}}
	stack := []*node{root}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for len(stack) > 1 && stack[len(stack)-1].end <= s.start {
			stack = stack[:len(stack)-1]
		}
		top := stack[len(stack)-1]
		if s.end > top.end {
			rest := s
			rest.start = top.end
			at := sort.Search(len(queue), func(i int) bool { return less(rest, queue[i]) })
			queue = append(queue, span{})
			copy(queue[at+1:], queue[at:])
			queue[at] = rest
			s.end = top.end
		}
		n := &node{span: s}
		top.children = append(top.children, n)
		stack = append(stack, n)
	}

	var build func(n *node) []segment
	build = func(n *node) []segment {
		var out []segment
		pos := n.start
		for _, c := range n.children {
			if c.start > pos {
				out = append(out, segment{Text: Escape(text[pos:c.start])})
			}
			out = append(out, segment{Class: c.class, Title: c.title, Children: build(c)})
			pos = c.end
		}
		if pos < n.end {
			out = append(out, segment{Text: Escape(text[pos:n.end])})
		}
		return out
	}
	return build(root)
}
