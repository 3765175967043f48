package ui

import (
	"net/http"
	"slices"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/extract/when"
	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

// timelineData is the timeline: for each day, what was said that day and
// the events that claims place on it.
type timelineData struct {
	Filter       store.ClaimFilter
	Since, Until string
	Days         []timelineDay
	// Shown and Total count the claims read and all that match; the
	// timeline reads at most timelineClaims.
	Shown, Total int
	Source       *store.Source
	// Measure is set when the timeline follows one measure's figures.
	Measure *store.Measure
}

type timelineDay struct {
	Day        time.Time
	Statements []store.Claim
	Events     []timelineEvent
	// Figures are a measure's estimates said that day.
	Figures []store.TimelineEntry
}

// timelineEvent is a dated event a claim speaks of: "shipped between 8
// and 13 October", "by Nov 1".
type timelineEvent struct {
	Claim store.Claim
	Time  when.Time
	// Span says when the event runs over several days.
	Span string
}

// timelineClaims bounds the claims one timeline reads; filters narrow it.
const timelineClaims = 1000

// timeline serves GET /timeline, with the claims filters (source, since,
// until, search, speaker...).
func (u *UI) timeline(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	if q.Get("measure") != "" {
		u.measureTimeline(w, r, who)
		return
	}
	f, err := query.Claims(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	f.Order = store.OrderOldest
	if q.Get("limit") == "" {
		f.Limit = timelineClaims
	}
	p, err := u.Store.Claims(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := timelineData{Filter: f, Since: q.Get("since"), Until: q.Get("until"), Shown: len(p.Items), Total: p.Total}
	if f.SourceID != 0 {
		if d.Source, err = u.Store.Source(r.Context(), f.SourceID); err != nil {
			u.fail(w, r, err)
			return
		}
	}
	d.Days = layTimeline(p.Items, f.Since, f.Until)
	u.render(w, r, http.StatusOK, "timeline", u.newPage(r, who, "Timeline", "timeline", d))
}

// layTimeline groups claims by the day they were made, and the events
// they date by the event's first day. An event on the day its claim was
// made is the statement itself ("said on Thursday") and is not repeated;
// events outside since..until are left out.
func layTimeline(claims []store.Claim, since, until time.Time) []timelineDay {
	days := map[time.Time]*timelineDay{}
	at := func(t time.Time) *timelineDay {
		d, ok := days[t]
		if !ok {
			d = &timelineDay{Day: t}
			days[t] = d
		}
		return d
	}
	for _, c := range claims {
		if !c.Day.IsZero() {
			at(c.Day).Statements = append(at(c.Day).Statements, c)
		}
		for _, t := range c.Times {
			switch t.Kind {
			case when.KindDate, when.KindRange, when.KindDeadline:
			default:
				continue
			}
			if t.Start == "" || (t.Granularity != "" && t.Granularity != "day" && t.Kind != when.KindRange) {
				continue // a month or a year is no day on a timeline
			}
			start := store.ParseDay(t.Start)
			if start.IsZero() || start.Equal(c.Day) || (!since.IsZero() && start.Before(since)) || (!until.IsZero() && start.After(until)) {
				continue
			}
			ev := timelineEvent{Claim: c, Time: t}
			if t.End != "" && t.End != t.Start {
				ev.Span = "to " + isoDay(t.End)
			}
			at(start).Events = append(at(start).Events, ev)
		}
	}
	out := make([]timelineDay, 0, len(days))
	for _, d := range days {
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b timelineDay) int { return a.Day.Compare(b.Day) })
	return out
}

// measureTimeline serves GET /timeline?measure=ID: one measure's figures,
// day by day, as the reconciliation dated them.
func (u *UI) measureTimeline(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	f, err := query.Timeline(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if q.Get("limit") == "" {
		f.Limit = timelineClaims
	}
	m, err := u.Store.Measure(r.Context(), f.MeasureID)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, err := u.Store.Timeline(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := timelineData{Since: q.Get("since"), Until: q.Get("until"), Shown: len(p.Items), Total: p.Total, Measure: m}
	d.Filter.Since, d.Filter.Until = f.Since, f.Until
	for _, e := range p.Items {
		if n := len(d.Days); n == 0 || !d.Days[n-1].Day.Equal(e.Day) {
			d.Days = append(d.Days, timelineDay{Day: e.Day})
		}
		last := &d.Days[len(d.Days)-1]
		last.Figures = append(last.Figures, e)
	}
	u.render(w, r, http.StatusOK, "timeline", u.newPage(r, who, "Timeline: "+m.Name, "timeline", d))
}
