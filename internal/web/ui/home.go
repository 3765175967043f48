package ui

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
)

// homeData is the overview: what the store holds, the latest documents,
// the most reported figures, the most quoted sources.
type homeData struct {
	Stats     store.Stats
	Documents []store.Document
	Sources   []store.Source
	// Measures are the measures with the most independent sources.
	Measures []store.Measure
	// MaxClaims is the most claims of a listed source, for the bars.
	MaxClaims int
	// CanAdd is set when the visitor may add an article.
	CanAdd bool
}

// home serves GET /.
func (u *UI) home(w http.ResponseWriter, r *http.Request, who access.Who) {
	ctx := r.Context()
	var d homeData
	var err error
	if d.Stats, err = u.Store.Stats(ctx); err != nil {
		u.fail(w, r, err)
		return
	}
	docs, err := u.Store.Documents(ctx, store.DocumentFilter{Limit: 8})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	srcs, err := u.Store.Sources(ctx, store.SourceFilter{Limit: 10})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	ms, err := u.Store.Measures(ctx, store.MeasureFilter{Limit: 6})
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d.Documents, d.Sources, d.Measures = docs.Items, srcs.Items, ms.Items
	for _, s := range d.Sources {
		d.MaxClaims = max(d.MaxClaims, s.Claims)
	}
	d.CanAdd = who.Local || who.Token != nil
	u.render(w, r, http.StatusOK, "home", u.newPage(r, who, "", "home", d))
}
