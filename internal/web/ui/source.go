package ui

import (
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
)

// sourceData is a source's page.
type sourceData struct {
	Source *store.Source
	Claims []store.Claim
	// Shown and Total count the claims listed and all of them.
	Shown, Total int
	// Activity is the claims per period, for the chart over time.
	Activity activity
	// Measures are the measures the source gave a figure for.
	Measures []store.Measure
	Grades   []grade
	// CanGrade is set when the visitor may change the reliability without
	// typing a token: from this machine, or signed in.
	CanGrade bool
	Saved    bool
}

// grade is one letter of the Admiralty scale.
type grade struct{ Letter, Meaning string }

// grades are the Admiralty scale's reliability grades (STANAG 2511; the
// NATO source reliability scale).
var grades = []grade{
	{"A", "completely reliable"}, {"B", "usually reliable"}, {"C", "fairly reliable"},
	{"D", "not usually reliable"}, {"E", "unreliable"}, {"F", "reliability cannot be judged"},
}

// sourceClaimsShown bounds the claims listed on a source's page; the
// claims table has the rest.
const sourceClaimsShown = 200

// source serves GET /sources/{id}.
func (u *UI) source(w http.ResponseWriter, r *http.Request, who access.Who) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		u.notFound(w, r, "There is no source "+r.PathValue("id")+": source ids are numbers.")
		return
	}
	ctx := r.Context()
	s, err := u.Store.Source(ctx, id)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, err := u.Store.Claims(ctx, store.ClaimFilter{SourceID: id, Limit: sourceClaimsShown})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := sourceData{Source: s, Claims: p.Items, Shown: len(p.Items), Total: p.Total, Grades: grades,
		CanGrade: who.Local || who.Token != nil, Saved: r.URL.Query().Get("saved") == "1"}
	d.Activity = layActivity(p.Items)
	ms, err := u.Store.Measures(ctx, store.MeasureFilter{SourceID: id, Limit: 20})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d.Measures = ms.Items
	pg := u.newPage(r, who, s.Name, "sources", d)
	if d.Saved {
		pg.Flash = "Reliability saved: " + s.Reliability + "."
	}
	u.render(w, r, http.StatusOK, "source", pg)
}

// activity is a small bar chart of claims per day (or per week when the
// days span more than three months), drawn as SVG.
type activity struct {
	Width, Height float64
	// Axis is the baseline's y.
	Axis        float64
	Bars        []activityBar
	First, Last string
	Max         int
	Unit        string
}

type activityBar struct {
	X, Y, W, H float64
	Label      string
}

func layActivity(claims []store.Claim) activity {
	a := activity{Width: 1000, Height: 100, Unit: "day"}
	var days []time.Time
	for _, c := range claims {
		if !c.Day.IsZero() {
			days = append(days, c.Day)
		}
	}
	if len(days) == 0 {
		return a
	}
	slices.SortFunc(days, func(x, y time.Time) int { return x.Compare(y) })
	first, last := days[0], days[len(days)-1]
	step := 24 * time.Hour
	if last.Sub(first) > 92*24*time.Hour {
		step, a.Unit = 7*24*time.Hour, "week"
	}
	n := int(last.Sub(first)/step) + 1
	counts := make([]int, n)
	for _, d := range days {
		counts[int(d.Sub(first)/step)]++
	}
	for _, c := range counts {
		a.Max = max(a.Max, c)
	}
	const top, bottom = 6, 18 // room for the day labels under the axis
	a.Axis = a.Height - bottom
	bw := a.Width / float64(max(n, 1))
	for i, c := range counts {
		if c == 0 {
			continue
		}
		h := float64(c) / float64(a.Max) * (a.Height - top - bottom)
		day := first.Add(time.Duration(i) * step)
		a.Bars = append(a.Bars, activityBar{X: float64(i)*bw + bw*0.1, Y: a.Height - bottom - h, W: max(bw*0.8, 1.5), H: h,
			Label: plural(c, "claim", "claims") + ", " + day.Format("2 Jan 2006")})
	}
	a.First, a.Last = first.Format("2 Jan 2006"), last.Format("2 Jan 2006")
	return a
}
