package cli

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "measures", summary: "list what is counted across documents: the figures side by side", run: runMeasures})
}

func runMeasures(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "measures", "",
		"Lists the measures the reconciliation found: each thing counted across the documents (\"North\n"+
			"Korean troops expected to be deployed\", \"... sent to Kursk Oblast\"), with the range of the latest\n"+
			"figure of each independent source, how many sources stand behind it, and its contradictions.\n"+
			"Those with the most independent sources come first. Run \"crosscheck measure ID\" for one measure's\n"+
			"figures over time. JSON gives every figure of every measure.")
	lf := addListFlags(fs)
	search := fs.String("search", "", "keep measures whose name holds these `words` (any case)")
	source := fs.String("source", "", "keep measures with a figure from this source: its `id or name`")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := lf.check(env, "measures", rest); err != nil {
		return err
	}
	f := store.MeasureFilter{Search: *search, Limit: *lf.limit}
	return withStore(ctx, env, *lf.db, func(st store.Store, _ string) error {
		if *source != "" {
			src, err := findSource(ctx, env, st, *source)
			if err != nil {
				return err
			}
			f.SourceID = src.ID
		}
		page, err := st.Measures(ctx, f)
		if err != nil {
			return listErr(env, err)
		}
		if err := writeListing(env.Stdout, *lf.format, outputWidth(env), page.Items, measureColumns); err != nil {
			return err
		}
		listed(env, "measures", len(page.Items), page.Total, f != store.MeasureFilter{Limit: f.Limit})
		return nil
	})
}

var measureColumns = []column[store.Measure]{
	{name: "id", value: func(m store.Measure) string { return id(m.ID) }, right: true},
	{name: "name", value: func(m store.Measure) string { return m.Name }, flex: true},
	{name: "range", value: func(m store.Measure) string { return rangeText(m.Range) }, right: true},
	{name: "sources", title: "srcs", value: func(m store.Measure) string { return itoa(m.Sources) }, right: true},
	{name: "figures", title: "figs", value: func(m store.Measure) string { return itoa(m.Count) }, right: true},
	{name: "contradictions", title: "contra", value: func(m store.Measure) string { return itoa(len(m.Contradictions)) }, right: true},
	{name: "last_said", title: "last", value: func(m store.Measure) string { return day(m.LastSaid) }},
	{name: "what", value: func(m store.Measure) string { return m.What }, csvOnly: true},
	{name: "nationality", value: func(m store.Measure) string { return m.Nationality }, csvOnly: true},
	{name: "event", value: func(m store.Measure) string { return m.Event }, csvOnly: true},
	{name: "outlook", value: func(m store.Measure) string { return m.Outlook }, csvOnly: true},
	{name: "place", value: func(m store.Measure) string { return m.Place }, csvOnly: true},
	{name: "country", value: func(m store.Measure) string { return m.Country }, csvOnly: true},
	{name: "unit", value: func(m store.Measure) string { return m.Unit }, csvOnly: true},
	{name: "rate", value: func(m store.Measure) string { return m.Rate }, csvOnly: true},
	{name: "low", value: func(m store.Measure) string { return rangeEnd(m.Range, false) }, csvOnly: true},
	{name: "high", value: func(m store.Measure) string { return rangeEnd(m.Range, true) }, csvOnly: true},
	{name: "first_said", value: func(m store.Measure) string { return day(m.FirstSaid) }, csvOnly: true},
}

// number writes a figure with thousands separators ("12,000", "1.5").
func number(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return ""
	}
	if f != math.Trunc(f) || math.Abs(f) >= 1e15 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(f)), 10)
	var b strings.Builder
	if f < 0 {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// rangeText writes a range as "10,000–12,000", one number when its ends
// meet, nothing when there is none.
func rangeText(r *store.Range) string {
	if r == nil {
		return ""
	}
	if r.Low == r.High {
		return number(r.Low)
	}
	return number(r.Low) + "–" + number(r.High)
}

func rangeEnd(r *store.Range, high bool) string {
	if r == nil {
		return ""
	}
	if high {
		return strconv.FormatFloat(r.High, 'f', -1, 64)
	}
	return strconv.FormatFloat(r.Low, 'f', -1, 64)
}

// figure writes an estimate as a reader would: "about 55", "60–80", "more
// than 10,000", "0 (denial)".
func figure(e store.Estimate) string {
	var s string
	switch {
	case e.Kind == store.EstimateDenial:
		return "none (denial)"
	case e.Low != nil && e.High != nil && *e.Low != *e.High:
		s = number(*e.Low) + "–" + number(*e.High)
	case e.Value != nil:
		s = number(*e.Value)
	case e.Low != nil:
		s = number(*e.Low)
	case e.High != nil:
		s = number(*e.High)
	default:
		return e.Text
	}
	switch e.Bound {
	case "min":
		s = "over " + s
	case "max":
		s = "up to " + s
	}
	if e.Approx {
		s = "~" + s
	}
	return s
}

// sourceName names an estimate's source, and whom it speaks for.
func sourceName(e store.Estimate) string {
	if e.SpeaksFor != nil {
		return fmt.Sprintf("%s (for %s)", e.Source.Name, e.SpeaksFor.Name)
	}
	return e.Source.Name
}
