package ui

import (
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract/quantity"
	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/extract/where"
	"github.com/crosscheck-dev/crosscheck/internal/web/chart"
)

// normal is one item of a claim as written and as crosscheck read it.
type normal struct {
	Text string // as written
	Read string // as normalised
	Note string // what kind of reading (rhetoric, a deadline...)
}

// describeQuantity says what a figure was read as: "≈ 1,500 troops",
// "10,000–12,000", "at least 500", "300 a week".
func describeQuantity(q quantity.Quantity) normal {
	n := normal{Text: q.Text}
	var b strings.Builder
	if q.Approx {
		b.WriteString("≈ ")
	}
	switch {
	case len(q.Alternatives) > 1:
		parts := make([]string, len(q.Alternatives))
		for i, a := range q.Alternatives {
			parts[i] = chart.Number(a)
		}
		b.WriteString(strings.Join(parts, " or "))
	case q.Low != nil && q.High != nil && *q.Low != *q.High:
		b.WriteString(chart.Number(*q.Low) + "–" + chart.Number(*q.High))
	case q.Bound == "min" && q.Low != nil:
		b.WriteString("at least " + chart.Number(*q.Low))
	case q.Bound == "max" && q.High != nil:
		b.WriteString("at most " + chart.Number(*q.High))
	case q.Value != nil:
		b.WriteString(chart.Number(*q.Value))
	case q.Low != nil:
		b.WriteString("at least " + chart.Number(*q.Low))
	default:
		b.WriteString("an unstated number")
	}
	if q.Unit != "" {
		b.WriteString(" " + q.Unit)
	}
	if q.What != "" {
		b.WriteString(" " + q.What)
	}
	if q.Rate != "" {
		b.WriteString(" a " + q.Rate)
	}
	n.Read = b.String()
	switch {
	case q.Rhetorical:
		n.Note = "rhetoric, not an estimate"
	case q.Vague:
		n.Note = "vague"
	}
	return n
}

// describeTime says which days an expression was read as.
func describeTime(t when.Time) normal {
	n := normal{Text: t.Text, Note: t.Kind}
	switch {
	case t.Start != "" && t.End != "" && t.Start != t.End:
		n.Read = isoDay(t.Start) + " to " + isoDay(t.End)
	case t.Start != "":
		n.Read = isoDay(t.Start)
	case t.Value != "":
		n.Read = t.Value
	}
	if t.Granularity != "" && t.Granularity != "day" {
		n.Note += ", " + t.Granularity
	}
	if t.Mod != "" {
		n.Note += ", " + strings.ToLower(t.Mod)
	}
	return n
}

// isoDay writes an ISO day as "17 Oct 2024".
func isoDay(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}

// describePlace names the gazetteer entry a place was read as.
func describePlace(p where.Place) normal {
	name := p.Canonical
	if name == "" {
		name = p.Name
	}
	n := normal{Text: p.Text, Read: name, Note: p.Kind}
	if c := where.CountryName(p.Country); c != "" && c != name {
		n.Read += ", " + c
	}
	if p.Government {
		n.Note += ", for its government"
	}
	return n
}
