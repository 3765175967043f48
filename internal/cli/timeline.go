package cli

import (
	"context"
	"strconv"

	"github.com/crosscheck-dev/crosscheck/internal/store"
)

func init() {
	register(command{name: "timeline", summary: "list statements by day, with the figures they give", run: runTimeline})
}

func runTimeline(ctx context.Context, env Env, args []string) error {
	fs := newFlags(env, "timeline", "",
		"Lists the claims in the store by the day they were made, oldest first, each with the figure it\n"+
			"gives for a measure (a claim giving several has a line for each). --source follows one source,\n"+
			"--measure one measure's figures.")
	lf := addListFlags(fs)
	source := fs.String("source", "", "keep one source's claims and figures: its `id or name`")
	measure := fs.Int64("measure", 0, "keep the figures of one measure, by its `id` (see crosscheck measures)")
	since := fs.String("since", "", "keep what was said on or after this `day` (YYYY-MM-DD, YYYY-MM or YYYY)")
	until := fs.String("until", "", "keep what was said on or before this `day`")
	newest := fs.Bool("newest", false, "the latest first")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := lf.check(env, "timeline", rest); err != nil {
		return err
	}
	f := store.TimelineFilter{MeasureID: *measure, Limit: *lf.limit}
	if f.Since, err = dayFlag(env, "since", *since, false); err != nil {
		return err
	}
	if f.Until, err = dayFlag(env, "until", *until, true); err != nil {
		return err
	}
	if *newest {
		f.Order = store.OrderNewest
	}
	return withStore(ctx, env, *lf.db, func(st store.Store, _ string) error {
		if *source != "" {
			src, err := findSource(ctx, env, st, *source)
			if err != nil {
				return err
			}
			f.SourceID = src.ID
		}
		page, err := st.Timeline(ctx, f)
		if err != nil {
			return listErr(env, err)
		}
		if err := writeListing(env.Stdout, *lf.format, outputWidth(env), page.Items, timelineColumns); err != nil {
			return err
		}
		listed(env, "timeline entries", len(page.Items), page.Total, f != store.TimelineFilter{Limit: f.Limit})
		return nil
	})
}

var timelineColumns = []column[store.TimelineEntry]{
	{name: "day", value: func(t store.TimelineEntry) string { return day(t.Day) }},
	{name: "source", value: func(t store.TimelineEntry) string { return t.Source.Name }, flex: true, max: 24},
	{name: "figure", value: func(t store.TimelineEntry) string {
		if t.Estimate == nil {
			return ""
		}
		return figure(*t.Estimate)
	}, right: true},
	{name: "measure", value: func(t store.TimelineEntry) string {
		if t.Measure == nil {
			return ""
		}
		return t.Measure.Name
	}, flex: true, max: 30},
	{name: "content", value: func(t store.TimelineEntry) string { return t.Claim.Content }, flex: true},
	{name: "claim", value: func(t store.TimelineEntry) string { return id(t.Claim.ID) }, right: true},
	{name: "cue", value: func(t store.TimelineEntry) string { return t.Claim.Cue }, csvOnly: true},
	{name: "stance", value: func(t store.TimelineEntry) string { return t.Claim.Stance }, csvOnly: true},
	{name: "source_id", value: func(t store.TimelineEntry) string { return idOrEmpty(t.Source.ID) }, csvOnly: true},
	{name: "measure_id", value: func(t store.TimelineEntry) string {
		if t.Measure == nil {
			return ""
		}
		return id(t.Measure.ID)
	}, csvOnly: true},
	{name: "excluded", value: func(t store.TimelineEntry) string {
		if t.Estimate == nil {
			return ""
		}
		return strconv.FormatBool(t.Estimate.Excluded)
	}, csvOnly: true},
	{name: "as_of", value: func(t store.TimelineEntry) string {
		if t.Estimate == nil {
			return ""
		}
		return day(t.Estimate.AsOf)
	}, csvOnly: true},
	{name: "document", value: func(t store.TimelineEntry) string { return id(t.Document.ID) }, csvOnly: true},
	{name: "document_title", value: func(t store.TimelineEntry) string { return t.Document.Title }, csvOnly: true},
}
