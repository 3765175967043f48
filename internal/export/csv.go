package export

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

// csvColumns are the columns of the CSV export: a claim's flat fields, with
// its figures, times and places each in one cell ("; " between items).
var csvColumns = []struct {
	name  string
	value func(store.Document, claim) string
}{
	{"claim_id", func(_ store.Document, c claim) string { return strconv.FormatInt(c.ID, 10) }},
	{"document_id", func(d store.Document, _ claim) string { return strconv.FormatInt(d.ID, 10) }},
	{"document_title", func(d store.Document, _ claim) string { return d.Title }},
	{"publisher", func(d store.Document, _ claim) string { return d.Publisher }},
	{"published", func(d store.Document, _ claim) string { return store.Day(d.Published) }},
	{"url", func(d store.Document, _ claim) string { return d.URL }},
	{"day", func(_ store.Document, c claim) string { return store.Day(c.Day) }},
	{"source_id", func(_ store.Document, c claim) string {
		if c.Source == nil {
			return ""
		}
		return strconv.FormatInt(c.Source.ID, 10)
	}},
	// source is the name across documents, speaker the one this document
	// gives ("Kestrian Defence Intelligence Directorate" and "KDID").
	{"source", func(_ store.Document, c claim) string {
		if c.Source == nil {
			return c.Speaker.Name
		}
		return c.Source.Name
	}},
	{"speaker", func(_ store.Document, c claim) string { return c.Speaker.Name }},
	{"source_kind", func(_ store.Document, c claim) string { return c.Speaker.Kind }},
	{"role", func(_ store.Document, c claim) string { return c.Speaker.Role }},
	{"cue", func(_ store.Document, c claim) string { return c.Cue }},
	{"mode", func(_ store.Document, c claim) string { return c.Mode }},
	{"kind", func(_ store.Document, c claim) string { return c.Kind }},
	{"stance", func(_ store.Document, c claim) string { return c.Stance }},
	{"content", func(_ store.Document, c claim) string { return c.Content }},
	{"figures", func(_ store.Document, c claim) string { return figures(c) }},
	{"times", func(_ store.Document, c claim) string { return times(c) }},
	{"places", func(_ store.Document, c claim) string { return places(c) }},
	{"status", func(_ store.Document, c claim) string { return c.Verification.Status }},
	{"credibility", func(_ store.Document, c claim) string { return strconv.Itoa(c.Verification.Credibility) }},
}

func writeCSV(ctx context.Context, w io.Writer, st store.Store) (Summary, error) {
	var sum Summary
	r, err := newReader(ctx, st)
	if err != nil {
		return sum, err
	}
	cw := csv.NewWriter(w)
	row := make([]string, len(csvColumns))
	for i, col := range csvColumns {
		row[i] = col.name
	}
	if err := cw.Write(row); err != nil {
		return sum, err
	}
	err = r.each(ctx, func(e entry) error {
		sum.Documents++
		for _, c := range e.Claims {
			for i, col := range csvColumns {
				row[i] = col.value(e.Doc, c)
			}
			if err := cw.Write(row); err != nil {
				return err
			}
			sum.Claims++
		}
		return nil
	})
	if err != nil {
		return sum, err
	}
	cw.Flush()
	return sum, cw.Error()
}

// figures lists a claim's quantities as written.
func figures(c claim) string {
	out := make([]string, len(c.Quantities))
	for i, q := range c.Quantities {
		out[i] = q.Text
	}
	return strings.Join(out, "; ")
}

// times lists a claim's dates as written, each with the days it stands for
// ("last week = 2025-03-03..2025-03-09").
func times(c claim) string {
	out := make([]string, len(c.Times))
	for i, t := range c.Times {
		s := t.Text
		switch {
		case t.Start != "" && t.End != "" && t.End != t.Start:
			s += " = " + t.Start + ".." + t.End
		case t.Start != "":
			s += " = " + t.Start
		}
		out[i] = s
	}
	return strings.Join(out, "; ")
}

// places lists a claim's places by their gazetteer names, with their
// countries ("Geneva (CH)").
func places(c claim) string {
	out := make([]string, len(c.Places))
	for i, p := range c.Places {
		s := p.Name
		if p.Country != "" {
			s += " (" + p.Country + ")"
		}
		out[i] = s
	}
	return strings.Join(out, "; ")
}
