package ui

import (
	"net/http"

	"github.com/crosscheck-dev/crosscheck/internal/store"
	"github.com/crosscheck-dev/crosscheck/internal/web/access"
	"github.com/crosscheck-dev/crosscheck/internal/web/query"
)

type documentsData struct {
	Filter    store.DocumentFilter
	Since     string
	Until     string
	Documents []store.Document
	Pager     pager
}

// documents serves GET /documents: every article, newest first, with the
// document filters.
func (u *UI) documents(w http.ResponseWriter, r *http.Request, who access.Who) {
	q := r.URL.Query()
	f, err := query.Documents(q)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	if q.Get("limit") == "" {
		f.Limit = 50
	}
	p, err := u.Store.Documents(r.Context(), f)
	if err != nil {
		u.fail(w, r, err)
		return
	}
	d := documentsData{Filter: f, Since: q.Get("since"), Until: q.Get("until"), Documents: p.Items,
		Pager: newPager(r.URL, f.Limit, f.Offset, len(p.Items), p.Total)}
	u.render(w, r, http.StatusOK, "documents", u.newPage(r, who, "Articles", "documents", d))
}
