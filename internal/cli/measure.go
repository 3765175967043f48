package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "measure", summary: "show one measure: its figures over time, range and contradictions", run: runMeasure})
}

func runMeasure(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "measure", "ID",
		"Shows one measure (see crosscheck measures for the ids): every figure given for it, in the order\n"+
			"they were said, with who gave it, the day it describes, and whether it counts in the range or\n"+
			"was set aside (rhetoric, an outlier, a denial) and why; then the range of the latest figure of\n"+
			"each independent source, the contradictions and the agreements. On a terminal a small chart of\n"+
			"the figures over time follows. CSV gives one row per figure; JSON the whole measure.")
	db := dbFlag(fs)
	format := fs.String("format", formatTable, "output `format`: table, json or csv")
	chart := fs.Bool("chart", false, "draw the chart even when the output is not a terminal")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := oneOf(env, "format", *format, listFormats...); err != nil {
		return err
	}
	if len(rest) != 1 {
		return usageErr(env, "measure takes one measure id (see crosscheck measures)")
	}
	mid, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil || mid <= 0 {
		return usageErr(env, "measure %q: give a measure's number, as crosscheck measures lists them", rest[0])
	}
	return withStore(ctx, env, *db, func(st store.Store, _ string) error {
		m, err := st.Measure(ctx, mid)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no measure %d: see crosscheck measures for the ids (after an ingest, ids of measures that changed may too)", mid)
		}
		if err != nil {
			return err
		}
		switch *format {
		case formatJSON:
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			return enc.Encode(m)
		case formatCSV:
			return writeListing(env.Stdout, formatCSV, 0, m.Estimates, estimateColumns)
		}
		width := outputWidth(env)
		writeMeasure(env.Stdout, m, width)
		if *chart || isTerminal(env.Stdout) {
			fmt.Fprintln(env.Stdout)
			writeChart(env.Stdout, m, min(width, 100))
		}
		return nil
	})
}

var estimateColumns = []column[store.Estimate]{
	{name: "said_on", title: "said", value: func(e store.Estimate) string { return day(e.SaidOn) }},
	{name: "as_of", title: "as of", value: func(e store.Estimate) string { return day(e.AsOf) }},
	{name: "source", value: sourceName, flex: true, max: 30},
	{name: "figure", value: figure, right: true},
	{name: "kind", value: func(e store.Estimate) string { return e.Kind }},
	{name: "status", title: "", value: estimateStatus, flex: true},
	{name: "document", title: "doc", value: func(e store.Estimate) string { return id(e.Document.ID) }, right: true},
	{name: "claim", value: func(e store.Estimate) string { return id(e.Claim.ID) }, csvOnly: true},
	{name: "value", value: func(e store.Estimate) string { return floatText(e.Value) }, csvOnly: true},
	{name: "low", value: func(e store.Estimate) string { return floatText(e.Low) }, csvOnly: true},
	{name: "high", value: func(e store.Estimate) string { return floatText(e.High) }, csvOnly: true},
	{name: "approx", value: func(e store.Estimate) string { return strconv.FormatBool(e.Approx) }, csvOnly: true},
	{name: "excluded", value: func(e store.Estimate) string { return strconv.FormatBool(e.Excluded) }, csvOnly: true},
	{name: "why", value: func(e store.Estimate) string { return e.Why }, csvOnly: true},
	{name: "latest", value: func(e store.Estimate) string { return strconv.FormatBool(e.Latest) }, csvOnly: true},
	{name: "text", value: func(e store.Estimate) string { return e.Text }, csvOnly: true},
	{name: "source_id", value: func(e store.Estimate) string { return idOrEmpty(e.Source.ID) }, csvOnly: true},
	{name: "document_title", value: func(e store.Estimate) string { return e.Document.Title }, csvOnly: true},
	{name: "published", value: func(e store.Estimate) string { return day(e.Document.Published) }, csvOnly: true},
	{name: "content", value: func(e store.Estimate) string { return e.Claim.Content }, csvOnly: true},
}

func floatText(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// estimateStatus says whether a figure counts: "latest" for those making
// the range, the reason for those set aside.
func estimateStatus(e store.Estimate) string {
	switch {
	case e.Excluded:
		return "set aside: " + e.Why
	case e.Latest:
		return "latest of its source"
	case e.Why != "":
		return e.Why // "repeats the figure reported on..."
	case e.Cited:
		return "cited by " + e.Claim.Speaker
	}
	return ""
}

// writeMeasure prints a measure for a person.
func writeMeasure(w io.Writer, m *store.Measure, width int) {
	fmt.Fprintf(w, "%s\n", m.Name)
	line := []string{fmt.Sprintf("%d figures", m.Count), fmt.Sprintf("%d independent sources", m.Sources)}
	if m.Range != nil {
		line = append(line, "latest range "+rangeText(m.Range))
	}
	if !m.FirstSaid.IsZero() {
		line = append(line, "said "+day(m.FirstSaid)+" to "+day(m.LastSaid))
	}
	fmt.Fprintf(w, "%s\n\n", strings.Join(line, " · "))
	writeListing(w, formatTable, width, m.Estimates, estimateColumns)
	for _, rel := range []struct {
		title string
		list  []store.Relation
	}{{"Contradictions", m.Contradictions}, {"Agreements", m.Agreements}} {
		if len(rel.list) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s\n", rel.title)
		for _, r := range rel.list {
			fmt.Fprintf(w, "  - %s\n", wrapText(r.What, width-4, "    "))
		}
	}
}

// writeChart draws the figures over time in text: a column per stretch of
// days, a row per band of values; each source's figures marked with its
// letter (a range as a bar), figures set aside with "x", the latest range
// as a band of dots. Values beyond the chart's top are drawn on it with
// "^".
func writeChart(w io.Writer, m *store.Measure, width int) {
	var points []store.Estimate
	for _, e := range m.Estimates {
		if e.Kind != store.EstimateDenial && (e.Value != nil || e.Low != nil || e.High != nil) && !e.AsOf.IsZero() {
			points = append(points, e)
		}
	}
	if len(points) == 0 {
		fmt.Fprintln(w, "(no dated figures to chart)")
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, e := range points {
		if e.Excluded {
			continue
		}
		a, b := ends(e)
		lo, hi = math.Min(lo, a), math.Max(hi, b)
	}
	if math.IsInf(lo, 1) { // everything set aside
		for _, e := range points {
			a, b := ends(e)
			lo, hi = math.Min(lo, a), math.Max(hi, b)
		}
	}
	if hi == lo {
		lo, hi = lo*0.9, hi*1.1+1
	}
	pad := (hi - lo) * 0.1
	lo, hi = math.Max(0, lo-pad), hi+pad
	first, last := points[0].AsOf, points[0].AsOf
	for _, e := range points {
		if e.AsOf.Before(first) {
			first = e.AsOf
		}
		if e.AsOf.After(last) {
			last = e.AsOf
		}
	}
	const rows = 10
	label := max(len(number(hi)), len(number(lo))) + 1
	cols := max(20, width-label-2)
	days := last.Sub(first).Hours() / 24
	grid := make([][]rune, rows)
	for i := range grid {
		grid[i] = []rune(strings.Repeat(" ", cols))
	}
	row := func(v float64) int {
		r := int(math.Round((hi - v) / (hi - lo) * float64(rows-1)))
		return min(max(r, 0), rows-1)
	}
	col := func(t time.Time) int {
		if days == 0 {
			return cols / 2
		}
		return int(math.Round(t.Sub(first).Hours() / 24 / days * float64(cols-1)))
	}
	if m.Range != nil {
		for r := row(m.Range.High); r <= row(m.Range.Low); r++ {
			for c := range grid[r] {
				if grid[r][c] == ' ' && c%2 == 0 {
					grid[r][c] = '·'
				}
			}
		}
	}
	letters := map[string]rune{}
	var legend []string
	for _, e := range points {
		mark, ok := letters[e.Source.Name]
		if !ok {
			mark = rune('A' + len(letters)%26)
			letters[e.Source.Name] = mark
			legend = append(legend, fmt.Sprintf("%c %s", mark, e.Source.Name))
		}
		if e.Excluded {
			mark = 'x'
		}
		a, b := ends(e)
		c := col(e.AsOf)
		for r := row(b); r <= row(a); r++ {
			grid[r][c] = mark
		}
		if b > hi {
			grid[0][c] = '^'
		}
	}
	for r := range grid {
		v := ""
		if r == 0 {
			v = number(hi)
		} else if r == rows-1 {
			v = number(lo)
		}
		fmt.Fprintf(w, "%*s │%s\n", label, v, strings.TrimRight(string(grid[r]), " "))
	}
	fmt.Fprintf(w, "%*s └%s\n", label, "", strings.Repeat("─", cols))
	start, end := day(first), day(last)
	fmt.Fprintf(w, "%*s  %s%*s\n", label, "", start, max(0, cols-len(start)), end)
	sort.Strings(legend)
	fmt.Fprintf(w, "%*s  %s; x set aside; · latest range\n", label, "", strings.Join(legend, "; "))
}

// ends returns the span an estimate covers on the chart.
func ends(e store.Estimate) (float64, float64) {
	v := 0.0
	switch {
	case e.Value != nil:
		v = *e.Value
	case e.Low != nil:
		v = *e.Low
	case e.High != nil:
		v = *e.High
	}
	a, b := v, v
	if e.Low != nil {
		a = *e.Low
	}
	if e.High != nil {
		b = *e.High
	}
	if e.Bound == "max" {
		a = b
	}
	if e.Bound == "min" {
		b = a
	}
	return math.Min(a, b), math.Max(a, b)
}
