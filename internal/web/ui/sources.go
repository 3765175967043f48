package ui

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

type sourcesData struct {
	Filter  store.SourceFilter
	Sources []store.Source
	Pager   pager
	Kinds   []string
}

// sources serves GET /sources: the sources across documents, the most
// quoted first.
func (u *UI) sources(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	f, err := query.Sources(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	p, err := u.Store.Sources(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := sourcesData{Filter: f, Sources: p.Items, Pager: newPager(r.URL, f.Limit, f.Offset, len(p.Items), p.Total), Kinds: query.Kinds}
	u.render(w, r, http.StatusOK, "sources", u.newPage(r, who, "Sources", "sources", d))
}
