package ui

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

type measuresData struct {
	Filter   store.MeasureFilter
	Measures []store.Measure
	Pager    pager
}

// measures serves GET /measures: what the figures count, the most
// independently sourced first.
func (u *UI) measures(w http.ResponseWriter, r *http.Request, who access.Who) {
	f, err := query.Measures(r.URL.Query())
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, err := u.Store.Measures(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := measuresData{Filter: f, Measures: p.Items, Pager: newPager(r.URL, f.Limit, f.Offset, len(p.Items), p.Total)}
	u.render(w, r, http.StatusOK, "measures", u.newPage(r, who, "Figures", "measures", d))
}

// rangeText writes a measure's range: "10,000–12,000", "8,000", or "".
func rangeText(rg *store.Range) string {
	if rg == nil {
		return ""
	}
	if rg.Low == rg.High {
		return figure(rg.Low)
	}
	return figure(rg.Low) + "–" + figure(rg.High)
}

// measureLine says in a few words what is counted: the event, where, and
// whether it is expected or done.
func measureLine(m store.Measure) string {
	// Say only what the name does not say already.
	name := strings.ToLower(m.Name)
	var parts []string
	add := func(s string) {
		if s != "" && !strings.Contains(name, strings.ToLower(s)) {
			parts = append(parts, s)
		}
	}
	if m.Event != "present" {
		add(m.Event)
	}
	if m.Outlook == "expected" {
		add("expected")
	}
	if m.Place != "" {
		add("in " + m.Place)
	}
	if m.Rate != "" {
		add("a " + m.Rate)
	}
	if m.Increment {
		parts = append(parts, "additions")
	}
	return strings.Join(parts, " · ")
}

// measuresFor is the link to a source's measures.
func measuresFor(sourceID int64) string {
	return "/measures?source=" + url.QueryEscape(id(sourceID))
}
