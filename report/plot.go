package report

import (
	"fmt"

	"github.com/storytrace/storytrace/audit"
)

// The alignment picture is a dot plot over byte offsets: the query along x,
// the source down y, one box per aligned passage spanning its ranges on both
// sides, with a diagonal through it. A copy is a line down the diagonal; a
// rewrite that reorders its source shows boxes off it; a summary, tall boxes.
// The report does not carry the article lengths or the sentence matrix, so
// the axes run to the furthest offset the report knows of on each side.

// plotSide is the longer side of the plot area in pixels; the other side
// follows the ratio of the texts' lengths, down to plotMinSide.
const (
	plotSide    = 300.0
	plotMinSide = 60.0
	plotMargin  = 34.0
)

type plotView struct {
	W, H         float64 // whole picture
	X0, Y0       float64 // plot area origin
	PW, PH       float64 // plot area size
	QLen, SLen   int
	Boxes        []plotBox
	Claims       []plotBox // unsupported query sentences, under the x axis
	QLabelY      float64
	SLabelX      float64
	QEndX, SEndY float64
}

type plotBox struct {
	X, Y, W, H     float64
	X1, Y1, X2, Y2 float64 // the diagonal
	Class          string
	Opacity        float64
	Href           string
	Title          string
}

// newPlot draws the passages of s, or returns nil when none has usable
// offsets.
func newPlot(anchor string, s Source, a *audit.Result) *plotView {
	qLen, sLen := 0, 0
	ok := func(t Text) bool { return t.Start >= 0 && t.End > t.Start }
	for _, p := range s.Passages {
		if ok(p.Query) && ok(p.Source) {
			qLen, sLen = max(qLen, p.Query.End), max(sLen, p.Source.End)
		}
	}
	if qLen == 0 || sLen == 0 {
		return nil
	}
	for _, c := range s.Facts {
		if c.Query != nil && c.Query.End > c.Query.Start && c.Query.Start >= 0 {
			qLen = max(qLen, c.Query.End)
		}
		if c.Source != nil && c.Source.End > c.Source.Start && c.Source.Start >= 0 {
			sLen = max(sLen, c.Source.End)
		}
	}
	for _, c := range a.Unsupported {
		if c.Query.Start >= 0 && c.Query.End > c.Query.Start {
			qLen = max(qLen, c.Query.End)
		}
	}
	scale := plotSide / float64(max(qLen, sLen))
	v := &plotView{
		QLen: qLen, SLen: sLen,
		X0: plotMargin + 8, Y0: 14,
		PW: max(plotMinSide, float64(qLen)*scale),
		PH: max(plotMinSide, float64(sLen)*scale),
	}
	x := func(off int) float64 { return round1(v.X0 + float64(off)/float64(qLen)*v.PW) }
	y := func(off int) float64 { return round1(v.Y0 + float64(off)/float64(sLen)*v.PH) }
	for i, p := range s.Passages {
		if !ok(p.Query) || !ok(p.Source) {
			continue
		}
		b := plotBox{
			X: x(p.Query.Start), Y: y(p.Source.Start),
			X1: x(p.Query.Start), Y1: y(p.Source.Start), X2: x(p.Query.End), Y2: y(p.Source.End),
			Class:   "p-" + classToken(string(p.Kind)),
			Opacity: round1(0.25 + 0.6*min(1, max(0, p.Similarity))),
			Href:    fmt.Sprintf("#%s-p%d", anchor, i+1),
			Title: fmt.Sprintf("passage %d: %s %.2f, query %d–%d, source %d–%d",
				i+1, Escape(string(p.Kind)), p.Similarity, p.Query.Start, p.Query.End, p.Source.Start, p.Source.End),
		}
		b.W, b.H = round1(max(2, b.X2-b.X)), round1(max(2, b.Y2-b.Y))
		v.Boxes = append(v.Boxes, b)
	}
	for _, c := range a.Unsupported {
		if c.Query.Start < 0 || c.Query.End <= c.Query.Start {
			continue
		}
		b := plotBox{X: x(c.Query.Start), Y: round1(v.Y0 + v.PH + 3), H: 5, Class: "claim",
			Title: fmt.Sprintf("unsupported, query %d–%d: %s", c.Query.Start, c.Query.End, Escape(c.Reason))}
		b.W = round1(max(2, x(c.Query.End)-b.X))
		v.Claims = append(v.Claims, b)
	}
	v.QEndX, v.SEndY = round1(v.X0+v.PW), round1(v.Y0+v.PH)
	v.QLabelY = round1(v.Y0 + v.PH + 22)
	v.SLabelX = round1(v.X0 - 6)
	v.W, v.H = round1(v.X0+v.PW+plotMargin), round1(v.QLabelY+14)
	return v
}

func round1(x float64) float64 { return float64(int64(x*10+0.5)) / 10 }
