package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/chart"
)

// measureData is a measure's page: the chart of its estimates over time
// over a table of the same.
type measureData struct {
	Measure *store.Measure
	// Chart is drawn for a wide screen, Small for a phone's width, where
	// the wide one's labels would be too small to read.
	Chart, Small chart.Layout
	// Series are the sources in the chart's colour order; Aside those
	// whose every figure is set aside.
	Series []seriesView
	Aside  []seriesView
	// Rows are the estimates, each with its colour and the mark's text.
	Rows []estimateRow
	// Undated counts estimates with no day, listed but not drawn.
	Undated int
	Kept    int
}

type seriesView struct {
	Name   string
	ID     int64
	Colour int
}

type estimateRow struct {
	store.Estimate
	Colour int
	Figure string
	// Plotted is false for an estimate with no day or no number.
	Plotted bool
}

// Chart sizes in SVG units; the page scales them to its width.
const (
	chartWidth, chartHeight = 960, 360
	smallWidth, smallHeight = 420, 300
)

// measure serves GET /measures/{id}.
func (u *UI) measure(w http.ResponseWriter, r *http.Request, who access.Who) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		u.notFound(w, r, "There is no measure "+r.PathValue("id")+": measure ids are numbers.")
		return
	}
	m, err := u.Store.Measure(r.Context(), id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := layMeasure(m)
	u.render(w, r, http.StatusOK, "measure", u.newPage(r, who, m.Name, "measures", d))
}

// layMeasure colours the estimates by source, in the order the sources
// first gave a figure, and lays out the chart.
func layMeasure(m *store.Measure) *measureData {
	d := &measureData{Measure: m}
	colour := map[string]int{}
	key := func(s store.SourceRef) string {
		if s.ID != 0 {
			return "#" + strconv.FormatInt(s.ID, 10)
		}
		return s.Name
	}
	// Colours go to the sources with a figure in the range, in the order
	// they first gave one; a source whose every figure is set aside is
	// drawn grey, and named apart in the legend.
	kept := map[string]bool{}
	for _, e := range m.Estimates {
		if !e.Excluded {
			kept[key(e.Source)] = true
		}
	}
	var in chart.Input
	aside := map[string]bool{}
	for _, e := range m.Estimates {
		k := key(e.Source)
		c, ok := colour[k]
		switch {
		case !ok && kept[k]:
			c = len(d.Series)
			colour[k] = c
			d.Series = append(d.Series, seriesView{Name: e.Source.Name, ID: e.Source.ID, Colour: c})
			in.Series = append(in.Series, e.Source.Name)
		case !ok:
			c = -1
			if !aside[k] {
				aside[k] = true
				d.Aside = append(d.Aside, seriesView{Name: e.Source.Name, ID: e.Source.ID, Colour: -1})
			}
		}
		row := estimateRow{Estimate: e, Colour: c, Figure: estimateFigure(e)}
		if !e.Excluded {
			d.Kept++
		}
		day := e.SaidOn
		if day.IsZero() {
			day = e.AsOf
		}
		value, low, high, ok := estimateValues(e)
		if day.IsZero() || !ok {
			d.Undated++
			d.Rows = append(d.Rows, row)
			continue
		}
		row.Plotted = true
		d.Rows = append(d.Rows, row)
		label := e.Source.Name + ", " + day.Format("2 Jan 2006") + ": " + row.Figure
		if e.Kind != "" && e.Kind != store.EstimateReported {
			label += " (" + e.Kind + ")"
		}
		if e.Excluded {
			label += " — set aside: " + e.Why
		}
		in.Estimates = append(in.Estimates, chart.Estimate{Day: day, Value: value, Low: low, High: high, Series: max(c, 0),
			Excluded: e.Excluded, Label: label, Href: "/documents/" + strconv.FormatInt(e.Document.ID, 10) + "#claim-" + strconv.FormatInt(e.Claim.ID, 10)})
	}
	if m.Range != nil {
		in.Band = &chart.Band{Low: m.Range.Low, High: m.Range.High}
	}
	d.Chart = chart.Lay(in, chartWidth, chartHeight)
	d.Small = chart.Lay(in, smallWidth, smallHeight)
	return d
}

// estimateValues reads where an estimate goes on the chart: its value,
// and its range when it has one. A denial (nothing to count) is drawn at
// zero; an estimate with no number is not drawn.
func estimateValues(e store.Estimate) (value, low, high float64, ok bool) {
	if e.Low != nil && e.High != nil {
		low, high = *e.Low, *e.High
	}
	switch {
	case e.Value != nil:
		value = *e.Value
	case e.Low != nil && e.High != nil:
		value = (low + high) / 2
	case e.Low != nil:
		value = *e.Low
	case e.High != nil:
		value = *e.High
	case e.Kind == store.EstimateDenial:
		return 0, 0, 0, true
	default:
		return 0, 0, 0, false
	}
	return value, low, high, true
}

// estimateFigure writes an estimate as a reader says it: "about 9,500",
// "10,000–12,000", "more than 10,000", "none (a denial)".
func estimateFigure(e store.Estimate) string {
	if e.Kind == store.EstimateDenial {
		return "none: a denial"
	}
	var b strings.Builder
	if e.Approx {
		b.WriteString("≈ ")
	}
	switch {
	case e.Low != nil && e.High != nil && *e.Low != *e.High:
		b.WriteString(figure(*e.Low) + "–" + figure(*e.High))
	case e.Bound == "min" && e.Value != nil:
		b.WriteString("more than " + figure(*e.Value))
	case e.Bound == "max" && e.Value != nil:
		b.WriteString("up to " + figure(*e.Value))
	case e.Value != nil:
		b.WriteString(figure(*e.Value))
	default:
		b.WriteString(e.Text)
	}
	return b.String()
}

func figure(v float64) string { return chart.Number(v) }
