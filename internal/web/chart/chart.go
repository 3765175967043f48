// Package chart lays out the measure page's chart of estimates over time:
// one mark per estimate at the day it was said, coloured by source, a bar
// for a range, the band the latest estimates span, and the estimates kept
// out of that range greyed, with why. It computes positions only; the page's
// template draws them as SVG, so the chart is rendered on the server, needs
// no script, and every label goes through html/template's escaping.
package chart

import (
	"math"
	"slices"
	"strconv"
	"time"
)

// Estimate is one figure on the chart.
type Estimate struct {
	Day time.Time
	// Value is where the mark goes; Low and High, when Low < High, draw a
	// bar for a range.
	Value, Low, High float64
	// Series indexes Input.Series: the source, which sets the colour.
	Series int
	// Excluded estimates (rhetoric, outliers, denials) are drawn grey and
	// hollow, and do not set the scale when they would crush the others.
	Excluded bool
	// Label is the mark's tooltip; Href where a click on it goes.
	Label, Href string
}

// Band is the range the latest estimates span.
type Band struct{ Low, High float64 }

// Input is what a chart shows.
type Input struct {
	Estimates []Estimate
	// Series names the sources, in colour order.
	Series []string
	Band   *Band
}

// Layout is a chart's geometry, in SVG user units.
type Layout struct {
	Width, Height float64
	// Plot is the area inside the axes.
	Plot   Rect
	XTicks []Tick
	YTicks []Tick
	// Band is the latest estimates' range across the plot; nil when none.
	Band *Rect
	// BandLabel says what the band is ("10,000–12,000").
	BandLabel string
	Marks     []Mark
	// Empty is set when there is nothing to draw.
	Empty bool
}

// Rect is an axis-aligned rectangle.
type Rect struct{ X, Y, W, H float64 }

// Tick is an axis tick at Pos (x for the time axis, y for the values).
type Tick struct {
	Pos   float64
	Label string
}

// Mark is one estimate placed on the plot.
type Mark struct {
	X, Y float64
	// Y1 and Y2 are the ends of a range bar when Range is set.
	Y1, Y2 float64
	Range  bool
	// Series is the colour index (Input's Series); Excluded marks are grey.
	Series   int
	Excluded bool
	// OffScale is set for an excluded figure too large to draw: the mark
	// sits on the top edge and Value says what it was.
	OffScale bool
	Value    string
	Label    string
	Href     string
}

// Margins leave room for the axes' labels.
const (
	marginLeft   = 64
	marginRight  = 16
	marginTop    = 20
	marginBottom = 36
)

// Lay computes the layout of in on a width × height canvas.
func Lay(in Input, width, height float64) Layout {
	l := Layout{Width: width, Height: height,
		Plot: Rect{X: marginLeft, Y: marginTop, W: width - marginLeft - marginRight, H: height - marginTop - marginBottom}}
	if len(in.Estimates) == 0 {
		l.Empty = true
		return l
	}

	// The value scale is set by the estimates in the range (and the band);
	// an excluded figure joins it only if it would not crush them, so "a
	// million of them" does not flatten 10,000 against 12,000.
	lo, hi := math.Inf(1), math.Inf(-1)
	grow := func(v float64) { lo, hi = min(lo, v), max(hi, v) }
	for _, e := range in.Estimates {
		if !e.Excluded {
			grow(e.Value)
			if e.Low < e.High {
				grow(e.Low)
				grow(e.High)
			}
		}
	}
	if in.Band != nil {
		grow(in.Band.Low)
		grow(in.Band.High)
	}
	if math.IsInf(lo, 1) { // everything excluded: scale on all of it
		for _, e := range in.Estimates {
			grow(e.Value)
		}
	}
	ceiling := hi + 2*max(hi-lo, math.Abs(hi)*0.25)
	for _, e := range in.Estimates {
		if e.Excluded && e.Value <= ceiling {
			grow(e.Value)
			if e.Low < e.High && e.High <= ceiling {
				grow(e.Low)
				grow(e.High)
			}
		}
	}
	// Counts read best against zero unless the figures sit far above it.
	if lo > 0 && lo < 0.5*hi {
		lo = 0
	}
	yTicks, ylo, yhi := niceTicks(lo, hi, 5)
	yOf := func(v float64) float64 {
		return l.Plot.Y + l.Plot.H - (v-ylo)/(yhi-ylo)*l.Plot.H
	}
	for _, t := range yTicks {
		l.YTicks = append(l.YTicks, Tick{Pos: yOf(t), Label: Number(t)})
	}

	first, last := in.Estimates[0].Day, in.Estimates[0].Day
	for _, e := range in.Estimates {
		if e.Day.Before(first) {
			first = e.Day
		}
		if e.Day.After(last) {
			last = e.Day
		}
	}
	// Pad the days so that marks on the first and last day are not on the
	// axes.
	span := last.Sub(first)
	pad := max(span/20, 24*time.Hour)
	if span == 0 {
		pad = 3 * 24 * time.Hour
	}
	x0, x1 := first.Add(-pad), last.Add(pad)
	xOf := func(t time.Time) float64 {
		return l.Plot.X + float64(t.Sub(x0))/float64(x1.Sub(x0))*l.Plot.W
	}
	for _, t := range dayTicks(x0, x1, int(max(2, l.Plot.W/90))) {
		l.XTicks = append(l.XTicks, Tick{Pos: xOf(t.day), Label: t.label})
	}

	if in.Band != nil {
		y1, y2 := yOf(in.Band.High), yOf(in.Band.Low)
		h := max(y2-y1, 2) // a band of one figure still shows
		l.Band = &Rect{X: l.Plot.X, Y: y1 - (h-(y2-y1))/2, W: l.Plot.W, H: h}
		l.BandLabel = Number(in.Band.Low)
		if in.Band.High != in.Band.Low {
			l.BandLabel += "–" + Number(in.Band.High)
		}
	}

	for _, e := range in.Estimates {
		m := Mark{X: xOf(e.Day), Series: e.Series, Excluded: e.Excluded, Label: e.Label, Href: e.Href, Value: Number(e.Value)}
		if e.Value > yhi {
			m.OffScale, m.Y = true, l.Plot.Y
		} else {
			m.Y = yOf(e.Value)
		}
		if e.Low < e.High && e.High <= yhi {
			m.Range, m.Y1, m.Y2 = true, yOf(e.High), yOf(e.Low)
		}
		l.Marks = append(l.Marks, m)
	}
	// Draw excluded marks first, so that the estimates in the range sit on
	// top of them.
	slices.SortStableFunc(l.Marks, func(a, b Mark) int {
		switch {
		case a.Excluded && !b.Excluded:
			return -1
		case !a.Excluded && b.Excluded:
			return 1
		}
		return 0
	})
	return l
}

// niceTicks returns about n round ticks covering lo..hi, and the domain
// they span.
func niceTicks(lo, hi float64, n int) ([]float64, float64, float64) {
	if hi <= lo {
		d := max(math.Abs(hi)*0.1, 1)
		lo, hi = lo-d, hi+d
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	if end == hi {
		end += step // room above the highest mark
	}
	var ticks []float64
	for v := start; v <= end+step/2; v += step {
		ticks = append(ticks, v)
	}
	return ticks, start, end
}

type dayTick struct {
	day   time.Time
	label string
}

// dayTicks returns at most about n ticks between from and to, on days,
// Mondays, months or years, whichever gives enough of them.
func dayTicks(from, to time.Time, n int) []dayTick {
	days := to.Sub(from).Hours() / 24
	start := time.Date(from.Year(), from.Month(), from.Day(), 0, 0, 0, 0, time.UTC)
	var out []dayTick
	add := func(step func(time.Time) time.Time, first time.Time, label func(time.Time) string) {
		for t := first; !t.After(to); t = step(t) {
			if !t.Before(from) {
				out = append(out, dayTick{t, label(t)})
			}
		}
	}
	dayLabel := func(t time.Time) string { return t.Format("2 Jan") }
	switch {
	case days <= float64(n):
		add(func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }, start, dayLabel)
	case days <= float64(2*n):
		add(func(t time.Time) time.Time { return t.AddDate(0, 0, 2) }, start, dayLabel)
	case days <= float64(7*n):
		monday := start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
		add(func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }, monday, dayLabel)
	case days <= float64(14*n):
		monday := start.AddDate(0, 0, -((int(start.Weekday()) + 6) % 7))
		add(func(t time.Time) time.Time { return t.AddDate(0, 0, 14) }, monday, dayLabel)
	default:
		months := 1
		for days/30/float64(months) > float64(n) {
			months = map[int]int{1: 3, 3: 6, 6: 12, 12: 24, 24: 60, 60: 120, 120: 1200}[months]
		}
		first := time.Date(start.Year(), start.Month(), 1, 0, 0, 0, 0, time.UTC)
		label := func(t time.Time) string { return t.Format("Jan 2006") }
		if months >= 12 {
			first = time.Date(start.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
			label = func(t time.Time) string { return t.Format("2006") }
		}
		add(func(t time.Time) time.Time { return t.AddDate(0, months, 0) }, first, label)
	}
	return out
}

// Number formats a figure as a reader expects: 12,500; 2.5; 1.2 million;
// 1.1 billion.
func Number(v float64) string {
	switch {
	case math.Abs(v) >= 1e9 && math.Mod(v, 1e8) == 0:
		return trimZero(strconv.FormatFloat(v/1e9, 'f', 1, 64)) + " billion"
	case math.Abs(v) >= 1e6 && math.Mod(v, 1e5) == 0:
		return trimZero(strconv.FormatFloat(v/1e6, 'f', 1, 64)) + " million"
	}
	if v != math.Trunc(v) {
		return trimZero(strconv.FormatFloat(v, 'f', 2, 64))
	}
	s := strconv.FormatInt(int64(math.Abs(v)), 10)
	var b []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if v < 0 {
		return "−" + string(b)
	}
	return string(b)
}

func trimZero(s string) string {
	for len(s) > 1 && s[len(s)-1] == '0' {
		s = s[:len(s)-1]
	}
	if s[len(s)-1] == '.' {
		s = s[:len(s)-1]
	}
	return s
}
